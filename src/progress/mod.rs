//! Progress: what a learner has done, saved so that it is never lost, and what follows from it —
//! spaced review, mastery per topic, stats, team reports. No terminal code here.
//!
//! - [`model`]: the saved model (versioned RON keyed by the course's stable ids).
//! - [`store`]: one file per profile, opened at start-up; a lock, recovery from damaged files.
//! - [`file`]: the file's text, parsing, and the atomic write.
//! - [`profile`]: checked profile names and where their files live.
//! - [`schedule`]: FSRS scheduling and the review queue.
//! - [`mastery`]: per-topic mastery, streak, due counts, score history, time spent.
//! - [`team`]: several learners' progress aggregated for a report.

pub mod file;
pub mod mastery;
pub mod model;
pub mod profile;
pub mod schedule;
pub mod store;
pub mod team;
pub mod time;

#[cfg(test)]
mod test_course;

pub use file::{StoreError, read_progress_file};
pub use mastery::ProgressSummary;
pub use model::{
    Answer, FORMAT_VERSION, Grade, ItemKind, ItemProgress, Mode, Outcome, Place, Progress, Resume,
    SessionLog,
};
pub use profile::{BadProfileName, ProfileName};
pub use schedule::{DueItem, Phase, Schedule};
pub use store::{Notice, ReadOnlyReason, SaveOutcome, Store};
pub use time::Timestamp;
