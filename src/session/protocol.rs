//! The wire protocol between `host` and `join`: version 1, one JSON object per line over TCP.
//!
//! Line-delimited JSON (serde_json, already a dependency) rather than a protocol crate: the
//! messages are few and small, a line is easy to bound (a reader refuses a line longer than
//! [`MAX_LINE_BYTES`] before parsing it), and a facilitator can watch a session with `nc`.
//! Every message carries a `"type"` tag; unknown fields are refused so that a mistyped client
//! is told at once rather than half understood.
//!
//! Positions in answers and in the reveal are positions *as shown* (the host shuffles options
//! once per round and sends them in that order); the host maps them back to the question's
//! own order to grade.

use serde::{Deserialize, Serialize};

/// The protocol version this build speaks. A hello with another version is refused with a
/// message naming both.
pub const PROTOCOL_VERSION: u32 = 1;

/// The longest line either side accepts, newline included. A client's messages are far
/// smaller; a host's largest (a question with its options, a scoreboard) stay well under it.
pub const MAX_LINE_BYTES: usize = 16 * 1024;

/// What a player's client sends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum ClientMessage {
    /// The first message: who joins, with the room's code.
    Hello {
        version: u32,
        name: String,
        code: String,
    },
    /// An answer to round `round` (1-based). Only the first answer to a round counts.
    Answer { round: u32, answer: WireAnswer },
    /// The player leaves for good (a dropped connection may rejoin under the same name).
    Bye {},
}

/// An answer as the player chose it, in shown positions (0-based).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum WireAnswer {
    Choice(usize),
    Choices(Vec<usize>),
    Bool(bool),
}

/// The kind of a round's question, as the player answers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WireKind {
    SingleChoice,
    MultiSelect,
    TrueFalse,
}

/// How a player's answer to a round fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WireVerdict {
    Right,
    Partial,
    Wrong,
    /// No answer before the reveal.
    Missed,
}

/// One row of a scoreboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Standing {
    /// 1-based; players with equal scores share a rank.
    pub rank: u32,
    pub name: String,
    pub score: u32,
}

/// What the host sends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum HostMessage {
    /// The hello was accepted. `name` is the name as the room shows it (made inert);
    /// `rejoined` when a player of that name had dropped, keeping `score`.
    Welcome {
        version: u32,
        name: String,
        title: String,
        rounds: u32,
        score: u32,
        rejoined: bool,
        /// How scores are computed, in a sentence, for the player's screen.
        scoring: String,
    },
    /// The hello (or a later message) was refused; the host closes the connection after it.
    Refused {
        reason: String,
    },
    /// Waiting in the lobby: how many players are in.
    Lobby {
        players: u32,
    },
    /// A round opens (or is re-sent to a player who joined mid-round).
    Question {
        round: u32,
        rounds: u32,
        topic: String,
        prompt: String,
        kind: WireKind,
        /// In shown order; empty for true/false.
        options: Vec<String>,
        /// The whole time for the round, and what is left of it when sent.
        seconds: u32,
        remaining_ms: u64,
        /// Whether this player has already answered this round (a rejoin mid-round).
        answered: bool,
    },
    /// The answer to `round` was taken (only the first counts).
    AnswerTaken {
        round: u32,
    },
    /// The answer was not taken (the round is closed, or the answer does not fit the question).
    AnswerRefused {
        round: u32,
        reason: String,
    },
    /// The facilitator paused the countdown / resumed it with `remaining_ms` left.
    Paused {
        round: u32,
    },
    Resumed {
        round: u32,
        remaining_ms: u64,
    },
    /// The round's answer is out.
    Reveal {
        round: u32,
        /// The question's stable id, so the player's own progress keeps the answer.
        question_id: String,
        /// Shown positions of the right options (for true/false: 0 = True, 1 = False).
        right: Vec<usize>,
        explanation: String,
        /// The lesson it comes from, as a title.
        lesson: String,
        verdict: WireVerdict,
        /// The player's grade from 0.0 to 1.0, as their progress keeps it.
        grade: f64,
        points: u32,
        score: u32,
        rank: u32,
        players: u32,
    },
    /// The scoreboard after a round: the top of the room and this player's place.
    Scoreboard {
        round: u32,
        rounds: u32,
        top: Vec<Standing>,
        you: Standing,
    },
    /// The session is over.
    Ended {
        top: Vec<Standing>,
        you: Standing,
    },
}

/// Why a line could not be read as a message.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LineError {
    #[error("a line of more than {MAX_LINE_BYTES} bytes")]
    TooLong,
    #[error("a line that is not UTF-8")]
    NotUtf8,
    #[error("a line that is not a message: {0}")]
    NotAMessage(String),
}

/// One message as a line, newline included.
pub fn encode<T: Serialize>(message: &T) -> String {
    let mut line = serde_json::to_string(message).expect("protocol messages always serialize");
    line.push('\n');
    line
}

/// Parses one line (with or without its newline).
pub fn decode<T: for<'de> Deserialize<'de>>(line: &[u8]) -> Result<T, LineError> {
    if line.len() > MAX_LINE_BYTES {
        return Err(LineError::TooLong);
    }
    let text = std::str::from_utf8(line).map_err(|_| LineError::NotUtf8)?;
    serde_json::from_str(text.trim_end_matches(['\n', '\r']))
        .map_err(|error| LineError::NotAMessage(error.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hello_round_trips_as_one_tagged_line() {
        let hello = ClientMessage::Hello {
            version: PROTOCOL_VERSION,
            name: "Ana".into(),
            code: "K7QX".into(),
        };
        let line = encode(&hello);
        assert_eq!(
            line,
            "{\"type\":\"hello\",\"version\":1,\"name\":\"Ana\",\"code\":\"K7QX\"}\n"
        );
        assert_eq!(decode::<ClientMessage>(line.as_bytes()), Ok(hello));
    }

    #[test]
    fn an_answer_round_trips() {
        let answer = ClientMessage::Answer {
            round: 3,
            answer: WireAnswer::Choices(vec![0, 2]),
        };
        assert_eq!(
            decode::<ClientMessage>(encode(&answer).as_bytes()),
            Ok(answer)
        );
    }

    #[test]
    fn an_oversized_line_is_refused_before_parsing() {
        let line = vec![b' '; MAX_LINE_BYTES + 1];
        assert_eq!(decode::<ClientMessage>(&line), Err(LineError::TooLong));
    }

    #[test]
    fn unknown_fields_and_types_are_refused() {
        for line in [
            "{\"type\":\"bye\",\"extra\":1}",
            "{\"type\":\"shout\"}",
            "not json",
            "",
        ] {
            assert!(
                matches!(
                    decode::<ClientMessage>(line.as_bytes()),
                    Err(LineError::NotAMessage(_))
                ),
                "{line}"
            );
        }
        assert_eq!(
            decode::<ClientMessage>(&[0xff, b'\n']),
            Err(LineError::NotUtf8)
        );
    }
}
