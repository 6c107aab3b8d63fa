//! The built-in course's debugging labs, played through the engine.

use super::*;
use crate::content::{self, EmbeddedCourse};

fn course() -> Course {
    content::load(&EmbeddedCourse).expect("the embedded course loads")
}

#[test]
fn every_action_has_an_output_for_every_cause() {
    let course = course();
    for scenario in course.debug_scenarios() {
        for action in &scenario.actions {
            for cause in &scenario.causes {
                let output = action.output_for(&cause.id);
                assert!(
                    output.is_some_and(|o| !o.text.trim().is_empty() && !o.tells.trim().is_empty()),
                    "{}: action `{}` has no output for cause `{}`",
                    scenario.id,
                    action.id,
                    cause.id
                );
            }
        }
    }
}

#[test]
fn every_cause_is_proven_by_its_shortest_path() {
    let course = course();
    for scenario in course.debug_scenarios() {
        assert!(
            scenario.causes.len() >= 3,
            "{} has fewer than 3 causes",
            scenario.id
        );
        assert!(
            scenario.actions.iter().any(|a| a.is_harmful()),
            "{}",
            scenario.id
        );
        for cause in &scenario.causes {
            let mut session = DebugSession::with_cause(scenario, &cause.id, 0).unwrap();
            let proof = analysis::shortest_path(scenario, scenario.cause_index(&cause.id).unwrap())
                .unwrap_or_else(|| panic!("{}: no proof of `{}`", scenario.id, cause.id));
            for action in &proof {
                let outcome = session.take(&scenario.actions[*action].id);
                assert!(
                    matches!(outcome, ActionOutcome::Output { .. }),
                    "{outcome:?}"
                );
            }
            assert_eq!(session.causes_left(), 1, "{}: {}", scenario.id, cause.id);
            let _ = session.name_cause(&cause.id);
            let FixOutcome::Finished(debrief) = session.name_fix(&cause.fix) else {
                panic!("{}: `{}` did not finish", scenario.id, cause.id);
            };
            assert_eq!(debrief.score.total, 100, "{}: {}", scenario.id, cause.id);
        }
    }
}

#[test]
fn the_course_has_the_seeds_three_scenarios_and_five_more() {
    let course = course();
    let ids: Vec<&str> = course.debug_scenarios().map(|s| s.id.as_str()).collect();
    for id in ["debug-lb-pending", "debug-dns", "debug-netpol"] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    assert!(ids.len() >= 8, "{ids:?}");
    assert!(find_scenario(&course, "debug-lb-pending").is_ok());
    let error = find_scenario(&course, "nope").unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("there is no debugging scenario `nope`")
    );
}

/// No dead end in play: whatever the cause, following the hints (the authored ones, then the
/// suggested actions) proves it in at most as many steps as there are actions.
#[test]
fn following_the_hints_always_proves_the_cause() {
    let course = course();
    for scenario in course.debug_scenarios() {
        for cause in &scenario.causes {
            let mut session = DebugSession::with_cause(scenario, &cause.id, 0).unwrap();
            for _ in 0..=scenario.hints.len() + scenario.actions.len() {
                match session.hint() {
                    HintOutcome::TryAction { action_id, .. } => {
                        let outcome = session.take(&action_id);
                        assert!(
                            matches!(outcome, ActionOutcome::Output { .. }),
                            "{}: hinted `{action_id}` gave {outcome:?}",
                            scenario.id
                        );
                    }
                    HintOutcome::Hint { .. } => {}
                    HintOutcome::CauseAlreadyProven => break,
                    HintOutcome::InvestigationOver => unreachable!("no cause named"),
                }
            }
            assert_eq!(session.causes_left(), 1, "{}: {}", scenario.id, cause.id);
            assert_eq!(session.harmful_taken(), 0, "{}", scenario.id);
        }
    }
}
