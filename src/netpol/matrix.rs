//! The reachability matrix of every pod pair on one port, like the truth tables of the
//! Kubernetes e2e network-policy tests (rows: from, columns: to).

use std::fmt;

use super::eval::{Engine, EvalError, PortRef};
use super::index::{Index, PodSet};
use super::model::{Cluster, Pod, PodRef, Protocol};

/// One cell of the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Allowed,
    Denied,
    /// Denied unless a pod's unknown IP falls in an `ipBlock` that would allow it.
    Unknown,
    /// A pod to itself: out of scope (see [`EvalError::SelfTraffic`]).
    SelfPair,
    /// The destination has no container port of the requested name.
    NoSuchPort,
}

impl Cell {
    /// The e2e tables' symbols: `.` allowed, `X` denied; ours add `~`, `-` and `?`.
    pub fn symbol(self) -> char {
        match self {
            Cell::Allowed => '.',
            Cell::Denied => 'X',
            Cell::Unknown => '~',
            Cell::SelfPair => '-',
            Cell::NoSuchPort => '?',
        }
    }
}

/// Rows are sources, columns destinations, both in the order of `pods`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub struct Matrix {
    pub pods: Vec<PodRef>,
    pub port: PortRef,
    pub protocol: Protocol,
    pub engine: Engine,
    pub cells: Vec<Vec<Cell>>,
}

impl Matrix {
    pub fn cell(&self, from: usize, to: usize) -> Cell {
        self.cells[from][to]
    }
}

/// Evaluates every ordered pair of distinct pods on `port`/`protocol`, with the same answers as
/// [`super::evaluate`] on each pair (a test holds them equal).
pub fn matrix(
    cluster: &Cluster,
    engine: Engine,
    port: &PortRef,
    protocol: Protocol,
) -> Result<Matrix, EvalError> {
    Ok(matrix_with(&Index::new(cluster, engine), port, protocol))
}

/// [`matrix`] on an index built already (the explorer changes ports on one index).
pub fn matrix_with(index: &Index<'_>, port: &PortRef, protocol: Protocol) -> Matrix {
    let pods = index.cluster.pods();
    let count = pods.len();
    // The port each destination is asked on; `None` when it lacks the named port.
    let ports: Vec<Option<u16>> = pods
        .iter()
        .map(|pod| match port {
            PortRef::Number(number) => Some(*number),
            PortRef::Name(name) => pod.named_port(name, protocol),
        })
        .collect();
    // Ingress, per destination: the sources its isolating rules let in (certainly, or maybe).
    let mut ingress = Vec::with_capacity(count);
    for (to, pod) in pods.iter().enumerate() {
        ingress.push(match (&index.ingress_of[to], ports[to]) {
            (None, _) => None,
            (Some(_), None) => Some((PodSet::empty(count), PodSet::empty(count))),
            (Some(rules), Some(number)) => {
                let mut sure = PodSet::empty(count);
                let mut maybe = PodSet::empty(count);
                for rule in rules.iter().map(|r| &index.ingress_rules[*r]) {
                    if rule.port_matches(pod, number, protocol) {
                        sure.union_with(&rule.peers);
                        if rule.has_maybe {
                            maybe.union_with(&rule.maybe);
                        }
                    }
                }
                maybe.union_with(&sure);
                Some((sure, maybe))
            }
        });
    }
    // Egress rules' destinations on this port: computed once per rule, not once per source.
    let egress_targets: Vec<(PodSet, PodSet)> = index
        .egress_rules
        .iter()
        .map(|rule| {
            let mut ports_ok = PodSet::empty(count);
            for (to, pod) in pods.iter().enumerate() {
                if ports[to].is_some_and(|n| rule.port_matches(pod, n, protocol)) {
                    ports_ok.insert(to);
                }
            }
            let mut sure = PodSet::empty(count);
            sure.union_with_both(&rule.peers, &ports_ok);
            let mut maybe = sure.clone();
            if rule.has_maybe {
                maybe.union_with_both(&rule.maybe, &ports_ok);
            }
            (sure, maybe)
        })
        .collect();
    let mut cells = Vec::with_capacity(count);
    for from in 0..count {
        let egress = index.egress_of[from].as_ref().map(|rules| {
            let mut sure = PodSet::empty(count);
            let mut maybe = PodSet::empty(count);
            for rule in rules {
                sure.union_with(&egress_targets[*rule].0);
                maybe.union_with(&egress_targets[*rule].1);
            }
            (sure, maybe)
        });
        let row = (0..count)
            .map(|to| {
                if from == to {
                    return Cell::SelfPair;
                }
                if ports[to].is_none() {
                    return Cell::NoSuchPort;
                }
                let side = |sets: &Option<(PodSet, PodSet)>, member: usize| match sets {
                    None => (true, true),
                    Some((sure, maybe)) => (sure.contains(member), maybe.contains(member)),
                };
                let (in_sure, in_maybe) = side(&ingress[to], from);
                let (out_sure, out_maybe) = side(&egress, to);
                if in_sure && out_sure {
                    Cell::Allowed
                } else if in_maybe && out_maybe {
                    Cell::Unknown
                } else {
                    Cell::Denied
                }
            })
            .collect();
        cells.push(row);
    }
    Matrix {
        pods: pods.iter().map(Pod::pod_ref).collect(),
        port: port.clone(),
        protocol,
        engine: index.engine,
        cells,
    }
}

/// The table: a header of column numbers, one row per source pod, and a legend.
impl fmt::Display for Matrix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<String> = self.pods.iter().map(ToString::to_string).collect();
        let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
        let column_width = self.pods.len().to_string().len().max(1) + 1;
        writeln!(
            f,
            "{} port {} on the {} engine (rows: from, columns: to)",
            self.protocol, self.port, self.engine
        )?;
        write!(f, "{:width$}   ", "")?;
        for column in 1..=self.pods.len() {
            write!(f, "{column:>column_width$}")?;
        }
        writeln!(f)?;
        for (index, (name, row)) in names.iter().zip(&self.cells).enumerate() {
            write!(f, "{:>2} {name:<width$}", index + 1)?;
            for cell in row {
                write!(f, "{:>column_width$}", cell.symbol())?;
            }
            writeln!(f)?;
        }
        write!(
            f,
            "legend: . allowed   X denied   - a pod to itself (out of scope)"
        )?;
        if self.cells.iter().flatten().any(|c| *c == Cell::Unknown) {
            write!(f, "   ~ depends on a pod IP the manifests do not give")?;
        }
        if self.cells.iter().flatten().any(|c| *c == Cell::NoSuchPort) {
            write!(f, "   ? no container port of that name")?;
        }
        Ok(())
    }
}
