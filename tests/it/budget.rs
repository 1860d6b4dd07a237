//! The output budget: the estimate bounds what every format writes, and the attacks that once
//! made a small file write gigabytes are refused, located, before anything is written.

#![expect(
    clippy::disallowed_macros,
    reason = "`MIXPLAN_PRINT_BUDGET=1` prints the estimate beside the output, to recalibrate the costs"
)]

use std::fmt::Write as _;

use mixplan::budget::{self, MAX_OUTPUT_BYTES, Output};
use mixplan::render::{self, Format, Style};

use crate::common::*;

const ZONES: [&str; 8] = [
    "Asia/Tokyo",
    "Europe/Berlin",
    "America/Los_Angeles",
    "Australia/Sydney",
    "Asia/Kolkata",
    "Africa/Lagos",
    "America/Sao_Paulo",
    "Pacific/Auckland",
];
const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// A generated course shape: how many of each thing, and how long its texts are.
#[derive(Clone, Copy, Debug, Default)]
struct Shape {
    weeks: u32,
    self_paced: usize,
    sections: usize,
    zones: usize,
    title: usize,
    url: usize,
    course_url: usize,
    location: usize,
    /// Titles of bidi controls (each printed escaped, ten bytes) instead of letters.
    escaped: bool,
    /// Weekly discussions placed by the slot search (each may get a repeat every week).
    searched: usize,
}

fn text(shape: &Shape) -> String {
    let mut out = format!(
        "[course]\ntitle = \"T\"\nweeks = {}\nstart = 2027-01-04\ntimezone = \"America/New_York\"\nsync_hours = [0, 168]\n",
        shape.weeks
    );
    if shape.course_url > 0 {
        writeln!(
            out,
            "url = \"https://e.x/{}\"",
            "u".repeat(shape.course_url)
        )
        .unwrap();
    }
    let zones = &ZONES[..shape.zones];
    writeln!(out, "\n[students]\ncount = {}", 10 * (zones.len() + 1)).unwrap();
    for zone in zones {
        writeln!(out, "[[students.zones]]\nzone = \"{zone}\"\ncount = 10").unwrap();
    }
    let title = if shape.escaped {
        "\\u202e".repeat(shape.title)
    } else {
        "t".repeat(shape.title)
    };
    for i in 0..shape.self_paced {
        writeln!(
            out,
            "[[activities]]\nid = \"a{i}\"\ntitle = \"{title}x\"\nkind = \"reading\"\nminutes = 5"
        )
        .unwrap();
        if shape.url > 0 {
            writeln!(out, "url = \"https://e.x/{}\"", "v".repeat(shape.url)).unwrap();
        }
        if shape.location > 0 {
            writeln!(out, "location = \"{}\"", "r".repeat(shape.location)).unwrap();
        }
    }
    for i in 0..shape.searched {
        writeln!(
            out,
            "[[activities]]\nid = \"d{i}\"\ntitle = \"{title}z\"\nkind = \"discussion\"\nminutes = 20"
        )
        .unwrap();
    }
    if shape.sections > 0 {
        let at: Vec<String> = (0..shape.sections)
            .map(|k| {
                format!(
                    "{{ day = \"{}\", time = \"{:02}:{:02}\" }}",
                    DAYS[k % 7],
                    6 + (k / 7) / 12,
                    (k / 7) % 12 * 5
                )
            })
            .collect();
        writeln!(
            out,
            "[[activities]]\nid = \"talk\"\ntitle = \"{title}y\"\nkind = \"discussion\"\nminutes = 5\nat = [{}]",
            at.join(", ")
        )
        .unwrap();
    }
    out
}

fn load_rec(text: &str) -> mixplan::Recommendation {
    mixplan::recommend(load_ok(text))
}

