//! Whether a question can be answered as written: enough distinct options, answers that point at
//! options, a CIDR answer that is a network address.

use std::collections::HashSet;
use std::net::Ipv4Addr;

use crate::content::model::QuestionKind;

/// Why a question could not be answered as written, if it could not.
pub(super) fn answer_problem(kind: &QuestionKind) -> Option<String> {
    fn choices(options: &[String]) -> Option<String> {
        if options.len() < 2 {
            return Some(format!("needs at least 2 options, has {}", options.len()));
        }
        let unique: HashSet<&String> = options.iter().collect();
        (unique.len() != options.len()).then(|| "has the same option twice".to_string())
    }
    let out_of_range = |index: usize, len: usize| {
        Some(format!(
            "answer {index} is out of range: options are numbered 0 to {}",
            len.saturating_sub(1)
        ))
    };
    match kind {
        QuestionKind::SingleChoice { options, answer } => choices(options).or_else(|| {
            (*answer >= options.len())
                .then(|| out_of_range(*answer, options.len()))
                .flatten()
        }),
        QuestionKind::MultiSelect { options, answers } => choices(options).or_else(|| {
            if answers.is_empty() {
                return Some("needs at least one right answer in `answers`".into());
            }
            if let Some(bad) = answers.iter().find(|a| **a >= options.len()) {
                return out_of_range(*bad, options.len());
            }
            let unique: HashSet<&usize> = answers.iter().collect();
            (unique.len() != answers.len()).then(|| "lists the same answer twice".into())
        }),
        QuestionKind::Ordering { items } => choices(items),
        QuestionKind::Word { accepted } => accepted
            .iter()
            .all(|word| word.trim().is_empty())
            .then(|| "needs at least one accepted answer".into()),
        QuestionKind::Cidr { answer } => cidr_problem(answer),
        QuestionKind::TrueFalse { .. } | QuestionKind::Number { .. } => None,
    }
}

/// An answer CIDR must be an IPv4 network address with its prefix, e.g. `10.2.0.0/16`.
fn cidr_problem(cidr: &str) -> Option<String> {
    let Some((address, prefix)) = cidr.trim().split_once('/') else {
        return Some(format!(
            "answer `{cidr}` is not a CIDR (write it as 10.2.0.0/16)"
        ));
    };
    let (Ok(address), Ok(prefix)) = (address.parse::<Ipv4Addr>(), prefix.parse::<u32>()) else {
        return Some(format!(
            "answer `{cidr}` is not a CIDR (write it as 10.2.0.0/16)"
        ));
    };
    if prefix > 32 {
        return Some(format!("answer `{cidr}` has a prefix over /32"));
    }
    let mask = u32::MAX.checked_shl(32 - prefix).unwrap_or(0);
    let network = Ipv4Addr::from(u32::from(address) & mask);
    (network != address).then(|| {
        format!("answer `{cidr}` is not a network address; did you mean {network}/{prefix}?")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answer_cidrs_must_be_networks() {
        assert_eq!(cidr_problem("10.2.0.0/16"), None);
        assert!(
            cidr_problem("10.0.1.0/16")
                .unwrap()
                .contains("did you mean 10.0.0.0/16")
        );
        assert!(cidr_problem("10.0.0.0/33").is_some());
        assert!(cidr_problem("nonsense").is_some());
    }

    #[test]
    fn a_single_choice_answer_must_be_an_option() {
        let kind = QuestionKind::SingleChoice {
            options: vec!["a".into(), "b".into()],
            answer: 2,
        };
        assert_eq!(
            answer_problem(&kind).unwrap(),
            "answer 2 is out of range: options are numbered 0 to 1"
        );
    }
}
