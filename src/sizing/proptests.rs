//! Property tests: the sizing maths against brute force, and no panic on any input a user can write.

use std::collections::BTreeSet;
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;
use proptest::prelude::*;

use super::address_space::AddressSpace;
use super::capacity::{
    NodeSubnetSizing, max_nodes_for_slots, node_slots_in_pod_cidr, smallest_pod_cidr_prefix,
};
use super::cidr::{
    SMALLEST_SUBNET_PREFIX, contains, overlaps, parse_cidr, parse_ipv4, smallest_subnet_prefix,
    usable_addresses,
};
use super::exercise::{
    Choice, Exercise, ExerciseKind, parse_choice_answer, parse_number_answer, parse_prefix_answer,
};
use super::mode::IpMode;
use super::plan::NetworkPlan;
use super::rules::RuleId;
use super::surge::Surge;

fn any_mode() -> impl Strategy<Value = IpMode> {
    prop::sample::select(IpMode::ALL.to_vec())
}

/// Every mode `plan` sizes, the pod-subnet modes included.
fn any_plan_mode() -> impl Strategy<Value = IpMode> {
    prop::sample::select(IpMode::PLAN.to_vec())
}

fn any_surge() -> impl Strategy<Value = Surge> {
    prop_oneof![
        any::<u32>().prop_map(Surge::Count),
        any::<u32>().prop_map(Surge::Percent)
    ]
}

fn any_net() -> impl Strategy<Value = Ipv4Net> {
    (any::<u32>(), 0u8..=32).prop_map(|(address, prefix)| {
        Ipv4Net::new(Ipv4Addr::from(address), prefix).unwrap_or_default()
    })
}

/// Ranges inside 10.0.0.0/24, small enough to list every address.
fn small_net() -> impl Strategy<Value = Ipv4Net> {
    (any::<u8>(), 24u8..=32).prop_map(|(last, prefix)| {
        Ipv4Net::new(Ipv4Addr::new(10, 0, 0, last), prefix).unwrap_or_default()
    })
}

fn addresses(net: &Ipv4Net) -> BTreeSet<u32> {
    (u32::from(net.network())..=u32::from(net.broadcast())).collect()
}

fn any_plan() -> impl Strategy<Value = NetworkPlan> {
    (
        (
            any_plan_mode(),
            any::<u32>(),
            prop::option::of(any::<u32>()),
            any_surge(),
            prop::option::of(any_net()),
        ),
        (
            prop::collection::vec(any_net(), 0..4),
            prop::collection::vec(any_net(), 0..4),
            prop::option::of(any_net()),
            prop::option::of(any_net()),
            prop::option::of(any_net()),
            prop::option::of(any::<u32>().prop_map(Ipv4Addr::from)),
        ),
    )
        .prop_map(
            |(
                (plugin, nodes, max_pods, surge, pod_subnet),
                (vnets, peered, node_subnet, pod_cidr, service_cidr, dns),
            )| {
                NetworkPlan {
                    plugin,
                    nodes,
                    max_pods,
                    surge,
                    vnets,
                    peered,
                    node_subnet,
                    pod_cidr,
                    pod_subnet,
                    service_cidr,
                    dns_service_ip: dns,
                }
            },
        )
}

