//! Hostile input, round two: one regression test per attack, named after it. Each attack was
//! reproduced against the previous build before it was fixed.

use std::fmt::Write as _;
use std::path::Path;

use assert_cmd::Command;

use crate::common::mixplan_in as mixplan;

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, text).unwrap();
}

const VALID: &str = "[course]\ntitle = \"T\"\nweeks = 4\n\n[students]\ncount = 20\n\n[[activities]]\nid = \"talk\"\nkind = \"lecture\"\nminutes = 30\n";

/// A course whose `[course]` table has `n` unknown keys, all on one line when `one_line`.
fn unknown_keys(n: usize, one_line: bool) -> String {
    let mut text = String::from("course = { title = \"T\", weeks = 4");
    for i in 0..n {
        if one_line {
            write!(text, ", bogus{i} = 1").unwrap();
        } else {
            write!(text, ",\n bogus{i} = 1").unwrap();
        }
    }
    text.push_str(" }\n[students]\ncount = 20\n[[activities]]\nid = \"talk\"\nkind = \"lecture\"\nminutes = 30\n");
    text
}

fn stdout(cmd: &mut Command) -> (String, Option<i32>) {
    let out = cmd.output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code(),
    )
}

fn no_control(text: &str) -> bool {
    text.chars()
        .all(|c| c == '\n' || !mixplan::render::sanitize::needs_escape(c))
}

// ---- injection into CI logs and terminals ----

#[test]
fn key_with_newline_cannot_forge_a_github_annotation() {
    let dir = tempfile::tempdir().unwrap();
    let text = VALID.replace(
        "weeks = 4\n",
        "weeks = 4\n\"x\\n::error file=README.md,line=1::forged\" = 1\n",
    );
    write(dir.path(), "c.toml", &text);
    for format in ["human", "concise", "github"] {
        let (out, code) = stdout(mixplan(dir.path()).args(["check", "c.toml", "--format", format]));
        assert_eq!(code, Some(1), "{format}: {out}");
        assert!(
            !out.lines().any(|l| l.starts_with("::error file=README.md")),
            "{format} forged an annotation:\n{out}"
        );
        assert!(
            out.contains("\\n::error"),
            "{format} hides the newline:\n{out}"
        );
    }
}

#[test]
fn escape_sequences_in_a_comment_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    // Raw control characters are a TOML syntax error, so the code frame quotes the line.
    let text = VALID.replace(
        "weeks = 4\n",
        "weeks = 4 # \u{1b}[2J\u{1b}]8;;http://evil\u{7}click\u{1b}]8;;\u{7} \u{202e}\n",
    );
    write(dir.path(), "c.toml", &text);
    for format in ["human", "concise", "github"] {
        let (out, code) = stdout(mixplan(dir.path()).args(["check", "c.toml", "--format", format]));
        assert_eq!(code, Some(1), "{format}: {out}");
        assert!(
            no_control(&out),
            "{format} leaks a control character:\n{out:?}"
        );
    }
}

#[test]
fn escape_sequences_in_a_title_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let text = VALID
        .replace(
            "title = \"T\"",
            "title = \"T\\u001b]0;owned\\u0007\\u202e\"",
        )
        .replace(
            "id = \"talk\"",
            "id = \"talk\"\ntitle = \"A\\u001b[2J\\r\\nB\"",
        );
    write(dir.path(), "c.toml", &text);
    for command in ["recommend", "schedule"] {
        for format in ["table", "markdown"] {
            let (out, code) =
                stdout(mixplan(dir.path()).args([command, "c.toml", "--format", format]));
            assert_eq!(code, Some(0), "{command} {format}: {out}");
            assert!(
                no_control(&out),
                "{command} {format} leaks a control character:\n{out:?}"
            );
        }
    }
    // JSON stays exact: the encoder escapes, the reader gets the text back.
    let (out, _) = stdout(mixplan(dir.path()).args(["recommend", "c.toml", "--format", "json"]));
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["course"]["title"], "T\u{1b}]0;owned\u{7}\u{202e}");
}

// ---- output that grows with errors x line length ----

#[test]
fn one_line_course_keeps_the_report_small() {
    let dir = tempfile::tempdir().unwrap();
    let text = unknown_keys(5_000, true);
    assert!(text.len() > 60_000);
    write(dir.path(), "c.toml", &text);
    let (out, code) = stdout(mixplan(dir.path()).args(["check", "c.toml"]));
    assert_eq!(code, Some(1));
    // 50 frames of a windowed line, not 5,000 copies of a 70 KB line.
    assert!(out.len() < 40_000, "{} bytes", out.len());
    assert!(
        out.contains("... and 4950 more findings in c.toml"),
        "{out}"
    );
    for line in out.lines() {
        assert!(line.chars().count() < 300, "long line: {line}");
    }
    assert!(out.contains("..."));
}

