//! Tests of grading: every kind of question, its edge cases, and that no input panics.

use proptest::prelude::*;

use super::*;

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| item.to_string()).collect()
}

fn single() -> QuestionKind {
    QuestionKind::SingleChoice {
        options: strings(&["Kubenet", "Azure CNI Overlay", "Azure CNI"]),
        answer: 1,
    }
}

fn multi() -> QuestionKind {
    QuestionKind::MultiSelect {
        options: strings(&["a", "b", "c", "d"]),
        answers: vec![0, 2],
    }
}

fn ordering_kind() -> QuestionKind {
    QuestionKind::Ordering {
        items: strings(&["first", "second", "third", "fourth"]),
    }
}

fn text(input: &str) -> Answer {
    Answer::Text(input.to_string())
}

#[test]
fn single_choice_is_exact() {
    let right = grade_kind(&single(), &Answer::Choice(1));
    assert_eq!((right.verdict, right.score), (Verdict::Right, 1.0));
    let wrong = grade_kind(&single(), &Answer::Choice(0));
    assert_eq!((wrong.verdict, wrong.score), (Verdict::Wrong, 0.0));
    assert_eq!(
        wrong.feedback,
        ["You chose “Kubenet”; the answer is “Azure CNI Overlay”."]
    );
}

#[test]
fn single_choice_out_of_range_is_wrong_not_a_panic() {
    let outcome = grade_kind(&single(), &Answer::Choice(99));
    assert_eq!(outcome.verdict, Verdict::Wrong);
    assert!(outcome.feedback[0].contains("Option 100 does not exist"));
}

#[test]
fn true_false_is_exact() {
    let kind = QuestionKind::TrueFalse { answer: false };
    assert!(grade_kind(&kind, &Answer::Bool(false)).is_right());
    let wrong = grade_kind(&kind, &Answer::Bool(true));
    assert_eq!(wrong.verdict, Verdict::Wrong);
    assert_eq!(wrong.feedback, ["You said true; the statement is false."]);
}

#[test]
fn multi_select_exact_set_is_right() {
    let outcome = grade_kind(&multi(), &Answer::Choices(vec![2, 0]));
    assert_eq!((outcome.verdict, outcome.score), (Verdict::Right, 1.0));
}

#[test]
fn multi_select_partial_credit_is_right_minus_wrong_over_right_count() {
    // One of two right answers: 1/2.
    let half = grade_kind(&multi(), &Answer::Choices(vec![0]));
    assert_eq!((half.verdict, half.score), (Verdict::Partial, 0.5));
    assert!(
        half.feedback
            .contains(&"“c” is also right; you did not choose it.".to_string())
    );
    // Both right plus one wrong: (2 - 1) / 2.
    let extra = grade_kind(&multi(), &Answer::Choices(vec![0, 2, 1]));
    assert_eq!((extra.verdict, extra.score), (Verdict::Partial, 0.5));
    assert!(extra.feedback.contains(&"“b” is not right.".to_string()));
    // One right, one wrong: 0, floored, wrong.
    let zero = grade_kind(&multi(), &Answer::Choices(vec![0, 1]));
    assert_eq!((zero.verdict, zero.score), (Verdict::Wrong, 0.0));
    // Everything: (2 - 2) / 2 = 0, so ticking every box never pays.
    let all = grade_kind(&multi(), &Answer::Choices(vec![0, 1, 2, 3]));
    assert_eq!((all.verdict, all.score), (Verdict::Wrong, 0.0));
    // Only wrong picks: floored at 0, never negative.
    let negative = grade_kind(&multi(), &Answer::Choices(vec![1, 3]));
    assert_eq!(negative.score, 0.0);
}

#[test]
fn multi_select_duplicate_picks_count_once() {
    let duplicated = grade_kind(&multi(), &Answer::Choices(vec![0, 0, 0, 2, 2]));
    assert_eq!(duplicated.verdict, Verdict::Right);
    let wrong_twice = grade_kind(&multi(), &Answer::Choices(vec![0, 2, 1, 1]));
    assert_eq!(wrong_twice.score, 0.5);
}

