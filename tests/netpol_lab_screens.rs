//! The "allowed or denied?" lab at 80x24, reached from the topic menu and driven by the keys a
//! learner presses: before a prediction, after one, and the summary. The fixture course's DNS
//! topic holds one small scenario (a deny-all-egress that forgets DNS).

use aks_tutor::app::keys::action_for;
use aks_tutor::app::{App, NetpolLabScreen, Screen};
use aks_tutor::content::{self, CourseDir};
use aks_tutor::progress::ItemKind;
use aks_tutor::ui::{self, theme::Theme};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use KeyCode::{Char, Down, Enter};

fn app() -> App {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid-course");
    let course = content::load(&CourseDir::new(dir)).expect("the fixture course is valid");
    let mut app = App::new(course, Theme::monochrome(), unsaved_store());
    app.status = None; // the unsaved store's notice
    app.resize(80, 24);
    app
}

fn press(app: &mut App, keys: &[KeyCode]) {
    for code in keys {
        let event = Event::Key(KeyEvent::new(*code, KeyModifiers::NONE));
        if let Some(action) = action_for(app.key_context(), &event) {
            let _ = app.update(action);
        }
    }
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
    terminal.draw(|frame| ui::draw(frame, app)).unwrap();
    terminal.backend().to_string()
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

fn unsaved_store() -> aks_tutor::progress::Store {
    use aks_tutor::progress::{ProfileName, Store, StoreError};
    let error = StoreError::Read {
        path: "/nonexistent".into(),
        source: std::io::Error::other("test"),
    };
    Store::unsaved(
        "/nonexistent".as_ref(),
        &ProfileName::from_flag(None).unwrap(),
        &error,
    )
}
