//! The IP modes AKS offers, their default and allowed max pods, and their node limits.

use std::fmt;
use std::str::FromStr;

/// Where pods get their IP addresses. "Cilium" is a data plane, not an IP mode of its own: `Cilium` here is
/// Azure CNI Powered by Cilium on overlay addressing (its default), so it sizes exactly like `AzureCniOverlay`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IpMode {
    /// Pods on a NAT'd bridge from the pod CIDR; one route per node.
    Kubenet,
    /// Azure CNI (node subnet): every pod takes an IP of the node subnet.
    AzureCni,
    /// Azure CNI Overlay: pods get IPs from a private pod CIDR, one /24 per node.
    AzureCniOverlay,
    /// Azure CNI Powered by Cilium, on overlay addressing.
    Cilium,
    /// Azure CNI Pod Subnet, dynamic IP allocation: pods take IPs of a separate pod subnet, handed to
    /// each node in batches of 16.
    PodSubnetDynamic,
    /// Azure CNI Pod Subnet, static block allocation: each node gets whole /28 blocks (16 IPs) of the
    /// pod subnet, enough for its max pods plus one IP the node keeps.
    PodSubnetStatic,
}

/// The smallest max-pods value AKS accepts for a node.
pub const MIN_MAX_PODS: u32 = 10;
/// The largest max-pods value AKS accepts for a node, in every mode.
pub const MAX_MAX_PODS: u32 = 250;
/// A node pool must have room for at least this many pods in total.
pub const MIN_PODS_PER_POOL: u64 = 30;
/// Kubenet needs one route per node, and an Azure route table holds 400 routes.
pub const KUBENET_MAX_NODES: u32 = 400;
/// The most nodes an AKS cluster can have in the other modes, across all its node pools.
pub const CLUSTER_MAX_NODES: u32 = 5_000;
/// The most nodes one node pool (a Virtual Machine Scale Set) can have (AKS quotas page).
pub const NODE_POOL_MAX_NODES: u32 = 1_000;

impl IpMode {
    /// The modes the sizing exercises draw from, in the order the course teaches them.
    pub const ALL: [IpMode; 4] = [
        IpMode::Kubenet,
        IpMode::AzureCni,
        IpMode::AzureCniOverlay,
        IpMode::Cilium,
    ];

    /// Every mode `aks-tutor plan` sizes: the exercises' modes and the two pod-subnet modes.
    pub const PLAN: [IpMode; 6] = [
        IpMode::Kubenet,
        IpMode::AzureCni,
        IpMode::AzureCniOverlay,
        IpMode::Cilium,
        IpMode::PodSubnetDynamic,
        IpMode::PodSubnetStatic,
    ];

    /// The name used on the command line and in JSON.
    pub fn cli_name(self) -> &'static str {
        match self {
            IpMode::Kubenet => "kubenet",
            IpMode::AzureCni => "azure-cni",
            IpMode::AzureCniOverlay => "azure-cni-overlay",
            IpMode::Cilium => "cilium",
            IpMode::PodSubnetDynamic => "azure-cni-pod-subnet",
            IpMode::PodSubnetStatic => "azure-cni-pod-subnet-static",
        }
    }

    /// The name a learner reads in a sentence.
    pub fn display_name(self) -> &'static str {
        match self {
            IpMode::Kubenet => "kubenet",
            IpMode::AzureCni => "Azure CNI (node subnet)",
            IpMode::AzureCniOverlay => "Azure CNI Overlay",
            IpMode::Cilium => "Azure CNI Powered by Cilium (overlay)",
            IpMode::PodSubnetDynamic => "Azure CNI Pod Subnet (dynamic IP allocation)",
            IpMode::PodSubnetStatic => "Azure CNI Pod Subnet (static block allocation)",
        }
    }

    /// Max pods per node when none is given: kubenet 110, Azure CNI 30, overlay (and Cilium on it) 250,
    /// pod subnet 110 (the table in concepts-network-ip-address-planning.md; other Microsoft pages
    /// say 250, so a plan on a pod subnet had better set it).
    pub fn default_max_pods(self) -> u32 {
        match self {
            IpMode::Kubenet | IpMode::PodSubnetDynamic | IpMode::PodSubnetStatic => 110,
            IpMode::AzureCni => 30,
            IpMode::AzureCniOverlay | IpMode::Cilium => 250,
        }
    }

    /// The most nodes a cluster in this mode can have.
    pub fn max_nodes(self) -> u32 {
        match self {
            IpMode::Kubenet => KUBENET_MAX_NODES,
            _ => CLUSTER_MAX_NODES,
        }
    }

    /// Whether pods take their IPs from the node subnet (only Azure CNI without overlay).
    pub fn pods_use_node_subnet(self) -> bool {
        self == IpMode::AzureCni
    }

    /// Whether pods take their IPs from a separate pod CIDR, one /24 per node.
    pub fn uses_pod_cidr(self) -> bool {
        matches!(
            self,
            IpMode::Kubenet | IpMode::AzureCniOverlay | IpMode::Cilium
        )
    }

    /// Whether pods take VNet IPs from a pod subnet of their own (Azure CNI Pod Subnet).
    pub fn uses_pod_subnet(self) -> bool {
        matches!(self, IpMode::PodSubnetDynamic | IpMode::PodSubnetStatic)
    }
}

