//! The saved model: what one learner has done, keyed by the course's stable ids.
//!
//! Ids that are no longer in the course are kept, never dropped: an author may remove a question
//! and put it back, or a learner may open an older course, and the history must still be there.
//! Nothing in this file refers to the course; `mastery` joins the two.
//!
//! Versioning rule: any change that an older build could not read back and write out unchanged
//! (a new enum variant, a renamed field) bumps [`FORMAT_VERSION`]; older builds then refuse to
//! overwrite the file (see `store`). New fields carry `#[serde(default)]` so that files written
//! before them still load, and `migrate` says what each version added.
//!
//! The other parts of the record live beside this file: [`super::resume`] (where to continue),
//! [`super::sitting`] (interrupted quizzes, reviews and exams), [`super::attempts`] (mock exams and
//! debugging labs), [`super::skills`] (sizing skills).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::attempts::{DebugAttempt, ExamAttempt};
use super::profile::{BadLearnerName, learner_name};
pub use super::resume::{Place, Resume};
use super::schedule::{self, Schedule};
use super::sitting::Sitting;
use super::time::Timestamp;

/// The progress format this build reads and writes. 2 added the learner's name, sizing skills,
/// exam attempts, debugging labs and interrupted sittings (see `migrate`).
pub const FORMAT_VERSION: u32 = 2;

/// A gap between two activities longer than this starts a new session, and is not counted as time
/// spent (the learner walked away).
pub const SESSION_BREAK_SECONDS: i64 = 30 * 60;

/// One learner's progress: the whole content of `<profile>.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Progress")]
pub struct Progress {
    pub format_version: u32,
    /// The learner's name as they gave it (`--name`, or asked once); reports head columns with it.
    #[serde(default)]
    pub name: Option<String>,
    /// The learner was asked for a name and chose not to give one: home does not ask again.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub name_declined: bool,
    /// Questions by question id: authored questions, questions generated from the lessons' tables
    /// (their ids come from the quiz engine) and network policy predictions (their scenario's
    /// progress id). One map, because the course keeps these ids unique among themselves.
    #[serde(default)]
    pub questions: BTreeMap<String, ItemProgress>,
    /// Interview items by item id (a separate map: the course keeps question and interview ids
    /// unique per kind, not across kinds).
    #[serde(default)]
    pub interview: BTreeMap<String, ItemProgress>,
    /// Lesson id → when it was first finished.
    #[serde(default)]
    pub lessons: BTreeMap<String, Timestamp>,
    /// `lab-id/step-id` → when the step was marked done.
    #[serde(default)]
    pub lab_steps: BTreeMap<String, Timestamp>,
    /// Sizing practice by skill id ([`super::skills::SizingSkill::id`]); unknown ids are kept.
    #[serde(default)]
    pub sizing: BTreeMap<String, ItemProgress>,
    /// Mock exams finished, oldest first.
    #[serde(default)]
    pub exams: Vec<ExamAttempt>,
    /// Debugging-lab attempts by scenario id, oldest first.
    #[serde(default)]
    pub debug_labs: BTreeMap<String, Vec<DebugAttempt>>,
    /// Debugging-lab scenarios scheduled for review, by scenario id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub debug_schedule: BTreeMap<String, ItemProgress>,
    /// Quizzes, reviews, exams and rehearsals left before their end, at most one per mode, so
    /// that Continue can resume them with the answers already given.
    #[serde(default)]
    pub sittings: Vec<Sitting>,
    /// Where the learner left off.
    #[serde(default)]
    pub resume: Option<Resume>,
    /// One entry per sitting, oldest first (for stats).
    #[serde(default)]
    pub sessions: Vec<SessionLog>,
}

impl Default for Progress {
    fn default() -> Self {
        Self {
            format_version: FORMAT_VERSION,
            name: None,
            name_declined: false,
            questions: BTreeMap::new(),
            interview: BTreeMap::new(),
            lessons: BTreeMap::new(),
            lab_steps: BTreeMap::new(),
            sizing: BTreeMap::new(),
            exams: Vec::new(),
            debug_labs: BTreeMap::new(),
            debug_schedule: BTreeMap::new(),
            sittings: Vec::new(),
            resume: None,
            sessions: Vec::new(),
        }
    }
}

