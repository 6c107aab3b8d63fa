//! The home screen: where to continue, the topics, then the practice modes.

mod outline;
mod view;

pub use outline::{HomeOutline, TopicLine};

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::interview::level_picker;
use super::topic::TopicScreen;
use super::{Chrome, Context, Reaction, Screen, ScreenState, Start};
use crate::content::Course;
use crate::input::keys::{FIND, LIST};
use crate::input::{Action, Keymap, bind};
use crate::progress::{Mode, Place, Progress};
use crate::quiz::QuizRequest;
use crate::ui::menu::ListState;
use crate::ui::theme::Theme;
use crossterm::event::KeyCode;

#[rustfmt::skip]
const QUIT: &[crate::input::Binding] = &[
    bind(&[KeyCode::Char('R')], "R", "reload the course from --content (for authors)", Action::Reload),
    bind(&[KeyCode::Char('?')], "?", "this help", Action::Help).hint("? help"),
    bind(&[KeyCode::Char('q'), KeyCode::Esc], "q Esc", "quit", Action::Back).hint("q quit"),
];

const KEYS: Keymap = Keymap::new("Home", &[LIST, FIND, QUIT]);

#[derive(Debug, Default)]
pub struct HomeScreen {
    pub list: ListState,
}

impl ScreenState for HomeScreen {
    fn keymap(&self) -> Keymap {
        KEYS
    }

    fn act(&mut self, action: Action, cx: &Context) -> Reaction {
        let entries = HomeOutline::from_context(cx).entries();
        if action != Action::Open {
            self.list.navigate(action, entries.len());
            return Reaction::none();
        }
        match entries.get(self.list.selected) {
            Some(HomeEntry::Continue) => Reaction::start(Start::Continue),
            Some(HomeEntry::ContinueExam) => Reaction::start(Start::ContinueExam),
            Some(HomeEntry::AskName) => Reaction::open(Screen::NamePrompt(Box::default())),
            Some(HomeEntry::ContinueQuiz(mode)) => Reaction::start(Start::ContinueQuiz(*mode)),
            Some(HomeEntry::Topic(topic)) => {
                Reaction::open(Screen::Topic(Box::new(TopicScreen::new(*topic))))
            }
            // The level matters to a candidate: home asks for it.
            Some(HomeEntry::Practice(Practice::Interview)) => {
                Reaction::open(Screen::Picker(Box::new(level_picker())))
            }
            Some(HomeEntry::Practice(practice)) => Reaction::start(practice.start()),
            None => Reaction::none(),
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Context) -> Chrome {
        let home = HomeOutline::from_context(cx);
        view::draw_home(frame.buffer_mut(), area, &home, cx.theme, &self.list);
        Chrome::default()
    }
}

impl HomeScreen {
    /// Draws home from an outline made before the course has loaded (see
    /// [`HomeOutline::from_index`]): the same body `draw` gives once it has.
    pub fn draw_outline(
        &self,
        buffer: &mut Buffer,
        area: Rect,
        home: &HomeOutline,
        theme: &Theme,
    ) -> Chrome {
        view::draw_home(buffer, area, home, theme, &self.list);
        Chrome::default()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HomeEntry {
    /// An exam that was not handed in (the terminal closed, say): back to it, answers kept.
    ContinueExam,
    /// A quiz or review left before its end: back to its next question.
    ContinueQuiz(Mode),
    /// The name reports should show: asked until given or declined.
    AskName,
    /// Back to the lesson section or lab step the learner left.
    Continue,
    Topic(usize),
    Practice(Practice),
}

/// A way to practise, offered under the topics on the home screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Practice {
    Review,
    Quiz,
    Interview,
    Exam,
    Sizing,
    Debug,
    Stats,
}

impl Practice {
    pub const ALL: [Practice; 7] = [
        Practice::Review,
        Practice::Quiz,
        Practice::Interview,
        Practice::Exam,
        Practice::Sizing,
        Practice::Debug,
        Practice::Stats,
    ];

    /// The exam the menu offers: 20 questions, 90 seconds each.
    pub const EXAM_QUESTIONS: usize = 20;

    /// How the mode starts from the menu: the command line's defaults.
    pub fn start(self) -> Start {
        match self {
            Practice::Review => Start::Review,
            Practice::Quiz => Start::Quiz(QuizRequest {
                count: Some(10),
                include_table_questions: true,
                ..QuizRequest::default()
            }),
            Practice::Interview => Start::Interview {
                level: None,
                topic: None,
                time_limit: None,
            },
            Practice::Exam => Start::Exam {
                request: QuizRequest {
                    count: Some(Self::EXAM_QUESTIONS),
                    ..QuizRequest::default()
                },
                time_limit: None,
                pass_mark: super::start::DEFAULT_PASS_MARK,
            },
            Practice::Sizing => Start::Sizing { seed: None },
            Practice::Debug => Start::Debug {
                scenario: None,
                seed: None,
            },
            Practice::Stats => Start::Stats,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Practice::Review => "Review: questions due",
            Practice::Quiz => "Practice: quiz",
            Practice::Interview => "Practice: interview rehearsal",
            Practice::Exam => "Practice: mock exam",
            Practice::Sizing => "Practice: sizing exercises",
            Practice::Debug => "Practice: debugging labs",
            Practice::Stats => "Stats: mastery, history, streak",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Practice::Review => "Spaced review of what you have answered before",
            Practice::Quiz => "Ten questions from the whole course, with feedback after each",
            Practice::Interview => "Answer in your own words, then compare with the model answer",
            Practice::Exam => {
                "20 mixed questions in 30 minutes; results and weak topics at the end"
            }
            Practice::Sizing => "Generated IP-sizing problems with worked solutions",
            Practice::Debug => {
                "An incident to investigate: run diagnostics, name the root cause and the fix"
            }
            Practice::Stats => "Mastery per topic, scores over time, due reviews, time spent",
        }
    }
}

/// "Lesson title › Section" for the saved resume point, when it still exists in the course.
pub fn resume_title(course: &Course, progress: &Progress) -> Option<String> {
    match progress.resume.as_ref()?.place() {
        Place::Lesson { lesson, section } => {
            course.describe_reference(&format!("{lesson}#{}", section.unwrap_or_default()))
        }
        Place::Lab { lab, .. } => course
            .labs()
            .find(|l| l.id == lab)
            .map(|l| format!("Lab: {}", l.title)),
        _ => None,
    }
}
