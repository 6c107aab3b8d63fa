//! The facilitator's screen of a team session at 80x24 and 160x48, drawn from snapshots of a
//! fake room (lobby, question, reveal, scoreboard, finished), and the commands its keys send:
//! next, pause and resume, skip, end (asked first), and answers keyed in a `--local` session.

mod common;
#[path = "common/session_screens.rs"]
mod session;

use std::sync::Arc;
use std::time::Instant;

use aks_tutor::app::App;
use aks_tutor::input::Action;
use aks_tutor::screens::Start;
use aks_tutor::screens::host::RoomLink;
use aks_tutor::screens::link::Link;
use aks_tutor::session::protocol::WireAnswer;
use aks_tutor::session::{HostCommand, HostPhase, HostView};
use common::{app, press, screen};
use crossterm::event::KeyCode::{Char, Enter, Esc};
use session::*;

fn host_app(room: &Arc<FakeRoom>, width: u16, height: u16) -> App {
    let mut app = app(width, height);
    let link: Arc<dyn RoomLink> = room.clone();
    app.start(Start::Host(Link::new(link)))
        .expect("a host screen opens");
    common::settle(&mut app);
    app
}

/// The runtime's tick: the screen takes the room's newest snapshot.
fn tick(app: &mut App) {
    let _ = app.update(Action::Tick(Instant::now()));
}

fn snap_all(name: &str, view: HostView) {
    for (width, height) in [(80, 24), (160, 48)] {
        let room = FakeRoom::new(view.clone());
        let app = host_app(&room, width, height);
        insta::assert_snapshot!(format!("host_{name}_{width}x{height}"), screen(&app));
    }
}

#[test]
fn the_lobby_shows_how_to_join_and_the_code_big() {
    let mut lobby = view(HostPhase::Lobby { played: 0 });
    for player in &mut lobby.players {
        player.answered = false;
    }
    snap_all("lobby", lobby);
}

#[test]
fn a_resumed_lobby_says_where_the_session_goes_on() {
    let room = FakeRoom::new(view(HostPhase::Lobby { played: 2 }));
    let app = host_app(&room, 100, 30);
    let shown = screen(&app);
    assert!(
        shown.contains("Resumed after 2 of 5 rounds: press n to go on with round 3."),
        "{shown}"
    );
}

#[test]
fn a_question_shows_the_countdown_and_the_count_of_answers_not_who() {
    snap_all("question", view(question_phase(single_choice(), false)));
}

#[test]
fn a_long_question_is_wrapped_text_and_a_paused_one_says_so() {
    snap_all(
        "question_long_paused",
        view(question_phase(multi_select(), true)),
    );
}

#[test]
fn the_reveal_marks_the_answer_and_charts_the_room() {
    snap_all("reveal", view(reveal_phase()));
}

#[test]
fn a_multi_select_reveal_with_a_long_explanation_still_fits_80x24() {
    let mut long = reveal_phase();
    if let HostPhase::Reveal {
        question, right, ..
    } = &mut long
    {
        **question = multi_select();
        question.question.explanation = "Azure keeps five addresses of every subnet for itself: the network address, the default gateway, two addresses that map the Azure DNS service into the subnet, and the last address of the range. So a /24 has 251 usable addresses, not 254, and a /29 (8 addresses) leaves only three for nodes.".into();
        *right = vec![0, 1, 3];
    }
    snap_all("reveal_long", view(long));
}

#[test]
fn the_scoreboard_shows_standings_and_points_won() {
    snap_all("scoreboard", view(scoreboard_phase()));
}

#[test]
fn the_end_shows_a_podium_and_what_the_room_missed() {
    snap_all("finished", view(finished_phase()));
}

#[test]
fn a_local_question_lists_who_still_has_to_answer() {
    snap_all(
        "local_question",
        local_view(question_phase(single_choice(), false)),
    );
}

#[test]
fn next_starts_and_moves_on_and_a_new_snapshot_shows_at_the_next_tick() {
    let room = FakeRoom::new(view(HostPhase::Lobby { played: 0 }));
    let mut app = host_app(&room, 80, 24);
    press(&mut app, &[Char('n')]);
    assert_eq!(room.sent(), [HostCommand::Next]);
    room.set(view(reveal_phase()));
    tick(&mut app);
    assert!(screen(&app).contains("the answer"), "{}", screen(&app));
    press(&mut app, &[Enter]);
    assert_eq!(room.sent(), [HostCommand::Next, HostCommand::Next]);
}

