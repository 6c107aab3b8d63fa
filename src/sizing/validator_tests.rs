//! Tests of the plan validator: one or more plans per rule, and the seed's hub-spoke example.

use std::net::Ipv4Addr;

use super::cidr::parse_cidr;
use super::limits::NodeLimit;
use super::mode::IpMode;
use super::plan::NetworkPlan;
use super::rules::{RuleId, Severity};
use super::surge::Surge;

fn cidr(text: &str) -> ipnet::Ipv4Net {
    parse_cidr(text).expect("test CIDR")
}

/// The seed's spoke cluster, fixed: overlay in 10.1.0.0/16 peered to the hub 10.0.0.0/16.
fn fixed_seed_plan() -> NetworkPlan {
    NetworkPlan {
        vnets: vec![cidr("10.1.0.0/16")],
        peered: vec![cidr("10.0.0.0/16")],
        node_subnet: Some(cidr("10.1.0.0/24")),
        pod_cidr: Some(cidr("192.168.0.0/16")),
        service_cidr: Some(cidr("10.2.0.0/16")),
        dns_service_ip: Some(Ipv4Addr::new(10, 2, 0, 10)),
        ..NetworkPlan::new(IpMode::AzureCniOverlay, 50)
    }
}

fn rules_of(plan: &NetworkPlan) -> Vec<(RuleId, Severity)> {
    plan.validate()
        .findings
        .iter()
        .map(|finding| (finding.rule, finding.severity))
        .collect()
}

fn errors_of(plan: &NetworkPlan) -> Vec<RuleId> {
    plan.validate()
        .errors()
        .map(|finding| finding.rule)
        .collect()
}

#[test]
fn the_fixed_seed_plan_is_clean() {
    let report = fixed_seed_plan().validate();
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
    assert!(report.is_valid());
    assert_eq!(report.max_nodes_in_node_subnet, Some(250));
    assert_eq!(report.max_nodes_in_pod_cidr, Some(255));
    assert_eq!(report.max_nodes, 250, "the /24 node subnet binds");
    assert_eq!(report.max_nodes_bound_by, NodeLimit::NodeSubnet);
}

#[test]
fn the_seeds_own_plan_puts_services_on_the_spoke_vnet() {
    let seed = NetworkPlan {
        service_cidr: Some(cidr("10.1.0.0/16")),
        dns_service_ip: Some(Ipv4Addr::new(10, 1, 0, 10)),
        ..fixed_seed_plan()
    };
    assert_eq!(errors_of(&seed), vec![RuleId::ServiceCidrOverlapsVnet]);
    let message = &seed.validate().findings[0].message;
    assert!(message.contains("10.1.0.0/16"), "{message}");
}

#[test]
fn aks_default_service_cidr_collides_with_the_hub() {
    let defaults = NetworkPlan {
        service_cidr: None,
        dns_service_ip: None,
        ..fixed_seed_plan()
    };
    assert_eq!(
        errors_of(&defaults),
        vec![RuleId::ServiceCidrOverlapsPeered]
    );
    let report = defaults.validate();
    assert!(report.service_cidr.is_default);
    assert_eq!(report.dns_service_ip.value, Ipv4Addr::new(10, 0, 0, 10));
    assert!(
        report.findings[0]
            .message
            .contains("default service CIDR 10.0.0.0/16")
    );
}

#[test]
fn host_bits_are_an_error_naming_the_network() {
    let plan = NetworkPlan {
        vnets: vec![cidr("10.1.7.0/16")],
        ..fixed_seed_plan()
    };
    let report = plan.validate();
    assert_eq!(errors_of(&plan), vec![RuleId::HostBitsSet]);
    assert!(report.findings[0].message.contains("it means 10.1.0.0/16"));
}

#[test]
fn max_pods_limits_and_the_pool_minimum() {
    let too_many = NetworkPlan {
        max_pods: Some(251),
        ..fixed_seed_plan()
    };
    assert_eq!(errors_of(&too_many), vec![RuleId::MaxPodsOutOfRange]);
    let small_pool = NetworkPlan {
        nodes: 2,
        max_pods: Some(10),
        ..fixed_seed_plan()
    };
    assert_eq!(errors_of(&small_pool), vec![RuleId::PoolTooFewPods]);
}

