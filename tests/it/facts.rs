//! Each JSON reason's `facts` say what its `detail` sentence says: every fact shows in the
//! sentence, on every example, template and scoring-rule fixture.

use serde_json::Value;

/// How a fact shows in the sentence worded from it.
fn shown(key: &str, value: &Value, reason: &Value) -> Vec<String> {
    let number = |v: &Value| {
        let n = v.as_f64().unwrap();
        format!("{n}")
    };
    match key {
        "content" | "goals" | "populations" => value
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect(),
        "kind" => vec![value.as_str().unwrap().to_string()],
        "minutes"
        | "reached"
        | "students"
        | "connected_minutes_per_week"
        | "live_minutes"
        | "limit_minutes" => vec![number(value)],
        "reliable_share" => vec![format!("{:.0}%", value.as_f64().unwrap() * 100.0)],
        "sync_points" => vec![format!("sync {}", number(value))],
        "async_points" => vec![format!("async {}", number(value))],
        "margin" => vec![format!("margin {}", number(value))],
        "week" => vec![format!("week {}", number(value))],
        "pinned_by" => vec![
            match value.as_str().unwrap() {
                "mode" => "pinned in the course file",
                "at" => "`at`",
                "office-hours" => "office hours",
                "forum" => "a forum",
                "self-paced-exam" => "self-paced timed exam",
                other => panic!("unknown pinned_by {other}"),
            }
            .to_string(),
        ],
        "scores_favor" if value == &reason["favors"] => vec!["the scores agree".into()],
        "scores_favor" => vec![format!("the scores favour `{}`", value.as_str().unwrap())],
        "lowered_ceiling" if value == true && reason["facts"].get("week").is_none() => {
            vec!["lack a dependable connection".into()]
        }
        "lowered_ceiling" => Vec::new(),
        "room_minutes_per_week" => vec![format!("{} min/week in rooms", number(value))],
        other => panic!("fact `{other}` has no test of how it shows"),
    }
}

/// Checks every reason of a plan's JSON; returns how many facts were checked.
fn check_plan(json: &str, source: &str) -> usize {
    let plan: Value = serde_json::from_str(json).unwrap();
    let mut checked = 0;
    for activity in plan["activities"].as_array().unwrap() {
        for reason in activity["reasons"].as_array().unwrap() {
            let detail = reason["detail"].as_str().unwrap();
            let facts = reason["facts"].as_object().unwrap_or_else(|| {
                panic!("{source}: reason without facts: {reason}");
            });
            for (key, value) in facts {
                for text in shown(key, value, reason) {
                    assert!(
                        detail.contains(&text),
                        "{source}: `{}`: fact {key} = {value} ({text:?}) is not in {detail:?}",
                        reason["rule"]
                    );
                    checked += 1;
                }
            }
        }
    }
    checked
}

fn plan_json(text: &str) -> String {
    let course = mixplan::course::parse(text).unwrap();
    mixplan::render::json::to_string(&mixplan::recommend(course), false)
}

#[test]
fn facts_show_in_the_sentence_of_every_example_and_template() {
    let mut checked = 0;
    for dir in ["examples", "templates"] {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).unwrap();
            checked += check_plan(&plan_json(&text), &path.display().to_string());
        }
    }
    assert!(checked > 100, "only {checked} facts checked");
}

#[test]
fn every_scoring_rule_reports_its_facts_on_its_fixture() {
    let mut rules_with_facts = std::collections::BTreeSet::new();
    for (rule, fires, _) in crate::rules::fixtures() {
        let json = plan_json(&fires);
        check_plan(&json, rule);
        let plan: Value = serde_json::from_str(&json).unwrap();
        let reason = plan["activities"][0]["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["rule"] == rule)
            .unwrap_or_else(|| panic!("{rule} did not fire"))
            .clone();
        if !reason["facts"].as_object().unwrap().is_empty() {
            rules_with_facts.insert(rule);
        }
    }
    // Only these rest on no fact beyond their own id.
    for rule in mixplan::engine::SCORING_RULES {
        let id = rule.id.as_str();
        assert_eq!(
            rules_with_facts.contains(id),
            !matches!(id, "full-time-students"),
            "{id}"
        );
    }
}
