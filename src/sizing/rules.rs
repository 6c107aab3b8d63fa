//! The rules a network plan is checked against, and the findings that report them.

use std::fmt;

/// Every rule the validator knows. The kebab-case id (`as_str`) is stable: tests, JSON output and exercises
/// refer to it, so never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RuleId {
    HostBitsSet,
    MaxPodsOutOfRange,
    PoolTooFewPods,
    TooManyNodes,
    KubenetRetiring,
    VnetRangesOverlap,
    VnetOverlapsPeered,
    RangeUsesReservedBlock,
    NodeSubnetOutsideVnet,
    NodeSubnetOverlapsPeered,
    SubnetSmallerThan29,
    NodeSubnetTooSmall,
    PodCidrNotUsedByAzureCni,
    PodCidrNotPrivate,
    PodCidrOverlapsVnet,
    PodCidrOverlapsPeered,
    PodCidrTooSmall,
    PodSubnetNotUsed,
    PodSubnetOutsideVnet,
    PodSubnetOverlapsNodeSubnet,
    PodSubnetTooSmall,
    PodSubnetTooLarge,
    StaticBlocksWasteIps,
    ServiceCidrOverlapsVnet,
    ServiceCidrOverlapsPeered,
    ServiceCidrOverlapsPodCidr,
    ServiceCidrTooLarge,
    DnsIpOutsideServiceCidr,
    DnsIpIsNetworkAddress,
    DnsIpIsKubernetesService,
    DnsIpNotDotTen,
}

impl RuleId {
    /// Every rule, in the order the validator checks them.
    pub const ALL: [RuleId; 31] = [
        RuleId::HostBitsSet,
        RuleId::MaxPodsOutOfRange,
        RuleId::PoolTooFewPods,
        RuleId::TooManyNodes,
        RuleId::KubenetRetiring,
        RuleId::VnetRangesOverlap,
        RuleId::VnetOverlapsPeered,
        RuleId::RangeUsesReservedBlock,
        RuleId::NodeSubnetOutsideVnet,
        RuleId::NodeSubnetOverlapsPeered,
        RuleId::SubnetSmallerThan29,
        RuleId::NodeSubnetTooSmall,
        RuleId::PodCidrNotUsedByAzureCni,
        RuleId::PodCidrNotPrivate,
        RuleId::PodCidrOverlapsVnet,
        RuleId::PodCidrOverlapsPeered,
        RuleId::PodCidrTooSmall,
        RuleId::PodSubnetNotUsed,
        RuleId::PodSubnetOutsideVnet,
        RuleId::PodSubnetOverlapsNodeSubnet,
        RuleId::PodSubnetTooSmall,
        RuleId::PodSubnetTooLarge,
        RuleId::StaticBlocksWasteIps,
        RuleId::ServiceCidrOverlapsVnet,
        RuleId::ServiceCidrOverlapsPeered,
        RuleId::ServiceCidrOverlapsPodCidr,
        RuleId::ServiceCidrTooLarge,
        RuleId::DnsIpOutsideServiceCidr,
        RuleId::DnsIpIsNetworkAddress,
        RuleId::DnsIpIsKubernetesService,
        RuleId::DnsIpNotDotTen,
    ];

