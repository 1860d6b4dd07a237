//! Attendance and timing invariants over generated courses with real dates, sections,
//! holidays, zones and pre-work: every required sitting is judged, pre-work is due before
//! the meeting it prepares, and a holiday never takes away an activity that still meets.

use mixplan::course::{self, Mode};
use mixplan::schedule::Schedule;
use proptest::prelude::*;

const ZONES: &[&str] = &[
    "America/New_York",
    "Asia/Tokyo",
    "Europe/London",
    "Australia/Sydney",
    "Asia/Kolkata",
];
const DAYS: &[&str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const LIVE_KINDS: &[&str] = &["discussion", "lab", "problem-solving", "debate", "exam"];
const PRE_KINDS: &[&str] = &["lecture", "reading", "demonstration", "announcement"];

/// A fixed activity: kind, minutes, sections as (day, hour).
type Fixed = (usize, u32, Vec<(usize, u32)>);

prop_compose! {
    fn dated_course()(
        weeks in 1u32..=8,
        start_day in 0i64..7,
        week_starts in 0usize..7,
        zones in proptest::collection::vec((0..ZONES.len(), 1u32..40), 1..4),
        fixed in proptest::collection::vec(
            (0..LIVE_KINDS.len(), 30u32..=120, proptest::collection::vec((0..7usize, 7u32..22), 1..4)),
            0..3,
        ),
        searched in proptest::collection::vec(30u32..=90, 0..3),
        pre in proptest::collection::vec((0..PRE_KINDS.len(), 10u32..=60), 1..3),
        holidays in proptest::collection::vec(0i64..56, 0..6),
        populations in proptest::sample::subsequence(
            vec!["working-adults", "international", "caregivers", "full-time"], 0..=2),
    ) -> String {
        let start = jiff::civil::date(2027, 1, 11).checked_add(jiff::Span::new().days(start_day)).unwrap();
        let mut dates: Vec<jiff::civil::Date> = holidays
            .iter()
            .filter(|&&d| d < i64::from(weeks) * 7)
            .map(|&d| start.checked_add(jiff::Span::new().days(d)).unwrap())
            .collect();
        dates.sort_unstable();
        dates.dedup();
        let list: Vec<String> = dates.iter().map(|d| d.to_string()).collect();
        let count: u32 = zones.iter().map(|z| z.1).sum();
        let mut text = format!(
            "[course]\ntitle = \"A\"\nweeks = {weeks}\nstart = {start}\nweek_starts = \"{}\"\ntimezone = \"America/New_York\"\nsync_hours = [0.0, 20.0]\npattern = \"flipped\"\nholidays = [{}]\n\n[students]\ncount = {count}\npopulations = {populations:?}\n",
            DAYS[week_starts],
            list.join(", "),
        );
        let mut seen = Vec::new();
        for (zone, n) in zones {
            if seen.contains(&zone) { continue; }
            seen.push(zone);
            text.push_str(&format!("[[students.zones]]\nzone = \"{}\"\ncount = {n}\n", ZONES[zone]));
        }
        let fixed: Vec<Fixed> = fixed;
        for (i, (kind, minutes, sections)) in fixed.into_iter().enumerate() {
            let kind = LIVE_KINDS[kind];
            let at: Vec<String> = sections
                .iter()
                .map(|&(d, h)| format!("{{ day = \"{}\", time = \"{h:02}:00\" }}", DAYS[d]))
                .collect();
            let weeks_key = if kind == "exam" { format!("weeks = [{weeks}]\n") } else { String::new() };
            text.push_str(&format!(
                "\n[[activities]]\nid = \"fixed-{i}\"\nkind = \"{kind}\"\nminutes = {minutes}\n{weeks_key}at = [{}]\n",
                at.join(", ")
            ));
        }
        for (i, minutes) in searched.into_iter().enumerate() {
            text.push_str(&format!("\n[[activities]]\nid = \"live-{i}\"\nkind = \"debate\"\nminutes = {minutes}\nmode = \"sync\"\n"));
        }
        for (i, (kind, minutes)) in pre.into_iter().enumerate() {
            text.push_str(&format!("\n[[activities]]\nid = \"pre-{i}\"\nkind = \"{}\"\nminutes = {minutes}\nmode = \"async\"\n", PRE_KINDS[kind]));
        }
        text
    }
}

/// The start instant of every held, required, non-exam sitting of week `w`.
fn required_starts(
    rec: &mixplan::Recommendation,
    schedule: &Schedule,
    w: u32,
) -> Vec<jiff::ZonedDateTime> {
    let tz = jiff::tz::db().get(&rec.course.meta.timezone).unwrap();
    schedule.weeks[w as usize - 1]
        .sittings
        .iter()
        .filter(|h| !h.cancelled)
        .filter_map(|h| {
            let s = &schedule.sittings[h.sitting];
            if s.optional || s.exam {
                return None;
            }
            let date = h.date?;
            date.at(s.time.hour() as i8, s.time.minute() as i8, 0, 0)
                .to_zoned_datetime(tz.clone())
                .ok()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 120, .. ProptestConfig::default() })]

    /// No self-paced item marked "before live" is due after any required sitting of the week
    /// it belongs to (pre-work listed a week early keeps the week of its meeting).
    #[test]
    fn prework_is_due_before_every_required_sitting_of_its_week(text in dated_course()) {
        let Ok(course) = course::parse(&text) else { return Ok(()); };
        let rec = mixplan::recommend(course);
        let schedule = &rec.schedule;
        for week in &schedule.weeks {
            for item in week.items.iter().filter(|i| i.before_live && i.mode == Mode::Async) {
                let belongs = item.for_week.unwrap_or(week.week);
                let Some(due) = item.due.as_ref().and_then(|d| d.at.clone()) else { continue };
                for start in required_starts(&rec, schedule, belongs) {
                    prop_assert!(
                        due.timestamp() <= start.timestamp(),
                        "week {belongs}: {} due {due} after a sitting at {start}\n{text}",
                        rec.course.activities[item.activity].id
                    );
                }
            }
        }
    }

    /// Every required unit's students covered plus those it misses in its worst held week is
    /// the class; whom it misses is listed only for weeks it is held, by zone, within the
    /// zone's head count.
    #[test]
    fn every_unit_covered_plus_uncovered_is_the_class(text in dated_course()) {
        let Ok(course) = course::parse(&text) else { return Ok(()); };
        let rec = mixplan::recommend(course);
        let count = rec.course.students.count;
        let schedule = &rec.schedule;
        for unit in &schedule.units {
            let mut held: Vec<u32> = unit.sittings.iter().flat_map(|&i| {
                let s = &schedule.sittings[i];
                let mut weeks: Vec<u32> = s.weeks.iter().copied()
                    .filter(|w| !s.cancelled.iter().any(|(c, _)| c == w)).collect();
                if let Some(r) = &s.repeat {
                    weeks.extend(s.weeks.iter().copied().filter(|w| !r.cancelled.iter().any(|(c, _)| c == w)));
                }
                weeks
            }).collect();
            held.sort_unstable();
            held.dedup();
            let worst = held.iter().map(|w| {
                unit.uncovered.iter().filter(|u| u.weeks.contains(w)).map(|u| u.count).sum::<u32>()
            }).max().unwrap_or(0);
            prop_assert_eq!(unit.students_covered + worst, count, "{:?}\n{}", unit, text);
            for u in &unit.uncovered {
                prop_assert!(u.weeks.iter().all(|w| held.contains(w)), "{:?} outside {:?}", u, held);
                let zone = rec.course.students.zones.iter().find(|z| z.zone == u.zone);
                prop_assert!(zone.is_none_or(|z| u.count <= z.count.max(count)));
            }
        }
    }

    /// A holiday never removes an activity from a week in which one of its sections meets:
    /// the item is cancelled only when every section of that week is.
    #[test]
    fn a_holiday_never_removes_an_activity_a_section_still_holds(text in dated_course()) {
        let Ok(course) = course::parse(&text) else { return Ok(()); };
        let rec = mixplan::recommend(course);
        let schedule = &rec.schedule;
        for week in &schedule.weeks {
            for item in week.items.iter().filter(|i| i.mode == Mode::Sync) {
                let held = week.sittings.iter().any(|h| {
                    !h.cancelled && h.activities.contains(&item.activity)
                });
                prop_assert_eq!(item.cancelled, !held && item.sitting.is_some(),
                    "week {}: {}\n{}", week.week, rec.course.activities[item.activity].id, text);
            }
        }
        let workload = rec.workload();
        for week in &schedule.weeks {
            let meets = week.items.iter().any(|i| i.mode == Mode::Sync && !i.cancelled
                && !rec.course.activities[i.activity].optional);
            if meets {
                let load = &workload.weeks[week.week as usize - 1];
                prop_assert!(load.live_minutes > 0, "week {} meets but has no live workload", week.week);
            }
        }
    }
}

