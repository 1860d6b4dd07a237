//! The smaller attacks of the third hostile-input round, each pinned by a test named after it:
//! SARIF URIs for odd file names, output files that keep their group, a read-only folder,
//! and user text in the SVG chart.

#![expect(
    clippy::disallowed_macros,
    reason = "tests print a note when the machine cannot stage an attack"
)]

use std::path::Path;

use crate::common::mixplan;

/// A course that loads, with an activity title the test chooses (a TOML basic string).
fn course(title: &str) -> String {
    format!(
        "[course]\ntitle = \"T\"\nweeks = 4\nstart = 2027-01-04\n\n[students]\ncount = 20\n\n[[activities]]\nid = \"talk\"\ntitle = \"{title}\"\nkind = \"lecture\"\nminutes = 30\n"
    )
}

/// A course file with an input error, so `check` reports it.
const BROKEN: &str = "[course]\ntitle = \"T\"\nweeks = 4\n";

fn sarif_uris(dir: &Path, args: &[&std::ffi::OsStr]) -> Vec<String> {
    let out = mixplan()
        .current_dir(dir)
        .arg("check")
        .args(args)
        .args(["--format", "sarif"])
        .output()
        .unwrap();
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect()
}

#[cfg(unix)]
#[test]
fn sarif_uri_of_a_file_named_with_a_backslash_is_that_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("courses")).unwrap();
    std::fs::write(dir.path().join("courses\\intro.toml"), BROKEN).unwrap();
    let uris = sarif_uris(dir.path(), &[std::ffi::OsStr::new(".")]);
    // Not `courses//intro.toml`: that names another file (`courses/intro.toml`).
    assert_eq!(uris, ["courses%5Cintro.toml"]);
}

#[cfg(unix)]
#[test]
fn sarif_uri_of_a_non_utf8_file_name_is_that_file() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"\xff.toml");
    std::fs::write(dir.path().join(name), BROKEN).unwrap();
    let uris = sarif_uris(dir.path(), &[name]);
    assert_eq!(uris, ["%FF.toml"]);
}

#[cfg(unix)]
#[test]
fn rewriting_an_output_keeps_its_group() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.toml");
    std::fs::write(&file, course("Talk")).unwrap();
    let ics = dir.path().join("c.ics");
    let schedule = || {
        crate::common::schedule_ics(&file, &ics).assert().code(0);
    };
    schedule();
    // A group the calendar is published through; only possible for root or a member.
    let group = 4242;
    if std::os::unix::fs::chown(&ics, None, Some(group)).is_err() {
        eprintln!("note: cannot change a file's group here; skipping");
        return;
    }
    schedule();
    assert_eq!(std::fs::metadata(&ics).unwrap().gid(), group);
}

#[cfg(unix)]
#[test]
fn read_only_folder_with_a_writable_file_says_why() {
    use std::os::unix::fs::PermissionsExt;
    let root = std::fs::read_to_string("/proc/self/status")
        .is_ok_and(|s| s.lines().any(|l| l.starts_with("Uid:\t0\t")));
    if root {
        // Permissions do not stop root; `fsio`'s unit test pins the message instead.
        eprintln!("note: running as root; skipping");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.toml");
    std::fs::write(&file, course("Talk")).unwrap();
    let site = dir.path().join("site");
    std::fs::create_dir(&site).unwrap();
    let ics = site.join("c.ics");
    std::fs::write(&ics, "").unwrap();
    std::fs::set_permissions(&site, std::fs::Permissions::from_mode(0o555)).unwrap();
    let out = crate::common::schedule_ics(&file, &ics).output().unwrap();
    std::fs::set_permissions(&site, std::fs::Permissions::from_mode(0o755)).unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("does not allow creating files"), "{err}");
}

#[test]
fn chart_with_u_fffe_and_bidi_controls_in_a_title_is_well_formed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.toml");
    std::fs::write(&file, course("a\\uFFFEb\\u202Ec\\u2066d")).unwrap();
    let chart = dir.path().join("c.svg");
    mixplan()
        .arg("workload")
        .arg(&file)
        .arg("--chart")
        .arg(&chart)
        .assert()
        .code(0);
    let svg = std::fs::read_to_string(&chart).unwrap();
    for c in ['\u{fffe}', '\u{202e}', '\u{2066}'] {
        assert!(!svg.contains(c), "{:?} reached the chart raw", c);
    }
    // Well-formed: every character is one XML 1.0 allows.
    assert!(
        svg.chars().all(|c| matches!(c as u32,
            0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)),
        "a character XML 1.0 forbids"
    );
    // And, where Python is installed, parsed by a real XML parser.
    let parsed = std::process::Command::new("python3")
        .args([
            "-c",
            "import sys, xml.dom.minidom as m; m.parse(sys.argv[1])",
        ])
        .arg(&chart)
        .status();
    if let Ok(status) = parsed {
        assert!(status.success(), "python's XML parser rejects the chart");
    }
}
