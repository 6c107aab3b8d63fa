//! Every allowed connection, grouped per pair of pods with the ports and protocols it is allowed
//! on: `shop/frontend => shop/cart : TCP 7070`, or `All connections`.
//!
//! A pair's ports are the intersection of what the destination's ingress lets in from the
//! source and what the source's egress lets out to the destination; each side is every port when
//! no policy isolates it, else the union of the ports of its rules whose peers select the other
//! end. Rules' peer sets come from the [`Index`], so a pair costs the rules of its two pods only.

use std::fmt;

use super::eval::Engine;
use super::index::{Index, IndexedRule};
use super::model::{Cluster, Pod, PodRef, Protocol};
use super::policy::{PolicyPort, PortSpec};

const PROTOCOLS: [Protocol; 3] = [Protocol::Tcp, Protocol::Udp, Protocol::Sctp];

/// Sets of ports per protocol, as sorted, disjoint, non-adjacent inclusive ranges.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PortSet([Vec<(u16, u16)>; 3]);

fn slot(protocol: Protocol) -> usize {
    match protocol {
        Protocol::Tcp => 0,
        Protocol::Udp => 1,
        Protocol::Sctp => 2,
    }
}

impl PortSet {
    /// Every port of every protocol.
    pub fn all() -> Self {
        Self([vec![(1, 65535)], vec![(1, 65535)], vec![(1, 65535)]])
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Vec::is_empty)
    }

    pub fn is_all(&self) -> bool {
        *self == Self::all()
    }

    pub fn contains(&self, protocol: Protocol, port: u16) -> bool {
        self.0[slot(protocol)]
            .iter()
            .any(|(first, last)| (*first..=*last).contains(&port))
    }

    /// The ranges of one protocol.
    pub fn ranges(&self, protocol: Protocol) -> &[(u16, u16)] {
        &self.0[slot(protocol)]
    }

    pub fn add(&mut self, protocol: Protocol, first: u16, last: u16) {
        let ranges = &mut self.0[slot(protocol)];
        ranges.push((first, last));
        normalize(ranges);
    }

    pub fn union_with(&mut self, other: &PortSet) {
        for (mine, theirs) in self.0.iter_mut().zip(&other.0) {
            if theirs.is_empty() || *mine == *theirs {
                continue;
            }
            mine.extend_from_slice(theirs);
            normalize(mine);
        }
    }

    /// The ports a rule's `ports` allow on `destination` (named ports resolved against it).
    pub fn of_rule(ports: &[PolicyPort], destination: &Pod) -> Self {
        if ports.is_empty() {
            return Self::all();
        }
        let mut set = Self::default();
        for entry in ports {
            match &entry.port {
                None => set.add(entry.protocol, 1, 65535),
                Some(PortSpec::Number { port, end_port }) => {
                    set.add(entry.protocol, *port, end_port.unwrap_or(*port));
                }
                Some(PortSpec::Name(name)) => {
                    if let Some(number) = destination.named_port(name, entry.protocol) {
                        set.add(entry.protocol, number, number);
                    }
                }
            }
        }
        set
    }

    pub fn intersection(&self, other: &PortSet) -> PortSet {
        let mut result = PortSet::default();
        for protocol in PROTOCOLS {
            for (a1, a2) in self.ranges(protocol) {
                for (b1, b2) in other.ranges(protocol) {
                    let (first, last) = ((*a1).max(*b1), (*a2).min(*b2));
                    if first <= last {
                        result.add(protocol, first, last);
                    }
                }
            }
        }
        result
    }
}

/// Sorts and merges overlapping or adjacent ranges.
fn normalize(ranges: &mut Vec<(u16, u16)>) {
    ranges.sort_unstable();
    let mut merged: Vec<(u16, u16)> = Vec::with_capacity(ranges.len());
    for (first, last) in ranges.drain(..) {
        match merged.last_mut() {
            Some(previous) if u32::from(first) <= u32::from(previous.1) + 1 => {
                previous.1 = previous.1.max(last);
            }
            _ => merged.push((first, last)),
        }
    }
    *ranges = merged;
}

/// `All connections`, or `TCP 80, 8000-8100; UDP 53`, or `TCP all ports`.
impl fmt::Display for PortSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_all() {
            return f.write_str("All connections");
        }
        let mut parts = Vec::new();
        for protocol in PROTOCOLS {
            let ranges = self.ranges(protocol);
            if ranges.is_empty() {
                continue;
            }
            if ranges == [(1, 65535)] {
                parts.push(format!("{protocol} all ports"));
                continue;
            }
            let shown: Vec<String> = ranges
                .iter()
                .map(|(a, b)| {
                    if a == b {
                        a.to_string()
                    } else {
                        format!("{a}-{b}")
                    }
                })
                .collect();
            parts.push(format!("{protocol} {}", shown.join(", ")));
        }
        f.write_str(&parts.join("; "))
    }
}

/// One allowed pair and what it is allowed on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Connection {
    pub from: PodRef,
    pub to: PodRef,
    pub ports: PortSet,
}

impl fmt::Display for Connection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} => {} : {}", self.from, self.to, self.ports)
    }
}

/// The allowed connections, and whether some were left out because they depend on unknown IPs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Connections {
    pub connections: Vec<Connection>,
    /// True when an `ipBlock` might allow more for pods without a known IP.
    pub unknown_ips: bool,
}

