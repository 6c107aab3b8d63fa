//! The lesson reader: which lesson, which version (technical or ELI5), and where it is scrolled.
//! The layout for the terminal's width is made while drawing and kept until the width or the
//! version changes.

mod view;

use std::cell::RefCell;
use std::rc::Rc;

use crossterm::event::KeyCode;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::topic::TopicScreen;
use super::{Chrome, Context, Reaction, Record, ResumePoint, Screen, ScreenState};
use crate::content::{Course, Lesson};
use crate::input::keys::{BACK, FIND, SCROLL};
use crate::input::{Action, Binding, Keymap, bind};
use crate::ui::document::Rendered;
use crate::ui::scrolled::ScrolledDoc;

#[rustfmt::skip]
const LESSON: &[Binding] = &[
    bind(&[KeyCode::Char(']'), KeyCode::Char('}')], "] }", "next section", Action::NextSection).hint("]/[ section"),
    bind(&[KeyCode::Char('['), KeyCode::Char('{')], "[ {", "previous section", Action::PrevSection),
    bind(&[KeyCode::Char('n')], "n", "next lesson", Action::NextItem).hint("n/p lesson"),
    bind(&[KeyCode::Char('p')], "p", "previous lesson", Action::PrevItem),
    bind(&[KeyCode::Char('e')], "e", "switch ELI5 / technical", Action::ToggleEli5),
];

const KEYS: Keymap = Keymap::new("Lesson", &[SCROLL, LESSON, FIND, BACK]);

/// A layout of the lesson: for which width and version.
struct Layout {
    width: u16,
    eli5: bool,
    rendered: Rc<Rendered>,
}

pub struct LessonScreen {
    pub topic: usize,
    pub lesson: usize,
    pub eli5: bool,
    pub doc: ScrolledDoc,
    layout: RefCell<Option<Layout>>,
}

impl LessonScreen {
    pub fn new(topic: usize, lesson: usize) -> Self {
        Self {
            topic,
            lesson,
            eli5: false,
            doc: ScrolledDoc::default(),
            layout: RefCell::new(None),
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
            screen.doc.show_anchor(anchor);
        }
        Some(screen)
    }

    pub fn lesson<'c>(&self, course: &'c Course) -> &'c Lesson {
        &course.topics[self.topic].lessons[self.lesson]
    }

    /// The anchor of the section on screen.
    pub fn current_anchor(&self) -> Option<String> {
        self.doc.current_section().map(|(anchor, _)| anchor)
    }

    /// Moves to the next or previous lesson of the course; a message when there is none.
    fn step_lesson(&mut self, course: &Course, forward: bool) -> Option<String> {
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

    /// Switches version and stays on the section shown, when the other version has it.
    fn toggle_eli5(&mut self, course: &Course) -> Option<String> {
        let lesson = self.lesson(course);
        let Some(eli5) = &lesson.eli5 else {
            return Some("This lesson has no ELI5 version.".into());
        };
        let other = if self.eli5 { &lesson.technical } else { eli5 };
        let anchor = self
            .current_anchor()
            .filter(|anchor| other.anchors().any(|a| a == anchor));
        self.eli5 = !self.eli5;
        self.doc.reset();
        if let Some(anchor) = anchor {
            self.doc.show_anchor(&anchor);
        }
        None
    }

    /// The lesson laid out for `width`, made again only when the width or version changed; a
    /// new width keeps the reader on the section it showed.
    fn rendered(&self, course: &Course, width: u16, cx: &Context) -> Rc<Rendered> {
        let mut layout = self.layout.borrow_mut();
        if let Some(layout) = layout.as_ref()
            && layout.width == width
            && layout.eli5 == self.eli5
        {
            return Rc::clone(&layout.rendered);
        }
        if layout.as_ref().is_some_and(|l| l.eli5 == self.eli5)
            && let Some(anchor) = self.current_anchor()
            && self.doc.top() > 0
        {
            self.doc.show_anchor(&anchor);
        }
        let rendered = Rc::new(view::render_lesson(self, course, width, cx.theme));
        *layout = Some(Layout {
            width,
            eli5: self.eli5,
            rendered: Rc::clone(&rendered),
        });
        rendered
    }
}

impl ScreenState for LessonScreen {
    fn keymap(&self) -> Keymap {
        KEYS
    }

    fn act(&mut self, action: Action, cx: &Context) -> Reaction {
        match action {
            Action::NextItem | Action::PrevItem => {
                let topic = self.topic;
                let mut reaction = Reaction::maybe_message(
                    self.step_lesson(cx.course, action == Action::NextItem),
                );
                if self.topic != topic {
                    reaction.below = Some(Box::new(Screen::Topic(Box::new(TopicScreen::new(
                        self.topic,
                    )))));
                }
                reaction
            }
            Action::ToggleEli5 => Reaction::maybe_message(self.toggle_eli5(cx.course)),
            _ => {
                self.doc.scroll(action);
                Reaction::none()
            }
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Context) -> Chrome {
        let rendered = self.rendered(cx.course, area.width, cx);
        self.doc.draw(frame, area, &rendered, cx.theme);
        view::chrome(self, cx)
    }

    fn resume_point(&self, course: &Course) -> Option<ResumePoint> {
        Some(ResumePoint::Lesson {
            lesson: self.lesson(course).id.clone(),
            section: self.current_anchor(),
        })
    }

    /// A lesson read to its end (or short enough to fit) counts as finished.
    fn seen(&self, course: &Course) -> Vec<Record> {
        if self.doc.height() > 0 && self.doc.at_bottom() {
            vec![Record::LessonFinished {
                lesson: self.lesson(course).id.clone(),
            }]
        } else {
            Vec::new()
        }
    }
}
