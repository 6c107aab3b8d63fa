//! Azure CNI Pod Subnet: how many pod-subnet IPs a pool needs and how many nodes a pod subnet holds.
//!
//! From Microsoft's `concepts-network-azure-cni-pod-subnet.md`:
//! - Dynamic IP allocation hands IPs to a node in batches of 16: a node asks for 16 when it starts and
//!   for 16 more whenever fewer than 8 are free, so plan at least 16 IPs per node. A full node holds
//!   its max pods P; we size for P rounded up to a whole batch, at least one batch.
//! - Static block allocation gives each node whole /28 blocks (16 IPs) for the node's lifetime, enough
//!   for P pods plus one IP the node keeps: ⌈(P + 1) ÷ 16⌉ blocks, so P = 16k − 1 wastes nothing.
//!   The pod subnet may be at most a /12.
//!
//! A /28 block must be free of the addresses Azure reserves (the first four and the last of every
//! subnet), so the subnet's first and last /28 hold no block. Microsoft's page does not say this;
//! it follows from the blocks being aligned /28s, and it keeps the estimate on the safe side.

use super::capacity::max_nodes_for_slots;
use super::cidr::{group_thousands, smallest_subnet_prefix, usable_addresses};
use super::mode::IpMode;
use super::surge::Surge;

/// IPs per batch (dynamic) and per block (static): a /28.
pub const BATCH: u64 = 16;
/// The prefix of one static block.
pub const BLOCK_PREFIX: u8 = 28;
/// The largest pod subnet static block allocation supports.
pub const STATIC_LARGEST_PREFIX: u8 = 12;

/// Static blocks one node takes for `max_pods`: ⌈(P + 1) ÷ 16⌉.
pub fn blocks_per_node(max_pods: u32) -> u64 {
    (u64::from(max_pods) + 1).div_ceil(BATCH)
}

/// Pod-subnet IPs one node slot takes in `mode` (0 for the modes without a pod subnet).
pub fn ips_per_node(mode: IpMode, max_pods: u32) -> u64 {
    match mode {
        IpMode::PodSubnetDynamic => u64::from(max_pods).div_ceil(BATCH).max(1) * BATCH,
        IpMode::PodSubnetStatic => blocks_per_node(max_pods) * BATCH,
        _ => 0,
    }
}

/// Whole /28 blocks a /`prefix` pod subnet offers: all its /28s but the first and the last, which hold
/// Azure's reserved addresses.
pub fn blocks_in_subnet(prefix: u8) -> u64 {
    if prefix > BLOCK_PREFIX {
        return 0;
    }
    (1u64 << (BLOCK_PREFIX - prefix)).saturating_sub(2)
}

/// Node slots (N + S) a /`prefix` pod subnet holds in `mode`.
pub fn node_slots_in_pod_subnet(mode: IpMode, prefix: u8, max_pods: u32) -> u64 {
    match mode {
        IpMode::PodSubnetDynamic => usable_addresses(prefix) / ips_per_node(mode, max_pods),
        IpMode::PodSubnetStatic => blocks_in_subnet(prefix) / blocks_per_node(max_pods).max(1),
        _ => 0,
    }
}

/// The smallest pod subnet (largest prefix) that holds `node_slots` in `mode`, `None` when none does.
pub fn smallest_pod_subnet_prefix(mode: IpMode, node_slots: u64, max_pods: u32) -> Option<u8> {
    match mode {
        IpMode::PodSubnetDynamic => {
            smallest_subnet_prefix(node_slots.saturating_mul(ips_per_node(mode, max_pods)))
        }
        IpMode::PodSubnetStatic => (0..=BLOCK_PREFIX)
            .rev()
            .find(|&prefix| node_slots_in_pod_subnet(mode, prefix, max_pods) >= node_slots),
        _ => None,
    }
}

/// The pod-subnet figures of one pool, for the modes that have a pod subnet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PodSubnetSizing {
    pub mode: IpMode,
    pub node_slots: u64,
    pub max_pods: u32,
    pub ips_per_node: u64,
    pub required_ips: u64,
    /// `None` when no IPv4 subnet is large enough.
    pub min_prefix: Option<u8>,
}

