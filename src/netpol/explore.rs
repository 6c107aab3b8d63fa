//! The model behind `netpol explore`, free of any UI so the TUI screen can borrow it: the
//! reachability matrix of the workloads on one port and protocol, filtered by namespace, and for
//! any cell the "why" — the policies that select each side and the rules that decided — in the
//! lab's own words ([`Verdict::explanation`]).

use std::collections::BTreeMap;

use super::eval::{Connection, Engine, EvalError, PortRef, Verdict, evaluate};
use super::explain::describe_rule;
use super::matrix::{Cell, Matrix, matrix};
use super::model::{Cluster, PodRef, Protocol};
use super::policy::PolicyId;

/// The explorer's state: the cluster, the question (port, protocol, engine) and the filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explorer {
    cluster: Cluster,
    engine: Engine,
    port: PortRef,
    protocol: Protocol,
    namespace: Option<String>,
    /// The whole matrix, recomputed when the question changes (cheap: it is indexed).
    matrix: Matrix,
    /// Positions in the matrix of the workloads shown, in order.
    visible: Vec<usize>,
}

/// Why one cell is what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Why {
    pub verdict: Verdict,
    /// Policies that isolate the destination for ingress (empty: not isolated).
    pub ingress_policies: Vec<PolicyId>,
    /// Policies that isolate the source for egress (empty: not isolated).
    pub egress_policies: Vec<PolicyId>,
    /// The rules that let the connection through, described, both sides.
    pub deciding_rules: Vec<String>,
    /// The lab's explanation: headline, each side's reason, notes.
    pub lines: Vec<String>,
}

/// How many shown pairs are allowed, denied and unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub allowed: usize,
    pub denied: usize,
    pub unknown: usize,
}

impl Explorer {
    /// An explorer on the cluster, asking first about its most common container port (TCP 80
    /// when no pod declares one).
    pub fn new(cluster: Cluster, engine: Engine) -> Self {
        let (port, protocol) = suggested_ports(&cluster)
            .into_iter()
            .next()
            .unwrap_or((PortRef::Number(80), Protocol::Tcp));
        let matrix = compute(&cluster, engine, &port, protocol);
        let visible = (0..matrix.pods.len()).collect();
        Self {
            cluster,
            engine,
            port,
            protocol,
            namespace: None,
            matrix,
            visible,
        }
    }

    pub fn cluster(&self) -> &Cluster {
        &self.cluster
    }

    pub fn port(&self) -> &PortRef {
        &self.port
    }

    pub fn protocol(&self) -> Protocol {
        self.protocol
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// Container ports the workloads declare, most common first, for a port picker.
    pub fn suggested_ports(&self) -> Vec<(PortRef, Protocol)> {
        suggested_ports(&self.cluster)
    }

    /// Asks about another port and protocol.
    pub fn set_port(&mut self, port: PortRef, protocol: Protocol) {
        self.port = port;
        self.protocol = protocol;
        self.recompute();
    }

    pub fn set_engine(&mut self, engine: Engine) {
        self.engine = engine;
        self.recompute();
    }

    /// Namespaces that hold workloads, sorted.
    pub fn namespaces(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .cluster
            .pods()
            .iter()
            .map(|p| p.namespace.clone())
            .collect();
        names.sort();
        names.dedup();
        names
    }

    /// Shows only the workloads of one namespace (both axes), or all with `None`.
    pub fn set_namespace(&mut self, namespace: Option<String>) {
        self.namespace = namespace;
        self.refilter();
    }

    pub fn namespace(&self) -> Option<&str> {
        self.namespace.as_deref()
    }

    /// The workloads shown, rows (sources) and columns (destinations) alike.
    pub fn workloads(&self) -> Vec<&PodRef> {
        self.visible.iter().map(|i| &self.matrix.pods[*i]).collect()
    }

    pub fn len(&self) -> usize {
        self.visible.len()
    }

    pub fn is_empty(&self) -> bool {
        self.visible.is_empty()
    }

    /// The cell of shown row `from` and shown column `to`.
    pub fn cell(&self, from: usize, to: usize) -> Cell {
        self.matrix.cell(self.visible[from], self.visible[to])
    }

    /// Counts of the shown pairs (a workload to itself is not a pair).
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for from in 0..self.len() {
            for to in 0..self.len() {
                match self.cell(from, to) {
                    Cell::Allowed => counts.allowed += 1,
                    Cell::Denied | Cell::NoSuchPort => counts.denied += 1,
                    Cell::Unknown => counts.unknown += 1,
                    Cell::SelfPair => {}
                }
            }
        }
        counts
    }

    /// Why the cell of shown row `from` and column `to` is what it is.
    pub fn why(&self, from: usize, to: usize) -> Result<Why, EvalError> {
        let connection = Connection {
            from: self.matrix.pods[self.visible[from]].clone(),
            to: self.matrix.pods[self.visible[to]].clone(),
            port: self.port.clone(),
            protocol: self.protocol,
        };
        let verdict = evaluate(&self.cluster, self.engine, &connection)?;
        let deciding_rules = verdict
            .ingress
            .allowed_by
            .iter()
            .chain(&verdict.egress.allowed_by)
            .map(describe_rule)
            .collect();
        Ok(Why {
            ingress_policies: verdict.ingress.selecting.clone(),
            egress_policies: verdict.egress.selecting.clone(),
            deciding_rules,
            lines: verdict.explanation(),
            verdict,
        })
    }

    fn recompute(&mut self) {
        self.matrix = compute(&self.cluster, self.engine, &self.port, self.protocol);
    }

    fn refilter(&mut self) {
        self.visible = self
            .matrix
            .pods
            .iter()
            .enumerate()
            .filter(|(_, pod)| {
                self.namespace
                    .as_deref()
                    .is_none_or(|ns| pod.namespace == ns)
            })
            .map(|(index, _)| index)
            .collect();
    }
}

fn compute(cluster: &Cluster, engine: Engine, port: &PortRef, protocol: Protocol) -> Matrix {
    // `matrix` fails only on unknown pods, which it never asks about.
    matrix(cluster, engine, port, protocol).unwrap_or_else(|_| Matrix {
        pods: Vec::new(),
        port: port.clone(),
        protocol,
        engine,
        cells: Vec::new(),
    })
}

/// Numbered container ports, most common first (ties by number).
fn suggested_ports(cluster: &Cluster) -> Vec<(PortRef, Protocol)> {
    let mut counts: BTreeMap<(u16, Protocol), usize> = BTreeMap::new();
    for port in cluster.pods().iter().flat_map(|p| &p.ports) {
        *counts.entry((port.number, port.protocol)).or_default() += 1;
    }
    let mut ports: Vec<((u16, Protocol), usize)> = counts.into_iter().collect();
    ports.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ports
        .into_iter()
        .map(|((number, protocol), _)| (PortRef::Number(number), protocol))
        .collect()
}

#[cfg(test)]
#[path = "explore_tests.rs"]
mod tests;
