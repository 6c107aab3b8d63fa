//! Which kinds are read and how: a document's `kind` and `apiVersion` decide its [`Class`], and
//! every object, whether a document of its own or an item of a `List`, becomes an [`Object`].

use std::fmt;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_saphyr::Spanned;

use super::raw::{RawMetadata, RawPodSpec, RawPodStatus, RawPolicySpec, RawWorkloadSpec};

/// Kinds whose pod template becomes one representative pod, and their apiVersion.
pub const WORKLOADS: &[(&str, &str)] = &[
    ("Deployment", "apps/v1"),
    ("StatefulSet", "apps/v1"),
    ("DaemonSet", "apps/v1"),
    ("ReplicaSet", "apps/v1"),
    ("ReplicationController", "v1"),
    ("Job", "batch/v1"),
    ("CronJob", "batch/v1"),
];

/// How a document or list item is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Class {
    Namespace,
    Pod,
    Policy,
    Workload,
    /// `List` or any `*List` kind (`PodList`, `NetworkPolicyList`, ...): its `items` are read.
    List,
    /// A kind we read, written with an apiVersion the API server does not serve it under.
    WrongApiVersion {
        expected: &'static str,
    },
    /// A NetworkPolicy of another API group (Calico's, Cilium's): other semantics.
    ForeignPolicy,
    /// A kind that plays no part in NetworkPolicy (Service, ConfigMap, ...).
    Ignored,
}

/// The class of `kind` under `api_version` (a missing apiVersion is taken as the right one).
pub fn classify(kind: &str, api_version: Option<&str>) -> Class {
    let expected = match kind {
        "Namespace" | "Pod" => "v1",
        "NetworkPolicy" => "networking.k8s.io/v1",
        _ => match WORKLOADS.iter().find(|(name, _)| *name == kind) {
            Some((_, version)) => version,
            None if kind == "List" || kind.ends_with("List") => return Class::List,
            None => return Class::Ignored,
        },
    };
    if api_version.is_some_and(|v| v != expected) {
        return if kind == "NetworkPolicy" {
            Class::ForeignPolicy
        } else {
            Class::WrongApiVersion { expected }
        };
    }
    match kind {
        "Namespace" => Class::Namespace,
        "Pod" => Class::Pod,
        "NetworkPolicy" => Class::Policy,
        _ => Class::Workload,
    }
}

/// One object, with the parts its kind needs.
#[derive(Debug)]
pub enum Object {
    Namespace(RawMetadata),
    Pod {
        metadata: RawMetadata,
        spec: Option<RawPodSpec>,
        status: Option<RawPodStatus>,
    },
    Policy {
        metadata: RawMetadata,
        spec: Option<RawPolicySpec>,
    },
    Workload {
        kind: String,
        metadata: RawMetadata,
        spec: Option<RawWorkloadSpec>,
    },
    /// Not read, for the reason its class gives.
    Skipped {
        kind: String,
        api_version: Option<String>,
        class: Class,
    },
}

/// A document whose kind is a list.
#[derive(Debug, Deserialize)]
pub struct RawList {
    pub items: Option<Vec<Spanned<RawItem>>>,
}

/// One item of a list. Items have no document of their own to probe for the kind first, so the
/// kind is read as the mapping is walked and decides how `spec` is read. `kubectl` writes `kind`
/// before `spec` (as does everyone by hand); the other order is refused with a message.
#[derive(Debug)]
pub struct RawItem(pub Result<Object, String>);

#[derive(Default)]
struct ItemParts {
    api_version: Option<String>,
    kind: Option<String>,
    metadata: Option<RawMetadata>,
    pod_spec: Option<RawPodSpec>,
    status: Option<RawPodStatus>,
    policy_spec: Option<RawPolicySpec>,
    workload_spec: Option<RawWorkloadSpec>,
    spec_before_kind: bool,
}

impl<'de> Deserialize<'de> for RawItem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ItemVisitor)
    }
}

struct ItemVisitor;

impl<'de> Visitor<'de> for ItemVisitor {
    type Value = RawItem;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Kubernetes object (a mapping with kind, metadata and spec)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawItem, A::Error> {
        let mut parts = ItemParts::default();
        while let Some(key) = map.next_key::<String>()? {
            let class = parts
                .kind
                .as_deref()
                .map(|kind| classify(kind, parts.api_version.as_deref()));
            match key.as_str() {
                "apiVersion" => parts.api_version = Some(map.next_value()?),
                "kind" => parts.kind = Some(map.next_value()?),
                "metadata" => parts.metadata = Some(map.next_value()?),
                "spec" => match class {
                    None => {
                        parts.spec_before_kind = true;
                        map.next_value::<IgnoredAny>()?;
                    }
                    Some(Class::Pod) => parts.pod_spec = Some(map.next_value()?),
                    Some(Class::Policy) => parts.policy_spec = Some(map.next_value()?),
                    Some(Class::Workload) => parts.workload_spec = Some(map.next_value()?),
                    Some(_) => {
                        map.next_value::<IgnoredAny>()?;
                    }
                },
                "status" if parts.kind.as_deref() == Some("Pod") => {
                    parts.status = Some(map.next_value()?);
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(RawItem(parts.into_object()))
    }
}

impl ItemParts {
    fn into_object(self) -> Result<Object, String> {
        let Some(kind) = self.kind else {
            return Err("this list item has no `kind`".into());
        };
        let class = classify(&kind, self.api_version.as_deref());
        let reads_spec = matches!(class, Class::Pod | Class::Policy | Class::Workload);
        if self.spec_before_kind && reads_spec {
            return Err(format!(
                "this {kind} gives `spec` before `kind`; in list items write `kind` first (as kubectl does)"
            ));
        }
        let metadata = self.metadata.unwrap_or_default();
        Ok(match class {
            Class::Namespace => Object::Namespace(metadata),
            Class::Pod => Object::Pod {
                metadata,
                spec: self.pod_spec,
                status: self.status,
            },
            Class::Policy => Object::Policy {
                metadata,
                spec: self.policy_spec,
            },
            Class::Workload => Object::Workload {
                kind,
                metadata,
                spec: self.workload_spec,
            },
            class => Object::Skipped {
                kind,
                api_version: self.api_version,
                class,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_classified_with_their_api_version() {
        assert_eq!(classify("Pod", Some("v1")), Class::Pod);
        assert_eq!(classify("Pod", None), Class::Pod);
        assert_eq!(
            classify("Pod", Some("apps/v1")),
            Class::WrongApiVersion { expected: "v1" }
        );
        assert_eq!(classify("Deployment", Some("apps/v1")), Class::Workload);
        assert_eq!(
            classify("Deployment", Some("v1")),
            Class::WrongApiVersion {
                expected: "apps/v1"
            }
        );
        assert_eq!(classify("CronJob", Some("batch/v1")), Class::Workload);
        assert_eq!(classify("PodList", Some("v1")), Class::List);
        assert_eq!(classify("List", Some("v1")), Class::List);
        assert_eq!(
            classify("NetworkPolicy", Some("crd.projectcalico.org/v1")),
            Class::ForeignPolicy
        );
        assert_eq!(classify("Service", Some("v1")), Class::Ignored);
    }
}
