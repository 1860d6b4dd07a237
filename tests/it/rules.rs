//! One fixture per scoring and decision rule that fires it, and one that does not.

use crate::common::*;
use mixplan::course::Mode;
use mixplan::engine::{self, SCORING_RULES};

/// `(rule, course that fires it for activity "x", course that does not)`.
pub(crate) fn fixtures() -> Vec<(&'static str, String, String)> {
    let plain = |students: &str, rest: &str| course_text("", students, rest);
    let x = |kind: &str, minutes: u32| activity("x", kind, minutes, "");
    vec![
        (
            "real-time-interaction",
            plain("", &x("debate", 45)),
            plain("", &x("reading", 45)),
        ),
        (
            "immediate-feedback",
            plain(
                "",
                &format!(
                    "[content]\ntypes = [\"complex-concepts\"]\n{}",
                    x("problem-solving", 45)
                ),
            ),
            plain(
                "",
                &format!(
                    "[content]\ntypes = [\"reading\"]\n{}",
                    x("problem-solving", 45)
                ),
            ),
        ),
        (
            "community-presence",
            plain("", &x("office-hours", 30)),
            plain("", &x("practice", 30)),
        ),
        (
            "content-benefits-from-live",
            plain(
                "",
                &format!(
                    "[content]\ntypes = [\"discussion-heavy\"]\n{}",
                    x("discussion", 45)
                ),
            ),
            plain(
                "",
                &format!(
                    "[content]\ntypes = [\"discussion-heavy\"]\n{}",
                    x("lab", 45)
                ),
            ),
        ),
        (
            "community-goals",
            plain(
                "",
                &format!(
                    "[goals]\nfocus = [\"collaboration\"]\n{}",
                    x("collaboration", 45)
                ),
            ),
            plain(
                "",
                &format!(
                    "[goals]\nfocus = [\"knowledge-acquisition\"]\n{}",
                    x("collaboration", 45)
                ),
            ),
        ),
        (
            "full-time-students",
            plain("populations = [\"full-time\"]", &x("discussion", 45)),
            plain(
                "populations = [\"full-time\", \"caregivers\"]",
                &x("discussion", 45),
            ),
        ),
        (
            "content-transmission",
            plain("", &x("lecture", 30)),
            plain("", &x("debate", 30)),
        ),
        (
            "self-paced-processing",
            plain("", &x("reading", 30)),
            plain("", &x("q-and-a", 30)),
        ),
        (
            "written-record",
            plain("", &x("peer-review", 30)),
            // A discussion is spoken: a written board is `kind = "forum"`.
            plain("", &x("discussion", 30)),
        ),
        (
            "written-record",
            plain(
                "",
                &activity("x", "project-work", 30, "").replace(
                    "minutes = 30\n",
                    "write = { words = 500, genre = \"argument\", drafting = \"minimal\" }\n",
                ),
            ),
            plain("", &x("project-work", 30)),
        ),
        (
            "hands-on",
            plain("", &x("lab", 45)),
            // A demonstration already scores real-time interaction and feedback.
            plain("", &x("demonstration", 45)),
        ),
        (
            "individual-practice",
            plain("", &x("practice", 60)),
            plain("", &x("discussion", 60)),
        ),
        (
            "reflection",
            plain("", &x("reflection", 20)),
            plain("", &x("demonstration", 20)),
        ),
        (
            "population-flexibility",
            plain("populations = [\"international\"]", &x("discussion", 45)),
            plain("populations = [\"full-time\"]", &x("discussion", 45)),
        ),
        (
            "time-zone-spread",
            // Fires on attendance, not on offsets: evening windows in New York and Tokyo
            // never overlap; waking-day windows (no population listed) do.
            plain(
                "populations = [\"working-adults\"]\n[[students.zones]]\nzone = \"America/New_York\"\ncount = 10\n[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 10",
                &x("discussion", 45),
            ),
            plain(
                "[[students.zones]]\nzone = \"America/New_York\"\ncount = 10\n[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 10",
                &x("discussion", 45),
            ),
        ),
        (
            "unreliable-connectivity",
            plain("reliable_internet = 0.7", &x("discussion", 45)),
            plain("reliable_internet = 0.95", &x("discussion", 45)),
        ),
        (
            "large-class",
            course_text("", "", &x("lecture", 30)).replace("count = 20", "count = 200"),
            // Selected groups present to a large class live: no push to self-paced.
            course_text("", "", &x("presentation", 30)).replace("count = 20", "count = 200"),
        ),
        (
            "large-class",
            course_text("", "", &x("lecture", 30)).replace("count = 20", "count = 200"),
            course_text("", "", &x("demonstration", 30)).replace("count = 20", "count = 200"),
        ),
        (
            "real-time-interaction",
            course_text("", "", &x("debate", 30)).replace("count = 20", "count = 2"),
            // One student has nobody to debate with.
            course_text("", "", &x("debate", 30)).replace("count = 20", "count = 1"),
        ),
        (
            "community-presence",
            course_text("", "", &x("collaboration", 30)).replace("count = 20", "count = 2"),
            course_text("", "", &x("collaboration", 30)).replace("count = 20", "count = 1"),
        ),
        (
            "real-time-interaction",
            // The instructor is a Q&A's partner, so one student keeps the reason.
            course_text("", "", &x("q-and-a", 30)).replace("count = 20", "count = 1"),
            course_text("", "", &x("reading", 30)).replace("count = 20", "count = 1"),
        ),
        (
            "content-suits-self-paced",
            plain(
                "",
                &format!("[content]\ntypes = [\"practice\"]\n{}", x("practice", 30)),
            ),
            plain(
                "",
                &format!("[content]\ntypes = [\"practice\"]\n{}", x("debate", 30)),
            ),
        ),
        (
            "knowledge-goals",
            plain(
                "",
                &format!("[goals]\nfocus = [\"skill-development\"]\n{}", x("lab", 30)),
            ),
            plain(
                "",
                &format!(
                    "[goals]\nfocus = [\"skill-development\", \"community\"]\n{}",
                    x("lab", 30)
                ),
            ),
        ),
        (
            "live-fatigue",
            plain("", &x("discussion", 120)),
            plain("", &x("discussion", 90)),
        ),
    ]
}

