//! Every file mixplan writes (`schedule --ics`, `check --output`, `init`) goes through a
//! temporary file and a rename: a failure names the path and exits 2, an existing file is
//! either replaced whole or (for `init`) left alone, and mixplan never writes over its input.

#![expect(
    clippy::disallowed_macros,
    reason = "tests print a note when an optional validator is skipped"
)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::str::contains;

const COURSE: &str = "examples/evening-working-adults.toml";

use crate::common::mixplan;

/// The three writers, each writing to `target`.
fn writers(target: &Path) -> Vec<(&'static str, Command)> {
    let mut ics = mixplan();
    ics.args(["schedule", COURSE, "--ics"]).arg(target);
    let mut output = mixplan();
    output
        .args(["check", COURSE, "--format", "sarif", "--output"])
        .arg(target);
    let mut init = mixplan();
    init.arg("init").arg(target);
    vec![
        ("schedule --ics", ics),
        ("check --output", output),
        ("init", init),
    ]
}

fn leftovers(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with(".mixplan-"))
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_missing_directory_exits_2_with_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("no/such/dir/out.file");
    for (name, mut cmd) in writers(&target) {
        cmd.assert()
            .code(2)
            .stderr(contains("no/such/dir/out.file"));
        assert!(!target.exists(), "{name} created the file");
    }
}

#[test]
fn a_path_below_a_regular_file_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plain.txt");
    std::fs::write(&file, "x").unwrap();
    let target = file.join("out.file");
    for (name, mut cmd) in writers(&target) {
        cmd.assert().code(2).stderr(contains("plain.txt/out.file"));
        assert_eq!(
            std::fs::read(&file).unwrap(),
            b"x",
            "{name} touched the file"
        );
    }
}

#[test]
fn a_read_only_directory_exits_2_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let read_only = dir.path().join("ro");
    std::fs::create_dir(&read_only).unwrap();
    let mut perms = std::fs::metadata(&read_only).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&read_only, perms).unwrap();
    // Root ignores permission bits; /proc refuses new files whoever asks.
    let writable = std::fs::write(read_only.join("probe"), "x").is_ok();
    let target_dir = if writable {
        PathBuf::from("/proc")
    } else {
        read_only.clone()
    };
    if !target_dir.exists() {
        eprintln!("note: no read-only directory available here; skipped");
        return;
    }
    let target = target_dir.join("mixplan-out.file");
    for (name, mut cmd) in writers(&target) {
        cmd.assert().code(2).stderr(contains("mixplan-out.file"));
        assert!(!target.exists(), "{name} wrote into a read-only directory");
    }
    let mut perms = std::fs::metadata(&read_only).unwrap().permissions();
    #[allow(
        clippy::permissions_set_readonly_false,
        reason = "restoring the temp dir for cleanup"
    )]
    perms.set_readonly(false);
    std::fs::set_permissions(&read_only, perms).unwrap();
}

#[test]
fn reports_replace_an_existing_file_whole_and_init_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("existing.out");
    let old = "old content that is much longer than nothing\n".repeat(2000);
    for (name, mut cmd) in writers(&target) {
        std::fs::write(&target, &old).unwrap();
        let out = cmd.output().unwrap();
        let now = std::fs::read_to_string(&target).unwrap();
        if name == "init" {
            assert_eq!(out.status.code(), Some(2), "{name}");
            assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
            assert_eq!(now, old, "init must never overwrite");
        } else {
            assert!(
                out.status.code() == Some(0) || out.status.code() == Some(1),
                "{name}: {out:?}"
            );
            assert!(
                !now.contains("old content"),
                "{name} left a mix of old and new"
            );
            assert!(!now.is_empty());
        }
        assert!(
            leftovers(dir.path()).is_empty(),
            "{name} left a temporary file"
        );
    }
}

