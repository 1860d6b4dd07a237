//! Proptest mirrors of the fuzz targets in `fuzz/`, so CI covers their invariants on every push.

use crate::common::course_gen;

use arbitrary::{Arbitrary, Unstructured};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    /// Mirror of `fuzz_targets/pipeline.rs`: a generated course loads, plans, schedules and
    /// renders in every format, and its JSON parses.
    #[test]
    fn pipeline_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let mut u = Unstructured::new(&bytes);
        let Ok(input) = course_gen::FuzzCourse::arbitrary(&mut u) else { return Ok(()) };
        let text = input.to_toml();
        let course = match mixplan::course::parse(&text) {
            Ok(course) => course,
            Err(diags) => panic!("the generator writes valid courses, got {diags:#?}\n{text}"),
        };
        let rec = mixplan::recommend(course);
        prop_assert_eq!(rec.plan.decisions.len(), rec.course.activities.len());
        // Without holidays the band the engine balanced is the band the schedule reports,
        // unless the allowed days had no room for some live work: then the schedule says so.
        let balanced = mixplan::engine::round2(mixplan::engine::sitting_minutes(&rec.course, &rec.plan.decisions));
        let reported = rec.plan.summary.sync_sitting_minutes_per_week;
        if rec.schedule.unplaced().next().is_none() {
            prop_assert_eq!(balanced, reported, "{}", text);
        } else {
            prop_assert!(reported < balanced, "{}", text);
        }
        course_gen::render_all(&rec);
    }

    /// Mirror of `fuzz_targets/load.rs`: arbitrary bytes never panic the loader, a failure
    /// always carries a diagnostic, and every span lies inside the text.
    #[test]
    fn loader_spans_stay_inside_the_text(bytes in proptest::collection::vec(any::<u8>(), 0..1024)) {
        let (text, loaded) = mixplan::course::load_bytes(&bytes);
        prop_assert!(loaded.course.is_some() || !loaded.diagnostics.is_empty());
        for d in &loaded.diagnostics {
            if let Some(span) = d.span {
                prop_assert!(span.start <= span.end && span.end <= text.len() + 1);
            }
        }
    }
}

use crate::common::diag_gen;

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    /// Mirror of `fuzz_targets/render_check.rs`: every check renderer survives hostile paths,
    /// messages, texts and spans, JSON and SARIF parse, and no annotation breaks its line.
    #[test]
    fn check_renderers_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let mut u = Unstructured::new(&bytes);
        let Ok(input) = diag_gen::FuzzRun::arbitrary(&mut u) else { return Ok(()) };
        diag_gen::render_everything(&input.to_run());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    /// Mirror of `fuzz_targets/human_text.rs`: the human formats never pass a control
    /// character, a newline inside a line or a bidi control from user text to the terminal.
    #[test]
    fn human_formats_escape_user_text(
        bytes in proptest::collection::vec(any::<u8>(), 0..4096),
        hostile in "([\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}\\u{2028}a-z ]|\\x1b\\[2J|\\x1b\\]8;;x\\x07){1,40}",
    ) {
        let mut u = Unstructured::new(&bytes);
        if let Ok(input) = diag_gen::FuzzRun::arbitrary(&mut u) {
            diag_gen::assert_human_formats_clean(&input.to_run());
        }
        // Titles must not be blank, so a title of only spaces may not load; everything else does.
        prop_assert!(diag_gen::assert_plan_formats_clean(&hostile) || hostile.trim().is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    /// Large files are parsed in chunks to bound memory; forcing tiny chunks on generated (and
    /// damaged) courses must give exactly the course and the diagnostics of a single parse.
    #[test]
    fn chunked_parsing_equals_a_single_parse(
        bytes in proptest::collection::vec(any::<u8>(), 0..4096),
        chunk in 1usize..400,
        junk in proptest::option::of(("[\\[\\]=\"a-z0-9\n]{1,12}", any::<prop::sample::Index>())),
    ) {
        let mut u = Unstructured::new(&bytes);
        let Ok(input) = course_gen::FuzzCourse::arbitrary(&mut u) else { return Ok(()) };
        let mut text = input.to_toml();
        if let Some((junk, at)) = junk {
            let mut cut = at.index(text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.insert_str(cut, &junk);
        }
        let whole = mixplan::course::load_in_chunks(&text, usize::MAX);
        let chunked = mixplan::course::load_in_chunks(&text, chunk);
        prop_assert_eq!(format!("{:?}", whole.course), format!("{:?}", chunked.course));
        prop_assert_eq!(whole.diagnostics, chunked.diagnostics);
    }
}
