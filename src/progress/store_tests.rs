//! Store tests, each in its own temporary folder: round trip, interrupted saves, damaged and newer
//! files, and two instances on one profile.

use std::path::Path;

use proptest::prelude::*;

use super::*;
use crate::progress::model::{Grade, ItemKind, Mode, Outcome, Place};

fn at(text: &str) -> Timestamp {
    Timestamp::parse_rfc3339(text).unwrap()
}

fn now() -> Timestamp {
    at("2026-01-05T09:00:00Z")
}

fn alice() -> ProfileName {
    ProfileName::new("alice").unwrap()
}

/// A progress with something of every kind in it.
fn sample_progress() -> Progress {
    let mut progress = Progress::default();
    let start = now();
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
        Mode::Review,
        start.plus_minutes(2),
    );
    progress.record_answer(
        ItemKind::Interview,
        "iv-a",
        Outcome::SelfGrade(Grade::Easy),
        Mode::Interview,
        start.plus_minutes(4),
    );
    progress.record_answer(
        ItemKind::Question,
        "q-c",
        Outcome::Score(0.0),
        Mode::Cram,
        start.plus_minutes(5),
    );
    progress.record_lesson_finished("dns", start.plus_minutes(6));
    progress.set_step_done("lab-a", "one", true, start.plus_minutes(7));
    progress.set_resume(
        Place::Lesson {
            lesson: "dns",
            section: Some("coredns"),
        },
        start.plus_minutes(8),
    );
    progress
}

fn saved_sample(data_dir: &Path) -> (PathBuf, Vec<u8>) {
    let mut store = Store::open(data_dir, &alice(), now()).unwrap();
    *store.progress_mut() = sample_progress();
    assert_eq!(store.save().unwrap(), SaveOutcome::Saved);
    let path = store.path().to_path_buf();
    let bytes = fs::read(&path).unwrap();
    (path, bytes)
}

#[test]
fn a_saved_progress_opens_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let (path, bytes) = saved_sample(dir.path());
    assert_eq!(path, dir.path().join("profiles").join("alice.ron"));
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.starts_with("Progress("), "{text}");

    let store = Store::open(dir.path(), &alice(), now()).unwrap();
    assert_eq!(store.progress(), &sample_progress());
    assert!(store.notices().is_empty(), "{:?}", store.notices());
    assert_eq!(store.read_only(), None);
}

#[test]
fn a_missing_file_is_a_fresh_start_and_nothing_is_written_until_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path(), &alice(), now()).unwrap();
    assert_eq!(store.progress(), &Progress::default());
    assert!(!store.path().exists());
}

#[test]
fn a_crash_between_write_and_rename_leaves_the_old_file_and_the_stray_is_removed() {
    let dir = tempfile::tempdir().unwrap();
    let (path, old_bytes) = saved_sample(dir.path());
    // What a save killed after writing (part of) its temporary file leaves behind.
    let temp = file::temp_path(&path);
    fs::write(&temp, &old_bytes[..old_bytes.len() / 2]).unwrap();

    let store = Store::open(dir.path(), &alice(), now()).unwrap();
    assert_eq!(store.progress(), &sample_progress());
    assert!(store.notices().is_empty());
    assert!(!temp.exists(), "the stray temporary file is cleaned up");
    assert_eq!(fs::read(&path).unwrap(), old_bytes);
}

#[test]
fn a_save_replaces_the_file_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = saved_sample(dir.path());
    let mut store = Store::open(dir.path(), &alice(), now()).unwrap();
    store
        .progress_mut()
        .record_lesson_finished("plugins", now());
    assert_eq!(store.save().unwrap(), SaveOutcome::Saved);
    assert!(!file::temp_path(&path).exists());
    let reread = file::read_progress_file(&path).unwrap().unwrap();
    assert!(reread.lessons.contains_key("plugins"));
}

