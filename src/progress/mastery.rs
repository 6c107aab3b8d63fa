//! What the progress means against the course: mastery per topic, due counts, streak, score
//! history and time spent — the numbers behind the stats screen, `aks-tutor progress` and reports.
//!
//! Mastery of a topic = the mean, over the topic's questions, interview items and network policy
//! predictions, of each item's latest score (any mode, cram included: it is the freshest evidence), an unanswered item counting
//! 0. So a topic is 100 % only when every item's last answer was right, and answering half the items
//! perfectly shows 50 %, not 100 %. Self-grades score Again 0, Hard 0.5, Good and Easy 1.
//!
//! Predictions count for mastery but are never due: the review queue serves quiz questions and
//! interview items only, so counting predictions as due would promise reviews it cannot give.
//!
//! Only items in the course count here; history for ids the course no longer has stays in the file
//! (and comes back if the id does) but does not skew today's numbers.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::model::{ItemKind, Progress, Resume, SessionLog, lab_step_key};
use super::schedule::{self, DueItem};
use super::time::Timestamp;
use crate::content::{Course, Topic};

/// One topic's standing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicMastery {
    pub topic: String,
    pub title: String,
    /// Questions, interview items and network policy predictions in the topic.
    pub items: usize,
    /// Items answered at least once.
    pub items_answered: usize,
    /// Answers given to the topic's items, all modes.
    pub answers: usize,
    /// Of those, answers with full marks.
    pub right: usize,
    /// 0.0..=1.0 by the formula in the module docs; `None` for a topic with nothing to answer.
    pub mastery: Option<f64>,
    /// Items of the topic due for review now.
    pub due_now: usize,
}

/// The items a topic holds, as (kind, id): what its mastery is made of. A network policy
/// prediction is kept as a question, under its scenario's progress id.
pub fn topic_items(topic: &Topic) -> impl Iterator<Item = (ItemKind, &str)> {
    let predictions = topic
        .netpol
        .iter()
        .flat_map(|scenario| &scenario.questions)
        .map(|q| (ItemKind::Question, q.progress_id.as_str()));
    reviewable_items(topic).chain(predictions)
}

/// The items of a topic that review can ask again: its quiz questions and interview items.
pub fn reviewable_items(topic: &Topic) -> impl Iterator<Item = (ItemKind, &str)> {
    let questions = topic
        .questions
        .iter()
        .map(|q| (ItemKind::Question, q.id.as_str()));
    let interview = topic
        .interview
        .iter()
        .map(|i| (ItemKind::Interview, i.id.as_str()));
    questions.chain(interview)
}

fn is_due(progress: &Progress, kind: ItemKind, id: &str, at: Timestamp) -> bool {
    progress
        .item(kind, id)
        .and_then(|item| item.schedule.as_ref())
        .is_some_and(|schedule| schedule.due <= at)
}

pub fn topic_mastery(topic: &Topic, progress: &Progress, now: Timestamp) -> TopicMastery {
    let mut standing = TopicMastery {
        topic: topic.id.clone(),
        title: topic.title.clone(),
        items: 0,
        items_answered: 0,
        answers: 0,
        right: 0,
        mastery: None,
        due_now: 0,
    };
    standing.due_now = reviewable_items(topic)
        .filter(|(kind, id)| is_due(progress, *kind, id, now))
        .count();
    let mut score_total = 0.0;
    for (kind, id) in topic_items(topic) {
        standing.items += 1;
        let Some(item) = progress.item(kind, id) else {
            continue;
        };
        if let Some(score) = item.latest_score() {
            standing.items_answered += 1;
            score_total += score;
        }
        standing.answers += item.answers.len();
        standing.right += item.answers.iter().filter(|a| a.result.is_right()).count();
    }
    if standing.items > 0 {
        standing.mastery = Some(score_total / standing.items as f64);
    }
    standing
}

/// Every topic's standing, in course order.
pub fn course_mastery(course: &Course, progress: &Progress, now: Timestamp) -> Vec<TopicMastery> {
    course
        .topics
        .iter()
        .map(|topic| topic_mastery(topic, progress, now))
        .collect()
}

/// The same formula over the whole course; `None` for a course with nothing to answer.
pub fn overall_mastery(topics: &[TopicMastery]) -> Option<f64> {
    let items: usize = topics.iter().map(|t| t.items).sum();
    let score: f64 = topics
        .iter()
        .filter_map(|t| t.mastery.map(|m| m * t.items as f64))
        .sum();
    (items > 0).then(|| score / items as f64)
}

