//! The cluster a policy question is asked about: namespaces, pods and their container ports.
//!
//! Only what NetworkPolicy evaluation reads is modelled: names, labels, the pod IP (for `ipBlock`)
//! and container ports (for named ports).

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

use serde::Deserialize;

use super::policy::NetworkPolicy;

/// Labels of a namespace or pod, sorted so that output is stable.
pub type Labels = BTreeMap<String, String>;

/// The label the API server puts on every namespace (Kubernetes 1.21+), set to the namespace's
/// name; `namespaceSelector` relies on it to pick a namespace by name.
pub const NAMESPACE_NAME_LABEL: &str = "kubernetes.io/metadata.name";

/// A layer-4 protocol of NetworkPolicy. Kubernetes spells them in capitals; TCP is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Deserialize)]
pub enum Protocol {
    #[default]
    #[serde(rename = "TCP")]
    Tcp,
    #[serde(rename = "UDP")]
    Udp,
    #[serde(rename = "SCTP")]
    Sctp,
}

impl fmt::Display for Protocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Protocol::Tcp => "TCP",
            Protocol::Udp => "UDP",
            Protocol::Sctp => "SCTP",
        })
    }
}

/// Why a protocol name was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a protocol; use TCP, UDP or SCTP")]
pub struct UnknownProtocol(pub String);

impl FromStr for Protocol {
    type Err = UnknownProtocol;

    /// Case-insensitive, for the command line; manifests are read strictly by serde.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.to_ascii_uppercase().as_str() {
            "TCP" => Ok(Protocol::Tcp),
            "UDP" => Ok(Protocol::Udp),
            "SCTP" => Ok(Protocol::Sctp),
            _ => Err(UnknownProtocol(text.to_string())),
        }
    }
}

/// A namespace and its labels, `kubernetes.io/metadata.name` included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Namespace {
    pub name: String,
    pub labels: Labels,
}

impl Namespace {
    /// A namespace with the given labels plus the automatic `kubernetes.io/metadata.name`, which
    /// the API server always sets to the name (overriding any value a manifest gives).
    pub fn new(name: impl Into<String>, mut labels: Labels) -> Self {
        let name = name.into();
        labels.insert(NAMESPACE_NAME_LABEL.to_string(), name.clone());
        Self { name, labels }
    }
}

/// A port a container declares; named ports in policies are resolved against these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContainerPort {
    pub name: Option<String>,
    pub number: u16,
    pub protocol: Protocol,
}

/// A pod: where it lives, its labels, its IP (from `status.podIP`) and its container ports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pod {
    pub namespace: String,
    pub name: String,
    pub labels: Labels,
    pub ip: Option<IpAddr>,
    pub ports: Vec<ContainerPort>,
}

impl Pod {
    pub fn pod_ref(&self) -> PodRef {
        PodRef::new(&self.namespace, &self.name)
    }

    /// The number of the container port with this name and protocol, if the pod declares one.
    pub fn named_port(&self, name: &str, protocol: Protocol) -> Option<u16> {
        self.ports
            .iter()
            .find(|port| port.name.as_deref() == Some(name) && port.protocol == protocol)
            .map(|port| port.number)
    }
}

/// A pod named as `namespace/name` (in RON and on the command line too).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(try_from = "String")]
pub struct PodRef {
    pub namespace: String,
    pub name: String,
}

impl PodRef {
    pub fn new(namespace: impl Into<String>, name: impl Into<String>) -> Self {
        Self {
            namespace: namespace.into(),
            name: name.into(),
        }
    }

    /// An address outside the cluster, as an end of a connection: no namespace, the IP as name.
    pub fn external(ip: IpAddr) -> Self {
        Self::new("", ip.to_string())
    }

    /// The IP, when this names an address outside the cluster rather than a pod.
    pub fn external_ip(&self) -> Option<IpAddr> {
        if self.namespace.is_empty() {
            self.name.parse().ok()
        } else {
            None
        }
    }

