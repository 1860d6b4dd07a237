//! The whole pipeline on structured course input: load, plan, schedule, every renderer.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mixplan::course::Mode;
use mixplan::render::{self, Format, Style};

mod course_gen {
    include!("../../tests/it/common/course_gen.rs");
}

fuzz_target!(|input: course_gen::FuzzCourse| {
    let text = input.to_toml();
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
    for format in [Format::Table, Format::Json, Format::Markdown, Format::Html] {
        let out = render::recommendation(&rec, format, Style::PLAIN);
        if format == Format::Json {
            // `IgnoredAny` reads and validates every byte without building a tree.
            serde_json::from_str::<serde::de::IgnoredAny>(&out).expect("valid JSON");
        }
        let _ = render::schedule(&rec, format, Style::PLAIN);
    }
    let fragment = render::html::page(&rec, render::html::Shape::Fragment);
    assert!(!fragment.contains("<script"));
    let options = render::ics::Options {
        sequence: 7,
        remind: Some(render::ics::Remind { minutes: 1440 }),
    };
    if let Ok(ics) = render::ics::calendar(&rec.course, &rec.schedule, options) {
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
    }
});
