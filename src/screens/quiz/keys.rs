//! The quiz's keys in each of its states: choosing an option, typing an answer, reading the
//! feedback, and the summary at the end.

use crossterm::event::KeyCode;

use crate::input::keys::{BACK, CHECK, SCROLL, TYPED_ANSWER};
use crate::input::{Action, Binding, Keymap, Unbound, bind};

/// Questions answered by choosing, ticking or ordering (the quiz and the exam).
#[rustfmt::skip]
pub const OPTIONS: &[Binding] = &[
    bind(&[KeyCode::Down, KeyCode::Char('j')], "↓ j", "next option", Action::Down),
    bind(&[KeyCode::Up, KeyCode::Char('k')], "↑ k", "previous option", Action::Up),
    bind(&[], "1–9", "choose (or tick) that option", Action::Pick(0)),
    bind(&[KeyCode::Char(' '), KeyCode::Char('x')], "Space x", "tick an option / pick up and drop a step", Action::ToggleDone),
    bind(&[KeyCode::PageDown], "PgDn", "scroll down a page", Action::PageDown),
    bind(&[KeyCode::PageUp], "PgUp", "scroll up a page", Action::PageUp),
];

#[rustfmt::skip]
const ANSWER: &[Binding] = &[
    bind(&[KeyCode::Enter], "Enter", "answer", Action::Submit).hint("Enter answer"),
];

#[rustfmt::skip]
const FEEDBACK: &[Binding] = &[
    bind(&[KeyCode::Enter], "Enter", "the next question", Action::Submit).hint("Enter next"),
    bind(&[KeyCode::Char('o')], "o", "open the lesson section", Action::OpenLesson).hint("o lesson"),
];

#[rustfmt::skip]
const RETRY: &[Binding] = &[
    bind(&[KeyCode::Char('r')], "r", "retry the missed questions", Action::Retry).hint("r retry missed"),
];

#[rustfmt::skip]
const END: &[Binding] = &[
    bind(&[KeyCode::Enter], "Enter", "back", Action::Submit).hint("Enter back"),
];

pub const CHOOSING: Keymap =
    Keymap::new("Quiz", &[ANSWER, OPTIONS, BACK]).unbound(Unbound::Pick(9));
pub const TYPING: Keymap = Keymap::new("Quiz", &[CHECK, TYPED_ANSWER]).unbound(Unbound::Type);
pub const ANSWERED: Keymap = Keymap::new("Quiz", &[FEEDBACK, SCROLL, BACK]);
pub const SUMMARY: Keymap = Keymap::new("Quiz", &[RETRY, END, SCROLL, BACK]);
/// Nothing was missed: there is nothing to retry.
pub const SUMMARY_ALL_RIGHT: Keymap = Keymap::new("Quiz", &[END, SCROLL, BACK]);
