//! The reader: documents into objects, objects into the cluster. What only the whole input can
//! decide (representative pods of workloads, grouped notes) waits for [`Reader::finish`].

use std::collections::{BTreeMap, BTreeSet};

use super::convert;
use super::objects::{Class, Object, RawList, classify};
pub(super) use super::place::Place;
use super::raw::{Probe, RawMetadata, RawNamespace, RawPod, RawPolicy, RawWorkload};
use super::split::{is_blank, split_documents};
use super::{DEFAULT_NAMESPACE, ManifestError, Note};
use crate::netpol::model::{Cluster, ContainerPort, Labels, NAMESPACE_NAME_LABEL, Namespace, Pod};
use crate::netpol::policy::{NetworkPolicy, Rule};
use crate::netpol::validate;

/// A workload read, waiting for the end to know whether its pods were read too.
pub(super) struct Workload {
    pub kind: String,
    pub namespace: String,
    pub name: String,
    pub labels: Labels,
    pub ports: Vec<ContainerPort>,
    pub host_network: bool,
    pub path: String,
    pub line: u64,
}

/// What is counted rather than noted one by one.
#[derive(Default)]
pub(super) struct Tally {
    /// Ignored kinds and how many of each, with where the first was.
    pub ignored: BTreeMap<String, (usize, String, u64)>,
    /// Objects without metadata.namespace, as `Kind name`, with where the first was.
    pub defaulted: Vec<(String, String, u64)>,
    /// Pods (bare or representative) with `hostNetwork: true`.
    pub host_network: Vec<(String, String, u64)>,
}

#[derive(Default)]
pub(super) struct Reader {
    pub cluster: Cluster,
    pub notes: Vec<Note>,
    pub errors: Vec<ManifestError>,
    /// Where each object was first defined, to report duplicates: (kind, namespace, name).
    pub defined: BTreeMap<(String, String, String), (String, u64)>,
    /// Namespaces with a Namespace document.
    pub declared_namespaces: BTreeSet<String>,
    /// Where each namespace was first used, for the implicit-namespace note.
    pub used_namespaces: BTreeMap<String, (String, u64)>,
    pub workloads: Vec<Workload>,
    /// Owners named by ownerReferences, (namespace, kind, name), with the first object that
    /// names each, (kind, name). A workload named here is represented by what it owns (its pods,
    /// or a ReplicaSet or Job that was read), and its name leads there.
    pub owners: BTreeMap<(String, String, String), (String, String)>,
    pub tally: Tally,
}

impl Reader {
    pub fn read(&mut self, path: &str, text: &str) {
        let errors_before = self.errors.len();
        for document in split_documents(text) {
            if is_blank(&document.text) {
                continue;
            }
            let place = Place {
                path,
                first_line: document.first_line,
                object_line: 1,
                object_column: 1,
            };
            if let Err(error) = self.read_document(&place, &document.text) {
                self.errors.push(error);
            }
        }
        if self.errors.len() > errors_before
            && let Some((line, column)) = super::sources::helm_marker(text)
        {
            // Template syntax breaks YAML in many places at once; one hint helps more than all
            // the errors it caused.
            self.errors.truncate(errors_before);
            self.errors.push(ManifestError::Invalid {
                path: path.to_string(),
                line,
                column,
                message: "this looks like an unrendered Helm template (`{{ ... }}`): render it first, for example `helm template RELEASE CHART > rendered.yaml`, and pass the rendered file".into(),
            });
        }
    }

    pub fn note(&mut self, place: &Place<'_>, message: String) {
        self.notes.push(Note {
            path: place.path.to_string(),
            line: place.line(),
            message,
        });
    }

