//! The command line of team sessions (F14): `host` and `join`, and what is settled before
//! anything listens or connects: the players of a `--local` session, the name to play under,
//! and the join code, asked for when it is not given.

use std::io::{BufRead, IsTerminal};
use std::net::SocketAddr;

use clap::value_parser;

use crate::tell;

/// The port a host listens on when `--bind` does not say.
pub const DEFAULT_BIND: &str = "127.0.0.1:7878";

/// The only player of a `--local` session without `--players`: the room answers as one.
pub const ROOM_PLAYER: &str = "Room";

#[derive(Debug, Clone, PartialEq, Eq, clap::Args)]
pub struct HostArgs {
    /// Ask this topic's questions (repeat for several; default: the whole course).
    #[arg(long = "topic", value_name = "ID")]
    pub topics: Vec<String>,
    /// How many rounds (fewer when the topics hold fewer questions).
    #[arg(long, value_name = "N", default_value_t = 10, value_parser = value_parser!(u32).range(1..=200))]
    pub count: u32,
    /// Seconds to answer each question.
    #[arg(long, value_name = "SECS", default_value_t = 30, value_parser = value_parser!(u64).range(5..=3600))]
    pub time_limit: u64,
    /// Where players connect. The default serves one shared machine (players over SSH); give a
    /// LAN address to let other machines join.
    #[arg(long, value_name = "ADDR:PORT", default_value = DEFAULT_BIND, conflicts_with = "local")]
    pub bind: SocketAddr,
    /// The same seed asks the same questions in the same order.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Continue the newest unfinished session (the round that was open is asked again).
    #[arg(long, conflicts_with_all = ["topics", "seed"])]
    pub resume: bool,
    /// A session without a network: players answer aloud and you key their answers.
    #[arg(long)]
    pub local: bool,
    /// The players of a --local session (default: one player, "Room").
    #[arg(
        long,
        value_name = "NAME,NAME,...",
        value_delimiter = ',',
        requires = "local"
    )]
    pub players: Vec<String>,
}

impl HostArgs {
    /// `Some(names)` for a `--local` session: the names given (blank ones dropped), or the room
    /// as one player.
    pub fn local_players(&self) -> Option<Vec<String>> {
        if !self.local {
            return None;
        }
        let names: Vec<String> = self
            .players
            .iter()
            .map(|name| name.trim().to_string())
            .filter(|name| !name.is_empty())
            .collect();
        Some(if names.is_empty() {
            vec![ROOM_PLAYER.to_string()]
        } else {
            names
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, clap::Args)]
pub struct JoinArgs {
    /// The host's address, as its lobby shows it (such as 127.0.0.1:7878).
    #[arg(value_name = "ADDR:PORT")]
    pub address: String,
    /// The room's join code, shown big on the host's screen (asked for when not given).
    #[arg(long, value_name = "CODE")]
    pub code: Option<String>,
}

/// The name to play under (the global `--name`), or a usage error said on stderr.
pub fn player_name(name: Option<&str>) -> Result<String, String> {
    match name.map(str::trim) {
        Some(name) if !name.is_empty() => Ok(name.to_string()),
        _ => Err("join needs --name NAME: the name the room shows for you".into()),
    }
}

/// The join code: `--code`, or asked for on the terminal. Without a terminal to ask on, it is
/// a usage error.
pub fn join_code(given: Option<&str>) -> Result<String, String> {
    if let Some(code) = given.map(str::trim).filter(|c| !c.is_empty()) {
        return Ok(code.to_string());
    }
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return Err("join needs --code CODE: the code shown on the host's screen".into());
    }
    tell!("Join code (shown on the host's screen):");
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .map_err(|error| format!("cannot read the join code: {error}"))?;
    match line.trim() {
        "" => Err("no join code given".into()),
        code => Ok(code.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_local_session_without_players_is_the_room() {
        let mut args = HostArgs {
            topics: Vec::new(),
            count: 10,
            time_limit: 30,
            bind: DEFAULT_BIND.parse().unwrap(),
            seed: None,
            resume: false,
            local: false,
            players: Vec::new(),
        };
        assert_eq!(args.local_players(), None);
        args.local = true;
        assert_eq!(args.local_players(), Some(vec!["Room".to_string()]));
        args.players = vec!["Ana".into(), " ".into(), " Bo ".into()];
        assert_eq!(
            args.local_players(),
            Some(vec!["Ana".to_string(), "Bo".to_string()])
        );
    }

    #[test]
    fn a_player_needs_a_name() {
        assert_eq!(player_name(Some(" Ana ")), Ok("Ana".into()));
        assert!(player_name(Some("  ")).is_err());
        assert!(player_name(None).unwrap_err().contains("--name"));
    }
}
