//! What the room shows and says, built from the game: the host's [`HostView`], a player's
//! question, a player's standing, and the save. Pure functions of the room's state.

use std::time::Instant;

use crate::content::QuestionKind;

use super::game::{Game, Phase};
use super::host::Host;
use super::protocol::{HostMessage, Standing, WireKind};
use super::report::MOST_MISSED;
use super::save::{SAVE_FORMAT, SavedQuestion, SavedSession, SessionFiles};
use super::scoring::SCORING;
use super::view::{HostPhase, HostView, MissedQuestion, PlayerRow};

pub(crate) fn host_view(host: &Host, now: Instant) -> HostView {
    let game = &host.game;
    let players = game
        .players()
        .iter()
        .enumerate()
        .map(|(i, p)| PlayerRow {
            name: p.name.clone(),
            connected: p.connected,
            score: p.score,
            answered: game.answer_of(i).is_some(),
        })
        .collect();
    HostView {
        title: host.meta.title.clone(),
        address: host.address.clone(),
        code: host.meta.code.clone(),
        players,
        rounds: game.rounds(),
        phase: phase(game, host.report.clone(), now),
        notices: host.notices.clone(),
        scoring: SCORING.to_string(),
    }
}

fn phase(game: &Game, report: Option<String>, now: Instant) -> HostPhase {
    let last = game.results().last();
    match (game.phase(), last) {
        (Phase::Lobby, _) => HostPhase::Lobby {
            played: game.results().len() as u32,
        },
        (Phase::Question { index, .. }, _) => HostPhase::Question {
            round: *index as u32 + 1,
            question: Box::new(game.questions()[*index].asked.clone()),
            limit: game.limit(),
            remaining: game.remaining(now).unwrap_or_default(),
            paused: game.is_paused(),
            answers_in: game.answers_in(),
        },
        (Phase::Reveal { index }, Some(result)) => HostPhase::Reveal {
            round: *index as u32 + 1,
            question: Box::new(game.questions()[*index].asked.clone()),
            distribution: result.distribution.clone(),
            right: result.right.clone(),
            right_count: result.right_count,
            missed: result.missed,
            lesson: result.lesson.clone(),
        },
        (Phase::Scoreboard { index }, Some(result)) => HostPhase::Scoreboard {
            round: *index as u32 + 1,
            standings: game.standings(),
            gained: result
                .outcomes
                .iter()
                .map(|o| (o.name.clone(), o.points))
                .collect(),
        },
        (Phase::Reveal { .. } | Phase::Scoreboard { .. }, None) => HostPhase::Lobby { played: 0 },
        (Phase::Finished, _) => HostPhase::Finished {
            standings: game.standings(),
            most_missed: game
                .most_missed(MOST_MISSED)
                .into_iter()
                .map(|r| MissedQuestion {
                    question_id: r.question_id.clone(),
                    prompt: r.prompt.clone(),
                    right_share: r.right_share(),
                })
                .collect(),
            report,
        },
    }
}

/// A player's row of the standings.
pub(crate) fn standing_of(standings: &[Standing], game: &Game, player: usize) -> Standing {
    let name = &game.players()[player].name;
    standings
        .iter()
        .find(|s| &s.name == name)
        .cloned()
        .unwrap_or_else(|| Standing {
            rank: game.rank(player),
            name: name.clone(),
            score: game.players()[player].score,
        })
}

/// The open round as one player sees it (with whether they answered already).
pub(crate) fn question_message(game: &Game, player: usize, now: Instant) -> HostMessage {
    let (index, round) = game.current().expect("a question is open");
    let asked = &round.asked;
    let kind = match asked.question.kind {
        QuestionKind::MultiSelect { .. } => WireKind::MultiSelect,
        QuestionKind::TrueFalse { .. } => WireKind::TrueFalse,
        _ => WireKind::SingleChoice,
    };
    HostMessage::Question {
        round: index as u32 + 1,
        rounds: game.rounds(),
        topic: asked.topic_title.clone(),
        prompt: asked.question.prompt.clone(),
        kind,
        options: asked.displayed().iter().map(|s| s.to_string()).collect(),
        seconds: game.limit().as_secs() as u32,
        remaining_ms: game.remaining(now).unwrap_or_default().as_millis() as u64,
        answered: game.answer_of(player).is_some(),
    }
}

pub(crate) fn saved_session(host: &Host, files: &SessionFiles) -> SavedSession {
    let game = &host.game;
    SavedSession {
        format: SAVE_FORMAT,
        id: files.id.clone(),
        title: host.meta.title.clone(),
        code: host.meta.code.clone(),
        time_limit_ms: game.limit().as_millis() as u64,
        local_players: host.meta.local_players.clone(),
        questions: game
            .questions()
            .iter()
            .map(|q| SavedQuestion {
                id: q.asked.question.id.clone(),
                display_order: q.asked.display_order.clone(),
            })
            .collect(),
        players: game.players().to_vec(),
        results: game.results().to_vec(),
        finished: game.is_finished(),
    }
}