#[test]
fn multi_select_empty_selection_is_wrong() {
    let outcome = grade_kind(&multi(), &Answer::Choices(vec![]));
    assert_eq!((outcome.verdict, outcome.score), (Verdict::Wrong, 0.0));
    assert_eq!(outcome.feedback[0], "No option was chosen.");
    assert_eq!(outcome.feedback[1], "The right answers are “a”, “c”.");
}

#[test]
fn multi_select_ignores_options_that_do_not_exist() {
    let outcome = grade_kind(&multi(), &Answer::Choices(vec![0, 2, 7]));
    assert_eq!(outcome.verdict, Verdict::Right);
    assert_eq!(
        outcome.feedback[0],
        "Option 8 does not exist; it was ignored."
    );
}

#[test]
fn numbers_forgive_whitespace_and_thousands_separators() {
    let kind = QuestionKind::Number { answer: 1581 };
    for input in ["1581", " 1581 ", "1,581", "1 581", "1_581", "\t1,581\n"] {
        assert!(grade_kind(&kind, &text(input)).is_right(), "{input:?}");
    }
    let wrong = grade_kind(&kind, &text("1,580"));
    assert_eq!(wrong.feedback, ["You typed 1,580; the answer is 1,581."]);
}

#[test]
fn numbers_refuse_what_is_not_a_whole_number() {
    let kind = QuestionKind::Number { answer: 341 };
    let outcome = grade_kind(&kind, &text("abc"));
    assert_eq!(outcome.verdict, Verdict::Wrong);
    assert_eq!(outcome.feedback[0], "“abc” is not a whole number.");
}

#[test]
fn numbers_refuse_signs_decimals_and_stray_separators() {
    let kind = QuestionKind::Number { answer: 341 };
    for input in ["-341", "+341", "341.0", "3e2", ",341", "341,", "34 1 x"] {
        let outcome = grade_kind(&kind, &text(input));
        assert_eq!(outcome.verdict, Verdict::Wrong, "{input:?}");
        assert!(
            outcome.feedback[0].ends_with("is not a whole number."),
            "{input:?}"
        );
    }
    let huge = grade_kind(&kind, &text("99999999999999999999999"));
    assert_eq!(
        huge.feedback[0],
        "“99999999999999999999999” is far too large."
    );
}

fn cidr_kind(answer: &str) -> QuestionKind {
    QuestionKind::Cidr {
        answer: answer.to_string(),
    }
}

#[test]
fn cidr_matches_as_a_network_with_whitespace_forgiven() {
    let kind = cidr_kind("10.0.0.0/16");
    for input in [
        "10.0.0.0/16",
        "10.0.0.0/16 ",
        "  10.0.0.0/16\n",
        "10.0.0.0 / 16",
    ] {
        assert!(grade_kind(&kind, &text(input)).is_right(), "{input:?}");
    }
}

#[test]
fn cidr_with_host_bits_is_explained_and_wrong() {
    let kind = cidr_kind("10.0.0.0/16");
    let outcome = grade_kind(&kind, &text("10.0.1.0/16"));
    assert_eq!(outcome.verdict, Verdict::Wrong);
    assert_eq!(
        outcome.feedback[0],
        "10.0.1.0/16 is not a network address: with a /16 the network is 10.0.0.0/16."
    );
    assert!(outcome.feedback[1].starts_with("That is the right network"));

    // Host bits set and a different network: the explanation, then the answer.
    let other = grade_kind(&kind, &text("10.1.2.3/24"));
    assert_eq!(
        other.feedback,
        [
            "10.1.2.3/24 is not a network address: with a /24 the network is 10.1.2.0/24.",
            "The answer is 10.0.0.0/16."
        ]
    );
}

