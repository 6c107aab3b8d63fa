//! The facilitator's screen of a team session (F14): the lobby with the join code, each round's
//! question in big type with its countdown and the count of answers in, the reveal with the
//! distribution of answers, the scoreboard, and the podium at the end. It draws the room's
//! latest [`HostView`] and asks things of the room with [`HostCommand`]s; the room (its own
//! thread, its sockets, the rules) sits behind a [`RoomLink`], so tests drive the screen with a
//! fake. In a `--local` session the facilitator also keys each player's answer.

mod keys;
mod link;
mod results;
mod view;

use std::sync::Arc;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Chrome, Context, Reaction, ScreenState};
use crate::content::QuestionKind;
use crate::input::{Action, Keymap};
use crate::session::protocol::WireAnswer;
use crate::session::{HostCommand, HostPhase, HostView};

/// What the host screen needs of a room: implemented by `session::room::Room`, and by fakes in
/// tests.
pub trait RoomLink {
    fn command(&self, command: HostCommand);
    /// The latest snapshot, and a counter that grows with every change.
    fn view(&self) -> (u64, Arc<HostView>);
}

/// How often the screen looks for a new snapshot: a reveal shows within a frame or so.
const TICK: std::time::Duration = std::time::Duration::from_millis(50);

pub struct HostScreen {
    link: Arc<dyn RoomLink>,
    version: u64,
    pub view: Arc<HostView>,
    /// `e` was pressed: the next key says whether to end the session.
    pub confirming_end: bool,
    /// `--local`: the highlighted player (an index into the view's players).
    pub player: usize,
    /// `--local`, multi-select: the options ticked for the highlighted player (shown positions).
    pub ticked: Vec<bool>,
    /// The round the highlight and the ticks belong to.
    keyed_round: u32,
}

impl HostScreen {
    pub fn new(link: Arc<dyn RoomLink>) -> Self {
        let (version, view) = link.view();
        let mut screen = Self {
            link,
            version,
            view,
            confirming_end: false,
            player: 0,
            ticked: Vec::new(),
            keyed_round: 0,
        };
        screen.follow_round();
        screen
    }

    /// A session without a network: the facilitator keys the answers.
    pub fn is_local(&self) -> bool {
        self.view.address.is_none()
    }

    /// Takes the room's newest snapshot when it changed.
    fn refresh(&mut self) {
        let (version, view) = self.link.view();
        if version != self.version {
            self.version = version;
            self.view = view;
            self.follow_round();
        }
    }

    /// A new round starts with the first player still to answer highlighted and nothing ticked.
    fn follow_round(&mut self) {
        if let HostPhase::Question {
            round, question, ..
        } = &self.view.phase
            && *round != self.keyed_round
        {
            self.keyed_round = *round;
            self.ticked = vec![false; question.option_count()];
            self.player = 0;
            if self.view.players.first().is_some_and(|p| p.answered) {
                self.next_unanswered();
            }
        }
        self.player = self.player.min(self.view.players.len().saturating_sub(1));
    }

    /// Moves the highlight to the next player (after it, wrapping) who has not answered.
    fn next_unanswered(&mut self) {
        let count = self.view.players.len();
        if let Some(next) = (1..=count)
            .map(|step| (self.player + step) % count)
            .find(|&i| !self.view.players[i].answered)
        {
            self.player = next;
        }
    }

    fn send(&mut self, command: HostCommand) {
        self.link.command(command);
        self.refresh();
    }

    fn running(&self) -> bool {
        !matches!(self.view.phase, HostPhase::Finished { .. })
    }

