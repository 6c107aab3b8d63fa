//! The plan validator's rules, one function each; every finding is one sentence a learner understands.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

mod addressing;
mod pod_subnet;

use super::capacity::NodeSubnetSizing;
use super::cidr::{group_thousands, has_host_bits, network_of, overlaps};
use super::mode::{
    IpMode, MAX_MAX_PODS, MIN_MAX_PODS, MIN_PODS_PER_POOL, MaxPodsProblem, NODE_POOL_MAX_NODES,
    check_max_pods,
};
use super::plan::{InEffect, NetworkPlan};
use super::pod_subnet::PodSubnetSizing;
use super::rules::{Finding, RuleId};

const fn net(a: u8, b: u8, c: u8, d: u8, prefix: u8) -> Ipv4Net {
    Ipv4Net::new_assert(Ipv4Addr::new(a, b, c, d), prefix)
}

/// Ranges AKS reserves for itself or that are documentation-only: no range of a cluster may touch them.
pub const RESERVED_BLOCKS: [Ipv4Net; 4] = [
    net(169, 254, 0, 0, 16),
    net(172, 30, 0, 0, 16),
    net(172, 31, 0, 0, 16),
    net(192, 0, 2, 0, 24),
];

/// Where a pod CIDR may come from: RFC 1918 and RFC 6598 (carrier-grade NAT) space.
pub const PRIVATE_POD_BLOCKS: [Ipv4Net; 4] = [
    net(10, 0, 0, 0, 8),
    net(172, 16, 0, 0, 12),
    net(192, 168, 0, 0, 16),
    net(100, 64, 0, 0, 10),
];

/// A range of the plan with the words that name it in a sentence ("the pod CIDR 10.244.0.0/16").
struct Named {
    words: String,
    range: Ipv4Net,
}

fn named_given(what: &str, range: Ipv4Net) -> Named {
    Named {
        words: format!("the {what} {range}"),
        range: network_of(&range),
    }
}

fn named_in_effect(what: &str, in_effect: InEffect<Ipv4Net>) -> Named {
    if in_effect.is_default {
        Named {
            words: format!(
                "AKS's default {what} {} (used because none is set)",
                in_effect.value
            ),
            range: in_effect.value,
        }
    } else {
        named_given(what, in_effect.value)
    }
}

/// The ranges that belong to the cluster's own network: its VNet ranges, or the node subnet when no VNet is
/// given (so that a plan without `--vnet` is still checked against what we know).
fn cluster_ranges(plan: &NetworkPlan) -> Vec<Named> {
    if plan.vnets.is_empty() {
        plan.node_subnet
            .map(|subnet| named_given("node subnet", subnet))
            .into_iter()
            .collect()
    } else {
        plan.vnets
            .iter()
            .map(|&vnet| named_given("cluster VNet", vnet))
            .collect()
    }
}

fn peered_ranges(plan: &NetworkPlan) -> Vec<Named> {
    plan.peered
        .iter()
        .map(|&range| named_given("peered range", range))
        .collect()
}

fn push_overlaps(
    findings: &mut Vec<Finding>,
    rule: RuleId,
    subject: &Named,
    others: &[Named],
    why: &str,
) {
    for other in others
        .iter()
        .filter(|other| overlaps(&subject.range, &other.range))
    {
        findings.push(Finding::error(
            rule,
            format!(
                "{} overlaps {}; {why}.",
                capitalise(&subject.words),
                other.words
            ),
        ));
    }
}

/// A subnet smaller than a /29 is refused by Azure: says so and returns true (nothing more about
/// that subnet is worth saying).
fn smaller_than_azure_allows(findings: &mut Vec<Finding>, subnet: &Named) -> bool {
    if subnet.range.prefix_len() <= crate::sizing::cidr::SMALLEST_SUBNET_PREFIX {
        return false;
    }
    findings.push(Finding::error(
        RuleId::SubnetSmallerThan29,
        format!(
            "{} is smaller than a /29, the smallest subnet Azure allows.",
            capitalise(&subnet.words)
        ),
    ));
    true
}

