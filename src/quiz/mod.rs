//! The quiz engine: grading, question selection, table-generated questions, interview key points
//! and the mock exam. Pure and UI-free: the screens in `ui` drive it and draw what it returns.
//!
//! How the parts fit:
//! - [`grade`] turns a learner's [`Answer`] to a [`Question`](crate::content::Question) into an
//!   [`Outcome`] (score, verdict, one-line feedback), or refuses input that is not an answer
//!   ([`refuse`]: "256 nodes", an address without its prefix length) with a hint.
//! - [`select`] picks and shuffles questions (seedable) into [`SessionQuestion`]s.
//! - [`session`] runs a quiz round over them ([`QuizSession`]) and rehearsal's [`SelfGrade`].
//! - [`exam`] runs a mock exam: answers recorded silently, reviewed at the end.
//! - [`generate`] makes single-choice questions from the lessons' comparison tables (F5).
//! - [`keypoints`] tells which key points of an interview item a typed answer touched (F8).

pub mod answer_code;
pub mod describe;
pub mod exam;
pub mod generate;
pub mod grade;
pub mod keypoints;
pub mod refuse;
pub mod select;
pub mod session;
mod table_cells;
mod table_prose;
mod typed;

pub use exam::{
    ExamAnswer, ExamError, ExamReport, ExamReview, ExamSize, MockExam, TopicScore, exam_size,
};
pub use generate::{course_table_questions, topic_table_questions};
pub use grade::{Answer, Grading, Outcome, Verdict, grade};
pub use keypoints::{PointMatch, key_point_matches, matched_keywords, touched};
pub use refuse::{RefusalReason, RefusedInput, refuse_non_answer};
pub use select::{
    QuizRequest, SelectError, Selection, SessionQuestion, questions_by_id, select_questions,
};
pub use session::{QuestionResult, QuizSession, SelfGrade, SessionError, Submission};

/// What the quiz engine's tests share.
#[cfg(test)]
pub(crate) mod test_support {
    use super::Answer;
    use crate::content::QuestionKind;

    /// The right answer to a question, as the UI would submit it.
    pub fn right_answer(kind: &QuestionKind) -> Answer {
        match kind {
            QuestionKind::SingleChoice { answer, .. } => Answer::Choice(*answer),
            QuestionKind::MultiSelect { answers, .. } => Answer::Choices(answers.clone()),
            QuestionKind::TrueFalse { answer } => Answer::Bool(*answer),
            QuestionKind::Number { answer } => Answer::Text(answer.to_string()),
            QuestionKind::Cidr { answer } => Answer::Text(answer.clone()),
            QuestionKind::Word { accepted } => Answer::Text(accepted[0].clone()),
            QuestionKind::Ordering { items } => Answer::Order((0..items.len()).collect()),
        }
    }
}
