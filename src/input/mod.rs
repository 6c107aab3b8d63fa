//! What the learner's keys mean: the closed [`Action`] enum, the key tables that map keys to
//! actions, the [`Effect`]s an action asks of the terminal, and the typed-answer input that quiz,
//! exam and sizing share.

pub mod answer;
pub mod keys;

pub use keys::{Action, Binding, Keymap, Unbound, action_for, bind};

/// What an action asks the runtime to do outside the state (the terminal is not state).
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
}
