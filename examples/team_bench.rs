//! How soon a room's reveal reaches every player after the last answer: 50 players over
//! loopback play 20 rounds; each player answers as soon as the question arrives, and a round's
//! latency is from the last answer sent (by any player) to the reveal received by the last
//! player. The median and 95th percentile are printed. Figures come from here, never from tests.
//!
//! ```text
//! cargo run --release --example team_bench [ROUNDS]
//! ```

use std::collections::HashMap;
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use aks_tutor::content::{self, EmbeddedCourse};
use aks_tutor::session::protocol::{HostMessage, WireAnswer, WireKind};
use aks_tutor::session::{
    HostCommand, HostPhase, PlayerEvent, Room, RoomConfig, SessionRequest, join, round_questions,
};

const PLAYERS: usize = 50;
const WAIT: Duration = Duration::from_secs(30);

/// Per round: when each player sent its answer and when it saw the reveal.
#[derive(Default)]
struct Times {
    sent: HashMap<u32, Vec<Instant>>,
    revealed: HashMap<u32, Vec<Instant>>,
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    let course = content::load(&EmbeddedCourse).expect("the embedded course loads");
    let request = SessionRequest {
        topics: Vec::new(),
        count: Some(rounds),
        seed: 7,
    };
    let questions = round_questions(&course, &request).expect("questions");
    let rounds = questions.len();
    let config = RoomConfig {
        title: "Bench".into(),
        questions,
        time_limit: Duration::from_secs(120),
        code: "BNCH".into(),
        local_players: None,
        files: None,
    };
    let room = Room::open(config, Some(TcpListener::bind("127.0.0.1:0").unwrap())).unwrap();
    let addr = room.local_addr().unwrap().to_string();
    let times = Arc::new(Mutex::new(Times::default()));
    let players: Vec<_> = (0..PLAYERS)
        .map(|i| {
            let (addr, times) = (addr.clone(), times.clone());
            thread::spawn(move || player(&addr, i, &times))
        })
        .collect();
    wait(&room, |phase, connected| {
        matches!(phase, HostPhase::Lobby { .. }) && connected == PLAYERS
    });
    for round in 1..=rounds as u32 {
        room.command(HostCommand::Next);
        wait(
            &room,
            |phase, _| matches!(phase, HostPhase::Reveal { round: r, .. } if *r == round),
        );
        // Every player has the reveal before the next round opens.
        let start = Instant::now();
        while times
            .lock()
            .unwrap()
            .revealed
            .get(&round)
            .map_or(0, Vec::len)
            < PLAYERS
        {
            assert!(
                start.elapsed() < WAIT,
                "round {round}: not every player saw the reveal"
            );
            thread::sleep(Duration::from_millis(1));
        }
        room.command(HostCommand::Next);
        wait(&room, |phase, _| {
            matches!(phase, HostPhase::Scoreboard { .. })
        });
    }
    room.command(HostCommand::Next);
    for p in players {
        p.join().unwrap();
    }
    let times = times.lock().unwrap();
    let mut latencies: Vec<Duration> = (1..=rounds as u32)
        .map(|round| {
            let last_sent = times.sent[&round].iter().max().unwrap();
            let last_seen = times.revealed[&round].iter().max().unwrap();
            last_seen.saturating_duration_since(*last_sent)
        })
        .collect();
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q).round() as usize];
    println!(
        "{PLAYERS} players, {rounds} rounds: last answer sent → reveal on every client: median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        at(0.5).as_secs_f64() * 1e3,
        at(0.95).as_secs_f64() * 1e3,
        latencies.last().unwrap().as_secs_f64() * 1e3
    );
}

fn wait(room: &Room, ready: impl Fn(&HostPhase, usize) -> bool) {
    let start = Instant::now();
    loop {
        let (_, view) = room.view();
        let connected = view.players.iter().filter(|p| p.connected).count();
        if ready(&view.phase, connected) {
            return;
        }
        assert!(
            start.elapsed() < WAIT,
            "the room is stuck at {:?}",
            view.phase
        );
        thread::sleep(Duration::from_millis(1));
    }
}

fn player(addr: &str, i: usize, times: &Mutex<Times>) {
    let (conn, _) = join(addr, &format!("p{i}"), "BNCH", WAIT).expect("joins");
    loop {
        match conn.wait(WAIT).expect("the host speaks") {
            PlayerEvent::Message(HostMessage::Question { round, kind, .. }) => {
                let answer = match kind {
                    WireKind::SingleChoice => WireAnswer::Choice(i % 2),
                    WireKind::MultiSelect => WireAnswer::Choices(vec![i % 2]),
                    WireKind::TrueFalse => WireAnswer::Bool(i.is_multiple_of(2)),
                };
                // Taken before the write, so the write itself counts against the room.
                let sent = Instant::now();
                conn.answer(round, answer).expect("answers");
                times
                    .lock()
                    .unwrap()
                    .sent
                    .entry(round)
                    .or_default()
                    .push(sent);
            }
            PlayerEvent::Message(HostMessage::Reveal { round, .. }) => {
                let seen = Instant::now();
                times
                    .lock()
                    .unwrap()
                    .revealed
                    .entry(round)
                    .or_default()
                    .push(seen);
            }
            PlayerEvent::Message(HostMessage::Ended { .. }) => return,
            PlayerEvent::Message(_) => {}
            PlayerEvent::Lost(why) => panic!("p{i} lost the host: {why}"),
        }
    }
}