/// What each output really writes for a course, in bytes, the larger of `recommend` and
/// `schedule` where both print it.
fn actual(text: &str, output: Output) -> usize {
    let course = load_ok(text);
    let rec = mixplan::recommend(course);
    let written = |format: Format| {
        [false, true]
            .into_iter()
            .map(|schedule_only| {
                let mut out = Vec::new();
                render::write(&rec, format, Style::PLAIN, schedule_only, &mut out).unwrap();
                out.len()
            })
            .max()
            .unwrap()
    };
    match output {
        Output::Table => written(Format::Table),
        Output::Markdown => written(Format::Markdown),
        Output::Json => written(Format::Json),
        Output::Page => render::html::page(&rec, render::html::Shape::Page).len(),
        Output::Calendar { reminders } => {
            // The flat style writes one event per meeting: the larger of the two styles.
            let options = render::ics::Options {
                sequence: 0,
                remind: reminders.then(|| "1d".parse().unwrap()),
                style: render::ics::Style::Flat,
            };
            render::ics::calendar(&rec, options).unwrap().len()
        }
        Output::Workload => {
            let workload = rec.workload();
            let table = render::workload::table(&rec, &workload, Style::PLAIN).len();
            let json = render::workload::json(&rec, &workload).len();
            let markdown = render::workload::markdown(&rec, &workload).len();
            table.max(json).max(markdown)
        }
        Output::Canvas => {
            let model = mixplan::export::canvas::from_recommendation(&load_rec(text)).unwrap();
            mixplan::export::canvas::package(&model, &mixplan::export::canvas::Options::default())
                .len()
        }
        // The course against itself an hour later (its zone moved west): every instant
        // changes, the most a diff prints.
        Output::Diff => {
            let later = text.replacen(
                "timezone = \"America/New_York\"",
                "timezone = \"America/Chicago\"",
                1,
            );
            let side = |t: &str| mixplan::diff::from_bytes("c.toml", t.as_bytes()).unwrap();
            let (old, new) = (side(text), side(&later));
            let diff = mixplan::diff::compare(&old, &new, mixplan::diff::Options::default());
            let report = render::diff::Report {
                diff: &diff,
                new: &new,
                fail_on: &[],
            };
            render::diff::text(&report)
                .len()
                .max(render::diff::json(&report).len())
                .max(render::diff::markdown(&report).len())
        }
    }
}

const OUTPUTS: [Output; 9] = [
    Output::Table,
    Output::Markdown,
    Output::Json,
    Output::Page,
    Output::Calendar { reminders: false },
    Output::Calendar { reminders: true },
    Output::Workload,
    Output::Canvas,
    Output::Diff,
];

/// The estimate never falls below what a format writes on the shapes that grow an output
/// (occurrences, zones, sections, long and escaped text), and stays within a small factor of
/// it, so the 100 MB refusal neither lets a large output through nor stops a modest one.
#[test]
fn estimate_bounds_every_format() {
    let base = Shape {
        weeks: 10,
        self_paced: 10,
        ..Shape::default()
    };
    let shapes = [
        base,
        Shape { weeks: 20, ..base },
        Shape {
            self_paced: 30,
            ..base
        },
        Shape { zones: 8, ..base },
        Shape { title: 480, ..base },
        Shape {
            title: 200,
            escaped: true,
            ..base
        },
        Shape { url: 2_000, ..base },
        Shape {
            course_url: 2_000,
            ..base
        },
        Shape {
            location: 480,
            ..base
        },
        Shape {
            self_paced: 1,
            sections: 40,
            ..base
        },
        Shape {
            self_paced: 1,
            sections: 40,
            zones: 8,
            title: 300,
            ..base
        },
        // Searched sittings with a repeat in every week: students in zones the first time
        // misses.
        Shape {
            self_paced: 1,
            searched: 1,
            zones: 4,
            weeks: 30,
            ..base
        },
        Shape {
            self_paced: 0,
            searched: 6,
            zones: 6,
            title: 300,
            weeks: 30,
            ..base
        },
    ];
    let mut worst: Vec<String> = Vec::new();
    for shape in shapes {
        let text = text(&shape);
        let course = load_ok(&text);
        for output in OUTPUTS {
            let estimate = budget::estimate(&course, output).bytes as usize;
            let real = actual(&text, output);
            if std::env::var_os("MIXPLAN_PRINT_BUDGET").is_some() {
                println!("{output:?}\t{shape:?}\t{estimate}\t{real}");
                continue;
            }
            assert!(
                estimate >= real,
                "{output:?} on {shape:?}: estimate {estimate} < actual {real}"
            );
            // Links and locations are counted wherever a format may print them, and every
            // section as a calendar event of its own (the flat style): those shapes may be
            // estimated high. The others stay within a small factor.
            // A diff groups changes that repeat week after week into one line; the estimate
            // bounds the worst case, every occurrence changing on its own.
            let counted_high = output == Output::Diff
                || shape.url > 0
                || shape.location > 0
                || (shape.sections > 0 && matches!(output, Output::Calendar { .. }));
            if !counted_high && estimate > 3 * real + 20_000 {
                worst.push(format!("{output:?} on {shape:?}: {estimate} vs {real}"));
            }
        }
    }
    assert!(
        worst.is_empty(),
        "estimates far above the output:\n{}",
        worst.join("\n")
    );
}

