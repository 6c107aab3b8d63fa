//! Where a debugging lab comes from: `aks-tutor debug [SCENARIO] [--seed N]`, a topic's entry, or
//! the picker of every scenario. Without a seed a scenario comes back with a cause the learner has
//! not solved yet, drawn with a seed that replays it.

use super::DebugLabScreen;
use crate::content::{Course, DebugScenario};
use crate::debug::{DebugSession, find_scenario};
use crate::progress::Progress;
use crate::screens::picker::{Choice, PickerScreen};
use crate::screens::{Screen, Start, fresh_seed};
use crate::ui::menu::plural;

/// How many seeds to try for one that draws the wanted cause, so the seed shown replays it.
const SEED_SEARCH: u64 = 4096;

/// Opens what `aks-tutor debug [SCENARIO]` asks: the scenario, or a picker of them all.
pub fn start(
    course: &Course,
    progress: &Progress,
    scenario: Option<&str>,
    seed: Option<u64>,
) -> Result<Screen, String> {
    match scenario {
        Some(id) => DebugLabScreen::open(course, progress, id, seed)
            .map(|lab| Screen::DebugLab(Box::new(lab))),
        None => picker(course, progress, seed).map(|p| Screen::Picker(Box::new(p))),
    }
}

/// Every scenario, with how many of its causes the learner has solved.
fn picker(course: &Course, progress: &Progress, seed: Option<u64>) -> Result<PickerScreen, String> {
    let choices: Vec<Choice> = course
        .debug_scenarios()
        .map(|scenario| {
            let solved = solved_causes(progress, &scenario.id).len();
            let causes = scenario.causes.len();
            Choice {
                name: scenario.title.clone(),
                description: format!(
                    "{causes} possible cause{}, {solved} solved · aks-tutor debug {}",
                    plural(causes),
                    scenario.id
                ),
                start: Start::Debug {
                    scenario: Some(scenario.id.clone()),
                    seed,
                },
            }
        })
        .collect();
    if choices.is_empty() {
        return Err("This course has no debugging labs.".into());
    }
    Ok(PickerScreen::new(
        "Debugging labs",
        "Which incident do you want to debug?",
        choices,
    ))
}

/// The causes of `scenario` the learner has solved at least once.
pub fn solved_causes<'p>(progress: &'p Progress, scenario: &str) -> Vec<&'p str> {
    let mut solved: Vec<&str> = progress
        .debug_labs
        .get(scenario)
        .into_iter()
        .flatten()
        .filter(|attempt| attempt.solved)
        .map(|attempt| attempt.cause.as_str())
        .collect();
    solved.sort_unstable();
    solved.dedup();
    solved
}

/// A seed from `from` on whose draw is `cause`, so "--seed N" replays this very lab.
fn replayable_seed(scenario: &DebugScenario, cause: &str, from: u64) -> Option<u64> {
    (0..SEED_SEARCH)
        .map(|i| from.wrapping_add(i))
        .find(|&seed| {
            DebugSession::new(scenario, seed).is_ok_and(|session| session.drawn_cause() == cause)
        })
}

impl DebugLabScreen {
    /// Scenario `id`: with a seed, exactly that draw; without, a cause the learner has not solved
    /// yet (any once all are), drawn with a seed that replays it.
    pub fn open(
        course: &Course,
        progress: &Progress,
        id: &str,
        seed: Option<u64>,
    ) -> Result<Self, String> {
        let scenario = find_scenario(course, id).map_err(|e| e.to_string())?;
        let session = match seed {
            Some(seed) => DebugSession::new(scenario, seed),
            None => {
                let from = fresh_seed();
                let solved = solved_causes(progress, id);
                crate::debug::draw_unsolved_cause(scenario, &solved, from).and_then(|cause| {
                    match replayable_seed(scenario, cause, from) {
                        Some(seed) => DebugSession::new(scenario, seed),
                        None => DebugSession::with_cause(scenario, cause, from),
                    }
                })
            }
        };
        session.map(Self::new).map_err(|e| e.to_string())
    }
}
