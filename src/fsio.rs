//! Writing output files safely: through a temporary file in the same directory, then a rename,
//! so an interrupted run leaves the old file or no file, never half a file; and never over one
//! of mixplan's own inputs.
//!
//! The temporary file is created private (0600), so the finished file gets its mode set
//! explicitly before the rename: what a plain `create` would give under the process umask
//! (0644 under umask 022) for a new file, the old file's mode for a rewrite. A published
//! calendar must stay readable by the web server that serves it.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why an output file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The output path is one of the inputs of the same run.
    #[error("refusing to write `{}`: it is an input of this run", .0.display())]
    WouldClobberInput(PathBuf),
    /// The target exists and the caller asked not to replace it.
    #[error("`{}` already exists; mixplan does not overwrite it", .0.display())]
    AlreadyExists(PathBuf),
    /// The output's folder does not let mixplan create the temporary file it renames over the
    /// output, even when the output itself is writable.
    #[error(
        "cannot write `{}`: its folder `{}` does not allow creating files ({error}); mixplan writes a temporary file beside the output and renames it into place, so the folder must be writable, not only the file",
        path.display(),
        folder.display()
    )]
    FolderNotWritable {
        /// The target path.
        path: PathBuf,
        /// Its folder.
        folder: PathBuf,
        /// The underlying error.
        error: std::io::Error,
    },
    /// Creating, writing or renaming failed.
    // The cause is part of the message and deliberately not a `source`: anyhow's `{:#}` would
    // print it twice.
    #[error("cannot write `{}`: {error}", path.display())]
    Io {
        /// The target path.
        path: PathBuf,
        /// The underlying error.
        error: std::io::Error,
    },
}

/// Whether to replace an existing file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Existing {
    /// Replace it atomically (reports, calendars); through a symbolic link the user named, the
    /// file it points to is replaced.
    Replace,
    /// Replace the directory entry itself, never following a symbolic link there (`man --dir`
    /// fills a directory by file names of its own choosing, so a link planted under one of
    /// those names must not redirect the write to, say, `~/.bashrc`).
    ReplaceEntry,
    /// Refuse (starter files from `init`).
    Keep,
}

/// What makes a file the same file under any name: device and inode where the platform has
/// them (hard links, `./a` and `d/../a` all agree), else the canonical path.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum FileId {
    /// Device and inode.
    Inode(u64, u64),
    /// The canonical path.
    Path(PathBuf),
}

impl FileId {
    /// The identity of the file at `path` (following symbolic links), if it exists.
    pub fn of(path: &Path) -> Option<FileId> {
        if path == Path::new("-") {
            return FileId::stdin();
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            std::fs::metadata(path)
                .ok()
                .map(|m| FileId::Inode(m.dev(), m.ino()))
        }
        #[cfg(not(unix))]
        {
            path.canonicalize().ok().map(FileId::Path)
        }
    }

    /// The identity of what standard input reads, when it is a file (`< course.toml`).
    pub fn stdin() -> Option<FileId> {
        #[cfg(unix)]
        {
            use std::os::fd::AsFd;
            use std::os::unix::fs::MetadataExt;
            let fd = std::io::stdin().as_fd().try_clone_to_owned().ok()?;
            let meta = std::fs::File::from(fd).metadata().ok()?;
            meta.is_file()
                .then(|| FileId::Inode(meta.dev(), meta.ino()))
        }
        #[cfg(not(unix))]
        {
            None
        }
    }
}

