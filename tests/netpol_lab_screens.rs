//! The "allowed or denied?" lab at 80x24, reached from the topic menu and driven by the keys a
//! learner presses: before a prediction, after one, and the summary. The fixture course's DNS
//! topic holds one small scenario (a deny-all-egress that forgets DNS).

mod common;

use aks_tutor::app::App;
use aks_tutor::progress::ItemKind;
use aks_tutor::screens::Screen;
use aks_tutor::screens::netpol_lab::NetpolLabScreen;
use common::{press, screen};
use crossterm::event::KeyCode;

use KeyCode::{Char, Down, Enter};

fn app() -> App {
    common::app(80, 24)
}

fn lab(app: &App) -> &NetpolLabScreen {
    match app.screen() {
        Screen::NetpolLab(lab) => lab,
        _ => panic!("not on the network policy lab"),
    }
}

fn latest_score(app: &App, id: &str) -> Option<f64> {
    app.store
        .progress()
        .item(ItemKind::Question, id)
        .and_then(|item| item.latest_score())
}

/// Home → the DNS topic → its "Allowed or denied?" entry (after the lesson).
fn open_the_lab(app: &mut App) {
    press(app, &[Down, Enter, Down, Enter]);
    assert!(matches!(app.screen(), Screen::NetpolLab(_)));
}

#[test]
fn the_topic_offers_the_scenario_after_its_lesson() {
    let mut app = app();
    press(&mut app, &[Down, Enter, Down]);
    let text = screen(&app);
    assert!(
        text.contains("▶ Lab     Allowed or denied? Deny-all egress forgets DNS"),
        "{text}"
    );
}

#[test]
fn a_wrong_prediction_shows_the_verdict_and_why() {
    let mut app = app();
    open_the_lab(&mut app);
    insta::assert_snapshot!("netpol_lab_before", screen(&app));
    press(&mut app, &[Char('a')]);
    insta::assert_snapshot!("netpol_lab_after_wrong", screen(&app));
    assert_eq!(
        latest_score(&app, "netpol-fixture-dns-cart-to-dns"),
        Some(0.0),
        "the prediction is kept in progress"
    );
}

#[test]
fn the_summary_scores_every_prediction_and_enter_goes_back() {
    let mut app = app();
    open_the_lab(&mut app);
    press(&mut app, &[Char('d'), Enter, Char('2'), Enter]);
    assert!(lab(&app).is_finished());
    insta::assert_snapshot!("netpol_lab_summary", screen(&app));
    assert_eq!(
        latest_score(&app, "netpol-fixture-dns-dns-to-cart"),
        Some(0.0)
    );
    let dns = &app.summary.topics[1];
    assert_eq!((dns.items, dns.items_answered), (2, 2));
    assert_eq!(dns.mastery, Some(0.5), "one of two predictions right");
    press(&mut app, &[Enter]);
    assert!(matches!(app.screen(), Screen::Topic(_)));
}
