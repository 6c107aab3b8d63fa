//! The rules of a debugging scenario beyond its RON syntax: ids, every action with an output for
//! every cause, every cause's fix listed (else a learner who finds the cause cannot finish: a dead
//! end), a harmful action to avoid, and causes that some path of safe actions tells apart.

use std::collections::HashSet;

use super::{Checker, Position, is_valid_id, tidy};
use crate::content::debug_scenario::DebugScenario;
use crate::content::problem::line_col;
use crate::debug::analysis::{indistinguishable, same_output};

pub fn debug_scenario(
    checker: &mut Checker,
    path: &str,
    text: &str,
    scenario: &mut DebugScenario,
    nth: usize,
) {
    let at = checker.id("debug scenario", path, text, &scenario.id, nth);
    let what = format!("debug scenario `{}`", scenario.id);
    checker.non_empty(&at, &what, "title", &scenario.title);
    checker.non_empty(&at, &what, "symptom", &scenario.symptom);
    checker.reference(path, text, &scenario.see);
    tidy_scenario(scenario);
    let locate = Locator { text };
    let problems_before = checker.problems.len();

    if scenario.causes.len() < 2 {
        checker.report(
            &at,
            format!("{what} has fewer than two causes: add causes for the learner to tell apart"),
        );
    }
    let fix_ids = local_ids(
        checker,
        path,
        &locate,
        "fix",
        scenario.fixes.iter().map(|f| &f.id),
    );
    local_ids(
        checker,
        path,
        &locate,
        "cause",
        scenario.causes.iter().map(|c| &c.id),
    );
    local_ids(
        checker,
        path,
        &locate,
        "action",
        scenario.actions.iter().map(|a| &a.id),
    );
    for cause in &scenario.causes {
        checker.reference(path, text, &cause.see);
        if !fix_ids.contains(cause.fix.as_str()) {
            let message = format!(
                "dead end: cause `{}` of {what} names fix `{}`, which its `fixes` do not list, so a learner who finds it cannot finish; add the fix or name a listed one",
                cause.id, cause.fix
            );
            checker.report_at(path, locate.field("fix", &cause.fix), message);
        }
    }
    for action in &scenario.actions {
        if let Some(see) = &action.see {
            checker.reference(path, text, see);
        }
        outputs(checker, path, &locate, scenario, action, &what);
    }
    if !scenario.actions.iter().any(|action| action.is_harmful()) {
        checker.report(
            &at,
            format!("{what} has no harmful action: add one with `harmful: \"why it hurts\"`"),
        );
    }
    // Telling causes apart only means something once every output is defined.
    if checker.problems.len() == problems_before {
        distinguishable(checker, path, &locate, scenario, &what);
    }
}

/// Ids within the scenario: well-formed and unique per kind. Returns them.
fn local_ids<'a>(
    checker: &mut Checker,
    path: &str,
    locate: &Locator<'_>,
    kind: &str,
    ids: impl Iterator<Item = &'a String>,
) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for id in ids {
        if !is_valid_id(id) {
            let message =
                format!("{kind} id `{id}` must be lowercase letters, digits and single `-`");
            checker.report_at(path, locate.field("id", id), message);
        }
        if !seen.insert(id.as_str()) {
            checker.report_at(
                path,
                locate.nth_field("id", id, 1),
                format!("duplicate {kind} id `{id}` in this scenario"),
            );
        }
    }
    seen
}

/// Each cause gets exactly one output from the action: named once, or left to one default.
fn outputs(
    checker: &mut Checker,
    path: &str,
    locate: &Locator<'_>,
    scenario: &DebugScenario,
    action: &crate::content::DebugAction,
    what: &str,
) {
    let action_at = locate.field("id", &action.id);
    let defaults = action
        .outputs
        .iter()
        .filter(|o| o.causes.is_empty())
        .count();
    if defaults > 1 {
        let message = format!(
            "action `{}` of {what} has {defaults} default outputs (no `causes`): keep one",
            action.id
        );
        checker.report_at(path, action_at, message);
    }
    let mut named = HashSet::new();
    for output in &action.outputs {
        for cause in &output.causes {
            if scenario.cause_index(cause).is_none() {
                let message = format!(
                    "an output of action `{}` names cause `{cause}`, which {what} does not have",
                    action.id
                );
                checker.report_at(path, locate.quoted_after(&action.id, cause, 0), message);
            } else if !named.insert(cause.as_str()) {
                let message = format!(
                    "action `{}` gives cause `{cause}` two outputs: name it in one",
                    action.id
                );
                checker.report_at(path, locate.quoted_after(&action.id, cause, 1), message);
            }
        }
    }
    if defaults == 0 {
        for cause in &scenario.causes {
            if !named.contains(cause.id.as_str()) {
                let message = format!(
                    "missing output: action `{}` of {what} prints nothing for cause `{}`; name the cause in an output's `causes` or add a default output (no `causes`)",
                    action.id, cause.id
                );
                checker.report_at(path, action_at, message);
            }
        }
    }
}

/// No two causes look the same through every safe action, or no path proves either.
fn distinguishable(
    checker: &mut Checker,
    path: &str,
    locate: &Locator<'_>,
    scenario: &DebugScenario,
    what: &str,
) {
    for (a, b) in indistinguishable(scenario) {
        let (first, second) = (&scenario.causes[a].id, &scenario.causes[b].id);
        let only_harmful = (0..scenario.actions.len()).any(|action| {
            scenario.actions[action].is_harmful() && !same_output(scenario, action, a, b)
        });
        let message = if only_harmful {
            format!(
                "causes `{first}` and `{second}` of {what} are told apart only by a harmful action; give a safe action a different output for one of them"
            )
        } else {
            format!(
                "causes `{first}` and `{second}` of {what} print the same for every action, so no path tells them apart; give an action a different output for one of them"
            )
        };
        checker.report_at(path, locate.field("id", second), message);
    }
}

fn tidy_scenario(scenario: &mut DebugScenario) {
    scenario.symptom = tidy(&scenario.symptom);
    scenario.screen = tidy(&scenario.screen);
    for hint in &mut scenario.hints {
        *hint = tidy(hint);
    }
    for cause in &mut scenario.causes {
        cause.explanation = tidy(&cause.explanation);
    }
    for action in &mut scenario.actions {
        action.command = tidy(&action.command);
        action.harmful = action.harmful.as_deref().map(tidy);
        for output in &mut action.outputs {
            output.text = tidy(&output.text);
            output.tells = tidy(&output.tells);
        }
    }
}

/// Finds positions in the scenario's file, only when a problem is reported.
struct Locator<'a> {
    text: &'a str,
}

impl Locator<'_> {
    /// `field: "value"`, the first one.
    fn field(&self, field: &str, value: &str) -> Position {
        self.nth_field(field, value, 0)
    }

    fn nth_field(&self, field: &str, value: &str, nth: usize) -> Position {
        let needle = format!("{field}: {value:?}");
        self.text
            .match_indices(&needle)
            .nth(nth)
            .map(|(offset, _)| line_col(self.text, offset))
    }

    /// The `nth` `"value"` after the action with id `action`, as in its outputs' `causes`.
    fn quoted_after(&self, action: &str, value: &str, nth: usize) -> Position {
        let start = self.text.find(&format!("id: {action:?}")).unwrap_or(0);
        self.text[start..]
            .match_indices(&format!("{value:?}"))
            .nth(nth)
            .map(|(offset, _)| line_col(self.text, start + offset))
    }
}