/// The review queue restricted to items the course has, most overdue first (see
/// [`schedule::due_within`]).
pub fn review_queue(
    course: &Course,
    progress: &Progress,
    now: Timestamp,
    within_minutes: i64,
) -> Vec<DueItem> {
    let known: BTreeSet<(ItemKind, &str)> =
        course.topics.iter().flat_map(reviewable_items).collect();
    schedule::due_within(progress, now, within_minutes)
        .into_iter()
        .filter(|item| known.contains(&(item.kind, item.id.as_str())))
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DueCounts {
    /// Due now: the "Review — N due" entry.
    pub now: usize,
    /// Due now or within the next 24 hours.
    pub next_24_hours: usize,
    /// Items with a schedule (answered outside cram at least once).
    pub scheduled: usize,
    /// Items never scheduled.
    pub new: usize,
}

pub fn due_counts(course: &Course, progress: &Progress, now: Timestamp) -> DueCounts {
    let tomorrow = now.plus_minutes(24 * 60);
    let mut counts = DueCounts {
        now: 0,
        next_24_hours: 0,
        scheduled: 0,
        new: 0,
    };
    for (kind, id) in course.topics.iter().flat_map(reviewable_items) {
        match progress.item(kind, id).and_then(|i| i.schedule.as_ref()) {
            Some(schedule) => {
                counts.scheduled += 1;
                counts.now += usize::from(schedule.due <= now);
                counts.next_24_hours += usize::from(schedule.due <= tomorrow);
            }
            None => counts.new += 1,
        }
    }
    counts
}

/// Every UTC date with any activity: an answer, a lesson finished, a step done, a session.
pub fn active_dates(progress: &Progress) -> BTreeSet<NaiveDate> {
    let answers = [ItemKind::Question, ItemKind::Interview]
        .into_iter()
        .flat_map(|kind| progress.items(kind).values())
        .flat_map(|item| item.answers.iter().map(|answer| answer.at));
    let sessions = progress
        .sessions
        .iter()
        .flat_map(|session| [session.started, session.last_active]);
    answers
        .chain(progress.lessons.values().copied())
        .chain(progress.lab_steps.values().copied())
        .chain(sessions)
        .map(Timestamp::utc_date)
        .collect()
}

/// Consecutive days with activity, ending today or yesterday (a streak is not lost until a whole
/// day passes without practice).
///
/// Days are UTC dates, not local ones: the stored times are UTC, and a local calendar would need
/// the time-zone database and would change with travel and daylight saving, so the same file would
/// show different streaks on different machines. The cost: for a learner far from UTC the day
/// boundary falls at a local hour other than midnight.
pub fn streak_days(progress: &Progress, today: NaiveDate) -> u32 {
    let dates = active_dates(progress);
    let yesterday = today.checked_sub_days(Days::new(1));
    let mut day = if dates.contains(&today) {
        Some(today)
    } else {
        yesterday.filter(|day| dates.contains(day))
    };
    let mut streak = 0;
    while let Some(current) = day.filter(|d| dates.contains(d)) {
        streak += 1;
        day = current.checked_sub_days(Days::new(1));
    }
    streak
}

/// One point of the score-history sparkline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionScore {
    pub started: Timestamp,
    pub answered: u32,
    /// Mean score of the session's answers, 0.0..=1.0.
    pub score: f64,
}

/// Score per session, oldest first; sessions without answers are left out.
pub fn score_history(progress: &Progress) -> Vec<SessionScore> {
    progress
        .sessions
        .iter()
        .filter_map(|session| {
            Some(SessionScore {
                started: session.started,
                answered: session.answered,
                score: session.mean_score()?,
            })
        })
        .collect()
}

pub fn time_spent_seconds(progress: &Progress) -> u64 {
    progress.sessions.iter().map(|s| s.seconds).sum()
}

/// Lessons of the course finished, and lab steps of the course done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Completion {
    pub lessons_finished: usize,
    pub lessons: usize,
    pub lab_steps_done: usize,
    pub lab_steps: usize,
    /// Labs with every step done.
    pub labs_completed: usize,
    pub labs: usize,
}

pub fn completion(course: &Course, progress: &Progress) -> Completion {
    let lessons_finished = course
        .lessons()
        .filter(|lesson| progress.lessons.contains_key(&lesson.id))
        .count();
    let mut completion = Completion {
        lessons_finished,
        lessons: course.lessons().count(),
        lab_steps_done: 0,
        lab_steps: 0,
        labs_completed: 0,
        labs: 0,
    };
    for lab in course.labs() {
        let done = lab
            .steps
            .iter()
            .filter(|step| {
                progress
                    .lab_steps
                    .contains_key(&lab_step_key(&lab.id, &step.id))
            })
            .count();
        completion.labs += 1;
        completion.lab_steps += lab.steps.len();
        completion.lab_steps_done += done;
        completion.labs_completed += usize::from(done == lab.steps.len() && done > 0);
    }
    completion
}

/// Everything `aks-tutor progress` and the stats screen show, computed once.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgressSummary {
    pub mastery: Option<f64>,
    pub answers: usize,
    pub right: usize,
    pub topics: Vec<TopicMastery>,
    pub due: DueCounts,
    pub streak_days: u32,
    pub time_spent_seconds: u64,
    pub completion: Completion,
    pub score_history: Vec<SessionScore>,
    pub last_session: Option<SessionLog>,
    pub resume: Option<Resume>,
}

impl ProgressSummary {
    pub fn new(course: &Course, progress: &Progress, now: Timestamp) -> Self {
        let topics = course_mastery(course, progress, now);
        Self {
            mastery: overall_mastery(&topics),
            answers: topics.iter().map(|t| t.answers).sum(),
            right: topics.iter().map(|t| t.right).sum(),
            due: due_counts(course, progress, now),
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

#[cfg(test)]
#[path = "mastery_tests.rs"]
mod tests;
