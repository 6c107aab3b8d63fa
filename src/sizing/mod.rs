//! IP sizing and network-plan validation for AKS: pure maths and rules, no terminal code.
//!
//! The facts come from Microsoft's AKS docs (see `shared/product.md`): Azure keeps 5 addresses per subnet,
//! Azure CNI (node subnet) needs `(N + S) + (N + S) × P` IPs, overlay and kubenet need `N + S` node IPs and one
//! /24 of pod CIDR per node. `aks-tutor plan`, the sizing exercises and the sizing screen all use this
//! one engine.

pub mod address_space;
pub mod capacity;
mod checks;
pub mod cidr;
pub mod example_plans;
pub mod exercise;
pub mod findings;
pub mod generate;
pub mod generate_plans;
pub mod limits;
pub mod mode;
pub mod plan;
pub mod pod_subnet;
pub mod rules;
pub mod surge;

pub use address_space::AddressSpace;
pub use capacity::NodeSubnetSizing;
pub use checks::{PRIVATE_POD_BLOCKS, RESERVED_BLOCKS};
pub use cidr::{CidrError, parse_cidr, parse_ipv4, usable_addresses};
pub use exercise::{AnswerKind, Choice, Exercise, ExerciseKind, SizingVerdict};
pub use limits::NodeLimit;
pub use mode::IpMode;
pub use plan::{InEffect, NetworkPlan, PlanReport};
pub use pod_subnet::PodSubnetSizing;
pub use rules::{Finding, RuleId, Severity};
pub use surge::{Surge, SurgeError};

#[cfg(test)]
mod exercise_tests;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod validator_limits_tests;
#[cfg(test)]
mod validator_tests;
