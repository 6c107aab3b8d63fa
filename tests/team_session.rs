//! A whole team session in-process over loopback: a host `Room` and 50 simulated players
//! (threads using `join`) play 5 rounds. Every answer is counted once, scores follow the rule,
//! a player drops and rejoins with their score, and misbehaving clients (garbage, an oversized
//! line, a flood, one that never reads) are cut off or ignored while the 50 finish.
//! No timing assertions: waits are bounded polls that fail with what they waited for.

use std::collections::HashMap;
use std::net::TcpListener;
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use aks_tutor::content::QuestionKind;
use aks_tutor::session::game::right_positions;
use aks_tutor::session::protocol::{
    ClientMessage, HostMessage, PROTOCOL_VERSION, WireAnswer, WireVerdict, encode,
};
#[path = "common/session.rs"]
mod session_support;

use session_support::{Raw, WAIT, wait_for};

use aks_tutor::session::{
    HostCommand, HostPhase, JoinError, PlayerEvent, Room, RoundQuestion, join,
};

const PLAYERS: usize = 50;
const ROUNDS: usize = 5;
const CODE: &str = "K7QX";

#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    Right,
    Partial(u32),
    Wrong,
}

/// What player `player` answers in round `round` (0-based), and how it should fare.
fn plan(question: &RoundQuestion, player: usize, round: usize) -> (WireAnswer, Expect) {
    let right = right_positions(question);
    let count = question.asked.option_count();
    let wrong: Vec<usize> = (0..count).filter(|p| !right.contains(p)).collect();
    let choice = (player + round) % 3;
    match &question.asked.question.kind {
        QuestionKind::TrueFalse { .. } => {
            let says_true = (right[0] == 0) == (choice != 1);
            let expect = if choice != 1 {
                Expect::Right
            } else {
                Expect::Wrong
            };
            (WireAnswer::Bool(says_true), expect)
        }
        QuestionKind::MultiSelect { .. } => match choice {
            0 => (WireAnswer::Choices(right.clone()), Expect::Right),
            1 if !wrong.is_empty() => (WireAnswer::Choices(vec![wrong[0]]), Expect::Wrong),
            _ if right.len() >= 2 => {
                let share = (100.0 / right.len() as f64).round() as u32;
                (WireAnswer::Choices(vec![right[0]]), Expect::Partial(share))
            }
            _ => (WireAnswer::Choices(right.clone()), Expect::Right),
        },
        _ => match choice {
            1 => (WireAnswer::Choice(wrong[0]), Expect::Wrong),
            _ => (WireAnswer::Choice(right[0]), Expect::Right),
        },
    }
}

/// The chart the host should show for a round: each planned answer once.
fn expected_distribution(question: &RoundQuestion, round: usize) -> Vec<u32> {
    let mut chart = vec![0; question.asked.option_count()];
    for player in 0..PLAYERS {
        match plan(question, player, round).0 {
            WireAnswer::Choice(p) => chart[p] += 1,
            WireAnswer::Choices(ps) => ps.iter().for_each(|&p| chart[p] += 1),
            WireAnswer::Bool(b) => chart[usize::from(!b)] += 1,
        }
    }
    chart
}

#[derive(Debug, Default)]
struct Log {
    /// Per round (1-based): verdict and points from the reveal.
    reveals: HashMap<u32, (WireVerdict, u32)>,
    refused_duplicates: u32,
    final_score: Option<u32>,
    rejoined_with: Option<u32>,
}

fn name(player: usize) -> String {
    format!("player-{player:02}")
}

