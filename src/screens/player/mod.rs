//! The player's screen of a team session (F14): waiting in the lobby, each question answered
//! with the quiz's keys against the countdown, then whether it was right, the explanation, the
//! points and the rank; the scoreboard between rounds and the top of the room at the end. The
//! connection sits behind a [`PlayerLink`] (the engine's `PlayerConnection`, a fake in tests).
//! Every answer revealed is also kept in the player's own progress.

mod keys;
mod link;
mod view;

pub use link::Connection;

use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Chrome, Context, Reaction, Record, ScreenState};
use crate::content::{Question, QuestionKind};
use crate::input::answer::{AnswerInput, InputEvent};
use crate::input::{Action, Keymap};
use crate::progress::{ItemKind, Mode, Outcome};
use crate::quiz::{Answer, SessionQuestion};
use crate::session::protocol::{HostMessage, Standing, WireAnswer, WireKind, WireVerdict};

/// What the player's screen needs of a connection to the host.
pub trait PlayerLink {
    /// Sends the answer to `round`, in shown positions; an error says why it could not be sent.
    fn answer(&self, round: u32, answer: WireAnswer) -> Result<(), String>;
    /// What arrived since the last call (never blocks).
    fn poll(&self) -> Vec<LinkEvent>;
    /// Connects again with the same name and code.
    fn rejoin(&self) -> Result<Joined, String>;
}

pub enum LinkEvent {
    Message(HostMessage),
    /// The connection is gone; why, already inert.
    Lost(String),
}

/// The host's welcome, as the engine's client hands it over.
pub use crate::session::client::Welcome as Joined;

/// An open round as the player sees it.
pub struct Round {
    pub round: u32,
    pub rounds: u32,
    pub topic: String,
    /// The question rebuilt from the message (options in shown order), so the quiz's input and
    /// layout serve it unchanged.
    pub question: SessionQuestion,
    pub remaining: Duration,
    pub paused: bool,
    pub answered: bool,
}

pub struct Revealed {
    pub right: Vec<usize>,
    pub explanation: String,
    pub lesson: String,
    pub verdict: WireVerdict,
    pub points: u32,
    pub score: u32,
    pub rank: u32,
    pub players: u32,
}

pub enum Phase {
    Waiting {
        players: u32,
    },
    Question,
    Reveal(Box<Revealed>),
    Scoreboard {
        round: u32,
        top: Vec<Standing>,
        you: Standing,
    },
    Ended {
        top: Vec<Standing>,
        you: Standing,
    },
}

const TICK: Duration = Duration::from_millis(50);

pub struct PlayerScreen {
    link: Arc<dyn PlayerLink>,
    pub joined: Joined,
    pub phase: Phase,
    /// The last round opened (kept for its reveal).
    pub round: Option<Round>,
    pub input: AnswerInput,
    /// What the player sent for the open round, to mark it on the reveal.
    pub sent: Option<WireAnswer>,
    /// Why the connection was lost, while it is.
    pub lost: Option<String>,
    /// Something to say in the footer at the next tick (an answer the host refused).
    note: Option<String>,
    last_tick: Option<Instant>,
}

impl PlayerScreen {
    pub fn new(link: Arc<dyn PlayerLink>, joined: Joined) -> Self {
        Self {
            link,
            joined,
            phase: Phase::Waiting { players: 0 },
            round: None,
            input: AnswerInput::default(),
            sent: None,
            lost: None,
            note: None,
            last_tick: None,
        }
    }

    /// Takes in what the host sent; returns what progress should keep.
    pub fn receive(&mut self, message: HostMessage) -> Vec<Record> {
        match message {
            HostMessage::Welcome { .. } | HostMessage::Refused { .. } => {}
            HostMessage::Lobby { players } => self.phase = Phase::Waiting { players },
            HostMessage::Question {
                round,
                rounds,
                topic,
                prompt,
                kind,
                options,
                remaining_ms,
                answered,
                ..
            } => {
                let question = session_question(&prompt, kind, options, &topic);
                self.input = AnswerInput::for_question(&question);
                if self.round.as_ref().is_none_or(|r| r.round != round) {
                    self.sent = None;
                }
                self.round = Some(Round {
                    round,
                    rounds,
                    topic,
                    question,
                    remaining: Duration::from_millis(remaining_ms),
                    paused: false,
                    answered,
                });
                self.phase = Phase::Question;
            }
            HostMessage::AnswerTaken { .. } => {}
            HostMessage::AnswerRefused { round, reason } => {
                if let Some(open) = self.round.as_mut().filter(|r| r.round == round) {
                    open.answered = false;
                    self.sent = None;
                }
                self.note = Some(reason);
            }
            HostMessage::Paused { round } => self.pause(round, None),
            HostMessage::Resumed {
                round,
                remaining_ms,
            } => self.pause(round, Some(remaining_ms)),
            HostMessage::Reveal {
                question_id,
                right,
                explanation,
                lesson,
                verdict,
                grade,
                points,
                score,
                rank,
                players,
                ..
            } => {
                self.phase = Phase::Reveal(Box::new(Revealed {
                    right,
                    explanation,
                    lesson,
                    verdict,
                    points,
                    score,
                    rank,
                    players,
                }));
                if verdict != WireVerdict::Missed {
                    return vec![Record::Answer {
                        kind: ItemKind::Question,
                        id: question_id,
                        outcome: Outcome::Score(grade.clamp(0.0, 1.0)),
                        mode: Mode::Quiz,
                    }];
                }
            }
            HostMessage::Scoreboard {
                round, top, you, ..
            } => self.phase = Phase::Scoreboard { round, top, you },
            HostMessage::Ended { top, you } => self.phase = Phase::Ended { top, you },
        }
        Vec::new()
    }

