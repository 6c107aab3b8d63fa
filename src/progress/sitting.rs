//! Sittings in progress: a quiz, review, exam or rehearsal left before its end, kept in the
//! progress file with its questions, the answers given so far, its position, its seed and the time
//! used, so that Continue on home resumes it where it stopped (and a kill loses nothing: the
//! caller saves after each call, as for any answer).
//!
//! At most one sitting per mode: starting a new quiz replaces an interrupted one.
//!
//! Answers in a quiz, review or rehearsal are final: each is recorded in the item's history at once
//! ([`Progress::answer_in_sitting`]). Exam answers can be changed until the exam is handed in, so
//! they are kept in the sitting only, every one as it is given ([`Progress::set_exam_answer`]),
//! and reach the items' histories when the exam is finished ([`Progress::finish_exam`]).

use serde::{Deserialize, Serialize};

use super::attempts::{ExamAnswer, ExamAttempt, TopicScore};
use super::catalogue::Catalogue;
use super::model::{ItemRef, Mode, Outcome, Progress};
use super::review::ReviewQueue;
use super::time::Timestamp;

/// One interrupted (or running) sitting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sitting {
    /// Which screen resumes it, and how its answers are recorded.
    pub mode: Mode,
    pub started: Timestamp,
    pub updated: Timestamp,
    #[serde(default)]
    pub seed: Option<u64>,
    /// The quiz's topic, the rehearsal's level; `None` where there is none.
    #[serde(default)]
    pub detail: Option<String>,
    /// The items in the order they are asked (a review's missed items appear again).
    pub items: Vec<ItemRef>,
    /// The next item to ask (an exam: the question on screen).
    pub position: usize,
    #[serde(default)]
    pub answers: Vec<GivenAnswer>,
    /// Time spent in the sitting, pauses while closed excluded.
    #[serde(default)]
    pub seconds_used: u64,
    #[serde(default)]
    pub time_limit_seconds: Option<u64>,
}

/// An answer given in a sitting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GivenAnswer {
    /// Its place in [`Sitting::items`].
    pub index: usize,
    pub item: ItemRef,
    /// The answer as the screen encodes it (the options chosen, the text typed), to show again on
    /// resume; the progress engine never reads it.
    pub response: String,
    pub result: Outcome,
    pub at: Timestamp,
}

/// What a screen gives to start a sitting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSitting {
    pub mode: Mode,
    pub items: Vec<ItemRef>,
    pub seed: Option<u64>,
    pub detail: Option<String>,
    pub time_limit_seconds: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SittingError {
    #[error("there is no {0:?} sitting in progress: start one first")]
    NoSitting(Mode),
    #[error("the {0:?} sitting has no question left to answer")]
    Finished(Mode),
    #[error("question {index} is not in the exam (it has {len})")]
    OutOfRange { index: usize, len: usize },
}

impl Sitting {
    /// The item to ask now; `None` at the end (or when a hand-edited position is past it).
    pub fn current(&self) -> Option<&ItemRef> {
        self.items.get(self.position)
    }

    /// The latest answer given at `index`, if any.
    pub fn answer_at(&self, index: usize) -> Option<&GivenAnswer> {
        self.answers.iter().rev().find(|a| a.index == index)
    }

    /// Reviews and rehearsals put a missed item back into the sitting.
    fn requeues_misses(&self) -> bool {
        matches!(self.mode, Mode::Review | Mode::Interview)
    }
}

impl Progress {
    /// Starts a sitting, replacing any of the same mode.
    pub fn start_sitting(&mut self, new: NewSitting, now: Timestamp) -> &Sitting {
        self.sittings.retain(|s| s.mode != new.mode);
        self.sittings.push(Sitting {
            mode: new.mode,
            started: now,
            updated: now,
            seed: new.seed,
            detail: new.detail,
            items: new.items,
            position: 0,
            answers: Vec::new(),
            seconds_used: 0,
            time_limit_seconds: new.time_limit_seconds,
        });
        self.touch(now);
        &self.sittings[self.sittings.len() - 1]
    }

    /// Starts a review of everything due at `now` (the one definition), in the review queue's
    /// order; `None` when nothing is due (and no sitting is started).
    pub fn start_review(&mut self, catalogue: &Catalogue, now: Timestamp) -> Option<&Sitting> {
        let queue = ReviewQueue::new(&super::due::due(catalogue, self, now));
        if queue.is_finished() {
            return None;
        }
        let (items, _) = queue.into_parts();
        let new = NewSitting {
            mode: Mode::Review,
            items,
            seed: None,
            detail: None,
            time_limit_seconds: None,
        };
        Some(self.start_sitting(new, now))
    }

    pub fn sitting(&self, mode: Mode) -> Option<&Sitting> {
        self.sittings.iter().find(|s| s.mode == mode)
    }

    /// The sitting used last: what Continue on home offers first.
    pub fn latest_sitting(&self) -> Option<&Sitting> {
        self.sittings.iter().max_by_key(|s| s.updated)
    }

    fn sitting_mut(&mut self, mode: Mode) -> Result<&mut Sitting, SittingError> {
        self.sittings
            .iter_mut()
            .find(|s| s.mode == mode)
            .ok_or(SittingError::NoSitting(mode))
    }

