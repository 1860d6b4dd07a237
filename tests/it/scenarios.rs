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
//! | `covered:SITTING=N` | the unit holding sitting `SITTING` reaches `N` students in its worst week |
//! | `uncovered:SITTING=ZONE:N` | that unit leaves `N` students of `ZONE` uncovered (`0`: none) |
//! | `repeat:SITTING` / `no-repeat:SITTING` | the sitting has (has not) a repeat |
//! | `due:ID@W=DAY HH:MM` | the item of `ID` belonging to week `W` is due then (organizer's zone) |
//! | `listed:ID@W=L` | the item of `ID` belonging to week `W` is listed in week `L` |
//! | `meets:ID@W` | activity `ID` meets (is not cancelled) in week `W` |
//! | `severity:RULE=LEVEL` | some finding of `RULE` has severity `LEVEL` |
//! | `warnings=0` | no finding is a warning or an error |
//! | `finding:RULE~TEXT` / `no-finding:RULE~TEXT` | some (no) finding of `RULE` mentions `TEXT` |
//! | `sittings=N` | the schedule has `N` sittings |

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
    if let Some(got) = judge_attendance(rec, expect) {
        return got;
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

/// The unit holding the sitting named `id`.
fn unit_of<'a>(rec: &'a Recommendation, id: &str) -> Option<&'a mixplan::schedule::Unit> {
    let index = rec.schedule.sittings.iter().position(|s| s.id == id)?;
    rec.schedule
        .units
        .iter()
        .find(|u| u.sittings.contains(&index))
}

/// The week an item is listed in and the item itself, for activity `id` belonging to week `w`.
fn item_of<'a>(
    rec: &'a Recommendation,
    id: &str,
    w: u32,
) -> Option<(u32, &'a mixplan::schedule::Item)> {
    let index = rec.course.activities.iter().position(|a| a.id == id)?;
    rec.schedule.weeks.iter().find_map(|week| {
        let item = week
            .items
            .iter()
            .find(|i| i.activity == index && i.for_week.unwrap_or(week.week) == w)?;
        Some((week.week, item))
    })
}

/// Expectations about sittings, coverage, routes, dues and findings' severities.
fn judge_attendance(rec: &Recommendation, expect: &str) -> Option<(String, bool)> {
    let findings = || {
        rec.advice.iter().filter_map(|a| match a {
            mixplan::findings::Advice::Check(d) => Some(d),
            _ => None,
        })
    };
    if expect == "warnings=0" {
        let loud: Vec<String> = findings()
            .filter(|d| d.severity != mixplan::diagnostic::Severity::Info)
            .map(|d| d.rule.as_str().to_string())
            .collect();
        return Some((format!("warnings: [{}]", loud.join(", ")), loud.is_empty()));
    }
    for (prefix, want) in [("no-finding:", false), ("finding:", true)] {
        if let Some(rest) = expect.strip_prefix(prefix) {
            let (rule, text) = rest.split_once('~')?;
            let got = findings().any(|d| d.rule.as_str() == rule && d.message.contains(text));
            return Some((format!("{rule} ~ {text}: {got}"), got == want));
        }
    }
    if let Some(n) = expect.strip_prefix("sittings=") {
        let got = rec.schedule.sittings.len();
        return Some((format!("{got} sittings"), n.parse() == Ok(got)));
    }
    if let Some(rest) = expect.strip_prefix("severity:") {
        let (rule, level) = rest.split_once('=')?;
        let got: Vec<&str> = findings()
            .filter(|d| d.rule.as_str() == rule)
            .map(|d| d.severity.as_str())
            .collect();
        return Some((format!("{rule}: {got:?}"), got.contains(&level)));
    }
    if let Some(rest) = expect.strip_prefix("covered:") {
        let (id, n) = rest.split_once('=')?;
        let Some(unit) = unit_of(rec, id) else {
            return Some((format!("no sitting {id}"), false));
        };
        let want: u32 = n.parse().ok()?;
        return Some((
            format!("{id} covers {}", unit.students_covered),
            unit.students_covered == want,
        ));
    }
    if let Some(rest) = expect.strip_prefix("uncovered:") {
        let (id, what) = rest.split_once('=')?;
        let (zone, n) = what.rsplit_once(':')?;
        let Some(unit) = unit_of(rec, id) else {
            return Some((format!("no sitting {id}"), false));
        };
        let got = unit
            .uncovered
            .iter()
            .find(|u| u.zone == zone)
            .map_or(0, |u| u.count);
        let want: u32 = n.parse().ok()?;
        return Some((format!("{id} misses {got} in {zone}"), got == want));
    }
    for (prefix, want) in [("no-repeat:", false), ("repeat:", true)] {
        if let Some(id) = expect.strip_prefix(prefix) {
            let got = rec
                .schedule
                .sittings
                .iter()
                .find(|s| s.id == id)
                .is_some_and(|s| s.repeat.is_some());
            return Some((format!("{id} repeat: {got}"), got == want));
        }
    }
    if let Some(rest) = expect.strip_prefix("due:") {
        let (key, when) = rest.split_once('=')?;
        let (id, w) = key.split_once('@')?;
        let Some((_, item)) = item_of(rec, id, w.parse().ok()?) else {
            return Some((format!("no item {key}"), false));
        };
        let got = item
            .due
            .as_ref()
            .map(|d| match &d.at {
                Some(at) => at.strftime("%a %H:%M").to_string().to_lowercase(),
                None => format!("{} {}", d.day, d.time),
            })
            .unwrap_or_default();
        return Some((format!("{key} due {got}"), got == when.trim()));
    }
    if let Some(rest) = expect.strip_prefix("listed:") {
        let (key, listed) = rest.split_once('=')?;
        let (id, w) = key.split_once('@')?;
        let Some((week, _)) = item_of(rec, id, w.parse().ok()?) else {
            return Some((format!("no item {key}"), false));
        };
        return Some((format!("{key} in week {week}"), listed.parse() == Ok(week)));
    }
    if let Some(key) = expect.strip_prefix("meets:") {
        let (id, w) = key.split_once('@')?;
        let Some((_, item)) = item_of(rec, id, w.parse().ok()?) else {
            return Some((format!("no item {key}"), false));
        };
        return Some((
            format!("{key} cancelled: {}", item.cancelled),
            item.sitting.is_some() && !item.cancelled,
        ));
    }
    None
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