#[test]
fn url_copied_into_every_due_event_is_capped() {
    // 900 KB of course `url` once made `schedule --ics` allocate until killed.
    let long = format!("url = \"https://e.x/{}\"", "u".repeat(900_000));
    let errors = load_errors(&course_text(&long, "", &activity("a", "reading", 5, "")));
    assert_eq!(errors.len(), 1, "{errors:?}");
    let (rule, line, column, message, _) = &errors[0];
    assert_eq!(rule, "too-many");
    assert_eq!((*line, *column), (4, 7));
    assert!(
        message.contains("`url` in [course] is 900012 bytes long; at most 2048 are allowed"),
        "{message}"
    );
}

#[test]
fn long_word_in_a_title_is_capped() {
    // One 900,000-character word once kept the default table busy for about an hour.
    let title = format!("title = \"{}\"", "w".repeat(900_000));
    let errors = load_errors(&course_text("", "", &activity("a", "reading", 5, &title)));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].0, "too-many");
    assert!(
        errors[0]
            .3
            .contains("is 900000 characters long; at most 500 are allowed"),
        "{}",
        errors[0].3
    );
}

#[test]
fn text_caps_are_inclusive_and_counted_in_their_unit() {
    // 500 characters of a four-byte letter is 2,000 bytes: within the title cap.
    let title = format!("title = \"{}\"", "𝄞".repeat(500));
    let location = format!("location = \"{}\"", "r".repeat(500));
    let url = format!("url = \"https://e.x/{}\"", "u".repeat(2_048 - 12));
    let extra = format!("{title}\n{location}\n{url}");
    let id = format!("id = \"{}\"", "c".repeat(100));
    load_ok(&course_text(&id, "", &activity("a", "reading", 5, &extra)));
    let over = |key: &str, value: String| {
        let extra = format!("{key} = \"{value}\"");
        let errors = load_errors(&course_text("", "", &activity("a", "reading", 5, &extra)));
        assert_eq!(errors[0].0, "too-many", "{key}: {errors:?}");
    };
    over("title", "𝄞".repeat(501));
    over("location", "r".repeat(501));
    over("url", format!("https://e.x/{}", "u".repeat(2_048 - 11)));
    let id = format!("id = \"{}\"", "c".repeat(101));
    let errors = load_errors(&course_text(&id, "", &activity("a", "reading", 5, "")));
    assert_eq!(errors[0].0, "too-many", "{errors:?}");
    assert!(
        errors[0]
            .3
            .contains("`id` in [course] is 101 characters long; at most 100")
    );
}