/// Pre-work whose Monday meeting leaves less than 48 hours is listed, and its workload
/// counted, in the previous teaching week; week 1 keeps its own.
#[test]
fn relisted_prework_counts_where_it_is_listed() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/it/scenarios/30-monday-sessions-with-monday-weeks.toml"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let rec = mixplan::recommend(course::parse(&text).unwrap());
    let workload = rec.workload();
    let self_paced: Vec<u64> = workload
        .weeks
        .iter()
        .map(|w| w.self_paced_minutes)
        .collect();
    // 30 min of videos (its own and next week's) plus a 20-minute response.
    assert_eq!(self_paced[0], 30 + 30 + 20, "{self_paced:?}");
    assert_eq!(self_paced[3], 30 + 20, "{self_paced:?}");
    assert_eq!(*self_paced.last().unwrap(), 20, "{self_paced:?}");
    let total: u64 = self_paced.iter().sum();
    assert_eq!(total, 8 * 50, "nothing is lost or counted twice");
}

/// Without `prepares`, pre-work prepares the week's first online sitting, never a class in a
/// room: the readings of a hybrid course fall due before Thursday's online seminar, not at
/// Tuesday's lecture hall; with no online sitting they keep the ordinary due time.
#[test]
fn prework_without_prepares_skips_rooms() {
    let course = |seminar: &str| {
        format!(
            "[course]\ntitle = \"T\"\nweeks = 3\nstart = 2027-01-11\ntimezone = \"America/New_York\"\ndelivery = \"hybrid\"\n\n[students]\ncount = 20\n\n[[activities]]\nid = \"readings\"\nkind = \"reading\"\nminutes = 60\n\n[[activities]]\nid = \"lecture\"\nkind = \"lecture\"\nminutes = 75\nat = {{ day = \"tue\", time = \"10:00\", location = \"Hall 1\" }}\nin_person = true\n{seminar}"
        )
    };
    let due_of_readings = |text: &str| {
        let rec = mixplan::recommend(course::parse(text).unwrap());
        let week = &rec.schedule.weeks[1];
        let item = week
            .items
            .iter()
            .find(|i| rec.course.activities[i.activity].id == "readings")
            .unwrap();
        let at = item.due.as_ref().unwrap().at.clone().unwrap();
        (at.strftime("%a %H:%M").to_string(), item.before_live)
    };
    let online = "\n[[activities]]\nid = \"seminar\"\nkind = \"discussion\"\nminutes = 60\nat = { day = \"thu\", time = \"18:00\" }\n";
    assert_eq!(
        due_of_readings(&course(online)),
        ("Thu 18:00".to_string(), true)
    );
    let (_, before_live) = due_of_readings(&course(""));
    assert!(
        !before_live,
        "a room alone is not what the readings prepare"
    );
}

