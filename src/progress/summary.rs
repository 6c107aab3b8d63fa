//! Everything home, the stats screen, `aks-tutor progress` and a report show of one learner,
//! computed once from the [`Catalogue`] and the one definition of due ([`super::due::due`]).

use serde::Serialize;

use super::attempts::{DebugStanding, ExamAttempt, ExamTrend, debug_standings, exam_trend};
use super::catalogue::{Catalogue, ItemClass};
use super::due::{self, Due, DueCounts};
use super::mastery::{
    Completion, SessionScore, TopicMastery, completion, course_mastery, overall_mastery,
    score_history, streak_days, time_spent_seconds,
};
use super::model::{Mode, Progress, Resume, SessionLog};
use super::skills::SizingSkill;
use super::time::Timestamp;
use crate::content::Course;

/// One sizing skill's standing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkillStanding {
    pub skill: SizingSkill,
    pub id: &'static str,
    pub title: &'static str,
    pub answers: usize,
    pub right: usize,
    pub latest_score: Option<f64>,
    /// When it is next due; `None` until practised outside cram.
    pub due: Option<Timestamp>,
}

/// Network policy predictions of the course made, and right at the latest answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PredictionStanding {
    pub predictions: usize,
    pub made: usize,
    pub right: usize,
}

/// An interrupted sitting, as Continue offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SittingLine {
    pub mode: Mode,
    pub detail: Option<String>,
    pub started: Timestamp,
    pub updated: Timestamp,
    pub position: usize,
    pub items: usize,
    pub answered: usize,
    pub seconds_used: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgressSummary {
    /// The learner's name from the progress file, when set.
    pub learner_name: Option<String>,
    pub mastery: Option<f64>,
    pub answers: usize,
    pub right: usize,
    pub topics: Vec<TopicMastery>,
    pub due: DueCounts,
    /// The items behind `due`, in review order.
    pub due_items: Due,
    pub sizing: Vec<SkillStanding>,
    pub predictions: PredictionStanding,
    pub exams: Vec<ExamAttempt>,
    pub exam_trend: ExamTrend,
    pub debug_labs: Vec<DebugStanding>,
    pub sittings: Vec<SittingLine>,
    /// Answered ids the course no longer has: kept in the file, not counted.
    pub items_not_in_course: usize,
    pub streak_days: u32,
    pub time_spent_seconds: u64,
    pub completion: Completion,
    pub score_history: Vec<SessionScore>,
    pub last_session: Option<SessionLog>,
    pub resume: Option<Resume>,
}

impl ProgressSummary {
    /// Builds the course's catalogue first; a screen that keeps one calls
    /// [`ProgressSummary::with_catalogue`].
    pub fn new(course: &Course, progress: &Progress, now: Timestamp) -> Self {
        Self::with_catalogue(course, &Catalogue::new(course), progress, now)
    }

    pub fn with_catalogue(
        course: &Course,
        catalogue: &Catalogue,
        progress: &Progress,
        now: Timestamp,
    ) -> Self {
        let due = due::due(catalogue, progress, now);
        let topics = course_mastery(course, catalogue, progress, &due);
        Self {
            learner_name: progress.learner_name().map(str::to_string),
            mastery: overall_mastery(&topics),
            answers: topics.iter().map(|t| t.answers).sum(),
            right: topics.iter().map(|t| t.right).sum(),
            due: due.counts(),
            due_items: due,
            sizing: sizing_standings(progress),
            predictions: prediction_standing(catalogue, progress),
            exams: progress.exams.clone(),
            exam_trend: exam_trend(&progress.exams),
            debug_labs: debug_standings(progress),
            sittings: sitting_lines(progress),
            items_not_in_course: items_not_in_course(catalogue, progress),
            streak_days: streak_days(progress, now.utc_date()),
            time_spent_seconds: time_spent_seconds(progress),
            completion: completion(course, progress),
            score_history: score_history(progress),
            last_session: progress.sessions.last().cloned(),
            resume: progress.resume.clone(),
            topics,
        }
    }
}

pub fn sizing_standings(progress: &Progress) -> Vec<SkillStanding> {
    SizingSkill::ALL
        .into_iter()
        .map(|skill| {
            let item = progress.sizing.get(skill.id());
            SkillStanding {
                skill,
                id: skill.id(),
                title: skill.title(),
                answers: item.map_or(0, |i| i.answers.len()),
                right: item.map_or(0, |i| {
                    i.answers.iter().filter(|a| a.result.is_right()).count()
                }),
                latest_score: item.and_then(|i| i.latest_score()),
                due: item.and_then(|i| i.schedule.as_ref()).map(|s| s.due),
            }
        })
        .collect()
}

pub fn prediction_standing(catalogue: &Catalogue, progress: &Progress) -> PredictionStanding {
    let mut standing = PredictionStanding {
        predictions: 0,
        made: 0,
        right: 0,
    };
    for entry in catalogue
        .entries()
        .iter()
        .filter(|e| e.class == ItemClass::Prediction)
    {
        standing.predictions += 1;
        let latest = progress
            .item(entry.kind(), &entry.id)
            .and_then(|item| item.answers.last());
        if let Some(answer) = latest {
            standing.made += 1;
            standing.right += usize::from(answer.result.is_right());
        }
    }
    standing
}

fn sitting_lines(progress: &Progress) -> Vec<SittingLine> {
    let mut lines: Vec<SittingLine> = progress
        .sittings
        .iter()
        .map(|s| SittingLine {
            mode: s.mode,
            detail: s.detail.clone(),
            started: s.started,
            updated: s.updated,
            position: s.position.min(s.items.len()),
            items: s.items.len(),
            answered: s.answers.len(),
            seconds_used: s.seconds_used,
        })
        .collect();
    lines.sort_by_key(|line| std::cmp::Reverse(line.updated));
    lines
}

/// Answered ids (of any kind) the catalogue does not hold.
pub fn items_not_in_course(catalogue: &Catalogue, progress: &Progress) -> usize {
    super::model::ItemKind::ALL
        .into_iter()
        .map(|kind| {
            progress
                .items(kind)
                .iter()
                .filter(|(id, item)| !item.answers.is_empty() && catalogue.get(kind, id).is_none())
                .count()
        })
        .sum()
}
