//! The end of a lab: the learner's path beside the shortest path, what each output should have
//! told them, the lesson sections to read (`o`), and the score.

use super::DebugAttempt;
use super::score::{ScoreBreakdown, ScoreInput, score};
use crate::content::DebugScenario;

/// A cause or fix as the debrief names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub id: String,
    pub title: String,
}

/// One action in the learner's path or in the shortest path, with its output for the drawn cause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DebriefStep {
    pub action_id: String,
    pub label: String,
    pub command: String,
    pub output: String,
    /// What the output should have told the learner.
    pub tells: String,
    /// Why the action was harmful, when it was.
    pub harmful: Option<String>,
    /// Part of the shortest path of the drawn cause.
    pub on_shortest: bool,
    pub see: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Debrief {
    pub scenario_id: String,
    pub title: String,
    /// The drawn cause, and what the learner named.
    pub cause: Named,
    pub named_cause: Named,
    pub cause_right: bool,
    /// The right fix for the drawn cause, and what the learner chose.
    pub fix: Named,
    pub named_fix: Named,
    pub fix_right: bool,
    /// What happened, from the drawn cause.
    pub explanation: String,
    /// Whether the outputs had proven the cause when it was named.
    pub proven: bool,
    /// The causes the outputs still left possible when a cause was named (one when proven).
    pub still_possible: Vec<Named>,
    pub path: Vec<DebriefStep>,
    pub shortest: Vec<DebriefStep>,
    pub hints: usize,
    /// Lesson sections to open with `o`: the cause's first, then the scenario's, then the
    /// actions' in path order; no repeats.
    pub see: Vec<String>,
    pub score: ScoreBreakdown,
}

impl Debrief {
    pub fn solved(&self) -> bool {
        self.cause_right && self.fix_right
    }

    pub fn harmful_taken(&self) -> usize {
        self.path
            .iter()
            .filter(|step| step.harmful.is_some())
            .count()
    }

    /// What progress keeps of it.
    pub fn attempt(&self) -> DebugAttempt {
        DebugAttempt {
            scenario: self.scenario_id.clone(),
            cause: self.cause.id.clone(),
            solved: self.solved(),
            steps: self.path.len(),
            shortest: self.shortest.len(),
            hints: self.hints,
            harmful: self.harmful_taken(),
            score: self.score.total,
        }
    }
}

/// A finished playthrough, as the session hands it over.
pub(super) struct Played<'a> {
    pub scenario: &'a DebugScenario,
    pub cause: usize,
    pub path: &'a [usize],
    pub hints: usize,
    pub named_cause: usize,
    pub named_fix: usize,
    pub proven: bool,
    pub shortest: Vec<usize>,
}

pub(super) fn build_debrief(played: &Played<'_>) -> Debrief {
    let scenario = played.scenario;
    let drawn = &scenario.causes[played.cause];
    let named = |id: &str, title: &str| Named {
        id: id.to_string(),
        title: title.to_string(),
    };
    let cause_named = &scenario.causes[played.named_cause];
    let fix_named = &scenario.fixes[played.named_fix];
    let right_fix = scenario
        .fixes
        .iter()
        .find(|fix| fix.id == drawn.fix)
        .map_or_else(
            || named(&drawn.fix, &drawn.fix),
            |fix| named(&fix.id, &fix.title),
        );
    let step = |action: usize| {
        let it = &scenario.actions[action];
        let output = it.output_for(&drawn.id);
        DebriefStep {
            action_id: it.id.clone(),
            label: it.label.clone(),
            command: it.command.clone(),
            output: output.map(|o| o.text.clone()).unwrap_or_default(),
            tells: output.map(|o| o.tells.clone()).unwrap_or_default(),
            harmful: it.harmful.clone(),
            on_shortest: played.shortest.contains(&action),
            see: it.see.clone(),
        }
    };
    let path: Vec<DebriefStep> = played.path.iter().map(|&a| step(a)).collect();
    let shortest: Vec<DebriefStep> = played.shortest.iter().map(|&a| step(a)).collect();
    let still_possible = super::analysis::candidates(scenario, played.path, played.cause)
        .into_iter()
        .map(|c| named(&scenario.causes[c].id, &scenario.causes[c].title))
        .collect();
    let mut see = vec![drawn.see.clone(), scenario.see.clone()];
    for reference in path.iter().filter_map(|step| step.see.clone()) {
        if !see.contains(&reference) {
            see.push(reference);
        }
    }
    see.dedup();
    let cause_right = played.named_cause == played.cause;
    let fix_right = fix_named.id == drawn.fix;
    let harmful = path.iter().filter(|step| step.harmful.is_some()).count();
    let score = score(ScoreInput {
        right_cause: cause_right,
        right_fix: fix_right,
        proven: played.proven,
        steps: path.len(),
        shortest: shortest.len(),
        hints: played.hints,
        harmful,
    });
    Debrief {
        scenario_id: scenario.id.clone(),
        title: scenario.title.clone(),
        cause: named(&drawn.id, &drawn.title),
        named_cause: named(&cause_named.id, &cause_named.title),
        cause_right,
        fix: right_fix,
        named_fix: named(&fix_named.id, &fix_named.title),
        fix_right,
        explanation: drawn.explanation.clone(),
        proven: played.proven,
        still_possible,
        path,
        shortest,
        hints: played.hints,
        see,
        score,
    }
}
