//! The mock exam (F9): a fixed number of questions mixed across topics, reproducible by seed;
//! answers are recorded without feedback (and may be changed) until `finish`, which grades them
//! all and returns a per-question review and a per-topic breakdown, weakest topic first.
//! The countdown is the screen's job: when time runs out it calls `finish` like the learner would.

use std::time::Duration;

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use thiserror::Error;

use crate::content::{Course, Question, Topic};

use super::describe::{answer_text, right_answer_text};
use super::grade::{Answer, Grading, Outcome, grade};
use super::refuse::{RefusedInput, refuse_non_answer};
use super::select::{QuizRequest, SelectError, SessionQuestion, pool, prepare, topics};

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ExamError {
    #[error("there is no question {number} in this exam of {len}")]
    NoSuchQuestion { number: usize, len: usize },
}

/// What became of an answer handed to [`MockExam::record`].
#[must_use]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExamAnswer {
    /// Kept (replacing any earlier answer), to be graded at the end.
    Recorded,
    /// Not an answer ("256 nodes"): show the hint and ask again; the earlier answer, if any,
    /// stays.
    Refused(RefusedInput),
}

/// How many questions an exam asks against how many were asked for: `exam --count 500` on a
/// course of 111 questions asks 111, and its clock must follow the 111.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExamSize {
    /// The `--count` asked for; `None` for "all of them".
    pub requested: Option<usize>,
    /// The questions the exam actually asks.
    pub selected: usize,
}

impl ExamSize {
    /// More questions were asked for than the pool holds: the screen says so.
    pub fn pool_smaller_than_requested(&self) -> bool {
        self.requested
            .is_some_and(|requested| requested > self.selected)
    }

    /// The clock for the questions actually asked.
    pub fn time_limit(&self, per_question: Duration) -> Duration {
        per_question.saturating_mul(u32::try_from(self.selected).unwrap_or(u32::MAX))
    }
}

/// The size of the exam [`MockExam::new`] would make for this request, without making it: what
/// a command needs to set the clock before the exam exists.
pub fn exam_size(course: &Course, request: &QuizRequest) -> Result<ExamSize, SelectError> {
    if request.count == Some(0) {
        return Err(SelectError::ZeroCount);
    }
    let topics = topics(course, request.topic.as_deref())?;
    let available = pool(&topics, request.include_table_questions).len();
    if available == 0 {
        return Err(SelectError::NoQuestions {
            topic: request.topic.clone(),
        });
    }
    Ok(ExamSize {
        requested: request.count,
        selected: request
            .count
            .map_or(available, |count| count.min(available)),
    })
}

/// An exam in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct MockExam {
    seed: u64,
    /// The count asked for, kept to tell when the pool was smaller.
    requested: Option<usize>,
    questions: Vec<SessionQuestion>,
    answers: Vec<Option<Answer>>,
}

impl MockExam {
    /// Picks `request.count` questions (all when `None`), spread over the topics in turn so every
    /// topic is represented before any gets a second question, then shuffled together.
    pub fn new(course: &Course, request: &QuizRequest) -> Result<Self, SelectError> {
        if request.count == Some(0) {
            return Err(SelectError::ZeroCount);
        }
        let topics = topics(course, request.topic.as_deref())?;
        let seed = request.seed.unwrap_or_else(rand::random);
        let mut rng = StdRng::seed_from_u64(seed);
        let mut per_topic: Vec<Vec<(&Topic, Question)>> = topics
            .iter()
            .map(|&topic| pool(&[topic], request.include_table_questions))
            .filter(|questions| !questions.is_empty())
            .collect();
        if per_topic.is_empty() {
            return Err(SelectError::NoQuestions {
                topic: request.topic.clone(),
            });
        }
        for questions in &mut per_topic {
            questions.shuffle(&mut rng);
            // Round-robin below takes from the back.
            questions.reverse();
        }
        per_topic.shuffle(&mut rng);
        let wanted = request.count.unwrap_or(usize::MAX);
        let mut picked = Vec::new();
        while picked.len() < wanted && per_topic.iter().any(|q| !q.is_empty()) {
            for questions in &mut per_topic {
                if picked.len() == wanted {
                    break;
                }
                if let Some(entry) = questions.pop() {
                    picked.push(entry);
                }
            }
        }
        picked.shuffle(&mut rng);
        let questions: Vec<SessionQuestion> = picked
            .into_iter()
            .map(|(topic, question)| prepare(topic, question, &mut rng))
            .collect();
        let answers = vec![None; questions.len()];
        Ok(Self {
            seed,
            requested: request.count,
            questions,
            answers,
        })
    }

    /// An exam over exactly these questions, in this order (for tests, and for a screen that
    /// needs a placeholder between phases).
    pub fn from_questions(seed: u64, questions: Vec<SessionQuestion>) -> Self {
        let answers = vec![None; questions.len()];
        Self {
            seed,
            requested: None,
            questions,
            answers,
        }
    }

    /// The seed that reproduces this exam (`--seed`).
    pub fn seed(&self) -> u64 {
        self.seed
    }

    pub fn questions(&self) -> &[SessionQuestion] {
        &self.questions
    }

