//! What the app keeps of the learner's work: records applied to the progress store and saved at
//! once, lessons read to the end, the place to continue from, and the summary the menus show.

use super::record::{Record, ResumePoint};
use super::{App, REVIEW_WINDOW_MINUTES, Screen};
use crate::progress::mastery::review_queue;
use crate::progress::{ItemKind, ProgressSummary, Timestamp};

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

    /// A lesson read to its end (or short enough to fit) counts as finished.
    pub(super) fn note_lesson_read(&mut self) {
        let height = self.body_height();
        if let Screen::Lesson(lesson) = self.screen()
            && lesson.at_bottom(height)
        {
            let id = lesson.lesson(&self.course).id.clone();
            self.keep(vec![Record::LessonFinished { lesson: id }]);
        }
    }

    /// Where "continue" should take the learner: the lesson section or lab step on screen.
    pub(super) fn remember_place(&mut self) {
        let point = match self.screen() {
            Screen::Lesson(lesson) => Some(ResumePoint::Lesson {
                lesson: lesson.lesson(&self.course).id.clone(),
                section: lesson.current_anchor().map(str::to_string),
            }),
            Screen::Lab(lab) => {
                let (lab_id, step) = lab.selected_key(&self.course);
                Some(ResumePoint::Lab {
                    lab: lab_id,
                    step: Some(step),
                })
            }
            _ => None,
        };
        if let Some(point) = point {
            self.keep(vec![Record::Resume(point)]);
        }
    }
}