#[test]
fn ten_thousand_sections_count_as_occurrences() {
    // One activity with 10,080 `at` sections over 104 weeks in 400 zones once counted as 104
    // occurrences; every section of every week counts now.
    let at: Vec<String> = (0..10_080)
        .map(|k| {
            format!(
                "{{ day = \"{}\", time = \"{:02}:{:02}\" }}",
                DAYS[k / 1_440],
                k % 1_440 / 60,
                k % 60
            )
        })
        .collect();
    let zones: String = ZONES
        .iter()
        .map(|z| format!("[[students.zones]]\nzone = \"{z}\"\ncount = 1\n"))
        .collect();
    let text = format!(
        "[course]\ntitle = \"T\"\nweeks = 104\n\n[students]\ncount = 8\n{zones}\n[[activities]]\nid = \"talk\"\nkind = \"discussion\"\nminutes = 1\nat = [{}]\n",
        at.join(", ")
    );
    let errors = load_errors(&text);
    assert!(
        errors
            .iter()
            .any(|e| e.0 == "too-many" && e.3.contains("1048320 activity occurrences")),
        "{:?}",
        &errors[..errors.len().min(3)]
    );
}

/// A course inside every input limit whose calendar would still pass 100 MB: refused with the
/// format and the estimate named, and no calendar file written.
#[test]
fn calendar_over_the_output_budget_is_refused_before_writing() {
    let url = format!("url = \"https://e.x/{}\"", "u".repeat(2_000));
    let mut rest = String::new();
    for i in 0..400 {
        rest.push_str(&activity(&format!("a{i}"), "reading", 5, ""));
    }
    let text = course_text(&format!("start = 2027-01-04\n{url}"), "", &rest)
        .replace("weeks = 4", "weeks = 104");
    let course = load_ok(&text);
    let estimate = budget::estimate(&course, Output::Calendar { reminders: false });
    assert!(estimate.bytes > MAX_OUTPUT_BYTES, "{estimate:?}");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.toml");
    std::fs::write(&file, &text).unwrap();
    let ics = dir.path().join("c.ics");
    let out = crate::common::schedule_ics(&file, &ics).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("error[too-many]"), "{err}");
    assert!(
        err.contains("the calendar (`--ics`) would be about"),
        "{err}"
    );
    assert!(
        err.contains("MB (41600 occurrences); at most 100 MB is written"),
        "{err}"
    );
    assert!(!ics.exists());
    // The same course prints its table: the budget is per format.
    mixplan().arg("schedule").arg(&file).assert().code(0);
}

#[test]
fn reminders_count_against_the_occurrence_limit() {
    // 1,000,100 occurrences x 1 zone are accepted; a reminder for each doubles them.
    let course = load_ok(
        &course_text(
            "start = 2027-01-04",
            "",
            &(0..10_001)
                .map(|i| activity(&format!("a{i}"), "reading", 5, ""))
                .collect::<String>(),
        )
        .replace("weeks = 4", "weeks = 100"),
    );
    let within = budget::estimate(&course, Output::Calendar { reminders: false });
    assert_eq!(within.occurrences, 1_000_100);
    let refused = budget::check_output(&course, Output::Calendar { reminders: true }).unwrap_err();
    assert!(
        refused
            .message
            .contains("2000200 occurrences (reminders counted)"),
        "{}",
        refused.message
    );
}

#[test]
fn long_word_at_the_title_cap_is_cut_before_the_table_library() {
    // A 900,000-character word once kept the table busy for an hour (quadratic splitting in
    // comfy-table); at the 500-character cap, and cut to 58-character lines before the
    // library sees it, 20 such titles over 104 weeks lay out at once and within the width.
    let title = format!("title = \"{}\"", "w".repeat(500));
    let mut rest = String::new();
    for i in 0..20 {
        rest.push_str(&activity(&format!("a{i}"), "reading", 5, &title));
    }
    let text = course_text("", "", &rest).replace("weeks = 4", "weeks = 104");
    let rec = mixplan::recommend(load_ok(&text));
    let started = std::time::Instant::now();
    let mut out = Vec::new();
    render::write(&rec, Format::Table, Style::PLAIN, false, &mut out).unwrap();
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains(&"w".repeat(58)));
    assert!(!out.contains(&"w".repeat(59)));
    for line in out.lines() {
        assert!(line.chars().count() <= 120, "{line}");
    }
}

mod mirror {
    use arbitrary::{Arbitrary, Unstructured};
    use proptest::prelude::*;

