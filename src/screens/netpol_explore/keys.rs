//! The explorer's keys: moving over the grid and changing the question, and reading a "why".
//! The arrows move the cell cursor here, so ← and h are not "back" as on other screens.

use crossterm::event::KeyCode;

use crate::input::keys::SCROLL;
use crate::input::{Action, Binding, Keymap, Unbound, bind};

#[rustfmt::skip]
const GRID: &[Binding] = &[
    bind(&[KeyCode::Enter], "Enter", "why: the policies and rules behind the cell", Action::Open).hint("Enter why"),
    bind(&[KeyCode::Up, KeyCode::Char('k')], "↑ k", "the row above (another source)", Action::Up).hint("←↑↓→ move"),
    bind(&[KeyCode::Down, KeyCode::Char('j')], "↓ j", "the row below", Action::Down),
    bind(&[KeyCode::Left, KeyCode::Char('h')], "← h", "the column to the left (another destination)", Action::Left),
    bind(&[KeyCode::Right, KeyCode::Char('l')], "→ l", "the column to the right", Action::Right),
    bind(&[KeyCode::PageDown, KeyCode::Char(' '), KeyCode::Char('f')], "PgDn Space f", "a page of rows down", Action::PageDown),
    bind(&[KeyCode::PageUp, KeyCode::Char('b')], "PgUp b", "a page of rows up", Action::PageUp),
    bind(&[KeyCode::Home, KeyCode::Char('g')], "Home g", "the first cell (top left)", Action::Top),
    bind(&[KeyCode::End, KeyCode::Char('G')], "End G", "the last cell (bottom right)", Action::Bottom),
];

#[rustfmt::skip]
const QUESTION: &[Binding] = &[
    bind(&[KeyCode::Char('p')], "p", "ask about the next port the workloads declare", Action::NextPort).hint("p port"),
    bind(&[KeyCode::Char('P'), KeyCode::Char(':')], "P :", "type a port to ask about (a number or a container port name)", Action::TypePort),
    bind(&[KeyCode::Char('t')], "t", "the same port on the next protocol (TCP, UDP, SCTP)", Action::NextProtocol),
    bind(&[KeyCode::Char('n')], "n", "show one namespace (the next one; after the last, all)", Action::NextNamespace).hint("n namespace"),
    bind(&[KeyCode::Char('e')], "e", "the other policy engine (standard or Cilium)", Action::NextEngine),
];

#[rustfmt::skip]
const LEAVE: &[Binding] = &[
    bind(&[KeyCode::Char('?')], "?", "this help", Action::Help).hint("? help"),
    bind(&[KeyCode::Char('q'), KeyCode::Esc], "q Esc", "back to the home screen (q there quits)", Action::Back).hint("q back"),
];

/// Esc closes the panel, not the screen.
#[rustfmt::skip]
const CLOSE_WHY: &[Binding] = &[
    bind(&[KeyCode::Esc, KeyCode::Enter, KeyCode::Char('q'), KeyCode::Left, KeyCode::Char('h')], "Esc Enter q ← h", "close the why panel, back to the grid", Action::Cancel).hint("Esc close"),
    bind(&[KeyCode::Char('?')], "?", "this help", Action::Help).hint("? help"),
];

/// Letters are typed into the port, so only keys that type nothing act.
#[rustfmt::skip]
const PORT_PROMPT: &[Binding] = &[
    bind(&[KeyCode::Enter], "Enter", "ask about this port", Action::Submit).hint("Enter ask"),
    bind(&[KeyCode::Backspace], "Backspace", "delete a character", Action::DeleteChar),
    bind(&[KeyCode::Esc], "Esc", "keep the port asked about", Action::Cancel).hint("Esc cancel"),
];

pub const GRID_KEYS: Keymap = Keymap::new("Policy explorer", &[GRID, QUESTION, LEAVE]);
pub const WHY_KEYS: Keymap = Keymap::new("Policy explorer: why", &[CLOSE_WHY, SCROLL]);
pub const PORT_KEYS: Keymap =
    Keymap::new("Policy explorer: port", &[PORT_PROMPT]).unbound(Unbound::Type);
