//! Generated exercises on whole plans: "which rule breaks", and the seed's hub-spoke example as "spot the
//! mistake" and "fix the service CIDR".

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;
use rand::RngExt;
use rand::seq::{IndexedRandom, SliceRandom};

use super::capacity::NodeSubnetSizing;
use super::example_plans::{HUB, describe_plan, range, seed_example_plan, v4};
use super::exercise::{AnswerKind, Choice, Exercise, ExerciseKind, Expected};
use super::generate::ExerciseRng;
use super::mode::IpMode;
use super::plan::NetworkPlan;
use super::rules::RuleId;

/// A plan that breaks no rule (kubenet still gets its retirement warning).
fn random_valid_plan(rng: &mut ExerciseRng) -> NetworkPlan {
    let plugin = *IpMode::ALL.choose(rng).unwrap_or(&IpMode::AzureCniOverlay);
    let nodes = rng.random_range(3..=60);
    let spoke: u8 = rng.random_range(1..=60);
    let services: u8 = rng.random_range(100..=200);
    let sizing =
        NodeSubnetSizing::new(plugin, nodes, plugin.default_max_pods(), Default::default());
    // Up to one prefix of headroom, as a careful planner would leave.
    let subnet_prefix = sizing
        .min_prefix
        .unwrap_or(24)
        .saturating_sub(rng.random_range(0..=1));
    let pod_cidr = plugin.uses_pod_cidr().then(|| {
        *[
            range(192, 168, 0, 0, 16),
            range(100, 64, 0, 0, 16),
            range(10, 244, 0, 0, 16),
        ]
        .choose(rng)
        .unwrap_or(&range(192, 168, 0, 0, 16))
    });
    NetworkPlan {
        vnets: vec![range(10, spoke, 0, 0, 16)],
        peered: vec![range(HUB.0, HUB.1, 0, 0, 16)],
        node_subnet: Some(range(10, spoke, 0, 0, subnet_prefix)),
        pod_cidr,
        service_cidr: Some(range(10, services, 0, 0, 16)),
        dns_service_ip: Some(v4(10, services, 0, 10)),
        ..NetworkPlan::new(plugin, nodes)
    }
}

/// The mistakes "which rule breaks" can plant, each breaking exactly one rule of a valid plan.
const PLANTABLE: [RuleId; 15] = [
    RuleId::ServiceCidrOverlapsVnet,
    RuleId::ServiceCidrOverlapsPeered,
    RuleId::DnsIpOutsideServiceCidr,
    RuleId::DnsIpIsKubernetesService,
    RuleId::DnsIpIsNetworkAddress,
    RuleId::NodeSubnetTooSmall,
    RuleId::NodeSubnetOutsideVnet,
    RuleId::PodCidrOverlapsVnet,
    RuleId::PodCidrNotPrivate,
    RuleId::PodCidrTooSmall,
    RuleId::RangeUsesReservedBlock,
    RuleId::ServiceCidrTooLarge,
    RuleId::HostBitsSet,
    RuleId::MaxPodsOutOfRange,
    RuleId::PoolTooFewPods,
];

