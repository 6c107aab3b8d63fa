//! Mastery tests: the formula, due counts, streaks in UTC dates, history, and content changes.

use super::*;
use crate::progress::ProgressSummary;
use crate::progress::catalogue::Catalogue;
use crate::progress::model::{Grade, Mode, Outcome};
use crate::progress::test_course::{self, course_with_predictions, question};

/// The course's mastery through its catalogue and the one definition of due, at `now`.
fn course_mastery(course: &Course, progress: &Progress, now: Timestamp) -> Vec<TopicMastery> {
    let catalogue = Catalogue::new(course);
    let due = due::due(&catalogue, progress, now);
    super::course_mastery(course, &catalogue, progress, &due)
}

fn due_counts(course: &Course, progress: &Progress, now: Timestamp) -> due::DueCounts {
    due::due(&Catalogue::new(course), progress, now).counts()
}

fn at(text: &str) -> Timestamp {
    Timestamp::parse_rfc3339(text).unwrap()
}

fn answer(progress: &mut Progress, kind: ItemKind, id: &str, result: Outcome, now: Timestamp) {
    progress.record_answer(kind, id, result, Mode::Quiz, now);
}

#[test]
fn mastery_is_the_mean_latest_score_with_unanswered_items_at_zero() {
    let course = test_course::course();
    let now = at("2026-01-05T09:00:00Z");
    let mut progress = Progress::default();
    // q-a: wrong, then right → latest 1.0. iv-a: Hard → 0.5. q-b unanswered → 0.
    answer(
        &mut progress,
        ItemKind::Question,
        "q-a",
        Outcome::Score(0.0),
        now,
    );
    answer(
        &mut progress,
        ItemKind::Question,
        "q-a",
        Outcome::Score(1.0),
        now.plus_minutes(5),
    );
    answer(
        &mut progress,
        ItemKind::Interview,
        "iv-a",
        Outcome::SelfGrade(Grade::Hard),
        now,
    );

    let topics = course_mastery(&course, &progress, now.plus_minutes(6));
    let plugins = &topics[0];
    assert_eq!(plugins.topic, "plugins");
    assert_eq!((plugins.items, plugins.items_answered), (3, 2));
    assert_eq!((plugins.answers, plugins.right), (3, 1));
    assert_eq!(plugins.mastery, Some(1.5 / 3.0));
    let dns = &topics[1];
    assert_eq!(dns.mastery, Some(0.0));
    assert_eq!(dns.items_answered, 0);
    // Overall: (1.0 + 0.5 + 0 + 0) / 4 items.
    assert_eq!(overall_mastery(&topics), Some(0.375));
}

#[test]
fn cram_answers_count_for_mastery() {
    let course = test_course::course();
    let now = at("2026-01-05T09:00:00Z");
    let mut progress = Progress::default();
    progress.record_answer(
        ItemKind::Question,
        "q-c",
        Outcome::Score(1.0),
        Mode::Cram,
        now,
    );
    assert_eq!(
        course_mastery(&course, &progress, now)[1].mastery,
        Some(1.0)
    );
    assert_eq!(due_counts(&course, &progress, now).scheduled, 0);
}

#[test]
fn a_topic_with_nothing_to_answer_has_no_mastery() {
    let mut course = test_course::course();
    course.topics[1].questions.clear();
    let topics = course_mastery(&course, &Progress::default(), at("2026-01-05T09:00:00Z"));
    assert_eq!(topics[1].mastery, None);
    assert_eq!(overall_mastery(&topics), Some(0.0));
}

#[test]
fn due_counts_and_the_queue_cover_only_the_course() {
    let course = test_course::course();
    let now = at("2026-01-05T09:00:00Z");
    let mut progress = Progress::default();
    answer(
        &mut progress,
        ItemKind::Question,
        "q-a",
        Outcome::Score(0.0),
        now,
    );
    answer(
        &mut progress,
        ItemKind::Question,
        "q-gone",
        Outcome::Score(0.0),
        now,
    );
    answer(
        &mut progress,
        ItemKind::Question,
        "q-b",
        Outcome::Score(1.0),
        now,
    );

    let later = now.plus_minutes(11);
    let counts = due_counts(&course, &progress, later);
    // q-a (missed: 1 minute) and q-b (right: a 10-minute learning step) are both due by now.
    assert_eq!(counts.now, 2);
    assert_eq!(counts.next_24_hours, 2);
    assert_eq!(
        (counts.scheduled, counts.new),
        (2, 2 + 7),
        "q-c, iv-a and the seven sizing skills are new"
    );
    let queue: Vec<String> = review_queue(&course, &progress, later, 0)
        .into_iter()
        .map(|item| item.id)
        .collect();
    assert_eq!(queue, ["q-a", "q-b"], "q-gone is not in the course");
    assert!(
        progress.questions.contains_key("q-gone"),
        "kept, not counted"
    );
    assert_eq!(course_mastery(&course, &progress, later)[0].due_now, 2);
}