    fn pause(&mut self, round: u32, resumed: Option<u64>) {
        if let Some(open) = self.round.as_mut().filter(|r| r.round == round) {
            open.paused = resumed.is_none();
            if let Some(ms) = resumed {
                open.remaining = Duration::from_millis(ms);
            }
        }
    }

    /// Drains the connection and moves the countdown on.
    fn tick(&mut self, now: Instant) -> Reaction {
        let elapsed = self
            .last_tick
            .map(|last| now.saturating_duration_since(last))
            .unwrap_or_default();
        self.last_tick = Some(now);
        if let Some(open) = self.round.as_mut()
            && !open.paused
            && matches!(self.phase, Phase::Question)
        {
            open.remaining = open.remaining.saturating_sub(elapsed);
        }
        let mut records = Vec::new();
        for event in self.link.poll() {
            match event {
                LinkEvent::Message(message) => records.extend(self.receive(message)),
                LinkEvent::Lost(why) => self.lost = Some(why),
            }
        }
        let message = self.note.take();
        Reaction {
            message,
            ..Reaction::keep(records)
        }
    }

    fn answering(&self) -> bool {
        self.lost.is_none()
            && matches!(self.phase, Phase::Question)
            && self.round.as_ref().is_some_and(|r| !r.answered)
    }

    fn answer(&mut self, action: Action) -> Reaction {
        let Some(open) = self.round.as_mut() else {
            return Reaction::none();
        };
        let answer = match self.input.act(action, &open.question) {
            InputEvent::Submit(answer) => answer,
            InputEvent::Refused(why) => return Reaction::message(why),
            InputEvent::Changed | InputEvent::Unchanged => return Reaction::none(),
        };
        let wire = match answer {
            Answer::Choice(i) => WireAnswer::Choice(i),
            Answer::Choices(all) => WireAnswer::Choices(all),
            Answer::Bool(b) => WireAnswer::Bool(b),
            _ => return Reaction::none(),
        };
        match self.link.answer(open.round, wire.clone()) {
            Ok(()) => {
                open.answered = true;
                self.sent = Some(wire);
                Reaction::none()
            }
            Err(why) => Reaction::message(format!("The answer was not sent: {why}")),
        }
    }

    fn rejoin(&mut self) -> Reaction {
        match self.link.rejoin() {
            Ok(joined) => {
                self.joined = joined;
                self.lost = None;
                self.phase = Phase::Waiting { players: 0 };
                Reaction::message("Joined again: your score is kept.")
            }
            Err(why) => Reaction::message(format!("Could not join again: {why}")),
        }
    }
}

/// A question as the quiz's input and layout know it, built from the host's message: options in
/// shown order (so a shown position is an option's index), no answer known.
fn session_question(
    prompt: &str,
    kind: WireKind,
    options: Vec<String>,
    topic: &str,
) -> SessionQuestion {
    let count = options.len();
    let kind = match kind {
        WireKind::SingleChoice => QuestionKind::SingleChoice { options, answer: 0 },
        WireKind::MultiSelect => QuestionKind::MultiSelect {
            options,
            answers: Vec::new(),
        },
        WireKind::TrueFalse => QuestionKind::TrueFalse { answer: true },
    };
    let display_order = match kind {
        QuestionKind::TrueFalse { .. } => Vec::new(),
        _ => (0..count).collect(),
    };
    SessionQuestion {
        question: Question {
            id: String::new(),
            prompt: prompt.to_string(),
            kind,
            explanation: String::new(),
            see: String::new(),
        },
        topic_id: String::new(),
        topic_title: topic.to_string(),
        display_order,
    }
}

impl ScreenState for PlayerScreen {
    fn keymap(&self) -> Keymap {
        if self.lost.is_some() {
            keys::LOST
        } else if self.answering() {
            keys::ANSWERING
        } else {
            keys::WATCHING
        }
    }

    fn act(&mut self, action: Action, _cx: &Context) -> Reaction {
        match action {
            Action::Tick(now) => self.tick(now),
            Action::Rejoin if self.lost.is_some() => self.rejoin(),
            _ if self.answering() => self.answer(action),
            _ => Reaction::none(),
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Context) -> Chrome {
        view::draw_player(frame, area, cx.theme, self)
    }

    fn tick_interval(&self) -> Option<Duration> {
        Some(TICK)
    }

    fn leave_warning(&self) -> Option<&'static str> {
        let over = matches!(self.phase, Phase::Ended { .. }) || self.lost.is_some();
        (!over).then_some("This leaves the team session (join again with the same name to go on)")
    }
}
