//! A room's state on disk: written atomically after every reveal and at the end, as
//! `<data-dir>/sessions/<id>.json`, so `host --resume` can continue a session whose
//! facilitator's terminal died. Only revealed rounds are kept: the interrupted round is
//! asked again, since its answers were never shown to anyone.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::files::{MAX_PROGRESS_FILE, read_bounded_no_follow};
use crate::progress::file::write_atomically;

use super::error::SessionError;
use super::game::{Player, RoundResult};

/// The version of the save's layout; a save of another version is not resumed.
pub const SAVE_FORMAT: u32 = 1;

/// Where a session's files go: `dir/<id>.json`, `dir/<id>-report.md`, `dir/<id>-report.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionFiles {
    /// `<data-dir>/sessions`.
    pub dir: PathBuf,
    /// `YYYYMMDD-HHMMSS-<code>`.
    pub id: String,
}

impl SessionFiles {
    /// The files of a session started at `started` with this code.
    pub fn new(dir: PathBuf, code: &str, started: SystemTime) -> Self {
        let time: DateTime<Utc> = started.into();
        Self {
            dir,
            id: format!("{}-{code}", time.format("%Y%m%d-%H%M%S")),
        }
    }

    pub fn state_path(&self) -> PathBuf {
        self.dir.join(format!("{}.json", self.id))
    }

    pub fn report_paths(&self) -> (PathBuf, PathBuf) {
        (
            self.dir.join(format!("{}-report.md", self.id)),
            self.dir.join(format!("{}-report.json", self.id)),
        )
    }

    /// Writes `bytes` to `path` atomically, creating the folder first.
    pub fn write(&self, path: &Path, bytes: &[u8]) -> Result<(), SessionError> {
        fs::create_dir_all(&self.dir).map_err(|source| SessionError::CreateDir {
            path: self.dir.clone(),
            source,
        })?;
        write_atomically(path, bytes)?;
        Ok(())
    }
}

/// One question of a saved session: enough to ask it again the same way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedQuestion {
    pub id: String,
    pub display_order: Vec<usize>,
}

/// Everything a resumed room needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedSession {
    pub format: u32,
    pub id: String,
    pub title: String,
    pub code: String,
    pub time_limit_ms: u64,
    /// `Some` for a `--local` session.
    pub local_players: Option<Vec<String>>,
    pub questions: Vec<SavedQuestion>,
    pub players: Vec<Player>,
    pub results: Vec<RoundResult>,
    pub finished: bool,
}

impl SavedSession {
    pub fn save(&self, files: &SessionFiles) -> Result<PathBuf, SessionError> {
        let path = files.state_path();
        let json = serde_json::to_vec_pretty(self).expect("a saved session serializes");
        files.write(&path, &json)?;
        Ok(path)
    }

    pub fn read(path: &Path) -> Result<SavedSession, SessionError> {
        let bytes = read_bounded_no_follow(path, MAX_PROGRESS_FILE).map_err(|source| {
            SessionError::Read {
                path: path.to_path_buf(),
                source,
            }
        })?;
        let damaged = |reason: String| SessionError::Damaged {
            path: path.to_path_buf(),
            reason,
        };
        let saved: SavedSession =
            serde_json::from_slice(&bytes).map_err(|e| damaged(e.to_string()))?;
        if saved.format != SAVE_FORMAT {
            return Err(damaged(format!(
                "save format {} (this aks-tutor reads {SAVE_FORMAT})",
                saved.format
            )));
        }
        Ok(saved)
    }
}

/// The newest unfinished session saved in `dir` (ids start with the time, so the newest has
/// the greatest name). Unreadable files are skipped: one damaged save must not hide the rest.
pub fn newest_unfinished(dir: &Path) -> Result<(PathBuf, SavedSession), SessionError> {
    let entries = fs::read_dir(dir).map_err(|source| match source.kind() {
        // No sessions folder yet: nothing was ever saved, which is what to tell.
        std::io::ErrorKind::NotFound => SessionError::NothingToResume {
            path: dir.to_path_buf(),
        },
        _ => SessionError::Read {
            path: dir.to_path_buf(),
            source,
        },
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            name.ends_with(".json") && !name.ends_with("-report.json")
        })
        .collect();
    paths.sort();
    paths
        .into_iter()
        .rev()
        .find_map(|path| match SavedSession::read(&path) {
            Ok(saved) if !saved.finished => Some((path, saved)),
            _ => None,
        })
        .ok_or_else(|| SessionError::NothingToResume {
            path: dir.to_path_buf(),
        })
}
