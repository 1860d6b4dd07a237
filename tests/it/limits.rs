//! Every limit holds with a clear error and a location, and nothing on the way is quadratic.

use crate::common::*;
use std::fmt::Write;

use mixplan::course::{MAX_ACTIVITIES, MAX_INPUT_BYTES, MAX_WEEKS, MAX_ZONES};

fn activities(n: usize) -> String {
    let mut text = String::with_capacity(n * 60);
    for i in 0..n {
        writeln!(
            text,
            "[[activities]]\nid = \"a{i}\"\nkind = \"lecture\"\nminutes = 5\nevery = \"once\""
        )
        .unwrap();
    }
    text
}

#[test]
fn activity_cap() {
    let at_cap = course_text("", "", &activities(MAX_ACTIVITIES));
    let course = load_ok(&at_cap);
    assert_eq!(course.activities.len(), MAX_ACTIVITIES);
    let over = course_text("", "", &activities(MAX_ACTIVITIES + 1));
    let errors = load_errors(&over);
    assert_eq!(errors.len(), 1, "{:?}", &errors[..errors.len().min(3)]);
    assert_eq!(errors[0].0, "too-many");
    assert!(errors[0].3.contains("100001 activities"));
    assert_eq!((errors[0].1, errors[0].2), (10, 1));
}

#[test]
fn zone_cap() {
    // Distinct zones: legacy names (`Japan`) are the same zone as their city (`Asia/Tokyo`).
    let names: Vec<_> = jiff::tz::db()
        .available()
        .filter(|n| mixplan::course::zones::normalize(n.as_str()).as_deref() == Some(n.as_str()))
        .collect();
    let zones = |n: usize| {
        let mut text = String::new();
        for name in names.iter().take(n) {
            writeln!(
                text,
                "[[students.zones]]\nzone = \"{}\"\ncount = 1",
                name.as_str()
            )
            .unwrap();
        }
        text
    };
    let ok = course_text("", &zones(MAX_ZONES), &activities(1))
        .replace("count = 20\n", "count = 1000\n");
    assert_eq!(load_ok(&ok).students.zones.len(), MAX_ZONES);
    let over = course_text("", &zones(MAX_ZONES + 1), &activities(1))
        .replace("count = 20\n", "count = 1000\n");
    let errors = load_errors(&over);
    assert!(
        errors
            .iter()
            .any(|e| e.0 == "too-many" && e.3.contains("401 student zones")),
        "{errors:?}"
    );
}

#[test]
fn week_cap() {
    let text = course_text("", "", &activities(1))
        .replace("weeks = 4", &format!("weeks = {}", MAX_WEEKS + 1));
    let errors = load_errors(&text);
    assert_eq!(errors[0].0, "out-of-range");
    assert_eq!((errors[0].1, errors[0].2), (3, 9));
    let text =
        course_text("", "", &activities(1)).replace("weeks = 4", &format!("weeks = {MAX_WEEKS}"));
    assert_eq!(load_ok(&text).meta.weeks, MAX_WEEKS);
}

#[test]
fn size_cap_counts_bytes_not_lines() {
    let mut text = course_text("", "", &activities(1));
    text.push_str(&"#".repeat(MAX_INPUT_BYTES - text.len()));
    let (_, loaded) = mixplan::course::load_bytes(text.as_bytes());
    assert!(loaded.course.is_some(), "exactly at the cap is accepted");
    text.push('#');
    let (_, loaded) = mixplan::course::load_bytes(text.as_bytes());
    assert_eq!(loaded.diagnostics[0].rule, "input-too-large");
    assert!(loaded.diagnostics[0].message.contains("16 MiB"));
}

#[test]
fn numbers_that_overflow_are_range_errors() {
    let text = course_text("", "", &activity("a", "lecture", 30, ""))
        .replace("count = 20", "count = 99999999999999999999999");
    let errors = load_errors(&text);
    assert!(
        errors
            .iter()
            .any(|e| e.0 == "toml-syntax" || e.0 == "out-of-range"),
        "{errors:?}"
    );
    let text = course_text("", "", &activity("a", "lecture", 30, ""))
        .replace("count = 20", "count = 0x7fffffff");
    let errors = load_errors(&text);
    assert_eq!(errors[0].0, "out-of-range");
}
