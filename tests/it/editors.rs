//! Issue 5: the JSON Schemas, `init`, shell completions, the man page and `--version`.
//!
//! The validator tests run the real `check-jsonschema` (Python). Without it on PATH they print a
//! note and pass, unless `MIXPLAN_REQUIRE_PY_VALIDATORS=1` is set (as in `.ci/run`): then a
//! missing validator fails them.

#![expect(
    clippy::disallowed_macros,
    reason = "tests print a note when an optional validator is skipped"
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;
use mixplan::course;
use mixplan::templates::{SchemaKind, Template};
use serde_json::Value;

const REGENERATE: &str = "regenerate the committed schemas with `cargo xtask generate`";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn mixplan() -> Command {
    let mut cmd = crate::common::mixplan();
    cmd.env("NO_COLOR", "1");
    cmd
}

fn stdout_of(args: &[&str]) -> String {
    let output = mixplan().args(args).output().expect("mixplan runs");
    assert!(
        output.status.success(),
        "mixplan {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

fn examples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("examples"))
        .expect("examples/ exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "examples/ has course files");
    files
}

fn templates() -> Vec<Template> {
    Template::ALL.to_vec()
}

fn kind_name(kind: SchemaKind) -> String {
    kind.name().to_string()
}

/// The `check-jsonschema` executable, or `None` (with a note) when it is not installed and not
/// required.
fn validator() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("check-jsonschema"))
            .find(|path| path.is_file())
    });
    if found.is_none() {
        if std::env::var("MIXPLAN_REQUIRE_PY_VALIDATORS").is_ok_and(|v| v == "1") {
            panic!(
                "check-jsonschema is not on PATH and MIXPLAN_REQUIRE_PY_VALIDATORS=1; install it with `python3 -m pip install check-jsonschema`"
            );
        }
        eprintln!(
            "note: check-jsonschema is not on PATH; skipping validation (pip install check-jsonschema)"
        );
    }
    found
}

