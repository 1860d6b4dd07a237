//! `live-heavy-unreliable-internet`, as a property: with at most 80% of students on a
//! dependable connection and online live time above the effective ceiling, a warning when
//! the work balancing may not move (fixed, pinned, office hours) alone exceeds it, else an
//! info (only the floor guard held moves back); nothing otherwise.

use mixplan::course::{self, Mode};
use mixplan::diagnostic::Severity;
use mixplan::rules::RuleId;
use proptest::prelude::*;

const KINDS: &[&str] = &[
    "discussion",
    "debate",
    "q-and-a",
    "problem-solving",
    "lecture",
];

prop_compose! {
    fn course_text()(
        share in 0u32..=100,
        hybrid in any::<bool>(),
        activities in proptest::collection::vec((0..KINDS.len(), 10u32..=150, any::<bool>()), 1..8),
    ) -> String {
        let mut text = format!(
            "[course]\ntitle = \"C\"\nweeks = 6\n{}\n[students]\ncount = 30\nreliable_internet = {}\n\n",
            if hybrid { "delivery = \"hybrid\"\n" } else { "" },
            f64::from(share) / 100.0,
        );
        for (i, (kind, minutes, pinned)) in activities.into_iter().enumerate() {
            text.push_str(&format!(
                "[[activities]]\nid = \"a{i}\"\nkind = \"{}\"\nminutes = {minutes}\n{}\n",
                KINDS[kind],
                if pinned { "mode = \"sync\"\n" } else { "" },
            ));
        }
        text
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn live_heavy_unreliable_internet_is_a_warning_only_for_unmovable_work(text in course_text()) {
        let course = course::parse(&text).unwrap();
        let rec = mixplan::recommend(course);
        let course = &rec.course;
        let found: Vec<Severity> = rec
            .advice
            .iter()
            .filter_map(|a| match a {
                mixplan::findings::Advice::Check(d) if d.rule == RuleId::LiveHeavyUnreliableInternet => Some(d.severity),
                _ => None,
            })
            .collect();
        let share = course.students.reliable_internet.unwrap();
        let effective = rec.plan.summary.effective_ceiling_minutes;
        let live = mixplan::engine::round2(mixplan::engine::sitting_minutes(course, &rec.plan.decisions));
        let unmovable: Vec<_> = rec
            .plan
            .decisions
            .iter()
            .map(|d| {
                let mut d = d.clone();
                if mixplan::engine::may_move_self_paced(course, &d) {
                    d.mode = Mode::Async;
                    d.weeks.clear();
                }
                d
            })
            .collect();
        let unmovable = mixplan::engine::round2(mixplan::engine::sitting_minutes(course, &unmovable));
        let expected = if share > 0.80 + 1e-9 || live <= effective + 1e-9 {
            vec![]
        } else if unmovable > effective + 1e-9 {
            vec![Severity::Warning]
        } else {
            vec![Severity::Info]
        };
        prop_assert_eq!(found, expected, "live {} E {} unmovable {} share {}", live, effective, unmovable, share);
    }
}
