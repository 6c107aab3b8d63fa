//! Which limit caps a plan's node count: the address ranges' room, or AKS's own node limits.
//!
//! AKS's quotas (`quotas-skus-regions.md`): 5,000 nodes per cluster across all node pools, 1,000 per
//! node pool (Virtual Machine Scale Sets); kubenet stops at 400 because it needs one route per node
//! and a route table holds 400. A plan describes one pool, so its own limit is the smallest of these.

use std::fmt;

use super::mode::{CLUSTER_MAX_NODES, IpMode, KUBENET_MAX_NODES, NODE_POOL_MAX_NODES};

/// What limits the node count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeLimit {
    NodeSubnet,
    PodCidr,
    PodSubnet,
    /// 1,000 nodes per node pool.
    NodePool,
    /// 5,000 nodes per cluster.
    Cluster,
    /// Kubenet's 400 routes per route table.
    KubenetRoutes,
}

impl NodeLimit {
    /// The kebab-case id used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeLimit::NodeSubnet => "node-subnet",
            NodeLimit::PodCidr => "pod-cidr",
            NodeLimit::PodSubnet => "pod-subnet",
            NodeLimit::NodePool => "node-pool-limit",
            NodeLimit::Cluster => "cluster-limit",
            NodeLimit::KubenetRoutes => "kubenet-route-limit",
        }
    }

    /// The limit in a sentence: "the node subnet", "AKS's limit of 1,000 nodes per node pool".
    pub fn words(self) -> &'static str {
        match self {
            NodeLimit::NodeSubnet => "the node subnet",
            NodeLimit::PodCidr => "the pod CIDR (one /24 per node)",
            NodeLimit::PodSubnet => "the pod subnet",
            NodeLimit::NodePool => "AKS's limit of 1,000 nodes per node pool",
            NodeLimit::Cluster => "AKS's limit of 5,000 nodes per cluster",
            NodeLimit::KubenetRoutes => "kubenet's limit of 400 nodes (400 routes per route table)",
        }
    }
}

impl fmt::Display for NodeLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A node count and the limit that sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    pub nodes: u64,
    pub bound_by: NodeLimit,
}

/// AKS's own limit for one pool in `mode`: the pool's 1,000, or kubenet's 400 (the cluster's 5,000
/// never binds a single pool, but is kept so the order of the limits reads as the docs do).
pub fn aks_limits(mode: IpMode) -> Vec<Binding> {
    let mut limits = vec![
        Binding {
            nodes: u64::from(NODE_POOL_MAX_NODES),
            bound_by: NodeLimit::NodePool,
        },
        Binding {
            nodes: u64::from(CLUSTER_MAX_NODES),
            bound_by: NodeLimit::Cluster,
        },
    ];
    if mode == IpMode::Kubenet {
        limits.push(Binding {
            nodes: u64::from(KUBENET_MAX_NODES),
            bound_by: NodeLimit::KubenetRoutes,
        });
    }
    limits
}

/// The smallest limit; on a tie the address ranges come first (they are what a learner can change).
pub fn binding_limit(
    mode: IpMode,
    node_subnet: Option<u64>,
    pod_cidr: Option<u64>,
    pod_subnet: Option<u64>,
) -> Binding {
    let ranges = [
        (node_subnet, NodeLimit::NodeSubnet),
        (pod_cidr, NodeLimit::PodCidr),
        (pod_subnet, NodeLimit::PodSubnet),
    ]
    .into_iter()
    .filter_map(|(nodes, bound_by)| nodes.map(|nodes| Binding { nodes, bound_by }));
    ranges
        .chain(aks_limits(mode))
        .reduce(|best, next| if next.nodes < best.nodes { next } else { best })
        .unwrap_or(Binding {
            nodes: u64::from(NODE_POOL_MAX_NODES),
            bound_by: NodeLimit::NodePool,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_smallest_limit_binds_and_ranges_win_ties() {
        // The case: overlay, /16 node subnet (65,530 nodes), /16 pod CIDR (255 nodes).
        let limit = binding_limit(IpMode::AzureCniOverlay, Some(65_530), Some(255), None);
        assert_eq!(limit.nodes, 255);
        assert_eq!(limit.bound_by, NodeLimit::PodCidr);
        let pool = binding_limit(IpMode::AzureCniOverlay, Some(65_530), Some(65_535), None);
        assert_eq!(pool.nodes, 1_000);
        assert_eq!(pool.bound_by, NodeLimit::NodePool);
        let kubenet = binding_limit(IpMode::Kubenet, Some(2_000), Some(65_535), None);
        assert_eq!(kubenet.bound_by, NodeLimit::KubenetRoutes);
        assert_eq!(kubenet.nodes, 400);
        let tie = binding_limit(IpMode::AzureCni, Some(1_000), None, None);
        assert_eq!(tie.bound_by, NodeLimit::NodeSubnet);
        assert_eq!(
            binding_limit(IpMode::AzureCni, None, None, None).bound_by,
            NodeLimit::NodePool
        );
    }
}
