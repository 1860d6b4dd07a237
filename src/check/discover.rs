//! Which files `mixplan check` looks at.
//!
//! Directories are walked with the `ignore` crate, so `.gitignore`, `.ignore` and hidden
//! directories are honoured as in ripgrep. Inside a git repository, ignore files count from
//! the repository root down; outside any repository (a tarball, a CI checkout without `.git`),
//! only those at and below the walked directory count, never one in a home directory above.
//! Walked `*.toml` files are checked only when they hold a `[course]` table, so `Cargo.toml`,
//! `taplo.toml` and friends are skipped; that test runs on the bytes already read for
//! checking, never a second read. Symbolic links and `.TOML` files met while walking are
//! skipped, and the CLI says so.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::fsio::FileId;

/// One file to check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// Where to read it.
    pub path: PathBuf,
    /// How to report it: relative as given, without a leading `./`, undecodable bytes escaped.
    pub display: String,
    /// Named on the command line (always checked) rather than found in a directory.
    pub explicit: bool,
    /// The walked directory it was found in (as displayed), for files found by walking.
    pub walked_from: Option<String>,
}

/// A path on the command line that is neither a file nor a directory.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct DiscoverError {
    /// What went wrong, naming the path.
    pub message: String,
}

/// What [`discover`] found: the files, the problems, and what it skipped on purpose.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Discovery {
    /// Files to check, sorted by display path, each file once.
    pub inputs: Vec<Input>,
    /// Paths that could not be read.
    pub errors: Vec<DiscoverError>,
    /// Things a user would otherwise not know were skipped: symbolic links, `.TOML` files.
    pub notes: Vec<String>,
    /// The directories walked, as displayed.
    pub walked: Vec<String>,
}

/// Expand command-line paths (not `-`) into files, sorted by display path, each file once.
///
/// A file is the same file whatever it is called: `a.toml`, `./a.toml`, `d/../a.toml`, a hard
/// link or an explicit mention of a file also found by walking are checked once. Identity is
/// the device and inode (the canonical path where there are none), never the display text:
/// two names that only display alike (`\xfe.toml` and `\xff.toml` through a lossy decoding)
/// are two files.
pub fn discover(paths: &[PathBuf]) -> Discovery {
    let mut found = Discovery::default();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut found),
            Ok(_) => found.inputs.push(Input {
                path: path.clone(),
                display: display(path),
                explicit: true,
                walked_from: None,
            }),
            Err(err) => found.errors.push(DiscoverError {
                message: format!("cannot read `{}`: {}", display(path), io_reason(&err)),
            }),
        }
    }
    // An explicit mention wins over the same file found by walking.
    found
        .inputs
        .sort_by(|a, b| b.explicit.cmp(&a.explicit).then(a.display.cmp(&b.display)));
    // One `stat` per file: in parallel, as the checking that follows is.
    let ids: Vec<Option<FileId>> = {
        use rayon::prelude::*;
        found
            .inputs
            .par_iter()
            .map(|input| FileId::of(&input.path))
            .collect()
    };
    let mut seen: HashSet<FileId> = HashSet::new();
    let mut ids = ids.into_iter();
    found.inputs.retain(|_| match ids.next().flatten() {
        Some(id) => seen.insert(id),
        // Unreadable now: keep it, so reading it reports the problem.
        None => true,
    });
    found.inputs.sort_by(|a, b| a.display.cmp(&b.display));
    found
}