fn reasons_of(text: &str, id: &str) -> Vec<&'static str> {
    let course = load_ok(text);
    let plan = engine::plan(&course);
    let index = course.activities.iter().position(|a| a.id == id).unwrap();
    plan.decisions[index]
        .reasons
        .iter()
        .map(|r| r.rule.as_str())
        .collect()
}

#[test]
fn every_scoring_rule_has_fixtures() {
    let fixtures = fixtures();
    for rule in SCORING_RULES {
        assert!(
            fixtures.iter().any(|f| rule.id == f.0),
            "scoring rule `{}` has no fixture",
            rule.id
        );
    }
}

#[test]
fn each_rule_fires_on_its_fixture_and_not_on_the_other() {
    for (rule, fires, quiet) in fixtures() {
        assert!(
            reasons_of(&fires, "x").contains(&rule),
            "`{rule}` did not fire on\n{fires}"
        );
        assert!(
            !reasons_of(&quiet, "x").contains(&rule),
            "`{rule}` fired on\n{quiet}"
        );
    }
}

#[test]
fn reasons_carry_rule_weight_and_favoured_mode() {
    let course = load_ok(&course_text("", "", &activity("x", "lecture", 30, "")));
    let plan = engine::plan(&course);
    let reason = plan.decisions[0]
        .reasons
        .iter()
        .find(|r| r.rule == "content-transmission")
        .unwrap();
    assert_eq!(reason.weight(), 3.0);
    assert_eq!(reason.favors, Mode::Async);
    assert_eq!(plan.decisions[0].scores.async_, 4.5);
    assert_eq!(plan.decisions[0].mode, Mode::Async);
}

// Decision rules.

fn decision(text: &str, id: &str) -> (Mode, Vec<&'static str>) {
    let course = load_ok(text);
    let plan = engine::plan(&course);
    let index = course.activities.iter().position(|a| a.id == id).unwrap();
    let d = &plan.decisions[index];
    (d.mode, d.reasons.iter().map(|r| r.rule.as_str()).collect())
}

#[test]
fn near_ties_go_async() {
    // A lab on practice content: sync 1.0 (hands-on) vs async 1.0 (practice content).
    let text = course_text(
        "delivery = \"hybrid\"",
        "",
        &format!(
            "[content]\ntypes = [\"practice\"]\n{}",
            activity("x", "lab", 30, "")
        ),
    );
    let (mode, reasons) = decision(&text, "x");
    assert_eq!(mode, Mode::Async);
    assert!(reasons.contains(&"near-tie-async"), "{reasons:?}");
    // A clear live case has no tie note.
    let (mode, reasons) = decision(
        &course_text(
            "delivery = \"hybrid\"",
            "",
            &activity("x", "debate", 30, ""),
        ),
        "x",
    );
    assert_eq!(mode, Mode::Sync);
    assert!(!reasons.contains(&"near-tie-async"));
    // Regression: an in-room exam at a fixed time, its scores tied, read "the flexible mode
    // wins" while it stayed live; a pinned or fixed mode gets only its `pinned-mode` note.
    let exam = activity(
        "midterm",
        "exam",
        75,
        "at = { date = 2027-01-28, time = \"09:30\" }\nin_person = true",
    );
    let (mode, reasons) = decision(
        &course_text(
            "delivery = \"hybrid\"\nstart = 2027-01-11",
            "populations = [\"full-time\"]",
            &format!("[goals]\nfocus = [\"knowledge-acquisition\"]\n\n{exam}"),
        ),
        "midterm",
    );
    assert_eq!(mode, Mode::Sync);
    assert!(!reasons.contains(&"near-tie-async"), "{reasons:?}");
    assert!(reasons.contains(&"pinned-mode"), "{reasons:?}");
}

#[test]
fn pinned_modes_are_kept_and_noted() {
    let text = course_text(
        "",
        "",
        &activity("x", "lecture", 30, "mode = \"sync\"\nrecorded = false"),
    );
    let (mode, reasons) = decision(&text, "x");
    assert_eq!(mode, Mode::Sync);
    assert!(reasons.contains(&"pinned-mode"));
    let (_, reasons) = decision(&course_text("", "", &activity("x", "lecture", 30, "")), "x");
    assert!(!reasons.contains(&"pinned-mode"));
}

