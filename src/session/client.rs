//! The player's side of a room: connect, say hello, then a reader thread turns the host's
//! lines into [`PlayerEvent`]s on a channel the player screen drains without blocking.

use std::io::{BufReader, Write};
use std::net::{Shutdown, SocketAddr, TcpStream, ToSocketAddrs};
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::thread;
use std::time::{Duration, Instant};

use crate::inert::sanitize;

use super::lines::{DeadlineReader, LineRead, is_timeout, read_line_bounded};
use super::protocol::{
    ClientMessage, HostMessage, MAX_LINE_BYTES, PROTOCOL_VERSION, WireAnswer, decode, encode,
};

/// How long a write to the host may take before the connection counts as lost.
const WRITE_TIMEOUT: Duration = Duration::from_secs(5);

/// What the host said on joining.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Welcome {
    pub name: String,
    pub title: String,
    pub rounds: u32,
    pub score: u32,
    pub rejoined: bool,
    pub scoring: String,
}

/// What arrives from the host after joining.
#[derive(Debug, Clone, PartialEq)]
pub enum PlayerEvent {
    Message(HostMessage),
    /// The connection is gone, with why (inert).
    Lost(String),
}

#[derive(Debug, thiserror::Error)]
pub enum JoinError {
    #[error(
        "“{addr}” is not an address to join (expected HOST:PORT, e.g. 127.0.0.1:7878): {reason}"
    )]
    BadAddress { addr: String, reason: String },
    #[error("cannot connect to {addr}: {source}")]
    Connect {
        addr: String,
        source: std::io::Error,
    },
    #[error("refused by the host at {addr}: {reason}")]
    Refused { addr: String, reason: String },
    #[error(
        "the host at {addr} speaks protocol version {host} and this aks-tutor speaks {PROTOCOL_VERSION} (update one of them)"
    )]
    Version { addr: String, host: u32 },
    #[error("no answer from {addr} within {} s", .seconds)]
    NoAnswer { addr: String, seconds: u64 },
    #[error("the host at {addr} sent something this aks-tutor does not understand: {reason}")]
    Garbled { addr: String, reason: String },
    #[error("lost the connection to {addr}: {source}")]
    Lost {
        addr: String,
        source: std::io::Error,
    },
}

/// A joined player's connection. Dropping it closes the connection.
pub struct PlayerConnection {
    addr: String,
    writer: Mutex<TcpStream>,
    events: Receiver<PlayerEvent>,
}

/// Connects and says hello; waits (at most `timeout`) for Welcome or Refused.
pub fn join(
    addr: &str,
    name: &str,
    code: &str,
    timeout: Duration,
) -> Result<(PlayerConnection, Welcome), JoinError> {
    let shown = sanitize(addr).to_string();
    let targets: Vec<SocketAddr> = addr
        .to_socket_addrs()
        .map_err(|e| JoinError::BadAddress {
            addr: shown.clone(),
            reason: e.to_string(),
        })?
        .collect();
    let mut last = None;
    let mut stream = None;
    for target in targets {
        match TcpStream::connect_timeout(&target, timeout) {
            Ok(connected) => {
                stream = Some(connected);
                break;
            }
            Err(error) => last = Some(error),
        }
    }
    let stream = stream.ok_or_else(|| JoinError::Connect {
        addr: shown.clone(),
        source: last.unwrap_or_else(|| std::io::ErrorKind::NotFound.into()),
    })?;
    let lost = |source| JoinError::Lost {
        addr: shown.clone(),
        source,
    };
    let _ = stream.set_nodelay(true);
    stream
        .set_write_timeout(Some(WRITE_TIMEOUT))
        .map_err(lost)?;
    let hello = ClientMessage::Hello {
        version: PROTOCOL_VERSION,
        name: name.to_string(),
        code: code.to_string(),
    };
    (&stream)
        .write_all(encode(&hello).as_bytes())
        .map_err(lost)?;
    let mut reader = BufReader::new(DeadlineReader {
        stream: stream.try_clone().map_err(lost)?,
        deadline: Some(Instant::now() + timeout),
    });
    let mut buf = Vec::new();
    let no_answer = || JoinError::NoAnswer {
        addr: shown.clone(),
        seconds: timeout.as_secs().max(1),
    };
    match read_line_bounded(&mut reader, &mut buf) {
        Ok(LineRead::Line) => {}
        Ok(LineRead::TooLong) => {
            return Err(JoinError::Garbled {
                addr: shown,
                reason: format!("a line of more than {MAX_LINE_BYTES} bytes"),
            });
        }
        Ok(LineRead::Closed) => {
            return Err(lost(std::io::ErrorKind::UnexpectedEof.into()));
        }
        Err(error) if is_timeout(&error) => return Err(no_answer()),
        Err(error) => return Err(lost(error)),
    }
    let welcome = match decode::<HostMessage>(&buf) {
        Ok(HostMessage::Welcome {
            version,
            name,
            title,
            rounds,
            score,
            rejoined,
            scoring,
        }) => {
            if version != PROTOCOL_VERSION {
                return Err(JoinError::Version {
                    addr: shown,
                    host: version,
                });
            }
            Welcome {
                name: sanitize(&name),
                title: sanitize(&title),
                rounds,
                score,
                rejoined,
                scoring: sanitize(&scoring),
            }
        }
        Ok(HostMessage::Refused { reason }) => {
            return Err(JoinError::Refused {
                addr: shown,
                reason: sanitize(&reason),
            });
        }
        Ok(other) => {
            return Err(JoinError::Garbled {
                addr: shown,
                reason: format!("{other:?} before a welcome"),
            });
        }
        Err(error) => {
            return Err(JoinError::Garbled {
                addr: shown,
                reason: error.to_string(),
            });
        }
    };
    reader.get_mut().deadline = None;
    stream.set_read_timeout(None).map_err(lost)?;
    let (sender, events) = channel();
    thread::Builder::new()
        .name("session-player-reader".into())
        .spawn(move || {
            let mut buf = Vec::new();
            let why = loop {
                match read_line_bounded(&mut reader, &mut buf) {
                    Ok(LineRead::Line) => match decode::<HostMessage>(&buf) {
                        Ok(message) => {
                            if sender.send(PlayerEvent::Message(inert(message))).is_err() {
                                return;
                            }
                        }
                        Err(error) => break format!("the host sent {error}"),
                    },
                    Ok(LineRead::TooLong) => {
                        break format!("the host sent a line of more than {MAX_LINE_BYTES} bytes");
                    }
                    Ok(LineRead::Closed) => break "the host closed the connection".to_string(),
                    Err(error) => break format!("the connection failed: {error}"),
                }
            };
            let _ = reader.get_ref().stream.shutdown(Shutdown::Both);
            let _ = sender.send(PlayerEvent::Lost(sanitize(&why)));
        })
        .map_err(lost)?;
    Ok((
        PlayerConnection {
            addr: shown,
            writer: Mutex::new(stream),
            events,
        },
        welcome,
    ))
}