#[test]
fn pause_resume_and_skip_act_on_the_open_round() {
    let room = FakeRoom::new(view(question_phase(single_choice(), false)));
    let mut app = host_app(&room, 80, 24);
    press(&mut app, &[Char('p')]);
    room.set(view(question_phase(single_choice(), true)));
    tick(&mut app);
    press(&mut app, &[Char('p'), Char('s')]);
    assert_eq!(
        room.sent(),
        [HostCommand::Pause, HostCommand::Resume, HostCommand::Skip]
    );
    // Enter does not close a round (s does): it says so.
    press(&mut app, &[Enter]);
    assert_eq!(room.sent().len(), 3);
}

#[test]
fn end_asks_first() {
    let room = FakeRoom::new(view(scoreboard_phase()));
    let mut app = host_app(&room, 80, 24);
    press(&mut app, &[Char('e')]);
    assert!(screen(&app).contains("End the session now?"));
    press(&mut app, &[Char('n')]);
    assert!(room.sent().is_empty(), "n goes on");
    press(&mut app, &[Char('e'), Char('y')]);
    assert_eq!(room.sent(), [HostCommand::End]);
}

#[test]
fn leaving_a_running_session_asks_first() {
    let room = FakeRoom::new(view(question_phase(single_choice(), false)));
    let mut app = host_app(&room, 80, 24);
    press(&mut app, &[Esc]);
    assert!(matches!(app.screen(), aks_tutor::screens::Screen::Host(_)));
    assert!(screen(&app).contains("press Esc again"), "{}", screen(&app));
    press(&mut app, &[Esc]);
    assert!(matches!(app.screen(), aks_tutor::screens::Screen::Home(_)));
}

#[test]
fn local_answers_are_keyed_for_the_highlighted_player_in_shown_positions() {
    let room = FakeRoom::new(local_view(question_phase(single_choice(), false)));
    let mut app = host_app(&room, 80, 24);
    // Ana is highlighted (the first still to answer); 2 is the second option shown.
    press(&mut app, &[Char('2')]);
    // The highlight moved on past Bo, who has answered, to Chen.
    press(&mut app, &[Char('1')]);
    // The fake room keeps Ana unanswered, so the highlight wraps to her; j moves to Bo, and
    // an answer can be keyed for him again (the room decides whether it counts).
    press(&mut app, &[Char('j'), Char('4')]);
    let answers: Vec<(usize, WireAnswer)> = room
        .sent()
        .into_iter()
        .map(|command| match command {
            HostCommand::AnswerFor { player, answer } => (player, answer),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        answers,
        [
            (0, WireAnswer::Choice(1)),
            (2, WireAnswer::Choice(0)),
            (1, WireAnswer::Choice(3))
        ]
    );
}

#[test]
fn local_multi_select_ticks_then_enter_sends_and_true_false_takes_t_and_f() {
    let room = FakeRoom::new(local_view(question_phase(multi_select(), false)));
    let mut app = host_app(&room, 80, 24);
    press(&mut app, &[Enter]);
    assert!(room.sent().is_empty(), "nothing ticked, nothing sent");
    press(
        &mut app,
        &[Char('1'), Char('4'), Char('2'), Char('2'), Enter],
    );
    assert_eq!(
        room.sent(),
        [HostCommand::AnswerFor {
            player: 0,
            answer: WireAnswer::Choices(vec![0, 3])
        }]
    );
    let mut true_false = single_choice();
    true_false.question.kind = aks_tutor::content::QuestionKind::TrueFalse { answer: false };
    true_false.display_order = Vec::new();
    let mut next = local_view(question_phase(true_false, false));
    if let HostPhase::Question { round, .. } = &mut next.phase {
        *round = 3;
    }
    room.set(next);
    tick(&mut app);
    press(&mut app, &[Char('f'), Char('t')]);
    assert_eq!(
        room.sent()[1..],
        [
            HostCommand::AnswerFor {
                player: 0,
                answer: WireAnswer::Bool(false)
            },
            HostCommand::AnswerFor {
                player: 2,
                answer: WireAnswer::Bool(true)
            },
        ]
    );
}