/// An I/O error's reason without Rust's `(os error N)` suffix.
pub fn io_reason(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// The nearest directory at or above `dir` that holds `.git`: the repository `dir` is in.
fn repository_root(dir: &Path) -> Option<PathBuf> {
    let dir = dir.canonicalize().ok()?;
    dir.ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}

fn walk(dir: &Path, found: &mut Discovery) {
    let shown = display(dir);
    found.walked.push(shown.clone());
    // Ignore files above the walked directory count only inside its repository. Inside one,
    // `require_git(true)` makes the `ignore` crate look for `.git` and stop at the repository
    // root (without it, it reads every `.gitignore` up to `/`). Outside any repository (a
    // tarball, a CI checkout without `.git`), only the ignore files at and below the walked
    // directory count: a `*` in a home directory would otherwise hide every course file
    // ("checked 0 files: no problems").
    let in_repository = repository_root(dir).is_some();
    // Walked on every core (ripgrep's parallel walker); the order is restored by sorting.
    let walker = ignore::WalkBuilder::new(dir)
        .require_git(in_repository)
        .parents(in_repository)
        .build_parallel();
    enum Found {
        Course(PathBuf),
        Link(String),
        Upper(String),
        Error(String),
    }
    let found_here = std::sync::Mutex::new(Vec::new());
    walker.run(|| {
        let found_here = &found_here;
        let shown = &shown;
        Box::new(move |entry| {
            let item = match entry {
                Ok(entry) => {
                    let path = entry.path();
                    let Some(kind) = entry.file_type() else {
                        return ignore::WalkState::Continue;
                    };
                    let toml = |exact: bool| {
                        path.extension().is_some_and(|e| {
                            if exact {
                                e == "toml"
                            } else {
                                e.eq_ignore_ascii_case("toml")
                            }
                        })
                    };
                    if kind.is_symlink() && entry.depth() > 0 {
                        Found::Link(display(path))
                    } else if kind.is_symlink() || !kind.is_file() {
                        return ignore::WalkState::Continue;
                    } else if toml(true) {
                        Found::Course(path.to_path_buf())
                    } else if toml(false) {
                        Found::Upper(display(path))
                    } else {
                        return ignore::WalkState::Continue;
                    }
                }
                Err(err) => Found::Error(format!("cannot read a path under `{shown}`: {err}")),
            };
            found_here
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(item);
            ignore::WalkState::Continue
        })
    });
    let (mut links, mut upper, mut errors) = (Vec::new(), Vec::new(), Vec::new());
    for item in found_here
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
    {
        match item {
            Found::Course(path) => found.inputs.push(Input {
                display: display(&path),
                path,
                explicit: false,
                walked_from: Some(shown.clone()),
            }),
            Found::Link(name) => links.push(name),
            Found::Upper(name) => upper.push(name),
            Found::Error(message) => errors.push(message),
        }
    }
    links.sort();
    upper.sort();
    errors.sort();
    found
        .errors
        .extend(errors.into_iter().map(|message| DiscoverError { message }));
    if !links.is_empty() {
        found.notes.push(format!(
            "skipped {} symbolic link{} under `{shown}` ({}); name a linked file on the command line to check it",
            links.len(),
            if links.len() == 1 { "" } else { "s" },
            sample(&links)
        ));
    }
    if !upper.is_empty() {
        found.notes.push(format!(
            "skipped {} file{} under `{shown}` whose extension is not lowercase `.toml` ({}); rename {} or name {} on the command line",
            upper.len(),
            if upper.len() == 1 { "" } else { "s" },
            sample(&upper),
            if upper.len() == 1 { "it" } else { "them" },
            if upper.len() == 1 { "it" } else { "them" },
        ));
    }
}

/// The first few names of a list, for a note.
fn sample(names: &[String]) -> String {
    let shown: Vec<String> = names.iter().take(3).map(|n| format!("`{n}`")).collect();
    if names.len() > 3 {
        format!("{}, ...", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

/// The path as reported: as given, without a leading `./`. Bytes that are not UTF-8 are shown
/// as `\xNN` and a backslash as `\\`, so two different names never display alike (a lossy
/// decoding would show `\xfe.toml` and `\xff.toml` both as `\u{fffd}.toml`).
pub fn display(path: &Path) -> String {
    let text = escaped(path);
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

#[cfg(unix)]
fn escaped(path: &Path) -> String {
    use std::fmt::Write as _;
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for chunk in path.as_os_str().as_bytes().utf8_chunks() {
        out.push_str(&chunk.valid().replace('\\', "\\\\"));
        for byte in chunk.invalid() {
            let _ = write!(out, "\\x{byte:02x}");
        }
    }
    out
}

#[cfg(not(unix))]
fn escaped(path: &Path) -> String {
    // On Windows a backslash is a separator: report `/`, as the other formats expect.
    path.to_string_lossy().replace('\\', "/")
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

    #[cfg(unix)]
    #[test]
    fn display_keeps_names_distinct() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let fe = display(Path::new(OsStr::from_bytes(b"\xfe.toml")));
        let ff = display(Path::new(OsStr::from_bytes(b"\xff.toml")));
        assert_eq!(fe, "\\xfe.toml");
        assert_ne!(fe, ff);
        assert_eq!(display(Path::new("x\\y.toml")), "x\\\\y.toml");
        assert_ne!(display(Path::new("\\xfe.toml")), fe);
    }

    #[test]
    fn display_strips_dot_slash() {
        assert_eq!(display(Path::new("./a/b.toml")), "a/b.toml");
        assert_eq!(display(Path::new(".")), ".");
        assert_eq!(display(Path::new("a/b.toml")), "a/b.toml");
    }
}
