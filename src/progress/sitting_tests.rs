//! Sittings kept in progress: resumed after a kill with every answer, exams handed in, reviews
//! re-asking a miss.

use super::*;
use crate::progress::file::{Parsed, parse, to_ron};
use crate::progress::model::{Grade, ItemKind};
use crate::progress::test_course;

fn at(text: &str) -> Timestamp {
    Timestamp::parse_rfc3339(text).unwrap()
}

fn start() -> Timestamp {
    at("2026-01-05T09:00:00Z")
}

fn questions(ids: &[&str]) -> Vec<ItemRef> {
    ids.iter()
        .map(|id| ItemRef::new(ItemKind::Question, id))
        .collect()
}

fn exam_of(progress: &mut Progress, count: usize) {
    let ids: Vec<String> = (0..count)
        .map(|i| ["q-a", "q-b", "q-c"][i % 3].to_string())
        .collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    progress.start_sitting(
        NewSitting {
            mode: Mode::Exam,
            items: questions(&ids),
            seed: Some(7),
            detail: None,
            time_limit_seconds: Some(900),
        },
        start(),
    );
}

/// What a kill and a restart do to the progress: it is saved, then read back.
fn reload(progress: &Progress) -> Progress {
    match parse(to_ron(progress).unwrap().as_bytes()) {
        Parsed::Progress(progress) => progress,
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_exam_killed_after_six_answers_resumes_with_six() {
    let mut progress = Progress::default();
    exam_of(&mut progress, 10);
    for i in 0..6u64 {
        let result = Outcome::Score(if i % 2 == 0 { 1.0 } else { 0.0 });
        let now = start().plus_minutes(i as i64 + 1);
        progress
            .answer_in_sitting(
                Mode::Exam,
                &format!("choice {i}"),
                result,
                60 * (i + 1),
                now,
            )
            .unwrap();
    }
    let resumed = reload(&progress);
    let exam = resumed.sitting(Mode::Exam).unwrap();
    assert_eq!(exam.answers.len(), 6);
    assert_eq!(exam.position, 6);
    assert_eq!(exam.seconds_used, 360);
    assert_eq!(exam.seed, Some(7));
    assert_eq!(exam.answer_at(4).unwrap().response, "choice 4");
    assert!(
        resumed.questions.is_empty(),
        "exam answers reach the items only when the exam is handed in"
    );
}

#[test]
fn a_finished_exam_is_kept_as_an_attempt_with_topics_and_every_answer() {
    let course = test_course::course();
    let catalogue = Catalogue::new(&course);
    let mut progress = Progress::default();
    exam_of(&mut progress, 4);
    let right = Outcome::Score(1.0);
    progress
        .set_exam_answer(0, "1", Outcome::Score(0.0), 30, start())
        .unwrap();
    progress
        .set_exam_answer(0, "2", right, 40, start())
        .unwrap();
    progress
        .set_exam_answer(2, "true", right, 50, start())
        .unwrap();
    let end = start().plus_minutes(5);
    let attempt = progress.finish_exam(&catalogue, end).unwrap().clone();
    assert_eq!((attempt.asked, attempt.answered, attempt.right), (4, 2, 2));
    assert_eq!(attempt.score, 0.5);
    assert_eq!(attempt.seconds, 50);
    assert_eq!(
        attempt.answers[0].response.as_deref(),
        Some("2"),
        "the changed answer"
    );
    assert_eq!(attempt.answers[1].response, None);
    let plugins = &attempt.topics[0];
    assert_eq!(
        (plugins.topic.as_str(), plugins.asked, plugins.right),
        ("plugins", 3, 1)
    );
    assert_eq!(attempt.topics[1].topic, "dns");
    assert_eq!(attempt.topics[1].score, 1.0);
    assert!(progress.sitting(Mode::Exam).is_none());
    assert_eq!(progress.exams.len(), 1);
    let q_a = progress.item(ItemKind::Question, "q-a").unwrap();
    assert_eq!(q_a.answers.len(), 1, "only the final answer is recorded");
    assert_eq!(q_a.answers[0].mode, Mode::Exam);
    assert!(q_a.schedule.is_some());
}

#[test]
fn quiz_answers_are_recorded_at_once_and_the_position_moves_on() {
    let mut progress = Progress::default();
    progress.start_sitting(
        NewSitting {
            mode: Mode::Quiz,
            items: questions(&["q-a", "q-b"]),
            seed: Some(3),
            detail: Some("plugins".into()),
            time_limit_seconds: None,
        },
        start(),
    );
    let next = progress
        .answer_in_sitting(Mode::Quiz, "true", Outcome::Score(0.0), 20, start())
        .unwrap();
    assert!(next.is_some());
    let quiz = progress.sitting(Mode::Quiz).unwrap();
    assert_eq!(
        quiz.position, 1,
        "a quiz does not re-ask: it offers the missed at the end"
    );
    assert_eq!(quiz.items.len(), 2);
    assert_eq!(
        progress
            .item(ItemKind::Question, "q-a")
            .unwrap()
            .answers
            .len(),
        1
    );
    progress
        .answer_in_sitting(Mode::Quiz, "true", Outcome::Score(1.0), 30, start())
        .unwrap();
    assert_eq!(
        progress.answer_in_sitting(Mode::Quiz, "x", Outcome::Score(1.0), 31, start()),
        Err(SittingError::Finished(Mode::Quiz))
    );
    assert!(progress.end_sitting(Mode::Quiz).is_some());
    assert_eq!(progress.latest_sitting(), None);
}

#[test]
fn a_review_or_rehearsal_asks_a_miss_again_in_the_same_sitting() {
    let mut progress = Progress::default();
    let iv = |id: &str| ItemRef::new(ItemKind::Interview, id);
    progress.start_sitting(
        NewSitting {
            mode: Mode::Interview,
            items: vec![iv("iv-a"), iv("iv-b")],
            seed: None,
            detail: Some("beginner".into()),
            time_limit_seconds: None,
        },
        start(),
    );
    let again = Outcome::SelfGrade(Grade::Again);
    progress
        .answer_in_sitting(Mode::Interview, "my answer", again, 10, start())
        .unwrap();
    let rehearsal = reload(&progress);
    let sitting = rehearsal.sitting(Mode::Interview).unwrap();
    assert_eq!(sitting.items, [iv("iv-a"), iv("iv-b"), iv("iv-a")]);
    assert_eq!(sitting.current(), Some(&iv("iv-b")));
}

#[test]
fn a_new_sitting_replaces_the_old_one_of_its_mode_only() {
    let mut progress = Progress::default();
    exam_of(&mut progress, 2);
    let new = |mode| NewSitting {
        mode,
        items: questions(&["q-c"]),
        seed: None,
        detail: None,
        time_limit_seconds: None,
    };
    progress.start_sitting(new(Mode::Review), start().plus_minutes(1));
    progress.start_sitting(new(Mode::Review), start().plus_minutes(2));
    assert_eq!(progress.sittings.len(), 2);
    assert_eq!(progress.latest_sitting().unwrap().mode, Mode::Review);
    assert_eq!(
        progress.answer_in_sitting(Mode::Quiz, "x", Outcome::Score(1.0), 0, start()),
        Err(SittingError::NoSitting(Mode::Quiz))
    );
    assert_eq!(
        progress.set_exam_answer(5, "x", Outcome::Score(1.0), 0, start()),
        Err(SittingError::OutOfRange { index: 5, len: 2 })
    );
}

#[test]
fn through_the_store_an_exam_saved_after_each_answer_survives_a_restart() {
    use crate::progress::profile::ProfileName;
    use crate::progress::store::{SaveOutcome, Store};
    let dir = tempfile::tempdir().unwrap();
    let profile = ProfileName::new("ada").unwrap();
    {
        let mut store = Store::open(dir.path(), &profile, start()).unwrap();
        exam_of(store.progress_mut(), 10);
        for i in 0..6u64 {
            let now = start().plus_minutes(i as i64);
            store
                .progress_mut()
                .answer_in_sitting(Mode::Exam, "1", Outcome::Score(1.0), i * 30, now)
                .unwrap();
            assert_eq!(store.save().unwrap(), SaveOutcome::Saved);
        }
        // Dropped without finishing: what a kill leaves is the last save.
    }
    let store = Store::open(dir.path(), &profile, start().plus_minutes(60)).unwrap();
    let exam = store
        .progress()
        .sitting(Mode::Exam)
        .expect("offered for resume");
    assert_eq!((exam.answers.len(), exam.position), (6, 6));
    assert_eq!(
        store.progress().latest_sitting().map(|s| s.mode),
        Some(Mode::Exam)
    );
}

#[test]
fn a_format_1_file_opened_by_the_store_is_saved_as_format_2_with_its_history() {
    use crate::progress::model::FORMAT_VERSION;
    use crate::progress::profile::ProfileName;
    use crate::progress::store::Store;
    let dir = tempfile::tempdir().unwrap();
    let profile = ProfileName::new("ada").unwrap();
    let path = profile.progress_file(dir.path());
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(
        &path,
        include_str!("../../tests/fixtures/progress/v1-main.ron"),
    )
    .unwrap();
    let mut store = Store::open(dir.path(), &profile, start()).unwrap();
    assert!(store.notices().is_empty(), "{:?}", store.notices());
    store.progress_mut().set_name("Ada").unwrap();
    assert_eq!(
        store.save().unwrap(),
        crate::progress::store::SaveOutcome::Saved
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(&format!("format_version: {FORMAT_VERSION}")));
    let back = crate::progress::file::read_progress_file(&path)
        .unwrap()
        .unwrap();
    assert_eq!(back.questions.len(), 5);
    assert_eq!(back.learner_name(), Some("Ada"));
}

#[test]
fn a_review_starts_from_what_is_due_and_nothing_due_starts_nothing() {
    let course = test_course::course();
    let catalogue = Catalogue::new(&course);
    let mut progress = Progress::default();
    assert!(progress.start_review(&catalogue, start()).is_none());
    assert!(progress.sittings.is_empty());
    for id in ["q-b", "q-a"] {
        progress.record_answer(
            ItemKind::Question,
            id,
            Outcome::Score(0.0),
            Mode::Quiz,
            start(),
        );
    }
    let review = progress
        .start_review(&catalogue, start().plus_minutes(30))
        .unwrap();
    assert_eq!(review.items, questions(&["q-a", "q-b"]));
    assert_eq!(review.mode, Mode::Review);
}
