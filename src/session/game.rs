//! The rules of a room, pure: no clock, no socket, no file. Time comes in as an `Instant`
//! argument, so a test can say "this answer came with 12 s left" and check the speed bonus
//! exactly; the room thread passes `Instant::now()`.
//!
//! A round opens (Question), takes the first answer of each player (later ones are refused),
//! and is revealed when every connected player has answered, when time is up or when the
//! facilitator skips. Points are final at the reveal and kept in [`RoundResult`]s, which is
//! also what the save and the report are made of.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use crate::quiz::{Grading, Verdict, grade};

pub use super::answers::{PlayerOutcome, RoundResult, Taken, right_positions};
use super::answers::{tally, to_answer};
pub use super::names::{Joined, MAX_NAME_CHARS, NameRefused, Player, clean_name};
use super::protocol::{WireAnswer, WireVerdict};
use super::rounds::RoundQuestion;
use super::scoring;

/// The countdown of the open round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    Running { deadline: Instant },
    Paused { remaining: Duration },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    Lobby,
    /// `index` is 0-based; the wire's round is `index + 1`.
    Question {
        index: usize,
        clock: Clock,
        answers: BTreeMap<usize, Taken>,
    },
    Reveal {
        index: usize,
    },
    Scoreboard {
        index: usize,
    },
    Finished,
}

/// The whole state of a room's game.
#[derive(Debug, Clone)]
pub struct Game {
    questions: Vec<RoundQuestion>,
    limit: Duration,
    players: Vec<Player>,
    phase: Phase,
    results: Vec<RoundResult>,
}

impl Game {
    pub fn new(questions: Vec<RoundQuestion>, limit: Duration) -> Self {
        Self {
            questions,
            limit,
            players: Vec::new(),
            phase: Phase::Lobby,
            results: Vec::new(),
        }
    }

    /// A game continued from a save: the players (all away) with their scores and the rounds
    /// revealed; the next Next opens the first round not revealed.
    pub fn restore(
        questions: Vec<RoundQuestion>,
        limit: Duration,
        players: Vec<Player>,
        results: Vec<RoundResult>,
    ) -> Self {
        let players = players
            .into_iter()
            .map(|p| Player {
                connected: false,
                ..p
            })
            .collect();
        Self {
            questions,
            limit,
            players,
            phase: Phase::Lobby,
            results,
        }
    }

    pub fn questions(&self) -> &[RoundQuestion] {
        &self.questions
    }
    pub fn limit(&self) -> Duration {
        self.limit
    }
    pub fn players(&self) -> &[Player] {
        &self.players
    }
    pub fn phase(&self) -> &Phase {
        &self.phase
    }
    pub fn results(&self) -> &[RoundResult] {
        &self.results
    }
    pub fn rounds(&self) -> u32 {
        self.questions.len() as u32
    }
    pub fn is_finished(&self) -> bool {
        self.phase == Phase::Finished
    }

    /// A player joins, or comes back to the score of a dropped player of the same name
    /// (case-insensitive). A connected player's name is refused.
    pub fn join(&mut self, raw_name: &str) -> Result<Joined, NameRefused> {
        if self.is_finished() {
            return Err(NameRefused::Finished);
        }
        let name = clean_name(raw_name)?;
        let lower = name.to_lowercase();
        if let Some(index) = self
            .players
            .iter()
            .position(|p| p.name.to_lowercase() == lower)
        {
            let player = &mut self.players[index];
            if player.connected {
                return Err(NameRefused::Taken(player.name.clone()));
            }
            player.connected = true;
            return Ok(Joined {
                index,
                rejoined: true,
            });
        }
        self.players.push(Player {
            name,
            score: 0,
            connected: true,
        });
        Ok(Joined {
            index: self.players.len() - 1,
            rejoined: false,
        })
    }

    /// A player's connection is gone (or they said bye). Their score stays for a rejoin. If
    /// everyone still connected has answered, the round is revealed: returns whether it was.
    pub fn drop_player(&mut self, index: usize) -> bool {
        if let Some(player) = self.players.get_mut(index) {
            player.connected = false;
        }
        self.reveal_if_all_answered()
    }

    /// The open round's wire number (1-based), if a question is open.
    pub fn open_round(&self) -> Option<u32> {
        match self.phase {
            Phase::Question { index, .. } => Some(index as u32 + 1),
            _ => None,
        }
    }

    /// The question of the open, revealed or scored round.
    pub fn current(&self) -> Option<(usize, &RoundQuestion)> {
        match self.phase {
            Phase::Question { index, .. }
            | Phase::Reveal { index }
            | Phase::Scoreboard { index } => Some((index, &self.questions[index])),
            _ => None,
        }
    }

    /// Time left in the open round (frozen while paused), `None` without one.
    pub fn remaining(&self, now: Instant) -> Option<Duration> {
        match &self.phase {
            Phase::Question { clock, .. } => Some(match clock {
                Clock::Running { deadline } => deadline.saturating_duration_since(now),
                Clock::Paused { remaining } => *remaining,
            }),
            _ => None,
        }
    }

