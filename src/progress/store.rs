//! The store: one learner's progress file, opened once at start-up, saved after every change.
//!
//! Locking: `<profile>.lock` beside the progress file is locked with `File::try_lock` (an OS
//! advisory lock, `flock` on Unix, `LockFileEx` on Windows). The OS releases it when the process
//! ends however it ends, so there is no stale lock to clean up after a crash, unlike a lock file
//! created with `create_new`. The lock file itself is never deleted (deleting it would let two
//! processes lock two different files of the same name); it holds the owner's PID for messages.
//!
//! A second instance on the same profile does not wait: a tutor that hangs at start-up because
//! another window is open elsewhere would look broken. It opens the progress read-only, shows it,
//! and says that nothing will be saved and why ([`ReadOnlyReason::InUse`]).
//!
//! Recovery: a file that cannot be parsed is renamed to `<profile>.corrupt-<UTC time>.ron`, the
//! store starts empty and [`Store::notices`] says where the old file went. A file from a newer
//! aks-tutor is never overwritten: the store opens read-only. A stray `<profile>.ron.tmp` (a save
//! interrupted before its rename) is removed; the real file is intact by construction.
//!
//! Files not written: a folder or file that cannot be written (permissions 0555, a read-only file
//! system, a progress file made read-only on purpose) does not hide the progress that exists. The
//! store opens read-only ([`ReadOnlyReason::NotWritable`]), shows it, and says that nothing will
//! be saved. Whether the folder can be written is tried at opening, by creating the temporary
//! file a save would create, rather than guessed from permission bits (which root ignores).
//!
//! Links: the lock file and the progress file are opened without following a symbolic link
//! (`O_NOFOLLOW`). A link as the lock makes the store read-only and leaves its target untouched
//! (locking writes our PID into the lock file); a link as the progress file is an error that
//! names it, so the app starts with an unsaved store and says why. Progress is read bounded, and
//! only from a regular file: a FIFO or a device there is refused at once.
//!
//! Readers that only read (`aks-tutor progress`, `report`) use [`read_progress_file`] and take no
//! lock: saves replace the file by rename, so a reader sees the old file or the new one, whole.
//!
//! [`read_progress_file`]: super::file::read_progress_file

use std::fmt;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read as _, Write as _};
use std::path::{Path, PathBuf};

use super::file::{self, Parsed, StoreError};
use super::model::{FORMAT_VERSION, Progress};
use super::profile::ProfileName;
use super::time::Timestamp;
use crate::files::{MAX_PROGRESS_FILE, fingerprint, open_no_follow, read_bounded_no_follow};

/// Why saves are switched off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// Another aks-tutor holds the profile's lock.
    InUse {
        lock_file: PathBuf,
        holder_pid: Option<u32>,
    },
    /// The file's format is newer than this build's.
    NewerFormat { found: u32 },
    /// The lock could not be taken for another reason (a file system without locks).
    CannotLock { lock_file: PathBuf, error: String },
    /// `path` (the folder, the lock or the progress file) cannot be written: the progress that
    /// exists is shown, and nothing is saved.
    NotWritable { path: PathBuf, error: String },
    /// The store could not be opened at all ([`Store::unsaved`]).
    Unavailable { error: String },
}

/// Something the learner should be told once the app has started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The progress file could not be read. `moved_to` is where it was kept; `None` when another
    /// instance owns the profile and the file was left where it is.
    Damaged {
        path: PathBuf,
        reason: String,
        moved_to: Option<PathBuf>,
    },
    /// Progress will not be saved.
    ReadOnly {
        path: PathBuf,
        reason: ReadOnlyReason,
    },
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::Damaged {
                path,
                reason,
                moved_to: Some(moved_to),
            } => write!(
                f,
                "Your progress file {} could not be read ({reason}). It was kept as {} and a fresh one started.",
                path.display(),
                moved_to.display()
            ),
            Notice::Damaged { path, reason, .. } => write!(
                f,
                "Your progress file {} could not be read ({reason}). It was left in place: another aks-tutor is using it, or its folder cannot be written.",
                path.display()
            ),
            Notice::ReadOnly { path, reason } => match reason {
                ReadOnlyReason::InUse { holder_pid, .. } => {
                    let who = holder_pid.map_or_else(
                        || "Another aks-tutor".to_string(),
                        |pid| format!("Another aks-tutor (process {pid})"),
                    );
                    write!(
                        f,
                        "{who} is using {}: progress made in this window will not be saved. Close the other one, or pass --profile NAME.",
                        path.display()
                    )
                }
                ReadOnlyReason::NewerFormat { found } => write!(
                    f,
                    "{} was made by a newer aks-tutor (format {found}; this one knows {FORMAT_VERSION}): progress will not be saved. Update aks-tutor.",
                    path.display()
                ),
                ReadOnlyReason::CannotLock { lock_file, error } => write!(
                    f,
                    "Cannot lock {} ({error}): progress will not be saved. Pass --data-dir DIR on a local disk.",
                    lock_file.display()
                ),
                ReadOnlyReason::NotWritable { path: what, error } => write!(
                    f,
                    "Cannot write {} ({error}): your progress is shown, but nothing will be saved. Make it writable, or pass --data-dir DIR.",
                    what.display()
                ),
                ReadOnlyReason::Unavailable { error } => {
                    write!(f, "Progress will not be saved: {error}")
                }
            },
        }
    }
}

