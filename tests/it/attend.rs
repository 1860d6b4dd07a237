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
