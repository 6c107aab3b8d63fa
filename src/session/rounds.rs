//! Which questions a room plays: the choice-like ones (single choice, multi-select, true/false,
//! hand-written and generated from the lessons' tables), because a room answers with keys in a
//! countdown and its reveal is a bar chart per option; typed answers would be neither fair nor
//! chartable. Also the join code.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, RngExt, SeedableRng};

use crate::content::{Course, QuestionKind, Topic};
use crate::quiz::SessionQuestion;
use crate::quiz::select::{SelectError, pool, prepare, questions_by_id, topics};

/// One round's question and the lesson it comes from (a title, shown on the reveal).
#[derive(Debug, Clone, PartialEq)]
pub struct RoundQuestion {
    pub asked: SessionQuestion,
    pub lesson: String,
}

/// The CLI's `host [--topic ID]... [--count N] [--seed N]`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SessionRequest {
    /// Only these topics; empty for the whole course.
    pub topics: Vec<String>,
    pub count: Option<usize>,
    pub seed: u64,
}

/// The alphabet of join codes: no 0/O or 1/I look-alikes, so a code read off a projector is
/// typed right the first time.
pub const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
pub const CODE_LENGTH: usize = 4;

/// Whether a room can play a question of this kind.
pub fn is_choice_like(kind: &QuestionKind) -> bool {
    matches!(
        kind,
        QuestionKind::SingleChoice { .. }
            | QuestionKind::MultiSelect { .. }
            | QuestionKind::TrueFalse { .. }
    )
}

/// Picks and shuffles a session's questions, reproducibly from the seed.
pub fn round_questions(
    course: &Course,
    request: &SessionRequest,
) -> Result<Vec<RoundQuestion>, SelectError> {
    if request.count == Some(0) {
        return Err(SelectError::ZeroCount);
    }
    let mut chosen: Vec<&Topic> = Vec::new();
    if request.topics.is_empty() {
        chosen = topics(course, None)?;
    } else {
        for id in &request.topics {
            for topic in topics(course, Some(id))? {
                if !chosen.iter().any(|t| t.id == topic.id) {
                    chosen.push(topic);
                }
            }
        }
    }
    let mut pool: Vec<_> = pool(&chosen, true)
        .into_iter()
        .filter(|(_, q)| is_choice_like(&q.kind))
        .collect();
    if pool.is_empty() {
        return Err(SelectError::NoQuestions {
            topic: (!request.topics.is_empty()).then(|| request.topics.join(", ")),
        });
    }
    let mut rng = StdRng::seed_from_u64(request.seed);
    pool.shuffle(&mut rng);
    pool.truncate(request.count.unwrap_or(usize::MAX));
    Ok(pool
        .into_iter()
        .map(|(topic, question)| {
            let asked = prepare(topic, question, &mut rng);
            let lesson = lesson_title(course, &asked);
            RoundQuestion { asked, lesson }
        })
        .collect())
}

/// The question with this id, its options in `display_order` (as saved): how a resumed session
/// asks the same rounds in the same order. `None` when the course no longer has the question, or
/// its options changed in number.
pub fn round_question_by_id(
    course: &Course,
    id: &str,
    display_order: &[usize],
) -> Option<RoundQuestion> {
    let mut asked = questions_by_id(course, &[id], 0).pop()?;
    if !is_choice_like(&asked.question.kind) || asked.display_order.len() != display_order.len() {
        return None;
    }
    let mut sorted = display_order.to_vec();
    sorted.sort_unstable();
    if sorted.iter().enumerate().any(|(i, &n)| i != n) {
        return None;
    }
    asked.display_order = display_order.to_vec();
    let lesson = lesson_title(course, &asked);
    Some(RoundQuestion { asked, lesson })
}

/// The lesson a question's `see` names, else its topic's title.
fn lesson_title(course: &Course, asked: &SessionQuestion) -> String {
    course
        .describe_reference(&asked.question.see)
        .unwrap_or_else(|| asked.topic_title.clone())
}

/// A fresh join code of [`CODE_LENGTH`] characters from [`CODE_ALPHABET`].
pub fn new_join_code(rng: &mut impl Rng) -> String {
    (0..CODE_LENGTH)
        .map(|_| CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())] as char)
        .collect()
}

/// Whether a typed code is the room's: case and surrounding blanks do not matter.
pub fn code_matches(room: &str, typed: &str) -> bool {
    room.trim().eq_ignore_ascii_case(typed.trim())
}

#[cfg(test)]
#[path = "rounds_tests.rs"]
mod tests;
