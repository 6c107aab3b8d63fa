//! A sizing exercise as the learner meets it: a prompt, the kind of answer, a forgiving checker, and the worked
//! solution shown after a wrong answer. Generation from a seed is in `generate`.

use super::cidr::{group_thousands, network_of, nth_address, parse_cidr};
use super::plan::{DNS_SERVICE_IP_OFFSET, NetworkPlan};
use super::rules::RuleId;

/// What the exercise practises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExerciseKind {
    /// How many node-subnet IPs a pool needs.
    RequiredIps,
    /// The smallest node subnet prefix that holds a pool.
    NodeSubnetPrefix,
    /// The smallest pod CIDR prefix (overlay, kubenet, Cilium).
    PodCidrPrefix,
    /// How many nodes fit a given node subnet or pod CIDR.
    NodesThatFit,
    /// Is this plan valid, and if not, which rule breaks?
    WhichRuleBreaks,
    /// The seed's hub-spoke example plan: which rule does it break?
    SpotTheMistake,
    /// The seed's example plan: type a service CIDR that fixes it.
    FixTheServiceCidr,
}

impl ExerciseKind {
    pub const ALL: [ExerciseKind; 7] = [
        ExerciseKind::RequiredIps,
        ExerciseKind::NodeSubnetPrefix,
        ExerciseKind::PodCidrPrefix,
        ExerciseKind::NodesThatFit,
        ExerciseKind::WhichRuleBreaks,
        ExerciseKind::SpotTheMistake,
        ExerciseKind::FixTheServiceCidr,
    ];
}

/// What the learner is expected to type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerKind {
    /// A whole number; thousands separators are fine.
    Number,
    /// A prefix length: `/23` or `23`.
    Prefix,
    /// A range in CIDR notation: `10.2.0.0/16`.
    Cidr,
    /// One of `Exercise::choices`, by its number or its key.
    Choice,
}

/// One option of a multiple-choice exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// `None` stands for "the plan is valid".
    pub rule: Option<RuleId>,
    pub text: String,
}

impl Choice {
    pub fn valid_plan() -> Self {
        Choice {
            rule: None,
            text: "valid: the plan breaks no rule".to_string(),
        }
    }

    pub fn rule(rule: RuleId) -> Self {
        Choice {
            rule: Some(rule),
            text: format!("{rule}: {}", rule.summary()),
        }
    }

    /// What the learner may type for this choice besides its number.
    fn key(&self) -> &'static str {
        self.rule.map_or("valid", RuleId::as_str)
    }
}

/// The right answer, kept private so a screen cannot show it before the learner answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Expected {
    Number(u64),
    Prefix(u8),
    /// Index into `choices`.
    Choice(usize),
    /// Any service CIDR that, with its .10 as DNS IP, makes this plan valid; `example` is one such range.
    ServiceCidrThatFixes {
        plan: Box<NetworkPlan>,
        example: ipnet::Ipv4Net,
    },
}

/// The result of checking an answer.
#[must_use]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SizingVerdict {
    Correct,
    /// A readable answer that is wrong; `why` says what is wrong with it when we can tell.
    Wrong {
        expected: String,
        why: Option<String>,
    },
    /// Input we could not read as the answer kind; nothing is counted, the learner may try again.
    Unreadable {
        message: String,
    },
}

/// A generated exercise. The same seed and kind always give the same exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exercise {
    pub kind: ExerciseKind,
    pub seed: u64,
    pub prompt: String,
    pub answer_kind: AnswerKind,
    /// The options of a `Choice` exercise, in the order shown (number 1 first), not repeated in
    /// `prompt`; empty otherwise.
    pub choices: Vec<Choice>,
    /// The plan the exercise is about, for exercises on a plan (and a picture of it).
    pub plan: Option<NetworkPlan>,
    /// The worked solution, one step per line, with formulas and the numbers substituted.
    pub solution: Vec<String>,
    pub(crate) expected: Expected,
}

impl Exercise {
    /// The right answer as the learner would type it.
    pub fn expected_answer(&self) -> String {
        match &self.expected {
            Expected::Number(number) => group_thousands(*number),
            Expected::Prefix(prefix) => format!("/{prefix}"),
            Expected::Choice(index) => {
                self.choices.get(*index).map_or_else(String::new, |choice| {
                    format!("{}) {}", index + 1, choice.text)
                })
            }
            Expected::ServiceCidrThatFixes { example, .. } => {
                format!("any free range, for example {example}")
            }
        }
    }

    /// Checks what the learner typed. Never panics; unreadable input is `SizingVerdict::Unreadable`.
    pub fn check(&self, input: &str) -> SizingVerdict {
        let wrong = |why: Option<String>| SizingVerdict::Wrong {
            expected: self.expected_answer(),
            why,
        };
        match &self.expected {
            Expected::Number(expected) => match parse_number_answer(input) {
                Ok(answer) if answer == *expected => SizingVerdict::Correct,
                Ok(_) => wrong(None),
                Err(message) => SizingVerdict::Unreadable { message },
            },
            Expected::Prefix(expected) => match parse_prefix_answer(input) {
                Ok(answer) if answer == *expected => SizingVerdict::Correct,
                Ok(_) => wrong(None),
                Err(message) => SizingVerdict::Unreadable { message },
            },
            Expected::Choice(expected) => match parse_choice_answer(input, &self.choices) {
                Ok(answer) if answer == *expected => SizingVerdict::Correct,
                Ok(_) => wrong(None),
                Err(message) => SizingVerdict::Unreadable { message },
            },
            Expected::ServiceCidrThatFixes { plan, .. } => {
                let service = match parse_cidr(input) {
                    Ok(service) => service,
                    Err(error) => {
                        return SizingVerdict::Unreadable {
                            message: format!("{error}."),
                        };
                    }
                };
                let fixed = NetworkPlan {
                    service_cidr: Some(service),
                    dns_service_ip: nth_address(&network_of(&service), DNS_SERVICE_IP_OFFSET),
                    ..(**plan).clone()
                };
                let report = fixed.validate();
                match report.errors().next() {
                    None => SizingVerdict::Correct,
                    Some(error) => wrong(Some(error.message.clone())),
                }
            }
        }
    }
}

