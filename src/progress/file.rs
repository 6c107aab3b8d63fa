//! The progress file on disk: its text, how it is parsed, and how it is written without ever
//! leaving a half-written file behind.
//!
//! A save writes `<profile>.ron.tmp` in the same folder, fsyncs it, renames it over
//! `<profile>.ron` and fsyncs the folder. A rename within one file system replaces the name in one
//! step, so a crash or a kill at any moment leaves either the old file or the new one; the fsyncs
//! make sure the data, then the new name, are on disk before we report success.

use std::fs::{self, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use ron::ser::PrettyConfig;
use serde::Deserialize;

use super::model::{FORMAT_VERSION, Progress};
use super::time::Timestamp;
use crate::files::{MAX_PROGRESS_FILE, no_follow, read_bounded};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot create the folder {path}: {source}")]
    CreateDir { path: PathBuf, source: io::Error },
    #[error("cannot open the lock file {path}: {source}")]
    Lock { path: PathBuf, source: io::Error },
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: io::Error },
    #[error("cannot move the unreadable progress file {from} aside to {to}: {source}")]
    MoveAside {
        from: PathBuf,
        to: PathBuf,
        source: io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot replace {path} with {temp}: {source}")]
    Replace {
        temp: PathBuf,
        path: PathBuf,
        source: io::Error,
    },
    #[error(
        "not saved: {path} would be {size} bytes, more than the {} MiB a progress file may be (it could not be read back); keep this one and go on with another, --profile NAME",
        .limit / (1024 * 1024)
    )]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("cannot turn the progress for {path} into text: {source}")]
    Serialize { path: PathBuf, source: ron::Error },
    #[error("{path} is not a readable progress file: {reason}")]
    Damaged { path: PathBuf, reason: String },
    #[error(
        "{path} was made by a newer aks-tutor (progress format {found}; this one reads format {FORMAT_VERSION}): update aks-tutor to read it"
    )]
    Newer { path: PathBuf, found: u32 },
}

/// What the bytes of a progress file turned out to be.
// Made once per file read and unpacked at once: boxing the progress would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Parsed {
    Progress(Progress),
    /// A format this build does not know: never overwrite it.
    Newer(u32),
    /// Not a progress file this build can read, with why.
    Damaged(String),
}

/// Read first, so that a newer file is recognised by its version even when its fields have
/// changed, rather than reported as damaged.
#[derive(Deserialize)]
#[serde(rename = "Progress")]
struct VersionProbe {
    format_version: u32,
}

/// Parses a progress file's bytes. Never panics, whatever the bytes.
pub fn parse(bytes: &[u8]) -> Parsed {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => return Parsed::Damaged(format!("not UTF-8 text ({error})")),
    };
    let version = match ron::from_str::<VersionProbe>(text) {
        Ok(probe) => probe.format_version,
        Err(error) => return damaged(&error),
    };
    if version > FORMAT_VERSION {
        return Parsed::Newer(version);
    }
    if version < FORMAT_VERSION {
        return super::migrate::upgrade(version, text);
    }
    match ron::from_str::<Progress>(text) {
        Ok(progress) => Parsed::Progress(progress),
        Err(error) => damaged(&error),
    }
}

/// How deep the saved file breaks values over lines: the file (1), a map of items (2), one item
/// (3), and its answers (4) each get lines of their own; anything deeper, such as one answer, is
/// written on one line. Breaking every field of every answer over indented lines of its own made
/// a file 2.5 times the size of what it holds (a 50 MB file grew to 125 MB on its first save);
/// this way, indented by two spaces, it stays within about 1.4 times the compact text.
const LINE_DEPTH: usize = 4;

/// The parser's complaint can quote the file, which may be anyone's: what would drive a terminal
/// is shown as escapes, wherever the reason is printed later.
fn damaged(error: &ron::error::SpannedError) -> Parsed {
    Parsed::Damaged(crate::inert::visible(&error.to_string()).into_owned())
}

/// The text of a progress file: RON with struct names, for people to read, one answer a line.
pub fn to_ron(progress: &Progress) -> Result<String, ron::Error> {
    let config = PrettyConfig::new()
        .struct_names(true)
        .depth_limit(LINE_DEPTH)
        .indentor("  ");
    let mut text = ron::ser::to_string_pretty(progress, config)?;
    text.push('\n');
    Ok(text)
}

/// Reads a progress file without changing anything on disk: `Ok(None)` when there is none.
/// A damaged or newer file is an error naming it (the caller only reads, so it is left in place).
/// The file is read bounded (a regular file of at most [`MAX_PROGRESS_FILE`] bytes); a symbolic
/// link is followed, as this only reads (a team's files may well be links into a shared folder).
pub fn read_progress_file(path: &Path) -> Result<Option<Progress>, StoreError> {
    let bytes = match read_bounded(path, MAX_PROGRESS_FILE) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(StoreError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    match parse(&bytes) {
        Parsed::Progress(progress) => Ok(Some(progress)),
        Parsed::Newer(found) => Err(StoreError::Newer {
            path: path.to_path_buf(),
            found,
        }),
        Parsed::Damaged(reason) => Err(StoreError::Damaged {
            path: path.to_path_buf(),
            reason,
        }),
    }
}

/// The temporary file a save writes before renaming it over `path`.
pub fn temp_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".tmp");
    path.with_file_name(name)
}

/// Creates the temporary file of `path` afresh: one left over is removed first, and the new one
/// is created exclusively without following a link, so a link planted under the temporary name
/// cannot make a save write into another file.
pub fn create_temp(path: &Path) -> io::Result<fs::File> {
    let temp = temp_path(path);
    match fs::remove_file(&temp) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => return Err(error),
        _ => {}
    }
    no_follow(OpenOptions::new().write(true).create_new(true)).open(&temp)
}

/// Replaces `path` with `bytes` atomically (see the module docs).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let temp = temp_path(path);
    let written = create_temp(path).and_then(|mut file| {
        file.write_all(bytes)?;
        file.sync_all()
    });
    if let Err(source) = written {
        // Best effort: the next open removes a stray temporary file anyway.
        let _ = fs::remove_file(&temp);
        return Err(StoreError::Write { path: temp, source });
    }
    fs::rename(&temp, path).map_err(|source| StoreError::Replace {
        temp: temp.clone(),
        path: path.to_path_buf(),
        source,
    })?;
    sync_folder(path)
}

/// Makes a rename in `path`'s folder durable. Windows cannot open a folder as a file, and its
/// rename is already durable when it returns, so this is Unix only.
fn sync_folder(path: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::File::open(folder)
            .and_then(|dir| dir.sync_all())
            .map_err(|source| StoreError::Write {
                path: folder.to_path_buf(),
                source,
            })?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Moves an unreadable file to `<stem>.corrupt-<UTC time>.ron` beside it (with `-2`, `-3`… when
/// that name is taken) and returns the new path. The time has no colons: Windows forbids them.
pub fn move_aside(path: &Path, now: Timestamp) -> Result<PathBuf, StoreError> {
    let stem = path
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let time = now.as_datetime().format("%Y%m%dT%H%M%SZ");
    let mut target = path.with_file_name(format!("{stem}.corrupt-{time}.ron"));
    let mut attempt = 1;
    while target.exists() {
        attempt += 1;
        target = path.with_file_name(format!("{stem}.corrupt-{time}-{attempt}.ron"));
    }
    fs::rename(path, &target).map_err(|source| StoreError::MoveAside {
        from: path.to_path_buf(),
        to: target.clone(),
        source,
    })?;
    sync_folder(path)?;
    Ok(target)
}
