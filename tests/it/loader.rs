//! The loader: every problem in a file, each with its line, column and a suggestion.

use crate::common::*;

#[test]
fn reports_every_unknown_key_with_suggestions() {
    let text = "[course]\ntitle = \"T\"\nweeks = 4\ntitel = \"x\"\n\n[students]\ncount = 5\npopulation = [\"full-time\"]\n\n[[activities]]\nid = \"a\"\nkind = \"lecture\"\nminuts = 30\n";
    let errors = load_errors(text);
    let unknown: Vec<_> = errors.iter().filter(|e| e.0 == "unknown-key").collect();
    assert_eq!(unknown.len(), 3, "{errors:#?}");
    assert_eq!((unknown[0].1, unknown[0].2), (4, 1));
    assert_eq!(unknown[0].4.as_deref(), Some("did you mean `title`?"));
    assert_eq!((unknown[1].1, unknown[1].2), (8, 1));
    assert_eq!(unknown[1].4.as_deref(), Some("did you mean `populations`?"));
    assert_eq!((unknown[2].1, unknown[2].2), (13, 1));
    assert_eq!(unknown[2].4.as_deref(), Some("did you mean `minutes`?"));
    // `minutes` is missing too, since the misspelt key does not count.
    assert!(
        errors
            .iter()
            .any(|e| e.0 == "missing-key" && e.3.contains("`minutes`"))
    );
}

#[test]
fn misspelt_values_get_the_closest_name() {
    let text = course_text(
        "live_days = [\"tue\", \"thurs\"]",
        "populations = [\"working-adult\"]",
        &activity("a", "lectrue", 30, ""),
    );
    let errors = load_errors(&text);
    let helps: Vec<_> = errors.iter().map(|e| (e.0.as_str(), e.4.clone())).collect();
    assert!(
        helps.contains(&("unknown-value", Some("did you mean `thu`?".into()))),
        "{helps:?}"
    );
    assert!(helps.contains(&(
        "unknown-value",
        Some("did you mean `working-adults`?".into())
    )));
    assert!(helps.contains(&("unknown-value", Some("did you mean `lecture`?".into()))));
}

#[test]
fn unknown_time_zone_suggests_the_iana_name() {
    let text = course_text(
        "timezone = \"America/New_Yrok\"",
        "[[students.zones]]\nzone = \"Asia/Tokio\"\ncount = 3",
        &activity("a", "lecture", 30, ""),
    );
    let errors = load_errors(&text);
    let zones: Vec<_> = errors.iter().filter(|e| e.0 == "unknown-zone").collect();
    assert_eq!(zones.len(), 2, "{errors:#?}");
    assert_eq!(
        zones[0].4.as_deref(),
        Some("did you mean `America/New_York`?")
    );
    assert_eq!(zones[1].4.as_deref(), Some("did you mean `Asia/Tokyo`?"));
    assert_eq!((zones[1].1, zones[1].2), (9, 8));
}

#[test]
fn ranges_and_types_are_checked_with_positions() {
    let text = "[course]\ntitle = \"T\"\nweeks = 200\nsync_hours = [3.0, 1.0]\n\n[students]\ncount = 0\nreliable_internet = 1.5\n\n[[activities]]\nid = \"a\"\nkind = \"lecture\"\nminutes = \"30\"\n";
    let errors = load_errors(text);
    let find = |rule: &str, line: usize| errors.iter().find(|e| e.0 == rule && e.1 == line);
    assert!(find("out-of-range", 3).is_some(), "{errors:#?}");
    assert!(find("invalid-value", 4).is_some(), "sync_hours min > max");
    assert!(find("out-of-range", 7).is_some(), "count 0");
    assert!(find("out-of-range", 8).is_some(), "reliable_internet 1.5");
    let minutes = find("invalid-type", 13).expect("minutes as a string");
    assert_eq!(minutes.2, 11);
    assert!(minutes.3.contains("whole number"));
}

#[test]
fn ids_must_be_unique_kebab_case() {
    let text = course_text(
        "",
        "",
        &format!(
            "{}{}{}",
            activity("case-clinic", "discussion", 30, ""),
            activity("case-clinic", "lecture", 30, ""),
            activity("Case_Clinic", "lecture", 30, "")
        ),
    );
    let errors = load_errors(&text);
    assert!(errors.iter().any(|e| e.0 == "duplicate-id"), "{errors:#?}");
    let bad = errors.iter().find(|e| e.0 == "invalid-id").unwrap();
    assert_eq!(bad.4.as_deref(), Some("write `case-clinic`"));
}

