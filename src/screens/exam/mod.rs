//! The mock exam: a fixed set of mixed questions against a countdown, answers recorded without
//! feedback, a finish page, then a review of every question and a per-topic breakdown.

mod view;

use std::time::{Duration, Instant};

use crossterm::event::KeyCode;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::lesson::LessonScreen;
use super::quiz::QuizScreen;
use super::quiz::keys::OPTIONS;
use super::{Chrome, Context, Reaction, Record, Screen, ScreenState};
use crate::content::Course;
use crate::input::answer::{AnswerInput, InputEvent, InputMode, input_mode};
use crate::input::keys::{BACK, SCROLL, TYPED_ANSWER};
use crate::input::{Action, Binding, Keymap, Unbound, bind};
use crate::progress::{ItemKind, ItemRef, Mode, NewSitting, Outcome};
use crate::quiz::{ExamAnswer, ExamReport, MockExam, QuizSession};
use crate::quiz::{answer_code, grade};
use crate::ui::scrolled::ScrolledDoc;

#[rustfmt::skip]
const RECORD: &[Binding] = &[
    bind(&[KeyCode::Enter], "Enter", "record the answer and go to the next question", Action::Submit).hint("Enter record & next"),
];

#[rustfmt::skip]
const LEAVE: &[Binding] = &[
    bind(&[KeyCode::Char('?')], "?", "this help", Action::Help).hint("? help"),
    bind(&[KeyCode::Esc, KeyCode::Char('q')], "Esc q", "leave the exam (asks first)", Action::Back).hint("Esc leave"),
];

#[rustfmt::skip]
const MOVE: &[Binding] = &[
    bind(&[KeyCode::Tab], "Tab", "next question", Action::NextItem).hint("Tab/Shift-Tab move"),
    bind(&[KeyCode::BackTab], "Shift-Tab", "previous question", Action::PrevItem),
];

#[rustfmt::skip]
const FINISH: &[Binding] = &[
    bind(&[KeyCode::Enter], "Enter", "finish the exam", Action::Submit).hint("Enter finish"),
    bind(&[KeyCode::Tab], "Tab", "back to the first question", Action::NextItem).hint("Tab back to the questions"),
    bind(&[KeyCode::BackTab], "Shift-Tab", "back to the last question", Action::PrevItem),
];

#[rustfmt::skip]
const REVIEWED: &[Binding] = &[
    bind(&[KeyCode::Char('o')], "o", "open the lesson of the question at the top", Action::OpenLesson).hint("o lesson"),
    bind(&[KeyCode::Char(']')], "]", "next question", Action::NextSection).hint("]/[ question"),
    bind(&[KeyCode::Char('[')], "[", "previous question", Action::PrevSection),
    bind(&[KeyCode::Char('r')], "r", "retry the missed questions, with feedback", Action::Retry).hint("r retry missed"),
    bind(&[KeyCode::Enter], "Enter", "back", Action::Submit).hint("Enter back"),
];

#[rustfmt::skip]
const BEGIN: &[Binding] = &[
    bind(&[KeyCode::Enter], "Enter", "start the exam (and its clock)", Action::Submit).hint("Enter start"),
];

const CHOOSING: Keymap =
    Keymap::new("Mock exam", &[RECORD, OPTIONS, MOVE, LEAVE]).unbound(Unbound::Pick(9));
const TYPING: Keymap =
    Keymap::new("Mock exam", &[RECORD, MOVE, TYPED_ANSWER]).unbound(Unbound::Type);
const CONFIRM: Keymap = Keymap::new("Mock exam", &[FINISH, SCROLL, BACK]);
const INTRO: Keymap = Keymap::new("Mock exam", &[BEGIN, SCROLL, BACK]);
const REVIEW: Keymap = Keymap::new("Mock exam", &[REVIEWED, SCROLL, BACK]);

pub enum ExamPhase {
    /// Before the clock starts: how many questions, the time, the pass mark.
    Intro(MockExam),
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
    /// The whole exam's time; the clock starts when the learner leaves the intro.
    pub time_limit: Option<Duration>,
    pub deadline: Option<Instant>,
    /// The number of questions asked for, when the pool may hold fewer.
    pub requested: Option<usize>,
    /// The percentage that passes.
    pub pass_mark: u8,
    /// The time at the last tick, for the countdown.
    pub now: Instant,
    pub time_up: bool,
    /// When the clock started (leaving the intro).
    pub started: Option<Instant>,
    pub doc: ScrolledDoc,
}

