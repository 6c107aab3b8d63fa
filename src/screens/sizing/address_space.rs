//! A picture of a plan's address space: each VNet as a bar with what lies in it, then every range
//! of the plan with what it overlaps. Overlaps are drawn with `!` as well as the warning colour,
//! so the picture reads without colour too.

use ratatui::text::{Line, Span};

use crate::sizing::address_space::{AddressSpace, RangeRole, SegmentContent};
use crate::sizing::cidr::group_thousands;
use crate::ui::theme::Theme;
use crate::ui::wrap::wrap_hanging;

const FREE: char = '·';
const CONFLICT: char = '!';

fn symbol(role: RangeRole) -> char {
    match role {
        RangeRole::Vnet => '═',
        RangeRole::NodeSubnet => '█',
        RangeRole::PodCidr => '▓',
        RangeRole::ServiceCidr => '▒',
        RangeRole::Peered => '▞',
    }
}

/// The picture's lines. `show_conflicts` is off before an exercise is answered, so the picture
/// does not give the answer away.
pub fn picture(
    space: &AddressSpace,
    width: usize,
    show_conflicts: bool,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled("Address space", theme.subheading)];
    let bar_width = width.saturating_sub(2).clamp(1, 64);
    for vnet in &space.vnets {
        let size = 1u64 << (32 - u32::from(vnet.vnet.prefix_len()));
        lines.push(Line::styled(
            format!("VNet {} ({} addresses)", vnet.vnet, group_thousands(size)),
            theme.base,
        ));
        let mut cells = vec![(FREE, false); bar_width];
        // Larger ranges first, so a subnet shows on top of a range around it; conflicts last, so
        // they are never hidden. Every used range gets at least one column.
        let mut used: Vec<_> = vnet
            .segments
            .iter()
            .filter(|s| s.content != SegmentContent::Free)
            .collect();
        used.sort_by_key(|s| {
            (
                s.conflict && show_conflicts,
                std::cmp::Reverse(u32::from(s.last) - u32::from(s.first)),
            )
        });
        for segment in used {
            let SegmentContent::Range(index) = segment.content else {
                continue;
            };
            let (start, length) = segment.fraction_of(&vnet.vnet);
            let first = ((start * bar_width as f64) as usize).min(bar_width - 1);
            let last =
                (((start + length) * bar_width as f64).ceil() as usize).clamp(first + 1, bar_width);
            let conflict = segment.conflict && show_conflicts;
            let ch = if conflict {
                CONFLICT
            } else {
                symbol(space.ranges[index].role)
            };
            cells[first..last].fill((ch, conflict));
        }
        let mut spans = vec![Span::styled("[", theme.dim)];
        spans.extend(cells.into_iter().map(|(ch, conflict)| {
            let style = if conflict {
                theme.warning
            } else if ch == FREE {
                theme.dim
            } else {
                theme.base
            };
            Span::styled(ch.to_string(), style)
        }));
        spans.push(Span::styled("]", theme.dim));
        lines.push(Line::from(spans));
    }
    if space.vnets.is_empty() {
        lines.push(Line::styled(
            "No VNet given: only the ranges are shown.",
            theme.dim,
        ));
    }
    lines.push(Line::default());
    let label_width = space
        .ranges
        .iter()
        .map(|r| r.role.label().len())
        .max()
        .unwrap_or(0);
    for range in space.ranges.iter().filter(|r| r.role != RangeRole::Vnet) {
        let conflict = range.has_overlap() && show_conflicts;
        let mark = if conflict {
            CONFLICT
        } else {
            symbol(range.role)
        };
        let mut text = format!(
            "{mark} {:<label_width$}  {}",
            range.role.label(),
            range.range
        );
        if range.is_default {
            text.push_str(" (AKS default)");
        }
        if range.role == RangeRole::PodCidr
            && !space.vnets.iter().any(|v| v.vnet.contains(&range.range))
        {
            text.push_str(" (outside the VNet: an overlay)");
        }
        if conflict {
            let others: Vec<String> = range
                .overlaps
                .iter()
                .map(|&i| format!("{} {}", space.ranges[i].role.label(), space.ranges[i].range))
                .collect();
            text.push_str(&format!(" overlaps {}", others.join(", ")));
        }
        let style = if conflict { theme.warning } else { theme.base };
        lines.extend(wrap_hanging(&[(text, style)], width, label_width + 4));
    }
    lines.push(Line::styled(
        format!("{FREE} free   {CONFLICT} overlap"),
        theme.dim,
    ));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sizing::example_plans::{fixed_seed_example_plan, seed_example_plan};
    use crate::ui::wrap::texts;

    #[test]
    fn a_small_subnet_still_gets_a_column_and_the_rest_is_free() {
        let space = AddressSpace::of(&fixed_seed_example_plan());
        let lines = texts(&picture(&space, 34, true, &Theme::monochrome()));
        assert_eq!(lines[2], format!("[█{}]", "·".repeat(31)));
        assert!(
            !lines
                .iter()
                .any(|l| l.contains('!') && !l.contains("overlap"))
        );
    }

    #[test]
    fn the_seed_plan_shows_its_overlap_only_once_answered() {
        let space = AddressSpace::of(&seed_example_plan());
        let before = texts(&picture(&space, 34, false, &Theme::monochrome()));
        let after = texts(&picture(&space, 34, true, &Theme::monochrome()));
        let wide = texts(&picture(&space, 80, true, &Theme::monochrome()));
        assert!(!before[2].contains('!'), "{before:?}");
        assert_eq!(after[2], format!("[{}]", "!".repeat(32)));
        assert!(wide.iter().any(|l| l.starts_with("! service CIDR") && l.contains("overlaps VNet 10.1.0.0/16")), "{wide:?}");
    }
}
