//! The validator's rules for Azure CNI Pod Subnet's pod subnet (concepts-network-azure-cni-pod-subnet.md).

use super::{capitalise, named_given, smaller_than_azure_allows};
use crate::sizing::cidr::{contains, group_thousands, overlaps};
use crate::sizing::plan::NetworkPlan;
use crate::sizing::pod_subnet::{PodSubnetSizing, STATIC_LARGEST_PREFIX, node_slots_in_pod_subnet};
use crate::sizing::rules::{Finding, RuleId};

pub(super) fn check_pod_subnet(
    plan: &NetworkPlan,
    sizing: Option<&PodSubnetSizing>,
    findings: &mut Vec<Finding>,
) {
    let Some(sizing) = sizing else {
        if let Some(given) = plan.pod_subnet {
            findings.push(Finding::error(
                RuleId::PodSubnetNotUsed,
                format!(
                    "{} takes no pod subnet, so drop {given} or choose azure-cni-pod-subnet.",
                    capitalise(plan.plugin.display_name())
                ),
            ));
        }
        return;
    };
    if sizing.wasted_per_node() > 0 {
        let better = (u64::from(sizing.max_pods) + 1).div_ceil(16) * 16 - 1;
        findings.push(Finding::warning(
            RuleId::StaticBlocksWasteIps,
            format!(
                "Max pods {} takes {} IPs per node in /28 blocks, one for the node, so {} go unused; \
                 max pods {better} (16k − 1) wastes none.",
                sizing.max_pods,
                sizing.ips_per_node,
                sizing.wasted_per_node()
            ),
        ));
    }
    let Some(written) = plan.pod_subnet else {
        return;
    };
    let subnet = named_given("pod subnet", written);
    if !plan.vnets.is_empty() && !plan.vnets.iter().any(|vnet| contains(vnet, &subnet.range)) {
        findings.push(Finding::error(
            RuleId::PodSubnetOutsideVnet,
            format!(
                "{} is not inside the cluster VNet; pods take VNet IPs, so it must be a subnet of it.",
                capitalise(&subnet.words)
            ),
        ));
    }
    if let Some(node_subnet) = plan.node_subnet
        && overlaps(&subnet.range, &node_subnet)
    {
        findings.push(Finding::error(
            RuleId::PodSubnetOverlapsNodeSubnet,
            format!(
                "{} overlaps the node subnet {node_subnet}; pods and nodes need subnets of their own.",
                capitalise(&subnet.words)
            ),
        ));
    }
    if smaller_than_azure_allows(findings, &subnet) {
        return;
    }
    let prefix = written.prefix_len();
    if plan.plugin == crate::sizing::IpMode::PodSubnetStatic && prefix < STATIC_LARGEST_PREFIX {
        findings.push(Finding::error(
            RuleId::PodSubnetTooLarge,
            format!(
                "{} is larger than a /{STATIC_LARGEST_PREFIX}, the largest pod subnet static block \
                 allocation supports.",
                capitalise(&subnet.words)
            ),
        ));
    }
    let holds = node_slots_in_pod_subnet(plan.plugin, prefix, sizing.max_pods);
    if holds < sizing.node_slots {
        let advice = sizing
            .min_prefix
            .map_or("no IPv4 subnet is large enough".to_string(), |min| {
                format!("use a /{min} or larger")
            });
        findings.push(Finding::error(
            RuleId::PodSubnetTooSmall,
            format!(
                "{} has room for the pod IPs of {} nodes, surge included, but the pool needs {}, so \
                 {advice}.",
                capitalise(&subnet.words),
                group_thousands(holds),
                sizing.formula()
            ),
        ));
    }
}
