//! `mixplan export canvas`: the Canvas course package. Checked here by opening the zip and
//! parsing every XML file (quick-xml), by a mirror of Canvas's package detection, against the
//! calendar writer for arbitrary courses (proptest), and by real third-party parsers when they
//! are installed (`tests/canvas_check.py`: lxml, icalendar, recurring-ical-events, and the IMS
//! Common Cartridge 1.1 schemas kept under `tests/fixtures/cc11/`).

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use proptest::prelude::*;

use crate::common::mixplan;

/// Tuesday lectures (one cancelled by a holiday), a Thursday seminar, a break week, a reading
/// and a problem set; a title and an activity title that need escaping.
const COURSE: &str = r#"[course]
title = "Canvas & Test"
id = "canvas-test-2027"
weeks = 4
start = 2027-01-11
timezone = "America/New_York"
breaks = [3]
holidays = [2027-01-19]
url = "https://lms.example.edu/courses/1"

[students]
count = 20
populations = ["full-time"]

[[activities]]
id = "lecture-tue"
kind = "lecture"
minutes = 60
at = { day = "tue", time = "17:30" }
location = "Room 101"

[[activities]]
id = "seminar"
kind = "discussion"
minutes = 50
at = { day = "thu", time = "10:00" }

[[activities]]
id = "readings"
kind = "reading"
title = "Readings <week>"
minutes = 90

[[activities]]
id = "problem-set"
kind = "practice"
minutes = 120
"#;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The package of `course`, written to standard output.
fn export(course: &Path, extra: &[&str]) -> Vec<u8> {
    let out = mixplan()
        .args(["export", "canvas"])
        .arg(course)
        .args(["-o", "-"])
        .args(extra)
        .output()
        .unwrap();
    crate::common::stdout_ok(out)
}

fn export_text(text: &str, extra: &[&str]) -> BTreeMap<String, String> {
    let dir = tempfile::tempdir().unwrap();
    unzip(&export(&write(dir.path(), "c.toml", text), extra))
}

/// Every entry of a zip, as text, in the archive's order (a `BTreeMap` sorts anyway).
fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    let mut files = BTreeMap::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let mut text = String::new();
        entry.read_to_string(&mut text).unwrap();
        let name = entry.name().unwrap().to_string();
        files.insert(name, text);
    }
    files
}

/// A parsed XML element: name (with prefix), attributes, children and text.
#[derive(Debug, Default)]
struct Node {
    name: String,
    attributes: BTreeMap<String, String>,
    children: Vec<Node>,
    text: String,
}

impl Node {
    fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    fn text_of(&self, name: &str) -> &str {
        self.child(name).map_or("", |c| c.text.as_str())
    }

    /// Every descendant named `name`, depth first.
    fn all<'a>(&'a self, name: &str, out: &mut Vec<&'a Node>) {
        for c in &self.children {
            if c.name == name {
                out.push(c);
            }
            c.all(name, out);
        }
    }

    fn find_all(&self, name: &str) -> Vec<&Node> {
        let mut out = Vec::new();
        self.all(name, &mut out);
        out
    }
}

/// Parse a whole XML document strictly (end tags must match, one root); panics with the
/// file's name on anything that is not well-formed.
fn parse(name: &str, text: &str) -> Node {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Node> = vec![Node::default()];
    let open = |e: &quick_xml::events::BytesStart<'_>| Node {
        name: e.name().as_ref().to_string(),
        attributes: e
            .attributes()
            .map(|a| {
                let a = a.unwrap_or_else(|err| panic!("{name}: bad attribute: {err}"));
                (
                    a.key.as_ref().to_string(),
                    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .unwrap()
                        .into_owned(),
                )
            })
            .collect(),
        ..Node::default()
    };
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => stack.push(open(&e)),
            Ok(Event::Empty(e)) => {
                let node = open(&e);
                stack.last_mut().unwrap().children.push(node);
            }
            Ok(Event::End(_)) => {
                let node = stack.pop().unwrap();
                stack
                    .last_mut()
                    .unwrap_or_else(|| panic!("{name}: unbalanced end tag"))
                    .children
                    .push(node);
            }
            Ok(Event::Text(t)) => {
                stack.last_mut().unwrap().text.push_str(&t);
            }
            Ok(Event::GeneralRef(r)) => {
                let entity: &str = &r;
                let c = match entity {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    _ => r
                        .resolve_char_ref()
                        .ok()
                        .flatten()
                        .unwrap_or_else(|| panic!("{name}: unknown entity &{entity};")),
                };
                stack.last_mut().unwrap().text.push(c);
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(err) => panic!("{name} is not well-formed: {err}"),
        }
    }
    assert_eq!(stack.len(), 1, "{name}: unclosed elements");
    let mut root = stack.pop().unwrap();
    assert_eq!(
        root.children.len(),
        1,
        "{name}: not exactly one root element"
    );
    root.children.pop().unwrap()
}

