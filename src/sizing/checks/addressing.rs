//! The validator's rules for the cluster's own address ranges: node subnet, pod CIDR, service CIDR, DNS IP.

use super::{
    PRIVATE_POD_BLOCKS, capitalise, cluster_ranges, named_given, named_in_effect, peered_ranges,
    push_overlaps, smaller_than_azure_allows,
};
use crate::sizing::capacity::{NodeSubnetSizing, node_slots_in_pod_cidr};
use crate::sizing::cidr::{bounds, contains, group_thousands, network_of, usable_addresses};
use crate::sizing::plan::{DNS_SERVICE_IP_OFFSET, NetworkPlan};
use crate::sizing::rules::{Finding, RuleId};

pub(super) fn check_node_subnet(
    plan: &NetworkPlan,
    sizing: &NodeSubnetSizing,
    findings: &mut Vec<Finding>,
) {
    let Some(written) = plan.node_subnet else {
        return;
    };
    let subnet = named_given("node subnet", written);
    let inside_a_vnet = plan.vnets.iter().any(|vnet| contains(vnet, &subnet.range));
    if !plan.vnets.is_empty() && !inside_a_vnet {
        let vnets: Vec<String> = plan.vnets.iter().map(ToString::to_string).collect();
        findings.push(Finding::error(
            RuleId::NodeSubnetOutsideVnet,
            format!(
                "{} is not inside the cluster VNet ({}); a subnet must be carved out of its VNet.",
                capitalise(&subnet.words),
                vnets.join(", ")
            ),
        ));
    }
    // A subnet inside a VNet is covered by the VNet's own peering check; one outside is checked here.
    if !inside_a_vnet {
        push_overlaps(
            findings,
            RuleId::NodeSubnetOverlapsPeered,
            &subnet,
            &peered_ranges(plan),
            "nodes could not reach the peered network",
        );
    }
    if smaller_than_azure_allows(findings, &subnet) {
        return;
    }
    let prefix = written.prefix_len();
    let usable = usable_addresses(prefix);
    if usable < sizing.required_ips {
        let advice = sizing
            .min_prefix
            .map_or("no IPv4 subnet is large enough".to_string(), |min| {
                format!("use a /{min} or larger")
            });
        findings.push(Finding::error(
            RuleId::NodeSubnetTooSmall,
            format!(
                "{} has {} usable IPs but the pool needs {}, so {advice}.",
                capitalise(&subnet.words),
                group_thousands(usable),
                sizing.required_ips_formula()
            ),
        ));
    }
}

pub(super) fn check_pod_cidr(
    plan: &NetworkPlan,
    sizing: &NodeSubnetSizing,
    findings: &mut Vec<Finding>,
) {
    if !plan.plugin.uses_pod_cidr() {
        if let Some(given) = plan.pod_cidr {
            // The Azure CLI refuses --pod-cidr with Azure CNI (node subnet) since 2023, so this is an error,
            // and the rest of the pod-CIDR rules do not apply to a range the cluster would never use.
            let (mode, from) = if plan.plugin.uses_pod_subnet() {
                (plan.plugin.display_name(), "pod-subnet IPs")
            } else {
                ("Azure CNI (node subnet)", "node-subnet IPs")
            };
            findings.push(Finding::error(
                RuleId::PodCidrNotUsedByAzureCni,
                format!(
                    "{mode} gives pods {from} and AKS refuses a pod CIDR with it, so drop {given} or \
                     choose azure-cni-overlay."
                ),
            ));
        }
        return;
    }
    let Some(in_effect) = plan.pod_cidr_in_effect() else {
        return;
    };
    let pod = named_in_effect("pod CIDR", in_effect);
    if !PRIVATE_POD_BLOCKS
        .iter()
        .any(|block| contains(block, &pod.range))
    {
        findings.push(Finding::error(
            RuleId::PodCidrNotPrivate,
            format!(
                "{} is not private space; a pod CIDR must lie in 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 \
                 or 100.64.0.0/10.",
                capitalise(&pod.words)
            ),
        ));
    }
    push_overlaps(
        findings,
        RuleId::PodCidrOverlapsVnet,
        &pod,
        &cluster_ranges(plan),
        "pod traffic to those addresses would never leave the node",
    );
    push_overlaps(
        findings,
        RuleId::PodCidrOverlapsPeered,
        &pod,
        &peered_ranges(plan),
        "pods could not reach that network",
    );
    let capacity = node_slots_in_pod_cidr(pod.range.prefix_len());
    if capacity < sizing.node_slots() {
        let advice = sizing
            .min_pod_cidr_prefix
            .map_or("no IPv4 range is large enough".to_string(), |min| {
                format!("use a /{min} or larger")
            });
        findings.push(Finding::error(
            RuleId::PodCidrTooSmall,
            format!(
                "{} holds {} nodes (one /24 each) but the pool needs {} with surge, so {advice}.",
                capitalise(&pod.words),
                group_thousands(capacity),
                group_thousands(sizing.node_slots())
            ),
        ));
    }
}

