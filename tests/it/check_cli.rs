//! `mixplan check` from the outside: exit codes, inputs, output formats and their snapshots.

#![expect(
    clippy::disallowed_macros,
    reason = "tests print a note when an optional validator is skipped"
)]

use std::path::{Path, PathBuf};

use predicates::prelude::*;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

use crate::common::mixplan_in as mixplan;

fn set() -> PathBuf {
    fixtures().join("check-set")
}

fn stdout_of(args: &[&str]) -> String {
    let out = mixplan(&set()).args(args).output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn with_version_filter(f: impl FnOnce()) {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(
        &regex_escape(concat!("\"", env!("CARGO_PKG_VERSION"), "\"")),
        "\"[VERSION]\"",
    );
    settings.bind(f);
}

fn regex_escape(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '"' {
                c.to_string()
            } else {
                format!("\\{c}")
            }
        })
        .collect()
}

#[test]
fn snapshot_human() {
    insta::assert_snapshot!(stdout_of(&["check"]));
}

#[test]
fn snapshot_concise() {
    insta::assert_snapshot!(stdout_of(&["check", "--format", "concise"]));
}

#[test]
fn snapshot_json() {
    insta::assert_snapshot!(stdout_of(&["check", "--format", "json"]));
}

#[test]
fn snapshot_sarif() {
    with_version_filter(|| insta::assert_snapshot!(stdout_of(&["check", "--format", "sarif"])));
}

#[test]
fn snapshot_github() {
    insta::assert_snapshot!(stdout_of(&["check", "--format", "github"]));
}

#[test]
fn output_is_deterministic() {
    let first = stdout_of(&["check", "--format", "json"]);
    for _ in 0..3 {
        assert_eq!(first, stdout_of(&["check", "--format", "json"]));
    }
}

#[test]
fn json_follows_the_contract() {
    let value: serde_json::Value =
        serde_json::from_str(&stdout_of(&["check", "--format", "json"])).unwrap();
    assert_eq!(value["schema_version"], 1);
    // Cargo.toml holds no [course] table and is skipped.
    assert_eq!(value["files_checked"], 5);
    for d in value["diagnostics"].as_array().unwrap() {
        for key in [
            "file",
            "line",
            "column",
            "end_line",
            "end_column",
            "rule",
            "severity",
            "message",
        ] {
            assert!(d.get(key).is_some(), "{key} missing in {d}");
        }
    }
}

#[test]
fn exit_0_when_only_warnings() {
    mixplan(&set())
        .args(["check", "courses"])
        .assert()
        .code(0)
        .stdout(predicate::str::ends_with("2 warnings in 2 of 3 files\n"));
}

#[test]
fn exit_0_and_one_line_when_clean() {
    mixplan(&set())
        .args(["check", "courses/clean.toml"])
        .assert()
        .code(0)
        .stdout("checked 1 file: no problems\n");
}

