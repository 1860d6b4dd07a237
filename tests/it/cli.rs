//! The binary as a user runs it: exit codes, streams, stdin, colour.

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;

fn mixplan() -> Command {
    let mut cmd = crate::common::mixplan();
    cmd.env_remove("NO_COLOR");
    cmd
}

const EXAMPLES: &[&str] = &[
    "examples/evening-working-adults.toml",
    "examples/international-cohort.toml",
    "examples/full-time-seminar.toml",
    "examples/large-lecture.toml",
    "examples/workload-seminar.toml",
];

#[test]
fn every_example_recommends_with_exit_0_in_every_format() {
    for example in EXAMPLES {
        for format in ["table", "json", "markdown"] {
            mixplan()
                .args(["recommend", example, "--format", format])
                .assert()
                .success()
                .stderr("");
        }
        mixplan().args(["schedule", example]).assert().success();
    }
}

#[test]
fn problems_in_the_course_exit_1_with_file_line_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.toml");
    std::fs::write(
        &path,
        "[course]\ntitle = \"T\"\nweeks = 4\n\n[students]\ncount = 5\n\n[[activities]]\nid = \"a\"\nkind = \"lectrue\"\nminutes = 30\n",
    )
    .unwrap();
    mixplan()
        .arg("recommend")
        .arg(&path)
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains(
            "error[unknown-value]: unknown activity kind `lectrue`",
        ))
        .stderr(contains("broken.toml:10:8"))
        .stderr(contains("did you mean `lecture`?"))
        .stderr(contains("^^^^^^^^^"));
}

#[test]
fn unreadable_paths_and_bad_flags_exit_2() {
    mixplan()
        .args(["recommend", "no/such/course.toml"])
        .assert()
        .code(2)
        .stderr(contains("cannot read `no/such/course.toml`"));
    mixplan()
        .args(["recommend", EXAMPLES[0], "--format", "yaml"])
        .assert()
        .code(2);
    mixplan().arg("frobnicate").assert().code(2);
    mixplan().args(["explain", "no-such-rule"]).assert().code(2);
    mixplan()
        .args(["explain", "content-transmision"])
        .assert()
        .code(2)
        .stderr(contains("did you mean `content-transmission`?"));
}

