//! A whole AKS network plan, the defaults AKS fills in, and the report the validator produces.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::capacity::{
    NodeSubnetSizing, max_nodes_for_slots, node_slots_in_pod_cidr, node_slots_in_subnet,
};
use super::checks;
use super::cidr::{network_of, nth_address};
use super::findings::tidy;
use super::limits::{NodeLimit, binding_limit};
use super::mode::IpMode;
use super::pod_subnet::PodSubnetSizing;
use super::rules::{Finding, Severity};
use super::surge::Surge;

/// AKS's default pod CIDR for kubenet and overlay when none is given.
pub const DEFAULT_POD_CIDR: Ipv4Net = Ipv4Net::new_assert(Ipv4Addr::new(10, 244, 0, 0), 16);
/// AKS's default service CIDR when none is given.
pub const DEFAULT_SERVICE_CIDR: Ipv4Net = Ipv4Net::new_assert(Ipv4Addr::new(10, 0, 0, 0), 16);
/// The DNS service IP is conventionally the 10th address of the service CIDR (10.0.0.10 by default).
pub const DNS_SERVICE_IP_OFFSET: u32 = 10;

/// Everything a learner (or `aks-tutor plan`) says about a cluster's network. `None` means "not given":
/// AKS's default is used where it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkPlan {
    pub plugin: IpMode,
    pub nodes: u32,
    /// `None`: the plugin's default.
    pub max_pods: Option<u32>,
    pub surge: Surge,
    /// The cluster VNet's address ranges.
    pub vnets: Vec<Ipv4Net>,
    /// Peered VNets and on-premises ranges the cluster must be able to reach.
    pub peered: Vec<Ipv4Net>,
    pub node_subnet: Option<Ipv4Net>,
    pub pod_cidr: Option<Ipv4Net>,
    /// The subnet pods take their IPs from with Azure CNI Pod Subnet (no default: AKS has none).
    pub pod_subnet: Option<Ipv4Net>,
    pub service_cidr: Option<Ipv4Net>,
    pub dns_service_ip: Option<Ipv4Addr>,
}

impl NetworkPlan {
    /// A plan with only the pool's shape; every range left to AKS's defaults.
    pub fn new(plugin: IpMode, nodes: u32) -> Self {
        NetworkPlan {
            plugin,
            nodes,
            max_pods: None,
            surge: Surge::default(),
            vnets: Vec::new(),
            peered: Vec::new(),
            node_subnet: None,
            pod_cidr: None,
            pod_subnet: None,
            service_cidr: None,
            dns_service_ip: None,
        }
    }

    /// Max pods per node, the plugin's default when not given.
    pub fn max_pods_in_effect(&self) -> u32 {
        self.max_pods
            .unwrap_or_else(|| self.plugin.default_max_pods())
    }

    /// The pod CIDR the cluster would use: the given one, else AKS's default for modes that have one.
    /// Azure CNI (node subnet) has none, but a given one is still returned so the validator can object to it.
    pub fn pod_cidr_in_effect(&self) -> Option<InEffect<Ipv4Net>> {
        match (self.pod_cidr, self.plugin.uses_pod_cidr()) {
            (Some(given), _) => Some(InEffect::given(given)),
            (None, true) => Some(InEffect::default_value(DEFAULT_POD_CIDR)),
            (None, false) => None,
        }
    }

    /// The service CIDR the cluster would use: the given one or AKS's default 10.0.0.0/16.
    pub fn service_cidr_in_effect(&self) -> InEffect<Ipv4Net> {
        self.service_cidr.map_or(
            InEffect::default_value(DEFAULT_SERVICE_CIDR),
            InEffect::given,
        )
    }

    /// The DNS service IP the cluster would use: the given one, else the .10 of the service CIDR in effect
    /// (10.0.0.10 with the default), which is what a learner following the convention would pick.
    pub fn dns_service_ip_in_effect(&self) -> InEffect<Ipv4Addr> {
        if let Some(given) = self.dns_service_ip {
            return InEffect::given(given);
        }
        let service = network_of(&self.service_cidr_in_effect().value);
        let conventional =
            nth_address(&service, DNS_SERVICE_IP_OFFSET).unwrap_or(service.network());
        InEffect::default_value(conventional)
    }

