//! What a round makes of answers: a wire answer (shown positions) graded against the question,
//! and the revealed round's result, which the save and the report are made of.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::content::QuestionKind;
use crate::quiz::{Answer, SessionQuestion};

use super::names::Player;
use super::protocol::{WireAnswer, WireVerdict};
use super::rounds::RoundQuestion;

/// A player's first answer to the open round, graded when taken.
#[derive(Debug, Clone, PartialEq)]
pub struct Taken {
    pub answer: WireAnswer,
    pub verdict: WireVerdict,
    pub grade: f64,
    pub points: u32,
}

/// How one player fared in a revealed round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlayerOutcome {
    pub name: String,
    pub verdict: WireVerdict,
    pub grade: f64,
    pub points: u32,
}

/// A revealed round: what the reveal screen, the save and the report need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoundResult {
    pub question_id: String,
    pub prompt: String,
    pub lesson: String,
    /// Per shown option (True, False for true/false): how many chose it.
    pub distribution: Vec<u32>,
    /// Shown positions of the right options.
    pub right: Vec<usize>,
    pub right_count: u32,
    pub answered: u32,
    /// Connected players who did not answer.
    pub missed: u32,
    /// One per player, in join order (players who joined later have none).
    pub outcomes: Vec<PlayerOutcome>,
}

impl RoundResult {
    /// The share of the room that got it right: of those who answered or missed it.
    pub fn right_share(&self) -> f64 {
        let asked = self.answered + self.missed;
        if asked == 0 {
            0.0
        } else {
            f64::from(self.right_count) / f64::from(asked)
        }
    }
}

/// The result of a round closed with these answers; adds each answer's points to its player.
pub(crate) fn tally(
    round: &RoundQuestion,
    answers: &BTreeMap<usize, Taken>,
    players: &mut [Player],
) -> RoundResult {
    let asked = &round.asked;
    let mut distribution = vec![0u32; asked.option_count()];
    for taken in answers.values() {
        for position in shown_positions(&taken.answer) {
            if let Some(count) = distribution.get_mut(position) {
                *count += 1;
            }
        }
    }
    let mut outcomes = Vec::with_capacity(players.len());
    let mut missed = 0;
    for (i, player) in players.iter_mut().enumerate() {
        let outcome = match answers.get(&i) {
            Some(taken) => {
                player.score += taken.points;
                PlayerOutcome {
                    name: player.name.clone(),
                    verdict: taken.verdict,
                    grade: taken.grade,
                    points: taken.points,
                }
            }
            None => {
                missed += u32::from(player.connected);
                PlayerOutcome {
                    name: player.name.clone(),
                    verdict: WireVerdict::Missed,
                    grade: 0.0,
                    points: 0,
                }
            }
        };
        outcomes.push(outcome);
    }
    let right_count = answers
        .values()
        .filter(|t| t.verdict == WireVerdict::Right)
        .count() as u32;
    RoundResult {
        question_id: asked.question.id.clone(),
        prompt: asked.question.prompt.clone(),
        lesson: round.lesson.clone(),
        distribution,
        right: right_positions(round),
        right_count,
        answered: answers.len() as u32,
        missed,
        outcomes,
    }
}

/// A wire answer (shown positions) as the grader's answer (original indexes); `None` when it
/// is of the wrong shape or names an option that is not shown.
pub(crate) fn to_answer(asked: &SessionQuestion, answer: &WireAnswer) -> Option<Answer> {
    let count = asked.option_count();
    match (&asked.question.kind, answer) {
        (QuestionKind::SingleChoice { .. }, WireAnswer::Choice(p)) => asked.choice(*p),
        (QuestionKind::MultiSelect { .. }, WireAnswer::Choices(ps))
            if !ps.is_empty() && ps.iter().all(|&p| p < count) =>
        {
            Some(asked.choices(ps))
        }
        (QuestionKind::TrueFalse { .. }, WireAnswer::Bool(b)) => Some(Answer::Bool(*b)),
        _ => None,
    }
}

/// The shown positions an answer ticks, each once (true = 0, false = 1).
pub(crate) fn shown_positions(answer: &WireAnswer) -> Vec<usize> {
    match answer {
        WireAnswer::Choice(p) => vec![*p],
        WireAnswer::Choices(ps) => {
            let mut ps = ps.clone();
            ps.sort_unstable();
            ps.dedup();
            ps
        }
        WireAnswer::Bool(b) => vec![usize::from(!*b)],
    }
}

/// Shown positions of a question's right options.
pub fn right_positions(round: &RoundQuestion) -> Vec<usize> {
    let asked = &round.asked;
    let shown = |right: &dyn Fn(usize) -> bool| -> Vec<usize> {
        (0..asked.display_order.len())
            .filter(|&p| right(asked.display_order[p]))
            .collect()
    };
    match &asked.question.kind {
        QuestionKind::SingleChoice { answer, .. } => shown(&|i| i == *answer),
        QuestionKind::MultiSelect { answers, .. } => shown(&|i| answers.contains(&i)),
        QuestionKind::TrueFalse { answer } => vec![usize::from(!*answer)],
        _ => Vec::new(),
    }
}