impl fmt::Display for IpMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.cli_name())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "'{0}' is not an IP mode; use kubenet, azure-cni, azure-cni-overlay, cilium, azure-cni-pod-subnet or azure-cni-pod-subnet-static"
)]
pub struct UnknownIpMode(pub String);

impl FromStr for IpMode {
    type Err = UnknownIpMode;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let wanted = text.trim().to_ascii_lowercase();
        IpMode::PLAN
            .into_iter()
            .find(|mode| mode.cli_name() == wanted)
            .ok_or_else(|| UnknownIpMode(text.to_string()))
    }
}

/// What is wrong with a max-pods value, if anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MaxPodsProblem {
    /// Below 10 or above 250 per node.
    OutOfRange,
    /// The pool as a whole has room for fewer than 30 pods.
    PoolTooSmall { pool_pods: u64 },
}

/// Checks max pods against AKS's limits.
///
/// "A node pool must have room for at least 30 pods" is read as: nodes × max pods ≥ 30, counting the pool's
/// regular nodes only. Surge nodes are left out because they exist only during an upgrade, so they cannot be
/// what lets the pool meet the minimum. With max pods 10 this means at least 3 nodes; the 30 pods AKS wants
/// room for are its own system pods (CoreDNS, konnectivity, the CNI's agents …).
pub fn check_max_pods(nodes: u32, max_pods: u32) -> Option<MaxPodsProblem> {
    if !(MIN_MAX_PODS..=MAX_MAX_PODS).contains(&max_pods) {
        return Some(MaxPodsProblem::OutOfRange);
    }
    let pool_pods = u64::from(nodes) * u64::from(max_pods);
    (pool_pods < MIN_PODS_PER_POOL).then_some(MaxPodsProblem::PoolTooSmall { pool_pods })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_limits_follow_the_aks_docs() {
        assert_eq!(IpMode::Kubenet.default_max_pods(), 110);
        assert_eq!(IpMode::AzureCni.default_max_pods(), 30);
        assert_eq!(IpMode::AzureCniOverlay.default_max_pods(), 250);
        assert_eq!(IpMode::Cilium.default_max_pods(), 250);
        assert_eq!(IpMode::Kubenet.max_nodes(), 400);
        assert_eq!(IpMode::AzureCniOverlay.max_nodes(), 5_000);
        assert_eq!(IpMode::Cilium.max_nodes(), 5_000);
        assert_eq!(IpMode::PodSubnetDynamic.default_max_pods(), 110);
        assert_eq!(IpMode::PodSubnetStatic.max_nodes(), 5_000);
        assert!(IpMode::PodSubnetDynamic.uses_pod_subnet());
        assert!(!IpMode::PodSubnetStatic.uses_pod_cidr());
        assert!(!IpMode::PodSubnetStatic.pods_use_node_subnet());
    }

    #[test]
    fn names_round_trip() {
        for mode in IpMode::PLAN {
            assert_eq!(mode.cli_name().parse::<IpMode>(), Ok(mode));
        }
        assert_eq!(" Azure-CNI ".parse::<IpMode>(), Ok(IpMode::AzureCni));
        assert!("calico".parse::<IpMode>().is_err());
    }

    #[test]
    fn max_pods_bounds_and_the_pool_minimum() {
        assert_eq!(check_max_pods(3, 30), None);
        assert_eq!(check_max_pods(3, 10), None, "3 × 10 = 30 pods is enough");
        assert_eq!(
            check_max_pods(2, 10),
            Some(MaxPodsProblem::PoolTooSmall { pool_pods: 20 })
        );
        assert_eq!(check_max_pods(1, 30), None);
        assert_eq!(check_max_pods(10, 9), Some(MaxPodsProblem::OutOfRange));
        assert_eq!(check_max_pods(10, 251), Some(MaxPodsProblem::OutOfRange));
        assert_eq!(check_max_pods(10, 250), None);
    }
}