    pub fn is_external(&self) -> bool {
        self.external_ip().is_some()
    }
}

impl fmt::Display for PodRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.namespace.is_empty() {
            f.write_str(&self.name)
        } else {
            write!(f, "{}/{}", self.namespace, self.name)
        }
    }
}

/// Why a `NS/POD` text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "'{0}' is not NAMESPACE/NAME of a pod or workload (for example frontend/web) or an IP address outside the cluster"
)]
pub struct BadPodRef(pub String);

impl TryFrom<String> for PodRef {
    type Error = BadPodRef;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl FromStr for PodRef {
    type Err = BadPodRef;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if let Ok(ip) = text.trim().parse::<IpAddr>() {
            return Ok(PodRef::external(ip));
        }
        match text.split_once('/') {
            Some((namespace, name))
                if !namespace.is_empty() && !name.is_empty() && !name.contains('/') =>
            {
                Ok(PodRef::new(namespace, name))
            }
            _ => Err(BadPodRef(text.to_string())),
        }
    }
}

/// Everything evaluation looks at: namespaces by name, pods and policies in input order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cluster {
    namespaces: BTreeMap<String, Namespace>,
    pods: Vec<Pod>,
    /// Where each pod is in `pods`, so that a lookup costs no scan of thousands of pods.
    pod_index: HashMap<PodRef, usize>,
    /// Workloads whose pods were read, each leading to one of them.
    aliases: HashMap<PodRef, usize>,
    policies: Vec<NetworkPolicy>,
}

impl Cluster {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds or replaces a namespace.
    pub fn add_namespace(&mut self, namespace: Namespace) {
        self.namespaces.insert(namespace.name.clone(), namespace);
    }

    /// Creates a namespace with only its automatic label unless it exists; true if it was created.
    pub fn ensure_namespace(&mut self, name: &str) -> bool {
        if self.namespaces.contains_key(name) {
            return false;
        }
        self.add_namespace(Namespace::new(name, Labels::new()));
        true
    }

    /// Adds a pod, creating its namespace implicitly if needed.
    pub fn add_pod(&mut self, pod: Pod) {
        self.ensure_namespace(&pod.namespace);
        self.pod_index
            .entry(pod.pod_ref())
            .or_insert(self.pods.len());
        self.pods.push(pod);
    }

    /// Adds a policy, creating its namespace implicitly if needed.
    pub fn add_policy(&mut self, policy: NetworkPolicy) {
        self.ensure_namespace(&policy.namespace);
        self.policies.push(policy);
    }

    pub fn namespace(&self, name: &str) -> Option<&Namespace> {
        self.namespaces.get(name)
    }

    pub fn namespaces(&self) -> impl Iterator<Item = &Namespace> {
        self.namespaces.values()
    }

    pub fn pod(&self, pod: &PodRef) -> Option<&Pod> {
        self.pod_position(pod).map(|index| &self.pods[index])
    }

    /// The pod's position in [`Self::pods`]; a workload's name gives one of its pods.
    pub fn pod_position(&self, pod: &PodRef) -> Option<usize> {
        self.pod_index
            .get(pod)
            .or_else(|| self.aliases.get(pod))
            .copied()
    }

    /// Lets `name` (a workload whose pods were read) stand for the pod `target`; false when the
    /// name is a pod's already or the target is unknown.
    pub fn add_alias(&mut self, name: PodRef, target: &PodRef) -> bool {
        match self.pod_index.get(target).copied() {
            Some(position) if !self.pod_index.contains_key(&name) => {
                self.aliases.insert(name, position);
                true
            }
            _ => false,
        }
    }

    /// Pods in input order.
    pub fn pods(&self) -> &[Pod] {
        &self.pods
    }

    /// Policies in input order (order never changes a verdict: policies are additive).
    pub fn policies(&self) -> &[NetworkPolicy] {
        &self.policies
    }
}
