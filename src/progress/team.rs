//! Several learners' progress read against one course: what `aks-tutor report` prints, for one
//! person or a team. Pure data; the command formats it as markdown or JSON.

use std::collections::BTreeMap;

use serde::Serialize;

use super::mastery::{self, Completion, TopicMastery};
use super::model::{ItemKind, Progress, lab_step_key};
use super::time::Timestamp;
use crate::content::Course;

/// How many of the most missed items a report lists.
pub const MOST_MISSED: usize = 10;

/// One learner's progress, named (by the file it came from, or the profile).
#[derive(Debug, Clone, PartialEq)]
pub struct Learner {
    pub name: String,
    pub progress: Progress,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicHeading {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LearnerReport {
    pub name: String,
    pub mastery: Option<f64>,
    pub answers: usize,
    pub right: usize,
    pub topics: Vec<TopicMastery>,
    pub completion: Completion,
    /// Lesson ids of the course finished, in course order.
    pub lessons_finished: Vec<String>,
    /// Lab ids of the course with every step done, in course order.
    pub labs_completed: Vec<String>,
    pub due_now: usize,
    pub streak_days: u32,
    pub time_spent_seconds: u64,
    pub last_active: Option<Timestamp>,
}

/// An item the team got wrong; a miss is any answer without full marks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MissedItem {
    pub kind: ItemKind,
    pub id: String,
    /// `None` when the course no longer has the item.
    pub topic: Option<String>,
    pub prompt: Option<String>,
    pub misses: usize,
    pub answers: usize,
    /// Learners who missed it at least once.
    pub learners: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamReport {
    pub course: String,
    pub generated: Timestamp,
    pub topics: Vec<TopicHeading>,
    pub lessons: Vec<TopicHeading>,
    pub labs: Vec<TopicHeading>,
    pub learners: Vec<LearnerReport>,
    pub most_missed: Vec<MissedItem>,
}

pub fn learner_report(course: &Course, learner: &Learner, now: Timestamp) -> LearnerReport {
    let progress = &learner.progress;
    let topics = mastery::course_mastery(course, progress, now);
    let labs_completed = course
        .labs()
        .filter(|lab| {
            !lab.steps.is_empty()
                && lab.steps.iter().all(|step| {
                    progress
                        .lab_steps
                        .contains_key(&lab_step_key(&lab.id, &step.id))
                })
        })
        .map(|lab| lab.id.clone())
        .collect();
    LearnerReport {
        name: learner.name.clone(),
        mastery: mastery::overall_mastery(&topics),
        answers: topics.iter().map(|t| t.answers).sum(),
        right: topics.iter().map(|t| t.right).sum(),
        due_now: topics.iter().map(|t| t.due_now).sum(),
        topics,
        completion: mastery::completion(course, progress),
        lessons_finished: course
            .lessons()
            .filter(|lesson| progress.lessons.contains_key(&lesson.id))
            .map(|lesson| lesson.id.clone())
            .collect(),
        labs_completed,
        streak_days: mastery::streak_days(progress, now.utc_date()),
        time_spent_seconds: mastery::time_spent_seconds(progress),
        last_active: progress.sessions.iter().map(|s| s.last_active).max(),
    }
}

/// Where each item of the course lives, and how it reads, for the most-missed list.
fn item_index(course: &Course) -> BTreeMap<(ItemKind, &str), (&str, &str)> {
    let mut index = BTreeMap::new();
    for topic in &course.topics {
        for question in &topic.questions {
            index.insert(
                (ItemKind::Question, question.id.as_str()),
                (topic.id.as_str(), question.prompt.as_str()),
            );
        }
        for item in &topic.interview {
            index.insert(
                (ItemKind::Interview, item.id.as_str()),
                (topic.id.as_str(), item.question.as_str()),
            );
        }
    }
    index
}

/// The items most often missed across `learners`, most misses first (then most learners, then
/// id), at most [`MOST_MISSED`]. Items no longer in the course are listed too: they were missed.
pub fn most_missed(course: &Course, learners: &[Learner]) -> Vec<MissedItem> {
    let index = item_index(course);
    let mut tally: BTreeMap<(ItemKind, &str), MissedItem> = BTreeMap::new();
    for learner in learners {
        for kind in [ItemKind::Question, ItemKind::Interview] {
            for (id, item) in learner.progress.items(kind) {
                let misses = item.answers.iter().filter(|a| !a.result.is_right()).count();
                let known = index.get(&(kind, id.as_str()));
                let entry = tally
                    .entry((kind, id.as_str()))
                    .or_insert_with(|| MissedItem {
                        kind,
                        id: id.clone(),
                        topic: known.map(|(topic, _)| topic.to_string()),
                        prompt: known.map(|(_, prompt)| prompt.to_string()),
                        misses: 0,
                        answers: 0,
                        learners: 0,
                    });
                entry.misses += misses;
                entry.answers += item.answers.len();
                entry.learners += usize::from(misses > 0);
            }
        }
    }
    let mut missed: Vec<MissedItem> = tally.into_values().filter(|m| m.misses > 0).collect();
    missed.sort_by(|a, b| {
        (b.misses, b.learners)
            .cmp(&(a.misses, a.learners))
            .then_with(|| (a.kind, &a.id).cmp(&(b.kind, &b.id)))
    });
    missed.truncate(MOST_MISSED);
    missed
}

pub fn team_report(course: &Course, learners: &[Learner], now: Timestamp) -> TeamReport {
    let heading = |id: &str, title: &str| TopicHeading {
        id: id.to_string(),
        title: title.to_string(),
    };
    TeamReport {
        course: course.title.clone(),
        generated: now,
        topics: course
            .topics
            .iter()
            .map(|t| heading(&t.id, &t.title))
            .collect(),
        lessons: course.lessons().map(|l| heading(&l.id, &l.title)).collect(),
        labs: course.labs().map(|l| heading(&l.id, &l.title)).collect(),
        learners: learners
            .iter()
            .map(|learner| learner_report(course, learner, now))
            .collect(),
        most_missed: most_missed(course, learners),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::model::{Mode, Outcome};
    use crate::progress::test_course;

    fn at(text: &str) -> Timestamp {
        Timestamp::parse_rfc3339(text).unwrap()
    }

    fn learner(name: &str, answers: &[(&str, f64)]) -> Learner {
        let mut progress = Progress::default();
        for (id, score) in answers {
            progress.record_answer(
                ItemKind::Question,
                id,
                Outcome::Score(*score),
                Mode::Quiz,
                at("2026-01-05T09:00:00Z"),
            );
        }
        Learner {
            name: name.into(),
            progress,
        }
    }

    #[test]
    fn the_most_missed_items_are_counted_across_the_team() {
        let course = test_course::course();
        let team = [
            learner("alice", &[("q-a", 0.0), ("q-a", 0.0), ("q-b", 1.0)]),
            learner("bob", &[("q-a", 0.0), ("q-c", 0.5), ("q-gone", 0.0)]),
            learner("carol", &[("q-c", 0.0), ("q-b", 1.0)]),
        ];
        let missed = most_missed(&course, &team);
        let summary: Vec<(&str, usize, usize)> = missed
            .iter()
            .map(|m| (m.id.as_str(), m.misses, m.learners))
            .collect();
        assert_eq!(summary, [("q-a", 3, 2), ("q-c", 2, 2), ("q-gone", 1, 1)]);
        assert_eq!(missed[0].topic.as_deref(), Some("plugins"));
        assert_eq!(missed[0].prompt.as_deref(), Some("Prompt of q-a?"));
        assert_eq!(missed[2].topic, None, "no longer in the course");
    }

    #[test]
    fn at_most_ten_items_are_listed() {
        let course = test_course::course();
        let ids: Vec<String> = (0..15).map(|i| format!("q-{i:02}")).collect();
        let answers: Vec<(&str, f64)> = ids.iter().map(|id| (id.as_str(), 0.0)).collect();
        assert_eq!(most_missed(&course, &[learner("a", &answers)]).len(), 10);
    }

    #[test]
    fn a_learner_report_lists_finished_lessons_and_whole_labs() {
        let course = test_course::course();
        let now = at("2026-01-05T09:00:00Z");
        let mut alice = learner("alice", &[("q-a", 1.0)]);
        alice.progress.record_lesson_finished("dns", now);
        alice.progress.set_step_done("lab-a", "one", true, now);
        alice.progress.set_step_done("lab-a", "two", true, now);
        let report = team_report(&course, &[alice], now);
        let alice = &report.learners[0];
        assert_eq!(alice.lessons_finished, ["dns"]);
        assert_eq!(alice.labs_completed, ["lab-a"]);
        assert_eq!(alice.mastery, Some(0.25));
        assert_eq!(alice.last_active, Some(now));
        assert_eq!(report.topics.len(), 2);
        assert_eq!(report.labs[0].id, "lab-a");
    }
}