#[test]
fn exit_1_on_errors() {
    mixplan(&set())
        .args(["check", "more/broken.toml"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[unknown-zone]"))
        .stdout(predicate::str::contains("error[unknown-value]"))
        .stdout(predicate::str::contains("did you mean `lecture`?"));
}

#[test]
fn exit_1_on_warnings_under_deny_warnings() {
    mixplan(&set())
        .args(["check", "courses", "--deny", "warnings"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("(warnings are denied)"));
}

#[test]
fn deny_and_allow_one_rule() {
    mixplan(&set())
        .args([
            "check",
            "courses/live-lecture.toml",
            "--deny",
            "live-lecture",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[live-lecture]"));
    mixplan(&set())
        .args([
            "check",
            "courses/live-lecture.toml",
            "--allow",
            "live-lecture",
        ])
        .assert()
        .code(0)
        .stdout("checked 1 file: no problems\n");
}

#[test]
fn unknown_rule_on_the_command_line_is_a_warning() {
    mixplan(&set())
        .args(["check", "courses/clean.toml", "--allow", "live-lectur"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "warning[unknown-rule]: `--allow` names an unknown rule `live-lectur`\n --> <command line>:1:23",
        ))
        .stdout(predicate::str::contains("= help: did you mean `live-lecture`?"))
        .stdout(predicate::str::ends_with("1 warning in 0 of 1 file\n"));
}

/// The same `unknown-rule` finding from a flag as from a file: in JSON and SARIF, and it
/// fails the run under `--deny warnings`.
#[test]
fn unknown_rule_flag_is_a_finding_in_every_format() {
    for format in ["json", "sarif", "concise", "github"] {
        let out = mixplan(&set())
            .args([
                "check",
                "courses/clean.toml",
                "--allow",
                "live-lectrue",
                "--deny",
                "warnings",
                "--format",
                format,
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(stdout.contains("unknown-rule"), "{format}: {stdout}");
        assert!(stdout.contains("live-lectrue"), "{format}: {stdout}");
    }
}

#[test]
fn exit_2_on_a_missing_path() {
    mixplan(&set())
        .args(["check", "courses/clean.toml", "no/such/dir"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read `no/such/dir`"))
        .stdout("checked 1 file: no problems; 1 path could not be read\n");
}

#[test]
fn exit_2_on_bad_flags() {
    mixplan(&set())
        .args(["check", "--format", "xml"])
        .assert()
        .code(2);
    mixplan(&set())
        .args(["check", "-", "-"])
        .write_stdin("")
        .assert()
        .code(2);
}

#[cfg(unix)]
#[test]
fn exit_2_on_an_unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.toml");
    std::fs::write(&path, "[course]\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        eprintln!("note: running as root, permissions do not stop reads; skipped");
        return;
    }
    mixplan(dir.path())
        .args(["check", "."])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read `locked.toml`"));
}

#[test]
fn stdin_with_a_reported_name() {
    let text = std::fs::read_to_string(set().join("courses/live-lecture.toml")).unwrap();
    mixplan(&set())
        .args([
            "check",
            "-",
            "--stdin-filename",
            "courses/from-stdin.toml",
            "--format",
            "concise",
        ])
        .write_stdin(text.clone())
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(
            "courses/from-stdin.toml:17:8: warning[live-lecture]",
        ));
    mixplan(&set())
        .args(["check", "-", "--format", "concise"])
        .write_stdin("[course\n")
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with(
            "<stdin>:1:8: error[toml-syntax]",
        ));
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn directories_honour_ignore_files_without_git_and_skip_other_toml() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let clean = std::fs::read_to_string(set().join("courses/clean.toml")).unwrap();
    write(&root.join("a/course.toml"), &clean);
    write(&root.join("a/b/deep.toml"), &clean);
    write(&root.join("generated/broken.toml"), "[course\n");
    // `.ignore` applies anywhere; `.gitignore` only inside a repository (tests/it/discovery.rs).
    write(&root.join(".ignore"), "generated/\n");
    write(&root.join("Cargo.toml"), "[package]\nname = \"x\"\n");
    write(&root.join("notes.txt"), "[course\n");
    mixplan(root)
        .args(["check"])
        .assert()
        .code(0)
        .stdout("checked 2 files: no problems\n");
    // A file named explicitly is checked even when ignored, and even without [course].
    mixplan(root)
        .args([
            "check",
            "generated/broken.toml",
            "Cargo.toml",
            "--format",
            "concise",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "generated/broken.toml:1:8: error[toml-syntax]",
        ))
        .stdout(predicate::str::contains(
            "Cargo.toml:1:1: error[missing-key]",
        ));
}

#[test]
fn output_file_is_written_and_summary_goes_to_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.sarif");
    mixplan(&set())
        .args(["check", "courses", "--format", "sarif", "--output"])
        .arg(&out)
        .assert()
        .code(0)
        .stdout("")
        .stderr("2 warnings in 2 of 3 files\n");
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
}

#[test]
fn output_never_overwrites_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("course.toml");
    let text = std::fs::read_to_string(set().join("courses/clean.toml")).unwrap();
    std::fs::write(&course, &text).unwrap();
    mixplan(dir.path())
        .args(["check", "course.toml", "--output", "course.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("it is an input of this run"));
    assert_eq!(std::fs::read_to_string(&course).unwrap(), text);
}

#[test]
fn github_step_summary_is_appended() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    std::fs::write(&summary, "earlier step\n").unwrap();
    mixplan(&set())
        .args(["check", "--format", "github"])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .assert()
        .code(1);
    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(
        text.starts_with("earlier step\n### mixplan check\n"),
        "{text}"
    );
    assert!(text.contains("| `live-lecture` | warning | 1 |"), "{text}");
}

#[test]
fn github_says_how_many_annotations_were_hidden() {
    let dir = tempfile::tempdir().unwrap();
    let broken = "[course]\ntitle = \"x\"\nweeks = 1\nbogus = 1\n[students]\ncount = 1\n";
    for i in 0..12 {
        std::fs::write(dir.path().join(format!("c{i:02}.toml")), broken).unwrap();
    }
    let out = mixplan(dir.path())
        .args(["check", "--format", "github"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.matches("::error ").count(), 24);
    assert!(
        stdout.ends_with(
            "::notice title=mixplan check::GitHub shows 10 annotations per severity; there were 14 more errors beyond that. The job log lists every one; upload the SARIF report for all of them in code scanning.\n"
        ),
        "{stdout}"
    );
}

#[test]
fn github_annotations_escape_data_and_properties() {
    let dir = tempfile::tempdir().unwrap();
    let name = "odd,name:100%.toml";
    std::fs::write(dir.path().join(name), "[course\n").unwrap();
    let out = mixplan(dir.path())
        .args(["check", name, "--format", "github"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("::error file=odd%2Cname%3A100%25.toml,line=1,col=8,"),
        "{stdout}"
    );
    assert!(stdout.contains("title=mixplan toml-syntax::"), "{stdout}");
    assert!(
        !stdout.trim_end().contains('\n'),
        "one line per finding: {stdout}"
    );
}

/// The SARIF output validates against the official OASIS SARIF 2.1.0 schema.
#[test]
fn sarif_validates_against_the_official_schema() {
    let found = std::process::Command::new("check-jsonschema")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !crate::common::validator_here(found, "check-jsonschema", "SARIF schema validation") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.sarif");
    // Every format feature at once: input errors, warnings, infos, several files.
    mixplan(&fixtures())
        .args([
            "check",
            "check-set",
            "check",
            "--format",
            "sarif",
            "--output",
        ])
        .arg(&out)
        .assert()
        .code(1);
    let status = std::process::Command::new("check-jsonschema")
        .args(["--regex-variant", "python", "--schemafile"])
        .arg(fixtures().join("sarif-schema-2.1.0.json"))
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "SARIF does not validate:\n{}{}",
        String::from_utf8_lossy(&status.stdout),
        String::from_utf8_lossy(&status.stderr)
    );
}

#[test]
fn sarif_fingerprints_ignore_line_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(set().join("courses/live-lecture.toml")).unwrap();
    let fingerprint = |text: &str| {
        std::fs::write(dir.path().join("c.toml"), text).unwrap();
        let out = mixplan(dir.path())
            .args(["check", "c.toml", "--format", "sarif"])
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let result = &v["runs"][0]["results"][0];
        (
            result["partialFingerprints"].clone(),
            result["locations"][0]["physicalLocation"]["region"]["startLine"].clone(),
        )
    };
    let (before, line_before) = fingerprint(&text);
    let (after, line_after) = fingerprint(&format!("# a new comment line\n{text}"));
    assert_ne!(line_before, line_after);
    assert_eq!(before, after);
}