/// Canvas's `Canvas::Migration::PackageIdentifier#identify_package` for a zip, as a function
/// of its entries: the first matching rule wins, in the importer's order.
fn identify(files: &BTreeMap<String, String>) -> &'static str {
    for (entry, kind) in [
        ("AngelManifest.xml", "angel_7_4"),
        ("angelData.xml", "angel_7_3"),
        ("moodle.xml", "moodle_1_9"),
        ("moodle_backup.xml", "moodle_2"),
    ] {
        if files.contains_key(entry) {
            return kind;
        }
    }
    let Some(manifest) = files.get("imsmanifest.xml") else {
        return "unknown";
    };
    let doc = parse("imsmanifest.xml", manifest);
    // `get_node_val(doc, "metadata schema")` and COMMON_CARTRIDGE_REGEX, /IMS(?: Thin)? Common
    // Cartridge/i.
    let schema = doc
        .child("metadata")
        .map(|m| m.text_of("schema").to_lowercase())
        .unwrap_or_default();
    if !(schema.contains("ims common cartridge") || schema.contains("ims thin common cartridge")) {
        return "not a common cartridge";
    }
    let resources = doc.find_all("resource");
    let syllabus = resources.iter().any(|r| {
        r.attributes.get("href").map(String::as_str) == Some("course_settings/syllabus.html")
            && r.find_all("file").iter().any(|f| {
                f.attributes.get("href").map(String::as_str)
                    == Some("course_settings/course_settings.xml")
            })
    });
    let flag = resources.iter().any(|r| {
        r.attributes.get("href").map(String::as_str) == Some("course_settings/canvas_export.txt")
    });
    if syllabus || flag {
        return "canvas_cartridge";
    }
    match doc.child("metadata").map(|m| m.text_of("schemaversion")) {
        Some("1.1.0") => "common_cartridge_1_1",
        _ => "common_cartridge_other",
    }
}

#[test]
fn canvas_identifies_the_package_as_its_own_export() {
    let files = export_text(COURSE, &[]);
    assert_eq!(identify(&files), "canvas_cartridge");
    // The mirror is a real test of the rule: without the flag resource it is plain CC 1.1.
    let mut plain = files.clone();
    let manifest = plain["imsmanifest.xml"].replace(
        "href=\"course_settings/canvas_export.txt\"",
        "href=\"course_settings/other.txt\"",
    );
    plain.insert("imsmanifest.xml".into(), manifest);
    assert_eq!(identify(&plain), "common_cartridge_1_1");
}

#[test]
fn every_xml_file_is_well_formed_and_every_reference_resolves() {
    let files = export_text(COURSE, &[]);
    let names: BTreeSet<&str> = files.keys().map(String::as_str).collect();
    for expected in [
        "imsmanifest.xml",
        "course_settings/canvas_export.txt",
        "course_settings/course_settings.xml",
        "course_settings/module_meta.xml",
        "course_settings/events.xml",
        "wiki_content/mixplan-schedule.html",
    ] {
        assert!(names.contains(expected), "{expected} missing: {names:?}");
    }
    let docs: BTreeMap<&str, Node> = files
        .iter()
        .filter(|(n, _)| n.ends_with(".xml"))
        .map(|(n, t)| (n.as_str(), parse(n, t)))
        .collect();
    let manifest = &docs["imsmanifest.xml"];
    // Identifiers are XML IDs: unique in the manifest, starting with a letter.
    let mut ids = BTreeSet::new();
    for node in manifest
        .find_all("item")
        .into_iter()
        .chain(manifest.find_all("resource"))
    {
        let id = &node.attributes["identifier"];
        assert!(id.starts_with('m'), "{id}");
        assert!(ids.insert(id.clone()), "duplicate identifier {id}");
    }
    for file in manifest.find_all("file") {
        assert!(names.contains(file.attributes["href"].as_str()));
    }
    // Every zip entry but the manifest is named by a resource.
    let named: BTreeSet<&str> = manifest
        .find_all("file")
        .into_iter()
        .map(|f| f.attributes["href"].as_str())
        .chain(["imsmanifest.xml"])
        .collect();
    assert_eq!(named, names);
    // Module items point at assignments the package holds.
    let assignments: BTreeSet<&str> = docs
        .iter()
        .filter(|(n, _)| n.ends_with("/assignment_settings.xml"))
        .map(|(_, d)| d.attributes["identifier"].as_str())
        .collect();
    assert_eq!(
        assignments.len(),
        6,
        "two due items a week in three teaching weeks"
    );
    let modules = &docs["course_settings/module_meta.xml"];
    for item in modules.find_all("item") {
        if item.text_of("content_type") == "Assignment" {
            assert!(assignments.contains(item.text_of("identifierref")));
        }
    }
    // Course settings carry the identifier alone: the course keeps its own name and dates.
    let settings = &docs["course_settings/course_settings.xml"];
    assert!(settings.children.is_empty() && settings.attributes.contains_key("identifier"));
}

