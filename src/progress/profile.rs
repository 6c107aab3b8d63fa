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

#[cfg(test)]
mod tests {
    use super::*;

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
