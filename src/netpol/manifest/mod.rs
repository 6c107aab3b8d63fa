//! Reads ordinary Kubernetes YAML manifests (`Namespace`, `Pod`, `NetworkPolicy`; several
//! documents per file, several files) into a [`Cluster`], with `path:line:col` errors and notes
//! about what was ignored or assumed.
//!
//! YAML is read with serde-saphyr: pure Rust, built to never panic on hostile input, and every
//! error carries its line and column. Documents are split at `---` lines before parsing so each
//! one can be read with the type its `kind` calls for; the YAML spec forbids a `---` at the start
//! of a line inside a document, so the split is exact, and line numbers are shifted back.

mod raw;
mod split;

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde_saphyr::{DefaultMessageFormatter, MessageFormatter};

use super::model::{Cluster, NAMESPACE_NAME_LABEL, Namespace, Pod};
use super::policy::{NetworkPolicy, Peer, Rule};
use raw::{Invalid, Probe, RawMetadata, RawNamespace, RawPod, RawPolicy};
use split::{clean, is_blank, split_documents};

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
        write!(f, "{}:{}: note: {}", self.path, self.line, self.message)
    }
}

/// The cluster the manifests describe, and the notes taken while reading them.
#[derive(Debug, Clone)]
pub struct Manifests {
    pub cluster: Cluster,
    pub notes: Vec<Note>,
}

/// Reads and parses files; unreadable files are reported like malformed ones.
pub fn load_files<P: AsRef<Path>>(paths: &[P]) -> Result<Manifests, ManifestErrors> {
    let mut reader = Reader::default();
    for path in paths {
        let path = path.as_ref();
        let shown = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(text) => reader.read(&shown, &text),
            Err(error) => reader.errors.push(ManifestError::Unreadable {
                path: shown,
                message: error.to_string(),
            }),
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

#[derive(Default)]
struct Reader {
    cluster: Cluster,
    notes: Vec<Note>,
    errors: Vec<ManifestError>,
    /// Where each object was first defined, to report duplicates: (kind, namespace, name).
    defined: BTreeMap<(String, String, String), (String, u64)>,
    /// Namespaces with a Namespace document.
    declared_namespaces: BTreeMap<String, ()>,
    /// Where each namespace was first used, for the implicit-namespace note.
    used_namespaces: BTreeMap<String, (String, u64)>,
}

/// Where in which file the document being read is.
struct Place<'a> {
    path: &'a str,
    first_line: u64,
}

impl Place<'_> {
    fn error(&self, line: u64, column: u64, message: &str) -> ManifestError {
        ManifestError::Invalid {
            path: self.path.to_string(),
            line: line + self.first_line - 1,
            column,
            message: clean(message),
        }
    }

    fn invalid(&self, problem: Invalid) -> ManifestError {
        self.error(problem.at.line(), problem.at.column(), &problem.message)
    }

    fn parse<T: DeserializeOwned>(&self, text: &str) -> Result<T, ManifestError> {
        serde_saphyr::from_str(text).map_err(|error| {
            let (line, column) = error
                .location()
                .map_or((1, 1), |at| (at.line(), at.column()));
            let message = DefaultMessageFormatter.format_message(&error);
            self.error(line, column, &message)
        })
    }
}

impl Reader {
    fn read(&mut self, path: &str, text: &str) {
        for document in split_documents(text) {
            if is_blank(&document.text) {
                continue;
            }
            let place = Place {
                path,
                first_line: document.first_line,
            };
            if let Err(error) = self.read_document(&place, &document.text) {
                self.errors.push(error);
            }
        }
    }

    fn note(&mut self, place: &Place<'_>, message: String) {
        self.notes.push(Note {
            path: place.path.to_string(),
            line: place.first_line,
            message,
        });
    }

    fn read_document(&mut self, place: &Place<'_>, text: &str) -> Result<(), ManifestError> {
        let probe: Probe = place.parse(text)?;
        let api_version = probe.api_version.as_deref();
        let Some(kind) = probe.kind.as_deref() else {
            return Err(place.error(1, 1, "this document has no `kind`"));
        };
        match (kind, api_version) {
            ("Namespace", Some("v1") | None) => {
                let raw: RawNamespace = place.parse(text)?;
                self.namespace(place, raw.metadata)
            }
            ("Pod", Some("v1") | None) => {
                let raw: RawPod = place.parse(text)?;
                self.pod(place, raw)
            }
            ("NetworkPolicy", Some("networking.k8s.io/v1") | None) => {
                let raw: RawPolicy = place.parse(text)?;
                self.policy(place, raw)
            }
            ("NetworkPolicy", Some(other)) => {
                self.note(
                    place,
                    format!(
                        "NetworkPolicy of apiVersion {other} ignored: only networking.k8s.io/v1 is evaluated (Calico's and Cilium's own policies have other rules)"
                    ),
                );
                Ok(())
            }
            (other, _) => {
                self.note(
                    place,
                    format!("kind {other} ignored: only Namespace, Pod and NetworkPolicy are read"),
                );
                Ok(())
            }
        }
    }