#[test]
fn help_and_version_exit_0() {
    mixplan()
        .arg("--help")
        .assert()
        .success()
        .stdout(contains("Examples:"));
    mixplan()
        .args(["recommend", "--help"])
        .assert()
        .success()
        .stdout(contains("Examples:"));
    mixplan()
        .arg("--version")
        .assert()
        .success()
        .stdout(contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn dash_reads_standard_input() {
    let text = std::fs::read_to_string(EXAMPLES[0]).unwrap();
    let from_file = mixplan()
        .args(["recommend", EXAMPLES[0], "--format", "json"])
        .output()
        .unwrap();
    let from_stdin = mixplan()
        .args(["recommend", "-", "--format", "json"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(from_stdin.status.success());
    assert_eq!(from_file.stdout, from_stdin.stdout);
    mixplan()
        .args(["recommend", "-"])
        .write_stdin("[course\n")
        .assert()
        .code(1)
        .stderr(contains("<stdin>:1:"));
}

#[test]
fn hostile_inputs_exit_1_without_panicking() {
    let cases: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"\xff\xfe\x00garbage".to_vec(),
        format!("a = {}{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes(),
        format!("{}= 1", "a.".repeat(10_000)).into_bytes(),
        vec![b'#'; 17 * 1024 * 1024],
    ];
    for bytes in cases {
        mixplan()
            .args(["recommend", "-"])
            .write_stdin(bytes)
            .assert()
            .code(1)
            .stderr(contains("error[").and(contains("panicked").not()));
    }
}

#[test]
fn colour_follows_flag_and_no_color() {
    let plain = mixplan().args(["recommend", EXAMPLES[0]]).output().unwrap();
    assert!(!String::from_utf8_lossy(&plain.stdout).contains('\x1b'));
    let coloured = mixplan()
        .args(["recommend", EXAMPLES[0], "--color", "always"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&coloured.stdout).contains('\x1b'));
    // NO_COLOR only affects `auto`; piped output is plain either way.
    let no_color = mixplan()
        .env("NO_COLOR", "1")
        .args(["recommend", EXAMPLES[0], "--color", "auto"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&no_color.stdout).contains('\x1b'));
}

#[test]
fn output_does_not_depend_on_the_machine_time_zone_or_locale() {
    let run = |tz: &str, lang: &str| {
        mixplan()
            .env("TZ", tz)
            .env("LANG", lang)
            .env("LC_ALL", lang)
            .args(["recommend", EXAMPLES[1], "--format", "json"])
            .output()
            .unwrap()
            .stdout
    };
    let a = run("UTC", "C");
    assert_eq!(a, run("Asia/Tokyo", "de_DE.UTF-8"));
    assert_eq!(a, run("America/Los_Angeles", "fr_FR.UTF-8"));
}

#[test]
fn rules_and_explain_read_the_catalog() {
    mixplan()
        .arg("rules")
        .assert()
        .success()
        .stdout(contains("content-transmission").and(contains("near-tie-async")));
    let json = mixplan()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let count = value["rules"].as_array().unwrap().len();
    assert_eq!(count, mixplan::rules::RuleId::ALL.len());
    mixplan()
        .args(["explain", "time-zone-spread"])
        .assert()
        .success()
        .stdout(
            contains("Evidence: seed: Synchronous Learning > Weaknesses").and(contains("Example:")),
        );
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::{Command as Std, Stdio};
    let mut child = Std::new(assert_cmd::cargo::cargo_bin("mixplan"))
        .args(["recommend", EXAMPLES[1], "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child.stderr.unwrap().read_to_string(&mut stderr).unwrap();
    assert!(
        status.success() || status.code() == Some(0),
        "{status:?} {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn examples_and_init_templates_pass_check_without_warnings() {
    mixplan()
        .args(["check", "examples", "--deny", "warnings"])
        .assert()
        .success()
        .stdout(contains("checked 12 files: no problems"));
    let dir = tempfile::tempdir().unwrap();
    for template in [
        "general",
        "evening-adults",
        "international",
        "full-time",
        "large-lecture",
    ] {
        let path = dir.path().join(format!("{template}.toml"));
        mixplan()
            .arg("init")
            .arg(&path)
            .args(["--template", template])
            .assert()
            .success();
        mixplan()
            .arg("check")
            .arg(&path)
            .args(["--deny", "warnings"])
            .assert()
            .success()
            .stdout(contains("no problems"));
    }
}

#[test]
fn width_sets_the_table_width() {
    let out = mixplan()
        .args(["recommend", EXAMPLES[0], "--width", "80"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let widest = text
        .lines()
        .filter(|l| l.starts_with(['│', '┌', '└']))
        .map(|l| l.chars().count())
        .max()
        .unwrap();
    assert_eq!(widest, 80, "tables fill exactly the requested width");
}

#[test]
fn warn_raises_an_info_check_to_a_warning() {
    let fixture = "tests/fixtures/check/no-early-touchpoint/fail.toml";
    mixplan()
        .args(["check", fixture, "--deny", "warnings"])
        .assert()
        .success()
        .stdout(contains("info[no-early-touchpoint]"));
    mixplan()
        .args([
            "check",
            fixture,
            "--deny",
            "warnings",
            "--warn",
            "no-early-touchpoint",
        ])
        .assert()
        .code(1)
        .stdout(contains("warning[no-early-touchpoint]"));
}

/// The full rule list is pinned: an id that changes, appears or disappears shows in review.
#[test]
fn rules_json_snapshot() {
    let out = mixplan()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    insta::assert_snapshot!("rules-json", String::from_utf8(out.stdout).unwrap());
}

/// Every rule id any example prints, in `recommend` or `check` JSON, is explained.
#[test]
fn every_printed_rule_id_is_explained() {
    let mut seen = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir("examples").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        for args in [
            vec!["recommend", "--format", "json"],
            vec!["check", "--format", "json", "--warn", "no-early-touchpoint"],
        ] {
            let out = mixplan().args(&args).arg(&path).output().unwrap();
            let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            collect_rules(&value, &mut seen);
        }
    }
    assert!(seen.contains("pattern-choice") && seen.contains("real-time-interaction"));
    for id in seen {
        mixplan().args(["explain", &id]).assert().success();
    }
}

fn collect_rules(value: &serde_json::Value, seen: &mut std::collections::BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                if key == "rule"
                    && let Some(id) = v.as_str()
                {
                    seen.insert(id.to_string());
                }
                collect_rules(v, seen);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_rules(v, seen)),
        _ => {}
    }
}
