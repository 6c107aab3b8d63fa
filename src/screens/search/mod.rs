//! The `/` search screen: type words, see the lesson sections and lab steps that hold them all,
//! open one with Enter.

mod view;

use crossterm::event::KeyCode;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::interview::{InterviewScreen, rehearsals};
use super::lab::LabScreen;
use super::lesson::LessonScreen;
use super::quiz::QuizScreen;
use super::{Chrome, Context, Reaction, Screen, ScreenState, fresh_seed};
use crate::content::Course;
use crate::content::search::{Hit, SearchIndex, SearchTarget};
use crate::input::{Action, Binding, Keymap, Unbound, bind};
use crate::quiz::{QuizSession, questions_by_id};
use crate::ui::menu::ListState;

/// Keys not listed here are typed into the query.
#[rustfmt::skip]
const SEARCH: &[Binding] = &[
    bind(&[KeyCode::Down], "↓", "next result", Action::Down).hint("↑↓ choose"),
    bind(&[KeyCode::Up], "↑", "previous result", Action::Up),
    bind(&[KeyCode::Enter], "Enter", "open the result", Action::Submit).hint("Enter open"),
    bind(&[KeyCode::Backspace], "Backspace", "delete a character", Action::DeleteChar),
    bind(&[KeyCode::F(1)], "F1", "this help (? is typed into the query)", Action::Help).hint("F1 help"),
    bind(&[KeyCode::Esc], "Esc", "back", Action::Back).hint("Esc back"),
];

const KEYS: Keymap = Keymap::new("Search", &[SEARCH]).unbound(Unbound::Type);

/// Queries longer than this are not searches; the limit keeps a held-down key harmless.
const MAX_QUERY: usize = 60;

pub struct SearchScreen {
    index: SearchIndex,
    pub query: String,
    pub hits: Vec<Hit>,
    pub list: ListState,
}

impl SearchScreen {
    /// Builds the index when the search opens, so typing only filters it.
    pub fn new(course: &Course) -> Self {
        Self {
            index: SearchIndex::build(course),
            query: String::new(),
            hits: Vec::new(),
            list: ListState::default(),
        }
    }

    fn act_now(&mut self, action: Action, course: &Course) -> Reaction {
        match action {
            Action::Type(ch) if !ch.is_control() && self.query.chars().count() < MAX_QUERY => {
                self.query.push(ch);
                self.refresh();
            }
            Action::DeleteChar => {
                self.query.pop();
                self.refresh();
            }
            Action::Submit => return self.open(course),
            other => self.list.navigate(other, self.hits.len()),
        }
        Reaction::none()
    }

    fn refresh(&mut self) {
        self.hits = self.index.search(&self.query);
        self.list = ListState::default();
    }

    fn open(&self, course: &Course) -> Reaction {
        let Some(hit) = self.hits.get(self.list.selected) else {
            return Reaction::message("Type a word or two; Enter opens the highlighted result.");
        };
        let screen = match &hit.target {
            SearchTarget::Lesson { lesson, anchor } => {
                let reference = anchor
                    .as_ref()
                    .map_or_else(|| lesson.clone(), |a| format!("{lesson}#{a}"));
                LessonScreen::at_reference(course, &reference)
                    .map(|lesson| Screen::Lesson(Box::new(lesson)))
            }
            SearchTarget::LabStep { lab, step } => {
                LabScreen::at(course, lab, Some(step)).map(|lab| Screen::Lab(Box::new(lab)))
            }
            SearchTarget::Question { id } => {
                let questions = questions_by_id(course, &[id.as_str()], fresh_seed());
                (!questions.is_empty()).then(|| {
                    let session = QuizSession::from_questions(fresh_seed(), questions);
                    Screen::Quiz(Box::new(QuizScreen::new(session)))
                })
            }
            SearchTarget::Interview { id } => {
                let items: Vec<_> = rehearsals(course, None)
                    .into_iter()
                    .filter(|r| &r.item.id == id)
                    .collect();
                (!items.is_empty()).then(|| {
                    Screen::Interview(Box::new(InterviewScreen::new(
                        items,
                        None,
                        std::time::Instant::now(),
                    )))
                })
            }
        };
        match screen {
            Some(screen) => Reaction::open(screen),
            None => Reaction::message("That result is no longer in the course."),
        }
    }
}

impl ScreenState for SearchScreen {
    fn keymap(&self) -> Keymap {
        KEYS
    }

    fn act(&mut self, action: Action, cx: &Context) -> Reaction {
        self.act_now(action, cx.course)
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Context) -> Chrome {
        view::draw_search(frame, area, cx, self);
        Chrome::new(["Search".to_string()])
    }
}
