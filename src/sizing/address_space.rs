//! The address space of a plan as plain data, for a picture: each VNet as a bar of used and free segments,
//! and every range of the plan with what it overlaps. Drawing is the UI's job; this only measures.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::cidr::{bounds, contains, network_of, overlaps};
use super::plan::NetworkPlan;

/// What a range is in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RangeRole {
    Vnet,
    NodeSubnet,
    PodCidr,
    ServiceCidr,
    Peered,
}

impl RangeRole {
    pub fn label(self) -> &'static str {
        match self {
            RangeRole::Vnet => "VNet",
            RangeRole::NodeSubnet => "node subnet",
            RangeRole::PodCidr => "pod CIDR",
            RangeRole::ServiceCidr => "service CIDR",
            RangeRole::Peered => "peered",
        }
    }
}

/// One range of the plan (as the network it means) and the indices of the ranges it wrongly overlaps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelledRange {
    pub role: RangeRole,
    pub range: Ipv4Net,
    /// Filled in by AKS's default rather than given.
    pub is_default: bool,
    /// Indices into `AddressSpace::ranges`. A node subnet inside its VNet is expected, not listed.
    pub overlaps: Vec<usize>,
}

impl LabelledRange {
    pub fn has_overlap(&self) -> bool {
        !self.overlaps.is_empty()
    }
}

/// What fills part of a VNet's bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentContent {
    /// An index into `AddressSpace::ranges`.
    Range(usize),
    Free,
}

/// A stretch of a VNet, first and last address inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub first: Ipv4Addr,
    pub last: Ipv4Addr,
    pub content: SegmentContent,
    /// Whether this stretch is a range that overlaps something it must not.
    pub conflict: bool,
}

impl Segment {
    /// Where the segment starts and how long it is, as fractions (0.0–1.0) of the VNet, for drawing a bar.
    pub fn fraction_of(&self, vnet: &Ipv4Net) -> (f64, f64) {
        let (vnet_first, vnet_last) = bounds(vnet);
        let size = f64::from(vnet_last - vnet_first) + 1.0;
        let start = f64::from(u32::from(self.first).saturating_sub(vnet_first));
        let length = f64::from(u32::from(self.last) - u32::from(self.first)) + 1.0;
        (start / size, length / size)
    }
}

/// One VNet range and what lies in it, in address order; gaps are `Free` segments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VnetLayout {
    pub vnet: Ipv4Net,
    /// Used segments may overlap one another (that is the conflict being shown); free ones never do.
    pub segments: Vec<Segment>,
}

/// Everything a picture of the plan needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddressSpace {
    pub ranges: Vec<LabelledRange>,
    pub vnets: Vec<VnetLayout>,
}

fn expected_nesting(outer: &LabelledRange, inner: &LabelledRange) -> bool {
    outer.role == RangeRole::Vnet
        && inner.role == RangeRole::NodeSubnet
        && contains(&outer.range, &inner.range)
}

impl AddressSpace {
    pub fn of(plan: &NetworkPlan) -> Self {
        let mut ranges = Vec::new();
        let mut push = |role, range: Ipv4Net, is_default| {
            ranges.push(LabelledRange {
                role,
                range: network_of(&range),
                is_default,
                overlaps: Vec::new(),
            });
        };
        plan.vnets
            .iter()
            .for_each(|&vnet| push(RangeRole::Vnet, vnet, false));
        plan.node_subnet
            .iter()
            .for_each(|&subnet| push(RangeRole::NodeSubnet, subnet, false));
        if plan.plugin.uses_pod_cidr()
            && let Some(pod) = plan.pod_cidr_in_effect()
        {
            push(RangeRole::PodCidr, pod.value, pod.is_default);
        }
        let service = plan.service_cidr_in_effect();
        push(RangeRole::ServiceCidr, service.value, service.is_default);
        plan.peered
            .iter()
            .for_each(|&peered| push(RangeRole::Peered, peered, false));

        for a in 0..ranges.len() {
            for b in 0..ranges.len() {
                let (left, right) = (&ranges[a], &ranges[b]);
                let both_peered = left.role == RangeRole::Peered && right.role == RangeRole::Peered;
                if a != b
                    && !both_peered
                    && overlaps(&left.range, &right.range)
                    && !expected_nesting(left, right)
                    && !expected_nesting(right, left)
                {
                    ranges[a].overlaps.push(b);
                }
            }
        }
        let vnets = ranges
            .iter()
            .enumerate()
            .filter(|(_, range)| range.role == RangeRole::Vnet)
            .map(|(index, vnet)| layout(index, vnet.range, &ranges))
            .collect();
        AddressSpace { ranges, vnets }
    }
}