fn capitalise(words: &str) -> String {
    let mut chars = words.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Runs every rule, in the order of `RuleId::ALL`.
pub fn run_all(
    plan: &NetworkPlan,
    sizing: &NodeSubnetSizing,
    pod_subnet_sizing: Option<&PodSubnetSizing>,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    check_host_bits(plan, &mut findings);
    check_pool(plan, sizing, &mut findings);
    check_vnets(plan, &mut findings);
    check_reserved_blocks(plan, &mut findings);
    addressing::check_node_subnet(plan, sizing, &mut findings);
    addressing::check_pod_cidr(plan, sizing, &mut findings);
    pod_subnet::check_pod_subnet(plan, pod_subnet_sizing, &mut findings);
    addressing::check_service_cidr(plan, &mut findings);
    addressing::check_dns_service_ip(plan, &mut findings);
    findings
}

fn check_host_bits(plan: &NetworkPlan, findings: &mut Vec<Finding>) {
    let given = plan
        .vnets
        .iter()
        .map(|range| ("cluster VNet", range))
        .chain(plan.peered.iter().map(|range| ("peered range", range)))
        .chain(plan.node_subnet.iter().map(|range| ("node subnet", range)))
        .chain(plan.pod_cidr.iter().map(|range| ("pod CIDR", range)))
        .chain(
            plan.service_cidr
                .iter()
                .map(|range| ("service CIDR", range)),
        );
    for (what, range) in given.filter(|(_, range)| has_host_bits(range)) {
        let network = network_of(range);
        findings.push(Finding::error(
            RuleId::HostBitsSet,
            format!("The {what} {range} has host bits set: it means {network}, so write it as {network}."),
        ));
    }
}

fn check_pool(plan: &NetworkPlan, sizing: &NodeSubnetSizing, findings: &mut Vec<Finding>) {
    match check_max_pods(plan.nodes, sizing.max_pods) {
        Some(MaxPodsProblem::OutOfRange) => findings.push(Finding::error(
            RuleId::MaxPodsOutOfRange,
            format!(
                "Max pods {} per node is outside AKS's limits of {MIN_MAX_PODS} to {MAX_MAX_PODS}.",
                sizing.max_pods
            ),
        )),
        Some(MaxPodsProblem::PoolTooSmall { pool_pods }) => findings.push(Finding::error(
            RuleId::PoolTooFewPods,
            format!(
                "The pool has room for only {pool_pods} pods ({} nodes × {} max pods), but AKS needs room \
                 for at least {MIN_PODS_PER_POOL} pods in a node pool.",
                plan.nodes, sizing.max_pods
            ),
        )),
        None => {}
    }
    let limit = plan.plugin.max_nodes();
    if plan.nodes > NODE_POOL_MAX_NODES && plan.nodes <= limit {
        findings.push(Finding::error(
            RuleId::TooManyNodes,
            format!(
                "A node pool holds at most {} nodes, but the plan has {}; spread them over several \
                 pools (a cluster holds {} across all its pools).",
                group_thousands(u64::from(NODE_POOL_MAX_NODES)),
                group_thousands(u64::from(plan.nodes)),
                group_thousands(u64::from(limit))
            ),
        ));
    }
    if plan.nodes > limit {
        let why = if plan.plugin == IpMode::Kubenet {
            "kubenet needs one route per node and a route table holds 400 routes"
        } else {
            "that is the most nodes an AKS cluster can have"
        };
        findings.push(Finding::error(
            RuleId::TooManyNodes,
            format!(
                "{} allows at most {} nodes ({why}), but the plan has {}.",
                capitalise(plan.plugin.display_name()),
                group_thousands(u64::from(limit)),
                group_thousands(u64::from(plan.nodes))
            ),
        ));
    }
    if plan.plugin == IpMode::Kubenet {
        findings.push(Finding::warning(
            RuleId::KubenetRetiring,
            "Kubenet retires on 31 March 2028, so plan new clusters on Azure CNI Overlay instead.",
        ));
    }
}

fn check_vnets(plan: &NetworkPlan, findings: &mut Vec<Finding>) {
    let vnets: Vec<Named> = plan
        .vnets
        .iter()
        .map(|&vnet| named_given("cluster VNet range", vnet))
        .collect();
    for (index, vnet) in vnets.iter().enumerate() {
        push_overlaps(
            findings,
            RuleId::VnetRangesOverlap,
            vnet,
            &vnets[index + 1..],
            "the address ranges of one VNet must not overlap",
        );
    }
    for vnet in &vnets {
        push_overlaps(
            findings,
            RuleId::VnetOverlapsPeered,
            vnet,
            &peered_ranges(plan),
            "Azure cannot route between networks that share addresses",
        );
    }
}

fn check_reserved_blocks(plan: &NetworkPlan, findings: &mut Vec<Finding>) {
    // Peered and on-premises ranges are not the cluster's to choose, so only the cluster's own ranges count.
    let mut own: Vec<Named> = plan
        .vnets
        .iter()
        .map(|&vnet| named_given("cluster VNet", vnet))
        .collect();
    own.extend(
        plan.node_subnet
            .map(|subnet| named_given("node subnet", subnet)),
    );
    own.extend(
        plan.pod_subnet
            .filter(|_| plan.plugin.uses_pod_subnet())
            .map(|subnet| named_given("pod subnet", subnet)),
    );
    if plan.plugin.uses_pod_cidr() {
        own.extend(
            plan.pod_cidr_in_effect()
                .map(|pod| named_in_effect("pod CIDR", pod)),
        );
    }
    own.push(named_in_effect(
        "service CIDR",
        plan.service_cidr_in_effect(),
    ));
    for range in &own {
        for reserved in RESERVED_BLOCKS
            .iter()
            .filter(|reserved| overlaps(&range.range, reserved))
        {
            findings.push(Finding::error(
                RuleId::RangeUsesReservedBlock,
                format!(
                    "{} touches {reserved}, which AKS cannot use, so pick a range that avoids it.",
                    capitalise(&range.words)
                ),
            ));
        }
    }
}
