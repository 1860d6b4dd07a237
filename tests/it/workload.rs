//! Workload: the published rates cell by cell, the estimators' input errors, the weekly
//! totals and their invariants, and `mixplan workload` as a user runs it.

use assert_cmd::Command;
use mixplan::course::estimate::{Estimator, RATES};
use mixplan::course::{Drafting, Genre, NewConcepts, Purpose};
use predicates::str::contains;
use proptest::prelude::*;

use crate::common::{activity, course_text, load_errors, load_ok};

fn mixplan() -> Command {
    let mut cmd = crate::common::mixplan();
    cmd.env_remove("NO_COLOR");
    cmd
}

// The published table, written out again by hand: a change to `RATES` must be deliberate.
// Reading, words a minute (Rice CTE workload estimator, "Estimation details").
macro_rules! reading_cell {
    ($($name:ident: $purpose:ident, $concepts:ident => $wpm:expr;)*) => {$(
        #[test]
        fn $name() {
            assert_eq!(RATES.reading(Purpose::$purpose, NewConcepts::$concepts), $wpm);
            // The estimator uses the cell: one minute's worth of words is one minute.
            let read = Estimator::Read {
                pages: 1,
                words_per_page: $wpm,
                purpose: Purpose::$purpose,
                new_concepts: NewConcepts::$concepts,
            };
            assert_eq!(read.minutes(), 1);
        }
    )*};
}

reading_cell! {
    reading_survey_none: Survey, None => 500;
    reading_survey_some: Survey, Some => 350;
    reading_survey_many: Survey, Many => 250;
    reading_understand_none: Understand, None => 250;
    reading_understand_some: Understand, Some => 180;
    reading_understand_many: Understand, Many => 130;
    reading_engage_none: Engage, None => 130;
    reading_engage_some: Engage, Some => 90;
    reading_engage_many: Engage, Many => 65;
}

// Writing, minutes per 250 words (Torrance, Thomas & Robinson 2000, via Rice/Wake Forest).
macro_rules! writing_cell {
    ($($name:ident: $genre:ident, $drafting:ident => $minutes:expr;)*) => {$(
        #[test]
        fn $name() {
            assert_eq!(RATES.writing(Genre::$genre, Drafting::$drafting), $minutes);
            let write = Estimator::Write {
                words: 250,
                genre: Genre::$genre,
                drafting: Drafting::$drafting,
            };
            assert_eq!(write.minutes(), $minutes);
        }
    )*};
}

writing_cell! {
    writing_reflection_none: Reflection, None => 45;
    writing_reflection_minimal: Reflection, Minimal => 60;
    writing_reflection_extensive: Reflection, Extensive => 75;
    writing_argument_none: Argument, None => 90;
    writing_argument_minimal: Argument, Minimal => 120;
    writing_argument_extensive: Argument, Extensive => 150;
    writing_research_none: Research, None => 180;
    writing_research_minimal: Research, Minimal => 240;
    writing_research_extensive: Research, Extensive => 300;
}

#[test]
fn posting_and_watching_rates() {
    assert_eq!(RATES.post_words_per_hour, 250);
    assert_eq!(RATES.watch_minutes_per_minute, 1);
    let post = Estimator::Post {
        posts: 1,
        words: 250,
        replies: 0,
        reply_words: 250,
    };
    assert_eq!(post.minutes(), 60);
}

#[test]
fn every_rate_is_cited_in_explain() {
    for id in [
        "estimate-read",
        "estimate-write",
        "estimate-post",
        "estimate-watch",
    ] {
        let doc = mixplan::rules::RuleId::parse(id).expect("registered").doc();
        assert!(!doc.evidence.is_empty(), "{id} cites no source");
    }
    let read = mixplan::rules::RuleId::EstimateRead.doc().doc;
    for cells in [
        "survey 500/350/250",
        "understand 250/180/130",
        "engage 130/90/65",
    ] {
        assert!(read.contains(cells), "{cells} missing from: {read}");
    }
    let write = mixplan::rules::RuleId::EstimateWrite.doc().doc;
    for cells in [
        "reflection 45/60/75",
        "argument 90/120/150",
        "research 180/240/300",
    ] {
        assert!(write.contains(cells), "{cells} missing from: {write}");
    }
    mixplan()
        .args(["explain", "estimate-read"])
        .assert()
        .success()
        .stdout(contains("understand 250/180/130"))
        .stdout(contains("Rice University"));
}