impl PlayerConnection {
    pub fn answer(&self, round: u32, answer: WireAnswer) -> Result<(), JoinError> {
        self.send(&ClientMessage::Answer { round, answer })
    }

    /// Says goodbye (the name may rejoin later) and closes the connection.
    pub fn leave(self) -> Result<(), JoinError> {
        self.send(&ClientMessage::Bye {})
    }

    /// Non-blocking: what arrived since the last call.
    pub fn poll(&self) -> Vec<PlayerEvent> {
        self.events.try_iter().collect()
    }

    /// Waits up to `timeout` for the next event (for tests and tools; screens use `poll`).
    pub fn wait(&self, timeout: Duration) -> Option<PlayerEvent> {
        match self.events.recv_timeout(timeout) {
            Ok(event) => Some(event),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => None,
        }
    }

    /// The address joined, as given.
    pub fn addr(&self) -> &str {
        &self.addr
    }

    fn send(&self, message: &ClientMessage) -> Result<(), JoinError> {
        let mut stream = self.writer.lock().expect("the connection's writer");
        stream
            .write_all(encode(message).as_bytes())
            .map_err(|source| JoinError::Lost {
                addr: self.addr.clone(),
                source,
            })
    }
}

impl Drop for PlayerConnection {
    fn drop(&mut self) {
        if let Ok(stream) = self.writer.lock() {
            let _ = stream.shutdown(Shutdown::Both);
        }
    }
}

/// The host's message with every text made inert: the host is another machine, and what it
/// sends reaches this terminal and (the question id) this player's progress.
fn inert(message: HostMessage) -> HostMessage {
    let clean = |text: &mut String| {
        if !crate::inert::is_inert(text) {
            *text = sanitize(text);
        }
    };
    let mut message = message;
    match &mut message {
        HostMessage::Welcome {
            name,
            title,
            scoring,
            ..
        } => [name, title, scoring].into_iter().for_each(clean),
        HostMessage::Refused { reason } | HostMessage::AnswerRefused { reason, .. } => {
            clean(reason)
        }
        HostMessage::Question {
            topic,
            prompt,
            options,
            ..
        } => [topic, prompt]
            .into_iter()
            .chain(options.iter_mut())
            .for_each(clean),
        HostMessage::Reveal {
            question_id,
            explanation,
            lesson,
            ..
        } => [question_id, explanation, lesson]
            .into_iter()
            .for_each(clean),
        HostMessage::Scoreboard { top, you, .. } | HostMessage::Ended { top, you } => top
            .iter_mut()
            .chain(std::iter::once(you))
            .for_each(|standing| clean(&mut standing.name)),
        HostMessage::Lobby { .. }
        | HostMessage::AnswerTaken { .. }
        | HostMessage::Paused { .. }
        | HostMessage::Resumed { .. } => {}
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_host_sends_is_made_inert() {
        let message = inert(HostMessage::Question {
            round: 1,
            rounds: 1,
            topic: "t\u{1b}]0;owned\u{7}".into(),
            prompt: "p\u{1b}[2J".into(),
            kind: super::super::protocol::WireKind::SingleChoice,
            options: vec!["a\u{9b}31m".into()],
            seconds: 1,
            remaining_ms: 1,
            answered: false,
        });
        let HostMessage::Question {
            topic,
            prompt,
            options,
            ..
        } = message
        else {
            unreachable!()
        };
        assert_eq!((topic.as_str(), prompt.as_str()), ("t", "p"));
        assert!(crate::inert::is_inert(&options[0]));
    }
}
