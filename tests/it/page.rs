//! The students' page (`schedule --format html`) in a real browser: headless Chromium driven by
//! `tests/page/check.mjs` (npm `playwright-core`), with axe-core's accessibility rules run
//! inside the page. Each example, a hostile course and one with a recording route are loaded
//! as a desktop reader in the course's zone, a phone reader in Tokyo, and printed on A4.
//!
//! Needs `node`, Chromium (`MIXPLAN_CHROMIUM`, default `/usr/bin/chromium`) and
//! `npm ci --prefix tests/page`; without them the test says what is missing and passes, unless
//! `MIXPLAN_REQUIRE_BROWSER=1` (set by `.ci/run`) makes it fail.

#![expect(
    clippy::disallowed_macros,
    reason = "tests print a note when the browser is skipped"
)]

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;
use serde_json::Value;

use super::publish::{HOSTILE, ROUTE, hostile_course};

fn chromium() -> PathBuf {
    std::env::var_os("MIXPLAN_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

/// Why the browser test cannot run here, if it cannot.
fn missing() -> Option<String> {
    if !Process::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        return Some("`node` is not on PATH".into());
    }
    if !chromium().exists() {
        return Some(format!(
            "no Chromium at {} (`apt-get install chromium`, or set MIXPLAN_CHROMIUM)",
            chromium().display()
        ));
    }
    if !Path::new("tests/page/node_modules/playwright-core").exists()
        || !Path::new("tests/page/node_modules/axe-core").exists()
    {
        return Some("tests/page/node_modules is missing (`npm ci --prefix tests/page`)".into());
    }
    None
}

fn page(course: &Path, fragment: bool) -> String {
    let mut cmd = Command::cargo_bin("mixplan").unwrap();
    cmd.env_remove("RUST_BACKTRACE")
        .arg("schedule")
        .arg(course)
        .args(["--format", "html"]);
    if fragment {
        cmd.arg("--fragment");
    }
    let out = cmd.output().unwrap();
    String::from_utf8(crate::common::stdout_ok(out)).unwrap()
}

/// One page for the browser: the file, the course's zone, whether it is a fragment, and an
/// optional screenshot prefix.
struct Job {
    file: PathBuf,
    zone: String,
    fragment: bool,
    shots: Option<PathBuf>,
}

/// Run the browser once over every job; one report per job, in order.
fn browse(dir: &Path, jobs: &[Job]) -> Vec<Value> {
    let list: Vec<Value> = jobs
        .iter()
        .map(|j| {
            serde_json::json!({
                "page": j.file.canonicalize().unwrap(),
                "zone": j.zone,
                "fragment": j.fragment,
                "shots": j.shots,
            })
        })
        .collect();
    let list_file = dir.join("jobs.json");
    std::fs::write(&list_file, Value::Array(list).to_string()).unwrap();
    let out = Process::new("node")
        .arg("tests/page/check.mjs")
        .arg(&list_file)
        .env("MIXPLAN_CHROMIUM", chromium())
        .output()
        .unwrap();
    let reports: Vec<Value> = serde_json::from_slice(&crate::common::stdout_ok(out)).unwrap();
    assert_eq!(reports.len(), jobs.len());
    reports
}

fn course_facts(course: &Path) -> (String, String, bool) {
    let text = std::fs::read_to_string(course).unwrap();
    let value: toml::Table = text.parse().unwrap();
    let meta = value["course"].as_table().unwrap();
    (
        meta["title"].as_str().unwrap().to_string(),
        meta.get("timezone")
            .and_then(|z| z.as_str())
            .unwrap_or("UTC")
            .to_string(),
        meta.contains_key("start"),
    )
}

fn assert_view(name: &str, view: &str, report: &Value, title: &str, dated: bool, fragment: bool) {
    let what = format!(
        "{name} ({view}{})",
        if fragment { ", fragment" } else { "" }
    );
    let axe = &report["axe"];
    assert_eq!(
        axe["violations"].as_array().unwrap().len(),
        0,
        "{what}: axe violations {:#}",
        axe["violations"]
    );
    assert!(
        axe["passes"].as_u64().unwrap() > 10,
        "{what}: axe checked nothing"
    );
    assert_eq!(
        report["errors"],
        Value::Array(vec![]),
        "{what}: page errors"
    );
    let dom = &report["dom"];
    assert_eq!(dom["h1"], serde_json::json!([title]), "{what}: the heading");
    assert_eq!(dom["sideways"], false, "{what}: the page scrolls sideways");
    assert!(dom["weeks"].as_u64().unwrap() >= 1, "{what}: no weeks");
    let times = dom["times"].as_array().unwrap();
    if dated {
        assert!(!times.is_empty(), "{what}: no <time> elements");
    }
    for t in times {
        let datetime = t["datetime"].as_str().unwrap();
        let parsed: Result<jiff::Timestamp, _> = datetime.parse();
        assert!(parsed.is_ok(), "{what}: `{datetime}` is not RFC 3339");
        assert!(!datetime.contains('['), "{what}: `{datetime}` is RFC 9557");
    }
    for href in dom["links"].as_array().unwrap() {
        let href = href.as_str().unwrap_or("");
        assert!(
            href.starts_with("https://") || href.starts_with("http://"),
            "{what}: link {href}"
        );
    }
    let (scripts, styles) = (
        dom["scripts"].as_u64().unwrap(),
        dom["styles"].as_u64().unwrap(),
    );
    let yours = dom["yours"].as_array().unwrap().len();
    if fragment {
        assert_eq!(
            (scripts, styles),
            (0, 0),
            "{what}: a fragment has no script or style"
        );
        assert_eq!(yours, 0, "{what}");
    } else {
        assert_eq!((scripts, styles), (1, 1), "{what}");
        assert_eq!(dom["lang"], "en");
        assert_eq!(dom["title"], format!("{title}: schedule"), "{what}");
        // The phone reader is in Tokyo: every time gets its local twin; the desktop reader is
        // in the course's zone and needs none.
        let expected = if view == "phone" { times.len() } else { 0 };
        assert_eq!(yours, expected, "{what}: local-time notes");
    }
}

/// Every example's page and fragment, and a hostile course's, load in Chromium with zero axe
/// violations, read their title literally, carry RFC 3339 times, fit a phone's width, and (the
/// page only) show each time in the reader's zone too.
#[test]
fn student_pages_in_a_real_browser() {
    if let Some(why) = missing() {
        assert!(
            std::env::var("MIXPLAN_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "MIXPLAN_REQUIRE_BROWSER=1 but {why}"
        );
        eprintln!("note: skipping the browser test of the student page: {why}");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let hostile = dir.path().join("hostile.toml");
    std::fs::write(&hostile, hostile_course()).unwrap();
    let mut courses: Vec<PathBuf> = std::fs::read_dir("examples")
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    courses.sort();
    courses.push(hostile.clone());
    let route = dir.path().join("route.toml");
    std::fs::write(&route, ROUTE).unwrap();
    courses.push(route);
    // Regression: a long link scrolled the page sideways on a 360-pixel phone.
    let long = dir.path().join("long-url.toml");
    std::fs::write(&long, long_url_course()).unwrap();
    courses.push(long);
    let shots = std::env::var_os("MIXPLAN_PAGE_SHOTS").map(PathBuf::from);
    let mut jobs = Vec::new();
    let mut facts = Vec::new();
    for course in &courses {
        let name = course.file_stem().unwrap().to_string_lossy().to_string();
        let (title, zone, dated) = course_facts(course);
        for fragment in [false, true] {
            let file = dir.path().join(format!(
                "{name}{}.html",
                if fragment { ".fragment" } else { "" }
            ));
            std::fs::write(&file, page(course, fragment)).unwrap();
            jobs.push(Job {
                file,
                zone: zone.clone(),
                fragment,
                shots: shots.as_ref().filter(|_| !fragment).map(|d| d.join(&name)),
            });
            facts.push((name.clone(), title.clone(), dated, fragment));
        }
    }
    let reports = browse(dir.path(), &jobs);
    for ((name, title, dated, fragment), report) in facts.iter().zip(&reports) {
        for view in ["desktop", "phone", "print"] {
            assert_view(name, view, &report[view], title, *dated, *fragment);
        }
        // The hostile title is text, not markup: it reads literally.
        if name == "hostile" {
            let text = report["desktop"]["dom"]["text"].as_str().unwrap();
            assert!(text.contains(HOSTILE), "{text}");
        }
    }
}

/// A course whose page and meeting links are 300 characters long, with no place to break a
/// line.
fn long_url_course() -> String {
    let url = format!("https://lms.example.edu/{}", "a".repeat(276));
    assert_eq!(url.len(), 300);
    format!(
        "[course]\nid = \"long-url\"\ntitle = \"Long links\"\nweeks = 2\nstart = 2027-01-11\ntimezone = \"Europe/London\"\nurl = \"{url}\"\nlocation = \"Zoom\"\n\n[students]\ncount = 10\npopulations = [\"full-time\"]\n\n[[activities]]\nid = \"seminar\"\nkind = \"discussion\"\nminutes = 50\nmode = \"sync\"\nurl = \"{url}\"\n\n[[activities]]\nid = \"reading\"\nkind = \"reading\"\nminutes = 60\nurl = \"{url}\"\n",
    )
}
