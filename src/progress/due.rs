//! The one definition of "due", used by home's count, the Review queue, Stats, `aks-tutor
//! progress` and `aks-tutor report`, so that they can never disagree:
//!
//! - an item is **due now** at an instant when it is in the course ([`Catalogue`]), has a schedule
//!   (it was answered outside cram mode at least once) and its schedule's due time is at or before
//!   that instant;
//! - it is **due within 24 hours** (the review window) when that due time is at most
//!   [`REVIEW_WINDOW_HOURS`] after the instant; "within 24 hours" includes what is due now.
//!
//! Every kind counts: authored and table questions, network policy predictions, interview items and
//! sizing skills. An item missed in a sitting comes back in that sitting through the review queue
//! ([`super::review::ReviewQueue`]), not through a wider window here.

use serde::Serialize;

use super::catalogue::{Catalogue, ItemClass};
use super::model::{ItemKind, ItemRef, Progress};
use super::time::Timestamp;

/// The review window: "due within 24 hours".
pub const REVIEW_WINDOW_HOURS: i64 = 24;

/// One item of the course that is due, with what Review needs to ask it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueItem {
    pub kind: ItemKind,
    pub class: ItemClass,
    pub id: String,
    pub topic: Option<String>,
    /// A prediction's scenario.
    pub scenario: Option<String>,
    pub due: Timestamp,
}

impl DueItem {
    pub fn item_ref(&self) -> ItemRef {
        ItemRef::new(self.kind, &self.id)
    }
}

/// What is due at one instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Due {
    pub at: Timestamp,
    /// Due at `at` or before, most overdue first: what Review asks.
    pub now: Vec<DueItem>,
    /// Due after `at` and within the review window, soonest first.
    pub later: Vec<DueItem>,
    /// Items of the course with a schedule, and items never scheduled.
    pub scheduled: usize,
    pub new: usize,
}

/// The one function: every item of the course due at `at`, and within the window after it.
pub fn due(catalogue: &Catalogue, progress: &Progress, at: Timestamp) -> Due {
    let horizon = at.plus_minutes(REVIEW_WINDOW_HOURS * 60);
    let mut result = Due {
        at,
        now: Vec::new(),
        later: Vec::new(),
        scheduled: 0,
        new: 0,
    };
    for entry in catalogue.entries() {
        let schedule = progress
            .item(entry.kind(), &entry.id)
            .and_then(|item| item.schedule.as_ref());
        let Some(schedule) = schedule else {
            result.new += 1;
            continue;
        };
        result.scheduled += 1;
        if schedule.due > horizon {
            continue;
        }
        let item = DueItem {
            kind: entry.kind(),
            class: entry.class,
            id: entry.id.clone(),
            topic: entry.topic.clone(),
            scenario: entry.scenario.clone(),
            due: schedule.due,
        };
        if schedule.due <= at {
            result.now.push(item);
        } else {
            result.later.push(item);
        }
    }
    let order = |a: &DueItem, b: &DueItem| (a.due, a.class, &a.id).cmp(&(b.due, b.class, &b.id));
    result.now.sort_by(order);
    result.later.sort_by(order);
    result
}

/// When each scheduled item of the course falls due, soonest first. What is due now at any
/// instant is those at or before it, by the same rule as [`due`]: home kept for the next start
/// (`app::HomeCache`) counts Review's items then without the course.
pub fn due_times(catalogue: &Catalogue, progress: &Progress) -> Vec<Timestamp> {
    let mut times: Vec<Timestamp> = catalogue
        .entries()
        .iter()
        .filter_map(|entry| {
            let item = progress.item(entry.kind(), &entry.id)?;
            item.schedule.as_ref().map(|schedule| schedule.due)
        })
        .collect();
    times.sort();
    times
}

/// Due counts, as home, Stats and the commands show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueCounts {
    /// Due now: the "Review — N due" entry.
    pub now: usize,
    /// Due now or within the next 24 hours.
    pub next_24_hours: usize,
    /// Items with a schedule (answered outside cram at least once).
    pub scheduled: usize,
    /// Items never scheduled.
    pub new: usize,
    /// The same two counts per class of item, every class listed.
    pub by_class: Vec<ClassDue>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ClassDue {
    pub class: ItemClass,
    pub now: usize,
    pub next_24_hours: usize,
}

impl Due {
    pub fn counts(&self) -> DueCounts {
        let by_class = ItemClass::ALL
            .into_iter()
            .map(|class| {
                let now = self.now.iter().filter(|i| i.class == class).count();
                ClassDue {
                    class,
                    now,
                    next_24_hours: now + self.later.iter().filter(|i| i.class == class).count(),
                }
            })
            .collect();
        DueCounts {
            now: self.now.len(),
            next_24_hours: self.now.len() + self.later.len(),
            scheduled: self.scheduled,
            new: self.new,
            by_class,
        }
    }

    /// Items of `topic` due now.
    pub fn now_in_topic(&self, topic: &str) -> usize {
        self.now
            .iter()
            .filter(|item| item.topic.as_deref() == Some(topic))
            .count()
    }

    /// The ids due now, in queue order (what a test compares across screens and commands).
    pub fn now_refs(&self) -> Vec<ItemRef> {
        self.now.iter().map(DueItem::item_ref).collect()
    }
}

#[cfg(test)]
#[path = "due_tests.rs"]
mod tests;
