//! The state of each screen, and how each one moves. Drawing is in `ui`.

use std::collections::HashSet;

use super::interview::InterviewScreen;
use super::quiz::QuizScreen;
use super::sizing::SizingScreen;
use super::{Action, Effect, Start};
use crate::content::{Course, Lab, Lesson};
use crate::quiz::QuizRequest;
use crate::ui::document::{Rendered, render_document};
use crate::ui::document_width;
use crate::ui::lab::render_lab;
use crate::ui::theme::Theme;

pub enum Screen {
    Home(ListScreen),
    Topic(TopicScreen),
    Lesson(LessonScreen),
    Lab(LabScreen),
    Sizing(Box<SizingScreen>),
    Quiz(Box<QuizScreen>),
    Interview(Box<InterviewScreen>),
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
    fn unless_message(message: Option<String>) -> Self {
        Self {
            relayout: message.is_none(),
            message,
            ..Self::default()
        }
    }
}

/// The home screen lists the topics, then the practice modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HomeEntry {
    Topic(usize),
    Practice(Practice),
}

/// A way to practise, offered under the topics on the home screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Practice {
    Quiz,
    Interview,
    Sizing,
}

impl Practice {
    pub const ALL: [Practice; 3] = [Practice::Quiz, Practice::Interview, Practice::Sizing];

    /// How the mode starts from the menu: the command line's defaults.
    pub fn start(self) -> Start {
        match self {
            Practice::Quiz => Start::Quiz(QuizRequest {
                count: Some(10),
                include_table_questions: true,
                ..QuizRequest::default()
            }),
            Practice::Interview => Start::Interview {
                level: None,
                time_limit: None,
            },
            Practice::Sizing => Start::Sizing { seed: None },
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Practice::Quiz => "Practice: quiz",
            Practice::Interview => "Practice: interview rehearsal",
            Practice::Sizing => "Practice: sizing exercises",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Practice::Quiz => "Ten questions from the whole course, with feedback after each",
            Practice::Interview => "Answer in your own words, then compare with the model answer",
            Practice::Sizing => "Generated IP-sizing problems with worked solutions",
        }
    }
}