/// Searched optional sittings may overlap each other (and optional fixed ones), never required
/// work: with one hour on one day, the clinic and the drop-in hours share it, where the second
/// used to find no time; the required Monday seminar's time stays clear.
#[test]
fn searched_optional_sittings_may_overlap_each_other() {
    let text = "[course]\ntitle = \"T\"\nweeks = 3\nstart = 2027-01-11\ntimezone = \"America/New_York\"\nlive_days = [\"wed\"]\nlive_window = \"18:00-19:00\"\n\n[students]\ncount = 20\n\n[[activities]]\nid = \"seminar\"\nkind = \"discussion\"\nminutes = 50\nat = { day = \"wed\", time = \"08:00\" }\n\n[[activities]]\nid = \"hours\"\nkind = \"office-hours\"\nminutes = 60\nat = { day = \"wed\", time = \"18:00\" }\n\n[[activities]]\nid = \"clinic\"\nkind = \"q-and-a\"\nminutes = 60\noptional = true\nmode = \"sync\"\n\n[[activities]]\nid = \"drop-in\"\nkind = \"office-hours\"\nminutes = 60\n";
    let rec = mixplan::recommend(course::parse(text).unwrap());
    let unplaced: Vec<_> = rec.schedule.unplaced().collect();
    assert!(unplaced.is_empty(), "{unplaced:?}");
    let at = |id: &str| {
        let s = rec
            .schedule
            .sittings
            .iter()
            .find(|s| {
                s.activities
                    .iter()
                    .any(|&a| rec.course.activities[a].id == id)
            })
            .unwrap();
        (s.day, s.time.to_string())
    };
    assert_eq!(at("clinic"), at("drop-in"));
    assert_eq!(at("clinic"), at("hours"));
    // A required clinic is still kept clear of the fixed office hours: the only hour is theirs,
    // so it finds no time in any of the three weeks rather than overlapping them.
    let required = text.replace("optional = true\n", "");
    let rec = mixplan::recommend(course::parse(&required).unwrap());
    let unplaced: Vec<_> = rec.schedule.unplaced().collect();
    assert_eq!(unplaced.len(), 3, "{unplaced:?}");
    assert!(
        unplaced
            .iter()
            .all(|&(_, a)| rec.course.activities[a].id == "clinic")
    );
}