    /// Answers the current item of the `mode` sitting and moves on. In a quiz, review or
    /// rehearsal the answer is recorded in the item's history (scheduled, except in cram) and a
    /// review or rehearsal puts a missed item back a few items later; returns when the item is
    /// next due. In an exam it is [`Progress::set_exam_answer`] at the current position.
    pub fn answer_in_sitting(
        &mut self,
        mode: Mode,
        response: &str,
        result: Outcome,
        seconds_used: u64,
        now: Timestamp,
    ) -> Result<Option<Timestamp>, SittingError> {
        let sitting = self.sitting_mut(mode)?;
        let index = sitting.position;
        let item = sitting
            .current()
            .cloned()
            .ok_or(SittingError::Finished(mode))?;
        if mode == Mode::Exam {
            self.set_exam_answer(index, response, result, seconds_used, now)?;
            return self
                .move_in_sitting(mode, index + 1, seconds_used, now)
                .map(|()| None);
        }
        sitting.answers.push(GivenAnswer {
            index,
            item: item.clone(),
            response: response.to_string(),
            result,
            at: now,
        });
        sitting.seconds_used = seconds_used;
        sitting.updated = now;
        let mut queue = ReviewQueue::from_parts(std::mem::take(&mut sitting.items), index);
        if sitting.requeues_misses() {
            queue.answered(result);
        } else {
            queue.skip();
        }
        (sitting.items, sitting.position) = queue.into_parts();
        Ok(self.record_answer(item.kind, &item.id, result, mode, now))
    }

    /// Keeps (or replaces) the exam's answer to question `index`; nothing is scheduled until the
    /// exam is finished.
    pub fn set_exam_answer(
        &mut self,
        index: usize,
        response: &str,
        result: Outcome,
        seconds_used: u64,
        now: Timestamp,
    ) -> Result<(), SittingError> {
        let sitting = self.sitting_mut(Mode::Exam)?;
        let item = sitting
            .items
            .get(index)
            .cloned()
            .ok_or(SittingError::OutOfRange {
                index,
                len: sitting.items.len(),
            })?;
        sitting.answers.retain(|a| a.index != index);
        sitting.answers.push(GivenAnswer {
            index,
            item,
            response: response.to_string(),
            result,
            at: now,
        });
        sitting.seconds_used = seconds_used;
        sitting.updated = now;
        self.touch(now);
        Ok(())
    }

    /// Moves a sitting to `position` without answering (skipped, or back to an exam question).
    pub fn move_in_sitting(
        &mut self,
        mode: Mode,
        position: usize,
        seconds_used: u64,
        now: Timestamp,
    ) -> Result<(), SittingError> {
        let sitting = self.sitting_mut(mode)?;
        sitting.position = position.min(sitting.items.len());
        sitting.seconds_used = seconds_used;
        sitting.updated = now;
        Ok(())
    }

    /// Ends a sitting (finished, or left for good) and returns it.
    pub fn end_sitting(&mut self, mode: Mode) -> Option<Sitting> {
        let index = self.sittings.iter().position(|s| s.mode == mode)?;
        Some(self.sittings.remove(index))
    }

    /// Hands the exam in: records each answered question in its item's history (mode Exam),
    /// keeps the attempt with its score per topic and every answer, and ends the sitting.
    pub fn finish_exam(
        &mut self,
        catalogue: &Catalogue,
        now: Timestamp,
    ) -> Result<&ExamAttempt, SittingError> {
        let sitting = self
            .end_sitting(Mode::Exam)
            .ok_or(SittingError::NoSitting(Mode::Exam))?;
        let mut answers = Vec::with_capacity(sitting.items.len());
        let mut topics: Vec<TopicScore> = Vec::new();
        let (mut answered, mut right, mut total) = (0u32, 0u32, 0.0);
        for (index, item) in sitting.items.iter().enumerate() {
            let given = sitting.answer_at(index);
            let score = given.map_or(0.0, |a| a.result.score());
            let is_right = given.is_some_and(|a| a.result.is_right());
            if let Some(given) = given {
                answered += 1;
                self.record_answer(item.kind, &item.id, given.result, Mode::Exam, now);
            }
            right += u32::from(is_right);
            total += score;
            let topic = catalogue
                .get(item.kind, &item.id)
                .and_then(|e| e.topic.clone());
            if let Some(topic) = &topic {
                let at = match topics.iter().position(|t| &t.topic == topic) {
                    Some(at) => at,
                    None => {
                        topics.push(TopicScore {
                            topic: topic.clone(),
                            asked: 0,
                            right: 0,
                            score: 0.0,
                        });
                        topics.len() - 1
                    }
                };
                let entry = &mut topics[at];
                entry.asked += 1;
                entry.right += u32::from(is_right);
                // A running total for now; turned into a mean below.
                entry.score += score;
            }
            answers.push(ExamAnswer {
                kind: item.kind,
                id: item.id.clone(),
                topic,
                response: given.map(|a| a.response.clone()),
                score,
            });
        }
        for topic in &mut topics {
            topic.score /= f64::from(topic.asked.max(1));
        }
        let asked = u32::try_from(sitting.items.len()).unwrap_or(u32::MAX);
        self.record_exam_attempt(ExamAttempt {
            started: sitting.started,
            finished: now,
            seconds: sitting.seconds_used,
            time_limit_seconds: sitting.time_limit_seconds,
            seed: sitting.seed,
            asked,
            answered,
            right,
            score: if asked == 0 {
                0.0
            } else {
                total / f64::from(asked)
            },
            topics,
            answers,
        });
        Ok(&self.exams[self.exams.len() - 1])
    }
}

#[cfg(test)]
#[path = "sitting_tests.rs"]
mod tests;