/// Which map of scheduled items an id belongs to: ids are unique within a kind, not across kinds.
/// What the item is (authored or table question, prediction…) is the course's business: see
/// [`super::catalogue::ItemClass`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Question,
    Interview,
    SizingSkill,
    /// A debugging-lab scenario: due again like the rest; it comes back with a cause the learner
    /// has not solved yet.
    DebugLab,
}

impl ItemKind {
    pub const ALL: [ItemKind; 4] = [
        ItemKind::Question,
        ItemKind::Interview,
        ItemKind::SizingSkill,
        ItemKind::DebugLab,
    ];
}

/// One scheduled item, by kind and id (the order of a review queue, the questions of a sitting).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ItemRef {
    pub kind: ItemKind,
    pub id: String,
}

impl ItemRef {
    pub fn new(kind: ItemKind, id: &str) -> Self {
        Self {
            kind,
            id: id.to_string(),
        }
    }
}

/// The history and schedule of one question, interview item or sizing skill.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename = "Item")]
pub struct ItemProgress {
    /// Every answer, oldest first.
    #[serde(default)]
    pub answers: Vec<RecordedAnswer>,
    /// `None` until the item is answered outside cram mode.
    #[serde(default)]
    pub schedule: Option<Schedule>,
}

impl ItemProgress {
    /// The score of the most recent answer, in any mode.
    pub fn latest_score(&self) -> Option<f64> {
        self.answers.last().map(|answer| answer.result.score())
    }
}

/// One answer in an item's history. Named `Answer` in the file, as it always was.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Answer")]
pub struct RecordedAnswer {
    pub at: Timestamp,
    pub mode: Mode,
    pub result: Outcome,
}

/// Where an answer was given. Only `Cram` leaves the schedule alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mode {
    Quiz,
    Exam,
    Review,
    Interview,
    Cram,
    /// A generated sizing exercise (format 2).
    Sizing,
}

impl Mode {
    pub fn updates_schedule(self) -> bool {
        self != Mode::Cram
    }
}

/// A self-grade, as in Anki and FSRS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Grade {
    Again,
    Hard,
    Good,
    Easy,
}

/// What an answer earned: a checked score (quiz, exam, review) or a self-grade (interview).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    /// 0.0 (wrong) to 1.0 (right); partial credit in between.
    Score(f64),
    SelfGrade(Grade),
}

impl Outcome {
    /// The answer's score in 0.0..=1.0. Self-grades count Again 0, Hard 0.5, Good and Easy 1 (a
    /// recalled answer is a right one; how easily is the scheduler's business). A value edited
    /// out of range by hand is clamped, and NaN counts as 0.
    pub fn score(self) -> f64 {
        match self {
            Outcome::Score(score) if score.is_nan() => 0.0,
            Outcome::Score(score) => score.clamp(0.0, 1.0),
            Outcome::SelfGrade(Grade::Again) => 0.0,
            Outcome::SelfGrade(Grade::Hard) => 0.5,
            Outcome::SelfGrade(Grade::Good | Grade::Easy) => 1.0,
        }
    }

    /// Full marks (a partial score is not right; neither is a self-grade of Hard).
    pub fn is_right(self) -> bool {
        self.score() >= schedule::FULL_MARKS
    }

    /// The grade the scheduler sees (see [`schedule::grade_for_score`]).
    pub fn grade(self) -> Grade {
        match self {
            Outcome::Score(score) => schedule::grade_for_score(score),
            Outcome::SelfGrade(grade) => grade,
        }
    }
}

/// One sitting: from the first activity to the last one before a break of
/// [`SESSION_BREAK_SECONDS`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionLog {
    pub started: Timestamp,
    pub last_active: Timestamp,
    /// Time between activities, gaps longer than a break excluded.
    pub seconds: u64,
    pub answered: u32,
    pub right: u32,
    /// Sum of the answers' scores, so partial credit shows in the score history.
    #[serde(default)]
    pub score_total: f64,
}

impl SessionLog {
    /// Mean score of the session's answers, `None` when nothing was answered.
    pub fn mean_score(&self) -> Option<f64> {
        (self.answered > 0).then(|| (self.score_total / f64::from(self.answered)).clamp(0.0, 1.0))
    }
}

/// The key of a lab step in [`Progress::lab_steps`].
pub fn lab_step_key(lab: &str, step: &str) -> String {
    format!("{lab}/{step}")
}

