//! Real terms: week grid, breaks, exams, holidays, fixed times, sections and due zones. Every
//! new key loads from a fixture; every error is located at its exact line and column.

use crate::common::*;

use mixplan::course::{self, ActivityKind, Mode, Weekday};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/terms/keys/{name}.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{path}: {err}"))
}

const HEAD: &str =
    "[course]\ntitle = \"T\"\nweeks = 10\nstart = 2027-01-12\ntimezone = \"America/Chicago\"\n";
const STUDENTS: &str = "\n[students]\ncount = 30\n\n";

/// A course whose `[course]` table ends with `course_keys` (one line, line 6) and whose first
/// activity's header is on line 11.
fn term(course_keys: &str, activities: &str) -> String {
    format!("{HEAD}{course_keys}\n{STUDENTS}{activities}")
}

/// The one error of `text`: (rule, line, column, message, help).
fn only_error(text: &str) -> (String, usize, usize, String, Option<String>) {
    let errors = load_errors(text);
    assert_eq!(errors.len(), 1, "{errors:#?}\n{text}");
    errors.into_iter().next().expect("one error")
}

#[test]
fn every_new_key_loads_from_its_fixture() {
    let dir = format!("{}/tests/fixtures/terms/keys", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixture dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| p.file_stem().expect("stem").to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 19, "{names:?}");
    for name in names {
        let text = fixture(&name);
        let loaded = course::load(&text);
        assert!(
            loaded.diagnostics.is_empty(),
            "{name}: {:#?}",
            loaded.diagnostics
        );
        let rec = mixplan::recommend(loaded.course.expect("course"));
        assert_eq!(
            rec.plan.decisions.len(),
            rec.course.activities.len(),
            "{name}"
        );
    }
}

#[test]
fn fixtures_mean_what_they_say() {
    let c = load_ok(&fixture("week_starts"));
    assert_eq!(c.meta.week_starts, Weekday::Mon);
    // 2027-01-12 is a Tuesday: week 1 starts the Monday before.
    assert_eq!(c.meta.first_day(), Some(jiff::civil::date(2027, 1, 11)));
    assert_eq!(c.meta.week_start(3), Some(jiff::civil::date(2027, 1, 25)));
    let c = load_ok(&fixture("at"));
    assert_eq!(c.meta.week_starts, Weekday::Mon);
    // Without `week_starts`, weeks begin on the start's weekday.
    let c = load_ok(&fixture("breaks"));
    assert_eq!(c.meta.week_starts, Weekday::Tue);
    assert_eq!(c.meta.breaks, vec![5]);
    assert_eq!(
        c.activities[0].occurrence_weeks(&c.meta),
        vec![1, 2, 3, 4, 6, 7, 8, 9, 10]
    );
    let c = load_ok(&fixture("weeks_ranges"));
    assert_eq!(
        c.activities[0].weeks,
        Some(vec![1, 2, 3, 4, 5, 6, 7, 9, 10])
    );
    let c = load_ok(&fixture("due_aoe"));
    assert_eq!(c.meta.due_zone(), "Etc/GMT+12");
    let c = load_ok(&fixture("at_sections"));
    assert_eq!(c.activities[0].sections(), 2);
    assert_eq!(c.activities[0].mode, Some(Mode::Sync));
    let c = load_ok(&fixture("at_dated"));
    // 2027-03-17 falls in week 10 of a course starting on Tuesday 2027-01-12.
    assert_eq!(c.activities[0].weeks, Some(vec![10]));
    assert!(
        !c.activities[0].recorded,
        "exams are not recorded by default"
    );
    let c = load_ok(&fixture("office_hours"));
    assert!(c.activities[0].optional);
    assert_eq!(c.activities[0].mode, Some(Mode::Sync));
    let c = load_ok(&fixture("forum"));
    assert_eq!(c.activities[0].kind, ActivityKind::Forum);
    assert_eq!(c.activities[0].mode, Some(Mode::Async));
    let c = load_ok(&fixture("exam_weeks"));
    assert_eq!(c.activities[0].occurrence_weeks(&c.meta).last(), Some(&9));
    let c = load_ok(&fixture("allow_activity"));
    assert_eq!(
        c.check.allow[0].activity.as_ref().map(|a| a.0.as_str()),
        Some("lecture-tue")
    );
    let c = load_ok(&fixture("participation"));
    assert_eq!(c.activities[0].participation.len(), 3);
}

