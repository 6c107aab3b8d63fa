//! Evaluation of one connection `source pod -> destination pod:port/protocol`, and of the
//! reachability matrix of all pod pairs.
//!
//! A connection is allowed when both sides allow it: the destination's ingress and the source's
//! egress. A side is open unless at least one policy selects the pod for that direction
//! ("isolated"); an isolated side lets the connection through if any rule of any selecting policy
//! matches it (policies are additive; their order never matters). Replies need no rule.

use std::borrow::Cow;
use std::fmt;
use std::net::IpAddr;

use serde::Deserialize;

use super::model::{Cluster, Pod, PodRef, Protocol};
use super::policy::{NetworkPolicy, Peer, PolicyId, PolicyType, Rule};
pub use super::port::{BadPort, PortRef};

/// Which policy engine enforces the policies; they differ on `ipBlock`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub enum Engine {
    /// Calico or Azure NPM: an `ipBlock` matches any address in it, pod IPs included.
    #[default]
    Standard,
    /// Azure CNI Powered by Cilium. Microsoft documents that on it "network policies cannot use
    /// ipBlock to allow access to node or pod IPs" (MicrosoftDocs/azure-aks-docs,
    /// `articles/aks/azure-cni-powered-by-cilium.md`, Limitations): Cilium identifies pods by
    /// identity, not address, so an `ipBlock` never selects a pod here.
    Cilium,
}

impl fmt::Display for Engine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Engine::Standard => "standard",
            Engine::Cilium => "cilium",
        })
    }
}

/// A question: may `from` open a connection to `port`/`protocol` on `to`?
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Connection {
    pub from: PodRef,
    pub to: PodRef,
    pub port: PortRef,
    #[serde(default)]
    pub protocol: Protocol,
}

/// Why a connection could not be evaluated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EvalError {
    #[error("no pod or workload {0} in the manifests")]
    UnknownPod(PodRef),
    #[error("both ends are outside the cluster: NetworkPolicy has nothing to say")]
    BothOutside,
    #[error("pod {pod} has no {protocol} container port named '{name}'")]
    UnknownPortName {
        pod: PodRef,
        name: String,
        protocol: Protocol,
    },
    /// Out of scope on purpose: Kubernetes leaves traffic from a pod to itself (through its own
    /// IP, or through a Service that sends it back) to the implementation, and engines disagree:
    /// some always allow it, some apply the pod's own policies (AKS itself lists, among the
    /// limitations of Azure CNI Powered by Cilium, that policies may be enforced on reply packets
    /// when a pod connects to itself via a service cluster IP, Cilium issue #19406). No answer
    /// here would be right for every cluster.
    #[error(
        "traffic from {0} to itself is out of scope: Kubernetes leaves it to the network plugin, and plugins disagree"
    )]
    SelfTraffic(PodRef),
}

/// The rule entry that matched, or the fact that the rule had no entries at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Matched<T> {
    /// The list was missing or empty, which matches everything.
    Any,
    /// Entry `index` of the list matched.
    Entry { index: usize, text: T },
}

/// A rule that let the connection through on one side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleMatch {
    pub policy: PolicyId,
    pub direction: PolicyType,
    /// Index in the policy's `ingress` or `egress` list.
    pub rule_index: usize,
    /// The `from`/`to` entry that matched, described.
    pub peer: Matched<String>,
    /// True when the peer matched through an `ipBlock` containing the pod's IP; on Azure CNI
    /// Powered by Cilium that would not happen.
    pub by_ip_block: bool,
    /// The `ports` entry that matched, described.
    pub port: Matched<String>,
}

/// An `ipBlock` that contains the peer pod's IP but was not applied because of the engine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IgnoredIpBlock {
    pub policy: PolicyId,
    pub rule_index: usize,
    pub peer_index: usize,
    pub block: String,
    pub ip: IpAddr,
}

/// An `ipBlock` that would decide the side if the peer pod's IP were known: the manifests give
/// no `status.podIP` (a workload's representative pod never has one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownIp {
    pub policy: PolicyId,
    pub rule_index: usize,
    pub peer_index: usize,
    pub block: String,
}

