//! `schedule.occurrences[]`: one list of every meeting that every output is a view of, and the
//! identities calendars, `diff` and LMS packages match on.

#![expect(
    clippy::disallowed_macros,
    reason = "tests print a note when an optional client is skipped"
)]

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command as Process;

use mixplan::render::{self, Format, Style};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::Value;

use crate::common::mixplan;

/// A Tuesday lecture of 75 minutes, a two-section lab, a one-off guest lecture, a discussion
/// the slot search places, office hours, a final, self-paced work with its own due day, and a
/// holiday that falls on a Tuesday.
const TERM: &str = r#"[course]
id = "cs101-2027-spring"
title = "Intro to Computing"
weeks = 6
start = 2027-01-11
timezone = "America/New_York"
holidays = [2027-01-19]
live_days = ["wed", "fri"]

[students]
count = 30
populations = ["full-time"]

[[students.zones]]
zone = "Asia/Tokyo"
count = 5

[[activities]]
id = "lecture"
title = "Lecture"
kind = "lecture"
minutes = 75
at = { day = "tue", time = "10:00" }

[[activities]]
id = "lab"
title = "Lab"
kind = "lab"
minutes = 50
at = [{ day = "mon", time = "14:00" }, { day = "thu", time = "14:00" }]

[[activities]]
id = "guest"
title = "Opening lecture"
kind = "lecture"
minutes = 30
weeks = [1]
at = { day = "tue", time = "11:30" }

[[activities]]
id = "discussion"
kind = "discussion"
minutes = 45
mode = "sync"

[[activities]]
id = "office-hours"
kind = "office-hours"
minutes = 30
at = { day = "fri", time = "16:00" }

[[activities]]
id = "final"
kind = "exam"
minutes = 120
weeks = [6]
at = { day = "thu", time = "18:00" }

[[activities]]
id = "quiz"
kind = "assessment"
minutes = 20
due = { day = "mon", time = "09:00" }

[[activities]]
id = "reading"
kind = "reading"
minutes = 60
"#;

fn plan(text: &str) -> mixplan::Recommendation {
    mixplan::recommend(crate::common::load_ok(text))
}

fn json(text: &str) -> Value {
    mixplan::render::json::schedule_only(&plan(text))
}

fn flat_uids(rec: &mixplan::Recommendation) -> Vec<String> {
    let options = render::ics::Options {
        style: render::ics::Style::Flat,
        ..Default::default()
    };
    let ics = render::ics::calendar(rec, options).unwrap();
    let mut uids: Vec<String> = ics
        .replace("\r\n ", "")
        .lines()
        .filter_map(|l| l.strip_prefix("UID:"))
        .map(str::to_string)
        .collect();
    uids.sort();
    uids
}

