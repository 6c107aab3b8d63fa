//! Generated sizing exercises, reproducible from a u64 seed.
//!
//! The generator is `Xoshiro256PlusPlus`, named after its algorithm: rand documents `StdRng` as free to change
//! algorithm between releases, and a seed a learner shares ("try seed 42") should give the same exercise on
//! every build. Plan exercises are in `generate_plans`.

use rand::rngs::Xoshiro256PlusPlus;
use rand::seq::IndexedRandom;
use rand::{RngExt, SeedableRng};

use super::capacity::{
    NodeSubnetSizing, POD_CIDR_PER_NODE_PREFIX, ips_per_node, max_nodes_for_slots,
    node_slots_in_pod_cidr, node_slots_in_subnet,
};
use super::cidr::{group_thousands, usable_addresses};
use super::exercise::{AnswerKind, Exercise, ExerciseKind, Expected};
use super::generate_plans;
use super::mode::IpMode;
use super::surge::Surge;

pub(crate) type ExerciseRng = Xoshiro256PlusPlus;

impl Exercise {
    /// An exercise of a kind chosen by the seed.
    pub fn generate(seed: u64) -> Exercise {
        let mut rng = ExerciseRng::seed_from_u64(seed);
        let kind = *ExerciseKind::ALL
            .choose(&mut rng)
            .unwrap_or(&ExerciseKind::RequiredIps);
        Exercise::generate_kind(kind, seed)
    }