impl ExamScreen {
    pub fn new(exam: MockExam, time_limit: Option<Duration>, now: Instant) -> Self {
        let inputs = exam
            .questions()
            .iter()
            .map(AnswerInput::for_question)
            .collect();
        Self {
            phase: ExamPhase::Intro(exam),
            index: 0,
            inputs,
            time_limit,
            deadline: None,
            requested: None,
            pass_mark: super::start::DEFAULT_PASS_MARK,
            now,
            time_up: false,
            started: None,
            doc: ScrolledDoc::default(),
        }
    }

    /// An exam kept in progress, resumed where it stopped: no intro, the clock going on with the
    /// time that was left.
    pub fn resumed(
        exam: MockExam,
        time_left: Option<Duration>,
        time_used: Duration,
        index: usize,
        now: Instant,
    ) -> Self {
        let mut screen = Self::new(exam, time_left, now);
        let ExamPhase::Intro(exam) =
            std::mem::replace(&mut screen.phase, ExamPhase::Intro(empty_exam()))
        else {
            unreachable!("a new exam opens on its intro")
        };
        screen.index = index.min(exam.len().saturating_sub(1));
        screen.phase = ExamPhase::Answering(exam);
        screen.started = now.checked_sub(time_used).or(Some(now));
        screen.deadline = time_left.map(|left| now + left);
        screen
    }

    /// Whether the exam is under way (not yet finished and reviewed).
    pub fn in_progress(&self) -> bool {
        !matches!(self.phase, ExamPhase::Review(_))
    }

    pub fn seconds_left(&self) -> Option<u64> {
        self.deadline
            .map(|deadline| deadline.saturating_duration_since(self.now).as_secs())
    }

