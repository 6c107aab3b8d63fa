//! A debugging lab played: the symptom and the outputs so far in a scrolled log, the diagnostic
//! steps to choose from beside it (below it on a narrow terminal). `h` buys a hint, `c` names the
//! root cause and then the fix; the debrief puts the learner's path beside the shortest one, says
//! what each output should have told them and opens the lesson sections (`o`). The finished lab
//! is kept in progress at once.
//!
//! The engine (`crate::debug`) decides everything; this screen keeps only what is on screen: the
//! order of outputs and hints, the highlighted entry, how far the log is scrolled (both ways).

mod debrief_view;
mod keys;
mod open;
mod text;
mod view;

use std::cell::Cell;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::lesson::LessonScreen;
use super::{Chrome, Context, Reaction, Record, Screen, ScreenState};
use crate::content::{Course, DebugScenario};
use crate::debug::{
    ActionOutcome, CauseOutcome, Debrief, DebugSession, FixOutcome, HintOutcome, Phase,
};
use crate::input::{Action, Keymap};
use crate::ui::menu::ListState;
use crate::ui::scrolled::ScrolledDoc;

pub use debrief_view::{DebriefEntry, debrief_entries};
pub use open::{solved_causes, start};

/// Columns one press of ← or → moves wide output.
const SIDEWAYS_STEP: usize = 8;

/// What the log shows, in the order it happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogEntry {
    /// An action taken: its index in the scenario's actions.
    Step(usize),
    /// A hint bought, as it was given.
    Hint(String),
}

/// What the learner is doing now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Investigating,
    /// Choosing the root cause from the list (Esc goes back to the investigation).
    NamingCause,
    /// The cause is named; choosing the fix.
    NamingFix,
    Debrief,
}

pub struct DebugLabScreen {
    pub session: DebugSession,
    pub naming_cause: bool,
    /// The highlighted diagnostic step.
    pub steps: ListState,
    /// The highlighted cause, fix or debrief entry.
    pub choices: ListState,
    pub log: ScrolledDoc,
    /// The steps or choices beside the log, scrolled to keep the highlight in view.
    pub menu: ScrolledDoc,
    /// Columns wide output is scrolled right.
    pub shift: usize,
    /// How far right the last frame's widest output could scroll, so → stops where it ends.
    pub shift_limit: Cell<usize>,
    pub entries: Vec<LogEntry>,
    pub debrief: Option<Box<Debrief>>,
    /// The cause the learner named (its index), shown while the fix is chosen.
    pub named_cause: Option<usize>,
    /// The debrief keeps the highlighted entry in view after ↑↓, not after a page key (which
    /// would otherwise be pulled back to it).
    pub follow: bool,
}

impl DebugLabScreen {
    pub fn new(session: DebugSession) -> Self {
        Self {
            session,
            naming_cause: false,
            steps: ListState::default(),
            choices: ListState::default(),
            log: ScrolledDoc::default(),
            menu: ScrolledDoc::default(),
            shift: 0,
            shift_limit: Cell::new(0),
            entries: Vec::new(),
            debrief: None,
            named_cause: None,
            follow: false,
        }
    }

    pub fn scenario(&self) -> &DebugScenario {
        self.session.scenario()
    }

    pub fn stage(&self) -> Stage {
        match self.session.phase() {
            Phase::Investigating if self.naming_cause => Stage::NamingCause,
            Phase::Investigating => Stage::Investigating,
            Phase::ChoosingFix => Stage::NamingFix,
            Phase::Finished => Stage::Debrief,
        }
    }

    /// Hints bought so far.
    pub fn hints(&self) -> usize {
        self.session.hints_taken()
    }

    pub fn act_now(&mut self, action: Action, course: &Course) -> Reaction {
        match action {
            Action::ScrollLeft => {
                let limit = self.shift_limit.get();
                self.shift = self.shift.min(limit).saturating_sub(SIDEWAYS_STEP);
                return Reaction::none();
            }
            Action::ScrollRight => {
                self.shift = (self.shift + SIDEWAYS_STEP).min(self.shift_limit.get());
                return Reaction::none();
            }
            Action::PageUp
            | Action::PageDown
            | Action::ScrollUp
            | Action::ScrollDown
            | Action::Top
            | Action::Bottom => {
                self.follow = false;
                self.log.scroll(action);
                return Reaction::none();
            }
            _ => {}
        }
        match self.stage() {
            Stage::Investigating => self.investigate(action),
            Stage::NamingCause => self.name_cause(action),
            Stage::NamingFix => self.name_fix(action),
            Stage::Debrief => self.read_debrief(action, course),
        }
    }

    fn investigate(&mut self, action: Action) -> Reaction {
        let count = self.scenario().actions.len();
        match action {
            Action::Up | Action::Down => {
                self.steps.navigate(action, count);
                Reaction::none()
            }
            Action::Open => self.run_selected(),
            Action::NextHint => self.hint(),
            Action::NameCause => {
                self.naming_cause = true;
                self.choices.selected = 0;
                Reaction::none()
            }
            _ => Reaction::none(),
        }
    }

