//! What the progress means against the course: mastery per topic, streak, score history and time
//! spent — the numbers behind home, the stats screen, `aks-tutor progress` and reports.
//!
//! Mastery of a topic = the mean, over the topic's items in the [`Catalogue`] (authored and table
//! questions, network policy predictions, interview items, and for the IP-planning topic the
//! sizing skills), of each item's latest score (any mode, cram included: it is the freshest
//! evidence), an unanswered item counting 0. So a topic is 100 % only when every item's last
//! answer was right, and answering half the items perfectly shows 50 %, not 100 %. Self-grades
//! score Again 0, Hard 0.5, Good and Easy 1.
//!
//! Only items in the course count here; history for ids the course no longer has stays in the file
//! (and comes back if the id does) but does not skew today's numbers. What is due comes from the
//! one definition in [`super::due`].

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::catalogue::{Catalogue, ItemClass};
use super::due::{self, Due, DueItem};
use super::model::{ItemKind, Progress, lab_step_key};
use super::time::Timestamp;
use crate::content::{Course, Topic};

/// One topic's standing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicMastery {
    pub topic: String,
    pub title: String,
    /// Items of the topic in the catalogue.
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
    /// The topic's lessons finished, and its lab steps done: what home shows beside mastery.
    pub lessons_finished: usize,
    pub lessons: usize,
    pub lab_steps_done: usize,
    pub lab_steps: usize,
}

pub fn topic_mastery(
    catalogue: &Catalogue,
    topic: &Topic,
    progress: &Progress,
    due: &Due,
) -> TopicMastery {
    let mut standing = TopicMastery {
        topic: topic.id.clone(),
        title: topic.title.clone(),
        items: 0,
        items_answered: 0,
        answers: 0,
        right: 0,
        mastery: None,
        due_now: due.now_in_topic(&topic.id),
        lessons_finished: topic
            .lessons
            .iter()
            .filter(|l| progress.lessons.contains_key(&l.id))
            .count(),
        lessons: topic.lessons.len(),
        lab_steps_done: 0,
        lab_steps: 0,
    };
    for lab in &topic.labs {
        standing.lab_steps += lab.steps.len();
        standing.lab_steps_done += lab
            .steps
            .iter()
            .filter(|s| {
                progress
                    .lab_steps
                    .contains_key(&lab_step_key(&lab.id, &s.id))
            })
            .count();
    }
    let mut score_total = 0.0;
    // Mastery is what the learner knows to answer; a debugging lab is practice that is scheduled
    // (and shown on its own, in Stats and the reports), not an item of the topic's mastery.
    for entry in catalogue
        .topic_entries(&topic.id)
        .filter(|entry| entry.class != ItemClass::DebugLab)
    {
        standing.items += 1;
        let Some(item) = progress.item(entry.kind(), &entry.id) else {
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
pub fn course_mastery(
    course: &Course,
    catalogue: &Catalogue,
    progress: &Progress,
    due: &Due,
) -> Vec<TopicMastery> {
    course
        .topics
        .iter()
        .map(|topic| topic_mastery(catalogue, topic, progress, due))
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

/// The items due now by [`due::due`], for the screens that still ask for a queue this way.
///
/// `_within_minutes` is no longer used: it was a second meaning of "due" (home counted 10 minutes
/// ahead while Stats counted now). A missed item now returns in the same sitting through
/// [`super::review::ReviewQueue`]. Prefer [`due::due`] with a kept [`Catalogue`].
pub fn review_queue(
    course: &Course,
    progress: &Progress,
    now: Timestamp,
    _within_minutes: i64,
) -> Vec<DueItem> {
    due::due(&Catalogue::new(course), progress, now).now
}

/// Every UTC date with any activity: an answer of any kind, a lesson finished, a step done, an
/// exam, a debugging lab, a session.
pub fn active_dates(progress: &Progress) -> BTreeSet<NaiveDate> {
    let answers = ItemKind::ALL
        .into_iter()
        .flat_map(|kind| progress.items(kind).values())
        .flat_map(|item| item.answers.iter().map(|answer| answer.at));
    let exams = progress.exams.iter().map(|exam| exam.finished);
    let labs = progress
        .debug_labs
        .values()
        .flatten()
        .map(|attempt| attempt.at);
    let sessions = progress
        .sessions
        .iter()
        .flat_map(|session| [session.started, session.last_active]);
    answers
        .chain(exams)
        .chain(labs)
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

#[cfg(test)]
#[path = "mastery_tests.rs"]
mod tests;
