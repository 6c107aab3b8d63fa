//! What the facilitator's screen draws: a snapshot of the room, published by the room after
//! every change. The host screen only reads it (and sends [`HostCommand`]s); it never sees a
//! socket or the game's rules.

use std::time::Duration;

use crate::quiz::SessionQuestion;

use super::protocol::Standing;

/// What the facilitator asks of the room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostCommand {
    /// Lobby → first question; reveal → scoreboard; scoreboard → next question (or the end).
    Next,
    /// Stop / restart the countdown of the open round.
    Pause,
    Resume,
    /// Close the open round at once and reveal it; on a reveal or scoreboard, go straight
    /// to the next question.
    Skip,
    /// Finish the session now: podium, report.
    End,
    /// `--local` only: the answer given aloud by `player` (an index into
    /// [`HostView::players`]) to the open round, in shown positions.
    AnswerFor {
        player: usize,
        answer: super::protocol::WireAnswer,
    },
}

/// A snapshot of the room for the host screen.
#[derive(Debug, Clone, PartialEq)]
pub struct HostView {
    pub title: String,
    /// Where players join (`None` for a `--local` session) and the code they need.
    pub address: Option<String>,
    pub code: String,
    /// Players in the order they joined.
    pub players: Vec<PlayerRow>,
    pub rounds: u32,
    pub phase: HostPhase,
    /// Things the facilitator should know, newest last (a client cut off, the session saved,
    /// where the report was written). Already inert.
    pub notices: Vec<String>,
    /// How points are given, in a sentence (shown on the scoreboard).
    pub scoring: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlayerRow {
    pub name: String,
    pub connected: bool,
    pub score: u32,
    /// Answered the open round (shown only as a count on the question screen; `--local`
    /// shows who is still to answer, since the facilitator keys it).
    pub answered: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum HostPhase {
    /// Waiting to start; `played` rounds were played before (a resumed session), 0 when new.
    Lobby { played: u32 },
    Question {
        round: u32,
        question: Box<SessionQuestion>,
        limit: Duration,
        remaining: Duration,
        paused: bool,
        answers_in: u32,
    },
    Reveal {
        round: u32,
        question: Box<SessionQuestion>,
        /// Per shown option (True, False for true/false): how many chose it. A multi-select
        /// answer counts once for each option ticked.
        distribution: Vec<u32>,
        /// Shown positions of the right options.
        right: Vec<usize>,
        /// How many answered right, and how many did not answer.
        right_count: u32,
        missed: u32,
        /// The lesson the question comes from, as a title.
        lesson: String,
    },
    Scoreboard {
        round: u32,
        standings: Vec<Standing>,
        /// Points each player won in the round just played, by name.
        gained: Vec<(String, u32)>,
    },
    Finished {
        standings: Vec<Standing>,
        /// The questions the room missed most: prompt and the share who got it right.
        most_missed: Vec<MissedQuestion>,
        /// Where the report was written, when it was.
        report: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct MissedQuestion {
    pub question_id: String,
    pub prompt: String,
    pub right_share: f64,
}
