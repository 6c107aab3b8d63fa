//! Progress: what a learner has done, saved so that it is never lost, and what follows from it —
//! spaced review, mastery per topic, stats, team reports. No terminal code here.
//!
//! - [`model`]: the saved model (versioned RON keyed by the course's stable ids).
//! - [`store`]: one file per profile; atomic saves, a lock, recovery from damaged files.
//! - [`schedule`]: FSRS scheduling and the review queue.
//! - [`mastery`]: per-topic mastery, streak, due counts, score history, time spent.
//! - [`team`]: several learners' progress aggregated for a report.

pub mod mastery;
pub mod model;
pub mod schedule;
pub mod time;

#[cfg(test)]
mod test_course;

pub use mastery::ProgressSummary;
pub use model::{
    Answer, FORMAT_VERSION, Grade, ItemKind, ItemProgress, Mode, Outcome, Place, Progress, Resume,
    SessionLog,
};
pub use schedule::{DueItem, Phase, Schedule};
pub use time::Timestamp;
