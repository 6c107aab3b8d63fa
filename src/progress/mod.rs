//! Progress: what a learner has done, saved so that it is never lost, and what follows from it —
//! spaced review, mastery per topic, stats, team reports. No terminal code here.
//!
//! - [`model`]: the saved model (versioned RON keyed by the course's stable ids), with
//!   [`resume`], [`sitting`] (interrupted quizzes, reviews, exams), [`attempts`] (mock exams,
//!   debugging labs) and [`skills`] (sizing skills); [`migrate`] reads older formats.
//! - [`store`]: one file per profile, opened at start-up; a lock, recovery from damaged files.
//! - [`file`]: the file's text, parsing, and the atomic write.
//! - [`profile`]: checked profile and learner names, and where their files live.
//! - [`schedule`]: FSRS scheduling of one item.
//! - [`catalogue`]: every item of a course that can be answered, by kind and topic.
//! - [`due`]: the one definition of "due now" and "due within 24 hours".
//! - [`review`]: the review queue (a miss returns in the same sitting).
//! - [`mastery`]: per-topic mastery, streak, score history, time spent; [`summary`] puts it all
//!   together for home, Stats and `aks-tutor progress`.
//! - [`team`]: several learners' progress aggregated for a report.

pub mod attempts;
pub mod catalogue;
pub mod due;
pub mod file;
pub mod mastery;
pub mod migrate;
pub mod model;
pub mod profile;
pub mod resume;
pub mod review;
pub mod schedule;
pub mod sitting;
pub mod skills;
pub mod store;
pub mod summary;
pub mod team;
pub mod time;

#[cfg(test)]
mod test_course;

pub use attempts::{DebugAttempt, ExamAttempt, ExamTrend, exam_trend};
pub use catalogue::{Catalogue, ItemClass};
pub use due::{Due, DueCounts, DueItem, REVIEW_WINDOW_HOURS, due, due_times};
pub use file::{StoreError, read_progress_file};
pub use model::{
    FORMAT_VERSION, Grade, ItemKind, ItemProgress, ItemRef, Mode, Outcome, Place, Progress,
    RecordedAnswer, Resume, SessionLog,
};
pub use profile::{BadLearnerName, BadProfileName, ProfileName};
pub use review::ReviewQueue;
pub use schedule::{Phase, Schedule};
pub use sitting::{GivenAnswer, NewSitting, Sitting, SittingError};
pub use skills::SizingSkill;
pub use store::{Notice, ReadOnlyReason, SaveOutcome, Store};
pub use summary::ProgressSummary;
pub use time::Timestamp;
