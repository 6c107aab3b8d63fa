//! The player's screen of a team session at 80x24 and 160x48, driven by the messages of a fake
//! connection: waiting, the question, the answer sent, the reveal, the scoreboard, the end and a
//! lost connection; that answers go out in shown positions with the quiz's keys, and that a
//! revealed answer lands in the player's own progress.

mod common;
#[path = "common/session_screens.rs"]
mod session;

use std::sync::Arc;
use std::time::Instant;

use aks_tutor::app::App;
use aks_tutor::input::Action;
use aks_tutor::progress::ItemKind;
use aks_tutor::screens::link::Link;
use aks_tutor::screens::player::PlayerLink;
use aks_tutor::screens::{Screen, Start};
use aks_tutor::session::protocol::{HostMessage, Standing, WireAnswer, WireVerdict};
use common::{app_with, fixture_course, press, screen, store_in};
use crossterm::event::KeyCode::{Char, Down, Enter, Esc};
use session::*;

fn player_app(connection: &Arc<FakeConnection>, data: &std::path::Path, size: (u16, u16)) -> App {
    let mut app = app_with(fixture_course(), store_in(data), size.0, size.1);
    let link: Arc<dyn PlayerLink> = connection.clone();
    app.start(Start::Player {
        link: Link::new(link),
        joined: joined(),
    })
    .expect("a player screen opens");
    common::settle(&mut app);
    app
}

/// The runtime's tick, always at the same instant so that countdowns do not move.
fn tick(app: &mut App, at: Instant) {
    let _ = app.update(Action::Tick(at));
    common::settle(app);
}

fn reveal(verdict: WireVerdict, grade: f64, points: u32) -> HostMessage {
    HostMessage::Reveal {
        round: 2,
        question_id: "cni-vnet-ips".into(),
        right: vec![1],
        explanation: single_choice().question.explanation,
        lesson: "Network plugins › Azure CNI".into(),
        verdict,
        grade,
        points,
        score: 380,
        rank: 1,
        players: 4,
    }
}

fn you() -> Standing {
    Standing {
        rank: 1,
        name: "Ana".into(),
        score: 380,
    }
}

/// Plays one round through every phase, taking a picture of each at `size`.
fn play(size: (u16, u16)) {
    let data = tempfile::tempdir().unwrap();
    let connection = FakeConnection::new();
    let mut app = player_app(&connection, data.path(), size);
    let at = Instant::now();
    let name = |what: &str| format!("player_{what}_{}x{}", size.0, size.1);
    connection.push(HostMessage::Lobby { players: 4 });
    tick(&mut app, at);
    insta::assert_snapshot!(name("waiting"), screen(&app));
    connection.push(question_message(&single_choice(), false));
    tick(&mut app, at);
    press(&mut app, &[Down]);
    insta::assert_snapshot!(name("question"), screen(&app));
    press(&mut app, &[Enter]);
    insta::assert_snapshot!(name("answered"), screen(&app));
    connection.push(HostMessage::AnswerTaken { round: 2 });
    connection.push(reveal(WireVerdict::Right, 1.0, 142));
    tick(&mut app, at);
    insta::assert_snapshot!(name("reveal"), screen(&app));
    connection.push(HostMessage::Scoreboard {
        round: 2,
        rounds: 5,
        top: standings()[..3].to_vec(),
        you: you(),
    });
    tick(&mut app, at);
    insta::assert_snapshot!(name("scoreboard"), screen(&app));
    connection.push(HostMessage::Ended {
        top: standings()[..3].to_vec(),
        you: you(),
    });
    tick(&mut app, at);
    insta::assert_snapshot!(name("ended"), screen(&app));
}

#[test]
fn a_round_played_at_80x24() {
    play((80, 24));
}

#[test]
fn a_round_played_at_160x48() {
    play((160, 48));
}

#[test]
fn answers_go_out_in_shown_positions_with_the_quiz_keys() {
    let data = tempfile::tempdir().unwrap();
    let connection = FakeConnection::new();
    let mut app = player_app(&connection, data.path(), (80, 24));
    let at = Instant::now();
    connection.push(question_message(&single_choice(), false));
    tick(&mut app, at);
    // "Azure CNI (node subnet)" is shown second: 2 then Enter sends position 1.
    press(&mut app, &[Char('2'), Enter]);
    // Answered: more keys send nothing.
    press(&mut app, &[Char('3'), Enter]);
    let mut multi = question_message(&multi_select(), false);
    if let HostMessage::Question { round, .. } = &mut multi {
        *round = 3;
    }
    connection.push(multi);
    tick(&mut app, at);
    press(&mut app, &[Char('1'), Down, Down, Down, Char(' '), Enter]);
    assert_eq!(
        connection.answers(),
        [
            (2, WireAnswer::Choice(1)),
            (3, WireAnswer::Choices(vec![0, 3]))
        ]
    );
}

#[test]
fn a_revealed_answer_lands_in_the_players_progress_and_a_missed_one_does_not() {
    let data = tempfile::tempdir().unwrap();
    let connection = FakeConnection::new();
    let mut app = player_app(&connection, data.path(), (80, 24));
    let at = Instant::now();
    connection.push(question_message(&single_choice(), false));
    connection.push(reveal(WireVerdict::Partial, 0.5, 50));
    tick(&mut app, at);
    let history = app
        .store
        .progress()
        .item(ItemKind::Question, "cni-vnet-ips");
    let scores: Vec<f64> = history
        .map(|item| item.answers.iter().map(|a| a.result.score()).collect())
        .unwrap_or_default();
    assert_eq!(scores, [0.5]);
    connection.push(question_message(&multi_select(), false));
    let mut missed = reveal(WireVerdict::Missed, 0.0, 0);
    if let HostMessage::Reveal { question_id, .. } = &mut missed {
        *question_id = "reserved-addresses".into();
    }
    connection.push(missed);
    tick(&mut app, at);
    assert!(
        app.store
            .progress()
            .item(ItemKind::Question, "reserved-addresses")
            .is_none()
    );
}

#[test]
fn a_lost_connection_says_so_and_r_rejoins() {
    let data = tempfile::tempdir().unwrap();
    let connection = FakeConnection::new();
    let mut app = player_app(&connection, data.path(), (80, 24));
    let at = Instant::now();
    connection.lose("the host closed the connection");
    tick(&mut app, at);
    insta::assert_snapshot!("player_lost_80x24", screen(&app));
    press(&mut app, &[Char('r')]);
    assert_eq!(*connection.rejoins.lock().unwrap(), 1);
    assert!(
        screen(&app).contains("Welcome back, Ana"),
        "{}",
        screen(&app)
    );
    // Leaving a session under way asks first.
    press(&mut app, &[Esc]);
    assert!(matches!(app.screen(), Screen::Player(_)));
}