/// One allowed pair as [`for_each_connection`] hands it out, borrowed to avoid a copy per pair.
#[derive(Debug, Clone, Copy)]
pub struct Listed<'a> {
    pub from: &'a Pod,
    pub to: &'a Pod,
    /// Positions of `from` and `to` in [`Cluster::pods`].
    pub from_index: usize,
    pub to_index: usize,
    pub ports: &'a PortSet,
}

/// Every allowed connection between distinct pods, in pod order; with `focus`, only those from
/// or to that pod.
pub fn connections(cluster: &Cluster, engine: Engine, focus: Option<usize>) -> Connections {
    let mut connections = Vec::new();
    let unknown_ips = for_each_connection(cluster, engine, focus, |listed| {
        connections.push(Connection {
            from: listed.from.pod_ref(),
            to: listed.to.pod_ref(),
            ports: listed.ports.clone(),
        });
    });
    Connections {
        connections,
        unknown_ips,
    }
}

/// What one side of a pair allows.
enum Side {
    /// No policy isolates it.
    All,
    Ports(PortSet),
}

/// [`connections`] without collecting them, for clusters where they number in millions. Returns
/// true when an `ipBlock` might allow more for pods without a known IP (those are not handed out).
pub fn for_each_connection(
    cluster: &Cluster,
    engine: Engine,
    focus: Option<usize>,
    mut each: impl FnMut(Listed<'_>),
) -> bool {
    let index = Index::new(cluster, engine);
    let pods = cluster.pods();
    let unknown_ips = index
        .ingress_rules
        .iter()
        .chain(&index.egress_rules)
        .any(|rule| rule.has_maybe);
    // The ports of rules without named ports are the same for every destination: once each.
    let fixed = |rules: &[IndexedRule<'_>]| -> Vec<Option<PortSet>> {
        rules
            .iter()
            .map(|r| (!r.has_named_port()).then(|| PortSet::of_rule(r.ports(), &pods[0])))
            .collect()
    };
    let (ingress_ports, egress_ports) = if pods.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        (fixed(&index.ingress_rules), fixed(&index.egress_rules))
    };
    let ingress_rules = Rules {
        rules: &index.ingress_rules,
        ports: &ingress_ports,
    };
    let egress_rules = Rules {
        rules: &index.egress_rules,
        ports: &egress_ports,
    };
    let all = PortSet::all();
    for (from, source) in pods.iter().enumerate() {
        for (to, destination) in pods.iter().enumerate() {
            if from == to || focus.is_some_and(|f| f != from && f != to) {
                continue;
            }
            let ingress = ingress_rules.side(&index.ingress_of[to], from, destination);
            if matches!(&ingress, Side::Ports(p) if p.is_empty()) {
                continue;
            }
            let egress = egress_rules.side(&index.egress_of[from], to, destination);
            let ports = match (&ingress, &egress) {
                (Side::All, Side::All) => None,
                (Side::All, Side::Ports(p)) | (Side::Ports(p), Side::All) => Some(p.clone()),
                (Side::Ports(a), Side::Ports(b)) => Some(a.intersection(b)),
            };
            let ports = ports.as_ref().unwrap_or(&all);
            if !ports.is_empty() {
                each(Listed {
                    from: source,
                    to: destination,
                    from_index: from,
                    to_index: to,
                    ports,
                });
            }
        }
    }
    unknown_ips
}

/// The rules of one direction with their ports computed once where they can be.
struct Rules<'a, 'b> {
    rules: &'b [IndexedRule<'a>],
    ports: &'b [Option<PortSet>],
}

impl Rules<'_, '_> {
    /// The ports one side allows: all when no rule list isolates it, else the union of the ports
    /// of the rules whose peers include `peer`.
    fn side(&self, rules: &Option<Vec<usize>>, peer: usize, destination: &Pod) -> Side {
        let Some(rules) = rules else {
            return Side::All;
        };
        let mut ports = PortSet::default();
        for rule in rules {
            if !self.rules[*rule].peers.contains(peer) {
                continue;
            }
            match &self.ports[*rule] {
                Some(fixed) => ports.union_with(fixed),
                None => ports.union_with(&PortSet::of_rule(self.rules[*rule].ports(), destination)),
            }
            if ports.is_all() {
                return Side::All;
            }
        }
        Side::Ports(ports)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn port_sets_merge_intersect_and_print() {
        let mut a = PortSet::default();
        a.add(Protocol::Tcp, 80, 80);
        a.add(Protocol::Tcp, 81, 90);
        a.add(Protocol::Tcp, 443, 443);
        a.add(Protocol::Udp, 53, 53);
        assert_eq!(a.to_string(), "TCP 80-90, 443; UDP 53");
        let mut b = PortSet::default();
        b.add(Protocol::Tcp, 85, 500);
        assert_eq!(a.intersection(&b).to_string(), "TCP 85-90, 443");
        assert_eq!(PortSet::all().to_string(), "All connections");
        let mut tcp = PortSet::default();
        tcp.add(Protocol::Tcp, 1, 65535);
        assert_eq!(tcp.to_string(), "TCP all ports");
        assert!(a.intersection(&PortSet::default()).is_empty());
    }
}
