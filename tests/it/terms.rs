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

/// Optional office hours fixed at the lecture's own time would share its sitting: an error
/// at the second `at`, not two sittings on top of each other.
#[test]
fn optional_and_required_work_fixed_at_one_time_is_an_error() {
    let acts = "[[activities]]\nid = \"a\"\nkind = \"lecture\"\nminutes = 60\nat = { day = \"tue\", time = \"17:30\" }\n\n[[activities]]\nid = \"oh\"\nkind = \"office-hours\"\nminutes = 30\nat = { day = \"tue\", time = \"17:30\" }\n";
    let e = only_error(&term("", acts));
    assert_eq!((e.0.as_str(), e.1, e.2), ("overlapping-sittings", 21, 6));
    assert!(e.3.contains("optional work never shares"), "{e:?}");
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
    // Zone names are matched without regard to case: `aoe` is `AoE`.
    let e = only_error(&term(
        "due = { day = \"sun\", time = \"23:59\", timezone = \"Aoe/Earth\" }",
        &discussion(""),
    ));
    assert_eq!((e.0.as_str(), e.1, e.2), ("unknown-zone", 6, 49));
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

mod properties {
    use mixplan::course::{self, Mode};
    use proptest::prelude::*;

    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    prop_compose! {
        /// A term with breaks, holidays, a week start, two fixed lectures on distinct days, an
        /// exam, optional office hours in two sections and self-paced work with its own due day.
        fn term_text()(
            weeks in 4u32..=16,
            start_offset in 0i64..365,
            week_starts in 0usize..7,
            break_picks in proptest::collection::vec(0u32..16, 0..3),
            holiday_picks in proptest::collection::vec(0i64..112, 0..4),
            lecture_days in (0usize..7, 1usize..7),
            lecture_hour in 7u32..=19,
            exam_pick in 0u32..16,
            due_day in 0usize..7,
            due_zone in proptest::sample::select(vec!["", "AoE", "Asia/Tokyo"]),
        ) -> String {
            let start = jiff::civil::date(2027, 1, 1)
                .checked_add(jiff::Span::new().days(start_offset))
                .unwrap();
            let mut breaks: Vec<u32> = break_picks.iter().map(|b| b % weeks + 1).filter(|&b| b > 1).collect();
            breaks.sort_unstable();
            breaks.dedup();
            let teaching: Vec<u32> = (1..=weeks).filter(|w| !breaks.contains(w)).collect();
            let exam_week = teaching[exam_pick as usize % teaching.len()];
            let mut holidays: Vec<jiff::civil::Date> = holiday_picks
                .iter()
                .filter_map(|&d| start.checked_add(jiff::Span::new().days(d % (7 * i64::from(weeks) - 7))).ok())
                .collect();
            holidays.sort_unstable();
            holidays.dedup();
            let (a, b) = lecture_days;
            let second = (a + b) % 7;
            let zone = if due_zone.is_empty() { String::new() } else { format!(", timezone = \"{due_zone}\"") };
            let list = |v: &[String]| v.join(", ");
            format!(
                "[course]\ntitle = \"P\"\nweeks = {weeks}\nstart = {start}\nweek_starts = \"{}\"\ntimezone = \"America/Chicago\"\nbreaks = [{}]\nholidays = [{}]\ndue = {{ day = \"sun\", time = \"23:59\"{zone} }}\n\n[students]\ncount = 40\n\n[[students.zones]]\nzone = \"America/Chicago\"\ncount = 30\n\n[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 10\n\n\
                 [[activities]]\nid = \"lecture-a\"\nkind = \"lecture\"\nminutes = 75\nweeks = [\"1-{weeks}\"]\nat = {{ day = \"{}\", time = \"{lecture_hour:02}:00\" }}\n\n\
                 [[activities]]\nid = \"lecture-b\"\nkind = \"lecture\"\nminutes = 50\nweeks = [\"1-{weeks}/2\"]\nat = {{ day = \"{}\", time = \"{lecture_hour:02}:30\" }}\n\n\
                 [[activities]]\nid = \"exam\"\nkind = \"exam\"\nminutes = 120\nweeks = [{exam_week}]\nat = {{ day = \"{}\", time = \"05:00\" }}\n\n\
                 [[activities]]\nid = \"office\"\nkind = \"office-hours\"\nminutes = 45\nat = [{{ day = \"mon\", time = \"21:00\" }}, {{ day = \"fri\", time = \"21:00\" }}]\n\n\
                 [[activities]]\nid = \"problems\"\nkind = \"practice\"\nminutes = 90\ndue = {{ day = \"{}\", time = \"12:00\" }}\n\n\
                 [[activities]]\nid = \"reading\"\nkind = \"reading\"\nminutes = 60\n\n\
                 [[activities]]\nid = \"seminar\"\nkind = \"discussion\"\nminutes = 45\n",
                DAYS[week_starts],
                list(&breaks.iter().map(u32::to_string).collect::<Vec<_>>()),
                list(&holidays.iter().map(|d| d.to_string()).collect::<Vec<_>>()),
                DAYS[a],
                DAYS[second],
                DAYS[(a + 2) % 7],
                DAYS[due_day],
            )
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

        #[test]
        fn terms_hold_their_rules(text in term_text()) {
            let loaded = course::load(&text);
            // An exam drawn onto a holiday is an input error, by design.
            prop_assume!(loaded.course.is_some());
            let rec = mixplan::recommend(loaded.course.unwrap());
            let (course, schedule) = (&rec.course, &rec.schedule);
            let meta = &course.meta;
            let start = meta.start.unwrap();
            for week in &schedule.weeks {
                let is_break = meta.breaks.contains(&week.week);
                for held in &week.sittings {
                    let date = held.date.unwrap();
                    // Nothing meets in a break week, on a holiday (it is cancelled) or before start.
                    prop_assert!(!is_break, "a sitting in break week {}", week.week);
                    prop_assert!(date >= start, "{date} is before start {start}");
                    prop_assert_eq!(held.cancelled, meta.is_holiday(date));
                    let sitting = &schedule.sittings[held.sitting];
                    // An exam's sitting holds only the exam, unsegmented.
                    if held.activities.iter().any(|&i| course.activities[i].is_exam()) {
                        prop_assert_eq!(held.activities.len(), 1);
                        prop_assert_eq!(held.segments.len(), 1);
                        prop_assert!(sitting.exam);
                    }
                }
                for item in &week.items {
                    if let Some(due) = &item.due {
                        // Nothing is due in a break week, on a holiday or before start.
                        prop_assert!(!is_break);
                        let at = due.at.as_ref().unwrap();
                        let date = at.date();
                        prop_assert!(date >= start, "{date}");
                        prop_assert!(!meta.is_holiday(date) || holiday_week(meta, week.week), "{date} is a holiday");
                        prop_assert!(!course.activities[item.activity].optional);
                    }
                }
            }
            // The band: the engine measured it before searched sittings had their days, the
            // schedule after. They agree unless a holiday cancels a searched sitting, a
            // sitting falls in week 1 before `start` (nothing meets then) or the allowed days
            // have no room for some live work (the check `live-work-without-time` says so);
            // each only lowers the reported figure.
            let balanced = mixplan::engine::round2(mixplan::engine::sitting_minutes(course, &rec.plan.decisions));
            let reported = rec.plan.summary.sync_sitting_minutes_per_week;
            let searched_cancelled = schedule.weeks.iter().flat_map(|w| &w.sittings).any(|held| {
                let sitting = &schedule.sittings[held.sitting];
                held.cancelled && !sitting.fixed && !sitting.optional
            });
            if searched_cancelled || schedule.unplaced().next().is_some() {
                prop_assert!(reported < balanced, "{reported} vs {balanced}");
            } else if meta.first_day() != Some(start) {
                prop_assert!(reported <= balanced, "{reported} vs {balanced}");
            } else {
                prop_assert_eq!(reported, balanced);
            }
            // Every fixed activity meets in every week it lists, cancelled only on holidays.
            for (index, activity) in course.activities.iter().enumerate() {
                if !activity.is_fixed() {
                    continue;
                }
                for w in activity.occurrence_weeks(meta) {
                    let week = &schedule.weeks[w as usize - 1];
                    for (n, at) in activity.at.iter().enumerate() {
                        let date = meta.date_of(w, at.day).unwrap();
                        if date < start {
                            continue;
                        }
                        let held = week.sittings.iter().find(|h| {
                            h.activities.contains(&index)
                                && schedule.sittings[h.sitting].section.is_none_or(|(k, _)| k == n + 1)
                        });
                        prop_assert!(held.is_some(), "{} does not meet in week {w}", activity.id);
                        prop_assert_eq!(held.unwrap().cancelled, meta.is_holiday(date));
                    }
                }
                prop_assert!(rec.plan.decisions[index].mode == Mode::Sync);
            }
        }
    }

    /// Every day of the week from `start` on is a holiday: a due date has nowhere to move.
    fn holiday_week(meta: &course::CourseMeta, week: u32) -> bool {
        let first = meta.week_start(week).unwrap();
        (0..7)
            .map(|d| first.checked_add(jiff::Span::new().days(d)).unwrap())
            .filter(|d| meta.start.is_none_or(|s| *d >= s))
            .all(|d| meta.is_holiday(d))
    }
}

#[test]
fn alternating_never_drops_a_fixed_weekly_activity_and_says_so() {
    let text = "[course]\ntitle = \"Alt\"\nweeks = 6\nstart = 2027-01-12\npattern = \"alternating\"\nbreaks = [3]\n\n[students]\ncount = 20\n\n[[activities]]\nid = \"lecture-tue\"\nkind = \"lecture\"\nminutes = 60\nat = { day = \"tue\", time = \"17:30\" }\n\n[[activities]]\nid = \"office\"\nkind = \"office-hours\"\nminutes = 30\nat = { day = \"wed\", time = \"12:00\" }\n\n[[activities]]\nid = \"clinic\"\nkind = \"problem-solving\"\nminutes = 45\n";
    let rec = mixplan::recommend(load_ok(text));
    let weeks = |id: &str| {
        let i = rec
            .course
            .activities
            .iter()
            .position(|a| a.id == id)
            .unwrap();
        rec.plan.decisions[i].weeks.clone()
    };
    assert_eq!(
        weeks("lecture-tue"),
        vec![1, 2, 4, 5, 6],
        "every teaching week"
    );
    assert_eq!(
        weeks("office"),
        vec![1, 2, 4, 5, 6],
        "office hours are never halved"
    );
    // The engine's own live work alternates over teaching weeks 1, 2, 4, 5, 6, ending on a
    // live synthesis week: the last teaching week and every second one before it.
    assert_eq!(weeks("clinic"), vec![1, 4, 6]);
    let said = rec.advice.iter().any(
        |a| matches!(a, mixplan::findings::Advice::AlternatingKeeps(kept) if kept == &vec![0]),
    );
    assert!(said, "{:?}", rec.advice);
}

/// With sections, a student is covered when one section fits: the activity reaches at least as
/// many students as its best section.
#[test]
fn sections_cover_whoever_one_section_fits() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/remote-graphics-lecture.toml"
    ))
    .unwrap();
    let rec = mixplan::recommend(load_ok(&text));
    let office = rec
        .course
        .activities
        .iter()
        .position(|a| a.id == "office-hours")
        .unwrap();
    let sections: Vec<&mixplan::schedule::Sitting> = rec
        .schedule
        .sittings
        .iter()
        .filter(|s| s.activities == vec![office])
        .collect();
    assert_eq!(sections.len(), 2);
    let reach = |s: &mixplan::schedule::Sitting| {
        rec.course.students.count - s.excluded.iter().map(|(_, c)| c).sum::<u32>()
    };
    // Monday 16:00 Chicago is 06:00 in Shanghai, before their window; Thursday 19:00 is 09:00.
    assert!(
        sections[0]
            .excluded
            .iter()
            .any(|(z, _)| z == "Asia/Shanghai")
    );
    assert!(
        !sections[1]
            .excluded
            .iter()
            .any(|(z, _)| z == "Asia/Shanghai")
    );
    let union = rec
        .schedule
        .activity_students_covered(&rec.course, office)
        .unwrap();
    assert!(union >= sections.iter().map(|s| reach(s)).max().unwrap());
    assert_eq!(union, 120, "every student fits one of the two sections");
}