    /// The object's name, and its namespace (`default` with a note when left out).
    fn identify(
        &mut self,
        place: &Place<'_>,
        kind: &str,
        metadata: &RawMetadata,
        namespaced: bool,
    ) -> Result<(String, String), ManifestError> {
        let Some(name) = metadata.name.clone().filter(|n| !n.is_empty()) else {
            return Err(place.error(1, 1, &format!("this {kind} has no metadata.name")));
        };
        let namespace = if namespaced {
            match metadata.namespace.clone().filter(|n| !n.is_empty()) {
                Some(namespace) => namespace,
                None => {
                    self.note(
                        place,
                        format!(
                            "{kind} {name} has no metadata.namespace: assumed to be in '{DEFAULT_NAMESPACE}'"
                        ),
                    );
                    DEFAULT_NAMESPACE.to_string()
                }
            }
        } else {
            String::new()
        };
        let key = (kind.to_string(), namespace.clone(), name.clone());
        let here = (place.path.to_string(), place.first_line);
        if let Some((first_path, first_line)) = self.defined.get(&key) {
            let shown = if namespaced {
                format!("{namespace}/{name}")
            } else {
                name
            };
            return Err(place.error(
                1,
                1,
                &format!(
                    "{kind} {shown} is defined twice; the first is at {first_path}:{first_line}"
                ),
            ));
        }
        self.defined.insert(key, here);
        if namespaced {
            self.used_namespaces
                .entry(namespace.clone())
                .or_insert_with(|| (place.path.to_string(), place.first_line));
        }
        Ok((namespace, name))
    }

    fn namespace(&mut self, place: &Place<'_>, metadata: RawMetadata) -> Result<(), ManifestError> {
        let (_, name) = self.identify(place, "Namespace", &metadata, false)?;
        let labels = raw::labels(metadata.labels);
        if labels
            .get(NAMESPACE_NAME_LABEL)
            .is_some_and(|value| *value != name)
        {
            self.note(
                place,
                format!("the API server sets {NAMESPACE_NAME_LABEL} to '{name}'; the value given is replaced"),
            );
        }
        self.declared_namespaces.insert(name.clone(), ());
        self.cluster.add_namespace(Namespace::new(name, labels));
        Ok(())
    }

    fn pod(&mut self, place: &Place<'_>, raw: RawPod) -> Result<(), ManifestError> {
        let (namespace, name) = self.identify(place, "Pod", &raw.metadata, true)?;
        let ports = raw::container_ports(raw.spec).map_err(|e| place.invalid(e))?;
        let ip = raw::pod_ip(raw.status).map_err(|e| place.invalid(e))?;
        self.cluster.add_pod(Pod {
            namespace,
            name,
            labels: raw::labels(raw.metadata.labels),
            ip,
            ports,
        });
        Ok(())
    }

    fn policy(&mut self, place: &Place<'_>, raw: RawPolicy) -> Result<(), ManifestError> {
        let (namespace, name) = self.identify(place, "NetworkPolicy", &raw.metadata, true)?;
        let spec = raw.spec.unwrap_or_default();
        let pod_selector =
            raw::selector(spec.pod_selector.unwrap_or_default()).map_err(|e| place.invalid(e))?;
        let ingress = spec
            .ingress
            .unwrap_or_default()
            .into_iter()
            .map(|r| raw::rule(r.from, r.ports))
            .collect::<Result<Vec<Rule>, _>>()
            .map_err(|e| place.invalid(e))?;
        let egress = spec
            .egress
            .unwrap_or_default()
            .into_iter()
            .map(|r| raw::rule(r.to, r.ports))
            .collect::<Result<Vec<Rule>, _>>()
            .map_err(|e| place.invalid(e))?;
        self.cluster.add_policy(NetworkPolicy::new(
            namespace,
            name,
            pod_selector,
            spec.policy_types,
            ingress,
            egress,
        ));
        Ok(())
    }

    fn finish(mut self) -> Result<Manifests, ManifestErrors> {
        if !self.errors.is_empty() {
            return Err(ManifestErrors(self.errors));
        }
        for (namespace, (path, line)) in &self.used_namespaces {
            if !self.declared_namespaces.contains_key(namespace) {
                self.notes.push(Note {
                    path: path.clone(),
                    line: *line,
                    message: format!(
                        "namespace {namespace} has no Namespace document: assumed, with only the label {NAMESPACE_NAME_LABEL}: {namespace}"
                    ),
                });
            }
        }
        let uses_ip_blocks = self.cluster.policies().iter().any(|policy| {
            policy
                .ingress
                .iter()
                .chain(&policy.egress)
                .flat_map(|rule| &rule.peers)
                .any(|peer| matches!(peer, Peer::IpBlock(_)))
        });
        if uses_ip_blocks {
            for pod in self.cluster.pods().iter().filter(|p| p.ip.is_none()) {
                let key = ("Pod".to_string(), pod.namespace.clone(), pod.name.clone());
                let (path, line) = self.defined.get(&key).cloned().unwrap_or_default();
                self.notes.push(Note {
                    path,
                    line,
                    message: format!(
                        "pod {} has no status.podIP: no ipBlock can match it",
                        pod.pod_ref()
                    ),
                });
            }
        }
        Ok(Manifests {
            cluster: self.cluster,
            notes: self.notes,
        })
    }
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
