//! Which files `mixplan check` looks at, and which it left out and why.
//!
//! Directories are walked with the `ignore` crate, so `.ignore` files and hidden paths are
//! honoured as in ripgrep, and `.gitignore` inside a git repository. Inside one, ignore files
//! count from the repository root down, and `.gitignore` never hides a file git tracks (git
//! itself ignores only untracked files). Outside any repository (a tarball, a CI checkout
//! without `.git`), `.gitignore` does not apply, and only `.ignore` files at and below the
//! walked directory count, never one in a home directory above. `--hidden` and `--no-ignore`
//! lift those filters. Walked `*.toml` files are checked only when their TOML has a top-level
//! `course` key ([`course_detection`]); that test runs on the bytes already read for checking.
//! Every `.toml` file left out is reported in a [`Note`] with its reason: hidden, an ignore
//! file, a symbolic link, an upper-case extension, or no `[course]` table.

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
    /// What was left out while walking, grouped by directory and reason.
    pub notes: Vec<Note>,
    /// The directories walked, as displayed.
    pub walked: Vec<String>,
}

/// Why a path met while walking a directory was not checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SkipReason {
    /// A name starting with a dot, or under such a directory (`--hidden` walks them).
    Hidden,
    /// Listed in a `.ignore` or `.rgignore` file (`--no-ignore` walks them).
    IgnoreFile,
    /// Listed in a `.gitignore` (or git's exclude files) and not tracked by git.
    GitIgnore,
    /// A symbolic link: name the linked file on the command line to check it.
    SymbolicLink,
    /// The extension is `.toml` in another case (`.TOML`).
    Extension,
    /// The TOML has no top-level `course` key.
    NotCourse,
}

impl SkipReason {
    /// A stable kebab-case name, as JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::Hidden => "hidden",
            SkipReason::IgnoreFile => "ignore-file",
            SkipReason::GitIgnore => "gitignore",
            SkipReason::SymbolicLink => "symbolic-link",
            SkipReason::Extension => "extension",
            SkipReason::NotCourse => "not-a-course",
        }
    }
}

/// Paths under one walked directory left out for one reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The walked directory, as displayed.
    pub directory: String,
    /// Why they were left out.
    pub reason: SkipReason,
    /// Every path left out, as displayed, sorted.
    pub paths: Vec<String>,
}

/// Something a user would otherwise not know about what `check` looked at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// Paths left out while walking a directory.
    Skipped(Skipped),
    /// A walked directory in which no course file was checked.
    NoCourse {
        /// The walked directory, as displayed.
        directory: String,
        /// How many `.toml` files it held, none with a `[course]` table.
        toml_files: usize,
    },
}

/// Filters a user lifted on the command line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WalkOptions {
    /// `--hidden`: walk hidden files and directories too.
    pub hidden: bool,
    /// `--no-ignore`: apply no ignore file (`.gitignore`, `.ignore`, git's excludes).
    pub no_ignore: bool,
}

/// Expand command-line paths (not `-`) into files, sorted by display path, each file once.
///
/// A file is the same file whatever it is called: `a.toml`, `./a.toml`, `d/../a.toml`, a hard
/// link or an explicit mention of a file also found by walking are checked once. Identity is
/// the device and inode (the canonical path where there are none), never the display text:
/// two names that only display alike (`\xfe.toml` and `\xff.toml` through a lossy decoding)
/// are two files.
pub fn discover(paths: &[PathBuf], options: WalkOptions) -> Discovery {
    let mut found = Discovery::default();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, options, &mut found),
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

/// What one walk met that matters to `check`.
enum Met {
    /// A regular file ending in `.toml`.
    Toml(PathBuf),
    /// A regular file ending in `.TOML`, `.Toml`, ...
    Upper(PathBuf),
    /// A symbolic link below the walked directory.
    Link(PathBuf),
    /// A path that could not be read.
    Error(String),
}

/// Which filters a walk applies.
#[derive(Clone, Copy)]
struct Filters {
    hidden: bool,
    ignore_files: bool,
    git_ignore: bool,
}

