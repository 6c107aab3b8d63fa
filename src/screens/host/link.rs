//! The host screen's link to the engine's room (`session::room::Room`, per the session spec).

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