#[test]
fn cidr_wrong_size_or_start_is_told_apart() {
    let kind = cidr_kind("10.244.0.0/17");
    let too_small = grade_kind(&kind, &text("10.244.0.0/18"));
    assert_eq!(too_small.verdict, Verdict::Wrong);
    assert!(too_small.feedback[1].contains("a /18 (16,384 addresses) is too small"));
    // A valid network of the right size that starts at another address.
    let elsewhere = grade_kind(&kind, &text("10.245.0.0/17"));
    assert_eq!(
        elsewhere.feedback[1],
        "The size (/17) is right, but the network starts elsewhere."
    );
}

#[test]
fn cidr_nonsense_gets_a_clear_reason() {
    let kind = cidr_kind("10.0.0.0/16");
    let cases = [
        ("abc", "“abc” is not a CIDR"),
        ("10.0.0.0", "10.0.0.0 is an address, not a network"),
        ("10.0.0/16", "“10.0.0” is not an IPv4 address"),
        ("300.0.0.0/16", "“300.0.0.0” is not an IPv4 address"),
        ("10.0.0.0/33", "“/33” is not a prefix length"),
        ("10.0.0.0/x", "“/x” is not a prefix length"),
    ];
    for (input, expected) in cases {
        let outcome = grade_kind(&kind, &text(input));
        assert_eq!(outcome.verdict, Verdict::Wrong);
        assert!(
            outcome.feedback[0].starts_with(expected),
            "{input}: {:?}",
            outcome.feedback
        );
        assert_eq!(outcome.feedback[1], "The answer is 10.0.0.0/16.");
    }
}

#[test]
fn cidr_with_a_broken_answer_in_the_content_does_not_panic() {
    let outcome = grade_kind(&cidr_kind("not a cidr"), &text("10.0.0.0/16"));
    assert_eq!(outcome.verdict, Verdict::Wrong);
    assert!(outcome.feedback[0].contains("please report it"));
}

#[test]
fn words_forgive_case_and_whitespace_and_accept_variants() {
    let kind = QuestionKind::Word {
        accepted: strings(&["Network Contributor", "Network-Contributor"]),
    };
    for input in [
        "network contributor",
        "  NETWORK   Contributor ",
        "network-contributor",
    ] {
        let outcome = grade_kind(&kind, &text(input));
        assert!(outcome.is_right(), "{input:?}");
        assert_eq!(outcome.feedback, ["“Network Contributor” is right."]);
    }
    let wrong = grade_kind(&kind, &text("Contributor"));
    assert_eq!(wrong.verdict, Verdict::Wrong);
    assert_eq!(
        wrong.feedback,
        [
            "“Contributor” is not the answer; the answer is “Network Contributor” or “Network-Contributor”."
        ]
    );
}

#[test]
fn ordering_scores_positions_and_names_the_first_misplaced_step() {
    let right = grade_kind(&ordering_kind(), &Answer::Order(vec![0, 1, 2, 3]));
    assert_eq!((right.verdict, right.score), (Verdict::Right, 1.0));

    // "third" moved up one place: it swaps with "second", two of four stay put.
    let one_moved = grade_kind(&ordering_kind(), &Answer::Order(vec![0, 2, 1, 3]));
    assert_eq!(
        (one_moved.verdict, one_moved.score),
        (Verdict::Partial, 0.5)
    );
    assert_eq!(
        one_moved.feedback,
        [
            "Step 2 should be “second”, not “third”.",
            "2 of 4 steps are in the right place."
        ]
    );

    // "first" moved to the end: every step is shifted, so none is in its place.
    let first_last = grade_kind(&ordering_kind(), &Answer::Order(vec![1, 2, 3, 0]));
    assert_eq!(
        (first_last.verdict, first_last.score),
        (Verdict::Wrong, 0.0)
    );
    assert_eq!(
        first_last.feedback[0],
        "Step 1 should be “first”, not “second”."
    );
}

