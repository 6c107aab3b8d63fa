//! Tests of a quiz round: answers graded and recorded, running score, skips, retry of misses.

use super::*;
use crate::content::{self, EmbeddedCourse};
use crate::quiz::test_support::right_answer;

fn session(count: usize) -> QuizSession {
    let course = content::load(&EmbeddedCourse).expect("the embedded course loads");
    let request = QuizRequest {
        topic: Some("ip-planning".into()),
        count: Some(count),
        seed: Some(5),
        include_table_questions: false,
    };
    QuizSession::new(&course, &request).expect("a session")
}

#[test]
fn answers_are_graded_recorded_and_scored() {
    let mut quiz = session(3);
    assert_eq!((quiz.len(), quiz.position(), quiz.seed()), (3, 0, 5));
    let kind = quiz
        .current()
        .expect("a first question")
        .question
        .kind
        .clone();
    let result = quiz.submit(right_answer(&kind)).expect("graded");
    assert!(result.outcome.is_right());
    // The question stays on screen with its result until the learner moves on.
    assert_eq!(quiz.position(), 0);
    assert!(quiz.current_result().is_some());
    assert_eq!(
        quiz.submit(right_answer(&kind)),
        Err(SessionError::AlreadyAnswered)
    );

    assert!(quiz.advance());
    quiz.submit(Answer::Text("nonsense".into()))
        .expect("graded");
    assert!(quiz.advance());
    assert!(
        !quiz.advance(),
        "the third question was skipped and the round is over"
    );
    assert!(quiz.is_finished());
    assert_eq!(quiz.submit(Answer::Bool(true)), Err(SessionError::Finished));

    assert_eq!(quiz.answered(), 3);
    assert_eq!(quiz.score(), 1.0);
    let missed: Vec<&str> = quiz
        .missed()
        .iter()
        .map(|q| q.question.id.as_str())
        .collect();
    assert_eq!(
        missed,
        [
            quiz.questions()[1].question.id.as_str(),
            quiz.questions()[2].question.id.as_str()
        ]
    );
    assert_eq!(quiz.results()[2].answer, None);
    assert_eq!(quiz.results()[2].outcome.feedback, ["Skipped."]);
}

#[test]
fn a_retry_round_asks_only_the_missed_questions() {
    let mut quiz = session(4);
    let first = quiz.current().expect("a question").question.kind.clone();
    quiz.submit(right_answer(&first)).expect("graded");
    while quiz.advance() {}
    let retry = quiz.retry_missed().expect("three missed");
    assert_eq!(retry.len(), 3);
    assert_eq!(retry.questions(), &quiz.questions()[1..]);
    assert_eq!(retry.answered(), 0);

    let mut perfect = session(2);
    loop {
        let kind = perfect.current().expect("a question").question.kind.clone();
        perfect.submit(right_answer(&kind)).expect("graded");
        if !perfect.advance() {
            break;
        }
    }
    assert_eq!(perfect.score(), 2.0);
    assert_eq!(perfect.retry_missed(), None);
}

#[test]
fn self_grades_are_ordered_from_again_to_easy() {
    assert!(SelfGrade::Again < SelfGrade::Hard && SelfGrade::Good < SelfGrade::Easy);
    let labels: Vec<&str> = SelfGrade::ALL.iter().map(|g| g.label()).collect();
    assert_eq!(labels, ["again", "hard", "good", "easy"]);
}

#[test]
fn every_real_question_grades_its_own_answer_right() {
    let course = content::load(&EmbeddedCourse).expect("the embedded course loads");
    let generated = crate::quiz::course_table_questions(&course);
    for question in course.questions().chain(&generated) {
        let outcome = crate::quiz::grade(question, &right_answer(&question.kind));
        assert!(
            outcome.is_right(),
            "{}: {:?}",
            question.id,
            outcome.feedback
        );
    }
}