fn errors(text: &str) -> Vec<(String, usize, usize, String, Option<String>)> {
    load_errors(text)
}

#[test]
fn unknown_purpose_and_genre_suggest_the_closest() {
    let text = course_text(
        "",
        "",
        &format!(
            "{}{}",
            activity_est(
                "r",
                "reading",
                "read = { pages = 10, purpose = \"understnd\", new_concepts = \"some\" }"
            ),
            activity_est(
                "w",
                "project-work",
                "write = { words = 500, genre = \"reserch\", drafting = \"none\" }"
            ),
        ),
    );
    let found = errors(&text);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0].0, "unknown-value");
    assert_eq!(found[0].4.as_deref(), Some("did you mean `understand`?"));
    assert_eq!((found[0].1, found[0].2), (13, 32));
    assert_eq!(found[1].4.as_deref(), Some("did you mean `research`?"));
}

fn activity_est(id: &str, kind: &str, extra: &str) -> String {
    format!("[[activities]]\nid = \"{id}\"\nkind = \"{kind}\"\n{extra}\n")
}

#[test]
fn minutes_and_an_estimator_conflict() {
    let text = course_text(
        "",
        "",
        &activity("v", "lecture", 30, "watch = { minutes = 45 }"),
    );
    let found = errors(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, "conflicting-keys");
    assert!(
        found[0]
            .3
            .contains("both `minutes` and the estimate `watch`")
    );
    assert_eq!((found[0].1, found[0].2), (14, 9));
}

#[test]
fn two_estimators_conflict() {
    let text = course_text(
        "",
        "",
        &activity_est(
            "v",
            "lecture",
            "watch = { minutes = 45 }\nread = { pages = 2, purpose = \"survey\", new_concepts = \"none\" }",
        ),
    );
    let found = errors(&text);
    assert_eq!(found[0].0, "conflicting-keys", "{found:#?}");
}

#[test]
fn neither_minutes_nor_an_estimator_is_missing_minutes() {
    let text = course_text("", "", "[[activities]]\nid = \"a\"\nkind = \"lecture\"\n");
    let found = errors(&text);
    assert_eq!(found[0].0, "missing-key");
    assert!(found[0].4.as_deref().unwrap().contains("`read`, `write`"));
}

#[test]
fn an_estimate_above_the_occurrence_limit_is_located() {
    // 5,000 words of research, extensive drafting: 6,000 minutes in one week.
    let text = course_text(
        "",
        "",
        &activity_est(
            "paper",
            "project-work",
            "weeks = [3]\nwrite = { words = 5000, genre = \"research\", drafting = \"extensive\" }",
        ),
    );
    let found = errors(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, "out-of-range");
    assert_eq!((found[0].1, found[0].2), (14, 9));
    assert!(
        found[0].3.contains("6000 min an occurrence"),
        "{}",
        found[0].3
    );
    assert!(found[0].4.as_deref().unwrap().contains("per = \"total\""));
    // Spread over 10 weeks it fits; over 4 it does not (1500 a week).
    let spread = |weeks: &str| {
        course_text(
            "weeks = 12",
            "",
            &activity_est(
                "paper",
                "project-work",
                &format!("weeks = {weeks}\nwrite = {{ words = 5000, genre = \"research\", drafting = \"extensive\" }}\nper = \"total\""),
            ),
        )
        .replacen("weeks = 4\n", "", 1)
    };
    let fits = load_ok(&spread("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]"));
    assert_eq!(fits.activities[0].minutes, 600);
    let found = errors(&spread("[1, 2, 3, 4]"));
    assert!(found[0].3.contains("1500 min for the first"), "{found:#?}");
}

#[test]
fn per_total_on_a_single_occurrence_is_an_error() {
    let text = course_text(
        "",
        "",
        &activity_est(
            "paper",
            "project-work",
            "every = \"once\"\nwrite = { words = 500, genre = \"argument\", drafting = \"none\" }\nper = \"total\"",
        ),
    );
    let found = errors(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, "invalid-value");
    assert_eq!((found[0].1, found[0].2), (15, 7));
    assert!(found[0].3.contains("takes place once"));
}

