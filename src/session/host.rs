//! The room thread: owns the game, takes host commands and network events from one channel,
//! and tells each player what concerns them. It waits with `recv_timeout` up to the round's
//! deadline, so time-up and the last answer both reveal at once, and it never waits on a
//! socket: a full queue is a stalled client, cut off there and then.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use crate::inert::sanitize;

use super::game::{Game, Phase};
use super::outbox::Outbox;
use super::protocol::{ClientMessage, HostMessage, PROTOCOL_VERSION, encode};
use super::room::Published;
use super::save::SessionFiles;
use super::scoring::SCORING;
use super::server::{ConnId, NetEvent, RoomEvent, Server};
use super::view::{HostCommand, HostView};

/// How often the view is refreshed while a countdown runs (it shows whole seconds).
const TICK: Duration = Duration::from_millis(200);
/// How many notices the view keeps.
const NOTICES: usize = 20;

/// What a room is, besides its game.
pub(crate) struct Meta {
    pub title: String,
    pub code: String,
    pub files: Option<SessionFiles>,
    pub local_players: Option<Vec<String>>,
}

pub(crate) struct Host {
    pub(crate) game: Game,
    pub(crate) meta: Meta,
    pub(crate) server: Option<Server>,
    pub(crate) address: Option<String>,
    pub(crate) conns: HashMap<ConnId, (usize, Outbox)>,
    pub(crate) notices: Vec<String>,
    pub(crate) report: Option<String>,
    /// Connections whose queue was full, to cut off once the current event is handled.
    pub(crate) stalled: Vec<ConnId>,
    pub(crate) published: Published,
}

impl Host {
    pub fn new(
        game: Game,
        meta: Meta,
        server: Option<Server>,
        notices: Vec<String>,
        published: Published,
    ) -> Host {
        let address = server.as_ref().map(|s| s.local_addr().to_string());
        Host {
            game,
            meta,
            server,
            address,
            conns: HashMap::new(),
            notices,
            report: None,
            stalled: Vec::new(),
            published,
        }
    }

    pub fn run(mut self, inbox: Receiver<RoomEvent>) {
        loop {
            let wait = match self.game.deadline() {
                Some(deadline) => deadline.saturating_duration_since(Instant::now()).min(TICK),
                None => Duration::from_secs(1),
            };
            match inbox.recv_timeout(wait) {
                Ok(RoomEvent::Stop) | Err(RecvTimeoutError::Disconnected) => break,
                Ok(event) => self.handle(event),
                Err(RecvTimeoutError::Timeout) => {}
            }
            if self.game.tick(Instant::now()) {
                self.phase_changed();
            }
            self.settle();
            self.publish(Instant::now());
        }
        for (_, outbox) in self.conns.values() {
            outbox.close_now();
        }
        if let Some(mut server) = self.server.take() {
            server.shutdown();
        }
    }

    /// Publishes the view when it differs from the last one.
    pub fn publish(&self, now: Instant) {
        let view = super::host_view::host_view(self, now);
        let mut published = self.published.lock().expect("the room's view");
        if *published.1 != view {
            published.0 += 1;
            published.1 = Arc::new(view);
        }
    }

    pub fn empty_view() -> HostView {
        HostView {
            title: String::new(),
            address: None,
            code: String::new(),
            players: Vec::new(),
            rounds: 0,
            phase: super::view::HostPhase::Lobby { played: 0 },
            notices: Vec::new(),
            scoring: SCORING.to_string(),
        }
    }

    fn handle(&mut self, event: RoomEvent) {
        let now = Instant::now();
        match event {
            RoomEvent::Stop => {}
            RoomEvent::Command(command) => self.command(command, now),
            RoomEvent::Net(NetEvent::Hello { conn, name, outbox }) => {
                self.hello(conn, &name, outbox, now)
            }
            RoomEvent::Net(NetEvent::Message { conn, message }) => match message {
                ClientMessage::Answer { round, answer } => {
                    let Some(&(player, _)) = self.conns.get(&conn) else {
                        return;
                    };
                    match self.game.answer(player, round, answer, now) {
                        Ok(revealed) => {
                            self.send(conn, &HostMessage::AnswerTaken { round });
                            if revealed {
                                self.phase_changed();
                            }
                        }
                        Err(reason) => {
                            self.send(conn, &HostMessage::AnswerRefused { round, reason })
                        }
                    }
                }
                ClientMessage::Bye {} => self.leave(conn, None, "left"),
                ClientMessage::Hello { .. } => {
                    self.leave(conn, Some("it said hello twice".into()), "cut off")
                }
            },
            RoomEvent::Net(NetEvent::CutOff { conn, why }) => {
                self.leave(conn, Some(why), "cut off")
            }
            RoomEvent::Net(NetEvent::Closed { conn }) => self.leave(conn, None, "disconnected"),
            RoomEvent::Net(NetEvent::Notice(text)) => self.notice(text),
        }
    }

