//! The "allowed or denied?" lab: a scenario's cluster and policies in a scrollable pane, and below
//! it one connection at a time. The learner predicts allowed or denied, then sees whether that was
//! right, the verdict and the evaluator's reasons; at the end a score and a summary.
//!
//! The scenario is evaluated once, when the screen opens; every prediction is kept in progress
//! under the connection's progress id.

mod view;

use crossterm::event::KeyCode;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Chrome, Context, Reaction, Record, ScreenState};
use crate::content::{Course, NetpolQuestion, NetpolScenario};
use crate::input::keys::{BACK, SCROLL};
use crate::input::{Action, Binding, Keymap, bind};
use crate::netpol::{AnsweredScenario, Verdict, scenario};
use crate::progress::{ItemKind, Mode, Outcome};
use crate::ui::scrolled::ScrolledDoc;

pub use view::{render_connection, render_context, render_summary};

/// The scenario pane always keeps at least this many rows, however long the feedback below it.
const MIN_CONTEXT_ROWS: usize = 3;

/// ← stays "back", as on every other screen, so choosing is by letter or digit, not by arrows.
#[rustfmt::skip]
const PREDICT: &[Binding] = &[
    bind(&[KeyCode::Char('a'), KeyCode::Char('1')], "a 1", "predict: allowed", Action::PredictAllowed).hint("a allowed"),
    bind(&[KeyCode::Char('d'), KeyCode::Char('2')], "d 2", "predict: denied", Action::PredictDenied).hint("d denied"),
];

#[rustfmt::skip]
const NEXT: &[Binding] = &[
    bind(&[KeyCode::Enter], "Enter", "the next connection (the summary after the last)", Action::Submit).hint("Enter next connection"),
];

#[rustfmt::skip]
const END: &[Binding] = &[
    bind(&[KeyCode::Enter], "Enter", "back", Action::Submit).hint("Enter back"),
];

const PREDICTING: Keymap = Keymap::new("Allowed or denied?", &[PREDICT, SCROLL, BACK]);
const PREDICTED: Keymap = Keymap::new("Allowed or denied?", &[NEXT, SCROLL, BACK]);
const SUMMARY: Keymap = Keymap::new("Allowed or denied?", &[END, SCROLL, BACK]);

pub struct NetpolLabScreen {
    pub topic: usize,
    pub scenario: usize,
    /// The evaluator's verdicts, in question order.
    pub answered: AnsweredScenario,
    /// The learner's predictions (true: allowed), in question order.
    pub predictions: Vec<bool>,
    /// The connection on screen; the number of connections once the summary shows.
    pub current: usize,
    /// The scenario (intro, pods, policies), or the summary at the end.
    pub context: ScrolledDoc,
    /// The current connection: the question, and after a prediction its verdict. When its pane
    /// is too short for the reasons (a small terminal), the arrows scroll it instead of the
    /// scenario: after a prediction the reasons are what matters.
    pub panel: ScrolledDoc,
}

impl NetpolLabScreen {
    /// Evaluates the scenario; a scenario that cannot be answered (its YAML is broken, say) is
    /// a message for the footer.
    pub fn open(course: &Course, topic: usize, index: usize) -> Result<Self, String> {
        let netpol = &course.topics[topic].netpol[index];
        let answered = scenario::answer(netpol)
            .map_err(|error| format!("This scenario cannot be used: {error}"))?;
        Ok(Self {
            topic,
            scenario: index,
            answered,
            predictions: Vec::new(),
            current: 0,
            context: ScrolledDoc::default(),
            panel: ScrolledDoc::default(),
        })
    }

    pub fn scenario<'c>(&self, course: &'c Course) -> &'c NetpolScenario {
        &course.topics[self.topic].netpol[self.scenario]
    }

    pub fn len(&self) -> usize {
        self.answered.verdicts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.answered.verdicts.is_empty()
    }

    pub fn is_finished(&self) -> bool {
        self.current >= self.len()
    }

    /// Whether the connection on screen has been predicted.
    pub fn is_predicted(&self) -> bool {
        self.predictions.len() > self.current
    }

    /// The verdict on the connection on screen.
    pub fn verdict(&self) -> Option<&Verdict> {
        self.answered.verdicts.get(self.current)
    }

    /// Whether prediction `index` matched the evaluator.
    pub fn is_right(&self, index: usize) -> Option<bool> {
        let prediction = *self.predictions.get(index)?;
        Some(prediction == self.answered.verdicts.get(index)?.allowed())
    }

    /// Right predictions so far.
    pub fn score(&self) -> usize {
        (0..self.predictions.len())
            .filter(|&i| self.is_right(i) == Some(true))
            .count()
    }

    pub fn act_now(&mut self, action: Action, course: &Course) -> Reaction {
        let prediction = match action {
            Action::PredictAllowed => Some(true),
            Action::PredictDenied => Some(false),
            _ => None,
        };
        match (prediction, action) {
            _ if self.is_finished() => match action {
                Action::Submit => Reaction::close(),
                _ => self.scroll_by(action),
            },
            (Some(_), _) if self.is_predicted() => {
                Reaction::message("Already predicted: Enter shows the next connection.")
            }
            (Some(allowed), _) => self.predict(allowed, course),
            (None, Action::Submit) if self.is_predicted() => {
                self.current += 1;
                self.panel.reset();
                // The summary starts at its top; the scenario pane keeps its place.
                if self.is_finished() {
                    self.context.reset();
                }
                Reaction::none()
            }
            (None, Action::Submit) => {
                Reaction::message("Predict first: a for allowed, d for denied.")
            }
            _ => self.scroll_by(action),
        }
    }

    fn predict(&mut self, allowed: bool, course: &Course) -> Reaction {
        let Some(question) = self.question(course) else {
            return Reaction::default();
        };
        let id = question.progress_id.clone();
        self.predictions.push(allowed);
        let right = self.is_right(self.current) == Some(true);
        Reaction::keep(vec![Record::Answer {
            kind: ItemKind::Question,
            id,
            outcome: Outcome::Score(if right { 1.0 } else { 0.0 }),
            mode: Mode::Quiz,
        }])
    }

    fn question<'c>(&self, course: &'c Course) -> Option<&'c NetpolQuestion> {
        self.scenario(course).questions.get(self.current)
    }

    fn scroll_by(&mut self, action: Action) -> Reaction {
        if self.panel.overflows() {
            self.panel.scroll(action);
        } else {
            self.context.scroll(action);
        }
        Reaction::none()
    }

    /// Rows of the connection pane: what it needs, leaving the scenario pane a few rows.
    pub fn panel_height(panel_lines: usize, body_height: usize) -> usize {
        panel_lines.min(body_height.saturating_sub(MIN_CONTEXT_ROWS))
    }
}

impl ScreenState for NetpolLabScreen {
    fn keymap(&self) -> Keymap {
        if self.is_finished() {
            SUMMARY
        } else if self.is_predicted() {
            PREDICTED
        } else {
            PREDICTING
        }
    }

    fn act(&mut self, action: Action, cx: &Context) -> Reaction {
        self.act_now(action, cx.course)
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Context) -> Chrome {
        view::draw_netpol_lab(frame, area, cx, self)
    }
}

#[cfg(test)]
mod tests;
