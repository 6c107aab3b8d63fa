//! What a scenario's outputs can prove: which causes stay possible after some outputs, which
//! causes no safe action tells apart, and the shortest path that proves each cause.
//! The loader uses it to check scenarios, the session to score and hint.
//!
//! Two outputs are "the same" when their text is: a learner sees text, not which `Output` entry
//! it came from. Harmful actions never count as proof: a lab must not need one.

use std::collections::HashMap;

use crate::content::DebugScenario;

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

/// The shortest path that proves `cause`, for a learner who does not know it: the actions of
/// an expert who, at each step, takes the safe action that splits the causes still possible so
/// that the longest remaining path is shortest (then the fewest steps over all causes, then
/// the earliest action). `None` when another cause looks the same through every safe action.
///
/// Exact: a search over the sets of causes still possible, each solved once. A lab has a handful
/// of causes, so there are at most a few dozen such sets.
pub fn shortest_path(scenario: &DebugScenario, cause: usize) -> Option<Vec<usize>> {
    let count = scenario.causes.len();
    if cause >= count || count > MAX_CAUSES {
        return None;
    }
    let safe = safe_actions(scenario);
    let mut plans = HashMap::new();
    let mut open: u64 = if count == 64 {
        u64::MAX
    } else {
        (1 << count) - 1
    };
    let mut path = Vec::new();
    while open.count_ones() > 1 {
        let plan = best_split(scenario, &safe, open, &mut plans)?;
        let action = plan.action?;
        path.push(action);
        open &= group_of(scenario, action, open, cause);
    }
    Some(path)
}

/// Up to this many causes, sets of them fit a `u64`.
const MAX_CAUSES: usize = 64;

/// How an expert proceeds from a set of causes still possible.
#[derive(Debug, Clone, Copy)]
struct Plan {
    /// The action to take; `None` once one cause is left.
    action: Option<usize>,
    /// Steps on the longest path from here, and over all the causes' paths.
    longest: usize,
    total: usize,
}

fn best_split(
    scenario: &DebugScenario,
    safe: &[usize],
    open: u64,
    plans: &mut HashMap<u64, Option<Plan>>,
) -> Option<Plan> {
    if let Some(plan) = plans.get(&open) {
        return *plan;
    }
    let plan = if open.count_ones() == 1 {
        Some(Plan {
            action: None,
            longest: 0,
            total: 0,
        })
    } else {
        let mut best: Option<Plan> = None;
        for &action in safe {
            let groups = split(scenario, action, open);
            if groups.len() < 2 {
                continue;
            }
            let mut longest = 0;
            let mut total = open.count_ones() as usize;
            let mut solvable = true;
            for group in groups {
                match best_split(scenario, safe, group, plans) {
                    Some(plan) => {
                        longest = longest.max(plan.longest + 1);
                        total += plan.total;
                    }
                    None => solvable = false,
                }
            }
            let better = best.is_none_or(|b| (longest, total) < (b.longest, b.total));
            if solvable && better {
                best = Some(Plan {
                    action: Some(action),
                    longest,
                    total,
                });
            }
        }
        best
    };
    plans.insert(open, plan);
    plan
}

/// The causes of `open` grouped by the output `action` gives them.
fn split(scenario: &DebugScenario, action: usize, open: u64) -> Vec<u64> {
    let mut groups: Vec<u64> = Vec::new();
    for cause in members(open) {
        let group = group_of(scenario, action, open, cause);
        if !groups.contains(&group) {
            groups.push(group);
        }
    }
    groups
}

/// The causes of `open` for which `action` prints what it prints for `cause`.
fn group_of(scenario: &DebugScenario, action: usize, open: u64, cause: usize) -> u64 {
    members(open)
        .filter(|&other| same_output(scenario, action, cause, other))
        .fold(0, |group, other| group | 1 << other)
}

fn members(set: u64) -> impl Iterator<Item = usize> {
    (0..64).filter(move |bit| set & (1 << bit) != 0)
}

/// The action an expert takes next when `candidates` are the causes still possible: the first
/// step of the shortest paths from there. `None` when they cannot be told apart (or one is left).
/// Actions already taken never split the candidates, so they are never suggested again.
pub fn next_step(scenario: &DebugScenario, candidates: &[usize]) -> Option<usize> {
    if candidates.iter().any(|&cause| cause >= MAX_CAUSES) {
        return None;
    }
    let open = candidates.iter().fold(0u64, |set, &cause| set | 1 << cause);
    let safe = safe_actions(scenario);
    best_split(scenario, &safe, open, &mut HashMap::new())?.action
}
