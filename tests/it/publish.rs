//! Publishing for people: markdown that reads literally whatever the course file says, checked
//! by a real CommonMark + GFM renderer (`tests/markdown_check.py`, markdown-it-py) when it is
//! installed; `.ci/run` installs it and sets `MIXPLAN_REQUIRE_PY_VALIDATORS=1` to require it.

#![expect(
    clippy::disallowed_macros,
    reason = "tests print a note when an optional validator is skipped"
)]

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use crate::common::mixplan;

/// A title with every markdown and HTML hazard the issue names, and more.
pub const HOSTILE: &str =
    r#"__init__ <script>alert(1)</script> [l](x) *b* ~~s~~ `c` &amp; | ![i](y) # <b>"#;

/// A small course whose course and activity titles are [`HOSTILE`].
pub fn hostile_course() -> String {
    let title = toml_string(HOSTILE);
    format!(
        r#"[course]
title = {title}
weeks = 2
start = 2027-01-11
timezone = "America/New_York"

[students]
count = 10
populations = ["full-time"]

[[activities]]
id = "seminar"
title = {title}
kind = "discussion"
minutes = 50
mode = "sync"

[[activities]]
id = "reading"
title = {title}
kind = "reading"
minutes = 60
"#
    )
}

/// A course whose Tokyo students no session time reaches: they take the recording route.
pub const ROUTE: &str = r#"[course]
title = "Route"
weeks = 3
start = 2027-01-11
timezone = "America/New_York"
live_at = { day = "wed", time = "19:00" }

[students]
count = 20
populations = ["full-time"]

[[students.zones]]
zone = "Asia/Tokyo"
count = 5
available = "08:00-08:30"

[[activities]]
id = "seminar"
kind = "discussion"
minutes = 50
mode = "sync"
"#;

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn run(args: &[&std::ffi::OsStr]) -> String {
    let out = mixplan().args(args).output().unwrap();
    String::from_utf8(crate::common::stdout_ok(out)).unwrap()
}

fn markdown_renderer_available() -> bool {
    let ok = Process::new("python3")
        .args(["-c", "import markdown_it"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var("MIXPLAN_REQUIRE_PY_VALIDATORS").as_deref() != Ok("1"),
            "MIXPLAN_REQUIRE_PY_VALIDATORS=1 but `python3 -c \"import markdown_it\"` fails; `python3 -m pip install markdown-it-py`"
        );
        eprintln!(
            "note: skipping the CommonMark rendering check; `python3 -m pip install markdown-it-py` to run it"
        );
    }
    ok
}

/// Regression: markdown escaped `|` and nothing else, so a title with `__init__`, `<script>` or
/// `[l](x)` became bold text, raw HTML and a link.
#[test]
fn hostile_titles_read_literally_in_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let course = write(dir.path(), "course.toml", &hostile_course());
    for command in ["recommend", "schedule"] {
        let md = run(&[
            command.as_ref(),
            course.as_os_str(),
            "--format".as_ref(),
            "markdown".as_ref(),
        ]);
        // By hand: nothing of the title is left bare.
        assert!(!md.contains("<script>"), "{md}");
        assert!(!md.contains("[l](x)"), "{md}");
        assert!(md.contains(r"\_\_init\_\_"), "{md}");
        if !markdown_renderer_available() {
            return;
        }
        let file = write(dir.path(), &format!("{command}.md"), &md);
        let out = Process::new("python3")
            .arg("tests/markdown_check.py")
            .arg(&file)
            .arg(HOSTILE)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{command}: {}{}\n{md}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Control characters and bidi overrides in a title are shown escaped, never raw and never
/// dropped, in every format for people.
#[test]
fn control_characters_in_titles_are_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let text = hostile_course().replace(
        &toml_string(HOSTILE),
        r#""Intro\u001b[31m red\u202e txt.exe\nforged line""#,
    );
    let course = write(dir.path(), "course.toml", &text);
    for format in ["table", "markdown"] {
        let out = run(&[
            "schedule".as_ref(),
            course.as_os_str(),
            "--format".as_ref(),
            format.as_ref(),
        ]);
        assert!(!out.contains('\u{1b}'), "{format}: raw escape");
        assert!(!out.contains('\u{202e}'), "{format}: raw bidi override");
        assert!(!out.contains("\nforged line"), "{format}: forged line");
        assert!(out.contains("u{202e}"), "{format}: {out}");
    }
    let ics = run(&[
        "schedule".as_ref(),
        course.as_os_str(),
        "--ics".as_ref(),
        "-".as_ref(),
    ])
    .replace("\r\n ", "");
    assert!(
        !ics.contains('\u{1b}') && !ics.contains('\u{202e}'),
        "calendar"
    );
    assert!(
        ics.contains("X-WR-CALNAME:Intro\\\\u{1b}[31m red\\\\u{202e} txt.exe\\\\nforged line"),
        "{ics}"
    );
}