#[test]
fn weeks_are_modules_with_live_headers_then_assignments_and_no_class_in_breaks() {
    let files = export_text(COURSE, &[]);
    let modules = parse("module_meta.xml", &files["course_settings/module_meta.xml"]);
    let weeks: Vec<(String, Vec<(String, String)>)> = modules
        .find_all("module")
        .into_iter()
        .map(|m| {
            let items = m
                .find_all("item")
                .into_iter()
                .map(|i| (i.text_of("content_type").into(), i.text_of("title").into()))
                .collect();
            (m.text_of("title").to_string(), items)
        })
        .collect();
    let titles: Vec<&str> = weeks.iter().map(|w| w.0.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Week 1 (Mon 2027-01-11)",
            "Week 2 (Mon 2027-01-18)",
            "Week 3 (Mon 2027-01-25)",
            "Week 4 (Mon 2027-02-01)"
        ]
    );
    let header = |t: &str| ("ContextModuleSubHeader".to_string(), t.to_string());
    let assignment = |t: &str| ("Assignment".to_string(), t.to_string());
    assert_eq!(
        weeks[1].1,
        [
            header("Cancelled (holiday): lecture-tue, Tue 2027-01-19 17:30 EST"),
            header("Live: seminar, Thu 2027-01-21 10:00 EST"),
            assignment("Readings <week> (week 2)"),
            assignment("problem-set (week 2)"),
            // Week 4's pre-work: its lecture starts too soon after week 3 (a break) ends, so it
            // is listed in the latest earlier teaching week.
            assignment("Readings <week> (week 4)"),
        ]
    );
    assert_eq!(weeks[2].1, [header("No class")]);
}

#[test]
fn events_are_utc_with_cancelled_dates_titled_cancelled() {
    let files = export_text(COURSE, &[]);
    let events = parse("events.xml", &files["course_settings/events.xml"]);
    let rows: Vec<(&str, &str, &str)> = events
        .find_all("event")
        .into_iter()
        .map(|e| {
            (
                e.text_of("title"),
                e.text_of("start_at"),
                e.text_of("end_at"),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "Canvas & Test: lecture-tue",
                "2027-01-12T22:30:00",
                "2027-01-12T23:30:00"
            ),
            (
                "Canvas & Test: seminar",
                "2027-01-14T15:00:00",
                "2027-01-14T15:50:00"
            ),
            (
                "Cancelled: Canvas & Test: lecture-tue",
                "2027-01-19T22:30:00",
                "2027-01-19T23:30:00"
            ),
            (
                "Canvas & Test: seminar",
                "2027-01-21T15:00:00",
                "2027-01-21T15:50:00"
            ),
            (
                "Canvas & Test: lecture-tue",
                "2027-02-02T22:30:00",
                "2027-02-02T23:30:00"
            ),
            (
                "Canvas & Test: seminar",
                "2027-02-04T15:00:00",
                "2027-02-04T15:50:00"
            ),
        ]
    );
    let description = &events.find_all("event")[2].text_of("description");
    assert!(
        description.contains("Does not take place: holiday."),
        "{description}"
    );
    assert!(description.contains("Location: Room 101"), "{description}");
}