#[test]
fn every_meeting_is_listed_with_identity_and_instants() {
    let json = json(TERM);
    let occ = json["schedule"]["occurrences"].as_array().unwrap();
    // Sorted by start.
    let starts: Vec<&str> = occ
        .iter()
        .map(|o| o["start_utc"].as_str().unwrap())
        .collect();
    let mut sorted = starts.clone();
    sorted.sort_unstable();
    assert_eq!(starts, sorted);
    let by_identity: BTreeMap<&str, &Value> = occ
        .iter()
        .map(|o| (o["identity"].as_str().unwrap(), o))
        .collect();
    assert_eq!(by_identity.len(), occ.len(), "identities are unique");
    // The lecture on the holiday is listed, cancelled.
    let holiday = by_identity["lecture@2"];
    assert_eq!(holiday["cancelled"], "holiday");
    assert_eq!(holiday["date"], "2027-01-19");
    // A fixed sitting lasts exactly its `at` span: 75 minutes, breaks carved out.
    let lecture = by_identity["lecture@1"];
    assert_eq!(lecture["minutes"], 75);
    assert_eq!(
        lecture["start"],
        "2027-01-12T10:00:00-05:00[America/New_York]"
    );
    assert_eq!(
        lecture["end"],
        "2027-01-12T11:15:00-05:00[America/New_York]"
    );
    assert_eq!(lecture["end_utc"], "2027-01-12T16:15:00Z");
    let timeline: u64 = lecture["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["minutes"].as_u64().unwrap())
        .sum();
    assert_eq!(timeline, 75);
    // Sections are their own sittings; a searched sitting's key starts with `~`; an exam
    // is its id and `.1`.
    assert!(by_identity.contains_key("lab.1@3") && by_identity.contains_key("lab.2@3"));
    assert!(by_identity.contains_key("~discussion@1"));
    assert_eq!(by_identity["final.1@6"]["kind"], "exam");
    // UIDs: the slug of the course id, 16 hex digits, the kind.
    let uid = lecture["uid"].as_str().unwrap();
    assert!(
        uid.starts_with("cs101-2027-spring-") && uid.ends_with("-sitting@mixplan"),
        "{uid}"
    );
    assert_eq!(
        uid.len(),
        "cs101-2027-spring-".len() + 16 + "-sitting@mixplan".len()
    );
    // Every sitting of `sittings[]` says what it repeats and whom it misses; the searched
    // sitting's repeat for Tokyo follows it.
    for s in json["schedule"]["sittings"].as_array().unwrap() {
        let repeat = s["id"].as_str().unwrap().ends_with(".repeat");
        assert_eq!(!s["repeat_of"].is_null(), repeat, "{s}");
        assert!(s["uncovered"].is_array());
    }
    assert!(by_identity.contains_key("~discussion.repeat@1"));
    assert_eq!(by_identity["~discussion.repeat@1"]["repeat_of"], "live");
    // The item of a fixed activity is cut as its sitting is: it sums to its minutes.
    let week1 = &json["schedule"]["weeks"][0]["items"];
    let item = week1
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["activity"] == "lecture")
        .unwrap();
    let sum: u64 = item["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["minutes"].as_u64().unwrap())
        .sum();
    assert_eq!(sum, 75);
}

/// Regression: fixing a typo in the title re-keyed every event, so a re-import duplicated the
/// whole term.
#[test]
fn editing_the_title_with_a_course_id_keeps_every_uid() {
    let before = plan(TERM);
    let after = plan(&TERM.replace("Intro to Computing", "Introduction to Computing"));
    assert_eq!(flat_uids(&before), flat_uids(&after));
    let uids = |rec: &mixplan::Recommendation| -> Vec<String> {
        rec.occurrences.list.iter().map(|o| o.uid.clone()).collect()
    };
    assert_eq!(uids(&before), uids(&after));
    // Moving the lecture keeps its UIDs too: identity is never a time.
    let moved = plan(&TERM.replace(
        "day = \"tue\", time = \"10:00\"",
        "day = \"tue\", time = \"09:00\"",
    ));
    assert_eq!(uids(&before), uids(&moved));
    // Without an id, the title is the identity (and `schedule --ics` warns).
    let no_id = TERM.replace("id = \"cs101-2027-spring\"\n", "");
    assert_ne!(
        flat_uids(&plan(&no_id)),
        flat_uids(&plan(
            &no_id.replace("Intro to Computing", "Introduction to Computing")
        ))
    );
}

/// Regression: two sections with the same title and time shared 74 of 75 UIDs.
#[test]
fn sections_of_one_title_and_time_get_distinct_uids() {
    let rec = plan(TERM);
    let uids = flat_uids(&rec);
    let mut unique = uids.clone();
    unique.dedup();
    assert_eq!(uids, unique, "every flat event has its own UID");
    assert_eq!(uids.len(), rec.occurrences.list.len() + due_count(&rec));
    // Two activities with one title at one time in other sections.
    let twin = TERM.replace(
        "[[activities]]\nid = \"discussion\"",
        "[[activities]]\nid = \"lab-b\"\ntitle = \"Lab\"\nkind = \"lab\"\nminutes = 50\nat = [{ day = \"mon\", time = \"16:00\" }, { day = \"thu\", time = \"16:00\" }]\n\n[[activities]]\nid = \"discussion\"",
    );
    let rec = plan(&twin);
    let mut uids: Vec<&str> = rec
        .occurrences
        .list
        .iter()
        .map(|o| o.uid.as_str())
        .collect();
    let n = uids.len();
    uids.sort_unstable();
    uids.dedup();
    assert_eq!(uids.len(), n);
}

fn due_count(rec: &mixplan::Recommendation) -> usize {
    rec.schedule
        .weeks
        .iter()
        .flat_map(|w| &w.items)
        .filter(|i| i.due.as_ref().is_some_and(|d| d.at.is_some()))
        .count()
}

/// A repeat the slot search could place only before its session says so: international-cohort's
/// Thursday team session is repeated on Monday for London, "earlier in the week", while the
/// Wednesday debate's Thursday repeat is "the same again".
#[test]
fn a_repeat_before_its_session_says_earlier_in_the_week() {
    let text = std::fs::read_to_string("examples/international-cohort.toml").unwrap();
    let rec = plan(&text);
    let table = render::recommendation(&rec, render::Format::Markdown, render::Style::PLAIN);
    assert!(
        table.contains("(repeat of live2, earlier in the week)"),
        "{table}"
    );
    assert!(table.contains("(repeat of live)"), "{table}");
    let page = render::html::page(&rec, render::html::Shape::Page);
    assert!(page.contains("the same session as later this week"));
    assert!(page.contains("the same again for students the first time does not suit"));
    let ics = render::ics::calendar(&rec, render::ics::Options::default())
        .unwrap()
        .replace("\r\n ", "");
    assert!(
        ics.contains("The week's live session at an earlier time"),
        "{ics}"
    );
}

/// A section's own room (an `at` entry's `location`) reaches the student page, in the overview
/// and on each week's meeting line: the two office-hour sections of hybrid-engineering-labs
/// meet in rooms 369 and 366, which the page used to leave out.
#[test]
fn the_page_names_each_sections_own_room() {
    let text = std::fs::read_to_string("examples/hybrid-engineering-labs.toml").unwrap();
    let page = render::html::page(&plan(&text), render::html::Shape::Page);
    for room in [
        "Nieuwland Science Hall 369",
        "Nieuwland Science Hall 366",
        "DeBartolo Hall 136",
    ] {
        let lines = page.lines().filter(|l| l.contains(room)).count();
        // The overview once, then every week it meets.
        assert!(lines > 5, "{room}: {lines} lines");
    }
}

/// A class in a room reaches only the organizer's zone: the calendar's route for students
/// elsewhere is about being in the room, not the hour.
#[test]
fn a_room_route_in_the_calendar_is_about_the_room() {
    let text = "[course]\ntitle = \"T\"\nweeks = 2\nstart = 2027-01-11\ntimezone = \"America/New_York\"\ndelivery = \"hybrid\"\n\n[students]\ncount = 20\n\n[[students.zones]]\nzone = \"America/New_York\"\ncount = 10\n\n[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 10\n\n[[activities]]\nid = \"studio\"\nkind = \"lab\"\nminutes = 90\nat = { day = \"tue\", time = \"10:00\", location = \"Studio 4\" }\nin_person = true\n";
    let ics = render::ics::calendar(&plan(text), render::ics::Options::default())
        .unwrap()
        .replace("\r\n ", "");
    assert!(
        ics.contains("If you cannot be in the room (Asia/Tokyo): take the self-paced"),
        "{ics}"
    );
    assert!(!ics.contains("outside your hours"), "{ics}");
}

#[test]
fn series_titles_follow_what_meets_and_descriptions_are_for_students() {
    let rec = plan(TERM);
    let ics = render::ics::calendar(&rec, render::ics::Options::default())
        .unwrap()
        .replace("\r\n ", "");
    // The one-off guest lecture is its own sitting, titled alone; no series carries it.
    assert_eq!(
        ics.matches("Opening lecture").count(),
        2,
        "summary and description, once"
    );
    assert!(!ics.contains("Reaches"), "no coverage figures for students");
    assert!(!ics.contains(" of 30"), "no head counts");
    assert!(
        ics.contains("If this time is outside your hours (Asia/Tokyo)"),
        "the route stays"
    );
    assert!(
        ics.contains("SUMMARY:Intro to Computing: due quiz"),
        "{ics}"
    );
    assert!(!ics.contains("DURATION:PT75M"));
    assert!(ics.contains("DTEND;TZID=America/New_York:20270112T111500"));
    let flat = render::ics::calendar(
        &rec,
        render::ics::Options {
            style: render::ics::Style::Flat,
            ..Default::default()
        },
    )
    .unwrap()
    .replace("\r\n ", "");
    for word in ["RRULE", "EXDATE", "RECURRENCE-ID"] {
        assert!(!flat.contains(word), "{word} in a flat calendar");
    }
    assert!(flat.contains("STATUS:CANCELLED\r\nSUMMARY:Cancelled: Intro to Computing: Lecture"));
}

#[test]
fn aoe_organizer_is_written_as_etc_gmt_plus_12() {
    let text = TERM
        .replace("timezone = \"America/New_York\"", "timezone = \"AoE\"")
        .replace("[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 5\n", "");
    let ics = render::ics::calendar(&plan(&text), render::ics::Options::default()).unwrap();
    assert!(ics.contains("TZID:Etc/GMT+12\r\n"));
    assert!(ics.contains("DTSTART;TZID=Etc/GMT+12:20270112T100000\r\n"));
    assert!(!ics.contains("AoE:") && !ics.contains("TZID=AoE"));
    assert!(ics.contains("TZOFFSETTO:-1200"));
}

#[test]
fn calendar_without_course_id_warns_on_stderr_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let no_id = dir.path().join("no-id.toml");
    std::fs::write(&no_id, TERM.replace("id = \"cs101-2027-spring\"\n", "")).unwrap();
    let with_id = dir.path().join("id.toml");
    std::fs::write(&with_id, TERM).unwrap();
    mixplan()
        .arg("schedule")
        .arg(&no_id)
        .args(["--ics", "-"])
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "warning[calendar-without-course-id]",
        ));
    mixplan()
        .arg("schedule")
        .arg(&with_id)
        .args(["--ics", "-", "--ics-style", "flat"])
        .assert()
        .success()
        .stderr("");
    mixplan()
        .args(["explain", "calendar-without-course-id"])
        .assert()
        .success();
    mixplan()
        .arg("schedule")
        .arg(&with_id)
        .args(["--ics", "-", "--sequence", "2147483648"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("2147483647"));
    mixplan()
        .arg("schedule")
        .arg(&with_id)
        .args(["--ics", "-", "--sequence", "2147483647"])
        .assert()
        .success()
        .stdout(predicates::str::contains("SEQUENCE:2147483647\r\n"));
}

