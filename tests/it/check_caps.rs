//! Every design check at the activity cap: none compares activities pairwise. A check that
//! scanned every live activity for every activity and week (`in_session_variety`) once took
//! 17.8 s on 2 MB and did not finish in 300 s on 5.2 MB inside the caps.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use mixplan::check::{CHECK_RULES, Context};
use mixplan::course::MAX_ACTIVITIES;

/// 100,000 activities over 20 weeks, one week each, mixing what the checks compare: short
/// live lectures and exercises beside live discussions (the in-session variety the seed
/// recommends) and, in weeks 11-20, without them; long live work, unrecorded live work, fixed
/// sittings, self-paced work.
fn at_the_cap() -> String {
    let mut text = String::from(
        "[course]\ntitle = \"cap\"\nweeks = 20\nstart = 2027-01-04\ntimezone = \"America/New_York\"\nsync_hours = [0, 168]\n\n[students]\ncount = 40\n[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 10\n\n",
    );
    let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    for i in 0..MAX_ACTIVITIES {
        let mut week = i % 20 + 1;
        let (kind, minutes, extra) = match i % 8 {
            0 => ("lecture", 10, "mode = \"sync\"".to_string()),
            1 => ("practice", 10, "mode = \"sync\"".to_string()),
            // Live discussion only in weeks 3 and 7 (and the long discussions below in weeks
            // 4, 8, ...): a short live lecture or exercise (weeks 1, 5, 9, ... and 2, 6, 10,
            // ...) has no interactive partner in its week, which a pairwise scan learns only
            // after looking at every live activity (60,000 short live lectures took 38.8 s in
            // release that way).
            2 if week <= 10 => ("debate", 30, "mode = \"sync\"".to_string()),
            3 => (
                "discussion",
                200,
                "mode = \"sync\"\nrecorded = false".to_string(),
            ),
            4 => ("reading", 20, String::new()),
            5 => ("assessment", 15, String::new()),
            // One in 80 is fixed, each at its own hour of its week (weeks 1-10): no two
            // overlap.
            6 if i % 80 == 6 => {
                let k = i / 80;
                week = k % 10 + 1;
                let slot = k / 10;
                let at = format!(
                    "at = {{ day = \"{}\", time = \"{:02}:00\" }}",
                    days[slot % 7],
                    6 + slot / 7
                );
                ("discussion", 20, at)
            }
            _ => ("reflection", 10, String::new()),
        };
        writeln!(
            text,
            "[[activities]]\nid = \"a{i}\"\nkind = \"{kind}\"\nminutes = {minutes}\nweeks = [{week}]\n{extra}"
        )
        .unwrap();
    }
    text
}

#[test]
fn every_check_at_the_activity_cap_is_linear() {
    let text = at_the_cap();
    let loaded = mixplan::course::load(&text);
    // Overlapping fixed sittings are input errors; the generator keeps them apart.
    let course = loaded.course.unwrap_or_else(|| {
        panic!(
            "{:?}",
            &loaded.diagnostics[..loaded.diagnostics.len().min(3)]
        )
    });
    let plan = mixplan::engine::plan(&course);
    let cx = Context::lazy(&course, &plan);
    // Build the schedule once, outside the timings: it is shared by the checks that read it.
    let _ = cx.schedule();
    // A debug build on a shared two-core machine: generous, yet far below what one pairwise
    // comparison of 100,000 activities costs (minutes to hours).
    let limit = Duration::from_secs(20);
    let mut slow = Vec::new();
    for rule in CHECK_RULES {
        let started = Instant::now();
        let _ = (rule.run)(&cx);
        let took = started.elapsed();
        if took > limit {
            slow.push(format!("{}: {took:?}", rule.id));
        }
    }
    assert!(
        slow.is_empty(),
        "checks over {limit:?} at the cap: {slow:?}"
    );
}

/// Every `.toml` file under `dir`, sorted.
fn toml_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            toml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

/// `check` judges the scheduled plan: every finding `recommend` prints as advice from a
/// design check, `check` reports at the same severity, and nothing else, on every example,
/// template, fixture and scenario. (With week 1 starting before `start`, `recommend` once
/// reported the live hours outside the band while `check` passed: it read the plan before
/// the schedule had cancelled anything.)
#[test]
fn check_and_recommend_agree_on_every_fixture_and_scenario() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [
        "examples",
        "templates",
        "tests/fixtures",
        "tests/it/scenarios",
    ] {
        toml_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 50, "{} files", files.len());
    let options = mixplan::check::Options::default();
    let mut compared = 0;
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let Some(course) = mixplan::course::load(text).course else {
            continue;
        };
        let key = |d: &mixplan::diagnostic::Diagnostic| {
            (
                d.rule,
                d.severity,
                d.span,
                d.message.clone(),
                d.help.clone(),
            )
        };
        let mut advised: Vec<_> = mixplan::recommend(course)
            .advice
            .iter()
            .filter_map(|a| match a {
                mixplan::findings::Advice::Check(d) => Some(key(d)),
                _ => None,
            })
            .collect();
        let report = mixplan::check::check_bytes(path.display().to_string(), &bytes, &options);
        let mut checked: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.rule != mixplan::rules::RuleId::UnknownRule)
            .map(key)
            .collect();
        advised.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
        checked.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
        assert_eq!(advised, checked, "{}", path.display());
        compared += 1;
    }
    assert!(compared > 40, "{compared} files compared");
}
