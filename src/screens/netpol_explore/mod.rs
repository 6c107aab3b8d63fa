//! `aks-tutor netpol explore`: the policy engine on the learner's own manifests. A grid of
//! workloads (rows: from, columns: to) on one port and protocol, a cell cursor, a namespace
//! filter, and Enter on a cell for the "why" the lab gives: the policies that select each side
//! and the rule that decided.
//!
//! The model ([`Explorer`]) does the evaluating; this screen holds the cursor, the part of the
//! grid in view and the open "why", and computes a "why" when asked (in `act`, never in `draw`).

mod keys;
mod view;
mod why;

use std::cell::Cell;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Chrome, Context, Reaction, ScreenState};
use crate::input::answer::TypedLine;
use crate::input::{Action, Keymap};
use crate::netpol::explore::{Counts, Explorer, Why};
use crate::netpol::model::Protocol;
use crate::netpol::{Engine, PortRef};
use crate::ui::scrolled::ScrolledDoc;

pub use keys::{GRID_KEYS, PORT_KEYS, WHY_KEYS};

/// A page when no frame has been drawn yet to say how many rows fit.
const DEFAULT_PAGE: usize = 10;

/// A cell of the shown grid: row `from` (the source), column `to` (the destination).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CellCursor {
    pub from: usize,
    pub to: usize,
}

/// The "why" of one cell, computed when it was opened.
pub struct WhyPanel {
    pub cursor: CellCursor,
    pub why: Why,
    pub doc: ScrolledDoc,
}

/// What part of the grid the last frame showed, so the cursor's moves scroll it the least and
/// a page is what fitted. Set while drawing, like [`ScrolledDoc`].
#[derive(Debug, Default)]
pub struct GridWindow {
    pub first_row: Cell<usize>,
    pub first_column: Cell<usize>,
    pub rows: Cell<usize>,
    pub columns: Cell<usize>,
}

impl GridWindow {
    /// The first of `shown` positions that keeps `cursor` in view, moving as little as it can
    /// from `first`.
    pub fn follow(first: usize, cursor: usize, shown: usize, total: usize) -> usize {
        let shown = shown.max(1);
        let first = if cursor < first {
            cursor
        } else if cursor >= first + shown {
            cursor + 1 - shown
        } else {
            first
        };
        first.min(total.saturating_sub(shown))
    }
}

pub struct NetpolExploreScreen {
    pub explorer: Explorer,
    /// The explorer's counts, kept from when the question or the filter last changed: counting
    /// visits every cell, too much for every frame of a large cluster.
    pub counts: Counts,
    pub cursor: CellCursor,
    pub window: GridWindow,
    pub why: Option<WhyPanel>,
    /// The port being typed, while its prompt is open.
    pub port_prompt: Option<TypedLine>,
}

impl NetpolExploreScreen {
    pub fn new(explorer: Explorer) -> Self {
        let cursor = first_pair(&explorer);
        Self {
            counts: explorer.counts(),
            explorer,
            cursor,
            window: GridWindow::default(),
            why: None,
            port_prompt: None,
        }
    }

    pub fn act_now(&mut self, action: Action) -> Reaction {
        if self.port_prompt.is_some() {
            return self.type_port(action);
        }
        if let Some(panel) = &mut self.why {
            if action == Action::Cancel {
                self.why = None;
            } else {
                panel.doc.scroll(action);
            }
            return Reaction::none();
        }
        match action {
            Action::Up
            | Action::Down
            | Action::Left
            | Action::Right
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom
            | Action::ScrollUp
            | Action::ScrollDown => {
                self.move_cursor(action);
                Reaction::none()
            }
            Action::Open => self.open_why(),
            Action::NextNamespace => self.recounted(Self::next_namespace),
            Action::NextPort => self.recounted(Self::next_port),
            Action::NextProtocol => self.recounted(Self::next_protocol),
            Action::NextEngine => self.recounted(Self::next_engine),
            Action::TypePort => {
                self.port_prompt = Some(TypedLine::default());
                Reaction::none()
            }
            _ => Reaction::none(),
        }
    }

    /// Edits the typed port; Enter asks about it (on the protocol asked about now).
    fn type_port(&mut self, action: Action) -> Reaction {
        let Some(line) = &mut self.port_prompt else {
            return Reaction::none();
        };
        match action {
            Action::Cancel => self.port_prompt = None,
            Action::Submit => match line.text.parse::<PortRef>() {
                Ok(port) if !line.text.trim().is_empty() => {
                    let protocol = self.explorer.protocol();
                    self.port_prompt = None;
                    return self.recounted(|screen| {
                        screen.explorer.set_port(port, protocol);
                        Reaction::none()
                    });
                }
                Ok(_) => return Reaction::message("Type a port first, or Esc to keep this one."),
                Err(error) => return Reaction::message(format!("{error}.")),
            },
            _ => {
                line.edit(action);
            }
        }
        Reaction::none()
    }

