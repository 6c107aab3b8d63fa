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
use super::report::Report;
use super::room::Published;
use super::save::SessionFiles;
use super::scoring::SCORING;
use super::server::{ConnId, NetEvent, RoomEvent, Server};
use super::view::{HostCommand, HostView};

/// How often the view is refreshed while a countdown runs (it shows whole seconds).
const TICK: Duration = Duration::from_millis(200);
/// How many notices the view keeps.
const NOTICES: usize = 20;
/// How many players a scoreboard message lists above "you".
const TOP: usize = 5;

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
    server: Option<Server>,
    pub(crate) address: Option<String>,
    conns: HashMap<ConnId, (usize, Outbox)>,
    pub(crate) notices: Vec<String>,
    pub(crate) report: Option<String>,
    /// Connections whose queue was full, to cut off once the current event is handled.
    stalled: Vec<ConnId>,
    published: Published,
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
            phase: super::view::HostPhase::Lobby,
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
                    sanitize(name).replace('\n', " "),
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
            _ => {}
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

    /// Tells everyone what the new phase means for them; saves after a reveal and at the end.
    fn phase_changed(&mut self) {
        let now = Instant::now();
        match self.game.phase().clone() {
            Phase::Lobby => {}
            Phase::Question { .. } => {
                for (conn, player) in self.members() {
                    let question = self.question_for(player, now);
                    self.send(conn, &question);
                }
            }
            Phase::Reveal { .. } => {
                self.send_reveals();
                self.save();
            }
            Phase::Scoreboard { index } => {
                let standings = self.game.standings();
                let top: Vec<_> = standings.iter().take(TOP).cloned().collect();
                for (conn, player) in self.members() {
                    let you = super::host_view::standing_of(&standings, &self.game, player);
                    self.send(
                        conn,
                        &HostMessage::Scoreboard {
                            round: index as u32 + 1,
                            rounds: self.game.rounds(),
                            top: top.clone(),
                            you,
                        },
                    );
                }
            }
            Phase::Finished => {
                let standings = self.game.standings();
                let top: Vec<_> = standings.iter().take(TOP).cloned().collect();
                for (conn, player) in self.members() {
                    let you = super::host_view::standing_of(&standings, &self.game, player);
                    self.send(
                        conn,
                        &HostMessage::Ended {
                            top: top.clone(),
                            you,
                        },
                    );
                }
                self.save();
                self.write_report();
            }
        }
    }

    fn send_reveals(&mut self) {
        let Some(result) = self.game.results().last().cloned() else {
            return;
        };
        let round = self.game.results().len() as u32;
        let Some((_, asked)) = self.game.current() else {
            return;
        };
        let explanation = asked.asked.question.explanation.clone();
        let players = self.game.players().len() as u32;
        for (conn, player) in self.members() {
            let Some(outcome) = result.outcomes.get(player) else {
                continue;
            };
            let message = HostMessage::Reveal {
                round,
                question_id: result.question_id.clone(),
                right: result.right.clone(),
                explanation: explanation.clone(),
                lesson: result.lesson.clone(),
                verdict: outcome.verdict,
                grade: outcome.grade,
                points: outcome.points,
                score: self.game.players()[player].score,
                rank: self.game.rank(player),
                players,
            };
            self.send(conn, &message);
        }
    }

    fn question_for(&self, player: usize, now: Instant) -> HostMessage {
        super::host_view::question_message(&self.game, player, now)
    }

    fn remaining_ms(&self, now: Instant) -> u64 {
        self.game.remaining(now).unwrap_or_default().as_millis() as u64
    }

    fn lobby_count(&mut self) {
        let players = self.game.players().iter().filter(|p| p.connected).count() as u32;
        self.broadcast(&HostMessage::Lobby { players });
    }

    fn members(&self) -> Vec<(ConnId, usize)> {
        self.conns
            .iter()
            .map(|(&conn, &(player, _))| (conn, player))
            .collect()
    }

    fn broadcast(&mut self, message: &HostMessage) {
        let line: Arc<str> = encode(message).into();
        for (conn, (_, outbox)) in &self.conns {
            if outbox.send(line.clone()).is_err() {
                self.stalled.push(*conn);
            }
        }
    }

    fn send(&mut self, conn: ConnId, message: &HostMessage) {
        if let Some((_, outbox)) = self.conns.get(&conn)
            && outbox.send(encode(message).into()).is_err()
        {
            self.stalled.push(conn);
        }
    }

    fn notice(&mut self, text: String) {
        self.notices.push(sanitize(&text).replace('\n', " "));
        if self.notices.len() > NOTICES {
            self.notices.remove(0);
        }
    }

    /// Saves the state; a failure is a notice, not the end of the session.
    pub fn save(&mut self) {
        let Some(files) = &self.meta.files else {
            return;
        };
        let saved = super::host_view::saved_session(self, files);
        match saved.save(files) {
            Ok(path) => {
                self.notices.retain(|n| !n.starts_with("Saved "));
                let text = format!("Saved to {}", path.display());
                self.notice(text);
            }
            Err(error) => self.notice(format!("Not saved: {error}")),
        }
    }

    fn write_report(&mut self) {
        let Some(files) = &self.meta.files else {
            return;
        };
        let report = Report::of(&self.game, &files.id, &self.meta.title);
        match report.write(files) {
            Ok(path) => {
                let path = path.display().to_string();
                self.notice(format!("Report written to {path}"));
                self.report = Some(path);
            }
            Err(error) => self.notice(format!("Report not written: {error}")),
        }
    }
}
