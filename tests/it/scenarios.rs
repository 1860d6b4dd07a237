//! Scenarios: course files built from one piece of the guide's advice each, with the decision
//! it must produce written in the file's header as `# expect: ...` lines.
//!
//! One test runs them all and prints a table of scenario, expectation and what the plan gave,
//! so a failure shows every broken decision at once. Expectations:
//!
//! | written | holds when |
//! | --- | --- |
//! | `ID=sync` / `ID=async` | activity `ID` runs in that mode |
//! | `pattern=P` | the pattern in force is `P` |
//! | `reason:ID=RULE` / `no-reason:ID=RULE` | activity `ID` has (has not) a reason from `RULE` |
//! | `no-reason=RULE` | no activity has a reason from `RULE` |
//! | `advice=RULE` / `no-advice=RULE` | some (no) advice or finding comes from `RULE` |
//! | `live>=N` / `live<=N` | weekly live sitting minutes (breaks included) are at least (at most) `N` |
//! | `slot:ZONE>=HH:MM` / `slot:ZONE<=HH:MM` | the main slot starts at or after (before) that local time in `ZONE` |
//! | `pattern-text~WORDS` / `pattern-text!~WORDS` | the pattern's explanation contains (lacks) `WORDS` |

#![expect(
    clippy::disallowed_macros,
    reason = "the scenario table is printed for `cargo test -- --nocapture`"
)]

use std::fmt::Write as _;
use std::path::Path;

use mixplan::Recommendation;
use mixplan::course::Mode;

fn expectations(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.strip_prefix("# expect:"))
        .map(|e| e.trim().to_string())
        .collect()
}

fn minutes_of(hhmm: &str) -> Option<u32> {
    let (h, m) = hhmm.split_once(':')?;
    Some(h.parse::<u32>().ok()? * 60 + m.parse::<u32>().ok()?)
}

/// What the plan gives for one expectation, and whether it holds.
fn judge(rec: &Recommendation, expect: &str) -> (String, bool) {
    let decision = |id: &str| {
        let index = rec.course.activities.iter().position(|a| a.id == id)?;
        rec.plan.decisions.get(index)
    };
    let has_reason =
        |d: &mixplan::engine::Decision, rule: &str| d.reasons.iter().any(|r| r.rule == rule);
    let advice_rules: Vec<&str> = rec
        .advice
        .iter()
        .map(|a| a.rule().as_str())
        .chain(rec.plan.notes.iter().map(|n| n.rule().as_str()))
        .collect();
    // The band's measure: sitting minutes, breaks included.
    let live = rec.plan.summary.sync_sitting_minutes_per_week;
    if let Some(words) = expect.strip_prefix("pattern-text!~") {
        let text = mixplan::render::words::pattern_reason(rec.plan.pattern_choice);
        return (text.clone(), !text.contains(words.trim()));
    }
    if let Some(words) = expect.strip_prefix("pattern-text~") {
        let text = mixplan::render::words::pattern_reason(rec.plan.pattern_choice);
        return (text.clone(), text.contains(words.trim()));
    }
    if let Some(n) = expect.strip_prefix("live>=") {
        return (
            format!("live={live}"),
            live >= n.parse::<f64>().unwrap() - 1e-6,
        );
    }
    if let Some(n) = expect.strip_prefix("live<=") {
        return (
            format!("live={live}"),
            live <= n.parse::<f64>().unwrap() + 1e-6,
        );
    }
    if let Some(rest) = expect.strip_prefix("slot:") {
        let (zone, op, at) = match (rest.split_once(">="), rest.split_once("<=")) {
            (Some((z, t)), _) => (z, ">=", t),
            (_, Some((z, t))) => (z, "<=", t),
            _ => return ("bad expectation".into(), false),
        };
        let Some(slot) = rec.schedule.live_slots.first() else {
            return ("no live slot".into(), false);
        };
        let Some(local) = slot.local.iter().find(|l| l.zone == zone) else {
            return (format!("{zone} not in the slot"), false);
        };
        let got = u32::from(local.time.minutes);
        let want = minutes_of(at.trim()).unwrap();
        let ok = if op == ">=" { got >= want } else { got <= want };
        return (format!("{zone} {} {}", local.day, local.time), ok);
    }
    if let Some(rule) = expect.strip_prefix("no-advice=") {
        let got = advice_rules.contains(&rule);
        return (
            format!("{rule}: {}", if got { "given" } else { "none" }),
            !got,
        );
    }
    if let Some(rule) = expect.strip_prefix("advice=") {
        let got = advice_rules.contains(&rule);
        return (
            format!("{rule}: {}", if got { "given" } else { "none" }),
            got,
        );
    }
    if let Some(rule) = expect.strip_prefix("no-reason=") {
        let with: Vec<&str> = rec
            .plan
            .decisions
            .iter()
            .filter(|d| has_reason(d, rule))
            .map(|d| rec.course.activities[d.index].id.as_str())
            .collect();
        return (format!("{rule} on [{}]", with.join(", ")), with.is_empty());
    }
    for (prefix, want) in [("no-reason:", false), ("reason:", true)] {
        if let Some(rest) = expect.strip_prefix(prefix) {
            let (id, rule) = rest.split_once('=').unwrap();
            let Some(d) = decision(id) else {
                return (format!("no activity {id}"), false);
            };
            let got = has_reason(d, rule);
            return (
                format!("{id} {} {rule}", if got { "has" } else { "lacks" }),
                got == want,
            );
        }
    }
    if let Some(pattern) = expect.strip_prefix("pattern=") {
        let got = rec.plan.pattern.as_str();
        return (format!("pattern={got}"), got == pattern);
    }
    if let Some((id, mode)) = expect.split_once('=') {
        let Some(d) = decision(id) else {
            return (format!("no activity {id}"), false);
        };
        let got = match d.mode {
            Mode::Sync => "sync",
            Mode::Async => "async",
        };
        return (format!("{id}={got}"), got == mode);
    }
    ("bad expectation".into(), false)
}

#[test]
fn every_scenario_produces_its_decision() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/scenarios");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 30, "only {} scenarios", files.len());
    let mut table = String::new();
    let mut failed = 0;
    let mut checked = 0;
    for path in &files {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(path).unwrap();
        let expects = expectations(&text);
        assert!(!expects.is_empty(), "{name} has no `# expect:` line");
        let course = match mixplan::course::parse(&text) {
            Ok(course) => course,
            Err(diagnostics) => panic!("{name} does not load: {diagnostics:#?}"),
        };
        let rec = mixplan::recommend(course);
        for expect in expects {
            let (got, ok) = judge(&rec, &expect);
            checked += 1;
            if !ok {
                failed += 1;
            }
            let _ = writeln!(
                table,
                "{} {name:<40} {expect:<45} {got}",
                if ok { "ok  " } else { "FAIL" }
            );
        }
    }
    // Shown with `cargo test -- --nocapture`, and in full on failure.
    println!("{table}");
    assert_eq!(
        failed, 0,
        "{failed} of {checked} expectations failed:\n{table}"
    );
}