/// Whether a save wrote the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use]
pub enum SaveOutcome {
    Saved,
    /// The store is read-only (see [`Store::read_only`]); the change stays in memory.
    NotSaved,
}

#[derive(Debug)]
pub struct Store {
    profile: ProfileName,
    path: PathBuf,
    progress: Progress,
    read_only: Option<ReadOnlyReason>,
    notices: Vec<Notice>,
    /// Held for the store's lifetime: dropping the store releases the lock.
    _lock: Option<File>,
    /// Kept in memory by design ([`Store::in_memory`]): never saved, and nothing to warn about.
    in_memory: bool,
    /// The [`fingerprint`] of the progress file as this store last read or wrote it; `None`
    /// while there is no file of this store's progress.
    on_disk: Option<String>,
}

impl Store {
    /// Opens (creating the folder when needed) the progress of `profile` under `data_dir`.
    ///
    /// An `Err` is an I/O failure that leaves nothing to work with (the folder cannot be created,
    /// the file cannot be read); everything recoverable is a [`Notice`] instead.
    pub fn open(
        data_dir: &Path,
        profile: &ProfileName,
        now: Timestamp,
    ) -> Result<Store, StoreError> {
        let path = profile.progress_file(data_dir);
        let folder = path.parent().unwrap_or(data_dir).to_path_buf();
        fs::create_dir_all(&folder).map_err(|source| StoreError::CreateDir {
            path: folder.clone(),
            source,
        })?;
        let lock_path = folder.join(format!("{profile}.lock"));
        let (lock, mut read_only) = take_lock(&lock_path);
        let owns_profile = lock.is_some();
        if owns_profile {
            // Replaces a temporary file left by a save interrupted before its rename (only the
            // owner may: for anyone else it could be a save in progress), and finds out whether
            // saves can work at all.
            match file::create_temp(&path) {
                Ok(_) => {
                    let _ = fs::remove_file(file::temp_path(&path));
                }
                Err(error) => {
                    read_only.get_or_insert(ReadOnlyReason::NotWritable {
                        path: folder.clone(),
                        error: error.to_string(),
                    });
                }
            }
        }

        let mut notices = Vec::new();
        let mut on_disk = None;
        let progress = match read_bounded_no_follow(&path, MAX_PROGRESS_FILE) {
            Err(error) if error.kind() == io::ErrorKind::NotFound => Progress::default(),
            Err(source) => return Err(StoreError::Read { path, source }),
            Ok(bytes) => match file::parse(&bytes) {
                Parsed::Progress(progress) => {
                    // Someone made the file read-only: respect it, even where (as root) a save
                    // could replace it anyway.
                    if fs::metadata(&path).is_ok_and(|m| m.permissions().readonly()) {
                        read_only.get_or_insert(ReadOnlyReason::NotWritable {
                            path: path.clone(),
                            error: "the file is read-only".to_string(),
                        });
                    }
                    on_disk = Some(fingerprint(&bytes));
                    progress
                }
                Parsed::Newer(found) => {
                    read_only.get_or_insert(ReadOnlyReason::NewerFormat { found });
                    Progress::default()
                }
                Parsed::Damaged(reason) => {
                    let moved_to = if owns_profile {
                        Some(file::move_aside(&path, now)?)
                    } else {
                        None
                    };
                    notices.push(Notice::Damaged {
                        path: path.clone(),
                        reason,
                        moved_to,
                    });
                    Progress::default()
                }
            },
        };
        if let Some(reason) = &read_only {
            notices.push(Notice::ReadOnly {
                path: path.clone(),
                reason: reason.clone(),
            });
        }
        Ok(Store {
            profile: profile.clone(),
            path,
            progress,
            read_only,
            notices,
            _lock: lock,
            in_memory: false,
            on_disk,
        })
    }

