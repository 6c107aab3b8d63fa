//! Scheduler tests: growth on success, reset on failure, same-session returns, cram, UTC.

use proptest::prelude::*;

use super::*;
use crate::progress::model::{ItemKind, Mode, Outcome, Progress};

const DAY: i64 = 24 * 60 * 60;

fn at(text: &str) -> Timestamp {
    Timestamp::parse_rfc3339(text).unwrap()
}

/// Reviews at each due date with the same grade, returning the schedules.
fn reviews_at_due(start: Timestamp, grades: &[Grade]) -> Vec<Schedule> {
    let mut state = Schedule::new(start);
    let mut now = start;
    let mut seen = Vec::new();
    for &grade in grades {
        state = review(&state, grade, now);
        now = state.due;
        seen.push(state.clone());
    }
    seen
}

#[test]
fn intervals_grow_while_answers_are_right() {
    let seen = reviews_at_due(at("2026-01-05T09:00:00Z"), &[Grade::Good; 6]);
    // The first Good is a learning step (minutes); from then on, days that keep growing.
    assert_eq!(seen[0].phase, Phase::Learning);
    assert_eq!(seen[0].interval_days, 0);
    let intervals: Vec<i64> = seen[1..].iter().map(|s| s.interval_days).collect();
    assert!(intervals[0] >= 1, "{intervals:?}");
    assert!(
        intervals.windows(2).all(|pair| pair[1] > pair[0]),
        "intervals do not grow: {intervals:?}"
    );
    assert!(seen[1..].iter().all(|s| s.phase == Phase::Review));
}

#[test]
fn a_failure_resets_to_a_short_step_and_a_shorter_interval() {
    let learnt = reviews_at_due(at("2026-01-05T09:00:00Z"), &[Grade::Good; 5]);
    let before = learnt.last().unwrap().clone();
    assert!(before.interval_days >= 10, "{before:?}");

    let now = before.due;
    let failed = review(&before, Grade::Again, now);
    assert_eq!(failed.phase, Phase::Relearning);
    assert_eq!(failed.lapses, before.lapses + 1);
    assert_eq!(failed.interval_days, 0);
    // Back within minutes: the same session sees it again.
    assert!(failed.due.seconds_since(now) <= 10 * 60, "{failed:?}");
    assert!(failed.stability < before.stability);

    let relearnt = review(&failed, Grade::Good, failed.due);
    assert!(
        relearnt.interval_days < before.interval_days,
        "after a lapse {} days, before it {} days",
        relearnt.interval_days,
        before.interval_days
    );
}

#[test]
fn cram_records_history_and_leaves_the_schedule_alone() {
    let now = at("2026-01-05T09:00:00Z");
    let mut progress = Progress::default();
    assert_eq!(
        progress.record_answer(
            ItemKind::Question,
            "q-new",
            Outcome::Score(1.0),
            Mode::Cram,
            now
        ),
        None
    );
    assert_eq!(progress.questions["q-new"].schedule, None);

    progress.record_answer(
        ItemKind::Question,
        "q-a",
        Outcome::Score(1.0),
        Mode::Quiz,
        now,
    );
    let scheduled = progress.questions["q-a"].schedule.clone();
    let later = now.plus_minutes(3);
    progress.record_answer(
        ItemKind::Question,
        "q-a",
        Outcome::Score(0.0),
        Mode::Cram,
        later,
    );
    assert_eq!(progress.questions["q-a"].schedule, scheduled);
    assert_eq!(progress.questions["q-a"].answers.len(), 2);
    assert_eq!(progress.questions["q-a"].answers[1].mode, Mode::Cram);
}

#[test]
fn interview_self_grades_feed_the_same_scheduler() {
    let now = at("2026-01-05T09:00:00Z");
    let mut progress = Progress::default();
    let easy = progress
        .record_answer(
            ItemKind::Interview,
            "iv-a",
            Outcome::SelfGrade(Grade::Easy),
            Mode::Interview,
            now,
        )
        .unwrap();
    let again = progress
        .record_answer(
            ItemKind::Interview,
            "iv-b",
            Outcome::SelfGrade(Grade::Again),
            Mode::Interview,
            now,
        )
        .unwrap();
    assert!(
        easy.seconds_since(now) >= DAY,
        "Easy on a new item skips the learning steps"
    );
    assert!(again.seconds_since(now) < 60 * 60);
}

