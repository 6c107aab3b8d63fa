//! A hands-on or debugging lab: its steps, one selected, each marked done or not in progress;
//! the selected step's command can be copied (never run).

mod view;

use std::cell::Cell;

use crossterm::event::KeyCode;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::topic::TopicScreen;
use super::{Chrome, Context, Reaction, Record, ResumePoint, Screen, ScreenState};
use crate::content::{Course, Lab};
use crate::input::keys::{BACK, FIND, PAGE_UP};
use crate::input::{Action, Binding, Effect, Keymap, bind};
use crate::ui::document_width;
use crate::ui::scrolled::ScrolledDoc;

#[rustfmt::skip]
const LAB: &[Binding] = &[
    bind(&[KeyCode::Down, KeyCode::Char('j')], "↓ j", "next step", Action::Down).hint("↑↓ step"),
    bind(&[KeyCode::Up, KeyCode::Char('k')], "↑ k", "previous step", Action::Up),
    // Space marks a step done here, so it does not page.
    bind(&[KeyCode::PageDown, KeyCode::Char('f')], "PgDn f", "scroll down a page", Action::PageDown),
    PAGE_UP,
    bind(&[KeyCode::Char(' '), KeyCode::Char('x')], "Space x", "mark the step done / not done", Action::ToggleDone).hint("Space done"),
    bind(&[KeyCode::Char('c'), KeyCode::Char('y')], "c y", "copy the step's command (OSC 52)", Action::Copy).hint("c copy"),
    bind(&[KeyCode::Char('C'), KeyCode::Char('Y')], "C Y", "copy the file the step saves (a manifest)", Action::CopyFile),
    bind(&[KeyCode::Char('n')], "n", "next lab", Action::NextItem),
    bind(&[KeyCode::Char('p')], "p", "previous lab", Action::PrevItem),
];

const KEYS: Keymap = Keymap::new("Lab", &[LAB, FIND, BACK]);

pub struct LabScreen {
    pub topic: usize,
    pub lab: usize,
    pub selected: usize,
    pub doc: ScrolledDoc,
    /// The selection moved: the next frame brings the step into view.
    follow: Cell<bool>,
}

impl LabScreen {
    pub fn new(topic: usize, lab: usize) -> Self {
        Self {
            topic,
            lab,
            selected: 0,
            doc: ScrolledDoc::default(),
            follow: Cell::new(true),
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

    fn select(&mut self, action: Action, course: &Course) {
        let last = self.lab(course).steps.len().saturating_sub(1);
        self.selected = match action {
            Action::Up => self.selected.saturating_sub(1),
            _ => (self.selected + 1).min(last),
        };
        self.follow.set(true);
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

    fn step_lab(&mut self, course: &Course, forward: bool) -> Option<String> {
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

impl ScreenState for LabScreen {
    fn keymap(&self) -> Keymap {
        KEYS
    }

    fn act(&mut self, action: Action, cx: &Context) -> Reaction {
        let course = cx.course;
        match action {
            Action::ToggleDone => {
                let (lab, step) = self.selected_key(course);
                let done = !cx.progress.is_step_done(&lab, &step);
                Reaction::keep(vec![Record::StepDone { lab, step, done }])
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
                None => Reaction::message("This step has no command to copy."),
            },
            Action::CopyFile => match self
                .lab(course)
                .steps
                .get(self.selected)
                .and_then(|s| s.file.as_ref())
            {
                Some(file) => Reaction {
                    message: Some(format!(
                        "Copied {} (step {}) to the clipboard (OSC 52): save it under that name.",
                        file.name,
                        self.selected + 1
                    )),
                    effect: Some(Effect::Copy(file.text.clone())),
                    ..Reaction::default()
                },
                None => Reaction::message("This step saves no file; c copies its command."),
            },
            Action::NextItem | Action::PrevItem => {
                let topic = self.topic;
                let mut reaction =
                    Reaction::maybe_message(self.step_lab(course, action == Action::NextItem));
                if self.topic != topic {
                    reaction.below = Some(Box::new(Screen::Topic(Box::new(TopicScreen::new(
                        self.topic,
                    )))));
                }
                reaction
            }
            Action::Up | Action::Down => {
                self.select(action, course);
                Reaction::none()
            }
            _ => {
                self.doc.scroll(action);
                Reaction::none()
            }
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Context) -> Chrome {
        let lab = self.lab(cx.course);
        let is_done = |step: &str| cx.progress.is_step_done(&lab.id, step);
        let (rendered, step_lines) = view::render_lab(
            lab,
            &is_done,
            self.selected,
            document_width(area.width),
            cx.theme,
        );
        if self.follow.replace(false)
            && let Some(&start) = step_lines.get(self.selected)
        {
            let end = step_lines
                .get(self.selected + 1)
                .copied()
                .unwrap_or(rendered.lines.len());
            self.doc
                .show_lines(if self.selected == 0 { 0 } else { start }, end);
        }
        self.doc.draw(frame, area, &rendered, cx.theme);
        Chrome::new([
            cx.course.topics[self.topic].title.clone(),
            lab.title.clone(),
        ])
        .status(format!("step {}/{}", self.selected + 1, lab.steps.len()))
    }

    fn resume_point(&self, course: &Course) -> Option<ResumePoint> {
        let (lab, step) = self.selected_key(course);
        Some(ResumePoint::Lab {
            lab,
            step: Some(step),
        })
    }
}
