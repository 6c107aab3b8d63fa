//! Input that is not an answer: refused with a hint and asked again, never graded.
//!
//! A format slip ("256 nodes" for a number, "100.64.0.0" for a CIDR, an empty line, an option
//! that does not exist) says nothing about what the learner knows, so counting it as a miss
//! would put a question they know back in their review queue and lower their mastery. The
//! grading entry points ([`grade`](super::grade()), `QuizSession::submit`, `MockExam::record`)
//! check here first and hand the hint back instead of an [`Outcome`](super::Outcome).
//!
//! What is refused, per kind:
//! - typed number: an empty line; a number with words or signs around it ("256 nodes", "/21",
//!   "~250": "type the number only"); a decimal; text without a whole number in it.
//! - typed CIDR: an empty line; an address without its prefix length; a prefix length without
//!   its address; anything else that does not read as address/prefix (a bad octet, a /33).
//!   A network written with host bits set is NOT refused: it is an answer, graded wrong with its
//!   explanation, because writing the network address is part of the skill.
//! - typed word: an empty line.
//! - single choice: an option that does not exist; multiple select: nothing ticked, or an option
//!   that does not exist; ordering: no order at all.
//!
//! Hints never give the answer away: examples are chosen to differ from the expected answer.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use crate::content::QuestionKind;

use super::describe::quoted;
use super::grade::Answer;
use super::typed::{NumberReading, read_number};

/// Why an input was not taken as an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefusalReason {
    /// Nothing was typed, ticked or ordered.
    Empty,
    /// A number with units or other words around it: "256 nodes".
    NumberWithUnits,
    /// Not a whole number: a decimal, a sign, words without a number, several numbers.
    NotAWholeNumber,
    /// An IPv4 address where a network (address/prefix) is asked: "100.64.0.0".
    MissingPrefixLength,
    /// A prefix length without its address: "/16".
    MissingAddress,
    /// Text that is not address/prefix at all, or has a bad address or prefix length.
    MalformedCidr,
    /// An option number the question does not have.
    NoSuchOption,
}

/// Input the learner must correct before it is graded: show `hint` and ask again. Nothing is
/// recorded, scored or scheduled for it.
#[must_use]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedInput {
    pub reason: RefusalReason,
    /// One sentence saying what to type instead.
    pub hint: String,
}

impl RefusedInput {
    fn new(reason: RefusalReason, hint: impl Into<String>) -> Self {
        Self {
            reason,
            hint: hint.into(),
        }
    }
}

/// `Some` when this input is not an answer to a question of this kind. An answer of the wrong
/// shape (text for a single choice) is a bug of the caller, not the learner's slip: it is left
/// to grading, which explains it.
pub fn refuse_non_answer(kind: &QuestionKind, answer: &Answer) -> Option<RefusedInput> {
    match (kind, answer) {
        (
            QuestionKind::Number { .. } | QuestionKind::Cidr { .. } | QuestionKind::Word { .. },
            Answer::Text(text),
        ) if text.trim().is_empty() => Some(empty()),
        (QuestionKind::Number { .. }, Answer::Text(text)) => refuse_number(text),
        (QuestionKind::Cidr { answer }, Answer::Text(text)) => refuse_cidr(answer, text),
        (QuestionKind::SingleChoice { options, .. }, Answer::Choice(picked)) => {
            (*picked >= options.len()).then(|| no_such_option(options.len()))
        }
        (QuestionKind::MultiSelect { options, .. }, Answer::Choices(picked)) => {
            if picked.is_empty() {
                Some(RefusedInput::new(
                    RefusalReason::Empty,
                    "Tick at least one option, then answer.",
                ))
            } else if picked.iter().any(|&index| index >= options.len()) {
                Some(no_such_option(options.len()))
            } else {
                None
            }
        }
        (QuestionKind::Ordering { .. }, Answer::Order(order)) if order.is_empty() => Some(
            RefusedInput::new(RefusalReason::Empty, "Put the steps in order, then answer."),
        ),
        _ => None,
    }
}

