//! Every design check has a fixture that triggers it and one that passes:
//! `tests/fixtures/check/<rule>/{fail,pass}.toml`.

use std::path::Path;

use mixplan::check::{self, CHECK_RULES, Options};

fn fixture(rule: impl std::fmt::Display, which: &str) -> (String, Vec<u8>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/check")
        .join(rule.to_string())
        .join(format!("{which}.toml"));
    let bytes =
        std::fs::read(&path).unwrap_or_else(|e| panic!("missing fixture {}: {e}", path.display()));
    (format!("{rule}/{which}.toml"), bytes)
}

#[test]
fn every_check_fires_on_its_fail_fixture_only() {
    for rule in CHECK_RULES {
        let (name, bytes) = fixture(rule.id, "fail");
        let report = check::check_bytes(name.clone(), &bytes, &Options::default());
        let hits: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.rule == rule.id)
            .collect();
        assert!(
            !hits.is_empty(),
            "{name} does not trigger {}: {:#?}",
            rule.id,
            report.diagnostics
        );
        for d in &hits {
            assert_eq!(d.severity, rule.severity(), "{name}");
            let span = d.span.expect("design findings point into the file");
            assert!(span.end <= bytes.len(), "{name}: span past the end");
            assert!(d.help.is_some(), "{name}: {} has no help line", rule.id);
        }
        assert!(
            report.diagnostics.iter().all(|d| d.rule == rule.id),
            "{name} triggers other rules too: {:#?}",
            report.diagnostics
        );
    }
}

#[test]
fn every_pass_fixture_is_clean() {
    for rule in CHECK_RULES {
        let (name, bytes) = fixture(rule.id, "pass");
        let report = check::check_bytes(name.clone(), &bytes, &Options::default());
        assert!(
            report.diagnostics.is_empty(),
            "{name} is not clean: {:#?}",
            report.diagnostics
        );
    }
}

#[test]
fn every_check_is_documented_with_evidence() {
    for rule in CHECK_RULES {
        let entry = rule.id.doc();
        assert_eq!(entry.kind, mixplan::rules::RuleKind::Check(rule.severity()));
        assert!(
            entry.evidence.starts_with("seed:") || rule.id == "unknown-rule",
            "{} cites no seed section",
            rule.id
        );
        assert!(!entry.doc.is_empty() && !entry.example.is_empty());
    }
}

#[test]
fn file_allow_and_command_line_levels() {
    let (name, bytes) = fixture("live-lecture", "fail");
    let options = Options::from_flags(&[], &[], &["live-lecture".into()]);
    assert!(options.flag_findings.is_empty());
    let report = check::check_bytes(name.clone(), &bytes, &options);
    assert_eq!(
        report.diagnostics[0].severity,
        mixplan::diagnostic::Severity::Error
    );

    let options = Options::from_flags(&["live-lecture".into()], &[], &[]);
    assert!(
        check::check_bytes(name, &bytes, &options)
            .diagnostics
            .is_empty()
    );

    // The file's own `[check] allow` wins over `--deny`.
    let (name, bytes) = fixture("unknown-rule", "pass");
    let options = Options::from_flags(&[], &[], &["live-lecture".into()]);
    assert!(
        check::check_bytes(name, &bytes, &options)
            .diagnostics
            .is_empty()
    );
}

#[test]
fn recommend_advice_includes_design_findings() {
    let advice_of = |rule: &str| {
        let (_, bytes) = fixture(rule, "fail");
        let course = mixplan::course::parse(std::str::from_utf8(&bytes).unwrap()).unwrap();
        let rec = mixplan::recommend(course);
        rec.advice
            .iter()
            .map(|a| (a.rule(), mixplan::render::words::advice(&rec, a)))
            .collect::<Vec<_>>()
    };
    let advice = advice_of("live-lecture");
    let lecture = advice.iter().find(|a| a.0 == "live-lecture").unwrap();
    assert!(
        lecture.1.contains("; record it as self-paced pre-work"),
        "help is included"
    );
    // Each problem has one producer: an unrecorded live session is the check's finding.
    let advice = advice_of("live-not-recorded");
    assert_eq!(
        advice.iter().filter(|a| a.0 == "live-not-recorded").count(),
        1,
        "{advice:?}"
    );
}