#[test]
fn old_mac_line_endings_are_lines_in_frames() {
    let dir = tempfile::tempdir().unwrap();
    let text = unknown_keys(300, false).replace('\n', "\r");
    write(dir.path(), "c.toml", &text);
    let (out, code) = stdout(mixplan(dir.path()).args(["check", "c.toml"]));
    assert_eq!(code, Some(1));
    assert!(out.len() < 40_000, "{} bytes", out.len());
    assert!(no_control(&out), "{out:?}");
}

#[test]
fn concise_caps_findings_per_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "c.toml", &unknown_keys(500, false));
    let (out, _) = stdout(mixplan(dir.path()).args(["check", "c.toml", "--format", "concise"]));
    assert_eq!(out.lines().filter(|l| l.starts_with("c.toml:")).count(), 50);
    assert!(out.contains("... and 450 more findings in c.toml"), "{out}");
}

#[test]
fn json_and_sarif_list_ten_thousand_then_say_how_many_more() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "c.toml", &unknown_keys(10_050, false));
    let (out, code) = stdout(mixplan(dir.path()).args(["check", "c.toml", "--format", "json"]));
    assert_eq!(code, Some(1));
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let list = value["diagnostics"].as_array().unwrap();
    assert_eq!(list.len(), 10_001);
    let last = &list[10_000];
    assert_eq!(last["rule"], "too-many-diagnostics");
    assert!(
        last["message"]
            .as_str()
            .unwrap()
            .starts_with("50 more findings")
    );
    let (out, _) = stdout(mixplan(dir.path()).args(["check", "c.toml", "--format", "sarif"]));
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let results = value["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 10_001);
    assert_eq!(results[10_000]["ruleId"], "too-many-diagnostics");
    // Every finding still counts, and fails the run.
    let (out, _) = stdout(mixplan(dir.path()).args(["check", "c.toml", "--format", "concise"]));
    assert!(out.ends_with("\n10050 errors in 1 of 1 file\n"), "{out}");
}

// ---- exit codes that tell the truth ----

#[test]
fn closed_pipe_keeps_the_failing_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    // Enough output to overflow a pipe buffer, so the write fails once the reader is gone.
    for i in 0..20 {
        write(
            dir.path(),
            &format!("bad{i}.toml"),
            &unknown_keys(60, false),
        );
    }
    let bin = assert_cmd::cargo::cargo_bin("mixplan");
    let status = std::process::Command::new("bash")
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .arg("-c")
        .arg(format!(
            "set -o pipefail; '{}' check . | true",
            bin.display()
        ))
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
    let status = std::process::Command::new("bash")
        .current_dir(dir.path())
        .arg("-c")
        .arg(format!(
            "set -o pipefail; '{}' check bad0.toml | true",
            bin.display()
        ))
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
}

// ---- work bounded by the caps ----

/// `n` weekly activities in a course of `weeks` weeks with `zones` student zones.
fn weekly_course(n: usize, weeks: u32, zones: &[&str]) -> String {
    let mut text = format!(
        "[course]\ntitle = \"T\"\nweeks = {weeks}\nstart = 2027-01-04\ntimezone = \"UTC\"\n\n[students]\ncount = {}\n",
        10 * zones.len().max(1)
    );
    for zone in zones {
        write!(text, "[[students.zones]]\nzone = \"{zone}\"\ncount = 10\n").unwrap();
    }
    for i in 0..n {
        write!(
            text,
            "[[activities]]\nid = \"a{i}\"\nkind = \"reading\"\nminutes = 5\n"
        )
        .unwrap();
    }
    text
}

