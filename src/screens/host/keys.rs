//! The facilitator's keys in each phase: start and move on (n, Enter), pause (p), skip (s), end
//! (e, asked first); in a `--local` session also choosing a player and keying their answer.

use crossterm::event::KeyCode;

use crate::input::{Action, Binding, Keymap, Unbound, bind};

const TITLE: &str = "Team session (host)";

#[rustfmt::skip]
const START: &[Binding] = &[
    bind(&[KeyCode::Char('n'), KeyCode::Enter], "n Enter", "start the first question", Action::Submit).hint("n start"),
];

#[rustfmt::skip]
const NEXT: &[Binding] = &[
    bind(&[KeyCode::Char('n'), KeyCode::Enter], "n Enter", "next: the scoreboard, the next question, the final results", Action::Submit).hint("n next"),
];

#[rustfmt::skip]
const ROUND: &[Binding] = &[
    bind(&[KeyCode::Char('p')], "p", "pause or resume the countdown", Action::PauseResume).hint("p pause"),
    bind(&[KeyCode::Char('s')], "s", "close the round now and reveal the answer", Action::Skip).hint("s reveal now"),
];

#[rustfmt::skip]
const SKIP: &[Binding] = &[
    bind(&[KeyCode::Char('s')], "s", "skip straight to the next question", Action::Skip),
];

/// `--local`: the facilitator keys the answer each player gives aloud.
#[rustfmt::skip]
const KEY_ANSWERS: &[Binding] = &[
    bind(&[KeyCode::Up, KeyCode::Char('k')], "↑ k", "previous player", Action::Up).hint("↑↓ player"),
    bind(&[KeyCode::Down, KeyCode::Char('j')], "↓ j", "next player", Action::Down),
    bind(&[], "1–9", "the highlighted player's option (multi-select: tick it)", Action::Pick(0)).hint("1–9 answer"),
    bind(&[KeyCode::Enter, KeyCode::Char(' ')], "Enter Space", "multi-select: send the ticked options for the player", Action::Submit),
    bind(&[KeyCode::Char('t')], "t", "true/false: the player says true", Action::AnswerTrue),
    bind(&[KeyCode::Char('f')], "f", "true/false: the player says false", Action::AnswerFalse),
];

#[rustfmt::skip]
const END: &[Binding] = &[
    bind(&[KeyCode::Char('e')], "e", "end the session now (asks first)", Action::EndSession).hint("e end"),
];

#[rustfmt::skip]
const LEAVE: &[Binding] = &[
    bind(&[KeyCode::Char('?')], "?", "this help", Action::Help).hint("? help"),
    bind(&[KeyCode::Char('q'), KeyCode::Esc], "q Esc", "leave (a running session asks first)", Action::Back).hint("q leave"),
];

#[rustfmt::skip]
const CONFIRM: &[Binding] = &[
    bind(&[KeyCode::Char('y'), KeyCode::Char('e'), KeyCode::Enter], "y e Enter", "yes, end the session now", Action::EndSession).hint("y end it"),
    bind(&[KeyCode::Char('n'), KeyCode::Esc], "n Esc", "no, go on", Action::Cancel).hint("n go on"),
];

pub const LOBBY: Keymap = Keymap::new(TITLE, &[START, END, LEAVE]);
pub const QUESTION: Keymap = Keymap::new(TITLE, &[ROUND, END, LEAVE]);
pub const LOCAL_QUESTION: Keymap =
    Keymap::new(TITLE, &[KEY_ANSWERS, ROUND, END, LEAVE]).unbound(Unbound::Pick(9));
pub const BETWEEN_ROUNDS: Keymap = Keymap::new(TITLE, &[NEXT, SKIP, END, LEAVE]);
pub const FINISHED: Keymap = Keymap::new(TITLE, &[LEAVE]);
pub const CONFIRM_END: Keymap = Keymap::new(TITLE, &[CONFIRM]);
