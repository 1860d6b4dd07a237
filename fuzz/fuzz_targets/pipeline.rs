//! The whole pipeline on structured course input: load, plan, schedule, and one renderer.
//!
//! The first byte picks which of the ten renderings runs, so an execution costs one
//! rendering rather than ten and the fuzzer's mutations choose the renderer along with the
//! course. Loading and planning run every time. The proptest mirror in
//! `tests/it/robustness.rs` renders each course all ten ways.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mixplan::course::Mode;

// The target renders one way per run; `render_all` is for the proptest mirror.
#[allow(dead_code)]
mod course_gen {
    include!("../../tests/it/common/course_gen.rs");
}

fuzz_target!(|input: (u8, course_gen::FuzzCourse)| {
    let (render, course) = input;
    let text = course.to_toml();
    let loaded = mixplan::course::load(&text);
    let Some(course) = loaded.course else {
        assert!(!loaded.diagnostics.is_empty());
        return;
    };
    let rec = mixplan::recommend(course);
    assert_eq!(rec.plan.decisions.len(), rec.course.activities.len());
    for d in &rec.plan.decisions {
        if let Some(pinned) = rec.course.activities[d.index].mode {
            assert_eq!(d.mode, pinned);
        }
        assert!(d.mode == Mode::Sync || d.mode == Mode::Async);
    }
    course_gen::render_one(&rec, render);
});
