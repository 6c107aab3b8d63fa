//! Everything the home screen shows, as data: the course's title and summary, per topic the
//! lessons read, labs done and mastery, the Review count and the Continue entry. It is made from
//! the loaded course, or, for the first frame, from the course's outline (`course.ron` alone)
//! when the learner's progress holds nothing that needs more of the course to be counted.

use serde::{Deserialize, Serialize};

use super::{HomeEntry, Practice, resume_title};
use crate::content::CourseIndex;
use crate::progress::{Mode, Progress};
use crate::screens::Context;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HomeOutline {
    pub title: String,
    pub summary: String,
    /// "Lesson › Section" or "Lab: title" of the place to continue from.
    pub resume: Option<String>,
    pub topics: Vec<TopicLine>,
    /// Items the Review entry would ask now.
    pub review_due: usize,
    /// An exam kept in progress: answered and asked.
    pub exam: Option<(usize, usize)>,
    /// Quizzes and reviews kept in progress: their mode, next question and length.
    pub quizzes: Vec<(Mode, usize, usize)>,
    /// No name given or declined yet: home asks for one.
    pub ask_name: bool,
}

/// One topic's line: its title and what the learner has done of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicLine {
    pub title: String,
    pub summary: String,
    pub lessons_read: usize,
    pub lessons: usize,
    pub labs_done: usize,
    pub labs: usize,
    /// `None` for a topic with nothing to answer.
    pub mastery: Option<f64>,
}

impl HomeOutline {
    /// Home for the loaded course.
    pub fn from_context(cx: &Context) -> Self {
        let progress = cx.progress;
        let topics = cx
            .course
            .topics
            .iter()
            .enumerate()
            .map(|(index, topic)| TopicLine {
                title: topic.title.clone(),
                summary: topic.summary.clone(),
                lessons_read: topic
                    .lessons
                    .iter()
                    .filter(|l| progress.lessons.contains_key(&l.id))
                    .count(),
                lessons: topic.lessons.len(),
                labs_done: topic
                    .labs
                    .iter()
                    .filter(|lab| {
                        !lab.steps.is_empty()
                            && lab
                                .steps
                                .iter()
                                .all(|step| progress.is_step_done(&lab.id, &step.id))
                    })
                    .count(),
                labs: topic.labs.len(),
                mastery: cx.summary.topics.get(index).and_then(|t| t.mastery),
            })
            .collect();
        Self {
            title: cx.course.title.clone(),
            summary: cx.course.summary.clone(),
            resume: resume_title(cx.course, progress),
            topics,
            review_due: cx.due.now.len(),
            ask_name: asks_for_name(progress),
            exam: progress
                .sitting(Mode::Exam)
                .map(|s| (s.answers.len(), s.items.len())),
            quizzes: [Mode::Review, Mode::Quiz]
                .into_iter()
                .filter_map(|mode| {
                    let sitting = progress.sitting(mode)?;
                    (sitting.position < sitting.items.len()).then_some((
                        mode,
                        sitting.position,
                        sitting.items.len(),
                    ))
                })
                .collect(),
        }
    }

    /// Home from the outline alone, for a learner who has answered nothing, done no lab step and
    /// left no place to continue from: then every figure follows from `course.ron` (lessons read
    /// are counted by id; labs done and due reviews are none; mastery is 0 % where the topic has
    /// items). `None` otherwise: those figures need the whole course.
    pub fn from_index(index: &CourseIndex, progress: &Progress) -> Option<Self> {
        if !Self::follows_from_index(progress) {
            return None;
        }
        let topics = index
            .topics
            .iter()
            .map(|topic| TopicLine {
                title: topic.title.clone(),
                summary: topic.summary.clone(),
                lessons_read: topic
                    .lesson_ids
                    .iter()
                    .filter(|id| progress.lessons.contains_key(*id))
                    .count(),
                lessons: topic.lesson_ids.len(),
                labs_done: 0,
                labs: topic.labs,
                mastery: topic.has_items.then_some(0.0),
            })
            .collect();
        Some(Self {
            title: index.title.clone(),
            summary: index.summary.clone(),
            resume: None,
            topics,
            review_due: 0,
            exam: None,
            quizzes: Vec::new(),
            ask_name: asks_for_name(progress),
        })
    }

    /// Whether [`HomeOutline::from_index`] can serve this learner: nothing answered, no lab
    /// step, no place to continue from (lessons read and the sessions' log do not matter).
    pub fn follows_from_index(progress: &Progress) -> bool {
        // Compared as a whole, so that any record added to progress later counts as "not new"
        // until someone teaches this function about it.
        let mut rest = progress.clone();
        rest.lessons.clear();
        rest.sessions.clear();
        rest == Progress::default()
    }

    /// The menu's entries, in order: an exam, quiz or review to continue, Continue (when there is
    /// a place), the topics, the practice.
    pub fn entries(&self) -> Vec<HomeEntry> {
        self.exam
            .map(|_| HomeEntry::ContinueExam)
            .into_iter()
            .chain(
                self.quizzes
                    .iter()
                    .map(|&(mode, ..)| HomeEntry::ContinueQuiz(mode)),
            )
            .chain(self.resume.as_ref().map(|_| HomeEntry::Continue))
            .chain((0..self.topics.len()).map(HomeEntry::Topic))
            // Asked after the topics, so it never stands between a new learner and the course.
            .chain(self.ask_name.then_some(HomeEntry::AskName))
            .chain(Practice::ALL.map(HomeEntry::Practice))
            .collect()
    }
}

/// Whether home should ask for the learner's name: none given, and not declined.
fn asks_for_name(progress: &Progress) -> bool {
    progress.learner_name().is_none() && !progress.name_declined
}

impl TopicLine {
    /// Lessons read, labs finished and mastery ("1/1 · 0/1 ·  40%"; a dash where there is none).
    pub fn figures(&self) -> String {
        let fraction = |done: usize, total: usize| match total {
            0 => "–".to_string(),
            total => format!("{done}/{total}"),
        };
        let mastery = self
            .mastery
            .map_or_else(|| "–".to_string(), |m| format!("{:.0}%", m * 100.0));
        format!(
            "{:>7} · {:>4} · {mastery:>7}",
            fraction(self.lessons_read, self.lessons),
            fraction(self.labs_done, self.labs)
        )
    }
}