    /// A store that never saves, for when [`Store::open`] failed: the app still runs, and its
    /// notice says why nothing is saved.
    pub fn unsaved(data_dir: &Path, profile: &ProfileName, error: &StoreError) -> Store {
        let reason = ReadOnlyReason::Unavailable {
            error: error.to_string(),
        };
        let path = profile.progress_file(data_dir);
        Store {
            profile: profile.clone(),
            notices: vec![Notice::ReadOnly {
                path: path.clone(),
                reason: reason.clone(),
            }],
            path,
            progress: Progress::default(),
            read_only: Some(reason),
            _lock: None,
            in_memory: false,
            on_disk: None,
        }
    }

    /// Progress kept in memory only, by design: screen tests and benchmarks draw the tutor
    /// without touching the disk. Nothing is saved, and since nothing was meant to be, the
    /// screens have no warning to show.
    pub fn in_memory(profile: &ProfileName) -> Store {
        Store {
            profile: profile.clone(),
            path: PathBuf::new(),
            progress: Progress::default(),
            read_only: None,
            notices: Vec::new(),
            _lock: None,
            in_memory: true,
            on_disk: None,
        }
    }

    /// Writes the progress atomically; cheap enough to call after every answer.
    pub fn save(&mut self) -> Result<SaveOutcome, StoreError> {
        if self.read_only.is_some() || self.in_memory {
            return Ok(SaveOutcome::NotSaved);
        }
        let text = file::to_ron(&self.progress).map_err(|source| StoreError::Serialize {
            path: self.path.clone(),
            source,
        })?;
        // A file over the limit would be refused when read back: keep the last one that fits.
        if text.len() as u64 > MAX_PROGRESS_FILE {
            return Err(StoreError::TooLarge {
                path: self.path.clone(),
                size: text.len() as u64,
                limit: MAX_PROGRESS_FILE,
            });
        }
        file::write_atomically(&self.path, text.as_bytes())?;
        self.on_disk = Some(fingerprint(text.as_bytes()));
        Ok(SaveOutcome::Saved)
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// Change the progress with the `record_*` and `set_*` methods of [`Progress`], then
    /// [`Store::save`].
    pub fn progress_mut(&mut self) -> &mut Progress {
        &mut self.progress
    }

    /// Messages for the learner from opening: show each once.
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    pub fn read_only(&self) -> Option<&ReadOnlyReason> {
        self.read_only.as_ref()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The [`fingerprint`] of the progress file as this store last read or wrote it, so that
    /// what is kept beside it can name the file without reading it again.
    pub fn file_fingerprint(&self) -> Option<&str> {
        self.on_disk.as_deref()
    }

    pub fn profile(&self) -> &ProfileName {
        &self.profile
    }
}

/// Takes the profile's lock, or says why saves must stay off. A lock file that cannot be opened
/// (a read-only folder, a symbolic link in its place) leaves the store read-only, not empty.
fn take_lock(lock_path: &Path) -> (Option<File>, Option<ReadOnlyReason>) {
    let opened = open_no_follow(
        OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false),
        lock_path,
    );
    // A FIFO or a device opens (without waiting: `open_no_follow` does not block), but is no lock.
    let opened = opened.and_then(|lock| match lock.metadata() {
        Ok(metadata) if !metadata.is_file() => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        )),
        Ok(_) => Ok(lock),
        Err(error) => Err(error),
    });
    let mut lock = match opened {
        Ok(lock) => lock,
        Err(error) => {
            let reason = ReadOnlyReason::NotWritable {
                path: lock_path.to_path_buf(),
                error: error.to_string(),
            };
            return (None, Some(reason));
        }
    };
    match lock.try_lock() {
        Ok(()) => {
            // The PID is only for the other instance's message; failing to write it is harmless.
            // A lock with other hard links is someone's file linked in: locked, never written.
            if !has_other_links(&lock) {
                let _ = lock
                    .set_len(0)
                    .and_then(|()| write!(lock, "{}", std::process::id()))
                    .and_then(|()| lock.flush());
            }
            (Some(lock), None)
        }
        Err(TryLockError::WouldBlock) => {
            let mut text = String::new();
            let _ = lock.read_to_string(&mut text);
            let reason = ReadOnlyReason::InUse {
                lock_file: lock_path.to_path_buf(),
                holder_pid: text.trim().parse().ok(),
            };
            (None, Some(reason))
        }
        Err(TryLockError::Error(error)) => {
            let reason = ReadOnlyReason::CannotLock {
                lock_file: lock_path.to_path_buf(),
                error: error.to_string(),
            };
            (None, Some(reason))
        }
    }
}

fn has_other_links(file: &File) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        file.metadata().is_ok_and(|m| m.nlink() > 1)
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        false
    }
}

#[cfg(test)]
#[path = "store_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "store_files_tests.rs"]
mod files_tests;