pub(super) fn check_service_cidr(plan: &NetworkPlan, findings: &mut Vec<Finding>) {
    let service = named_in_effect("service CIDR", plan.service_cidr_in_effect());
    push_overlaps(
        findings,
        RuleId::ServiceCidrOverlapsVnet,
        &service,
        &cluster_ranges(plan),
        "Kubernetes service IPs must be addresses used nowhere in the VNet",
    );
    push_overlaps(
        findings,
        RuleId::ServiceCidrOverlapsPeered,
        &service,
        &peered_ranges(plan),
        "traffic to that network would be caught by Kubernetes services",
    );
    // Azure CNI (node subnet) uses no pod CIDR, so a given one cannot collide with services.
    let pod_cidr_used = plan
        .pod_cidr_in_effect()
        .filter(|_| plan.plugin.uses_pod_cidr());
    if let Some(pod) = pod_cidr_used {
        push_overlaps(
            findings,
            RuleId::ServiceCidrOverlapsPodCidr,
            &service,
            &[named_in_effect("pod CIDR", pod)],
            "service and pod IPs must never be the same",
        );
    }
    let prefix = service.range.prefix_len();
    if prefix < 12 {
        findings.push(Finding::error(
            RuleId::ServiceCidrTooLarge,
            format!(
                "{} is larger than AKS allows; a service CIDR must be smaller than a /12.",
                capitalise(&service.words)
            ),
        ));
    } else if prefix == 12 {
        findings.push(Finding::warning(
            RuleId::ServiceCidrTooLarge,
            format!(
                "{} is exactly a /12, which Kubernetes accepts but AKS advises against; a /16 is plenty.",
                capitalise(&service.words)
            ),
        ));
    }
}

pub(super) fn check_dns_service_ip(plan: &NetworkPlan, findings: &mut Vec<Finding>) {
    let service = network_of(&plan.service_cidr_in_effect().value);
    let dns = plan.dns_service_ip_in_effect();
    let words = if dns.is_default {
        format!("The assumed DNS service IP {} (none is set)", dns.value)
    } else {
        format!("The DNS service IP {}", dns.value)
    };
    let (first, _) = bounds(&service);
    let offset = u32::from(dns.value).wrapping_sub(first);
    if !service.contains(&dns.value) {
        findings.push(Finding::error(
            RuleId::DnsIpOutsideServiceCidr,
            format!("{words} is outside the service CIDR {service}; CoreDNS's service IP must come from it."),
        ));
    } else if offset == 0 {
        findings.push(Finding::error(
            RuleId::DnsIpIsNetworkAddress,
            format!("{words} is the network address of {service}, which no service can have."),
        ));
    } else if offset == 1 {
        findings.push(Finding::error(
            RuleId::DnsIpIsKubernetesService,
            format!("{words} is the first address of {service}, which Kubernetes gives to kubernetes.default."),
        ));
    } else if offset != DNS_SERVICE_IP_OFFSET {
        findings.push(Finding::warning(
            RuleId::DnsIpNotDotTen,
            format!(
                "{words} works, but by convention it is the .10 address of the service CIDR, which people expect."
            ),
        ));
    }
}