    /// An exercise of the given kind; the same kind and seed always give the same exercise.
    pub fn generate_kind(kind: ExerciseKind, seed: u64) -> Exercise {
        // Mixing the kind into the seed keeps exercises of different kinds from sharing their numbers.
        let mut rng =
            ExerciseRng::seed_from_u64(seed ^ (kind as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        match kind {
            ExerciseKind::RequiredIps | ExerciseKind::NodeSubnetPrefix => {
                node_subnet_exercise(kind, seed, &mut rng)
            }
            ExerciseKind::PodCidrPrefix => pod_cidr_exercise(seed, &mut rng),
            ExerciseKind::NodesThatFit => nodes_that_fit_exercise(seed, &mut rng),
            ExerciseKind::WhichRuleBreaks => generate_plans::which_rule_breaks(seed, &mut rng),
            ExerciseKind::SpotTheMistake => generate_plans::spot_the_mistake(seed, &mut rng),
            ExerciseKind::FixTheServiceCidr => generate_plans::fix_the_service_cidr(seed),
        }
    }
}

/// A surge as clusters are often configured: mostly one node (the older default, and what many
/// guides use), sometimes a percentage such as the AKS API's 10% default for new node pools. The
/// exercise always states the surge, so its numbers never depend on a default.
fn random_surge(rng: &mut ExerciseRng) -> Surge {
    match rng.random_range(0..6) {
        0 => Surge::Count(rng.random_range(2..=3)),
        1 => Surge::Percent(*[10, 20, 33, 50].choose(rng).unwrap_or(&10)),
        _ => Surge::Count(1),
    }
}

fn surge_words(surge: Surge) -> String {
    match surge {
        Surge::Count(1) => "a max surge of 1 node".to_string(),
        Surge::Count(count) => format!("a max surge of {count} nodes"),
        Surge::Percent(percent) => format!("a max surge of {percent}% (rounded up)"),
    }
}

fn random_max_pods(mode: IpMode, rng: &mut ExerciseRng) -> u32 {
    if rng.random_bool(0.5) {
        mode.default_max_pods()
    } else {
        *[30, 50, 60, 110, 250].choose(rng).unwrap_or(&30)
    }
}

fn pool_words(mode: IpMode, nodes: u32, max_pods: u32, surge: Surge) -> String {
    format!(
        "A node pool on {} has {nodes} nodes, max {max_pods} pods per node and {}.",
        mode.display_name(),
        surge_words(surge)
    )
}

fn node_subnet_exercise(kind: ExerciseKind, seed: u64, rng: &mut ExerciseRng) -> Exercise {
    let mode = *IpMode::ALL.choose(rng).unwrap_or(&IpMode::AzureCni);
    let max_pods = random_max_pods(mode, rng);
    let nodes = if mode.pods_use_node_subnet() {
        rng.random_range(3..=100)
    } else {
        rng.random_range(3..=mode.max_nodes().min(1_000))
    };
    let surge = random_surge(rng);
    let sizing = NodeSubnetSizing::new(mode, nodes, max_pods, surge);
    let pool = pool_words(mode, nodes, max_pods, surge);
    let (prompt, answer_kind, expected) = if kind == ExerciseKind::RequiredIps {
        (
            format!("{pool} How many node-subnet IPs does it need?"),
            AnswerKind::Number,
            Expected::Number(sizing.required_ips),
        )
    } else {
        (
            format!(
                "{pool} It needs {} node-subnet IPs. What is the smallest subnet prefix that holds them (for example /23)?",
                group_thousands(sizing.required_ips)
            ),
            AnswerKind::Prefix,
            // Realistic pools need far less than a /0, so the fallback is never used.
            Expected::Prefix(sizing.min_prefix.unwrap_or(0)),
        )
    };
    let mut solution = sizing.worked_steps();
    // The pod-CIDR step answers a different question; keep the solution to what was asked.
    solution.retain(|step| !step.starts_with("Pod CIDR"));
    Exercise {
        kind,
        seed,
        prompt,
        answer_kind,
        choices: Vec::new(),
        plan: None,
        solution,
        expected,
    }
}

fn pod_cidr_exercise(seed: u64, rng: &mut ExerciseRng) -> Exercise {
    let mode = *[IpMode::AzureCniOverlay, IpMode::Cilium, IpMode::Kubenet]
        .choose(rng)
        .unwrap_or(&IpMode::AzureCniOverlay);
    let nodes = rng.random_range(3..=mode.max_nodes().min(1_200));
    let surge = random_surge(rng);
    let sizing = NodeSubnetSizing::new(mode, nodes, mode.default_max_pods(), surge);
    let prefix = sizing.min_pod_cidr_prefix.unwrap_or(0);
    let solution = vec![
        format!(
            "Surge: {} → S = {}, so the pool needs N + S = {nodes} + {} = {} node slots.",
            surge_words(surge),
            sizing.surge_nodes,
            sizing.surge_nodes,
            group_thousands(sizing.node_slots())
        ),
        format!(
            "{} gives every node one /24 from the pod CIDR, so a /p holds 2^(24 − p) nodes.",
            mode.display_name()
        ),
        format!(
            "/{prefix} → 2^(24 − {prefix}) = {} ≥ {}.",
            group_thousands(node_slots_in_pod_cidr(prefix)),
            group_thousands(sizing.node_slots())
        ),
        if prefix < POD_CIDR_PER_NODE_PREFIX {
            format!(
                "/{} → 2^(24 − {}) = {} < {}, too small; so the answer is /{prefix}.",
                prefix + 1,
                prefix + 1,
                group_thousands(node_slots_in_pod_cidr(prefix + 1)),
                group_thousands(sizing.node_slots())
            )
        } else {
            format!("A /24 is one node's block, the smallest pod CIDR; so the answer is /{prefix}.")
        },
    ];
    Exercise {
        kind: ExerciseKind::PodCidrPrefix,
        seed,
        prompt: format!(
            "A cluster on {} will have {nodes} nodes and {}. What is the smallest pod CIDR prefix that holds them?",
            mode.display_name(),
            surge_words(surge)
        ),
        answer_kind: AnswerKind::Prefix,
        choices: Vec::new(),
        plan: None,
        solution,
        expected: Expected::Prefix(prefix),
    }
}

fn nodes_that_fit_exercise(seed: u64, rng: &mut ExerciseRng) -> Exercise {
    let mode = *IpMode::ALL.choose(rng).unwrap_or(&IpMode::AzureCni);
    let surge = random_surge(rng);
    let in_pod_cidr = mode.uses_pod_cidr() && rng.random_bool(0.5);
    let (prompt, slots, mut solution) = if in_pod_cidr {
        let prefix = rng.random_range(16..=22);
        let slots = node_slots_in_pod_cidr(prefix);
        (
            format!(
                "A cluster on {} has a /{prefix} pod CIDR and {}. How many nodes can it have?",
                mode.display_name(),
                surge_words(surge)
            ),
            slots,
            vec![
                "Every node takes one /24 of the pod CIDR, surge nodes too.".to_string(),
                format!(
                    "A /{prefix} holds 2^(24 − {prefix}) = {} node slots.",
                    group_thousands(slots)
                ),
            ],
        )
    } else {
        let max_pods = random_max_pods(mode, rng);
        let mut prefix = if mode.pods_use_node_subnet() {
            rng.random_range(20..=25)
        } else {
            rng.random_range(23..=28)
        };
        // A subnet too small for even one node besides the surge makes a dull question; grow it until one fits.
        while prefix > 16
            && max_nodes_for_slots(node_slots_in_subnet(mode, prefix, max_pods), surge) == 0
        {
            prefix -= 1;
        }
        let usable = usable_addresses(prefix);
        let per_node = ips_per_node(mode, max_pods);
        let slots = node_slots_in_subnet(mode, prefix, max_pods);
        let per_node_words = if mode.pods_use_node_subnet() {
            format!(
                "Each node takes 1 + P = 1 + {max_pods} = {per_node} IPs (itself and its pods)."
            )
        } else {
            "Each node takes 1 IP: its pods use the pod CIDR.".to_string()
        };
        (
            format!(
                "A node subnet /{prefix} serves a pool on {} with max {max_pods} pods per node and {}. How many nodes fit?",
                mode.display_name(),
                surge_words(surge)
            ),
            slots,
            vec![
                format!(
                    "Usable IPs in a /{prefix}: 2^(32 − {prefix}) − 5 = {}.",
                    group_thousands(usable)
                ),
                per_node_words,
                format!(
                    "Node slots: ⌊{} ÷ {per_node}⌋ = {}.",
                    group_thousands(usable),
                    group_thousands(slots)
                ),
            ],
        )
    };
    let nodes = max_nodes_for_slots(slots, surge);
    solution.push(surge_step(nodes, slots, surge));
    Exercise {
        kind: ExerciseKind::NodesThatFit,
        seed,
        prompt,
        answer_kind: AnswerKind::Number,
        choices: Vec::new(),
        plan: None,
        solution,
        expected: Expected::Number(nodes),
    }
}

/// The last step of "how many nodes fit": keep room for the surge nodes.
fn surge_step(nodes: u64, slots: u64, surge: Surge) -> String {
    let surge_of = |n: u64| surge.nodes_for(u32::try_from(n).unwrap_or(u32::MAX));
    match surge {
        Surge::Count(count) => format!(
            "Keep {count} slot{} for surge: N = {} − {count} = {}.",
            if count == 1 { "" } else { "s" },
            group_thousands(slots),
            group_thousands(nodes)
        ),
        Surge::Percent(percent) => format!(
            "N + ⌈N × {percent}%⌉ must be ≤ {}: N = {} gives {} + {} = {}, and N = {} would need {} + {} = {}.",
            group_thousands(slots),
            group_thousands(nodes),
            group_thousands(nodes),
            surge_of(nodes),
            group_thousands(nodes + surge_of(nodes)),
            group_thousands(nodes + 1),
            group_thousands(nodes + 1),
            surge_of(nodes + 1),
            group_thousands(nodes + 1 + surge_of(nodes + 1))
        ),
    }
}
