//! Players and their names: a name is made inert like content, one line, trimmed, bounded.

use serde::{Deserialize, Serialize};

use crate::inert::sanitize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Player {
    pub name: String,
    pub score: u32,
    /// Not saved: a resumed room starts with everyone away until they rejoin.
    #[serde(skip)]
    pub connected: bool,
}

/// Who joined: their index in [`Game::players`], and whether they came back to a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Joined {
    pub index: usize,
    pub rejoined: bool,
}

/// The longest name, in characters, after sanitizing and trimming.
pub const MAX_NAME_CHARS: usize = 24;

/// A hello's name was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameRefused {
    #[error("a name is needed (letters, not only blanks or control characters)")]
    Empty,
    #[error("a name may have at most {MAX_NAME_CHARS} characters")]
    TooLong,
    #[error("the name “{0}” is taken by a player who is connected; choose another")]
    Taken(String),
    #[error("the session is over")]
    Finished,
}

/// A name as the room shows it: made inert, one line, trimmed.
pub fn clean_name(raw: &str) -> Result<String, NameRefused> {
    let name = sanitize(raw).replace('\n', " ");
    let name = name.trim();
    match name.chars().count() {
        0 => Err(NameRefused::Empty),
        n if n > MAX_NAME_CHARS => Err(NameRefused::TooLong),
        _ => Ok(name.to_string()),
    }
}