#[test]
fn schedule_markdown_starts_with_the_course_title_and_the_summary_has_no_empty_header() {
    let md = run(&[
        "schedule".as_ref(),
        "examples/evening-working-adults.toml".as_ref(),
        "--format".as_ref(),
        "markdown".as_ref(),
    ]);
    assert!(
        md.starts_with("# Data Analysis for Working Professionals: 12 weeks"),
        "{md}"
    );
    let full = run(&[
        "recommend".as_ref(),
        "examples/evening-working-adults.toml".as_ref(),
        "--format".as_ref(),
        "markdown".as_ref(),
    ]);
    assert!(!full.contains("|  |  |"), "{full}");
    assert!(!full.lines().any(|l| l.trim() == "| |"));
    // Titles where the file gives them.
    assert!(full.contains("Live case clinic: worked analyses"));
}

/// Regression: JSON times were RFC 9557 only (`...-05:00[America/New_York]`), which Python's
/// `fromisoformat` rejects and jq's `strptime` misreads. Each top-level one has a `_utc`
/// companion naming the same instant.
#[test]
fn every_due_has_a_utc_companion_at_the_same_instant() {
    let text = run(&[
        "schedule".as_ref(),
        "examples/international-cohort.toml".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut seen = 0;
    for week in json["schedule"]["weeks"].as_array().unwrap() {
        let entries = week["items"]
            .as_array()
            .unwrap()
            .iter()
            .chain(week["alternatives"].as_array().unwrap());
        for entry in entries.filter(|e| e.get("due").is_some()) {
            let due: jiff::ZonedDateTime = entry["due"].as_str().unwrap().parse().unwrap();
            let utc = entry["due_utc"].as_str().expect("due_utc beside due");
            assert!(utc.ends_with('Z') && !utc.contains('['), "{utc}");
            let parsed: jiff::Timestamp = utc.parse().unwrap();
            assert_eq!(parsed, due.timestamp(), "{entry}");
            seen += 1;
        }
    }
    assert!(seen > 10, "only {seen} due times");
    // Without a start date there is no instant: null, not a made-up time.
    let undated = std::fs::read_to_string("examples/international-cohort.toml")
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("start"))
        .collect::<Vec<_>>()
        .join("\n");
    let out = mixplan()
        .args(["schedule", "-", "--format", "json"])
        .write_stdin(undated)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let item = json["schedule"]["weeks"][0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i.get("due").is_some())
        .unwrap()
        .clone();
    assert_eq!(item["due_utc"], serde_json::Value::Null);
}

/// The HTML page escapes everything a course file says; the fragment has no script and no
/// style for LMS editors that strip them; `recommend` points at `schedule` for the page.
#[test]
fn the_html_page_escapes_user_text_and_the_fragment_has_no_script_or_style() {
    let dir = tempfile::tempdir().unwrap();
    let text = hostile_course().replace(
        "[course]\n",
        "[course]\nurl = \"https://lms.example.edu/c?a=1&b=\\\"2\\\"\"\nlocation = \"<b>Room</b>\"\n",
    );
    let course = write(dir.path(), "course.toml", &text);
    let page = run(&[
        "schedule".as_ref(),
        course.as_os_str(),
        "--format".as_ref(),
        "html".as_ref(),
    ]);
    assert!(page.starts_with("<!doctype html>\n<html lang=\"en\""));
    assert_eq!(
        page.matches("<script>").count(),
        1,
        "only the local-time script"
    );
    assert!(!page.contains("<script>alert"));
    assert!(!page.contains("<b>"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("href=\"https://lms.example.edu/c?a=1&amp;b=&quot;2&quot;\""));
    assert!(page.contains("&lt;b&gt;Room&lt;/b&gt;"));
    let fragment = run(&[
        "schedule".as_ref(),
        course.as_os_str(),
        "--format".as_ref(),
        "html".as_ref(),
        "--fragment".as_ref(),
    ]);
    assert!(fragment.starts_with("<article"));
    for tag in ["<script", "<style", "<html", "<body", "<head>"] {
        assert!(!fragment.contains(tag), "{tag} in the fragment");
    }
    // The fragment is the page's content, less the note the script fills in.
    assert!(
        page.replace("<span id=\"your-zone\"></span>", "")
            .contains(&fragment)
    );
    // `recommend --format html` (the page is `schedule`'s) and `--fragment` without it are
    // refused with exit code 2: `tests/cmd/exit-codes.md`.
}

/// The course-file reference names every key the loader accepts and every closed vocabulary,
/// so a new key cannot ship undocumented.
#[test]
fn the_course_format_reference_documents_every_key_and_name() {
    use mixplan::course::{
        ACTIVITY_DUE_KEYS, ACTIVITY_KEYS, ALLOW_KEYS, AT_KEYS, CHECK_KEYS, CONTENT_KEYS,
        COURSE_KEYS, ContentType, DUE_KEYS, Delivery, Every, FILE_KEYS, GOALS_KEYS, Goal,
        LIVE_AT_KEYS, Mode, Participation, Pattern, Population, STUDENTS_KEYS, Weekday, ZONE_KEYS,
    };
    let doc = std::fs::read_to_string("docs/course-format.md").unwrap();
    for (table, keys) in [
        ("[course]", COURSE_KEYS),
        ("[course]", LIVE_AT_KEYS),
        ("[course]", DUE_KEYS),
        ("[[activities]]", ACTIVITY_DUE_KEYS),
        ("[[activities]]", AT_KEYS),
        ("[students]", STUDENTS_KEYS),
        ("[[students.zones]]", ZONE_KEYS),
        ("[content]", CONTENT_KEYS),
        ("[goals]", GOALS_KEYS),
        ("[[activities]]", ACTIVITY_KEYS),
        ("[check]", CHECK_KEYS),
        ("[check]", ALLOW_KEYS),
    ] {
        assert!(doc.contains(&format!("## {table}")), "no section {table}");
        for key in keys.iter().filter(|k| **k != "zones") {
            assert!(
                doc.contains(&format!("`{key}`")),
                "{table} `{key}` is undocumented"
            );
        }
    }
    for table in FILE_KEYS {
        assert!(
            doc.contains(&format!("[{table}]")),
            "[{table}] is undocumented"
        );
    }
    let names = [
        mixplan::course::ActivityKind::NAMES,
        Mode::NAMES,
        Population::NAMES,
        ContentType::NAMES,
        Goal::NAMES,
        Delivery::NAMES,
        Pattern::NAMES,
        Every::NAMES,
        Weekday::NAMES,
        Participation::NAMES,
    ];
    for name in names.iter().flat_map(|n| n.iter()) {
        assert!(
            doc.contains(&format!("`{name}`")),
            "`{name}` is undocumented"
        );
    }
}

fn groff_warnings(page: &Path) -> Option<String> {
    let out = Process::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-z"])
        .arg(page)
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&out.stderr).into_owned())
}

