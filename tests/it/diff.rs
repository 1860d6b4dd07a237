//! `mixplan diff`: matching by identity, each kind of change, `--fail-on`, `--since`, `--git`,
//! exit codes, and the outputs read by real tools (check-jsonschema, a GFM renderer) when they
//! are installed.

#![expect(
    clippy::disallowed_macros,
    reason = "tests print a note when an optional validator is skipped"
)]

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use serde_json::Value;

use crate::common::mixplan;

const EXAMPLE: &str = "examples/remote-graphics-lecture.toml";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn example() -> String {
    std::fs::read_to_string(EXAMPLE).unwrap()
}

/// Run `diff OLD NEW ARGS` on two texts: (exit code, stdout, stderr).
fn diff_texts(old: &str, new: &str, args: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "old.toml", old);
    let new = write(dir.path(), "new.toml", new);
    let out = mixplan()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn diff_json(old: &str, new: &str, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let (code, stdout, stderr) = diff_texts(old, new, &all);
    let json = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}{stderr}"));
    (code, json)
}

fn is_empty(json: &Value) -> bool {
    [
        "activities",
        "weeks",
        "meetings",
        "dues",
        "coverage",
        "workload",
        "findings",
    ]
    .iter()
    .all(|k| json[k].as_array().is_some_and(Vec::is_empty))
        && json["shifted_days"].is_null()
}

#[test]
fn identical_files_report_no_change_and_exit_0() {
    for entry in std::fs::read_dir("examples").unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let (code, json) = diff_json(&text, &text, &["--fail-on", "any"]);
        assert_eq!(code, 0, "{}", path.display());
        assert!(is_empty(&json), "{}: {json:#}", path.display());
    }
}

#[test]
fn comments_and_reordered_activities_change_nothing() {
    let text = example();
    // Move the first activity table to the end and add comments.
    let first = text.find("[[activities]]").unwrap();
    let second = first + 1 + text[first + 1..].find("[[activities]]").unwrap();
    let moved = format!(
        "# a new comment\n{}{}\n{}",
        &text[..first],
        &text[second..],
        text[first..second].replace("minutes = 75", "minutes = 75   # same length")
    );
    let (code, json) = diff_json(&text, &moved, &["--fail-on", "any"]);
    assert_eq!(code, 0, "{json:#}");
    assert!(is_empty(&json), "{json:#}");
}

#[test]
fn an_earlier_due_is_flagged_and_fails_only_when_asked() {
    let old = example();
    let new = old.replace(
        "due = { day = \"mon\", time = \"23:59\" }",
        "due = { day = \"mon\", time = \"12:00\" }",
    );
    let (code, json) = diff_json(&old, &new, &[]);
    assert_eq!(code, 0, "no --fail-on, no failure");
    let dues = json["dues"].as_array().unwrap();
    assert!(!dues.is_empty());
    for due in dues {
        assert_eq!(due["activity"], "quiz");
        assert_eq!(due["earlier"], true);
        assert_eq!(due["delta_minutes"], -719);
    }
    let (code, json) = diff_json(&old, &new, &["--fail-on", "earlier-due"]);
    assert_eq!(code, 1);
    assert_eq!(json["failed_on"], serde_json::json!(["earlier-due"]));
    // The reverse edit moves them later: not a failure.
    let (code, _) = diff_json(&new, &old, &["--fail-on", "earlier-due"]);
    assert_eq!(code, 0);
}

#[test]
fn since_counts_only_dates_on_or_after_it() {
    let old = example();
    let new = old.replace(
        "due = { day = \"mon\", time = \"23:59\" }",
        "due = { day = \"mon\", time = \"12:00\" }",
    );
    // The quiz is due every week up to 2027-04-26: a date after it leaves nothing to fail on.
    let (code, json) = diff_json(
        &old,
        &new,
        &["--fail-on", "earlier-due", "--since", "2027-04-27"],
    );
    assert_eq!(code, 0, "{json:#}");
    assert!(json["dues"].as_array().unwrap().is_empty());
    let (code, json) = diff_json(
        &old,
        &new,
        &["--fail-on", "earlier-due", "--since", "2027-04-26"],
    );
    assert_eq!(code, 1);
    assert_eq!(json["dues"].as_array().unwrap().len(), 1, "{json:#}");
}