/// Walk `dir` on every core (ripgrep's parallel walker) with `filters`; the order is restored
/// by the caller's sorting. `.git` itself is never entered.
fn walk_with(dir: &Path, in_repository: bool, filters: Filters, shown: &str) -> Vec<Met> {
    // Ignore files above the walked directory count only inside its repository. Inside one,
    // `require_git(true)` makes the `ignore` crate look for `.git` and stop at the repository
    // root (without it, it reads every `.gitignore` up to `/`). Outside any repository (a
    // tarball, a CI checkout without `.git`), only the ignore files at and below the walked
    // directory count: a `*` in a home directory would otherwise hide every course file
    // ("checked 0 files: no problems"); and `.gitignore` does not apply at all, as git
    // itself would not read it there.
    let git = filters.git_ignore && in_repository;
    let walker = ignore::WalkBuilder::new(dir)
        .hidden(filters.hidden)
        .ignore(filters.ignore_files)
        .git_ignore(git)
        .git_exclude(git)
        .git_global(git)
        .require_git(true)
        .parents(in_repository && (filters.ignore_files || git))
        .filter_entry(|entry| entry.depth() == 0 || entry.file_name() != ".git")
        .build_parallel();
    let met = std::sync::Mutex::new(Vec::new());
    walker.run(|| {
        let met = &met;
        Box::new(move |entry| {
            let item = match entry {
                Ok(entry) => {
                    let path = entry.path();
                    let Some(kind) = entry.file_type() else {
                        return ignore::WalkState::Continue;
                    };
                    let ext = path.extension();
                    if kind.is_symlink() && entry.depth() > 0 {
                        Met::Link(path.to_path_buf())
                    } else if kind.is_symlink() || !kind.is_file() {
                        return ignore::WalkState::Continue;
                    } else if ext.is_some_and(|e| e == "toml") {
                        Met::Toml(path.to_path_buf())
                    } else if ext.is_some_and(|e| e.eq_ignore_ascii_case("toml")) {
                        Met::Upper(path.to_path_buf())
                    } else {
                        return ignore::WalkState::Continue;
                    }
                }
                Err(err) => Met::Error(format!("cannot read a path under `{shown}`: {err}")),
            };
            met.lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(item);
            ignore::WalkState::Continue
        })
    });
    met.into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The `.toml` files (any case) a walk met, as a set.
fn toml_files(met: &[Met]) -> HashSet<&Path> {
    met.iter()
        .filter_map(|m| match m {
            Met::Toml(p) | Met::Upper(p) => Some(p.as_path()),
            _ => None,
        })
        .collect()
}

/// Whether a name below `dir` is hidden: some component after `dir` starts with a dot.
fn is_hidden(dir: &Path, path: &Path) -> bool {
    path.strip_prefix(dir).is_ok_and(|rel| {
        rel.components()
            .any(|c| c.as_os_str().as_encoded_bytes().starts_with(b"."))
    })
}

/// The files git tracks under `dir` (joined to `dir`, as the walk names them); empty when git
/// cannot be asked. `.gitignore` never applies to a tracked file, as in git itself.
fn tracked_files(dir: &Path) -> HashSet<PathBuf> {
    let output = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["ls-files", "-z", "--cached", "--", "."])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output();
    let Some(output) = output.ok().filter(|o| o.status.success()) else {
        return HashSet::new();
    };
    output
        .stdout
        .split(|&b| b == 0)
        .filter(|name| !name.is_empty())
        .map(|name| dir.join(bytes_to_path(name)))
        .collect()
}