pub fn home_entries(course: &Course) -> Vec<HomeEntry> {
    (0..course.topics.len())
        .map(HomeEntry::Topic)
        .chain(Practice::ALL.map(HomeEntry::Practice))
        .collect()
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
    /// A quiz on the topic's questions (only when it has some).
    Quiz,
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

    /// Lessons first, then labs, as a topic is studied.
    pub fn entries(&self, course: &Course) -> Vec<TopicEntry> {
        let topic = &course.topics[self.topic];
        let quiz = (!topic.questions.is_empty()).then_some(TopicEntry::Quiz);
        (0..topic.lessons.len())
            .map(TopicEntry::Lesson)
            .chain((0..topic.labs.len()).map(TopicEntry::Lab))
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

pub struct LessonScreen {
    pub topic: usize,
    pub lesson: usize,
    pub eli5: bool,
    pub scroll: usize,
    pub rendered: Rendered,
    /// A section to scroll to once the lesson is laid out (opened from a question's reference).
    pending_anchor: Option<String>,
}

impl LessonScreen {
    pub fn new(topic: usize, lesson: usize) -> Self {
        Self {
            topic,
            lesson,
            eli5: false,
            scroll: 0,
            rendered: Rendered::default(),
            pending_anchor: None,
        }
    }

    /// The lesson a `see` reference (`lesson-id` or `lesson-id#anchor`) points at, opened at the
    /// section, in whichever version (technical or ELI5) has it.
    pub fn at_reference(course: &Course, reference: &str) -> Option<Self> {
        let (lesson_id, anchor) = match reference.split_once('#') {
            Some((lesson, anchor)) => (lesson, Some(anchor)),
            None => (reference, None),
        };
        let (topic, lesson) = course.topics.iter().enumerate().find_map(|(t, topic)| {
            topic
                .lessons
                .iter()
                .position(|l| l.id == lesson_id)
                .map(|l| (t, l))
        })?;
        let mut screen = Self::new(topic, lesson);
        if let Some(anchor) = anchor {
            let found = &course.topics[topic].lessons[lesson];
            screen.eli5 = !found.technical.anchors().any(|a| a == anchor)
                && found
                    .eli5
                    .as_ref()
                    .is_some_and(|d| d.anchors().any(|a| a == anchor));
            screen.pending_anchor = Some(anchor.to_string());
        }
        Some(screen)
    }

    pub fn lesson<'c>(&self, course: &'c Course) -> &'c Lesson {
        &course.topics[self.topic].lessons[self.lesson]
    }

    pub fn layout(&mut self, course: &Course, theme: &Theme, width: u16, height: usize) {
        let lesson = self.lesson(course);
        let document = match (&lesson.eli5, self.eli5) {
            (Some(eli5), true) => eli5,
            _ => &lesson.technical,
        };
        self.rendered = render_document(&document.blocks, document_width(width), theme);
        if let Some(anchor) = self.pending_anchor.take() {
            self.scroll = self
                .rendered
                .sections
                .iter()
                .find(|s| s.anchor == anchor)
                .map_or(0, |s| s.line);
        }
        self.scroll = self
            .scroll
            .min(self.rendered.lines.len().saturating_sub(height));
    }

    pub fn act(&mut self, action: Action, course: &Course, height: usize) -> Reaction {
        match action {
            Action::NextItem | Action::PrevItem => {
                Reaction::unless_message(self.step_lesson(course, action == Action::NextItem))
            }
            Action::ToggleEli5 => Reaction::unless_message(self.toggle_eli5(course)),
            _ => {
                self.scroll(action, height);
                Reaction::default()
            }
        }
    }

    pub fn scroll(&mut self, action: Action, height: usize) {
        let sections = &self.rendered.sections;
        self.scroll = match action {
            Action::NextSection => match sections.iter().find(|s| s.line > self.scroll) {
                Some(section) => section
                    .line
                    .min(self.rendered.lines.len().saturating_sub(height)),
                None => self.scroll,
            },
            Action::PrevSection => sections
                .iter()
                .rev()
                .find(|s| s.line < self.scroll)
                .map_or(0, |s| s.line),
            other => scrolled(self.scroll, other, self.rendered.lines.len(), height),
        };
    }

    /// The section the top of the view is in.
    pub fn current_section(&self) -> Option<&str> {
        self.rendered
            .sections
            .iter()
            .rev()
            .find(|s| s.line <= self.scroll)
            .map(|s| s.title.as_str())
    }

    /// Moves to the next or previous lesson of the course; a message when there is none.
    pub fn step_lesson(&mut self, course: &Course, forward: bool) -> Option<String> {
        let order: Vec<(usize, usize)> = course
            .topics
            .iter()
            .enumerate()
            .flat_map(|(t, topic)| (0..topic.lessons.len()).map(move |l| (t, l)))
            .collect();
        let here = order.iter().position(|&p| p == (self.topic, self.lesson))?;
        let next = if forward {
            order.get(here + 1)
        } else {
            here.checked_sub(1).and_then(|i| order.get(i))
        };
        match next {
            Some(&(topic, lesson)) => {
                *self = Self::new(topic, lesson);
                None
            }
            None if forward => Some("This is the last lesson of the course.".into()),
            None => Some("This is the first lesson of the course.".into()),
        }
    }

    pub fn toggle_eli5(&mut self, course: &Course) -> Option<String> {
        if self.lesson(course).eli5.is_none() {
            return Some("This lesson has no ELI5 version.".into());
        }
        self.eli5 = !self.eli5;
        self.scroll = 0;
        None
    }
}

pub struct LabScreen {
    pub topic: usize,
    pub lab: usize,
    pub selected: usize,
    pub scroll: usize,
    pub rendered: Rendered,
    /// The first line of each step in `rendered`.
    pub step_lines: Vec<usize>,
}

impl LabScreen {
    pub fn new(topic: usize, lab: usize) -> Self {
        Self {
            topic,
            lab,
            selected: 0,
            scroll: 0,
            rendered: Rendered::default(),
            step_lines: Vec::new(),
        }
    }

