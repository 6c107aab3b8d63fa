//! Tests of a quiz round: answers graded and recorded, running score, skips, retry of misses.

use super::*;
use crate::content::{self, EmbeddedCourse, QuestionKind};
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
    let Ok(Submission::Graded(result)) = quiz.submit(right_answer(&kind)) else {
        panic!("the right answer is graded");
    };
    assert!(result.outcome.is_right());
    // The question stays on screen with its result until the learner moves on.
    assert_eq!(quiz.position(), 0);
    assert!(quiz.current_result().is_some());
    assert_eq!(
        quiz.submit(right_answer(&kind)),
        Err(SessionError::AlreadyAnswered)
    );

    assert!(quiz.advance());
    // Not a permutation (or the wrong shape): graded wrong, whatever the kind.
    let submitted = quiz.submit(Answer::Order(vec![usize::MAX]));
    assert!(
        matches!(submitted, Ok(Submission::Graded(_))),
        "{submitted:?}"
    );
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
    let _ = quiz.submit(right_answer(&first)).expect("graded");
    while quiz.advance() {}
    let retry = quiz.retry_missed().expect("three missed");
    assert_eq!(retry.len(), 3);
    let ids = |questions: &[SessionQuestion]| -> Vec<String> {
        questions.iter().map(|q| q.question.id.clone()).collect()
    };
    assert_eq!(ids(retry.questions()), ids(&quiz.questions()[1..]));
    assert_eq!(retry.answered(), 0);

    let mut perfect = session(2);
    loop {
        let kind = perfect.current().expect("a question").question.kind.clone();
        let _ = perfect.submit(right_answer(&kind)).expect("graded");
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
        let grading = crate::quiz::grade(question, &right_answer(&question.kind));
        let outcome = grading.outcome().expect("a right answer is an answer");
        assert!(
            outcome.is_right(),
            "{}: {:?}",
            question.id,
            outcome.feedback
        );
    }
}

#[test]
fn input_that_is_not_an_answer_is_refused_and_asked_again() {
    let question = |id: &str, kind: QuestionKind| SessionQuestion {
        question: crate::content::Question {
            id: id.to_string(),
            prompt: "How many nodes fit?".to_string(),
            kind,
            explanation: String::new(),
            see: String::new(),
        },
        topic_id: "ip-planning".to_string(),
        topic_title: "IP planning".to_string(),
        display_order: Vec::new(),
    };
    let mut quiz = QuizSession::from_questions(
        1,
        vec![
            question("q-nodes", QuestionKind::Number { answer: 256 }),
            question(
                "q-cidr",
                QuestionKind::Cidr {
                    answer: "100.64.0.0/10".into(),
                },
            ),
        ],
    );
    let Ok(Submission::Refused(refused)) = quiz.submit(Answer::Text("256 nodes".into())) else {
        panic!("units are refused");
    };
    assert_eq!(refused.hint, "Type the number only: 256, without “nodes”.");
    // Not counted: the question is still current and unanswered, and can be answered now.
    assert_eq!((quiz.position(), quiz.answered()), (0, 0));
    assert!(quiz.current_result().is_none());
    assert!(matches!(
        quiz.submit(Answer::Text("256".into())),
        Ok(Submission::Graded(result)) if result.outcome.is_right()
    ));
    assert!(quiz.advance());
    let Ok(Submission::Refused(refused)) = quiz.submit(Answer::Text("100.64.0.0".into())) else {
        panic!("an address without its prefix length is refused");
    };
    assert!(refused.hint.starts_with("Add the prefix length, e.g. /16"));
    assert_eq!(quiz.answered(), 1);
    assert!(quiz.missed().is_empty());
}

#[test]
fn a_retry_shuffles_the_options_again() {
    let mut quiz = session(40);
    while let Some(asked) = quiz.current() {
        // Every answer wrong-shaped: everything is missed.
        let _ = asked;
        let _ = quiz.submit(Answer::Order(vec![usize::MAX]));
        quiz.advance();
    }
    let retry = quiz.retry_missed().expect("all missed");
    let mut changed = 0;
    for (before, after) in quiz.missed().iter().zip(retry.questions()) {
        assert_eq!(before.question.id, after.question.id);
        let mut sorted = after.display_order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..before.display_order.len()).collect::<Vec<_>>());
        if before.display_order.len() >= 2 {
            assert_ne!(
                before.display_order, after.display_order,
                "{}",
                before.question.id
            );
            changed += 1;
        }
    }
    assert!(changed > 0, "some question has options");
    // Reproducible: the same round retried twice gives the same order; a second retry another.
    assert_eq!(quiz.retry_missed(), Some(retry.clone()));
}