/// Reads a whole number, forgiving spaces and `,` or `_` between digit groups (`1,581`, `1 581`).
pub fn parse_number_answer(input: &str) -> Result<u64, String> {
    let compact: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',' && *c != '_')
        .collect();
    if compact.is_empty() {
        return Err("Type a whole number, such as 341.".to_string());
    }
    if compact.starts_with('-') {
        return Err("A count of IPs or nodes cannot be negative; type a whole number.".to_string());
    }
    if !compact.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!(
            "'{}' is not a whole number; type digits only, such as 1581 or 1,581.",
            input.trim()
        ));
    }
    compact
        .parse()
        .map_err(|_| "That number is far too large to be an answer here.".to_string())
}

/// Reads a prefix length: `/23`, `23`, or a whole CIDR such as `10.0.0.0/23` (its prefix counts).
pub fn parse_prefix_answer(input: &str) -> Result<u8, String> {
    let trimmed = input.trim();
    if trimmed.contains('.') {
        return parse_cidr(trimmed)
            .map(|net| net.prefix_len())
            .map_err(|error| format!("{error}."));
    }
    let digits: String = trimmed
        .trim_start_matches('/')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if digits.is_empty() {
        return Err("Type a prefix length, such as /23 or 23.".to_string());
    }
    match digits.parse::<u8>() {
        Ok(prefix) if prefix <= 32 => Ok(prefix),
        _ => Err(format!(
            "'{trimmed}' is not a prefix length; type a number from 0 to 32, such as /23."
        )),
    }
}

/// Reads a choice by its number (`2`), its letter-free key (`service-cidr-overlaps-vnet`, `valid`), case and
/// spaces forgiven. Returns the index into `choices`.
pub fn parse_choice_answer(input: &str, choices: &[Choice]) -> Result<usize, String> {
    let wanted = input
        .trim()
        .trim_end_matches([')', '.'])
        .to_ascii_lowercase();
    let out_of_range = || {
        format!(
            "Type the number of a choice from 1 to {}, or its rule id.",
            choices.len()
        )
    };
    if wanted.is_empty() {
        return Err(out_of_range());
    }
    if let Ok(number) = wanted.parse::<usize>() {
        return (1..=choices.len())
            .contains(&number)
            .then(|| number - 1)
            .ok_or_else(out_of_range);
    }
    let wanted = wanted.replace([' ', '_'], "-");
    choices
        .iter()
        .position(|choice| choice.key() == wanted || (wanted == "none" && choice.rule.is_none()))
        .ok_or_else(|| {
            format!(
                "'{}' is none of the choices. {}",
                input.trim(),
                out_of_range()
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_forgive_spaces_and_separators() {
        assert_eq!(parse_number_answer(" 1,581 "), Ok(1_581));
        assert_eq!(parse_number_answer("1 581"), Ok(1_581));
        assert_eq!(parse_number_answer("1_581"), Ok(1_581));
        assert!(parse_number_answer("").is_err());
        assert!(parse_number_answer("-3").is_err_and(|m| m.contains("negative")));
        assert!(parse_number_answer("lots").is_err_and(|m| m.contains("not a whole number")));
        assert!(parse_number_answer("99999999999999999999999").is_err());
    }

    #[test]
    fn prefixes_accept_slash_or_not_and_whole_cidrs() {
        assert_eq!(parse_prefix_answer("/23"), Ok(23));
        assert_eq!(parse_prefix_answer(" 23 "), Ok(23));
        assert_eq!(parse_prefix_answer("/ 23"), Ok(23));
        assert_eq!(parse_prefix_answer("10.0.0.0/23"), Ok(23));
        assert!(parse_prefix_answer("/33").is_err());
        assert!(parse_prefix_answer("/").is_err());
        assert!(parse_prefix_answer("big").is_err_and(|m| m.contains("prefix length")));
    }

    #[test]
    fn choices_by_number_or_key() {
        let choices = vec![
            Choice::rule(RuleId::ServiceCidrOverlapsVnet),
            Choice::rule(RuleId::PodCidrOverlapsVnet),
            Choice::valid_plan(),
        ];
        assert_eq!(parse_choice_answer(" 2 ", &choices), Ok(1));
        assert_eq!(parse_choice_answer("2)", &choices), Ok(1));
        assert_eq!(
            parse_choice_answer("Service-CIDR-overlaps-VNet", &choices),
            Ok(0)
        );
        assert_eq!(parse_choice_answer("valid", &choices), Ok(2));
        assert_eq!(parse_choice_answer("none", &choices), Ok(2));
        assert!(parse_choice_answer("4", &choices).is_err());
        assert!(parse_choice_answer("0", &choices).is_err());
        assert!(parse_choice_answer("", &choices).is_err());
        assert!(
            parse_choice_answer("dns", &choices).is_err_and(|m| m.contains("none of the choices"))
        );
    }
}
