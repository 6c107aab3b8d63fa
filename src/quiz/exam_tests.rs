//! Tests of the mock exam: mixed and reproducible, silent until finished, reviewed per question
//! and per topic, weakest topic first.

use std::collections::HashSet;

use super::*;
use crate::content::QuestionKind;
use crate::content::{self, EmbeddedCourse};
use crate::quiz::test_support::right_answer;
use crate::quiz::{RefusalReason, Verdict};

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
    // Neither is ever refused: a true/false, and an order that is graded (wrong) for any kind.
    let changed_my_mind = Answer::Order(vec![usize::MAX]);
    let recorded = exam.record(0, Answer::Bool(true));
    assert_eq!(recorded, Ok(ExamAnswer::Recorded));
    let recorded = exam.record(0, changed_my_mind.clone());
    assert_eq!(recorded, Ok(ExamAnswer::Recorded));
    assert_eq!(exam.answer(0), Some(&changed_my_mind));
    let recorded = exam.record(1, Answer::Bool(false));
    assert_eq!(recorded, Ok(ExamAnswer::Recorded));
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
        let recorded = exam.record(*index, answer.clone());
        assert_eq!(recorded, Ok(ExamAnswer::Recorded));
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

#[test]
fn input_that_is_not_an_answer_is_refused_and_the_earlier_answer_stays() {
    let course = course();
    let request = QuizRequest {
        seed: Some(1),
        ..QuizRequest::default()
    };
    let all = MockExam::new(&course, &request).expect("an exam");
    let number = all
        .questions()
        .iter()
        .find(|q| matches!(q.question.kind, QuestionKind::Number { .. }))
        .expect("the course has a typed-number question")
        .clone();
    let mut exam = MockExam::from_questions(1, vec![number.clone()]);
    let right = right_answer(&number.question.kind);
    assert_eq!(exam.record(0, right.clone()), Ok(ExamAnswer::Recorded));
    let Ok(ExamAnswer::Refused(refused)) = exam.record(0, Answer::Text("256 nodes".into())) else {
        panic!("units are refused");
    };
    assert_eq!(refused.reason, RefusalReason::NumberWithUnits);
    assert_eq!(exam.answer(0), Some(&right));
    assert_eq!(exam.finish().score(), 1.0);
}

#[test]
fn a_count_larger_than_the_pool_asks_the_pool_and_the_clock_follows_it() {
    let course = course();
    let request = QuizRequest {
        count: Some(500),
        seed: Some(2),
        ..QuizRequest::default()
    };
    let exam = MockExam::new(&course, &request).expect("an exam");
    let pool = course.questions().count();
    assert!(pool < 500);
    let size = exam.size();
    assert_eq!(
        size,
        ExamSize {
            requested: Some(500),
            selected: pool
        }
    );
    assert!(size.pool_smaller_than_requested());
    assert_eq!(exam_size(&course, &request), Ok(size));
    let per_question = Duration::from_secs(90);
    assert_eq!(size.time_limit(per_question), per_question * pool as u32);

    let small = QuizRequest {
        count: Some(5),
        ..request.clone()
    };
    let size = exam_size(&course, &small).expect("a size");
    assert_eq!(
        (size.selected, size.pool_smaller_than_requested()),
        (5, false)
    );
    assert_eq!(
        MockExam::new(&course, &small).expect("an exam").size(),
        size
    );
    let everything = QuizRequest {
        count: None,
        ..request
    };
    let size = exam_size(&course, &everything).expect("a size");
    assert_eq!(
        (size.selected, size.pool_smaller_than_requested()),
        (pool, false)
    );
}
