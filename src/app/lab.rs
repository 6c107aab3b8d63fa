//! The lab view's state: the selected step, the scroll, and the lab laid out with each step's
//! done mark from progress.

use super::record::Record;
use super::screens::{Reaction, scrolled};
use super::{Action, Effect};
use crate::content::{Course, Lab};
use crate::progress::Progress;
use crate::ui::document::Rendered;
use crate::ui::document_width;
use crate::ui::lab::render_lab;
use crate::ui::theme::Theme;

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

    /// The lab with this id, at the step with this id (the first when `None` or unknown).
    pub fn at(course: &Course, lab: &str, step: Option<&str>) -> Option<Self> {
        course.topics.iter().enumerate().find_map(|(t, topic)| {
            let index = topic.labs.iter().position(|l| l.id == lab)?;
            let mut screen = Self::new(t, index);
            screen.selected = step
                .and_then(|s| topic.labs[index].steps.iter().position(|x| x.id == s))
                .unwrap_or(0);
            Some(screen)
        })
    }

    pub fn lab<'c>(&self, course: &'c Course) -> &'c Lab {
        &course.topics[self.topic].labs[self.lab]
    }

    pub fn layout(
        &mut self,
        course: &Course,
        theme: &Theme,
        progress: &Progress,
        width: u16,
        height: usize,
    ) {
        let lab = self.lab(course);
        let is_done = |step: &str| progress.is_step_done(&lab.id, step);
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
        progress: &Progress,
        height: usize,
    ) -> Reaction {
        match action {
            Action::ToggleDone => {
                let (lab, step) = self.selected_key(course);
                let done = !progress.is_step_done(&lab, &step);
                Reaction {
                    relayout: true,
                    records: vec![Record::StepDone { lab, step, done }],
                    ..Reaction::default()
                }
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
