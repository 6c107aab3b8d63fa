//! The course's worked example plans (the hub-spoke case, broken and fixed) and how a plan reads in a prompt.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::mode::IpMode;
use super::plan::NetworkPlan;

pub(crate) fn v4(a: u8, b: u8, c: u8, d: u8) -> Ipv4Addr {
    Ipv4Addr::new(a, b, c, d)
}

pub(crate) fn range(a: u8, b: u8, c: u8, d: u8, prefix: u8) -> Ipv4Net {
    // Every call site passes a literal or generated prefix of at most 32; the fallback keeps this panic-free.
    Ipv4Net::new(v4(a, b, c, d), prefix.min(32)).unwrap_or_default()
}

pub(crate) const HUB: (u8, u8) = (10, 0);

/// The seed's real-world example: a private AKS cluster on Azure CNI Overlay in spoke 10.1.0.0/16, peered to
/// the hub 10.0.0.0/16, with its service CIDR set to the spoke's own range (its mistake).
pub fn seed_example_plan() -> NetworkPlan {
    NetworkPlan {
        vnets: vec![range(10, 1, 0, 0, 16)],
        peered: vec![range(HUB.0, HUB.1, 0, 0, 16)],
        node_subnet: Some(range(10, 1, 0, 0, 24)),
        pod_cidr: Some(range(192, 168, 0, 0, 16)),
        service_cidr: Some(range(10, 1, 0, 0, 16)),
        dns_service_ip: Some(v4(10, 1, 0, 10)),
        ..NetworkPlan::new(IpMode::AzureCniOverlay, 50)
    }
}

/// The seed's example fixed: services on 10.2.0.0/16, used nowhere else, with CoreDNS on 10.2.0.10.
pub fn fixed_seed_example_plan() -> NetworkPlan {
    NetworkPlan {
        service_cidr: Some(range(10, 2, 0, 0, 16)),
        dns_service_ip: Some(v4(10, 2, 0, 10)),
        ..seed_example_plan()
    }
}

fn or_default(value: Option<String>, default_words: &str) -> String {
    value.unwrap_or_else(|| format!("not set ({default_words})"))
}

/// The plan as the lines of an exercise prompt.
pub fn describe_plan(plan: &NetworkPlan) -> Vec<String> {
    let join = |ranges: &[Ipv4Net]| {
        let texts: Vec<String> = ranges.iter().map(ToString::to_string).collect();
        if texts.is_empty() {
            "none".to_string()
        } else {
            texts.join(", ")
        }
    };
    let mut lines = vec![
        format!(
            "plugin: {}, {} nodes, max pods {}, max surge {}",
            plan.plugin.display_name(),
            plan.nodes,
            plan.max_pods_in_effect(),
            plan.surge
        ),
        format!(
            "cluster VNet: {}; peered: {}",
            join(&plan.vnets),
            join(&plan.peered)
        ),
        format!(
            "node subnet: {}",
            or_default(plan.node_subnet.map(|net| net.to_string()), "none given")
        ),
    ];
    if plan.plugin.uses_pod_cidr() || plan.pod_cidr.is_some() {
        lines.push(format!(
            "pod CIDR: {}",
            or_default(
                plan.pod_cidr.map(|net| net.to_string()),
                "AKS's default 10.244.0.0/16"
            )
        ));
    }
    lines.push(format!(
        "service CIDR: {}; DNS service IP: {}",
        or_default(
            plan.service_cidr.map(|net| net.to_string()),
            "AKS's default 10.0.0.0/16"
        ),
        or_default(
            plan.dns_service_ip.map(|ip| ip.to_string()),
            "the .10 address"
        )
    ));
    lines
}