    /// The same plan with repeated VNet and peered ranges given once: a range said twice is one range,
    /// and checking every pair of 5,000 copies would print millions of findings.
    pub fn deduplicated(&self) -> NetworkPlan {
        fn once(ranges: &[Ipv4Net]) -> Vec<Ipv4Net> {
            let mut seen = std::collections::HashSet::new();
            ranges
                .iter()
                .copied()
                .filter(|range| seen.insert(*range))
                .collect()
        }
        NetworkPlan {
            vnets: once(&self.vnets),
            peered: once(&self.peered),
            ..self.clone()
        }
    }

    /// Checks every rule and computes the sizing figures. Findings come errors first, each once, at
    /// most [`crate::sizing::findings::MAX_PER_RULE`] per rule with a count of the rest.
    pub fn validate(&self) -> PlanReport {
        let plan = self.deduplicated();
        let max_pods = plan.max_pods_in_effect();
        let sizing = NodeSubnetSizing::new(plan.plugin, plan.nodes, max_pods, plan.surge);
        let pod_subnet_sizing = PodSubnetSizing::new(plan.plugin, plan.nodes, max_pods, plan.surge);
        let max_nodes_in_node_subnet = plan.node_subnet.map(|subnet| {
            let slots = node_slots_in_subnet(plan.plugin, subnet.prefix_len(), max_pods);
            max_nodes_for_slots(slots, plan.surge)
        });
        let max_nodes_in_pod_cidr = plan
            .pod_cidr_in_effect()
            .filter(|_| plan.plugin.uses_pod_cidr())
            .map(|pod| {
                max_nodes_for_slots(node_slots_in_pod_cidr(pod.value.prefix_len()), plan.surge)
            });
        let max_nodes_in_pod_subnet = match (&pod_subnet_sizing, plan.pod_subnet) {
            (Some(pod_sizing), Some(subnet)) => {
                Some(pod_sizing.max_nodes(subnet.prefix_len(), plan.surge))
            }
            _ => None,
        };
        let limit = binding_limit(
            plan.plugin,
            max_nodes_in_node_subnet,
            max_nodes_in_pod_cidr,
            max_nodes_in_pod_subnet,
        );
        PlanReport {
            findings: tidy(checks::run_all(&plan, &sizing, pod_subnet_sizing.as_ref())),
            sizing,
            pod_subnet_sizing,
            max_nodes: limit.nodes,
            max_nodes_bound_by: limit.bound_by,
            max_nodes_in_node_subnet,
            max_nodes_in_pod_cidr,
            max_nodes_in_pod_subnet,
            pod_cidr: plan.pod_cidr_in_effect(),
            service_cidr: plan.service_cidr_in_effect(),
            dns_service_ip: plan.dns_service_ip_in_effect(),
        }
    }
}

/// A value the cluster would use, and whether the plan gave it or AKS's default filled it in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InEffect<T> {
    pub value: T,
    pub is_default: bool,
}

impl<T> InEffect<T> {
    pub fn given(value: T) -> Self {
        InEffect {
            value,
            is_default: false,
        }
    }

    pub fn default_value(value: T) -> Self {
        InEffect {
            value,
            is_default: true,
        }
    }
}

/// The validator's answer: the sizing figures and every finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanReport {
    pub sizing: NodeSubnetSizing,
    /// The pod subnet's figures, for Azure CNI Pod Subnet only.
    pub pod_subnet_sizing: Option<PodSubnetSizing>,
    /// The most nodes (surge excluded) the plan allows: the smallest of the limits below and AKS's
    /// node limits.
    pub max_nodes: u64,
    /// Which limit that is.
    pub max_nodes_bound_by: NodeLimit,
    /// Nodes (surge excluded) the given node subnet holds; `None` when no node subnet was given.
    pub max_nodes_in_node_subnet: Option<u64>,
    /// Nodes (surge excluded) the pod CIDR in effect holds; `None` for the modes without one.
    pub max_nodes_in_pod_cidr: Option<u64>,
    /// Nodes (surge excluded) the given pod subnet holds; `None` without a pod subnet.
    pub max_nodes_in_pod_subnet: Option<u64>,
    pub pod_cidr: Option<InEffect<Ipv4Net>>,
    pub service_cidr: InEffect<Ipv4Net>,
    pub dns_service_ip: InEffect<Ipv4Addr>,
    pub findings: Vec<Finding>,
}

impl PlanReport {
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|finding| finding.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|finding| finding.severity == Severity::Warning)
    }

    /// A plan is valid when it has no errors; warnings do not make it invalid.
    pub fn is_valid(&self) -> bool {
        self.errors().next().is_none()
    }
}
