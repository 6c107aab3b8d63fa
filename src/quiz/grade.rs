//! Grading: a learner's [`Answer`] to a question becomes an [`Outcome`] — a score from 0 to 1, a
//! verdict, and feedback in one-line sentences saying what was right and what was wrong.
//!
//! The rules, per kind of question:
//! - Single choice, true/false: exact; right or wrong.
//! - Multiple select: partial credit = (right picks − wrong picks) ÷ number of right answers,
//!   floored at 0. A duplicate pick counts once, a pick of an option that does not exist is ignored
//!   (and said so), an empty selection scores 0. Right only when the picks are exactly the right set.
//! - Number, CIDR, word: typed answers, see `typed.rs` for what is forgiven.
//! - Ordering: the answer is the learner's order as indexes into the question's `items`; the score
//!   is the fraction of items in their right position (so moving one step from the top to the
//!   bottom shifts every other step and scores low — a position-by-position check is what a learner
//!   can see and verify). Right only when fully in order; the feedback names the first misplaced step.
//!
//! Input that is not an answer (an empty line, "256 nodes", an address without its prefix
//! length, an option that does not exist) is refused before any of this: [`grade`] returns
//! [`Grading::Refused`] with a hint, and nothing is scored. See `refuse.rs`.
//!
//! An answer of the wrong shape for the question (text for a single choice, say) is graded wrong
//! with a message, never a panic: it is a bug in the caller, but the learner should not lose work.
//! The question's explanation and `see` link live on the [`Question`]; the caller shows them.

use std::collections::BTreeSet;

use crate::content::{Question, QuestionKind};

use super::describe::{kind_name, percent, quoted};
use super::refuse::{RefusedInput, refuse_non_answer};
use super::typed;

/// What a learner answered. Indexes always refer to the question's original option or item order,
/// never to the shuffled order on screen (see `SessionQuestion` for the mapping).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Single choice: the index of the chosen option.
    Choice(usize),
    /// Multiple select: the indexes of the chosen options.
    Choices(Vec<usize>),
    /// True/false.
    Bool(bool),
    /// A typed answer: number, CIDR or word.
    Text(String),
    /// Ordering: the items' original indexes in the order the learner put them.
    Order(Vec<usize>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    Right,
    Partial,
    Wrong,
}

/// The result of grading one answer.
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// From 0.0 (wrong) to 1.0 (right).
    pub score: f32,
    pub verdict: Verdict,
    /// One-line sentences, in the order to show them.
    pub feedback: Vec<String>,
}

impl Outcome {
    pub(crate) fn right(feedback: Vec<String>) -> Self {
        Self {
            score: 1.0,
            verdict: Verdict::Right,
            feedback,
        }
    }

    pub(crate) fn wrong(feedback: Vec<String>) -> Self {
        Self {
            score: 0.0,
            verdict: Verdict::Wrong,
            feedback,
        }
    }

    /// A score strictly between the ends is partial; the verdict follows the score.
    fn scored(score: f32, feedback: Vec<String>) -> Self {
        let score = score.clamp(0.0, 1.0);
        let verdict = if score >= 1.0 {
            Verdict::Right
        } else if score > 0.0 {
            Verdict::Partial
        } else {
            Verdict::Wrong
        };
        Self {
            score,
            verdict,
            feedback,
        }
    }

    pub fn is_right(&self) -> bool {
        self.verdict == Verdict::Right
    }
}

/// What became of an answer handed in: graded, or refused because it is not an answer (a format
/// slip such as "256 nodes"), in which case the screen shows the hint and asks again, and
/// nothing is recorded.
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum Grading {
    Graded(Outcome),
    Refused(RefusedInput),
}

impl Grading {
    /// The outcome, when the answer was graded.
    pub fn outcome(&self) -> Option<&Outcome> {
        match self {
            Grading::Graded(outcome) => Some(outcome),
            Grading::Refused(_) => None,
        }
    }

    /// The refusal, when the input was not an answer.
    pub fn refusal(&self) -> Option<&RefusedInput> {
        match self {
            Grading::Graded(_) => None,
            Grading::Refused(refused) => Some(refused),
        }
    }
}

pub(crate) const NO_ANSWER: &str = "No answer was given.";

/// Grades an answer to a question, or refuses input that is not an answer (see `refuse.rs`).
/// Show `question.explanation` and `question.see` with a graded outcome.
pub fn grade(question: &Question, answer: &Answer) -> Grading {
    grade_kind(&question.kind, answer)
}

/// [`grade`] against a kind of question alone.
pub fn grade_kind(kind: &QuestionKind, answer: &Answer) -> Grading {
    match refuse_non_answer(kind, answer) {
        Some(refused) => Grading::Refused(refused),
        None => Grading::Graded(score_answer(kind, answer)),
    }
}