/// Changes `plan` so that it breaks `rule`; false when the rule cannot apply to this plugin.
fn plant(rule: RuleId, plan: &mut NetworkPlan, rng: &mut ExerciseRng) -> bool {
    let spoke = plan.vnets.first().map_or(1, |vnet| vnet.addr().octets()[1]);
    let services = plan.service_cidr.map_or(100, |net| net.addr().octets()[1]);
    let sizing = NodeSubnetSizing::new(
        plan.plugin,
        plan.nodes,
        plan.max_pods_in_effect(),
        plan.surge,
    );
    let uses_pods = plan.plugin.uses_pod_cidr();
    let set_services = |plan: &mut NetworkPlan, net: Option<Ipv4Net>, dns: Option<Ipv4Addr>| {
        plan.service_cidr = net;
        plan.dns_service_ip = dns;
    };
    match rule {
        RuleId::ServiceCidrOverlapsVnet => {
            set_services(
                plan,
                Some(range(10, spoke, 0, 0, 16)),
                Some(v4(10, spoke, 0, 10)),
            );
        }
        RuleId::ServiceCidrOverlapsPeered if rng.random_bool(0.5) => set_services(plan, None, None),
        RuleId::ServiceCidrOverlapsPeered => {
            set_services(plan, Some(range(10, 0, 0, 0, 16)), Some(v4(10, 0, 0, 10)));
        }
        RuleId::DnsIpOutsideServiceCidr => plan.dns_service_ip = Some(v4(10, services + 1, 0, 10)),
        RuleId::DnsIpIsKubernetesService => plan.dns_service_ip = Some(v4(10, services, 0, 1)),
        RuleId::DnsIpIsNetworkAddress => plan.dns_service_ip = Some(v4(10, services, 0, 0)),
        RuleId::NodeSubnetTooSmall => {
            let too_small = sizing.min_prefix.unwrap_or(24) + 1;
            plan.node_subnet = Some(range(10, spoke, 0, 0, too_small));
        }
        RuleId::NodeSubnetOutsideVnet => {
            plan.node_subnet = plan
                .node_subnet
                .map(|net| range(172, 20, 0, 0, net.prefix_len()));
        }
        RuleId::PodCidrOverlapsVnet if uses_pods => {
            plan.pod_cidr = Some(range(10, spoke, 128, 0, 17))
        }
        RuleId::PodCidrNotPrivate if uses_pods => {
            plan.pod_cidr = Some(range(20, rng.random_range(1..=200), 0, 0, 16));
        }
        RuleId::PodCidrTooSmall if uses_pods => {
            let too_small = sizing.min_pod_cidr_prefix.unwrap_or(16) + 1;
            plan.pod_cidr = Some(range(192, 168, 0, 0, too_small));
        }
        RuleId::RangeUsesReservedBlock => {
            set_services(
                plan,
                Some(range(172, 31, 0, 0, 16)),
                Some(v4(172, 31, 0, 10)),
            );
        }
        RuleId::ServiceCidrTooLarge => {
            set_services(
                plan,
                Some(range(10, 128, 0, 0, 11)),
                Some(v4(10, 128, 0, 10)),
            );
        }
        RuleId::HostBitsSet => plan.service_cidr = Some(range(10, services, 5, 0, 16)),
        RuleId::MaxPodsOutOfRange => plan.max_pods = Some(if uses_pods { 300 } else { 5 }),
        RuleId::PoolTooFewPods => {
            plan.nodes = 2;
            plan.max_pods = Some(10);
        }
        _ => return false,
    }
    true
}

fn rule_solution(plan: &NetworkPlan, expected: Option<RuleId>) -> Vec<String> {
    let report = plan.validate();
    let mut steps: Vec<String> = vec!["Check each rule against the plan:".to_string()];
    steps.push(format!(
        "Node subnet: {}.",
        report.sizing.required_ips_formula()
    ));
    match expected {
        None => steps.push(
            "Every range is apart from the others and from the reserved blocks, each is large enough, and the DNS \
             IP is the .10 of the service CIDR: the plan is valid."
                .to_string(),
        ),
        Some(rule) => {
            steps.extend(
                report
                    .errors()
                    .filter(|finding| finding.rule == rule)
                    .map(|finding| format!("{rule}: {}", finding.message)),
            );
        }
    }
    steps
}

pub(crate) fn which_rule_breaks(seed: u64, rng: &mut ExerciseRng) -> Exercise {
    let mut plan = random_valid_plan(rng);
    // One plan in five is valid, so "valid" is a real answer and not a trick.
    let mut expected = None;
    if rng.random_range(0..5) != 0 {
        let mut candidates = PLANTABLE.to_vec();
        candidates.shuffle(rng);
        expected = candidates
            .into_iter()
            .find(|&rule| plant(rule, &mut plan, rng));
    }
    let mut distractors: Vec<RuleId> = PLANTABLE
        .iter()
        .copied()
        .filter(|&rule| Some(rule) != expected)
        .collect();
    distractors.shuffle(rng);
    // Always four rules plus "valid", so the number of choices gives nothing away.
    let distractor_count = if expected.is_some() { 3 } else { 4 };
    let mut rules: Vec<RuleId> = distractors
        .into_iter()
        .take(distractor_count)
        .chain(expected)
        .collect();
    rules.shuffle(rng);
    plan_exercise(
        ExerciseKind::WhichRuleBreaks,
        seed,
        "Is this plan valid? If not, which rule does it break?",
        plan,
        rules,
        expected,
    )
}