/// Run `check-jsonschema --schemafile SCHEMA FILES...`: `Ok(())` when every file validates,
/// `Err(report)` otherwise.
fn validate(validator: &Path, schema: &Path, files: &[PathBuf]) -> Result<(), String> {
    let output = Process::new(validator)
        .arg("--schemafile")
        .arg(schema)
        .args(files)
        .output()
        .expect("check-jsonschema runs");
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

// ---------------------------------------------------------------------------------------------
// The course schema

#[test]
fn committed_schemas_equal_the_generated_ones() {
    for kind in SchemaKind::ALL {
        let name = kind_name(*kind);
        let path = root().join(format!("schema/{name}.schema.json"));
        let committed = std::fs::read_to_string(&path)
            .unwrap_or_else(|err| panic!("cannot read {}: {err}\n{REGENERATE}", path.display()));
        let generated = stdout_of(&["schema", &name]);
        assert!(
            committed == generated,
            "schema/{name}.schema.json differs from `mixplan schema {name}`; {REGENERATE}"
        );
    }
}

#[test]
fn schema_without_argument_is_the_course_schema() {
    assert_eq!(stdout_of(&["schema"]), stdout_of(&["schema", "course"]));
}

#[test]
fn course_schema_is_draft_2020_12_with_descriptions_everywhere() {
    let schema = course::schema::course_schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let mut missing = Vec::new();
    for (def, table) in schema["$defs"].as_object().expect("$defs") {
        assert!(
            table.get("description").is_some(),
            "`{def}` has no description"
        );
        for (key, property) in table["properties"].as_object().into_iter().flatten() {
            if property.get("description").is_none() {
                missing.push(format!("{def}.{key}"));
            }
        }
    }
    for (key, property) in schema["properties"].as_object().expect("properties") {
        if property.get("description").is_none() {
            missing.push(key.clone());
        }
    }
    assert!(
        missing.is_empty(),
        "properties without a description: {missing:?}"
    );
    // No `null`: TOML has none, an optional key is simply left out.
    assert!(!schema.to_string().contains("\"null\""));
}

#[test]
fn course_schema_lists_every_name_of_every_vocabulary() {
    let schema = course::schema::course_schema();
    let defs = &schema["$defs"];
    let cases: [(&str, &[&str]); 9] = [
        ("ActivityKind", course::ActivityKind::NAMES),
        ("Mode", course::Mode::NAMES),
        ("Population", course::Population::NAMES),
        ("ContentType", course::ContentType::NAMES),
        ("Goal", course::Goal::NAMES),
        ("Delivery", course::Delivery::NAMES),
        ("Pattern", course::Pattern::NAMES),
        ("Every", course::Every::NAMES),
        ("Weekday", course::Weekday::NAMES),
    ];
    for (def, names) in cases {
        let listed: Vec<&str> = defs[def]["enum"]
            .as_array()
            .unwrap_or_else(|| panic!("`{def}` has an enum"))
            .iter()
            .map(|v| v.as_str().expect("string"))
            .collect();
        assert_eq!(listed, names, "{def}");
        let docs = defs[def]["x-taplo"]["docs"]["enumValues"]
            .as_array()
            .expect("per-name docs for taplo");
        assert_eq!(docs.len(), names.len(), "{def}");
        assert!(
            docs.iter()
                .all(|d| d.as_str().is_some_and(|d| !d.is_empty()))
        );
    }
}

#[test]
fn schema_properties_equal_the_loader_keys() {
    let schema = course::schema::course_schema();
    let expected: [(&str, &[&str]); 17] = [
        ("", course::FILE_KEYS),
        ("CourseTable", course::COURSE_KEYS),
        ("LiveAtTable", course::LIVE_AT_KEYS),
        ("StudentsTable", course::STUDENTS_KEYS),
        ("ZoneTable", course::ZONE_KEYS),
        ("ContentTable", course::CONTENT_KEYS),
        ("GoalsTable", course::GOALS_KEYS),
        ("ActivityTable", course::ACTIVITY_KEYS),
        ("CheckTable", course::CHECK_KEYS),
        ("AllowTable", course::ALLOW_KEYS),
        ("CourseDueTable", course::DUE_KEYS),
        ("ActivityDueTable", course::ACTIVITY_DUE_KEYS),
        ("AtTable", course::AT_KEYS),
        ("ReadTable", course::READ_KEYS),
        ("WriteTable", course::WRITE_KEYS),
        ("WatchTable", course::WATCH_KEYS),
        ("PostTable", course::POST_KEYS),
    ];
    let keys_of = |object: &Value| -> BTreeSet<String> {
        object["properties"]
            .as_object()
            .expect("properties")
            .keys()
            .cloned()
            .collect()
    };
    // Every object of the schema is one of the loader's tables, and the reverse.
    let objects: BTreeSet<&str> = schema["$defs"]
        .as_object()
        .expect("$defs")
        .iter()
        .filter(|(_, def)| def.get("properties").is_some())
        .map(|(name, _)| name.as_str())
        .chain([""])
        .collect();
    let tables: BTreeSet<&str> = expected.iter().map(|(name, _)| *name).collect();
    assert_eq!(objects, tables, "schema objects vs loader tables");
    for (def, keys) in expected {
        let object = if def.is_empty() {
            &schema
        } else {
            &schema["$defs"][def]
        };
        let want: BTreeSet<String> = keys.iter().map(|k| k.to_string()).collect();
        assert_eq!(
            keys_of(object),
            want,
            "keys of `{def}` (empty: the top level)"
        );
        assert_eq!(
            object["additionalProperties"], false,
            "`{def}` rejects unknown keys like the loader"
        );
    }
}

#[test]
fn examples_and_templates_deserialize_into_the_schema_types() {
    for path in examples() {
        let text = std::fs::read_to_string(&path).expect("readable");
        if let Err(err) = toml::from_str::<course::schema::CourseFile>(&text) {
            panic!("{}: {err}", path.display());
        }
    }
    for template in templates() {
        if let Err(err) = toml::from_str::<course::schema::CourseFile>(template.text()) {
            panic!("template {}: {err}", template.name());
        }
    }
}

#[test]
fn examples_and_templates_validate_against_the_course_schema() {
    let Some(validator) = validator() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let mut files = examples();
    for template in templates() {
        let path = dir.path().join(format!("{}.toml", template.name()));
        let text = stdout_of(&["init", "-", "--template", template.name()]);
        std::fs::write(&path, text).expect("writable");
        files.push(path);
    }
    let schema = root().join("schema/course.schema.json");
    if let Err(report) = validate(&validator, &schema, &files) {
        panic!("check-jsonschema rejected a valid course file:\n{report}");
    }
}

#[test]
fn course_schema_rejects_what_the_loader_rejects() {
    let Some(validator) = validator() else { return };
    let good = Template::General.text();
    let cases = [
        ("unknown-key", good.replace("minutes = 5\n", "minuts = 5\n")),
        (
            "unknown-top-level-table",
            format!("{good}\n[extras]\nnote = 1\n"),
        ),
        (
            "bad-kind",
            good.replace("kind = \"lecture\"", "kind = \"lectur\""),
        ),
        (
            "bad-population",
            good.replace("\"full-time\"]", "\"fulltime\"]"),
        ),
        (
            "weeks-out-of-range",
            good.replace("weeks = 12 ", "weeks = 105 "),
        ),
        (
            "minutes-out-of-range",
            good.replace("minutes = 5\n", "minutes = 601\n"),
        ),
        ("bad-id", good.replace("\"weekly-quiz\"", "\"Weekly_Quiz\"")),
        (
            "bad-window",
            good.replace("\"08:00-22:00\"", "\"8am-10pm\""),
        ),
        (
            "bad-live-at",
            good.replace(
                "# live_at = { day = \"wed\", time = \"18:00\" }",
                "live_at = { day = \"wed\", time = \"24:00\" }",
            ),
        ),
        (
            "share-above-one",
            good.replace("reliable_internet = 0.9", "reliable_internet = 1.5"),
        ),
        (
            "datetime-start",
            good.replace("# start = 2027-01-11", "start = 2027-01-11T09:00:00"),
        ),
        (
            "every-and-weeks",
            good.replace(
                "weeks = [10, 11, 12]",
                "weeks = [10, 11, 12]\nevery = \"once\"",
            ),
        ),
        (
            "no-activities",
            good.split("[[activities]]")
                .next()
                .expect("head")
                .to_string(),
        ),
    ];
    let dir = tempfile::tempdir().expect("temp dir");
    let schema = root().join("schema/course.schema.json");
    for (name, text) in cases {
        assert_ne!(text, good, "case {name} changed nothing");
        let path = dir.path().join(format!("{name}.toml"));
        std::fs::write(&path, &text).expect("writable");
        // The loader rejects it too: the schema is not stricter than mixplan.
        assert!(
            !course::load(&text).diagnostics.is_empty(),
            "case {name}: the loader accepts it"
        );
        assert!(
            validate(&validator, &schema, &[path]).is_err(),
            "case {name}: check-jsonschema accepted it"
        );
    }
}

/// taplo (the engine of Even Better TOML) reads the committed schema as editors do. `.ci/run`
/// installs it and sets `MIXPLAN_REQUIRE_PY_VALIDATORS=1`, so there the test cannot skip; a
/// plain `cargo test` without taplo says why it skips.
#[test]
fn taplo_accepts_the_examples_and_rejects_an_unknown_key_when_installed() {
    let Some(taplo) = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("taplo"))
            .find(|path| path.is_file())
    }) else {
        assert_ne!(
            std::env::var("MIXPLAN_REQUIRE_PY_VALIDATORS").as_deref(),
            Ok("1"),
            "taplo is not on PATH but MIXPLAN_REQUIRE_PY_VALIDATORS=1; install it with `python3 -m pip install taplo`"
        );
        eprintln!(
            "note: taplo is not on PATH; skipping (python3 -m pip install taplo, or cargo install taplo-cli)"
        );
        return;
    };
    let schema = format!(
        "file://{}",
        root().join("schema/course.schema.json").display()
    );
    let taplo_check = |file: &Path| {
        Process::new(&taplo)
            .args(["check", "--no-auto-config", "--schema", &schema])
            .arg(file)
            .output()
            .expect("taplo runs")
    };
    let dir = tempfile::tempdir().expect("temp dir");
    for path in course_inputs(dir.path()) {
        let output = taplo_check(&path);
        assert!(
            output.status.success(),
            "taplo rejected {}:\n{}",
            path.display(),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let bad = dir.path().join("unknown-key.toml");
    std::fs::write(
        &bad,
        Template::General
            .text()
            .replace("minutes = 5\n", "minuts = 5\n"),
    )
    .expect("writable");
    let output = taplo_check(&bad);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("minuts"));
}

