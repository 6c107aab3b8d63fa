//! The limits a room puts on clients, made small so they show at once: a hello that does not
//! come in time, and more connections than the room takes.

use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

use aks_tutor::session::protocol::{HostMessage, decode};
use aks_tutor::session::{Limits, Room};

#[path = "common/session.rs"]
mod session_support;
use session_support::{network_room, questions};

fn room(limits: Limits) -> Room {
    let config = network_room("Limits", "LMTS", questions(1, 1), Duration::from_secs(30));
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    Room::open_with(config, Some(listener), limits).expect("opens")
}

fn first_refusal(stream: &TcpStream) -> Option<String> {
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let mut line = String::new();
    BufReader::new(stream).read_line(&mut line).ok()?;
    match decode::<HostMessage>(line.as_bytes()) {
        Ok(HostMessage::Refused { reason }) => Some(reason),
        _ => None,
    }
}

#[test]
fn a_client_that_says_nothing_is_refused_after_the_hello_timeout() {
    let room = room(Limits {
        hello_timeout: Duration::from_millis(100),
        ..Limits::default()
    });
    let silent = TcpStream::connect(room.local_addr().unwrap()).unwrap();
    let reason = first_refusal(&silent).expect("refused");
    assert!(reason.contains("no hello within"), "{reason}");
    let start = std::time::Instant::now();
    loop {
        let (_, view) = room.view();
        if view.notices.iter().any(|n| n.contains("no hello")) {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{:?}",
            view.notices
        );
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[test]
fn connections_beyond_the_cap_are_turned_away() {
    let room = room(Limits {
        max_connections: 2,
        ..Limits::default()
    });
    let addr = room.local_addr().unwrap();
    let _first = TcpStream::connect(addr).unwrap();
    let _second = TcpStream::connect(addr).unwrap();
    let third = TcpStream::connect(addr).unwrap();
    assert_eq!(first_refusal(&third).as_deref(), Some("the room is full"));
}

#[test]
fn closing_the_room_closes_the_listener_and_every_connection() {
    let room = room(Limits::default());
    let addr = room.local_addr().unwrap();
    let (player, _) =
        aks_tutor::session::join(&addr.to_string(), "Ana", "LMTS", Duration::from_secs(20))
            .expect("joins");
    // One still to say hello, which the room must close too.
    let quiet = TcpStream::connect(addr).unwrap();
    drop(room);
    let lost = loop {
        match player.wait(Duration::from_secs(20)).expect("told") {
            aks_tutor::session::PlayerEvent::Lost(why) => break why,
            aks_tutor::session::PlayerEvent::Message(_) => continue,
        }
    };
    assert!(lost.contains("closed"), "{lost}");
    quiet
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let mut line = String::new();
    assert_eq!(BufReader::new(&quiet).read_line(&mut line).ok(), Some(0));
    assert!(TcpStream::connect(addr).is_err(), "the listener is closed");
}

#[test]
fn an_address_that_keeps_guessing_the_code_is_turned_away_even_with_the_right_one() {
    use aks_tutor::session::client::{JoinError, join};
    let room = room(Limits {
        max_wrong_codes: 3,
        // Counted here because the test can only come from loopback.
        count_loopback_codes: true,
        ..Limits::default()
    });
    let addr = room.local_addr().unwrap().to_string();
    let wait = Duration::from_secs(20);
    for guess in ["AAAA", "BBBB", "CCCC"] {
        match join(&addr, "Mallory", guess, wait) {
            Err(JoinError::Refused { reason, .. }) => assert_eq!(reason, "wrong join code"),
            other => panic!("a wrong code is refused: {:?}", other.map(|_| ())),
        }
    }
    match join(&addr, "Mallory", "LMTS", wait) {
        Err(JoinError::Refused { reason, .. }) => {
            assert!(reason.contains("too many wrong join codes"), "{reason}")
        }
        other => panic!("turned away: {:?}", other.map(|_| ())),
    }
}
