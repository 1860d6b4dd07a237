//! Helpers shared by the integration tests.
#![allow(dead_code, reason = "each test module uses a different subset")]

pub mod course_gen;
pub mod diag_gen;
pub mod hostile_gen;

use assert_cmd::Command;
use mixplan::course::{self, Course};
use mixplan::diagnostic::{Diagnostic, LineIndex};

/// A minimal valid course with `extra` appended (more tables or activities).
pub fn course_text(course_keys: &str, students_keys: &str, rest: &str) -> String {
    format!(
        "[course]\ntitle = \"Test course\"\nweeks = 4\n{course_keys}\n\n[students]\ncount = 20\n{students_keys}\n\n{rest}\n"
    )
}

/// Load text that must be valid.
pub fn load_ok(text: &str) -> Course {
    match course::parse(text) {
        Ok(course) => course,
        Err(diags) => panic!("expected a valid course, got {diags:#?}\n---\n{text}"),
    }
}

/// Load text that must be invalid; returns `(rule, line, column, message, help)` per problem.
pub fn load_errors(text: &str) -> Vec<(String, usize, usize, String, Option<String>)> {
    let loaded = course::load(text);
    assert!(loaded.course.is_none(), "expected problems in\n{text}");
    located(text, &loaded.diagnostics)
}

/// Diagnostics as `(rule, line, column, message, help)`.
pub fn located(
    text: &str,
    diags: &[Diagnostic],
) -> Vec<(String, usize, usize, String, Option<String>)> {
    let index = LineIndex::new(text);
    diags
        .iter()
        .map(|d| {
            let at = index.line_col(text, d.span.unwrap_or_default().start);
            (
                d.rule.to_string(),
                at.line,
                at.column,
                d.message.clone(),
                d.help.clone(),
            )
        })
        .collect()
}

/// One activity table.
pub fn activity(id: &str, kind: &str, minutes: u32, extra: &str) -> String {
    format!("[[activities]]\nid = \"{id}\"\nkind = \"{kind}\"\nminutes = {minutes}\n{extra}\n")
}

/// [`mixplan`] run from `dir`, without colour.
pub fn mixplan_in(dir: &std::path::Path) -> Command {
    let mut cmd = mixplan();
    cmd.current_dir(dir).env("NO_COLOR", "1");
    cmd
}

/// Every command of `mixplan`, as `--help` lists them (without `help`).
pub const COMMANDS: [&str; 12] = [
    "recommend",
    "schedule",
    "workload",
    "export",
    "check",
    "diff",
    "rules",
    "explain",
    "init",
    "schema",
    "completions",
    "man",
];

/// `mixplan schedule COURSE --ics ICS`, ready to run.
pub fn schedule_ics(
    course: impl AsRef<std::ffi::OsStr>,
    ics: impl AsRef<std::ffi::OsStr>,
) -> Command {
    let mut cmd = mixplan();
    cmd.arg("schedule").arg(course).arg("--ics").arg(ics);
    cmd
}

/// `mixplan export canvas COURSE -o OUT`, ready to run.
pub fn export_canvas(
    course: impl AsRef<std::ffi::OsStr>,
    out: impl AsRef<std::ffi::OsStr>,
) -> Command {
    let mut cmd = mixplan();
    cmd.args(["export", "canvas"])
        .arg(course)
        .arg("-o")
        .arg(out);
    cmd
}

/// The standard output of a run that must succeed (its standard error in the failure).
pub fn stdout_ok(out: std::process::Output) -> Vec<u8> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Whether `python3` can import `modules` (as written after `import`).
pub fn python_has(modules: &str) -> bool {
    std::process::Command::new("python3")
        .args(["-c", &format!("import {modules}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether an outside validator a test needs is here. When it is not, the test skips with a
/// note saying what it skips and how to install it, unless `MIXPLAN_REQUIRE_PY_VALIDATORS=1`
/// (set by `.ci/run`), where a missing validator fails the test.
#[expect(
    clippy::disallowed_macros,
    reason = "a test says on its standard error which check it skipped"
)]
pub fn validator_here(found: bool, what: &str, skipping: &str) -> bool {
    if !found {
        assert!(
            std::env::var("MIXPLAN_REQUIRE_PY_VALIDATORS").as_deref() != Ok("1"),
            "{what} is missing but MIXPLAN_REQUIRE_PY_VALIDATORS=1"
        );
        eprintln!("note: {what} is missing; skipping {skipping}");
    }
    found
}

/// The `mixplan` binary with an environment that cannot change its output: no backtraces, no
/// GitHub step summary. Modules that care about colour set or remove `NO_COLOR` themselves.
pub fn mixplan() -> Command {
    let mut cmd = Command::cargo_bin("mixplan").expect("the mixplan binary is built");
    cmd.env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE")
        .env_remove("GITHUB_STEP_SUMMARY");
    cmd
}

/// The band's measure (online sitting minutes a week, breaks included) of `text` planned with
/// `share` percent of its students on a dependable connection.
pub fn live_minutes_with_connected_share(text: &str, share: u32) -> f64 {
    let t = text.replacen(
        "[students]\n",
        &format!(
            "[students]\nreliable_internet = {}\n",
            f64::from(share) / 100.0
        ),
        1,
    );
    let course = mixplan::course::parse(&t).unwrap();
    let plan = mixplan::engine::plan(&course);
    mixplan::engine::sitting_minutes(&course, &plan.decisions)
}