/// Whether `output` is `input` (`-` is standard input, compared by what it reads).
fn same_file(output: &Path, input: &Path) -> bool {
    match (FileId::of(output), FileId::of(input)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// Temporary files being written, removed by [`remove_pending`] when the process is
/// interrupted: an interrupted run must not leave `.mixplan-*.tmp` files of any size behind.
static PENDING: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// A temporary file listed in [`PENDING`] for as long as this guard lives.
struct Pending(PathBuf);

impl Pending {
    fn register(path: &Path) -> Pending {
        if let Ok(mut pending) = PENDING.lock() {
            pending.push(path.to_path_buf());
        }
        Pending(path.to_path_buf())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if let Ok(mut pending) = PENDING.lock() {
            pending.retain(|p| p != &self.0);
        }
    }
}

/// Remove every temporary file still being written. Called from the SIGINT/SIGTERM handler,
/// which runs on its own thread (the `ctrlc` crate), so taking a lock here is safe.
pub fn remove_pending() {
    if let Ok(pending) = PENDING.lock() {
        for path in pending.iter() {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Write `bytes` to `path` atomically, refusing to touch any of `inputs`.
pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    inputs: &[&Path],
    existing: Existing,
) -> Result<(), WriteError> {
    if inputs.iter().any(|input| same_file(path, input)) {
        return Err(WriteError::WouldClobberInput(path.to_path_buf()));
    }
    let io = |error| WriteError::Io {
        path: path.to_path_buf(),
        error: without_temporary_path(error),
    };
    if existing == Existing::Keep && std::fs::symlink_metadata(path).is_ok() {
        return Err(WriteError::AlreadyExists(path.to_path_buf()));
    }
    let follow = existing != Existing::ReplaceEntry;
    let meta = if follow {
        std::fs::metadata(path)
    } else {
        std::fs::symlink_metadata(path)
    };
    // A device or pipe (`/dev/stdout`, a FIFO) is written in place: renaming over it would
    // replace the device node instead of writing to it. Atomicity means nothing there anyway.
    if let Ok(meta) = meta
        && !meta.is_file()
        && !meta.file_type().is_symlink()
    {
        if meta.is_dir() {
            return Err(io(std::io::Error::new(
                std::io::ErrorKind::IsADirectory,
                "it is a directory",
            )));
        }
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(io)?;
        return file
            .write_all(bytes)
            .and_then(|()| file.flush())
            .map_err(io);
    }
    // Through a symbolic link, replace the file it points to, not the link.
    let resolved;
    let path = match std::fs::symlink_metadata(path) {
        Ok(meta) if follow && meta.file_type().is_symlink() => {
            resolved = path.canonicalize().map_err(io)?;
            resolved.as_path()
        }
        _ => path,
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".mixplan-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|error| folder_error(path, dir, without_temporary_path(error)))?;
    let _pending = Pending::register(temp.path());
    temp.write_all(bytes).map_err(io)?;
    set_final_mode(temp.as_file(), path).map_err(io)?;
    keep_group(temp.as_file(), path).map_err(io)?;
    temp.as_file().sync_all().map_err(io)?;
    match existing {
        Existing::Replace | Existing::ReplaceEntry => {
            temp.persist(path).map(drop).map_err(|e| io(e.error))
        }
        // persist_noclobber fails instead of replacing, closing the check-then-write race.
        Existing::Keep => temp.persist_noclobber(path).map(drop).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                WriteError::AlreadyExists(path.to_path_buf())
            } else {
                io(e.error)
            }
        }),
    }
}

/// The same error without the temporary file's name: `tempfile` appends "at path
/// .mixplan-XXXX.tmp" to its errors, a name the user never chose and that no longer exists.
fn without_temporary_path(error: std::io::Error) -> std::io::Error {
    if error.raw_os_error().is_some() {
        return error;
    }
    // tempfile's wrapper hides the OS error; its message is "<OS error> at path \"...\"".
    let message = error.to_string();
    match message.rfind(" at path ") {
        Some(at) if message[at..].contains(".mixplan-") => {
            std::io::Error::new(error.kind(), message[..at].to_string())
        }
        _ => error,
    }
}

/// The error for a temporary file that could not be created in `dir`: a permission problem
/// is the folder's, and says so (the output itself may well be writable).
fn folder_error(path: &Path, dir: &Path, error: std::io::Error) -> WriteError {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
            WriteError::FolderNotWritable {
                path: path.to_path_buf(),
                folder: dir.to_path_buf(),
                error,
            }
        }
        _ => WriteError::Io {
            path: path.to_path_buf(),
            error,
        },
    }
}

/// Give the temporary file the group of the file it replaces: a calendar published through a
/// web server's group must stay readable by it after a rewrite, as its mode does. A user who
/// may not give a file that group gets an error saying so rather than a file the server can
/// no longer read.
#[cfg(unix)]
fn keep_group(file: &std::fs::File, target: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let Ok(old) = std::fs::metadata(target) else {
        return Ok(());
    };
    if file.metadata()?.gid() == old.gid() {
        return Ok(());
    }
    std::os::unix::fs::fchown(file, None, Some(old.gid())).map_err(|error| {
        std::io::Error::new(
            error.kind(),
            format!(
                "cannot keep its group (gid {}) on the rewritten file: {}",
                old.gid(),
                crate::check::discover::io_reason(&error)
            ),
        )
    })
}

