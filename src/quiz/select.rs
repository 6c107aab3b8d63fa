//! Question selection: which questions a quiz or exam asks, in which order, with which option
//! order. All randomness comes from one `StdRng` seeded from a u64, so a seed reproduces a session
//! exactly (same questions, same order, same option order) for the same course and build; without
//! a seed one is drawn from the OS and kept, so the UI can show it for `--seed`.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use thiserror::Error;

use crate::content::{Course, Question, QuestionKind, Topic};

use super::generate::topic_table_questions;
use super::grade::Answer;
use super::refuse::{RefusalReason, RefusedInput};

/// What to ask: the CLI's `quiz [--topic ID] [--count N] [--seed N]`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QuizRequest {
    /// Only this topic's questions; `None` for the whole course.
    pub topic: Option<String>,
    /// How many questions at most; `None` for all of them.
    pub count: Option<usize>,
    /// `None` draws a seed from the OS.
    pub seed: Option<u64>,
    /// Add the questions generated from the lessons' tables to the hand-written ones.
    pub include_table_questions: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SelectError {
    #[error("there is no topic “{given}”; the topics are: {}", valid.join(", "))]
    UnknownTopic { given: String, valid: Vec<String> },
    #[error("the question count must be at least 1")]
    ZeroCount,
    #[error("there are no questions to ask{}", topic.as_ref().map(|t| format!(" in topic “{t}”")).unwrap_or_default())]
    NoQuestions { topic: Option<String> },
}

/// One question as a session asks it: the question, its topic, and the order its options (or
/// ordering items) are shown in.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionQuestion {
    pub question: Question,
    pub topic_id: String,
    pub topic_title: String,
    /// `display_order[i]` is the original index of the option or item shown at position `i`.
    /// For an ordering question it is also the starting order. Empty for other kinds.
    pub display_order: Vec<usize>,
}

impl SessionQuestion {
    /// The options (or ordering items) in the order to show them; empty for other kinds.
    pub fn displayed(&self) -> Vec<&str> {
        let texts = match &self.question.kind {
            QuestionKind::SingleChoice { options, .. }
            | QuestionKind::MultiSelect { options, .. } => options,
            QuestionKind::Ordering { items } => items,
            _ => return Vec::new(),
        };
        self.display_order
            .iter()
            .filter_map(|&index| texts.get(index).map(String::as_str))
            .collect()
    }

    /// How many options the learner can choose among: the shown options, or True and False.
    pub fn option_count(&self) -> usize {
        match self.question.kind {
            QuestionKind::TrueFalse { .. } => 2,
            _ => self.display_order.len(),
        }
    }

    /// The shown position (0-based) for an option number the learner typed (1-based), or a
    /// refusal with a hint when the question has no such option: it is asked again, not graded.
    pub fn option_number(&self, number: usize) -> Result<usize, RefusedInput> {
        let count = self.option_count();
        if (1..=count).contains(&number) {
            return Ok(number - 1);
        }
        let hint = match count {
            0 => "This question has no options: type the answer.".to_string(),
            _ => format!("There is no option {number}: choose 1 to {count}."),
        };
        Err(RefusedInput {
            reason: RefusalReason::NoSuchOption,
            hint,
        })
    }

    /// The original index of the option shown at `position`.
    pub fn original_index(&self, position: usize) -> Option<usize> {
        self.display_order.get(position).copied()
    }

    /// The answer for choosing the option shown at `position` (keys 1–9 are `position + 1`).
    pub fn choice(&self, position: usize) -> Option<Answer> {
        self.original_index(position).map(Answer::Choice)
    }

    /// The answer for the options ticked at these shown positions; positions off the list are
    /// dropped (the UI cannot offer them).
    pub fn choices(&self, positions: &[usize]) -> Answer {
        Answer::Choices(
            positions
                .iter()
                .filter_map(|&position| self.original_index(position))
                .collect(),
        )
    }

    /// The answer for an ordering the UI holds as shown positions (a permutation of the starting
    /// order's positions, first step first).
    pub fn order(&self, positions: &[usize]) -> Answer {
        Answer::Order(
            positions
                .iter()
                .map(|&position| self.original_index(position).unwrap_or(usize::MAX))
                .collect(),
        )
    }
}

/// Questions picked for a session and the seed that reproduces them.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    pub seed: u64,
    pub questions: Vec<SessionQuestion>,
}

