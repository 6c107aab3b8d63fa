//! A room: the handle the host screen holds. The room runs on its own thread, which owns the
//! [`Game`] and everything else (see `host.rs`); the screen sends [`HostCommand`]s and reads
//! the latest [`HostView`] snapshot, never a socket or a rule.

use std::net::{SocketAddr, TcpListener};
use std::path::Path;
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crate::content::Course;

use super::error::SessionError;
use super::game::Game;
use super::host::{Host, Meta};
use super::rounds::{RoundQuestion, round_question_by_id};
use super::save::{SessionFiles, newest_unfinished};
use super::server::{Limits, RoomEvent, Server};
use super::view::{HostCommand, HostView};

/// What a room plays and where it keeps its files.
#[derive(Debug, Clone)]
pub struct RoomConfig {
    pub title: String,
    pub questions: Vec<RoundQuestion>,
    /// Per round; the CLI's default is 30 s.
    pub time_limit: Duration,
    pub code: String,
    /// `Some(names)` for `--local`: no network, the facilitator keys answers (`AnswerFor`).
    pub local_players: Option<Vec<String>>,
    /// `None` (in tests): nothing is written.
    pub files: Option<SessionFiles>,
}

/// The shared snapshot: a version that grows with every change, and the view.
pub(crate) type Published = Arc<Mutex<(u64, Arc<HostView>)>>;

/// A running room. Dropping it stops its threads and closes the listener and every connection.
pub struct Room {
    events: Sender<RoomEvent>,
    view: Published,
    addr: Option<SocketAddr>,
    thread: Option<JoinHandle<()>>,
}

impl Room {
    /// Starts the room; with a listener, players can join over TCP.
    pub fn open(config: RoomConfig, listener: Option<TcpListener>) -> Result<Room, SessionError> {
        Self::open_with(config, listener, Limits::default())
    }

    /// [`open`](Self::open) with other limits on clients (tests make a stall show sooner).
    pub fn open_with(
        config: RoomConfig,
        listener: Option<TcpListener>,
        limits: Limits,
    ) -> Result<Room, SessionError> {
        if config.questions.is_empty() {
            return Err(SessionError::NoQuestions);
        }
        let game = Game::new(config.questions, config.time_limit);
        let meta = Meta {
            title: config.title,
            code: config.code,
            files: config.files,
            local_players: config.local_players,
        };
        Self::start(game, meta, listener, limits, Vec::new())
    }

    /// Continues the newest unfinished session saved in `dir`, with the questions looked up
    /// in `course`. Players rejoin under their names and find their scores; the round that
    /// was open when the room died is asked again.
    pub fn resume(
        course: &Course,
        dir: &Path,
        listener: Option<TcpListener>,
    ) -> Result<Room, SessionError> {
        let (path, saved) = newest_unfinished(dir)?;
        let questions = saved
            .questions
            .iter()
            .map(|q| {
                round_question_by_id(course, &q.id, &q.display_order).ok_or_else(|| {
                    SessionError::MissingQuestion {
                        path: path.clone(),
                        id: q.id.clone(),
                    }
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let played = saved.results.len();
        let game = Game::restore(
            questions,
            Duration::from_millis(saved.time_limit_ms),
            saved.players,
            saved.results,
        );
        let notice = format!(
            "Resumed {} from {}: {played} of {} rounds played",
            saved.id,
            path.display(),
            game.rounds()
        );
        let meta = Meta {
            title: saved.title,
            code: saved.code,
            files: Some(SessionFiles {
                dir: dir.to_path_buf(),
                id: saved.id,
            }),
            local_players: saved.local_players,
        };
        Self::start(game, meta, listener, Limits::default(), vec![notice])
    }

    fn start(
        mut game: Game,
        meta: Meta,
        listener: Option<TcpListener>,
        limits: Limits,
        mut notices: Vec<String>,
    ) -> Result<Room, SessionError> {
        let (events, inbox) = channel();
        let server = match listener {
            Some(listener) => {
                let addr = listener
                    .local_addr()
                    .map(|a| a.to_string())
                    .unwrap_or_else(|_| "the given address".into());
                let code = meta.code.clone();
                Some(
                    Server::start(listener, code, limits, events.clone())
                        .map_err(|source| SessionError::Listen { addr, source })?,
                )
            }
            None => None,
        };
        let addr = server.as_ref().map(Server::local_addr);
        for name in meta.local_players.iter().flatten() {
            if let Err(refused) = game.join(name) {
                notices.push(format!(
                    "Player “{}” not added: {refused}",
                    crate::inert::sanitize(name)
                ));
            }
        }
        let view: Published = Arc::new(Mutex::new((0, Arc::new(Host::empty_view()))));
        let mut host = Host::new(game, meta, server, notices, view.clone());
        host.save();
        host.publish(Instant::now());
        let thread = thread::Builder::new()
            .name("session-room".into())
            .spawn(move || host.run(inbox))
            .map_err(SessionError::Thread)?;
        Ok(Room {
            events,
            view,
            addr,
            thread: Some(thread),
        })
    }

    pub fn command(&self, command: HostCommand) {
        let _ = self.events.send(RoomEvent::Command(command));
    }

    /// The latest snapshot and a counter that grows with every change (redraw only when it
    /// moved).
    pub fn view(&self) -> (u64, Arc<HostView>) {
        let published = self.view.lock().expect("the room's view");
        (published.0, published.1.clone())
    }

    /// Where players connect, when the room listens.
    pub fn local_addr(&self) -> Option<SocketAddr> {
        self.addr
    }
}

impl Drop for Room {
    fn drop(&mut self) {
        let _ = self.events.send(RoomEvent::Stop);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
