//! The player screen's link to the engine's client (`session::client`, per the session spec):
//! the connection, and what it takes to connect again after it was lost.

use std::sync::Mutex;
use std::time::Duration;

use super::{Joined, LinkEvent, PlayerLink};
use crate::session::client::{self, JoinError, PlayerConnection, PlayerEvent};
use crate::session::protocol::WireAnswer;

/// A connection to the host that can be made again with the same address, name and code.
pub struct Connection {
    addr: String,
    name: String,
    code: String,
    timeout: Duration,
    current: Mutex<PlayerConnection>,
}

impl Connection {
    /// Connects and says hello; the host's welcome, or why it refused.
    pub fn join(
        addr: &str,
        name: &str,
        code: &str,
        timeout: Duration,
    ) -> Result<(Self, Joined), JoinError> {
        let (connection, welcome) = client::join(addr, name, code, timeout)?;
        let link = Self {
            addr: addr.to_string(),
            name: name.to_string(),
            code: code.to_string(),
            timeout,
            current: Mutex::new(connection),
        };
        Ok((link, welcome))
    }
}

impl PlayerLink for Connection {
    fn answer(&self, round: u32, answer: WireAnswer) -> Result<(), String> {
        let current = self.current.lock().unwrap_or_else(|e| e.into_inner());
        current.answer(round, answer).map_err(|e| e.to_string())
    }

    fn poll(&self) -> Vec<LinkEvent> {
        let current = self.current.lock().unwrap_or_else(|e| e.into_inner());
        current
            .poll()
            .into_iter()
            .map(|event| match event {
                PlayerEvent::Message(message) => LinkEvent::Message(message),
                PlayerEvent::Lost(why) => LinkEvent::Lost(why),
            })
            .collect()
    }

    fn rejoin(&self) -> Result<Joined, String> {
        let (connection, welcome) = client::join(&self.addr, &self.name, &self.code, self.timeout)
            .map_err(|e| e.to_string())?;
        *self.current.lock().unwrap_or_else(|e| e.into_inner()) = connection;
        Ok(welcome)
    }
}
