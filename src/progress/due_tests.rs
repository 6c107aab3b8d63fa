//! The one definition of due: every kind, the instant, the 24-hour window, items not in the course.

use super::*;
use crate::content::Course;
use crate::progress::model::{Grade, Mode, Outcome};
use crate::progress::schedule::Schedule;
use crate::progress::skills::SizingSkill;
use crate::progress::test_course;

const DAY: i64 = 24 * 60 * 60;

fn at(text: &str) -> Timestamp {
    Timestamp::parse_rfc3339(text).unwrap()
}

fn set_due(progress: &mut Progress, kind: ItemKind, id: &str, due: Timestamp) {
    let mut schedule = Schedule::new(due);
    schedule.due = due;
    let items = match kind {
        ItemKind::Question => &mut progress.questions,
        ItemKind::Interview => &mut progress.interview,
        ItemKind::SizingSkill => &mut progress.sizing,
        ItemKind::DebugLab => &mut progress.debug_schedule,
    };
    items.entry(id.to_string()).or_default().schedule = Some(schedule);
}

fn course() -> Course {
    crate::progress::test_course::course_with_predictions()
}

#[test]
fn a_missed_new_item_is_due_again_within_minutes_and_in_the_window_meanwhile() {
    let catalogue = Catalogue::new(&course());
    let now = at("2026-01-05T09:00:00Z");
    let mut progress = Progress::default();
    let next = progress
        .record_answer(
            ItemKind::Question,
            "q-a",
            Outcome::Score(0.0),
            Mode::Quiz,
            now,
        )
        .unwrap();
    assert!(next > now && next.seconds_since(now) <= 5 * 60, "{next}");

    let due_now = due(&catalogue, &progress, now);
    assert!(due_now.now.is_empty(), "not due this very second");
    assert_eq!(due_now.later.len(), 1, "but within the review window");
    assert_eq!(due_now.counts().next_24_hours, 1);
    assert_eq!(
        due(&catalogue, &progress, now.plus_minutes(10)).now[0].id,
        "q-a"
    );
}

#[test]
fn every_kind_of_item_is_due_most_overdue_first() {
    let catalogue = Catalogue::new(&course());
    let now = at("2026-02-01T00:00:00Z");
    let ago = |days: i64| Timestamp::from_unix_seconds(now.unix_seconds() - days * DAY).unwrap();
    let mut progress = Progress::default();
    set_due(&mut progress, ItemKind::Question, "q-b", ago(1));
    set_due(&mut progress, ItemKind::Question, "netpol-s-one", ago(5));
    set_due(&mut progress, ItemKind::Interview, "iv-a", ago(3));
    set_due(
        &mut progress,
        ItemKind::SizingSkill,
        SizingSkill::RequiredIps.id(),
        ago(2),
    );
    set_due(&mut progress, ItemKind::Question, "q-c", ago(-2));
    set_due(&mut progress, ItemKind::Question, "q-gone", ago(9));

    let result = due(&catalogue, &progress, now);
    let ids: Vec<(&str, ItemClass)> = result
        .now
        .iter()
        .map(|i| (i.id.as_str(), i.class))
        .collect();
    assert_eq!(
        ids,
        [
            ("netpol-s-one", ItemClass::Prediction),
            ("iv-a", ItemClass::Interview),
            ("sizing-required-ips", ItemClass::SizingSkill),
            ("q-b", ItemClass::Question),
        ],
        "q-gone is not in the course; q-c is not due yet"
    );
    assert_eq!(result.now[0].scenario.as_deref(), Some("netpol-s"));
    assert!(result.later.is_empty(), "q-c is two days away");
    let counts = result.counts();
    assert_eq!(
        (counts.now, counts.next_24_hours, counts.scheduled),
        (4, 4, 5)
    );
    assert_eq!(counts.new, catalogue.entries().len() - 5);
    assert_eq!(result.now_in_topic("dns"), 1);
}

