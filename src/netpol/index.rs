//! Everything the all-pairs questions (`matrix`, `list`, the explorer) need, computed once per
//! cluster: which policies isolate each pod, and for every rule the set of pods its peers select.
//! With these, a cell costs a few bit lookups instead of a pass over every policy, so the cost
//! grows with the pairs, not with pairs × policies.

use std::collections::HashMap;

use super::eval::Engine;
use super::model::{Cluster, Pod, Protocol};
use super::policy::{Peer, PolicyPort, PolicyType, PortSpec, Rule};
use super::selector::LabelSelector;

/// A set of pod positions (in [`Cluster::pods`] order) as bits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PodSet(Vec<u64>);

impl PodSet {
    pub fn empty(pods: usize) -> Self {
        Self(vec![0; pods.div_ceil(64)])
    }

    pub fn full(pods: usize) -> Self {
        let mut set = Self::empty(pods);
        for index in 0..pods {
            set.insert(index);
        }
        set
    }

    pub fn insert(&mut self, index: usize) {
        self.0[index / 64] |= 1 << (index % 64);
    }

    pub fn contains(&self, index: usize) -> bool {
        self.0[index / 64] & (1 << (index % 64)) != 0
    }

    pub fn union_with(&mut self, other: &PodSet) {
        for (word, more) in self.0.iter_mut().zip(&other.0) {
            *word |= more;
        }
    }

    /// Adds the pods in both `a` and `b`.
    pub fn union_with_both(&mut self, a: &PodSet, b: &PodSet) {
        for ((word, x), y) in self.0.iter_mut().zip(&a.0).zip(&b.0) {
            *word |= x & y;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }
}

/// One ingress or egress rule of one policy, with the pods its peers select.
#[derive(Debug, Clone)]
pub struct IndexedRule<'a> {
    pub policy: usize,
    pub rule_index: usize,
    pub rule: &'a Rule,
    /// Pods the rule's peers certainly select.
    pub peers: PodSet,
    /// Pods without a known IP that one of the rule's `ipBlock`s might select (standard engine).
    pub maybe: PodSet,
    pub has_maybe: bool,
}

impl IndexedRule<'_> {
    /// Whether the rule's `ports` let a connection to `port`/`protocol` of `destination` through.
    pub fn port_matches(&self, destination: &Pod, port: u16, protocol: Protocol) -> bool {
        self.rule.ports.is_empty()
            || self
                .rule
                .ports
                .iter()
                .any(|p| p.matches(destination, port, protocol))
    }

    /// Whether the rule's ports name a container port, so that the answer depends on the pod.
    pub fn has_named_port(&self) -> bool {
        self.rule
            .ports
            .iter()
            .any(|p| matches!(p.port, Some(PortSpec::Name(_))))
    }

    pub fn ports(&self) -> &[PolicyPort] {
        &self.rule.ports
    }
}

/// The cluster, indexed for all-pairs questions.
#[derive(Debug)]
pub struct Index<'a> {
    pub cluster: &'a Cluster,
    pub engine: Engine,
    /// Ingress rules of every policy that isolates each pod for ingress, as positions in
    /// `ingress_rules`; `None` when no policy isolates the pod (every peer allowed).
    pub ingress_of: Vec<Option<Vec<usize>>>,
    pub egress_of: Vec<Option<Vec<usize>>>,
    pub ingress_rules: Vec<IndexedRule<'a>>,
    pub egress_rules: Vec<IndexedRule<'a>>,
}

/// Pods by namespace, and each namespace's pods as a set.
struct Namespaces<'a> {
    pods: HashMap<&'a str, Vec<usize>>,
    sets: HashMap<&'a str, PodSet>,
}

