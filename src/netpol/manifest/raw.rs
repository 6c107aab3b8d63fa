//! The manifest fields we read, as serde types. Policy specs refuse unknown fields, as
//! `kubectl apply` does: a typo such as `matchLabel` would otherwise silently widen a selector to
//! everything. Names and labels keep their positions so that a value the API server would refuse
//! is reported at its `line:col`.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_saphyr::Spanned;

use crate::netpol::model::Protocol;
use crate::netpol::policy::PolicyType;
use crate::netpol::selector::Operator;

/// Only what decides how to read a document.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Probe {
    pub api_version: Option<String>,
    pub kind: Option<String>,
}

/// A label map with the position of every key and value, in the order written.
#[derive(Debug, Default)]
pub struct RawLabels(pub Vec<(Spanned<String>, Spanned<String>)>);

impl<'de> Deserialize<'de> for RawLabels {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LabelsVisitor;
        impl<'de> Visitor<'de> for LabelsVisitor {
            type Value = RawLabels;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping of label keys to string values")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawLabels, A::Error> {
                let mut pairs = Vec::new();
                while let Some(key) = map.next_key::<Spanned<String>>()? {
                    let value = map.next_value::<Spanned<String>>()?;
                    pairs.push((key, value));
                }
                Ok(RawLabels(pairs))
            }
        }
        deserializer.deserialize_map(LabelsVisitor)
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RawOwner {
    pub kind: Option<String>,
    pub name: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RawMetadata {
    pub name: Option<Spanned<String>>,
    pub namespace: Option<Spanned<String>>,
    pub labels: Option<RawLabels>,
    pub owner_references: Option<Vec<RawOwner>>,
}

#[derive(Debug, Deserialize)]
pub struct RawNamespace {
    #[serde(default)]
    pub metadata: RawMetadata,
}

#[derive(Debug, Deserialize)]
pub struct RawPod {
    #[serde(default)]
    pub metadata: RawMetadata,
    pub spec: Option<RawPodSpec>,
    pub status: Option<RawPodStatus>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RawPodSpec {
    pub containers: Option<Vec<RawContainer>>,
    pub host_network: Option<bool>,
}

#[derive(Debug, Deserialize)]
pub struct RawContainer {
    pub ports: Option<Vec<Spanned<RawContainerPort>>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RawContainerPort {
    pub name: Option<String>,
    pub container_port: i64,
    pub protocol: Option<Protocol>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RawPodStatus {
    #[serde(rename = "podIP")]
    pub pod_ip: Option<Spanned<String>>,
}

/// A Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job or CronJob: only
/// the pod template matters (`spec.template`, or `spec.jobTemplate.spec.template`).
#[derive(Debug, Deserialize)]
pub struct RawWorkload {
    #[serde(default)]
    pub metadata: RawMetadata,
    pub spec: Option<RawWorkloadSpec>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RawWorkloadSpec {
    pub template: Option<RawTemplate>,
    pub job_template: Option<Box<RawJobTemplate>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RawJobTemplate {
    pub spec: Option<RawWorkloadSpec>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RawTemplate {
    #[serde(default)]
    pub metadata: RawMetadata,
    pub spec: Option<RawPodSpec>,
}

impl RawWorkloadSpec {
    /// The pod template, through a CronJob's job template if there is one.
    pub fn into_template(self) -> Option<RawTemplate> {
        match self.template {
            Some(template) => Some(template),
            None => self
                .job_template
                .and_then(|job| job.spec)
                .and_then(RawWorkloadSpec::into_template),
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct RawPolicy {
    #[serde(default)]
    pub metadata: RawMetadata,
    pub spec: Option<RawPolicySpec>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RawPolicySpec {
    pub pod_selector: Option<RawSelector>,
    pub policy_types: Option<Vec<PolicyType>>,
    pub ingress: Option<Vec<RawIngressRule>>,
    pub egress: Option<Vec<RawEgressRule>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIngressRule {
    pub from: Option<Vec<Spanned<RawPeer>>>,
    pub ports: Option<Vec<Spanned<RawPort>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEgressRule {
    pub to: Option<Vec<Spanned<RawPeer>>>,
    pub ports: Option<Vec<Spanned<RawPort>>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RawPeer {
    pub pod_selector: Option<RawSelector>,
    pub namespace_selector: Option<RawSelector>,
    pub ip_block: Option<RawIpBlock>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIpBlock {
    pub cidr: Spanned<String>,
    pub except: Option<Vec<Spanned<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum IntOrString {
    Int(i64),
    String(String),
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RawPort {
    pub protocol: Option<Protocol>,
    pub port: Option<Spanned<IntOrString>>,
    pub end_port: Option<Spanned<i64>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RawSelector {
    pub match_labels: Option<RawLabels>,
    pub match_expressions: Option<Vec<Spanned<RawRequirement>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRequirement {
    pub key: Spanned<String>,
    pub operator: Operator,
    pub values: Option<Vec<Spanned<String>>>,
}