#[test]
fn the_window_is_24_hours_exactly() {
    let catalogue = Catalogue::new(&course());
    let now = at("2026-02-01T00:00:00Z");
    let mut progress = Progress::default();
    set_due(
        &mut progress,
        ItemKind::Question,
        "q-a",
        now.plus_minutes(24 * 60),
    );
    set_due(
        &mut progress,
        ItemKind::Question,
        "q-b",
        now.plus_minutes(24 * 60 + 1),
    );
    set_due(&mut progress, ItemKind::Question, "q-c", now);
    let result = due(&catalogue, &progress, now);
    assert_eq!(result.now_refs(), [ItemRef::new(ItemKind::Question, "q-c")]);
    assert_eq!(result.later.len(), 1);
    assert_eq!(result.later[0].id, "q-a");
}

#[test]
fn cram_answers_leave_an_item_new() {
    let catalogue = Catalogue::new(&course());
    let now = at("2026-02-01T00:00:00Z");
    let mut progress = Progress::default();
    progress.record_answer(
        ItemKind::Question,
        "q-a",
        Outcome::Score(0.0),
        Mode::Cram,
        now,
    );
    progress.record_answer(
        ItemKind::Interview,
        "iv-a",
        Outcome::SelfGrade(Grade::Again),
        Mode::Interview,
        now,
    );
    let later = due(&catalogue, &progress, now.plus_minutes(60));
    assert_eq!(
        later.now_refs(),
        [ItemRef::new(ItemKind::Interview, "iv-a")]
    );
    assert_eq!(later.scheduled, 1);
}

#[test]
fn table_questions_are_in_the_catalogue_and_due_like_the_others() {
    let course = crate::progress::test_course::course_with_table();
    let catalogue = Catalogue::new(&course);
    let table: Vec<&str> = catalogue
        .entries()
        .iter()
        .filter(|e| e.class == ItemClass::TableQuestion)
        .map(|e| e.id.as_str())
        .collect();
    assert!(!table.is_empty(), "the lesson's table makes questions");
    let now = at("2026-02-01T00:00:00Z");
    let mut progress = Progress::default();
    progress.record_answer(
        ItemKind::Question,
        table[0],
        Outcome::Score(0.0),
        Mode::Quiz,
        now,
    );
    let result = due(&catalogue, &progress, now.plus_minutes(30));
    assert_eq!(result.now[0].class, ItemClass::TableQuestion);
    assert_eq!(result.now[0].topic.as_deref(), Some("plugins"));
    let _ = test_course::course();
}

/// The due times count what `due` calls due now, at any instant; items not in the course and
/// items never scheduled have none.
#[test]
fn due_times_count_what_is_due_at_any_instant() {
    let course = course();
    let catalogue = Catalogue::new(&course);
    let now = at("2026-03-01T12:00:00Z");
    let mut progress = Progress::default();
    let kinds_and_ids: Vec<(ItemKind, String)> = catalogue
        .entries()
        .iter()
        .map(|entry| (entry.kind(), entry.id.clone()))
        .collect();
    for (n, (kind, id)) in kinds_and_ids.iter().enumerate().skip(1) {
        set_due(
            &mut progress,
            *kind,
            id,
            now.plus_minutes(n as i64 * 90 - 600),
        );
    }
    set_due(
        &mut progress,
        ItemKind::Question,
        "gone-from-the-course",
        now,
    );
    let times = due_times(&catalogue, &progress);
    assert_eq!(times.len(), kinds_and_ids.len() - 1);
    assert!(times.is_sorted());
    for minutes in [-2000, -600, -1, 0, 1, 89, 90, 600, 5000, 100_000] {
        let instant = now.plus_minutes(minutes);
        let counted = times.iter().filter(|time| **time <= instant).count();
        assert_eq!(
            counted,
            due(&catalogue, &progress, instant).now.len(),
            "{minutes}"
        );
    }
}