    pub fn lab<'c>(&self, course: &'c Course) -> &'c Lab {
        &course.topics[self.topic].labs[self.lab]
    }

    pub fn layout(
        &mut self,
        course: &Course,
        theme: &Theme,
        done: &HashSet<(String, String)>,
        width: u16,
        height: usize,
    ) {
        let lab = self.lab(course);
        let is_done = |step: &str| done.contains(&(lab.id.clone(), step.to_string()));
        let (rendered, step_lines) =
            render_lab(lab, &is_done, self.selected, document_width(width), theme);
        self.rendered = rendered;
        self.step_lines = step_lines;
        self.keep_selected_visible(height);
    }

    pub fn act(
        &mut self,
        action: Action,
        course: &Course,
        done: &mut HashSet<(String, String)>,
        height: usize,
    ) -> Reaction {
        match action {
            Action::ToggleDone => {
                let key = self.selected_key(course);
                if !done.remove(&key) {
                    done.insert(key);
                }
                Reaction::relayout()
            }
            Action::Copy => match self.selected_command(course) {
                Some(command) => Reaction {
                    message: Some(format!(
                        "Copied step {}'s command to the clipboard (OSC 52).",
                        self.selected + 1
                    )),
                    effect: Some(Effect::Copy(command.to_string())),
                    ..Reaction::default()
                },
                None => Reaction {
                    message: Some("This step has no command to copy.".into()),
                    ..Reaction::default()
                },
            },
            Action::NextItem | Action::PrevItem => {
                Reaction::unless_message(self.step_lab(course, action == Action::NextItem))
            }
            Action::Up | Action::Down => {
                self.select(action, course);
                Reaction::relayout()
            }
            _ => {
                self.scroll(action, height);
                Reaction::default()
            }
        }
    }

    pub fn select(&mut self, action: Action, course: &Course) {
        let last = self.lab(course).steps.len().saturating_sub(1);
        self.selected = match action {
            Action::Up => self.selected.saturating_sub(1),
            _ => (self.selected + 1).min(last),
        };
    }

    pub fn scroll(&mut self, action: Action, height: usize) {
        self.scroll = scrolled(self.scroll, action, self.rendered.lines.len(), height);
    }

    /// Scrolls so the selected step's start is on screen, showing as much of the step as fits.
    fn keep_selected_visible(&mut self, height: usize) {
        let Some(&start) = self.step_lines.get(self.selected) else {
            return;
        };
        let end = self
            .step_lines
            .get(self.selected + 1)
            .copied()
            .unwrap_or(self.rendered.lines.len());
        if start < self.scroll || self.selected == 0 {
            self.scroll = if self.selected == 0 { 0 } else { start };
        } else if end > self.scroll + height {
            self.scroll = start.min(end.saturating_sub(height));
        }
        self.scroll = self
            .scroll
            .min(self.rendered.lines.len().saturating_sub(height));
    }

    pub fn selected_key(&self, course: &Course) -> (String, String) {
        let lab = self.lab(course);
        let step = lab
            .steps
            .get(self.selected)
            .map(|s| s.id.clone())
            .unwrap_or_default();
        (lab.id.clone(), step)
    }

    pub fn selected_command<'c>(&self, course: &'c Course) -> Option<&'c str> {
        self.lab(course)
            .steps
            .get(self.selected)?
            .command
            .as_deref()
    }

    pub fn step_lab(&mut self, course: &Course, forward: bool) -> Option<String> {
        let order: Vec<(usize, usize)> = course
            .topics
            .iter()
            .enumerate()
            .flat_map(|(t, topic)| (0..topic.labs.len()).map(move |l| (t, l)))
            .collect();
        let here = order.iter().position(|&p| p == (self.topic, self.lab))?;
        let next = if forward {
            order.get(here + 1)
        } else {
            here.checked_sub(1).and_then(|i| order.get(i))
        };
        match next {
            Some(&(topic, lab)) => {
                *self = Self::new(topic, lab);
                None
            }
            None if forward => Some("This is the last lab of the course.".into()),
            None => Some("This is the first lab of the course.".into()),
        }
    }
}