#[test]
fn a_moved_lecture_names_both_local_times_and_coverage() {
    let old = example();
    let new = old.replace(
        "at = { day = \"tue\", time = \"17:30\" }",
        "at = { day = \"tue\", time = \"18:30\" }",
    );
    let (_, json) = diff_json(&old, &new, &[]);
    let meetings = json["meetings"].as_array().unwrap();
    assert!(!meetings.is_empty());
    for m in meetings {
        assert_eq!(m["change"], "moved");
        assert_eq!(m["delta_minutes"], 60);
        assert!(m["identity"].as_str().unwrap().starts_with("lecture-tue@"));
    }
    let (_, text, _) = diff_texts(&old, &new, &[]);
    assert!(text.contains("1 h later"), "{text}");
    assert!(
        text.contains("Shanghai: Wed 07:30 CST → Wed 08:30 CST"),
        "{text}"
    );
    // Shanghai students' window starts at 07:00: after the DST change in Chicago the old
    // 17:30 lecture began at 06:30 there, so they gain it.
    let coverage = json["coverage"].as_array().unwrap();
    assert!(
        coverage
            .iter()
            .any(|c| c["zone"] == "Asia/Shanghai" && c["old"] == 0 && c["new"] == 20),
        "{coverage:#?}"
    );
}

#[test]
fn a_retitled_activity_is_a_change_and_a_new_id_looks_renamed() {
    let old = example();
    let retitled = old.replace("title = \"Q&A forum\"", "title = \"Questions board\"");
    let (_, json) = diff_json(&old, &retitled, &[]);
    let activities = json["activities"].as_array().unwrap();
    assert_eq!(activities.len(), 1, "{activities:#?}");
    assert_eq!(activities[0]["change"], "changed");
    assert_eq!(activities[0]["old_title"], "Q&A forum");

    let renamed = old.replace("id = \"forum\"", "id = \"qa-forum\"");
    let (_, json) = diff_json(&old, &renamed, &[]);
    let activities = json["activities"].as_array().unwrap();
    let removed = activities
        .iter()
        .find(|a| a["change"] == "removed")
        .unwrap();
    assert_eq!(removed["id"], "forum");
    assert_eq!(removed["renamed_to"], "qa-forum");
    assert!(
        activities
            .iter()
            .any(|a| a["change"] == "added" && a["id"] == "qa-forum")
    );
}

#[test]
fn a_new_start_date_is_said_once() {
    let old = example();
    let new = old
        .replace("start = 2027-01-19", "start = 2027-01-26")
        .replace("holidays = [2027-02-15]", "holidays = [2027-02-22]")
        .replace("date = 2027-05-05", "date = 2027-05-12");
    let (_, json) = diff_json(&old, &new, &[]);
    assert_eq!(json["shifted_days"], 7, "{json:#}");
    assert!(json["meetings"].as_array().unwrap().is_empty(), "{json:#}");
    assert!(json["dues"].as_array().unwrap().is_empty(), "{json:#}");
    let (_, text, _) = diff_texts(&old, &new, &[]);
    assert!(text.contains("Every date moves 7 days later"), "{text}");
}

