//! The end of reading: workloads become representative pods unless what they own was read, and
//! notes are grouped so that a render of fifty objects gives a handful of lines, not fifty.

use std::collections::BTreeMap;

use super::objects::Class;
use super::reader::{Place, Reader};
use super::{ManifestErrors, Manifests, Note};
use crate::netpol::model::{NAMESPACE_NAME_LABEL, Pod, PodRef};
use crate::netpol::policy::Peer;

/// How many names a grouped note lists before it says "and N more".
const NAMES_SHOWN: usize = 5;

fn some_names(names: &[String]) -> String {
    let mut shown = names
        .iter()
        .take(NAMES_SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > NAMES_SHOWN {
        shown.push_str(&format!(" and {} more", names.len() - NAMES_SHOWN));
    }
    shown
}

/// `12 Deployment, 1 StatefulSet`.
fn counts(counts: &BTreeMap<String, usize>) -> String {
    counts
        .iter()
        .map(|(kind, n)| format!("{n} {kind}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Reader {
    pub fn finish(mut self) -> Result<Manifests, ManifestErrors> {
        if !self.errors.is_empty() {
            return Err(ManifestErrors(self.errors));
        }
        self.add_workload_pods();
        self.namespace_notes();
        self.tally_notes();
        self.ip_notes();
        Ok(Manifests {
            cluster: self.cluster,
            notes: self.notes,
        })
    }

    fn add_workload_pods(&mut self) {
        let mut read: BTreeMap<String, usize> = BTreeMap::new();
        let mut first: Option<(String, u64)> = None;
        let mut through_owned = Vec::new();
        let mut represented = Vec::new();
        for workload in std::mem::take(&mut self.workloads) {
            let key = (
                workload.namespace.clone(),
                workload.kind.clone(),
                workload.name.clone(),
            );
            let shown = format!("{} {}/{}", workload.kind, workload.namespace, workload.name);
            let owns_something = self.child_of(&key).is_some();
            let pod_key = (
                "Pod".to_string(),
                workload.namespace.clone(),
                workload.name.clone(),
            );
            if owns_something {
                through_owned.push(shown);
                represented.push(key);
                continue;
            }
            if let Some((path, line)) = self.defined.get(&pod_key).cloned() {
                self.notes.push(Note {
                    path: workload.path.clone(),
                    line: workload.line,
                    message: format!(
                        "{shown} is not read as a pod: a Pod of that name is defined at {path}:{line}"
                    ),
                });
                continue;
            }
            self.defined
                .insert(pod_key, (workload.path.clone(), workload.line));
            *read.entry(workload.kind.clone()).or_default() += 1;
            first.get_or_insert((workload.path.clone(), workload.line));
            if workload.host_network {
                self.tally.host_network.push((
                    format!("{}/{}", workload.namespace, workload.name),
                    workload.path.clone(),
                    workload.line,
                ));
            }
            self.cluster.add_pod(Pod {
                namespace: workload.namespace,
                name: workload.name,
                labels: workload.labels,
                ip: None,
                ports: workload.ports,
            });
        }
        // `--from NS/WORKLOAD` works on a dump of pods too: the name leads to one of its pods.
        for key in represented {
            if let Some(pod) = self.owned_pod(&key, 0) {
                self.cluster
                    .add_alias(PodRef::new(&key.0, &key.2), &PodRef::new(&key.0, &pod));
            }
        }
        if let Some((path, line)) = first {
            self.notes.push(Note {
                path,
                line,
                message: format!(
                    "{} read as pods: one representative pod each, named after the workload, with its template's labels and ports",
                    counts(&read)
                ),
            });
        }
        if !through_owned.is_empty() {
            self.notes.push(Note {
                path: String::new(),
                line: 0,
                message: format!(
                    "read through the pods they own, not as one representative pod: {}",
                    some_names(&through_owned)
                ),
            });
        }
    }

    /// What a workload owns: an object naming it as owner or, for a Deployment (CronJob), a
    /// ReplicaSet (Job) named `<workload>-<suffix>` that something names as owner. The suffix
    /// has no '-', so `api` does not claim what `api-gateway` owns.
    fn child_of(&self, key: &(String, String, String)) -> Option<(String, String)> {
        if let Some(child) = self.owners.get(key) {
            return Some(child.clone());
        }
        let (namespace, kind, name) = key;
        let child_kind = match kind.as_str() {
            "Deployment" => "ReplicaSet",
            "CronJob" => "Job",
            _ => return None,
        };
        let prefix = format!("{name}-");
        self.owners
            .keys()
            .find(|(ns, kind, owner)| {
                ns == namespace
                    && kind == child_kind
                    && owner
                        .strip_prefix(&prefix)
                        .is_some_and(|suffix| !suffix.is_empty() && !suffix.contains('-'))
            })
            .map(|(_, kind, owner)| (kind.clone(), owner.clone()))
    }

    /// The name of a pod a workload owns, through at most three levels of ownership.
    fn owned_pod(&self, key: &(String, String, String), depth: usize) -> Option<String> {
        let (kind, name) = self.child_of(key)?;
        if kind == "Pod" {
            return Some(name);
        }
        let next = (key.0.clone(), kind, name);
        match self.owned_pod(&next, depth + 1) {
            Some(pod) if depth < 3 => Some(pod),
            // A ReplicaSet or Job whose pods were not read has a representative of its name.
            _ => self
                .cluster
                .pod(&PodRef::new(&next.0, &next.2))
                .map(|_| next.2.clone()),
        }
    }

    /// Notes a document not read: its own note for a wrong apiVersion or a foreign policy, a
    /// count for the rest.
    pub(super) fn skipped(
        &mut self,
        place: &Place<'_>,
        kind: String,
        api_version: Option<String>,
        class: Class,
    ) {
        let version = api_version.unwrap_or_default();
        match class {
            Class::WrongApiVersion { expected } => self.note(
                place,
                format!(
                    "{kind} ignored: its apiVersion is {version}, but the API server serves {kind} only as {expected}; write `apiVersion: {expected}`"
                ),
            ),
            Class::ForeignPolicy => self.note(
                place,
                format!(
                    "NetworkPolicy of apiVersion {version} ignored: only networking.k8s.io/v1 is evaluated (Calico's and Cilium's own policies have other rules)"
                ),
            ),
            _ => {
                let entry = self.tally.ignored.entry(kind).or_insert_with(|| {
                    (0, place.path.to_string(), place.line())
                });
                entry.0 += 1;
            }
        }
    }

    fn namespace_notes(&mut self) {
        let implicit: Vec<(&String, &(String, u64))> = self
            .used_namespaces
            .iter()
            .filter(|(namespace, _)| !self.declared_namespaces.contains(*namespace))
            .collect();
        let Some((_, (path, line))) = implicit.first() else {
            return;
        };
        let names: Vec<String> = implicit.iter().map(|(n, _)| n.to_string()).collect();
        let message = if names.len() == 1 {
            format!(
                "namespace {} has no Namespace document: assumed, with only the label {NAMESPACE_NAME_LABEL}: {}",
                names[0], names[0]
            )
        } else {
            format!(
                "namespaces {} have no Namespace document: assumed, each with only the label {NAMESPACE_NAME_LABEL}",
                some_names(&names)
            )
        };
        self.notes.push(Note {
            path: path.clone(),
            line: *line,
            message,
        });
    }

    fn tally_notes(&mut self) {
        let tally = std::mem::take(&mut self.tally);
        if let Some((_, path, line)) = tally.defaulted.first() {
            let names: Vec<String> = tally.defaulted.iter().map(|(n, ..)| n.clone()).collect();
            self.notes.push(Note {
                path: path.clone(),
                line: *line,
                message: format!(
                    "{} without metadata.namespace assumed to be in 'default' ({}), as `kubectl apply` without -n would",
                    if names.len() == 1 {
                        "1 object".to_string()
                    } else {
                        format!("{} objects", names.len())
                    },
                    some_names(&names)
                ),
            });
        }
        if let Some((_, path, line)) = tally.host_network.first() {
            let names: Vec<String> = tally.host_network.iter().map(|(n, ..)| n.clone()).collect();
            self.notes.push(Note {
                path: path.clone(),
                line: *line,
                message: format!(
                    "hostNetwork pods ({}) share their node's network: NetworkPolicy does not decide their traffic predictably (most plugins do not apply it), so their verdicts are not to be trusted",
                    some_names(&names)
                ),
            });
        }
        let first = tally
            .ignored
            .values()
            .min_by_key(|(_, path, line)| (path.clone(), *line));
        if let Some((_, path, line)) = first {
            let ignored: BTreeMap<String, usize> = tally
                .ignored
                .iter()
                .map(|(kind, (n, ..))| (kind.clone(), *n))
                .collect();
            self.notes.push(Note {
                path: path.clone(),
                line: *line,
                message: format!(
                    "{} ignored: they take no part in NetworkPolicy (Services' ports are not evaluated: policies see pod ports)",
                    counts(&ignored)
                ),
            });
        }
    }

    fn ip_notes(&mut self) {
        let uses_ip_blocks = self.cluster.policies().iter().any(|policy| {
            policy
                .ingress
                .iter()
                .chain(&policy.egress)
                .flat_map(|rule| &rule.peers)
                .any(|peer| matches!(peer, Peer::IpBlock(_)))
        });
        if !uses_ip_blocks {
            return;
        }
        let without: Vec<String> = self
            .cluster
            .pods()
            .iter()
            .filter(|p| p.ip.is_none())
            .map(|p| p.pod_ref().to_string())
            .collect();
        if without.is_empty() {
            return;
        }
        self.notes.push(Note {
            path: String::new(),
            line: 0,
            message: format!(
                "{} pods have no status.podIP ({}), and policies use ipBlock: where a verdict depends on their IP it says so; `kubectl get pods -A -o yaml` gives the IPs",
                without.len(),
                some_names(&without)
            ),
        });
    }
}
