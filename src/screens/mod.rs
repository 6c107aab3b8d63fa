//! One folder per screen, each holding the screen's state and how it acts (`mod.rs`), its keys
//! (`keys.rs`) and its view (`view.rs`, a pure function of the state plus the [`Context`]).
//! Screens import the input, the drawing kit and the engines, never the app: the app holds the
//! stack of [`Screen`]s and dispatches to them through [`ScreenState`].

pub mod debug_lab;
pub mod exam;
pub mod home;
pub mod host;
pub mod interview;
pub mod lab;
pub mod lesson;
pub mod link;
pub mod name_prompt;
pub mod netpol_explore;
pub mod netpol_lab;
pub mod picker;
pub mod player;
pub mod quiz;
pub mod record;
pub mod review;
pub mod search;
pub mod sizing;
pub mod start;
pub mod stats;
pub mod topic;

pub use record::{Record, ResumePoint};
pub use start::Start;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::content::Course;
use crate::input::{Action, Effect, Keymap};
use crate::progress::{Due, Progress, ProgressSummary};
use crate::ui::theme::Theme;

/// What a screen may read while it acts or draws.
pub struct Context<'a> {
    pub course: &'a Course,
    pub progress: &'a Progress,
    pub summary: &'a ProgressSummary,
    /// What is due (the one definition, from the progress engine).
    pub due: &'a Due,
    pub theme: &'a Theme,
}

/// What a screen shows around its body: the header's breadcrumb after the course title, and the
/// start of the footer (where the learner is) before the key hints.
#[derive(Debug, Default)]
pub struct Chrome {
    pub crumbs: Vec<String>,
    pub status: Option<String>,
}

impl Chrome {
    pub fn new(crumbs: impl IntoIterator<Item = String>) -> Self {
        Self {
            crumbs: crumbs.into_iter().collect(),
            status: None,
        }
    }

    pub fn status(self, status: impl Into<String>) -> Self {
        Self {
            status: Some(status.into()),
            ..self
        }
    }
}

/// What every screen does; the app calls nothing else of a screen.
pub trait ScreenState {
    /// The keys that apply now (they also write the footer hints and the `?` help).
    fn keymap(&self) -> Keymap;
    fn act(&mut self, action: Action, cx: &Context) -> Reaction;
    /// Draws the body; returns what goes around it.
    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Context) -> Chrome;
    /// Whether a countdown runs, so the runtime should tick every second.
    fn wants_ticks(&self) -> bool {
        false
    }
    /// How often the runtime should tick this screen: every second while a countdown runs; a
    /// live session asks for more, to show what arrives from the network promptly.
    fn tick_interval(&self) -> Option<std::time::Duration> {
        self.wants_ticks()
            .then_some(std::time::Duration::from_secs(1))
    }
    /// Leaving now throws work away: what would be lost, said by the first Back or Ctrl-C (a
    /// second one, right after, leaves).
    fn leave_warning(&self) -> Option<&'static str> {
        None
    }
    /// Where "continue" should bring the learner back to, when this screen is left.
    fn resume_point(&self, _course: &Course) -> Option<ResumePoint> {
        None
    }
    /// What the last frame showed that progress keeps (a lesson read to its end).
    fn seen(&self, _course: &Course) -> Vec<Record> {
        Vec::new()
    }
}

/// What a screen's handling of an action asks of the app.
#[derive(Default)]
#[must_use]
pub struct Reaction {
    /// A one-line message for the footer.
    pub message: Option<String>,
    pub effect: Option<Effect>,
    /// Open this screen on top (a lesson from a question's reference).
    pub open: Option<Box<Screen>>,
    /// Start a mode (home's and topics' entries).
    pub start: Option<Start>,
    /// Put this in place of the screen below, when that one is of the same kind: a lesson that
    /// moved on to another topic takes its topic's screen along, so Back lands there.
    pub below: Option<Box<Screen>>,
    /// The screen is done: go back to the one below.
    pub close: bool,
    /// What progress should keep.
    pub records: Vec<Record>,
}

impl Reaction {
    pub fn none() -> Self {
        Self::default()
    }

    pub fn message(message: impl Into<String>) -> Self {
        Self {
            message: Some(message.into()),
            ..Self::default()
        }
    }

    /// A message when there is one, else nothing.
    pub fn maybe_message(message: Option<String>) -> Self {
        Self {
            message,
            ..Self::default()
        }
    }

    pub fn open(screen: Screen) -> Self {
        Self {
            open: Some(Box::new(screen)),
            ..Self::default()
        }
    }

    pub fn start(start: Start) -> Self {
        Self {
            start: Some(start),
            ..Self::default()
        }
    }

    pub fn close() -> Self {
        Self {
            close: true,
            ..Self::default()
        }
    }

    pub fn keep(records: Vec<Record>) -> Self {
        Self {
            records,
            ..Self::default()
        }
    }
}

/// Declares the screens: the enum the app's stack holds, and the one dispatch from a screen to
/// its [`ScreenState`]. A new screen is one line here.
macro_rules! screens {
    ($($variant:ident($state:ty)),* $(,)?) => {
        pub enum Screen {
            $($variant(Box<$state>)),*
        }

        impl Screen {
            pub fn state(&self) -> &dyn ScreenState {
                match self {
                    $(Screen::$variant(screen) => screen.as_ref()),*
                }
            }

            pub fn state_mut(&mut self) -> &mut dyn ScreenState {
                match self {
                    $(Screen::$variant(screen) => screen.as_mut()),*
                }
            }
        }
    };
}

screens! {
    Home(home::HomeScreen),
    Topic(topic::TopicScreen),
    Lesson(lesson::LessonScreen),
    Lab(lab::LabScreen),
    Sizing(sizing::SizingScreen),
    Quiz(quiz::QuizScreen),
    Interview(interview::InterviewScreen),
    Stats(stats::StatsScreen),
    Exam(exam::ExamScreen),
    Search(search::SearchScreen),
    NetpolLab(netpol_lab::NetpolLabScreen),
    NetpolExplore(netpol_explore::NetpolExploreScreen),
    Picker(picker::PickerScreen),
    DebugLab(debug_lab::DebugLabScreen),
    NamePrompt(name_prompt::NamePromptScreen),
    Host(host::HostScreen),
    Player(player::PlayerScreen),
}

/// A seed for a session the learner did not give one for; shown on screen, so it can be replayed.
pub fn fresh_seed() -> u64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    now.as_secs() ^ u64::from(now.subsec_nanos())
}