#[test]
fn a_holiday_cancels_meetings_and_lowers_the_week() {
    let old = example();
    let new = old.replace(
        "holidays = [2027-02-15]",
        "holidays = [2027-02-15, 2027-02-18]",
    );
    let (code, json) = diff_json(&old, &new, &["--fail-on", "more-live"]);
    assert_eq!(code, 0, "less live time is not more-live");
    let cancelled: Vec<&str> = json["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["change"] == "cancelled")
        .map(|m| m["identity"].as_str().unwrap())
        .collect();
    assert!(cancelled.contains(&"lecture-thu@5"), "{cancelled:?}");
    let week5 = json["weeks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["week"] == 5)
        .unwrap();
    assert!(week5["new"].as_u64() < week5["old"].as_u64());
    // The reverse is more live time.
    let (code, _) = diff_json(&new, &old, &["--fail-on", "more-live"]);
    assert_eq!(code, 1);
}

#[test]
fn new_warnings_fail_when_asked() {
    let old = example();
    // Dropping the allow brings back the live-lecture warnings.
    let cut = old.find("[check]").unwrap();
    let new = old[..cut].to_string();
    let (code, json) = diff_json(&old, &new, &["--fail-on", "new-warning"]);
    assert_eq!(code, 1, "{json:#}");
    let findings = json["findings"].as_array().unwrap();
    assert!(
        findings.iter().any(|f| f["rule"] == "live-lecture"
            && f["subject"] == "lecture-tue"
            && f["change"] == "new"),
        "{findings:#?}"
    );
}

#[test]
fn input_errors_in_new_exit_1_and_in_old_compare_with_an_empty_course() {
    let good = example();
    let (code, stdout, stderr) = diff_texts(&good, "[course\n", &[]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(stderr.contains("new.toml:1:"), "{stderr}");

    let (code, json) = diff_json("[course\n", &good, &[]);
    assert_eq!(code, 0);
    let activities = json["activities"].as_array().unwrap();
    assert!(activities.iter().all(|a| a["change"] == "added"));
    assert!(!activities.is_empty());
    let (_, _, stderr) = diff_texts("[course\n", &good, &[]);
    assert!(stderr.contains("compared as an empty course"), "{stderr}");
}

#[test]
fn an_unreadable_file_exits_2() {
    let out = mixplan()
        .args(["diff", EXAMPLE, "/nonexistent/course.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/course.toml"));
}

fn git(dir: &Path, args: &[&str]) {
    let out = Process::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn git_compares_with_the_file_at_a_revision() {
    if Process::new("git").arg("--version").output().is_err() {
        eprintln!("note: git is not installed; skipping the --git test");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    std::fs::create_dir(dir.path().join("courses")).unwrap();
    let file = write(&dir.path().join("courses"), "intro.toml", &example());
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "first"]);
    std::fs::write(
        &file,
        example().replace(
            "due = { day = \"mon\", time = \"23:59\" }",
            "due = { day = \"mon\", time = \"12:00\" }",
        ),
    )
    .unwrap();
    // Run from the repository root: the path is read relative to the file's own folder.
    let out = mixplan()
        .current_dir(dir.path())
        .args([
            "diff",
            "--git",
            "HEAD",
            "courses/intro.toml",
            "--fail-on",
            "earlier-due",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("EARLIER"));

    // Unknown revision: git's own message, exit 2.
    let out = mixplan()
        .current_dir(dir.path())
        .args(["diff", "--git", "no-such-rev", "courses/intro.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no-such-rev"), "{stderr}");

    // A file new since the revision is compared with an empty course: everything is added.
    let added = write(&dir.path().join("courses"), "new.toml", &example());
    let out = mixplan()
        .args(["diff", "--git", "HEAD", "--format", "json"])
        .arg(&added)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        json["activities"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["change"] == "added")
    );

    // Outside any repository: git's message, exit 2.
    let outside = tempfile::tempdir().unwrap();
    let lone = write(outside.path(), "lone.toml", &example());
    let out = mixplan()
        .args(["diff", "--git", "HEAD"])
        .arg(&lone)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("git"));
}

#[test]
fn the_json_validates_against_its_schema() {
    let found = which("check-jsonschema");
    let here = found.is_some();
    let (Some(validator), true) = (
        found,
        crate::common::validator_here(here, "check-jsonschema", "the diff schema check"),
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let old = example();
    let new = old
        .replace("title = \"Q&A forum\"", "title = \"Questions\"")
        .replace(
            "at = { day = \"tue\", time = \"17:30\" }",
            "at = { day = \"tue\", time = \"18:30\" }",
        )
        .replace(
            "holidays = [2027-02-15]",
            "holidays = [2027-02-15, 2027-02-18]",
        )
        .replace("id = \"assignment\"", "id = \"programming-assignment\"");
    let (_, stdout, _) = diff_texts(&old, &new, &["--format", "json"]);
    let doc = write(dir.path(), "diff.json", &stdout);
    let schema = write(
        dir.path(),
        "diff.schema.json",
        &String::from_utf8(mixplan().args(["schema", "diff"]).output().unwrap().stdout).unwrap(),
    );
    let out = Process::new(validator)
        .arg("--schemafile")
        .arg(&schema)
        .arg(&doc)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_markdown_renders_as_tables() {
    if !crate::common::validator_here(
        crate::common::python_has("markdown_it"),
        "markdown-it-py",
        "the diff markdown check",
    ) {
        return;
    }
    let old = example();
    let new = old
        .replace(
            "at = { day = \"tue\", time = \"17:30\" }",
            "at = { day = \"tue\", time = \"18:30\" }",
        )
        .replace(
            "due = { day = \"mon\", time = \"23:59\" }",
            "due = { day = \"mon\", time = \"12:00\" }",
        );
    let (_, md, _) = diff_texts(&old, &new, &["--format", "markdown"]);
    let sections = md.matches("\n#### ").count();
    let out = Process::new("python3")
        .args([
            "-c",
            "import sys; from markdown_it import MarkdownIt; \
             print(MarkdownIt('commonmark').enable('table').render(sys.stdin.read()).count('<table>'))",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(md.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    let tables: usize = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
    assert!(sections >= 3, "{md}");
    assert_eq!(tables, sections, "{md}");
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|path| path.is_file())
    })
}

// ---------------------------------------------------------------------------------------------
// The diff against two calendars read by real parsers

fn calendar_parsers_available() -> bool {
    crate::common::validator_here(
        crate::common::python_has("icalendar, recurring_ical_events"),
        "Python's icalendar or recurring-ical-events",
        "the diff-against-calendars test (`pip install icalendar recurring-ical-events`)",
    )
}

/// One random single edit of a course file: the `n`th match of a key (wrapping), or a key
/// added to `[course]`. `None` when the text has no place for it.
fn edit(text: &str, kind: u8, n: usize, value: u32) -> Option<String> {
    let nth = |pattern: &str| {
        let starts: Vec<usize> = text
            .match_indices(pattern)
            .map(|(i, _)| i + pattern.len())
            .collect();
        (!starts.is_empty()).then(|| starts[n % starts.len()])
    };
    let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let after_course =
        |line: String| text.replacen("[course]\n", &format!("[course]\n{line}\n"), 1);
    match kind {
        // A time of day: a fixed time, a due time or a pin.
        0 => {
            let at = nth("time = \"")?;
            let time = format!("{:02}:{:02}", 7 + value % 14, (value / 14 % 4) * 15);
            Some(format!("{}{time}{}", &text[..at], &text[at + 5..]))
        }
        // A weekday.
        1 => {
            let at = nth("day = \"")?;
            Some(format!(
                "{}{}{}",
                &text[..at],
                days[value as usize % 7],
                &text[at + 3..]
            ))
        }
        // An activity's weeks.
        2 => {
            let at = nth("\n[[activities]]\n")?;
            let weeks = format!("weeks = [\"{}-{}\"]\n", 1 + value % 3, 4 + value % 5);
            let rest = &text[at..];
            if rest.split("\n[[").next()?.contains("weeks =") || rest.contains("every = ") {
                return None;
            }
            Some(format!("{}{weeks}{}", &text[..at], rest))
        }
        // A break week.
        3 => Some(after_course(format!("breaks = [{}]", 2 + value % 6))),
        // A holiday in the first weeks.
        4 => {
            let start = text.split("start = ").nth(1)?.get(..10)?.to_string();
            let date: jiff::civil::Date = start.parse().ok()?;
            let day = date
                .checked_add(jiff::Span::new().days(i64::from(value % 40)))
                .ok()?;
            Some(after_course(format!("holidays = [{day}]")))
        }
        // A pinned live slot.
        5 => Some(after_course(format!(
            "live_at = {{ day = \"{}\", time = \"{:02}:00\" }}",
            days[value as usize % 5],
            8 + value % 12
        ))),
        // A zone's head count.
        _ => {
            let at = nth("count = ")?;
            let end = at + text[at..].find(|c: char| !c.is_ascii_digit())?;
            let count: u32 = text[at..end].parse().ok()?;
            let new = (count + 1 + value % 7).min(2000);
            Some(format!("{}{new}{}", &text[..at], &text[end..]))
        }
    }
}

fn flat_calendar(path: &Path, out: &Path) {
    let status = mixplan()
        .args(["schedule", "--ics"])
        .arg(out)
        .args(["--ics-style", "flat"])
        .arg(path)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 40, .. Default::default() })]

    /// Random single edits to every shipped example (a time, a day, weeks, a break, a holiday,
    /// a pin, a head count): what `diff --format json` reports moved, cancelled, added or
    /// removed is exactly what two calendars, expanded by icalendar and
    /// recurring-ical-events and matched by UID, say changed.
    #[test]
    fn diff_agrees_with_the_calendars(example in 0usize..7, kind in 0u8..7, n in 0usize..40, value in 0u32..1000) {
        if !calendar_parsers_available() {
            return Ok(());
        }
        let mut paths: Vec<PathBuf> = std::fs::read_dir("examples").unwrap().map(|e| e.unwrap().path()).collect();
        paths.sort();
        let path = &paths[example % paths.len()];
        let old = std::fs::read_to_string(path).unwrap();
        let Some(new) = edit(&old, kind, n, value) else { return Ok(()) };
        proptest::prop_assume!(mixplan::course::parse(&new).is_ok());
        let dir = tempfile::tempdir().unwrap();
        let old_path = write(dir.path(), "old.toml", &old);
        let new_path = write(dir.path(), "new.toml", &new);
        let out = mixplan().arg("diff").arg(&old_path).arg(&new_path).args(["--format", "json"]).output().unwrap();
        proptest::prop_assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        let json = write(dir.path(), "diff.json", &String::from_utf8(out.stdout).unwrap());
        let (old_ics, new_ics) = (dir.path().join("old.ics"), dir.path().join("new.ics"));
        flat_calendar(&old_path, &old_ics);
        flat_calendar(&new_path, &new_ics);
        let check = Process::new("python3").arg("tests/diff_check.py").arg(&old_ics).arg(&new_ics).arg(&json).output().unwrap();
        proptest::prop_assert!(
            check.status.success(),
            "{} edit {kind}/{n}/{value}:\n{}",
            path.display(),
            String::from_utf8_lossy(&check.stderr)
        );
    }
}

/// `--fail-on less-coverage` fails when some zone loses students of a live activity, and not
/// the other way round; `--fail-on any` fails on any change and passes on none.
#[test]
fn less_coverage_and_any_fail_only_when_they_occur() {
    let old = example();
    // A 75-minute lecture at 21:30 ends after 22:00, where Chicago's students' window ends.
    let new = old.replace(
        "at = { day = \"tue\", time = \"17:30\" }",
        "at = { day = \"tue\", time = \"21:30\" }",
    );
    let (code, json) = diff_json(&old, &new, &["--fail-on", "less-coverage"]);
    assert_eq!(code, 1, "{json:#}");
    assert_eq!(json["failed_on"], serde_json::json!(["less-coverage"]));
    let retitled = old.replace("title = \"Q&A forum\"", "title = \"Questions\"");
    let (code, _) = diff_json(&old, &retitled, &["--fail-on", "less-coverage"]);
    assert_eq!(code, 0, "a new title loses nobody");
    let (code, _) = diff_json(&old, &retitled, &["--fail-on", "any"]);
    assert_eq!(code, 1, "a new title is a change");
    let (code, _) = diff_json(&old, &old, &["--fail-on", "any"]);
    assert_eq!(code, 0);
}

/// `--format github`: one workflow command per change on the new file, with GitHub's escapes,
/// earlier due items as warnings.
#[test]
fn github_format_writes_one_annotation_per_change() {
    let old = example();
    let new = old.replace(
        "due = { day = \"mon\", time = \"23:59\" }",
        "due = { day = \"mon\", time = \"12:00\" }",
    );
    let (code, text, _) = diff_texts(&old, &new, &["--format", "github"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = text.lines().collect();
    assert!(!lines.is_empty());
    for line in &lines {
        assert!(
            line.starts_with("::warning file=") || line.starts_with("::notice file="),
            "{line}"
        );
        assert!(line.contains("new.toml,title=mixplan diff%3A "), "{line}");
    }
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("::warning") && l.contains("EARLIER by 11 h 59 min")),
        "{text}"
    );
}

/// Found by walking the caps: readings sharing one title were grouped into one line listing
/// week 1 once per reading, until the column was too wide to format and `diff` panicked. Each
/// activity keeps its own line, its weeks listed once, and columns pad by display width.
#[test]
fn activities_sharing_a_title_keep_their_own_lines() {
    let course = |zone: &str| {
        let mut text = format!(
            "[course]\ntitle = \"T\"\nweeks = 4\nstart = 2027-01-11\ntimezone = \"{zone}\"\n\n[students]\ncount = 10\n"
        );
        for i in 0..3 {
            text.push_str(&format!(
                "\n[[activities]]\nid = \"r{i}\"\ntitle = \"課題の読書\"\nkind = \"reading\"\nminutes = 30\n"
            ));
        }
        text
    };
    let (code, stdout, stderr) =
        diff_texts(&course("America/New_York"), &course("America/Chicago"), &[]);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains("課題の読書"))
        .collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    for line in lines {
        assert!(line.contains("  weeks 1-4  "), "{line}");
    }
}

/// A version whose items would print past the output budget is a located `too-many` problem
/// before anything is planned or compared.
#[test]
fn a_diff_past_the_output_budget_is_refused_before_planning() {
    let mut text = String::from(
        "[course]\ntitle = \"T\"\nweeks = 104\nstart = 2027-01-11\ntimezone = \"America/New_York\"\n\n[students]\ncount = 10\n",
    );
    let url = format!("https://e.x/{}", "u".repeat(2_000));
    for i in 0..600 {
        text.push_str(&format!(
            "\n[[activities]]\nid = \"r{i}\"\nkind = \"reading\"\nminutes = 5\nurl = \"{url}\"\n"
        ));
    }
    let (code, stdout, stderr) = diff_texts(&text, &text.replace("New_York", "Chicago"), &[]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stderr.contains("error[too-many]: the diff (`mixplan diff`) would be about"),
        "{stderr}"
    );
    assert!(stderr.contains("new.toml:"), "{stderr}");
}
