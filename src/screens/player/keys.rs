//! The player's keys: a question is answered with the quiz's own keys; the rest of the session
//! only needs help, leave, and r to rejoin after the connection was lost.

use crossterm::event::KeyCode;

use crate::input::{Action, Binding, Keymap, Unbound, bind};
use crate::screens::quiz::keys::OPTIONS;

const TITLE: &str = "Team session";

#[rustfmt::skip]
const ANSWER: &[Binding] = &[
    bind(&[KeyCode::Enter], "Enter", "answer", Action::Submit).hint("Enter answer"),
];

#[rustfmt::skip]
const REJOIN: &[Binding] = &[
    bind(&[KeyCode::Char('r')], "r", "join again with the same name and code", Action::Rejoin).hint("r rejoin"),
];

#[rustfmt::skip]
const LEAVE: &[Binding] = &[
    bind(&[KeyCode::Char('?')], "?", "this help", Action::Help).hint("? help"),
    bind(&[KeyCode::Char('q'), KeyCode::Esc], "q Esc", "leave the session (you may join again)", Action::Back).hint("q leave"),
];

pub const ANSWERING: Keymap =
    Keymap::new(TITLE, &[ANSWER, OPTIONS, LEAVE]).unbound(Unbound::Pick(9));
pub const WATCHING: Keymap = Keymap::new(TITLE, &[LEAVE]);
pub const LOST: Keymap = Keymap::new(TITLE, &[REJOIN, LEAVE]);