mod section_properties {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

        #[test]
        fn an_activity_with_sections_reaches_at_least_its_best_section(
            hours in proptest::collection::btree_set(6u32..=22, 2..4),
            tokyo in 0u32..20,
            berlin in 0u32..20,
        ) {
            let at: Vec<String> = hours
                .iter()
                .enumerate()
                .map(|(i, h)| format!("{{ day = \"{}\", time = \"{h:02}:00\" }}", ["mon", "wed", "fri"][i % 3]))
                .collect();
            let text = format!(
                "[course]\ntitle = \"S\"\nweeks = 6\nstart = 2027-03-01\ntimezone = \"America/New_York\"\n\n[students]\ncount = 60\n\n[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = {tokyo}\n\n[[students.zones]]\nzone = \"Europe/Berlin\"\ncount = {berlin}\n\n[[activities]]\nid = \"seminar\"\nkind = \"discussion\"\nminutes = 60\nat = [{}]\n",
                at.join(", ")
            );
            let rec = mixplan::recommend(mixplan::course::parse(&text).unwrap());
            let best = rec
                .schedule
                .sittings
                .iter()
                .map(|s| 60 - s.excluded.iter().map(|(_, c)| c).sum::<u32>())
                .max()
                .unwrap();
            let union = rec.schedule.activity_students_covered(&rec.course, 0).unwrap();
            prop_assert!(union >= best, "union {union} < best section {best}");
        }
    }
}

