//! The JSON output is a versioned contract: pin its keys and their types.

use mixplan::render::json;
use serde_json::Value;

fn recommend(path: &str) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    let course = mixplan::course::parse(&text).unwrap();
    json::recommendation(&mixplan::recommend(course))
}

fn assert_keys(value: &Value, keys: &[&str], what: &str) {
    let object = value
        .as_object()
        .unwrap_or_else(|| panic!("{what} is not an object"));
    for key in keys {
        assert!(object.contains_key(*key), "{what} lacks `{key}`: {value}");
    }
}

#[test]
fn recommend_json_has_every_spec_key() {
    for path in [
        "examples/evening-working-adults.toml",
        "examples/international-cohort.toml",
        "examples/full-time-seminar.toml",
        "examples/large-lecture.toml",
    ] {
        let v = recommend(path);
        assert_eq!(v["schema_version"], 1);
        assert_keys(
            &v,
            &[
                "schema_version",
                "course",
                "activities",
                "summary",
                "schedule",
                "advice",
            ],
            "root",
        );
        assert_keys(&v["course"], &["title", "weeks"], "course");
        assert!(v["course"]["weeks"].is_u64());
        for a in v["activities"].as_array().unwrap() {
            assert_keys(
                a,
                &[
                    "id", "kind", "minutes", "mode", "pinned", "scores", "reasons",
                ],
                "activity",
            );
            assert!(matches!(a["mode"].as_str(), Some("sync" | "async")));
            assert!(a["pinned"].is_boolean());
            assert!(a["scores"]["sync"].is_number() && a["scores"]["async"].is_number());
            for r in a["reasons"].as_array().unwrap() {
                assert_keys(r, &["rule", "favors", "weight", "detail"], "reason");
                assert!(r["weight"].is_number());
            }
        }
        let s = &v["summary"];
        assert_keys(
            s,
            &[
                "sync_minutes_per_week",
                "async_minutes_per_week",
                "sync_band_minutes",
                "pattern",
            ],
            "summary",
        );
        assert_eq!(s["sync_band_minutes"].as_array().unwrap().len(), 2);
        assert!(matches!(
            s["pattern"].as_str(),
            Some("flipped" | "alternating")
        ));
        for slot in v["schedule"]["live_slots"].as_array().unwrap() {
            assert_keys(
                slot,
                &["day", "time", "timezone", "students_covered", "coverage"],
                "live slot",
            );
            let coverage = slot["coverage"].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&coverage));
        }
        let weeks = v["schedule"]["weeks"].as_array().unwrap();
        assert_eq!(weeks.len() as u64, v["course"]["weeks"].as_u64().unwrap());
        for (i, w) in weeks.iter().enumerate() {
            assert_eq!(w["week"].as_u64().unwrap(), i as u64 + 1);
            for item in w["items"].as_array().unwrap() {
                assert_keys(item, &["activity", "mode"], "item");
                if item["mode"] == "async" {
                    assert!(item["due"].is_string(), "async item without due: {item}");
                } else {
                    assert!(item["recorded"].is_boolean());
                    for seg in item["segments"].as_array().unwrap() {
                        assert_keys(seg, &["kind", "minutes"], "segment");
                        assert!(seg["minutes"].as_u64().unwrap() <= 25 || seg["kind"] == "focus");
                    }
                }
            }
        }
        for a in v["advice"].as_array().unwrap() {
            assert_keys(a, &["rule", "message"], "advice");
        }
    }
}

#[test]
fn every_activity_occurrence_is_scheduled() {
    let v = recommend("examples/evening-working-adults.toml");
    let weeks = v["schedule"]["weeks"].as_array().unwrap();
    let count = |id: &str| {
        weeks
            .iter()
            .flat_map(|w| w["items"].as_array().unwrap())
            .filter(|i| i["activity"] == id)
            .count()
    };
    assert_eq!(count("concept-videos"), 12);
    assert_eq!(count("office-hours"), 6, "every = 2-weeks");
    assert_eq!(count("capstone-presentations"), 1, "weeks = [12]");
}

#[test]
fn flipped_weeks_put_content_before_the_live_session() {
    let v = recommend("examples/evening-working-adults.toml");
    assert_eq!(v["summary"]["pattern"], "flipped");
    let week = &v["schedule"]["weeks"][0];
    let items = week["items"].as_array().unwrap();
    let first_sync = items.iter().position(|i| i["mode"] == "sync").unwrap();
    let videos = items
        .iter()
        .position(|i| i["activity"] == "concept-videos")
        .unwrap();
    assert!(videos < first_sync);
    assert_eq!(items[videos]["before_live"], true);
}