/// `man --dir` writes a page per command and `mixplan-course(5)`; each command page has EXIT
/// STATUS, ENVIRONMENT and SEE ALSO; groff reads them all without a warning when installed.
#[test]
fn man_pages_have_exit_status_environment_see_also_and_the_course_format() {
    let dir = tempfile::tempdir().unwrap();
    mixplan()
        .args(["man", "--dir"])
        .arg(dir.path())
        .assert()
        .success();
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.contains(&"mixplan.1".to_string()));
    assert!(names.contains(&"mixplan-schedule.1".to_string()));
    assert!(names.contains(&"mixplan-course.5".to_string()));
    for name in &names {
        let page = std::fs::read_to_string(dir.path().join(name)).unwrap();
        if name.ends_with(".1") {
            for section in [".SH \"EXIT STATUS\"", ".SH ENVIRONMENT", ".SH \"SEE ALSO\""] {
                assert!(page.contains(section), "{name} lacks {section}");
            }
            assert!(page.contains("NO_COLOR") && page.contains("GITHUB_STEP_SUMMARY"));
            assert!(
                page.contains("mixplan\\-course"),
                "{name}: no pointer to the format"
            );
        }
        match groff_warnings(&dir.path().join(name)) {
            Some(warnings) => assert!(warnings.is_empty(), "{name}: {warnings}"),
            None => eprintln!("note: groff is not installed; {name} not typeset"),
        }
    }
    let course = std::fs::read_to_string(dir.path().join("mixplan-course.5")).unwrap();
    assert!(course.starts_with(".TH MIXPLAN-COURSE 5"));
    // From the same source: every key of the reference is in the page.
    for key in ["live_at", "reliable_internet", "location"] {
        assert!(course.contains(&format!("\\fB{key}\\fR")), "{key}");
    }
    // The main page printed alone has the same sections.
    let out = mixplan().arg("man").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains(".SH \"EXIT STATUS\""));
}

