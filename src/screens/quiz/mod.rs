//! The quiz screen: one question at a time, immediate feedback after every answer (right or
//! wrong) with the explanation and a key to the lesson section, a running score, and at the end
//! a summary with a retry round over the missed questions.

pub mod keys;
pub mod question;
mod view;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::lesson::LessonScreen;
use super::{Chrome, Context, Reaction, Record, Screen, ScreenState};
use crate::content::Course;
use crate::input::answer::{AnswerInput, InputEvent, InputMode, input_mode};
use crate::input::{Action, Keymap};
use crate::progress::{ItemKind, ItemRef, Mode, NewSitting, Outcome};
use crate::quiz::{QuizSession, Submission};
use crate::ui::scrolled::ScrolledDoc;

pub struct QuizScreen {
    pub session: QuizSession,
    pub input: AnswerInput,
    /// 1 for the first round, 2 for the first retry of missed questions, and so on.
    pub round: usize,
    /// How answers count for progress: a quiz or review moves the schedule, cram does not.
    pub mode: Mode,
    pub doc: ScrolledDoc,
    /// How often each question was put back in this sitting (reviews only).
    asked_again: std::collections::HashMap<String, u8>,
    /// Where this session's first question sits in the quiz kept in progress (a resumed quiz
    /// starts part-way); `None` until the sitting is kept, at the first answer.
    pub sitting_offset: Option<usize>,
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
            doc: ScrolledDoc::default(),
            asked_again: std::collections::HashMap::new(),
            sitting_offset: None,
        }
    }

    fn is_answered(&self) -> bool {
        self.session.current_result().is_some()
    }

    fn act_on_question(&mut self, action: Action, course: &Course) -> Reaction {
        if self.session.is_finished() {
            return self.act_on_summary(action);
        }
        if self.is_answered() {
            return match action {
                Action::Submit => {
                    self.session.advance();
                    let moved = self.sitting_moved();
                    self.input = self
                        .session
                        .current()
                        .map(AnswerInput::for_question)
                        .unwrap_or_default();
                    self.doc.reset();
                    Reaction::keep(moved)
                }
                Action::OpenLesson => self.open_lesson(course),
                _ => self.scroll_by(action),
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
                let missed = !result.outcome.is_right();
                let index = result.index;
                if missed && self.mode == Mode::Review {
                    self.ask_again(index, &id);
                }
                let record = Record::Answer {
                    kind: ItemKind::Question,
                    id,
                    outcome,
                    mode: self.mode,
                };
                // The feedback is at the end: show it.
                self.doc.show_end();
                let mut records = self.keep_sitting();
                records.push(record);
                // Answered: a quiz left now continues at the next question.
                if let Some(offset) = self.sitting_offset {
                    records.push(Record::SittingMoved {
                        mode: self.mode,
                        position: offset + self.session.position() + 1,
                    });
                }
                Reaction::keep(records)
            }
            InputEvent::Changed => Reaction::none(),
            InputEvent::Refused(message) => Reaction::message(message),
            InputEvent::Unchanged => match action {
                Action::OpenLesson => {
                    Reaction::message("Answer first; then o opens the lesson section.")
                }
                _ => self.scroll_by(action),
            },
        }
    }

    fn act_on_summary(&mut self, action: Action) -> Reaction {
        match action {
            Action::Retry => match self.session.retry_missed() {
                Some(retry) => {
                    let (round, mode) = (self.round + 1, self.mode);
                    *self = Self::new(retry);
                    (self.round, self.mode) = (round, mode);
                    Reaction::none()
                }
                None => Reaction::message("Nothing was missed: there is nothing to retry."),
            },
            Action::Submit => Reaction::close(),
            _ => self.scroll_by(action),
        }
    }

    fn open_lesson(&self, course: &Course) -> Reaction {
        let reference = self
            .session
            .current()
            .map(|q| q.question.see.as_str())
            .unwrap_or_default();
        match LessonScreen::at_reference(course, reference) {
            Some(lesson) => Reaction::open(Screen::Lesson(Box::new(lesson))),
            None => Reaction::message(format!("The lesson “{reference}” is not in this course.")),
        }
    }

    fn scroll_by(&mut self, action: Action) -> Reaction {
        self.doc.scroll(action);
        Reaction::none()
    }

    /// The quiz kept in progress, from its first answer: a quiz left mid-way is offered by
    /// Continue on home. Cram is a drill off the record, so it keeps no sitting.
    fn keep_sitting(&mut self) -> Vec<Record> {
        if self.sitting_offset.is_some() || self.mode == Mode::Cram {
            return Vec::new();
        }
        self.sitting_offset = Some(0);
        vec![Record::SittingStarted(NewSitting {
            mode: self.mode,
            items: self
                .session
                .questions()
                .iter()
                .map(|q| ItemRef::new(ItemKind::Question, &q.question.id))
                .collect(),
            seed: Some(self.session.seed()),
            detail: None,
            time_limit_seconds: None,
        })]
    }

    /// After Enter moved on: where the kept quiz now is, or its end.
    fn sitting_moved(&self) -> Vec<Record> {
        let Some(offset) = self.sitting_offset else {
            return Vec::new();
        };
        let mode = self.mode;
        if self.session.is_finished() {
            vec![Record::SittingEnded { mode }]
        } else {
            vec![Record::SittingMoved {
                mode,
                position: offset + self.session.position(),
            }]
        }
    }

    /// A review's miss comes back later in the same sitting, up to a few times, so a question
    /// that will not stick does not take the whole review over.
    fn ask_again(&mut self, index: usize, id: &str) {
        const AT_MOST: u8 = 3;
        let times = self.asked_again.entry(id.to_string()).or_default();
        if *times < AT_MOST {
            *times += 1;
            self.session.ask_again_later(index);
        }
    }
}

impl ScreenState for QuizScreen {
    fn keymap(&self) -> Keymap {
        if self.session.is_finished() {
            return if self.session.missed().is_empty() {
                keys::SUMMARY_ALL_RIGHT
            } else {
                keys::SUMMARY
            };
        }
        match self.session.current() {
            Some(_) if self.is_answered() => keys::ANSWERED,
            Some(q) if input_mode(&q.question.kind) == InputMode::Type => keys::TYPING,
            _ => keys::CHOOSING,
        }
    }

    fn act(&mut self, action: Action, cx: &Context) -> Reaction {
        self.act_on_question(action, cx.course)
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Context) -> Chrome {
        view::draw_quiz(frame, area, cx, self)
    }

    /// A quiz under way (something answered or typed, not yet at its summary) asks before it
    /// ends; what was answered is already kept.
    fn leave_warning(&self) -> Option<&'static str> {
        let started = self.session.answered() > 0 || !self.input.typed.is_empty();
        (started && !self.session.is_finished())
            .then_some("This leaves the quiz before its summary (answers are kept; Continue on home comes back)")
    }
}