    /// When the open round's time is up, if its countdown runs.
    pub fn deadline(&self) -> Option<Instant> {
        match &self.phase {
            Phase::Question {
                clock: Clock::Running { deadline },
                ..
            } => Some(*deadline),
            _ => None,
        }
    }

    pub fn is_paused(&self) -> bool {
        matches!(
            self.phase,
            Phase::Question {
                clock: Clock::Paused { .. },
                ..
            }
        )
    }

    /// The open round's answer of a player, if they gave one.
    pub fn answer_of(&self, player: usize) -> Option<&Taken> {
        match &self.phase {
            Phase::Question { answers, .. } => answers.get(&player),
            _ => None,
        }
    }

    /// How many answers the open round has.
    pub fn answers_in(&self) -> u32 {
        match &self.phase {
            Phase::Question { answers, .. } => answers.len() as u32,
            _ => 0,
        }
    }

    /// Takes a player's first answer to round `round` (1-based) and grades it. Refused with a
    /// reason when the round is not open, was answered already, or the answer does not fit.
    /// Returns whether this answer completed the round (it was revealed at once).
    pub fn answer(
        &mut self,
        player: usize,
        round: u32,
        answer: WireAnswer,
        now: Instant,
    ) -> Result<bool, String> {
        let limit = self.limit;
        let remaining = self.remaining(now);
        let Phase::Question { index, answers, .. } = &mut self.phase else {
            return Err("no question is open".to_string());
        };
        if *index as u32 + 1 != round {
            return Err(format!("round {round} is not the open round"));
        }
        if player >= self.players.len() {
            return Err("no such player".to_string());
        }
        if answers.contains_key(&player) {
            return Err("only the first answer counts".to_string());
        }
        let remaining = remaining.unwrap_or_default();
        if remaining.is_zero() {
            return Err("time is up".to_string());
        }
        let asked = &self.questions[*index].asked;
        let graded = to_answer(asked, &answer).map(|a| grade(&asked.question, &a));
        let outcome = match graded {
            Some(Grading::Graded(outcome)) => outcome,
            _ => return Err("the answer does not fit the question".to_string()),
        };
        let verdict = match outcome.verdict {
            Verdict::Right => WireVerdict::Right,
            Verdict::Partial => WireVerdict::Partial,
            Verdict::Wrong => WireVerdict::Wrong,
        };
        let grade = f64::from(outcome.score);
        let points = scoring::points(verdict, grade, remaining, limit);
        answers.insert(
            player,
            Taken {
                answer,
                verdict,
                grade,
                points,
            },
        );
        Ok(self.reveal_if_all_answered())
    }

    /// Reveals the open round when time is up; returns whether it did.
    pub fn tick(&mut self, now: Instant) -> bool {
        match self.deadline() {
            Some(deadline) if now >= deadline => {
                self.reveal();
                true
            }
            _ => false,
        }
    }

    /// Lobby → first question; reveal → scoreboard; scoreboard → next question or the end.
    /// Returns whether anything changed.
    pub fn next(&mut self, now: Instant) -> bool {
        match self.phase {
            Phase::Lobby => self.open(self.results.len(), now),
            Phase::Reveal { index } => {
                self.phase = Phase::Scoreboard { index };
                true
            }
            Phase::Scoreboard { index } => self.open(index + 1, now),
            Phase::Question { .. } | Phase::Finished => false,
        }
    }

    /// Closes the open round and reveals it; on a reveal or scoreboard, opens the next round.
    pub fn skip(&mut self, now: Instant) -> bool {
        match self.phase {
            Phase::Question { .. } => {
                self.reveal();
                true
            }
            Phase::Reveal { index } | Phase::Scoreboard { index } => self.open(index + 1, now),
            Phase::Lobby => self.next(now),
            Phase::Finished => false,
        }
    }

    /// Finishes the session now; an open round is dropped unscored (it was never revealed).
    pub fn end(&mut self) -> bool {
        let changed = !self.is_finished();
        self.phase = Phase::Finished;
        changed
    }

    fn open(&mut self, index: usize, now: Instant) -> bool {
        self.phase = if index < self.questions.len() {
            Phase::Question {
                index,
                clock: Clock::Running {
                    deadline: now + self.limit,
                },
                answers: BTreeMap::new(),
            }
        } else {
            Phase::Finished
        };
        true
    }

    fn reveal_if_all_answered(&mut self) -> bool {
        let Phase::Question { answers, .. } = &self.phase else {
            return false;
        };
        let mut connected = self
            .players
            .iter()
            .enumerate()
            .filter(|(_, p)| p.connected)
            .peekable();
        if connected.peek().is_none() || !connected.all(|(i, _)| answers.contains_key(&i)) {
            return false;
        }
        self.reveal();
        true
    }

    fn reveal(&mut self) {
        let Phase::Question { index, answers, .. } =
            std::mem::replace(&mut self.phase, Phase::Lobby)
        else {
            return;
        };
        let result = tally(&self.questions[index], &answers, &mut self.players);
        self.results.push(result);
        self.phase = Phase::Reveal { index };
    }
}

mod clock;

#[cfg(test)]
#[path = "game_tests.rs"]
mod tests;