#[test]
fn no_writer_touches_its_own_input() {
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("course.toml");
    let original = std::fs::read_to_string(COURSE).unwrap();
    std::fs::write(&course, &original).unwrap();
    crate::common::schedule_ics(&course, &course)
        .assert()
        .code(2);
    mixplan()
        .arg("check")
        .arg(&course)
        .arg("--output")
        .arg(&course)
        .assert()
        .code(2);
    mixplan().arg("init").arg(&course).assert().code(2);
    assert_eq!(std::fs::read_to_string(&course).unwrap(), original);
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn a_full_disk_exits_2_with_the_path() {
    // /dev/full fails every write with "no space left on device", like a full disk.
    let full = Path::new("/dev/full");
    if !full.exists() {
        eprintln!("note: no /dev/full here; skipped");
        return;
    }
    for (name, mut cmd) in writers(full) {
        if name == "init" {
            continue; // init refuses any existing path, device or not
        }
        cmd.assert().code(2).stderr(contains("/dev/full"));
        assert!(
            !std::fs::metadata(full).unwrap().is_file(),
            "{name} replaced the device"
        );
    }
}

/// Run `mixplan ARGS` under `umask MASK`, through `sh` (the test process's own umask is shared
/// with every other test thread, so it is never changed here).
fn under_umask(mask: &str, args: &[&std::ffi::OsStr]) -> std::process::Output {
    let bin = assert_cmd::cargo::cargo_bin("mixplan");
    std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("umask {mask} && exec \"$0\" \"$@\""))
        .arg(bin)
        .args(args)
        .env_remove("RUST_BACKTRACE")
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .unwrap()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

/// The argument lists of the three writers, each writing to `target`.
fn writer_args(target: &Path) -> Vec<Vec<std::ffi::OsString>> {
    let os = |s: &str| std::ffi::OsString::from(s);
    vec![
        vec![os("schedule"), os(COURSE), os("--ics"), target.into()],
        vec![
            os("check"),
            os(COURSE),
            os("--format"),
            os("sarif"),
            os("--output"),
            target.into(),
        ],
        vec![os("init"), target.into()],
        vec![os("workload"), os(COURSE), os("--chart"), target.into()],
    ]
}

/// Regression: every written file was 0600 whatever the umask, so a published calendar could
/// not be served by a web server.
#[cfg(unix)]
#[test]
fn new_files_get_the_mode_a_plain_create_gives_under_the_umask() {
    for (mask, expected) in [("022", 0o644), ("077", 0o600), ("002", 0o664)] {
        for args in writer_args(Path::new("out.file")) {
            let dir = tempfile::tempdir().unwrap();
            let target = dir.path().join("out.file");
            let mut args = args;
            let last = args.iter().position(|a| a == "out.file").unwrap();
            args[last] = target.clone().into();
            let refs: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
            let out = under_umask(mask, &refs);
            assert!(out.status.success(), "{args:?}: {out:?}");
            assert_eq!(mode(&target), expected, "{:?} under umask {mask}", args[0]);
        }
        // `man --dir` writes a directory of pages, each a new file.
        let dir = tempfile::tempdir().unwrap();
        let out = under_umask(
            mask,
            &["man".as_ref(), "--dir".as_ref(), dir.path().as_os_str()],
        );
        assert!(out.status.success(), "{out:?}");
        for page in std::fs::read_dir(dir.path()).unwrap() {
            let page = page.unwrap().path();
            assert_eq!(
                mode(&page),
                expected,
                "{} under umask {mask}",
                page.display()
            );
        }
    }
}

/// Regression: rewriting a 0644 file made it 0600. A rewrite keeps the file's mode, whatever
/// the umask says.
#[cfg(unix)]
#[test]
fn a_rewrite_keeps_the_existing_mode() {
    use std::os::unix::fs::PermissionsExt;
    for args in writer_args(Path::new("out.file")).into_iter().take(2) {
        for existing in [0o644, 0o640, 0o600] {
            let dir = tempfile::tempdir().unwrap();
            let target = dir.path().join("out.file");
            std::fs::write(&target, "old").unwrap();
            std::fs::set_permissions(&target, std::fs::Permissions::from_mode(existing)).unwrap();
            let mut args = args.clone();
            let last = args.iter().position(|a| a == "out.file").unwrap();
            args[last] = target.clone().into();
            let refs: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
            let out = under_umask("077", &refs);
            assert!(out.status.success(), "{args:?}: {out:?}");
            assert_ne!(std::fs::read_to_string(&target).unwrap(), "old");
            assert_eq!(mode(&target), existing, "{:?}", args[0]);
        }
    }
}

/// Regression: a failed write named mixplan's temporary file (`.mixplan-XXXX.tmp`), a path the
/// user never chose and that no longer exists.
#[test]
fn a_failed_write_names_the_target_not_a_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    for target in [
        dir.path().join("no/such/dir/out.file"),
        PathBuf::from("/proc/mixplan-out.file"),
    ] {
        for (name, mut cmd) in writers(&target) {
            let out = cmd.output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
            assert!(!stderr.contains(".mixplan-"), "{name}: {stderr}");
            assert!(
                !stderr.contains("os error 2): No such"),
                "{name} said the cause twice: {stderr}"
            );
        }
    }
}
