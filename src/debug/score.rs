//! How a debugging lab is scored, out of 100: the right cause and the right fix carry most of it,
//! then how directly the cause was proven; hints and harmful actions cost points.

use serde::Serialize;

pub const CAUSE_POINTS: u32 = 40;
pub const FIX_POINTS: u32 = 30;
/// Earned in full by proving the cause in as few steps as the shortest path.
pub const EFFICIENCY_POINTS: u32 = 30;
/// Each step beyond the shortest path.
pub const EXTRA_STEP_COST: u32 = 5;
pub const HINT_COST: u32 = 5;
/// More than a hint: in production the action would have made the incident worse.
pub const HARMFUL_COST: u32 = 15;

/// The parts of a score, for the debrief to show one line each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ScoreBreakdown {
    /// `CAUSE_POINTS` for the right cause, else 0.
    pub cause: u32,
    /// `FIX_POINTS` for the right fix, else 0.
    pub fix: u32,
    /// Up to `EFFICIENCY_POINTS`: only for a right cause the outputs had proven when it was
    /// named (a lucky guess earns the cause, not the method).
    pub efficiency: u32,
    /// Points taken away for hints.
    pub hints: u32,
    /// Points taken away for harmful actions.
    pub harmful: u32,
    /// The sum, never below 0.
    pub total: u32,
}

/// What the score is computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScoreInput {
    pub right_cause: bool,
    pub right_fix: bool,
    /// The right cause was the only one the outputs seen left possible.
    pub proven: bool,
    pub steps: usize,
    pub shortest: usize,
    pub hints: usize,
    pub harmful: usize,
}

pub fn score(input: ScoreInput) -> ScoreBreakdown {
    let cause = if input.right_cause { CAUSE_POINTS } else { 0 };
    let fix = if input.right_fix { FIX_POINTS } else { 0 };
    let efficiency = if input.right_cause && input.proven {
        let extra = input.steps.saturating_sub(input.shortest);
        let cost = u32::try_from(extra)
            .unwrap_or(u32::MAX)
            .saturating_mul(EXTRA_STEP_COST);
        EFFICIENCY_POINTS.saturating_sub(cost)
    } else {
        0
    };
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let hints = count(input.hints).saturating_mul(HINT_COST);
    let harmful = count(input.harmful).saturating_mul(HARMFUL_COST);
    let total = (cause + fix + efficiency).saturating_sub(hints.saturating_add(harmful));
    ScoreBreakdown {
        cause,
        fix,
        efficiency,
        hints,
        harmful,
        total,
    }
}