// ---------------------------------------------------------------------------------------------
// The output schemas

/// Close every object of a schema (`additionalProperties: false`), so that a key printed but not
/// described fails validation. The published schemas stay open for additive changes.
fn closed(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            if map.contains_key("properties") {
                map.entry("additionalProperties")
                    .or_insert(Value::Bool(false));
            }
            map.values_mut().for_each(closed);
        }
        Value::Array(items) => items.iter_mut().for_each(closed),
        _ => {}
    }
}

fn closed_schema_file(kind: &str, dir: &Path) -> PathBuf {
    let mut schema: Value =
        serde_json::from_str(&stdout_of(&["schema", kind])).expect("the schema is JSON");
    closed(&mut schema);
    let path = dir.join(format!("{kind}.closed.schema.json"));
    std::fs::write(&path, schema.to_string()).expect("writable");
    path
}

fn course_inputs(dir: &Path) -> Vec<PathBuf> {
    let mut inputs = examples();
    for template in templates() {
        let path = dir.join(format!("template-{}.toml", template.name()));
        std::fs::write(&path, template.text()).expect("writable");
        inputs.push(path);
    }
    inputs
}

#[test]
fn recommend_and_schedule_json_validate_against_their_schemas() {
    let Some(validator) = validator() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    for command in ["recommend", "schedule"] {
        let schema = closed_schema_file(command, dir.path());
        let mut outputs = Vec::new();
        for input in course_inputs(dir.path()) {
            let input = input.to_str().expect("UTF-8 path");
            let json = stdout_of(&[command, input, "--format", "json"]);
            let stem = Path::new(input)
                .file_stem()
                .expect("stem")
                .to_string_lossy();
            let path = dir.path().join(format!("{command}-{stem}.json"));
            std::fs::write(&path, json).expect("writable");
            outputs.push(path);
        }
        if let Err(report) = validate(&validator, &schema, &outputs) {
            panic!(
                "`mixplan {command} --format json` does not match `mixplan schema {command}`:\n{report}"
            );
        }
    }
}

