//! The review queue with a fixed clock: order, a miss returning in the same sitting, a right
//! answer leaving until it is due.

use super::*;
use crate::progress::catalogue::Catalogue;
use crate::progress::due::due;
use crate::progress::model::{ItemKind, Mode, Progress};
use crate::progress::test_course;
use crate::progress::time::Timestamp;

fn at(text: &str) -> Timestamp {
    Timestamp::parse_rfc3339(text).unwrap()
}

fn refs(ids: &[&str]) -> Vec<ItemRef> {
    ids.iter()
        .map(|id| ItemRef::new(ItemKind::Question, id))
        .collect()
}

fn asked(queue: &mut ReviewQueue, results: &[Outcome]) -> Vec<String> {
    let mut seen = Vec::new();
    let mut results = results.iter().copied();
    while let Some(item) = queue.current().cloned() {
        seen.push(item.id);
        queue.answered(results.next().unwrap_or(Outcome::Score(1.0)));
    }
    seen
}

#[test]
fn a_miss_returns_a_few_items_later_and_a_right_answer_leaves() {
    let mut queue = ReviewQueue::from_parts(refs(&["a", "b", "c", "d", "e", "f"]), 0);
    let seen = asked(&mut queue, &[Outcome::Score(0.0)]);
    assert_eq!(seen, ["a", "b", "c", "d", "a", "e", "f"]);
    assert!(queue.is_finished());
}

#[test]
fn near_the_end_a_miss_returns_last() {
    let mut queue = ReviewQueue::from_parts(refs(&["a", "b"]), 0);
    let seen = asked(&mut queue, &[Outcome::Score(1.0), Outcome::Score(0.5)]);
    assert_eq!(seen, ["a", "b", "b"], "partial credit is a miss");
}

#[test]
fn again_returns_but_hard_does_not() {
    assert!(needs_another_look(Outcome::SelfGrade(Grade::Again)));
    assert!(!needs_another_look(Outcome::SelfGrade(Grade::Hard)));
    assert!(!needs_another_look(Outcome::Score(1.0)));
    let mut queue = ReviewQueue::from_parts(refs(&["a"]), 0);
    assert!(queue.answered(Outcome::SelfGrade(Grade::Again)));
    assert_eq!(queue.remaining(), 1);
}

#[test]
fn a_queue_always_ends_however_often_an_item_is_missed() {
    let mut queue = ReviewQueue::from_parts(refs(&["a"]), 0);
    let seen = asked(&mut queue, &[Outcome::Score(0.0); 20]);
    assert_eq!(seen.len(), 1 + MAX_RETURNS);
}

#[test]
fn the_queue_is_what_is_due_and_a_right_answer_is_not_due_again_that_day() {
    let course = test_course::course();
    let catalogue = Catalogue::new(&course);
    let start = at("2026-01-05T09:00:00Z");
    let mut progress = Progress::default();
    for id in ["q-a", "q-b", "q-c"] {
        progress.record_answer(
            ItemKind::Question,
            id,
            Outcome::Score(0.0),
            Mode::Quiz,
            start,
        );
    }
    let now = start.plus_minutes(60);
    let mut queue = ReviewQueue::new(&due(&catalogue, &progress, now));
    assert_eq!(queue.items(), refs(&["q-a", "q-b", "q-c"]));
    while let Some(item) = queue.current().cloned() {
        let result = Outcome::Score(1.0);
        progress.record_answer(item.kind, &item.id, result, Mode::Review, now);
        queue.answered(result);
    }
    let after = due(&catalogue, &progress, now.plus_minutes(1));
    assert!(after.now.is_empty(), "{:?}", after.now);
}
