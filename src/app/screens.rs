//! The state of each screen, and how each one moves. Drawing is in `ui`.

use super::exam::ExamScreen;
use super::interview::InterviewScreen;
use super::lab::LabScreen;
use super::lesson::LessonScreen;
use super::netpol_lab::NetpolLabScreen;
use super::quiz::QuizScreen;
use super::record::Record;
use super::search::SearchScreen;
use super::sizing::SizingScreen;
use super::stats::StatsScreen;
use super::{Action, Effect};
use crate::content::Course;

pub enum Screen {
    Home(ListScreen),
    Topic(TopicScreen),
    Lesson(LessonScreen),
    Lab(LabScreen),
    Sizing(Box<SizingScreen>),
    Quiz(Box<QuizScreen>),
    Interview(Box<InterviewScreen>),
    Stats(Box<StatsScreen>),
    Exam(Box<ExamScreen>),
    Search(Box<SearchScreen>),
    NetpolLab(Box<NetpolLabScreen>),
}

/// What a screen's handling of an action asks of the app.
#[derive(Default)]
pub struct Reaction {
    /// The screen's layout changed and must be computed again.
    pub relayout: bool,
    /// A one-line message for the footer.
    pub message: Option<String>,
    pub effect: Option<Effect>,
    /// Open this screen on top (a lesson from a question's reference).
    pub open: Option<Box<Screen>>,
    /// The screen is done: go back to the one below.
    pub close: bool,
    /// What progress should keep.
    pub records: Vec<Record>,
}

impl Reaction {
    pub fn relayout() -> Self {
        Self {
            relayout: true,
            ..Self::default()
        }
    }

    pub fn message(message: String) -> Self {
        Self {
            message: Some(message),
            ..Self::default()
        }
    }

    /// Relayout unless there is a message (which says why nothing changed).
    pub fn unless_message(message: Option<String>) -> Self {
        Self {
            relayout: message.is_none(),
            message,
            ..Self::default()
        }
    }
}

/// A selectable list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListScreen {
    pub selected: usize,
}

impl ListScreen {
    pub fn navigate(&mut self, action: Action, count: usize, page: usize) {
        let last = count.saturating_sub(1);
        self.selected = match action {
            Action::Up | Action::ScrollUp => self.selected.saturating_sub(1),
            Action::Down | Action::ScrollDown => (self.selected + 1).min(last),
            Action::PageUp => self.selected.saturating_sub(page),
            Action::PageDown => (self.selected + page).min(last),
            Action::Top => 0,
            Action::Bottom => last,
            _ => self.selected,
        };
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopicEntry {
    Lesson(usize),
    Lab(usize),
    /// An "allowed or denied?" network policy scenario.
    NetpolLab(usize),
    /// A quiz on the topic's questions (only when it has some).
    Quiz,
    /// The same questions without touching the review schedule.
    Cram,
}

pub struct TopicScreen {
    pub topic: usize,
    pub list: ListScreen,
}

impl TopicScreen {
    pub fn new(topic: usize) -> Self {
        Self {
            topic,
            list: ListScreen::default(),
        }
    }

    /// Lessons first, then labs and network policy scenarios, as a topic is studied.
    pub fn entries(&self, course: &Course) -> Vec<TopicEntry> {
        let topic = &course.topics[self.topic];
        let quiz = if topic.questions.is_empty() {
            vec![]
        } else {
            vec![TopicEntry::Quiz, TopicEntry::Cram]
        };
        (0..topic.lessons.len())
            .map(TopicEntry::Lesson)
            .chain((0..topic.labs.len()).map(TopicEntry::Lab))
            .chain((0..topic.netpol.len()).map(TopicEntry::NetpolLab))
            .chain(quiz)
            .collect()
    }
}

/// Scrolling shared by the lesson reader and the lab view.
pub(super) fn scrolled(scroll: usize, action: Action, lines: usize, height: usize) -> usize {
    let max = lines.saturating_sub(height);
    let page = height.saturating_sub(2).max(1);
    let next = match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll + 1,
        Action::ScrollUp => scroll.saturating_sub(3),
        Action::ScrollDown => scroll + 3,
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll + page,
        Action::Top => 0,
        Action::Bottom => max,
        _ => scroll,
    };
    next.min(max)
}
