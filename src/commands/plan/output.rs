//! What `aks-tutor plan` prints: a text report with the formulas worked out, or one JSON object.

use serde_json::{Value, json};

use crate::sizing::cidr::{SMALLEST_SUBNET_PREFIX, group_thousands, usable_addresses};
use crate::sizing::{Finding, InEffect, NetworkPlan, PlanReport};

fn with_source<T: std::fmt::Display>(in_effect: &InEffect<T>, default_words: &str) -> String {
    if in_effect.is_default {
        format!("{} ({default_words})", in_effect.value)
    } else {
        in_effect.value.to_string()
    }
}

fn plural(count: u64, word: &str) -> String {
    let suffix = if count == 1 { "" } else { "s" };
    format!("{} {word}{suffix}", group_thousands(count))
}

/// The human-readable report: the inputs, each result with its formula, then the findings.
pub fn text(plan: &NetworkPlan, report: &PlanReport) -> String {
    let sizing = &report.sizing;
    let max_pods_source = if plan.max_pods.is_none() {
        " (the plugin's default)"
    } else {
        ""
    };
    let mut lines = vec![
        format!(
            "{}: {}, max {} pods per node{max_pods_source}, surge {} → {}",
            plan.plugin.display_name(),
            plural(u64::from(sizing.nodes), "node"),
            sizing.max_pods,
            plan.surge,
            plural(sizing.surge_nodes, "surge node"),
        ),
        String::new(),
        "Node subnet".to_string(),
        format!("  IPs needed:      {}", sizing.required_ips_formula()),
    ];
    match (sizing.min_prefix, sizing.usable_at_min_prefix) {
        (Some(prefix), Some(usable)) => lines.push(format!(
            "  smallest subnet: /{prefix}, with 2^{} − 5 = {} usable IPs",
            32 - prefix,
            group_thousands(usable)
        )),
        _ => lines.push("  smallest subnet: none; no IPv4 subnet is large enough".to_string()),
    }
    if let (Some(subnet), Some(max_nodes)) = (plan.node_subnet, report.max_nodes_in_node_subnet) {
        lines.push(room_line(subnet, max_nodes, sizing.surge_nodes));
    }
    if let Some(pod_sizing) = &report.pod_subnet_sizing {
        lines.push(String::new());
        lines.push(
            "Pod subnet (Azure CNI Pod Subnet: pods take VNet IPs of their own subnet)".to_string(),
        );
        lines.push(format!("  IPs needed:      {}", pod_sizing.formula()));
        match pod_sizing.min_prefix {
            Some(prefix) => lines.push(format!("  smallest subnet: /{prefix}")),
            None => {
                lines.push("  smallest subnet: none; no IPv4 subnet is large enough".to_string())
            }
        }
        if let (Some(subnet), Some(max_nodes)) = (plan.pod_subnet, report.max_nodes_in_pod_subnet) {
            lines.push(room_line(subnet, max_nodes, sizing.surge_nodes));
        }
    }
    if plan.plugin.uses_pod_cidr() {
        lines.push(String::new());
        lines.push("Pod CIDR (one /24 per node, surge included)".to_string());
        if let Some(prefix) = sizing.min_pod_cidr_prefix {
            lines.push(format!(
                "  smallest:        /{prefix}, which holds 2^(24 − {prefix}) = {} nodes ≥ {} + {}",
                group_thousands(1u64 << (24 - prefix)),
                sizing.nodes,
                sizing.surge_nodes
            ));
        }
        if let (Some(pod), Some(max_nodes)) = (&report.pod_cidr, report.max_nodes_in_pod_cidr) {
            lines.push(format!(
                "  in effect:       {}, room for {} plus surge",
                with_source(pod, "AKS's default"),
                plural(max_nodes, "node")
            ));
        }
    }
    lines.push(String::new());
    lines.push(if report.max_nodes == 0 {
        format!(
            "Max nodes:       none: {} has no room for a node and its surge",
            report.max_nodes_bound_by.words()
        )
    } else {
        format!(
            "Max nodes:       {} plus surge, set by {}",
            group_thousands(report.max_nodes),
            report.max_nodes_bound_by.words()
        )
    });
    lines.push(String::new());
    lines.push(format!(
        "Service CIDR {}, DNS service IP {}",
        with_source(&report.service_cidr, "AKS's default"),
        with_source(&report.dns_service_ip, "assumed: the .10 address")
    ));
    lines.push(String::new());
    if report.findings.is_empty() {
        lines.push("No findings: every rule holds.".to_string());
    } else {
        lines.push("Findings".to_string());
        for finding in &report.findings {
            lines.push(format!(
                "  {:<7} {}: {}",
                finding.severity.as_str(),
                finding.rule,
                finding.message
            ));
        }
    }
    let errors = report.errors().count() as u64;
    let warnings = report.warnings().count() as u64;
    lines.push(String::new());
    lines.push(format!(
        "{}: {}, {}.",
        if report.is_valid() {
            "Valid"
        } else {
            "Invalid"
        },
        plural(errors, "error"),
        plural(warnings, "warning")
    ));
    lines.join("\n")
}

