//! The reachability matrix of every pod pair on one port, like the truth tables of the
//! Kubernetes e2e network-policy tests (rows: from, columns: to).

use std::fmt;

use super::eval::{Connection, Engine, EvalError, PortRef, evaluate};
use super::model::{Cluster, PodRef, Protocol};

/// One cell of the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Allowed,
    Denied,
    /// A pod to itself: out of scope (see [`EvalError::SelfTraffic`]).
    SelfPair,
    /// The destination has no container port of the requested name.
    NoSuchPort,
}

impl Cell {
    /// The e2e tables' symbols: `.` allowed, `X` denied; ours add `-` and `?`.
    pub fn symbol(self) -> char {
        match self {
            Cell::Allowed => '.',
            Cell::Denied => 'X',
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

/// Evaluates every ordered pair of distinct pods on `port`/`protocol`.
pub fn matrix(
    cluster: &Cluster,
    engine: Engine,
    port: &PortRef,
    protocol: Protocol,
) -> Result<Matrix, EvalError> {
    let pods: Vec<PodRef> = cluster.pods().iter().map(|p| p.pod_ref()).collect();
    let mut cells = Vec::with_capacity(pods.len());
    for from in &pods {
        let mut row = Vec::with_capacity(pods.len());
        for to in &pods {
            let connection = Connection {
                from: from.clone(),
                to: to.clone(),
                port: port.clone(),
                protocol,
            };
            row.push(match evaluate(cluster, engine, &connection) {
                Ok(verdict) if verdict.allowed() => Cell::Allowed,
                Ok(_) => Cell::Denied,
                Err(EvalError::SelfTraffic(_)) => Cell::SelfPair,
                Err(EvalError::UnknownPortName { .. }) => Cell::NoSuchPort,
                Err(error @ EvalError::UnknownPod(_)) => return Err(error),
            });
        }
        cells.push(row);
    }
    Ok(Matrix {
        pods,
        port: port.clone(),
        protocol,
        engine,
        cells,
    })
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
        if self.cells.iter().flatten().any(|c| *c == Cell::NoSuchPort) {
            write!(f, "   ? no container port of that name")?;
        }
        Ok(())
    }
}
