//! The lesson reader's state: which lesson, which version (technical or ELI5), where it is
//! scrolled, and the lesson laid out for the terminal's width.

use super::Action;
use super::screens::{Reaction, scrolled};
use crate::content::{Course, Lesson};
use crate::ui::document::{Rendered, render_document};
use crate::ui::document_width;
use crate::ui::theme::Theme;

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
    /// The anchor of the section the top of the view is in.
    pub fn current_anchor(&self) -> Option<&str> {
        self.rendered
            .sections
            .iter()
            .rev()
            .find(|s| s.line <= self.scroll)
            .map(|s| s.anchor.as_str())
    }

    /// Whether the end of the lesson is on screen.
    pub fn at_bottom(&self, height: usize) -> bool {
        self.scroll + height >= self.rendered.lines.len()
    }

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