fn load_errors(text: &str) -> Vec<(String, String)> {
    let loaded = course::load(text);
    loaded
        .diagnostics
        .iter()
        .map(|d| {
            let span = d.span.unwrap();
            (d.message.clone(), text[span.start..span.end].to_string())
        })
        .collect()
}

const BASE: &str = "[course]\ntitle = \"T\"\nweeks = 4\nstart = 2027-01-11\ntimezone = \"America/New_York\"\n\n[students]\ncount = 10\n\n[[activities]]\nid = \"lab\"\nkind = \"lab\"\nminutes = 50\nat = [{ day = \"tue\", time = \"09:00\" }, { day = \"wed\", time = \"10:00\" }, { day = \"thu\", time = \"11:00\" }]\n\n[[activities]]\nid = \"videos\"\nkind = \"lecture\"\nminutes = 30\nmode = \"async\"\n";

/// `activity` on a course- or week-wide check is a located error; a section that does not
/// exist is one too, with the activity's real number of sections; `"lab.3"` is accepted.
#[test]
fn allow_with_activity_is_checked_against_the_rule_and_the_sections() {
    let text = format!(
        "{BASE}\n[check]\nallow = [{{ rule = \"no-instructor-presence\", activity = \"lab\" }}]\n"
    );
    let errors = load_errors(&text);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].0.contains("is about the course"), "{errors:?}");
    assert_eq!(errors[0].1, "\"lab\"");
    let text = format!(
        "{BASE}\n[check]\nallow = [{{ rule = \"live-hours-outside-band\", activity = \"lab\" }}]\n"
    );
    assert!(load_errors(&text)[0].0.contains("is about the week"));
    let text = format!(
        "{BASE}\n[check]\nallow = [{{ rule = \"pinned-slot-excludes-students\", activity = \"lab.4\" }}]\n"
    );
    let errors = load_errors(&text);
    assert!(
        errors[0].0.contains("section 4 of `lab`, which has 3"),
        "{errors:?}"
    );
    let text = format!(
        "{BASE}\n[check]\nallow = [{{ rule = \"pinned-slot-excludes-students\", activity = \"lab.3\" }}]\n"
    );
    assert!(load_errors(&text).is_empty());
    let text = format!(
        "{BASE}\n[check]\nallow = [{{ rule = \"live-not-recorded\", activity = \"lba\" }}]\n"
    );
    let errors = load_errors(&text);
    assert!(errors[0].0.contains("`lba`"), "{errors:?}");
}

