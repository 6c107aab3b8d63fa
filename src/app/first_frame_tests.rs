use std::path::{Path, PathBuf};

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::{Frame, Terminal};

use super::*;
use crate::app::App;
use crate::content::{Course, EmbeddedCourse, load, read_index};
use crate::progress::{ItemKind, Mode, Outcome, Place, ProfileName, Store};
use crate::screens::Record;

fn progress_file(data: &Path) -> PathBuf {
    ProfileName::default().progress_file(data)
}

fn cache(data: &Path) -> HomeCache {
    HomeCache::new(&progress_file(data), EmbeddedCourse::fingerprint())
}

fn open_store(data: &Path) -> Store {
    Store::open(data, &ProfileName::default(), Timestamp::now()).unwrap()
}

/// What `open_tutor` does before the terminal is taken over.
fn peek(data: &Path, theme: &Theme) -> Option<FirstFrame> {
    FirstFrame::peek(
        &progress_file(data),
        &cache(data),
        theme.clone(),
        || read_index(&EmbeddedCourse),
        Timestamp::now(),
    )
}

/// The app `open_tutor` makes once the store is open and the course loaded.
fn app(data: &Path, theme: &Theme) -> App {
    let mut app = App::new(
        load(&EmbeddedCourse).unwrap(),
        theme.clone(),
        open_store(data),
    );
    app.home_cache = Some(cache(data));
    app
}

/// Changes the learner's progress and saves it, as a session of the tutor would.
fn change(data: &Path, edit: impl FnOnce(&mut crate::progress::Progress, &Course)) {
    let course = load(&EmbeddedCourse).unwrap();
    let mut store = open_store(data);
    edit(store.progress_mut(), &course);
    assert_eq!(store.save().unwrap(), crate::progress::SaveOutcome::Saved);
}

fn drawn(width: u16, height: u16, draw: impl FnOnce(&mut Frame)) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(draw).unwrap();
    terminal.backend().buffer().clone()
}

/// The first frame, drawn before the store is opened or the course loaded, is cell for cell
/// (styles included) the frame the app draws once they are, at the sizes the launch and the
/// snapshots use.
fn assert_same_frames(data: &Path) {
    for theme in [Theme::from_no_color(None), Theme::monochrome()] {
        let first = peek(data, &theme).expect("a first frame");
        let app = app(data, &theme);
        for (width, height) in [(100, 30), (80, 24), (200, 60), (40, 12), (10, 5)] {
            let before = drawn(width, height, |frame| first.draw(frame.buffer_mut()));
            let after = drawn(width, height, |frame| app.draw(frame));
            assert_eq!(before, after, "{width}x{height}");
        }
    }
}

/// Half the questions answered (a third of those wrongly), half the lessons read, a lab step
/// done, and a place to continue from in that lab.
fn answer_and_leave_off(progress: &mut crate::progress::Progress, course: &Course) {
    let now = Timestamp::now();
    for (n, question) in course.questions().enumerate().step_by(2) {
        let score = if n % 3 == 0 { 0.0 } else { 1.0 };
        let outcome = Outcome::Score(score);
        progress.record_answer(ItemKind::Question, &question.id, outcome, Mode::Quiz, now);
    }
    for lesson in course.lessons().step_by(2) {
        progress.record_lesson_finished(&lesson.id, now);
    }
    let lab = course.labs().next().unwrap();
    progress.set_step_done(&lab.id, &lab.steps[0].id, true, now);
    let step = Some(lab.steps[0].id.as_str());
    progress.set_resume(Place::Lab { lab: &lab.id, step }, now);
}

#[test]
fn a_new_learner_sees_the_same_home_before_and_after_the_load() {
    let data = tempfile::tempdir().unwrap();
    assert_same_frames(data.path());
    assert!(
        peek(data.path(), &Theme::monochrome())
            .unwrap()
            .kept_home()
            .is_none()
    );
}

#[test]
fn nothing_is_written_before_the_first_frame() {
    let data = tempfile::tempdir().unwrap();
    peek(data.path(), &Theme::monochrome()).unwrap();
    assert_eq!(std::fs::read_dir(data.path()).unwrap().count(), 0);
}

