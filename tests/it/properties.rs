//! Property tests: invariants that hold for any course, and input that never panics.

use mixplan::course::{self, Mode};
use proptest::prelude::*;

const KINDS: &[&str] = mixplan::course::ActivityKind::NAMES;
const POPULATIONS: &[&str] = mixplan::course::Population::NAMES;

fn activity_strategy() -> impl Strategy<Value = (usize, u32, u8, Option<bool>)> {
    (
        0..KINDS.len(),
        5u32..=180,
        0u8..3,
        proptest::option::of(any::<bool>()),
    )
}

prop_compose! {
    fn course_text()(
        weeks in 1u32..=20,
        count in 1u32..=500,
        populations in proptest::sample::subsequence(POPULATIONS.to_vec(), 0..=3),
        hybrid in any::<bool>(),
        band in (0u32..=4, 0u32..=4),
        activities in proptest::collection::vec(activity_strategy(), 1..25),
    ) -> String {
        let (lo, hi) = (band.0.min(band.1), band.0.max(band.1));
        let mut text = format!(
            "[course]\ntitle = \"P\"\nweeks = {weeks}\nsync_hours = [{lo}.0, {hi}.5]\ndelivery = \"{}\"\n\n[students]\ncount = {count}\npopulations = {:?}\n\n",
            if hybrid { "hybrid" } else { "online" },
            populations,
        );
        for (i, (kind, minutes, every, pin)) in activities.into_iter().enumerate() {
            let kind = KINDS[kind];
            // An exam does not recur and takes no mode; forums are self-paced, office hours live.
            let every = if kind == "exam" { "once" } else { ["week", "2-weeks", "once"][every as usize] };
            text.push_str(&format!(
                "[[activities]]\nid = \"a{i}\"\nkind = \"{kind}\"\nminutes = {minutes}\nevery = \"{every}\"\n",
            ));
            let allowed = |sync: bool| match kind {
                "exam" => false,
                "forum" => !sync,
                "office-hours" => sync,
                _ => true,
            };
            if let Some(sync) = pin.filter(|&s| allowed(s)) {
                text.push_str(if sync { "mode = \"sync\"\n" } else { "mode = \"async\"\n" });
            }
        }
        text
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn every_activity_gets_exactly_one_mode_and_pins_hold(text in course_text()) {
        let course = course::parse(&text).unwrap();
        let rec = mixplan::recommend(course);
        prop_assert_eq!(rec.plan.decisions.len(), rec.course.activities.len());
        for (i, d) in rec.plan.decisions.iter().enumerate() {
            prop_assert_eq!(d.index, i);
            if let Some(pinned) = rec.course.activities[i].mode {
                prop_assert_eq!(d.mode, pinned);
            }
        }
        // Each occurrence appears once in the schedule, in the decided mode.
        for d in &rec.plan.decisions {
            let seen = rec.schedule.weeks.iter()
                .flat_map(|w| &w.items)
                .filter(|item| item.activity == d.index)
                .inspect(|item| assert_eq!(item.mode, d.mode))
                .count();
            prop_assert_eq!(seen, d.weeks.len());
        }
    }

    #[test]
    fn band_holds_when_enough_activities_can_move(text in course_text()) {
        let course = course::parse(&text).unwrap();
        let plan = mixplan::engine::plan(&course);
        let s = plan.summary;
        let (min, max) = s.band_minutes;
        if s.band_enforced {
            let pinned_sync: f64 = plan.decisions.iter()
                .filter(|d| d.pinned && d.mode == Mode::Sync)
                .map(|d| d.weekly_minutes(&course.activities[d.index], course.meta.weeks))
                .sum();
            // Over the ceiling (measured on sittings) only when pinned live time alone exceeds
            // it, or when every activity still movable would take live time below the floor.
            if s.sync_sitting_minutes_per_week > max + 1e-6 {
                let movable_without_crossing = plan.decisions.iter()
                    .filter(|d| mixplan::engine::may_move_self_paced(&course, d))
                    .any(|d| with_mode(&course, &plan, d.index, Mode::Async) >= min - 1e-6);
                prop_assert!(pinned_sync > max || !movable_without_crossing, "over the band with movable activities: {:?}", s);
                prop_assert!(plan.notes.iter().any(|a| a.rule() == "band-over"));
            }
            // Under the floor only with advice saying why.
            if s.sync_sitting_minutes_per_week < min - 1e-6 {
                prop_assert!(plan.notes.iter().any(|a| a.rule() == "band-unreachable"));
            }
        }
    }

    #[test]
    fn planning_is_deterministic(text in course_text()) {
        let render = |t: &str| {
            let rec = mixplan::recommend(course::parse(t).unwrap());
            mixplan::render::pretty(&mixplan::render::json::recommendation(&rec))
        };
        prop_assert_eq!(render(&text), render(&text));
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let (_, loaded) = course::load_bytes(&bytes);
        prop_assert!(loaded.course.is_some() || !loaded.diagnostics.is_empty());
    }

    #[test]
    fn arbitrary_toml_never_panics(text in "[\\[\\]a-z_=\"0-9\\.\\{\\}, \n#-]{0,400}") {
        let loaded = course::load(&text);
        prop_assert!(loaded.course.is_some() || !loaded.diagnostics.is_empty());
        if let Some(course) = loaded.course {
            let _ = mixplan::recommend(course);
        }
    }

    #[test]
    fn mutated_valid_courses_never_panic(text in course_text(), at in any::<prop::sample::Index>(), junk in "[\\[\\]=\"a-z0-9\n]{1,8}") {
        let cut = at.index(text.len());
        let mutated = format!("{}{junk}{}", &text[..cut], &text[cut..]);
        let loaded = course::load(&mutated);
        if let Some(course) = loaded.course {
            let rec = mixplan::recommend(course);
            let _ = mixplan::render::recommendation(&rec, mixplan::render::Format::Table, mixplan::render::Style::PLAIN);
        } else {
            prop_assert!(!loaded.diagnostics.is_empty());
        }
    }
}

/// The band's measure (sitting minutes) of `plan` with activity `index` switched to `mode`.
fn with_mode(
    course: &course::Course,
    plan: &mixplan::engine::Plan,
    index: usize,
    mode: Mode,
) -> f64 {
    mixplan::engine::sitting_minutes(course, &switched(course, plan, index, mode))
}

/// The band's measure of each week of `plan` with activity `index` switched to `mode`.
fn weeks_with_mode(
    course: &course::Course,
    plan: &mixplan::engine::Plan,
    index: usize,
    mode: Mode,
) -> Vec<u32> {
    mixplan::engine::week_sitting_minutes(course, &switched(course, plan, index, mode))
}

/// The decisions of `plan` with activity `index` switched to `mode`, in the weeks that mode
/// gives it.
fn switched(
    course: &course::Course,
    plan: &mixplan::engine::Plan,
    index: usize,
    mode: Mode,
) -> Vec<mixplan::engine::Decision> {
    let mut decisions = plan.decisions.clone();
    decisions[index].mode = mode;
    decisions[index].weeks = mixplan::engine::activity_weeks(
        &course.activities[index],
        mode,
        plan.pattern,
        &course.meta,
    );
    decisions
}

/// Whether a band-over move was made for one week over the written ceiling.
fn week_move(d: &mixplan::engine::Decision) -> bool {
    d.reasons.iter().any(|r| {
        matches!(
            r.kind,
            mixplan::engine::ReasonKind::Note(mixplan::engine::Note::BandMove {
                week: Some(_),
                ..
            })
        )
    })
}

fn has(d: &mixplan::engine::Decision, rule: &str) -> bool {
    d.reasons.iter().any(|r| r.rule == rule)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    /// Under the floor, only what gains from live time moves live: never individual work,
    /// content transmission or a one-off.
    #[test]
    fn band_under_moves_only_what_gains_from_live(text in course_text()) {
        let course = course::parse(&text).unwrap();
        let plan = mixplan::engine::plan(&course);
        for d in plan.decisions.iter().filter(|d| has(d, "band-under")) {
            let a = &course.activities[d.index];
            prop_assert!(!a.kind.is_individual_work(), "{} moved live", a.kind);
            prop_assert!(!a.kind.is_content_transmission(), "{} moved live", a.kind);
            prop_assert!(a.occurrence_weeks(&course.meta).len() > 1, "one-off {} moved live", a.id);
            prop_assert!(mixplan::engine::gains_from_live(d));
            prop_assert!(!d.pinned);
        }
    }

    /// After moves over the ceiling, no moved activity could be put back within the effective
    /// ceiling without overfilling a week, and live time never ends below the floor it started
    /// above.
    #[test]
    fn band_over_moves_are_minimal_and_keep_the_floor(text in course_text()) {
        let course = course::parse(&text).unwrap();
        let plan = mixplan::engine::plan(&course);
        let (min, written) = plan.summary.band_minutes;
        let max = plan.summary.effective_ceiling_minutes;
        let total = mixplan::engine::sitting_minutes(&course, &plan.decisions);
        let moved: Vec<_> = plan.decisions.iter().filter(|d| has(d, "band-over")).collect();
        if !moved.is_empty() {
            prop_assert!(total >= min - 0.01, "ended at {total}, below the floor {min}");
            for d in moved {
                let a = &course.activities[d.index];
                let back = with_mode(&course, &plan, d.index, Mode::Sync);
                let weeks = weeks_with_mode(&course, &plan, d.index, Mode::Sync);
                let overfull = weeks.iter().any(|&w| f64::from(w) > written + 1e-6);
                prop_assert!(back > max + 1e-6 || overfull, "{} could go back: {back} <= {max}", a.id);
                prop_assert!(!d.pinned && a.kind != mixplan::course::ActivityKind::OfficeHours);
            }
        }
    }

    /// Over the ceiling the weakest live case moves first: no activity is moved self-paced
    /// while a movable one with a lower margin stays live, unless moving that one would have
    /// dropped live time below the floor (the skip rule) or a single overfull week made the
    /// move.
    #[test]
    fn band_over_moves_the_weakest_live_case_first(text in course_text()) {
        let course = course::parse(&text).unwrap();
        let plan = mixplan::engine::plan(&course);
        let (min, _) = plan.summary.band_minutes;
        let movable = |d: &mixplan::engine::Decision| {
            let a = &course.activities[d.index];
            !d.pinned && a.in_band() && a.kind != mixplan::course::ActivityKind::OfficeHours
        };
        for m in plan.decisions.iter().filter(|d| has(d, "band-over") && !week_move(d)) {
            for c in plan.decisions.iter().filter(|c| c.mode == Mode::Sync && movable(c) && c.margin < m.margin) {
                let without = with_mode(&course, &plan, c.index, Mode::Async);
                // Or `c` moved too and was put back: `m`, considered first, did not fit.
                let mut swapped = plan.clone();
                for (i, mode) in [(c.index, Mode::Async), (m.index, Mode::Sync)] {
                    swapped.decisions[i].mode = mode;
                    swapped.decisions[i].weeks = mixplan::engine::activity_weeks(
                        &course.activities[i], mode, plan.pattern, &course.meta,
                    );
                }
                let swapped_mean = mixplan::engine::sitting_minutes(&course, &swapped.decisions);
                let swapped_full = mixplan::engine::week_sitting_minutes(&course, &swapped.decisions)
                    .iter()
                    .any(|&w| f64::from(w) > plan.summary.band_minutes.1 + 1e-6);
                let put_back = swapped_mean > plan.summary.effective_ceiling_minutes + 1e-6 || swapped_full;
                prop_assert!(
                    without < min - 1e-6 || put_back,
                    "{} (margin {}) moved while {} (margin {}) stays live and could move ({without} >= {min})",
                    course.activities[m.index].id, m.margin, course.activities[c.index].id, c.margin
                );
            }
        }
    }

    /// Fewer connected students never means more live time.
    #[test]
    fn live_time_does_not_grow_as_connectivity_falls(
        text in course_text(),
        shares in (0u32..=100, 0u32..=100),
    ) {
        let (low, high) = (shares.0.min(shares.1), shares.0.max(shares.1));
        let with = |share| crate::common::live_minutes_with_connected_share(&text, share);
        let (l, h) = (with(low), with(high));
        prop_assert!(l <= h + 1e-6, "{low}% connected: {l} live min/week; {high}%: {h}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    /// No packed sitting holding more than one activity holds over 90 minutes of activities
    /// (breaks come on top); an activity over 90 minutes sits alone; activities keep their
    /// file order within a sitting, and each is placed exactly once.
    #[test]
    fn packed_sittings_hold_ninety_minutes(minutes in proptest::collection::vec(1u32..=600, 0..40)) {
        use mixplan::engine::sittings::{pack, segments, MAX_SITTING_MINUTES};
        let parts: Vec<(usize, u32)> = minutes.iter().copied().enumerate().collect();
        let packed = pack(&parts);
        let mut seen: Vec<usize> = packed.iter().flatten().map(|p| p.0).collect();
        for sitting in &packed {
            prop_assert!(!sitting.is_empty());
            prop_assert!(sitting.windows(2).all(|w| w[0].0 < w[1].0), "file order: {sitting:?}");
            if sitting.len() > 1 {
                let total: u32 = sitting.iter().map(|p| p.1).sum();
                prop_assert!(total <= MAX_SITTING_MINUTES, "{sitting:?} holds {total} min");
            }
            // Focus never runs past 30 minutes without a break, except a single activity of at
            // most 30 minutes that is not cut.
            let mut focus = 0;
            for (activity, m) in segments(sitting) {
                match activity {
                    Some(_) => { focus += m; prop_assert!(focus <= 30, "{sitting:?}"); }
                    None => focus = 0,
                }
            }
        }
        seen.sort_unstable();
        prop_assert_eq!(seen, (0..minutes.len()).collect::<Vec<_>>());
    }

    /// Coverage findings fire exactly when a searched unit reaches no student (error) or
    /// under half of the class (warning), and an optional unit reaches nobody (info).
    #[test]
    fn coverage_findings_fire_exactly_when_they_should(text in course_text(), zone in 0usize..4, window in 0usize..4) {
        let zones = ["America/New_York", "Asia/Tokyo", "Europe/London", "Australia/Sydney"];
        let windows = ["06:00-06:30", "18:00-22:00", "09:00-10:00", "08:00-22:00"];
        let t = text.replacen(
            "\n[[activities]]",
            &format!("\n[[students.zones]]\nzone = \"{}\"\ncount = 1\navailable = \"{}\"\n\n[[activities]]", zones[zone], windows[window]),
            1,
        );
        let Ok(course) = course::parse(&t) else { return Ok(()); };
        let rec = mixplan::recommend(course);
        let rules: Vec<&str> = rec.advice.iter().map(|a| a.rule().as_str()).collect();
        let count = rec.course.students.count;
        // Coverage is judged per unit: a searched sitting with its repeat (a `live_at` slot is
        // judged as fixed), an activity with its sections, a dated one-off, an exam.
        use mixplan::schedule::UnitKind;
        let units = &rec.schedule.units;
        let searched = |u: &&mixplan::schedule::Unit| u.kind == UnitKind::Searched && !u.optional;
        let none = units.iter().filter(searched).any(|u| u.students_covered == 0);
        let none_optional = units.iter().any(|u| u.optional && u.students_covered == 0);
        let low = units.iter().filter(searched).any(|u| u.students_covered > 0
            && f64::from(u.students_covered) < f64::from(count) * 0.5);
        prop_assert_eq!(rules.contains(&"unreachable-sitting"), none);
        prop_assert_eq!(rules.contains(&"unreachable-optional-sitting"), none_optional);
        prop_assert_eq!(rules.contains(&"low-sitting-coverage"), low);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, .. ProptestConfig::default() })]

    /// In the schedule itself, no searched sitting holding more than one activity holds over
    /// 90 minutes of activities in any week (its breaks come on top).
    #[test]
    fn scheduled_searched_sittings_hold_ninety_minutes(text in course_text()) {
        let rec = mixplan::recommend(course::parse(&text).unwrap());
        for week in &rec.schedule.weeks {
            for held in &week.sittings {
                let sitting = &rec.schedule.sittings[held.sitting];
                if !sitting.fixed && held.activities.len() > 1 {
                    let total: u32 = held.activities.iter().map(|&a| rec.course.activities[a].minutes).sum();
                    prop_assert!(total <= 90, "week {}: {} holds {} min", week.week, sitting.id, total);
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 120, .. ProptestConfig::default() })]

    /// Every alternating plan whose live work alternates ends on a live synthesis week: the
    /// last teaching week has a required live item.
    #[test]
    fn alternating_ends_on_a_live_week(text in course_text()) {
        let text = text.replacen("delivery = ", "pattern = \"alternating\"\ndelivery = ", 1);
        let course = course::parse(&text).unwrap();
        let plan = mixplan::engine::plan(&course);
        let teaching = course.meta.teaching_weeks(false);
        let halved_live = plan.decisions.iter().any(|d| {
            d.mode == Mode::Sync && mixplan::engine::is_halvable(&course.activities[d.index])
        });
        if teaching.len() >= 2 && halved_live {
            let last = *teaching.last().unwrap();
            let live_last = plan.decisions.iter().any(|d| {
                d.mode == Mode::Sync && course.activities[d.index].in_band() && d.weeks.contains(&last)
            });
            prop_assert!(live_last, "week {last} has no live work");
        }
    }

    /// The pattern sentence's claims (live weeks out of teaching weeks, and where they end)
    /// match the weeks of the same JSON.
    #[test]
    fn pattern_sentence_matches_the_json_weeks(text in course_text(), alternating in any::<bool>()) {
        let text = if alternating {
            text.replacen("delivery = ", "pattern = \"alternating\"\ndelivery = ", 1)
        } else {
            text
        };
        let rec = mixplan::recommend(course::parse(&text).unwrap());
        let json = mixplan::render::json::recommendation(&rec);
        let reason = json["summary"]["pattern_reason"].as_str().unwrap().to_string();
        let kinds_outside_band = ["exam"];
        let live_weeks: Vec<u64> = json["schedule"]["weeks"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|w| {
                w["items"].as_array().unwrap().iter().any(|i| {
                    i["mode"] == "sync"
                        && i["optional"] == false
                        && !kinds_outside_band.contains(&i["kind"].as_str().unwrap_or(""))
                })
            })
            .map(|w| w["week"].as_u64().unwrap())
            .collect();
        if let Some(rest) = reason.split("required live work meets in ").nth(1) {
            let mut words = rest.split(' ');
            let live: usize = words.next().unwrap().parse().unwrap();
            prop_assert_eq!(live, live_weeks.len(), "{}", reason);
            let last = live_weeks.last().copied().unwrap_or(0);
            prop_assert!(
                reason.contains(&format!("week {last}")),
                "{} vs live weeks {:?}", reason, live_weeks
            );
        }
        if reason.contains("nothing required runs live") {
            prop_assert!(live_weeks.is_empty(), "{} vs {:?}", reason, live_weeks);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100, .. ProptestConfig::default() })]

    /// `per = "total"` with `minutes`: the shares sum to the total, differ by at most one
    /// minute, and the larger ones come first.
    #[test]
    fn minutes_per_total_spread_exactly(n in 2usize..=10, share in 1u32..=600, extra in 0u32..10) {
        let total = (share * n as u32).saturating_sub(extra.min(share * n as u32 - 1));
        let weeks: Vec<String> = (1..=n).map(|w| w.to_string()).collect();
        let text = format!(
            "[course]\ntitle = \"P\"\nweeks = 12\n\n[students]\ncount = 10\n\n[[activities]]\nid = \"p\"\nkind = \"project-work\"\nminutes = {total}\nper = \"total\"\nweeks = [{}]\n",
            weeks.join(", ")
        );
        let rec = mixplan::recommend(course::parse(&text).unwrap());
        let load = rec.workload();
        let minutes = &load.activities.iter().find(|a| a.activity == 0).unwrap().minutes;
        prop_assert_eq!(minutes.iter().sum::<u64>(), u64::from(total));
        prop_assert!(minutes.windows(2).all(|w| w[0] >= w[1] && w[0] - w[1] <= 1), "{:?}", minutes);
    }

    /// `interactive-work-self-paced` fires exactly on activities pinned self-paced whose scores
    /// favour live by 2 points or more.
    #[test]
    fn interactive_work_self_paced_fires_exactly_on_strong_live_cases(text in course_text()) {
        let course = course::parse(&text).unwrap();
        let plan = mixplan::engine::plan(&course);
        let report = mixplan::check::check_bytes("p.toml".into(), text.as_bytes(), &mixplan::check::Options::default());
        for d in &plan.decisions {
            let a = &course.activities[d.index];
            let expected = d.pinned && d.mode == Mode::Async && a.spans.mode.is_some() && d.margin >= 2.0;
            let fired = report.diagnostics.iter().any(|f| {
                f.rule == mixplan::rules::RuleId::InteractiveWorkSelfPaced
                    && f.message.starts_with(&format!("`{}` ", a.id))
            });
            prop_assert_eq!(fired, expected, "{} margin {}", a.id, d.margin);
        }
    }
}