/// `segmented = false` on self-paced work and `prepares` naming nothing are located errors.
#[test]
fn segmented_and_prepares_are_validated() {
    let text = BASE.replace(
        "mode = \"async\"\n",
        "mode = \"async\"\nsegmented = false\n",
    );
    let errors = load_errors(&text);
    assert!(
        errors[0].0.contains("`segmented` is for live activities"),
        "{errors:?}"
    );
    assert_eq!(errors[0].1, "false");
    let text = BASE.replace(
        "mode = \"async\"\n",
        "mode = \"async\"\nprepares = \"labb\"\n",
    );
    let errors = load_errors(&text);
    assert!(
        errors[0].0.contains("`prepares` names activity `labb`"),
        "{errors:?}"
    );
    let text = BASE.replace(
        "mode = \"async\"\n",
        "mode = \"async\"\nprepares = \"lab\"\n",
    );
    let rec = mixplan::recommend(course::parse(&text).unwrap());
    // The Thursday section is the lab's last; its first meeting of the week is Tuesday.
    let week2 = &rec.schedule.weeks[1];
    let videos = week2
        .items
        .iter()
        .chain(&rec.schedule.weeks[0].items)
        .find(|i| i.activity == 1 && i.for_week.unwrap_or(2) == 2)
        .unwrap();
    assert_eq!(
        videos.due.as_ref().unwrap().day,
        mixplan::course::Weekday::Tue
    );
}

/// Issue 21: `live_window` bounds a searched sitting's end, not only its start: a 175-minute
/// sitting has no time in a 09:00-09:15 window (it is live work without a time).
#[test]
fn live_window_bounds_the_first_searched_sittings_end() {
    let text = "[course]\ntitle = \"T\"\nweeks = 2\nlive_window = \"09:00-09:15\"\n\n[students]\ncount = 5\n\n[[activities]]\nid = \"studio\"\nkind = \"lab\"\nminutes = 175\nmode = \"sync\"\n";
    let rec = mixplan::recommend(course::parse(text).unwrap());
    assert!(
        rec.schedule.live_slots.is_empty(),
        "{:?}",
        rec.schedule.live_slots
    );
    assert_eq!(rec.schedule.unplaced().count(), 2);
    let fits = text.replace("09:00-09:15", "09:00-12:30");
    let rec = mixplan::recommend(course::parse(&fits).unwrap());
    let slot = &rec.schedule.live_slots[0];
    assert!(
        u32::from(slot.time.minutes) + slot.minutes <= 12 * 60 + 30,
        "{slot:?}"
    );
}

/// Issue 21: fixed sittings that overlap across Sunday into Monday are reported.
#[test]
fn fixed_sittings_overlapping_across_sunday_into_monday_are_reported() {
    let text = "[course]\ntitle = \"T\"\nweeks = 3\nweek_starts = \"mon\"\n\n[students]\ncount = 5\n\n[[activities]]\nid = \"night\"\nkind = \"lab\"\nminutes = 120\nat = { day = \"sun\", time = \"23:00\" }\n\n[[activities]]\nid = \"early\"\nkind = \"discussion\"\nminutes = 30\nat = { day = \"mon\", time = \"00:30\" }\n";
    let errors = load_errors(text);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0]
            .0
            .contains("`early` at mon 00:30 overlaps `night`"),
        "{errors:?}"
    );
    // Sections (students choose one) may overlap.
    let sections = text.replace(
        "at = { day = \"sun\", time = \"23:00\" }",
        "at = [{ day = \"sun\", time = \"23:00\" }, { day = \"wed\", time = \"10:00\" }]",
    );
    assert!(load_errors(&sections).is_empty());
}

/// Every check about an activity, a sitting or a unit is silenced by `[check] allow` entries
/// naming the activities of its findings, one rule at a time, on its own fail fixture; and
/// an allow naming the rule for another rule's subject silences nothing else.
#[test]
fn per_activity_allows_work_for_every_check_about_activities() {
    use mixplan::check::CHECK_RULES;
    for rule in CHECK_RULES.iter().filter(|r| r.id.subject().per_activity()) {
        let path = format!(
            "{}/tests/fixtures/check/{}/fail.toml",
            env!("CARGO_MANIFEST_DIR"),
            rule.id
        );
        let text = std::fs::read_to_string(&path).unwrap();
        let mut course = course::parse(&text).unwrap();
        let before = findings_of(course.clone(), rule.id);
        assert!(!before.is_empty(), "{}", rule.id);
        let ids: Vec<String> = course.activities.iter().map(|a| a.id.clone()).collect();
        for id in ids {
            course.check.allow.push(mixplan::course::Allowance {
                rule: rule.id.as_str().to_string(),
                activity: Some((id, Default::default())),
                reason: None,
                span: Default::default(),
            });
        }
        assert!(
            findings_of(course, rule.id).is_empty(),
            "{} still fires",
            rule.id
        );
    }
}