#[test]
fn reserved_activity_ids_are_located_errors() {
    for id in ["live", "live2", "optional", "optional7"] {
        let text = TERM.replace("id = \"reading\"", &format!("id = \"{id}\""));
        let errors = crate::common::load_errors(&text);
        let line = text
            .lines()
            .position(|l| l == format!("id = \"{id}\""))
            .unwrap()
            + 1;
        assert!(
            errors
                .iter()
                .any(|e| e.0 == "invalid-id" && e.1 == line && e.3.contains("reserved")),
            "{id}: {errors:?}"
        );
    }
    crate::common::load_ok(&TERM.replace("id = \"reading\"", "id = \"live-reading\""));
}

// ---------------------------------------------------------------------------------------------
// Every output is a view of the occurrences

/// A meeting as an output shows it: start and end instants (UTC seconds) and whether it is
/// cancelled.
type Triple = (i64, i64, bool);

const ZONES: &[&str] = &[
    "America/New_York",
    "Europe/London",
    "Australia/Sydney",
    "Asia/Kolkata",
    "UTC",
    "AoE",
];
const DAYS: &[&str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const LIVE_KINDS: &[&str] = &[
    "lecture",
    "discussion",
    "lab",
    "office-hours",
    "exam",
    "q-and-a",
];

/// An activity: kind, minutes, how it is timed (0: searched, 1: `at`, 2: two sections, 3: a
/// one-off date), day, quarter hour from 00:00, weeks step.
type GenActivity = (usize, u32, u8, usize, u32, u32);

fn gen_course() -> impl Strategy<Value = String> {
    (
        1u32..=10,
        0i64..365,
        0..ZONES.len(),
        proptest::collection::vec(0i64..70, 0..4),
        proptest::collection::vec(
            (
                0..LIVE_KINDS.len(),
                10u32..=150,
                0u8..4,
                0..7usize,
                0u32..52,
                1u32..=2,
            ),
            1..6,
        ),
        proptest::option::of(0..ZONES.len()),
    )
        .prop_map(|(weeks, day, zone, holidays, activities, student_zone)| {
            course_from(weeks, day, zone, &holidays, &activities, student_zone)
        })
}

fn course_from(
    weeks: u32,
    day: i64,
    zone: usize,
    holidays: &[i64],
    activities: &[GenActivity],
    student_zone: Option<usize>,
) -> String {
    let start = jiff::civil::date(2027, 1, 1)
        .checked_add(jiff::Span::new().days(day))
        .unwrap();
    let holidays: Vec<String> = holidays
        .iter()
        .filter(|&&d| d < i64::from(weeks) * 7)
        .map(|&d| {
            start
                .checked_add(jiff::Span::new().days(d))
                .unwrap()
                .to_string()
        })
        .collect();
    let mut text = format!(
        "[course]\nid = \"gen\"\ntitle = \"Generated\"\nweeks = {weeks}\nstart = {start}\ntimezone = \"{}\"\nholidays = [{}]\nsync_hours = [0.0, 40.0]\n\n[students]\ncount = 20\npopulations = [\"full-time\"]\n\n",
        ZONES[zone],
        holidays.join(", ")
    );
    if let Some(z) = student_zone.filter(|&z| ZONES[z] != "AoE") {
        text.push_str(&format!(
            "[[students.zones]]\nzone = \"{}\"\ncount = 5\n\n",
            ZONES[z]
        ));
    }
    for (i, &(kind, minutes, timing, day, quarter, step)) in activities.iter().enumerate() {
        let kind = LIVE_KINDS[kind];
        // Any quarter hour up to 22:45: clock changes skip and repeat night hours.
        let time = format!("{:02}:{:02}", quarter / 4, quarter % 4 * 15);
        text.push_str(&format!(
            "[[activities]]\nid = \"a{i}\"\nkind = \"{kind}\"\nminutes = {minutes}\n"
        ));
        // A dated one-off takes no `every`.
        if timing != 3 && kind == "exam" {
            text.push_str("every = \"once\"\n");
        } else if timing != 3 && step == 2 {
            text.push_str("every = \"2-weeks\"\n");
        }
        let day = DAYS[day];
        match timing {
            1 => text.push_str(&format!("at = {{ day = \"{day}\", time = \"{time}\" }}\n")),
            2 if kind != "exam" => text.push_str(&format!(
                "at = [{{ day = \"{day}\", time = \"{time}\" }}, {{ day = \"{}\", time = \"{time}\" }}]\n",
                DAYS[(DAYS.iter().position(|d| *d == day).unwrap() + 2) % 7]
            )),
            3 => {
                let date = start.checked_add(jiff::Span::new().days(3)).unwrap();
                text.push_str(&format!("at = {{ date = {date}, time = \"{time}\" }}\n"));
            }
            _ if kind == "exam" => text.push_str(&format!("at = {{ day = \"{day}\", time = \"{time}\" }}\n")),
            _ if kind != "office-hours" => text.push_str("mode = \"sync\"\n"),
            _ => {}
        }
        text.push('\n');
    }
    text
}

/// The occurrences as triples.
fn from_occurrences(rec: &mixplan::Recommendation) -> Vec<Triple> {
    let mut out: Vec<Triple> = rec
        .occurrences
        .list
        .iter()
        .map(|o| {
            let (s, e) = (o.start.as_ref().unwrap(), o.end.as_ref().unwrap());
            (
                s.timestamp().as_second(),
                e.timestamp().as_second(),
                o.cancelled.is_some(),
            )
        })
        .collect();
    out.sort_unstable();
    out
}

/// `<li class="meeting[ cancelled]"><time datetime="...">...</time>: N min` in the page.
fn from_page(html: &str) -> Vec<Triple> {
    let mut out = Vec::new();
    for part in html.split("<li class=\"meeting").skip(1) {
        let cancelled = part.starts_with(" cancelled");
        let at = part
            .split("datetime=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let start: jiff::Timestamp = at.parse().unwrap();
        let after_time = part.split("</time>: ").nth(1).unwrap();
        let after_time = after_time
            .strip_prefix("<span class=\"tag\">cancelled: holiday</span> ")
            .unwrap_or(after_time);
        let minutes: i64 = after_time.split(' ').next().unwrap().parse().unwrap();
        let s = start.as_second();
        out.push((s, s + minutes * 60, cancelled));
    }
    out.sort_unstable();
    out
}

/// `id day DATE HH:MM ZONE, N min[ (notes)]` lines of the table's or markdown's live column.
fn from_lines<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<Triple> {
    let mut out = Vec::new();
    for line in lines {
        let words: Vec<&str> = line.split(' ').collect();
        let is_meeting = words.len() >= 7
            && DAYS.contains(&words[1])
            && words[2].len() == 10
            && words[4].ends_with(',')
            && words[6].starts_with("min");
        if !is_meeting {
            continue;
        }
        let zone = words[4].trim_end_matches(',');
        let tz = mixplan::course::zones::resolve(zone).unwrap();
        let local: jiff::civil::DateTime = format!("{}T{}", words[2], words[3]).parse().unwrap();
        let start = local.to_zoned_datetime(tz).unwrap().timestamp().as_second();
        let minutes: i64 = words[5].parse().unwrap();
        out.push((
            start,
            start + minutes * 60,
            line.contains("cancelled: holiday"),
        ));
    }
    out.sort_unstable();
    out
}

fn from_markdown(md: &str) -> Vec<Triple> {
    let cells = md
        .lines()
        .filter(|l| l.starts_with("| ") && l.matches(" | ").count() >= 2)
        .filter_map(|l| l.split(" | ").nth(1));
    let cells: Vec<String> = cells.map(|c| c.replace("\\_", "_")).collect();
    let lines: Vec<&str> = cells.iter().flat_map(|c| c.split("<br>")).collect();
    from_lines(lines.into_iter())
}

fn from_table(table: &str) -> Vec<Triple> {
    let lines: Vec<&str> = table
        .lines()
        .filter_map(|l| l.split('┆').nth(1))
        .map(str::trim)
        .collect();
    from_lines(lines.into_iter())
}

/// A flat calendar's sitting events, read line by line (it has no recurrence to expand).
fn from_flat_calendar(rec: &mixplan::Recommendation) -> Vec<Triple> {
    let ics = render::ics::calendar(
        rec,
        render::ics::Options {
            style: render::ics::Style::Flat,
            ..Default::default()
        },
    )
    .unwrap()
    .replace("\r\n ", "");
    let tz = mixplan::course::zones::resolve(&rec.course.meta.timezone).unwrap();
    // `DTSTART;TZID=Zone:20270112T100000` (the course's zone) or `DTSTART:20271107T041500Z`.
    let instant = |line: &str| -> i64 {
        let value = line.rsplit(':').next().unwrap();
        match value.strip_suffix('Z') {
            Some(utc) => jiff::civil::DateTime::strptime("%Y%m%dT%H%M%S", utc)
                .unwrap()
                .to_zoned_datetime(jiff::tz::TimeZone::UTC)
                .unwrap()
                .timestamp()
                .as_second(),
            None => jiff::civil::DateTime::strptime("%Y%m%dT%H%M%S", value)
                .unwrap()
                .to_zoned_datetime(tz.clone())
                .unwrap()
                .timestamp()
                .as_second(),
        }
    };
    let mut out = Vec::new();
    for event in ics.split("BEGIN:VEVENT").skip(1) {
        if event.contains("-due@mixplan") {
            continue;
        }
        let start = event.lines().find(|l| l.starts_with("DTSTART")).unwrap();
        let end = event.lines().find(|l| l.starts_with("DTEND")).unwrap();
        out.push((
            instant(start),
            instant(end),
            event.contains("\r\nSTATUS:CANCELLED\r\n"),
        ));
    }
    out.sort_unstable();
    out
}

/// The invariants each occurrence keeps on its own.
fn check_occurrences(rec: &mixplan::Recommendation) -> Result<(), TestCaseError> {
    let list = &rec.occurrences.list;
    for pair in list.windows(2) {
        prop_assert!(pair[0].start <= pair[1].start, "sorted by start");
    }
    for o in list {
        let sum: u32 = o.timeline.iter().map(|s| s.minutes).sum();
        prop_assert_eq!(
            sum,
            o.minutes,
            "{}: the timeline sums to the minutes",
            &o.identity
        );
        let span = o.end.as_ref().unwrap().timestamp().as_second()
            - o.start.as_ref().unwrap().timestamp().as_second();
        prop_assert_eq!(span, i64::from(o.minutes) * 60);
        let sitting = &rec.schedule.sittings[rec.occurrences.sittings[o.sitting].base];
        if sitting.fixed {
            let at: u32 = o
                .activities
                .iter()
                .map(|&i| rec.course.activities[i].minutes)
                .sum();
            prop_assert_eq!(
                o.minutes,
                at,
                "{}: a fixed meeting lasts its `at` span",
                &o.identity
            );
        }
    }
    Ok(())
}

/// Every view of one course lists the same (start, end, cancelled) triples as the occurrences.
fn check_views(rec: &mixplan::Recommendation) -> Result<(), TestCaseError> {
    let want = from_occurrences(rec);
    let wide = Style {
        color: false,
        width: Some(u16::MAX),
    };
    let page = render::html::page(rec, render::html::Shape::Page);
    let fragment = render::html::page(rec, render::html::Shape::Fragment);
    prop_assert_eq!(&from_page(&page), &want, "page");
    prop_assert_eq!(&from_page(&fragment), &want, "fragment");
    let md = render::schedule(rec, Format::Markdown, wide);
    prop_assert_eq!(&from_markdown(&md), &want, "markdown");
    let table = render::schedule(rec, Format::Table, wide);
    prop_assert_eq!(&from_table(&table), &want, "table");
    prop_assert_eq!(&from_flat_calendar(rec), &want, "flat calendar");
    let json = render::json::schedule_only(rec);
    let mut from_json: Vec<Triple> = json["schedule"]["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            let s: jiff::Timestamp = o["start_utc"].as_str().unwrap().parse().unwrap();
            let e: jiff::Timestamp = o["end_utc"].as_str().unwrap().parse().unwrap();
            (s.as_second(), e.as_second(), !o["cancelled"].is_null())
        })
        .collect();
    from_json.sort_unstable();
    prop_assert_eq!(&from_json, &want, "json");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 120, .. ProptestConfig::default() })]

    /// Over random valid courses (fixed, sectioned, one-off, searched, optional and exam
    /// sittings; holidays; zones with clock changes and AoE): the page, the fragment, the
    /// markdown, the table, the flat calendar and the JSON list exactly the occurrences'
    /// (start, end, cancelled) triples; every timeline sums to its minutes; every fixed
    /// meeting lasts its `at` span.
    #[test]
    fn every_output_is_a_view_of_the_occurrences(text in gen_course()) {
        let Ok(course) = mixplan::course::parse(&text) else {
            return Err(TestCaseError::reject("invalid generated course"));
        };
        let rec = mixplan::recommend(course);
        check_occurrences(&rec)?;
        check_views(&rec)?;
    }
}

