//! Reading a file someone else may have written: only regular files (a FIFO would hang, a device
//! such as /dev/zero would fill memory), and never more than a stated number of bytes. Files the
//! tutor writes beside what it reads (the progress file, its lock) are opened without following
//! a symbolic link: a link planted there must not make it write, or read, somewhere else.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// The largest course file (markdown or RON) read.
pub const MAX_CONTENT_FILE: u64 = 4 * 1024 * 1024;
/// The largest manifest file read.
pub const MAX_MANIFEST_FILE: u64 = 16 * 1024 * 1024;
/// The largest progress file read.
pub const MAX_PROGRESS_FILE: u64 = 16 * 1024 * 1024;

/// Reads a regular file of at most `limit` bytes. Symlinks are followed (see
/// [`read_bounded_no_follow`]); anything else is refused with a message that says what the file
/// is.
pub fn read_bounded(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    read_regular(path, limit, Links::Follow)
}

/// [`read_bounded`], refusing `path` when it is itself a symbolic link.
pub fn read_bounded_no_follow(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    read_regular(path, limit, Links::Refuse)
}

/// Makes `options` refuse to open a symbolic link (O_NOFOLLOW: the open fails, and
/// [`is_link_refused`] recognises the error) and never wait on a FIFO (O_NONBLOCK, which changes
/// nothing for a regular file). Where there is no such flag (Windows), [`open_no_follow`] checks
/// for a link just before opening.
pub fn no_follow(options: &mut OpenOptions) -> &mut OpenOptions {
    #[cfg(unix)]
    {
        use rustix::fs::OFlags;
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags((OFlags::NOFOLLOW | OFlags::NONBLOCK).bits() as i32);
    }
    options
}

/// Opens `path` with `options` (made [`no_follow`]), refusing a symbolic link with a message
/// that says so.
pub fn open_no_follow(options: &mut OpenOptions, path: &Path) -> io::Result<File> {
    if !cfg!(unix) && is_symlink(path) {
        return Err(link_refused());
    }
    no_follow(options).open(path).map_err(|error| {
        if is_link_refused(&error) {
            link_refused()
        } else {
            error
        }
    })
}

/// Whether opening failed because the path is a symbolic link and the open did not follow it.
pub fn is_link_refused(error: &io::Error) -> bool {
    #[cfg(unix)]
    let refused = error.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error());
    #[cfg(not(unix))]
    let refused = false;
    refused || error.to_string().starts_with(LINK_REFUSED)
}

const LINK_REFUSED: &str = "a symbolic link, which aks-tutor does not follow here";

fn link_refused() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("{LINK_REFUSED}: replace it with the file itself"),
    )
}

fn is_symlink(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Links {
    Follow,
    Refuse,
}

fn read_regular(path: &Path, limit: u64, links: Links) -> io::Result<Vec<u8>> {
    // Checked before opening: opening a FIFO for reading blocks until a writer comes.
    let metadata = match links {
        Links::Follow => std::fs::metadata(path)?,
        Links::Refuse => std::fs::symlink_metadata(path)?,
    };
    if metadata.file_type().is_symlink() {
        return Err(link_refused());
    }
    refuse_irregular(&metadata)?;
    let mut options = OpenOptions::new();
    options.read(true);
    let file = match links {
        Links::Refuse => open_no_follow(&mut options, path)?,
        Links::Follow => {
            // Non-blocking, so that a FIFO put in the file's place after the check cannot hang
            // the open (for a regular file the flag changes nothing).
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
            }
            options.open(path)?
        }
    };
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

/// Tells whether a file's bytes changed: their length and an FNV-1a hash of them. Not a defence
/// against anyone who can write the file, only a cheap name for its contents.
pub fn fingerprint(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{}-{hash:016x}", bytes.len())
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
pub(crate) mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_tells_length_and_bytes_apart() {
        assert_ne!(fingerprint(b"ab"), fingerprint(b"ba"));
        assert_ne!(fingerprint(b""), fingerprint(b"\0"));
        assert_eq!(fingerprint(b"same"), fingerprint(b"same"));
    }

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

    /// A FIFO at `path`, as a hostile folder would hold one.
    #[cfg(unix)]
    pub(crate) fn make_fifo(path: &Path) {
        use rustix::fs::{CWD, Mode, mkfifoat};
        mkfifoat(CWD, path, Mode::from_raw_mode(0o644)).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_at_once_with_or_without_following_links() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("course.ron");
        make_fifo(&fifo);
        let started = std::time::Instant::now();
        for error in [
            read_bounded(&fifo, 1024).unwrap_err(),
            read_bounded_no_follow(&fifo, 1024).unwrap_err(),
        ] {
            assert!(error.to_string().contains("a FIFO"), "{error}");
        }
        assert!(started.elapsed().as_secs() < 2);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_read_through_or_refused_as_asked() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target");
        std::fs::write(&target, "kept").unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert_eq!(read_bounded(&link, 100).unwrap(), b"kept");
        let error = read_bounded_no_follow(&link, 100).unwrap_err();
        assert!(is_link_refused(&error), "{error}");
        assert!(error.to_string().contains("symbolic link"), "{error}");
        let error = open_no_follow(OpenOptions::new().write(true), &link).unwrap_err();
        assert!(error.to_string().contains("symbolic link"), "{error}");
        assert_eq!(std::fs::read(&target).unwrap(), b"kept");
        assert_eq!(read_bounded_no_follow(&target, 100).unwrap(), b"kept");
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