fn discussion(extra: &str) -> String {
    format!("[[activities]]\nid = \"talk\"\nkind = \"discussion\"\nminutes = 45\n{extra}")
}

#[test]
fn biweekly_suggests_two_weeks() {
    // the activity's header is on line 11: id 12, kind 13, minutes 14, every 15
    let e = only_error(&term("", &discussion("every = \"biweekly\"\n")));
    assert_eq!((e.0.as_str(), e.1, e.2), ("unknown-value", 15, 9));
    assert_eq!(e.4.as_deref(), Some("did you mean `2-weeks`?"));
}

#[test]
fn unquoted_week_range_says_to_quote_it() {
    let e = only_error(&term("", &discussion("weeks = 1-7\n")));
    assert_eq!((e.0.as_str(), e.1), ("toml-syntax", 15));
    assert!(
        e.4.as_deref().is_some_and(|h| h.contains("\"1-7\"")),
        "{e:?}"
    );
}

#[test]
fn week_range_as_a_bare_string_says_to_list_it() {
    let e = only_error(&term("", &discussion("weeks = \"1-7\"\n")));
    assert_eq!((e.0.as_str(), e.1, e.2), ("invalid-type", 15, 9));
    assert_eq!(e.4.as_deref(), Some("write `weeks = [\"1-7\"]`"));
}

#[test]
fn live_at_as_a_list_points_to_at() {
    let e = only_error(&term(
        "live_at = [{ day = \"tue\", time = \"17:30\" }, { day = \"thu\", time = \"17:30\" }]",
        &discussion(""),
    ));
    assert_eq!((e.0.as_str(), e.1, e.2), ("invalid-type", 6, 11));
    assert!(e.4.as_deref().is_some_and(|h| h.contains("`at`")), "{e:?}");
}

#[test]
fn backwards_range_is_located() {
    let e = only_error(&term("", &discussion("weeks = [\"9-4\"]\n")));
    assert_eq!((e.0.as_str(), e.1, e.2), ("invalid-value", 15, 10));
    assert_eq!(e.4.as_deref(), Some("write `\"4-9\"`"));
}

#[test]
fn break_week_in_weeks_is_an_error() {
    let e = only_error(&term("breaks = [5]", &discussion("weeks = [1, 5]\n")));
    assert_eq!((e.0.as_str(), e.1, e.2), ("invalid-value", 15, 13));
    assert!(e.3.contains("break week"), "{e:?}");
}

#[test]
fn range_over_a_break_skips_it() {
    let c = load_ok(&term("breaks = [5]", &discussion("weeks = [\"4-6\"]\n")));
    assert_eq!(c.activities[0].weeks, Some(vec![4, 6]));
}

#[test]
fn at_with_async_mode_is_an_error() {
    let e = only_error(&term(
        "",
        &discussion("at = { day = \"tue\", time = \"17:30\" }\nmode = \"async\"\n"),
    ));
    assert_eq!((e.0.as_str(), e.1, e.2), ("conflicting-keys", 16, 8));
}

#[test]
fn holiday_outside_the_course_is_an_error() {
    let e = only_error(&term(
        "holidays = [2027-02-15, 2028-01-01]",
        &discussion(""),
    ));
    assert_eq!((e.0.as_str(), e.1, e.2), ("out-of-range", 6, 25));
}

#[test]
fn holiday_without_start_is_an_error() {
    let text = "[course]\ntitle = \"T\"\nweeks = 10\nholidays = [2027-02-15]\n\n[students]\ncount = 3\n\n[[activities]]\nid = \"a\"\nkind = \"discussion\"\nminutes = 30\n";
    let e = only_error(text);
    assert_eq!((e.0.as_str(), e.1, e.2), ("missing-key", 4, 12));
}

