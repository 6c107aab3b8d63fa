//! What a scenario's outputs can prove: which causes stay possible after some outputs, which
//! causes no safe action tells apart, and the shortest set of actions that proves each cause.
//! The loader uses it to check scenarios, the session to score and hint.
//!
//! Two outputs are "the same" when their text is: a learner sees text, not which `Output` entry
//! it came from. Harmful actions never count as proof: a lab must not need one.

use crate::content::DebugScenario;

/// Above this many telling actions the exact search (2^n subsets) gives way to a greedy cover.
const EXACT_SEARCH_LIMIT: usize = 16;

/// Whether `action` prints the same for causes `a` and `b` (a missing output counts as empty).
pub fn same_output(scenario: &DebugScenario, action: usize, a: usize, b: usize) -> bool {
    let action = &scenario.actions[action];
    let text = |cause: usize| {
        action
            .output_for(&scenario.causes[cause].id)
            .map_or("", |output| output.text.trim())
    };
    text(a) == text(b)
}

/// The actions that are not harmful, in the scenario's order.
pub fn safe_actions(scenario: &DebugScenario) -> Vec<usize> {
    (0..scenario.actions.len())
        .filter(|&action| !scenario.actions[action].is_harmful())
        .collect()
}

/// The causes still possible after seeing what `taken` printed when `drawn` is the cause.
pub fn candidates(scenario: &DebugScenario, taken: &[usize], drawn: usize) -> Vec<usize> {
    (0..scenario.causes.len())
        .filter(|&cause| {
            taken
                .iter()
                .all(|&action| same_output(scenario, action, cause, drawn))
        })
        .collect()
}

/// Every pair of causes (in order) that no safe action tells apart.
pub fn indistinguishable(scenario: &DebugScenario) -> Vec<(usize, usize)> {
    let safe = safe_actions(scenario);
    let count = scenario.causes.len();
    let mut pairs = Vec::new();
    for a in 0..count {
        for b in a + 1..count {
            if safe
                .iter()
                .all(|&action| same_output(scenario, action, a, b))
            {
                pairs.push((a, b));
            }
        }
    }
    pairs
}

/// The fewest safe actions whose outputs leave only `cause` possible, in the scenario's order;
/// `None` when no set does (another cause looks the same everywhere). Exact (a search over the
/// subsets of the actions that tell `cause` apart from anything) for the sizes a lab has.
pub fn shortest_proof(scenario: &DebugScenario, cause: usize) -> Option<Vec<usize>> {
    let others: Vec<usize> = (0..scenario.causes.len()).filter(|&c| c != cause).collect();
    // For each telling action, the set of other causes it rules out, as a bit mask.
    let telling: Vec<(usize, u64)> = safe_actions(scenario)
        .into_iter()
        .filter_map(|action| {
            let mask = others
                .iter()
                .enumerate()
                .filter(|&(_, &other)| !same_output(scenario, action, cause, other))
                .fold(0u64, |mask, (bit, _)| mask | 1 << bit);
            (mask != 0).then_some((action, mask))
        })
        .collect();
    if others.len() > 63 {
        return None;
    }
    let all = if others.is_empty() {
        0
    } else {
        u64::MAX >> (64 - others.len())
    };
    let chosen = if telling.len() <= EXACT_SEARCH_LIMIT {
        exact_cover(&telling, all)?
    } else {
        greedy_cover(&telling, all)?
    };
    let mut proof: Vec<usize> = chosen.into_iter().map(|i| telling[i].0).collect();
    proof.sort_unstable();
    Some(proof)
}

/// The smallest subset (by count, then the earliest actions) whose masks cover `all`.
fn exact_cover(telling: &[(usize, u64)], all: u64) -> Option<Vec<usize>> {
    let best = (0u32..1 << telling.len())
        .filter(|subset| {
            let covered = (0..telling.len())
                .filter(|i| subset & (1 << i) != 0)
                .fold(0, |mask, i| mask | telling[i].1);
            covered & all == all
        })
        .min_by_key(|subset| (subset.count_ones(), subset.reverse_bits()))?;
    Some(
        (0..telling.len())
            .filter(|i| best & (1 << i) != 0)
            .collect(),
    )
}

/// Repeatedly the action that rules out the most causes still open: near the minimum, fast.
fn greedy_cover(telling: &[(usize, u64)], all: u64) -> Option<Vec<usize>> {
    let mut covered = 0u64;
    let mut chosen = Vec::new();
    while covered & all != all {
        let (index, gain) = telling
            .iter()
            .enumerate()
            .map(|(i, &(_, mask))| (i, (mask & !covered).count_ones()))
            .max_by_key(|&(i, gain)| (gain, std::cmp::Reverse(i)))?;
        if gain == 0 {
            return None;
        }
        covered |= telling[index].1;
        chosen.push(index);
    }
    Some(chosen)
}

/// Among the safe actions not yet taken, the one whose outputs split `candidates` best (the
/// largest group left is smallest); `None` when no action tells them apart.
pub fn most_telling(
    scenario: &DebugScenario,
    taken: &[usize],
    candidates: &[usize],
) -> Option<usize> {
    safe_actions(scenario)
        .into_iter()
        .filter(|action| !taken.contains(action))
        .filter_map(|action| {
            let largest = candidates
                .iter()
                .map(|&a| {
                    candidates
                        .iter()
                        .filter(|&&b| same_output(scenario, action, a, b))
                        .count()
                })
                .max()?;
            (largest < candidates.len()).then_some((action, largest))
        })
        .min_by_key(|&(action, largest)| (largest, action))
        .map(|(action, _)| action)
}
