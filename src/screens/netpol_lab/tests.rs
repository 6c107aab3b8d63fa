//! The lab's state: predictions scored against the evaluator, one progress record each, the
//! summary at the end, and keys that do nothing out of turn.

use super::*;
use crate::content::{self, CourseDir};
use crate::ui::theme::Theme;

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
    let reaction = lab.act_now(Action::PredictAllowed, &course);
    assert_eq!(
        recorded(&reaction),
        [("netpol-fixture-dns-cart-to-dns".to_string(), 0.0)],
        "cart → CoreDNS is denied: predicting allowed is wrong"
    );
    assert_eq!((lab.is_right(0), lab.score()), (Some(false), 0));

    let again = lab.act_now(Action::PredictDenied, &course);
    assert!(again.records.is_empty(), "one prediction per connection");
    assert!(again.message.is_some());

    let _ = lab.act_now(Action::Submit, &course);
    let reaction = lab.act_now(Action::PredictAllowed, &course);
    assert_eq!(
        recorded(&reaction),
        [("netpol-fixture-dns-dns-to-cart".to_string(), 1.0)]
    );
    assert_eq!(lab.score(), 1);
}

#[test]
fn enter_before_a_prediction_asks_for_one() {
    let (course, mut lab) = fixture();
    let reaction = lab.act_now(Action::Submit, &course);
    assert_eq!(lab.current, 0);
    assert_eq!(
        reaction.message.as_deref(),
        Some("Predict first: a for allowed, d for denied.")
    );
}

/// Draws the lab as the app would, at `width` x `height` rows of body; returns the text.
fn draw(lab: &NetpolLabScreen, course: &Course, width: u16, height: u16) -> Vec<String> {
    let progress = crate::progress::Progress::default();
    let summary =
        crate::progress::ProgressSummary::new(course, &progress, crate::progress::Timestamp::now());
    let theme = Theme::monochrome();
    let due = crate::progress::due(
        &crate::progress::Catalogue::new(course),
        &progress,
        crate::progress::Timestamp::now(),
    );
    let cx = Context {
        course,
        progress: &progress,
        summary: &summary,
        due: &due,
        theme: &theme,
    };
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            let _ = lab.draw(frame, frame.area(), &cx);
        })
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect()
}

#[test]
fn the_summary_follows_the_last_connection_and_enter_closes_it() {
    let (course, mut lab) = fixture();
    for action in [Action::PredictDenied, Action::Submit, Action::PredictDenied] {
        let _ = lab.act_now(action, &course);
    }
    assert!(
        !lab.is_finished(),
        "the last verdict shows before the summary"
    );
    let _ = lab.act_now(Action::Submit, &course);
    assert!(lab.is_finished());
    let text = draw(&lab, &course, 80, 40).join("\n");
    assert!(text.contains("Score: 1 of 2"), "{text}");
    assert!(
        text.contains("✗ kube-system/coredns → shop/cart on TCP 8080: ALLOWED"),
        "{text}"
    );
    let closing = lab.act_now(Action::Submit, &course);
    assert!(closing.close && closing.records.is_empty());
}

#[test]
fn the_connection_pane_leaves_the_scenario_some_rows() {
    assert_eq!(NetpolLabScreen::panel_height(5, 22), 5);
    assert_eq!(NetpolLabScreen::panel_height(10, 6), 3);
}

#[test]
fn on_a_short_terminal_the_arrows_scroll_the_reasons() {
    let (course, mut lab) = fixture();
    let _ = lab.act_now(Action::PredictAllowed, &course);
    draw(&lab, &course, 40, 8);
    assert!(lab.panel.overflows(), "the reasons do not fit");
    let _ = lab.act_now(Action::Down, &course);
    assert_eq!((lab.panel.top(), lab.context.top()), (1, 0));
    let _ = lab.act_now(Action::Submit, &course);
    assert_eq!(
        lab.panel.top(),
        0,
        "the next connection starts at its question"
    );
}