    use crate::common::hostile_gen;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 60, .. ProptestConfig::default() })]

        /// Mirror of `fuzz_targets/writers.rs`: hostile titles, locations and links never
        /// panic the page or calendar writers, and the output budget bounds both.
        #[test]
        fn writers_stay_within_the_budget(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let mut u = Unstructured::new(&bytes);
            let Ok(input) = hostile_gen::FuzzWriters::arbitrary(&mut u) else { return Ok(()) };
            hostile_gen::writers(&input);
        }
    }
}

/// Inputs the `writers` fuzz target found over the budget's estimate, replayed (one file each
/// in `tests/fixtures/fuzz/writers/`, named after what it caught):
/// - `page-weekly-repeats`: 30 weeks of a discussion repeated every week for four zones wrote
///   a page 1% over (repeats were not counted);
/// - `page-escaped-links`: apostrophes in eight activities' links, written as character
///   references, put a page 28% over (each counted as one byte);
/// - `calendar-long-title`: a 288-character title of controls and commas over 14 weeks wrote
///   a calendar 0.2% over (folding its lines adds three bytes per 75 octets);
/// - `calendar-repeats-long-title`: a discussion repeated for five zones wrote its 292-character
///   title into every repeat event, uncounted (3% over).
#[test]
fn fuzz_writers_findings_stay_within_the_estimate() {
    use arbitrary::{Arbitrary, Unstructured};
    let mut names = Vec::new();
    for entry in std::fs::read_dir("tests/fixtures/fuzz/writers").unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let input =
            crate::common::hostile_gen::FuzzWriters::arbitrary(&mut Unstructured::new(&bytes))
                .unwrap();
        crate::common::hostile_gen::writers(&input);
        names.push(path.file_name().unwrap().to_owned());
    }
    assert!(names.len() >= 4, "{names:?}");
}

/// Found by walking the caps: 555 sections a week over 104 weeks, each with a title, link and
/// location at their caps, wrote 198 MB of JSON (every meeting lists its link and location;
/// the estimate counted a fifth of a copy). Now the JSON of such a course is refused.
#[test]
fn json_of_sections_with_capped_texts_is_refused() {
    let at: Vec<String> = (0..555)
        .map(|k| {
            format!(
                "{{ day = \"mon\", time = \"{:02}:{:02}\" }}",
                k / 60 % 24,
                k % 60
            )
        })
        .collect();
    let text = format!(
        "[course]\ntitle = \"T\"\nweeks = 104\nstart = 2027-01-04\ntimezone = \"America/New_York\"\nsync_hours = [0, 168]\n\n[students]\ncount = 10\n\n[[activities]]\nid = \"talk\"\ntitle = \"{}\"\nkind = \"discussion\"\nminutes = 1\nurl = \"https://e.x/{}\"\nlocation = \"{}\"\nat = [{}]\n",
        "t".repeat(500),
        "u".repeat(2_000),
        "r".repeat(500),
        at.join(", ")
    );
    let course = load_ok(&text);
    let refused = budget::check_output(&course, Output::Json).unwrap_err();
    assert!(
        refused
            .message
            .starts_with("the JSON output would be about"),
        "{}",
        refused.message
    );
}

/// `workload` plans without listing occurrences (a course with 10,080 sections over 104 weeks
/// listed a million meetings: 3.3 GiB and 6.3 s); its reports are the same bytes either way.
#[test]
fn workload_reports_need_no_occurrence_list() {
    for entry in std::fs::read_dir("examples").unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let full = mixplan::recommend(load_ok(&text));
        let lean = mixplan::judge(load_ok(&text)).without_occurrences();
        let (a, b) = (full.workload(), lean.workload());
        assert_eq!(
            render::workload::json(&full, &a),
            render::workload::json(&lean, &b),
            "{}",
            path.display()
        );
        assert_eq!(
            render::workload::table(&full, &a, Style::PLAIN),
            render::workload::table(&lean, &b, Style::PLAIN)
        );
        assert_eq!(render::chart::svg(&full, &a), render::chart::svg(&lean, &b));
    }
}
