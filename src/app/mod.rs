//! The application: the stack of screens (home at the bottom), `update`, the only place state
//! changes, and the one dispatch from an action to the screen on top. What a screen asks of the
//! app (open another, start a mode, keep a record, copy) comes back in its `Reaction`.

mod first_frame;
mod home_cache;
mod keeping;
mod view;

pub use first_frame::FirstFrame;
pub use home_cache::HomeCache;

use std::path::PathBuf;

use crate::content::Course;
use crate::input::keys::HELP_KEYMAP;
use crate::input::{Action, Effect, Keymap};
use crate::progress::{Catalogue, Due, ProgressSummary, Store, Timestamp, due};
use crate::screens::home::HomeScreen;
use crate::screens::search::SearchScreen;
use crate::screens::start::screen_for;
use crate::screens::{Context, Reaction, Screen, Start};
use crate::ui::theme::Theme;

pub struct App {
    pub course: Course,
    pub theme: Theme,
    /// The learner's progress, saved after every change.
    pub store: Store,
    /// Never empty: the home screen is at the bottom.
    pub screens: Vec<Screen>,
    /// How far the help overlay is scrolled, while it is open.
    pub help: Option<usize>,
    /// A one-line message for the footer, cleared by the next action.
    pub status: Option<String>,
    pub running: bool,
    /// Every item of the course that progress can keep, built once per course (it generates the
    /// table questions).
    pub catalogue: Catalogue,
    /// Mastery and due counts for the menus, recomputed whenever progress changes.
    pub summary: ProgressSummary,
    /// What is due: the one definition every screen and command reads.
    pub due: Due,
    /// The `--content` folder, for reloading; `None` for the built-in course.
    pub content_dir: Option<PathBuf>,
    /// Where home is kept for the next start, after every save (see [`HomeCache`]); `None`
    /// keeps nothing (a course from `--content`, tests).
    pub home_cache: Option<HomeCache>,
    /// The terminal's size, as last reported (drawing itself uses the frame's).
    pub width: u16,
    pub height: u16,
    /// The last action was a Back or Quit that was warned about (see
    /// `ScreenState::leave_warning`).
    leave_warned: bool,
}

/// The store's notices as one footer message, or `None` when there are none.
fn notices(store: &Store) -> Option<String> {
    let notices: Vec<String> = store.notices().iter().map(ToString::to_string).collect();
    (!notices.is_empty()).then(|| notices.join(" "))
}

impl App {
    /// The store's notices (a damaged file moved aside, progress that cannot be saved) are shown
    /// in the footer at start-up.
    pub fn new(course: Course, theme: Theme, store: Store) -> Self {
        let status = notices(&store);
        let now = Timestamp::now();
        let catalogue = Catalogue::new(&course);
        let summary = ProgressSummary::with_catalogue(&course, &catalogue, store.progress(), now);
        let due = due(&catalogue, store.progress(), now);
        Self {
            course,
            theme,
            store,
            screens: vec![Screen::Home(Box::default())],
            help: None,
            status,
            running: true,
            catalogue,
            summary,
            due,
            content_dir: None,
            home_cache: None,
            width: 80,
            height: 24,
            leave_warned: false,
        }
    }

    pub fn screen(&self) -> &Screen {
        self.screens
            .last()
            .expect("the home screen is never popped")
    }

    /// The keys that apply now.
    pub fn keymap(&self) -> Keymap {
        if self.help.is_some() {
            HELP_KEYMAP
        } else {
            self.screen().state().keymap()
        }
    }

    /// How often the runtime should wake up to tick the screen (a countdown, a live session);
    /// `None` blocks until the next event.
    pub fn tick_interval(&self) -> Option<std::time::Duration> {
        self.screen().state().tick_interval()
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.width = width;
        self.height = height;
    }

    /// What screens read while they act or draw.
    fn context(&self) -> Context<'_> {
        Context {
            course: &self.course,
            progress: self.store.progress(),
            summary: &self.summary,
            due: &self.due,
            theme: &self.theme,
        }
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        // A tick is the clock, not the learner: the footer's message stays.
        if !matches!(action, Action::Tick(_)) {
            self.status = None;
            if !matches!(action, Action::Back | Action::Quit) {
                self.leave_warned = false;
            }
        }
        if let Some(scroll) = &mut self.help {
            match action {
                Action::Help | Action::Back => self.help = None,
                // A short terminal cannot show all of a screen's keys at once.
                Action::Down => *scroll += 1,
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::Quit => self.quit(),
                _ => {}
            }
            return None;
        }
        match action {
            Action::Quit if self.warn_before_leaving("press Ctrl-C again to quit") => {}
            Action::Quit => self.quit(),
            Action::Help => self.help = Some(0),
            // Drawing adapts to the size; nothing is laid out ahead of it.
            Action::Resize(width, height) => self.resize(width, height),
            Action::Back if self.screens.len() == 1 => self.running = false,
            Action::Back => self.back(),
            Action::Reload => self.reload(),
            Action::Search => {
                let search = SearchScreen::new(&self.course);
                self.open(Screen::Search(Box::new(search)));
            }
            _ => {
                let cx = Context {
                    course: &self.course,
                    progress: self.store.progress(),
                    summary: &self.summary,
                    due: &self.due,
                    theme: &self.theme,
                };
                let screen = self
                    .screens
                    .last_mut()
                    .expect("the home screen is never popped");
                let reaction = screen.state_mut().act(action, &cx);
                return self.react(reaction);
            }
        }
        None
    }

    fn react(&mut self, reaction: Reaction) -> Option<Effect> {
        if reaction.message.is_some() {
            self.status = reaction.message;
        }
        self.keep(reaction.records);
        if let Some(below) = reaction.below
            && let [.., under, _top] = self.screens.as_mut_slice()
            && std::mem::discriminant(under) == std::mem::discriminant(&*below)
        {
            *under = *below;
        }
        if reaction.close && self.screens.len() > 1 {
            self.screens.pop();
        }
        if let Some(screen) = reaction.open {
            self.open(*screen);
        }
        if let Some(start) = reaction.start
            && let Err(message) = self.start(start)
        {
            self.status = Some(message);
        }
        reaction.effect
    }

    fn quit(&mut self) {
        self.remember_place();
        self.running = false;
    }

    /// Leaving work in progress (a typed interview answer, an exam) throws it away: the first
    /// Back or Ctrl-C says so and returns true; a second one, pressed right after, goes ahead.
    fn warn_before_leaving(&mut self, again: &str) -> bool {
        if self.leave_warned {
            self.leave_warned = false;
            return false;
        }
        let Some(loss) = self.screen().state().leave_warning() else {
            return false;
        };
        self.leave_warned = true;
        self.status = Some(format!("{loss}: {again}."));
        true
    }

    fn back(&mut self) {
        if self.warn_before_leaving("press Esc again to leave") {
            return;
        }
        self.remember_place();
        self.screens.pop();
    }

    /// Opens the screen the command line (or a menu) asks for; a request that cannot be met (an
    /// unknown topic, nothing due) is an error to show.
    pub fn start(&mut self, start: Start) -> Result<(), String> {
        if let Some(screen) = screen_for(start, &self.course, self.store.progress(), &self.due)? {
            self.open(screen);
        }
        Ok(())
    }

    /// Puts a screen on top (the CLI uses it to start in a mode).
    pub fn open(&mut self, screen: Screen) {
        self.screens.push(screen);
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
                self.catalogue = Catalogue::new(&self.course);
                self.screens = vec![Screen::Home(Box::<HomeScreen>::default())];
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
}
