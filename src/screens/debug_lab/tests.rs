//! The lab's state: steps run once each, hints, the cause and then the fix, the attempt kept,
//! a scenario brought back with a cause not solved yet, and outputs clipped instead of wrapped.

use super::text::{clip, reflow};
use super::*;
use crate::content::{self, CourseDir};
use crate::debug::find_scenario;
use crate::progress::Progress;
use crate::progress::Timestamp;

/// The fixture's scenario: causes coredns-down, policy-blocks-dns, upstream-down; actions
/// coredns-pods, lookup-internal and the harmful delete-namespace.
const SCENARIO: &str = "debug-fixture-dns";

fn course() -> Course {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid-course");
    content::load(&CourseDir::new(dir)).expect("the fixture course is valid")
}

fn lab(course: &Course, cause: &str) -> DebugLabScreen {
    let scenario = find_scenario(course, SCENARIO).unwrap();
    DebugLabScreen::new(DebugSession::with_cause(scenario, cause, 7).unwrap())
}

/// Highlights the entry at `index` of the menu on screen, from its top.
fn choose(lab: &mut DebugLabScreen, course: &Course, index: usize) {
    for _ in 0..10 {
        let _ = lab.act_now(Action::Up, course);
    }
    for _ in 0..index {
        let _ = lab.act_now(Action::Down, course);
    }
}

#[test]
fn a_step_runs_once_and_the_highlight_moves_on_to_one_not_run() {
    let course = course();
    let mut lab = lab(&course, "coredns-down");
    let _ = lab.act_now(Action::Open, &course);
    assert_eq!(lab.entries, [LogEntry::Step(0)]);
    assert_eq!(lab.steps.selected, 1);
    choose(&mut lab, &course, 0);
    let again = lab.act_now(Action::Open, &course);
    assert!(again.message.unwrap().starts_with("Already run"));
    assert_eq!(lab.session.steps(), 1);
    assert_eq!(lab.entries.len(), 1);
}

#[test]
fn a_harmful_step_says_what_it_cost() {
    let course = course();
    let mut lab = lab(&course, "coredns-down");
    choose(&mut lab, &course, 2);
    let reaction = lab.act_now(Action::Open, &course);
    assert!(reaction.message.unwrap().contains("−15 points"));
}

#[test]
fn the_hint_key_names_the_cost_the_engine_charges() {
    let help = keys::INVESTIGATING
        .bindings()
        .find(|b| b.action == Action::NextHint)
        .unwrap();
    let cost = format!("{} points", crate::debug::score::HINT_COST);
    assert!(help.help.contains(&cost), "{}", help.help);
    let course = course();
    let mut lab = lab(&course, "coredns-down");
    let reaction = lab.act_now(Action::NextHint, &course);
    assert!(reaction.message.unwrap().contains(&cost));
    assert!(matches!(&lab.entries[..], [LogEntry::Hint(text)] if text == "Is CoreDNS running?"));
}

#[test]
fn esc_while_naming_the_cause_goes_back_to_the_investigation() {
    let course = course();
    let mut lab = lab(&course, "coredns-down");
    let _ = lab.act_now(Action::NameCause, &course);
    assert_eq!(lab.stage(), Stage::NamingCause);
    assert!(keys::NAMING_CAUSE.bindings().any(|b| {
        b.action == Action::NameCause && b.codes.contains(&crossterm::event::KeyCode::Esc)
    }));
    let _ = lab.act_now(Action::NameCause, &course);
    assert_eq!(lab.stage(), Stage::Investigating);
}

