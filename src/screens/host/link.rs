//! The host screen's link to the engine's room (`session::room::Room`, per the session spec).
//! MERGE: `mod link;` in `mod.rs` is compiled out until the engine branch is merged; then drop
//! its `#[cfg(any())]`.

use std::sync::Arc;

use super::RoomLink;
use crate::session::room::Room;
use crate::session::{HostCommand, HostView};

impl RoomLink for Room {
    fn command(&self, command: HostCommand) {
        Room::command(self, command);
    }

    fn view(&self) -> (u64, Arc<HostView>) {
        Room::view(self)
    }
}
