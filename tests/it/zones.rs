//! Live slots across time zones (issue 3): the slot search, daylight-saving changes on either
//! side, windows that wrap midnight, odd offsets, the repeat slot, the recording route, due
//! times per zone, and every validation error of `[[students.zones]]` with line and column.

use mixplan::Recommendation;
use mixplan::course::{TimeOfDay, Weekday};
use mixplan::diagnostic::LineIndex;
use mixplan::schedule::slots::{self, WeekRef};
use mixplan::schedule::{LiveSlot, Uncovered};

/// A course with one weekly 60-minute live debate and the given extra `[course]` lines and
/// student zones (`(zone, count, available)`).
fn course_text(course: &str, count: u32, zones: &[(&str, u32, Option<&str>)]) -> String {
    let mut text = format!("[course]\ntitle = \"Zones\"\nweeks = 12\n{course}\n");
    text.push_str(&format!("[students]\ncount = {count}\n"));
    for (zone, count, available) in zones {
        text.push_str(&format!(
            "\n[[students.zones]]\nzone = \"{zone}\"\ncount = {count}\n"
        ));
        if let Some(window) = available {
            text.push_str(&format!("available = \"{window}\"\n"));
        }
    }
    text.push_str(
        "\n[[activities]]\nid = \"debate\"\nkind = \"debate\"\nminutes = 60\nmode = \"sync\"\n",
    );
    text
}

fn plan(text: &str) -> Recommendation {
    let course = mixplan::course::parse(text).unwrap_or_else(|d| panic!("invalid course: {d:?}"));
    mixplan::recommend(course)
}

fn local<'a>(slot: &'a LiveSlot, zone: &str) -> &'a slots::LocalTime {
    slot.local
        .iter()
        .find(|l| l.zone == zone)
        .unwrap_or_else(|| panic!("no local time for {zone}"))
}

fn live_weeks(rec: &Recommendation) -> Vec<u32> {
    rec.schedule
        .weeks
        .iter()
        .filter(|w| w.live_session.is_some())
        .map(|w| w.week)
        .collect()
}

const NY_TOKYO: &[(&str, u32, Option<&str>)] =
    &[("America/New_York", 20, None), ("Asia/Tokyo", 10, None)];

/// The seed's own example (Synchronous Learning, Weaknesses): Tokyo and New York. A searched
/// slot reaches both, in every week, across the US change to summer time in March.
#[test]
fn tokyo_and_new_york_unpinned_slot_covers_both() {
    let text = course_text(
        "start = 2027-01-11\ntimezone = \"America/New_York\"",
        30,
        NY_TOKYO,
    );
    let rec = plan(&text);
    let slots = &rec.schedule.live_slots;
    assert_eq!(slots.len(), 1, "no repeat slot is needed: {slots:#?}");
    let main = &slots[0];
    assert!(!main.pinned && !main.repeat);
    assert_eq!(main.students_covered, 30);
    assert_eq!(main.students_every_week, 30);
    assert_eq!(main.coverage, 1.0);
    assert!(rec.schedule.uncovered.is_empty());
    assert_eq!(main.weekly.len(), 12);
    assert!(main.weekly.iter().all(|w| w.students == 30));
    // Both groups see the whole session inside 08:00-22:00 local, in the first week...
    for zone in ["America/New_York", "Asia/Tokyo"] {
        let l = local(main, zone);
        assert!(l.covered);
        let start = u32::from(l.time.minutes);
        assert!(start >= 8 * 60 && start + main.minutes <= 22 * 60, "{l:?}");
    }
    // ...and the US change (week 10 starts 2027-03-15) moves Tokyo's local time an hour back.
    let tokyo = local(main, "Asia/Tokyo");
    assert_eq!(tokyo.shifts.len(), 1, "{tokyo:?}");
    assert_eq!(tokyo.shifts[0].week, WeekRef::Course(10));
    assert_eq!(
        u32::from(tokyo.shifts[0].time.minutes) + 60,
        u32::from(tokyo.time.minutes)
    );
}

/// The seed's counter-example: a pinned 09:00 New York seminar. It is kept, and it says who
/// it loses (zone, count, weeks); a repeat slot is offered for them.
#[test]
fn pinned_nine_am_new_york_excludes_tokyo_and_says_so() {
    let text = course_text(
        "start = 2027-01-11\ntimezone = \"America/New_York\"\nlive_at = { day = \"wed\", time = \"09:00\" }",
        30,
        NY_TOKYO,
    );
    let rec = plan(&text);
    let main = &rec.schedule.live_slots[0];
    assert!(main.pinned);
    assert_eq!(
        (main.day, main.time),
        (Weekday::Wed, TimeOfDay::parse("09:00").unwrap())
    );
    assert_eq!(main.students_covered, 20);
    assert_eq!(main.coverage, 0.67);
    assert_eq!(
        main.excluded,
        vec![Uncovered {
            zone: "Asia/Tokyo".into(),
            count: 10,
            weeks: (1..=12).collect(),
            samples: vec![],
        }]
    );
    let tokyo = local(main, "Asia/Tokyo");
    assert_eq!(
        (tokyo.day, tokyo.time.to_string().as_str()),
        (Weekday::Wed, "23:00")
    );
    assert!(!tokyo.covered);

    let repeat = rec
        .schedule
        .live_slots
        .get(1)
        .expect("a repeat slot for Tokyo");
    assert!(repeat.repeat && !repeat.pinned);
    assert!(local(repeat, "Asia/Tokyo").covered);
    assert_eq!(repeat.students_added, 10);
    assert!(rec.schedule.uncovered.is_empty());
    let advice: Vec<String> = rec
        .advice
        .iter()
        .map(|a| mixplan::render::words::advice(&rec, a))
        .collect();
    assert!(
        advice
            .iter()
            .any(|m| m.contains("repeat the live session") && m.contains("Asia/Tokyo (10")),
        "{advice:#?}"
    );

    let json = mixplan::render::json::recommendation(&rec);
    let slots = &json["schedule"]["live_slots"];
    assert_eq!(slots[0]["students_covered"], 20);
    assert_eq!(slots[0]["coverage"], 0.67);
    assert_eq!(slots[0]["timezone"], "America/New_York");
    assert_eq!(slots[0]["excluded"][0]["zone"], "Asia/Tokyo");
    assert_eq!(slots[0]["excluded"][0]["count"], 10);
    assert_eq!(slots[1]["repeat"], true);
}

/// A US-only clock change: New York 18:00 is Tokyo 08:00 in February, 07:00 from mid-March.
/// The pinned slot loses Tokyo exactly from the first week after the change.
#[test]
fn dst_change_in_one_zone_only_excludes_tokyo_from_march() {
    let text = course_text(
        "start = 2027-02-01\ntimezone = \"America/New_York\"\nlive_at = { day = \"wed\", time = \"18:00\" }",
        30,
        NY_TOKYO,
    );
    let rec = plan(&text);
    let main = &rec.schedule.live_slots[0];
    assert_eq!(main.excluded.len(), 1);
    assert_eq!(main.excluded[0].zone, "Asia/Tokyo");
    assert_eq!(main.excluded[0].weeks, (7..=12).collect::<Vec<_>>());
    let weekly: Vec<u32> = main.weekly.iter().map(|w| w.students).collect();
    assert_eq!(weekly, [vec![30; 6], vec![20; 6]].concat());
    assert_eq!(main.students_covered, 20, "the worst week counts");
    let tokyo = local(main, "Asia/Tokyo");
    assert_eq!(tokyo.time.to_string(), "08:00");
    assert_eq!(tokyo.shifts[0].week, WeekRef::Course(7));
    assert_eq!(tokyo.shifts[0].time.to_string(), "07:00");

    // Without a pin, the search avoids the trap and keeps everyone in every week.
    let free = plan(&course_text(
        "start = 2027-02-01\ntimezone = \"America/New_York\"",
        30,
        NY_TOKYO,
    ));
    assert_eq!(free.schedule.live_slots[0].students_covered, 30);
}