#[test]
fn class_size_rules_count_one_section_and_participation_is_a_plan() {
    let seminar = |at: &str, extra: &str| {
        term(
            "",
            &format!("[[activities]]\nid = \"seminar\"\nkind = \"lecture\"\nminutes = 45\nat = {at}\n{extra}\n[[activities]]\nid = \"debate\"\nkind = \"debate\"\nminutes = 45\n{extra}"),
        )
        .replace("count = 30", "count = 60")
    };
    let large = |text: &str| {
        let rec = mixplan::recommend(load_ok(text));
        rec.plan.decisions[0]
            .reasons
            .iter()
            .any(|r| r.rule.as_str() == "large-class")
    };
    let one = seminar("{ day = \"tue\", time = \"10:00\" }", "");
    let two = seminar(
        "[{ day = \"tue\", time = \"10:00\" }, { day = \"wed\", time = \"10:00\" }]",
        "",
    );
    assert!(large(&one), "60 students in one sitting");
    assert!(!large(&two), "two sections of 30");
    let fired = |text: &str| {
        rules_fired(text)
            .iter()
            .any(|(r, _)| r == "large-live-discussion")
    };
    let debate_live = |t: String| {
        t.replace(
            "kind = \"debate\"\nminutes = 45\n",
            "kind = \"debate\"\nminutes = 45\nmode = \"sync\"\n",
        )
    };
    assert!(fired(&debate_live(seminar(
        "{ day = \"tue\", time = \"10:00\" }",
        ""
    ))));
    assert!(!fired(&debate_live(seminar(
        "{ day = \"tue\", time = \"10:00\" }",
        "participation = [\"breakouts\"]\n"
    ))));
}