/// The same random courses' calendars, in both styles, expanded by real parsers (Python
/// `icalendar` + `recurring-ical-events`; ical.js and node-ical when installed): the held
/// instants are exactly the occurrences'.
#[test]
fn real_parsers_expand_random_calendars_to_the_occurrences() {
    if !Process::new("python3")
        .args(["-c", "import icalendar, recurring_ical_events"])
        .output()
        .is_ok_and(|o| o.status.success())
    {
        assert!(std::env::var_os("MIXPLAN_REQUIRE_PY_VALIDATORS").is_none());
        eprintln!("note: skipping the random calendars in real parsers");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut runner = TestRunner::deterministic();
    let strategy = gen_course();
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut n = 0;
    while pairs.len() < 60 && n < 400 {
        n += 1;
        let text = strategy.new_tree(&mut runner).unwrap().current();
        let Ok(course) = mixplan::course::parse(&text) else {
            continue;
        };
        let rec = mixplan::recommend(course);
        for (style, name) in [
            (render::ics::Style::Series, "series"),
            (render::ics::Style::Flat, "flat"),
        ] {
            let options = render::ics::Options {
                style,
                ..Default::default()
            };
            let ics = render::ics::calendar(&rec, options).unwrap();
            let base = dir.path().join(format!("{n}.{name}"));
            let ics_path = base.with_extension(format!("{name}.ics"));
            std::fs::write(&ics_path, ics).unwrap();
            let expect_path = base.with_extension(format!("{name}.json"));
            std::fs::write(&expect_path, expectation(&rec, name).to_string()).unwrap();
            pairs.push((
                ics_path.display().to_string(),
                expect_path.display().to_string(),
            ));
        }
    }
    assert!(pairs.len() >= 40, "only {} calendars", pairs.len());
    let list = dir.path().join("pairs.json");
    std::fs::write(&list, serde_json::to_string(&pairs).unwrap()).unwrap();
    let python = run_checker(
        Process::new("python3")
            .args(["tests/ics_check.py", "--batch"])
            .arg(&list),
    );
    assert_eq!(python.matches(": ok (").count(), pairs.len(), "{python}");
    if Path::new("tests/clients/node_modules/ical.js").exists() {
        let js = run_checker(
            Process::new("node")
                .args(["tests/clients/ics.mjs", "--batch"])
                .arg(&list),
        );
        assert_eq!(js.matches(": ok (").count(), 2 * pairs.len(), "{js}");
    } else {
        assert!(std::env::var_os("MIXPLAN_REQUIRE_JS_CLIENTS").is_none());
        eprintln!("note: skipping ical.js and node-ical; `npm ci --prefix tests/clients`");
    }
}

/// Run a checker to success; its standard output.
fn run_checker(cmd: &mut Process) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// What `tests/ics_check.py` expects of one calendar, from the occurrences.
fn expectation(rec: &mixplan::Recommendation, style: &str) -> Value {
    let json = render::json::schedule_only(rec);
    let occurrences: Vec<Value> = json["schedule"]["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            serde_json::json!({
                "uid": o["uid"], "start_utc": o["start_utc"], "end_utc": o["end_utc"],
                "cancelled": !o["cancelled"].is_null(),
            })
        })
        .collect();
    let dues: Vec<Value> = json["schedule"]["weeks"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|w| w["items"].as_array().unwrap().clone())
        .filter_map(|i| i.get("due_utc").cloned().filter(|d| !d.is_null()))
        .collect();
    let start = rec.course.meta.start.unwrap();
    let zone = &rec.course.meta.timezone;
    serde_json::json!({
        "timezone": if zone == "AoE" { "Etc/GMT+12" } else { zone.as_str() },
        "style": style,
        "from": format!("{}T00:00:00Z", start.checked_sub(jiff::Span::new().days(14)).unwrap()),
        "to": format!("{}T00:00:00Z", start.checked_add(jiff::Span::new().days(7 * i64::from(rec.course.meta.weeks) + 14)).unwrap()),
        "occurrences": occurrences,
        "dues": dues,
    })
}

