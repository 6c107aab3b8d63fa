//! The `/` search screen: type words, see the lesson sections and lab steps that hold them all,
//! open one with Enter.

use super::Action;
use super::lab::LabScreen;
use super::lesson::LessonScreen;
use super::screens::{ListScreen, Reaction, Screen};
use crate::content::Course;
use crate::content::search::{Hit, SearchIndex, SearchTarget};

/// Queries longer than this are not searches; the limit keeps a held-down key harmless.
const MAX_QUERY: usize = 60;

pub struct SearchScreen {
    index: SearchIndex,
    pub query: String,
    pub hits: Vec<Hit>,
    pub list: ListScreen,
}

impl SearchScreen {
    /// Builds the index when the search opens, so typing only filters it.
    pub fn new(course: &Course) -> Self {
        Self {
            index: SearchIndex::build(course),
            query: String::new(),
            hits: Vec::new(),
            list: ListScreen::default(),
        }
    }

    pub fn act(&mut self, action: Action, course: &Course, height: usize) -> Reaction {
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
            other => self.list.navigate(other, self.hits.len(), height / 2),
        }
        Reaction::default()
    }

    fn refresh(&mut self) {
        self.hits = self.index.search(&self.query);
        self.list = ListScreen::default();
    }

    fn open(&self, course: &Course) -> Reaction {
        let Some(hit) = self.hits.get(self.list.selected) else {
            return Reaction::message(
                "Type a word or two; Enter opens the highlighted result.".into(),
            );
        };
        let screen = match &hit.target {
            SearchTarget::Lesson { lesson, anchor } => {
                let reference = anchor
                    .as_ref()
                    .map_or_else(|| lesson.clone(), |a| format!("{lesson}#{a}"));
                LessonScreen::at_reference(course, &reference).map(Screen::Lesson)
            }
            SearchTarget::LabStep { lab, step } => {
                LabScreen::at(course, lab, Some(step)).map(Screen::Lab)
            }
        };
        match screen {
            Some(screen) => Reaction {
                open: Some(Box::new(screen)),
                ..Reaction::default()
            },
            None => Reaction::message("That result is no longer in the course.".into()),
        }
    }
}