/// The verdict of one side (the destination's ingress or the source's egress).
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub struct SideVerdict {
    pub direction: PolicyType,
    /// The pod whose policies decide this side: the destination for ingress, the source for
    /// egress.
    pub subject: PodRef,
    /// The other end of the connection.
    pub peer: PodRef,
    /// Policies that select `subject` for `direction`; empty means not isolated.
    pub selecting: Vec<PolicyId>,
    /// Every rule that allows the connection (all of them, not just the first, for teaching).
    pub allowed_by: Vec<RuleMatch>,
    /// `ipBlock`s that would have matched on a standard engine but do not on Cilium.
    pub ignored_ip_blocks: Vec<IgnoredIpBlock>,
    /// `ipBlock`s whose match is unknown because the peer's IP is.
    pub unknown_ips: Vec<UnknownIp>,
}

impl SideVerdict {
    pub fn isolated(&self) -> bool {
        !self.selecting.is_empty()
    }

    pub fn allowed(&self) -> bool {
        !self.isolated() || !self.allowed_by.is_empty()
    }

    /// Allowed, or allowed if the peer's unknown IP falls in one of [`Self::unknown_ips`].
    pub fn maybe_allowed(&self) -> bool {
        self.allowed() || !self.unknown_ips.is_empty()
    }
}

/// The verdict on a connection, with the reasons of both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub struct Verdict {
    pub from: PodRef,
    pub to: PodRef,
    /// The port number, after resolving a named port.
    pub port: u16,
    /// The name asked for, if the question named the port.
    pub port_name: Option<String>,
    pub protocol: Protocol,
    pub engine: Engine,
    pub ingress: SideVerdict,
    pub egress: SideVerdict,
}

impl Verdict {
    /// Allowed for sure. When [`Self::undecided`], this is false but may be wrong.
    pub fn allowed(&self) -> bool {
        self.ingress.allowed() && self.egress.allowed()
    }

    /// Denied as far as the manifests tell, but an `ipBlock` would allow it if a pod's unknown IP
    /// falls in it: the answer depends on an IP the manifests do not give.
    pub fn undecided(&self) -> bool {
        !self.allowed() && self.ingress.maybe_allowed() && self.egress.maybe_allowed()
    }
}

/// Evaluates one connection.
pub fn evaluate(
    cluster: &Cluster,
    engine: Engine,
    connection: &Connection,
) -> Result<Verdict, EvalError> {
    let source = find_pod(cluster, &connection.from)?;
    let destination = find_pod(cluster, &connection.to)?;
    let same_pod = match (&source, &destination) {
        (Cow::Borrowed(a), Cow::Borrowed(b)) => std::ptr::eq(*a, *b),
        _ => connection.from == connection.to,
    };
    if same_pod {
        return Err(EvalError::SelfTraffic(connection.from.clone()));
    }
    if matches!((&source, &destination), (Cow::Owned(_), Cow::Owned(_))) {
        return Err(EvalError::BothOutside);
    }
    let (source, destination) = (source.as_ref(), destination.as_ref());
    let (port, port_name) = match &connection.port {
        PortRef::Number(number) => (*number, None),
        PortRef::Name(name) => match destination.named_port(name, connection.protocol) {
            Some(number) => (number, Some(name.clone())),
            None => {
                return Err(EvalError::UnknownPortName {
                    pod: connection.to.clone(),
                    name: name.clone(),
                    protocol: connection.protocol,
                });
            }
        },
    };
    let question = Question {
        cluster,
        engine,
        source,
        destination,
        port,
        protocol: connection.protocol,
    };
    Ok(Verdict {
        from: connection.from.clone(),
        to: connection.to.clone(),
        port,
        port_name,
        protocol: connection.protocol,
        engine,
        ingress: question.side(PolicyType::Ingress),
        egress: question.side(PolicyType::Egress),
    })
}

/// The pod, or for an address outside the cluster a stand-in with that IP, no labels and no
/// namespace: no selector can pick it, only an `ipBlock`. An address that is a known pod's IP is
/// that pod: its policies apply.
fn find_pod<'a>(cluster: &'a Cluster, pod: &PodRef) -> Result<Cow<'a, Pod>, EvalError> {
    if let Some(ip) = pod.external_ip() {
        if let Some(known) = cluster.pods().iter().find(|p| p.ip == Some(ip)) {
            return Ok(Cow::Borrowed(known));
        }
        return Ok(Cow::Owned(Pod {
            namespace: String::new(),
            name: pod.name.clone(),
            labels: Default::default(),
            ip: Some(ip),
            ports: Vec::new(),
        }));
    }
    cluster
        .pod(pod)
        .map(Cow::Borrowed)
        .ok_or_else(|| EvalError::UnknownPod(pod.clone()))
}

