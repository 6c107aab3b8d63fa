//! The review queue: which items a review asks, in which order, and what comes back.
//!
//! It starts from the items due now ([`super::due::due`]), most overdue first, every kind mixed
//! (the screen asks each where it belongs: a question in the quiz screen, an interview item in the
//! rehearsal screen, a prediction in its scenario, a sizing skill as a fresh exercise). An item
//! answered wrong, or graded "again", is put back [`RETURN_AFTER`] items later, so it returns in the
//! same sitting after a few others; an item answered right leaves the queue and is not asked again
//! before it is due. The queue is plain data (items and a position), so an interrupted review is
//! kept in progress as a sitting and resumed as it was.

use super::due::Due;
use super::model::{Grade, ItemRef, Outcome};

/// A missed item comes back after this many others (or at the end when fewer are left).
pub const RETURN_AFTER: usize = 3;

/// An item comes back at most this many times in one sitting, so that a queue always ends.
pub const MAX_RETURNS: usize = 3;

/// Whether an answer sends the item back into the sitting: a checked answer without full marks,
/// or a self-grade of "again" (Hard is a recall, if laboured: the scheduler brings it back soon).
pub fn needs_another_look(result: Outcome) -> bool {
    match result {
        Outcome::SelfGrade(grade) => grade == Grade::Again,
        Outcome::Score(_) => !result.is_right(),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReviewQueue {
    items: Vec<ItemRef>,
    position: usize,
}

impl ReviewQueue {
    /// The items due now, in the order [`super::due::due`] gives them.
    pub fn new(due: &Due) -> Self {
        Self::from_parts(due.now_refs(), 0)
    }

    /// A queue resumed from a sitting: `items` as asked and to ask, `position` the next one.
    pub fn from_parts(items: Vec<ItemRef>, position: usize) -> Self {
        let position = position.min(items.len());
        Self { items, position }
    }

    /// The item to ask now; `None` when the review is over.
    pub fn current(&self) -> Option<&ItemRef> {
        self.items.get(self.position)
    }

    /// Moves past the current item, putting it back a few items later when it needs another
    /// look. Returns whether it was put back.
    pub fn answered(&mut self, result: Outcome) -> bool {
        let Some(item) = self.current().cloned() else {
            return false;
        };
        self.position += 1;
        let seen = self.items[..self.position]
            .iter()
            .filter(|asked| **asked == item)
            .count();
        let again = needs_another_look(result) && seen <= MAX_RETURNS;
        if again {
            let at = (self.position + RETURN_AFTER).min(self.items.len());
            self.items.insert(at, item);
        }
        again
    }

    /// Moves past the current item without an answer (skipped).
    pub fn skip(&mut self) {
        self.position = (self.position + 1).min(self.items.len());
    }

    pub fn is_finished(&self) -> bool {
        self.position >= self.items.len()
    }

    pub fn remaining(&self) -> usize {
        self.items.len() - self.position
    }

    /// Every item, asked and to ask, in order.
    pub fn items(&self) -> &[ItemRef] {
        &self.items
    }

    pub fn position(&self) -> usize {
        self.position
    }

    pub fn into_parts(self) -> (Vec<ItemRef>, usize) {
        (self.items, self.position)
    }
}

#[cfg(test)]
#[path = "review_tests.rs"]
mod tests;