fn play(addr: String, player: usize, questions: Arc<Vec<RoundQuestion>>) -> Log {
    let (mut conn, welcome) =
        join(&addr, &name(player), CODE, WAIT).unwrap_or_else(|e| panic!("{player} joins: {e}"));
    assert_eq!(welcome.rounds, ROUNDS as u32);
    assert!(!welcome.rejoined);
    let mut log = Log::default();
    loop {
        let event = conn
            .wait(WAIT)
            .unwrap_or_else(|| panic!("{player}: nothing from the host within {WAIT:?}"));
        let message = match event {
            PlayerEvent::Message(message) => message,
            PlayerEvent::Lost(why) => panic!("{player} lost the host: {why}"),
        };
        match message {
            HostMessage::Question {
                round,
                answered: false,
                ..
            } => {
                let index = round as usize - 1;
                let (answer, _) = plan(&questions[index], player, index);
                // The same answer twice: only the first may count.
                conn.answer(round, answer.clone()).expect("sends");
                conn.answer(round, answer).expect("sends");
            }
            HostMessage::AnswerRefused { .. } => log.refused_duplicates += 1,
            HostMessage::Reveal {
                round,
                verdict,
                points,
                ..
            } => {
                log.reveals.insert(round, (verdict, points));
                if player == 0 && round == 2 {
                    // Drop the connection without a goodbye, then come back under the name.
                    let score: u32 = log.reveals.values().map(|r| r.1).sum();
                    drop(conn);
                    let welcome;
                    (conn, welcome) = rejoin(&addr, &name(player));
                    assert!(welcome.rejoined, "a dropped name rejoins its player");
                    log.rejoined_with = Some(welcome.score);
                    assert_eq!(welcome.score, score, "the score is kept");
                }
            }
            HostMessage::Ended { you, .. } => {
                log.final_score = Some(you.score);
                return log;
            }
            _ => {}
        }
    }
}

/// Joins again, waiting out the moment the host has not yet seen the old connection close.
fn rejoin(
    addr: &str,
    name: &str,
) -> (
    aks_tutor::session::PlayerConnection,
    aks_tutor::session::Welcome,
) {
    let start = Instant::now();
    loop {
        match join(addr, name, CODE, WAIT) {
            Ok(joined) => return joined,
            Err(JoinError::Refused { reason, .. })
                if reason.contains("taken") && start.elapsed() < WAIT =>
            {
                thread::sleep(Duration::from_millis(10));
            }
            Err(error) => panic!("rejoin: {error}"),
        }
    }
}