#[test]
fn naming_the_cause_and_the_fix_ends_the_lab_and_keeps_the_attempt() {
    let course = course();
    let mut lab = lab(&course, "coredns-down");
    assert_eq!(
        lab.leave_warning(),
        None,
        "nothing done yet, nothing to lose"
    );
    let _ = lab.act_now(Action::Open, &course);
    assert!(lab.leave_warning().is_some());
    let _ = lab.act_now(Action::NameCause, &course);
    choose(&mut lab, &course, 0);
    let _ = lab.act_now(Action::Open, &course);
    assert_eq!(lab.stage(), Stage::NamingFix);
    choose(&mut lab, &course, 0);
    let reaction = lab.act_now(Action::Open, &course);
    assert_eq!(lab.stage(), Stage::Debrief);
    assert_eq!(lab.leave_warning(), None);
    let [Record::DebugAttempt(attempt)] = &reaction.records[..] else {
        panic!("one debug attempt: {:?}", reaction.records);
    };
    assert!(attempt.solved);
    assert_eq!(
        (attempt.scenario.as_str(), attempt.cause.as_str()),
        (SCENARIO, "coredns-down")
    );

    let mut progress = Progress::default();
    let catalogue = crate::progress::Catalogue::new(&course);
    assert!(reaction.records[0].apply(&mut progress, &catalogue, Timestamp::now()));
    assert_eq!(solved_causes(&progress, SCENARIO), ["coredns-down"]);
    assert!(
        progress
            .item(crate::progress::ItemKind::DebugLab, SCENARIO)
            .and_then(|item| item.schedule.as_ref())
            .is_some(),
        "the scenario is scheduled like every other item"
    );
    let kept = &progress.debug_labs[SCENARIO][0];
    assert_eq!(
        (kept.steps, kept.score),
        (1, f64::from(attempt.score) / 100.0)
    );
}

#[test]
fn the_debrief_lists_the_cause_then_the_path_then_the_shortest_steps_not_run() {
    let course = course();
    let mut lab = lab(&course, "coredns-down");
    choose(&mut lab, &course, 1);
    let _ = lab.act_now(Action::Open, &course);
    let _ = lab.act_now(Action::NameCause, &course);
    let _ = lab.act_now(Action::Open, &course);
    let _ = lab.act_now(Action::Open, &course);
    let entries = debrief_entries(lab.debrief.as_ref().unwrap(), &lab.scenario().see);
    assert!(
        entries.iter().all(|e| e.see.is_some()),
        "every entry opens a lesson"
    );
    assert!(entries[0].title.starts_with("Root cause"));
    assert_eq!(entries[0].see.as_deref(), Some("dns#coredns"));
    assert!(entries[1].title.contains("Resolve a Service name"));
    assert!(
        entries
            .iter()
            .skip(2)
            .all(|e| e.title.starts_with("Not run"))
    );
    // `o` on the cause opens its lesson section; Enter leaves.
    choose(&mut lab, &course, 0);
    let opened = lab.act_now(Action::OpenLesson, &course);
    assert!(matches!(opened.open.as_deref(), Some(Screen::Lesson(_))));
    assert!(lab.act_now(Action::Open, &course).close);
}

#[test]
fn a_scenario_comes_back_with_a_cause_not_solved_yet_and_a_seed_that_replays_it() {
    let course = course();
    let mut progress = Progress::default();
    for cause in ["coredns-down", "policy-blocks-dns"] {
        progress.record_debug_attempt(
            SCENARIO,
            crate::progress::DebugAttempt {
                at: Timestamp::now(),
                cause: cause.into(),
                solved: true,
                steps: 1,
                shortest: 1,
                score: 1.0,
            },
        );
    }
    for _ in 0..5 {
        let lab = DebugLabScreen::open(&course, &progress, SCENARIO, None).unwrap();
        assert_eq!(lab.session.drawn_cause(), "upstream-down");
        let replay = DebugSession::new(lab.scenario(), lab.session.seed()).unwrap();
        assert_eq!(replay.drawn_cause(), "upstream-down");
    }
    let seeded = DebugLabScreen::open(&course, &progress, SCENARIO, Some(3)).unwrap();
    let scenario = find_scenario(&course, SCENARIO).unwrap();
    assert_eq!(
        seeded.session.drawn_cause(),
        DebugSession::new(scenario, 3).unwrap().drawn_cause()
    );
    let unknown = DebugLabScreen::open(&course, &progress, "nope", None)
        .err()
        .unwrap();
    assert!(unknown.contains(SCENARIO), "{unknown}");
}

#[test]
fn wide_output_is_clipped_with_markers_and_scrolls_sideways() {
    assert_eq!(clip("short", 0, 10), ("short".into(), false, false));
    assert_eq!(clip("0123456789abc", 0, 6), ("01234".into(), false, true));
    assert_eq!(clip("0123456789abc", 4, 6), ("45678".into(), true, true));
    assert_eq!(clip("0123456789abc", 8, 6), ("89abc".into(), true, false));
    assert_eq!(clip("ab", 4, 6), (String::new(), true, false));
}

#[test]
fn prose_from_the_course_is_reflowed_into_paragraphs() {
    assert_eq!(reflow("\n  one\n  two\n\n  three\n"), "one two\n\nthree");
}