#[test]
fn due_times_per_zone_cannot_amplify_the_output() {
    let dir = tempfile::tempdir().unwrap();
    // 1,000 weekly activities x 104 weeks x (19 + 1) zones = 2,080,000 due times.
    let zones: Vec<&str> = [
        "Asia/Tokyo",
        "Europe/Berlin",
        "America/New_York",
        "America/Chicago",
        "America/Denver",
        "America/Los_Angeles",
        "Europe/London",
        "Europe/Paris",
        "Asia/Kolkata",
        "Asia/Shanghai",
        "Australia/Sydney",
        "Pacific/Auckland",
        "America/Sao_Paulo",
        "Africa/Lagos",
        "Africa/Nairobi",
        "Asia/Dubai",
        "Asia/Singapore",
        "Europe/Moscow",
        "America/Halifax",
    ]
    .to_vec();
    write(dir.path(), "c.toml", &weekly_course(1_000, 104, &zones));
    let (err, code) = {
        let out = mixplan(dir.path())
            .args(["schedule", "c.toml", "--format", "json"])
            .output()
            .unwrap();
        assert!(out.stdout.is_empty());
        (
            String::from_utf8_lossy(&out.stderr).into_owned(),
            out.status.code(),
        )
    };
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("error[too-many]"), "{err}");
    assert!(
        err.contains("make 2080000 due times and sittings; at most 2000000"),
        "{err}"
    );
    // Just under the limit, the same course plans.
    write(dir.path(), "ok.toml", &weekly_course(1_000, 99, &zones));
    mixplan(dir.path())
        .args(["check", "ok.toml", "--format", "json"])
        .assert()
        .code(0);
}

#[test]
fn long_bogus_zone_names_get_no_costly_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let long = "Q".repeat(20_000);
    let names: Vec<String> = (0..40).map(|i| format!("{long}{i}")).collect();
    let zones: Vec<&str> = names.iter().map(String::as_str).collect();
    write(dir.path(), "c.toml", &weekly_course(1, 4, &zones));
    let (out, code) = stdout(mixplan(dir.path()).args(["check", "c.toml", "--format", "json"]));
    assert_eq!(code, Some(1));
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let unknown = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "too-many")
        .count();
    // Over the 500-character text cap, each name is refused as too long, before any lookup.
    assert_eq!(unknown, 40);
    // Comparing these names with every zone name took minutes; now they are not compared.
    // (No timing assertion: a regression shows as a test that hangs.)
}

// ---- zones ----

#[test]
fn one_zone_written_three_ways_is_a_duplicate() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "c.toml",
        &weekly_course(1, 4, &["asia/tokyo", "Asia/Tokyo", "Japan"]),
    );
    let (out, code) = stdout(mixplan(dir.path()).args(["check", "c.toml", "--format", "json"]));
    assert_eq!(code, Some(1));
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let list = value["diagnostics"].as_array().unwrap();
    let duplicates: Vec<_> = list
        .iter()
        .filter(|d| d["rule"] == "duplicate-value")
        .collect();
    assert_eq!(duplicates.len(), 2, "{out}");
    assert!(
        duplicates[0]["message"]
            .as_str()
            .unwrap()
            .contains("Asia/Tokyo")
    );
}

#[test]
fn zones_are_shown_by_their_one_name() {
    let dir = tempfile::tempdir().unwrap();
    let text = weekly_course(1, 4, &["japan", "US/Eastern"]).replace("\"UTC\"", "\"aoe\"");
    write(dir.path(), "c.toml", &text);
    let (out, code) = stdout(mixplan(dir.path()).args(["schedule", "c.toml", "--format", "json"]));
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("Asia/Tokyo") && out.contains("America/New_York"));
    assert!(!out.contains("japan") && !out.contains("US/Eastern"));
    // Anywhere on Earth is kept as written and is twelve hours behind UTC.
    assert!(out.contains("\"AoE\""), "{out}");
    assert!(out.contains("23:59:00-12:00[Etc/GMT+12]"), "{out}");
}

#[test]
fn est_warns_and_names_the_city_zone() {
    let dir = tempfile::tempdir().unwrap();
    let text = weekly_course(1, 4, &["MST"]).replace("\"UTC\"", "\"EST\"");
    write(dir.path(), "c.toml", &text);
    let (out, code) = stdout(mixplan(dir.path()).args(["check", "c.toml", "--format", "concise"]));
    assert_eq!(code, Some(0), "{out}");
    assert_eq!(
        out.matches("warning[fixed-offset-zone]").count(),
        2,
        "{out}"
    );
    let (out, _) = stdout(mixplan(dir.path()).args(["check", "c.toml"]));
    assert!(
        out.contains("write the city zone `America/New_York`"),
        "{out}"
    );
    assert!(
        out.contains("write the city zone `America/Denver`"),
        "{out}"
    );
}

#[test]
fn windows_zone_name_suggests_the_iana_zone() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "c.toml",
        &weekly_course(1, 4, &["China Standard Time"]),
    );
    let (out, code) = stdout(mixplan(dir.path()).args(["check", "c.toml"]));
    assert_eq!(code, Some(1));
    assert!(
        out.contains(
            "`China Standard Time` is a Windows zone name; write its IANA name `Asia/Shanghai`"
        ),
        "{out}"
    );
}