/// Panics when a searched sitting of `v` (recommend JSON) meets on the same day as another
/// sitting of a shared week, overlapping it or closer than the 10-minute gap.
fn assert_no_overlap(v: &Value, name: &str) {
    let minutes_of = |time: &str| -> u32 {
        let (h, m) = time.split_once(':').unwrap();
        h.parse::<u32>().unwrap() * 60 + m.parse::<u32>().unwrap()
    };
    let weeks = |s: &Value| -> Vec<u64> {
        s["weeks"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_u64)
            .collect()
    };
    let sittings = v["schedule"]["sittings"].as_array().unwrap();
    for (i, a) in sittings.iter().enumerate() {
        for b in &sittings[i + 1..] {
            if a["fixed"] == true && b["fixed"] == true {
                continue; // overlapping fixed sittings are an input error
            }
            let shared = weeks(a).iter().any(|w| weeks(b).contains(w));
            if !shared || a["day"] != b["day"] {
                continue;
            }
            let start = |s: &Value| minutes_of(s["time"].as_str().unwrap());
            let end = |s: &Value| start(s) + s["minutes"].as_u64().unwrap() as u32;
            let gap = if a["fixed"] == true || b["fixed"] == true {
                10
            } else {
                0
            };
            assert!(
                end(a) + gap <= start(b) || end(b) + gap <= start(a),
                "{name}: sittings `{}` and `{}` overlap",
                a["id"],
                b["id"]
            );
        }
    }
}

/// A searched sitting never meets at the same time as another sitting of the same week: the
/// optional office hours of a course are not put on top of its required live session.
#[test]
fn searched_sittings_never_overlap_another_sitting() {
    for entry in std::fs::read_dir("examples").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        assert_no_overlap(
            &recommend(path.to_str().unwrap()),
            &path.display().to_string(),
        );
    }
}

/// Working adults' evening holds a fixed Wednesday 19:00 lecture: the searched discussion
/// keeps clear of it (10 minutes at least) instead of landing on top of it.
#[test]
fn searched_sittings_keep_clear_of_fixed_ones() {
    let text = r#"
[course]
title = "Evening course"
weeks = 4
start = 2027-01-11
timezone = "America/New_York"
live_days = ["wed"]

[students]
count = 20
populations = ["working-adults"]

[[activities]]
id = "lecture"
kind = "lecture"
minutes = 60
at = { day = "wed", time = "19:00" }

[[activities]]
id = "clinic"
kind = "problem-solving"
minutes = 45
mode = "sync"
"#;
    let course = mixplan::course::parse(text).unwrap();
    let v = json::recommendation(&mixplan::recommend(course));
    let sittings = v["schedule"]["sittings"].as_array().unwrap();
    assert!(
        sittings.iter().any(|s| s["fixed"] == false),
        "{sittings:#?}"
    );
    assert_no_overlap(&v, "evening course");
}

/// An activity offered in sections names every section its students can choose that week,
/// not only the first.
#[test]
fn items_with_sections_name_every_section_of_the_week() {
    let v = recommend("examples/remote-graphics-lecture.toml");
    let office_hours = |week: usize| -> Value {
        v["schedule"]["weeks"][week]["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["activity"] == "office-hours")
            .cloned()
            .unwrap()
    };
    assert_eq!(
        office_hours(1)["sections"],
        serde_json::json!(["office-hours.1", "office-hours.2"])
    );
    // Week 1's Monday section falls before the course starts on Tuesday.
    assert_eq!(
        office_hours(0)["sections"],
        serde_json::json!(["office-hours.2"])
    );
    // A live activity with one time has no `sections`.
    let lecture = v["schedule"]["weeks"][1]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["activity"] == "lecture-tue")
        .unwrap();
    assert!(lecture.get("sections").is_none());
}

/// With one allowed day and two sittings' worth of live work, the second sitting follows the
/// first on that day instead of meeting at the same time.
#[test]
fn further_sittings_on_a_taken_day_keep_clear_of_the_first() {
    let text = r#"
[course]
title = "One evening"
weeks = 4
start = 2027-01-11
timezone = "America/New_York"
live_days = ["wed"]
sync_hours = [1.0, 4.0]

[students]
count = 20
populations = ["full-time"]

[[activities]]
id = "seminar"
kind = "discussion"
minutes = 80
mode = "sync"

[[activities]]
id = "studio"
kind = "collaboration"
minutes = 80
mode = "sync"
"#;
    let course = mixplan::course::parse(text).unwrap();
    let v = json::recommendation(&mixplan::recommend(course));
    let searched = v["schedule"]["sittings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["fixed"] == false)
        .count();
    assert_eq!(searched, 2, "{:#}", v["schedule"]["sittings"]);
    assert_no_overlap(&v, "one evening");
}