    /// The stable kebab-case id.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleId::HostBitsSet => "host-bits-set",
            RuleId::MaxPodsOutOfRange => "max-pods-out-of-range",
            RuleId::PoolTooFewPods => "pool-too-few-pods",
            RuleId::TooManyNodes => "too-many-nodes",
            RuleId::KubenetRetiring => "kubenet-retiring",
            RuleId::VnetRangesOverlap => "vnet-ranges-overlap",
            RuleId::VnetOverlapsPeered => "vnet-overlaps-peered",
            RuleId::RangeUsesReservedBlock => "range-uses-reserved-block",
            RuleId::NodeSubnetOutsideVnet => "node-subnet-outside-vnet",
            RuleId::NodeSubnetOverlapsPeered => "node-subnet-overlaps-peered",
            RuleId::SubnetSmallerThan29 => "subnet-smaller-than-29",
            RuleId::NodeSubnetTooSmall => "node-subnet-too-small",
            RuleId::PodCidrNotUsedByAzureCni => "pod-cidr-not-used-by-azure-cni",
            RuleId::PodCidrNotPrivate => "pod-cidr-not-private",
            RuleId::PodCidrOverlapsVnet => "pod-cidr-overlaps-vnet",
            RuleId::PodCidrOverlapsPeered => "pod-cidr-overlaps-peered",
            RuleId::PodCidrTooSmall => "pod-cidr-too-small",
            RuleId::PodSubnetNotUsed => "pod-subnet-not-used",
            RuleId::PodSubnetOutsideVnet => "pod-subnet-outside-vnet",
            RuleId::PodSubnetOverlapsNodeSubnet => "pod-subnet-overlaps-node-subnet",
            RuleId::PodSubnetTooSmall => "pod-subnet-too-small",
            RuleId::PodSubnetTooLarge => "pod-subnet-too-large",
            RuleId::StaticBlocksWasteIps => "static-blocks-waste-ips",
            RuleId::ServiceCidrOverlapsVnet => "service-cidr-overlaps-vnet",
            RuleId::ServiceCidrOverlapsPeered => "service-cidr-overlaps-peered",
            RuleId::ServiceCidrOverlapsPodCidr => "service-cidr-overlaps-pod-cidr",
            RuleId::ServiceCidrTooLarge => "service-cidr-too-large",
            RuleId::DnsIpOutsideServiceCidr => "dns-ip-outside-service-cidr",
            RuleId::DnsIpIsNetworkAddress => "dns-ip-is-network-address",
            RuleId::DnsIpIsKubernetesService => "dns-ip-is-kubernetes-service",
            RuleId::DnsIpNotDotTen => "dns-ip-not-dot-ten",
        }
    }

    /// What the rule asks for, in a few words (used as the text of a choice in exercises).
    pub fn summary(self) -> &'static str {
        match self {
            RuleId::HostBitsSet => "a CIDR must be written as its network address",
            RuleId::MaxPodsOutOfRange => "max pods per node must be 10 to 250",
            RuleId::PoolTooFewPods => "a node pool needs room for at least 30 pods",
            RuleId::TooManyNodes => {
                "a node pool holds 1,000 nodes; kubenet allows 400 nodes, a cluster 5,000"
            }
            RuleId::KubenetRetiring => "kubenet retires on 31 March 2028",
            RuleId::VnetRangesOverlap => "a VNet's address ranges must not overlap",
            RuleId::VnetOverlapsPeered => "a VNet must not overlap the networks it is peered with",
            RuleId::RangeUsesReservedBlock => {
                "no range may touch 169.254/16, 172.30/16, 172.31/16 or 192.0.2/24"
            }
            RuleId::NodeSubnetOutsideVnet => "the node subnet must lie inside the VNet",
            RuleId::NodeSubnetOverlapsPeered => "the node subnet must not overlap peered ranges",
            RuleId::SubnetSmallerThan29 => "Azure subnets are at least a /29",
            RuleId::NodeSubnetTooSmall => "the node subnet must hold every IP the pool needs",
            RuleId::PodCidrNotUsedByAzureCni => "Azure CNI (node subnet) takes no pod CIDR",
            RuleId::PodCidrNotPrivate => "the pod CIDR must be RFC 1918 or 100.64.0.0/10",
            RuleId::PodCidrOverlapsVnet => "the pod CIDR must not overlap the VNet",
            RuleId::PodCidrOverlapsPeered => "the pod CIDR must not overlap peered ranges",
            RuleId::PodCidrTooSmall => "the pod CIDR needs a /24 for every node, surge included",
            RuleId::PodSubnetNotUsed => "only Azure CNI Pod Subnet takes a pod subnet",
            RuleId::PodSubnetOutsideVnet => "the pod subnet must lie inside the VNet",
            RuleId::PodSubnetOverlapsNodeSubnet => {
                "the pod subnet must not overlap the node subnet"
            }
            RuleId::PodSubnetTooSmall => "the pod subnet must hold every pod IP the pool needs",
            RuleId::PodSubnetTooLarge => {
                "static block allocation takes a pod subnet of /12 at most"
            }
            RuleId::StaticBlocksWasteIps => "with static blocks, max pods of 16k − 1 wastes no IPs",
            RuleId::ServiceCidrOverlapsVnet => "the service CIDR must lie outside the VNet",
            RuleId::ServiceCidrOverlapsPeered => "the service CIDR must not overlap peered ranges",
            RuleId::ServiceCidrOverlapsPodCidr => "the service CIDR must not overlap the pod CIDR",
            RuleId::ServiceCidrTooLarge => "the service CIDR must be smaller than a /12",
            RuleId::DnsIpOutsideServiceCidr => "the DNS service IP must be inside the service CIDR",
            RuleId::DnsIpIsNetworkAddress => "the DNS service IP must not be the network address",
            RuleId::DnsIpIsKubernetesService => {
                "the DNS service IP must not be the first address (kubernetes.default)"
            }
            RuleId::DnsIpNotDotTen => "the DNS service IP is conventionally the .10 address",
        }
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error makes AKS (or Azure) refuse the plan or break the cluster; a warning is allowed but unwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One broken rule, explained in one sentence a learner understands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: RuleId,
    pub severity: Severity,
    pub message: String,
}

impl Finding {
    pub fn error(rule: RuleId, message: impl Into<String>) -> Self {
        Finding {
            rule,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    pub fn warning(rule: RuleId, message: impl Into<String>) -> Self {
        Finding {
            rule,
            severity: Severity::Warning,
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_unique_kebab_case() {
        let ids: HashSet<&str> = RuleId::ALL.iter().map(|rule| rule.as_str()).collect();
        assert_eq!(ids.len(), RuleId::ALL.len());
        for id in ids {
            assert!(
                id.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            );
        }
    }
}
