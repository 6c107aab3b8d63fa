//! What each phase of the game means for the players and the files: questions out when a
//! round opens, each player's own verdict at the reveal (then a save), scoreboards, and at the
//! end the podium, the last save and the report. Split from `host.rs`, which receives events.

use std::time::Instant;

use super::game::Phase;
use super::host::Host;
use super::host_view::{saved_session, standing_of};
use super::protocol::HostMessage;
use super::report::Report;

/// How many players a scoreboard message lists above "you".
const TOP: usize = 5;

impl Host {
    /// Tells everyone what the new phase means for them; saves after a reveal and at the end.
    pub(super) fn phase_changed(&mut self) {
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
                for (conn, player) in self.members() {
                    let scoreboard = self.scoreboard_for(player, index);
                    self.send(conn, &scoreboard);
                }
            }
            Phase::Finished => {
                let standings = self.game.standings();
                let top: Vec<_> = standings.iter().take(TOP).cloned().collect();
                for (conn, player) in self.members() {
                    let you = standing_of(&standings, &self.game, player);
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

    /// The scoreboard after round `index` (0-based), as `player` sees it: also what a player
    /// who joins between a reveal and the next question is shown, rather than the lobby.
    pub(super) fn scoreboard_for(&self, player: usize, index: usize) -> HostMessage {
        let standings = self.game.standings();
        HostMessage::Scoreboard {
            round: index as u32 + 1,
            rounds: self.game.rounds(),
            top: standings.iter().take(TOP).cloned().collect(),
            you: standing_of(&standings, &self.game, player),
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

    /// Saves the state; a failure is a notice, not the end of the session.
    pub(super) fn save(&mut self) {
        let Some(files) = &self.meta.files else {
            return;
        };
        let saved = saved_session(self, files);
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