    fn act_on(&mut self, action: Action) -> Reaction {
        if self.confirming_end {
            self.confirming_end = false;
            return match action {
                Action::EndSession => {
                    self.send(HostCommand::End);
                    Reaction::message("Session ended.")
                }
                _ => Reaction::message("The session goes on."),
            };
        }
        let question = match &self.view.phase {
            HostPhase::Question {
                question, paused, ..
            } => Some((question.question.kind.clone(), *paused)),
            _ => None,
        };
        match (action, question) {
            (Action::EndSession, _) if self.running() => {
                self.confirming_end = true;
                Reaction::message(
                    "End the session now? The podium and the report follow. y ends it, n goes on.",
                )
            }
            (Action::PauseResume, Some((_, paused))) => {
                self.send(if paused {
                    HostCommand::Resume
                } else {
                    HostCommand::Pause
                });
                Reaction::none()
            }
            (Action::PauseResume, None) => Reaction::message("Only a question's countdown pauses."),
            (Action::Skip, _) if self.running() => {
                self.send(HostCommand::Skip);
                Reaction::none()
            }
            (_, Some((kind, _))) if self.is_local() => self.key_answer(action, &kind),
            (Action::Submit, Some(_)) => Reaction::message(
                "The round is open: it closes when everyone has answered or time is up; s reveals it now.",
            ),
            (Action::Submit, None) if self.running() => {
                self.send(HostCommand::Next);
                Reaction::none()
            }
            _ => Reaction::none(),
        }
    }

    /// `--local`: the highlighted player's answer, keyed by the facilitator.
    fn key_answer(&mut self, action: Action, kind: &QuestionKind) -> Reaction {
        let count = self.view.players.len();
        let options = self.ticked.len();
        let answer = match (action, kind) {
            (Action::Up, _) => {
                self.player = self.player.saturating_sub(1);
                return Reaction::none();
            }
            (Action::Down, _) => {
                self.player = (self.player + 1).min(count.saturating_sub(1));
                return Reaction::none();
            }
            (Action::AnswerTrue, QuestionKind::TrueFalse { .. }) => WireAnswer::Bool(true),
            (Action::AnswerFalse, QuestionKind::TrueFalse { .. }) => WireAnswer::Bool(false),
            (Action::Pick(n), QuestionKind::TrueFalse { .. }) if n <= 2 => WireAnswer::Bool(n == 1),
            (Action::Pick(n), QuestionKind::MultiSelect { .. }) if usize::from(n) <= options => {
                let at = usize::from(n) - 1;
                self.ticked[at] = !self.ticked[at];
                return Reaction::none();
            }
            (Action::Pick(n), _) if usize::from(n) <= options => {
                WireAnswer::Choice(usize::from(n) - 1)
            }
            (Action::Submit, QuestionKind::MultiSelect { .. }) => {
                let ticked: Vec<usize> = (0..options).filter(|&i| self.ticked[i]).collect();
                if ticked.is_empty() {
                    return Reaction::message("Tick the player's options with 1–9, then Enter.");
                }
                WireAnswer::Choices(ticked)
            }
            (Action::Pick(_), _) => return Reaction::message("There is no such option."),
            (Action::AnswerTrue | Action::AnswerFalse, _) => {
                return Reaction::message("t and f answer true/false questions; use 1–9.");
            }
            _ => return Reaction::none(),
        };
        if count == 0 {
            return Reaction::none();
        }
        let name = self.view.players[self.player].name.clone();
        self.send(HostCommand::AnswerFor {
            player: self.player,
            answer,
        });
        self.ticked.iter_mut().for_each(|t| *t = false);
        self.next_unanswered();
        Reaction::message(format!("Answer keyed for {name}."))
    }
}

impl ScreenState for HostScreen {
    fn keymap(&self) -> Keymap {
        if self.confirming_end {
            return keys::CONFIRM_END;
        }
        match self.view.phase {
            HostPhase::Lobby { .. } => keys::LOBBY,
            HostPhase::Question { .. } if self.is_local() => keys::LOCAL_QUESTION,
            HostPhase::Question { .. } => keys::QUESTION,
            HostPhase::Reveal { .. } | HostPhase::Scoreboard { .. } => keys::BETWEEN_ROUNDS,
            HostPhase::Finished { .. } => keys::FINISHED,
        }
    }

    fn act(&mut self, action: Action, _cx: &Context) -> Reaction {
        match action {
            Action::Tick(_) => {
                self.refresh();
                Reaction::none()
            }
            action => self.act_on(action),
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Context) -> Chrome {
        view::draw_host(frame, area, cx.theme, self)
    }

    fn tick_interval(&self) -> Option<std::time::Duration> {
        Some(TICK)
    }

    fn leave_warning(&self) -> Option<&'static str> {
        self.running().then_some(
            "This ends the team session for everyone (it is saved: host --resume continues it)",
        )
    }
}
