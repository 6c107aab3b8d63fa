//! Reads the Kubernetes manifests people have into a [`Cluster`]: Namespaces, Pods,
//! NetworkPolicies, workloads (Deployment, StatefulSet, DaemonSet, ReplicaSet,
//! ReplicationController, Job, CronJob: one representative pod each), `List`s and `*List`s
//! (`kubectl get -o yaml` or `-o json`), in several documents, files and folders; with
//! `path:line:col` errors that name the rule broken, and notes about what was ignored or
//! assumed, grouped.
//!
//! YAML is read with serde-saphyr: pure Rust, built to never panic on hostile input, and every
//! error carries its line and column. Documents are split at `---` lines before parsing so each
//! one can be read with the type its `kind` calls for; the YAML spec forbids a `---` at the start
//! of a line inside a document, so the split is exact, and line numbers are shifted back.

mod convert;
mod finish;
mod objects;
mod place;
mod raw;
mod reader;
mod sources;
mod split;

use std::fmt;
use std::path::Path;

use super::model::Cluster;
use reader::Reader;

pub use sources::{MAX_FILES, collect_files};

/// The namespace `kubectl apply` uses when a manifest names none and no context says otherwise.
pub const DEFAULT_NAMESPACE: &str = "default";

/// A manifest that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ManifestError {
    #[error("{path}: cannot read the file: {message}")]
    Unreadable { path: String, message: String },
    #[error("{path}:{line}:{column}: {message}")]
    Invalid {
        path: String,
        line: u64,
        column: u64,
        message: String,
    },
}

/// Every problem found, one per line when displayed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ManifestErrors(pub Vec<ManifestError>);

impl fmt::Display for ManifestErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&lines.join("\n"))
    }
}

/// Something ignored or assumed while reading; not an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub path: String,
    pub line: u64,
    pub message: String,
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "note: {}", self.message)
        } else {
            write!(f, "{}:{}: note: {}", self.path, self.line, self.message)
        }
    }
}

/// The cluster the manifests describe, and the notes taken while reading them.
#[derive(Debug, Clone)]
pub struct Manifests {
    pub cluster: Cluster,
    pub notes: Vec<Note>,
}

/// Reads and parses files and folders (folders: their `*.yaml`, `*.yml` and `*.json` files,
/// recursively, in sorted order). Unreadable files are reported like malformed ones; only
/// regular files of at most [`crate::files::MAX_MANIFEST_FILE`] bytes are read.
pub fn load_files<P: AsRef<Path>>(paths: &[P]) -> Result<Manifests, ManifestErrors> {
    let mut reader = Reader::default();
    let files = match collect_files(paths) {
        Ok(files) => files,
        Err(errors) => return Err(ManifestErrors(errors)),
    };
    for path in &files {
        let shown = path.display().to_string();
        match sources::read_text(path) {
            Ok(text) => reader.read(&shown, &text),
            Err(error) => reader.errors.push(error),
        }
    }
    reader.finish()
}

/// Parses `(name, text)` sources, the name being used in messages.
pub fn parse_sources<'a>(
    sources: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<Manifests, ManifestErrors> {
    let mut reader = Reader::default();
    for (path, text) in sources {
        reader.read(path, text);
    }
    reader.finish()
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod kinds_tests;