/// Grades an answer as given, refusing nothing: what a finished exam does with an answer that
/// was recorded before it could be refused. Input that is not an answer scores 0 with a reason.
pub(crate) fn score_answer(kind: &QuestionKind, answer: &Answer) -> Outcome {
    if let Answer::Text(text) = answer
        && text.trim().is_empty()
    {
        return Outcome::wrong(vec![NO_ANSWER.to_string()]);
    }
    match (kind, answer) {
        (QuestionKind::SingleChoice { options, answer }, Answer::Choice(picked)) => {
            single_choice(options, *answer, *picked)
        }
        (QuestionKind::MultiSelect { options, answers }, Answer::Choices(picked)) => {
            multi_select(options, answers, picked)
        }
        (QuestionKind::TrueFalse { answer }, Answer::Bool(picked)) => true_false(*answer, *picked),
        (QuestionKind::Number { answer }, Answer::Text(text)) => typed::number(*answer, text),
        (QuestionKind::Cidr { answer }, Answer::Text(text)) => typed::cidr(answer, text),
        (QuestionKind::Word { accepted }, Answer::Text(text)) => typed::word(accepted, text),
        (QuestionKind::Ordering { items }, Answer::Order(order)) => ordering(items, order),
        (kind, answer) => Outcome::wrong(vec![format!(
            "This answer is {} but the question is {}, so it cannot be graded.",
            answer_shape(answer),
            kind_name(kind)
        )]),
    }
}

fn answer_shape(answer: &Answer) -> &'static str {
    match answer {
        Answer::Choice(_) => "one chosen option",
        Answer::Choices(_) => "a set of chosen options",
        Answer::Bool(_) => "true or false",
        Answer::Text(_) => "typed text",
        Answer::Order(_) => "an order of items",
    }
}

fn option_text(options: &[String], index: usize) -> String {
    options.get(index).map_or_else(
        || format!("option {}", index.saturating_add(1)),
        |text| quoted(text),
    )
}

fn single_choice(options: &[String], right: usize, picked: usize) -> Outcome {
    if picked >= options.len() {
        return Outcome::wrong(vec![format!(
            "Option {} does not exist; the answer is {}.",
            picked.saturating_add(1),
            option_text(options, right)
        )]);
    }
    if picked == right {
        Outcome::right(vec![format!("{} is right.", option_text(options, right))])
    } else {
        Outcome::wrong(vec![format!(
            "You chose {}; the answer is {}.",
            option_text(options, picked),
            option_text(options, right)
        )])
    }
}

fn true_false(right: bool, picked: bool) -> Outcome {
    if picked == right {
        Outcome::right(vec![format!("Right: the statement is {right}.")])
    } else {
        Outcome::wrong(vec![format!(
            "You said {picked}; the statement is {right}."
        )])
    }
}

fn multi_select(options: &[String], answers: &[usize], picked: &[usize]) -> Outcome {
    let right: BTreeSet<usize> = answers.iter().copied().collect();
    let mut feedback = Vec::new();
    // A set: the same option picked twice counts once.
    let mut chosen = BTreeSet::new();
    for &index in picked {
        if index < options.len() {
            chosen.insert(index);
        } else {
            feedback.push(format!(
                "Option {} does not exist; it was ignored.",
                index.saturating_add(1)
            ));
        }
    }
    if chosen.is_empty() {
        feedback.insert(0, "No option was chosen.".to_string());
        feedback.push(format!(
            "The right answers are {}.",
            list(options, right.iter().copied())
        ));
        return Outcome::wrong(feedback);
    }
    if right.is_empty() {
        // A content error the loader should have refused; never divide by zero over it.
        feedback.push("This question has no right answer; please report it.".to_string());
        return Outcome::wrong(feedback);
    }
    let right_picks = chosen.intersection(&right).count();
    let wrong_picks = chosen.difference(&right).count();
    for &index in &chosen {
        if right.contains(&index) {
            feedback.push(format!("{} is right.", option_text(options, index)));
        } else {
            feedback.push(format!("{} is not right.", option_text(options, index)));
        }
    }
    for &index in right.difference(&chosen) {
        feedback.push(format!(
            "{} is also right; you did not choose it.",
            option_text(options, index)
        ));
    }
    let score = (right_picks as f32 - wrong_picks as f32) / right.len() as f32;
    let score = score.max(0.0);
    if chosen != right {
        feedback.push(format!(
            "Score: ({right_picks} right − {wrong_picks} wrong) ÷ {} right answers = {}.",
            right.len(),
            percent(score)
        ));
        // Any miss or wrong pick keeps the score below 1, so only the exact set is Right.
        return Outcome::scored(score, feedback);
    }
    Outcome::right(feedback)
}

fn list(options: &[String], indexes: impl Iterator<Item = usize>) -> String {
    indexes
        .map(|index| option_text(options, index))
        .collect::<Vec<_>>()
        .join(", ")
}

fn ordering(items: &[String], order: &[usize]) -> Outcome {
    let n = items.len();
    let distinct: BTreeSet<usize> = order.iter().copied().collect();
    let is_permutation = order.len() == n && distinct.len() == n && order.iter().all(|&i| i < n);
    if !is_permutation {
        let message = if order.is_empty() {
            NO_ANSWER.to_string()
        } else {
            format!("Your order does not list each of the {n} steps exactly once.")
        };
        return Outcome::wrong(vec![message]);
    }
    let in_place = order
        .iter()
        .enumerate()
        .filter(|(position, item)| position == *item)
        .count();
    if in_place == n {
        return Outcome::right(vec![format!("All {n} steps are in the right order.")]);
    }
    let mut feedback = Vec::new();
    if let Some((position, &item)) = order
        .iter()
        .enumerate()
        .find(|(position, item)| position != *item)
    {
        feedback.push(format!(
            "Step {} should be {}, not {}.",
            position + 1,
            quoted(&items[position]),
            quoted(&items[item])
        ));
    }
    feedback.push(format!("{in_place} of {n} steps are in the right place."));
    Outcome::scored(in_place as f32 / n as f32, feedback)
}

#[cfg(test)]
#[path = "grade_tests.rs"]
mod tests;
