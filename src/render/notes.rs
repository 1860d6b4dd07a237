//! The words of `check`'s notes: what it left out while walking directories, and why.

use crate::check::{Note, SkipReason, Skipped};

/// The first few names of a list, for a note.
fn sample(names: &[String]) -> String {
    let shown: Vec<String> = names.iter().take(3).map(|n| format!("`{n}`")).collect();
    if names.len() > 3 {
        format!("{}, ...", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// One note as a sentence (unsanitized: callers sanitize for their format).
pub fn note_text(note: &Note) -> String {
    match note {
        Note::Skipped(skipped) => skipped_text(skipped),
        Note::NoCourse {
            directory,
            toml_files: 0,
        } => format!("`{directory}` holds no `.toml` file that was walked"),
        Note::NoCourse {
            directory,
            toml_files,
        } => format!(
            "`{directory}` holds no course file: {toml_files} `.toml` file{} without a `[course]` table",
            plural(*toml_files)
        ),
    }
}

fn skipped_text(skipped: &Skipped) -> String {
    let Skipped {
        directory: dir,
        reason,
        paths,
    } = skipped;
    let n = paths.len();
    let s = plural(n);
    let names = sample(paths);
    let them = if n == 1 { "it" } else { "them" };
    match reason {
        SkipReason::SymbolicLink => format!(
            "skipped {n} symbolic link{s} under `{dir}` ({names}); name a linked file on the command line to check it"
        ),
        SkipReason::Extension => format!(
            "skipped {n} file{s} under `{dir}` whose extension is not lowercase `.toml` ({names}); rename {them} or name {them} on the command line"
        ),
        SkipReason::Hidden => format!(
            "skipped {n} hidden `.toml` file{s} under `{dir}` ({names}); `--hidden` checks {them}"
        ),
        SkipReason::IgnoreFile => format!(
            "skipped {n} `.toml` file{s} under `{dir}` listed in an ignore file ({names}); `--no-ignore` checks {them}"
        ),
        SkipReason::GitIgnore => format!(
            "skipped {n} `.toml` file{s} under `{dir}` listed in `.gitignore` and not tracked by git ({names}); `--no-ignore` checks {them}"
        ),
        SkipReason::NotCourse if paths.len() == 1 && paths[0] == *dir => {
            format!("skipped `{dir}`: it has no `[course]` table")
        }
        SkipReason::NotCourse => format!(
            "skipped {n} `.toml` file{s} under `{dir}` without a `[course]` table ({names})"
        ),
    }
}

/// The notes as people read them, one sentence each. A directory that held no course file
/// is said once: its non-course files are counted in that sentence.
pub fn note_lines(notes: &[Note]) -> Vec<String> {
    let summarized: Vec<&str> = notes
        .iter()
        .filter_map(|n| match n {
            Note::NoCourse { directory, .. } => Some(directory.as_str()),
            Note::Skipped(_) => None,
        })
        .collect();
    notes
        .iter()
        .filter(|n| {
            !matches!(n, Note::Skipped(s)
                if s.reason == SkipReason::NotCourse && summarized.contains(&s.directory.as_str()))
        })
        .map(note_text)
        .collect()
}