#[test]
fn per_without_an_estimate_and_study_hours_off_exams_are_errors() {
    // `per = "total"` spreads `minutes` too, but needs more than one occurrence to spread over.
    let text = course_text(
        "",
        "",
        &activity("a", "lecture", 30, "per = \"total\"\nevery = \"once\"\n"),
    );
    assert_eq!(errors(&text)[0].0, "invalid-value");
    let text = course_text(
        "",
        "",
        &activity("quiz", "assessment", 30, "study_hours = 3\n"),
    );
    let found = errors(&text);
    assert!(found[0].3.contains("is for exams"), "{found:#?}");
}

#[test]
fn workload_keys_out_of_range_are_located() {
    let text = course_text(
        "credits = 0\ncredit_hours = -5\nworkload_tolerance = 20",
        "",
        &activity("a", "lecture", 30, ""),
    );
    let found = errors(&text);
    let rules: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(rules, vec!["out-of-range"; 3], "{found:#?}");
    assert_eq!((found[0].1, found[0].2), (4, 11));
}

fn workload_of(text: &str) -> mixplan::workload::Workload {
    mixplan::recommend(load_ok(text)).workload()
}

#[test]
fn target_spreads_the_credits_over_the_teaching_weeks() {
    let text = course_text(
        "credits = 3",
        "",
        &activity("a", "reading", 60, "mode = \"async\""),
    );
    let w = workload_of(&text);
    let target = w.target.expect("credits give a target");
    // 3 × 45 h over 4 weeks.
    assert!((target.minutes_per_week() - 135.0 * 60.0 / 4.0).abs() < 1e-9);
    assert!(w.is_under_target());
    assert_eq!(w.term_minutes(), 240);
    let without = workload_of(&course_text("", "", &activity("a", "reading", 60, "")));
    assert!(without.target.is_none() && !without.is_under_target());
}

#[test]
fn per_total_spreads_with_the_remainder_first() {
    let text = course_text(
        "weeks = 3",
        "",
        &activity_est(
            "videos",
            "lecture",
            "weeks = [1, 2, 3]\nwatch = { minutes = 1000 }\nper = \"total\"",
        ),
    )
    .replacen("weeks = 4\n", "", 1);
    let w = workload_of(&text);
    let totals: Vec<u64> = w.weeks.iter().map(|w| w.total_minutes()).collect();
    assert_eq!(totals, vec![334, 333, 333]);
}

#[test]
fn workload_json_matches_its_schema_shape_and_nulls_without_credits() {
    let text = course_text("", "", &activity("a", "reading", 60, ""));
    let rec = mixplan::recommend(load_ok(&text));
    let value =
        serde_json::to_value(mixplan::render::workload::json_value(&rec, &rec.workload())).unwrap();
    assert!(value["target_hours_per_week"].is_null());
    assert!(value["term"]["target_hours"].is_null());
    assert!(value["weeks"][0]["target_share"].is_null());
    assert_eq!(value["weeks"][0]["over"], false);
    let schema = mixplan::render::workload::schema();
    let properties = schema["properties"].as_object().unwrap();
    for key in value.as_object().unwrap().keys() {
        assert!(properties.contains_key(key), "{key} not in the schema");
    }
    assert_eq!(properties.len(), value.as_object().unwrap().len());
}

