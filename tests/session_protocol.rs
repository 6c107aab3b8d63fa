//! The wire protocol: every message round-trips as one line, a hello of another version is
//! refused naming both versions, and arbitrary bytes fed to a host's reader never upset the
//! room: a client that sends them is cut off, and the room goes on taking players.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

use aks_tutor::session::protocol::{
    ClientMessage, HostMessage, MAX_LINE_BYTES, PROTOCOL_VERSION, Standing, WireAnswer, WireKind,
    WireVerdict, decode, encode,
};
use aks_tutor::session::{Room, join};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

#[path = "common/session.rs"]
mod session_support;
use session_support::{network_room, questions};

fn standing(rank: u32) -> Standing {
    Standing {
        rank,
        name: format!("p{rank}"),
        score: 300 - rank,
    }
}

#[test]
fn every_message_round_trips_as_one_line() {
    let client = [
        ClientMessage::Hello {
            version: PROTOCOL_VERSION,
            name: "Ana \"the\" \\ one".into(),
            code: "K7QX".into(),
        },
        ClientMessage::Answer {
            round: 1,
            answer: WireAnswer::Choice(2),
        },
        ClientMessage::Answer {
            round: 2,
            answer: WireAnswer::Choices(vec![0, 3]),
        },
        ClientMessage::Answer {
            round: 3,
            answer: WireAnswer::Bool(false),
        },
        ClientMessage::Bye {},
    ];
    for message in client {
        let line = encode(&message);
        assert!(
            line.ends_with('\n') && line.matches('\n').count() == 1,
            "{line}"
        );
        assert_eq!(decode::<ClientMessage>(line.as_bytes()), Ok(message));
    }
    let host = [
        HostMessage::Welcome {
            version: PROTOCOL_VERSION,
            name: "Ana".into(),
            title: "Onboarding\nday".into(),
            rounds: 5,
            score: 120,
            rejoined: true,
            scoring: "100 + speed".into(),
        },
        HostMessage::Refused {
            reason: "name taken".into(),
        },
        HostMessage::Lobby { players: 7 },
        HostMessage::Question {
            round: 1,
            rounds: 5,
            topic: "Plugins".into(),
            prompt: "Which?".into(),
            kind: WireKind::MultiSelect,
            options: vec!["a".into(), "b".into()],
            seconds: 30,
            remaining_ms: 29_500,
            answered: false,
        },
        HostMessage::AnswerTaken { round: 1 },
        HostMessage::AnswerRefused {
            round: 1,
            reason: "only the first answer counts".into(),
        },
        HostMessage::Paused { round: 1 },
        HostMessage::Resumed {
            round: 1,
            remaining_ms: 10,
        },
        HostMessage::Reveal {
            round: 1,
            question_id: "q-1".into(),
            right: vec![0, 2],
            explanation: "because".into(),
            lesson: "Lesson › Section".into(),
            verdict: WireVerdict::Partial,
            grade: 0.5,
            points: 50,
            score: 170,
            rank: 3,
            players: 12,
        },
        HostMessage::Scoreboard {
            round: 1,
            rounds: 5,
            top: vec![standing(1), standing(2)],
            you: standing(3),
        },
        HostMessage::Ended {
            top: vec![standing(1)],
            you: standing(1),
        },
    ];
    for message in host {
        let line = encode(&message);
        assert!(
            line.len() < MAX_LINE_BYTES && line.matches('\n').count() == 1,
            "{line}"
        );
        assert_eq!(decode::<HostMessage>(line.as_bytes()), Ok(message));
    }
}

proptest! {
    #[test]
    fn decoding_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = decode::<ClientMessage>(&bytes);
        let _ = decode::<HostMessage>(&bytes);
    }

    #[test]
    fn decoding_json_like_lines_never_panics(line in "\\{\"type\":\"(hello|answer|bye)\"[ -~]{0,80}\\}") {
        let _ = decode::<ClientMessage>(line.as_bytes());
    }
}

fn room() -> Room {
    let config = network_room("Fuzz", "FUZZ", questions(2, 1), Duration::from_secs(30));
    Room::open(config, Some(TcpListener::bind("127.0.0.1:0").unwrap())).expect("opens")
}

/// Lines from the host until it closes the connection.
fn lines_until_closed(stream: &TcpStream) -> Vec<String> {
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let mut reader = BufReader::new(stream);
    let mut lines = Vec::new();
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => return lines,
            Ok(_) => lines.push(line),
        }
    }
}

#[test]
fn a_hello_of_another_version_is_refused_naming_both() {
    let room = room();
    let addr = room.local_addr().unwrap();
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .write_all(b"{\"type\":\"hello\",\"version\":2,\"name\":\"Ana\",\"code\":\"FUZZ\"}\n")
        .unwrap();
    let lines = lines_until_closed(&stream);
    let Ok(HostMessage::Refused { reason }) = decode::<HostMessage>(lines[0].as_bytes()) else {
        panic!("refused, got {lines:?}");
    };
    assert_eq!(
        reason,
        "the host speaks protocol version 1 and this client speaks 2 (update one of them)"
    );
}

#[test]
fn arbitrary_bytes_to_the_host_cut_off_the_sender_and_never_stop_the_room() {
    let room = room();
    let addr = room.local_addr().unwrap().to_string();
    let mut runner = TestRunner::new(Config::with_cases(48));
    let case = std::sync::atomic::AtomicU32::new(0);
    let strategy = (
        any::<bool>(),
        proptest::collection::vec(any::<u8>().prop_filter("one line", |b| *b != b'\n'), 0..256),
    );
    runner
        .run(&strategy, |(after_hello, bytes)| {
            let case = case.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let mut stream = TcpStream::connect(&addr).unwrap();
            if after_hello {
                let hello = format!(
                    "{{\"type\":\"hello\",\"version\":1,\"name\":\"fuzz-{case}\",\"code\":\"fuzz\"}}\n"
                );
                stream.write_all(hello.as_bytes()).unwrap();
            }
            let mut line = bytes.clone();
            line.push(b'\n');
            let _ = stream.write_all(&line);
            if decode::<ClientMessage>(&line).is_err() {
                // Garbage: the host refuses and closes (after the welcome, when joined).
                let lines = lines_until_closed(&stream);
                let last = lines.last().expect("the host said something");
                prop_assert!(
                    matches!(decode::<HostMessage>(last.as_bytes()), Ok(HostMessage::Refused { .. })),
                    "{lines:?}"
                );
            }
            Ok(())
        })
        .unwrap();
    // The room still takes players.
    let (_connection, welcome) =
        join(&addr, "after-the-fuzz", "FUZZ", Duration::from_secs(20)).expect("joins");
    assert_eq!(welcome.name, "after-the-fuzz");
}