#[test]
fn broken_input_is_a_finding_not_a_panic() {
    for bytes in [
        &b""[..],
        b"[course",
        b"\xff\xfe",
        b"[course]\n[course]\n",
        b"course = 1",
        b"[[activities]]\nminutes = -1",
    ] {
        let report = check::check_bytes("x.toml".into(), bytes, &Options::default());
        assert!(!report.diagnostics.is_empty());
        assert!(
            report
                .diagnostics
                .iter()
                .all(|d| d.severity == mixplan::diagnostic::Severity::Error)
        );
    }
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Any edit of a real course file yields findings or a clean report, never a panic,
        /// and every finding's span lies inside the file.
        #[test]
        fn mutated_fixtures(cut in 0usize..2000, len in 0usize..40, insert in "[\\[\\]=\"a-z0-9 \\n.,{}#-]{0,12}") {
            let (_, bytes) = fixture("pinned-slot-excludes-students", "fail");
            let mut text = String::from_utf8(bytes).unwrap();
            let at = cut.min(text.len());
            let end = (at + len).min(text.len());
            text.replace_range(at..end, &insert);
            let report = check::check_bytes("m.toml".into(), text.as_bytes(), &Options::default());
            for d in &report.diagnostics {
                if let Some(span) = d.span {
                    prop_assert!(span.end <= text.len().max(1));
                }
            }
        }
    }
}

/// A discussion board (`forum`) is a written place to respond, peer interaction and an early
/// touchpoint, like a self-paced `discussion`.
#[test]
fn a_forum_counts_as_the_written_alternative_and_peer_interaction() {
    let text = r#"
[course]
title = "Forum course"
weeks = 6

[students]
count = 20
populations = ["working-adults"]

[[activities]]
id = "clinic"
kind = "problem-solving"
minutes = 45
mode = "sync"

[[activities]]
id = "board"
kind = "forum"
minutes = 30

[[activities]]
id = "quiz"
kind = "assessment"
minutes = 15
"#;
    let report = check::check_bytes("forum.toml".into(), text.as_bytes(), &Options::default());
    let rules: Vec<&str> = report.diagnostics.iter().map(|d| d.rule.as_str()).collect();
    for rule in [
        "live-without-alternative",
        "async-without-accountability",
        "no-early-touchpoint",
    ] {
        assert!(!rules.contains(&rule), "{rule} fired: {rules:?}");
    }
}

/// Regression (a translated campus syllabus): weekly classes in a room with homework online
/// drew "100% of the weekly time is self-paced", as if the room's minutes were not live.
#[test]
fn classes_in_a_room_are_not_self_paced_time() {
    let text = "[course]\ntitle = \"T\"\nweeks = 4\ndelivery = \"hybrid\"\n\n[students]\ncount = 20\n\n\
        [[activities]]\nid = \"lecture\"\nkind = \"lecture\"\nminutes = 150\nat = { day = \"tue\", time = \"09:30\" }\nin_person = true\nrecorded = true\n\n\
        [[activities]]\nid = \"homework\"\nkind = \"practice\"\nminutes = 240\n";
    let rules = |text: &str| -> Vec<String> {
        check::check_bytes("t.toml".into(), text.as_bytes(), &Options::default())
            .diagnostics
            .into_iter()
            .map(|d| d.rule.as_str().to_string())
            .collect()
    };
    let campus = rules(text);
    assert!(
        !campus.iter().any(|r| r == "async-without-accountability"),
        "{campus:?}"
    );
    // The same homework with the class recorded and watched on one's own is self-paced.
    let online = text.replace(
        "at = { day = \"tue\", time = \"09:30\" }\nin_person = true\nrecorded = true\n",
        "mode = \"async\"\n",
    );
    let online = rules(&online);
    assert!(
        online.iter().any(|r| r == "async-without-accountability"),
        "{online:?}"
    );
}

/// Regression (the same syllabus): an evening exam in a room, outside full-time students'
/// default hours, was told to send them to a forum. An exam's help names their real hours or
/// another sitting.
#[test]
fn an_exam_in_a_room_outside_hours_is_not_sent_to_a_forum() {
    let text = "[course]\ntitle = \"T\"\nweeks = 4\nstart = 2027-01-11\ntimezone = \"America/Chicago\"\ndelivery = \"hybrid\"\n\n[students]\ncount = 20\npopulations = [\"full-time\"]\n\n\
        [[activities]]\nid = \"final\"\nkind = \"exam\"\nminutes = 180\nat = { date = 2027-02-02, time = \"19:00\" }\nin_person = true\n";
    let report = check::check_bytes("t.toml".into(), text.as_bytes(), &Options::default());
    let exam = report
        .diagnostics
        .iter()
        .find(|d| d.rule.as_str() == "exam-outside-hours")
        .expect("the evening exam is outside the default hours");
    let help = exam.help.as_deref().unwrap_or_default();
    assert!(help.contains("`available`"), "{help}");
    assert!(!help.contains("forum"), "{help}");
}