#[test]
fn workload_command_formats_chart_and_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("course.toml");
    std::fs::write(
        &course,
        course_text(
            "credits = 0.5",
            "",
            &format!(
                "{}{}",
                activity("seminar", "discussion", 60, "mode = \"sync\""),
                activity_est(
                    "paper",
                    "project-work",
                    "weeks = [3]\nwrite = { words = 1000, genre = \"argument\", drafting = \"none\" }",
                ),
            ),
        ),
    )
    .unwrap();
    let chart = dir.path().join("chart.svg");
    mixplan()
        .arg("workload")
        .arg(&course)
        .arg("--chart")
        .arg(&chart)
        .assert()
        .success()
        .stdout(contains("▲ over"))
        .stdout(contains(
            "1000 words ÷ 250 × 90 min = 360 min; argument, none drafting",
        ));
    let svg = std::fs::read_to_string(&chart).unwrap();
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("target 5.63 h") && svg.contains("▲7"), "{svg}");
    let json = mixplan()
        .args(["workload", "--format", "json"])
        .arg(&course)
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["target_hours_per_week"], 5.63);
    assert_eq!(value["weeks"][2]["over"], true);
    assert_eq!(value["weeks"][2]["total_hours"], 7.0);
    mixplan()
        .args(["workload", "--format", "markdown"])
        .arg(&course)
        .assert()
        .success()
        .stdout(contains("| week | live h |"));
    // The chart never replaces the course file; a missing file is exit 2, a bad one exit 1.
    mixplan()
        .arg("workload")
        .arg(&course)
        .arg("--chart")
        .arg(&course)
        .assert()
        .code(2);
    assert!(
        std::fs::read_to_string(&course)
            .unwrap()
            .contains("[course]")
    );
    mixplan()
        .args(["workload", "no-such-file.toml"])
        .assert()
        .code(2);
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        course_text(
            "",
            "",
            &activity_est("r", "reading", "read = { pages = 3 }"),
        ),
    )
    .unwrap();
    mixplan()
        .arg("workload")
        .arg(&bad)
        .assert()
        .code(1)
        .stderr(contains("missing the required key `purpose`"));
}

