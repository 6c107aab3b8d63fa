//! What the team session tests share: questions and a networked room's settings, a bounded
//! wait on the room's view, and a client that speaks raw lines, for the ones that misbehave.

#![allow(dead_code)] // each includer uses a different part

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use aks_tutor::content::{self, EmbeddedCourse};
use aks_tutor::session::protocol::{ClientMessage, HostMessage, encode};
use aks_tutor::session::{
    HostView, Room, RoomConfig, RoundQuestion, SessionRequest, round_questions,
};

/// How long any wait may last before the test fails with what it waited for.
pub const WAIT: Duration = Duration::from_secs(20);

/// `count` questions of the built-in course, as a room with `seed` asks them.
pub fn questions(count: usize, seed: u64) -> Vec<RoundQuestion> {
    let course = content::load(&EmbeddedCourse).expect("the embedded course loads");
    let request = SessionRequest {
        topics: Vec::new(),
        count: Some(count),
        seed,
    };
    round_questions(&course, &request).expect("questions")
}

/// A room players join over the network, writing nothing to disk.
pub fn network_room(
    title: &str,
    code: &str,
    questions: Vec<RoundQuestion>,
    time_limit: Duration,
) -> RoomConfig {
    RoomConfig {
        title: title.into(),
        questions,
        time_limit,
        code: code.into(),
        local_players: None,
        files: None,
    }
}

pub fn wait_for(
    room: &Room,
    what: &str,
    mut ready: impl FnMut(&HostView) -> bool,
) -> Arc<HostView> {
    let start = Instant::now();
    loop {
        let (_, view) = room.view();
        if ready(&view) {
            return view;
        }
        assert!(
            start.elapsed() < WAIT,
            "waited for {what}; the room shows {view:#?}"
        );
        thread::sleep(Duration::from_millis(2));
    }
}

/// A client speaking raw lines, for the ones that misbehave.
pub struct Raw {
    stream: TcpStream,
    reader: BufReader<TcpStream>,
}

impl Raw {
    pub fn connect(addr: &str) -> Raw {
        let stream = TcpStream::connect(addr).expect("connects");
        stream.set_read_timeout(Some(WAIT)).unwrap();
        let reader = BufReader::new(stream.try_clone().unwrap());
        Raw { stream, reader }
    }

    pub fn hello(addr: &str, name: &str, version: u32, code: &str) -> (Raw, HostMessage) {
        let mut raw = Raw::connect(addr);
        raw.send(&encode(&ClientMessage::Hello {
            version,
            name: name.to_string(),
            code: code.to_string(),
        }));
        let first = raw.next().expect("an answer to the hello");
        (raw, first)
    }

    pub fn send(&mut self, text: &str) {
        // A write may fail once the host has cut us off; that is what some tests want.
        let _ = self.stream.write_all(text.as_bytes());
    }

    pub fn next(&mut self) -> Option<HostMessage> {
        let mut line = String::new();
        match self.reader.read_line(&mut line) {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(serde_json::from_str(&line).expect("the host sends messages")),
        }
    }

    /// Reads until the host closes; returns the refusal it gave, if any.
    pub fn refusal(&mut self) -> Option<String> {
        let mut reason = None;
        while let Some(message) = self.next() {
            if let HostMessage::Refused { reason: r } = message {
                reason = Some(r);
            }
        }
        reason
    }
}