#[test]
fn node_limits_per_mode() {
    let kubenet = NetworkPlan {
        plugin: IpMode::Kubenet,
        nodes: 401,
        node_subnet: Some(cidr("10.1.0.0/22")),
        pod_cidr: Some(cidr("10.244.0.0/15")),
        ..fixed_seed_plan()
    };
    assert_eq!(errors_of(&kubenet), vec![RuleId::TooManyNodes]);
    assert!(rules_of(&kubenet).contains(&(RuleId::KubenetRetiring, Severity::Warning)));
    let overlay = NetworkPlan {
        nodes: 5_001,
        node_subnet: Some(cidr("10.1.0.0/19")),
        pod_cidr: Some(cidr("100.64.0.0/10")),
        ..fixed_seed_plan()
    };
    assert_eq!(errors_of(&overlay), vec![RuleId::TooManyNodes]);
    // A cluster holds 5,000 nodes, but one pool only 1,000 (AKS quotas).
    let one_pool = NetworkPlan {
        nodes: 5_000,
        ..overlay.clone()
    };
    assert_eq!(errors_of(&one_pool), vec![RuleId::TooManyNodes]);
    let at_limit = NetworkPlan {
        nodes: 1_000,
        ..overlay
    };
    assert!(at_limit.validate().is_valid());
}

#[test]
fn reserved_blocks_rule_out_172_16_slash_12_for_pods() {
    let plan = NetworkPlan {
        pod_cidr: Some(cidr("172.16.0.0/12")),
        ..fixed_seed_plan()
    };
    let errors = errors_of(&plan);
    assert_eq!(
        errors,
        vec![
            RuleId::RangeUsesReservedBlock,
            RuleId::RangeUsesReservedBlock
        ],
        "172.30.0.0/16 and 172.31.0.0/16"
    );
    for block in ["169.254.0.0/16", "192.0.2.0/24"] {
        let service = NetworkPlan {
            service_cidr: Some(cidr(block)),
            dns_service_ip: None,
            ..fixed_seed_plan()
        };
        assert_eq!(
            errors_of(&service),
            vec![RuleId::RangeUsesReservedBlock],
            "{block}"
        );
    }
}

#[test]
fn pod_cidr_must_be_private_and_apart() {
    let public = NetworkPlan {
        pod_cidr: Some(cidr("8.8.0.0/16")),
        ..fixed_seed_plan()
    };
    assert_eq!(errors_of(&public), vec![RuleId::PodCidrNotPrivate]);
    let cgnat = NetworkPlan {
        pod_cidr: Some(cidr("100.64.0.0/16")),
        ..fixed_seed_plan()
    };
    assert!(cgnat.validate().is_valid());
    let in_vnet = NetworkPlan {
        pod_cidr: Some(cidr("10.1.128.0/17")),
        ..fixed_seed_plan()
    };
    assert_eq!(errors_of(&in_vnet), vec![RuleId::PodCidrOverlapsVnet]);
    let on_hub = NetworkPlan {
        pod_cidr: Some(cidr("10.0.0.0/16")),
        ..fixed_seed_plan()
    };
    assert_eq!(errors_of(&on_hub), vec![RuleId::PodCidrOverlapsPeered]);
    let on_services = NetworkPlan {
        pod_cidr: Some(cidr("10.2.0.0/16")),
        ..fixed_seed_plan()
    };
    assert_eq!(
        errors_of(&on_services),
        vec![RuleId::ServiceCidrOverlapsPodCidr]
    );
}

#[test]
fn pod_cidr_capacity_counts_surge() {
    let plan = NetworkPlan {
        nodes: 256,
        ..fixed_seed_plan()
    };
    // 256 nodes + 1 surge = 257 /24s, one more than a /16 holds; the node subnet needs a /23 too.
    let errors = errors_of(&NetworkPlan {
        node_subnet: Some(cidr("10.1.0.0/23")),
        ..plan
    });
    assert_eq!(errors, vec![RuleId::PodCidrTooSmall]);
}

#[test]
fn azure_cni_rejects_a_pod_cidr_and_needs_room_for_pods() {
    let azure = NetworkPlan {
        plugin: IpMode::AzureCni,
        pod_cidr: None,
        node_subnet: Some(cidr("10.1.0.0/21")),
        ..fixed_seed_plan()
    };
    let report = azure.validate();
    assert!(report.is_valid(), "{:#?}", report.findings);
    assert_eq!(report.sizing.required_ips, 1_581);
    assert_eq!(
        report.max_nodes_in_node_subnet,
        Some(64),
        "2,043 / 31 = 65 slots, one for surge"
    );
    assert_eq!(report.max_nodes, 64);
    let with_pod_cidr = NetworkPlan {
        pod_cidr: Some(cidr("192.168.0.0/16")),
        ..azure.clone()
    };
    assert_eq!(
        errors_of(&with_pod_cidr),
        vec![RuleId::PodCidrNotUsedByAzureCni]
    );
    let too_small = NetworkPlan {
        node_subnet: Some(cidr("10.1.0.0/22")),
        ..azure
    };
    assert_eq!(errors_of(&too_small), vec![RuleId::NodeSubnetTooSmall]);
    let message = &too_small.validate().findings[0].message;
    assert!(message.contains("1,019 usable IPs"), "{message}");
    assert!(message.contains("use a /21 or larger"), "{message}");
}

