//! How many IPs a node pool needs, which prefix holds them, and how many nodes fit a given range.
//!
//! "Node slots" below means nodes plus surge nodes (N + S): everything that needs a node IP at the peak of an
//! upgrade.

use super::cidr::{group_thousands, smallest_subnet_prefix, usable_addresses};
use super::mode::IpMode;
use super::surge::Surge;

/// Each node gets one /24 (256 pod addresses) from the pod CIDR in overlay and kubenet.
pub const POD_CIDR_PER_NODE_PREFIX: u8 = 24;

/// Node-subnet IPs one node slot takes: its own IP, plus one per pod with Azure CNI (node subnet).
pub fn ips_per_node(mode: IpMode, max_pods: u32) -> u64 {
    if mode.pods_use_node_subnet() {
        1 + u64::from(max_pods)
    } else {
        1
    }
}

/// Node-subnet IPs for `node_slots` (N + S): Azure CNI needs `(N + S) + (N + S) × P`, the others `N + S`.
pub fn required_node_subnet_ips(mode: IpMode, node_slots: u64, max_pods: u32) -> u64 {
    node_slots.saturating_mul(ips_per_node(mode, max_pods))
}

/// The smallest pod CIDR (largest prefix, at most /24) with one /24 for each of `node_slots`: a /p holds
/// 2^(24 − p) nodes. `None` when even a /0 would not hold them.
pub fn smallest_pod_cidr_prefix(node_slots: u64) -> Option<u8> {
    (0..=POD_CIDR_PER_NODE_PREFIX)
        .rev()
        .find(|&prefix| node_slots_in_pod_cidr(prefix) >= node_slots)
}

/// Node slots (N + S) a /`prefix` pod CIDR holds: 2^(24 − prefix), none when it is smaller than a /24.
pub fn node_slots_in_pod_cidr(prefix: u8) -> u64 {
    if prefix > POD_CIDR_PER_NODE_PREFIX {
        0
    } else {
        1u64 << (POD_CIDR_PER_NODE_PREFIX - prefix)
    }
}

/// Node slots (N + S) a /`prefix` node subnet holds in `mode`: usable addresses ÷ IPs per node, rounded down.
pub fn node_slots_in_subnet(mode: IpMode, prefix: u8, max_pods: u32) -> u64 {
    usable_addresses(prefix) / ips_per_node(mode, max_pods)
}