/// The worked example of the workload issue, to the hundredth of an hour.
#[test]
fn worked_example_gives_the_published_numbers() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/workload-seminar.toml"),
    )
    .unwrap();
    let rec = mixplan::recommend(load_ok(&text));
    let w = rec.workload();
    let value = serde_json::to_value(mixplan::render::workload::json_value(&rec, &w)).unwrap();
    assert_eq!(value["target_hours_per_week"], 9.64);
    let totals: Vec<f64> = value["weeks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["total_hours"].as_f64().unwrap())
        .collect();
    let mut expected = vec![5.67; 14];
    expected[5] = 8.17;
    expected[6] = 9.67;
    for week in &mut expected[7..11] {
        *week = 13.67;
    }
    assert_eq!(totals, expected);
    let over: Vec<u64> = value["weeks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["over"] == true)
        .map(|w| w["week"].as_u64().unwrap())
        .collect();
    assert_eq!(over, vec![8, 9, 10, 11]);
    assert_eq!(value["weeks"][0]["live_hours"], 1.0);
    assert_eq!(value["weeks"][0]["self_paced_hours"], 4.67);
    assert_eq!(value["weeks"][0]["target_share"], 0.59);
    assert_eq!(value["term"]["total_hours"], 117.83);
    assert_eq!(value["term"]["target_hours"], 135.0);
    assert_eq!(value["peak"]["week"], 8);
    let style = mixplan::render::Style::PLAIN;
    insta::assert_snapshot!(
        "workload-seminar-table",
        mixplan::render::workload::table(&rec, &w, style)
    );
    insta::assert_snapshot!(
        "workload-seminar-markdown",
        mixplan::render::workload::markdown(&rec, &w)
    );
    insta::assert_snapshot!(
        "workload-seminar-json",
        mixplan::render::workload::json(&rec, &w)
    );
    insta::assert_snapshot!(
        "workload-seminar-chart",
        mixplan::render::chart::svg(&rec, &w)
    );
}

#[test]
fn study_hours_fall_before_the_exam_and_skip_breaks() {
    let text = course_text(
        "weeks = 6\nbreaks = [3]",
        "",
        &format!(
            "{}{}",
            activity_est(
                "final",
                "exam",
                "minutes = 120\nweeks = [4]\nstudy_hours = 2.5"
            ),
            activity_est("quiz", "exam", "minutes = 30\nweeks = [1]\nstudy_hours = 1"),
        ),
    )
    .replacen("weeks = 4\n", "", 1);
    let w = workload_of(&text);
    let study: Vec<(u32, u64)> = w.activities.iter().flat_map(|a| a.study.clone()).collect();
    // 150 minutes: half in week 2 (week 3 is a break), half in week 4; the week-1 quiz has no
    // earlier teaching week and takes all its study in week 1.
    assert_eq!(study, vec![(2, 75), (4, 75), (1, 60)]);
    assert_eq!(w.weeks[2].total_minutes(), 0, "a break carries no work");
    assert!(!w.weeks[2].teaching);
}

/// The plan and workload of a one-credit course (the common four weeks) of `activities`.
fn one_credit(activities: &[String]) -> (mixplan::Recommendation, mixplan::workload::Workload) {
    let rec = mixplan::recommend(load_ok(&course_text(
        "credits = 1",
        "",
        &activities.concat(),
    )));
    let w = rec.workload();
    (rec, w)
}

#[test]
fn optional_work_is_listed_apart() {
    let (rec, w) = one_credit(&[
        activity("readings", "reading", 60, ""),
        activity("drop-in", "q-and-a", 30, "optional = true\nmode = \"sync\""),
    ]);
    assert_eq!(w.term_minutes(), 240);
    assert_eq!(w.optional.len(), 1);
    assert_eq!(w.optional[0].total_minutes, 120);
    let table = mixplan::render::workload::table(&rec, &w, mixplan::render::Style::PLAIN);
    assert!(
        table.contains("Optional (not in the totals)") && table.contains("drop-in"),
        "{table}"
    );
}

/// Optional work in a single week reads "week 3", not "weeks 3" (the extra-credit exercise
/// of examples/quarter-software-engineering-project.toml was listed as "weeks 10").
#[test]
fn optional_work_in_one_week_says_week() {
    let (rec, w) = one_credit(&[
        activity("readings", "reading", 60, ""),
        activity("extra", "practice", 90, "optional = true\nweeks = [3]"),
        activity(
            "drop-in",
            "q-and-a",
            30,
            "optional = true\nmode = \"sync\"\nweeks = [2, 3]",
        ),
    ]);
    let table = mixplan::render::workload::table(&rec, &w, mixplan::render::Style::PLAIN);
    assert!(
        table.contains("extra: self-paced, week 3: 1.5 h over the term"),
        "{table}"
    );
    assert!(
        table.contains("drop-in: live, weeks 2-3: 1 h over the term"),
        "{table}"
    );
}

#[test]
fn a_sitting_cancelled_by_a_holiday_asks_nothing() {
    let text = course_text(
        "start = 2027-01-11\nholidays = [2027-01-19]",
        "",
        &activity(
            "lecture-tue",
            "discussion",
            60,
            "at = { day = \"tue\", time = \"17:30\" }",
        ),
    );
    let w = workload_of(&text);
    let live: Vec<u64> = w.weeks.iter().map(|w| w.live_minutes).collect();
    assert_eq!(live, vec![60, 0, 60, 60]);
}

#[test]
fn credits_need_a_teaching_week() {
    let text = course_text(
        "weeks = 2\nbreaks = [1, 2]\ncredits = 3",
        "",
        &activity_est("final", "exam", "minutes = 60\nevery = \"once\""),
    )
    .replacen("weeks = 4\n", "", 1);
    let found = errors(&text);
    assert!(
        found
            .iter()
            .any(|f| f.3.contains("`credits` needs at least one teaching week")),
        "{found:#?}"
    );
}

#[test]
fn schema_file_is_current() {
    let committed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/workload.schema.json"),
    )
    .unwrap();
    assert_eq!(
        committed,
        mixplan::render::pretty(&mixplan::render::workload::schema())
    );
}