/// Without `start`, a January and a July week stand in; the loss shows as "july".
#[test]
fn without_start_the_worse_of_january_and_july_counts() {
    let text = course_text(
        "timezone = \"America/New_York\"\nlive_at = { day = \"wed\", time = \"18:00\" }",
        30,
        NY_TOKYO,
    );
    let rec = plan(&text);
    let main = &rec.schedule.live_slots[0];
    assert_eq!(main.students_covered, 20);
    assert_eq!(main.excluded[0].weeks, Vec::<u32>::new());
    assert_eq!(main.excluded[0].samples, vec!["july"]);
    let weekly: Vec<(WeekRef, u32)> = main.weekly.iter().map(|w| (w.week, w.students)).collect();
    assert_eq!(weekly, vec![(WeekRef::January, 30), (WeekRef::July, 20)]);
}

/// A late-night window that wraps past midnight is honoured by the search.
#[test]
fn window_that_wraps_midnight() {
    let text = course_text(
        "start = 2027-01-11\ntimezone = \"Europe/London\"",
        10,
        &[("Asia/Tokyo", 10, Some("22:00-03:00"))],
    );
    let rec = plan(&text);
    let main = &rec.schedule.live_slots[0];
    assert_eq!(main.students_covered, 10, "{main:#?}");
    let tokyo = local(main, "Asia/Tokyo");
    let m = u32::from(tokyo.time.minutes);
    assert!(
        m >= 22 * 60 || m + main.minutes <= 3 * 60,
        "Tokyo starts at {}",
        tokyo.time
    );
    assert!(
        m + main.minutes > 24 * 60 || m < 3 * 60,
        "the wrap is used: {}",
        tokyo.time
    );
}

/// +05:30 and +05:45 (the 60-minute debate runs 70 minutes with breaks): only 03:30 UTC puts Kolkata at 09:00 and Kathmandu at 09:15, the one
/// start both narrow windows allow. An offset rounded to the hour or half hour misses it.
#[test]
fn half_hour_and_45_minute_offsets() {
    let text = course_text(
        "start = 2027-01-11",
        10,
        &[
            ("Asia/Kolkata", 5, Some("09:00-10:10")),
            ("Asia/Kathmandu", 5, Some("09:15-10:25")),
        ],
    );
    let rec = plan(&text);
    let main = &rec.schedule.live_slots[0];
    assert_eq!(main.minutes, 70);
    assert_eq!(main.timezone, "UTC");
    assert_eq!(main.time.to_string(), "03:30");
    assert_eq!(main.students_covered, 10);
    assert_eq!(local(main, "Asia/Kolkata").time.to_string(), "09:00");
    assert_eq!(local(main, "Asia/Kathmandu").time.to_string(), "09:15");
}

/// Sydney's clocks go back in April while New York's went forward in March: the local time
/// moves twice, the same way, and the narrow morning window is lost after 4 April 2027.
#[test]
fn southern_hemisphere_change_in_april() {
    let text = course_text(
        "start = 2027-03-01\ntimezone = \"America/New_York\"\nlive_at = { day = \"wed\", time = \"18:00\" }",
        20,
        &[
            ("America/New_York", 10, None),
            ("Australia/Sydney", 10, Some("09:00-22:00")),
        ],
    );
    let rec = plan(&text);
    let main = &rec.schedule.live_slots[0];
    let sydney = local(main, "Australia/Sydney");
    assert_eq!(
        (sydney.day, sydney.time.to_string().as_str()),
        (Weekday::Thu, "10:00")
    );
    let shifts: Vec<(WeekRef, String)> = sydney
        .shifts
        .iter()
        .map(|s| (s.week, s.time.to_string()))
        .collect();
    assert_eq!(
        shifts,
        vec![
            (WeekRef::Course(3), "09:00".to_string()),
            (WeekRef::Course(6), "08:00".to_string())
        ]
    );
    assert_eq!(main.excluded[0].zone, "Australia/Sydney");
    assert_eq!(main.excluded[0].weeks, (6..=12).collect::<Vec<_>>());
}

/// Two groups with disjoint windows: one slot reaches one group; the repeat reaches the other;
/// a third group no slot can reach takes the recording route, named in schedule and advice.
#[test]
fn second_slot_and_recording_route() {
    let text = course_text(
        "start = 2027-01-11\ntimezone = \"America/New_York\"",
        23,
        &[
            ("America/New_York", 10, Some("09:00-17:00")),
            ("Asia/Tokyo", 10, Some("09:00-17:00")),
            ("Europe/London", 3, Some("03:00-04:00")),
        ],
    );
    let rec = plan(&text);
    let slots = &rec.schedule.live_slots;
    assert_eq!(slots.len(), 2, "{slots:#?}");
    assert!(
        local(&slots[0], "America/New_York").covered,
        "daytime tie-break keeps NY first"
    );
    assert_eq!(slots[0].students_covered, 10);
    assert!(slots[1].repeat);
    assert!(local(&slots[1], "Asia/Tokyo").covered);
    assert_eq!(slots[1].students_added, 10);
    assert_eq!(rec.schedule.uncovered.len(), 1);
    assert_eq!(rec.schedule.uncovered[0].zone, "Europe/London");
    assert_eq!(rec.schedule.uncovered[0].count, 3);
    assert_eq!(
        rec.schedule.uncovered[0].weeks,
        (1..=12).collect::<Vec<_>>()
    );
    // Every live week names them, with a response due in their own zone.
    for week in &rec.schedule.weeks {
        assert_eq!(week.alternatives.len(), 1, "week {}", week.week);
        let alt = &week.alternatives[0];
        assert_eq!((alt.zone.as_str(), alt.count), ("Europe/London", 3));
        let due = alt.due.as_ref().expect("a dated due time");
        assert_eq!(due.time_zone().iana_name(), Some("Europe/London"));
        assert_eq!((due.hour(), due.minute()), (23, 59));
    }
    assert!(rec.advice.iter().any(|a| {
        let message = mixplan::render::words::advice(&rec, a);
        a.rule() == "live-alternative"
            && message.contains("3 student(s) in Europe/London")
            && message.contains("weeks 1-12")
    }));
    let table = mixplan::render::schedule(
        &rec,
        mixplan::render::Format::Markdown,
        mixplan::render::Style::PLAIN,
    );
    assert!(
        table.contains("Europe/London (3): recording + response by"),
        "{table}"
    );
    assert!(table.contains("(repeat of live)"), "{table}");
}