#[test]
fn the_streak_counts_utc_days_ending_today_or_yesterday() {
    let mut progress = Progress::default();
    for time in [
        "2026-03-26T10:00:00Z",
        "2026-03-27T23:30:00Z",
        "2026-03-28T23:59:59Z",
        // 00:30 on the 29th in London summer time is 23:30 UTC on the 28th: days are UTC days.
        "2026-03-29T00:30:00+01:00",
    ] {
        progress.record_lesson_finished(time, at(time));
    }
    let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
    assert_eq!(streak_days(&progress, day("2026-03-28")), 3);
    assert_eq!(
        streak_days(&progress, day("2026-03-29")),
        3,
        "yesterday still counts"
    );
    assert_eq!(streak_days(&progress, day("2026-03-30")), 0);
    assert_eq!(streak_days(&Progress::default(), day("2026-03-30")), 0);
}

#[test]
fn score_history_and_time_spent_come_from_sessions() {
    let mut progress = Progress::default();
    let first = at("2026-01-05T09:00:00Z");
    answer(
        &mut progress,
        ItemKind::Question,
        "q-a",
        Outcome::Score(1.0),
        first,
    );
    answer(
        &mut progress,
        ItemKind::Question,
        "q-b",
        Outcome::Score(0.0),
        first.plus_minutes(20),
    );
    progress.record_lesson_finished("dns", first.plus_minutes(24 * 60));
    let second = first.plus_minutes(2 * 24 * 60);
    answer(
        &mut progress,
        ItemKind::Question,
        "q-c",
        Outcome::Score(1.0),
        second,
    );

    let history = score_history(&progress);
    assert_eq!(history.len(), 2, "the lesson-only session has no score");
    assert_eq!(history[0].score, 0.5);
    assert_eq!(history[1].score, 1.0);
    assert_eq!(history[1].started, second);
    assert_eq!(time_spent_seconds(&progress), 20 * 60);
}

#[test]
fn completion_counts_lessons_steps_and_whole_labs() {
    let course = test_course::course();
    let now = at("2026-01-05T09:00:00Z");
    let mut progress = Progress::default();
    progress.record_lesson_finished("plugins", now);
    progress.record_lesson_finished("a-removed-lesson", now);
    progress.set_step_done("lab-a", "one", true, now);
    let partly = completion(&course, &progress);
    assert_eq!((partly.lessons_finished, partly.lessons), (1, 2));
    assert_eq!((partly.lab_steps_done, partly.lab_steps), (1, 2));
    assert_eq!(partly.labs_completed, 0);
    progress.set_step_done("lab-a", "two", true, now);
    assert_eq!(completion(&course, &progress).labs_completed, 1);
}

/// An author removes a question, the learner keeps practising, the question comes back: its
/// history is still there and counts again.
#[test]
fn history_survives_an_id_removed_from_the_course_and_re_added() {
    let mut course = test_course::course();
    let now = at("2026-01-05T09:00:00Z");
    let mut progress = Progress::default();
    answer(
        &mut progress,
        ItemKind::Question,
        "q-c",
        Outcome::Score(1.0),
        now,
    );

    course.topics[1].questions.clear();
    answer(
        &mut progress,
        ItemKind::Question,
        "q-a",
        Outcome::Score(1.0),
        now.plus_minutes(1),
    );
    assert_eq!(course_mastery(&course, &progress, now)[1].mastery, None);
    let text = ron::ser::to_string_pretty(&progress, ron::ser::PrettyConfig::default()).unwrap();
    let reloaded: Progress = ron::from_str(&text).unwrap();
    assert_eq!(
        reloaded.questions["q-c"].answers.len(),
        1,
        "kept while absent"
    );

    course.topics[1].questions.push(question("q-c"));
    assert_eq!(
        course_mastery(&course, &reloaded, now)[1].mastery,
        Some(1.0)
    );
}

#[test]
fn the_summary_adds_up() {
    let course = test_course::course();
    let now = at("2026-01-05T09:00:00Z");
    let mut progress = Progress::default();
    answer(
        &mut progress,
        ItemKind::Question,
        "q-a",
        Outcome::Score(1.0),
        now,
    );
    answer(
        &mut progress,
        ItemKind::Question,
        "q-c",
        Outcome::Score(0.0),
        now,
    );
    let summary = ProgressSummary::new(&course, &progress, now.plus_minutes(1));
    assert_eq!((summary.answers, summary.right), (2, 1));
    assert_eq!(summary.mastery, Some(0.25));
    assert_eq!(summary.streak_days, 1);
    assert_eq!(summary.due.now, 1, "the missed q-c is back after a minute");
    assert_eq!(summary.last_session.as_ref().map(|s| s.answered), Some(2));
    let json = serde_json::to_value(&summary).unwrap();
    assert_eq!(json["topics"][0]["topic"], "plugins");
    assert_eq!(json["last_session"]["started"], "2026-01-05T09:00:00Z");
}

#[test]
fn predictions_count_for_mastery_and_are_due_like_any_item() {
    let course = course_with_predictions();
    let now = at("2026-01-05T09:00:00Z");
    let mut progress = Progress::default();
    answer(
        &mut progress,
        ItemKind::Question,
        "netpol-s-one",
        Outcome::Score(1.0),
        now,
    );
    let later = now.plus_minutes(60 * 24 * 365);
    let dns = course_mastery(&course, &progress, later).remove(1);
    assert_eq!(dns.items, 3, "q-c and two predictions");
    assert_eq!(dns.items_answered, 1);
    assert_eq!(dns.mastery, Some(1.0 / 3.0));
    assert_eq!(dns.due_now, 1, "review asks it again in its scenario");
    assert_eq!(due_counts(&course, &progress, later).now, 1);
    assert_eq!(review_queue(&course, &progress, later, 0).len(), 1);
}