#[test]
fn an_exam_in_a_no_live_week_still_meets() {
    let text = term(
        "no_live = [5]",
        "[[activities]]\nid = \"midterm\"\nkind = \"exam\"\nminutes = 90\nweeks = [5]\nat = { day = \"wed\", time = \"19:00\" }\n\n[[activities]]\nid = \"clinic\"\nkind = \"problem-solving\"\nminutes = 45\nmode = \"sync\"\n",
    );
    let rec = mixplan::recommend(load_ok(&text));
    assert_eq!(rec.plan.decisions[0].weeks, vec![5]);
    assert!(
        !rec.plan.decisions[1].weeks.contains(&5),
        "weekly live work skips week 5"
    );
}

#[test]
fn an_exam_before_start_is_an_error() {
    // Week 1 starts Monday 2027-01-11; `start` is Tuesday 2027-01-12.
    let e = only_error(&term(
        "week_starts = \"mon\"",
        "[[activities]]\nid = \"quiz-zero\"\nkind = \"exam\"\nminutes = 30\nweeks = [1]\nat = { day = \"mon\", time = \"10:00\" }\n",
    ));
    assert_eq!((e.0.as_str(), e.1, e.2), ("out-of-range", 16, 6));
}

#[test]
fn explain_documents_the_new_kinds() {
    for (kind, says) in [
        ("exam", "never cut into segments"),
        ("forum", "always self-paced"),
        ("office-hours", "optional by default"),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_mixplan"))
            .args(["explain", kind])
            .output()
            .unwrap();
        assert!(out.status.success(), "{kind}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(says), "{kind}: {text}");
        assert!(!text.contains("SPEC"));
    }
}

/// A weekly seminar in a searched Monday sitting of 70 minutes (60 and two breaks) over four
/// weeks; the holiday on week 3's Monday cancels it that week.
const SEARCHED_MONDAY: &str = "[course]\ntitle = \"T\"\nweeks = 4\nstart = 2027-01-04\ntimezone = \"America/New_York\"\nlive_days = [\"mon\"]\nsync_hours = [1.0, 2.0]\n{holidays}\n[students]\ncount = 20\npopulations = [\"full-time\"]\n\n[goals]\nfocus = [\"community\"]\n\n[[activities]]\nid = \"seminar\"\nkind = \"discussion\"\nminutes = 60\n";

#[test]
fn a_holiday_on_a_searched_sitting_leaves_the_band_measure() {
    let plan = |holidays: &str| {
        let rec = mixplan::recommend(load_ok(&SEARCHED_MONDAY.replace("{holidays}", holidays)));
        assert_eq!(rec.plan.decisions[0].mode, Mode::Sync);
        rec.plan.summary
    };
    let every_week = plan("");
    assert_eq!(every_week.sync_sitting_minutes_per_week, 70.0);
    assert!(every_week.within_band());
    // Three sittings of 70 minutes over four teaching weeks: under the 60-minute floor.
    let holiday = plan("holidays = [2027-01-18]");
    assert_eq!(holiday.sync_sitting_minutes_per_week, 52.5);
    assert!(!holiday.within_band());
    // The activities' own minutes keep their meaning.
    assert_eq!(
        holiday.sync_minutes_per_week,
        every_week.sync_minutes_per_week
    );
}