/// Picks and shuffles questions for a quiz.
pub fn select_questions(course: &Course, request: &QuizRequest) -> Result<Selection, SelectError> {
    if request.count == Some(0) {
        return Err(SelectError::ZeroCount);
    }
    let topics = topics(course, request.topic.as_deref())?;
    let seed = request.seed.unwrap_or_else(rand::random);
    let mut rng = StdRng::seed_from_u64(seed);
    let mut pool = pool(&topics, request.include_table_questions);
    if pool.is_empty() {
        return Err(SelectError::NoQuestions {
            topic: request.topic.clone(),
        });
    }
    pool.shuffle(&mut rng);
    pool.truncate(request.count.unwrap_or(usize::MAX));
    let questions = pool
        .into_iter()
        .map(|(topic, question)| prepare(topic, question, &mut rng))
        .collect();
    Ok(Selection { seed, questions })
}

/// The course's questions with these ids, authored or generated from tables, in the order given
/// (ids the course lacks, such as a table row since removed, are skipped), options shuffled from
/// `seed`: a review of the questions that are due.
pub fn questions_by_id(course: &Course, ids: &[&str], seed: u64) -> Vec<SessionQuestion> {
    let mut rng = StdRng::seed_from_u64(seed);
    // Table questions are generated only when one is asked for.
    let generated: Vec<(&Topic, Question)> = if ids.iter().any(|id| id.starts_with("t-")) {
        course
            .topics
            .iter()
            .flat_map(|topic| {
                topic_table_questions(topic)
                    .into_iter()
                    .map(move |q| (topic, q))
            })
            .collect()
    } else {
        Vec::new()
    };
    ids.iter()
        .filter_map(|id| {
            let authored = course.topics.iter().find_map(|topic| {
                topic
                    .questions
                    .iter()
                    .find(|q| q.id == *id)
                    .map(|q| (topic, q.clone()))
            });
            authored.or_else(|| {
                generated
                    .iter()
                    .find(|(_, q)| q.id == *id)
                    .map(|(topic, q)| (*topic, q.clone()))
            })
        })
        .map(|(topic, question)| prepare(topic, question, &mut rng))
        .collect()
}

/// The topics a request covers; an unknown id is an error that lists the valid ones.
pub(crate) fn topics<'c>(
    course: &'c Course,
    topic: Option<&str>,
) -> Result<Vec<&'c Topic>, SelectError> {
    match topic {
        None => Ok(course.topics.iter().collect()),
        Some(id) => course
            .topics
            .iter()
            .find(|t| t.id == id)
            .map(|t| vec![t])
            .ok_or_else(|| SelectError::UnknownTopic {
                given: id.to_string(),
                valid: course.topics.iter().map(|t| t.id.clone()).collect(),
            }),
    }
}

/// Every question of the topics, in course order, each with its topic.
pub(crate) fn pool<'c>(topics: &[&'c Topic], include_tables: bool) -> Vec<(&'c Topic, Question)> {
    let mut pool = Vec::new();
    for &topic in topics {
        pool.extend(topic.questions.iter().map(|q| (topic, q.clone())));
        if include_tables {
            pool.extend(topic_table_questions(topic).into_iter().map(|q| (topic, q)));
        }
    }
    pool
}

/// Shuffles a question's options, or its items so that they never start in the right order.
pub(crate) fn prepare(topic: &Topic, question: Question, rng: &mut impl Rng) -> SessionQuestion {
    let count = match &question.kind {
        QuestionKind::SingleChoice { options, .. } | QuestionKind::MultiSelect { options, .. } => {
            options.len()
        }
        QuestionKind::Ordering { items } => items.len(),
        _ => 0,
    };
    let mut display_order: Vec<usize> = (0..count).collect();
    display_order.shuffle(rng);
    let is_ordering = matches!(question.kind, QuestionKind::Ordering { .. });
    if is_ordering && count >= 2 && display_order.iter().enumerate().all(|(i, &item)| i == item) {
        // A solved puzzle teaches nothing; a rotation is never the identity for two or more items.
        display_order.rotate_left(1);
    }
    SessionQuestion {
        question,
        topic_id: topic.id.clone(),
        topic_title: topic.title.clone(),
        display_order,
    }
}

/// The same question with its options (or steps) in a new order, different from the one it had
/// when there is another; an ordering still never starts solved.
pub(crate) fn reshuffle(asked: &SessionQuestion, rng: &mut impl Rng) -> SessionQuestion {
    let mut display_order = asked.display_order.clone();
    display_order.shuffle(rng);
    if display_order.len() >= 2 && display_order == asked.display_order {
        display_order.rotate_left(1);
    }
    let is_ordering = matches!(asked.question.kind, QuestionKind::Ordering { .. });
    let solved = display_order.iter().enumerate().all(|(i, &item)| i == item);
    if is_ordering && display_order.len() >= 2 && solved {
        display_order.rotate_left(1);
    }
    SessionQuestion {
        display_order,
        ..asked.clone()
    }
}

#[cfg(test)]
#[path = "select_tests.rs"]
mod tests;