// ---------------------------------------------------------------------------------------------
// One format enum per command

/// Regression: `recommend` and `workload` offered `--format html` and then refused it; `schedule
/// --help` and `workload --help` pointed at `schema recommend`.
#[test]
fn each_command_offers_only_the_formats_it_writes() {
    for command in ["recommend", "workload"] {
        mixplan()
            .args([
                command,
                "examples/workload-seminar.toml",
                "--format",
                "html",
            ])
            .assert()
            .code(2)
            .stderr(predicates::str::contains(
                "[possible values: table, json, markdown]",
            ));
    }
    for (command, schema) in [
        ("recommend", "mixplan schema recommend"),
        ("schedule", "mixplan schema schedule"),
        ("workload", "mixplan schema workload"),
    ] {
        let out = mixplan().args([command, "--help"]).output().unwrap();
        let help = String::from_utf8(out.stdout).unwrap();
        assert!(help.contains(schema), "{command} --help: {help}");
        for other in ["recommend", "schedule", "workload"] {
            if other != command {
                assert!(
                    !help.contains(&format!("mixplan schema {other}")),
                    "{command} --help names the schema of {other}"
                );
            }
        }
    }
    mixplan()
        .args([
            "schedule",
            "examples/workload-seminar.toml",
            "--format",
            "html",
        ])
        .assert()
        .success()
        .stdout(predicates::str::starts_with("<!doctype html>"));
}

