//! The application state and `update`, the only place it changes. Screens form a stack: home at
//! the bottom, `Back` pops. Layout that depends on the terminal width is computed here, on open
//! and on resize, so drawing only reads.

pub mod answer_input;
pub mod clipboard;
pub mod interview;
pub mod keys;
pub mod quiz;
mod screens;
pub mod sizing;

use std::collections::HashSet;
use std::path::PathBuf;

pub use interview::{InterviewScreen, rehearsals};
pub use keys::{Action, KeyContext};
pub use quiz::QuizScreen;
pub use screens::{
    HomeEntry, LabScreen, LessonScreen, ListScreen, Practice, Reaction, Screen, TopicEntry,
    TopicScreen, home_entries,
};
pub use sizing::SizingScreen;

use std::time::{Duration, Instant};

use crate::content::{Course, Level};
use crate::quiz::{QuizRequest, QuizSession};
use crate::ui::theme::Theme;

/// Where the TUI opens: the subcommands `sizing`, `quiz`, ... start in their mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    Home,
    Sizing {
        seed: Option<u64>,
    },
    Quiz(QuizRequest),
    Interview {
        level: Option<Level>,
        time_limit: Option<Duration>,
    },
}

/// What `update` asks the runtime to do outside the state (the terminal is not state).
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
}

/// Where the learner's data lives and whose it is; resolved once at start-up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Session {
    pub data_dir: PathBuf,
    pub profile: Option<String>,
}

pub struct App {
    pub course: Course,
    pub theme: Theme,
    pub session: Session,
    /// Never empty: the home screen is at the bottom.
    pub screens: Vec<Screen>,
    pub help_open: bool,
    pub width: u16,
    pub height: u16,
    /// A one-line message for the footer, cleared by the next action.
    pub status: Option<String>,
    /// Lab steps marked done, as (lab id, step id).
    pub done_steps: HashSet<(String, String)>,
    pub running: bool,
}

impl App {
    pub fn new(course: Course, theme: Theme, session: Session) -> Self {
        Self {
            course,
            theme,
            session,
            screens: vec![Screen::Home(ListScreen::default())],
            help_open: false,
            width: 80,
            height: 24,
            status: None,
            done_steps: HashSet::new(),
            running: true,
        }
    }

    pub fn screen(&self) -> &Screen {
        self.screens
            .last()
            .expect("the home screen is never popped")
    }

    pub fn key_context(&self) -> KeyContext {
        if self.help_open {
            return KeyContext::Help;
        }
        match self.screen() {
            Screen::Home(_) => KeyContext::Home,
            Screen::Topic(_) => KeyContext::Topic,
            Screen::Lesson(_) => KeyContext::Lesson,
            Screen::Lab(_) => KeyContext::Lab,
            Screen::Sizing(_) => KeyContext::Typing,
            Screen::Quiz(quiz) => quiz.key_context(),
            Screen::Interview(interview) => interview.key_context(),
        }
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        // A tick is the clock, not the learner: the footer's message stays.
        if !matches!(action, Action::Tick(_)) {
            self.status = None;
        }
        match action {
            Action::Quit => self.running = false,
            Action::Help => self.help_open = !self.help_open,
            Action::Resize(width, height) => self.resize(width, height),
            Action::Back if self.screens.len() == 1 => self.running = false,
            Action::Back => {
                self.screens.pop();
            }
            Action::Open => self.open_selected(),
            _ => return self.screen_action(action),
        }
        None
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.width = width;
        self.height = height;
        for index in 0..self.screens.len() {
            self.relayout(index);
        }
    }

    /// Rows available to a screen's body: everything but the header and footer lines.
    pub fn body_height(&self) -> usize {
        usize::from(self.height.saturating_sub(2))
    }