    pub fn len(&self) -> usize {
        self.questions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.questions.is_empty()
    }

    /// How many questions were asked for and how many this exam asks.
    pub fn size(&self) -> ExamSize {
        ExamSize {
            requested: self.requested,
            selected: self.questions.len(),
        }
    }

    /// Records (or replaces) the answer to question `index`; nothing is graded yet. Input that
    /// is not an answer is refused with a hint, as in a quiz, and not recorded.
    pub fn record(&mut self, index: usize, answer: Answer) -> Result<ExamAnswer, ExamError> {
        let len = self.answers.len();
        let no_such_question = ExamError::NoSuchQuestion {
            number: index.saturating_add(1),
            len,
        };
        let kind = &self
            .questions
            .get(index)
            .ok_or(no_such_question.clone())?
            .question
            .kind;
        if let Some(refused) = refuse_non_answer(kind, &answer) {
            return Ok(ExamAnswer::Refused(refused));
        }
        let slot = self.answers.get_mut(index).ok_or(no_such_question)?;
        *slot = Some(answer);
        Ok(ExamAnswer::Recorded)
    }

    /// Clears the answer to question `index`, if any.
    pub fn clear(&mut self, index: usize) {
        if let Some(slot) = self.answers.get_mut(index) {
            *slot = None;
        }
    }

    pub fn answer(&self, index: usize) -> Option<&Answer> {
        self.answers.get(index).and_then(Option::as_ref)
    }

    /// How many questions have no answer yet ("3 unanswered — finish anyway?").
    pub fn unanswered(&self) -> usize {
        self.answers.iter().filter(|a| a.is_none()).count()
    }

    /// Grades every answer: the review in exam order and the topics weakest first.
    pub fn finish(self) -> ExamReport {
        let reviews: Vec<ExamReview> = self
            .questions
            .into_iter()
            .zip(self.answers)
            .map(|(asked, answer)| {
                let outcome = match answer.as_ref().map(|a| grade(&asked.question, a)) {
                    Some(Grading::Graded(outcome)) => outcome,
                    // `record` refuses these, so only a caller bypassing it gets here.
                    Some(Grading::Refused(refused)) => {
                        Outcome::wrong(vec![format!("Not answered: {}", refused.hint)])
                    }
                    None => Outcome::wrong(vec!["Not answered.".to_string()]),
                };
                ExamReview {
                    your_answer: answer_text(&asked.question.kind, answer.as_ref()),
                    right_answer: right_answer_text(&asked.question.kind),
                    question: asked,
                    answer,
                    outcome,
                }
            })
            .collect();
        let topics = topic_scores(&reviews);
        ExamReport {
            seed: self.seed,
            reviews,
            topics,
        }
    }
}

/// One question of a finished exam.
#[derive(Debug, Clone, PartialEq)]
pub struct ExamReview {
    /// The question as asked; its `question.explanation` and `question.see` go in the review.
    pub question: SessionQuestion,
    pub answer: Option<Answer>,
    /// The learner's answer in words ("(no answer)" when skipped).
    pub your_answer: String,
    /// The right answer in words.
    pub right_answer: String,
    pub outcome: Outcome,
}

/// How one topic went.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicScore {
    pub topic_id: String,
    pub topic_title: String,
    pub questions: usize,
    /// The sum of the topic's question scores.
    pub score: f32,
}

impl TopicScore {
    /// From 0 to 100.
    pub fn percent(&self) -> f32 {
        if self.questions == 0 {
            0.0
        } else {
            self.score / self.questions as f32 * 100.0
        }
    }
}

/// A finished exam.
#[derive(Debug, Clone, PartialEq)]
pub struct ExamReport {
    pub seed: u64,
    /// In the order the questions were asked.
    pub reviews: Vec<ExamReview>,
    /// Weakest first (lowest percentage; among equals, the topic with more questions first).
    pub topics: Vec<TopicScore>,
}

impl ExamReport {
    /// The sum of all question scores.
    pub fn score(&self) -> f32 {
        self.reviews.iter().map(|r| r.outcome.score).sum()
    }

    /// From 0 to 100.
    pub fn percent(&self) -> f32 {
        if self.reviews.is_empty() {
            0.0
        } else {
            self.score() / self.reviews.len() as f32 * 100.0
        }
    }
}

fn topic_scores(reviews: &[ExamReview]) -> Vec<TopicScore> {
    let mut topics: Vec<TopicScore> = Vec::new();
    for review in reviews {
        let asked = &review.question;
        match topics.iter_mut().find(|t| t.topic_id == asked.topic_id) {
            Some(topic) => {
                topic.questions += 1;
                topic.score += review.outcome.score;
            }
            None => topics.push(TopicScore {
                topic_id: asked.topic_id.clone(),
                topic_title: asked.topic_title.clone(),
                questions: 1,
                score: review.outcome.score,
            }),
        }
    }
    topics.sort_by(|a, b| {
        a.percent()
            .total_cmp(&b.percent())
            .then(b.questions.cmp(&a.questions))
            .then(a.topic_id.cmp(&b.topic_id))
    });
    topics
}

#[cfg(test)]
#[path = "exam_tests.rs"]
mod tests;
