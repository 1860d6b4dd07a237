//! Which files `mixplan check DIR` walks, and the notes for every file it leaves out: each
//! test is named after an attack that once slipped a course file past CI.

#![expect(
    clippy::disallowed_macros,
    reason = "tests print a note when git is missing"
)]

use std::path::Path;

use assert_cmd::Command;

/// A course file the loader rejects (no `[[activities]]`): when it is checked, its path shows
/// in the concise output with an error; when it is skipped, it does not.
const INCOMPLETE: &str = "[course]\ntitle = \"t\"\nweeks = 4\n";

fn mixplan(dir: &Path) -> Command {
    let mut cmd = crate::common::mixplan_in(dir);
    cmd.env_remove("GIT_DIR").env_remove("GIT_WORK_TREE");
    cmd
}

fn write(root: &Path, name: &str, text: impl AsRef<[u8]>) {
    let path = root.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// `check ARGS` in `root`: (stdout, stderr, exit code).
fn check(root: &Path, args: &[&str]) -> (String, String, i32) {
    let out = mixplan(root)
        .arg("check")
        .args(args)
        .args(["--format", "concise"])
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

fn json_notes(root: &Path, args: &[&str]) -> Vec<serde_json::Value> {
    let out = mixplan(root)
        .arg("check")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    value["notes"].as_array().cloned().unwrap_or_default()
}

fn git(root: &Path, args: &[&str]) -> bool {
    std::process::Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn byte_order_mark_course_is_checked_in_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice(INCOMPLETE.as_bytes());
    write(dir.path(), "d/windows.toml", &bytes);
    let (out, _, code) = check(dir.path(), &["d"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("d/windows.toml:"), "{out}");
    // And under `--courses-only`, as pre-commit runs it.
    let (out, _, code) = check(dir.path(), &["--courses-only", "d/windows.toml"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("d/windows.toml:"), "{out}");
}

#[test]
fn escaped_course_key_is_checked_in_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "d/escaped.toml",
        INCOMPLETE.replace("[course]", "[\"cou\\u0072se\"]"),
    );
    write(
        dir.path(),
        "d/quoted.toml",
        INCOMPLETE.replace("[course]", "['course']"),
    );
    let (out, _, code) = check(dir.path(), &["d"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("d/escaped.toml:"), "{out}");
    assert!(out.contains("d/quoted.toml:"), "{out}");
}

#[test]
fn array_of_course_tables_is_an_error_not_a_skip() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "d/array.toml",
        INCOMPLETE.replace("[course]", "[[course]]"),
    );
    let (out, _, code) = check(dir.path(), &["d"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("d/array.toml:1:1: error[invalid-type]"),
        "{out}"
    );
}

#[test]
fn hidden_course_files_are_noted_and_walked_with_hidden() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "d/.draft.toml", INCOMPLETE);
    write(dir.path(), "d/.old/course.toml", INCOMPLETE);
    write(dir.path(), "d/Cargo.toml", "[package]\n");
    let (out, err, code) = check(dir.path(), &["d"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        err.contains("note: skipped 2 hidden `.toml` files under `d` (`d/.draft.toml`, `d/.old/course.toml`); `--hidden` checks them"),
        "{err}"
    );
    let notes = json_notes(dir.path(), &["d"]);
    let hidden = notes.iter().find(|n| n["reason"] == "hidden").unwrap();
    assert_eq!(hidden["count"], 2);
    assert_eq!(hidden["paths"][1], "d/.old/course.toml");
    assert!(notes.iter().any(|n| n["reason"] == "not-a-course"));
    let (out, _, code) = check(dir.path(), &["d", "--hidden"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("d/.draft.toml:") && out.contains("d/.old/course.toml:"));
}

#[test]
fn ignore_file_entries_are_noted_and_walked_with_no_ignore() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "d/.ignore", "skipped.toml\n");
    write(dir.path(), "d/skipped.toml", INCOMPLETE);
    write(dir.path(), "d/kept.toml", INCOMPLETE);
    let (out, err, _) = check(dir.path(), &["d"]);
    assert!(out.contains("d/kept.toml:") && !out.contains("d/skipped.toml:"));
    assert!(
        err.contains("note: skipped 1 `.toml` file under `d` listed in an ignore file (`d/skipped.toml`); `--no-ignore` checks it"),
        "{err}"
    );
    let notes = json_notes(dir.path(), &["d"]);
    assert!(
        notes
            .iter()
            .any(|n| n["reason"] == "ignore-file" && n["count"] == 1),
        "{notes:?}"
    );
    let (out, _, _) = check(dir.path(), &["d", "--no-ignore"]);
    assert!(out.contains("d/skipped.toml:"), "{out}");
}

#[test]
fn gitignore_outside_a_repository_hides_nothing() {
    let dir = tempfile::tempdir().unwrap();
    if git(dir.path(), &["rev-parse", "--git-dir"]) {
        // The temporary directory is inside a repository here: nothing to show.
        return;
    }
    write(dir.path(), "d/.gitignore", "*.toml\n");
    write(dir.path(), "d/course.toml", INCOMPLETE);
    let (out, _, code) = check(dir.path(), &["d"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("d/course.toml:"), "{out}");
}

#[test]
fn gitignore_never_hides_a_tracked_course_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    if !git(root, &["init", "-q", "."]) {
        eprintln!("note: git is not installed; skipping");
        return;
    }
    write(root, ".gitignore", "*.toml\n");
    write(root, "tracked.toml", INCOMPLETE);
    write(root, "untracked.toml", INCOMPLETE);
    assert!(git(root, &["add", "-f", "tracked.toml"]));
    let (out, err, code) = check(root, &["."]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("tracked.toml:"), "{out}");
    assert!(!out.contains("untracked.toml:"), "{out}");
    assert!(
        err.contains("note: skipped 1 `.toml` file under `.` listed in `.gitignore` and not tracked by git (`untracked.toml`)"),
        "{err}"
    );
    let notes = json_notes(root, &["."]);
    assert!(
        notes
            .iter()
            .any(|n| n["reason"] == "gitignore" && n["paths"][0] == "untracked.toml"),
        "{notes:?}"
    );
    let (out, _, _) = check(root, &[".", "--no-ignore"]);
    assert!(out.contains("untracked.toml:"), "{out}");
}

#[test]
fn skipped_paths_reach_sarif_and_github_reports() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "d/.hidden.toml", INCOMPLETE);
    write(dir.path(), "d/Cargo.toml", "[package]\n");
    let out = mixplan(dir.path())
        .args(["check", "d", "--format", "sarif"])
        .output()
        .unwrap();
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let notes = &sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"];
    let texts: Vec<&str> = notes
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["message"]["text"].as_str().unwrap())
        .collect();
    assert!(
        texts.iter().any(|t| t.contains("1 hidden `.toml` file")),
        "{texts:?}"
    );
    let out = mixplan(dir.path())
        .args(["check", "d", "--format", "github"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("::notice title=mixplan check::skipped 1 hidden `.toml` file"),
        "{text}"
    );
}

mod mirror {
    use arbitrary::{Arbitrary, Unstructured};
    use proptest::prelude::*;

    use crate::common::hostile_gen;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 40, .. ProptestConfig::default() })]

        /// Mirror of `fuzz_targets/check_dir.rs`: a directory of generated files is walked and
        /// checked; every file is checked or noted, never both, and the reports parse.
        #[test]
        fn check_dir_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let mut u = Unstructured::new(&bytes);
            let Ok(tree) = hostile_gen::FuzzTree::arbitrary(&mut u) else { return Ok(()) };
            hostile_gen::check_dir(&tree);
        }
    }
}