/// The repeat slot never overlaps the main one: the organizer teaches both.
#[test]
fn repeat_slot_does_not_overlap_the_main_slot() {
    let text = course_text(
        "start = 2027-01-11\ntimezone = \"UTC\"\nlive_days = [\"wed\"]",
        20,
        &[
            ("UTC", 10, Some("10:00-11:30")),
            ("Asia/Tokyo", 10, Some("19:30-21:00")),
        ],
    );
    let rec = plan(&text);
    let slots = &rec.schedule.live_slots;
    assert_eq!(
        slots.len(),
        1,
        "10:30 UTC is the only start either group allows: {slots:#?}"
    );
    assert_eq!(rec.schedule.uncovered.len(), 1);
}

/// Five student zones, some crossing daylight-saving changes on either hemisphere, with a
/// Berlin organizer meeting on Mondays and Sundays.
fn five_zones_across_dst() -> String {
    course_text(
        "start = 2027-03-01\ntimezone = \"Europe/Berlin\"\nlive_days = [\"mon\", \"sun\"]",
        60,
        &[
            ("America/Los_Angeles", 12, Some("07:00-21:00")),
            ("Asia/Kolkata", 9, Some("18:00-23:30")),
            ("Australia/Sydney", 7, Some("06:00-09:30")),
            ("America/Sao_Paulo", 8, Some("20:00-01:00")),
            ("Pacific/Chatham", 4, None),
        ],
    )
}

/// The most students any grid time on Monday or Sunday reaches in the worst of `weeks`, by
/// brute force with the exact, per-week evaluation.
fn best_grid_reach(rec: &Recommendation, minutes: u32, weeks: &[u32]) -> u32 {
    [Weekday::Mon, Weekday::Sun]
        .into_iter()
        .flat_map(|day| (0..1440).step_by(15).map(move |m| (day, m)))
        .map(|(day, m)| {
            slots::evaluate(&rec.course, day, TimeOfDay::from_minutes(m), minutes, weeks)
                .students_covered
        })
        .max()
        .unwrap_or(0)
}

/// The search is optimal: no grid time on any allowed day beats it (checked by brute force
/// with the exact, per-week evaluation).
#[test]
fn search_matches_brute_force() {
    let rec = plan(&five_zones_across_dst());
    let weeks = live_weeks(&rec);
    let main = &rec.schedule.live_slots[0];
    assert_eq!(main.students_covered, best_grid_reach(&rec, 60, &weeks));
    let exact = slots::evaluate(&rec.course, main.day, main.time, 60, &weeks);
    assert_eq!(exact.students_covered, main.students_covered);
}

/// Due times are one instant, shown in the organizer's zone and in every student zone.
#[test]
fn due_times_are_one_instant_in_every_zone() {
    let text = std::fs::read_to_string("examples/international-cohort.toml").unwrap();
    let rec = plan(&text);
    let json = mixplan::render::json::recommendation(&rec);
    let mut checked = 0;
    for week in json["schedule"]["weeks"].as_array().unwrap() {
        for item in week["items"].as_array().unwrap() {
            let Some(due) = item["due"].as_str() else {
                continue;
            };
            let due: jiff::ZonedDateTime = due.parse().unwrap();
            let local = item["due_local"].as_array().unwrap();
            let zones: Vec<&str> = local.iter().map(|l| l["zone"].as_str().unwrap()).collect();
            assert_eq!(zones, ["Europe/London", "Asia/Kolkata", "Asia/Tokyo"]);
            for l in local {
                let at: jiff::ZonedDateTime = l["at"].as_str().unwrap().parse().unwrap();
                assert_eq!(at.timestamp(), due.timestamp());
                assert_eq!(at.time_zone().iana_name(), l["zone"].as_str());
            }
            // Pre-work is due when the week's live session starts; the rest at the week's end.
            let expected = if item["before_live"] == true {
                jiff::civil::Weekday::Wednesday
            } else {
                jiff::civil::Weekday::Sunday
            };
            assert_eq!(due.weekday(), expected, "a predictable weekday");
            checked += 1;
        }
    }
    assert!(checked > 20);
}

#[test]
fn output_is_deterministic() {
    let text = std::fs::read_to_string("examples/international-cohort.toml").unwrap();
    let a = mixplan::render::json::recommendation(&plan(&text)).to_string();
    let b = mixplan::render::json::recommendation(&plan(&text)).to_string();
    assert_eq!(a, b);
}

/// (rule, line, column, message fragment, help fragment) for one bad course file.
fn assert_error(text: &str, rule: &str, line: usize, column: usize, message: &str, help: &str) {
    let loaded = mixplan::course::load(text);
    assert!(loaded.course.is_none());
    let index = LineIndex::new(text);
    let found = loaded.diagnostics.iter().find(|d| {
        let at = index.line_col(text, d.span.unwrap_or_default().start);
        d.rule == rule && at.line == line && at.column == column
    });
    let Some(d) = found else {
        let all: Vec<_> = loaded
            .diagnostics
            .iter()
            .map(|d| {
                (
                    d.rule,
                    index.line_col(text, d.span.unwrap_or_default().start),
                    &d.message,
                )
            })
            .collect();
        panic!("no {rule} at {line}:{column}; found {all:#?}");
    };
    assert!(d.message.contains(message), "{}", d.message);
    assert!(
        d.help.as_deref().unwrap_or("").contains(help),
        "{:?}",
        d.help
    );
}

const HEAD: &str = "[course]\ntitle = \"Z\"\nweeks = 4\n[students]\ncount = 30\n";
const TAIL: &str = "[[activities]]\nid = \"a\"\nkind = \"debate\"\nminutes = 60\n";

#[test]
fn validation_unknown_zone_with_did_you_mean() {
    let text = format!("{HEAD}[[students.zones]]\nzone = \"Asia/Tokio\"\ncount = 5\n{TAIL}");
    assert_error(
        &text,
        "unknown-zone",
        7,
        8,
        "unknown time zone `Asia/Tokio`",
        "did you mean `Asia/Tokyo`?",
    );
}

#[test]
fn validation_unknown_organizer_zone() {
    let text = "[course]\ntitle = \"Z\"\nweeks = 4\ntimezone = \"America/New_Yrok\"\n[students]\ncount = 3\n"
        .to_string()
        + TAIL;
    assert_error(
        &text,
        "unknown-zone",
        4,
        12,
        "America/New_Yrok",
        "did you mean `America/New_York`?",
    );
}

#[test]
fn validation_bad_window() {
    let text = format!(
        "{HEAD}[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 5\navailable = \"8:00-22:00\"\n{TAIL}"
    );
    assert_error(
        &text,
        "invalid-value",
        9,
        13,
        "`available` must be a local window HH:MM-HH:MM",
        "20:00-02:00",
    );
}

#[test]
fn validation_empty_window() {
    let text = format!(
        "{HEAD}[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 5\navailable = \"09:00-09:00\"\n{TAIL}"
    );
    assert_error(&text, "invalid-value", 9, 13, "found `09:00-09:00`", "");
}

#[test]
fn validation_window_of_wrong_type() {
    let text = format!(
        "{HEAD}[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 5\navailable = 8\n{TAIL}"
    );
    assert_error(&text, "invalid-type", 9, 13, "`available`", "");
}

#[test]
fn validation_zone_counts_exceed_students() {
    let text = format!(
        "{HEAD}[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 25\n[[students.zones]]\nzone = \"Europe/Paris\"\ncount = 10\n{TAIL}"
    );
    assert_error(
        &text,
        "invalid-value",
        6,
        1,
        "the zones list 35 students but `count` is 30",
        "raise `count` to at least 35",
    );
}