// ---- files that escape the check ----

#[cfg(unix)]
#[test]
fn undecodable_names_are_two_files_not_one() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = |b: &[u8]| dir.path().join(std::ffi::OsStr::from_bytes(b));
    std::fs::write(name(b"\xfe.toml"), VALID).unwrap();
    std::fs::write(name(b"\xff.toml"), VALID.replace("lecture", "lectur")).unwrap();
    let (out, code) = stdout(mixplan(dir.path()).args(["check", ".", "--format", "json"]));
    assert_eq!(code, Some(1), "{out}");
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["files_checked"], 2);
    let broken: Vec<_> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "unknown-value")
        .collect();
    assert_eq!(broken.len(), 1);
    assert_eq!(broken[0]["file"], "\\xff.toml");
    let (out, _) = stdout(mixplan(dir.path()).args(["check", ".", "--format", "concise"]));
    assert!(
        out.contains("\n\\xff.toml:10:8: error[unknown-value]"),
        "{out}"
    );
}

#[cfg(unix)]
#[test]
fn backslash_name_is_not_hidden_behind_a_slash_name() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "x/y.toml", VALID);
    write(dir.path(), "x\\y.toml", &VALID.replace("lecture", "lectur"));
    let (out, code) = stdout(mixplan(dir.path()).args(["check", "x/y.toml", "x\\y.toml"]));
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("--> x\\\\y.toml:10:8"), "{out}");
    assert!(
        out.contains("1 error, ") && out.ends_with(" of 2 files\n"),
        "{out}"
    );
}

#[test]
fn one_file_under_two_names_is_checked_once() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "d/c.toml", VALID);
    let (out, code) = stdout(mixplan(dir.path()).args([
        "check",
        "d",
        "d/c.toml",
        "./d/../d/c.toml",
        "--format",
        "json",
    ]));
    assert_eq!(code, Some(0), "{out}");
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["files_checked"], 1);
}

#[test]
fn gitignore_above_the_repository_does_not_hide_course_files() {
    let home = tempfile::tempdir().unwrap();
    write(home.path(), ".gitignore", "*\n");
    write(
        home.path(),
        "work/courses/c.toml",
        &VALID.replace("lecture", "lectur"),
    );
    // Outside any repository.
    let (out, code) = stdout(mixplan(&home.path().join("work")).args(["check"]));
    assert_eq!(code, Some(1), "{out}");
    // Inside a repository below the home directory.
    std::fs::create_dir(home.path().join("work/.git")).unwrap();
    let (out, code) = stdout(mixplan(&home.path().join("work")).args(["check", "courses"]));
    assert_eq!(code, Some(1), "{out}");
    // The repository's own .gitignore still counts.
    write(home.path(), "work/.gitignore", "courses/\n");
    let out = mixplan(&home.path().join("work"))
        .args(["check"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[cfg(unix)]
#[test]
fn skipped_links_and_upper_case_names_are_mentioned() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "outside/real.toml", VALID);
    write(dir.path(), "d/SHOUT.TOML", VALID);
    std::os::unix::fs::symlink(
        dir.path().join("outside/real.toml"),
        dir.path().join("d/link.toml"),
    )
    .unwrap();
    write(dir.path(), "d/Cargo.toml", "[package]\nname = \"x\"\n");
    let out = mixplan(dir.path()).args(["check", "d"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("note: skipped 1 symbolic link under `d` (`d/link.toml`)"),
        "{err}"
    );
    assert!(err.contains("lowercase `.toml` (`d/SHOUT.TOML`)"), "{err}");
    assert!(
        err.contains("note: `d` holds no course file: 1 `.toml` file without a `[course]` table"),
        "{err}"
    );
}

// ---- never overwrite the input ----

#[test]
fn course_on_stdin_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let text = VALID.replace("weeks = 4\n", "weeks = 4\nstart = 2027-01-04\n");
    write(dir.path(), "c.toml", &text);
    // Standard input is the file itself (`< c.toml`), not a pipe of its bytes.
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("mixplan"))
        .current_dir(dir.path())
        .args(["schedule", "-", "--ics", "c.toml"])
        .stdin(std::fs::File::open(dir.path().join("c.toml")).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("it is an input of this run"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("c.toml")).unwrap(),
        text
    );
    // Standard input is the file itself (`< c.toml`), not a pipe of its bytes.
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("mixplan"))
        .current_dir(dir.path())
        .args(["check", "-", "--output", "c.toml"])
        .stdin(std::fs::File::open(dir.path().join("c.toml")).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("c.toml")).unwrap(),
        text
    );
}