impl PodSubnetSizing {
    /// `None` for the modes without a pod subnet.
    pub fn new(mode: IpMode, nodes: u32, max_pods: u32, surge: Surge) -> Option<Self> {
        if !mode.uses_pod_subnet() {
            return None;
        }
        let node_slots = u64::from(nodes) + surge.nodes_for(nodes);
        let per_node = ips_per_node(mode, max_pods);
        Some(PodSubnetSizing {
            mode,
            node_slots,
            max_pods,
            ips_per_node: per_node,
            required_ips: node_slots.saturating_mul(per_node),
            min_prefix: smallest_pod_subnet_prefix(mode, node_slots, max_pods),
        })
    }

    /// Nodes (surge excluded) a /`prefix` pod subnet holds.
    pub fn max_nodes(&self, prefix: u8, surge: Surge) -> u64 {
        max_nodes_for_slots(
            node_slots_in_pod_subnet(self.mode, prefix, self.max_pods),
            surge,
        )
    }

    /// The formula with the numbers substituted.
    pub fn formula(&self) -> String {
        let (slots, p) = (self.node_slots, self.max_pods);
        let total = group_thousands(self.required_ips);
        match self.mode {
            IpMode::PodSubnetStatic => format!(
                "(N + S) × ⌈(P + 1) ÷ 16⌉ × 16 = {slots} × {} × 16 = {total}",
                blocks_per_node(p)
            ),
            _ => format!(
                "(N + S) × P rounded up to batches of 16 = {slots} × {} = {total}",
                self.ips_per_node
            ),
        }
    }

    /// Static blocks waste IPs unless max pods is 16k − 1: the pod IPs a node keeps but cannot use.
    pub fn wasted_per_node(&self) -> u64 {
        match self.mode {
            IpMode::PodSubnetStatic => {
                (self.ips_per_node - 1).saturating_sub(u64::from(self.max_pods))
            }
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn static_blocks_follow_microsofts_examples() {
        // concepts-network-azure-cni-pod-subnet.md: 30 → 2 blocks (1 wasted), 31 → 2 (none), 32 → 3 (15).
        for (max_pods, blocks, wasted) in [(30, 2, 1), (31, 2, 0), (32, 3, 15)] {
            assert_eq!(blocks_per_node(max_pods), blocks);
            let sizing =
                PodSubnetSizing::new(IpMode::PodSubnetStatic, 10, max_pods, Surge::Count(1))
                    .expect("a pod-subnet mode");
            assert_eq!(sizing.wasted_per_node(), wasted, "max pods {max_pods}");
        }
    }

    #[test]
    fn dynamic_allocation_plans_whole_batches_of_16() {
        assert_eq!(ips_per_node(IpMode::PodSubnetDynamic, 10), 16);
        assert_eq!(ips_per_node(IpMode::PodSubnetDynamic, 30), 32);
        assert_eq!(ips_per_node(IpMode::PodSubnetDynamic, 110), 112);
        let sizing = PodSubnetSizing::new(IpMode::PodSubnetDynamic, 50, 30, Surge::Count(1))
            .expect("a pod-subnet mode");
        assert_eq!(sizing.required_ips, 51 * 32);
        // 1,632 IPs need a /21 (2,043 usable).
        assert_eq!(sizing.min_prefix, Some(21));
        assert_eq!(
            sizing.formula(),
            "(N + S) × P rounded up to batches of 16 = 51 × 32 = 1,632"
        );
    }

    #[test]
    fn a_pod_subnet_holds_whole_blocks_only() {
        // A /24 has 16 /28s; the first and last hold Azure's reserved addresses.
        assert_eq!(blocks_in_subnet(24), 14);
        assert_eq!(blocks_in_subnet(28), 0);
        assert_eq!(blocks_in_subnet(29), 0);
        // Max pods 31: 2 blocks per node, so a /24 holds 7 node slots: 6 nodes plus one surge.
        let sizing = PodSubnetSizing::new(IpMode::PodSubnetStatic, 6, 31, Surge::Count(1))
            .expect("a pod-subnet mode");
        assert_eq!(sizing.min_prefix, Some(24));
        assert_eq!(sizing.max_nodes(24, Surge::Count(1)), 6);
        assert!(PodSubnetSizing::new(IpMode::AzureCniOverlay, 6, 31, Surge::Count(1)).is_none());
    }
}