#[test]
fn fifty_players_play_a_whole_session_while_misbehaving_clients_are_cut_off() {
    let questions = Arc::new(session_support::questions(ROUNDS, 11));
    let listener = TcpListener::bind("127.0.0.1:0").expect("binds");
    let room = Room::open(
        session_support::network_room(
            "Onboarding",
            CODE,
            questions.to_vec(),
            Duration::from_secs(120),
        ),
        Some(listener),
    )
    .expect("the room opens");
    let addr = room.local_addr().expect("listens").to_string();

    // Refusals before joining: wrong version, wrong code, garbage instead of a hello.
    let (_, refused) = Raw::hello(&addr, "old", 99, CODE);
    let HostMessage::Refused { reason } = refused else {
        panic!("version 99 refused, got {refused:?}");
    };
    assert!(
        reason.contains("version 1") && reason.contains("99"),
        "{reason}"
    );
    match join(&addr, "wrong-code", "ZZZZ", WAIT) {
        Err(error @ JoinError::Refused { .. }) => {
            let text = error.to_string();
            assert!(text.contains(&addr) && text.contains("code"), "{text}");
        }
        other => panic!("a wrong code is refused, got {:?}", other.map(|(_, w)| w)),
    }
    let mut garbage_hello = Raw::connect(&addr);
    garbage_hello.send("GET / HTTP/1.1\r\n\r\n");
    assert!(
        garbage_hello
            .refusal()
            .is_some_and(|r| r.contains("not a message"))
    );

    let players: Vec<_> = (0..PLAYERS)
        .map(|player| {
            let (addr, questions) = (addr.clone(), questions.clone());
            thread::spawn(move || play(addr, player, questions))
        })
        .collect();
    wait_for(&room, "50 players", |v| {
        v.players.iter().filter(|p| p.connected).count() == PLAYERS
    });

    // Misbehaving clients, each joined under a name first.
    let (mut garbage, welcome) = Raw::hello(&addr, "garbage", PROTOCOL_VERSION, CODE);
    assert!(matches!(welcome, HostMessage::Welcome { .. }));
    garbage.send("{\"type\":\"answer\",\"round\":\n");
    assert!(
        garbage
            .refusal()
            .is_some_and(|r| r.contains("not a message"))
    );

    let (mut oversized, _) = Raw::hello(&addr, "oversized", PROTOCOL_VERSION, CODE);
    oversized.send(&"x".repeat(64 * 1024));
    assert!(
        oversized
            .refusal()
            .is_some_and(|r| r.contains("16384 bytes"))
    );

    let (mut flood, _) = Raw::hello(&addr, "flood", PROTOCOL_VERSION, CODE);
    let answer = encode(&ClientMessage::Answer {
        round: 1,
        answer: WireAnswer::Choice(0),
    });
    flood.send(&answer.repeat(60));
    assert!(flood.refusal().is_some_and(|r| r.contains("flooded")));

    // Joins and never reads again (nor answers): the rounds must not wait on it.
    let (stalled, _) = Raw::hello(&addr, "stalled", PROTOCOL_VERSION, CODE);

    let view = wait_for(&room, "the cut-offs in the notices", |v| {
        ["garbage", "oversized", "flood"].iter().all(|n| {
            v.notices
                .iter()
                .any(|t| t.starts_with(n) && t.contains("cut off"))
        })
    });
    assert!(
        view.notices.iter().any(|t| t.contains("flooded")),
        "{:?}",
        view.notices
    );

    room.command(HostCommand::Next);
    for round in 1..=ROUNDS as u32 {
        // Everyone but the stalled client answers; then the facilitator skips the wait.
        let view = wait_for(&room, "the round's answers", |v| match &v.phase {
            HostPhase::Question {
                round: r,
                answers_in,
                ..
            } => *r == round && *answers_in as usize >= PLAYERS,
            HostPhase::Reveal { round: r, .. } => *r == round,
            _ => false,
        });
        if let HostPhase::Question { answers_in, .. } = view.phase {
            assert_eq!(answers_in as usize, PLAYERS, "each answer counted once");
            room.command(HostCommand::Skip);
        }
        let view = wait_for(
            &room,
            "the reveal",
            |v| matches!(v.phase, HostPhase::Reveal { round: r, .. } if r == round),
        );
        let index = round as usize - 1;
        let HostPhase::Reveal {
            distribution,
            right,
            right_count,
            missed,
            ..
        } = &view.phase
        else {
            unreachable!()
        };
        assert_eq!(
            distribution,
            &expected_distribution(&questions[index], index)
        );
        assert_eq!(right, &right_positions(&questions[index]));
        let rights = (0..PLAYERS)
            .filter(|&p| plan(&questions[index], p, index).1 == Expect::Right)
            .count();
        assert_eq!(*right_count as usize, rights);
        assert_eq!(*missed, 1, "only the stalled client missed it");
        room.command(HostCommand::Next);
        wait_for(&room, "the scoreboard", |v| {
            matches!(v.phase, HostPhase::Scoreboard { .. })
        });
        if round == 2 {
            wait_for(&room, "player 0 to rejoin", |v| {
                v.notices.iter().any(|n| n.contains("player-00 rejoined"))
                    && v.players.iter().filter(|p| p.connected).count() == PLAYERS + 1
            });
        }
        room.command(HostCommand::Next);
    }
    let view = wait_for(&room, "the end", |v| {
        matches!(v.phase, HostPhase::Finished { .. })
    });

    let logs: Vec<Log> = players
        .into_iter()
        .map(|p| p.join().expect("a player finished"))
        .collect();
    let HostPhase::Finished {
        standings,
        most_missed,
        report,
    } = &view.phase
    else {
        unreachable!()
    };
    assert!(report.is_none(), "nothing written without files");
    assert!(!most_missed.is_empty());
    for (player, log) in logs.iter().enumerate() {
        assert_eq!(
            log.reveals.len(),
            ROUNDS,
            "player {player} saw every reveal"
        );
        let mut total = 0;
        for (index, question) in questions.iter().enumerate() {
            let (verdict, points) = log.reveals[&(index as u32 + 1)];
            match plan(question, player, index).1 {
                Expect::Right => {
                    assert_eq!(verdict, WireVerdict::Right);
                    assert!((100..=150).contains(&points), "{points}");
                }
                Expect::Partial(share) => {
                    assert_eq!((verdict, points), (WireVerdict::Partial, share));
                }
                Expect::Wrong => assert_eq!((verdict, points), (WireVerdict::Wrong, 0)),
            }
            total += points;
        }
        assert_eq!(log.final_score, Some(total), "player {player}");
        assert!(
            log.refused_duplicates >= 1,
            "duplicates are refused, not counted"
        );
        let standing = standings
            .iter()
            .find(|s| s.name == name(player))
            .expect("in the standings");
        assert_eq!(standing.score, total);
        let above = standings.iter().filter(|s| s.score > total).count() as u32;
        assert_eq!(standing.rank, above + 1, "equal scores share a rank");
    }
    assert!(logs[0].rejoined_with.is_some());
    drop(stalled);
}