/// Regression: `--chart -` wrote a file named `-`.
#[test]
fn chart_dash_writes_the_svg_to_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("course.toml");
    std::fs::copy("examples/workload-seminar.toml", &course).unwrap();
    let out = mixplan()
        .current_dir(dir.path())
        .args(["workload", "course.toml", "--chart", "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let svg = String::from_utf8(out.stdout).unwrap();
    assert!(
        svg.starts_with("<svg ") && svg.trim_end().ends_with("</svg>"),
        "{svg}"
    );
    assert!(!dir.path().join("-").exists());
}

/// Regression: the workload bars were escaped (`\``) and so lost their code span and their
/// alignment; mixplan's own backticks in docs/rules.md were escaped too.
#[test]
fn markdown_keeps_mixplans_own_code_spans() {
    let md = mixplan()
        .args([
            "workload",
            "examples/workload-seminar.toml",
            "--format",
            "markdown",
        ])
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(!md.contains("\\`"), "{md}");
    let bars: Vec<&str> = md
        .lines()
        .filter(|l| l.starts_with("| 1 |") || l.starts_with("| 6 |"))
        .map(|l| l.rsplit(" | ").next().unwrap().trim_end_matches(" |"))
        .collect();
    assert_eq!(bars.len(), 2);
    for bar in &bars {
        assert!(
            bar.starts_with('`') && bar.ends_with('`') && !bar.contains(' '),
            "{bar:?}"
        );
    }
    // Below the target, every bar is as wide as the next: they line up.
    assert_eq!(bars[0].chars().count(), bars[1].chars().count());
    let rules = std::fs::read_to_string("docs/rules.md").unwrap();
    assert!(!rules.contains("\\`"));
    assert!(rules.contains("`sync_hours`"));
}

/// Regression: a URL in a title became a link in GitHub's Markdown.
#[test]
fn urls_in_titles_do_not_autolink() {
    let text = TERM.replace(
        "title = \"Lecture\"",
        "title = \"Lecture https://evil.example/x www.evil.example\"",
    );
    let md = render::schedule(&plan(&text), Format::Markdown, Style::PLAIN);
    assert!(
        md.contains("https\\://evil.example/x www\\.evil.example"),
        "{md}"
    );
}

/// Regression: a one-off at a time a clock change skips showed 02:30 in one place and 03:30
/// in another; every view now reads the instant it starts.
#[test]
fn a_one_off_in_a_dst_gap_shows_one_time() {
    let text = "[course]\nid = \"dst\"\ntitle = \"DST\"\nweeks = 3\nstart = 2027-03-08\ntimezone = \"America/New_York\"\n\n[students]\ncount = 10\npopulations = [\"full-time\"]\n\n[[activities]]\nid = \"night-lab\"\nkind = \"lab\"\nminutes = 60\nat = { date = 2027-03-14, time = \"02:30\" }\n";
    let rec = plan(text);
    let page = render::html::page(&rec, render::html::Shape::Page);
    assert!(!page.contains("02:30"), "{page}");
    assert!(page.contains("Sunday 14 March 03:30") && page.contains("Sun 14 Mar, 03:30 EDT"));
    let table = render::schedule(&rec, Format::Table, Style::PLAIN);
    assert!(
        table.contains("2027-03-14 03:30") && !table.contains("02:30"),
        "{table}"
    );
    let o = &rec.occurrences.list[0];
    assert_eq!(
        o.start.as_ref().unwrap().to_string(),
        "2027-03-14T03:30:00-04:00[America/New_York]"
    );
}

/// Regression: the student page showed a holiday-cancelled searched session as a normal "live
/// session"; its repeat, which still meets, now says what meets.
#[test]
fn a_cancelled_searched_session_is_cancelled_on_the_page() {
    let text = std::fs::read_to_string("examples/international-cohort.toml")
        .unwrap()
        .replace(
            "start = 2027-02-22",
            "start = 2027-02-22\nholidays = [2027-03-03]",
        );
    let rec = plan(&text);
    let cancelled: Vec<&mixplan::schedule::Occurrence> = rec
        .occurrences
        .list
        .iter()
        .filter(|o| o.cancelled.is_some())
        .collect();
    assert_eq!(cancelled.len(), 1);
    assert_eq!(cancelled[0].identity, "~case-debate@2");
    for shape in [render::html::Shape::Page, render::html::Shape::Fragment] {
        let page = render::html::page(&rec, shape);
        let week = page.split("id=\"week-2\"").nth(1).unwrap();
        let week = week.split("</section>").next().unwrap();
        assert!(
            week.contains(
                "<li class=\"meeting cancelled\"><time datetime=\"2027-03-03T18:45:00-05:00\">"
            ),
            "{week}"
        );
        assert!(
            week.contains(
                "repeat session (the first time is cancelled this week)<ul><li>Live case debate"
            ),
            "{week}"
        );
    }
}
