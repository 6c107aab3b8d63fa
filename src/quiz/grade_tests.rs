//! Tests of grading: every kind of question, its edge cases, and that no input panics.

use proptest::prelude::*;

use super::*;
use crate::quiz::refuse::{RefusalReason, RefusedInput};

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

/// The outcome of an answer the grader must take as an answer.
fn graded(kind: &QuestionKind, answer: &Answer) -> Outcome {
    match grade_kind(kind, answer) {
        Grading::Graded(outcome) => outcome,
        Grading::Refused(refused) => panic!("{answer:?} was refused: {}", refused.hint),
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
fn single_choice_is_exact() {
    let right = graded(&single(), &Answer::Choice(1));
    assert_eq!((right.verdict, right.score), (Verdict::Right, 1.0));
    let wrong = graded(&single(), &Answer::Choice(0));
    assert_eq!((wrong.verdict, wrong.score), (Verdict::Wrong, 0.0));
    assert_eq!(
        wrong.feedback,
        ["You chose “Kubenet”; the answer is “Azure CNI Overlay”."]
    );
}

#[test]
fn an_option_that_does_not_exist_is_refused_not_graded() {
    let refusal = refused(&single(), &Answer::Choice(99));
    assert_eq!(refusal.reason, RefusalReason::NoSuchOption);
    assert_eq!(refusal.hint, "There is no such option: choose 1 to 3.");
    let refusal = refused(&multi(), &Answer::Choices(vec![0, 7]));
    assert_eq!(refusal.reason, RefusalReason::NoSuchOption);
    // Grading as given (a finished exam) still explains it rather than panicking.
    let outcome = score_answer(&single(), &Answer::Choice(99));
    assert_eq!(outcome.verdict, Verdict::Wrong);
    assert!(outcome.feedback[0].contains("Option 100 does not exist"));
}

#[test]
fn true_false_is_exact() {
    let kind = QuestionKind::TrueFalse { answer: false };
    assert!(graded(&kind, &Answer::Bool(false)).is_right());
    let wrong = graded(&kind, &Answer::Bool(true));
    assert_eq!(wrong.verdict, Verdict::Wrong);
    assert_eq!(wrong.feedback, ["You said true; the statement is false."]);
}

#[test]
fn multi_select_exact_set_is_right() {
    let outcome = graded(&multi(), &Answer::Choices(vec![2, 0]));
    assert_eq!((outcome.verdict, outcome.score), (Verdict::Right, 1.0));
}

#[test]
fn multi_select_partial_credit_is_right_minus_wrong_over_right_count() {
    // One of two right answers: 1/2.
    let half = graded(&multi(), &Answer::Choices(vec![0]));
    assert_eq!((half.verdict, half.score), (Verdict::Partial, 0.5));
    assert!(
        half.feedback
            .contains(&"“c” is also right; you did not choose it.".to_string())
    );
    // Both right plus one wrong: (2 - 1) / 2.
    let extra = graded(&multi(), &Answer::Choices(vec![0, 2, 1]));
    assert_eq!((extra.verdict, extra.score), (Verdict::Partial, 0.5));
    assert!(extra.feedback.contains(&"“b” is not right.".to_string()));
    // One right, one wrong: 0, floored, wrong.
    let zero = graded(&multi(), &Answer::Choices(vec![0, 1]));
    assert_eq!((zero.verdict, zero.score), (Verdict::Wrong, 0.0));
    // Everything: (2 - 2) / 2 = 0, so ticking every box never pays.
    let all = graded(&multi(), &Answer::Choices(vec![0, 1, 2, 3]));
    assert_eq!((all.verdict, all.score), (Verdict::Wrong, 0.0));
    // Only wrong picks: floored at 0, never negative.
    let negative = graded(&multi(), &Answer::Choices(vec![1, 3]));
    assert_eq!(negative.score, 0.0);
}

#[test]
fn multi_select_duplicate_picks_count_once() {
    let duplicated = graded(&multi(), &Answer::Choices(vec![0, 0, 0, 2, 2]));
    assert_eq!(duplicated.verdict, Verdict::Right);
    let wrong_twice = graded(&multi(), &Answer::Choices(vec![0, 2, 1, 1]));
    assert_eq!(wrong_twice.score, 0.5);
}

#[test]
fn multi_select_empty_selection_is_refused() {
    let refusal = refused(&multi(), &Answer::Choices(vec![]));
    assert_eq!(refusal.reason, RefusalReason::Empty);
    let outcome = score_answer(&multi(), &Answer::Choices(vec![]));
    assert_eq!(outcome.feedback[0], "No option was chosen.");
    assert_eq!(outcome.feedback[1], "The right answers are “a”, “c”.");
}

#[test]
fn numbers_forgive_whitespace_and_thousands_separators() {
    let kind = QuestionKind::Number { answer: 1581 };
    for input in ["1581", " 1581 ", "1,581", "1 581", "1_581", "\t1,581\n"] {
        assert!(graded(&kind, &text(input)).is_right(), "{input:?}");
    }
    let wrong = graded(&kind, &text("1,580"));
    assert_eq!(wrong.feedback, ["You typed 1,580; the answer is 1,581."]);
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
        assert!(graded(&kind, &text(input)).is_right(), "{input:?}");
    }
}

#[test]
fn cidr_with_host_bits_is_explained_and_wrong() {
    let kind = cidr_kind("10.0.0.0/16");
    let outcome = graded(&kind, &text("10.0.1.0/16"));
    assert_eq!(outcome.verdict, Verdict::Wrong);
    assert_eq!(
        outcome.feedback[0],
        "10.0.1.0/16 is not a network address: with a /16 the network is 10.0.0.0/16."
    );
    assert!(outcome.feedback[1].starts_with("That is the right network"));

    // Host bits set and a different network: the explanation, then the answer.
    let other = graded(&kind, &text("10.1.2.3/24"));
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
    let too_small = graded(&kind, &text("10.244.0.0/18"));
    assert_eq!(too_small.verdict, Verdict::Wrong);
    assert!(too_small.feedback[1].contains("a /18 (16,384 addresses) is too small"));
    // A valid network of the right size that starts at another address.
    let elsewhere = graded(&kind, &text("10.245.0.0/17"));
    assert_eq!(
        elsewhere.feedback[1],
        "The size (/17) is right, but the network starts elsewhere."
    );
}

#[test]
fn cidr_with_a_broken_answer_in_the_content_does_not_panic() {
    let outcome = graded(&cidr_kind("not a cidr"), &text("10.0.0.0/16"));
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
        let outcome = graded(&kind, &text(input));
        assert!(outcome.is_right(), "{input:?}");
        assert_eq!(outcome.feedback, ["“Network Contributor” is right."]);
    }
    let wrong = graded(&kind, &text("Contributor"));
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
    let right = graded(&ordering_kind(), &Answer::Order(vec![0, 1, 2, 3]));
    assert_eq!((right.verdict, right.score), (Verdict::Right, 1.0));

    // "third" moved up one place: it swaps with "second", two of four stay put.
    let one_moved = graded(&ordering_kind(), &Answer::Order(vec![0, 2, 1, 3]));
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
    let first_last = graded(&ordering_kind(), &Answer::Order(vec![1, 2, 3, 0]));
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
        let outcome = graded(&ordering_kind(), &Answer::Order(order.clone()));
        assert_eq!(outcome.verdict, Verdict::Wrong, "{order:?}");
        assert_eq!(
            outcome.feedback,
            ["Your order does not list each of the 4 steps exactly once."]
        );
    }
}

