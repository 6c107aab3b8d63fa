//! Grading of typed answers: whole numbers, IPv4 CIDRs and words. What is forgiven:
//! - Number: surrounding whitespace, and thousands separators `,` `_` or spaces between digits
//!   ("1,581", "1 581", "1_581"). Signs, decimals and letters are not whole numbers.
//! - CIDR: all whitespace (so "10.0.0.0 / 16" reads as 10.0.0.0/16). The typed network must equal
//!   the answer's. A network written with host bits set ("10.0.1.0/16") is explained and graded
//!   wrong even when its network is the right one: Azure refuses such a prefix
//!   ("InvalidCIDRNotation"), so writing the network address is part of the skill.
//! - Word: case, surrounding whitespace and runs of inner whitespace; any accepted variant.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::describe::{format_thousands, quoted};
use super::grade::Outcome;

pub(crate) fn number(expected: u64, input: &str) -> Outcome {
    match parse_whole_number(input) {
        Ok(typed) if typed == expected => {
            Outcome::right(vec![format!("{} is right.", format_thousands(expected))])
        }
        Ok(typed) => Outcome::wrong(vec![format!(
            "You typed {}; the answer is {}.",
            format_thousands(typed),
            format_thousands(expected)
        )]),
        Err(NumberError::NotANumber) => Outcome::wrong(vec![
            format!("{} is not a whole number.", quoted(input.trim())),
            format!("The answer is {}.", format_thousands(expected)),
        ]),
        Err(NumberError::TooLarge) => Outcome::wrong(vec![
            format!("{} is far too large.", quoted(input.trim())),
            format!("The answer is {}.", format_thousands(expected)),
        ]),
    }
}

enum NumberError {
    NotANumber,
    TooLarge,
}

/// What typed text is, read as an answer to a typed-number question (see `refuse.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NumberReading {
    Whole(u64),
    /// Digits only, but more than a u64 holds: an answer, graded wrong.
    TooLarge,
    Decimal,
    Negative,
    /// One number with something around it: "256 nodes", "/21". `number` is as typed;
    /// `words` quotes the parts with letters ("“nodes”"), empty when there are none.
    WithWords {
        number: String,
        words: String,
    },
    SeveralNumbers,
    NoNumber,
}

/// Reads trimmed text as a whole number, or says what else it is.
pub(crate) fn read_number(text: &str) -> NumberReading {
    match parse_whole_number(text) {
        Ok(number) => return NumberReading::Whole(number),
        Err(NumberError::TooLarge) => return NumberReading::TooLarge,
        Err(NumberError::NotANumber) => {}
    }
    let (Some(first), Some(last)) = (
        text.find(|c: char| c.is_ascii_digit()),
        text.rfind(|c: char| c.is_ascii_digit()),
    ) else {
        return NumberReading::NoNumber;
    };
    // Digits are ASCII, so `last + 1` is a char boundary.
    let (before, core, after) = (&text[..first], &text[first..=last], &text[last + 1..]);
    let is_decimal = core.split_once('.').is_some_and(|(whole, fraction)| {
        parse_whole_number(whole).is_ok()
            && !fraction.is_empty()
            && fraction.chars().all(|c| c.is_ascii_digit())
    });
    if is_decimal {
        return NumberReading::Decimal;
    }
    if parse_whole_number(core).is_err() {
        return NumberReading::SeveralNumbers;
    }
    if before.trim_end().ends_with('-') {
        return NumberReading::Negative;
    }
    let words = [before, after]
        .iter()
        .map(|part| part.trim())
        .filter(|part| part.chars().any(char::is_alphabetic))
        .map(quoted)
        .collect::<Vec<_>>()
        .join(" and ");
    NumberReading::WithWords {
        number: core.to_string(),
        words,
    }
}

/// Digits with optional thousands separators between them.
fn parse_whole_number(input: &str) -> Result<u64, NumberError> {
    let trimmed = input.trim();
    let starts_and_ends_with_digit = trimmed.chars().next().is_some_and(|c| c.is_ascii_digit())
        && trimmed.chars().last().is_some_and(|c| c.is_ascii_digit());
    let digits: String = trimmed
        .chars()
        .filter(|&c| c != ',' && c != '_' && !c.is_whitespace())
        .collect();
    if !starts_and_ends_with_digit || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(NumberError::NotANumber);
    }
    digits.parse().map_err(|_| NumberError::TooLarge)
}

