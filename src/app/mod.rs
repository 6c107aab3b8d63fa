//! The application state and `update`, the only place it changes. Screens form a stack: home at
//! the bottom, `Back` pops. Layout that depends on the terminal width is computed here, on open
//! and on resize, so drawing only reads.

pub mod answer_input;
pub mod clipboard;
pub mod exam;
mod home;
pub mod interview;
mod keeping;
pub mod keys;
pub mod lab;
pub mod lesson;
pub mod netpol_lab;
pub mod quiz;
pub mod record;
mod screens;
pub mod search;
pub mod sizing;
mod start;
pub mod stats;

pub use home::{HomeEntry, Practice, exam_time, home_entries, resume_title};
pub use interview::{InterviewScreen, rehearsals};
pub use keys::{Action, KeyContext};
pub use lab::LabScreen;
pub use lesson::LessonScreen;
pub use netpol_lab::NetpolLabScreen;
pub use quiz::QuizScreen;
pub use screens::{ListScreen, Reaction, Screen, TopicEntry, TopicScreen};
pub use search::SearchScreen;
pub use sizing::SizingScreen;
pub use start::{REVIEW_WINDOW_MINUTES, Start};
pub use stats::StatsScreen;

use std::path::PathBuf;

use crate::content::Course;
use crate::progress::{ProgressSummary, Store, Timestamp};
use crate::ui::theme::Theme;

/// What `update` asks the runtime to do outside the state (the terminal is not state).
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
}

pub struct App {
    pub course: Course,
    pub theme: Theme,
    /// The learner's progress, saved after every change.
    pub store: Store,
    /// Never empty: the home screen is at the bottom.
    pub screens: Vec<Screen>,
    pub help_open: bool,
    pub width: u16,
    pub height: u16,
    /// A one-line message for the footer, cleared by the next action.
    pub status: Option<String>,
    pub running: bool,
    /// Mastery and due counts for the menus, recomputed whenever progress changes.
    pub summary: ProgressSummary,
    /// Questions the Review entry would ask now (its window included).
    pub review_due: usize,
    /// The `--content` folder, for reloading; `None` for the built-in course.
    pub content_dir: Option<PathBuf>,
    /// The last action was a Back that was warned about (see `leaving_loses_work`).
    back_warned: bool,
    /// How far the help overlay is scrolled (it is clamped when drawn).
    pub help_scroll: usize,
}