pub(crate) fn spot_the_mistake(seed: u64, rng: &mut ExerciseRng) -> Exercise {
    // The seed's plan as written, or as a team might "fix" it: by dropping the flags and taking AKS's defaults.
    let (intro, plan, expected) = if rng.random_bool(0.5) {
        (
            "The hub-spoke plan of the course's real-world case, as first written. Which rule does it break?",
            seed_example_plan(),
            RuleId::ServiceCidrOverlapsVnet,
        )
    } else {
        (
            "The same hub-spoke plan, after a team removed --service-cidr and --dns-service-ip to use AKS's defaults. \
             Which rule does it break now?",
            NetworkPlan {
                service_cidr: None,
                dns_service_ip: None,
                ..seed_example_plan()
            },
            RuleId::ServiceCidrOverlapsPeered,
        )
    };
    let mut rules = vec![
        RuleId::ServiceCidrOverlapsVnet,
        RuleId::ServiceCidrOverlapsPeered,
        RuleId::PodCidrOverlapsVnet,
        RuleId::NodeSubnetTooSmall,
        RuleId::DnsIpOutsideServiceCidr,
    ];
    rules.shuffle(rng);
    let mut exercise = plan_exercise(
        ExerciseKind::SpotTheMistake,
        seed,
        intro,
        plan,
        rules,
        Some(expected),
    );
    exercise.solution.push(
        "A fixed plan puts services on a range used nowhere else, for example service CIDR 10.2.0.0/16 with DNS \
         service IP 10.2.0.10."
            .to_string(),
    );
    exercise
}

pub(crate) fn fix_the_service_cidr(seed: u64) -> Exercise {
    let plan = seed_example_plan();
    let mut prompt = vec![
        "The hub-spoke plan of the course's real-world case puts its service CIDR on the spoke VNet itself:".to_string(),
    ];
    prompt.extend(
        describe_plan(&plan)
            .into_iter()
            .map(|line| format!("  {line}")),
    );
    prompt.push(
        "Type a service CIDR that fixes the plan (its .10 address becomes the DNS service IP)."
            .to_string(),
    );
    Exercise {
        kind: ExerciseKind::FixTheServiceCidr,
        seed,
        prompt: prompt.join("\n"),
        answer_kind: AnswerKind::Cidr,
        choices: Vec::new(),
        solution: vec![
            "The service CIDR 10.1.0.0/16 is the spoke VNet itself, so service IPs would shadow nodes and pods.".to_string(),
            "It must also avoid the peered hub 10.0.0.0/16 (so AKS's default 10.0.0.0/16 fails too) and the pod CIDR 192.168.0.0/16.".to_string(),
            "It must be smaller than a /12 and stay clear of 169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16 and 192.0.2.0/24.".to_string(),
            "For example: service CIDR 10.2.0.0/16, DNS service IP 10.2.0.10.".to_string(),
        ],
        expected: Expected::ServiceCidrThatFixes {
            plan: Box::new(plan.clone()),
            example: range(10, 2, 0, 0, 16),
        },
        plan: Some(plan),
    }
}

fn plan_exercise(
    kind: ExerciseKind,
    seed: u64,
    question: &str,
    plan: NetworkPlan,
    rules: Vec<RuleId>,
    expected: Option<RuleId>,
) -> Exercise {
    let mut choices: Vec<Choice> = rules.into_iter().map(Choice::rule).collect();
    choices.push(Choice::valid_plan());
    let expected_index = choices
        .iter()
        .position(|choice| choice.rule == expected)
        .unwrap_or(choices.len() - 1);
    let mut prompt: Vec<String> = vec![question.to_string()];
    prompt.extend(
        describe_plan(&plan)
            .into_iter()
            .map(|line| format!("  {line}")),
    );
    // The choices are not part of the prompt: screens show `choices` themselves.
    Exercise {
        kind,
        seed,
        prompt: prompt.join("\n"),
        answer_kind: AnswerKind::Choice,
        solution: rule_solution(&plan, expected),
        choices,
        plan: Some(plan),
        expected: Expected::Choice(expected_index),
    }
}