prop_compose! {
    fn workload_course()(
        weeks in 1u32..=16,
        credits in proptest::option::of(1u32..=6),
        break_week in proptest::option::of(2u32..=16),
        activities in proptest::collection::vec(
            (0u8..5, 1u32..=400, 0u8..3, any::<bool>(), 1u32..=16),
            1..12,
        ),
    ) -> String {
        let break_week = break_week.filter(|&b| b < weeks);
        let mut text = format!(
            "[course]\ntitle = \"P\"\nweeks = {weeks}\n{}{}\n[students]\ncount = 20\n\n",
            credits.map(|c| format!("credits = {c}\n")).unwrap_or_default(),
            break_week.map(|b| format!("breaks = [{b}]\n")).unwrap_or_default(),
        );
        for (i, (what, size, every, total, span)) in activities.into_iter().enumerate() {
            let every = ["week", "2-weeks", "once"][every as usize];
            let estimate = match what {
                0 => format!("minutes = {}", size.min(600)),
                1 => format!("watch = {{ minutes = {} }}", size.min(600)),
                2 => format!("read = {{ pages = {}, purpose = \"survey\", new_concepts = \"none\" }}", size.min(200)),
                3 => format!("post = {{ posts = 1, words = {size}, replies = 1 }}"),
                _ => format!("write = {{ words = {}, genre = \"reflection\", drafting = \"none\" }}", size.min(3000)),
            };
            let spread = span.min(weeks);
            let (cadence, per) = if total && spread >= 2 && what > 0 {
                let list: Vec<String> = (1..=spread)
                    .filter(|&w| Some(w) != break_week)
                    .map(|w| w.to_string())
                    .collect();
                (format!("weeks = [{}]", list.join(", ")), "per = \"total\"\n")
            } else {
                (format!("every = \"{every}\""), "")
            };
            text.push_str(&format!(
                "[[activities]]\nid = \"a{i}\"\nkind = \"{}\"\n{cadence}\n{estimate}\n{per}\n",
                ["reading", "lecture", "project-work", "discussion", "reflection"][what as usize]
            ));
        }
        text
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn weekly_totals_add_up_to_the_term_and_per_total_keeps_the_estimate(text in workload_course()) {
        let loaded = mixplan::course::load(&text);
        // Some generated estimates exceed the occurrence limit: those files are rejected,
        // which the loader tests cover.
        prop_assume!(loaded.course.is_some());
        let course = loaded.course.unwrap();
        let rec = mixplan::recommend(course);
        let w = rec.workload();
        let by_week: u64 = w.weeks.iter().map(|w| w.total_minutes()).sum();
        let by_activity: u64 = w.activities.iter().map(|a| a.total_minutes()).sum();
        prop_assert_eq!(by_week, w.term_minutes());
        prop_assert_eq!(by_activity, w.term_minutes());
        for load in &w.activities {
            let a = &rec.course.activities[load.activity];
            if let Some(e) = a.estimate.filter(|e| e.per == mixplan::course::Per::Total) {
                prop_assert_eq!(load.minutes.iter().sum::<u64>(), e.minutes());
            }
        }
        // Breaks carry no work: teaching weeks are the only weeks with work.
        for week in &w.weeks {
            prop_assert!(week.teaching || week.total_minutes() == 0);
        }
        prop_assert_eq!(
            w.weeks.iter().filter(|w| !w.teaching).count(),
            rec.course.meta.breaks.len()
        );
    }
}

#[test]
fn workload_reads_stdin_and_colours_over_weeks_on_request() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/workload-seminar.toml"),
    )
    .unwrap();
    let plain = mixplan()
        .args(["workload", "-", "--color", "never"])
        .write_stdin(text.clone())
        .output()
        .unwrap();
    assert!(plain.status.success());
    let plain = String::from_utf8(plain.stdout).unwrap();
    assert!(
        !plain.contains('\u{1b}') && plain.contains("▲ over"),
        "{plain}"
    );
    let coloured = mixplan()
        .args(["workload", "-", "--color", "always"])
        .write_stdin(text)
        .output()
        .unwrap();
    let coloured = String::from_utf8(coloured.stdout).unwrap();
    // Over-target weeks are red (SGR 31 or its 256-colour form) on a terminal.
    assert!(coloured.contains("\u{1b}["), "{coloured}");
    let over_line = coloured
        .lines()
        .find(|l| l.contains("▲ over"))
        .expect("an over-target week");
    assert!(
        over_line.contains("\u{1b}[38;5;9m") || over_line.contains("\u{1b}[31m"),
        "{over_line:?}"
    );
}

#[test]
fn one_week_over_target_says_week() {
    // One credit over four weeks targets 11.25 h a week (flagged above 13.5 h); two
    // eight-hour projects in week 4 put that week alone over.
    let (_, w) = one_credit(&[
        activity("readings", "reading", 60, ""),
        activity("project", "project-work", 480, "weeks = [4]"),
        activity("report", "project-work", 480, "weeks = [4]"),
    ]);
    let lines = mixplan::render::workload::summary_lines(&w);
    let over = lines.iter().find(|(name, _)| name == "over target");
    assert_eq!(over.map(|(_, v)| v.as_str()), Some("week 4"), "{lines:?}");
}
