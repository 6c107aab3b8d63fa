//! A debugging lab being played: a cause drawn from the seed, actions taken one at a time, hints,
//! then the cause named and the fix. UI-free; the screen draws what these methods return.

use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};

use super::analysis::{candidates, next_step, shortest_path};
use super::debrief::{Debrief, build_debrief};
use super::score::{HARMFUL_COST, HINT_COST};
use super::{DebugAttempt, DebugError};
use crate::content::{DebugAction, DebugScenario};

/// Where the lab is: investigating, then the fix to choose, then over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Investigating,
    /// The cause is named; the learner chooses the fix.
    ChoosingFix,
    Finished,
}

/// What taking an action gave.
#[must_use]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionOutcome {
    /// The command's output for the drawn cause; one more step.
    Output {
        command: String,
        text: String,
    },
    /// The output of an action that would have hurt production, why, and what it cost.
    Harmful {
        command: String,
        text: String,
        why: String,
        penalty: u32,
    },
    /// Taken before: the same output again, no step counted.
    AlreadyTaken {
        command: String,
        text: String,
    },
    UnknownAction,
    /// The cause is named: no more actions.
    InvestigationOver,
}

/// What asking for a hint gave.
#[must_use]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HintOutcome {
    /// The next authored hint, for `cost` points.
    Hint {
        text: String,
        cost: u32,
    },
    /// The authored hints are spent: an action whose output would narrow the causes down.
    TryAction {
        action_id: String,
        label: String,
        cost: u32,
    },
    /// The outputs seen already leave one cause: nothing to hint, nothing charged.
    CauseAlreadyProven,
    InvestigationOver,
}

/// What naming a cause gave. Whether it was right is kept for the debrief.
#[must_use]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CauseOutcome {
    /// Named; now choose the fix.
    CauseNamed,
    UnknownCause,
    /// A cause is already named.
    AlreadyNamed,
}

/// What naming a fix gave: the lab is over and the debrief is ready.
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum FixOutcome {
    Finished(Box<Debrief>),
    UnknownFix,
    /// Name the cause first.
    CauseNotNamed,
    AlreadyFinished,
}

/// One playthrough of a scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct DebugSession {
    scenario: DebugScenario,
    seed: u64,
    cause: usize,
    /// Actions taken, in order, each once.
    path: Vec<usize>,
    hints: usize,
    named_cause: Option<usize>,
    /// Whether the outputs seen had proven the cause when it was named.
    proven: bool,
    named_fix: Option<usize>,
}

impl DebugSession {
    /// A lab with a cause drawn from `seed`: the same seed always draws the same cause.
    pub fn new(scenario: &DebugScenario, seed: u64) -> Result<Self, DebugError> {
        if scenario.causes.is_empty() {
            return Err(DebugError::NoCauses {
                scenario: scenario.id.clone(),
            });
        }
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
        let cause = rng.random_range(0..scenario.causes.len());
        Ok(Self::start(scenario, seed, cause))
    }

    /// A lab with a chosen cause (a due scenario brings back one not solved yet).
    pub fn with_cause(
        scenario: &DebugScenario,
        cause: &str,
        seed: u64,
    ) -> Result<Self, DebugError> {
        let index = scenario
            .cause_index(cause)
            .ok_or_else(|| DebugError::UnknownCause {
                scenario: scenario.id.clone(),
                cause: cause.to_string(),
            })?;
        Ok(Self::start(scenario, seed, index))
    }

    /// A due scenario: a cause not among `solved` (ids of causes already solved), drawn from
    /// `seed`; any cause once all are solved.
    pub fn for_review(
        scenario: &DebugScenario,
        solved: &[&str],
        seed: u64,
    ) -> Result<Self, DebugError> {
        let cause = super::draw_unsolved_cause(scenario, solved, seed)?.to_string();
        Self::with_cause(scenario, &cause, seed)
    }

    fn start(scenario: &DebugScenario, seed: u64, cause: usize) -> Self {
        Self {
            scenario: scenario.clone(),
            seed,
            cause,
            path: Vec::new(),
            hints: 0,
            named_cause: None,
            proven: false,
            named_fix: None,
        }
    }