impl<'a> Index<'a> {
    pub fn new(cluster: &'a Cluster, engine: Engine) -> Self {
        let pods = cluster.pods();
        let mut by_namespace: HashMap<&str, Vec<usize>> = HashMap::new();
        for (index, pod) in pods.iter().enumerate() {
            by_namespace.entry(&pod.namespace).or_default().push(index);
        }
        let sets = by_namespace
            .iter()
            .map(|(namespace, members)| {
                let mut set = PodSet::empty(pods.len());
                members.iter().for_each(|m| set.insert(*m));
                (*namespace, set)
            })
            .collect();
        let namespaces = Namespaces {
            pods: by_namespace,
            sets,
        };
        let mut index = Index {
            cluster,
            engine,
            ingress_of: vec![None; pods.len()],
            egress_of: vec![None; pods.len()],
            ingress_rules: Vec::new(),
            egress_rules: Vec::new(),
        };
        for (policy_index, policy) in cluster.policies().iter().enumerate() {
            let selected: Vec<usize> = namespaces
                .pods
                .get(policy.namespace.as_str())
                .into_iter()
                .flatten()
                .copied()
                .filter(|p| policy.pod_selector.matches(&pods[*p].labels))
                .collect();
            for direction in [PolicyType::Ingress, PolicyType::Egress] {
                if !policy.has_type(direction) || selected.is_empty() {
                    continue;
                }
                let (rules, of) = match direction {
                    PolicyType::Ingress => (&mut index.ingress_rules, &mut index.ingress_of),
                    PolicyType::Egress => (&mut index.egress_rules, &mut index.egress_of),
                };
                let first = rules.len();
                for (rule_index, rule) in policy.rules(direction).iter().enumerate() {
                    rules.push(index_rule(
                        cluster,
                        engine,
                        &namespaces,
                        policy_index,
                        rule_index,
                        rule,
                    ));
                }
                for pod in &selected {
                    of[*pod]
                        .get_or_insert_with(Vec::new)
                        .extend(first..rules.len());
                }
            }
        }
        index
    }
}

fn index_rule<'a>(
    cluster: &'a Cluster,
    engine: Engine,
    namespaces: &Namespaces<'_>,
    policy_index: usize,
    rule_index: usize,
    rule: &'a Rule,
) -> IndexedRule<'a> {
    let pods = cluster.pods();
    let policy = &cluster.policies()[policy_index];
    let mut peers = PodSet::empty(pods.len());
    let mut maybe = PodSet::empty(pods.len());
    let mut has_maybe = false;
    if rule.peers.is_empty() {
        peers = PodSet::full(pods.len());
    }
    let pods_matching = |members: &[usize], selector: &LabelSelector, set: &mut PodSet| {
        for member in members {
            if selector.matches(&pods[*member].labels) {
                set.insert(*member);
            }
        }
    };
    for peer in &rule.peers {
        match peer {
            Peer::Pods(selector) => {
                let members = namespaces.pods.get(policy.namespace.as_str());
                pods_matching(members.map_or(&[][..], Vec::as_slice), selector, &mut peers);
            }
            Peer::Namespaces(selector) => {
                for namespace in cluster.namespaces() {
                    if selector.matches(&namespace.labels)
                        && let Some(set) = namespaces.sets.get(namespace.name.as_str())
                    {
                        peers.union_with(set);
                    }
                }
            }
            Peer::PodsInNamespaces {
                namespaces: namespace_selector,
                pods: pod_selector,
            } => {
                for namespace in cluster.namespaces() {
                    if namespace_selector.matches(&namespace.labels)
                        && let Some(members) = namespaces.pods.get(namespace.name.as_str())
                    {
                        pods_matching(members, pod_selector, &mut peers);
                    }
                }
            }
            // On Cilium an ipBlock never selects a pod (see [`Engine::Cilium`]).
            Peer::IpBlock(block) if engine == Engine::Standard => {
                for (index, pod) in pods.iter().enumerate() {
                    match pod.ip {
                        Some(ip) if block.contains(ip) => peers.insert(index),
                        Some(_) => {}
                        None => {
                            maybe.insert(index);
                            has_maybe = true;
                        }
                    }
                }
            }
            Peer::IpBlock(_) => {}
        }
    }
    IndexedRule {
        policy: policy_index,
        rule_index,
        rule,
        peers,
        maybe,
        has_maybe,
    }
}
