//! Profile names: one learner's progress file is `<data_dir>/profiles/<name>.ron`.
//!
//! Names are limited to ASCII letters, digits, `-` and `_`, 1 to 64 characters, so that a name is a
//! safe file name on every platform (no separators, no `..`, no dots that could collide with the
//! `.ron.tmp`, `.lock` and `.corrupt-…` files kept beside it).

use std::fmt;
use std::path::{Path, PathBuf};

/// The profile used when `--profile` is not given.
pub const DEFAULT_PROFILE: &str = "default";

/// The folder under the data dir that holds the progress files.
pub const PROFILES_DIR: &str = "profiles";

const MAX_LENGTH: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not a valid profile name: use 1 to {MAX_LENGTH} letters, digits, `-` or `_` (for example --profile alice)"
)]
pub struct BadProfileName(pub String);

/// A checked profile name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ProfileName(String);

impl ProfileName {
    pub fn new(name: &str) -> Result<Self, BadProfileName> {
        let valid = (1..=MAX_LENGTH).contains(&name.len())
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if valid {
            Ok(Self(name.to_string()))
        } else {
            Err(BadProfileName(name.to_string()))
        }
    }

    /// `--profile` when given, else [`DEFAULT_PROFILE`].
    pub fn from_flag(flag: Option<&str>) -> Result<Self, BadProfileName> {
        Self::new(flag.unwrap_or(DEFAULT_PROFILE))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `<data_dir>/profiles/<name>.ron`.
    pub fn progress_file(&self, data_dir: &Path) -> PathBuf {
        data_dir.join(PROFILES_DIR).join(format!("{}.ron", self.0))
    }
}

impl Default for ProfileName {
    fn default() -> Self {
        Self(DEFAULT_PROFILE.to_string())
    }
}

impl fmt::Display for ProfileName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The longest learner name kept, in characters.
pub const MAX_LEARNER_NAME: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not a usable learner name: use 1 to {MAX_LEARNER_NAME} characters without control characters (for example --name \"Ada Lovelace\")"
)]
pub struct BadLearnerName(pub String);

/// A learner's name as kept in the progress file: trimmed, 1 to [`MAX_LEARNER_NAME`] characters,
/// no control or format characters (it heads a report's column and reaches terminals and
/// spreadsheets). Unlike a profile name it is free text: "Zoë O'Neill" is fine.
pub fn learner_name(text: &str) -> Result<String, BadLearnerName> {
    let name = text.trim();
    let printable = name
        .chars()
        .all(|c| !c.is_control() && !matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}'));
    if (1..=MAX_LEARNER_NAME).contains(&name.chars().count()) && printable {
        Ok(name.to_string())
    } else {
        Err(BadLearnerName(text.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learner_names_are_free_text_but_printable() {
        assert_eq!(learner_name("  Zoë O'Neill ").unwrap(), "Zoë O'Neill");
        for bad in [
            "",
            "   ",
            "a\u{1b}]0;x\u{7}",
            "a\nb",
            "a\u{9b}b",
            "a\u{202e}b",
            &"x".repeat(65),
        ] {
            assert!(learner_name(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn good_names_are_accepted() {
        for name in ["default", "alice", "team-1_b", "A", &"x".repeat(64)] {
            assert_eq!(ProfileName::new(name).unwrap().as_str(), name);
        }
    }

    #[test]
    fn names_that_are_not_safe_file_names_are_refused() {
        for name in [
            "",
            "a/b",
            "..",
            "a.b",
            "a b",
            "café",
            "a\\b",
            &"x".repeat(65),
        ] {
            let error = ProfileName::new(name).unwrap_err();
            assert!(error.to_string().contains("not a valid profile name"));
        }
    }

    #[test]
    fn the_file_is_under_profiles() {
        let profile = ProfileName::from_flag(None).unwrap();
        assert_eq!(
            profile.progress_file(Path::new("/data")),
            PathBuf::from("/data/profiles/default.ron")
        );
    }
}