    fn screen_action(&mut self, action: Action) -> Option<Effect> {
        let body_height = self.body_height();
        let course = &self.course;
        let screen = self
            .screens
            .last_mut()
            .expect("the home screen is never popped");
        let reaction = match screen {
            Screen::Home(list) => {
                list.navigate(action, home_entries(course).len(), body_height);
                Reaction::default()
            }
            Screen::Topic(topic) => {
                topic
                    .list
                    .navigate(action, topic.entries(course).len(), body_height);
                Reaction::default()
            }
            Screen::Lesson(lesson) => lesson.act(action, course, body_height),
            Screen::Lab(lab) => lab.act(action, course, &mut self.done_steps, body_height),
            Screen::Sizing(sizing) => sizing.act(action, body_height),
            Screen::Quiz(quiz) => quiz.act(action, course, body_height),
            Screen::Interview(interview) => interview.act(action, body_height),
        };
        if reaction.message.is_some() {
            self.status = reaction.message;
        }
        if reaction.relayout {
            self.relayout(self.screens.len() - 1);
        }
        if reaction.close && self.screens.len() > 1 {
            self.screens.pop();
        }
        if let Some(screen) = reaction.open {
            self.open(*screen);
        }
        reaction.effect
    }

    fn open_selected(&mut self) {
        let next = match self.screen() {
            Screen::Home(list) => match home_entries(&self.course).get(list.selected) {
                Some(HomeEntry::Topic(topic)) => Some(Screen::Topic(TopicScreen::new(*topic))),
                Some(HomeEntry::Practice(practice)) => {
                    return self.start_from_menu(practice.start());
                }
                None => None,
            },
            Screen::Topic(topic) => match topic.entries(&self.course).get(topic.list.selected) {
                Some(TopicEntry::Lesson(lesson)) => {
                    Some(Screen::Lesson(LessonScreen::new(topic.topic, *lesson)))
                }
                Some(TopicEntry::Lab(lab)) => Some(Screen::Lab(LabScreen::new(topic.topic, *lab))),
                Some(TopicEntry::Quiz) => {
                    let topic = Some(self.course.topics[topic.topic].id.clone());
                    let request = QuizRequest {
                        topic,
                        include_table_questions: true,
                        ..QuizRequest::default()
                    };
                    return self.start_from_menu(Start::Quiz(request));
                }
                None => None,
            },
            _ => None,
        };
        if let Some(screen) = next {
            self.open(screen);
        }
    }

    /// Opens the screen the command line asked for; a request that cannot be met (an unknown
    /// topic, say) is an error for the command line to print.
    pub fn start(&mut self, start: Start) -> Result<(), String> {
        let screen = match start {
            Start::Home => return Ok(()),
            Start::Sizing { seed } => {
                Screen::Sizing(Box::new(SizingScreen::new(seed.unwrap_or_else(fresh_seed))))
            }
            Start::Quiz(request) => {
                let session =
                    QuizSession::new(&self.course, &request).map_err(|e| e.to_string())?;
                Screen::Quiz(Box::new(QuizScreen::new(session)))
            }
            Start::Interview { level, time_limit } => {
                let items = rehearsals(&self.course, level);
                Screen::Interview(Box::new(InterviewScreen::new(
                    items,
                    time_limit,
                    Instant::now(),
                )))
            }
        };
        self.open(screen);
        Ok(())
    }

    /// Starts a mode chosen in a menu; what cannot start is said in the footer.
    fn start_from_menu(&mut self, start: Start) {
        if let Err(message) = self.start(start) {
            self.status = Some(message);
        }
    }

    /// Whether a countdown is running, so the runtime should wake up every second to tick it.
    pub fn wants_ticks(&self) -> bool {
        match self.screen() {
            Screen::Interview(interview) => interview.wants_ticks(),
            _ => false,
        }
    }

    /// Puts a screen on top (the CLI uses it to start in a mode).
    pub fn open(&mut self, screen: Screen) {
        self.screens.push(screen);
        self.relayout(self.screens.len() - 1);
    }

    fn relayout(&mut self, index: usize) {
        let (width, height) = (self.width, self.body_height());
        let done = &self.done_steps;
        match &mut self.screens[index] {
            Screen::Lesson(lesson) => lesson.layout(&self.course, &self.theme, width, height),
            Screen::Lab(lab) => lab.layout(&self.course, &self.theme, done, width, height),
            Screen::Sizing(sizing) => sizing.layout(&self.theme, width, height),
            Screen::Quiz(quiz) => quiz.layout(&self.course, &self.theme, width, height),
            Screen::Interview(interview) => interview.layout(&self.theme, width, height),
            Screen::Home(_) | Screen::Topic(_) => {}
        }
    }
}

/// A seed for a session the learner did not give one for; shown on screen, so it can be replayed.
pub fn fresh_seed() -> u64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    now.as_secs() ^ u64::from(now.subsec_nanos())
}
