//! Reading a file someone else may have written: only regular files (a FIFO would hang, a device
//! such as /dev/zero would fill memory), and never more than a stated number of bytes.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// The largest course file (markdown or RON) read.
pub const MAX_CONTENT_FILE: u64 = 4 * 1024 * 1024;
/// The largest manifest file read.
pub const MAX_MANIFEST_FILE: u64 = 16 * 1024 * 1024;
/// The largest progress file read.
pub const MAX_PROGRESS_FILE: u64 = 16 * 1024 * 1024;

/// Reads a regular file of at most `limit` bytes. Symlinks are followed (callers that must not
/// follow them check with `symlink_metadata` first); anything else is refused with a message
/// that says what the file is.
pub fn read_bounded(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    // Checked before opening: opening a FIFO for reading blocks until a writer comes.
    let metadata = std::fs::metadata(path)?;
    refuse_irregular(&metadata)?;
    let file = File::open(path)?;
    // Checked again on what was opened, in case the path changed in between.
    let metadata = file.metadata()?;
    refuse_irregular(&metadata)?;
    if metadata.len() > limit {
        return Err(too_large(limit));
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(limit));
    }
    Ok(bytes)
}

/// `read_bounded`, as UTF-8 text.
pub fn read_bounded_text(path: &Path, limit: u64) -> io::Result<String> {
    String::from_utf8(read_bounded(path, limit)?).map_err(|error| {
        let at = error.utf8_error().valid_up_to();
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("not UTF-8 text (an invalid byte at offset {at})"),
        )
    })
}

fn refuse_irregular(metadata: &std::fs::Metadata) -> io::Result<()> {
    let kind = metadata.file_type();
    if kind.is_file() {
        return Ok(());
    }
    let what = if kind.is_dir() {
        "a folder"
    } else {
        describe_special(&kind)
    };
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("{what}, not a regular file"),
    ))
}

#[cfg(unix)]
fn describe_special(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a FIFO"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn describe_special(_: &std::fs::FileType) -> &'static str {
    "a special file"
}

fn too_large(limit: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!(
            "larger than the {} MiB this file may be",
            limit / (1024 * 1024)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_within_the_limit_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "hello").unwrap();
        assert_eq!(read_bounded_text(&path, 5).unwrap(), "hello");
        let error = read_bounded_text(&path, 4).unwrap_err();
        assert!(error.to_string().contains("larger than"), "{error}");
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_folders_are_refused_at_once() {
        let error = read_bounded(Path::new("/dev/zero"), 1024).unwrap_err();
        assert!(error.to_string().contains("a device"), "{error}");
        let dir = tempfile::tempdir().unwrap();
        let error = read_bounded(dir.path(), 1024).unwrap_err();
        assert!(error.to_string().contains("a folder"), "{error}");
    }

    #[test]
    fn invalid_utf8_says_where() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad");
        std::fs::write(&path, b"ab\xffcd").unwrap();
        let error = read_bounded_text(&path, 100).unwrap_err();
        assert!(error.to_string().contains("offset 2"), "{error}");
    }
}
