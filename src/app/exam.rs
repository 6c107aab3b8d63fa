//! The mock exam: a fixed set of mixed questions against a countdown, answers recorded without
//! feedback, a finish page, then a review of every question and a per-topic breakdown.

use std::time::{Duration, Instant};

use super::answer_input::{AnswerInput, InputEvent, InputMode, input_mode};
use super::record::Record;
use super::screens::{Reaction, scrolled};
use super::{Action, KeyContext};
use crate::progress::{ItemKind, Mode, Outcome};
use crate::quiz::{ExamAnswer, ExamReport, MockExam};
use crate::ui::document::Rendered;
use crate::ui::document_width;
use crate::ui::exam::render_exam;
use crate::ui::theme::Theme;

pub enum ExamPhase {
    Answering(MockExam),
    /// Every question has been visited: finish, or go back.
    Confirm(MockExam),
    Review(ExamReport),
}

pub struct ExamScreen {
    pub phase: ExamPhase,
    /// The question on screen while answering.
    pub index: usize,
    /// What the learner has set up on each question, kept when moving between them.
    pub inputs: Vec<AnswerInput>,
    pub deadline: Option<Instant>,
    /// The time at the last tick, for the countdown.
    pub now: Instant,
    pub time_up: bool,
    pub scroll: usize,
    pub rendered: Rendered,
}

impl ExamScreen {
    pub fn new(exam: MockExam, time_limit: Option<Duration>, now: Instant) -> Self {
        let inputs = exam
            .questions()
            .iter()
            .map(AnswerInput::for_question)
            .collect();
        Self {
            phase: ExamPhase::Answering(exam),
            index: 0,
            inputs,
            deadline: time_limit.map(|limit| now + limit),
            now,
            time_up: false,
            scroll: 0,
            rendered: Rendered::default(),
        }
    }

    /// Whether the exam is under way (not yet finished and reviewed).
    pub fn in_progress(&self) -> bool {
        !matches!(self.phase, ExamPhase::Review(_))
    }

    pub fn seconds_left(&self) -> Option<u64> {
        self.deadline
            .map(|deadline| deadline.saturating_duration_since(self.now).as_secs())
    }

    pub fn wants_ticks(&self) -> bool {
        self.deadline.is_some() && !matches!(self.phase, ExamPhase::Review(_))
    }

    pub fn key_context(&self) -> KeyContext {
        match &self.phase {
            ExamPhase::Answering(exam) => match exam.questions().get(self.index) {
                Some(q) if input_mode(&q.question.kind) == InputMode::Type => KeyContext::Typing,
                _ => KeyContext::Quiz,
            },
            ExamPhase::Confirm(_) | ExamPhase::Review(_) => KeyContext::Exam,
        }
    }

    pub fn act(&mut self, action: Action, height: usize) -> Reaction {
        if let Action::Tick(now) = action {
            self.now = now;
            if self.deadline.is_some_and(|deadline| now >= deadline)
                && !matches!(self.phase, ExamPhase::Review(_))
            {
                self.time_up = true;
                let mut reaction = self.finish();
                reaction.message = Some("Time's up: the exam is finished.".into());
                return reaction;
            }
            return Reaction::default();
        }
        match (&mut self.phase, action) {
            (ExamPhase::Answering(_), Action::NextItem) => self.go_to(self.index + 1),
            (ExamPhase::Answering(_), Action::PrevItem) => self.go_to(self.index.saturating_sub(1)),
            (ExamPhase::Answering(exam), _) => {
                let Some(question) = exam.questions().get(self.index) else {
                    return Reaction::default();
                };
                match self.inputs[self.index].act(action, question) {
                    InputEvent::Submit(answer) => {
                        // The index is always within the exam, so recording cannot fail; input
                        // that is not an answer is refused with a hint and asked again.
                        if let Ok(ExamAnswer::Refused(refused)) = exam.record(self.index, answer) {
                            return Reaction::message(refused.hint);
                        }
                        self.go_to(self.index + 1)
                    }
                    InputEvent::Changed => Reaction::relayout(),
                    InputEvent::Refused(message) => Reaction::message(message),
                    InputEvent::Unchanged => self.scroll_by(action, height),
                }
            }
            (ExamPhase::Confirm(_), Action::Submit) => self.finish(),
            (ExamPhase::Confirm(exam), Action::NextItem) => {
                let exam = std::mem::replace(exam, empty_exam());
                self.phase = ExamPhase::Answering(exam);
                self.go_to(0)
            }
            (ExamPhase::Confirm(exam), Action::PrevItem) => {
                let last = exam.len().saturating_sub(1);
                let exam = std::mem::replace(exam, empty_exam());
                self.phase = ExamPhase::Answering(exam);
                self.go_to(last)
            }
            (ExamPhase::Review(_), Action::Submit) => Reaction {
                close: true,
                ..Reaction::default()
            },
            _ => self.scroll_by(action, height),
        }
    }

    /// Shows question `index`; past the last question, the finish page.
    fn go_to(&mut self, index: usize) -> Reaction {
        self.scroll = 0;
        if let ExamPhase::Answering(exam) = &mut self.phase {
            if index >= exam.len() {
                let exam = std::mem::replace(exam, empty_exam());
                self.phase = ExamPhase::Confirm(exam);
            } else {
                self.index = index;
            }
        }
        Reaction::relayout()
    }

    /// Grades everything; every answer (or its absence) goes to progress as an exam answer.
    fn finish(&mut self) -> Reaction {
        let exam = match std::mem::replace(&mut self.phase, ExamPhase::Answering(empty_exam())) {
            ExamPhase::Answering(exam) | ExamPhase::Confirm(exam) => exam,
            review @ ExamPhase::Review(_) => {
                self.phase = review;
                return Reaction::default();
            }
        };
        let report = exam.finish();
        let records = report
            .reviews
            .iter()
            .map(|review| Record::Answer {
                kind: ItemKind::Question,
                id: review.question.question.id.clone(),
                outcome: Outcome::Score(f64::from(review.outcome.score)),
                mode: Mode::Exam,
            })
            .collect();
        self.phase = ExamPhase::Review(report);
        self.scroll = 0;
        Reaction {
            relayout: true,
            records,
            ..Reaction::default()
        }
    }

    fn scroll_by(&mut self, action: Action, height: usize) -> Reaction {
        self.scroll = scrolled(self.scroll, action, self.rendered.lines.len(), height);
        Reaction::default()
    }

    pub fn layout(&mut self, theme: &Theme, width: u16, height: usize) {
        self.rendered = render_exam(self, document_width(width), theme);
        let max = self.rendered.lines.len().saturating_sub(height);
        self.scroll = self.rendered.scroll_to_focus(self.scroll, height).min(max);
    }
}

/// A placeholder while the exam moves between phases (never shown).
fn empty_exam() -> MockExam {
    MockExam::from_questions(0, Vec::new())
}