    /// Changes the question or the filter, then counts the cells again.
    fn recounted(&mut self, change: impl FnOnce(&mut Self) -> Reaction) -> Reaction {
        let reaction = change(self);
        self.counts = self.explorer.counts();
        reaction
    }

    /// Moves the cell cursor, never off the grid.
    pub fn move_cursor(&mut self, action: Action) {
        let last = self.explorer.len().saturating_sub(1);
        let page = match self.window.rows.get() {
            0 => DEFAULT_PAGE,
            rows => rows,
        };
        let CellCursor { from, to } = self.cursor;
        self.cursor = match action {
            Action::Up => CellCursor {
                from: from.saturating_sub(1),
                to,
            },
            Action::Down => CellCursor {
                from: (from + 1).min(last),
                to,
            },
            Action::Left => CellCursor {
                from,
                to: to.saturating_sub(1),
            },
            Action::Right => CellCursor {
                from,
                to: (to + 1).min(last),
            },
            Action::PageUp => CellCursor {
                from: from.saturating_sub(page),
                to,
            },
            Action::PageDown => CellCursor {
                from: (from + page).min(last),
                to,
            },
            Action::ScrollUp => CellCursor {
                from: from.saturating_sub(3),
                to,
            },
            Action::ScrollDown => CellCursor {
                from: (from + 3).min(last),
                to,
            },
            Action::Top => CellCursor::default(),
            Action::Bottom => CellCursor {
                from: last,
                to: last,
            },
            _ => self.cursor,
        };
    }

    fn open_why(&mut self) -> Reaction {
        if self.explorer.is_empty() {
            return Reaction::none();
        }
        let CellCursor { from, to } = self.cursor;
        match self.explorer.why(from, to) {
            Ok(why) => {
                self.why = Some(WhyPanel {
                    cursor: self.cursor,
                    why,
                    doc: ScrolledDoc::default(),
                });
                Reaction::none()
            }
            Err(error) => Reaction::message(format!("No why here: {error}.")),
        }
    }

    /// All namespaces, then each in turn, then all again.
    fn next_namespace(&mut self) -> Reaction {
        let namespaces = self.explorer.namespaces();
        let next = match self.explorer.namespace() {
            None => namespaces.first().cloned(),
            Some(current) => namespaces
                .iter()
                .position(|ns| ns == current)
                .and_then(|i| namespaces.get(i + 1))
                .cloned(),
        };
        self.explorer.set_namespace(next);
        self.cursor = first_pair(&self.explorer);
        Reaction::none()
    }

    /// The next of the ports the workloads declare (the first after one typed on the command
    /// line that none declares).
    fn next_port(&mut self) -> Reaction {
        let ports = self.explorer.suggested_ports();
        if ports.is_empty() {
            return Reaction::message(
                "No workload declares a container port: P types the one to ask about.",
            );
        }
        let current = (self.explorer.port().clone(), self.explorer.protocol());
        let next = match ports.iter().position(|p| *p == current) {
            Some(i) => ports[(i + 1) % ports.len()].clone(),
            None => ports[0].clone(),
        };
        self.explorer.set_port(next.0, next.1);
        Reaction::none()
    }

    fn next_protocol(&mut self) -> Reaction {
        let next = match self.explorer.protocol() {
            Protocol::Tcp => Protocol::Udp,
            Protocol::Udp => Protocol::Sctp,
            Protocol::Sctp => Protocol::Tcp,
        };
        self.explorer.set_port(self.explorer.port().clone(), next);
        Reaction::none()
    }

    fn next_engine(&mut self) -> Reaction {
        let next = match self.explorer.engine() {
            Engine::Standard => Engine::Cilium,
            Engine::Cilium => Engine::Standard,
        };
        self.explorer.set_engine(next);
        Reaction::none()
    }
}

/// The first cell of two different workloads: a workload to itself has nothing to say.
fn first_pair(explorer: &Explorer) -> CellCursor {
    CellCursor {
        from: 0,
        to: usize::from(explorer.len() > 1),
    }
}

impl ScreenState for NetpolExploreScreen {
    fn keymap(&self) -> Keymap {
        if self.port_prompt.is_some() {
            PORT_KEYS
        } else if self.why.is_some() {
            WHY_KEYS
        } else {
            GRID_KEYS
        }
    }

    fn act(&mut self, action: Action, _cx: &Context) -> Reaction {
        self.act_now(action)
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Context) -> Chrome {
        view::draw_netpol_explore(frame, area, cx.theme, self)
    }
}

#[cfg(test)]
mod tests;