#[test]
fn ordering_must_list_each_step_once() {
    for order in [
        vec![0, 1, 2],
        vec![0, 1, 1, 3],
        vec![0, 1, 2, 9],
        vec![0, 1, 2, 3, 0],
    ] {
        let outcome = grade_kind(&ordering_kind(), &Answer::Order(order.clone()));
        assert_eq!(outcome.verdict, Verdict::Wrong, "{order:?}");
        assert_eq!(
            outcome.feedback,
            ["Your order does not list each of the 4 steps exactly once."]
        );
    }
}

#[test]
fn an_empty_answer_is_wrong_for_every_kind() {
    let kinds_and_empty_answers = [
        (single(), text("")),
        (multi(), Answer::Choices(vec![])),
        (QuestionKind::TrueFalse { answer: true }, text(" ")),
        (QuestionKind::Number { answer: 3 }, text("")),
        (cidr_kind("10.0.0.0/16"), text("  ")),
        (
            QuestionKind::Word {
                accepted: strings(&["x"]),
            },
            text("\n"),
        ),
        (ordering_kind(), Answer::Order(vec![])),
    ];
    for (kind, answer) in kinds_and_empty_answers {
        let outcome = grade_kind(&kind, &answer);
        assert_eq!(
            (outcome.verdict, outcome.score),
            (Verdict::Wrong, 0.0),
            "{kind:?}"
        );
        assert!(
            outcome.feedback[0] == NO_ANSWER || outcome.feedback[0] == "No option was chosen.",
            "{kind:?}: {:?}",
            outcome.feedback
        );
    }
}

#[test]
fn an_answer_of_the_wrong_shape_is_wrong_with_a_message() {
    let outcome = grade_kind(&single(), &text("Kubenet"));
    assert_eq!(outcome.verdict, Verdict::Wrong);
    assert_eq!(
        outcome.feedback,
        [
            "This answer is typed text but the question is a single-choice question, so it cannot be graded."
        ]
    );
    let outcome = grade_kind(&QuestionKind::Number { answer: 1 }, &Answer::Choice(0));
    assert!(outcome.feedback[0].contains("a typed-number question"));
    let outcome = grade_kind(&ordering_kind(), &Answer::Bool(true));
    assert!(outcome.feedback[0].contains("an ordering question"));
}

proptest! {
    #[test]
    fn typed_grading_never_panics_and_keeps_the_score_in_range(input in any::<String>()) {
        let kinds = [
            QuestionKind::Number { answer: 1581 },
            cidr_kind("10.0.0.0/16"),
            QuestionKind::Word { accepted: strings(&["168.63.129.16"]) },
            single(),
        ];
        for kind in &kinds {
            let outcome = grade_kind(kind, &Answer::Text(input.clone()));
            prop_assert!((0.0..=1.0).contains(&outcome.score));
            prop_assert!(!outcome.feedback.is_empty());
        }
    }

    #[test]
    fn cidr_like_input_never_panics(input in "[0-9./ ]{0,24}") {
        let outcome = grade_kind(&cidr_kind("10.0.0.0/16"), &Answer::Text(input));
        prop_assert!(!outcome.feedback.is_empty());
    }

    #[test]
    fn index_answers_never_panic(picks in proptest::collection::vec(any::<usize>(), 0..8)) {
        for kind in [multi(), ordering_kind()] {
            let outcome = grade_kind(&kind, &Answer::Choices(picks.clone()));
            prop_assert!((0.0..=1.0).contains(&outcome.score));
            let outcome = grade_kind(&kind, &Answer::Order(picks.clone()));
            prop_assert!((0.0..=1.0).contains(&outcome.score));
        }
        let outcome = grade_kind(&single(), &Answer::Choice(picks.first().copied().unwrap_or(usize::MAX)));
        prop_assert!((0.0..=1.0).contains(&outcome.score));
    }
}