    pub fn scenario(&self) -> &DebugScenario {
        &self.scenario
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The drawn cause's id: for tests and progress, never to show before the debrief.
    pub fn drawn_cause(&self) -> &str {
        &self.scenario.causes[self.cause].id
    }

    pub fn phase(&self) -> Phase {
        match (self.named_cause, self.named_fix) {
            (None, _) => Phase::Investigating,
            (Some(_), None) => Phase::ChoosingFix,
            (Some(_), Some(_)) => Phase::Finished,
        }
    }

    /// The ids of the actions taken, in order.
    pub fn taken(&self) -> impl Iterator<Item = &str> {
        self.path
            .iter()
            .map(|&action| self.scenario.actions[action].id.as_str())
    }

    /// The actions taken, in order, each with the output it gave: what the screen shows again.
    pub fn history(&self) -> impl Iterator<Item = (&DebugAction, &str)> {
        let cause = &self.scenario.causes[self.cause].id;
        self.path.iter().map(move |&index| {
            let action = &self.scenario.actions[index];
            let text = action.output_for(cause).map_or("", |o| o.text.as_str());
            (action, text)
        })
    }

    pub fn is_taken(&self, action_id: &str) -> bool {
        self.taken().any(|id| id == action_id)
    }

    /// Steps so far: each action taken once counts one.
    pub fn steps(&self) -> usize {
        self.path.len()
    }

    pub fn hints_taken(&self) -> usize {
        self.hints
    }

    pub fn harmful_taken(&self) -> usize {
        self.path
            .iter()
            .filter(|&&action| self.scenario.actions[action].is_harmful())
            .count()
    }

    /// How many causes the outputs seen still leave possible.
    pub fn causes_left(&self) -> usize {
        candidates(&self.scenario, &self.path, self.cause).len()
    }

    pub fn take(&mut self, action_id: &str) -> ActionOutcome {
        if self.phase() != Phase::Investigating {
            return ActionOutcome::InvestigationOver;
        }
        let Some(index) = self.scenario.action_index(action_id) else {
            return ActionOutcome::UnknownAction;
        };
        let action = &self.scenario.actions[index];
        let cause = &self.scenario.causes[self.cause].id;
        let text = action
            .output_for(cause)
            .map(|output| output.text.clone())
            .unwrap_or_default();
        let command = action.command.clone();
        if self.path.contains(&index) {
            return ActionOutcome::AlreadyTaken { command, text };
        }
        let harmful = action.harmful.clone();
        self.path.push(index);
        match harmful {
            Some(why) => ActionOutcome::Harmful {
                command,
                text,
                why,
                penalty: HARMFUL_COST,
            },
            None => ActionOutcome::Output { command, text },
        }
    }

    pub fn hint(&mut self) -> HintOutcome {
        if self.phase() != Phase::Investigating {
            return HintOutcome::InvestigationOver;
        }
        if let Some(text) = self.scenario.hints.get(self.hints) {
            self.hints += 1;
            return HintOutcome::Hint {
                text: text.clone(),
                cost: HINT_COST,
            };
        }
        let left = candidates(&self.scenario, &self.path, self.cause);
        match next_step(&self.scenario, &left) {
            Some(action) if left.len() > 1 => {
                self.hints += 1;
                let action = &self.scenario.actions[action];
                HintOutcome::TryAction {
                    action_id: action.id.clone(),
                    label: action.label.clone(),
                    cost: HINT_COST,
                }
            }
            _ => HintOutcome::CauseAlreadyProven,
        }
    }

    pub fn name_cause(&mut self, cause_id: &str) -> CauseOutcome {
        if self.named_cause.is_some() {
            return CauseOutcome::AlreadyNamed;
        }
        let Some(index) = self.scenario.cause_index(cause_id) else {
            return CauseOutcome::UnknownCause;
        };
        self.proven = self.causes_left() == 1;
        self.named_cause = Some(index);
        CauseOutcome::CauseNamed
    }

    pub fn name_fix(&mut self, fix_id: &str) -> FixOutcome {
        match self.phase() {
            Phase::Investigating => return FixOutcome::CauseNotNamed,
            Phase::Finished => return FixOutcome::AlreadyFinished,
            Phase::ChoosingFix => {}
        }
        let Some(index) = self.scenario.fix_index(fix_id) else {
            return FixOutcome::UnknownFix;
        };
        self.named_fix = Some(index);
        match self.debrief() {
            Some(debrief) => FixOutcome::Finished(Box::new(debrief)),
            None => FixOutcome::AlreadyFinished,
        }
    }

    /// The debrief, once the fix is named.
    pub fn debrief(&self) -> Option<Debrief> {
        let (cause, fix) = (self.named_cause?, self.named_fix?);
        Some(build_debrief(&super::debrief::Played {
            scenario: &self.scenario,
            cause: self.cause,
            path: &self.path,
            hints: self.hints,
            named_cause: cause,
            named_fix: fix,
            proven: self.proven,
            shortest: shortest_path(&self.scenario, self.cause).unwrap_or_default(),
        }))
    }

    /// What progress keeps of the attempt, once it is over.
    pub fn attempt(&self) -> Option<DebugAttempt> {
        self.debrief().map(|debrief| debrief.attempt())
    }
}