    fn act_now(&mut self, action: Action, course: &Course) -> Reaction {
        if let Action::Tick(now) = action {
            self.now = now;
            if self.deadline.is_some_and(|deadline| now >= deadline)
                && matches!(self.phase, ExamPhase::Answering(_) | ExamPhase::Confirm(_))
            {
                self.time_up = true;
                let mut reaction = self.finish();
                reaction.message = Some("Time's up: the exam is finished.".into());
                return reaction;
            }
            return Reaction::default();
        }
        match (&mut self.phase, action) {
            (ExamPhase::Intro(exam), Action::Submit) => {
                let exam = std::mem::replace(exam, empty_exam());
                // The exam is kept as a sitting from its first moment: every answer is saved as
                // it is given, so a killed exam keeps them.
                let sitting = NewSitting {
                    mode: Mode::Exam,
                    items: exam
                        .questions()
                        .iter()
                        .map(|q| ItemRef::new(ItemKind::Question, &q.question.id))
                        .collect(),
                    seed: Some(exam.seed()),
                    detail: None,
                    time_limit_seconds: self.time_limit.map(|limit| limit.as_secs()),
                };
                self.phase = ExamPhase::Answering(exam);
                // The clock starts now, not when the intro opened.
                self.now = Instant::now();
                self.started = Some(self.now);
                self.deadline = self.time_limit.map(|limit| self.now + limit);
                Reaction::keep(vec![Record::SittingStarted(sitting)])
            }
            (ExamPhase::Review(_), Action::Retry) => self.retry_missed(),
            (ExamPhase::Review(_), Action::OpenLesson) => self.open_lesson(course),
            (ExamPhase::Answering(_), Action::NextItem) => self.go_to(self.index + 1),
            (ExamPhase::Answering(_), Action::PrevItem) => self.go_to(self.index.saturating_sub(1)),
            (ExamPhase::Answering(exam), _) => {
                let Some(question) = exam.questions().get(self.index) else {
                    return Reaction::default();
                };
                match self.inputs[self.index].act(action, question) {
                    InputEvent::Submit(answer) => {
                        // Graded now (and shown only at the end) so the answer can be kept now.
                        let graded = grade(&question.question, &answer);
                        // Written so a resumed exam can read it back.
                        let response = answer_code::encode(&answer);
                        // The index is always within the exam, so recording cannot fail; input
                        // that is not an answer is refused with a hint and asked again.
                        if let Ok(ExamAnswer::Refused(refused)) = exam.record(self.index, answer) {
                            return Reaction::message(refused.hint);
                        }
                        let kept = graded.outcome().map(|outcome| Record::ExamAnswer {
                            index: self.index,
                            response,
                            outcome: Outcome::Score(f64::from(outcome.score)),
                            seconds_used: self.started.map_or(0, |started| {
                                self.now.saturating_duration_since(started).as_secs()
                            }),
                        });
                        let mut reaction = self.go_to(self.index + 1);
                        reaction.records.extend(kept);
                        reaction
                    }
                    InputEvent::Changed => Reaction::none(),
                    InputEvent::Refused(message) => Reaction::message(message),
                    InputEvent::Unchanged => self.scroll_by(action),
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
            (ExamPhase::Review(_), Action::Submit) => Reaction::close(),
            _ => self.scroll_by(action),
        }
    }

    /// Shows question `index`; past the last question, the finish page.
    fn go_to(&mut self, index: usize) -> Reaction {
        self.doc.reset();
        if let ExamPhase::Answering(exam) = &mut self.phase {
            if index >= exam.len() {
                let exam = std::mem::replace(exam, empty_exam());
                self.phase = ExamPhase::Confirm(exam);
            } else {
                self.index = index;
            }
        }
        Reaction::none()
    }

    /// Grades everything; every answer (or its absence) goes to progress as an exam answer.
    fn finish(&mut self) -> Reaction {
        let exam = match std::mem::replace(&mut self.phase, ExamPhase::Answering(empty_exam())) {
            ExamPhase::Intro(exam) | ExamPhase::Answering(exam) | ExamPhase::Confirm(exam) => exam,
            review @ ExamPhase::Review(_) => {
                self.phase = review;
                return Reaction::default();
            }
        };
        let report = exam.finish();
        self.phase = ExamPhase::Review(report);
        self.doc.reset();
        // Handing in moves the kept answers to their items' history and keeps the attempt.
        Reaction::keep(vec![Record::ExamFinished])
    }

    /// A quiz over the questions the exam missed (a partial answer counts as missed), with
    /// feedback after each this time.
    fn retry_missed(&self) -> Reaction {
        let ExamPhase::Review(report) = &self.phase else {
            return Reaction::none();
        };
        let missed: Vec<_> = report
            .reviews
            .iter()
            .filter(|review| !review.outcome.is_right())
            .map(|review| review.question.clone())
            .collect();
        if missed.is_empty() {
            return Reaction::message("Nothing was missed: there is nothing to retry.");
        }
        let session = QuizSession::from_questions(report.seed, missed);
        Reaction::open(Screen::Quiz(Box::new(QuizScreen::new(session))))
    }

    /// The lesson section the question at the top of the results cites.
    fn open_lesson(&self, course: &Course) -> Reaction {
        let Some(reference) = self.doc.current_section().map(|(anchor, _)| anchor) else {
            return Reaction::message("Scroll to a question first; o opens its lesson.");
        };
        match LessonScreen::at_reference(course, &reference) {
            Some(lesson) => Reaction::open(Screen::Lesson(Box::new(lesson))),
            None => Reaction::message(format!("The lesson “{reference}” is not in this course.")),
        }
    }

    fn scroll_by(&mut self, action: Action) -> Reaction {
        self.doc.scroll(action);
        Reaction::none()
    }
}

impl ScreenState for ExamScreen {
    fn keymap(&self) -> Keymap {
        match &self.phase {
            ExamPhase::Answering(exam) => match exam.questions().get(self.index) {
                Some(q) if input_mode(&q.question.kind) == InputMode::Type => TYPING,
                _ => CHOOSING,
            },
            ExamPhase::Intro(_) => INTRO,
            ExamPhase::Confirm(_) => CONFIRM,
            ExamPhase::Review(_) => REVIEW,
        }
    }

    fn act(&mut self, action: Action, cx: &Context) -> Reaction {
        self.act_now(action, cx.course)
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Context) -> Chrome {
        view::draw_exam(frame, area, cx, self)
    }

    fn wants_ticks(&self) -> bool {
        self.deadline.is_some()
            && matches!(self.phase, ExamPhase::Answering(_) | ExamPhase::Confirm(_))
    }

    fn leave_warning(&self) -> Option<&'static str> {
        matches!(self.phase, ExamPhase::Answering(_) | ExamPhase::Confirm(_))
            .then_some("Leaving ends the exam without results")
    }
}

/// A placeholder while the exam moves between phases (never shown).
fn empty_exam() -> MockExam {
    MockExam::from_questions(0, Vec::new())
}