#[test]
fn over_the_band_the_weakest_live_choice_moves() {
    // A debate and a problem-solving clinic of 100 minutes: 200 min/week is over the 180
    // ceiling, and the clinic (no presence reason) is the weaker live case.
    let strong = activity("strong", "debate", 100, "");
    let weak = activity("weak", "problem-solving", 100, "");
    let text = course_text("", "", &format!("{strong}{weak}"));
    let (mode, reasons) = decision(&text, "weak");
    assert_eq!(mode, Mode::Async, "{reasons:?}");
    assert!(reasons.contains(&"band-over"));
    assert_eq!(decision(&text, "strong").0, Mode::Sync);
    // Within the band nothing moves.
    let text = course_text("", "", &strong);
    assert!(!decision(&text, "strong").1.contains(&"band-over"));
}

#[test]
fn under_the_band_the_strongest_async_candidate_moves_live() {
    // Only a presentation for working adults on a knowledge course (flexibility wins, so
    // async) and a lecture: live time 0 is under the 60 minute floor.
    let text = course_text(
        "",
        "populations = [\"working-adults\"]",
        &format!(
            "[goals]\nfocus = [\"knowledge-acquisition\"]\n{}{}",
            activity("lab", "presentation", 60, ""),
            activity("talk", "lecture", 60, "")
        ),
    );
    let (mode, reasons) = decision(&text, "lab");
    assert_eq!(mode, Mode::Sync, "{reasons:?}");
    assert!(reasons.contains(&"band-under"));
    // Content transmission is never moved live.
    assert_eq!(decision(&text, "talk").0, Mode::Async);
}

#[test]
fn unreachable_band_is_advice_not_a_live_lecture() {
    let text = course_text("", "", &activity("talk", "lecture", 60, ""));
    let course = load_ok(&text);
    let plan = engine::plan(&course);
    assert_eq!(plan.decisions[0].mode, Mode::Async);
    assert!(plan.notes.iter().any(|a| a.rule() == "band-unreachable"));
    // A hybrid course is held to the band on its online sittings: one that meets nobody,
    // online or in a room, is under the floor too.
    let unreachable = |text: &str| {
        engine::plan(&load_ok(text))
            .notes
            .iter()
            .any(|a| a.rule() == "band-unreachable")
    };
    let talk = activity("talk", "lecture", 60, "");
    assert!(unreachable(&course_text(
        "delivery = \"hybrid\"",
        "",
        &talk
    )));
    // A class in a room counts towards the floor: 90 minutes a week reach it.
    let room = activity(
        "class",
        "discussion",
        90,
        "at = { day = \"tue\", time = \"10:00\" }\nin_person = true",
    );
    let hybrid = course_text("delivery = \"hybrid\"", "", &format!("{talk}{room}"));
    assert!(!unreachable(&hybrid), "{hybrid}");
}

#[test]
fn auto_pattern_is_explained() {
    // Working adults' evenings in New York and Tokyo never overlap: one time reaches half.
    let wide = course_text(
        "",
        "populations = [\"working-adults\"]\n[[students.zones]]\nzone = \"America/New_York\"\ncount = 10\n[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 10",
        &format!(
            "{}{}",
            activity("x", "debate", 60, ""),
            activity("y", "debate", 60, "")
        ),
    );
    let plan = engine::plan(&load_ok(&wide));
    assert_eq!(plan.pattern.as_str(), "alternating");
    let reason = mixplan::render::words::pattern_reason(plan.pattern_choice);
    assert!(reason.contains("reaches 10 of 20 students"), "{reason}");
    // One 45-minute debate halved would leave 22.5 min/week, under the 60-minute floor.
    let thin = wide.replace("minutes = 60", "minutes = 45").replace(
        "id = \"y\"\nkind = \"debate\"",
        "id = \"y\"\nkind = \"reading\"",
    );
    let plan = engine::plan(&load_ok(&thin));
    assert_eq!(plan.pattern.as_str(), "flipped");
    let reason = mixplan::render::words::pattern_reason(plan.pattern_choice);
    assert!(reason.contains("below the band's 60"), "{reason}");
    let near = course_text("", "", &activity("x", "debate", 45, ""));
    let plan = engine::plan(&load_ok(&near));
    assert_eq!(plan.pattern.as_str(), "flipped");
    assert!(plan.notes.iter().any(|a| a.rule() == "pattern-choice"));
}

#[test]
fn catalog_lists_every_rule_the_engine_can_emit() {
    let ids: Vec<&str> = mixplan::rules::RuleId::names().collect();
    for rule in [
        "near-tie-async",
        "pinned-mode",
        "band-over",
        "band-under",
        "band-unreachable",
        "pattern-choice",
    ] {
        assert!(ids.contains(&rule), "{rule} missing from the catalog");
    }
    for rule in SCORING_RULES {
        assert!(ids.contains(&rule.id.as_str()));
    }
}
