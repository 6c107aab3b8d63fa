//! What the team session tests share: a bounded wait on the room's view, and a client that
//! speaks raw lines, for the ones that misbehave.

#![allow(dead_code)] // each includer uses a different part

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use aks_tutor::session::protocol::{ClientMessage, HostMessage, encode};
use aks_tutor::session::{HostView, Room};

/// How long any wait may last before the test fails with what it waited for.
pub const WAIT: Duration = Duration::from_secs(20);

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
