//! The debugging lab at 80x24 and 160x48, driven by the keys a learner presses: a scenario in
//! progress, a hint, the root-cause choice and the debrief; the topic that lists it; and the
//! attempt on disk once the lab is over. The fixture course's DNS topic holds one small scenario.

mod common;

use aks_tutor::app::App;
use aks_tutor::debug::{DebugSession, find_scenario};
use aks_tutor::screens::{Screen, Start};
use common::{app_with, fixture_course, press, screen, store_in, unsaved_store};
use crossterm::event::KeyCode;

use KeyCode::{Char, Down, Enter, Up};

const SCENARIO: &str = "debug-fixture-dns";
const SEED: u64 = 1;

fn lab_app(width: u16, height: u16) -> App {
    let mut app = app_with(fixture_course(), unsaved_store(), width, height);
    start_lab(&mut app);
    app
}

fn start_lab(app: &mut App) {
    app.start(Start::Debug {
        scenario: Some(SCENARIO.into()),
        seed: Some(SEED),
    })
    .expect("the fixture scenario opens");
    common::settle(app);
}

/// The cause seed 1 draws, and its index and its fix's index in the lists the screen shows.
fn drawn() -> (String, usize, usize) {
    let course = fixture_course();
    let scenario = find_scenario(&course, SCENARIO).unwrap();
    let cause = DebugSession::new(scenario, SEED)
        .unwrap()
        .drawn_cause()
        .to_string();
    let index = scenario.cause_index(&cause).unwrap();
    let fix = scenario.fix_index(&scenario.causes[index].fix).unwrap();
    (cause, index, fix)
}

/// Highlights entry `index` of the list on screen, from its top.
fn choose(app: &mut App, index: usize) {
    press(app, &[Up; 8]);
    for _ in 0..index {
        press(app, &[Down]);
    }
}

fn play_to_the_debrief(app: &mut App, name: Option<&str>) {
    let (_, cause, fix) = drawn();
    press(app, &[Enter]);
    snap(app, name, "in_progress");
    press(app, &[Char('h')]);
    snap(app, name, "hint");
    press(app, &[Char('c')]);
    choose(app, cause);
    snap(app, name, "cause");
    press(app, &[Enter]);
    choose(app, fix);
    press(app, &[Enter]);
    snap(app, name, "debrief");
}

fn snap(app: &App, size: Option<&str>, what: &str) {
    if let Some(size) = size {
        insta::assert_snapshot!(format!("debug_lab_{what}_{size}"), screen(app));
    }
}

#[test]
fn a_lab_played_to_its_debrief_at_80x24() {
    let mut app = lab_app(80, 24);
    play_to_the_debrief(&mut app, Some("80x24"));
}

#[test]
fn a_lab_played_to_its_debrief_at_160x48() {
    let mut app = lab_app(160, 48);
    play_to_the_debrief(&mut app, Some("160x48"));
}

#[test]
fn the_debrief_scrolls_and_o_opens_the_lesson_of_the_highlighted_entry() {
    let mut app = lab_app(80, 24);
    play_to_the_debrief(&mut app, None);
    press(&mut app, &[KeyCode::End]);
    let text = screen(&app);
    assert!(
        text.contains("Replay this draw: aks-tutor debug debug-fixture-dns --seed 1"),
        "{text}"
    );
    press(&mut app, &[Down, Char('o')]);
    assert!(matches!(app.screen(), Screen::Lesson(_)));
}

#[test]
fn the_topic_lists_its_debugging_lab_and_opens_it() {
    let mut app = app_with(fixture_course(), unsaved_store(), 80, 24);
    press(&mut app, &[Down, Enter]);
    let text = screen(&app);
    assert!(
        text.contains("Debug   A pod cannot resolve names"),
        "{text}"
    );
    assert!(text.contains("1 debugging lab"), "{text}");
    press(&mut app, &[Down, Down, Enter]);
    assert!(
        matches!(app.screen(), Screen::DebugLab(_)),
        "{}",
        screen(&app)
    );
}

#[test]
fn esc_in_the_middle_of_an_investigation_asks_first() {
    let mut app = lab_app(80, 24);
    press(&mut app, &[Enter, KeyCode::Esc]);
    assert!(matches!(app.screen(), Screen::DebugLab(_)));
    assert!(screen(&app).contains("throws this investigation away"));
    press(&mut app, &[KeyCode::Esc]);
    assert!(!matches!(app.screen(), Screen::DebugLab(_)));
}

#[test]
fn a_finished_lab_is_on_disk_at_once() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app_with(fixture_course(), store_in(data.path()), 80, 24);
    start_lab(&mut app);
    play_to_the_debrief(&mut app, None);
    app.start(Start::Stats).unwrap();
    press(&mut app, &[KeyCode::End]);
    let stats = screen(&app);
    assert!(
        stats.contains("Debugging labs: 1 scenario played, 1 time · 1 cause solved"),
        "{stats}"
    );
    drop(app);
    let store = store_in(data.path());
    let attempts = &store.progress().debug_labs[SCENARIO];
    assert_eq!(attempts.len(), 1);
    let (cause, _, _) = drawn();
    assert_eq!(attempts[0].cause, cause);
    assert!(attempts[0].solved);
    assert_eq!(attempts[0].steps, 1);
}

/// The built-in load balancer scenario prints `kubectl describe service`, wider than 80 columns:
/// its lines are clipped with `›`, → shifts the whole output (`‹` on the left) and stops where
/// the widest line ends, and ← brings it back.
#[test]
fn wide_output_is_clipped_and_scrolls_sideways_as_one_block() {
    let course = aks_tutor::content::load(&aks_tutor::content::EmbeddedCourse).unwrap();
    let mut app = app_with(course, unsaved_store(), 80, 24);
    app.start(Start::Debug {
        scenario: Some("debug-lb-pending".into()),
        seed: Some(SEED),
    })
    .unwrap();
    press(&mut app, &[Down, Enter]);
    let clipped = screen(&app);
    assert!(clipped.contains("›") && !clipped.contains("‹"), "{clipped}");
    assert!(clipped.contains("← → more"), "{clipped}");
    press(&mut app, &[KeyCode::Right; 40]);
    let shifted = screen(&app);
    assert!(shifted.contains("‹"), "{shifted}");
    press(&mut app, &[KeyCode::Left]);
    assert_ne!(
        screen(&app),
        shifted,
        "← moves at once, however often → was pressed"
    );
    press(&mut app, &[KeyCode::Left; 40]);
    assert_eq!(screen(&app), clipped);
}
