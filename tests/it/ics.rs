//! `mixplan schedule --ics`: the RFC 5545 calendar, checked by hand here and by real parsers
//! (Python `icalendar` + `recurring-ical-events`, `tests/ics_check.py`) when they are installed.

#![expect(
    clippy::disallowed_macros,
    reason = "tests print a note when an optional validator is skipped"
)]

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use serde_json::Value;

use crate::common::mixplan;

/// New York organizer; sessions every other week across the US change on 2027-03-14; a repeat
/// slot for Tokyo.
fn international() -> String {
    std::fs::read_to_string("examples/international-cohort.toml").expect("example")
}

/// Sydney organizer, weekly, across the Australian change back to standard time on 2027-04-04.
const SYDNEY: &str = r#"[course]
title = "Southern Seminar"
weeks = 6
start = 2027-03-22
timezone = "Australia/Sydney"
live_days = ["wed"]

[students]
count = 12
populations = ["full-time"]

[[students.zones]]
zone = "Pacific/Auckland"
count = 4

[[activities]]
id = "seminar"
kind = "discussion"
minutes = 50
mode = "sync"

[[activities]]
id = "reading"
kind = "reading"
minutes = 60
"#;

/// Irregular live weeks with sessions of different lengths (RDATE and overridden instances),
/// and a title that needs TEXT escaping.
const IRREGULAR: &str = r#"[course]
title = "Labs, Debates; and \\ Backslashes — Spring"
weeks = 10
start = 2027-02-15
timezone = "America/New_York"
sync_hours = [0.0, 10.0]

[students]
count = 20
populations = ["full-time"]

[[students.zones]]
zone = "Europe/London"
count = 8

[[activities]]
id = "debate"
kind = "debate"
minutes = 30
mode = "sync"
weeks = [1, 2, 5, 9]

[[activities]]
id = "lab"
kind = "lab"
minutes = 40
mode = "sync"
weeks = [2, 9]

[[activities]]
id = "problem-set"
kind = "practice"
minutes = 90
mode = "async"
"#;

/// UTC organizer: a fixed-offset VTIMEZONE.
const UTC: &str = r#"[course]
title = "Fixed"
weeks = 3
start = 2027-06-07

[students]
count = 5

[[activities]]
id = "clinic"
kind = "q-and-a"
minutes = 30
mode = "sync"
"#;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn calendar(course: &Path) -> String {
    calendar_in(course, "series")
}

fn calendar_in(course: &Path, style: &str) -> String {
    let out = mixplan()
        .args(["schedule"])
        .arg(course)
        .args(["--ics", "-", "--ics-style", style])
        .output()
        .unwrap();
    String::from_utf8(crate::common::stdout_ok(out)).unwrap()
}

fn unfolded(ics: &str) -> String {
    ics.replace("\r\n ", "")
}

fn assert_wire_format(ics: &str) {
    assert!(ics.ends_with("\r\n"));
    for line in ics.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "bare line break in {line:?}"
        );
    }
}

#[test]
fn new_york_calendar_has_dst_timezone_and_biweekly_rule() {
    let dir = tempfile::tempdir().unwrap();
    let course = write(dir.path(), "course.toml", &international());
    let ics = calendar(&course);
    assert_wire_format(&ics);
    let text = unfolded(&ics);
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//mixplan//"));
    assert!(text.contains(
        "BEGIN:DAYLIGHT\r\nDTSTART:20270314T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nTZNAME:EDT\r\nEND:DAYLIGHT"
    ));
    assert!(text.contains("TZOFFSETTO:-0500\r\nTZNAME:EST\r\nEND:STANDARD"));
    assert!(text.contains("DTSTAMP:20270222T000000Z"));
    assert!(text.contains("UID:global-supply-chain-strategy-"));
    // Weekly searched sittings of at most 90 minutes (the debate, with its repeat) and the
    // fortnightly team project in its own sitting, with its own repeat.
    assert_eq!(text.matches("RRULE:FREQ=WEEKLY;COUNT=10").count(), 2);
    assert_eq!(
        text.matches("RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=5").count(),
        2
    );
    assert!(text.contains("DTSTART;TZID=America/New_York:20270224T184500"));
    assert!(
        text.contains(" (repeat)\r\n"),
        "the repeat says so in its title"
    );
    assert!(!text.contains("RECURRENCE-ID"), "all live weeks are alike");
    // Same input, same bytes.
    assert_eq!(ics, calendar(&course));
}