/// A connection with its pods looked up and its port resolved.
struct Question<'a> {
    cluster: &'a Cluster,
    engine: Engine,
    source: &'a Pod,
    destination: &'a Pod,
    port: u16,
    protocol: Protocol,
}

impl Question<'_> {
    fn side(&self, direction: PolicyType) -> SideVerdict {
        let (subject, peer) = match direction {
            PolicyType::Ingress => (self.destination, self.source),
            PolicyType::Egress => (self.source, self.destination),
        };
        let mut verdict = SideVerdict {
            direction,
            subject: subject.pod_ref(),
            peer: peer.pod_ref(),
            selecting: Vec::new(),
            allowed_by: Vec::new(),
            ignored_ip_blocks: Vec::new(),
            unknown_ips: Vec::new(),
        };
        for policy in self.cluster.policies() {
            if !policy.selects(subject, direction) {
                continue;
            }
            verdict.selecting.push(policy.id());
            for (rule_index, rule) in policy.rules(direction).iter().enumerate() {
                self.apply_rule(policy, direction, rule_index, rule, peer, &mut verdict);
            }
        }
        verdict
    }

    fn apply_rule(
        &self,
        policy: &NetworkPolicy,
        direction: PolicyType,
        rule_index: usize,
        rule: &Rule,
        peer: &Pod,
        verdict: &mut SideVerdict,
    ) {
        // Ports always describe the destination, for ingress and egress rules alike.
        let port = if rule.ports.is_empty() {
            Matched::Any
        } else {
            match rule
                .ports
                .iter()
                .position(|p| p.matches(self.destination, self.port, self.protocol))
            {
                Some(index) => Matched::Entry {
                    index,
                    text: rule.ports[index].to_string(),
                },
                None => return,
            }
        };
        let mut matched_peer = None;
        let mut unknown = Vec::new();
        if rule.peers.is_empty() {
            matched_peer = Some((Matched::Any, false));
        }
        for (peer_index, entry) in rule.peers.iter().enumerate() {
            if matched_peer.is_some() {
                break;
            }
            match entry {
                Peer::IpBlock(block) => {
                    if peer.ip.is_none() && self.engine == Engine::Standard {
                        unknown.push(UnknownIp {
                            policy: policy.id(),
                            rule_index,
                            peer_index,
                            block: block.to_string(),
                        });
                        continue;
                    }
                    let Some(ip) = peer.ip.filter(|ip| block.contains(*ip)) else {
                        continue;
                    };
                    if self.engine == Engine::Cilium {
                        verdict.ignored_ip_blocks.push(IgnoredIpBlock {
                            policy: policy.id(),
                            rule_index,
                            peer_index,
                            block: block.to_string(),
                            ip,
                        });
                        continue;
                    }
                    matched_peer = Some((entry_text(peer_index, entry), true));
                }
                _ if self.peer_selected(policy, entry, peer) => {
                    matched_peer = Some((entry_text(peer_index, entry), false));
                }
                _ => {}
            }
        }
        if matched_peer.is_none() {
            verdict.unknown_ips.extend(unknown);
        }
        if let Some((peer_match, by_ip_block)) = matched_peer {
            verdict.allowed_by.push(RuleMatch {
                policy: policy.id(),
                direction,
                rule_index,
                peer: peer_match,
                by_ip_block,
                port,
            });
        }
    }

    /// Whether a selector peer (not an `ipBlock`) of `policy` selects `pod`.
    fn peer_selected(&self, policy: &NetworkPolicy, entry: &Peer, pod: &Pod) -> bool {
        let namespace_labels = self.cluster.namespace(&pod.namespace).map(|n| &n.labels);
        let namespace_matches = |selector: &super::selector::LabelSelector| {
            namespace_labels.is_some_and(|labels| selector.matches(labels))
        };
        match entry {
            Peer::Pods(pods) => pod.namespace == policy.namespace && pods.matches(&pod.labels),
            Peer::Namespaces(namespaces) => namespace_matches(namespaces),
            Peer::PodsInNamespaces { namespaces, pods } => {
                namespace_matches(namespaces) && pods.matches(&pod.labels)
            }
            Peer::IpBlock(_) => false,
        }
    }
}

fn entry_text(index: usize, entry: &Peer) -> Matched<String> {
    Matched::Entry {
        index,
        text: entry.to_string(),
    }
}