#[cfg(unix)]
fn bytes_to_path(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn bytes_to_path(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

/// Files the filtered walk left out, each with its reason, and tracked files that only
/// `.gitignore` left out (which are checked after all).
struct Unwalked {
    skipped: Vec<(SkipReason, PathBuf)>,
    tracked: Vec<PathBuf>,
}

/// Compare the filtered walk with walks that apply fewer filters, so every `.toml` file left
/// out is named with the filter that left it out.
fn unwalked(dir: &Path, in_repository: bool, options: WalkOptions, kept: &[Met]) -> Unwalked {
    let mut out = Unwalked {
        skipped: Vec::new(),
        tracked: Vec::new(),
    };
    if options.hidden && options.no_ignore {
        return out;
    }
    let none = Filters {
        hidden: false,
        ignore_files: false,
        git_ignore: false,
    };
    let all = walk_with(dir, in_repository, none, "");
    // Hidden paths and `.ignore` files apply, `.gitignore` does not: what is here and not in
    // `kept` was left out by `.gitignore` alone.
    let without_git = if options.no_ignore || !in_repository {
        Vec::new()
    } else {
        let filters = Filters {
            hidden: !options.hidden,
            ignore_files: true,
            git_ignore: false,
        };
        walk_with(dir, in_repository, filters, "")
    };
    let kept = toml_files(kept);
    let without_git = toml_files(&without_git);
    let mut git_skipped = Vec::new();
    for path in toml_files(&all) {
        if kept.contains(path) {
            continue;
        }
        if !options.hidden && is_hidden(dir, path) {
            out.skipped.push((SkipReason::Hidden, path.to_path_buf()));
        } else if without_git.contains(path) {
            git_skipped.push(path.to_path_buf());
        } else {
            out.skipped
                .push((SkipReason::IgnoreFile, path.to_path_buf()));
        }
    }
    if !git_skipped.is_empty() {
        let tracked = tracked_files(dir);
        for path in git_skipped {
            if tracked.contains(&path) {
                out.tracked.push(path);
            } else {
                out.skipped.push((SkipReason::GitIgnore, path));
            }
        }
    }
    out
}

fn walk(dir: &Path, options: WalkOptions, found: &mut Discovery) {
    let shown = display(dir);
    found.walked.push(shown.clone());
    let in_repository = repository_root(dir).is_some();
    let filters = Filters {
        hidden: !options.hidden,
        ignore_files: !options.no_ignore,
        git_ignore: !options.no_ignore,
    };
    let met = walk_with(dir, in_repository, filters, &shown);
    let unwalked = unwalked(dir, in_repository, options, &met);
    let mut skipped: Vec<(SkipReason, String)> = Vec::new();
    let mut errors = Vec::new();
    let course = |path: PathBuf| Input {
        display: display(&path),
        path,
        explicit: false,
        walked_from: Some(shown.clone()),
    };
    for item in met {
        match item {
            Met::Toml(path) => found.inputs.push(course(path)),
            Met::Link(path) => skipped.push((SkipReason::SymbolicLink, display(&path))),
            Met::Upper(path) => skipped.push((SkipReason::Extension, display(&path))),
            Met::Error(message) => errors.push(message),
        }
    }
    for path in unwalked.tracked {
        if path.extension().is_some_and(|e| e == "toml") {
            found.inputs.push(course(path));
        } else {
            skipped.push((SkipReason::Extension, display(&path)));
        }
    }
    skipped.extend(
        unwalked
            .skipped
            .into_iter()
            .map(|(reason, path)| (reason, display(&path))),
    );
    errors.sort();
    found
        .errors
        .extend(errors.into_iter().map(|message| DiscoverError { message }));
    skipped.sort();
    for (reason, group) in group_by_reason(skipped) {
        found.notes.push(Note::Skipped(Skipped {
            directory: shown.clone(),
            reason,
            paths: group,
        }));
    }
}

/// Split sorted `(reason, path)` pairs into one sorted list of paths per reason.
fn group_by_reason(pairs: Vec<(SkipReason, String)>) -> Vec<(SkipReason, Vec<String>)> {
    let mut groups: Vec<(SkipReason, Vec<String>)> = Vec::new();
    for (reason, path) in pairs {
        match groups.last_mut() {
            Some((last, paths)) if *last == reason => paths.push(path),
            _ => groups.push((reason, vec![path])),
        }
    }
    groups
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

/// Whether a walked file is a course file: its TOML has a top-level `course` key, however
/// written (`[course]`, `["cou\u0072se"]`, `course.title = ...`, `course = {...}`, after a
/// byte-order mark). `[[course]]` counts too, so the loader reports it as the error it is.
/// The text is parsed, not scanned: a scan misses escaped keys and files starting with a
/// byte-order mark. Bytes that are not UTF-8 are read lossily, so a course file with a bad
/// byte is checked (and its encoding reported) rather than skipped.
pub fn course_detection(bytes: &[u8]) -> bool {
    if !may_be_course(bytes) {
        return false;
    }
    let text = String::from_utf8_lossy(bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    // A file with syntax errors still yields the tables parsed around them; a large one is
    // parsed in chunks, as the loader does, to bound memory.
    is_course_document(
        text,
        &crate::course::document::parse(text, crate::course::document::CHUNK_BYTES),
    )
}

/// Whether the bytes could hold a `course` key at all: every spelling of it holds `course` or
/// a `\u`/`\U` escape, so most other TOML files (`Cargo.toml`, `taplo.toml`) are told apart
/// without a parse.
pub(crate) fn may_be_course(bytes: &[u8]) -> bool {
    let spelled = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    spelled(b"course") || spelled(b"\\u") || spelled(b"\\U")
}

/// [`course_detection`] of a document already parsed from `text` (no byte-order mark).
pub(crate) fn is_course_document(text: &str, parsed: &crate::course::document::Parsed<'_>) -> bool {
    let (root, errors) = parsed;
    // A broken header (`[course` unclosed) parses to nothing: the lines still say what the
    // file was meant to be, and checking it reports the syntax error.
    root.get_ref().contains_key("course") || (!errors.is_empty() && course_header_line(text))
}

/// Whether some line starts a `course` table or key, read leniently (used only when the TOML
/// does not parse).
fn course_header_line(text: &str) -> bool {
    text.lines().any(|line| {
        let line = line.trim_start().trim_start_matches('[').trim_start();
        let line = line.trim_start_matches(['"', '\'']);
        line.strip_prefix("course").is_some_and(|rest| {
            let rest = rest.trim_start_matches(['"', '\'']).trim_start();
            rest.is_empty() || rest.starts_with(['.', '=', ']'])
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn course_tables_are_recognised() {
        assert!(course_detection(b"# x\n[course]\ntitle = \"t\"\n"));
        assert!(course_detection(b"  [ course ]  # c\n"));
        assert!(course_detection(b"course.title = \"t\"\n"));
        assert!(course_detection(b"course = { title = \"t\" }\n"));
        assert!(!course_detection(b"[package]\nname = \"course\"\n"));
        assert!(course_detection(b"[course.live_at]\n"));
        assert!(!course_detection(b"[courses]\n"));
        assert!(!course_detection(b"courses = 1\n"));
        assert!(!course_detection(b"# [course]\n[x]\n"));
    }

    #[test]
    fn byte_order_mark_does_not_hide_a_course() {
        assert!(course_detection(b"\xef\xbb\xbf[course]\ntitle = \"t\"\n"));
    }

    #[test]
    fn escaped_and_quoted_keys_are_courses() {
        assert!(course_detection(b"[\"cou\\u0072se\"]\ntitle = \"t\"\n"));
        assert!(course_detection(b"['course']\n"));
        assert!(course_detection(b"\"\\u0063ourse\".title = \"t\"\n"));
    }

    #[test]
    fn array_of_course_tables_is_checked_to_be_reported() {
        assert!(course_detection(b"[[course]]\ntitle = \"t\"\n"));
    }

    #[test]
    fn syntax_errors_elsewhere_do_not_hide_a_course() {
        assert!(course_detection(b"[course]\ntitle = \n[x\n"));
        assert!(course_detection(b"[course\n"));
        assert!(!course_detection(b"[package\ncourses = 1\n"));
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
