//! A small, exact evaluator of Kubernetes NetworkPolicy (`networking.k8s.io/v1`): given
//! namespaces, pods and policies, is a connection allowed, and why? UI-free: the `netpol` CLI
//! and the TUI lab both call it.
//!
//! - [`manifest`] reads the manifests users have (workloads, lists, folders) into a [`Cluster`],
//!   validating names and labels as the API server does ([`validate`]);
//! - [`evaluate`] answers one [`Connection`] with a [`Verdict`] whose parts say which policies
//!   isolate each side and which rule let the traffic through;
//! - [`index`] precomputes, once per cluster, the pods each policy isolates and each rule's peers,
//!   so that [`matrix`] (every pair on one port) and [`list`] (every allowed connection with its
//!   ports) cost grows with the pairs, not with pairs × policies;
//! - [`explore`] is the UI-free model of the explorer screen; [`generate`] makes synthetic
//!   clusters for the benchmark and the all-pairs tests;
//! - [`scenario`] answers the lab's scenarios, which the course loads and checks.
//!
//! Out of scope: traffic from a pod to itself ([`EvalError::SelfTraffic`]), host-network pods
//! (read, with a note), Services (ports are the pod's), and Calico's or Cilium's own policy kinds.

pub mod eval;
pub mod explain;
pub mod explore;
pub mod generate;
pub mod index;
pub mod list;
pub mod manifest;
pub mod matrix;
pub mod model;
pub mod policy;
pub mod port;
pub mod scenario;
pub mod selector;
pub mod validate;

pub use eval::{
    Connection, Engine, EvalError, IgnoredIpBlock, Matched, PortRef, RuleMatch, SideVerdict,
    UnknownIp, Verdict, evaluate,
};
pub use manifest::{ManifestError, ManifestErrors, Manifests, Note, load_files, parse_sources};
pub use matrix::{Cell, Matrix, matrix};
pub use model::{Cluster, ContainerPort, Labels, Namespace, Pod, PodRef, Protocol};
pub use policy::{IpBlock, NetworkPolicy, Peer, PolicyId, PolicyPort, PolicyType, PortSpec, Rule};
pub use scenario::{AnsweredScenario, ScenarioError, answer_course};
pub use selector::{LabelSelector, Operator, Requirement};

#[cfg(test)]
mod eval_tests;