/// Regression: a 10-minute framing talk pinned live before a debate drew `live-lecture`, while
/// a quiz pinned live drew nothing.
#[test]
fn framing_talk_is_a_segment_and_a_live_quiz_is_individual_work() {
    let text = "[course]\ntitle = \"T\"\nweeks = 4\n\n[students]\ncount = 20\n\n\
        [[activities]]\nid = \"framing\"\nkind = \"lecture\"\nminutes = 10\nmode = \"sync\"\n\n\
        [[activities]]\nid = \"debate\"\nkind = \"debate\"\nminutes = 50\nmode = \"sync\"\n\n\
        [[activities]]\nid = \"quiz\"\nkind = \"assessment\"\nminutes = 10\nmode = \"sync\"\n";
    let report = check::check_bytes("t.toml".into(), text.as_bytes(), &Options::default());
    let rules: Vec<&str> = report.diagnostics.iter().map(|d| d.rule.as_str()).collect();
    assert!(!rules.contains(&"live-lecture"), "{rules:?}");
    assert!(rules.contains(&"live-individual-work"), "{rules:?}");
    let long = text.replace(
        "minutes = 10\nmode = \"sync\"\n\n[[activities]]\nid = \"debate\"",
        "minutes = 40\nmode = \"sync\"\n\n[[activities]]\nid = \"debate\"",
    );
    let report = check::check_bytes("t.toml".into(), long.as_bytes(), &Options::default());
    assert!(report.diagnostics.iter().any(|d| d.rule == "live-lecture"));
}

/// Regression: "pollution" in an id counted as a polling plan. The plan is the `participation`
/// key; a presentation at scale is told to have selected groups present.
#[test]
fn participation_comes_from_the_key_not_from_words() {
    let text = "[course]\ntitle = \"T\"\nweeks = 4\n\n[students]\ncount = 200\n\n\
        [[activities]]\nid = \"pollution-debate\"\nkind = \"debate\"\nminutes = 45\nmode = \"sync\"\n\n\
        [[activities]]\nid = \"showcase\"\nkind = \"presentation\"\nminutes = 30\nmode = \"sync\"\n\n\
        [[activities]]\nid = \"forum\"\nkind = \"forum\"\nminutes = 30\n";
    let report = check::check_bytes("t.toml".into(), text.as_bytes(), &Options::default());
    let large: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == "large-live-discussion")
        .collect();
    assert_eq!(large.len(), 2, "{large:#?}");
    assert!(
        large[1]
            .help
            .as_deref()
            .unwrap()
            .contains("selected groups present")
    );
    let planned = text
        .replace(
            "id = \"pollution-debate\"\nkind = \"debate\"\n",
            "id = \"pollution-debate\"\nkind = \"debate\"\nparticipation = [\"breakouts\"]\n",
        )
        .replace(
            "id = \"showcase\"\nkind = \"presentation\"\n",
            "id = \"showcase\"\nkind = \"presentation\"\nparticipation = [\"polling\", \"chat\"]\n",
        );
    let report = check::check_bytes("t.toml".into(), planned.as_bytes(), &Options::default());
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| d.rule != "large-live-discussion"),
        "{:#?}",
        report.diagnostics
    );
}

/// Office hours during one section of a lab clash only in a week no other section is held:
/// the students who want them take the other section.
#[test]
fn office_hours_over_a_section_clash_only_when_no_other_section_is_held() {
    let text = "[course]\ntitle = \"T\"\nweeks = 4\nstart = 2027-01-11\ntimezone = \"America/New_York\"\n\n\
        [students]\ncount = 20\n\n\
        [[activities]]\nid = \"lab\"\nkind = \"problem-solving\"\nminutes = 50\n\
        at = [{ day = \"wed\", time = \"10:00\" }, { day = \"thu\", time = \"10:00\" }]\n\n\
        [[activities]]\nid = \"office-hours\"\nkind = \"office-hours\"\nminutes = 60\nat = { day = \"wed\", time = \"10:30\" }\n";
    let clashes = |text: &str| -> Vec<String> {
        check::check_bytes("t.toml".into(), text.as_bytes(), &Options::default())
            .diagnostics
            .into_iter()
            .filter(|d| d.rule == "optional-overlaps-required")
            .map(|d| d.message)
            .collect()
    };
    assert_eq!(clashes(text), Vec::<String>::new());
    // A holiday takes Thursday's section in week 2: Wednesday's is the only one that week.
    let holiday = text.replace("timezone", "holidays = [2027-01-21]\ntimezone");
    let found = clashes(&holiday);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("from week 2"), "{found:?}");
}
