//! The package's zip, byte for byte the same for the same files: entries sorted by path, one
//! fixed modification time (1980-01-01 00:00, the zip format's epoch), Unix attributes 0644,
//! and one compression method for every entry: stored. A package is thousands of files of a
//! few hundred bytes; deflating each costs a compressor set-up per file (it was most of the
//! export's time on a 52,000-assignment course) and saves little on files that small, and a
//! stored entry's bytes depend on nothing but the file, whatever the compression library.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// One file of the package: its path inside the zip and its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackageFile {
    /// Forward-slash path, relative to the package root.
    pub path: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// Bytes a stored entry adds besides its contents and two copies of its path: the local
/// header (30), a data descriptor (16) and the central directory record (46), with room to
/// spare; once more for the end of the archive.
const ENTRY_OVERHEAD: usize = 128;

/// Zip `files` deterministically (sorted by path whatever order they come in). Fails only on
/// a bug in the package writer (two files with one path), never silently.
pub fn zip(files: &[PackageFile]) -> zip::result::ZipResult<Vec<u8>> {
    let mut sorted: Vec<&PackageFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(DateTime::default())
        .system(zip::System::Unix)
        .unix_permissions(0o644);
    // Stored entries: the archive is the files plus their headers, so it is sized once, not
    // grown through copies an allocator may keep for a while (a package can be 50 MB).
    let size: usize = files
        .iter()
        .map(|f| f.bytes.len() + 2 * f.path.len() + ENTRY_OVERHEAD)
        .sum();
    let mut writer = ZipWriter::new(Cursor::new(Vec::with_capacity(size + ENTRY_OVERHEAD)));
    for file in sorted {
        writer.start_file(file.path.as_str(), options)?;
        writer.write_all(&file.bytes)?;
    }
    Ok(writer.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> PackageFile {
        PackageFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn same_files_in_any_order_give_the_same_bytes() {
        let a = zip(&[file("b.txt", "two"), file("a.txt", "one")]).unwrap();
        let b = zip(&[file("a.txt", "one"), file("b.txt", "two")]).unwrap();
        assert_eq!(a, b);
        let mut archive = zip::ZipArchive::new(Cursor::new(a)).unwrap();
        assert_eq!(archive.len(), 2);
        assert_eq!(archive.by_index(0).unwrap().name().unwrap(), "a.txt");
        let entry = archive.by_index(1).unwrap();
        assert_eq!(entry.compression(), CompressionMethod::Stored);
        assert_eq!(entry.last_modified(), Some(DateTime::default()));
    }
}