/// Checks that opening `bytes` as alice's file either loads it or moves it aside, byte for byte,
/// and reports where. Returns whether it loaded.
fn opens_or_moves_aside(data_dir: &Path, bytes: &[u8]) -> bool {
    let path = alice().progress_file(data_dir);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, bytes).unwrap();
    let store = Store::open(data_dir, &alice(), now()).unwrap();
    match store.notices() {
        [] => {
            assert_eq!(fs::read(&path).unwrap(), bytes);
            true
        }
        [
            Notice::Damaged {
                path: reported,
                moved_to: Some(moved_to),
                reason,
            },
        ] => {
            assert_eq!(reported, &path);
            assert!(!reason.is_empty());
            assert!(!path.exists(), "the damaged file is no longer in the way");
            assert_eq!(store.progress(), &Progress::default(), "a fresh start");
            assert_eq!(fs::read(moved_to).unwrap(), bytes, "kept byte for byte");
            let name = moved_to.file_name().unwrap().to_string_lossy();
            assert_eq!(name, "alice.corrupt-20260105T090000Z.ron");
            let message = store.notices()[0].to_string();
            assert!(message.contains(&*name), "{message}");
            fs::remove_file(moved_to).unwrap();
            false
        }
        other => panic!("unexpected notices {other:?}"),
    }
}

#[test]
fn a_file_truncated_at_every_length_is_moved_aside_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let (_, full) = saved_sample(dir.path());
    let content_end = full.trim_ascii_end().len();
    for length in 0..full.len() {
        let loaded = opens_or_moves_aside(dir.path(), &full[..length]);
        // Only cutting trailing whitespace leaves a whole file.
        assert_eq!(loaded, length >= content_end, "at length {length}");
    }
}

#[test]
fn a_second_damaged_file_in_the_same_second_gets_its_own_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = alice().progress_file(dir.path());
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut kept = Vec::new();
    for garbage in ["first", "second"] {
        fs::write(&path, garbage).unwrap();
        let store = Store::open(dir.path(), &alice(), now()).unwrap();
        let Some(Notice::Damaged {
            moved_to: Some(moved_to),
            ..
        }) = store.notices().first()
        else {
            panic!("not moved aside: {:?}", store.notices());
        };
        kept.push(moved_to.clone());
    }
    assert_ne!(kept[0], kept[1]);
    assert_eq!(fs::read_to_string(&kept[0]).unwrap(), "first");
    assert_eq!(fs::read_to_string(&kept[1]).unwrap(), "second");
}

#[test]
fn a_newer_format_is_read_only_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = alice().progress_file(dir.path());
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let newer = "Progress(format_version: 3, questions: {}, badges: [\"first-week\"])\n";
    fs::write(&path, newer).unwrap();

    let mut store = Store::open(dir.path(), &alice(), now()).unwrap();
    assert_eq!(
        store.read_only(),
        Some(&ReadOnlyReason::NewerFormat { found: 3 })
    );
    let message = store.notices()[0].to_string();
    assert!(message.contains("newer aks-tutor"), "{message}");
    assert!(message.contains("will not be saved"), "{message}");
    store.progress_mut().record_lesson_finished("dns", now());
    assert_eq!(store.save().unwrap(), SaveOutcome::NotSaved);
    drop(store);
    assert_eq!(fs::read_to_string(&path).unwrap(), newer, "byte for byte");

    let error = file::read_progress_file(&path).unwrap_err();
    assert!(error.to_string().contains("alice.ron"), "{error}");
}

