//! What the learner did that progress keeps: answers, lab steps, finished lessons, the place to
//! resume. Screens return records in their `Reaction`; the app applies them to the store and
//! saves at once, so nothing is lost if the terminal closes.

use crate::progress::{
    Catalogue, ItemKind, Mode, NewSitting, Outcome, Place, Progress, SizingSkill, Timestamp,
};

#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    Answer {
        kind: ItemKind,
        id: String,
        outcome: Outcome,
        mode: Mode,
    },
    StepDone {
        lab: String,
        step: String,
        done: bool,
    },
    LessonFinished {
        lesson: String,
    },
    Resume(ResumePoint),
    /// The learner's name, for reports.
    Name(String),
    /// Asked for a name, the learner chose not to give one.
    NameDeclined,
    /// A sizing exercise answered: it schedules the skill it practises.
    Sizing {
        skill: SizingSkill,
        outcome: Outcome,
    },
    /// An exam or quiz began: its questions are kept as a sitting, so Continue can take the
    /// learner back (an exam with every answer given).
    SittingStarted(NewSitting),
    /// A quiz moved on to question `position` of its sitting.
    SittingMoved {
        mode: Mode,
        position: usize,
    },
    /// A quiz reached its end: nothing is left to continue.
    SittingEnded {
        mode: Mode,
    },
    /// An exam answer, kept at once (it may still change until the exam is handed in).
    ExamAnswer {
        index: usize,
        response: String,
        outcome: Outcome,
        seconds_used: u64,
    },
    /// The exam handed in: its answers reach their items' history and the attempt is kept.
    ExamFinished,
    /// A finished debugging lab.
    DebugAttempt(crate::debug::DebugAttempt),
}

/// A place "continue where you left off" can reopen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResumePoint {
    Lesson {
        lesson: String,
        section: Option<String>,
    },
    Lab {
        lab: String,
        step: Option<String>,
    },
}

impl Record {
    /// Applies the record; returns whether the progress changed (and so needs saving).
    pub fn apply(&self, progress: &mut Progress, catalogue: &Catalogue, now: Timestamp) -> bool {
        match self {
            Record::Name(name) => progress.set_name(name).is_ok(),
            Record::NameDeclined => {
                let first_time = !progress.name_declined;
                progress.name_declined = true;
                first_time
            }
            Record::Sizing { skill, outcome } => {
                let _next_due = progress.record_sizing(*skill, *outcome, now);
                true
            }
            Record::SittingStarted(sitting) => {
                progress.start_sitting(sitting.clone(), now);
                true
            }
            Record::SittingMoved { mode, position } => {
                progress.move_in_sitting(*mode, *position, 0, now).is_ok()
            }
            Record::SittingEnded { mode } => progress.end_sitting(*mode).is_some(),
            Record::ExamAnswer {
                index,
                response,
                outcome,
                seconds_used,
            } => progress
                .set_exam_answer(*index, response, *outcome, *seconds_used, now)
                .is_ok(),
            Record::ExamFinished => progress.finish_exam(catalogue, now).is_ok(),
            Record::Answer {
                kind,
                id,
                outcome,
                mode,
            } => {
                let _next_due = progress.record_answer(*kind, id, *outcome, *mode, now);
                true
            }
            Record::StepDone { lab, step, done } => {
                progress.set_step_done(lab, step, *done, now);
                true
            }
            Record::LessonFinished { lesson } => {
                let first_time = !progress.lessons.contains_key(lesson);
                progress.record_lesson_finished(lesson, now);
                first_time
            }
            Record::Resume(point) => {
                let place = match point {
                    ResumePoint::Lesson { lesson, section } => Place::Lesson {
                        lesson,
                        section: section.as_deref(),
                    },
                    ResumePoint::Lab { lab, step } => Place::Lab {
                        lab,
                        step: step.as_deref(),
                    },
                };
                let unchanged = progress.resume.as_ref().is_some_and(|r| r.place() == place);
                if !unchanged {
                    progress.set_resume(place, now);
                }
                !unchanged
            }
            Record::DebugAttempt(attempt) => {
                let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
                let kept = crate::progress::DebugAttempt {
                    at: now,
                    cause: attempt.cause.clone(),
                    solved: attempt.solved,
                    steps: count(attempt.steps),
                    shortest: count(attempt.shortest),
                    score: f64::from(attempt.score.min(100)) / 100.0,
                };
                let score = kept.score;
                progress.record_debug_attempt(&attempt.scenario, kept);
                // Scheduled like every other item: a solved lab comes back later, a missed one
                // soon, each time with a cause not solved yet.
                let outcome = Outcome::Score(if attempt.solved { score } else { 0.0 });
                let _next_due = progress.record_answer(
                    ItemKind::DebugLab,
                    &attempt.scenario,
                    outcome,
                    Mode::Quiz,
                    now,
                );
                true
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue() -> Catalogue {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid-course");
        Catalogue::new(&crate::content::load(&crate::content::CourseDir::new(dir)).unwrap())
    }

    #[test]
    fn a_lesson_finished_twice_changes_progress_once() {
        let mut progress = Progress::default();
        let catalogue = catalogue();
        let record = Record::LessonFinished {
            lesson: "plugins".into(),
        };
        assert!(record.apply(&mut progress, &catalogue, Timestamp::now()));
        assert!(!record.apply(&mut progress, &catalogue, Timestamp::now()));
    }

    #[test]
    fn the_same_resume_point_is_not_saved_again() {
        let mut progress = Progress::default();
        let catalogue = catalogue();
        let point = Record::Resume(ResumePoint::Lesson {
            lesson: "dns".into(),
            section: Some("coredns".into()),
        });
        assert!(point.apply(&mut progress, &catalogue, Timestamp::now()));
        assert!(!point.apply(&mut progress, &catalogue, Timestamp::now()));
        assert_eq!(
            progress.resume.as_ref().unwrap().place(),
            Place::Lesson {
                lesson: "dns",
                section: Some("coredns")
            }
        );
    }

    #[test]
    fn answers_and_steps_are_kept() {
        let mut progress = Progress::default();
        let catalogue = catalogue();
        let answer = Record::Answer {
            kind: ItemKind::Question,
            id: "q".into(),
            outcome: Outcome::Score(1.0),
            mode: Mode::Quiz,
        };
        assert!(answer.apply(&mut progress, &catalogue, Timestamp::now()));
        assert!(
            Record::StepDone {
                lab: "l".into(),
                step: "s".into(),
                done: true
            }
            .apply(&mut progress, &catalogue, Timestamp::now())
        );
        assert!(progress.is_step_done("l", "s"));
        assert_eq!(
            progress
                .item(ItemKind::Question, "q")
                .unwrap()
                .answers
                .len(),
            1
        );
    }
}
