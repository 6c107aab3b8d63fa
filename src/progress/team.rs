//! Several learners' progress read against one course: what `aks-tutor report` prints, for one
//! person or a team. Pure data; the command formats it as markdown, JSON or CSV.
//!
//! Learners are named by the name kept in their progress file, else their file's name. The same
//! learner given twice (the same file under two paths, or two copies of the same progress) is
//! counted once, and [`Duplicate`] says which and why: a team report that counted someone twice
//! would mislead as much as one that left someone out.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

use super::catalogue::Catalogue;
use super::model::{ItemKind, Progress, lab_step_key};
use super::summary::ProgressSummary;
use super::time::Timestamp;
use crate::content::Course;

/// How many of the most missed items a report lists.
pub const MOST_MISSED: usize = 10;

/// One learner's progress, named.
#[derive(Debug, Clone, PartialEq)]
pub struct Learner {
    pub name: String,
    /// The file it was read from; `None` for the current profile read by name.
    pub file: Option<PathBuf>,
    pub progress: Progress,
}

/// A progress file as read, before learners are named and duplicates dropped.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// As given on the command line.
    pub path: PathBuf,
    /// The file's identity (its canonical path): two paths to one file share it.
    pub identity: Option<PathBuf>,
    pub progress: Progress,
}

/// The same learner, or the same name, given more than once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Duplicate {
    /// The same file given twice (maybe by two different paths): `dropped` is left out.
    SameFile { kept: PathBuf, dropped: PathBuf },
    /// A different file holding exactly the same progress, a copy of one learner's profile:
    /// `dropped` is left out.
    SameContent { kept: PathBuf, dropped: PathBuf },
    /// Files of one name holding different progress (two people called Alex, or one learner on
    /// two machines): nothing is left out, their columns are told apart by path. Merging two
    /// histories would invent a learner who answered both sets of questions.
    SameName { name: String, files: Vec<PathBuf> },
}

impl fmt::Display for Duplicate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Duplicate::SameFile { kept, dropped } if kept == dropped => write!(
                f,
                "{} is given twice: its learner is counted once",
                dropped.display()
            ),
            Duplicate::SameFile { kept, dropped } => write!(
                f,
                "{} is the same file as {}: its learner is counted once",
                dropped.display(),
                kept.display()
            ),
            Duplicate::SameContent { kept, dropped } => write!(
                f,
                "{} holds exactly the same progress as {} (a copy of one profile): its learner is counted once",
                dropped.display(),
                kept.display()
            ),
            Duplicate::SameName { name, files } => {
                let files: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
                write!(
                    f,
                    "{} all belong to {name} but hold different progress: each is shown, told apart by its path",
                    files.join(", ")
                )
            }
        }
    }
}

/// Names the learners of `sources` and drops the ones given twice, keeping the first.
pub fn gather(sources: Vec<Source>) -> (Vec<Learner>, Vec<Duplicate>) {
    let mut kept: Vec<Source> = Vec::new();
    let mut duplicates = Vec::new();
    for source in sources {
        let same_file = kept.iter().find(|k| {
            k.path == source.path || (k.identity.is_some() && k.identity == source.identity)
        });
        if let Some(first) = same_file {
            duplicates.push(Duplicate::SameFile {
                kept: first.path.clone(),
                dropped: source.path,
            });
            continue;
        }
        if let Some(first) = kept.iter().find(|k| k.progress == source.progress) {
            duplicates.push(Duplicate::SameContent {
                kept: first.path.clone(),
                dropped: source.path,
            });
            continue;
        }
        kept.push(source);
    }
    let base: Vec<String> = kept.iter().map(base_name).collect();
    for (index, name) in base.iter().enumerate() {
        let files: Vec<PathBuf> = kept
            .iter()
            .zip(&base)
            .filter(|(_, other)| *other == name)
            .map(|(source, _)| source.path.clone())
            .collect();
        let first = base.iter().position(|other| other == name) == Some(index);
        if files.len() > 1 && first {
            duplicates.push(Duplicate::SameName {
                name: name.clone(),
                files,
            });
        }
    }
    let learners = kept
        .into_iter()
        .zip(&base)
        .map(|(source, name)| {
            // Two learners of one name (two people's `default.ron`, two Alexes): add the path.
            let shared = base.iter().filter(|other| *other == name).count() > 1;
            let name = if shared {
                format!("{name} ({})", source.path.display())
            } else {
                name.clone()
            };
            Learner {
                name,
                file: Some(source.path),
                progress: source.progress,
            }
        })
        .collect();
    (learners, duplicates)
}

/// The learner's own name, else the file's stem, else the whole path.
fn base_name(source: &Source) -> String {
    if let Some(name) = source.progress.learner_name() {
        return name.to_string();
    }
    source
        .path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .filter(|stem| !stem.is_empty())
        .unwrap_or_else(|| source.path.display().to_string())
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicHeading {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LearnerReport {
    pub name: String,
    pub file: Option<String>,
    /// Items due now (the one definition; `due` holds the rest).
    pub due_now: usize,
    /// Lesson ids of the course finished, in course order.
    pub lessons_finished: Vec<String>,
    /// Lab ids of the course with every step done, in course order.
    pub labs_completed: Vec<String>,
    pub last_active: Option<Timestamp>,
    #[serde(flatten)]
    pub summary: ProgressSummary,
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

pub fn learner_report(
    course: &Course,
    catalogue: &Catalogue,
    learner: &Learner,
    now: Timestamp,
) -> LearnerReport {
    let progress = &learner.progress;
    let summary = ProgressSummary::with_catalogue(course, catalogue, progress, now);
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
        file: learner.file.as_ref().map(|f| f.display().to_string()),
        due_now: summary.due.now,
        lessons_finished: course
            .lessons()
            .filter(|lesson| progress.lessons.contains_key(&lesson.id))
            .map(|lesson| lesson.id.clone())
            .collect(),
        labs_completed,
        last_active: progress.sessions.iter().map(|s| s.last_active).max(),
        summary,
    }
}

/// The items most often missed across `learners`, most misses first (then most learners, then
/// id), at most [`MOST_MISSED`]. Items no longer in the course are listed too: they were missed.
pub fn most_missed(catalogue: &Catalogue, learners: &[Learner]) -> Vec<MissedItem> {
    let mut tally: BTreeMap<(ItemKind, &str), MissedItem> = BTreeMap::new();
    for learner in learners {
        for kind in ItemKind::ALL {
            for (id, item) in learner.progress.items(kind) {
                let misses = item.answers.iter().filter(|a| !a.result.is_right()).count();
                let known = catalogue.get(kind, id);
                let entry = tally
                    .entry((kind, id.as_str()))
                    .or_insert_with(|| MissedItem {
                        kind,
                        id: id.clone(),
                        topic: known.and_then(|e| e.topic.clone()),
                        prompt: known.map(|e| e.label.clone()),
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
    let catalogue = Catalogue::new(course);
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
            .map(|learner| learner_report(course, &catalogue, learner, now))
            .collect(),
        most_missed: most_missed(&catalogue, learners),
    }
}

#[cfg(test)]
#[path = "team_tests.rs"]
mod tests;
