//! `cargo xtask generate [--check]`: one command that regenerates every file in the repository
//! derived from the code, in the manner of ruff's `generate-all`: first the sources a new
//! design check needs (`src/check/rules/list.rs` and the case list of
//! `tests/cmd/check-fixtures.md`, see `checks.rs`), then, from the binary built with them, the
//! JSON Schemas, the rules reference, the man pages and the workload chart in the docs. With
//! `--check` nothing is written: it lists the files that differ from what the code generates
//! and fails, which is what CI runs.
//!
//! Every file but the first two is produced by running the `mixplan` binary itself, so a
//! derived file is exactly what a user gets from the same command.

#![expect(
    clippy::disallowed_macros,
    reason = "a developer chore printing to its terminal; the ban guards mixplan's own output paths"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{Context, Result, bail};

mod checks;

/// A derived file and the `mixplan` arguments whose standard output it is.
struct Derived {
    path: &'static str,
    args: &'static [&'static str],
}

/// Every single derived file. Adding an output with a schema, or a new generated document,
/// means one line here.
const DERIVED: &[Derived] = &[
    Derived {
        path: "schema/course.schema.json",
        args: &["schema", "course"],
    },
    Derived {
        path: "schema/recommend.schema.json",
        args: &["schema", "recommend"],
    },
    Derived {
        path: "schema/schedule.schema.json",
        args: &["schema", "schedule"],
    },
    Derived {
        path: "schema/check.schema.json",
        args: &["schema", "check"],
    },
    Derived {
        path: "schema/workload.schema.json",
        args: &["schema", "workload"],
    },
    Derived {
        path: "schema/diff.schema.json",
        args: &["schema", "diff"],
    },
    Derived {
        path: "docs/rules.md",
        args: &["rules", "--format", "markdown"],
    },
];

/// The man pages: `mixplan man --dir` writes the whole set into this folder.
const MAN_DIR: &str = "docs/man";

/// The chart shown in the README, drawn from a shipped example.
const CHART: (&str, &str) = ("docs/workload.svg", "examples/workload-seminar.toml");

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("xtask: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<ExitCode> {
    let check = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["generate"] => false,
        ["generate", "--check"] => true,
        _ => bail!("usage: cargo xtask generate [--check]"),
    };
    // `cargo run` sets the variable for the binary it starts: read it at run time, so an
    // xtask binary built from another checkout (a shared CARGO_TARGET_DIR) still writes here.
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from);
    let root = manifest_dir
        .parent()
        .context("xtask lives in the repository root")?
        .to_path_buf();
    // Sources the binary is built from come first: written before the build, so the build
    // (and every file below) includes a check that was just added.
    let sources: Vec<File> = vec![
        (checks::LIST.into(), checks::list(&root)?),
        (checks::FIXTURE_CASES.into(), checks::fixture_cases(&root)?),
    ];
    if !check {
        write_files(&root, &sources)?;
    }
    let mixplan = build_mixplan(&root)?;
    let mut files = sources;
    files.extend(generate_all(&mixplan, &root)?);
    if check {
        let stale = stale(&root, &files, MAN_DIR);
        if stale.is_empty() {
            println!("{} derived files are current", files.len());
            return Ok(ExitCode::SUCCESS);
        }
        for path in &stale {
            eprintln!("stale: {path}");
        }
        eprintln!("run `cargo xtask generate` and commit the result");
        return Ok(ExitCode::FAILURE);
    }
    write_all(&root, &files, MAN_DIR)?;
    println!("wrote {} derived files", files.len());
    Ok(ExitCode::SUCCESS)
}

/// Builds the release-independent debug binary once and returns its path.
fn build_mixplan(root: &Path) -> Result<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(root)
        .args([
            "build",
            "--quiet",
            "--package",
            "mixplan",
            "--bin",
            "mixplan",
        ])
        .status()
        .context("running cargo build")?;
    if !status.success() {
        bail!("cargo build failed");
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let exe = target
        .join("debug")
        .join(format!("mixplan{}", std::env::consts::EXE_SUFFIX));
    if !exe.is_file() {
        bail!("built mixplan not found at {}", exe.display());
    }
    Ok(exe)
}

/// One generated file: its path relative to the repository root and its bytes.
type File = (String, Vec<u8>);