/// Clocks in London go forward at 01:00 UTC on 29 March 2026 (GMT → BST). An interval computed
/// across that change is exactly as many 24-hour days as one that is not: the scheduler works on
/// UTC instants, and local time never enters.
#[test]
fn intervals_are_whole_utc_days_across_a_daylight_saving_change() {
    let learnt = reviews_at_due(at("2026-03-01T12:00:00Z"), &[Grade::Good; 3]);
    let state = learnt.last().unwrap().clone();

    // Reviewed on the evening of 28 March (GMT); the next due date falls after the change to BST.
    // The other review is two weeks earlier, with no change in its interval.
    let across_dst = at("2026-03-28T18:00:00+00:00");
    let without_dst = at("2026-03-14T18:00:00Z");
    let moved_state = Schedule {
        last_review: Timestamp::from_unix_seconds(
            state.last_review.unix_seconds() + across_dst.seconds_since(state.due),
        )
        .unwrap(),
        due: across_dst,
        ..state.clone()
    };
    let still_state = Schedule {
        last_review: Timestamp::from_unix_seconds(
            state.last_review.unix_seconds() + without_dst.seconds_since(state.due),
        )
        .unwrap(),
        due: without_dst,
        ..state.clone()
    };

    let after_dst = review(&moved_state, Grade::Good, across_dst);
    let no_dst = review(&still_state, Grade::Good, without_dst);
    assert_eq!(after_dst.interval_days, no_dst.interval_days);
    assert_eq!(
        after_dst.due.seconds_since(across_dst),
        after_dst.interval_days * DAY,
        "the due date is a whole number of 24-hour UTC days later"
    );
    assert_eq!(
        no_dst.due.seconds_since(without_dst),
        no_dst.interval_days * DAY
    );
    // Saved and read back, the due time is the same instant, written in UTC.
    assert!(after_dst.due.to_rfc3339().ends_with('Z'));

    // The same instant written with London's summer offset is the same review.
    let local = at("2026-03-29T19:00:00+01:00");
    let utc = at("2026-03-29T18:00:00Z");
    assert_eq!(local, utc);
    assert_eq!(
        review(&moved_state, Grade::Good, local),
        review(&moved_state, Grade::Good, utc)
    );
}

#[test]
fn scores_map_to_grades() {
    assert_eq!(grade_for_score(1.0), Grade::Good);
    assert_eq!(grade_for_score(0.5), Grade::Hard);
    assert_eq!(grade_for_score(0.01), Grade::Hard);
    assert_eq!(grade_for_score(0.0), Grade::Again);
    assert_eq!(grade_for_score(f64::NAN), Grade::Again);
    assert_eq!(grade_for_score(-3.0), Grade::Again);
    assert_eq!(grade_for_score(2.0 / 3.0 * 1.5), Grade::Good);
}

#[test]
fn a_hand_edited_nonsense_state_starts_over_as_new() {
    let now = at("2026-02-01T00:00:00Z");
    let mut state = Schedule::new(now);
    state.phase = Phase::Review;
    state.stability = f64::NAN;
    state.difficulty = -4.0;
    let next = review(&state, Grade::Good, now);
    assert_eq!(next.phase, Phase::Learning, "treated as a new item");
    assert!(next.stability.is_finite() && next.stability > 0.0);
}

proptest! {
    #[test]
    fn any_saved_state_and_grade_gives_a_finite_later_due(
        stability in proptest::num::f64::ANY,
        difficulty in proptest::num::f64::ANY,
        reps in any::<u32>(),
        lapses in any::<u32>(),
        interval in any::<i64>(),
        phase in prop_oneof![Just(Phase::New), Just(Phase::Learning), Just(Phase::Review), Just(Phase::Relearning)],
        grade in prop_oneof![Just(Grade::Again), Just(Grade::Hard), Just(Grade::Good), Just(Grade::Easy)],
        last_review_days_ago in 0i64..100_000,
    ) {
        let now = at("2026-02-01T00:00:00Z");
        let state = Schedule {
            due: now,
            last_review: Timestamp::from_unix_seconds(now.unix_seconds() - last_review_days_ago * DAY).unwrap(),
            phase,
            stability,
            difficulty,
            reps,
            lapses,
            interval_days: interval,
        };
        let next = review(&state, grade, now);
        prop_assert!(next.due >= now);
        prop_assert!(next.interval_days >= 0);
    }
}