/// Regression: help, `explain`, SARIF and the README cited "SPEC section N", a file users do
/// not have. Nothing a user reads names it; help and `explain` point at the course reference.
#[test]
fn user_facing_text_never_cites_an_internal_spec() {
    let mut texts: Vec<(String, String)> = Vec::new();
    let commands = crate::common::COMMANDS;
    let help =
        |args: &[&str]| String::from_utf8(mixplan().args(args).output().unwrap().stdout).unwrap();
    texts.push(("--help".into(), help(&["--help"])));
    for command in commands {
        texts.push((format!("{command} --help"), help(&[command, "--help"])));
    }
    let rules: serde_json::Value =
        serde_json::from_str(&help(&["rules", "--format", "json"])).unwrap();
    for rule in rules["rules"].as_array().unwrap() {
        let id = rule["id"].as_str().unwrap();
        texts.push((format!("explain {id}"), help(&["explain", id])));
    }
    texts.push((
        "sarif".into(),
        help(&["check", "examples", "--format", "sarif"]),
    ));
    texts.push(("man".into(), help(&["man"])));
    for file in ["README.md", "docs/course-format.md"] {
        texts.push((file.into(), std::fs::read_to_string(file).unwrap()));
    }
    for (what, text) in &texts {
        assert!(!text.contains("SPEC"), "{what} cites SPEC");
    }
    let top = &texts[0].1;
    assert!(top.contains("docs/course-format.md"), "{top}");
    let explain = help(&["explain", "unknown-key"]);
    assert!(explain.contains("docs/course-format.md"), "{explain}");
}

/// Regression: with a machine format on standard output, the closing count went nowhere (JSON,
/// SARIF) or mixed into it; it goes to standard error, and standard output stays parseable.
#[test]
fn check_summaries_go_to_stderr_beside_machine_formats() {
    for format in ["json", "sarif", "github"] {
        let out = mixplan()
            .env_remove("GITHUB_STEP_SUMMARY")
            .args(["check", "/nonexistent", "examples", "--format", format])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{format}");
        let (stdout, stderr) = (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        );
        assert!(!stdout.contains("checked "), "{format}: {stdout}");
        assert!(
            stderr.contains("checked ") && stderr.contains(" files"),
            "{format}: {stderr}"
        );
        assert!(
            stderr.contains("1 path could not be read"),
            "{format}: {stderr}"
        );
        if format != "github" {
            serde_json::from_str::<serde_json::Value>(&stdout).expect("stdout is JSON");
        }
    }
}

