//! Team sessions (F14): a facilitator hosts a live quiz, players answer from their own
//! terminals (`join`) or aloud (`host --local`). UI-free, like the other engines: the screens
//! under `screens::host` and `screens::player` draw what this module hands them.
//!
//! How the parts fit:
//! - [`protocol`]: the versioned line-delimited JSON both sides speak.
//! - [`view`]: what the host screen draws ([`HostView`]) and asks ([`HostCommand`]).
//! - [`rounds`]: which questions a room plays, and the join code.
//! - [`game`] and [`scoring`]: the rules, pure, time passed in.

mod answers;
pub mod game;
mod names;
pub mod protocol;
pub mod rounds;
pub mod scoring;
pub mod view;

pub use rounds::{RoundQuestion, SessionRequest, new_join_code, round_questions};
pub use view::{HostCommand, HostPhase, HostView, MissedQuestion, PlayerRow};
