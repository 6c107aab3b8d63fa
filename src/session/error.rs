//! What can go wrong running a room, each naming the address or path it is about.

use std::io;
use std::path::PathBuf;

use crate::progress::file::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("cannot listen for players on {addr}: {source}")]
    Listen { addr: String, source: io::Error },
    #[error("cannot create the folder {path}: {source}")]
    CreateDir { path: PathBuf, source: io::Error },
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: io::Error },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{path} is not a saved session this aks-tutor can read: {reason}")]
    Damaged { path: PathBuf, reason: String },
    #[error("there is no unfinished session to resume in {path}")]
    NothingToResume { path: PathBuf },
    #[error(
        "the session saved in {path} asks question “{id}”, which this course no longer has (or whose options changed)"
    )]
    MissingQuestion { path: PathBuf, id: String },
    #[error("a session needs at least one question")]
    NoQuestions,
    #[error("cannot start the room: {0}")]
    Thread(io::Error),
}
