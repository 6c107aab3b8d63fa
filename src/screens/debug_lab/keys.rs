//! The debugging lab's keys in each stage: investigating, naming the cause, naming the fix, and
//! reading the debrief. ← and → scroll wide output sideways, so back is q or Esc here.

use crossterm::event::KeyCode;

use crate::input::keys::{PAGE_DOWN, PAGE_UP};
use crate::input::{Action, Binding, Keymap, bind};

const TITLE: &str = "Debugging lab";

#[rustfmt::skip]
const INVESTIGATE: &[Binding] = &[
    bind(&[KeyCode::Up, KeyCode::Char('k')], "↑ k", "previous diagnostic step", Action::Up).hint("↑↓ choose"),
    bind(&[KeyCode::Down, KeyCode::Char('j')], "↓ j", "next diagnostic step", Action::Down),
    bind(&[KeyCode::Enter], "Enter", "run the highlighted step and read its output", Action::Open).hint("Enter run"),
    // The cost is crate::debug::score::HINT_COST; a test keeps the two in step.
    bind(&[KeyCode::Char('h')], "h", "a hint (costs 5 points)", Action::NextHint).hint("h hint −5"),
    bind(&[KeyCode::Char('c')], "c", "name the root cause, then the fix", Action::NameCause).hint("c name cause"),
];

#[rustfmt::skip]
const CAUSE: &[Binding] = &[
    bind(&[KeyCode::Up, KeyCode::Char('k')], "↑ k", "previous cause", Action::Up).hint("↑↓ choose"),
    bind(&[KeyCode::Down, KeyCode::Char('j')], "↓ j", "next cause", Action::Down),
    bind(&[KeyCode::Enter], "Enter", "name this cause (then choose the fix)", Action::Open).hint("Enter name it"),
    bind(&[KeyCode::Esc, KeyCode::Char('c')], "Esc c", "back to the investigation", Action::NameCause).hint("Esc keep investigating"),
];

#[rustfmt::skip]
const FIX: &[Binding] = &[
    bind(&[KeyCode::Up, KeyCode::Char('k')], "↑ k", "previous fix", Action::Up).hint("↑↓ choose"),
    bind(&[KeyCode::Down, KeyCode::Char('j')], "↓ j", "next fix", Action::Down),
    bind(&[KeyCode::Enter], "Enter", "apply this fix and see the debrief", Action::Open).hint("Enter apply"),
];

#[rustfmt::skip]
const DEBRIEF_KEYS: &[Binding] = &[
    bind(&[KeyCode::Up, KeyCode::Char('k')], "↑ k", "previous cause or step", Action::Up).hint("↑↓ choose"),
    bind(&[KeyCode::Down, KeyCode::Char('j')], "↓ j", "next cause or step", Action::Down),
    bind(&[KeyCode::Char('o')], "o", "open the lesson section of the highlighted cause or step", Action::OpenLesson).hint("o lesson"),
    bind(&[KeyCode::Enter], "Enter", "back", Action::Open).hint("Enter done"),
];

/// The log of outputs: up and down a page, its ends, and sideways for wide tables.
#[rustfmt::skip]
const LOG: &[Binding] = &[
    PAGE_DOWN,
    PAGE_UP,
    bind(&[KeyCode::Home, KeyCode::Char('g')], "Home g", "top of the outputs", Action::Top),
    bind(&[KeyCode::End, KeyCode::Char('G')], "End G", "end of the outputs", Action::Bottom),
    bind(&[KeyCode::Left], "←", "scroll wide output left", Action::ScrollLeft),
    bind(&[KeyCode::Right], "→", "scroll wide output right", Action::ScrollRight),
];

#[rustfmt::skip]
const DEBRIEF_SCROLL: &[Binding] = &[
    PAGE_DOWN,
    PAGE_UP,
    bind(&[KeyCode::Home, KeyCode::Char('g')], "Home g", "top", Action::Top),
    bind(&[KeyCode::End, KeyCode::Char('G')], "End G", "bottom", Action::Bottom),
];

#[rustfmt::skip]
const LEAVE: &[Binding] = &[
    bind(&[KeyCode::Char('?')], "?", "this help", Action::Help).hint("? help"),
    bind(&[KeyCode::Char('q'), KeyCode::Esc], "q Esc", "leave the lab", Action::Back).hint("q leave"),
];

/// While choosing the cause, Esc goes back to the investigation; q still leaves.
#[rustfmt::skip]
const LEAVE_BY_Q: &[Binding] = &[
    bind(&[KeyCode::Char('?')], "?", "this help", Action::Help).hint("? help"),
    bind(&[KeyCode::Char('q')], "q", "leave the lab", Action::Back),
];

pub const INVESTIGATING: Keymap = Keymap::new(TITLE, &[INVESTIGATE, LOG, LEAVE]);
pub const NAMING_CAUSE: Keymap = Keymap::new(TITLE, &[CAUSE, LOG, LEAVE_BY_Q]);
pub const NAMING_FIX: Keymap = Keymap::new(TITLE, &[FIX, LOG, LEAVE]);
pub const DEBRIEF: Keymap = Keymap::new(TITLE, &[DEBRIEF_KEYS, DEBRIEF_SCROLL, LEAVE]);