#[test]
fn validation_negative_zone_count() {
    let text = format!("{HEAD}[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = -1\n{TAIL}");
    assert_error(
        &text,
        "out-of-range",
        8,
        9,
        "`count` in [[students.zones]] #1",
        "",
    );
}

#[test]
fn validation_zone_missing_zone_key() {
    let text = format!("{HEAD}[[students.zones]]\ncount = 5\n{TAIL}");
    assert_error(
        &text,
        "missing-key",
        6,
        1,
        "missing the required key `zone`",
        "zone = \"Asia/Tokyo\"",
    );
}

#[test]
fn validation_unknown_key_in_zone() {
    let text = format!(
        "{HEAD}[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 5\navailble = \"08:00-22:00\"\n{TAIL}"
    );
    assert_error(
        &text,
        "unknown-key",
        9,
        1,
        "unknown key `availble`",
        "did you mean `available`?",
    );
}

#[test]
fn validation_duplicate_zone() {
    let text = format!(
        "{HEAD}[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 5\n[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 5\n{TAIL}"
    );
    assert_error(
        &text,
        "duplicate-value",
        10,
        8,
        "zone `Asia/Tokyo` is listed twice",
        "add its students to the first entry",
    );
}

#[test]
fn validation_misspelt_live_day() {
    let text = "[course]\ntitle = \"Z\"\nweeks = 4\nlive_days = [\"mon\", \"wendesday\"]\n[students]\ncount = 3\n"
        .to_string()
        + TAIL;
    assert_error(
        &text,
        "unknown-value",
        4,
        21,
        "unknown weekday `wendesday`",
        "did you mean `wed`?",
    );
}

#[test]
fn validation_live_at_outside_live_days() {
    let text = "[course]\ntitle = \"Z\"\nweeks = 4\nlive_days = [\"mon\", \"tue\"]\nlive_at = { day = \"fri\", time = \"18:00\" }\n[students]\ncount = 3\n"
        .to_string()
        + TAIL;
    assert_error(
        &text,
        "invalid-value",
        5,
        19,
        "`live_at` is on `fri`",
        "add `fri` to `live_days`",
    );
}

#[test]
fn validation_live_at_bad_time() {
    let text = "[course]\ntitle = \"Z\"\nweeks = 4\nlive_at = { day = \"wed\", time = \"25:00\" }\n[students]\ncount = 3\n"
        .to_string()
        + TAIL;
    assert_error(
        &text,
        "invalid-value",
        4,
        33,
        "24-hour time HH:MM, found `25:00`",
        "18:30",
    );
}

#[test]
fn validation_bad_start_date() {
    let text = "[course]\ntitle = \"Z\"\nweeks = 4\nstart = \"2027-01-11\"\n[students]\ncount = 3\n"
        .to_string() + TAIL;
    assert_error(
        &text,
        "invalid-value",
        4,
        9,
        "`start` in [course] must be a TOML date",
        "without quotes",
    );
}

#[test]
fn validation_reports_every_zone_error_at_once() {
    let text = format!(
        "{HEAD}[[students.zones]]\nzone = \"Asia/Tokio\"\ncount = 5\navailable = \"late\"\n[[students.zones]]\nzone = \"Mars/Olympus\"\ncount = 5\n{TAIL}"
    );
    let loaded = mixplan::course::load(&text);
    let rules: Vec<&str> = loaded.diagnostics.iter().map(|d| d.rule.as_str()).collect();
    assert_eq!(rules, ["unknown-zone", "invalid-value", "unknown-zone"]);
}

mod properties {
    use proptest::prelude::*;

