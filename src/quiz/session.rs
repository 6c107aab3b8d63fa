//! A quiz round: the selected questions asked one at a time, each answer graded at once and
//! recorded, a running score, and the missed questions gathered for a retry round. Also the
//! self-grade a learner gives an interview answer, which the progress store keeps.

use rand::SeedableRng;
use rand::rngs::StdRng;
use thiserror::Error;

use crate::content::Course;

use super::grade::{Answer, Grading, Outcome, grade};
use super::refuse::RefusedInput;
use super::select::{QuizRequest, SelectError, SessionQuestion, reshuffle, select_questions};

/// How well a learner says they answered an interview question (F8); the spaced-review schedule
/// (F11) reads it like Anki's four buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SelfGrade {
    Again,
    Hard,
    Good,
    Easy,
}

impl SelfGrade {
    pub const ALL: [SelfGrade; 4] = [Self::Again, Self::Hard, Self::Good, Self::Easy];

    pub fn label(self) -> &'static str {
        match self {
            Self::Again => "again",
            Self::Hard => "hard",
            Self::Good => "good",
            Self::Easy => "easy",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SessionError {
    #[error("the quiz is over; there is no question to answer")]
    Finished,
    #[error("this question is already answered; move on to the next one")]
    AlreadyAnswered,
}

/// One answered (or skipped) question.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionResult {
    /// Index into the session's questions.
    pub index: usize,
    /// `None` when the question was skipped.
    pub answer: Option<Answer>,
    pub outcome: Outcome,
}

/// What became of an answer handed to [`QuizSession::submit`].
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum Submission<'a> {
    /// Graded and recorded: show its outcome, and keep it in progress.
    Graded(&'a QuestionResult),
    /// Not an answer ("256 nodes"): show the hint and let the learner type again. Nothing is
    /// recorded; the question stays current and unanswered.
    Refused(RefusedInput),
}

/// A quiz round in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct QuizSession {
    seed: u64,
    /// 0 for the first round, 1 for the first retry of missed questions, and so on: each retry
    /// shuffles the options again from the seed and this number.
    retry: u64,
    questions: Vec<SessionQuestion>,
    results: Vec<QuestionResult>,
    /// The question on screen; equal to `questions.len()` once the round is over.
    position: usize,
}

impl QuizSession {
    /// Selects questions from the course as the request says.
    pub fn new(course: &Course, request: &QuizRequest) -> Result<Self, SelectError> {
        let selection = select_questions(course, request)?;
        Ok(Self::from_questions(selection.seed, selection.questions))
    }

    /// A session over questions already chosen (a retry round, a due-now queue).
    pub fn from_questions(seed: u64, questions: Vec<SessionQuestion>) -> Self {
        Self {
            seed,
            retry: 0,
            questions,
            results: Vec::new(),
            position: 0,
        }
    }

    /// Asks question `index` again at the end of this round: a miss in a review comes back in
    /// the same sitting.
    pub fn ask_again_later(&mut self, index: usize) {
        if let Some(question) = self.questions.get(index).cloned() {
            self.questions.push(question);
        }
    }

    /// The seed that reproduces this session (`--seed`).
    pub fn seed(&self) -> u64 {
        self.seed
    }

    pub fn questions(&self) -> &[SessionQuestion] {
        &self.questions
    }

    /// 0-based position of the current question ("question 3 of 10" is position 2).
    pub fn position(&self) -> usize {
        self.position
    }

    pub fn len(&self) -> usize {
        self.questions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.questions.is_empty()
    }

    /// The question on screen, `None` once the round is over.
    pub fn current(&self) -> Option<&SessionQuestion> {
        self.questions.get(self.position)
    }

    /// The current question's result, once answered: show its outcome and explanation.
    pub fn current_result(&self) -> Option<&QuestionResult> {
        self.results.iter().find(|r| r.index == self.position)
    }

    /// Grades and records an answer to the current question; the question stays current so the
    /// feedback can be shown, until [`advance`](Self::advance). Input that is not an answer is
    /// refused with a hint and not recorded.
    pub fn submit(&mut self, answer: Answer) -> Result<Submission<'_>, SessionError> {
        let question = self.current().ok_or(SessionError::Finished)?;
        if self.current_result().is_some() {
            return Err(SessionError::AlreadyAnswered);
        }
        let outcome = match grade(&question.question, &answer) {
            Grading::Graded(outcome) => outcome,
            Grading::Refused(refused) => return Ok(Submission::Refused(refused)),
        };
        self.results.push(QuestionResult {
            index: self.position,
            answer: Some(answer),
            outcome,
        });
        Ok(Submission::Graded(&self.results[self.results.len() - 1]))
    }

    /// Moves to the next question; an unanswered current question counts as skipped (missed).
    /// Returns whether there is a next question.
    pub fn advance(&mut self) -> bool {
        if self.position < self.questions.len() && self.current_result().is_none() {
            self.results.push(QuestionResult {
                index: self.position,
                answer: None,
                outcome: Outcome::wrong(vec!["Skipped.".to_string()]),
            });
        }
        self.position = (self.position + 1).min(self.questions.len());
        self.position < self.questions.len()
    }

    pub fn is_finished(&self) -> bool {
        self.position >= self.questions.len()
    }

    pub fn results(&self) -> &[QuestionResult] {
        &self.results
    }

    /// The sum of the scores so far (partial credit counts as a fraction).
    pub fn score(&self) -> f32 {
        self.results.iter().map(|r| r.outcome.score).sum()
    }

    /// How many questions have been answered or skipped.
    pub fn answered(&self) -> usize {
        self.results.len()
    }

    /// The questions not fully right (wrong, partial or skipped), in the order they were asked.
    pub fn missed(&self) -> Vec<&SessionQuestion> {
        self.results
            .iter()
            .filter(|r| !r.outcome.is_right())
            .filter_map(|r| self.questions.get(r.index))
            .collect()
    }

    /// A new round over the missed questions, `None` when nothing was missed. Their options are
    /// shuffled again (reproducibly, from the seed and the round), so a retry tests the answer
    /// and not where it sat on the screen.
    pub fn retry_missed(&self) -> Option<QuizSession> {
        let retry = self.retry + 1;
        // Mixing in the round with an odd constant gives each retry its own order.
        let mut rng = StdRng::seed_from_u64(self.seed ^ retry.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let missed: Vec<SessionQuestion> = self
            .missed()
            .into_iter()
            .map(|asked| reshuffle(asked, &mut rng))
            .collect();
        (!missed.is_empty()).then(|| Self {
            retry,
            ..Self::from_questions(self.seed, missed)
        })
    }
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
