//! Tests of refusing input that is not an answer: each kind of slip, its hint, and properties of
//! the number and CIDR readers.

use proptest::prelude::*;

use super::*;
use crate::quiz::grade::{Grading, Verdict, grade_kind};

fn text(input: &str) -> Answer {
    Answer::Text(input.to_string())
}

fn cidr_kind(answer: &str) -> QuestionKind {
    QuestionKind::Cidr {
        answer: answer.to_string(),
    }
}

/// The refusal of input that is not an answer.
fn refused(kind: &QuestionKind, answer: &Answer) -> RefusedInput {
    match grade_kind(kind, answer) {
        Grading::Refused(refused) => refused,
        Grading::Graded(outcome) => panic!("{answer:?} was graded: {outcome:?}"),
    }
}

#[test]
fn a_number_with_units_is_refused_with_the_number_alone_as_the_hint() {
    let kind = QuestionKind::Number { answer: 256 };
    for (input, hint) in [
        ("256 nodes", "Type the number only: 256, without “nodes”."),
        ("256nodes", "Type the number only: 256, without “nodes”."),
        (
            "about 1,581 IPs",
            "Type the number only: 1,581, without “about” and “IPs”.",
        ),
        ("/21", "Type the number only: 21."),
        ("~250", "Type the number only: 250."),
        ("+341", "Type the number only: 341."),
        ("341,", "Type the number only: 341."),
    ] {
        let refusal = refused(&kind, &text(input));
        assert_eq!(refusal.reason, RefusalReason::NumberWithUnits, "{input:?}");
        assert_eq!(refusal.hint, hint, "{input:?}");
    }
}

#[test]
fn numbers_refuse_what_is_not_a_whole_number() {
    let kind = QuestionKind::Number { answer: 341 };
    for (input, hint) in [
        ("abc", "Type the answer as a whole number, in digits."),
        ("341.0", "Type a whole number, without decimals."),
        (
            "-341",
            "Type a whole number without a sign: a count is never negative.",
        ),
        ("3e2", "Type one whole number only, in digits."),
        ("10.0.0.0/16", "Type one whole number only, in digits."),
    ] {
        let refusal = refused(&kind, &text(input));
        assert_eq!(refusal.reason, RefusalReason::NotAWholeNumber, "{input:?}");
        assert_eq!(refusal.hint, hint, "{input:?}");
    }
    // Only digits, but too many: an answer, and a wrong one.
    let huge = grade_kind(&kind, &text("99999999999999999999999"));
    assert_eq!(
        huge.outcome().expect("graded").feedback[0],
        "“99999999999999999999999” is far too large."
    );
}

#[test]
fn an_address_without_its_prefix_length_is_refused() {
    let refusal = refused(&cidr_kind("100.64.0.0/10"), &text("100.64.0.0"));
    assert_eq!(refusal.reason, RefusalReason::MissingPrefixLength);
    assert_eq!(
        refusal.hint,
        "Add the prefix length, e.g. /16: a network is written address/prefix."
    );
    // The example prefix is never the answer's.
    let refusal = refused(&cidr_kind("10.0.0.0/16"), &text("10.0.0.0"));
    assert!(refusal.hint.starts_with("Add the prefix length, e.g. /20"));
}

#[test]
fn cidr_nonsense_is_refused_with_a_clear_reason() {
    let kind = cidr_kind("172.16.0.0/24");
    let cases = [
        ("abc", RefusalReason::MalformedCidr, "“abc” is not a CIDR"),
        (
            "/16",
            RefusalReason::MissingAddress,
            "Write the network address",
        ),
        (
            "10.0.0/16",
            RefusalReason::MalformedCidr,
            "“10.0.0” is not an IPv4 address",
        ),
        (
            "300.0.0.0/16",
            RefusalReason::MalformedCidr,
            "“300.0.0.0” is not an IPv4 address",
        ),
        (
            "10.0.0.0/33",
            RefusalReason::MalformedCidr,
            "“/33” is not a prefix length",
        ),
        (
            "10.0.0.0/x",
            RefusalReason::MalformedCidr,
            "“/x” is not a prefix length",
        ),
    ];
    for (input, reason, hint) in cases {
        let refusal = refused(&kind, &text(input));
        assert_eq!(refusal.reason, reason, "{input}");
        assert!(refusal.hint.starts_with(hint), "{input}: {}", refusal.hint);
        // The example network is never the answer.
        assert!(!refusal.hint.contains("172.16.0.0/24"), "{}", refusal.hint);
    }
}

#[test]
fn an_empty_line_is_refused() {
    let refusal = refused(&QuestionKind::Number { answer: 256 }, &text("   "));
    assert_eq!(refusal.reason, RefusalReason::Empty);
    assert_eq!(refusal.hint, "Type an answer first.");
}

proptest! {
    #[test]
    fn any_whole_number_with_separators_is_an_answer(number in any::<u64>(), sep in "[,_ ]?") {
        let digits = number.to_string();
        let mut typed = String::new();
        for (index, digit) in digits.chars().enumerate() {
            if index > 0 && (digits.len() - index) % 3 == 0 {
                typed.push_str(&sep);
            }
            typed.push(digit);
        }
        let kind = QuestionKind::Number { answer: number };
        prop_assert_eq!(refuse_non_answer(&kind, &text(&typed)), None);
        let graded = grade_kind(&kind, &text(&typed));
        prop_assert_eq!(graded.outcome().map(|o| o.verdict), Some(Verdict::Right));
    }

    #[test]
    fn a_number_followed_by_a_unit_is_refused_naming_the_number(
        number in 0u64..1_000_000,
        unit in "(nodes|IPs|pods|addresses|ips per node)",
        space in " {0,2}",
    ) {
        let typed = format!("{number}{space}{unit}");
        let refusal = refused(&QuestionKind::Number { answer: number }, &text(&typed));
        prop_assert_eq!(refusal.reason, RefusalReason::NumberWithUnits);
        let expected_start = format!("Type the number only: {number}, without “");
        prop_assert!(refusal.hint.starts_with(&expected_start), "{}", refusal.hint);
    }

    #[test]
    fn an_address_alone_is_refused_and_a_network_is_not(a in any::<u32>(), prefix in 0u8..=32) {
        let address = std::net::Ipv4Addr::from(a);
        let kind = cidr_kind("10.0.0.0/16");
        prop_assert_eq!(
            refused(&kind, &text(&address.to_string())).reason,
            RefusalReason::MissingPrefixLength
        );
        let typed = format!("{address}/{prefix}");
        prop_assert_eq!(refuse_non_answer(&kind, &text(&typed)), None);
    }

    #[test]
    fn reading_any_text_never_panics(input in any::<String>()) {
        for kind in [QuestionKind::Number { answer: 1 }, cidr_kind("10.0.0.0/16")] {
            if let Some(refusal) = refuse_non_answer(&kind, &text(&input)) {
                prop_assert!(!refusal.hint.is_empty());
            }
        }
    }
}