    fn read_document(&mut self, place: &Place<'_>, text: &str) -> Result<(), ManifestError> {
        let probe: Probe = place.parse(text)?;
        let api_version = probe.api_version;
        let Some(kind) = probe.kind else {
            return Err(place.error(1, 1, "this document has no `kind`"));
        };
        let object = match classify(&kind, api_version.as_deref()) {
            Class::List => {
                let list: RawList = place.parse(text)?;
                for item in list.items.unwrap_or_default() {
                    let item_place = Place {
                        object_line: item.referenced.line(),
                        object_column: item.referenced.column(),
                        ..*place
                    };
                    let result = item
                        .value
                        .0
                        .map_err(|message| item_place.object_error(&message))
                        .and_then(|object| self.object(&item_place, object));
                    if let Err(error) = result {
                        self.errors.push(error);
                    }
                }
                return Ok(());
            }
            Class::Namespace => Object::Namespace(place.parse::<RawNamespace>(text)?.metadata),
            Class::Pod => {
                let raw: RawPod = place.parse(text)?;
                Object::Pod {
                    metadata: raw.metadata,
                    spec: raw.spec,
                    status: raw.status,
                }
            }
            Class::Policy => {
                let raw: RawPolicy = place.parse(text)?;
                Object::Policy {
                    metadata: raw.metadata,
                    spec: raw.spec,
                }
            }
            Class::Workload => {
                let raw: RawWorkload = place.parse(text)?;
                Object::Workload {
                    kind,
                    metadata: raw.metadata,
                    spec: raw.spec,
                }
            }
            class => Object::Skipped {
                kind,
                api_version,
                class,
            },
        };
        self.object(place, object)
    }

    fn object(&mut self, place: &Place<'_>, object: Object) -> Result<(), ManifestError> {
        match object {
            Object::Namespace(metadata) => self.namespace(place, metadata),
            Object::Pod {
                metadata,
                mut spec,
                status,
            } => {
                let (namespace, name) = self.identify(place, "Pod", &metadata, true)?;
                self.owned_by(&namespace, &metadata, "Pod", &name);
                let labels = convert::labels(metadata.labels).map_err(|e| place.invalid(e))?;
                let ports =
                    convert::container_ports(spec.as_mut()).map_err(|e| place.invalid(e))?;
                let ip = convert::pod_ip(status).map_err(|e| place.invalid(e))?;
                if spec.and_then(|s| s.host_network) == Some(true) {
                    self.host_network(place, &namespace, &name);
                }
                self.cluster.add_pod(Pod {
                    namespace,
                    name,
                    labels,
                    ip,
                    ports,
                });
                Ok(())
            }
            Object::Policy { metadata, spec } => self.policy(place, metadata, spec),
            Object::Workload {
                kind,
                metadata,
                spec,
            } => self.workload(place, kind, metadata, spec),
            Object::Skipped {
                kind,
                api_version,
                class,
            } => {
                self.skipped(place, kind, api_version, class);
                Ok(())
            }
        }
    }

    fn host_network(&mut self, place: &Place<'_>, namespace: &str, name: &str) {
        self.tally.host_network.push((
            format!("{namespace}/{name}"),
            place.path.to_string(),
            place.line(),
        ));
    }

    /// Remembers the owners an object names, so that they are not read twice.
    fn owned_by(&mut self, namespace: &str, metadata: &RawMetadata, kind: &str, name: &str) {
        for owner in metadata.owner_references.iter().flatten() {
            if let (Some(owner_kind), Some(owner_name)) = (&owner.kind, &owner.name) {
                self.owners
                    .entry((
                        namespace.to_string(),
                        owner_kind.clone(),
                        owner_name.clone(),
                    ))
                    .or_insert_with(|| (kind.to_string(), name.to_string()));
            }
        }
    }

