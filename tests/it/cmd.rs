//! The command line as data: `tests/cmd/*.md` hold commands with their exit codes and output
//! (every `--help`, exit codes, code frames after wide text, the human report of every check
//! fixture), run by `trycmd` as typos does. `TRYCMD=overwrite cargo test --test it cmd::`
//! rewrites them after a deliberate change; review the diff like any snapshot.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .register_bin(
            "mixplan",
            std::path::PathBuf::from(env!("CARGO_BIN_EXE_mixplan")),
        )
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1")
        .env("RUST_BACKTRACE", "0")
        .env("RUST_LIB_BACKTRACE", "0")
        .case("tests/cmd/*.md");
}