#[test]
fn southern_hemisphere_organizer_gets_standard_time_in_april() {
    let dir = tempfile::tempdir().unwrap();
    let course = write(dir.path(), "course.toml", SYDNEY);
    let text = unfolded(&calendar(&course));
    assert!(text.contains(
        "BEGIN:STANDARD\r\nDTSTART:20270404T030000\r\nTZOFFSETFROM:+1100\r\nTZOFFSETTO:+1000\r\nTZNAME:AEST"
    ), "{text}");
    assert!(text.contains("RRULE:FREQ=WEEKLY;COUNT=6"));
}

#[test]
fn irregular_weeks_use_exdate_and_override_different_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let course = write(dir.path(), "course.toml", IRREGULAR);
    let ics = calendar(&course);
    assert_wire_format(&ics);
    let text = unfolded(&ics);
    assert!(
        text.contains("X-WR-CALNAME:Labs\\, Debates\\; and \\\\ Backslashes — Spring\r\n"),
        "{text}"
    );
    // One weekly rule over the span, the weeks without a session excluded.
    assert!(text.contains("RRULE:FREQ=WEEKLY;COUNT="));
    assert!(text.contains("EXDATE;TZID=America/New_York:"));
    assert!(!text.contains("RDATE"));
    // Weeks 2 and 9 run debate + lab: longer than weeks 1 and 5, so they are overridden.
    assert_eq!(
        text.matches("RECURRENCE-ID;TZID=America/New_York:").count(),
        2
    );
}

#[test]
fn fixed_offset_zone_gets_one_observance() {
    let dir = tempfile::tempdir().unwrap();
    let course = write(dir.path(), "course.toml", UTC);
    let text = unfolded(&calendar(&course));
    assert!(text.contains(
        "BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000\r\nTZNAME:UTC\r\nEND:STANDARD"
    ), "{text}");
}

#[test]
fn ics_without_start_is_an_input_problem() {
    let dir = tempfile::tempdir().unwrap();
    let course = write(
        dir.path(),
        "course.toml",
        &UTC.replace("start = 2027-06-07\n", ""),
    );
    let target = dir.path().join("out.ics");
    crate::common::schedule_ics(&course, &target)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicates::str::contains("add e.g. `start = 2027-01-11`"));
    assert!(!target.exists());
}

#[test]
fn unwritable_ics_path_exits_2_with_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let course = write(dir.path(), "course.toml", UTC);
    let target = dir.path().join("no-such-dir/out.ics");
    crate::common::schedule_ics(&course, &target)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no-such-dir/out.ics"));
}

#[test]
fn ics_never_overwrites_the_course_file() {
    let dir = tempfile::tempdir().unwrap();
    let course = write(dir.path(), "course.toml", UTC);
    crate::common::schedule_ics(&course, &course)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("it is an input of this run"));
    assert_eq!(std::fs::read_to_string(&course).unwrap(), UTC);
}

#[test]
fn ics_file_is_written_and_the_schedule_still_printed() {
    let dir = tempfile::tempdir().unwrap();
    let course = write(dir.path(), "course.toml", UTC);
    let target = dir.path().join("out.ics");
    std::fs::write(&target, "old").unwrap();
    crate::common::schedule_ics(&course, &target)
        .assert()
        .success()
        .stdout(predicates::str::contains("Schedule"));
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.starts_with("BEGIN:VCALENDAR\r\n"));
    assert_eq!(written, calendar(&course));
}

/// The schedule's JSON, parsed.
fn schedule_json(course: &Path) -> Value {
    let out = mixplan()
        .arg("schedule")
        .arg(course)
        .args(["--format", "json"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

/// What the calendar must expand to, from `schedule.occurrences[]` and the due times: every
/// held occurrence's instants, the due instants, and for a flat calendar every occurrence's UID.
fn expectations(course: &Path, style: &str) -> Value {
    let json = schedule_json(course);
    let start: jiff::civil::Date = json["course"]["start"].as_str().unwrap().parse().unwrap();
    let occurrences: Vec<Value> = json["schedule"]["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            serde_json::json!({
                "uid": o["uid"],
                "start_utc": o["start_utc"],
                "end_utc": o["end_utc"],
                "cancelled": !o["cancelled"].is_null(),
            })
        })
        .collect();
    let mut dues: Vec<String> = Vec::new();
    for week in json["schedule"]["weeks"].as_array().unwrap() {
        for item in week["items"].as_array().unwrap() {
            if let Some(due) = item["due_utc"].as_str() {
                dues.push(due.to_string());
            }
        }
    }
    let zone = json["course"]["timezone"].as_str().unwrap();
    let tzid = if zone == "AoE" { "Etc/GMT+12" } else { zone };
    let from = start.checked_sub(jiff::Span::new().days(14)).unwrap();
    let to = start
        .checked_add(jiff::Span::new().days(7 * json["course"]["weeks"].as_i64().unwrap() + 14))
        .unwrap();
    serde_json::json!({
        "timezone": tzid,
        "style": style,
        "from": format!("{from}T00:00:00Z"),
        "to": format!("{to}T00:00:00Z"),
        "occurrences": occurrences,
        "dues": dues,
    })
}