    fn run_selected(&mut self) -> Reaction {
        let Some(chosen) = self.scenario().actions.get(self.steps.selected) else {
            return Reaction::none();
        };
        let (id, index) = (chosen.id.clone(), self.steps.selected);
        let outcome = self.session.take(&id);
        let message = match outcome {
            ActionOutcome::Output { .. } => None,
            ActionOutcome::Harmful { penalty, .. } => Some(format!(
                "That would have hurt production: −{penalty} points. Why is under its output."
            )),
            ActionOutcome::AlreadyTaken { .. } => {
                Some("Already run: its output is shown again.".to_string())
            }
            ActionOutcome::UnknownAction | ActionOutcome::InvestigationOver => {
                return Reaction::none();
            }
        };
        if !matches!(outcome, ActionOutcome::AlreadyTaken { .. }) {
            self.entries.push(LogEntry::Step(index));
            // The next step worth a look is one not run yet.
            if let Some(next) = (0..self.scenario().actions.len())
                .map(|i| (index + i) % self.scenario().actions.len())
                .find(|&i| !self.session.is_taken(&self.scenario().actions[i].id))
            {
                self.steps.selected = next;
            }
        }
        self.log.show_anchor(&view::step_anchor(index));
        Reaction::maybe_message(message)
    }

    fn hint(&mut self) -> Reaction {
        match self.session.hint() {
            HintOutcome::Hint { text, cost } => {
                self.entries.push(LogEntry::Hint(text));
                self.log.show_anchor(&view::hint_anchor(self.hints()));
                Reaction::message(format!("Hint: −{cost} points."))
            }
            HintOutcome::TryAction {
                action_id,
                label,
                cost,
            } => {
                if let Some(index) = self.scenario().action_index(&action_id) {
                    self.steps.selected = index;
                }
                self.entries.push(LogEntry::Hint(format!(
                    "Run “{label}” next: its output tells the causes still possible apart."
                )));
                self.log.show_anchor(&view::hint_anchor(self.hints()));
                Reaction::message(format!("Hint: −{cost} points. The step is highlighted."))
            }
            HintOutcome::CauseAlreadyProven => Reaction::message(
                "No hint needed: what you have seen leaves one cause. Press c to name it.",
            ),
            HintOutcome::InvestigationOver => Reaction::none(),
        }
    }

    fn name_cause(&mut self, action: Action) -> Reaction {
        let count = self.scenario().causes.len();
        match action {
            Action::Up | Action::Down => {
                self.choices.navigate(action, count);
                Reaction::none()
            }
            Action::NameCause => {
                self.naming_cause = false;
                Reaction::none()
            }
            Action::Open => {
                let Some(cause) = self.scenario().causes.get(self.choices.selected) else {
                    return Reaction::none();
                };
                let id = cause.id.clone();
                match self.session.name_cause(&id) {
                    CauseOutcome::CauseNamed => {
                        self.named_cause = Some(self.choices.selected);
                        self.naming_cause = false;
                        self.choices.selected = 0;
                        Reaction::message("Cause named. Now choose the fix.")
                    }
                    CauseOutcome::UnknownCause | CauseOutcome::AlreadyNamed => Reaction::none(),
                }
            }
            _ => Reaction::none(),
        }
    }

    fn name_fix(&mut self, action: Action) -> Reaction {
        let count = self.scenario().fixes.len();
        match action {
            Action::Up | Action::Down => {
                self.choices.navigate(action, count);
                Reaction::none()
            }
            Action::Open => {
                let Some(fix) = self.scenario().fixes.get(self.choices.selected) else {
                    return Reaction::none();
                };
                let id = fix.id.clone();
                match self.session.name_fix(&id) {
                    FixOutcome::Finished(debrief) => {
                        let attempt = debrief.attempt();
                        self.debrief = Some(debrief);
                        self.choices.selected = 0;
                        self.log.reset();
                        self.shift = 0;
                        Reaction::keep(vec![Record::DebugAttempt(attempt)])
                    }
                    _ => Reaction::none(),
                }
            }
            _ => Reaction::none(),
        }
    }

    fn read_debrief(&mut self, action: Action, course: &Course) -> Reaction {
        let Some(debrief) = &self.debrief else {
            return Reaction::none();
        };
        let entries = debrief_entries(debrief, &self.session.scenario().see);
        match action {
            Action::Up | Action::Down => {
                self.choices.navigate(action, entries.len());
                self.follow = true;
                Reaction::none()
            }
            Action::OpenLesson => {
                let reference = entries
                    .get(self.choices.selected)
                    .and_then(|entry| entry.see.clone());
                let lesson = reference
                    .as_deref()
                    .and_then(|r| LessonScreen::at_reference(course, r));
                match lesson {
                    Some(lesson) => Reaction::open(Screen::Lesson(Box::new(lesson))),
                    None => Reaction::message("This step has no lesson section to open."),
                }
            }
            Action::Open => Reaction::close(),
            _ => Reaction::none(),
        }
    }
}

impl ScreenState for DebugLabScreen {
    fn keymap(&self) -> Keymap {
        match self.stage() {
            Stage::Investigating => keys::INVESTIGATING,
            Stage::NamingCause => keys::NAMING_CAUSE,
            Stage::NamingFix => keys::NAMING_FIX,
            Stage::Debrief => keys::DEBRIEF,
        }
    }

    fn act(&mut self, action: Action, cx: &Context) -> Reaction {
        self.act_now(action, cx.course)
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Context) -> Chrome {
        view::draw_debug_lab(frame, area, cx, self)
    }

    fn leave_warning(&self) -> Option<&'static str> {
        let started = self.session.steps() > 0 || self.hints() > 0;
        match self.stage() {
            Stage::Debrief => None,
            Stage::NamingFix => Some("Leaving now ends the lab unscored"),
            _ if started => Some("Leaving now throws this investigation away"),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;