fn assignment_fields(
    files: &BTreeMap<String, String>,
) -> BTreeMap<String, (String, String, String)> {
    files
        .iter()
        .filter(|(n, _)| n.ends_with("/assignment_settings.xml"))
        .map(|(n, t)| {
            let d = parse(n, t);
            (
                d.text_of("title").to_string(),
                (
                    d.text_of("workflow_state").to_string(),
                    d.text_of("grading_type").to_string(),
                    d.text_of("due_at").to_string(),
                ),
            )
        })
        .collect()
}

#[test]
fn assignments_are_unpublished_content_ungraded_and_no_points() {
    let files = export_text(COURSE, &[]);
    let fields = assignment_fields(&files);
    let reading = &fields["Readings <week> (week 1)"];
    let practice = &fields["problem-set (week 1)"];
    // Pre-work, due when the week's first lecture starts (Tue 17:30 New York), in UTC.
    assert_eq!(
        reading,
        &(
            "unpublished".into(),
            "not_graded".into(),
            "2027-01-12T22:30:00".into()
        )
    );
    assert_eq!(
        practice,
        &(
            "unpublished".into(),
            "points".into(),
            "2027-01-18T04:59:00".into()
        )
    );
    assert!(files.values().all(|t| !t.contains("points_possible")));
    let html = files
        .iter()
        .find(|(n, _)| {
            n.ends_with("/assignment.html")
                && files[&n.replace("assignment.html", "assignment_settings.xml")]
                    .contains("Readings")
        })
        .map(|(_, t)| t)
        .unwrap();
    assert!(html.contains("Readings &lt;week&gt;"), "{html}");
    assert!(
        html.contains("<a href=\"https://lms.example.edu/courses/1\">"),
        "{html}"
    );

    let published = export_text(COURSE, &["--publish", "--graded", "reading"]);
    let fields = assignment_fields(&published);
    assert_eq!(fields["Readings <week> (week 1)"].0, "published");
    assert_eq!(fields["Readings <week> (week 1)"].1, "points");
    assert_eq!(fields["problem-set (week 1)"].1, "not_graded");
    assert!(
        published["course_settings/module_meta.xml"]
            .contains("<workflow_state>active</workflow_state>")
    );
    assert!(published["wiki_content/mixplan-schedule.html"].contains("content=\"active\""));
}

/// A deliverable worked on over several weeks with one deadline is one assignment standing for
/// all of its minutes; a `per = "total"` activity handed in every week shows each week's share.
#[test]
fn spread_deliverables_state_the_minutes_their_assignment_stands_for() {
    let text = format!(
        "{COURSE}\n[[activities]]\nid = \"project\"\nkind = \"project-work\"\nminutes = 600\nper = \"total\"\nweeks = [\"1-4\"]\ndeliver = \"last\"\n\n[[activities]]\nid = \"journal\"\nkind = \"reflection\"\nminutes = 100\nper = \"total\"\nweeks = [\"1-4\"]\n"
    );
    let files = export_text(&text, &[]);
    let html_of = |title: &str| {
        files
            .iter()
            .find(|(n, _)| {
                n.ends_with("/assignment.html")
                    && files[&n.replace("assignment.html", "assignment_settings.xml")]
                        .contains(&format!("<title>{title}</title>"))
            })
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| panic!("no assignment {title}"))
    };
    let project = html_of("project (week 4)");
    assert!(
        project.contains("about 600 min in all, over 3 weeks"),
        "{project}"
    );
    assert!(
        !files
            .values()
            .any(|t| t.contains("<title>project (week 1)</title>"))
    );
    // 100 minutes over weeks 1, 2 and 4 (3 is a break): 34, 33, 33, the remainder first.
    assert!(html_of("journal (week 1)").contains("about 34 min."));
    assert!(html_of("journal (week 4)").contains("about 33 min."));
}

/// Markup, quotes, a CDATA end, a bidi override and a control character in titles: every XML
/// file still parses, and the override and the control reach no file raw (the sanitizer shows
/// them escaped).
#[test]
fn hostile_titles_stay_inside_their_elements() {
    let hostile = COURSE
        .replace(
            "title = \"Canvas & Test\"",
            r#"title = "Evil <script>alert(1)</script> & \"q\" ]]> \u202E\u0007 end""#,
        )
        .replace(
            "title = \"Readings <week>\"",
            r#"title = "R </title><x> \u202E""#,
        );
    let files = export_text(&hostile, &[]);
    for (name, text) in &files {
        if name.ends_with(".xml") {
            parse(name, text);
        }
        assert!(
            !text.contains('\u{202e}') && !text.contains('\u{7}'),
            "{name}"
        );
        assert!(!text.contains("<script>"), "{name}");
    }
    let manifest = parse("imsmanifest.xml", &files["imsmanifest.xml"]);
    let title = manifest.find_all("lomimscc:string")[0].text.clone();
    assert!(
        title.starts_with("Evil <script>alert(1)</script> & \"q\" ]]>"),
        "{title}"
    );
}