#[cfg(unix)]
#[test]
fn man_dir_replaces_a_planted_link_instead_of_writing_through_it() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "victim", "precious\n");
    std::fs::create_dir(dir.path().join("man")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("victim"), dir.path().join("man/mixplan.1"))
        .unwrap();
    mixplan(dir.path())
        .args(["man", "--dir", "man"])
        .assert()
        .code(0);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("victim")).unwrap(),
        "precious\n"
    );
    let page = dir.path().join("man/mixplan.1");
    assert!(
        !std::fs::symlink_metadata(&page)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(page)
            .unwrap()
            .contains(".TH mixplan")
    );
    assert!(dir.path().join("man/mixplan-check.1").exists());
}

// ---- validate the rest ----

#[test]
fn deny_warning_misspelt_exits_2_with_did_you_mean() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "c.toml", VALID);
    let out = mixplan(dir.path())
        .args(["check", "c.toml", "--deny", "warning"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean `warnings`?"), "{err}");
}

#[test]
fn width_below_a_usable_minimum_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "c.toml", VALID);
    for width in ["0", "39"] {
        mixplan(dir.path())
            .args(["recommend", "c.toml", "--width", width])
            .assert()
            .code(2);
    }
    mixplan(dir.path())
        .args(["recommend", "c.toml", "--width", "40"])
        .assert()
        .code(0);
}

#[test]
fn explain_misspelt_rule_suggests_the_rule() {
    let out = mixplan(Path::new("."))
        .args(["explain", "live-lectrue"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `live-lecture`?"));
}

#[test]
fn errors_say_each_thing_once() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "c.toml", VALID);
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let out = mixplan(dir.path())
        .args(["check", "c.toml", "--output", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.matches("it is a directory").count(), 1, "{err}");
}

#[test]
fn start_near_year_9999_is_an_error_not_missing_weeks() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "c.toml",
        &VALID.replace("weeks = 4\n", "weeks = 4\nstart = 9999-12-01\n"),
    );
    let (out, code) = stdout(mixplan(dir.path()).args(["check", "c.toml", "--format", "concise"]));
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("c.toml:4:9: error[invalid-value] a course of 4 weeks from 9999-12-01"),
        "{out}"
    );
}

#[test]
fn duplicate_id_shows_alongside_other_errors() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("{VALID}\n[[activities]]\nid = \"talk\"\nkind = \"lectur\"\nminutes = 30\n");
    write(dir.path(), "c.toml", &text);
    let (out, _) = stdout(mixplan(dir.path()).args(["check", "c.toml", "--format", "concise"]));
    assert!(out.contains("error[duplicate-id]"), "{out}");
    assert!(
        out.contains("error[unknown-value] unknown activity kind `lectur`"),
        "{out}"
    );
}

#[test]
fn one_misspelt_weekday_is_one_error() {
    let dir = tempfile::tempdir().unwrap();
    let text = VALID.replace(
        "weeks = 4\n",
        "weeks = 4\nlive_days = [\"wendesday\"]\nlive_at = { day = \"wed\", time = \"18:00\" }\n",
    );
    write(dir.path(), "c.toml", &text);
    let (out, code) = stdout(mixplan(dir.path()).args(["check", "c.toml", "--format", "concise"]));
    assert_eq!(code, Some(1));
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(out.contains("unknown weekday `wendesday`"), "{out}");
}

/// SIGTERM during a run ends it through mixplan's handler (which removes temporary files of a
/// write in progress, see `fsio::remove_pending`), with the status a shell expects of an
/// interrupted program, not by the default action. The run waits on standard input, which the
/// test holds open, so the signal always arrives mid-run.
#[cfg(unix)]
#[test]
fn sigterm_mid_run_goes_through_the_clean_up_handler() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("mixplan"))
        .current_dir(dir.path())
        .args(["check", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Held until the child has exited: `Child::wait` closes a standard input it still owns,
    // and on a loaded machine the run could then read end-of-file and exit before the
    // handler's thread is scheduled.
    let stdin = child.stdin.take();
    // Give the process time to install its handler; it then blocks reading standard input.
    std::thread::sleep(std::time::Duration::from_millis(1000));
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    drop(stdin);
    assert_eq!(status.code(), Some(130), "{status:?}");
}
