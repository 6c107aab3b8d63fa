//! What the app keeps of the learner's work: records applied to the progress store and saved at
//! once, lessons read to the end, the place to continue from, and the summary the menus show.

use super::App;
use crate::progress::mastery::review_queue;
use crate::progress::{ItemKind, ProgressSummary, Timestamp};
use crate::screens::Record;
use crate::screens::start::REVIEW_WINDOW_MINUTES;

impl App {
    /// Applies records to the progress and saves it; a failed save is said in the footer (and
    /// the next change tries again), never a crash.
    pub fn keep(&mut self, records: Vec<Record>) {
        let known = |record: &Record| match record {
            // Questions generated from tables are drilled, not scheduled: they have no stable
            // place in the course's content. Network policy predictions do: they are kept.
            Record::Answer {
                kind: ItemKind::Question,
                id,
                ..
            } => {
                self.course.questions().any(|q| &q.id == id)
                    || self.course.netpol_questions().any(|q| &q.progress_id == id)
            }
            _ => true,
        };
        let now = Timestamp::now();
        let mut changed = false;
        for record in records.iter().filter(|r| known(r)) {
            changed |= record.apply(self.store.progress_mut(), now);
        }
        if changed {
            if let Err(error) = self.store.save() {
                self.status = Some(format!("Progress not saved: {error}"));
            }
            self.refresh_summary();
        }
    }

    pub(super) fn refresh_summary(&mut self) {
        let now = Timestamp::now();
        self.summary = ProgressSummary::new(&self.course, self.store.progress(), now);
        self.review_due = self.count_review_due(now);
    }

    pub(super) fn count_review_due(&self, now: Timestamp) -> usize {
        review_queue(
            &self.course,
            self.store.progress(),
            now,
            REVIEW_WINDOW_MINUTES,
        )
        .iter()
        .filter(|item| item.kind == ItemKind::Question)
        .count()
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
