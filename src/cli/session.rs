//! `host` and `join` run: everything that can fail (the course, the questions, the listener,
//! the connection, the code) fails here with a plain message and an exit code, before the
//! terminal UI starts; then the TUI opens on the room or the connection.

use std::net::TcpListener;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use rand::SeedableRng;
use rand::rngs::StdRng;

use super::Tutor;
use super::session_args::{HostArgs, JoinArgs};
use crate::screens::link::Link;
use crate::screens::player::Connection;
use crate::screens::{Start, fresh_seed};
use crate::session::{
    Room, RoomConfig, SessionFiles, SessionRequest, new_join_code, round_questions,
};
use crate::tell;

/// How long `join` waits for the host's welcome.
const JOIN_TIMEOUT: Duration = Duration::from_secs(5);

pub fn host(args: HostArgs, tutor: Tutor) -> anyhow::Result<ExitCode> {
    let course = match tutor.course() {
        Ok(course) => course,
        Err(code) => return Ok(code),
    };
    let dir = tutor.data_dir()?.join("sessions");
    // Bound before anything else starts, so "address in use" is said on a plain terminal.
    let listener = match args.local {
        true => None,
        false => match TcpListener::bind(args.bind) {
            Ok(listener) => Some(listener),
            Err(error) => {
                tell!(
                    "aks-tutor: cannot listen for players on {}: {error} (choose another with --bind ADDR:PORT)",
                    args.bind
                );
                return Ok(ExitCode::FAILURE);
            }
        },
    };
    let room = if args.resume {
        Room::resume(&course, &dir, listener)
    } else {
        let request = SessionRequest {
            topics: args.topics.clone(),
            count: Some(args.count as usize),
            seed: args.seed.unwrap_or_else(fresh_seed),
        };
        let questions = match round_questions(&course, &request) {
            Ok(questions) => questions,
            Err(error) => {
                tell!("aks-tutor: {error}");
                return Ok(ExitCode::from(2));
            }
        };
        // The code is never drawn from --seed: a replayed session must not share its code.
        let code = new_join_code(&mut StdRng::seed_from_u64(rand::random()));
        let config = RoomConfig {
            title: course.title.clone(),
            questions,
            time_limit: Duration::from_secs(args.time_limit),
            files: Some(SessionFiles::new(dir, &code, SystemTime::now())),
            code,
            local_players: args.local_players(),
        };
        Room::open(config, listener)
    };
    match room {
        Ok(room) => tutor.run(course, Start::Host(Link::new(Arc::new(room)))),
        Err(error) => {
            tell!("aks-tutor: {error}");
            Ok(ExitCode::FAILURE)
        }
    }
}

pub fn join(args: JoinArgs, name: String, code: String, tutor: Tutor) -> anyhow::Result<ExitCode> {
    let course = match tutor.course() {
        Ok(course) => course,
        Err(code) => return Ok(code),
    };
    match Connection::join(&args.address, &name, &code, JOIN_TIMEOUT) {
        Ok((link, joined)) => tutor.run(
            course,
            Start::Player {
                link: Link::new(Arc::new(link)),
                joined,
            },
        ),
        Err(error) => {
            tell!("aks-tutor: {error}");
            Ok(ExitCode::FAILURE)
        }
    }
}
