//! Tests of the plan validator's node limits, pod subnets, and the bounds on its work (issues 16, 17).

use super::cidr::parse_cidr;
use super::findings::MAX_PER_RULE;
use super::limits::NodeLimit;
use super::mode::IpMode;
use super::plan::NetworkPlan;
use super::rules::{RuleId, Severity};

fn cidr(text: &str) -> ipnet::Ipv4Net {
    parse_cidr(text).expect("test CIDR")
}

fn rules_of(plan: &NetworkPlan) -> Vec<RuleId> {
    plan.validate().findings.iter().map(|f| f.rule).collect()
}

#[test]
fn max_nodes_is_the_smallest_limit_and_says_which() {
    // The case: a /16 node subnet holds 65,530 nodes, but a /16 pod CIDR only 255.
    let overlay = NetworkPlan {
        node_subnet: Some(cidr("10.1.0.0/16")),
        pod_cidr: Some(cidr("192.168.0.0/16")),
        ..NetworkPlan::new(IpMode::AzureCniOverlay, 50)
    };
    let report = overlay.validate();
    assert_eq!(report.max_nodes_in_node_subnet, Some(65_530));
    assert_eq!(report.max_nodes, 255);
    assert_eq!(report.max_nodes_bound_by, NodeLimit::PodCidr);
    let wide = NetworkPlan {
        pod_cidr: Some(cidr("100.64.0.0/10")),
        ..overlay.clone()
    };
    assert_eq!(wide.validate().max_nodes, 1_000);
    assert_eq!(wide.validate().max_nodes_bound_by, NodeLimit::NodePool);
    let kubenet = NetworkPlan {
        plugin: IpMode::Kubenet,
        ..wide
    };
    assert_eq!(kubenet.validate().max_nodes, 400);
    assert_eq!(
        kubenet.validate().max_nodes_bound_by,
        NodeLimit::KubenetRoutes
    );
}

#[test]
fn a_pool_of_more_than_1000_nodes_is_refused() {
    let plan = NetworkPlan::new(IpMode::AzureCniOverlay, 1_001);
    let report = plan.validate();
    let finding = report
        .findings
        .iter()
        .find(|f| f.rule == RuleId::TooManyNodes)
        .expect("too many nodes for one pool");
    assert!(
        finding.message.contains("at most 1,000 nodes"),
        "{}",
        finding.message
    );
    assert!(
        !rules_of(&NetworkPlan::new(IpMode::AzureCniOverlay, 1_000))
            .contains(&RuleId::TooManyNodes)
    );
}

#[test]
fn pod_subnet_modes_size_and_check_the_pod_subnet() {
    let plan = NetworkPlan {
        max_pods: Some(31),
        vnets: vec![cidr("10.1.0.0/16")],
        node_subnet: Some(cidr("10.1.0.0/24")),
        pod_subnet: Some(cidr("10.1.16.0/20")),
        service_cidr: Some(cidr("10.2.0.0/16")),
        dns_service_ip: Some("10.2.0.10".parse().expect("an IP")),
        ..NetworkPlan::new(IpMode::PodSubnetStatic, 50)
    };
    let report = plan.validate();
    assert!(report.is_valid(), "{:#?}", report.findings);
    let pod = report
        .pod_subnet_sizing
        .as_ref()
        .expect("pod subnet sizing");
    assert_eq!(pod.required_ips, 51 * 32);
    // A /20 has 256 /28 blocks, 254 usable: 127 node slots of 2 blocks.
    assert_eq!(report.max_nodes_in_pod_subnet, Some(126));
    assert_eq!(report.max_nodes, 126);
    assert_eq!(report.max_nodes_bound_by, NodeLimit::PodSubnet);

    let small = NetworkPlan {
        pod_subnet: Some(cidr("10.1.16.0/24")),
        ..plan.clone()
    };
    assert!(rules_of(&small).contains(&RuleId::PodSubnetTooSmall));
    let outside = NetworkPlan {
        pod_subnet: Some(cidr("10.9.0.0/20")),
        ..plan.clone()
    };
    assert!(rules_of(&outside).contains(&RuleId::PodSubnetOutsideVnet));
    let on_nodes = NetworkPlan {
        pod_subnet: Some(cidr("10.1.0.0/20")),
        ..plan.clone()
    };
    assert!(rules_of(&on_nodes).contains(&RuleId::PodSubnetOverlapsNodeSubnet));
    let huge = NetworkPlan {
        vnets: vec![cidr("10.0.0.0/8")],
        pod_subnet: Some(cidr("10.64.0.0/11")),
        ..plan.clone()
    };
    assert!(rules_of(&huge).contains(&RuleId::PodSubnetTooLarge));
    let wasteful = NetworkPlan {
        max_pods: Some(32),
        ..plan.clone()
    };
    let waste = wasteful.validate();
    let finding = waste
        .findings
        .iter()
        .find(|f| f.rule == RuleId::StaticBlocksWasteIps)
        .expect("a waste warning");
    assert_eq!(finding.severity, Severity::Warning);
    let overlay = NetworkPlan {
        plugin: IpMode::AzureCniOverlay,
        ..plan
    };
    assert!(rules_of(&overlay).contains(&RuleId::PodSubnetNotUsed));
}

#[test]
fn repeated_ranges_count_once_and_no_rule_floods_the_report() {
    let plan = NetworkPlan {
        vnets: vec![cidr("10.0.0.0/8"); 5_000],
        ..NetworkPlan::new(IpMode::AzureCniOverlay, 10)
    };
    let report = plan.validate();
    let overlaps = report
        .findings
        .iter()
        .filter(|f| f.rule == RuleId::VnetRangesOverlap)
        .count();
    assert_eq!(overlaps, 0, "one range said 5,000 times is one range");
    // 40 distinct ranges inside 10.0.0.0/8 overlap it 40 times: 10 are shown, then a count.
    let mut vnets = vec![cidr("10.0.0.0/8")];
    vnets.extend((0..40).map(|index| cidr(&format!("10.{index}.0.0/16"))));
    let nested = NetworkPlan {
        vnets,
        ..NetworkPlan::new(IpMode::AzureCniOverlay, 10)
    };
    let findings = nested.validate().findings;
    let shown: Vec<_> = findings
        .iter()
        .filter(|f| f.rule == RuleId::VnetRangesOverlap)
        .collect();
    assert_eq!(shown.len(), MAX_PER_RULE + 1);
    assert!(
        shown[MAX_PER_RULE].message.contains("30 more"),
        "{}",
        shown[MAX_PER_RULE].message
    );
    // Errors come before warnings.
    let first_warning = findings
        .iter()
        .position(|f| f.severity == Severity::Warning);
    let last_error = findings.iter().rposition(|f| f.severity == Severity::Error);
    if let (Some(warning), Some(error)) = (first_warning, last_error) {
        assert!(error < warning);
    }
}