/// Run `tests/ics_check.py` (and, when installed, ical.js and node-ical) on a calendar.
fn check_with_clients(dir: &Path, name: &str, ics: &str, expect: &Value, second: Option<&str>) {
    let file = write(dir, &format!("{name}.ics"), ics);
    let expect_file = write(dir, &format!("{name}.json"), &expect.to_string());
    let mut python = Process::new("python3");
    python.arg("tests/ics_check.py").args([&file, &expect_file]);
    if let Some(second) = second {
        python.arg(write(dir, &format!("{name}.2.ics"), second));
    }
    let out = python.output().unwrap();
    assert!(
        out.status.success(),
        "{name}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    if !js_clients_available() {
        return;
    }
    let out = Process::new("node")
        .arg("tests/clients/ics.mjs")
        .args([&file, &expect_file])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{name} in ical.js / node-ical: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// ical.js and node-ical, installed with `npm ci --prefix tests/clients`.
fn js_clients_available() -> bool {
    let installed = Path::new("tests/clients/node_modules/ical.js").exists()
        && Path::new("tests/clients/node_modules/node-ical").exists()
        && Process::new("node").arg("--version").output().is_ok();
    if !installed {
        assert!(
            std::env::var_os("MIXPLAN_REQUIRE_JS_CLIENTS").is_none(),
            "MIXPLAN_REQUIRE_JS_CLIENTS is set but `npm ci --prefix tests/clients` has not run"
        );
        eprintln!(
            "note: skipping ical.js and node-ical; `npm ci --prefix tests/clients` to run them"
        );
    }
    installed
}

/// Whether the Python calendar parsers are here (see [`crate::common::validator_here`]);
/// `skipping` names the check that is skipped without them.
fn python_validators_available(skipping: &str) -> bool {
    crate::common::validator_here(
        crate::common::python_has("icalendar, recurring_ical_events"),
        "Python's icalendar or recurring-ical-events (`pip install icalendar recurring-ical-events`)",
        skipping,
    )
}

/// Real parsers expand every calendar to exactly the schedule's sessions and due times, at the
/// organizer's wall-clock time on both sides of each clock change; no component has parse
/// errors; lines are CRLF and at most 75 octets; two runs give identical bytes.
#[test]
fn real_parsers_expand_the_calendar_exactly() {
    if !python_validators_available("the Python iCalendar check") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let fixtures = [
        ("international.toml", international()),
        ("sydney.toml", SYDNEY.to_string()),
        ("irregular.toml", IRREGULAR.to_string()),
        ("utc.toml", UTC.to_string()),
    ];
    for (name, text) in fixtures {
        let course = write(dir.path(), name, &text);
        for style in ["series", "flat"] {
            let first = calendar_in(&course, style);
            let second = calendar_in(&course, style);
            let expect = expectations(&course, style);
            check_with_clients(
                dir.path(),
                &format!("{name}.{style}"),
                &first,
                &expect,
                Some(&second),
            );
        }
    }
}

/// Every shipped example and template, in both styles: real parsers in Python and JavaScript
/// expand its calendar to exactly the instants of `occurrences[]`; a flat calendar has no
/// recurrence; every sitting has DTEND.
#[test]
fn every_example_and_template_calendar_reads_right_in_four_clients() {
    if !python_validators_available("the iCalendar client check of the examples") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut files: Vec<PathBuf> = ["examples", "templates"]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut checked = 0;
    for course in &files {
        if schedule_json(course)["course"]["start"].is_null() {
            continue;
        }
        let name = course.file_stem().unwrap().to_string_lossy().to_string();
        for style in ["series", "flat"] {
            let ics = calendar_in(course, style);
            let expect = expectations(course, style);
            check_with_clients(dir.path(), &format!("{name}.{style}"), &ics, &expect, None);
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} calendars checked");
}

/// The lecture example's calendar: lectures on Tuesdays and Thursdays at 17:30 Chicago time on
/// both sides of the March clock change, nothing in the spring-break week or on the holiday, one
/// event per exam; real parsers expand the file to exactly that.
#[test]
fn lecture_example_meets_tuesdays_and_thursdays_at_1730_across_dst() {
    let course =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/remote-graphics-lecture.toml");
    let ics = calendar(&course);
    assert_wire_format(&ics);
    let text = unfolded(&ics);
    assert!(text.contains("SUMMARY:Computer Graphics (remote-synchronous): Lecture (Tuesday)"));
    assert!(
        text.contains("(optional)"),
        "office hours are marked optional"
    );
    assert!(!text.contains("Record"), "no advice to record exams");
    let json = schedule_json(&course);
    let occurrences = json["schedule"]["occurrences"].as_array().unwrap();
    let held = |sitting: &str| -> Vec<String> {
        occurrences
            .iter()
            .filter(|o| o["sitting"] == sitting && o["cancelled"].is_null())
            .map(|o| o["start"].as_str().unwrap()[..16].to_string())
            .collect()
    };
    let break_week = |t: &str| ("2027-03-15".."2027-03-22").contains(&&t[..10]);
    for (name, day) in [
        ("lecture-tue", jiff::civil::Weekday::Tuesday),
        ("lecture-thu", jiff::civil::Weekday::Thursday),
    ] {
        let times = held(name);
        assert_eq!(
            times.len(),
            14,
            "{name}: 15 weeks minus the break: {times:?}"
        );
        for t in &times {
            let date: jiff::civil::Date = t[..10].parse().unwrap();
            assert_eq!(date.weekday(), day, "{t}");
            assert!(t.ends_with("T17:30"), "{t}");
            assert!(!break_week(t), "{t} is in the spring break");
        }
        // Both sides of the clock change (2027-03-14).
        assert!(
            times.iter().any(|t| t.as_str() < "2027-03-14")
                && times.iter().any(|t| t.as_str() > "2027-03-14")
        );
    }
    assert!(
        !held("office-hours.1")
            .iter()
            .any(|t| t.starts_with("2027-02-15")),
        "the holiday is cancelled"
    );
    assert!(text.contains("EXDATE;TZID=America/Chicago:20270215T160000"));
    let exams: Vec<String> = occurrences
        .iter()
        .filter(|o| o["kind"] == "exam")
        .map(|o| o["start"].as_str().unwrap()[..16].to_string())
        .collect();
    assert_eq!(
        serde_json::json!(exams),
        // The final's second section, in the evening, is for the students in Shanghai.
        serde_json::json!([
            "2027-02-24T19:15",
            "2027-04-07T19:15",
            "2027-05-05T10:05",
            "2027-05-05T19:00"
        ])
    );
    // One event per exam sitting: two midterms and the final's two sections.
    assert_eq!(
        text.matches("-exam@mixplan").count(),
        4,
        "one event per exam sitting"
    );
    if !python_validators_available("the Python iCalendar check of the lecture example") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    check_with_clients(
        dir.path(),
        "lecture",
        &ics,
        &expectations(&course, "series"),
        None,
    );
}

fn uids(ics: &str) -> Vec<String> {
    let mut uids: Vec<String> = unfolded(ics)
        .lines()
        .filter_map(|l| l.strip_prefix("UID:"))
        .map(str::to_string)
        .collect();
    uids.sort();
    uids.dedup();
    uids
}

/// Regression: UIDs came from the title alone, so two offerings of one course (another year,
/// another zone) collided in one calendar. Checked by the real parser too.
#[test]
fn two_offerings_of_one_course_share_no_uid() {
    let dir = tempfile::tempdir().unwrap();
    let spring = write(dir.path(), "spring.toml", SYDNEY);
    let autumn = write(
        dir.path(),
        "autumn.toml",
        &SYDNEY.replace("start = 2027-03-22", "start = 2027-09-20"),
    );
    let with_ids = |id: &str| SYDNEY.replace("[course]\n", &format!("[course]\nid = \"{id}\"\n"));
    let a = write(dir.path(), "a.toml", &with_ids("seminar-2027-a"));
    let b = write(dir.path(), "b.toml", &with_ids("seminar-2027-b"));
    for (one, two) in [(&spring, &autumn), (&a, &b)] {
        let (x, y) = (uids(&calendar(one)), uids(&calendar(two)));
        assert!(!x.is_empty());
        assert!(x.iter().all(|u| !y.contains(u)), "shared UIDs: {x:?} {y:?}");
    }
    if !python_validators_available("the Python round trip of two offerings") {
        return;
    }
    let second = write(dir.path(), "autumn.ics", &calendar(&autumn));
    let mut expect = expectations(&spring, "series");
    expect["disjoint_from"] = second.display().to_string().into();
    check_with_clients(dir.path(), "spring", &calendar(&spring), &expect, None);
}

/// Regression: moving the live day re-keyed the due events, so a re-import duplicated them
/// instead of updating. With an `id`, even moving the whole course keeps every UID.
#[test]
fn uids_stay_when_times_move() {
    let dir = tempfile::tempdir().unwrap();
    let base = SYDNEY.replace("[course]\n", "[course]\nid = \"seminar-2027\"\n");
    let moved_day = base.replace("live_days = [\"wed\"]", "live_days = [\"fri\"]");
    let moved_start = base.replace("start = 2027-03-22", "start = 2027-03-29");
    let original = calendar(&write(dir.path(), "base.toml", &base));
    for (name, text) in [("day", moved_day), ("start", moved_start)] {
        let moved = calendar(&write(dir.path(), &format!("{name}.toml"), &text));
        assert_ne!(moved, original, "{name}: the fixture must move something");
        assert_eq!(uids(&moved), uids(&original), "{name}");
    }
}

#[test]
fn every_event_has_an_end_sequence_and_optional_reminder() {
    let dir = tempfile::tempdir().unwrap();
    let course = write(dir.path(), "course.toml", SYDNEY);
    let plain = unfolded(&calendar(&course));
    let events = plain.matches("BEGIN:VEVENT").count();
    assert!(events > 6);
    // Sittings end with DTEND (Moodle reads no DURATION); a due time is a moment.
    let dues = plain.matches("-due@mixplan\r\n").count();
    assert!(dues > 0);
    assert_eq!(plain.matches("\r\nDURATION:PT0S\r\n").count(), dues);
    assert_eq!(plain.matches("\r\nDTEND;TZID=").count(), events - dues);
    assert_eq!(plain.matches("\r\nSEQUENCE:0\r\n").count(), events);
    assert!(!plain.contains("VALARM"));
    let out = mixplan()
        .arg("schedule")
        .arg(&course)
        .args(["--ics", "-", "--sequence", "4", "--remind", "1d12h"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = unfolded(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(text.matches("\r\nSEQUENCE:4\r\n").count(), events);
    assert_eq!(
        text.matches("BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P1DT12H\r\n")
            .count(),
        events
    );
    // Same UIDs whatever the revision: that is what lets clients update.
    assert_eq!(uids(&text), uids(&plain));
    mixplan()
        .arg("schedule")
        .arg(&course)
        .args(["--ics", "-", "--remind", "soon"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("write e.g. `1d`"));
}

#[test]
fn url_and_location_are_carried_into_events() {
    let dir = tempfile::tempdir().unwrap();
    let text = SYDNEY
        .replace(
            "[course]\n",
            "[course]\nurl = \"https://lms.example.edu/courses/559\"\nlocation = \"Zoom\"\n",
        )
        .replace(
            "id = \"seminar\"\n",
            "id = \"seminar\"\nurl = \"https://zoom.example.edu/j/123\"\nlocation = \"Room 1240, CS\"\n",
        );
    let ics = unfolded(&calendar(&write(dir.path(), "course.toml", &text)));
    assert!(ics.contains("\r\nLOCATION:Room 1240\\, CS\r\n"), "{ics}");
    assert!(ics.contains("\r\nURL:https://zoom.example.edu/j/123\r\n"));
    // Self-paced work links to the course page.
    assert!(ics.contains("\r\nURL:https://lms.example.edu/courses/559\r\n"));
    let bad = text.replace("https://zoom.example.edu/j/123", "javascript:alert(1)");
    mixplan()
        .arg("schedule")
        .arg(write(dir.path(), "bad.toml", &bad))
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "`url` must be an http or https address",
        ));
}