#[test]
fn a_misspelt_graded_kind_is_refused_with_did_you_mean() {
    let dir = tempfile::tempdir().unwrap();
    let course = write(dir.path(), "c.toml", COURSE);
    let out = mixplan()
        .args(["export", "canvas"])
        .arg(&course)
        .args(["-o", "-", "--graded", "practise"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("did you mean `practice`?"), "{stderr}");
}

#[test]
fn two_runs_give_identical_bytes_and_stdout_equals_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let course = write(dir.path(), "c.toml", COURSE);
    let first = export(&course, &[]);
    assert_eq!(first, export(&course, &[]));
    let file = dir.path().join("c.imscc");
    crate::common::export_canvas(&course, &file)
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "4 week modules, 6 assignments (unpublished), 6 calendar events (1 cancelled)",
        ));
    assert_eq!(std::fs::read(&file).unwrap(), first);
}

/// The identity of each event: identifier -> (title, start, end).
fn events_by_id(files: &BTreeMap<String, String>) -> BTreeMap<String, (String, String, String)> {
    parse("events.xml", &files["course_settings/events.xml"])
        .find_all("event")
        .into_iter()
        .map(|e| {
            (
                e.attributes["identifier"].clone(),
                (
                    e.text_of("title").to_string(),
                    e.text_of("start_at").to_string(),
                    e.text_of("end_at").to_string(),
                ),
            )
        })
        .collect()
}

#[test]
fn moving_one_sitting_changes_only_its_events_and_keeps_every_identifier() {
    let before = export_text(COURSE, &[]);
    let after = export_text(
        &COURSE.replace(
            r#"day = "thu", time = "10:00""#,
            r#"day = "fri", time = "14:15""#,
        ),
        &[],
    );
    let (old, new) = (events_by_id(&before), events_by_id(&after));
    assert_eq!(
        old.keys().collect::<Vec<_>>(),
        new.keys().collect::<Vec<_>>()
    );
    let mut moved = 0;
    for (id, old_event) in &old {
        let new_event = &new[id];
        if old_event.0.ends_with("seminar") {
            moved += 1;
            assert_ne!(old_event.1, new_event.1, "{id} did not move");
            assert!(new_event.1.ends_with("T19:15:00"), "{new_event:?}");
        } else {
            assert_eq!(old_event, new_event, "{id} changed");
        }
    }
    assert_eq!(moved, 3);
    // Assignments keep their identifiers; only pre-work due at the moved seminar moves with it
    // (week 2's readings prepare the seminar, the week's only held meeting).
    let (a, b) = (assignment_fields(&before), assignment_fields(&after));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (title, fields) in &a {
        if title == "Readings <week> (week 2)" {
            assert_eq!(b[title].2, "2027-01-22T19:15:00", "{title}");
        } else {
            assert_eq!(fields, &b[title], "{title}");
        }
    }
    let ids = |files: &BTreeMap<String, String>| -> Vec<String> {
        parse("m", &files["course_settings/module_meta.xml"])
            .find_all("item")
            .into_iter()
            .map(|i| i.attributes["identifier"].clone())
            .collect()
    };
    assert_eq!(ids(&before), ids(&after));
}

#[test]
fn two_offerings_share_no_identifier() {
    let a = export_text(COURSE, &[]);
    let b = export_text(&COURSE.replace("canvas-test-2027", "canvas-test-2028"), &[]);
    let (a, b) = (events_by_id(&a), events_by_id(&b));
    assert!(a.keys().all(|id| !b.contains_key(id)));
}

