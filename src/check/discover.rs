//! Which files `mixplan check` looks at.
//!
//! Directories are walked with the `ignore` crate, so `.gitignore`, `.ignore` and hidden
//! directories are honoured as in ripgrep; `require_git(false)` makes `.gitignore` count even
//! outside a git repository (a fresh CI checkout without `.git`, a tarball). Walked `*.toml`
//! files are checked only when they hold a `[course]` table, so `Cargo.toml`, `taplo.toml` and
//! friends are skipped; that test runs on the bytes already read for checking, never a second
//! read.

use std::path::{Path, PathBuf};

/// One file to check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// Where to read it.
    pub path: PathBuf,
    /// How to report it: relative as given, without a leading `./`.
    pub display: String,
    /// Named on the command line (always checked) rather than found in a directory.
    pub explicit: bool,
}

/// A path on the command line that is neither a file nor a directory.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct DiscoverError {
    /// What went wrong, naming the path.
    pub message: String,
}

/// Expand command-line paths (not `-`) into files, sorted by display path, without duplicates.
/// Problems (a missing path, an unreadable directory entry) are returned beside the files found.
pub fn discover(paths: &[PathBuf]) -> (Vec<Input>, Vec<DiscoverError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut inputs, &mut errors),
            Ok(_) => inputs.push(Input {
                path: path.clone(),
                display: display(path),
                explicit: true,
            }),
            Err(err) => errors.push(DiscoverError {
                message: format!("cannot read `{}`: {err}", path.display()),
            }),
        }
    }
    // An explicit mention wins over the same file found by walking.
    inputs.sort_by(|a, b| a.display.cmp(&b.display).then(b.explicit.cmp(&a.explicit)));
    inputs.dedup_by(|later, first| later.display == first.display);
    (inputs, errors)
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<DiscoverError>) {
    let walker = ignore::WalkBuilder::new(dir)
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                let path = entry.path();
                if is_file && path.extension().is_some_and(|e| e == "toml") {
                    inputs.push(Input {
                        path: path.to_path_buf(),
                        display: display(path),
                        explicit: false,
                    });
                }
            }
            Err(err) => errors.push(DiscoverError {
                message: format!("cannot read a path under `{}`: {err}", dir.display()),
            }),
        }
    }
}

/// The path as reported: as given, without a leading `./`, with `/` separators.
pub fn display(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut rest = text.as_str();
    while let Some(stripped) = rest.strip_prefix("./") {
        rest = stripped.trim_start_matches('/');
    }
    if rest.is_empty() {
        ".".into()
    } else {
        rest.to_string()
    }
}

/// Whether a TOML text holds a `[course]` table: a `[course]` header (spaces and quotes
/// allowed), a `course.key = ...` dotted key or a `course = { ... }` inline table at the start
/// of a line. A cheap line scan, not a parse: it only decides which walked files to check.
pub fn has_course_table(bytes: &[u8]) -> bool {
    bytes.split(|&b| b == b'\n').any(|line| {
        let line = line.trim_ascii_start();
        if let Some(rest) = line.strip_prefix(b"[") {
            if rest.starts_with(b"[") {
                return false;
            }
            let name = rest.split(|&b| b == b']').next().unwrap_or_default();
            let name = name.trim_ascii();
            return name == b"course"
                || name.starts_with(b"course.")
                || name == b"\"course\""
                || name == b"'course'";
        }
        let rest = line
            .strip_prefix(b"course")
            .or_else(|| line.strip_prefix(b"\"course\""));
        rest.is_some_and(|rest| {
            let rest = rest.trim_ascii_start();
            rest.starts_with(b".") || rest.starts_with(b"=")
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn course_tables_are_recognised() {
        assert!(has_course_table(b"# x\n[course]\ntitle = \"t\"\n"));
        assert!(has_course_table(b"  [ course ]  # c\n"));
        assert!(has_course_table(b"course.title = \"t\"\n"));
        assert!(has_course_table(b"course = { title = \"t\" }\n"));
        assert!(!has_course_table(b"[package]\nname = \"course\"\n"));
        assert!(has_course_table(b"[course.live_at]\n"));
        assert!(!has_course_table(b"[courses]\n"));
        assert!(!has_course_table(b"[[course]]\n"));
        assert!(!has_course_table(b"courses = 1\n"));
    }

    #[test]
    fn display_strips_dot_slash() {
        assert_eq!(display(Path::new("./a/b.toml")), "a/b.toml");
        assert_eq!(display(Path::new(".")), ".");
        assert_eq!(display(Path::new("a/b.toml")), "a/b.toml");
    }
}
