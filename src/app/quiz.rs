//! The quiz screen: one question at a time, immediate feedback after every answer (right or
//! wrong) with the explanation and a key to the lesson section, a running score, and at the end
//! a summary with a retry round over the missed questions.

use super::answer_input::{AnswerInput, InputEvent, InputMode, input_mode};
use super::lesson::LessonScreen;
use super::record::Record;
use super::screens::{Reaction, scrolled};
use super::{Action, KeyContext, Screen};
use crate::content::Course;
use crate::progress::{ItemKind, Mode, Outcome};
use crate::quiz::{QuizSession, Submission};
use crate::ui::document::Rendered;
use crate::ui::document_width;
use crate::ui::question::{render_quiz, render_summary};
use crate::ui::theme::Theme;

pub struct QuizScreen {
    pub session: QuizSession,
    pub input: AnswerInput,
    /// 1 for the first round, 2 for the first retry of missed questions, and so on.
    pub round: usize,
    /// How answers count for progress: a quiz or review moves the schedule, cram does not.
    pub mode: Mode,
    pub scroll: usize,
    pub rendered: Rendered,
}

impl QuizScreen {
    pub fn new(session: QuizSession) -> Self {
        let input = session
            .current()
            .map(AnswerInput::for_question)
            .unwrap_or_default();
        Self {
            session,
            input,
            round: 1,
            mode: Mode::Quiz,
            scroll: 0,
            rendered: Rendered::default(),
        }
    }

    fn is_answered(&self) -> bool {
        self.session.current_result().is_some()
    }

    /// Letters are typed while a typed question waits for its answer; otherwise they are keys.
    pub fn key_context(&self) -> KeyContext {
        match self.session.current() {
            Some(q) if !self.is_answered() && input_mode(&q.question.kind) == InputMode::Type => {
                KeyContext::Typing
            }
            _ => KeyContext::Quiz,
        }
    }

    pub fn act(&mut self, action: Action, course: &Course, height: usize) -> Reaction {
        if self.session.is_finished() {
            return self.act_on_summary(action, height);
        }
        if self.is_answered() {
            return match action {
                Action::Submit => {
                    self.session.advance();
                    self.input = self
                        .session
                        .current()
                        .map(AnswerInput::for_question)
                        .unwrap_or_default();
                    self.scroll = 0;
                    Reaction::relayout()
                }
                Action::OpenLesson => self.open_lesson(course),
                _ => self.scroll_by(action, height),
            };
        }
        let Some(question) = self.session.current() else {
            return Reaction::default();
        };
        match self.input.act(action, question) {
            InputEvent::Submit(answer) => {
                let id = question.question.id.clone();
                // The session refuses only a finished round or a second answer; neither can be
                // on screen here, so there is nothing to tell the learner.
                let result = match self.session.submit(answer) {
                    Ok(Submission::Graded(result)) => result,
                    // Not an answer ("256 nodes"): say what to type, ask again, record nothing.
                    Ok(Submission::Refused(refused)) => return Reaction::message(refused.hint),
                    Err(_) => return Reaction::default(),
                };
                let outcome = Outcome::Score(f64::from(result.outcome.score));
                let record = Record::Answer {
                    kind: ItemKind::Question,
                    id,
                    outcome,
                    mode: self.mode,
                };
                Reaction {
                    relayout: true,
                    records: vec![record],
                    ..Reaction::default()
                }
            }
            InputEvent::Changed => Reaction::relayout(),
            InputEvent::Refused(message) => Reaction::message(message),
            InputEvent::Unchanged => match action {
                Action::OpenLesson => {
                    Reaction::message("Answer first; then o opens the lesson section.".into())
                }
                _ => self.scroll_by(action, height),
            },
        }
    }

    fn act_on_summary(&mut self, action: Action, height: usize) -> Reaction {
        match action {
            Action::Retry => match self.session.retry_missed() {
                Some(retry) => {
                    let (round, mode) = (self.round + 1, self.mode);
                    *self = Self::new(retry);
                    (self.round, self.mode) = (round, mode);
                    Reaction::relayout()
                }
                None => Reaction::message("Nothing was missed: there is nothing to retry.".into()),
            },
            Action::Submit => Reaction {
                close: true,
                ..Reaction::default()
            },
            _ => self.scroll_by(action, height),
        }
    }

    fn open_lesson(&self, course: &Course) -> Reaction {
        let reference = self
            .session
            .current()
            .map(|q| q.question.see.as_str())
            .unwrap_or_default();
        match LessonScreen::at_reference(course, reference) {
            Some(lesson) => Reaction {
                open: Some(Box::new(Screen::Lesson(lesson))),
                ..Reaction::default()
            },
            None => Reaction::message(format!("The lesson “{reference}” is not in this course.")),
        }
    }

    fn scroll_by(&mut self, action: Action, height: usize) -> Reaction {
        self.scroll = scrolled(self.scroll, action, self.rendered.lines.len(), height);
        Reaction::default()
    }

    pub fn layout(&mut self, course: &Course, theme: &Theme, width: u16, height: usize) {
        let width = document_width(width);
        self.rendered = if self.session.is_finished() {
            render_summary(&self.session, self.round, width, theme)
        } else {
            render_quiz(self, course, width, theme)
        };
        let max = self.rendered.lines.len().saturating_sub(height);
        // After an answer the feedback is at the end: show it.
        self.scroll = if self.is_answered() {
            max
        } else {
            self.rendered.scroll_to_focus(self.scroll, height).min(max)
        };
    }
}
