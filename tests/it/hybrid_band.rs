//! Hybrid courses and the band, as properties: sittings in a room are never balanced, stay
//! outside the ceiling and count towards the floor; live time never grows as connectivity
//! falls, rooms or not.

use mixplan::course::{self, Mode};
use mixplan::rules::RuleId;
use proptest::prelude::*;

const ONLINE_KINDS: &[&str] = &[
    "discussion",
    "debate",
    "q-and-a",
    "problem-solving",
    "collaboration",
    "lecture",
    "reading",
    "practice",
    "forum",
];
const ROOM_KINDS: &[&str] = &["discussion", "lab", "problem-solving", "lecture"];
const DAYS: &[&str] = &["mon", "tue", "wed", "thu", "fri"];

prop_compose! {
    fn hybrid_course()(
        weeks in 2u32..=14,
        count in 2u32..=200,
        band in (0u32..=3, 1u32..=4),
        rooms in proptest::collection::vec((0..ROOM_KINDS.len(), 30u32..=200), 0..4),
        online in proptest::collection::vec((0..ONLINE_KINDS.len(), 10u32..=120, any::<bool>()), 1..10),
    ) -> String {
        let (lo, hi) = (band.0.min(band.1), band.0.max(band.1));
        let mut text = format!(
            "[course]\ntitle = \"H\"\nweeks = {weeks}\nsync_hours = [{lo}.0, {hi}.5]\ndelivery = \"hybrid\"\n\n[students]\ncount = {count}\n\n",
        );
        // One room a day, so rooms never overlap.
        for (i, (kind, minutes)) in rooms.into_iter().enumerate() {
            text.push_str(&format!(
                "[[activities]]\nid = \"room{i}\"\nkind = \"{}\"\nminutes = {minutes}\nat = {{ day = \"{}\", time = \"09:00\" }}\nin_person = true\n\n",
                ROOM_KINDS[kind], DAYS[i],
            ));
        }
        for (i, (kind, minutes, fortnightly)) in online.into_iter().enumerate() {
            let every = if fortnightly { "2-weeks" } else { "week" };
            text.push_str(&format!(
                "[[activities]]\nid = \"a{i}\"\nkind = \"{}\"\nminutes = {minutes}\nevery = \"{every}\"\n\n",
                ONLINE_KINDS[kind],
            ));
        }
        text
    }
}

fn has(d: &mixplan::engine::Decision, rule: RuleId) -> bool {
    d.reasons.iter().any(|r| r.rule == rule)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, .. ProptestConfig::default() })]

    /// A sitting in a room is always live in every week it is written for, never a balancing
    /// candidate, and never part of the online measure.
    #[test]
    fn rooms_are_never_balanced_and_stay_out_of_the_online_measure(text in hybrid_course()) {
        let course = course::parse(&text).unwrap();
        let plan = mixplan::engine::plan(&course);
        for d in &plan.decisions {
            let a = &course.activities[d.index];
            if a.in_person {
                prop_assert_eq!(d.mode, Mode::Sync);
                prop_assert_eq!(&d.weeks, &a.occurrence_weeks(&course.meta));
                prop_assert!(!has(d, RuleId::BandOver) && !has(d, RuleId::BandUnder), "{} balanced", a.id);
            }
        }
        // The online measure is the same with the rooms taken out of the course.
        let online_only: Vec<_> = plan
            .decisions
            .iter()
            .map(|d| {
                let mut d = d.clone();
                if course.activities[d.index].in_person {
                    d.mode = Mode::Async;
                    d.weeks.clear();
                }
                d
            })
            .collect();
        let measure = mixplan::engine::sitting_minutes(&course, &plan.decisions);
        let without_rooms = mixplan::engine::sitting_minutes(&course, &online_only);
        prop_assert!((measure - without_rooms).abs() < 1e-9);
    }

    /// Rooms count towards the floor: when they alone reach it, nothing moves live for the
    /// band; and moving live never takes online time over the written ceiling.
    #[test]
    fn rooms_that_reach_the_floor_leave_nothing_to_move_live(text in hybrid_course()) {
        let course = course::parse(&text).unwrap();
        let plan = mixplan::engine::plan(&course);
        let (floor, ceiling) = plan.summary.band_minutes;
        let rooms = mixplan::engine::balance::room_minutes(&course);
        if rooms >= floor - 1e-9 {
            for d in &plan.decisions {
                prop_assert!(!has(d, RuleId::BandUnder), "{} moved live with {rooms} room minutes", course.activities[d.index].id);
            }
        }
        if plan.decisions.iter().any(|d| has(d, RuleId::BandUnder)) {
            let online = mixplan::engine::sitting_minutes(&course, &plan.decisions);
            prop_assert!(online <= ceiling + 1e-6, "{online} over {ceiling}");
        }
    }

    /// Fewer connected students never means more online live time, rooms or not.
    #[test]
    fn hybrid_live_time_does_not_grow_as_connectivity_falls(
        text in hybrid_course(),
        shares in (0u32..=100, 0u32..=100),
    ) {
        let (low, high) = (shares.0.min(shares.1), shares.0.max(shares.1));
        let with = |share| crate::common::live_minutes_with_connected_share(&text, share);
        let (l, h) = (with(low), with(high));
        prop_assert!(l <= h + 1e-6, "{low}% connected: {l} live min/week; {high}%: {h}");
    }
}