impl Progress {
    pub fn items(&self, kind: ItemKind) -> &BTreeMap<String, ItemProgress> {
        match kind {
            ItemKind::Question => &self.questions,
            ItemKind::Interview => &self.interview,
            ItemKind::SizingSkill => &self.sizing,
            ItemKind::DebugLab => &self.debug_schedule,
        }
    }

    fn items_mut(&mut self, kind: ItemKind) -> &mut BTreeMap<String, ItemProgress> {
        match kind {
            ItemKind::Question => &mut self.questions,
            ItemKind::Interview => &mut self.interview,
            ItemKind::SizingSkill => &mut self.sizing,
            ItemKind::DebugLab => &mut self.debug_schedule,
        }
    }

    pub fn item(&self, kind: ItemKind, id: &str) -> Option<&ItemProgress> {
        self.items(kind).get(id)
    }

    /// Records an answer and, unless the mode is cram, moves the item's schedule on. Returns when
    /// the item is next due (`None` in cram mode, which leaves the schedule alone).
    pub fn record_answer(
        &mut self,
        kind: ItemKind,
        id: &str,
        result: Outcome,
        mode: Mode,
        now: Timestamp,
    ) -> Option<Timestamp> {
        let item = self.items_mut(kind).entry(id.to_string()).or_default();
        item.answers.push(RecordedAnswer {
            at: now,
            mode,
            result,
        });
        let next_due = mode.updates_schedule().then(|| {
            let current = item.schedule.clone().unwrap_or_else(|| Schedule::new(now));
            let next = schedule::review(&current, result.grade(), now);
            let due = next.due;
            item.schedule = Some(next);
            due
        });
        let session = self.touch(now);
        session.answered = session.answered.saturating_add(1);
        session.right = session.right.saturating_add(u32::from(result.is_right()));
        session.score_total += result.score();
        next_due
    }

    /// Keeps the learner's name (`--name`, or the question asked once); a later name replaces it.
    pub fn set_name(&mut self, name: &str) -> Result<(), BadLearnerName> {
        self.name = Some(learner_name(name)?);
        Ok(())
    }

    /// The name kept, when it is still a usable one (a hand-edited file may hold anything).
    pub fn learner_name(&self) -> Option<&str> {
        self.name
            .as_deref()
            .filter(|name| learner_name(name).is_ok_and(|checked| checked == *name))
    }

    /// Marks a lesson finished; the first time is kept when it is finished again.
    pub fn record_lesson_finished(&mut self, lesson: &str, now: Timestamp) {
        self.lessons.entry(lesson.to_string()).or_insert(now);
        self.touch(now);
    }

    /// Marks a lab step done or not done.
    pub fn set_step_done(&mut self, lab: &str, step: &str, done: bool, now: Timestamp) {
        let key = lab_step_key(lab, step);
        if done {
            self.lab_steps.entry(key).or_insert(now);
        } else {
            self.lab_steps.remove(&key);
        }
        self.touch(now);
    }

    pub fn is_step_done(&self, lab: &str, step: &str) -> bool {
        self.lab_steps.contains_key(&lab_step_key(lab, step))
    }

    /// Remembers where the learner is (navigation counts as activity for time spent).
    pub fn set_resume(&mut self, place: Place<'_>, now: Timestamp) {
        self.resume = Some(Resume::new(place, now));
        self.touch(now);
    }

    /// Continues the last session when the previous activity was less than a break ago, else
    /// starts a new one; returns it.
    pub(crate) fn touch(&mut self, now: Timestamp) -> &mut SessionLog {
        let continues = self.sessions.last().is_some_and(|last| {
            (-SESSION_BREAK_SECONDS..=SESSION_BREAK_SECONDS)
                .contains(&now.seconds_since(last.last_active))
        });
        if !continues {
            self.sessions.push(SessionLog {
                started: now,
                last_active: now,
                seconds: 0,
                answered: 0,
                right: 0,
                score_total: 0.0,
            });
        }
        let index = self.sessions.len() - 1;
        let session = &mut self.sessions[index];
        // A clock set back a little adds nothing rather than a negative time.
        let gap = u64::try_from(now.seconds_since(session.last_active)).unwrap_or(0);
        session.seconds = session.seconds.saturating_add(gap);
        session.last_active = session.last_active.max(now);
        session
    }
}

#[cfg(test)]
#[path = "model_tests.rs"]
mod tests;
