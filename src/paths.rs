//! Where aks-tutor keeps its data: resolved in exactly one place.
//!
//! Order: `--data-dir`, then `AKS_TUTOR_DATA_DIR`, then the platform's data dir from `directories`.
//! Tests always pass a flag or the variable, so they never touch the real home directory.

use std::ffi::OsString;
use std::path::PathBuf;

/// The environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "AKS_TUTOR_DATA_DIR";

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PathError {
    #[error(
        "cannot find a home directory for the progress files; pass --data-dir DIR or set {DATA_DIR_ENV}"
    )]
    NoHomeDirectory,
}

/// Resolves the data directory from the flag, the environment variable's value, or the platform default.
///
/// Takes the variable's value rather than reading it, so that callers (and tests) decide the environment.
pub fn resolve_data_dir(
    flag: Option<PathBuf>,
    env_value: Option<OsString>,
) -> Result<PathBuf, PathError> {
    if let Some(dir) = flag {
        return Ok(dir);
    }
    if let Some(value) = env_value.filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(value));
    }
    directories::ProjectDirs::from("", "", "aks-tutor")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or(PathError::NoHomeDirectory)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_wins_over_the_environment() {
        let dir = resolve_data_dir(Some("/flag".into()), Some("/env".into())).unwrap();
        assert_eq!(dir, PathBuf::from("/flag"));
    }

    #[test]
    fn the_environment_wins_over_the_platform_default() {
        let dir = resolve_data_dir(None, Some("/env".into())).unwrap();
        assert_eq!(dir, PathBuf::from("/env"));
    }

    #[test]
    fn an_empty_variable_is_ignored() {
        let dir = resolve_data_dir(None, Some("".into()));
        assert_ne!(dir, Ok(PathBuf::new()));
    }
}
