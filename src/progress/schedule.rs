//! Spaced review: when each question or interview item is next due, by FSRS (the `rs-fsrs` crate).
//!
//! Why FSRS through rs-fsrs: it is the scheduler Anki adopted, it models each item's stability and
//! difficulty instead of SM-2's single ease factor, and its short-term "learning" steps bring a
//! missed item back minutes later, so it returns in the same session without extra code. The
//! crate is small (its only dependency is chrono), takes and returns plain `Card` values and a
//! `DateTime<Utc>`, and runs with fuzz off, so results are deterministic and testable.
//!
//! The file stores our own [`Schedule`], not the crate's `Card`: the saved format stays ours if the
//! scheduler changes, and values read from disk are checked before they reach the maths.
//!
//! What is due, and when, is decided in one place: [`super::due`].
//!
//! All arithmetic is on UTC instants: an interval of 3 days is 72 hours whatever the learner's
//! time zone does in between (daylight saving time included).

use rs_fsrs::{Card, FSRS, Parameters, Rating, State};
use serde::{Deserialize, Serialize};

use super::model::Grade;
use super::time::Timestamp;

/// A score at or above this is full marks (scores that are exact fractions like 3/3 land on 1.0;
/// the margin absorbs rounding in anything computed).
pub const FULL_MARKS: f64 = 1.0 - 1e-9;

/// Where an item is in FSRS's cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    New,
    /// Just seen for the first time: short steps (minutes) before days.
    Learning,
    Review,
    /// Forgotten after being learnt: short steps again.
    Relearning,
}

/// The scheduling state of one item, as saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Schedule {
    pub due: Timestamp,
    pub last_review: Timestamp,
    pub phase: Phase,
    /// FSRS memory stability, in days.
    pub stability: f64,
    /// FSRS difficulty, 1 (easy) to 10 (hard).
    pub difficulty: f64,
    pub reps: u32,
    pub lapses: u32,
    /// The interval last scheduled, in whole days (0 while in a learning step).
    pub interval_days: i64,
}

impl Schedule {
    /// An item never reviewed: due now.
    pub fn new(now: Timestamp) -> Self {
        Self {
            due: now,
            last_review: now,
            phase: Phase::New,
            stability: 0.0,
            difficulty: 0.0,
            reps: 0,
            lapses: 0,
            interval_days: 0,
        }
    }

    fn to_card(&self) -> Card {
        // Values edited by hand (NaN, negative stability) would poison the maths: such an item
        // starts again as new rather than getting a nonsense interval.
        let sane = self.stability.is_finite()
            && self.stability > 0.0
            && self.difficulty.is_finite()
            && (1.0..=10.0).contains(&self.difficulty);
        let phase = if sane { self.phase } else { Phase::New };
        Card {
            due: self.due.as_datetime(),
            stability: if sane { self.stability } else { 0.0 },
            difficulty: if sane { self.difficulty } else { 0.0 },
            elapsed_days: 0,
            scheduled_days: self.interval_days.max(0),
            // rs-fsrs adds one to both with plain `+`: keep a step below the top.
            reps: i32::try_from(self.reps)
                .unwrap_or(i32::MAX)
                .min(i32::MAX - 1),
            lapses: i32::try_from(self.lapses)
                .unwrap_or(i32::MAX)
                .min(i32::MAX - 1),
            state: match phase {
                Phase::New => State::New,
                Phase::Learning => State::Learning,
                Phase::Review => State::Review,
                Phase::Relearning => State::Relearning,
            },
            last_review: self.last_review.as_datetime(),
        }
    }

    fn from_card(card: &Card) -> Self {
        Self {
            due: Timestamp::from_datetime(card.due),
            last_review: Timestamp::from_datetime(card.last_review),
            phase: match card.state {
                State::New => Phase::New,
                State::Learning => Phase::Learning,
                State::Review => Phase::Review,
                State::Relearning => Phase::Relearning,
            },
            stability: card.stability,
            difficulty: card.difficulty,
            reps: u32::try_from(card.reps).unwrap_or(0),
            lapses: u32::try_from(card.lapses).unwrap_or(0),
            interval_days: card.scheduled_days,
        }
    }
}

/// The scheduler with FSRS's default weights, 90 % target retention, short-term steps on and fuzz
/// off (fuzz would make the same answers give different dates, which helps nobody in a tutor).
fn scheduler() -> FSRS {
    FSRS::new(Parameters {
        enable_fuzz: false,
        enable_short_term: true,
        ..Parameters::default()
    })
}

/// The schedule after one review graded `grade` at `now`.
pub fn review(state: &Schedule, grade: Grade, now: Timestamp) -> Schedule {
    let rating = match grade {
        Grade::Again => Rating::Again,
        Grade::Hard => Rating::Hard,
        Grade::Good => Rating::Good,
        Grade::Easy => Rating::Easy,
    };
    let next = scheduler().next(state.to_card(), now.as_datetime(), rating);
    Schedule::from_card(&next.card)
}

/// How a checked score becomes a grade: full marks → Good, partial credit → Hard, nothing (or
/// NaN) → Again. A checked answer is never Easy: the tutor cannot tell an easy recall from a
/// laboured one; interview self-grades can say Easy.
pub fn grade_for_score(score: f64) -> Grade {
    if score >= FULL_MARKS {
        Grade::Good
    } else if score > 0.0 {
        Grade::Hard
    } else {
        Grade::Again
    }
}

#[cfg(test)]
#[path = "schedule_tests.rs"]
mod tests;