#[test]
fn export_without_start_is_a_located_input_problem() {
    let dir = tempfile::tempdir().unwrap();
    let course = write(
        dir.path(),
        "c.toml",
        &COURSE
            .replace("start = 2027-01-11\n", "")
            .replace("holidays = [2027-01-19]\n", ""),
    );
    let out_file = dir.path().join("c.imscc");
    let out = crate::common::export_canvas(&course, &out_file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("c.toml`: `export canvas` needs real dates"),
        "{stderr}"
    );
    assert!(stderr.contains("start = 2027-01-11"), "{stderr}");
    assert!(!out_file.exists());
}

#[test]
fn export_never_overwrites_the_course_file_and_reports_unwritable_paths() {
    let dir = tempfile::tempdir().unwrap();
    let course = write(dir.path(), "c.toml", COURSE);
    crate::common::export_canvas(&course, &course)
        .assert()
        .code(2);
    assert_eq!(std::fs::read_to_string(&course).unwrap(), COURSE);
    // Standard input redirected from the course file counts as that file.
    let out = Process::new(assert_cmd::cargo::cargo_bin("mixplan"))
        .args(["export", "canvas", "-", "-o"])
        .arg(&course)
        .stdin(std::fs::File::open(&course).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("it is an input of this run"));
    assert_eq!(std::fs::read_to_string(&course).unwrap(), COURSE);
    let out = crate::common::export_canvas(&course, dir.path().join("no/such/dir/c.imscc"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/dir"));
}

/// Over the package limit (assignments and events counted before anything is built), nothing
/// is written and the exit code is 2, quickly.
#[test]
fn a_package_past_the_output_budget_is_refused_before_it_is_built() {
    use std::fmt::Write as _;
    let mut text = String::from(
        "[course]\ntitle = \"Huge\"\nid = \"huge\"\nweeks = 52\nstart = 2027-01-11\n\n[students]\ncount = 10\n\n",
    );
    // 1,000 weekly self-paced activities: 52,000 due items.
    for i in 0..1000 {
        writeln!(
            text,
            "[[activities]]\nid = \"a{i}\"\nkind = \"reading\"\nminutes = 10\nmode = \"async\"\n"
        )
        .unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let course = write(dir.path(), "huge.toml", &text);
    let out_file = dir.path().join("huge.imscc");
    let out = crate::common::export_canvas(&course, &out_file)
        .output()
        .unwrap();
    // The output budget refuses it first, as a located input problem (about 2.5 KB a due
    // item: 130 MB); the item limit stays behind it.
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error[too-many]: the Canvas package (`export canvas`) would be about"),
        "{stderr}"
    );
    assert!(stderr.contains("huge.toml:"), "{stderr}");
    assert!(!out_file.exists());
}

#[test]
fn a_course_without_id_warns_on_stderr_and_still_writes() {
    let dir = tempfile::tempdir().unwrap();
    let course = write(
        dir.path(),
        "c.toml",
        &COURSE.replace("id = \"canvas-test-2027\"\n", ""),
    );
    let out = mixplan()
        .args(["export", "canvas"])
        .arg(&course)
        .args(["-o", "-"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(!out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning[calendar-without-course-id]"),
        "{stderr}"
    );
    let with_id = write(dir.path(), "d.toml", COURSE);
    mixplan()
        .args(["export", "canvas"])
        .arg(&with_id)
        .args(["-o", "-"])
        .assert()
        .success()
        .stderr(predicates::str::contains("calendar-without-course-id").not());
    mixplan()
        .args(["explain", "calendar-without-course-id"])
        .assert()
        .success()
        .stdout(predicates::str::contains("publish rule"));
}

use predicates::prelude::PredicateBooleanExt as _;

/// The IMS Common Cartridge 1.1 schemas (Moodle's copy, with their notice).
const CC11_SCHEMAS: &str = "tests/fixtures/cc11";

/// Every shipped example and template with `start`, compared with its own calendar by real
/// parsers; the manifest validated against the IMS Common Cartridge 1.1 schemas.
#[test]
fn every_example_matches_its_calendar_in_real_parsers() {
    if !crate::common::validator_here(
        crate::common::python_has("icalendar, recurring_ical_events, lxml"),
        "Python's icalendar, recurring-ical-events or lxml",
        "the Python check of the Canvas packages (`pip install icalendar recurring-ical-events lxml`)",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut checked = 0;
    let mut paths: Vec<PathBuf> = ["examples", "templates"]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        if !text.lines().any(|l| l.trim_start().starts_with("start =")) {
            continue;
        }
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let package = dir.path().join(format!("{stem}.imscc"));
        let calendar = dir.path().join(format!("{stem}.ics"));
        std::fs::write(&package, export(&path, &[])).unwrap();
        crate::common::schedule_ics(&path, &calendar)
            .assert()
            .success();
        let out = Process::new("python3")
            .arg("tests/canvas_check.py")
            .arg(&package)
            .arg(&calendar)
            .arg(CC11_SCHEMAS)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}: {}{}",
            path.display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} courses with `start`");
}

/// Due instants of the calendar writer's due events, as `YYYYMMDDTHHMMSSZ`.
fn calendar_due_instants(ics: &str) -> Vec<String> {
    let unfolded = ics.replace("\r\n ", "");
    let mut out = Vec::new();
    let mut due = false;
    for line in unfolded.split("\r\n") {
        if line == "BEGIN:VEVENT" {
            due = false;
        } else if let Some(uid) = line.strip_prefix("UID:") {
            due = uid.ends_with("-due@mixplan");
        } else if let Some(start) = line.strip_prefix("DTSTART:")
            && due
        {
            out.push(start.to_string());
        }
    }
    out.sort();
    out
}

prop_compose! {
    fn dated_course()(
        weeks in 1u32..=8,
        zone in prop::sample::select(vec!["America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata", "UTC"]),
        day in 1u32..=28,
        holiday in proptest::option::of(0u32..56),
        fixed in proptest::option::of((0usize..7, 6u32..=20)),
        kinds in proptest::collection::vec((0usize..6, 10u32..=120, 0u8..3), 1..8),
        aoe in any::<bool>(),
    ) -> String {
        let start = jiff::civil::date(2027, 3, day as i8);
        let mut text = format!("[course]\ntitle = \"P\"\nweeks = {weeks}\nstart = {start}\ntimezone = \"{zone}\"\n");
        if let Some(h) = holiday {
            let date = start.checked_add(jiff::Span::new().days(i64::from(h))).unwrap();
            if h < weeks * 7 {
                text.push_str(&format!("holidays = [{date}]\n"));
            }
        }
        if aoe {
            text.push_str("due = { day = \"sun\", time = \"23:59\", timezone = \"AoE\" }\n");
        }
        text.push_str("\n[students]\ncount = 30\npopulations = [\"full-time\"]\n\n");
        if let Some((d, hour)) = fixed {
            let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
            text.push_str(&format!("[[activities]]\nid = \"fixed\"\nkind = \"lecture\"\nminutes = 50\nat = {{ day = \"{}\", time = \"{hour:02}:30\" }}\n\n", days[d]));
        }
        let names = ["reading", "discussion", "practice", "lecture", "reflection", "problem-solving"];
        for (i, (k, minutes, every)) in kinds.into_iter().enumerate() {
            text.push_str(&format!(
                "[[activities]]\nid = \"a{i}\"\nkind = \"{}\"\nminutes = {minutes}\nevery = \"{}\"\n\n",
                names[k],
                ["week", "2-weeks", "once"][every as usize],
            ));
        }
        text
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    /// For any dated course: the package is the same twice, its XML parses, its identifiers
    /// are unique, and its assignments fall due at exactly the calendar writer's instants.
    #[test]
    fn packages_agree_with_the_calendar_writer(text in dated_course()) {
        use mixplan::export::canvas;
        let course = mixplan::course::parse(&text).unwrap();
        let rec = mixplan::recommend(course);
        let model = canvas::from_recommendation(&rec).unwrap();
        // The limit counts before building exactly what is then built.
        prop_assert_eq!(
            canvas::adapter::item_counts(&rec),
            (model.assignments.len(), model.events.len())
        );
        let bytes = canvas::package(&model, &canvas::Options::default());
        prop_assert_eq!(&bytes, &canvas::package(&canvas::from_recommendation(&rec).unwrap(), &canvas::Options::default()));
        let files = unzip(&bytes);
        for (name, text) in files.iter().filter(|(n, _)| n.ends_with(".xml")) {
            parse(name, text);
        }
        let mut ids = BTreeSet::new();
        for id in model.events.iter().map(|e| &e.id).chain(model.assignments.iter().map(|a| &a.id)) {
            prop_assert!(ids.insert(id.clone()), "duplicate {}", id);
        }
        for e in &model.events {
            prop_assert!(e.end > e.start);
        }
        let ics = mixplan::render::ics::calendar(&rec, Default::default()).unwrap();
        let mut dues: Vec<String> = model
            .assignments
            .iter()
            .map(|a| a.due_at.strftime("%Y%m%dT%H%M%SZ").to_string())
            .collect();
        dues.sort();
        prop_assert_eq!(dues, calendar_due_instants(&ics));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100, .. ProptestConfig::default() })]

    /// The fuzzer's course generator (sections, exams, fixed and searched sittings, holidays,
    /// breaks, zones), exported: never a panic; with `start`, every XML file parses, the limit
    /// counts what is built, events end after they start, and assignments fall due at the
    /// calendar writer's instants; without it, the `start` error.
    #[test]
    fn generated_courses_export_or_explain_why(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        use arbitrary::{Arbitrary, Unstructured};
        use mixplan::export::canvas;
        let mut u = Unstructured::new(&bytes);
        let Ok(input) = crate::common::course_gen::FuzzCourse::arbitrary(&mut u) else { return Ok(()) };
        let course = mixplan::course::parse(&input.to_toml()).expect("the generator writes valid courses");
        let rec = mixplan::recommend(course);
        let model = match canvas::from_recommendation(&rec) {
            Ok(model) => model,
            Err(canvas::ExportError::NoStart) => {
                prop_assert!(rec.course.meta.start.is_none());
                return Ok(());
            }
            Err(err) => return Err(TestCaseError::fail(err.to_string())),
        };
        prop_assert_eq!(
            canvas::adapter::item_counts(&rec),
            (model.assignments.len(), model.events.len())
        );
        for e in &model.events {
            prop_assert!(e.end > e.start, "{:?}", e);
        }
        let files = unzip(&canvas::package(&model, &canvas::Options::default()));
        for (name, text) in files.iter().filter(|(n, _)| n.ends_with(".xml")) {
            parse(name, text);
        }
        let ics = mixplan::render::ics::calendar(&rec, Default::default()).unwrap();
        let mut dues: Vec<String> = model
            .assignments
            .iter()
            .map(|a| a.due_at.strftime("%Y%m%dT%H%M%SZ").to_string())
            .collect();
        dues.sort();
        prop_assert_eq!(dues, calendar_due_instants(&ics));
    }
}

/// The package's descriptors for the fixture course, reviewed as a whole when they change.
#[test]
fn snapshot_of_the_fixture_package() {
    let files = export_text(COURSE, &[]);
    let assignment = files
        .iter()
        .find(|(n, t)| {
            n.ends_with("/assignment_settings.xml") && t.contains("Readings &lt;week&gt; (week 1)")
        })
        .map(|(_, t)| t.clone())
        .unwrap();
    insta::assert_snapshot!("canvas-manifest", files["imsmanifest.xml"]);
    insta::assert_snapshot!(
        "canvas-module-meta",
        files["course_settings/module_meta.xml"]
    );
    insta::assert_snapshot!("canvas-events", files["course_settings/events.xml"]);
    insta::assert_snapshot!("canvas-assignment-settings", assignment);
}

/// Assignment identifier -> due_at.
fn dues_by_id(files: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    files
        .iter()
        .filter(|(n, _)| n.ends_with("/assignment_settings.xml"))
        .map(|(n, t)| {
            let d = parse(n, t);
            (
                d.attributes["identifier"].clone(),
                d.text_of("due_at").to_string(),
            )
        })
        .collect()
}

#[test]
fn moving_the_due_time_moves_every_assignment_in_place() {
    let before = dues_by_id(&export_text(COURSE, &[]));
    let after = dues_by_id(&export_text(
        &COURSE.replace(
            "url = \"https://lms.example.edu/courses/1\"\n",
            "url = \"https://lms.example.edu/courses/1\"\ndue = { day = \"fri\", time = \"17:00\" }\n",
        ),
        &[],
    ));
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    // Every due item with the course's due time moves; pre-work stays due at its meeting.
    let moved = before
        .iter()
        .filter(|(id, due)| *due != &after[*id])
        .count();
    let prework = before
        .values()
        .filter(|d| d.ends_with("T22:30:00") || d.ends_with("T15:00:00"))
        .count();
    assert_eq!(moved + prework, before.len(), "{before:?}\n{after:?}");
    // Friday 17:00 New York of week 1 is 22:00 UTC.
    assert!(
        after.values().any(|d| d == "2027-01-15T22:00:00"),
        "{after:?}"
    );
}
