//! Tests of the mock exam: mixed and reproducible, silent until finished, reviewed per question
//! and per topic, weakest topic first.

use std::collections::HashSet;

use super::*;
use crate::content::{self, EmbeddedCourse};
use crate::quiz::Verdict;
use crate::quiz::test_support::right_answer;

fn course() -> Course {
    content::load(&EmbeddedCourse).expect("the embedded course loads")
}

fn exam(count: usize, seed: u64) -> MockExam {
    let request = QuizRequest {
        count: Some(count),
        seed: Some(seed),
        ..QuizRequest::default()
    };
    MockExam::new(&course(), &request).expect("an exam")
}

#[test]
fn an_exam_mixes_topics_and_is_reproducible_by_seed() {
    let course = course();
    let first = exam(12, 9);
    assert_eq!(first.len(), 12);
    let topics: HashSet<&str> = first
        .questions()
        .iter()
        .map(|q| q.topic_id.as_str())
        .collect();
    let with_questions = course
        .topics
        .iter()
        .filter(|t| !t.questions.is_empty())
        .count();
    // Every topic gets a question before any gets a second.
    assert_eq!(topics.len(), with_questions.min(12));
    let ids: HashSet<&str> = first
        .questions()
        .iter()
        .map(|q| q.question.id.as_str())
        .collect();
    assert_eq!(ids.len(), 12, "no question twice");
    assert_eq!(first, exam(12, 9));
    assert_ne!(first, exam(12, 10));
}

#[test]
fn answers_are_recorded_silently_and_can_change() {
    let mut exam = exam(5, 1);
    assert_eq!(exam.unanswered(), 5);
    exam.record(0, Answer::Bool(true))
        .expect("question 1 exists");
    exam.record(0, Answer::Text("changed my mind".into()))
        .expect("question 1 exists");
    assert_eq!(
        exam.answer(0),
        Some(&Answer::Text("changed my mind".into()))
    );
    exam.record(1, Answer::Bool(false))
        .expect("question 2 exists");
    exam.clear(1);
    assert_eq!(exam.unanswered(), 4);
    assert_eq!(
        exam.record(5, Answer::Bool(true)),
        Err(ExamError::NoSuchQuestion { number: 6, len: 5 })
    );
}

#[test]
fn finishing_reviews_every_question_and_ranks_topics_weakest_first() {
    let mut exam = exam(12, 3);
    // Right on every question of the first topic asked, nothing elsewhere.
    let strong_topic = exam.questions()[0].topic_id.clone();
    let right: Vec<(usize, Answer)> = exam
        .questions()
        .iter()
        .enumerate()
        .filter(|(_, q)| q.topic_id == strong_topic)
        .map(|(i, q)| (i, right_answer(&q.question.kind)))
        .collect();
    for (index, answer) in &right {
        exam.record(*index, answer.clone()).expect("recorded");
    }
    let report = exam.finish();
    assert_eq!(report.reviews.len(), 12);
    assert_eq!(report.score(), right.len() as f32);
    assert!((report.percent() - right.len() as f32 / 12.0 * 100.0).abs() < 1e-3);

    let first = &report.reviews[0];
    assert_eq!(first.outcome.verdict, Verdict::Right);
    assert_eq!(
        first.right_answer,
        right_answer_text(&first.question.question.kind)
    );
    let skipped = report
        .reviews
        .iter()
        .find(|r| r.answer.is_none())
        .expect("a skipped one");
    assert_eq!(skipped.your_answer, "(no answer)");
    assert_eq!(skipped.outcome.feedback, ["Not answered."]);
    assert!(!skipped.question.question.explanation.is_empty());

    let strongest = report.topics.last().expect("topics");
    assert_eq!(strongest.topic_id, strong_topic);
    assert_eq!(strongest.percent(), 100.0);
    assert_eq!(report.topics[0].percent(), 0.0);
    assert!(
        report
            .topics
            .windows(2)
            .all(|w| w[0].percent() <= w[1].percent())
    );
    let counted: usize = report.topics.iter().map(|t| t.questions).sum();
    assert_eq!(counted, 12);
}

#[test]
fn a_zero_count_or_unknown_topic_is_refused() {
    let course = course();
    let zero = QuizRequest {
        count: Some(0),
        ..QuizRequest::default()
    };
    assert_eq!(MockExam::new(&course, &zero), Err(SelectError::ZeroCount));
    let unknown = QuizRequest {
        topic: Some("nope".into()),
        ..QuizRequest::default()
    };
    assert!(matches!(
        MockExam::new(&course, &unknown),
        Err(SelectError::UnknownTopic { .. })
    ));
}
