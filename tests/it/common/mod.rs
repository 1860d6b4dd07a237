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

/// The `mixplan` binary with an environment that cannot change its output: no backtraces, no
/// GitHub step summary. Modules that care about colour set or remove `NO_COLOR` themselves.
pub fn mixplan() -> Command {
    let mut cmd = Command::cargo_bin("mixplan").expect("the mixplan binary is built");
    cmd.env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE")
        .env_remove("GITHUB_STEP_SUMMARY");
    cmd
}