    /// The object's name, and its namespace (`default`, counted for a note, when left out),
    /// both checked against Kubernetes' naming rules.
    fn identify(
        &mut self,
        place: &Place<'_>,
        kind: &str,
        metadata: &RawMetadata,
        namespaced: bool,
    ) -> Result<(String, String), ManifestError> {
        let Some(name) = metadata.name.as_ref().filter(|n| !n.value.is_empty()) else {
            return Err(place.object_error(&format!("this {kind} has no metadata.name")));
        };
        let rule = if kind == "Namespace" {
            validate::dns1123_label(&name.value)
        } else {
            validate::dns1123_subdomain(&name.value)
        };
        rule.map_err(|rule| {
            place.error(
                name.referenced.line(),
                name.referenced.column(),
                &format!("{kind} name '{}' {rule}", name.value),
            )
        })?;
        let name = name.value.clone();
        let namespace = if namespaced {
            match metadata.namespace.as_ref().filter(|n| !n.value.is_empty()) {
                Some(namespace) => {
                    validate::dns1123_label(&namespace.value).map_err(|rule| {
                        place.error(
                            namespace.referenced.line(),
                            namespace.referenced.column(),
                            &format!("namespace '{}' {rule}", namespace.value),
                        )
                    })?;
                    namespace.value.clone()
                }
                None => {
                    self.tally.defaulted.push((
                        format!("{kind} {name}"),
                        place.path.to_string(),
                        place.line(),
                    ));
                    DEFAULT_NAMESPACE.to_string()
                }
            }
        } else {
            String::new()
        };
        let key = (kind.to_string(), namespace.clone(), name.clone());
        if let Some((first_path, first_line)) = self.defined.get(&key) {
            let shown = if namespaced {
                format!("{namespace}/{name}")
            } else {
                name
            };
            return Err(place.object_error(&format!(
                "{kind} {shown} is defined twice; the first is at {first_path}:{first_line}"
            )));
        }
        self.defined
            .insert(key, (place.path.to_string(), place.line()));
        if namespaced {
            self.used_namespaces
                .entry(namespace.clone())
                .or_insert_with(|| (place.path.to_string(), place.line()));
        }
        Ok((namespace, name))
    }

    fn namespace(&mut self, place: &Place<'_>, metadata: RawMetadata) -> Result<(), ManifestError> {
        let (_, name) = self.identify(place, "Namespace", &metadata, false)?;
        let labels = convert::labels(metadata.labels).map_err(|e| place.invalid(e))?;
        if labels
            .get(NAMESPACE_NAME_LABEL)
            .is_some_and(|value| *value != name)
        {
            self.note(
                place,
                format!("the API server sets {NAMESPACE_NAME_LABEL} to '{name}'; the value given is replaced"),
            );
        }
        self.declared_namespaces.insert(name.clone());
        self.cluster.add_namespace(Namespace::new(name, labels));
        Ok(())
    }

    fn workload(
        &mut self,
        place: &Place<'_>,
        kind: String,
        metadata: RawMetadata,
        spec: Option<super::raw::RawWorkloadSpec>,
    ) -> Result<(), ManifestError> {
        let (namespace, name) = self.identify(place, &kind, &metadata, true)?;
        self.owned_by(&namespace, &metadata, &kind, &name);
        let Some(mut template) = spec.and_then(|s| s.into_template()) else {
            return Err(place.object_error(&format!(
                "this {kind} has no pod template (spec.template{})",
                if kind == "CronJob" {
                    ", under spec.jobTemplate.spec"
                } else {
                    ""
                }
            )));
        };
        let labels = convert::labels(template.metadata.labels).map_err(|e| place.invalid(e))?;
        let ports =
            convert::container_ports(template.spec.as_mut()).map_err(|e| place.invalid(e))?;
        let host_network = template.spec.and_then(|s| s.host_network) == Some(true);
        self.workloads.push(Workload {
            kind,
            namespace,
            name,
            labels,
            ports,
            host_network,
            path: place.path.to_string(),
            line: place.line(),
        });
        Ok(())
    }

    fn policy(
        &mut self,
        place: &Place<'_>,
        metadata: RawMetadata,
        spec: Option<super::raw::RawPolicySpec>,
    ) -> Result<(), ManifestError> {
        let (namespace, name) = self.identify(place, "NetworkPolicy", &metadata, true)?;
        let spec = spec.unwrap_or_default();
        let pod_selector = convert::selector(spec.pod_selector.unwrap_or_default())
            .map_err(|e| place.invalid(e))?;
        let ingress = spec
            .ingress
            .unwrap_or_default()
            .into_iter()
            .map(|r| convert::rule(r.from, r.ports))
            .collect::<Result<Vec<Rule>, _>>()
            .map_err(|e| place.invalid(e))?;
        let egress = spec
            .egress
            .unwrap_or_default()
            .into_iter()
            .map(|r| convert::rule(r.to, r.ports))
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
}
