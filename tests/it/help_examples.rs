//! Every example in `--help` runs: each line of each command's "Examples:" section, in a
//! scratch directory holding the files the examples name, exits as documented (0, or 1 for a
//! `check` or `diff --fail-on` that finds something).

use std::path::{Path, PathBuf};
use std::process::Command;

/// The commands whose help is read.
const COMMANDS: &[&[&str]] = &[
    &[],
    &["recommend"],
    &["schedule"],
    &["workload"],
    &["export", "canvas"],
    &["check"],
    &["diff"],
    &["rules"],
    &["explain"],
    &["init"],
    &["schema"],
    &["completions"],
    &["man"],
];

fn mixplan() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_mixplan"))
}

/// The example lines of one command's help.
fn examples(command: &[&str]) -> Vec<String> {
    let out = Command::new(mixplan())
        .args(command)
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    help.lines()
        .skip_while(|l| *l != "Examples:")
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .map(|l| l.trim().to_string())
        .collect()
}

/// The line as a shell command that runs offline: comments dropped, and the programs it pipes
/// into (jq, less, man) replaced, so the exit status is mixplan's.
fn runnable(line: &str) -> String {
    let line = match line.find("  #") {
        Some(at) => line[..at].trim_end(),
        None => line,
    };
    let line = match line.find(" | jq ") {
        Some(at) => format!("{} | cat >/dev/null", &line[..at]),
        None => line.to_string(),
    };
    line.replace(" | less", " | cat >/dev/null")
        .replace(" | man -l -", " | cat >/dev/null")
        .replace(" && man -l ", " && test -s ")
}

/// A scratch directory with the course files and folders the examples name, under git with
/// a `main` branch, an earlier commit and an `origin/main`.
fn scratch(root: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let course = root.join("examples/evening-working-adults.toml");
    std::fs::create_dir(d.join("examples")).unwrap();
    for entry in std::fs::read_dir(root.join("examples")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, d.join("examples").join(path.file_name().unwrap())).unwrap();
    }
    for file in [
        "course.toml",
        "old/course.toml",
        "old.toml",
        "new.toml",
        "courses/intro.toml",
        "extra/intro.toml",
    ] {
        std::fs::create_dir_all(d.join(file).parent().unwrap()).unwrap();
        std::fs::copy(&course, d.join(file)).unwrap();
    }
    for folder in [
        "home/.local/share/bash-completion/completions",
        "home/.zfunc",
        "home/.config/fish/completions",
        "schema",
        "target",
    ] {
        std::fs::create_dir_all(d.join(folder)).unwrap();
    }
    let git = |args: &[&str]| {
        Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
            .args(args)
            .current_dir(d)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let _ = git(&["init", "-q", "-b", "main"])
        && git(&["add", "-A"])
        && git(&["commit", "-qm", "one"])
        && git(&["commit", "-q", "--allow-empty", "-m", "two"])
        && git(&["update-ref", "refs/remotes/origin/main", "HEAD"]);
    dir
}

#[test]
fn every_help_example_runs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bin_dir = mixplan().parent().unwrap().to_path_buf();
    let path = std::env::join_paths(
        std::iter::once(bin_dir).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let mut ran = 0;
    let mut failures = Vec::new();
    for command in COMMANDS {
        for line in examples(command) {
            // An outside validator, not mixplan: `editors` runs it where it is installed.
            if line.starts_with("check-jsonschema") {
                continue;
            }
            let dir = scratch(root);
            if line.starts_with("mixplan init") {
                // `init` never overwrites: it starts where no course file is yet.
                std::fs::remove_file(dir.path().join("course.toml")).unwrap();
            }
            let out = Command::new("bash")
                .args(["-c", &format!("set -o pipefail; {}", runnable(&line))])
                .current_dir(dir.path())
                .env("PATH", &path)
                .env("HOME", dir.path().join("home"))
                .env("PROFILE", dir.path().join("profile.ps1"))
                .env("NO_COLOR", "1")
                .output()
                .unwrap();
            let code = out.status.code().unwrap_or(-1);
            let finds = line.starts_with("mixplan check") || line.contains("--fail-on");
            if code != 0 && !(finds && code == 1) {
                failures.push(format!(
                    "`{line}` exited {code}: {}",
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
            ran += 1;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(ran >= 40, "only {ran} examples found");
}
