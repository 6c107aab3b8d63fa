//! Tests of round selection on the real course: choice-like only, several topics, reproducible.

use rand::SeedableRng;
use rand::rngs::StdRng;

use super::*;
use crate::content::{self, EmbeddedCourse};

fn course() -> Course {
    content::load(&EmbeddedCourse).expect("the embedded course loads")
}

fn request(topics: &[&str], count: Option<usize>, seed: u64) -> SessionRequest {
    SessionRequest {
        topics: topics.iter().map(|t| t.to_string()).collect(),
        count,
        seed,
    }
}

#[test]
fn only_choice_like_questions_are_played_table_ones_included() {
    let course = course();
    let rounds = round_questions(&course, &request(&[], None, 3)).expect("selects");
    assert!(
        rounds
            .iter()
            .all(|r| is_choice_like(&r.asked.question.kind))
    );
    assert!(rounds.iter().any(|r| r.asked.question.id.starts_with("t-")));
    assert!(rounds.iter().all(|r| !r.lesson.is_empty()));
}

#[test]
fn several_topics_count_and_seed() {
    let course = course();
    let ids: Vec<&str> = course
        .topics
        .iter()
        .take(2)
        .map(|t| t.id.as_str())
        .collect();
    let one = round_questions(&course, &request(&ids, Some(5), 9)).expect("selects");
    let two = round_questions(&course, &request(&ids, Some(5), 9)).expect("selects");
    assert_eq!(one, two);
    assert_eq!(one.len(), 5);
    assert!(one.iter().all(|r| ids.contains(&r.asked.topic_id.as_str())));
}

#[test]
fn an_unknown_topic_and_a_zero_count_are_refused() {
    let course = course();
    assert!(matches!(
        round_questions(&course, &request(&["nope"], None, 1)),
        Err(SelectError::UnknownTopic { .. })
    ));
    assert_eq!(
        round_questions(&course, &request(&[], Some(0), 1)),
        Err(SelectError::ZeroCount)
    );
}

#[test]
fn a_saved_round_comes_back_with_its_option_order() {
    let course = course();
    let rounds = round_questions(&course, &request(&[], Some(8), 5)).expect("selects");
    for round in rounds {
        let back = round_question_by_id(
            &course,
            &round.asked.question.id,
            &round.asked.display_order,
        )
        .expect("found again");
        assert_eq!(back, round);
    }
}

#[test]
fn join_codes_use_the_alphabet_and_match_case_insensitively() {
    let mut rng = StdRng::seed_from_u64(1);
    for _ in 0..100 {
        let code = new_join_code(&mut rng);
        assert_eq!(code.len(), CODE_LENGTH);
        assert!(code.bytes().all(|b| CODE_ALPHABET.contains(&b)));
        assert!(code_matches(&code, &code.to_lowercase()));
    }
    assert!(!code_matches("ABCD", "ABCE"));
}