#[test]
fn an_empty_answer_is_refused_for_every_kind_that_can_be_empty() {
    let kinds_and_empty_answers = [
        (multi(), Answer::Choices(vec![])),
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
        assert_eq!(
            refused(&kind, &answer).reason,
            RefusalReason::Empty,
            "{kind:?}"
        );
    }
    // Text for a choice is the caller's mistake, not an empty answer: graded with a reason.
    let outcome = graded(&single(), &text(""));
    assert_eq!(outcome.feedback, [NO_ANSWER]);
    let outcome = score_answer(&QuestionKind::Number { answer: 3 }, &text(""));
    assert_eq!((outcome.verdict, outcome.score), (Verdict::Wrong, 0.0));
}

#[test]
fn an_answer_of_the_wrong_shape_is_wrong_with_a_message() {
    let outcome = graded(&single(), &text("Kubenet"));
    assert_eq!(outcome.verdict, Verdict::Wrong);
    assert_eq!(
        outcome.feedback,
        [
            "This answer is typed text but the question is a single-choice question, so it cannot be graded."
        ]
    );
    let outcome = graded(&QuestionKind::Number { answer: 1 }, &Answer::Choice(0));
    assert!(outcome.feedback[0].contains("a typed-number question"));
    let outcome = graded(&ordering_kind(), &Answer::Bool(true));
    assert!(outcome.feedback[0].contains("an ordering question"));
}

/// A refusal has a hint; an outcome has feedback and a score from 0 to 1.
fn sane(grading: Grading) -> bool {
    match grading {
        Grading::Refused(refused) => !refused.hint.is_empty(),
        Grading::Graded(outcome) => {
            (0.0..=1.0).contains(&outcome.score) && !outcome.feedback.is_empty()
        }
    }
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
            prop_assert!(sane(grade_kind(kind, &Answer::Text(input.clone()))));
        }
    }

    #[test]
    fn cidr_like_input_never_panics(input in "[0-9./ ]{0,24}") {
        prop_assert!(sane(grade_kind(&cidr_kind("10.0.0.0/16"), &Answer::Text(input))));
    }

    #[test]
    fn index_answers_never_panic(picks in proptest::collection::vec(any::<usize>(), 0..8)) {
        for kind in [multi(), ordering_kind()] {
            prop_assert!(sane(grade_kind(&kind, &Answer::Choices(picks.clone()))));
            prop_assert!(sane(grade_kind(&kind, &Answer::Order(picks.clone()))));
        }
        let pick = picks.first().copied().unwrap_or(usize::MAX);
        prop_assert!(sane(grade_kind(&single(), &Answer::Choice(pick))));
    }
}
