//! The rules of an "allowed or denied?" scenario beyond its RON syntax: ids, at least one
//! connection, `from`/`to` written `namespace/pod`, ports a number or a name. Whether the YAML
//! parses and every connection can be answered is checked by `validate` with the evaluator.

use std::collections::HashSet;

use super::{Checker, is_valid_id, tidy};
use crate::content::problem::line_col;
use crate::content::scenario::{NetpolScenario, pod_problem, port_problem};

pub fn netpol_scenario(
    checker: &mut Checker,
    path: &str,
    text: &str,
    scenario: &mut NetpolScenario,
    nth: usize,
) {
    let at = checker.id("netpol scenario", path, text, &scenario.id, nth);
    let what = format!("netpol scenario `{}`", scenario.id);
    checker.non_empty(&at, &what, "title", &scenario.title);
    checker.non_empty(&at, &what, "intro", &scenario.intro);
    checker.non_empty(&at, &what, "manifests", &scenario.manifests);
    if scenario.questions.is_empty() {
        checker.report(&at, format!("{what} has no questions"));
    }
    scenario.intro = tidy(&scenario.intro);

    // Each connection's fields are looked for after its id, so that the same pod named in two
    // connections is reported where it is wrong. Positions are worked out only for a problem.
    let mut cursor = 0;
    let mut local_ids = HashSet::new();
    for question in &mut scenario.questions {
        let quoted = format!("{:?}", question.id);
        let start = text[cursor..]
            .find(&quoted)
            .map_or(cursor, |offset| cursor + offset);
        cursor = start + quoted.len().min(text.len() - start);
        let find = |needle: &str| {
            text[start..]
                .find(needle)
                .map(|offset| line_col(text, start + offset))
        };
        if !is_valid_id(&question.id) {
            let message = format!(
                "connection id `{}` must be lowercase letters, digits and single `-`",
                question.id
            );
            checker.report_at(path, find(&quoted), message);
        }
        question.progress_id = format!("{}-{}", scenario.id, question.id);
        if !local_ids.insert(question.id.clone()) {
            let message = format!("duplicate connection id `{}` in {what}", question.id);
            checker.report_at(path, find(&quoted), message);
        } else {
            // Progress keeps predictions in the same map as quiz questions: the ids must not meet.
            let spot = checker.spot(path, text, &question.id, 0);
            let (connection, progress_id) = (question.id.clone(), question.progress_id.clone());
            checker.define("question", &question.progress_id, spot, |first| {
                format!(
                    "connection `{connection}` of {what} is kept in progress as `{progress_id}`, which is already the id of the question at {first}"
                )
            });
        }
        for (field, pod) in [("from", &question.from), ("to", &question.to)] {
            if let Some(message) = pod_problem(pod) {
                checker.report_at(
                    path,
                    find(&format!("{pod:?}")),
                    format!("`{field}`: {message}"),
                );
            }
        }
        if let Some(message) = port_problem(&question.port) {
            checker.report_at(path, find("port:"), message);
        }
    }
}
