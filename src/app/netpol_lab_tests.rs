//! The lab's state: predictions scored against the evaluator, one progress record each, the
//! summary at the end, and keys that do nothing out of turn.

use super::*;
use crate::content::{self, CourseDir};

/// The fixture course's DNS topic holds one scenario: cart → CoreDNS is denied (deny-all-egress
/// in shop), CoreDNS → cart is allowed (nothing isolates either side for that direction).
fn fixture() -> (Course, NetpolLabScreen) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid-course");
    let course = content::load(&CourseDir::new(dir)).expect("the fixture course is valid");
    let lab = NetpolLabScreen::open(&course, 1, 0).expect("the scenario evaluates");
    (course, lab)
}

fn recorded(reaction: &Reaction) -> Vec<(String, f64)> {
    reaction
        .records
        .iter()
        .map(|record| match record {
            Record::Answer {
                kind: ItemKind::Question,
                id,
                outcome: Outcome::Score(score),
                mode: Mode::Quiz,
            } => (id.clone(), *score),
            other => panic!("not a quiz-mode question answer: {other:?}"),
        })
        .collect()
}

#[test]
fn the_scenario_is_answered_when_the_lab_opens() {
    let (_, lab) = fixture();
    let allowed: Vec<bool> = lab.answered.verdicts.iter().map(|v| v.allowed()).collect();
    assert_eq!(allowed, [false, true]);
    assert!(!lab.is_predicted() && !lab.is_finished());
}

#[test]
fn each_prediction_is_scored_and_recorded_under_its_progress_id() {
    let (course, mut lab) = fixture();
    let reaction = lab.act(Action::PredictAllowed, &course, 22);
    assert_eq!(
        recorded(&reaction),
        [("netpol-fixture-dns-cart-to-dns".to_string(), 0.0)],
        "cart → CoreDNS is denied: predicting allowed is wrong"
    );
    assert!(reaction.relayout);
    assert_eq!((lab.is_right(0), lab.score()), (Some(false), 0));

    let again = lab.act(Action::PredictDenied, &course, 22);
    assert!(again.records.is_empty(), "one prediction per connection");
    assert!(again.message.is_some());

    let _ = lab.act(Action::Submit, &course, 22);
    let reaction = lab.act(Action::PredictAllowed, &course, 22);
    assert_eq!(
        recorded(&reaction),
        [("netpol-fixture-dns-dns-to-cart".to_string(), 1.0)]
    );
    assert_eq!(lab.score(), 1);
}

#[test]
fn enter_before_a_prediction_asks_for_one() {
    let (course, mut lab) = fixture();
    let reaction = lab.act(Action::Submit, &course, 22);
    assert_eq!(lab.current, 0);
    assert_eq!(
        reaction.message.as_deref(),
        Some("Predict first: a for allowed, d for denied.")
    );
}

#[test]
fn the_summary_follows_the_last_connection_and_enter_closes_it() {
    let (course, mut lab) = fixture();
    let theme = Theme::monochrome();
    for action in [Action::PredictDenied, Action::Submit, Action::PredictDenied] {
        let _ = lab.act(action, &course, 22);
    }
    assert!(
        !lab.is_finished(),
        "the last verdict shows before the summary"
    );
    let _ = lab.act(Action::Submit, &course, 22);
    assert!(lab.is_finished());
    lab.layout(&course, &theme, 80, 22);
    let text: Vec<String> = lab
        .context
        .lines
        .iter()
        .map(|line| line.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    assert!(text.contains(&"Score: 1 of 2".to_string()), "{text:?}");
    assert!(
        text.iter()
            .any(|l| l.starts_with("✗ kube-system/coredns → shop/cart on TCP 8080: ALLOWED")),
        "{text:?}"
    );
    assert!(lab.panel.is_empty());
    let closing = lab.act(Action::Submit, &course, 22);
    assert!(closing.close && closing.records.is_empty());
}

#[test]
fn the_connection_pane_leaves_the_scenario_some_rows() {
    let (course, mut lab) = fixture();
    lab.layout(&course, &Theme::monochrome(), 80, 22);
    assert_eq!(lab.panel_height(22), lab.panel.len());
    assert_eq!(lab.panel_height(6), 3);
    assert_eq!(lab.context_height(6), 3);
}

#[test]
fn on_a_short_terminal_the_arrows_scroll_the_reasons() {
    let (course, mut lab) = fixture();
    let theme = Theme::monochrome();
    let _ = lab.act(Action::PredictAllowed, &course, 8);
    lab.layout(&course, &theme, 40, 8);
    assert!(
        lab.panel.len() > lab.panel_height(8),
        "the reasons do not fit"
    );
    let _ = lab.act(Action::Down, &course, 8);
    assert_eq!((lab.panel_scroll, lab.scroll), (1, 0));
    let _ = lab.act(Action::Submit, &course, 8);
    assert_eq!(
        lab.panel_scroll, 0,
        "the next connection starts at its question"
    );
}