    fn command(&mut self, command: HostCommand, now: Instant) {
        let changed = match command {
            HostCommand::Next => self.game.next(now),
            HostCommand::Skip => self.game.skip(now),
            HostCommand::End => self.game.end(),
            HostCommand::Pause => {
                if self.game.pause(now)
                    && let Some(round) = self.game.open_round()
                {
                    self.broadcast(&HostMessage::Paused { round });
                }
                false
            }
            HostCommand::Resume => {
                if self.game.resume(now)
                    && let Some(round) = self.game.open_round()
                {
                    let remaining_ms = self.remaining_ms(now);
                    self.broadcast(&HostMessage::Resumed {
                        round,
                        remaining_ms,
                    });
                }
                false
            }
            HostCommand::AnswerFor { player, answer } => {
                let round = self.game.open_round();
                match (self.meta.local_players.is_some(), round) {
                    (false, _) => {
                        self.notice("Answers are keyed only in a --local session".into());
                        false
                    }
                    (true, None) => false,
                    (true, Some(round)) => match self.game.answer(player, round, answer, now) {
                        Ok(revealed) => revealed,
                        Err(reason) => {
                            let name = self.game.players().get(player).map(|p| p.name.clone());
                            self.notice(format!(
                                "Answer for {} not taken: {reason}",
                                name.unwrap_or_else(|| format!("player {player}"))
                            ));
                            false
                        }
                    },
                }
            }
        };
        if changed {
            self.phase_changed();
        }
    }

    fn hello(&mut self, conn: ConnId, name: &str, outbox: Outbox, now: Instant) {
        let joined = match self.game.join(name) {
            Ok(joined) => joined,
            Err(refused) => {
                let reason = refused.to_string();
                let line: Arc<str> = encode(&HostMessage::Refused {
                    reason: reason.clone(),
                })
                .into();
                let _ = outbox.send(line);
                self.notice(format!(
                    "Refused “{}” from {}: {reason}",
                    shown_name(name),
                    outbox.addr
                ));
                // Dropping the outbox closes the connection once the refusal is written.
                return;
            }
        };
        let player = &self.game.players()[joined.index];
        let welcome = HostMessage::Welcome {
            version: PROTOCOL_VERSION,
            name: player.name.clone(),
            title: self.meta.title.clone(),
            rounds: self.game.rounds(),
            score: player.score,
            rejoined: joined.rejoined,
            scoring: SCORING.to_string(),
        };
        if joined.rejoined {
            self.notice(format!(
                "{} rejoined from {} (score {} kept)",
                player.name, outbox.addr, player.score
            ));
        }
        self.conns.insert(conn, (joined.index, outbox));
        self.send(conn, &welcome);
        match self.game.phase() {
            Phase::Lobby => self.lobby_count(),
            Phase::Question { .. } => {
                let question = self.question_for(joined.index, now);
                self.send(conn, &question);
            }
            &Phase::Reveal { index } | &Phase::Scoreboard { index } => {
                let scoreboard = self.scoreboard_for(joined.index, index);
                self.send(conn, &scoreboard);
            }
            Phase::Finished => {}
        }
    }

    /// A connection ends: cut off (with why), left or lost. Its player stays, away.
    fn leave(&mut self, conn: ConnId, why: Option<String>, how: &str) {
        let Some((player, outbox)) = self.conns.remove(&conn) else {
            return;
        };
        let name = self.game.players()[player].name.clone();
        match why {
            Some(why) => {
                let why = sanitize(&why).replace('\n', " ");
                let _ = outbox.send(
                    encode(&HostMessage::Refused {
                        reason: why.clone(),
                    })
                    .into(),
                );
                self.notice(format!("{name} ({}) {how}: {why}", outbox.addr));
            }
            None => self.notice(format!("{name} ({}) {how}", outbox.addr)),
        }
        drop(outbox);
        if self.game.drop_player(player) {
            self.phase_changed();
        } else if *self.game.phase() == Phase::Lobby {
            self.lobby_count();
        }
    }

    /// Cuts off the clients whose queue was full.
    fn settle(&mut self) {
        while let Some(conn) = self.stalled.pop() {
            if let Some((_, outbox)) = self.conns.get(&conn) {
                outbox.close_now();
                let why = "it stopped reading (its queue of messages is full)".to_string();
                self.leave(conn, Some(why), "cut off");
            }
        }
    }

    pub(super) fn question_for(&self, player: usize, now: Instant) -> HostMessage {
        super::host_view::question_message(&self.game, player, now)
    }

    fn remaining_ms(&self, now: Instant) -> u64 {
        self.game.remaining(now).unwrap_or_default().as_millis() as u64
    }

    fn lobby_count(&mut self) {
        let players = self.game.players().iter().filter(|p| p.connected).count() as u32;
        self.broadcast(&HostMessage::Lobby { players });
    }

    pub(super) fn members(&self) -> Vec<(ConnId, usize)> {
        self.conns
            .iter()
            .map(|(&conn, &(player, _))| (conn, player))
            .collect()
    }

    pub(super) fn broadcast(&mut self, message: &HostMessage) {
        let line: Arc<str> = encode(message).into();
        for (conn, (_, outbox)) in &self.conns {
            if outbox.send(line.clone()).is_err() {
                self.stalled.push(*conn);
            }
        }
    }

    pub(super) fn send(&mut self, conn: ConnId, message: &HostMessage) {
        if let Some((_, outbox)) = self.conns.get(&conn)
            && outbox.send(encode(message).into()).is_err()
        {
            self.stalled.push(conn);
        }
    }

    pub(super) fn notice(&mut self, text: String) {
        self.notices.push(sanitize(&text).replace('\n', " "));
        if self.notices.len() > NOTICES {
            self.notices.remove(0);
        }
    }
}

/// A refused name for a notice: inert, one line, and cut short (a hello may carry 16 KiB).
fn shown_name(name: &str) -> String {
    let name = sanitize(name).replace('\n', " ");
    match name.char_indices().nth(super::game::MAX_NAME_CHARS) {
        Some((end, _)) => format!("{}…", &name[..end]),
        None => name,
    }
}
