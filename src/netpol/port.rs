//! The port of a question: a number, or a container port name of the destination.

use std::fmt;
use std::str::FromStr;

use serde::Deserialize;

/// The destination port of a question: a number, or a name resolved against the destination
/// pod's container ports.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum PortRef {
    Number(u16),
    Name(String),
}

impl fmt::Display for PortRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PortRef::Number(number) => write!(f, "{number}"),
            PortRef::Name(name) => f.write_str(name),
        }
    }
}

/// Why a port text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a port; give a number from 1 to 65535 or a container port name")]
pub struct BadPort(pub String);

impl FromStr for PortRef {
    type Err = BadPort;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text.chars().all(|c| c.is_ascii_digit()) && !text.is_empty() {
            return match text.parse::<u16>() {
                Ok(number) if number > 0 => Ok(PortRef::Number(number)),
                _ => Err(BadPort(text.to_string())),
            };
        }
        if super::validate::port_name(text).is_ok() {
            Ok(PortRef::Name(text.to_string()))
        } else {
            Err(BadPort(text.to_string()))
        }
    }
}