#[test]
fn node_subnet_placement_and_minimum_size() {
    let outside = NetworkPlan {
        node_subnet: Some(cidr("10.9.0.0/24")),
        ..fixed_seed_plan()
    };
    assert_eq!(errors_of(&outside), vec![RuleId::NodeSubnetOutsideVnet]);
    let on_hub = NetworkPlan {
        node_subnet: Some(cidr("10.0.1.0/24")),
        ..fixed_seed_plan()
    };
    assert_eq!(
        errors_of(&on_hub),
        vec![
            RuleId::NodeSubnetOutsideVnet,
            RuleId::NodeSubnetOverlapsPeered
        ]
    );
    let tiny = NetworkPlan {
        nodes: 1,
        max_pods: Some(30),
        node_subnet: Some(cidr("10.1.0.0/30")),
        ..fixed_seed_plan()
    };
    assert_eq!(errors_of(&tiny), vec![RuleId::SubnetSmallerThan29]);
}

#[test]
fn vnets_must_not_overlap_peers_or_each_other() {
    let plan = NetworkPlan {
        vnets: vec![
            cidr("10.1.0.0/16"),
            cidr("10.1.128.0/17"),
            cidr("10.0.128.0/17"),
        ],
        ..fixed_seed_plan()
    };
    assert_eq!(
        errors_of(&plan),
        vec![RuleId::VnetRangesOverlap, RuleId::VnetOverlapsPeered]
    );
}

#[test]
fn service_cidr_size_slash_12_is_a_warning_and_larger_an_error() {
    let exact = NetworkPlan {
        service_cidr: Some(cidr("10.16.0.0/12")),
        dns_service_ip: Some(Ipv4Addr::new(10, 16, 0, 10)),
        ..fixed_seed_plan()
    };
    assert_eq!(
        rules_of(&exact),
        vec![(RuleId::ServiceCidrTooLarge, Severity::Warning)]
    );
    assert!(exact.validate().is_valid());
    let larger = NetworkPlan {
        service_cidr: Some(cidr("10.32.0.0/11")),
        dns_service_ip: Some(Ipv4Addr::new(10, 32, 0, 10)),
        ..fixed_seed_plan()
    };
    assert_eq!(
        rules_of(&larger),
        vec![(RuleId::ServiceCidrTooLarge, Severity::Error)]
    );
}

#[test]
fn dns_service_ip_placement() {
    let with_dns = |last_octet: u8, third: u8| NetworkPlan {
        dns_service_ip: Some(Ipv4Addr::new(10, third, 0, last_octet)),
        ..fixed_seed_plan()
    };
    assert_eq!(
        rules_of(&with_dns(10, 3)),
        vec![(RuleId::DnsIpOutsideServiceCidr, Severity::Error)]
    );
    assert_eq!(
        rules_of(&with_dns(0, 2)),
        vec![(RuleId::DnsIpIsNetworkAddress, Severity::Error)]
    );
    assert_eq!(
        rules_of(&with_dns(1, 2)),
        vec![(RuleId::DnsIpIsKubernetesService, Severity::Error)]
    );
    assert_eq!(
        rules_of(&with_dns(53, 2)),
        vec![(RuleId::DnsIpNotDotTen, Severity::Warning)]
    );
    assert!(with_dns(53, 2).validate().is_valid());
}

#[test]
fn a_plan_without_vnets_checks_the_node_subnet_against_the_services() {
    let plan = NetworkPlan {
        node_subnet: Some(cidr("10.0.0.0/24")),
        ..NetworkPlan::new(IpMode::AzureCniOverlay, 3)
    };
    assert_eq!(errors_of(&plan), vec![RuleId::ServiceCidrOverlapsVnet]);
    assert!(
        plan.validate().findings[0]
            .message
            .contains("the node subnet 10.0.0.0/24")
    );
}

#[test]
fn surge_as_percentage_feeds_the_capacity_checks() {
    let plan = NetworkPlan {
        plugin: IpMode::AzureCni,
        nodes: 60,
        surge: Surge::Percent(10),
        pod_cidr: None,
        node_subnet: Some(cidr("10.1.0.0/21")),
        ..fixed_seed_plan()
    };
    let report = plan.validate();
    assert_eq!(report.sizing.surge_nodes, 6);
    assert_eq!(report.sizing.required_ips, 66 + 66 * 30);
    assert_eq!(errors_of(&plan), vec![RuleId::NodeSubnetTooSmall]);
}