/// The most nodes N such that N plus its surge fits in `slots`; surge nodes need room, so they come off.
pub fn max_nodes_for_slots(slots: u64, surge: Surge) -> u64 {
    // N + surge(N) grows with N, so a binary search over N finds the largest N that fits.
    let fits = |nodes: u64| {
        let Ok(nodes_u32) = u32::try_from(nodes) else {
            return false;
        };
        nodes.saturating_add(surge.nodes_for(nodes_u32)) <= slots
    };
    let (mut low, mut high) = (0u64, slots.min(u64::from(u32::MAX)));
    if !fits(low) {
        return 0;
    }
    while low < high {
        let middle = low + (high - low).div_ceil(2);
        if fits(middle) {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    low
}

/// The node-subnet figures of one pool, with the reasoning written out for a learner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeSubnetSizing {
    pub mode: IpMode,
    pub nodes: u32,
    pub max_pods: u32,
    pub surge_nodes: u64,
    pub required_ips: u64,
    /// `None` when even a /0 could not hold the IPs.
    pub min_prefix: Option<u8>,
    pub usable_at_min_prefix: Option<u64>,
    /// `None` for Azure CNI (node subnet), which has no pod CIDR.
    pub min_pod_cidr_prefix: Option<u8>,
}

impl NodeSubnetSizing {
    pub fn new(mode: IpMode, nodes: u32, max_pods: u32, surge: Surge) -> Self {
        let surge_nodes = surge.nodes_for(nodes);
        let node_slots = u64::from(nodes) + surge_nodes;
        let required_ips = required_node_subnet_ips(mode, node_slots, max_pods);
        let min_prefix = smallest_subnet_prefix(required_ips);
        NodeSubnetSizing {
            mode,
            nodes,
            max_pods,
            surge_nodes,
            required_ips,
            min_prefix,
            usable_at_min_prefix: min_prefix.map(usable_addresses),
            min_pod_cidr_prefix: mode
                .uses_pod_cidr()
                .then(|| smallest_pod_cidr_prefix(node_slots))
                .flatten(),
        }
    }

    /// N + S.
    pub fn node_slots(&self) -> u64 {
        u64::from(self.nodes) + self.surge_nodes
    }

    /// The required-IPs formula with the numbers substituted, e.g.
    /// `(N + S) + (N + S) × P = (10 + 1) + (10 + 1) × 30 = 341`.
    pub fn required_ips_formula(&self) -> String {
        let (n, s, result) = (
            self.nodes,
            self.surge_nodes,
            group_thousands(self.required_ips),
        );
        if self.mode.pods_use_node_subnet() {
            let p = self.max_pods;
            format!("(N + S) + (N + S) × P = ({n} + {s}) + ({n} + {s}) × {p} = {result}")
        } else {
            format!("N + S = {n} + {s} = {result}")
        }
    }

    /// The worked solution, one step per line, from the inputs to the smallest subnet and pod CIDR.
    pub fn worked_steps(&self) -> Vec<String> {
        let mut steps = vec![format!(
            "Inputs on {}: N = {} nodes, S = {} surge node{}, P = {} max pods per node.",
            self.mode.display_name(),
            self.nodes,
            self.surge_nodes,
            if self.surge_nodes == 1 { "" } else { "s" },
            self.max_pods,
        )];
        if self.mode.pods_use_node_subnet() {
            steps.push(
                "With Azure CNI (node subnet) every node and every pod takes a node-subnet IP."
                    .to_string(),
            );
        } else {
            steps.push(
                "Pods get their IPs from the pod CIDR, so the node subnet holds only the node IPs."
                    .to_string(),
            );
        }
        steps.push(format!("IPs needed: {}.", self.required_ips_formula()));
        match (self.min_prefix, self.usable_at_min_prefix) {
            (Some(prefix), Some(usable)) => {
                steps.push(format!(
                    "Azure keeps 5 addresses per subnet, so a /n has 2^(32 − n) − 5 usable: \
                     /{prefix} → 2^{} − 5 = {}.",
                    32 - prefix,
                    group_thousands(usable)
                ));
                let next = if prefix > 0 && prefix < 29 {
                    format!(
                        " A /{} has only {} usable, too few.",
                        prefix + 1,
                        group_thousands(usable_addresses(prefix + 1))
                    )
                } else if prefix == 29 {
                    " Azure allows no subnet smaller than /29.".to_string()
                } else {
                    String::new()
                };
                steps.push(format!(
                    "Smallest node subnet: /{prefix}, since {} ≥ {}.{next}",
                    group_thousands(usable),
                    group_thousands(self.required_ips)
                ));
            }
            _ => steps.push("No IPv4 subnet is large enough for this pool.".to_string()),
        }
        if let Some(pod_prefix) = self.min_pod_cidr_prefix {
            steps.push(format!(
                "Pod CIDR: one /24 per node, surge included, and a /p holds 2^(24 − p) nodes: \
                 /{pod_prefix} → 2^{} = {} ≥ {}.",
                24 - pod_prefix,
                group_thousands(node_slots_in_pod_cidr(pod_prefix)),
                group_thousands(self.node_slots())
            ));
        }
        steps
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sizing(mode: IpMode, nodes: u32, max_pods: u32) -> NodeSubnetSizing {
        NodeSubnetSizing::new(mode, nodes, max_pods, Surge::default())
    }

    #[test]
    fn microsofts_worked_examples() {
        let fifty = sizing(IpMode::AzureCni, 50, 30);
        assert_eq!(fifty.required_ips, 1_581);
        assert_eq!(fifty.min_prefix, Some(21));
        assert_eq!(fifty.usable_at_min_prefix, Some(2_043));
        let sixty = sizing(IpMode::AzureCni, 60, 30);
        assert_eq!(sixty.required_ips, 1_891);
        assert_eq!(sixty.min_prefix, Some(21));
    }

    #[test]
    fn the_seeds_examples_corrected() {
        let ten = sizing(IpMode::AzureCni, 10, 30);
        assert_eq!(ten.required_ips, 341);
        assert_eq!(ten.min_prefix, Some(23));
        let twenty = sizing(IpMode::AzureCni, 20, 30);
        assert_eq!(twenty.required_ips, 651);
        assert_eq!(twenty.min_prefix, Some(22));
        let sixty_five = sizing(IpMode::AzureCni, 65, 30);
        assert_eq!(sixty_five.required_ips, 2_046);
        assert!(
            sixty_five.required_ips > usable_addresses(21),
            "2,046 does not fit a /21"
        );
        assert_eq!(sixty_five.min_prefix, Some(20));
    }

    #[test]
    fn a_slash_24_holds_8_azure_cni_nodes_or_251_kubenet_nodes() {
        // These are node slots: every node that needs an IP, surge nodes included. 251 / 31 = 8.1, so
        // 8 slots; with a surge of 1 that is 7 regular nodes plus the surge node.
        assert_eq!(node_slots_in_subnet(IpMode::AzureCni, 24, 30), 8);
        assert_eq!(max_nodes_for_slots(8, Surge::default()), 7);
        assert_eq!(node_slots_in_subnet(IpMode::Kubenet, 24, 110), 251);
        assert_eq!(max_nodes_for_slots(251, Surge::default()), 250);
    }

    #[test]
    fn overlay_and_kubenet_need_only_node_ips_and_a_24_per_node() {
        let overlay = sizing(IpMode::AzureCniOverlay, 255, 250);
        assert_eq!(overlay.required_ips, 256);
        assert_eq!(overlay.min_prefix, Some(23));
        assert_eq!(
            overlay.min_pod_cidr_prefix,
            Some(16),
            "a /16 holds 256 nodes"
        );
        let one_more = sizing(IpMode::Kubenet, 256, 110);
        assert_eq!(one_more.min_pod_cidr_prefix, Some(15));
        assert_eq!(sizing(IpMode::AzureCni, 10, 30).min_pod_cidr_prefix, None);
        assert_eq!(sizing(IpMode::Cilium, 1, 250).min_pod_cidr_prefix, Some(23));
    }

    #[test]
    fn a_percentage_surge_is_rounded_up_in_the_requirement() {
        let pool = NodeSubnetSizing::new(IpMode::AzureCni, 10, 30, Surge::Percent(33));
        assert_eq!(pool.surge_nodes, 4);
        assert_eq!(pool.required_ips, 14 + 14 * 30);
    }

    #[test]
    fn max_nodes_leave_room_for_the_surge() {
        assert_eq!(max_nodes_for_slots(0, Surge::default()), 0);
        assert_eq!(max_nodes_for_slots(1, Surge::default()), 0);
        assert_eq!(max_nodes_for_slots(256, Surge::Count(0)), 256);
        // 10 % of N rounded up: N = 232 needs 24 surge nodes (256 total), N = 233 would need 257.
        assert_eq!(max_nodes_for_slots(256, Surge::Percent(10)), 232);
        assert_eq!(
            max_nodes_for_slots(u64::MAX, Surge::Count(0)),
            u64::from(u32::MAX)
        );
    }

    #[test]
    fn the_formula_shows_the_numbers() {
        assert_eq!(
            sizing(IpMode::AzureCni, 10, 30).required_ips_formula(),
            "(N + S) + (N + S) × P = (10 + 1) + (10 + 1) × 30 = 341"
        );
        assert_eq!(
            sizing(IpMode::Kubenet, 50, 110).required_ips_formula(),
            "N + S = 50 + 1 = 51"
        );
        let steps = sizing(IpMode::AzureCni, 50, 30).worked_steps();
        assert!(steps.iter().any(|step| step.contains("= 1,581")));
        assert!(
            steps
                .iter()
                .any(|step| step.contains("/21 → 2^11 − 5 = 2,043"))
        );
        assert!(
            steps
                .iter()
                .any(|step| step.contains("A /22 has only 1,019 usable"))
        );
    }
}