    const ZONES: &[&str] = &[
        "America/New_York",
        "Asia/Tokyo",
        "Asia/Kolkata",
        "Asia/Kathmandu",
        "Australia/Sydney",
        "Australia/Lord_Howe",
        "Europe/London",
        "America/Santiago",
        "Pacific/Chatham",
        "Africa/Casablanca",
        "UTC",
    ];
    const DAYS: &[&str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    fn window() -> impl Strategy<Value = Option<String>> {
        prop_oneof![
            Just(None),
            (0u32..96, 1u32..96).prop_map(|(a, len)| {
                let (s, e) = (a * 15, (a * 15 + len * 15) % 1440);
                (s != e).then(|| format!("{:02}:{:02}-{:02}:{:02}", s / 60, s % 60, e / 60, e % 60))
            }),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Whatever the zones, windows, days, pin and dates: no panic, the numbers add up, the
        /// repeat slot adds students and never overlaps the main one, and everyone is either
        /// reached every week by some slot or named with the weeks they miss.
        #[test]
        fn slot_choice_invariants(
            zones in proptest::collection::vec((0..ZONES.len(), 0u32..20, window()), 0..6),
            days in proptest::sample::subsequence(DAYS.to_vec(), 1..=7),
            organizer in 0..ZONES.len(),
            start in prop_oneof![Just(None), (2020i16..2040, 1i8..=12, 1i8..=28).prop_map(Some)],
            weeks in 1u32..30,
            minutes in 10u32..240,
            pin in proptest::option::of((0..7usize, 0u32..1440)),
        ) {
            let mut seen = std::collections::BTreeSet::new();
            let zones: Vec<_> = zones.into_iter().filter(|z| seen.insert(z.0)).collect();
            let count = zones.iter().map(|z| z.1).sum::<u32>() + 1;
            let mut text = format!(
                "[course]\ntitle = \"P\"\nweeks = {weeks}\ntimezone = \"{}\"\nlive_days = {:?}\n",
                ZONES[organizer], days
            );
            if let Some((y, m, d)) = start {
                text.push_str(&format!("start = {y:04}-{m:02}-{d:02}\n"));
            }
            if let Some((day, minute)) = pin
                && days.contains(&DAYS[day])
            {
                text.push_str(&format!(
                    "live_at = {{ day = \"{}\", time = \"{:02}:{:02}\" }}\n",
                    DAYS[day], minute / 60, minute % 60
                ));
            }
            text.push_str(&format!("[students]\ncount = {count}\n"));
            for (z, n, w) in &zones {
                text.push_str(&format!("[[students.zones]]\nzone = \"{}\"\ncount = {n}\n", ZONES[*z]));
                if let Some(w) = w {
                    text.push_str(&format!("available = \"{w}\"\n"));
                }
            }
            text.push_str(&format!(
                "[[activities]]\nid = \"a\"\nkind = \"debate\"\nminutes = {minutes}\nmode = \"sync\"\n"
            ));
            let course = mixplan::course::parse(&text).expect("generated course is valid");
            let rec = mixplan::recommend(course);
            let slots = &rec.schedule.live_slots;
            prop_assert!(!slots.is_empty() && slots.len() <= 2);
            for slot in slots {
                prop_assert!(slot.students_every_week <= slot.students_covered);
                prop_assert!(slot.students_covered <= count);
                prop_assert!(slot.coverage <= 1.0);
                let excluded: u32 = slot.excluded.iter().map(|u| u.count).sum();
                prop_assert_eq!(slot.students_every_week + excluded, count);
            }
            if let [main, repeat] = &slots[..] {
                prop_assert!(repeat.repeat && !main.repeat);
                let pos = |s: &mixplan::schedule::LiveSlot| {
                    i64::from(s.day.index()) * 1440 + i64::from(s.time.minutes)
                };
                let gap = (pos(repeat) - pos(main)).rem_euclid(7 * 1440);
                let m = i64::from(main.minutes);
                prop_assert!(gap >= m && 7 * 1440 - gap >= m, "repeat overlaps the main slot");
            }
            // Nobody is both reached every week by some slot and listed as uncovered.
            for u in &rec.schedule.uncovered {
                prop_assert!(slots.iter().all(|s| s.excluded.iter().any(|e| e.zone == u.zone)));
            }
            let reached_every_week: u32 = slots[0]
                .local
                .iter()
                .filter(|l| slots.iter().any(|s| s.local.iter().any(|x| x.zone == l.zone && x.covered)))
                .map(|l| l.count)
                .sum();
            let uncovered: u32 = rec.schedule.uncovered.iter().map(|u| u.count).sum();
            prop_assert!(reached_every_week + uncovered <= count);
        }
    }
}

/// Three 75-minute labs on Saturday mornings between 09:00 and 12:00, in the given weeks.
fn saturday_labs(weeks: [&str; 3]) -> String {
    let mut text = String::from(
        "[course]\ntitle = \"Weekend lab\"\nweeks = 4\nstart = 2027-01-09\ntimezone = \"America/New_York\"\nlive_days = [\"sat\"]\nlive_window = \"09:00-12:00\"\nsync_hours = [0, 5]\n\n[students]\ncount = 20\n",
    );
    for (id, weeks) in ["lab-a", "lab-b", "lab-c"].into_iter().zip(weeks) {
        text.push_str(&format!(
            "\n[[activities]]\nid = \"{id}\"\nkind = \"lab\"\nminutes = 75\nmode = \"sync\"\nweeks = {weeks}\n"
        ));
    }
    text
}

/// Sittings that never meet in the same week do not take each other's time: three labs in
/// weeks 1, 2 and 3 each get a Saturday morning, though one morning holds only two.
#[test]
fn sittings_in_different_weeks_share_a_time() {
    let rec = plan(&saturday_labs(["[1]", "[2]", "[3]"]));
    assert_eq!(rec.schedule.unplaced().count(), 0);
    let searched: Vec<_> = rec.schedule.sittings.iter().filter(|s| !s.fixed).collect();
    assert_eq!(searched.len(), 3, "{searched:#?}");
    for week in &rec.schedule.weeks[..3] {
        assert_eq!(week.sittings.len(), 1, "week {}", week.week);
        assert!(week.items.iter().all(|i| i.sitting.is_some()));
    }
    let cx = mixplan::check::Context::planned(&rec.course, &rec.plan, &rec.schedule);
    assert!(
        mixplan::check::design(&cx)
            .iter()
            .all(|d| d.rule != "live-work-without-time")
    );
    // The schedule's band measure is the engine's: nothing was dropped.
    assert_eq!(
        mixplan::engine::round2(mixplan::engine::sitting_minutes(
            &rec.course,
            &rec.plan.decisions
        )),
        rec.plan.summary.sync_sitting_minutes_per_week
    );
}

/// A morning that holds two 85-minute sittings (labs with their breaks) only at 09:00 and
/// 10:35 gets both: when the preferred start leaves the second without a time, every sitting
/// starts as early as it can, off the 15-minute grid where the gap demands it.
#[test]
fn a_full_morning_is_packed_from_its_start() {
    let text = saturday_labs(["[1, 2, 3, 4]"; 3]);
    let two = &text[..text.rfind("[[activities]]").unwrap()];
    let rec = plan(two);
    assert_eq!(rec.schedule.unplaced().count(), 0);
    let times: Vec<String> = rec
        .schedule
        .sittings
        .iter()
        .map(|s| format!("{} {} {}", s.id, s.day, s.time))
        .collect();
    assert_eq!(times, ["live sat 09:00", "live2 sat 10:35"]);
    // The same in the evening: 18:00 and 19:35 fill 18:00-21:00 exactly.
    let rec = plan(&two.replace("09:00-12:00", "18:00-21:00"));
    let times: Vec<String> = rec
        .schedule
        .sittings
        .iter()
        .map(|s| format!("{} {}", s.day, s.time))
        .collect();
    assert_eq!(times, ["sat 18:00", "sat 19:35"]);
}

/// When the week's live work needs more room than the allowed days leave, the work without a
/// time stays in the schedule, marked, and the check names it: it never silently disappears.
#[test]
fn live_work_without_room_is_reported_not_dropped() {
    let text = saturday_labs(["[1, 2, 3, 4]"; 3]);
    let rec = plan(&text);
    let unplaced: Vec<(u32, &str)> = rec
        .schedule
        .unplaced()
        .map(|(w, i)| (w, rec.course.activities[i].id.as_str()))
        .collect();
    assert_eq!(
        unplaced,
        [(1, "lab-c"), (2, "lab-c"), (3, "lab-c"), (4, "lab-c")]
    );
    for week in &rec.schedule.weeks {
        assert_eq!(
            week.items.len(),
            3,
            "every lab stays listed in week {}",
            week.week
        );
    }
    let cx = mixplan::check::Context::planned(&rec.course, &rec.plan, &rec.schedule);
    let findings: Vec<_> = mixplan::check::design(&cx)
        .into_iter()
        .filter(|d| d.rule == "live-work-without-time")
        .collect();
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert!(findings[0].message.contains("`lab-c`"));
    assert!(findings[0].message.contains("week(s) 1-4"));
    // The table says so in each week, and the student page gives no made-up time.
    let table = mixplan::render::table::schedule(&rec, mixplan::render::Style::PLAIN);
    assert_eq!(
        table.matches("no time found: lab-c (75 min)").count(),
        4,
        "{table}"
    );
    let page = mixplan::render::html::page(&rec, mixplan::render::html::Shape::Fragment);
    assert_eq!(page.matches("Time to be announced: 75 min").count(), 4);
    // The band measure leaves out what has no time: 2 × 85 minutes a week.
    assert_eq!(rec.plan.summary.sync_sitting_minutes_per_week, 170.0);
}

/// A searched sitting whose week-1 date falls before `start` does not meet that week: its work
/// leaves week 1 instead of showing as work without a time.
#[test]
fn a_sitting_before_start_is_not_missing_time() {
    let text = course_text(
        "start = 2027-01-13\nweek_starts = \"mon\"\ntimezone = \"America/New_York\"\nlive_days = [\"mon\"]",
        20,
        &[],
    );
    let rec = plan(&text);
    assert_eq!(rec.schedule.unplaced().count(), 0);
    assert!(rec.schedule.weeks[0].items.iter().all(|i| i.activity != 0));
    assert!(rec.schedule.weeks[1].items.iter().any(|i| i.activity == 0));
}

/// Without a written `live_window`, the default 07:00-22:00 is a preference: of the repeat
/// times that reach the Tokyo students, one the New York instructor can teach in the evening
/// wins over one at 01:45 in the night; among those, a day no other sitting takes (Thursday
/// 19:00, Friday 09:00 in Tokyo) rather than the main slot's Wednesday.
#[test]
fn the_default_window_is_preferred_for_the_repeat() {
    let text = course_text(
        "start = 2027-01-11\ntimezone = \"America/New_York\"\nlive_at = { day = \"wed\", time = \"09:00\" }",
        30,
        &[("America/New_York", 20, None), ("Asia/Tokyo", 10, None)],
    );
    let rec = plan(&text);
    let repeat = &rec.schedule.live_slots[1];
    assert!(repeat.repeat);
    assert_eq!(
        (repeat.day, repeat.time.to_string()),
        (Weekday::Thu, "19:00".into())
    );
    assert!(local(repeat, "Asia/Tokyo").covered);
    // A written window is a limit: nothing outside it, even when it reaches more students.
    let narrow = text.replace("[students]", "live_window = \"08:00-10:00\"\n\n[students]");
    let rec = plan(&narrow);
    for slot in &rec.schedule.live_slots {
        let start = u32::from(slot.time.minutes);
        assert!(
            (8 * 60..=10 * 60).contains(&start) || slot.pinned,
            "{slot:#?}"
        );
    }
}

/// The reach of each session length (what attendance scoring reads) is the best a single
/// grid time reaches in the worst week, checked by brute force with the exact evaluation,
/// over a term that crosses daylight-saving changes on both hemispheres. The search builds
/// each day's dates and offsets once, for the longest length, and reuses them for the others.
#[test]
fn reach_by_length_matches_brute_force() {
    let rec = plan(&five_zones_across_dst());
    let weeks: Vec<u32> = (1..=12).collect();
    let lengths = [15, 45, 60, 90, 150, 240];
    let reach = slots::reach_by_length(&rec.course, &lengths, &weeks);
    for minutes in lengths {
        assert_eq!(
            reach[&minutes],
            best_grid_reach(&rec, minutes, &weeks),
            "{minutes} minutes"
        );
    }
}

/// A fixed sitting takes its weekly time only in the weeks it meets: a lab fixed at Saturday
/// 09:00 in weeks 3-4 leaves that time to a debate searched for weeks 1-2, and takes it from
/// one that also meets in week 3.
#[test]
fn a_fixed_sitting_blocks_only_its_own_weeks() {
    let text = |debate_weeks: &str| {
        format!(
            "[course]\ntitle = \"Saturday\"\nweeks = 4\nstart = 2027-01-09\ntimezone = \"America/New_York\"\nlive_days = [\"sat\"]\nlive_window = \"09:00-10:30\"\nsync_hours = [0, 5]\n\n[students]\ncount = 20\n\n[[activities]]\nid = \"lab\"\nkind = \"lab\"\nminutes = 75\nweeks = [3, 4]\nat = {{ day = \"sat\", time = \"09:00\" }}\n\n[[activities]]\nid = \"debate\"\nkind = \"debate\"\nminutes = 60\nmode = \"sync\"\nweeks = {debate_weeks}\n"
        )
    };
    let rec = plan(&text("[1, 2]"));
    let live = rec
        .schedule
        .sittings
        .iter()
        .find(|s| s.id == "live")
        .unwrap();
    assert_eq!(live.day, Weekday::Sat);
    assert_eq!(live.weeks, [1, 2]);
    assert_eq!(rec.schedule.unplaced().count(), 0);
    let rec = plan(&text("[1, 2, 3]"));
    assert!(rec.schedule.sittings.iter().all(|s| s.id != "live"));
    assert_eq!(rec.schedule.unplaced().count(), 3);
}

/// Far more live work than the days hold (40 single-week 80-minute debates a week, Monday to
/// Friday with a 09:00-17:00 window): in every week the sittings placed keep 10 minutes clear
/// of each other on each day, and every debate either meets in a sitting or is reported
/// without a time. The search turns down the hopeless ones before searching.
#[test]
fn a_flood_of_live_work_fills_the_days_and_reports_the_rest() {
    let mut text = String::from(
        "[course]\ntitle = \"Flood\"\nweeks = 6\nstart = 2027-01-11\ntimezone = \"America/New_York\"\nlive_window = \"09:00-17:00\"\nsync_hours = [0, 168]\n\n[students]\ncount = 20\n",
    );
    for n in 0..240 {
        text.push_str(&format!(
            "\n[[activities]]\nid = \"d{n}\"\nkind = \"debate\"\nminutes = 80\nmode = \"sync\"\nweeks = [{}]\n",
            n % 6 + 1
        ));
    }
    let rec = plan(&text);
    let schedule = &rec.schedule;
    let mut placed = 0;
    for week in &schedule.weeks {
        let mut spans: Vec<(Weekday, u32, u32)> = week
            .sittings
            .iter()
            .map(|held| {
                let s = &schedule.sittings[held.sitting];
                let start = u32::from(s.time.minutes);
                (s.day, start, start + held.minutes)
            })
            .collect();
        spans.sort_by_key(|&(d, s, _)| (d.index(), s));
        for pair in spans.windows(2) {
            if pair[0].0 == pair[1].0 {
                assert!(pair[0].2 + 10 <= pair[1].1, "week {}: {pair:?}", week.week);
            }
        }
        for &(_, start, end) in &spans {
            assert!(
                start >= 9 * 60 && end <= 17 * 60,
                "week {}: {start}-{end}",
                week.week
            );
        }
        placed += week.sittings.len();
        assert_eq!(week.items.len(), 40);
    }
    // An 80-minute debate sits 95 minutes with its breaks; eight hours hold four of those
    // with their gaps, not five (5 x 95 + 4 x 10 = 515 minutes), on each of five days.
    assert_eq!(placed, 6 * 5 * 4);
    assert_eq!(schedule.unplaced().count(), 240 - placed);
}

/// Students in Tokyo and Kolkata take the repeat of the Wednesday case debate. Monday reaches
/// them as well as Thursday does, but a Monday repeat would meet before the readings fall due
/// (when Wednesday's debate starts): the repeat goes after the sitting it repeats.
#[test]
fn a_repeat_meets_after_the_sitting_it_repeats_when_a_later_day_is_as_good() {
    let text = std::fs::read_to_string("examples/international-cohort.toml").unwrap();
    let rec = plan(&text);
    let live = rec
        .schedule
        .sittings
        .iter()
        .find(|s| s.id == "live")
        .unwrap();
    let repeat = live.repeat.as_ref().expect("the debate has a repeat");
    let offset = |day| rec.course.meta.days_into_week(day);
    assert!(
        offset(repeat.slot.day) > offset(live.day),
        "repeat on {} before the {} debate",
        repeat.slot.day,
        live.day
    );
    // Every pre-work item of a week is due before that week's repeat starts.
    let json: serde_json::Value =
        serde_json::from_str(&mixplan::render::json::to_string(&rec, false)).unwrap();
    for occurrence in json["schedule"]["occurrences"].as_array().unwrap() {
        if occurrence["sitting"] != "live.repeat" {
            continue;
        }
        let week = &json["schedule"]["weeks"][occurrence["week"].as_u64().unwrap() as usize - 1];
        for item in week["items"].as_array().unwrap() {
            if item["before_live"] == true {
                assert!(
                    item["due_utc"].as_str() <= occurrence["start_utc"].as_str(),
                    "{item} is due after {occurrence}"
                );
            }
        }
    }
}

/// Pre-work listed a week early says in the JSON which week's meeting it prepares, and is due
/// before that meeting starts.
#[test]
fn relisted_prework_names_its_week_in_json() {
    let text = std::fs::read_to_string("examples/evening-working-adults.toml").unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&mixplan::render::json::to_string(&plan(&text), false)).unwrap();
    let mut relisted = 0;
    for week in json["schedule"]["weeks"].as_array().unwrap() {
        for item in week["items"].as_array().unwrap() {
            let Some(for_week) = item["for_week"].as_u64() else {
                continue;
            };
            relisted += 1;
            assert!(for_week > week["week"].as_u64().unwrap(), "{item}");
            let meeting = json["schedule"]["occurrences"]
                .as_array()
                .unwrap()
                .iter()
                .find(|o| o["week"] == for_week && o["cancelled"].is_null())
                .expect("the week it prepares meets");
            assert!(
                item["due_utc"].as_str() <= meeting["start_utc"].as_str(),
                "{item}"
            );
        }
    }
    assert!(
        relisted > 0,
        "the example lists week 12's pre-work in week 11"
    );
}

/// Attendance works out the reach exactly for every length one time leaves short of the
/// coverage floor. Lengths shorter than the longest one that is not short are not worked out:
/// they still read as not short, with at most their exact reach. Over the examples with
/// student zones and a term across clock changes, both sides of the floor occur.
#[test]
fn attendance_is_exact_wherever_a_length_falls_short() {
    use mixplan::availability::{Attendance, COVERAGE_FLOOR};
    let mut texts = vec![five_zones_across_dst()];
    for name in [
        "international-cohort",
        "remote-graphics-lecture",
        "self-paced-professional",
    ] {
        let text = std::fs::read_to_string(format!("examples/{name}.toml")).unwrap();
        // The same course with 500 more students in the organizer's zone: one time then
        // reaches most of the class, but not all of it.
        texts.push(text.replacen("count = ", "count = 5", 1));
        texts.push(text);
    }
    let (mut short, mut inferred) = (0, 0);
    for text in texts {
        let rec = plan(&text);
        let course = &rec.course;
        let attendance = Attendance::of(course);
        let weeks: Vec<u32> = (1..=course.meta.weeks).collect();
        let mut lengths: Vec<u32> = course
            .activities
            .iter()
            .filter(|a| !a.in_person)
            .map(|a| a.minutes)
            .collect();
        lengths.sort_unstable();
        lengths.dedup();
        let exact = slots::reach_by_length(course, &lengths, &weeks);
        let count = f64::from(course.students.count.max(1));
        for (i, &m) in lengths.iter().enumerate() {
            let falls_short = f64::from(exact[&m]) / count < COVERAGE_FLOOR - 1e-9;
            assert_eq!(attendance.short(m), falls_short, "{m} minutes");
            if falls_short {
                short += 1;
                assert_eq!(attendance.reach(m), exact[&m], "{m} minutes");
            } else {
                assert!(attendance.reach(m) <= exact[&m], "{m} minutes");
                let longer_not_short = lengths[i + 1..].iter().any(|l| {
                    f64::from(exact[l]) / count >= COVERAGE_FLOOR - 1e-9
                        && exact[l] < course.students.count
                });
                inferred += usize::from(longer_not_short);
            }
        }
    }
    assert!(short > 0, "no length fell short");
    assert!(inferred > 0, "no length was inferred from a longer one");
}

/// Berlin 50, New York 30, Los Angeles 20, all `09:00-17:00`, with the given activities.
fn three_zones(activities: &str) -> String {
    let mut text =
        String::from("[course]\ntitle = \"Held times\"\nweeks = 4\n\n[students]\ncount = 100\n");
    for (zone, count) in [
        ("Europe/Berlin", 50),
        ("America/New_York", 30),
        ("America/Los_Angeles", 20),
    ] {
        text.push_str(&format!(
            "\n[[students.zones]]\nzone = \"{zone}\"\ncount = {count}\navailable = \"09:00-17:00\"\n"
        ));
    }
    text.push_str(activities);
    text
}

/// A 60-minute seminar fixed on Monday at 13:00 (UTC: Berlin only).
const SEMINAR: &str = "\n[[activities]]\nid = \"seminar\"\nkind = \"discussion\"\nminutes = 60\nat = { day = \"mon\", time = \"13:00\" }\n";
/// A 600-minute studio in ten sections, 06:30 and 16:30 every weekday: no free time is left.
const STUDIO: &str = "\n[[activities]]\nid = \"studio\"\nkind = \"lab\"\nminutes = 600\nat = [\n  { day = \"mon\", time = \"06:30\" }, { day = \"mon\", time = \"16:30\" },\n  { day = \"tue\", time = \"06:30\" }, { day = \"tue\", time = \"16:30\" },\n  { day = \"wed\", time = \"06:30\" }, { day = \"wed\", time = \"16:30\" },\n  { day = \"thu\", time = \"06:30\" }, { day = \"thu\", time = \"16:30\" },\n  { day = \"fri\", time = \"06:30\" }, { day = \"fri\", time = \"16:30\" },\n]\n";
/// The same seminar unpinned: its mode is the engine's, its time searched.
const FREE_SEMINAR: &str =
    "\n[[activities]]\nid = \"free-seminar\"\nkind = \"discussion\"\nminutes = 60\n";
/// A 60-minute seminar in two sections, Monday 09:00 (Berlin) and 18:00 (New York and Los
/// Angeles): together they reach every zone, in January and in July.
const TWO_SECTIONS: &str = "\n[[activities]]\nid = \"sections\"\nkind = \"discussion\"\nminutes = 60\nat = [{ day = \"mon\", time = \"09:00\" }, { day = \"mon\", time = \"18:00\" }]\n";

/// The `time-zone-spread` reason's `reached` fact for `id`, if the rule fired.
fn spread_reached(rec: &Recommendation, id: &str) -> Option<u32> {
    use mixplan::engine::{ReasonKind, ScoreDetail};
    let index = rec
        .course
        .activities
        .iter()
        .position(|a| a.id == id)
        .unwrap();
    rec.plan.decisions[index]
        .reasons
        .iter()
        .find_map(|r| match &r.kind {
            ReasonKind::Score { detail, .. } => match **detail {
                ScoreDetail::TimeZoneSpread { reached, .. } => Some(reached),
                _ => None,
            },
            ReasonKind::Note(_) => None,
        })
}

/// Students the unit of `id`'s sittings (the activity with all its sections) reaches.
fn unit_covered(rec: &Recommendation, id: &str) -> u32 {
    let index = rec
        .course
        .activities
        .iter()
        .position(|a| a.id == id)
        .unwrap();
    let sitting = rec
        .schedule
        .sittings
        .iter()
        .position(|s| s.activities.contains(&index))
        .unwrap();
    rec.schedule.units[rec.schedule.unit_of[sitting]].students_covered
}

/// The time-zone reason judges an activity held at fixed times by the times it is held at,
/// not only by the times left free by every fixed sitting of the course (its own included):
/// an unrelated timetable that fills every other time does not make a seminar that reaches
/// half the class read as reaching nobody.
#[test]
fn time_zone_spread_counts_the_times_a_pinned_activity_is_held_at() {
    // Alone: the best free time (Tuesday to Friday, 14:00 UTC) reaches Berlin and New York.
    let alone = plan(&three_zones(SEMINAR));
    assert_eq!(spread_reached(&alone, "seminar"), Some(80));
    assert_eq!(unit_covered(&alone, "seminar"), 50);

    // The studio leaves no free time: the seminar keeps what its own time reaches.
    let full = plan(&three_zones(&format!("{SEMINAR}{STUDIO}")));
    assert_eq!(unit_covered(&full, "seminar"), 50);
    assert_eq!(spread_reached(&full, "seminar"), Some(50));
    assert_eq!(
        full.plan
            .facts
            .attendance
            .reach_of(&full.course.activities[0]),
        50
    );
    // The studio's 600 minutes fit nobody's eight hours, at its times or any other.
    assert_eq!(spread_reached(&full, "studio"), Some(0));

    // Sections that together reach every zone: no time-zone reason, with or without the
    // studio filling the rest of the week.
    for text in [
        three_zones(TWO_SECTIONS),
        three_zones(&format!("{TWO_SECTIONS}{STUDIO}")),
    ] {
        let rec = plan(&text);
        assert_eq!(unit_covered(&rec, "sections"), 100);
        assert_eq!(spread_reached(&rec, "sections"), None, "{text}");
    }

    // An unpinned activity is judged as before, by the best free time alone.
    let free = plan(&three_zones(&format!("{SEMINAR}{FREE_SEMINAR}")));
    assert_eq!(spread_reached(&free, "free-seminar"), Some(80));
    let free_full = plan(&three_zones(&format!("{SEMINAR}{STUDIO}{FREE_SEMINAR}")));
    assert_eq!(spread_reached(&free_full, "free-seminar"), Some(0));
    let attendance = &free_full.plan.facts.attendance;
    let unpinned = &free_full.course.activities[2];
    assert_eq!(attendance.reach_of(unpinned), attendance.reach(60));
    assert_eq!(attendance.held_reach(unpinned), None);
}

/// What an activity's own fixed times reach, as the availability layer counts it for the
/// time-zone reason, is what the schedule's unit of that activity reaches: over every example
/// and the held-times courses above (sections, dated one-offs, holidays that cancel one
/// section, clock changes), wherever the activity sits alone at its times.
#[test]
fn held_reach_matches_the_schedule_units_coverage() {
    let mut texts: Vec<String> = std::fs::read_dir("examples")
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    texts.push(three_zones(&format!("{SEMINAR}{STUDIO}")));
    texts.push(three_zones(&format!("{TWO_SECTIONS}{STUDIO}")));
    // Real dates across the European change to summer time, a holiday that cancels the
    // Monday section in week 2 (Berlin is then uncovered that week: 50), and a dated
    // one-off (Wednesday of week 3, 15:00 UTC: New York alone, 30).
    let two_days = TWO_SECTIONS.replace("sections", "two-days").replace(
        "day = \"mon\", time = \"18:00\"",
        "day = \"tue\", time = \"18:00\"",
    );
    texts.push(
        three_zones(&format!("{two_days}\n[[activities]]\nid = \"one-off\"\nkind = \"discussion\"\nminutes = 60\nat = {{ date = 2027-03-31, time = \"15:00\" }}\n"))
            .replacen(
                "weeks = 4\n",
                "weeks = 4\nstart = 2027-03-15\nholidays = [2027-03-22]\n",
                1,
            ),
    );
    let mut compared = 0;
    for text in &texts {
        let rec = plan(text);
        let zones = slots::ZoneCache::new(&rec.course);
        for (index, activity) in rec.course.activities.iter().enumerate() {
            let Some(held) = zones.held_reach(activity) else {
                continue;
            };
            // The unit whose sittings hold this activity alone (a sitting shared with another
            // activity lasts longer than this one).
            let sittings: Vec<usize> = (0..rec.schedule.sittings.len())
                .filter(|&s| rec.schedule.sittings[s].activities.contains(&index))
                .collect();
            if activity.in_person
                || sittings
                    .iter()
                    .any(|&s| rec.schedule.sittings[s].activities.len() > 1)
            {
                continue;
            }
            let unit = &rec.schedule.units[rec.schedule.unit_of[sittings[0]]];
            assert_eq!(held, unit.students_covered, "{} in {text}", activity.id);
            compared += 1;
        }
    }
    assert!(compared >= 40, "only {compared} activities compared");
    let dated = plan(texts.last().unwrap());
    let zones = slots::ZoneCache::new(&dated.course);
    let held: Vec<Option<u32>> = dated
        .course
        .activities
        .iter()
        .map(|a| zones.held_reach(a))
        .collect();
    assert_eq!(held, [Some(50), Some(30)]);
}

/// The `pinned-slot-excludes-students` messages of a plan, worded.
fn pinned_slot_messages(rec: &Recommendation) -> Vec<String> {
    rec.advice
        .iter()
        .filter(|a| a.rule() == "pinned-slot-excludes-students")
        .map(|a| mixplan::render::words::advice(rec, a))
        .collect()
}

/// `pinned-slot-excludes-students` agrees with its subject: one fixed sitting "reaches",
/// several sections "reach".
#[test]
fn pinned_slot_finding_says_reach_for_several_sections() {
    let messages = pinned_slot_messages(&plan(&three_zones(&format!("{SEMINAR}{STUDIO}"))));
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("the fixed sitting `seminar`")
                && m.contains(" reaches 50 of 100 students (50%) in its worst week")),
        "{messages:?}"
    );
    let messages = pinned_slot_messages(&plan(
        &three_zones(TWO_SECTIONS).replace("time = \"18:00\"", "time = \"12:00\""),
    ));
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("the sections `sections.1`")
                && m.contains(" reach 50 of 100 students (50%) in their worst week")),
        "{messages:?}"
    );
}

