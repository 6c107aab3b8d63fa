//! Review: what is due now (the progress engine's one definition), asked where each kind is
//! asked: questions in a quiz, interview items in a rehearsal, policy predictions in their
//! scenario, sizing skills as a fresh exercise of the skill. With more than one kind due, a picker
//! says how many of each.

use std::time::Instant;

use super::interview::{InterviewScreen, rehearsals};
use super::netpol_lab::NetpolLabScreen;
use super::picker::{Choice, PickerScreen};
use super::quiz::QuizScreen;
use super::sizing::SizingScreen;
use super::{Screen, Start, fresh_seed};
use crate::content::Course;
use crate::progress::{Due, DueItem, ItemClass, Mode, Progress, SizingSkill};
use crate::quiz::{QuizSession, questions_by_id};

/// The kinds of review, each asked on its own screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewKind {
    Questions,
    Interview,
    Predictions,
    Sizing,
    Debug,
}

impl ReviewKind {
    const ALL: [ReviewKind; 5] = [
        ReviewKind::Questions,
        ReviewKind::Interview,
        ReviewKind::Predictions,
        ReviewKind::Sizing,
        ReviewKind::Debug,
    ];

    fn of(class: ItemClass) -> Self {
        match class {
            ItemClass::Question | ItemClass::TableQuestion => ReviewKind::Questions,
            ItemClass::Interview => ReviewKind::Interview,
            ItemClass::Prediction => ReviewKind::Predictions,
            ItemClass::SizingSkill => ReviewKind::Sizing,
            ItemClass::DebugLab => ReviewKind::Debug,
        }
    }

    fn name(self, count: usize) -> String {
        let noun = match self {
            ReviewKind::Questions => "quiz question",
            ReviewKind::Interview => "interview item",
            ReviewKind::Predictions => "policy prediction",
            ReviewKind::Sizing => "sizing skill",
            ReviewKind::Debug => "debugging lab",
        };
        format!("{count} {noun}{} due", if count == 1 { "" } else { "s" })
    }

    fn description(self) -> &'static str {
        match self {
            ReviewKind::Questions => "asked in a quiz; a miss comes back later in the same review",
            ReviewKind::Interview => "rehearsed in your own words; \"again\" brings one back",
            ReviewKind::Predictions => "predicted again in their scenario",
            ReviewKind::Sizing => "a fresh exercise of each skill",
            ReviewKind::Debug => "played again, with a cause you have not solved yet",
        }
    }
}

const NOTHING_DUE: &str =
    "Nothing is due for review: answer some questions in a quiz first, or come back later.";

/// The screen that reviews `kind` (every kind due when `None`: one kind starts at once, several
/// are offered in a picker).
pub fn review_screen(
    kind: Option<ReviewKind>,
    course: &Course,
    progress: &Progress,
    due: &Due,
) -> Result<Screen, String> {
    let due_of = |kind: ReviewKind| -> Vec<&DueItem> {
        due.now
            .iter()
            .filter(|item| ReviewKind::of(item.class) == kind)
            .collect()
    };
    let kind = match kind {
        Some(kind) => kind,
        None => {
            let kinds: Vec<(ReviewKind, usize)> = ReviewKind::ALL
                .into_iter()
                .map(|kind| (kind, due_of(kind).len()))
                .filter(|(_, count)| *count > 0)
                .collect();
            match kinds.as_slice() {
                [] => return Err(NOTHING_DUE.into()),
                [(kind, _)] => *kind,
                _ => {
                    let choices = kinds
                        .iter()
                        .map(|&(kind, count)| Choice {
                            name: kind.name(count),
                            description: kind.description().to_string(),
                            start: Start::ReviewOf(kind),
                        })
                        .collect();
                    let picker = PickerScreen::new("Review", "What is due now:", choices);
                    return Ok(Screen::Picker(Box::new(picker)));
                }
            }
        }
    };
    let items = due_of(kind);
    if items.is_empty() {
        return Err(NOTHING_DUE.into());
    }
    match kind {
        ReviewKind::Questions => {
            let ids: Vec<&str> = items.iter().map(|item| item.id.as_str()).collect();
            let questions = questions_by_id(course, &ids, fresh_seed());
            if questions.is_empty() {
                return Err(NOTHING_DUE.into());
            }
            let mut quiz = QuizScreen::new(QuizSession::from_questions(fresh_seed(), questions));
            quiz.mode = Mode::Review;
            Ok(Screen::Quiz(Box::new(quiz)))
        }
        ReviewKind::Interview => {
            let rehearsals: Vec<_> = rehearsals(course, None)
                .into_iter()
                .filter(|r| items.iter().any(|item| item.id == r.item.id))
                .collect();
            Ok(Screen::Interview(Box::new(InterviewScreen::new(
                rehearsals,
                None,
                Instant::now(),
            ))))
        }
        ReviewKind::Predictions => {
            // One scenario at a time: the most overdue prediction's.
            let scenario = items
                .iter()
                .find_map(|item| item.scenario.as_deref())
                .ok_or(NOTHING_DUE)?;
            let (topic, index) = course
                .topics
                .iter()
                .enumerate()
                .find_map(|(t, topic)| {
                    topic
                        .netpol
                        .iter()
                        .position(|s| s.id == scenario)
                        .map(|i| (t, i))
                })
                .ok_or(NOTHING_DUE)?;
            NetpolLabScreen::open(course, topic, index).map(|lab| Screen::NetpolLab(Box::new(lab)))
        }
        ReviewKind::Debug => {
            // The most overdue scenario, drawn with a cause not solved yet.
            let scenario = items.first().map(|item| item.id.as_str());
            super::debug_lab::start(course, progress, scenario, None)
        }
        ReviewKind::Sizing => {
            let skill = items
                .iter()
                .find_map(|item| SizingSkill::from_id(&item.id))
                .ok_or(NOTHING_DUE)?;
            let exercise = skill.fresh_exercise(fresh_seed());
            Ok(Screen::Sizing(Box::new(SizingScreen::with_exercise(
                exercise,
            ))))
        }
    }
}