/// A hybrid course whose 30-minute room time leaves the floor short says what the online
/// sittings still need beside the rooms, not that the band's floor is 30 minutes.
#[test]
fn advice_under_the_floor_counts_the_rooms() {
    let text = "[course]\ntitle = \"H\"\nweeks = 6\ndelivery = \"hybrid\"\n\n[students]\ncount = 10\n\n[[activities]]\nid = \"room\"\nkind = \"q-and-a\"\nminutes = 30\nat = { day = \"tue\", time = \"10:00\" }\nin_person = true\n\n[[activities]]\nid = \"videos\"\nkind = \"lecture\"\nminutes = 60\n";
    let rec = mixplan::recommend(course::parse(text).unwrap());
    let table = mixplan::render::recommendation(
        &rec,
        mixplan::render::Format::Table,
        mixplan::render::Style {
            color: false,
            width: Some(400),
        },
    );
    assert!(
        table.contains("online live time stays at 0 min/week, below the 30 the band's floor still needs beside the 30 min/week in rooms"),
        "{table}"
    );
    assert!(
        table.contains(
            "weekly live time, online and in rooms, is 0.5 h (30 min), below the band of 1-3 h"
        ),
        "{table}"
    );
}

/// Regression: the student page told students away from a room to "watch the recording" of a
/// session that is not recorded (a room's default); they get the self-paced response alone.
#[test]
fn page_route_for_a_room_that_is_not_recorded_has_no_recording() {
    let room = |recorded: bool| {
        format!(
            "[course]\ntitle = \"H\"\nweeks = 2\nstart = 2027-01-11\ntimezone = \"America/New_York\"\ndelivery = \"hybrid\"\n\n[students]\ncount = 10\n\n[[students.zones]]\nzone = \"America/New_York\"\ncount = 8\n\n[[students.zones]]\nzone = \"America/Chicago\"\ncount = 2\n\n[[activities]]\nid = \"seminar\"\nkind = \"discussion\"\nminutes = 60\nat = {{ day = \"tue\", time = \"12:00\" }}\nin_person = true\nrecorded = {recorded}\n"
        )
    };
    let page = |recorded: bool| {
        let rec = mixplan::recommend(course::parse(&room(recorded)).unwrap());
        mixplan::render::schedule(
            &rec,
            mixplan::render::Format::Html,
            mixplan::render::Style::PLAIN,
        )
    };
    let quiet = page(false);
    assert!(
        quiet.contains(
            "America/Chicago (2): the session is not recorded: a self-paced response due"
        ),
        "{quiet}"
    );
    assert!(!quiet.contains("watch the recording"), "{quiet}");
    let recorded = page(true);
    assert!(
        recorded.contains("America/Chicago (2): watch the recording, response due"),
        "{recorded}"
    );
}

/// A room reaches only the organizer's zone: the sitting itself (as the JSON lists it), its
/// unit and its finding agree that students elsewhere are uncovered in every held week, even
/// when the room's time sits inside their window; with a start date or without.
#[test]
fn a_room_leaves_students_elsewhere_uncovered_in_the_sitting_and_its_unit() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/it/scenarios/58-room-reaches-only-the-organizers-zone.toml"),
    )
    .unwrap();
    for dated in [true, false] {
        let text = if dated {
            text.clone()
        } else {
            text.replace("start = 2027-01-11\n", "")
        };
        let rec = mixplan::recommend(course::parse(&text).unwrap());
        let sitting = seminar(&rec);
        assert_eq!(sitting.students_covered, 20, "dated: {dated}");
        assert_eq!(sitting.excluded, vec![("America/Chicago".to_string(), 5)]);
        let chicago = &sitting.uncovered[0];
        if dated {
            assert_eq!(chicago.weeks, vec![1, 2, 3, 4, 5, 6]);
        } else {
            assert_eq!(chicago.samples, vec!["january", "july"]);
        }
        let unit = rec.schedule.units.iter().find(|u| u.in_person).unwrap();
        assert_eq!(unit.students_covered, 20);
        assert_eq!(unit.uncovered.len(), 1);
    }
    // The same seminar online (no room) reaches Chicago's evening: nobody is uncovered.
    let online = text
        .replace("delivery = \"hybrid\"\n", "")
        .replace("in_person = true\n", "");
    let rec = mixplan::recommend(course::parse(&online).unwrap());
    let sitting = seminar(&rec);
    assert_eq!(sitting.students_covered, 25);
    assert!(sitting.uncovered.is_empty());
}

fn seminar(rec: &mixplan::Recommendation) -> &mixplan::schedule::Sitting {
    rec.schedule
        .sittings
        .iter()
        .find(|s| s.id == "seminar")
        .unwrap()
}