impl App {
    /// The store's notices (a damaged file moved aside, progress that cannot be saved) are shown
    /// in the footer at start-up.
    pub fn new(course: Course, theme: Theme, store: Store) -> Self {
        let notices: Vec<String> = store.notices().iter().map(ToString::to_string).collect();
        let summary = ProgressSummary::new(&course, store.progress(), Timestamp::now());
        let mut app = Self {
            course,
            theme,
            store,
            screens: vec![Screen::Home(ListScreen::default())],
            help_open: false,
            width: 80,
            height: 24,
            status: (!notices.is_empty()).then(|| notices.join(" ")),
            running: true,
            summary,
            review_due: 0,
            content_dir: None,
            back_warned: false,
            help_scroll: 0,
        };
        app.review_due = app.count_review_due(Timestamp::now());
        app
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
            Screen::Stats(_) => KeyContext::Stats,
            Screen::Exam(exam) => exam.key_context(),
            Screen::Search(_) => KeyContext::Search,
            Screen::NetpolLab(_) => KeyContext::NetpolLab,
        }
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        // A tick is the clock, not the learner: the footer's message stays.
        if !matches!(action, Action::Tick(_)) {
            self.status = None;
            if action != Action::Back {
                self.back_warned = false;
            }
        }
        match action {
            Action::Quit => {
                self.remember_place();
                self.running = false;
            }
            Action::Help => {
                self.help_open = !self.help_open;
                self.help_scroll = 0;
            }
            // A short terminal cannot show all of a screen's keys at once.
            Action::Down if self.help_open => self.help_scroll += 1,
            Action::Up if self.help_open => self.help_scroll = self.help_scroll.saturating_sub(1),
            Action::ScrollDown | Action::ScrollUp if self.help_open => {}
            Action::Resize(width, height) => self.resize(width, height),
            Action::Back if self.screens.len() == 1 => self.running = false,
            Action::Back => {
                if let Some(warning) = self.leaving_loses_work() {
                    self.status = Some(warning);
                    return None;
                }
                self.remember_place();
                self.screens.pop();
            }
            Action::Open => self.open_selected(),
            Action::Reload => self.reload(),
            Action::Search => {
                let search = SearchScreen::new(&self.course);
                self.open(Screen::Search(Box::new(search)));
            }
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
                list.navigate(
                    action,
                    home_entries(course, self.store.progress()).len(),
                    body_height,
                );
                Reaction::default()
            }
            Screen::Topic(topic) => {
                topic
                    .list
                    .navigate(action, topic.entries(course).len(), body_height);
                Reaction::default()
            }
            Screen::Lesson(lesson) => lesson.act(action, course, body_height),
            Screen::Lab(lab) => lab.act(action, course, self.store.progress(), body_height),
            Screen::Sizing(sizing) => sizing.act(action, body_height),
            Screen::Quiz(quiz) => quiz.act(action, course, body_height),
            Screen::Interview(interview) => interview.act(action, body_height),
            Screen::Stats(stats) => stats.act(action, body_height),
            Screen::Exam(exam) => exam.act(action, body_height),
            Screen::Search(search) => search.act(action, course, body_height),
            Screen::NetpolLab(lab) => lab.act(action, course, body_height),
        };
        if reaction.message.is_some() {
            self.status = reaction.message;
        }
        self.keep(reaction.records);
        self.note_lesson_read();
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

    /// Whether a countdown is running, so the runtime should wake up every second to tick it.
    pub fn wants_ticks(&self) -> bool {
        match self.screen() {
            Screen::Interview(interview) => interview.wants_ticks(),
            Screen::Exam(exam) => exam.wants_ticks(),
            _ => false,
        }
    }

    /// Puts a screen on top (the CLI uses it to start in a mode).
    pub fn open(&mut self, screen: Screen) {
        self.screens.push(screen);
        self.relayout(self.screens.len() - 1);
        self.note_lesson_read();
    }

    /// Reads the `--content` folder again: a course with problems is refused (the one on screen
    /// stays) and the first problem is said, so an author can fix it and press R again.
    fn reload(&mut self) {
        let Some(dir) = self.content_dir.clone() else {
            self.status = Some("The built-in course cannot be reloaded; start with --content DIR to edit a course.".into());
            return;
        };
        match crate::content::load(&crate::content::CourseDir::new(&dir)) {
            Ok(course) => {
                let summary = format!(
                    "Reloaded {}: {} lessons, {} questions.",
                    dir.display(),
                    course.lessons().count(),
                    course.questions().count()
                );
                self.course = course;
                self.screens = vec![Screen::Home(ListScreen::default())];
                self.refresh_summary();
                self.status = Some(summary);
            }
            Err(problems) => {
                let first = problems
                    .0
                    .first()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                let count = problems.0.len();
                self.status = Some(format!(
                    "Not reloaded: {count} problem{} (aks-tutor validate lists them all). {first}",
                    if count == 1 { "" } else { "s" }
                ));
            }
        }
    }

    /// Leaving a typed interview answer or an exam in progress throws work away: the first Back
    /// says so, and a second one (pressed right after) leaves.
    fn leaving_loses_work(&mut self) -> Option<String> {
        let warning = match self.screens.last_mut()? {
            Screen::Interview(interview) if interview.has_unsent_answer() => {
                "Your answer is not kept if you leave: press Esc again to leave, or Ctrl-D to reveal."
            }
            Screen::Exam(exam) if exam.in_progress() => {
                "Leaving ends the exam without results: press Esc again to leave."
            }
            _ => return None,
        };
        let warned = self.back_warned;
        self.back_warned = !warned;
        (!warned).then(|| warning.to_string())
    }

    fn relayout(&mut self, index: usize) {
        let (width, height) = (self.width, self.body_height());
        let progress = self.store.progress();
        match &mut self.screens[index] {
            Screen::Lesson(lesson) => lesson.layout(&self.course, &self.theme, width, height),
            Screen::Lab(lab) => lab.layout(&self.course, &self.theme, progress, width, height),
            Screen::Sizing(sizing) => sizing.layout(&self.theme, width, height),
            Screen::Quiz(quiz) => quiz.layout(&self.course, &self.theme, width, height),
            Screen::Interview(interview) => interview.layout(&self.theme, width, height),
            Screen::Stats(stats) => stats.layout(&self.theme, width, height),
            Screen::Exam(exam) => exam.layout(&self.theme, width, height),
            Screen::Home(_) | Screen::Topic(_) | Screen::Search(_) => {}
            Screen::NetpolLab(lab) => lab.layout(&self.course, &self.theme, width, height),
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