/// How many nodes a subnet holds, or why it holds none: a /30 to /32 is no Azure subnet at all, and a
/// subnet with too few IPs for one node and its surge says so instead of "room for 0 nodes".
fn room_line(subnet: ipnet::Ipv4Net, max_nodes: u64, surge_nodes: u64) -> String {
    let prefix = subnet.prefix_len();
    if prefix > SMALLEST_SUBNET_PREFIX {
        return format!(
            "  {subnet}:  cannot hold a node; Azure's smallest subnet is a /{SMALLEST_SUBNET_PREFIX}"
        );
    }
    let usable = group_thousands(usable_addresses(prefix));
    if max_nodes == 0 {
        return format!(
            "  {subnet}:  {usable} usable IPs, too few for one node and its {}",
            plural(surge_nodes, "surge node")
        );
    }
    format!(
        "  {subnet}:  {usable} usable IPs, room for {} plus surge",
        plural(max_nodes, "node")
    )
}

fn findings_json<'a>(findings: impl Iterator<Item = &'a Finding>) -> Value {
    findings
        .map(|finding| json!({ "rule": finding.rule.as_str(), "message": finding.message }))
        .collect()
}

/// The report as one JSON object; null wherever a figure does not apply.
pub fn json(plan: &NetworkPlan, report: &PlanReport) -> serde_json::Result<String> {
    let sizing = &report.sizing;
    let pod_subnet = report.pod_subnet_sizing.as_ref();
    let object = json!({
        "plugin": plan.plugin.cli_name(),
        "nodes": sizing.nodes,
        "max_pods": sizing.max_pods,
        "surge": plan.surge.to_string(),
        "surge_nodes": sizing.surge_nodes,
        "required_ips": sizing.required_ips,
        "formula": sizing.required_ips_formula(),
        "min_prefix": sizing.min_prefix,
        "usable_at_min_prefix": sizing.usable_at_min_prefix,
        "min_pod_cidr_prefix": sizing.min_pod_cidr_prefix,
        "node_subnet": plan.node_subnet.map(|subnet| subnet.to_string()),
        "max_nodes": report.max_nodes,
        "max_nodes_bound_by": report.max_nodes_bound_by.as_str(),
        "max_nodes_in_node_subnet": report.max_nodes_in_node_subnet,
        "pod_cidr": report.pod_cidr.map(|pod| pod.value.to_string()),
        "max_nodes_in_pod_cidr": report.max_nodes_in_pod_cidr,
        "pod_subnet": plan.pod_subnet.map(|subnet| subnet.to_string()),
        "pod_subnet_required_ips": pod_subnet.map(|pod| pod.required_ips),
        "pod_subnet_formula": pod_subnet.map(|pod| pod.formula()),
        "pod_subnet_min_prefix": pod_subnet.and_then(|pod| pod.min_prefix),
        "max_nodes_in_pod_subnet": report.max_nodes_in_pod_subnet,
        "service_cidr": report.service_cidr.value.to_string(),
        "dns_service_ip": report.dns_service_ip.value.to_string(),
        "valid": report.is_valid(),
        "errors": findings_json(report.errors()),
        "warnings": findings_json(report.warnings()),
    });
    serde_json::to_string_pretty(&object)
}