#[test]
fn overlapping_fixed_sittings_are_an_error() {
    let acts = "[[activities]]\nid = \"a\"\nkind = \"lecture\"\nminutes = 75\nat = { day = \"tue\", time = \"17:30\" }\n\n[[activities]]\nid = \"b\"\nkind = \"discussion\"\nminutes = 30\nat = { day = \"tue\", time = \"18:00\" }\n";
    let e = only_error(&term("", acts));
    assert_eq!((e.0.as_str(), e.1, e.2), ("overlapping-sittings", 21, 6));
    assert!(e.4.as_deref().is_some_and(|h| h.contains("weeks")), "{e:?}");
}

#[test]
fn exam_rules_are_input_errors() {
    let exam = |extra: &str| {
        format!("[[activities]]\nid = \"midterm\"\nkind = \"exam\"\nminutes = 90\n{extra}")
    };
    let e = only_error(&term("", &exam("")));
    assert_eq!((e.0.as_str(), e.1, e.2), ("missing-key", 13, 8));
    let e = only_error(&term("", &exam("weeks = [5]\nmode = \"sync\"\n")));
    assert_eq!((e.0.as_str(), e.1, e.2), ("conflicting-keys", 16, 8));
    assert!(e.4.as_deref().is_some_and(|h| h.contains("`at`")), "{e:?}");
    // 2027-02-16 is the Tuesday of week 6.
    let e = only_error(&term(
        "holidays = [2027-02-16]",
        &exam("weeks = [6]\nat = { day = \"tue\", time = \"19:00\" }\n"),
    ));
    assert_eq!((e.0.as_str(), e.1, e.2), ("invalid-value", 16, 6));
    assert!(e.3.contains("holiday"), "{e:?}");
    let e = only_error(&term("", &exam("every = \"week\"\n")));
    assert_eq!((e.0.as_str(), e.1, e.2), ("invalid-value", 15, 9));
}

#[test]
fn forum_and_office_hours_keep_their_nature() {
    let e = only_error(&term(
        "",
        "[[activities]]\nid = \"board\"\nkind = \"forum\"\nminutes = 30\nmode = \"sync\"\n",
    ));
    assert_eq!((e.0.as_str(), e.1, e.2), ("conflicting-keys", 15, 8));
    assert!(
        e.4.as_deref().is_some_and(|h| h.contains("discussion")),
        "{e:?}"
    );
    let e = only_error(&term(
        "",
        "[[activities]]\nid = \"office\"\nkind = \"office-hours\"\nminutes = 30\nmode = \"async\"\n",
    ));
    assert_eq!((e.0.as_str(), e.1, e.2), ("conflicting-keys", 15, 8));
    let help = e.4.unwrap_or_default();
    assert!(help.contains("forum") && help.contains("q-and-a"), "{help}");
}

#[test]
fn due_rules_are_input_errors() {
    let e = only_error(&term(
        "",
        &discussion("due = { day = \"wed\", time = \"23:59\", timezone = \"UTC\" }\n"),
    ));
    assert_eq!((e.0.as_str(), e.1, e.2), ("unknown-key", 15, 38));
    let e = only_error(&term(
        "",
        &discussion("optional = true\ndue = { day = \"wed\", time = \"23:59\" }\n"),
    ));
    assert_eq!((e.0.as_str(), e.1, e.2), ("conflicting-keys", 16, 7));
    let e = only_error(&term(
        "due = { day = \"sun\", time = \"23:59\", timezone = \"aoe\" }",
        &discussion(""),
    ));
    assert_eq!((e.0.as_str(), e.1, e.2), ("unknown-zone", 6, 49));
    assert_eq!(e.4.as_deref(), Some("did you mean `AoE`?"));
}

#[test]
fn misspelt_week_starts_and_participation_get_suggestions() {
    let e = only_error(&term("week_starts = \"monday\"", &discussion("")));
    assert_eq!((e.0.as_str(), e.1, e.2), ("unknown-value", 6, 15));
    assert_eq!(e.4.as_deref(), Some("did you mean `mon`?"));
    let e = only_error(&term("", &discussion("participation = [\"poll\"]\n")));
    assert_eq!((e.0.as_str(), e.1, e.2), ("unknown-value", 15, 18));
    assert_eq!(e.4.as_deref(), Some("did you mean `polling`?"));
}

