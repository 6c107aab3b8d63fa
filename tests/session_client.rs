//! What one player hears from the room, message by message (question, pause and resume, the
//! answer taken, the reveal with their own verdict, scoreboard, end), a rejoin in the middle of
//! a round, and `join`'s errors, each naming the address.

use std::net::TcpListener;
use std::time::Duration;

use aks_tutor::session::game::right_positions;
use aks_tutor::session::protocol::{HostMessage, WireAnswer, WireKind, WireVerdict};
use aks_tutor::session::{
    HostCommand, JoinError, PlayerConnection, PlayerEvent, Room, RoundQuestion, join,
};

#[path = "common/session.rs"]
mod session_support;
use session_support::{network_room, questions};

const WAIT: Duration = Duration::from_secs(20);

fn setup() -> (Room, String, Vec<RoundQuestion>) {
    let questions = questions(2, 3);
    let config = network_room(
        "One player",
        "ONE2",
        questions.clone(),
        Duration::from_secs(60),
    );
    let room = Room::open(config, Some(TcpListener::bind("127.0.0.1:0").unwrap())).unwrap();
    let addr = room.local_addr().unwrap().to_string();
    (room, addr, questions)
}

/// The next message that is not a lobby count.
fn next(conn: &PlayerConnection) -> HostMessage {
    loop {
        match conn.wait(WAIT).expect("a message in time") {
            PlayerEvent::Message(HostMessage::Lobby { .. }) => continue,
            PlayerEvent::Message(message) => return message,
            PlayerEvent::Lost(why) => panic!("lost: {why}"),
        }
    }
}

fn right(question: &RoundQuestion, kind: WireKind) -> WireAnswer {
    let right = right_positions(question);
    match kind {
        WireKind::TrueFalse => WireAnswer::Bool(right[0] == 0),
        WireKind::MultiSelect => WireAnswer::Choices(right),
        WireKind::SingleChoice => WireAnswer::Choice(right[0]),
    }
}

#[test]
fn a_player_hears_each_phase_and_a_rejoin_mid_round_knows_it_answered() {
    let (room, addr, questions) = setup();
    // The code is compared without regard to case.
    let (ana, welcome) = join(&addr, " Ana ", "one2", WAIT).expect("joins");
    assert_eq!(welcome.name, "Ana");
    assert_eq!(
        (welcome.rounds, welcome.score, welcome.rejoined),
        (2, 0, false)
    );
    assert!(welcome.scoring.contains("100"));
    let (ben, _) = join(&addr, "Ben", "ONE2", WAIT).expect("joins");
    match join(&addr, "ana", "ONE2", WAIT) {
        Err(JoinError::Refused { reason, .. }) => assert!(reason.contains("taken"), "{reason}"),
        other => panic!("name taken, got {:?}", other.map(|(_, w)| w)),
    }

    room.command(HostCommand::Next);
    let HostMessage::Question {
        round: 1,
        rounds: 2,
        kind,
        answered: false,
        options,
        seconds: 60,
        ..
    } = next(&ana)
    else {
        panic!("round 1 opens");
    };
    assert_eq!(options.len(), questions[0].asked.displayed().len());
    room.command(HostCommand::Pause);
    assert_eq!(next(&ana), HostMessage::Paused { round: 1 });
    room.command(HostCommand::Resume);
    assert!(
        matches!(next(&ana), HostMessage::Resumed { round: 1, remaining_ms } if remaining_ms > 0)
    );
    ana.answer(1, right(&questions[0], kind)).unwrap();
    assert_eq!(next(&ana), HostMessage::AnswerTaken { round: 1 });

    // Ana drops after answering and rejoins while the round is still open.
    drop(ana);
    let ana = loop {
        match join(&addr, "Ana", "ONE2", WAIT) {
            Ok((conn, welcome)) => {
                assert!(welcome.rejoined);
                break conn;
            }
            Err(JoinError::Refused { reason, .. }) if reason.contains("taken") => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(error) => panic!("{error}"),
        }
    };
    assert!(matches!(
        next(&ana),
        HostMessage::Question {
            round: 1,
            answered: true,
            ..
        }
    ));
    // Ben's answer is the last: the reveal comes at once.
    let _ = next(&ben);
    ben.answer(1, right(&questions[0], kind)).unwrap();
    let reveal = loop {
        match next(&ana) {
            reveal @ HostMessage::Reveal { .. } => break reveal,
            _ => continue,
        }
    };
    let HostMessage::Reveal {
        round: 1,
        verdict: WireVerdict::Right,
        points,
        score,
        rank,
        players: 2,
        right,
        ..
    } = reveal
    else {
        panic!("Ana was right: {reveal:?}");
    };
    assert!((100..=150).contains(&points) && score == points);
    assert!(rank <= 2);
    assert_eq!(right, right_positions(&questions[0]));

    room.command(HostCommand::Next);
    let HostMessage::Scoreboard { top, you, .. } = next(&ana) else {
        panic!("a scoreboard");
    };
    assert!(top.iter().any(|s| s.name == "Ana" && s.score == score));
    assert_eq!(
        (you.name.as_str(), you.rank, you.score),
        ("Ana", rank, score)
    );
    // Ben drops and rejoins while the scoreboard is up: he sees it, not the lobby.
    drop(ben);
    let ben = loop {
        match join(&addr, "Ben", "ONE2", WAIT) {
            Ok((conn, _)) => break conn,
            Err(JoinError::Refused { reason, .. }) if reason.contains("taken") => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(error) => panic!("{error}"),
        }
    };
    let HostMessage::Scoreboard { round: 1, you, .. } = next(&ben) else {
        panic!("a rejoin during the scoreboard is shown the scoreboard");
    };
    assert_eq!(you.name, "Ben");
    room.command(HostCommand::End);
    assert!(matches!(next(&ana), HostMessage::Ended { you, .. } if you.score == score));
}

#[test]
fn join_errors_name_the_address() {
    // A port nobody listens on: bind one, note it, close it.
    let free = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .to_string();
    let error = join(&free, "Ana", "ABCD", WAIT)
        .err()
        .expect("cannot connect");
    assert!(matches!(error, JoinError::Connect { .. }));
    assert!(error.to_string().contains(&free), "{error}");

    // A listener that never answers.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = silent.local_addr().unwrap().to_string();
    let error = join(&addr, "Ana", "ABCD", Duration::from_millis(200))
        .err()
        .expect("no answer");
    assert!(matches!(error, JoinError::NoAnswer { .. }), "{error}");
    assert!(error.to_string().contains(&addr), "{error}");

    let error = join("not an address", "Ana", "ABCD", WAIT)
        .err()
        .expect("bad address");
    assert!(error.to_string().contains("not an address"), "{error}");
}
