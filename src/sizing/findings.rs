//! Findings as a learner reads them: errors before warnings, each said once, and no rule allowed to
//! flood the report (a plan with thousands of ranges would otherwise print millions of lines).

use std::collections::HashSet;

use super::cidr::group_thousands;
use super::rules::{Finding, RuleId};

/// The most findings shown for one rule; the rest are counted in one closing finding.
pub const MAX_PER_RULE: usize = 10;

/// Sorts by severity (stable, so each rule keeps the validator's order), drops exact repeats and caps
/// each rule at [`MAX_PER_RULE`] with a count of what was left out.
pub fn tidy(findings: Vec<Finding>) -> Vec<Finding> {
    let mut seen = HashSet::new();
    let mut unique: Vec<Finding> = findings
        .into_iter()
        .filter(|finding| seen.insert((finding.rule, finding.message.clone())))
        .collect();
    unique.sort_by_key(|finding| finding.severity);
    let mut shown: Vec<Finding> = Vec::with_capacity(unique.len());
    let mut per_rule: Vec<(RuleId, usize)> = Vec::new();
    for finding in unique {
        let count = match per_rule.iter_mut().find(|(rule, _)| *rule == finding.rule) {
            Some((_, count)) => count,
            None => {
                per_rule.push((finding.rule, 0));
                &mut per_rule.last_mut().expect("just pushed").1
            }
        };
        *count += 1;
        if *count <= MAX_PER_RULE {
            shown.push(finding);
        } else if *count == MAX_PER_RULE + 1 {
            // A placeholder, given its count below once every finding has been seen.
            shown.push(Finding {
                message: String::new(),
                ..finding
            });
        }
    }
    for finding in shown
        .iter_mut()
        .filter(|finding| finding.message.is_empty())
    {
        let total = per_rule
            .iter()
            .find(|(rule, _)| *rule == finding.rule)
            .map_or(0, |(_, count)| *count);
        let more = (total - MAX_PER_RULE) as u64;
        finding.message = format!(
            "… and {} more {} finding{} like these, not shown.",
            group_thousands(more),
            finding.rule,
            if more == 1 { "" } else { "s" }
        );
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_come_first_repeats_once_and_each_rule_is_capped() {
        let mut findings = vec![Finding::warning(RuleId::KubenetRetiring, "retiring")];
        for index in 0..25 {
            findings.push(Finding::error(
                RuleId::VnetRangesOverlap,
                format!("overlap {index}"),
            ));
            findings.push(Finding::error(RuleId::HostBitsSet, "the same one"));
        }
        let tidied = tidy(findings);
        assert_eq!(tidied[0].rule, RuleId::VnetRangesOverlap);
        assert_eq!(tidied.last().map(|f| f.rule), Some(RuleId::KubenetRetiring));
        let overlaps: Vec<&Finding> = tidied
            .iter()
            .filter(|f| f.rule == RuleId::VnetRangesOverlap)
            .collect();
        assert_eq!(overlaps.len(), MAX_PER_RULE + 1);
        assert_eq!(
            overlaps[MAX_PER_RULE].message,
            "… and 15 more vnet-ranges-overlap findings like these, not shown."
        );
        let host_bits = tidied
            .iter()
            .filter(|f| f.rule == RuleId::HostBitsSet)
            .count();
        assert_eq!(host_bits, 1);
    }
}