#[test]
fn two_stores_on_one_profile_cannot_both_write() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = saved_sample(dir.path());
    let mut first = Store::open(dir.path(), &alice(), now()).unwrap();
    let mut second = Store::open(dir.path(), &alice(), now()).unwrap();

    assert_eq!(first.read_only(), None);
    let Some(ReadOnlyReason::InUse { holder_pid, .. }) = second.read_only() else {
        panic!(
            "the second store is not read-only: {:?}",
            second.read_only()
        );
    };
    assert_eq!(*holder_pid, Some(std::process::id()));
    assert_eq!(
        second.progress(),
        &sample_progress(),
        "it still shows the progress"
    );
    let message = second.notices()[0].to_string();
    assert!(message.contains("will not be saved"), "{message}");

    second
        .progress_mut()
        .record_lesson_finished("from-second", now());
    assert_eq!(second.save().unwrap(), SaveOutcome::NotSaved);
    first
        .progress_mut()
        .record_lesson_finished("from-first", now());
    assert_eq!(first.save().unwrap(), SaveOutcome::Saved);
    let saved = file::read_progress_file(&path).unwrap().unwrap();
    assert!(saved.lessons.contains_key("from-first"));
    assert!(!saved.lessons.contains_key("from-second"));

    // The lock goes with the first store: a later one can write.
    drop(first);
    drop(second);
    let third = Store::open(dir.path(), &alice(), now()).unwrap();
    assert_eq!(third.read_only(), None);
}

#[test]
fn a_damaged_file_owned_by_another_instance_is_left_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let first = Store::open(dir.path(), &alice(), now()).unwrap();
    fs::write(first.path(), "Progress(format_versio").unwrap();
    let second = Store::open(dir.path(), &alice(), now()).unwrap();
    assert!(matches!(
        second.notices().first(),
        Some(Notice::Damaged { moved_to: None, .. })
    ));
    assert_eq!(
        fs::read_to_string(first.path()).unwrap(),
        "Progress(format_versio"
    );
}

#[test]
fn profiles_are_separate_files() {
    let dir = tempfile::tempdir().unwrap();
    saved_sample(dir.path());
    let bob = ProfileName::new("bob").unwrap();
    let store = Store::open(dir.path(), &bob, now()).unwrap();
    assert_eq!(store.read_only(), None, "alice's lock is not bob's");
    assert_eq!(store.progress(), &Progress::default());
}

#[test]
fn an_unusable_data_dir_is_an_error_naming_the_folder_and_unsaved_still_runs() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-folder");
    fs::write(&blocker, "").unwrap();
    let error = Store::open(&blocker, &alice(), now()).unwrap_err();
    assert!(error.to_string().contains("not-a-folder"), "{error}");

    let mut store = Store::unsaved(&blocker, &alice(), &error);
    assert_eq!(store.save().unwrap(), SaveOutcome::NotSaved);
    assert!(store.notices()[0].to_string().contains("will not be saved"));
}

#[test]
fn reading_without_a_store_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = alice().progress_file(dir.path());
    assert!(file::read_progress_file(&path).unwrap().is_none());
    assert!(!dir.path().join("profiles").exists(), "nothing created");

    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, "garbage").unwrap();
    let error = file::read_progress_file(&path).unwrap_err();
    assert!(error.to_string().contains("alice.ron"), "{error}");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "garbage",
        "left in place"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn random_bytes_load_or_are_moved_aside(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let dir = tempfile::tempdir().unwrap();
        opens_or_moves_aside(dir.path(), &bytes);
    }

    #[test]
    fn random_ron_like_text_loads_or_is_moved_aside(
        text in "Progress\\(format_version: 1,( [a-z_]{1,12}: [\\[\\]{}()\"a-zA-Z0-9:,. -]{0,40})*\\)?"
    ) {
        let dir = tempfile::tempdir().unwrap();
        opens_or_moves_aside(dir.path(), text.as_bytes());
    }

    #[test]
    fn parsing_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = file::parse(&bytes);
    }
}

/// The store names the file as it last read or wrote it, so nothing has to read it back.
#[test]
fn the_store_knows_the_fingerprint_of_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path(), &alice(), now()).unwrap();
    assert_eq!(store.file_fingerprint(), None, "no file yet");
    store.progress_mut().record_lesson_finished("l1", now());
    assert_eq!(store.save().unwrap(), SaveOutcome::Saved);
    let written = std::fs::read(store.path()).unwrap();
    assert_eq!(
        store.file_fingerprint(),
        Some(fingerprint(&written).as_str())
    );
    drop(store);
    let reopened = Store::open(dir.path(), &alice(), now()).unwrap();
    assert_eq!(
        reopened.file_fingerprint(),
        Some(fingerprint(&written).as_str())
    );
}
