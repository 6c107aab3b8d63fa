//! Whole attempts, kept as they happened: mock exams (every answer, per topic, the time used) and
//! debugging labs (per scenario and cause: solved or not, steps taken against the shortest path).
//! Neither is scheduled: an exam's questions are scheduled one by one as items, and a debugging lab
//! is replayed with a fresh random cause, not reviewed.

use serde::{Deserialize, Serialize};

use super::model::{ItemKind, Progress};
use super::time::Timestamp;

/// One finished mock exam.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExamAttempt {
    pub started: Timestamp,
    pub finished: Timestamp,
    /// Time actually spent answering (a pause while the program was closed is not counted).
    pub seconds: u64,
    #[serde(default)]
    pub time_limit_seconds: Option<u64>,
    #[serde(default)]
    pub seed: Option<u64>,
    /// Questions asked, answered, and answered with full marks.
    pub asked: u32,
    pub answered: u32,
    pub right: u32,
    /// Mean score over the questions asked (unanswered ones count 0), 0.0..=1.0.
    pub score: f64,
    /// Per topic, in the order the topics first appear in the exam.
    #[serde(default)]
    pub topics: Vec<TopicScore>,
    /// Every question asked, in order, answered or not.
    #[serde(default)]
    pub answers: Vec<ExamAnswer>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicScore {
    pub topic: String,
    pub asked: u32,
    pub right: u32,
    /// Mean score of the topic's questions, 0.0..=1.0.
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExamAnswer {
    pub kind: ItemKind,
    pub id: String,
    /// `None` when the course did not know the question's topic.
    #[serde(default)]
    pub topic: Option<String>,
    /// What the learner answered (the screen's own text of it); `None` when left unanswered.
    #[serde(default)]
    pub response: Option<String>,
    pub score: f64,
}

/// One play of a debugging lab.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DebugAttempt {
    pub at: Timestamp,
    /// The root cause drawn for this play.
    pub cause: String,
    /// Whether the learner named the cause (and its fix).
    pub solved: bool,
    /// Diagnostic steps taken, and the fewest that reach the cause.
    pub steps: u32,
    pub shortest: u32,
    /// The lab's score, 0.0..=1.0.
    pub score: f64,
}

/// Where exam scores are heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
    Flat,
}

/// A change smaller than this (in score, 0..1) is noise, not a trend.
pub const TREND_THRESHOLD: f64 = 0.02;

/// The exams' trend: the last attempt against the one before.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExamTrend {
    pub attempts: usize,
    pub latest: Option<f64>,
    pub previous: Option<f64>,
    pub best: Option<f64>,
    /// `latest - previous`, when there are two attempts.
    pub change: Option<f64>,
    pub direction: Option<Direction>,
    /// Every score, oldest first (for a sparkline).
    pub scores: Vec<f64>,
}

pub fn exam_trend(exams: &[ExamAttempt]) -> ExamTrend {
    let scores: Vec<f64> = exams.iter().map(|e| clamp_score(e.score)).collect();
    let latest = scores.last().copied();
    let previous = scores.len().checked_sub(2).map(|i| scores[i]);
    let change = latest.zip(previous).map(|(l, p)| l - p);
    ExamTrend {
        attempts: scores.len(),
        latest,
        previous,
        best: scores.iter().copied().reduce(f64::max),
        change,
        direction: change.map(|c| {
            if c > TREND_THRESHOLD {
                Direction::Up
            } else if c < -TREND_THRESHOLD {
                Direction::Down
            } else {
                Direction::Flat
            }
        }),
        scores,
    }
}

/// Scores edited by hand out of range are clamped; NaN counts 0.
pub fn clamp_score(score: f64) -> f64 {
    if score.is_nan() {
        0.0
    } else {
        score.clamp(0.0, 1.0)
    }
}

/// A lab's standing for one cause.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DebugStanding {
    pub scenario: String,
    pub cause: String,
    pub attempts: usize,
    pub solved: usize,
    /// Best score and fewest steps among solved attempts.
    pub best_score: Option<f64>,
    pub fewest_steps: Option<u32>,
    pub shortest: u32,
    pub last: Timestamp,
}

/// Every scenario and cause played, in id order.
pub fn debug_standings(progress: &Progress) -> Vec<DebugStanding> {
    let mut standings: Vec<DebugStanding> = Vec::new();
    for (scenario, attempts) in &progress.debug_labs {
        let mut causes: Vec<&str> = attempts.iter().map(|a| a.cause.as_str()).collect();
        causes.sort_unstable();
        causes.dedup();
        for cause in causes {
            let of_cause: Vec<&DebugAttempt> =
                attempts.iter().filter(|a| a.cause == cause).collect();
            let solved: Vec<&&DebugAttempt> = of_cause.iter().filter(|a| a.solved).collect();
            standings.push(DebugStanding {
                scenario: scenario.clone(),
                cause: cause.to_string(),
                attempts: of_cause.len(),
                solved: solved.len(),
                best_score: solved.iter().map(|a| clamp_score(a.score)).reduce(f64::max),
                fewest_steps: solved.iter().map(|a| a.steps).min(),
                shortest: of_cause.iter().map(|a| a.shortest).min().unwrap_or(0),
                last: of_cause
                    .iter()
                    .map(|a| a.at)
                    .max()
                    .unwrap_or(of_cause[0].at),
            });
        }
    }
    standings
}

impl Progress {
    /// Keeps a finished exam built by the caller. [`Progress::finish_exam`] builds one from the
    /// exam's sitting; this is for an exam run without one.
    pub fn record_exam_attempt(&mut self, attempt: ExamAttempt) {
        let finished = attempt.finished;
        self.exams.push(attempt);
        self.touch(finished);
    }

    /// Keeps one play of a debugging lab.
    pub fn record_debug_attempt(&mut self, scenario: &str, attempt: DebugAttempt) {
        let at = attempt.at;
        self.debug_labs
            .entry(scenario.to_string())
            .or_default()
            .push(attempt);
        self.touch(at);
    }
}
