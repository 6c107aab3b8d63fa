//! NetworkPolicy (`networking.k8s.io/v1`) as evaluation sees it, after the API server's defaulting.

use std::fmt;
use std::net::IpAddr;

use ipnet::IpNet;
use serde::Deserialize;

use super::model::{Pod, Protocol};
use super::selector::LabelSelector;

/// A direction a policy can isolate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub enum PolicyType {
    Ingress,
    Egress,
}

impl fmt::Display for PolicyType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PolicyType::Ingress => "ingress",
            PolicyType::Egress => "egress",
        })
    }
}

/// A policy after defaulting: `policy_types` is never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkPolicy {
    pub namespace: String,
    pub name: String,
    /// The pods of `namespace` the policy applies to; `{}` selects them all.
    pub pod_selector: LabelSelector,
    pub policy_types: Vec<PolicyType>,
    /// True when `policyTypes` was missing (or empty) and Kubernetes' default was applied.
    pub policy_types_defaulted: bool,
    pub ingress: Vec<Rule>,
    pub egress: Vec<Rule>,
}

impl NetworkPolicy {
    /// Builds a policy the way the API server stores it: when `declared_types` is `None` or empty,
    /// the policy gets `Ingress`, plus `Egress` if it has at least one egress rule
    /// (`SetDefaults_NetworkPolicy` in Kubernetes). So `egress: []` adds no Egress type, but
    /// `egress: [{}]` does.
    pub fn new(
        namespace: impl Into<String>,
        name: impl Into<String>,
        pod_selector: LabelSelector,
        declared_types: Option<Vec<PolicyType>>,
        ingress: Vec<Rule>,
        egress: Vec<Rule>,
    ) -> Self {
        let declared = declared_types.filter(|types| !types.is_empty());
        let policy_types_defaulted = declared.is_none();
        let policy_types = declared.unwrap_or_else(|| {
            let mut types = vec![PolicyType::Ingress];
            if !egress.is_empty() {
                types.push(PolicyType::Egress);
            }
            types
        });
        Self {
            namespace: namespace.into(),
            name: name.into(),
            pod_selector,
            policy_types,
            policy_types_defaulted,
            ingress,
            egress,
        }
    }

    pub fn has_type(&self, direction: PolicyType) -> bool {
        self.policy_types.contains(&direction)
    }

    /// Whether this policy isolates `pod` in `direction`.
    pub fn selects(&self, pod: &Pod, direction: PolicyType) -> bool {
        self.has_type(direction)
            && pod.namespace == self.namespace
            && self.pod_selector.matches(&pod.labels)
    }

    pub fn rules(&self, direction: PolicyType) -> &[Rule] {
        match direction {
            PolicyType::Ingress => &self.ingress,
            PolicyType::Egress => &self.egress,
        }
    }

    pub fn id(&self) -> PolicyId {
        PolicyId {
            namespace: self.namespace.clone(),
            name: self.name.clone(),
        }
    }
}

/// A policy named as `namespace/name`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PolicyId {
    pub namespace: String,
    pub name: String,
}

impl fmt::Display for PolicyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.namespace, self.name)
    }
}

/// One ingress or egress rule. An empty `peers` (a missing or empty `from`/`to`) matches every
/// peer; an empty `ports` matches every port and protocol.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rule {
    pub peers: Vec<Peer>,
    pub ports: Vec<PolicyPort>,
}

/// One `from`/`to` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Peer {
    /// Only `podSelector`: matching pods in the policy's own namespace.
    Pods(LabelSelector),
    /// Only `namespaceSelector`: every pod in the matching namespaces (`{}`: all namespaces).
    Namespaces(LabelSelector),
    /// Both in one entry: pods matching `pods` in namespaces matching `namespaces` (an AND).
    PodsInNamespaces {
        namespaces: LabelSelector,
        pods: LabelSelector,
    },
    IpBlock(IpBlock),
}

impl fmt::Display for Peer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Peer::Pods(pods) => write!(f, "podSelector {pods} in the policy's namespace"),
            Peer::Namespaces(namespaces) => write!(f, "namespaceSelector {namespaces}"),
            Peer::PodsInNamespaces { namespaces, pods } => {
                write!(f, "namespaceSelector {namespaces} AND podSelector {pods}")
            }
            Peer::IpBlock(block) => write!(f, "{block}"),
        }
    }
}

/// Why an `ipBlock` was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IpBlockError {
    #[error("except {except} is not inside cidr {cidr}")]
    ExceptOutsideCidr { cidr: IpNet, except: IpNet },
}

/// An `ipBlock`: addresses in `cidr` but in none of `except`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IpBlock {
    pub cidr: IpNet,
    pub except: Vec<IpNet>,
}

impl IpBlock {
    /// Kubernetes requires every `except` to lie inside `cidr` (same address family included).
    pub fn new(cidr: IpNet, except: Vec<IpNet>) -> Result<Self, IpBlockError> {
        let cidr = cidr.trunc();
        let except: Vec<IpNet> = except.into_iter().map(|e| e.trunc()).collect();
        if let Some(bad) = except.iter().find(|e| !cidr.contains(*e)) {
            return Err(IpBlockError::ExceptOutsideCidr { cidr, except: *bad });
        }
        Ok(Self { cidr, except })
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        self.cidr.contains(&ip) && !self.except.iter().any(|e| e.contains(&ip))
    }
}

impl fmt::Display for IpBlock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ipBlock {}", self.cidr)?;
        if !self.except.is_empty() {
            let except: Vec<String> = self.except.iter().map(ToString::to_string).collect();
            write!(f, " except {}", except.join(", "))?;
        }
        Ok(())
    }
}

/// The port part of a `ports` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PortSpec {
    /// `port`, or the range `port`..=`end_port` when `endPort` is given.
    Number { port: u16, end_port: Option<u16> },
    /// A named port, resolved against the destination pod's container ports.
    Name(String),
}

/// One `ports` entry: a protocol (TCP when left out) and optionally a port; no port means every
/// port of that protocol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyPort {
    pub protocol: Protocol,
    pub port: Option<PortSpec>,
}

impl PolicyPort {
    pub fn number(protocol: Protocol, port: u16) -> Self {
        Self {
            protocol,
            port: Some(PortSpec::Number {
                port,
                end_port: None,
            }),
        }
    }

    /// Whether a connection to `port`/`protocol` of `destination` falls in this entry. A named
    /// port matches only if the destination pod declares a container port of that name and
    /// protocol with that number; pods that lack the name are simply not matched.
    pub fn matches(&self, destination: &Pod, port: u16, protocol: Protocol) -> bool {
        if protocol != self.protocol {
            return false;
        }
        match &self.port {
            None => true,
            Some(PortSpec::Number {
                port: first,
                end_port,
            }) => (*first..=end_port.unwrap_or(*first)).contains(&port),
            Some(PortSpec::Name(name)) => destination.named_port(name, protocol) == Some(port),
        }
    }
}

impl fmt::Display for PolicyPort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.port {
            None => write!(f, "every {} port", self.protocol),
            Some(PortSpec::Number {
                port,
                end_port: None,
            }) => write!(f, "{} {port}", self.protocol),
            Some(PortSpec::Number {
                port,
                end_port: Some(end),
            }) => write!(f, "{} {port}-{end}", self.protocol),
            Some(PortSpec::Name(name)) => write!(f, "{} port named {name}", self.protocol),
        }
    }
}