fn empty() -> RefusedInput {
    RefusedInput::new(RefusalReason::Empty, "Type an answer first.")
}

fn no_such_option(count: usize) -> RefusedInput {
    let hint = match count {
        0 => "This question has no options to choose from.".to_string(),
        1 => "There is no such option: the only one is 1.".to_string(),
        _ => format!("There is no such option: choose 1 to {count}."),
    };
    RefusedInput::new(RefusalReason::NoSuchOption, hint)
}

fn refuse_number(text: &str) -> Option<RefusedInput> {
    let trimmed = text.trim();
    match read_number(trimmed) {
        NumberReading::Whole(_) | NumberReading::TooLarge => None,
        NumberReading::Decimal => Some(RefusedInput::new(
            RefusalReason::NotAWholeNumber,
            "Type a whole number, without decimals.",
        )),
        NumberReading::Negative => Some(RefusedInput::new(
            RefusalReason::NotAWholeNumber,
            "Type a whole number without a sign: a count is never negative.",
        )),
        NumberReading::WithWords { number, words } => {
            let hint = if words.is_empty() {
                format!("Type the number only: {number}.")
            } else {
                format!("Type the number only: {number}, without {words}.")
            };
            Some(RefusedInput::new(RefusalReason::NumberWithUnits, hint))
        }
        NumberReading::SeveralNumbers => Some(RefusedInput::new(
            RefusalReason::NotAWholeNumber,
            "Type one whole number only, in digits.",
        )),
        NumberReading::NoNumber => Some(RefusedInput::new(
            RefusalReason::NotAWholeNumber,
            "Type the answer as a whole number, in digits.",
        )),
    }
}

/// Networks used in hints; the one shown is never the expected answer.
const EXAMPLE_NETWORKS: [&str; 2] = ["172.16.0.0/24", "192.168.0.0/20"];

fn refuse_cidr(expected: &str, text: &str) -> Option<RefusedInput> {
    let typed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if typed.parse::<Ipv4Net>().is_ok() {
        return None;
    }
    let expected_net = expected.trim().parse::<Ipv4Net>().ok();
    let example = EXAMPLE_NETWORKS
        .into_iter()
        .find(|example| example.parse::<Ipv4Net>().ok() != expected_net)
        .unwrap_or(EXAMPLE_NETWORKS[0]);
    if typed.parse::<Ipv4Addr>().is_ok() {
        // The prefix shown must not be a clue: /16 unless the answer is a /16.
        let prefix = match expected_net.map(|net| net.prefix_len()) {
            Some(16) => 20,
            _ => 16,
        };
        return Some(RefusedInput::new(
            RefusalReason::MissingPrefixLength,
            format!("Add the prefix length, e.g. /{prefix}: a network is written address/prefix."),
        ));
    }
    let Some((address, prefix)) = typed.split_once('/') else {
        return Some(RefusedInput::new(
            RefusalReason::MalformedCidr,
            format!(
                "{} is not a CIDR: write a network as address/prefix, as in {example}.",
                quoted(&typed)
            ),
        ));
    };
    let hint = if address.is_empty() {
        return Some(RefusedInput::new(
            RefusalReason::MissingAddress,
            format!("Write the network address before the prefix length, as in {example}."),
        ));
    } else if address.parse::<Ipv4Addr>().is_err() {
        format!(
            "{} is not an IPv4 address: it needs four numbers from 0 to 255, as in {example}.",
            quoted(address)
        )
    } else if prefix.parse::<u8>().map_or(true, |length| length > 32) {
        format!(
            "{} is not a prefix length: it must be a whole number from 0 to 32.",
            quoted(&format!("/{prefix}"))
        )
    } else {
        format!(
            "{} is not a CIDR: write a network as address/prefix, as in {example}.",
            quoted(&typed)
        )
    };
    Some(RefusedInput::new(RefusalReason::MalformedCidr, hint))
}

#[cfg(test)]
#[path = "refuse_tests.rs"]
mod tests;