fn layout(vnet_index: usize, vnet: Ipv4Net, ranges: &[LabelledRange]) -> VnetLayout {
    let (vnet_first, vnet_last) = bounds(&vnet);
    let mut used: Vec<Segment> = ranges
        .iter()
        .enumerate()
        .filter(|(index, range)| *index != vnet_index && overlaps(&vnet, &range.range))
        .map(|(index, range)| {
            let (first, last) = bounds(&range.range);
            Segment {
                first: Ipv4Addr::from(first.max(vnet_first)),
                last: Ipv4Addr::from(last.min(vnet_last)),
                content: SegmentContent::Range(index),
                conflict: range.has_overlap(),
            }
        })
        .collect();
    used.sort_by_key(|segment| (u32::from(segment.first), u32::from(segment.last)));
    let mut segments = Vec::with_capacity(used.len() * 2 + 1);
    // `next_free` is u64 so that a segment ending at 255.255.255.255 does not overflow.
    let mut next_free = u64::from(vnet_first);
    for segment in used {
        let first = u64::from(u32::from(segment.first));
        if first > next_free {
            segments.push(free(next_free, first - 1));
        }
        next_free = next_free.max(u64::from(u32::from(segment.last)) + 1);
        segments.push(segment);
    }
    if next_free <= u64::from(vnet_last) {
        segments.push(free(next_free, u64::from(vnet_last)));
    }
    VnetLayout { vnet, segments }
}

fn free(first: u64, last: u64) -> Segment {
    let address = |value: u64| Ipv4Addr::from(u32::try_from(value).unwrap_or(u32::MAX));
    Segment {
        first: address(first),
        last: address(last),
        content: SegmentContent::Free,
        conflict: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sizing::example_plans::{fixed_seed_example_plan, seed_example_plan};

    fn role_at(space: &AddressSpace, segment: &Segment) -> Option<RangeRole> {
        match segment.content {
            SegmentContent::Range(index) => Some(space.ranges[index].role),
            SegmentContent::Free => None,
        }
    }

    #[test]
    fn a_valid_plan_shows_the_node_subnet_and_free_space() {
        let space = AddressSpace::of(&fixed_seed_example_plan());
        assert!(space.ranges.iter().all(|range| !range.has_overlap()));
        let [vnet] = space.vnets.as_slice() else {
            panic!("one VNet");
        };
        let roles: Vec<Option<RangeRole>> = vnet
            .segments
            .iter()
            .map(|segment| role_at(&space, segment))
            .collect();
        assert_eq!(roles, vec![Some(RangeRole::NodeSubnet), None]);
        assert_eq!(vnet.segments[1].first, Ipv4Addr::new(10, 1, 1, 0));
        assert_eq!(vnet.segments[1].last, Ipv4Addr::new(10, 1, 255, 255));
        let (start, length) = vnet.segments[0].fraction_of(&vnet.vnet);
        assert_eq!((start, length), (0.0, 1.0 / 256.0));
    }

    #[test]
    fn the_seed_plan_shows_the_service_cidr_on_top_of_the_vnet() {
        let space = AddressSpace::of(&seed_example_plan());
        let service = space
            .ranges
            .iter()
            .position(|range| range.role == RangeRole::ServiceCidr)
            .expect("a service CIDR");
        let overlapped: Vec<RangeRole> = space.ranges[service]
            .overlaps
            .iter()
            .map(|&index| space.ranges[index].role)
            .collect();
        assert_eq!(overlapped, vec![RangeRole::Vnet, RangeRole::NodeSubnet]);
        let vnet = &space.vnets[0];
        assert!(
            vnet.segments
                .iter()
                .all(|segment| segment.content != SegmentContent::Free)
        );
        assert!(vnet.segments.iter().all(|segment| segment.conflict));
        let pod = space
            .ranges
            .iter()
            .find(|range| range.role == RangeRole::PodCidr);
        assert!(pod.is_some_and(|pod| !pod.has_overlap()));
    }
}