/// Every JSON output of every example and template (recommend, schedule, workload, check, and
/// diff against a changed copy of each example)
/// validates against its published schema in ajv's default strict mode (standard formats and
/// keywords only) and against its closed schema in check-jsonschema.
#[test]
fn every_json_output_validates_in_ajv_strict_and_check_jsonschema() {
    let dir = tempfile::tempdir().expect("temp dir");
    let inputs = course_inputs(dir.path());
    let mut outputs: Vec<(&str, Vec<PathBuf>)> = Vec::new();
    for command in ["recommend", "schedule", "workload"] {
        let mut files = Vec::new();
        for input in &inputs {
            let input = input.to_str().expect("UTF-8 path");
            let stem = Path::new(input)
                .file_stem()
                .expect("stem")
                .to_string_lossy();
            let path = dir.path().join(format!("{command}-{stem}.json"));
            std::fs::write(&path, stdout_of(&[command, input, "--format", "json"]))
                .expect("writable");
            files.push(path);
        }
        outputs.push((command, files));
    }
    let check = Command::cargo_bin("mixplan")
        .expect("built")
        .args(["check", "--format", "json"])
        .arg(root().join("examples"))
        .output()
        .expect("runs");
    let path = dir.path().join("check-examples.json");
    std::fs::write(&path, &check.stdout).expect("writable");
    outputs.push(("check", vec![path]));
    // `diff` of every example against a copy with its times moved, a holiday and one id renamed.
    let mut diffs = Vec::new();
    for example in examples() {
        let text = std::fs::read_to_string(&example).expect("readable");
        let changed = text.replace(":00\"", ":15\"");
        let new = dir.path().join(format!(
            "new-{}",
            example.file_name().unwrap().to_string_lossy()
        ));
        std::fs::write(&new, changed).expect("writable");
        let out = Command::cargo_bin("mixplan")
            .expect("built")
            .arg("diff")
            .arg(&example)
            .arg(&new)
            .args(["--format", "json"])
            .output()
            .expect("runs");
        let path = dir.path().join(format!("diff-{}.json", diffs.len()));
        std::fs::write(&path, &out.stdout).expect("writable");
        diffs.push(path);
    }
    outputs.push(("diff", diffs));
    let ajv = root().join("tests/clients/node_modules/ajv");
    if ajv.exists() {
        for (command, files) in &outputs {
            let out = Process::new("node")
                .arg(root().join("tests/clients/schema.mjs"))
                .arg(root().join(format!("schema/{command}.schema.json")))
                .args(files)
                .output()
                .expect("node runs");
            assert!(
                out.status.success(),
                "ajv (strict) rejects `{command}`: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
    } else {
        assert!(
            std::env::var_os("MIXPLAN_REQUIRE_JS_CLIENTS").is_none(),
            "MIXPLAN_REQUIRE_JS_CLIENTS is set but `npm ci --prefix tests/clients` has not run"
        );
        eprintln!("note: skipping ajv; `npm ci --prefix tests/clients` to run it");
    }
    let Some(validator) = validator() else { return };
    for (command, files) in &outputs {
        let schema = closed_schema_file(command, dir.path());
        if let Err(report) = validate(&validator, &schema, files) {
            panic!("`{command}` JSON does not match its closed schema:\n{report}");
        }
    }
}

#[test]
fn check_schema_accepts_the_documented_shape_and_rejects_others() {
    let Some(validator) = validator() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let schema = closed_schema_file("check", dir.path());
    let good = serde_json::json!({
        "schema_version": 1,
        "files_checked": 2,
        "diagnostics": [
            { "file": "course.toml", "line": 3, "column": 1, "end_line": 3, "end_column": 7,
              "rule": "unknown-key", "severity": "error", "message": "unknown key `minuts` in [[activities]] #1",
              "help": "did you mean `minutes`?" },
            { "file": "<stdin>", "line": 1, "column": 1, "end_line": 1, "end_column": 1,
              "rule": "live-lecture", "severity": "warning", "message": "a lecture is pinned to live time" },
        ],
    });
    let path = dir.path().join("good.json");
    std::fs::write(&path, good.to_string()).expect("writable");
    if let Err(report) = validate(&validator, &schema, &[path]) {
        panic!("the documented check output does not validate:\n{report}");
    }
    let mut bad = good.clone();
    bad["diagnostics"][0]["severity"] = "fatal".into();
    let path = dir.path().join("bad.json");
    std::fs::write(&path, bad.to_string()).expect("writable");
    assert!(validate(&validator, &schema, &[path]).is_err());
}

#[test]
fn every_schema_is_valid_against_its_metaschema() {
    let Some(validator) = validator() else { return };
    let mut files: Vec<PathBuf> = SchemaKind::ALL
        .iter()
        .map(|kind| root().join(format!("schema/{}.schema.json", kind_name(*kind))))
        .collect();
    files.sort();
    let output = Process::new(&validator)
        .arg("--check-metaschema")
        .args(&files)
        .output()
        .expect("check-jsonschema runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

// ---------------------------------------------------------------------------------------------
// init

#[test]
fn init_templates_load_without_diagnostics_and_plan() {
    for template in templates() {
        let name = template.name();
        let text = stdout_of(&["init", "-", "--template", name]);
        assert_eq!(text, template.text());
        let loaded = course::load(&text);
        assert!(
            loaded.diagnostics.is_empty(),
            "template {name}: {:#?}",
            loaded.diagnostics
        );
        let rec = mixplan::recommend(loaded.course.expect("a course"));
        assert_eq!(rec.plan.decisions.len(), rec.course.activities.len());
        assert!(
            rec.plan.summary.within_band(),
            "template {name} should keep its live time in its band"
        );
        // The main slot must reach most students; a repeat slot serves the ones it misses.
        for slot in rec.schedule.live_slots.iter().filter(|s| !s.repeat) {
            assert!(
                slot.coverage > 0.5,
                "template {name}: the live slot reaches only {:.0}% of students",
                slot.coverage * 100.0
            );
        }
    }
}

#[test]
fn init_templates_show_every_section_and_the_allowed_values() {
    for template in templates() {
        let text = template.text();
        for section in [
            "[course]",
            "[students]",
            "[[students.zones]]",
            "[content]",
            "[goals]",
            "[[activities]]",
            "[check]",
        ] {
            assert!(
                text.contains(section),
                "template {} lacks {section}",
                template.name()
            );
        }
        let every_name = course::ActivityKind::NAMES
            .iter()
            .chain(course::Population::NAMES)
            .chain(course::ContentType::NAMES)
            .chain(course::Goal::NAMES)
            .chain(course::Pattern::NAMES)
            .chain(course::Delivery::NAMES)
            .chain(course::Every::NAMES)
            .chain(course::Weekday::NAMES)
            .chain(course::Mode::NAMES);
        for name in every_name {
            assert!(
                text.contains(name),
                "template {} does not mention `{name}`",
                template.name()
            );
        }
    }
}

#[test]
fn init_without_file_writes_course_toml_that_recommend_reads() {
    let dir = tempfile::tempdir().expect("temp dir");
    mixplan()
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .success()
        .stdout("")
        .stderr(predicates::str::contains("course.toml"));
    let written = std::fs::read_to_string(dir.path().join("course.toml")).expect("written");
    assert_eq!(written, Template::General.text());
    mixplan()
        .current_dir(dir.path())
        .args(["recommend", "course.toml"])
        .assert()
        .success();
}

#[test]
fn init_refuses_to_overwrite_an_existing_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("mine.toml");
    std::fs::write(&path, "# my own course\n").expect("writable");
    mixplan()
        .args([
            "init",
            path.to_str().expect("UTF-8 path"),
            "--template",
            "international",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains("already exists"))
        .stderr(predicates::str::contains(
            "mixplan init - --template international",
        ));
    assert_eq!(
        std::fs::read_to_string(&path).expect("still there"),
        "# my own course\n"
    );
    // No temporary file is left behind either.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("readable")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(leftovers, vec![std::ffi::OsString::from("mine.toml")]);
}

#[test]
fn init_into_a_missing_directory_exits_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("missing/course.toml");
    mixplan()
        .args(["init", path.to_str().expect("UTF-8 path")])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("missing"));
}

#[test]
fn init_rejects_an_unknown_template_with_the_list() {
    mixplan()
        .args(["init", "-", "--template", "evening"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("evening-adults"));
}

// ---------------------------------------------------------------------------------------------
// Completions, man page, version, help

use crate::common::COMMANDS as SUBCOMMANDS;

#[test]
fn completions_generate_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = stdout_of(&["completions", shell]);
        assert!(!script.trim().is_empty(), "{shell}: empty");
        for name in SUBCOMMANDS {
            assert!(script.contains(name), "{shell}: no `{name}`");
        }
        assert!(script.contains("template"), "{shell}: no `--template`");
        // Shells that complete values get them from the same clap definition.
        if matches!(shell, "bash" | "zsh" | "fish") {
            assert!(
                script.contains("large-lecture"),
                "{shell}: no template names"
            );
        }
    }
}

#[test]
fn bash_completions_are_valid_bash() {
    let Ok(status) = Process::new("bash").arg("--version").output() else {
        eprintln!("note: bash not found; skipping");
        return;
    };
    assert!(status.status.success());
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("mixplan.bash");
    std::fs::write(&path, stdout_of(&["completions", "bash"])).expect("writable");
    let output = Process::new("bash")
        .arg("-n")
        .arg(&path)
        .output()
        .expect("bash runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn completions_reject_an_unknown_shell() {
    mixplan()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("powershell"));
}

#[test]
fn man_page_renders() {
    let page = stdout_of(&["man"]);
    assert!(page.contains(".TH mixplan 1"), "no .TH header");
    for name in SUBCOMMANDS {
        assert!(page.contains(&format!("mixplan\\-{name}")), "no `{name}`");
    }
    // With groff available, the page must render without warnings.
    let Ok(mut groff) = Process::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-P", "-cbou"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    else {
        eprintln!("note: groff not found; checked the roff source only");
        return;
    };
    use std::io::Write;
    groff
        .stdin
        .take()
        .expect("stdin")
        .write_all(page.as_bytes())
        .expect("groff reads");
    let output = groff.wait_with_output().expect("groff runs");
    assert!(output.status.success());
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("SUBCOMMANDS"));
}

#[test]
fn man_dir_writes_a_page_per_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    mixplan()
        .args(["man", "--dir", dir.path().to_str().expect("UTF-8 path")])
        .assert()
        .success();
    for page in [
        "mixplan.1",
        "mixplan-recommend.1",
        "mixplan-init.1",
        "mixplan-schema.1",
    ] {
        let text = std::fs::read_to_string(dir.path().join(page))
            .unwrap_or_else(|err| panic!("{page}: {err}"));
        assert!(text.contains(".TH"), "{page}");
    }
}

#[test]
fn version_reports_the_crate_version() {
    for flag in ["--version", "-V"] {
        mixplan()
            .arg(flag)
            .assert()
            .success()
            .stdout(format!("mixplan {}\n", env!("CARGO_PKG_VERSION")));
    }
}

#[test]
fn every_subcommand_help_has_examples() {
    for name in SUBCOMMANDS {
        // `export` is a group: its one command, `export canvas`, carries the examples.
        let args: &[&str] = match name {
            "export" => &["export", "canvas", "--help"],
            _ => &[name, "--help"],
        };
        let help = stdout_of(args);
        assert!(
            help.contains("Examples:"),
            "`mixplan {}` has no examples",
            args.join(" ")
        );
    }
}
