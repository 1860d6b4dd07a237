//! `mixplan diff OLD NEW` and `mixplan diff --git REV FILE`.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};

use super::{ColorChoice, Outcome, display_path, emit, read_input};
use crate::course;
use crate::diff::{FailOn, Options, Side};
use crate::render;

/// Examples shown by `mixplan diff --help`.
pub const DIFF_EXAMPLES: &str = "\
Examples:
  mixplan diff old/course.toml course.toml
  mixplan diff --git main courses/intro.toml                 # against the file at main
  mixplan diff --git HEAD~1 course.toml --format markdown > comment.md
  mixplan diff --git origin/main course.toml --fail-on earlier-due,less-coverage
  mixplan diff old.toml new.toml --since 2027-03-01 --format json | jq '.dues'

Exit status: 0 no named change (or no --fail-on), 1 a --fail-on change occurred or the new
file has input problems, 2 a file or revision could not be read.";

/// Output formats of `diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Changes grouped by what students meet, for a terminal.
    Table,
    /// A pull-request comment (GitHub-flavoured Markdown tables).
    Markdown,
    /// The versioned JSON contract (`mixplan schema diff`).
    Json,
    /// GitHub Actions annotations on the new file.
    Github,
}

/// Arguments of `diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// OLD.toml NEW.toml; with `--git REV`, one FILE compared with its version at REV.
    #[arg(value_name = "FILE", num_args = 1..=2, required = true)]
    pub files: Vec<PathBuf>,
    /// Compare FILE with its version at this git revision (`git show REV:./FILE`, run in the
    /// file's folder); a file absent at REV is compared with an empty course.
    #[arg(long, value_name = "REV")]
    pub git: Option<String>,
    /// Count only live meetings and due items on or after this date (YYYY-MM-DD), before or
    /// after the change.
    #[arg(long, value_name = "DATE")]
    pub since: Option<jiff::civil::Date>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = DiffFormat::Table)]
    pub format: DiffFormat,
    /// Exit 1 when one of these changes occurs (comma-separated): earlier-due, less-coverage,
    /// more-live, new-warning, any.
    #[arg(long, value_name = "KINDS", value_delimiter = ',', value_parser = parse_fail_on)]
    pub fail_on: Vec<FailOn>,
}

fn parse_fail_on(text: &str) -> Result<FailOn, String> {
    FailOn::parse(text).ok_or_else(|| {
        let names: Vec<&str> = FailOn::ALL.iter().map(|f| f.as_str()).collect();
        format!("expected one of {}", names.join(", "))
    })
}

/// One version to compare: its name for messages and its bytes (`None`: an empty course).
struct Version {
    name: String,
    bytes: Option<Vec<u8>>,
}

/// Run `diff`.
pub fn run(args: &DiffArgs, color: ColorChoice) -> Result<Outcome> {
    let (old, new) = versions(args)?;
    let Some(new_side) = side(&new, color, true)? else {
        return Ok(Outcome::InputProblems);
    };
    let old_side = side(&old, color, false)?.unwrap_or_default();
    let diff = crate::diff::compare(&old_side, &new_side, Options { since: args.since });
    let report = render::diff::Report {
        diff: &diff,
        new: &new_side,
        fail_on: &args.fail_on,
    };
    let text = match args.format {
        DiffFormat::Table => render::diff::text(&report),
        DiffFormat::Markdown => render::diff::markdown(&report),
        DiffFormat::Json => render::diff::json(&report),
        DiffFormat::Github => render::diff::github(&report, &new.name),
    };
    emit(&text)?;
    Ok(if diff.failures(&args.fail_on).is_empty() {
        Outcome::Success
    } else {
        Outcome::InputProblems
    })
}

fn versions(args: &DiffArgs) -> Result<(Version, Version)> {
    match (&args.git, args.files.as_slice()) {
        (None, [old, new]) => Ok((read(old)?, read(new)?)),
        (None, [_]) => bail!("`diff` compares two files (OLD NEW), or one file with `--git REV`"),
        (Some(rev), [file]) => Ok((at_revision(rev, file)?, read(file)?)),
        (Some(_), _) => {
            bail!("with `--git REV`, give one file: it is compared with its version at REV")
        }
        _ => bail!("`diff` compares two files (OLD NEW)"),
    }
}

fn read(path: &Path) -> Result<Version> {
    Ok(Version {
        name: display_path(path),
        bytes: Some(read_input(path)?),
    })
}

/// The file as it was at `rev`: `git show REV:./NAME` in the file's folder, so the path is
/// read relative to where the file is, whatever the current directory.
fn at_revision(rev: &str, file: &Path) -> Result<Version> {
    let name = file
        .file_name()
        .with_context(|| format!("`{}` is not a file", file.display()))?;
    let dir = match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let spec = format!("{rev}:./{}", name.to_string_lossy());
    let output = Process::new("git")
        .arg("show")
        .arg(&spec)
        .current_dir(dir)
        .output()
        .context("cannot run git (is it installed?)")?;
    let label = format!("{}@{rev}", display_path(file));
    if output.status.success() {
        if output.stdout.len() > course::MAX_INPUT_BYTES {
            bail!("`{label}` is larger than {} bytes", course::MAX_INPUT_BYTES);
        }
        return Ok(Version {
            name: label,
            bytes: Some(output.stdout),
        });
    }
    let message = String::from_utf8_lossy(&output.stderr).trim().to_string();
    // The file is new in this revision's successor: compare with an empty course.
    if message.contains("does not exist in") || message.contains("exists on disk, but not in") {
        return Ok(Version {
            name: label,
            bytes: None,
        });
    }
    bail!("git cannot show `{spec}` in `{}`: {message}", dir.display())
}

/// Load and plan one version. `Ok(None)`: input problems (reported; for the old version a note,
/// and the caller compares with an empty course).
fn side(version: &Version, color: ColorChoice, is_new: bool) -> Result<Option<Side>> {
    let Some(bytes) = &version.bytes else {
        return Ok(Some(Side::default()));
    };
    let report = match crate::diff::from_bytes(&version.name, bytes) {
        Ok(side) => return Ok(Some(side)),
        Err(report) => report,
    };
    let count = report.diagnostics.len() + report.omitted;
    let mut stderr = io::stderr().lock();
    let _ = write!(
        stderr,
        "{}",
        render::human::human(&report, color.enabled(io::stderr().is_terminal()))
    );
    let plural = if count == 1 { "" } else { "s" };
    let _ = if is_new {
        writeln!(
            stderr,
            "error: `{}` has {count} problem{plural}; nothing was compared",
            report.path
        )
    } else {
        writeln!(
            stderr,
            "note: `{}` has {count} problem{plural}; it is compared as an empty course",
            report.path
        )
    };
    Ok(None)
}
