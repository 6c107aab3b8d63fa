//! What the app keeps of the learner's work: records applied to the progress store and saved at
//! once, lessons read to the end, the place to continue from, and the summary the menus show.

use super::App;
use crate::progress::{ProgressSummary, SaveOutcome, Timestamp, due, due_times};
use crate::screens::home::HomeOutline;
use crate::screens::{Context, Record};

impl App {
    /// Applies records to the progress and saves it; a failed save is said in the footer (and
    /// the next change tries again), never a crash. Every answer is kept under its id, whatever
    /// its kind; an id the course no longer has is kept too, and counted nowhere.
    pub fn keep(&mut self, records: Vec<Record>) {
        let now = Timestamp::now();
        let mut changed = false;
        for record in &records {
            changed |= record.apply(self.store.progress_mut(), &self.catalogue, now);
        }
        if changed {
            let saved = match self.store.save() {
                Ok(outcome) => outcome == SaveOutcome::Saved,
                Err(error) => {
                    self.status = Some(format!("Progress not saved: {error}"));
                    false
                }
            };
            self.refresh_summary();
            if saved {
                self.keep_home();
            }
        }
    }

    /// Home as it stands at `now`.
    pub fn home_at(&self, now: Timestamp) -> HomeOutline {
        let due = due(&self.catalogue, self.store.progress(), now);
        let cx = Context {
            due: &due,
            ..self.context()
        };
        HomeOutline::from_context(&cx)
    }

    /// Keeps home for the next start, beside the progress file this tutor last wrote or read,
    /// when the store is its to write. A hint only: a failure to write it is not worth the
    /// learner's attention.
    pub fn keep_home(&self) {
        if let Some(cache) = &self.home_cache
            && self.store.read_only().is_none()
            && let Some(progress) = self.store.file_fingerprint()
        {
            let home = self.home_at(Timestamp::now());
            let due = due_times(&self.catalogue, self.store.progress());
            let _ = cache.keep(&home, due, progress);
        }
    }

    pub(super) fn refresh_summary(&mut self) {
        let now = Timestamp::now();
        let progress = self.store.progress();
        self.summary =
            ProgressSummary::with_catalogue(&self.course, &self.catalogue, progress, now);
        self.due = due(&self.catalogue, progress, now);
    }

    /// Keeps what the last frame showed (a lesson read to its end). Called after each frame,
    /// since what is on screen is known only once it is drawn.
    pub fn after_frame(&mut self) {
        let records = self.screen().state().seen(&self.course);
        if !records.is_empty() {
            self.keep(records);
        }
    }

    /// Where "continue" should take the learner: the lesson section or lab step on screen.
    pub(super) fn remember_place(&mut self) {
        if let Some(point) = self.screen().state().resume_point(&self.course) {
            self.keep(vec![Record::Resume(point)]);
        }
    }
}
