//! Team sessions (F14): a facilitator hosts a live quiz, players answer from their own
//! terminals (`join`) or aloud (`host --local`). UI-free, like the other engines: the screens
//! under `screens::host` and `screens::player` draw what this module hands them.
//!
//! How the parts fit:
//! - [`protocol`]: the versioned line-delimited JSON both sides speak.
//! - [`view`]: what the host screen draws ([`HostView`]) and asks ([`HostCommand`]).
//! - [`rounds`]: which questions a room plays, and the join code.
//! - [`game`] and [`scoring`]: the rules, pure, time passed in.
//! - [`room`]: the [`Room`] handle; its thread (`host`) owns the game and talks to players
//!   through [`server`] (a reader and a writer per connection). [`save`] and [`report`] are
//!   its files.
//! - [`client`]: the player's side, [`join`] and [`PlayerConnection`].

mod answers;
pub mod client;
pub mod error;
pub mod game;
mod host;
mod host_phases;
mod host_view;
mod lines;
mod names;
mod outbox;
pub mod protocol;
pub mod report;
pub mod room;
pub mod rounds;
pub mod save;
pub mod scoring;
pub mod server;
pub mod view;
mod wrong_codes;

pub use client::{JoinError, PlayerConnection, PlayerEvent, Welcome, join};
pub use error::SessionError;
pub use room::{Room, RoomConfig};
pub use rounds::{RoundQuestion, SessionRequest, new_join_code, round_questions};
pub use save::SessionFiles;
pub use server::Limits;
pub use view::{HostCommand, HostPhase, HostView, MissedQuestion, PlayerRow};
