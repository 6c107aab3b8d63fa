//! Debugging labs you play (F16): a symptom, a root cause drawn from a seed, diagnostic actions
//! whose output depends on it, hints, the cause and the fix named, a debrief and a score. No
//! terminal code: the debug screen and the `debug` command draw what this module returns.

pub mod analysis;
pub mod debrief;
pub mod score;
pub mod session;

use rand::SeedableRng;
use rand::rngs::Xoshiro256PlusPlus;
use rand::seq::IndexedRandom;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::content::{Course, DebugScenario};

pub use debrief::{Debrief, DebriefStep, Named};
pub use score::ScoreBreakdown;
pub use session::{ActionOutcome, CauseOutcome, DebugSession, FixOutcome, HintOutcome, Phase};

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DebugError {
    #[error(
        "debugging scenario `{scenario}` has no causes to draw from; check it with `aks-tutor validate`"
    )]
    NoCauses { scenario: String },
    #[error("debugging scenario `{scenario}` has no cause `{cause}`; choose one of its causes")]
    UnknownCause { scenario: String, cause: String },
    #[error("there is no debugging scenario `{given}`; choose one of: {}", valid.join(", "))]
    UnknownScenario { given: String, valid: Vec<String> },
}

/// One finished lab, as progress will keep it (per scenario and per cause).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DebugAttempt {
    pub scenario: String,
    /// The drawn cause.
    pub cause: String,
    /// The right cause and the right fix.
    pub solved: bool,
    pub steps: usize,
    /// Steps in the shortest path of the cause.
    pub shortest: usize,
    pub hints: usize,
    pub harmful: usize,
    /// Out of 100.
    pub score: u32,
}

/// A scenario of the course by id.
pub fn find_scenario<'a>(course: &'a Course, id: &str) -> Result<&'a DebugScenario, DebugError> {
    course
        .debug_scenarios()
        .find(|scenario| scenario.id == id)
        .ok_or_else(|| DebugError::UnknownScenario {
            given: id.to_string(),
            valid: course.debug_scenarios().map(|s| s.id.clone()).collect(),
        })
}

/// A cause for a due scenario: one of those not in `solved`, drawn from `seed`; once every cause
/// is solved, any cause (review goes on).
pub fn draw_unsolved_cause<'a>(
    scenario: &'a DebugScenario,
    solved: &[&str],
    seed: u64,
) -> Result<&'a str, DebugError> {
    let unsolved: Vec<&str> = scenario
        .causes
        .iter()
        .map(|cause| cause.id.as_str())
        .filter(|id| !solved.contains(id))
        .collect();
    let pool: Vec<&str> = if unsolved.is_empty() {
        scenario.causes.iter().map(|c| c.id.as_str()).collect()
    } else {
        unsolved
    };
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    pool.choose(&mut rng)
        .copied()
        .ok_or_else(|| DebugError::NoCauses {
            scenario: scenario.id.clone(),
        })
}

/// Each cause's id and the ids of the actions in its shortest path (empty when none exists,
/// which the loader reports).
pub fn shortest_paths(scenario: &DebugScenario) -> Vec<(String, Vec<String>)> {
    (0..scenario.causes.len())
        .map(|cause| {
            let proof = analysis::shortest_path(scenario, cause).unwrap_or_default();
            let ids = proof
                .into_iter()
                .map(|a| scenario.actions[a].id.clone())
                .collect();
            (scenario.causes[cause].id.clone(), ids)
        })
        .collect()
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod session_tests;

#[cfg(test)]
#[path = "content_tests.rs"]
mod content_tests;