#[test]
fn allow_entry_naming_an_unknown_activity_suggests_one() {
    let text = term(
        "",
        &format!(
            "{}\n[check]\nallow = [{{ rule = \"live-lecture\", activity = \"talks\" }}]\n",
            discussion("")
        ),
    );
    let e = only_error(&text);
    assert_eq!((e.0.as_str(), e.1, e.2), ("unknown-value", 17, 46));
    assert_eq!(e.4.as_deref(), Some("did you mean `talk`?"));
}

#[test]
fn dated_at_outside_the_course_or_in_a_break_is_an_error() {
    let exam = |date: &str| {
        format!(
            "[[activities]]\nid = \"final\"\nkind = \"exam\"\nminutes = 120\nat = {{ date = {date}, time = \"10:00\" }}\n"
        )
    };
    let e = only_error(&term("", &exam("2027-06-01")));
    assert_eq!((e.0.as_str(), e.1, e.2), ("out-of-range", 15, 15));
    let e = only_error(&term("breaks = [2]", &exam("2027-01-20")));
    assert_eq!((e.0.as_str(), e.1, e.2), ("invalid-value", 15, 15));
}

fn rules_fired(text: &str) -> Vec<(String, usize)> {
    let report = mixplan::check::check_bytes(
        "t.toml".into(),
        text.as_bytes(),
        &mixplan::check::Options::default(),
    );
    let index = mixplan::diagnostic::LineIndex::new(text);
    report
        .diagnostics
        .iter()
        .map(|d| {
            let line = index.line_col(text, d.span.unwrap_or_default().start).line;
            (d.rule.to_string(), line)
        })
        .collect()
}

#[test]
fn an_exam_is_never_flagged_for_not_being_recorded_or_for_its_length() {
    let text = term(
        "",
        "[[activities]]\nid = \"final\"\nkind = \"exam\"\nminutes = 120\nweeks = [10]\nat = { day = \"wed\", time = \"10:00\" }\nrecorded = false\n",
    );
    let fired = rules_fired(&text);
    for rule in [
        "live-not-recorded",
        "long-live-session",
        "live-without-alternative",
    ] {
        assert!(!fired.iter().any(|(r, _)| r == rule), "{rule}: {fired:?}");
    }
}

#[test]
fn live_lecture_honours_an_exception_for_one_activity() {
    let acts = "[[activities]]\nid = \"lecture-tue\"\nkind = \"lecture\"\nminutes = 60\nat = { day = \"tue\", time = \"10:00\" }\n\n[[activities]]\nid = \"lecture-thu\"\nkind = \"lecture\"\nminutes = 60\nat = { day = \"thu\", time = \"10:00\" }\n\n[check]\nallow = [{ rule = \"live-lecture\", activity = \"lecture-tue\", reason = \"registrar-scheduled\" }]\n";
    let fired = rules_fired(&term("", acts));
    let lectures: Vec<usize> = fired
        .iter()
        .filter(|(r, _)| r == "live-lecture")
        .map(|(_, line)| *line)
        .collect();
    // Only lecture-thu (its `kind` on line 19) is reported.
    assert_eq!(lectures, vec![19], "{fired:?}");
}

#[test]
fn a_fixed_sitting_no_student_can_attend_is_reported_on_its_at() {
    let text = "[course]\ntitle = \"T\"\nweeks = 4\nstart = 2027-01-12\ntimezone = \"America/Chicago\"\n\n[students]\ncount = 10\n\n[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 10\navailable = \"18:00-22:00\"\n\n[[activities]]\nid = \"seminar\"\nkind = \"discussion\"\nminutes = 60\nat = { day = \"tue\", time = \"17:30\" }\n";
    let fired = rules_fired(text);
    assert!(
        fired.contains(&("pinned-slot-excludes-students".to_string(), 19)),
        "{fired:?}"
    );
}
