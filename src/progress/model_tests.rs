//! Model tests: outcomes, sessions, resume points, and the saved text.

use super::*;

fn at(text: &str) -> Timestamp {
    Timestamp::parse_rfc3339(text).unwrap()
}

#[test]
fn outcomes_score_and_count_as_right() {
    assert_eq!(Outcome::Score(1.0).score(), 1.0);
    assert_eq!(Outcome::Score(1.7).score(), 1.0, "clamped");
    assert_eq!(Outcome::Score(f64::NAN).score(), 0.0);
    assert!(Outcome::Score(1.0).is_right());
    assert!(!Outcome::Score(0.75).is_right());
    assert!(Outcome::SelfGrade(Grade::Good).is_right());
    assert!(!Outcome::SelfGrade(Grade::Hard).is_right());
    assert_eq!(Outcome::SelfGrade(Grade::Hard).score(), 0.5);
    assert_eq!(Outcome::Score(0.5).grade(), Grade::Hard);
}

#[test]
fn activity_within_a_break_continues_the_session_and_counts_its_time() {
    let mut progress = Progress::default();
    let start = at("2026-01-05T09:00:00Z");
    progress.record_answer(
        ItemKind::Question,
        "q-a",
        Outcome::Score(1.0),
        Mode::Quiz,
        start,
    );
    progress.record_answer(
        ItemKind::Question,
        "q-b",
        Outcome::Score(0.5),
        Mode::Quiz,
        start.plus_minutes(10),
    );
    progress.record_lesson_finished("intro", start.plus_minutes(25));
    assert_eq!(progress.sessions.len(), 1);
    let session = &progress.sessions[0];
    assert_eq!(session.seconds, 25 * 60);
    assert_eq!((session.answered, session.right), (2, 1));
    assert_eq!(session.mean_score(), Some(0.75));

    // An hour later: a new session, and the hour away is not time spent.
    progress.set_step_done("lab-a", "one", true, start.plus_minutes(90));
    assert_eq!(progress.sessions.len(), 2);
    assert_eq!(progress.sessions[1].seconds, 0);
    assert_eq!(progress.sessions[1].mean_score(), None);
}

#[test]
fn a_lesson_keeps_its_first_finish_time_and_steps_can_be_unmarked() {
    let mut progress = Progress::default();
    let first = at("2026-01-05T09:00:00Z");
    progress.record_lesson_finished("intro", first);
    progress.record_lesson_finished("intro", first.plus_minutes(5));
    assert_eq!(progress.lessons["intro"], first);

    progress.set_step_done("lab-a", "one", true, first);
    assert!(progress.is_step_done("lab-a", "one"));
    assert!(progress.lab_steps.contains_key("lab-a/one"));
    progress.set_step_done("lab-a", "one", false, first);
    assert!(!progress.is_step_done("lab-a", "one"));
}

#[test]
fn resume_points_read_back_as_places() {
    let now = at("2026-01-05T09:00:00Z");
    for place in [
        Place::Lesson {
            lesson: "dns",
            section: Some("coredns"),
        },
        Place::Lesson {
            lesson: "dns",
            section: None,
        },
        Place::Lab {
            lab: "lab-debug-dns",
            step: Some("coredns-pods"),
        },
        Place::Quiz { topic: Some("dns") },
        Place::Quiz { topic: None },
        Place::Review,
        Place::Interview {
            level: Some("scenario"),
        },
        Place::Exam,
        Place::Sizing,
    ] {
        assert_eq!(Resume::new(place, now).place(), place);
    }
    let from_a_newer_build = Resume {
        screen: "team-session".into(),
        id: "x".into(),
        detail: None,
        at: now,
    };
    assert_eq!(from_a_newer_build.place(), Place::Unknown);
}

#[test]
fn the_saved_text_is_readable_and_reads_back_the_same() {
    let mut progress = Progress::default();
    let now = at("2026-01-05T09:00:00Z");
    progress.record_answer(
        ItemKind::Question,
        "q-a",
        Outcome::Score(1.0),
        Mode::Quiz,
        now,
    );
    progress.record_answer(
        ItemKind::Interview,
        "iv-a",
        Outcome::SelfGrade(Grade::Hard),
        Mode::Interview,
        now,
    );
    progress.set_resume(
        Place::Lesson {
            lesson: "dns",
            section: Some("coredns"),
        },
        now,
    );
    let text = ron::ser::to_string_pretty(&progress, ron::ser::PrettyConfig::default()).unwrap();
    for expected in [
        "format_version: 2",
        "\"q-a\"",
        "at: \"2026-01-05T09:00:00Z\"",
        "mode: Quiz",
        "result: Score(1.0)",
        "result: SelfGrade(Hard)",
        "screen: \"lesson\"",
    ] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
    let back: Progress = ron::from_str(&text).unwrap();
    assert_eq!(back, progress);
}

#[test]
fn a_minimal_file_loads_with_defaults() {
    let progress: Progress = ron::from_str("Progress(format_version: 2)").unwrap();
    assert_eq!(progress, Progress::default());
}

#[test]
fn the_learners_name_is_kept_checked_and_read_back() {
    let mut progress = Progress::default();
    assert_eq!(progress.learner_name(), None);
    progress.set_name("  Zoë O'Neill ").unwrap();
    assert_eq!(progress.learner_name(), Some("Zoë O'Neill"));
    assert!(progress.set_name("\u{1b}]0;x\u{7}").is_err());
    assert_eq!(
        progress.learner_name(),
        Some("Zoë O'Neill"),
        "a bad name changes nothing"
    );
    let text = crate::progress::file::to_ron(&progress).unwrap();
    assert!(text.contains("name: Some(\"Zoë O"), "{text}");
    let back: Progress = ron::from_str(&text).unwrap();
    assert_eq!(back.learner_name(), Some("Zoë O'Neill"));
    // A hand-edited name that is not usable is ignored rather than shown.
    progress.name = Some("Eve\u{9b}31m".into());
    assert_eq!(progress.learner_name(), None);
}