fn findings_of(course: mixplan::course::Course, rule: mixplan::rules::RuleId) -> Vec<String> {
    let rec = mixplan::recommend(course);
    rec.advice
        .iter()
        .filter_map(|a| match a {
            mixplan::findings::Advice::Check(d) if d.rule == rule => Some(d.message.clone()),
            _ => None,
        })
        .collect()
}

/// Parallel sections: an `at` entry may repeat another's day and time when its `location`
/// differs, and each keeps its own room and link; the same time in the same room is an error.
#[test]
fn parallel_sections_share_a_time_in_different_rooms() {
    let text = "[course]\ntitle = \"T\"\nweeks = 2\n\n[students]\ncount = 60\n\n[[activities]]\nid = \"lab\"\nkind = \"lab\"\nminutes = 50\nat = [{ day = \"mon\", time = \"10:00\", location = \"Lab A\" }, { day = \"mon\", time = \"10:00\", location = \"Lab B\", url = \"https://meet.example.edu/b\" }]\n";
    let course = course::parse(text).unwrap();
    let at = &course.activities[0].at;
    assert_eq!(at[1].location.as_deref(), Some("Lab B"));
    assert_eq!(at[1].url.as_deref(), Some("https://meet.example.edu/b"));
    let rec = mixplan::recommend(course);
    assert_eq!(rec.schedule.sittings.len(), 2);
    let same = text.replace("Lab B", "Lab A");
    let errors = load_errors(&same);
    assert!(errors[0].0.contains("listed twice in `at`"), "{errors:?}");
}

/// Regression (issue 18, the guide's own example): a seminar fixed at 09:00 in New York with a
/// third of the class in Tokyo said `coverage: 0.67` and `uncovered: []` in JSON. Each
/// sitting now lists whom its unit misses, by zone and week.
#[test]
fn json_sittings_list_whom_a_fixed_seminar_misses() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/it/scenarios/24-fixed-seminar-misses-tokyo.toml"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let rec = mixplan::recommend(course::parse(&text).unwrap());
    let json = mixplan::render::json::recommendation(&rec);
    let sitting = &json["schedule"]["sittings"][0];
    assert_eq!(sitting["id"], "seminar");
    assert_eq!(sitting["uncovered"][0]["zone"], "Asia/Tokyo");
    assert_eq!(sitting["uncovered"][0]["count"], 14);
    assert_eq!(
        sitting["uncovered"][0]["weeks"].as_array().unwrap().len(),
        8
    );
}

/// A class in a room keeps its own rhythm: no 25/5 breaks are carved out of it, where the
/// same class online gets them (they are advice for video calls).
#[test]
fn a_class_in_a_room_is_not_cut_into_focus_segments() {
    let text = "[course]\ntitle = \"T\"\nweeks = 2\nstart = 2027-01-11\ntimezone = \"America/New_York\"\ndelivery = \"hybrid\"\n\n[students]\ncount = 20\n\n[[activities]]\nid = \"class\"\nkind = \"problem-solving\"\nminutes = 75\nat = { day = \"tue\", time = \"09:30\", location = \"Hall 1\" }\nin_person = true\n";
    let breaks = |text: &str| {
        let rec = mixplan::recommend(course::parse(text).unwrap());
        rec.occurrences.list[0]
            .timeline
            .iter()
            .filter(|s| s.kind == mixplan::schedule::SegmentKind::Break)
            .count()
    };
    assert_eq!(breaks(text), 0);
    let online = text
        .replace("delivery = \"hybrid\"\n", "")
        .replace("in_person = true\n", "");
    assert_eq!(breaks(&online), 2);
}