proptest! {
    #[test]
    fn the_chosen_subnet_fits_and_the_next_smaller_does_not(required in 0u64..=(1u64 << 33)) {
        match smallest_subnet_prefix(required) {
            Some(prefix) => {
                prop_assert!(prefix <= SMALLEST_SUBNET_PREFIX);
                prop_assert!(usable_addresses(prefix) >= required);
                if prefix < SMALLEST_SUBNET_PREFIX {
                    prop_assert!(usable_addresses(prefix + 1) < required);
                }
            }
            None => prop_assert!(required > usable_addresses(0)),
        }
    }

    #[test]
    fn a_pool_fits_its_min_prefix_and_not_the_next(
        mode in any_mode(), nodes in 1u32..=6_000, max_pods in 10u32..=250, surge in any_surge()
    ) {
        let sizing = NodeSubnetSizing::new(mode, nodes, max_pods, surge);
        if let Some(prefix) = sizing.min_prefix {
            prop_assert!(usable_addresses(prefix) >= sizing.required_ips);
            prop_assert!(prefix == SMALLEST_SUBNET_PREFIX || usable_addresses(prefix + 1) < sizing.required_ips);
        }
        if let Some(pod_prefix) = sizing.min_pod_cidr_prefix {
            prop_assert!(node_slots_in_pod_cidr(pod_prefix) >= sizing.node_slots());
            prop_assert!(pod_prefix == 24 || node_slots_in_pod_cidr(pod_prefix + 1) < sizing.node_slots());
        }
        // A /0 holds 2^24 nodes, one /24 each; beyond that no pod CIDR exists.
        let pod_cidr_possible = mode.uses_pod_cidr() && sizing.node_slots() <= 1 << 24;
        prop_assert_eq!(sizing.min_pod_cidr_prefix.is_some(), pod_cidr_possible);
    }

    #[test]
    fn the_pod_cidr_prefix_holds_the_slots(slots in 0u64..=(1u64 << 25)) {
        match smallest_pod_cidr_prefix(slots) {
            Some(prefix) => prop_assert!(node_slots_in_pod_cidr(prefix) >= slots),
            None => prop_assert!(slots > 1 << 24),
        }
    }

    #[test]
    fn max_nodes_is_the_largest_that_fits_with_its_surge(slots in 0u64..100_000, surge in any_surge()) {
        let surge = match surge {
            Surge::Percent(percent) => Surge::Percent(percent % 101),
            count => count,
        };
        let nodes = max_nodes_for_slots(slots, surge);
        let with_surge = |n: u64| n + surge.nodes_for(u32::try_from(n).unwrap_or(u32::MAX));
        prop_assert!(nodes == 0 || with_surge(nodes) <= slots);
        prop_assert!(with_surge(nodes + 1) > slots);
    }

    #[test]
    fn overlap_is_symmetric_and_matches_brute_force(a in small_net(), b in small_net()) {
        prop_assert_eq!(overlaps(&a, &b), overlaps(&b, &a));
        let shared = addresses(&a).intersection(&addresses(&b)).count() > 0;
        prop_assert_eq!(overlaps(&a, &b), shared);
        prop_assert_eq!(contains(&a, &b), addresses(&b).is_subset(&addresses(&a)));
    }

    #[test]
    fn overlap_is_symmetric_on_any_ranges(a in any_net(), b in any_net()) {
        prop_assert_eq!(overlaps(&a, &b), overlaps(&b, &a));
        if contains(&a, &b) {
            prop_assert!(overlaps(&a, &b));
        }
    }

    #[test]
    fn the_validator_and_the_picture_never_panic(plan in any_plan()) {
        let report = plan.validate();
        prop_assert_eq!(report.is_valid(), report.errors().next().is_none());
        for finding in &report.findings {
            prop_assert!(finding.message.ends_with('.'), "{}", finding.message);
            prop_assert!(!finding.message.contains('\n'));
        }
        // max_nodes is the smallest limit there is, and never above AKS's 1,000 per pool.
        let rooms = [
            report.max_nodes_in_node_subnet,
            report.max_nodes_in_pod_cidr,
            report.max_nodes_in_pod_subnet,
        ];
        prop_assert!(report.max_nodes <= 1_000);
        for room in rooms.into_iter().flatten() {
            prop_assert!(report.max_nodes <= room);
        }
        let space = AddressSpace::of(&plan);
        for vnet in &space.vnets {
            for segment in &vnet.segments {
                let (start, length) = segment.fraction_of(&vnet.vnet);
                prop_assert!((0.0..=1.0).contains(&start) && length > 0.0 && length <= 1.0);
            }
        }
    }

    #[test]
    fn the_input_parsers_never_panic(text in ".{0,40}") {
        let _ = parse_cidr(&text);
        let _ = parse_ipv4(&text);
        let _ = text.parse::<Surge>();
        let _ = text.parse::<IpMode>();
        let _ = parse_number_answer(&text);
        let _ = parse_prefix_answer(&text);
        let choices = [Choice::rule(RuleId::HostBitsSet), Choice::valid_plan()];
        let _ = parse_choice_answer(&text, &choices);
    }

    #[test]
    fn cidr_like_text_parses_or_explains(
        a in 0u16..400, b in 0u16..400, prefix in 0u16..40, spaces in "[ \t]{0,2}"
    ) {
        let text = format!("{spaces}{a}.{b}.0.0/{prefix}{spaces}");
        let parsed = parse_cidr(&text);
        prop_assert_eq!(parsed.is_ok(), a < 256 && b < 256 && prefix <= 32);
    }

    #[test]
    fn checking_any_answer_never_panics(seed in any::<u64>(), kind_index in 0usize..7, answer in ".{0,30}") {
        let exercise = Exercise::generate_kind(ExerciseKind::ALL[kind_index], seed);
        let _ = exercise.check(&answer);
    }
}