/// SARIF lists every rule on every run (so code scanning can close fixed alerts), each with a
/// `helpUri` into the rules reference, and says whether every input could be read.
#[test]
fn sarif_lists_every_rule_with_help_and_the_invocation() {
    let run = |paths: &[&str]| -> serde_json::Value {
        let out = mixplan()
            .args(["check", "--format", "sarif"])
            .args(paths)
            .output()
            .unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let rules: serde_json::Value = serde_json::from_str(
        &String::from_utf8(
            mixplan()
                .args(["rules", "--format", "json"])
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap(),
    )
    .unwrap();
    let all = rules["rules"].as_array().unwrap().len();
    let reference = std::fs::read_to_string("docs/rules.md").unwrap();
    let clean = run(&["examples/evening-working-adults.toml"]);
    let sarif_rules = clean["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(sarif_rules.len(), all);
    for rule in sarif_rules {
        let id = rule["id"].as_str().unwrap();
        let uri = rule["helpUri"].as_str().unwrap();
        assert!(uri.starts_with("https://") && uri.ends_with(&format!("docs/rules.md#{id}")));
        assert!(
            reference.contains(&format!("\n## {id}\n")),
            "{id} not in docs/rules.md"
        );
    }
    assert_eq!(
        clean["runs"][0]["invocations"][0]["executionSuccessful"],
        true
    );
    // Each result's index points at its own rule.
    let mixed = run(&["examples", "/nonexistent"]);
    let run0 = &mixed["runs"][0];
    assert_eq!(run0["invocations"][0]["executionSuccessful"], false);
    for result in run0["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(
            run0["tool"]["driver"]["rules"][index]["id"], result["ruleId"],
            "{result}"
        );
    }
}

/// docs/rules.md is `mixplan rules --format markdown`, so it cannot drift from the registry.
#[test]
fn the_rules_reference_is_current() {
    let out = mixplan()
        .args(["rules", "--format", "markdown"])
        .output()
        .unwrap();
    let generated = String::from_utf8(out.stdout).unwrap();
    let committed = std::fs::read_to_string("docs/rules.md").unwrap();
    assert!(
        generated == committed,
        "docs/rules.md is stale: run `cargo xtask generate`"
    );
}

/// Regression: the pre-commit hook failed on any other TOML file (`hugo.toml`), since pre-commit
/// names files explicitly; `--courses-only` (the hook's default `args`) skips them.
#[test]
fn courses_only_skips_named_toml_files_without_a_course_table() {
    let dir = tempfile::tempdir().unwrap();
    let hugo = write(
        dir.path(),
        "hugo.toml",
        "baseURL = \"https://example.org/\"\n",
    );
    let course = "examples/evening-working-adults.toml";
    mixplan()
        .args(["check", course])
        .arg(&hugo)
        .assert()
        .code(1);
    mixplan()
        .args(["check", "--courses-only", course])
        .arg(&hugo)
        .assert()
        .success()
        .stdout(predicates::str::contains("checked 1 file"));
    // A broken course file is still a course file.
    let broken = write(dir.path(), "broken.toml", "[course]\ntitle = 3\n");
    mixplan()
        .args(["check", "--courses-only"])
        .arg(&broken)
        .assert()
        .code(1);
    let hooks = std::fs::read_to_string(".pre-commit-hooks.yaml").unwrap();
    assert!(hooks.contains("args: [--courses-only]"), "{hooks}");
    let readme = std::fs::read_to_string("README.md").unwrap();
    assert!(readme.contains("args: [--courses-only, --deny, warnings]"));
    assert!(!readme.contains("rev: v0.1.0"), "no such tag exists");
}

/// Regression: completions offered file names where a rule id is expected. bash, zsh and fish
/// complete rule ids for `explain`, `--allow`, `--warn` and `--deny` (and `warnings` for
/// `--deny`); any id is still accepted, so an unknown one gets its did-you-mean.
#[test]
fn completions_offer_rule_ids() {
    for shell in ["bash", "zsh", "fish"] {
        let out = mixplan().args(["completions", shell]).output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let count = text.matches("live-without-alternative").count();
        assert!(count >= 4, "{shell}: rule ids offered {count} times");
        assert!(text.contains("warnings"), "{shell}");
    }
    mixplan()
        .args(["explain", "live-lectur"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("did you mean `live-lecture`?"));
}

/// Words of a rendering: split at spaces and cell borders, without the punctuation a layout
/// may put around them (a narrow layout writes `(lecture, 40 min)` where a table has columns).
fn tokens(text: &str) -> std::collections::BTreeSet<String> {
    text.split(|c: char| c.is_whitespace() || "│┆┌┐└┘├┤┬┴┼─═╞╡╪".contains(c))
        .map(|t| t.trim_matches(|c: char| "(),;:.".contains(c)))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Regression: at 80 columns the activity table broke words ("lesson-vide/os",
/// "content-tr/ansmission") while the heading (122 characters) and advice lines (over 200) did
/// not wrap at all. At any width every line fits and every word is whole: each word of a
/// narrow rendering is a word of an unbounded one.
#[test]
fn output_wraps_at_word_boundaries_at_any_width() {
    for example in [
        "examples/evening-working-adults.toml",
        "examples/international-cohort.toml",
        "examples/large-lecture.toml",
        "examples/full-time-seminar.toml",
    ] {
        let render = |command: &str, width: &str| {
            run(&[
                command.as_ref(),
                example.as_ref(),
                "--width".as_ref(),
                width.as_ref(),
            ])
        };
        for command in ["recommend", "schedule"] {
            let whole = tokens(&render(command, "1000"));
            for width in [50usize, 60, 80, 100] {
                let text = render(command, &width.to_string());
                for line in text.lines() {
                    assert!(
                        line.chars().count() <= width,
                        "{example} {command} at {width}: {line}"
                    );
                }
                for token in tokens(&text) {
                    assert!(
                        whole.contains(&token),
                        "{example} {command} at {width}: `{token}` is a cut word"
                    );
                }
            }
        }
    }
}

/// The page names the recording route for students no session reaches, course-wide and in
/// each week with its due time.
#[test]
fn the_page_shows_the_recording_route() {
    let dir = tempfile::tempdir().unwrap();
    let course = write(dir.path(), "route.toml", ROUTE);
    let page = run(&[
        "schedule".as_ref(),
        course.as_os_str(),
        "--format".as_ref(),
        "html".as_ref(),
    ]);
    assert!(
        page.contains("<h3>If no session time suits you</h3>"),
        "{page}"
    );
    assert!(page.contains("Students in Asia/Tokyo (5) cannot attend live in weeks 1-3"));
    assert_eq!(
        page.matches("Asia/Tokyo (5): watch the recording, response due <time datetime=\"")
            .count(),
        3
    );
}

/// The page shows the sittings of a real term: both weekly lectures, office-hour sections
/// marked optional, exams marked, and the holiday's cancelled sitting.
#[test]
fn the_page_shows_sittings_sections_exams_and_cancellations() {
    let page = run(&[
        "schedule".as_ref(),
        "examples/remote-graphics-lecture.toml".as_ref(),
        "--format".as_ref(),
        "html".as_ref(),
    ]);
    for needle in [
        "Lecture (Tuesday): <strong>Tuesday 17:30</strong>",
        "Lecture (Thursday): <strong>Thursday 17:30</strong>",
        // A midterm held in one week is a date, not a weekly time.
        "Midterm 1: <strong>Wednesday 24 February 19:15</strong>",
        "<span class=\"tag\">section 1 of 2</span>",
        "<span class=\"tag\">optional</span>",
        "<span class=\"tag\">exam</span>",
        "<span class=\"tag\">cancelled: holiday</span>",
        // Lectures in the course's zone across the clock change.
        "<time datetime=\"2027-01-19T17:30:00-06:00\">",
        "<time datetime=\"2027-03-23T17:30:00-05:00\">",
    ] {
        assert!(page.contains(needle), "{needle}");
    }
}
