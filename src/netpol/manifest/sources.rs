//! Files and folders to read, read safely: only regular files, bounded in size and number, UTF-8
//! with the position of the first invalid byte, and recognising Helm templates.

use std::path::{Path, PathBuf};

use super::ManifestError;
use crate::files::{MAX_MANIFEST_FILE, read_bounded};

/// The most files read from the folders given, so that pointing at `/` ends with a message.
pub const MAX_FILES: usize = 10_000;
/// How deep folders are walked.
const MAX_DEPTH: usize = 32;

fn is_manifest(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e, "yaml" | "yml" | "json"))
}

/// The files to read: files as given, folders walked for `*.yaml`, `*.yml` and `*.json`
/// (sorted, so output is stable). Symbolic links inside folders are not followed into other
/// folders, which keeps a link loop from walking forever.
pub fn collect_files<P: AsRef<Path>>(paths: &[P]) -> Result<Vec<PathBuf>, Vec<ManifestError>> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let path = path.as_ref();
        if path.is_dir() {
            walk(path, 0, &mut files, &mut errors);
        } else {
            files.push(path.to_path_buf());
        }
    }
    if files.len() > MAX_FILES {
        errors.push(ManifestError::Unreadable {
            path: paths
                .first()
                .map(|p| p.as_ref().display().to_string())
                .unwrap_or_default(),
            message: format!(
                "{} manifest files found; at most {MAX_FILES} are read: name a smaller folder",
                files.len()
            ),
        });
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors)
    }
}

fn walk(folder: &Path, depth: usize, files: &mut Vec<PathBuf>, errors: &mut Vec<ManifestError>) {
    let unreadable = |message: String| ManifestError::Unreadable {
        path: folder.display().to_string(),
        message,
    };
    if depth > MAX_DEPTH {
        errors.push(unreadable(format!(
            "folders nested deeper than {MAX_DEPTH} levels are not read"
        )));
        return;
    }
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) => return errors.push(unreadable(format!("cannot read the folder: {error}"))),
    };
    let mut paths: Vec<(PathBuf, bool)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let kind = entry.file_type().ok()?;
            Some((entry.path(), kind.is_dir()))
        })
        .collect();
    paths.sort();
    for (path, is_dir) in paths {
        if files.len() > MAX_FILES {
            return;
        }
        if is_dir {
            walk(&path, depth + 1, files, errors);
        } else if is_manifest(&path) {
            files.push(path);
        }
    }
}

/// A file's text: a regular file of at most [`MAX_MANIFEST_FILE`] bytes, in UTF-8.
pub fn read_text(path: &Path) -> Result<String, ManifestError> {
    let shown = path.display().to_string();
    let bytes =
        read_bounded(path, MAX_MANIFEST_FILE).map_err(|error| ManifestError::Unreadable {
            path: shown.clone(),
            message: error.to_string(),
        })?;
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let bad = error.as_bytes()[valid.len()];
        let (line, column) = position_after(valid);
        ManifestError::Invalid {
            path: shown,
            line,
            column,
            message: format!(
                "the byte 0x{bad:02x} is not UTF-8: Kubernetes manifests are UTF-8 text; convert the file (for example with iconv)"
            ),
        }
    })
}

/// The 1-based line and column (in characters) just after valid UTF-8 `bytes`.
fn position_after(bytes: &[u8]) -> (u64, u64) {
    let text = std::str::from_utf8(bytes).unwrap_or_default();
    let line = text.matches('\n').count() as u64 + 1;
    let last = text.rsplit('\n').next().unwrap_or_default();
    (line, last.chars().count() as u64 + 1)
}

/// Where the first `{{ ... }}` of a Helm template is, if the text has one outside comments.
pub fn helm_marker(text: &str) -> Option<(u64, u64)> {
    text.lines().enumerate().find_map(|(index, line)| {
        if line.trim_start().starts_with('#') {
            return None;
        }
        let start = line.find("{{")?;
        line[start..].contains("}}").then(|| {
            let column = line[..start].chars().count() as u64 + 1;
            (index as u64 + 1, column)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        assert_eq!(position_after(b""), (1, 1));
        assert_eq!(position_after(b"ab\ncd"), (2, 3));
        assert_eq!(position_after("a\n\u{e9}x".as_bytes()), (2, 3));
    }

    #[test]
    fn helm_markers_outside_comments_are_found() {
        assert_eq!(
            helm_marker("a: 1\n# {{ no }}\nb: {{ .Values.x }}\n"),
            Some((3, 4))
        );
        assert_eq!(helm_marker("a: '{'\n"), None);
    }
}