#[test]
fn a_learner_who_has_only_read_lessons_sees_the_same_home_too() {
    let data = tempfile::tempdir().unwrap();
    change(data.path(), |progress, course| {
        for lesson in course.lessons().step_by(2) {
            progress.record_lesson_finished(&lesson.id, Timestamp::now());
        }
    });
    assert_same_frames(data.path());
}

/// Answers, lab steps and a place to continue from are counted against the whole course: the
/// first frame needs home as the learner left it.
#[test]
fn a_returning_learner_sees_home_as_they_left_it() {
    let data = tempfile::tempdir().unwrap();
    change(data.path(), answer_and_leave_off);
    assert!(
        peek(data.path(), &Theme::monochrome()).is_none(),
        "nothing kept yet"
    );

    app(data.path(), &Theme::monochrome()).keep_home();
    let first = peek(data.path(), &Theme::monochrome()).expect("home kept");
    assert!(first.kept_home().is_some());
    assert_same_frames(data.path());
}

#[test]
fn home_kept_for_other_progress_is_not_shown() {
    let data = tempfile::tempdir().unwrap();
    change(data.path(), answer_and_leave_off);
    app(data.path(), &Theme::monochrome()).keep_home();
    // Another tutor (or an older copy of the file) changed the progress since.
    change(data.path(), |progress, course| {
        let lab = course.labs().next().unwrap();
        progress.set_step_done(&lab.id, &lab.steps[1].id, true, Timestamp::now());
    });
    assert!(peek(data.path(), &Theme::monochrome()).is_none());
}

#[test]
fn every_save_keeps_home_for_the_next_start() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(data.path(), &Theme::monochrome());
    let question = app.course.questions().nth(3).unwrap().id.clone();
    app.keep(vec![Record::Answer {
        kind: ItemKind::Question,
        id: question,
        outcome: Outcome::Score(1.0),
        mode: Mode::Quiz,
    }]);
    let first = peek(data.path(), &Theme::monochrome()).expect("home kept");
    assert_eq!(first.kept_home(), Some(&app.home_at(Timestamp::now())));
    drop(app);
    assert_same_frames(data.path());
}

/// Review's count changes as items fall due: home kept a while ago counts them at the next start,
/// as the app does.
#[test]
fn home_kept_counts_the_items_due_at_the_next_start() {
    let data = tempfile::tempdir().unwrap();
    let now = Timestamp::now();
    change(data.path(), |progress, course| {
        for question in course.questions().take(3) {
            let (id, outcome) = (&question.id, Outcome::Score(0.0));
            progress.record_answer(ItemKind::Question, id, outcome, Mode::Quiz, now);
        }
    });
    let app = app(data.path(), &Theme::monochrome());
    app.keep_home();
    let progress = std::fs::read(progress_file(data.path())).unwrap();
    let later = now.plus_minutes(24 * 60);
    let kept = cache(data.path()).read(&progress, later).unwrap();
    assert_eq!(kept, app.home_at(later));
    assert_eq!(kept.review_due, 3);
    assert_eq!(
        app.home_at(now).review_due,
        0,
        "a missed item comes back in minutes"
    );
}

/// A learner who is not new, and whose home was not kept, waits for the course.
#[test]
fn a_damaged_or_newer_progress_file_gets_no_early_frame() {
    let data = tempfile::tempdir().unwrap();
    let file = progress_file(data.path());
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, "not ron").unwrap();
    assert!(peek(data.path(), &Theme::monochrome()).is_none());
    std::fs::write(&file, "Progress(format_version: 999)").unwrap();
    assert!(peek(data.path(), &Theme::monochrome()).is_none());
}

/// Only the tutor that owns the profile writes home: a second one opens it read-only.
#[test]
fn a_second_tutor_on_the_profile_keeps_nothing() {
    let data = tempfile::tempdir().unwrap();
    change(data.path(), answer_and_leave_off);
    let _owner = open_store(data.path());
    let second = app(data.path(), &Theme::monochrome());
    assert!(second.store.read_only().is_some());
    second.keep_home();
    assert!(!cache(data.path()).path().exists());
}