pub(crate) fn cidr(expected: &str, input: &str) -> Outcome {
    let Ok(expected_net) = expected.trim().parse::<Ipv4Net>() else {
        // The loader should refuse this; grading must not panic over it either way.
        return Outcome::wrong(vec![format!(
            "This question's answer {} is not a valid CIDR; please report it.",
            quoted(expected)
        )]);
    };
    let the_answer_is = format!("The answer is {expected_net}.");
    let typed: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    let net = match typed.parse::<Ipv4Net>() {
        Ok(net) => net,
        Err(_) => return Outcome::wrong(vec![why_not_a_cidr(&typed), the_answer_is]),
    };
    if net.addr() != net.network() {
        let network = net.trunc();
        let mut feedback = vec![format!(
            "{net} is not a network address: with a /{} the network is {network}.",
            net.prefix_len()
        )];
        if network == expected_net {
            feedback.push(format!(
                "That is the right network, but Azure refuses a prefix with host bits set: write it as {expected_net}."
            ));
        } else {
            feedback.push(the_answer_is);
        }
        return Outcome::wrong(feedback);
    }
    if net == expected_net {
        return Outcome::right(vec![format!("{expected_net} is right.")]);
    }
    let mut feedback = vec![format!("You typed {net}; the answer is {expected_net}.")];
    if net.network() == expected_net.network() {
        let size = |prefix: u8| format_thousands(1u64 << (32 - u32::from(prefix)));
        let (typed_prefix, right_prefix) = (net.prefix_len(), expected_net.prefix_len());
        let comparison = if typed_prefix > right_prefix {
            "too small"
        } else {
            "larger than needed"
        };
        feedback.push(format!(
            "The start is right, but a /{typed_prefix} ({} addresses) is {comparison}: the answer is a /{right_prefix} ({} addresses).",
            size(typed_prefix),
            size(right_prefix)
        ));
    } else if net.prefix_len() == expected_net.prefix_len() {
        feedback.push(format!(
            "The size (/{}) is right, but the network starts elsewhere.",
            net.prefix_len()
        ));
    }
    Outcome::wrong(feedback)
}

/// Says what is wrong with text that does not parse as an IPv4 network.
fn why_not_a_cidr(typed: &str) -> String {
    let Some((address, prefix)) = typed.split_once('/') else {
        if typed.parse::<Ipv4Addr>().is_ok() {
            return format!(
                "{typed} is an address, not a network: add its prefix length, as in {typed}/16."
            );
        }
        return format!(
            "{} is not a CIDR: write a network as address/prefix, as in 10.0.0.0/16.",
            quoted(typed)
        );
    };
    if address.parse::<Ipv4Addr>().is_err() {
        return format!(
            "{} is not an IPv4 address: it needs four numbers from 0 to 255, as in 10.0.0.0.",
            quoted(address)
        );
    }
    if prefix.parse::<u8>().map_or(true, |length| length > 32) {
        return format!(
            "{} is not a prefix length: it must be a whole number from 0 to 32.",
            quoted(&format!("/{prefix}"))
        );
    }
    format!(
        "{} is not a CIDR: write a network as address/prefix, as in 10.0.0.0/16.",
        quoted(typed)
    )
}

pub(crate) fn word(accepted: &[String], input: &str) -> Outcome {
    let typed = normalize_word(input);
    if accepted
        .iter()
        .any(|variant| normalize_word(variant) == typed)
    {
        let canonical = accepted.first().map_or(typed.as_str(), String::as_str);
        return Outcome::right(vec![format!("{} is right.", quoted(canonical))]);
    }
    let answers = accepted
        .iter()
        .map(|variant| quoted(variant))
        .collect::<Vec<_>>()
        .join(" or ");
    Outcome::wrong(vec![format!(
        "{} is not the answer; the answer is {answers}.",
        quoted(input.trim())
    )])
}

/// Lowercase, trimmed, inner whitespace collapsed to one space.
fn normalize_word(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}