fn generate_all(mixplan: &Path, root: &Path) -> Result<Vec<File>> {
    let mut files = Vec::new();
    for derived in DERIVED {
        files.push((
            derived.path.to_string(),
            stdout_of(mixplan, root, derived.args)?,
        ));
    }
    let scratch = tempfile::tempdir()?;
    let chart = scratch.path().join("chart.svg");
    stdout_of(
        mixplan,
        root,
        &[
            "workload",
            CHART.1,
            "--chart",
            chart.to_str().context("temporary path")?,
        ],
    )?;
    files.push((CHART.0.to_string(), std::fs::read(&chart)?));
    let man = scratch.path().join("man");
    std::fs::create_dir(&man)?;
    stdout_of(
        mixplan,
        root,
        &["man", "--dir", man.to_str().context("temporary path")?],
    )?;
    let mut pages: Vec<_> = std::fs::read_dir(&man)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<std::io::Result<_>>()?;
    pages.sort();
    for page in pages {
        let name = page
            .file_name()
            .and_then(|n| n.to_str())
            .context("page name")?;
        files.push((format!("{MAN_DIR}/{name}"), std::fs::read(&page)?));
    }
    Ok(files)
}

fn stdout_of(mixplan: &Path, root: &Path, args: &[&str]) -> Result<Vec<u8>> {
    let out = Command::new(mixplan)
        .current_dir(root)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .with_context(|| format!("running mixplan {}", args.join(" ")))?;
    if !out.status.success() {
        bail!(
            "mixplan {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(out.stdout)
}

/// The paths (relative to `root`) whose committed bytes differ from `files`, plus any file in
/// `owned_dir` that is no longer generated.
fn stale(root: &Path, files: &[File], owned_dir: &str) -> Vec<String> {
    let mut stale: Vec<String> = files
        .iter()
        .filter(|(path, bytes)| std::fs::read(root.join(path)).ok().as_ref() != Some(bytes))
        .map(|(path, _)| path.clone())
        .collect();
    stale.extend(leftovers(root, files, owned_dir));
    stale.sort();
    stale
}

/// Files in `owned_dir` that nothing generates any more.
fn leftovers(root: &Path, files: &[File], owned_dir: &str) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(root.join(owned_dir)) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .map(|name| format!("{owned_dir}/{name}"))
        .filter(|path| files.iter().all(|(p, _)| p != path))
        .collect()
}

fn write_all(root: &Path, files: &[File], owned_dir: &str) -> Result<()> {
    for path in leftovers(root, files, owned_dir) {
        std::fs::remove_file(root.join(&path)).with_context(|| format!("removing {path}"))?;
    }
    write_files(root, files)
}

/// Writes each file whose bytes differ.
fn write_files(root: &Path, files: &[File]) -> Result<()> {
    for (path, bytes) in files {
        let path = root.join(path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        if std::fs::read(&path).ok().as_ref() != Some(bytes) {
            std::fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Vec<File> {
        vec![
            ("schema/a.json".into(), b"{}\n".to_vec()),
            ("docs/man/mixplan.1".into(), b".TH\n".to_vec()),
        ]
    }

    #[test]
    fn written_files_are_current() {
        let dir = tempfile::tempdir().unwrap();
        write_all(dir.path(), &files(), "docs/man").unwrap();
        assert!(stale(dir.path(), &files(), "docs/man").is_empty());
    }

    #[test]
    fn check_names_a_changed_a_missing_and_a_leftover_file() {
        let dir = tempfile::tempdir().unwrap();
        write_all(dir.path(), &files(), "docs/man").unwrap();
        std::fs::write(dir.path().join("schema/a.json"), "{\"old\": 1}\n").unwrap();
        std::fs::remove_file(dir.path().join("docs/man/mixplan.1")).unwrap();
        std::fs::write(dir.path().join("docs/man/mixplan-gone.1"), ".TH\n").unwrap();
        assert_eq!(
            stale(dir.path(), &files(), "docs/man"),
            [
                "docs/man/mixplan-gone.1",
                "docs/man/mixplan.1",
                "schema/a.json"
            ]
        );
        write_all(dir.path(), &files(), "docs/man").unwrap();
        assert!(stale(dir.path(), &files(), "docs/man").is_empty());
    }
}
