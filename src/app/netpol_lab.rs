//! The "allowed or denied?" lab: a scenario's cluster and policies in a scrollable pane, and below
//! it one connection at a time. The learner predicts allowed or denied, then sees whether that was
//! right, the verdict and the evaluator's reasons; at the end a score and a summary.
//!
//! The scenario is evaluated once, when the screen opens; every prediction is kept in progress
//! under the connection's progress id.

use ratatui::text::Line;

use super::Action;
use super::record::Record;
use super::screens::{Reaction, scrolled};
use crate::content::{Course, NetpolQuestion, NetpolScenario};
use crate::netpol::{AnsweredScenario, Verdict, scenario};
use crate::progress::{ItemKind, Mode, Outcome};
use crate::ui::document::Rendered;
use crate::ui::document_width;
use crate::ui::netpol_lab::{render_connection, render_context, render_summary};
use crate::ui::theme::Theme;

/// The scenario pane always keeps at least this many rows, however long the feedback below it.
const MIN_CONTEXT_ROWS: usize = 3;

pub struct NetpolLabScreen {
    pub topic: usize,
    pub scenario: usize,
    /// The evaluator's verdicts, in question order.
    pub answered: AnsweredScenario,
    /// The learner's predictions (true: allowed), in question order.
    pub predictions: Vec<bool>,
    /// The connection on screen; the number of connections once the summary shows.
    pub current: usize,
    /// The scenario laid out (intro, pods, policies), or the summary at the end.
    pub context: Rendered,
    pub scroll: usize,
    /// The current connection laid out: the question, and after a prediction its verdict.
    pub panel: Vec<Line<'static>>,
    /// When the connection pane is too short for its reasons (a small terminal), the arrows
    /// scroll it instead of the scenario: after a prediction the reasons are what matters.
    pub panel_scroll: usize,
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
            context: Rendered::default(),
            scroll: 0,
            panel: Vec::new(),
            panel_scroll: 0,
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

    pub fn act(&mut self, action: Action, course: &Course, body_height: usize) -> Reaction {
        let prediction = match action {
            Action::PredictAllowed => Some(true),
            Action::PredictDenied => Some(false),
            _ => None,
        };
        match (prediction, action) {
            _ if self.is_finished() => match action {
                Action::Submit => Reaction {
                    close: true,
                    ..Reaction::default()
                },
                _ => self.scroll_by(action, body_height),
            },
            (Some(_), _) if self.is_predicted() => {
                Reaction::message("Already predicted: Enter shows the next connection.".into())
            }
            (Some(allowed), _) => self.predict(allowed, course),
            (None, Action::Submit) if self.is_predicted() => {
                self.current += 1;
                self.panel_scroll = 0;
                // The summary starts at its top; the scenario pane keeps its place.
                if self.is_finished() {
                    self.scroll = 0;
                }
                Reaction::relayout()
            }
            (None, Action::Submit) => {
                Reaction::message("Predict first: a for allowed, d for denied.".into())
            }
            _ => self.scroll_by(action, body_height),
        }
    }

    fn predict(&mut self, allowed: bool, course: &Course) -> Reaction {
        let Some(question) = self.question(course) else {
            return Reaction::default();
        };
        let id = question.progress_id.clone();
        self.predictions.push(allowed);
        let right = self.is_right(self.current) == Some(true);
        Reaction {
            relayout: true,
            records: vec![Record::Answer {
                kind: ItemKind::Question,
                id,
                outcome: Outcome::Score(if right { 1.0 } else { 0.0 }),
                mode: Mode::Quiz,
            }],
            ..Reaction::default()
        }
    }

    fn question<'c>(&self, course: &'c Course) -> Option<&'c NetpolQuestion> {
        self.scenario(course).questions.get(self.current)
    }

    fn scroll_by(&mut self, action: Action, body_height: usize) -> Reaction {
        let panel_height = self.panel_height(body_height);
        if self.panel.len() > panel_height {
            self.panel_scroll = scrolled(self.panel_scroll, action, self.panel.len(), panel_height);
            return Reaction::default();
        }
        let height = self.context_height(body_height);
        self.scroll = scrolled(self.scroll, action, self.context.lines.len(), height);
        Reaction::default()
    }

    /// Rows of the connection pane: what it needs, leaving the scenario pane a few rows.
    pub fn panel_height(&self, body_height: usize) -> usize {
        self.panel
            .len()
            .min(body_height.saturating_sub(MIN_CONTEXT_ROWS))
    }

    /// Rows of the scenario pane (the whole body for the summary).
    pub fn context_height(&self, body_height: usize) -> usize {
        body_height - self.panel_height(body_height)
    }

    pub fn layout(&mut self, course: &Course, theme: &Theme, width: u16, body_height: usize) {
        let width = document_width(width);
        let scenario = self.scenario(course);
        if self.is_finished() {
            self.context = render_summary(self, scenario, width, theme);
            self.panel = Vec::new();
        } else {
            self.context = render_context(scenario, &self.answered, width, theme);
            self.panel = render_connection(self, scenario, width, theme);
        }
        let max = self
            .context
            .lines
            .len()
            .saturating_sub(self.context_height(body_height));
        self.scroll = self.scroll.min(max);
        let panel_max = self
            .panel
            .len()
            .saturating_sub(self.panel_height(body_height));
        self.panel_scroll = self.panel_scroll.min(panel_max);
    }
}

#[cfg(test)]
#[path = "netpol_lab_tests.rs"]
mod tests;