#[cfg(not(unix))]
fn keep_group(_file: &std::fs::File, _target: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Give the temporary file the mode the target should end with: the existing file's mode on a
/// rewrite, else 0666 less the umask, as `open(2)` with `O_CREAT` would.
#[cfg(unix)]
fn set_final_mode(file: &std::fs::File, target: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = match std::fs::metadata(target) {
        Ok(meta) => meta.permissions().mode() & 0o7777,
        Err(_) => 0o666 & !current_umask(),
    };
    file.set_permissions(std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_final_mode(_file: &std::fs::File, _target: &Path) -> std::io::Result<()> {
    Ok(())
}

/// The process umask. POSIX can only read it by setting it, which races with other threads
/// creating files; Linux publishes it in `/proc/self/status`, so read that first and fall back
/// to a probe file (created with 0666 through the umask) beside nothing else: a fresh temporary
/// directory of our own.
#[cfg(unix)]
fn current_umask() -> u32 {
    if let Ok(status) = std::fs::read_to_string("/proc/self/status")
        && let Some(line) = status.lines().find(|l| l.starts_with("Umask:"))
        && let Ok(mask) = u32::from_str_radix(line["Umask:".len()..].trim(), 8)
    {
        return mask;
    }
    probe_umask().unwrap_or(0o022)
}

#[cfg(unix)]
fn probe_umask() -> std::io::Result<u32> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let dir = tempfile::tempdir()?;
    let probe = dir.path().join("umask-probe");
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o666)
        .open(&probe)?;
    let mode = file.metadata()?.permissions().mode() & 0o777;
    Ok(0o666 & !mode)
}

#[cfg(test)]
mod tests {

    /// A read-only folder holding a writable file: the error names the folder and why it
    /// matters (root is not refused by permissions, so the mapping is tested directly).
    #[test]
    fn read_only_folder_with_a_writable_file_says_why() {
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let error = super::folder_error(
            std::path::Path::new("site/course.ics"),
            std::path::Path::new("site"),
            denied,
        );
        let text = error.to_string();
        assert!(
            text.starts_with(
                "cannot write `site/course.ics`: its folder `site` does not allow creating files"
            ),
            "{text}"
        );
        assert!(
            text.contains("the folder must be writable, not only the file"),
            "{text}"
        );
        let other = super::folder_error(
            std::path::Path::new("x"),
            std::path::Path::new("."),
            std::io::Error::from(std::io::ErrorKind::StorageFull),
        );
        assert!(matches!(other, super::WriteError::Io { .. }));
    }

    /// What the SIGINT/SIGTERM handler does: a temporary file still being written is removed,
    /// and one whose write finished is no longer listed.
    #[test]
    fn an_interrupted_write_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let (writing, done) = (
            dir.path().join(".mixplan-writing.tmp"),
            dir.path().join(".mixplan-done.tmp"),
        );
        std::fs::write(&writing, b"partial").unwrap();
        std::fs::write(&done, b"renamed away").unwrap();
        let guard = Pending::register(&writing);
        drop(Pending::register(&done));
        remove_pending();
        assert!(!writing.exists(), "the pending temporary file is removed");
        assert!(done.exists(), "a finished write is not touched");
        drop(guard);
    }

    use super::*;

    #[test]
    fn replaces_and_keeps() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        write_atomic(&path, b"one", &[], Existing::Replace).unwrap();
        write_atomic(&path, b"two", &[], Existing::Replace).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let err = write_atomic(&path, b"three", &[], Existing::Keep).unwrap_err();
        assert!(matches!(err, WriteError::AlreadyExists(_)));
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
    }

    #[test]
    fn never_writes_over_an_input() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("course.toml");
        std::fs::write(&input, "x").unwrap();
        let err = write_atomic(&input, b"y", &[&input], Existing::Replace).unwrap_err();
        assert!(matches!(err, WriteError::WouldClobberInput(_)));
        assert_eq!(std::fs::read(&input).unwrap(), b"x");
    }

    #[test]
    fn devices_are_written_in_place_and_a_full_disk_is_an_error() {
        // /dev/full accepts the open and fails every write with "no space left on device".
        let full = Path::new("/dev/full");
        if full.exists() {
            let err = write_atomic(full, b"x", &[], Existing::Replace).unwrap_err();
            assert!(err.to_string().contains("/dev/full"), "{err}");
            assert!(
                !full.metadata().unwrap().is_file(),
                "/dev/full is still a device"
            );
        }
        let null = Path::new("/dev/null");
        if null.exists() {
            write_atomic(null, b"x", &[], Existing::Replace).unwrap();
            assert!(
                !null.metadata().unwrap().is_file(),
                "/dev/null is still a device"
            );
        }
    }

    #[test]
    fn symlinks_are_followed_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.txt");
        let link = dir.path().join("link.txt");
        std::fs::write(&target, "old").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&target, &link).unwrap();
            write_atomic(&link, b"new", &[], Existing::Replace).unwrap();
            assert!(
                std::fs::symlink_metadata(&link)
                    .unwrap()
                    .file_type()
                    .is_symlink()
            );
            assert_eq!(std::fs::read(&target).unwrap(), b"new");
        }
    }

    #[test]
    fn missing_directory_is_an_error_with_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing/out.txt");
        let err = write_atomic(&path, b"x", &[], Existing::Replace).unwrap_err();
        assert!(err.to_string().contains("missing/out.txt"));
    }
}