#[test]
fn weeks_must_lie_inside_the_course() {
    let text = course_text("", "", &activity("a", "lecture", 30, "weeks = [1, 5]"));
    let errors = load_errors(&text);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].0, "out-of-range");
    assert!(errors[0].3.contains("between 1 and 4"));
}

#[test]
fn every_and_weeks_conflict() {
    let text = course_text(
        "",
        "",
        &activity("a", "lecture", 30, "every = \"week\"\nweeks = [1]"),
    );
    let errors = load_errors(&text);
    assert!(
        errors.iter().any(|e| e.0 == "conflicting-keys"),
        "{errors:#?}"
    );
}

#[test]
fn zone_counts_cannot_exceed_the_class() {
    let text = course_text(
        "",
        "[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 15\n[[students.zones]]\nzone = \"Europe/Paris\"\ncount = 10",
        &activity("a", "lecture", 30, ""),
    );
    let errors = load_errors(&text);
    assert!(
        errors
            .iter()
            .any(|e| e.3.contains("the zones list 25 students but `count` is 20")),
        "{errors:#?}"
    );
}

#[test]
fn windows_and_times_are_validated() {
    let text = course_text(
        "live_at = { day = \"wed\", time = \"25:00\" }",
        "[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 5\navailable = \"8-22\"",
        &activity("a", "lecture", 30, ""),
    );
    let errors = load_errors(&text);
    assert!(
        errors.iter().any(|e| e.3.contains("24-hour time")),
        "{errors:#?}"
    );
    assert!(
        errors.iter().any(|e| e.3.contains("HH:MM-HH:MM")),
        "{errors:#?}"
    );
}

#[test]
fn syntax_errors_have_positions() {
    let errors = load_errors("[course\ntitle = \"x\"\n");
    assert_eq!(errors[0].0, "toml-syntax");
    assert_eq!(errors[0].1, 1);
}

#[test]
fn empty_and_missing_tables() {
    assert_eq!(load_errors("  \n")[0].0, "empty-file");
    let errors = load_errors("# only a comment\nx = 1\n");
    let rules: Vec<&str> = errors.iter().map(|e| e.0.as_str()).collect();
    assert!(rules.contains(&"missing-key"));
    assert!(rules.contains(&"unknown-key"));
    assert!(errors.iter().any(|e| e.3.contains("`[course]`")));
    assert!(errors.iter().any(|e| e.3.contains("`[students]`")));
    assert!(errors.iter().any(|e| e.3.contains("`[[activities]]`")));
}

#[test]
fn deep_nesting_is_rejected_with_a_location() {
    let text = format!("x = {}1{}\n", "[".repeat(5000), "]".repeat(5000));
    let errors = load_errors(&text);
    assert_eq!(errors[0].0, "toml-syntax");
    assert_eq!(errors[0].1, 1);
}

#[test]
fn non_utf8_and_oversized_input() {
    let (_, loaded) = mixplan::course::load_bytes(b"[course]\ntitle = \"\xff\"\n");
    assert_eq!(loaded.diagnostics[0].rule, "invalid-utf8");
    assert_eq!(loaded.diagnostics[0].span.unwrap().start, 18);
    let big = vec![b'#'; mixplan::course::MAX_INPUT_BYTES + 1];
    let (_, loaded) = mixplan::course::load_bytes(&big);
    assert_eq!(loaded.diagnostics[0].rule, "input-too-large");
}

#[test]
fn defaults_are_applied() {
    let course = load_ok(&course_text("", "", &activity("a", "lecture", 30, "")));
    assert_eq!(course.meta.timezone, "UTC");
    assert_eq!(course.meta.sync_hours, (1.0, 3.0));
    assert_eq!(course.meta.live_days.len(), 5);
    assert!(course.activities[0].recorded);
}

#[test]
fn check_allow_accepts_ids_and_tables() {
    let course = load_ok(&course_text(
        "",
        "",
        &format!(
            "{}\n[check]\nallow = [\"live-lecture\", {{ rule = \"band\", reason = \"pilot\" }}]\n",
            activity("a", "lecture", 30, "")
        ),
    ));
    assert_eq!(course.check.allow.len(), 2);
    assert_eq!(course.check.allow[1].reason.as_deref(), Some("pilot"));
}