/// `auto` judges a weekly live activity held at fixed times by those times, as the time-zone
/// reason does: a long seminar whose two sections together reach 95 of 100 students does not
/// make the course alternate, though no single time fits its three hours for more than half.
#[test]
fn auto_pattern_judges_a_pinned_activity_by_its_sections() {
    let text = "[course]\ntitle = \"Sections\"\nweeks = 6\n\n[students]\ncount = 100\npopulations = [\"working-adults\"]\n\
        [[students.zones]]\nzone = \"Europe/Berlin\"\ncount = 50\navailable = \"09:00-17:00\"\n\
        [[students.zones]]\nzone = \"America/New_York\"\ncount = 45\navailable = \"09:00-13:00\"\n\
        [[students.zones]]\nzone = \"America/Los_Angeles\"\ncount = 5\navailable = \"09:00-17:00\"\n\
        [[activities]]\nid = \"long-seminar\"\nkind = \"discussion\"\nminutes = 180\n\
        at = [{ day = \"mon\", time = \"08:00\" }, { day = \"mon\", time = \"14:00\" }]\n\
        [[activities]]\nid = \"debate\"\nkind = \"debate\"\nminutes = 60\n";
    let rec = plan(text);
    let seminar = &rec.course.activities[0];
    assert_eq!(rec.plan.facts.attendance.reach(180), 50);
    assert_eq!(rec.plan.facts.attendance.reach_of(seminar), 95);
    assert_eq!(spread_reached(&rec, "long-seminar"), None);
    assert!(
        matches!(
            rec.plan.pattern_choice.why,
            mixplan::engine::PatternWhy::Flipped
        ),
        "{:?}",
        rec.plan.pattern_choice.why
    );
}
