//! What the screen tests share: the fixture course, an app on it, keys pressed as a learner
//! presses them, and the screen as text.
#![allow(dead_code)] // each test file uses a part

use std::path::Path;

use aks_tutor::app::App;
use aks_tutor::content::{self, Course, CourseDir};
use aks_tutor::input::Effect;
use aks_tutor::input::action_for;
use aks_tutor::progress::{ProfileName, Store, StoreError, Timestamp};
use aks_tutor::ui::theme::Theme;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub const FIXTURE_COURSE: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid-course");

pub fn fixture_course() -> Course {
    content::load(&CourseDir::new(FIXTURE_COURSE)).expect("the fixture course is valid")
}

/// Progress that is never saved: screen tests draw, they do not write.
pub fn unsaved_store() -> Store {
    Store::in_memory(&ProfileName::from_flag(None).unwrap())
}

/// A store that cannot save (its folder cannot be opened), as the app gets when the profile is
/// not writable: the screens must say so.
pub fn read_only_store() -> Store {
    let error = StoreError::Read {
        path: "/nonexistent".into(),
        source: std::io::Error::other("test"),
    };
    Store::unsaved(
        "/nonexistent".as_ref(),
        &ProfileName::from_flag(None).unwrap(),
        &error,
    )
}

/// Progress kept in `data_dir` (a temporary folder).
pub fn store_in(data_dir: &Path) -> Store {
    Store::open(
        data_dir,
        &ProfileName::from_flag(None).unwrap(),
        Timestamp::now(),
    )
    .expect("a store in a temp folder")
}

/// The app on the fixture course, monochrome, with nothing in the footer.
pub fn app(width: u16, height: u16) -> App {
    app_with(fixture_course(), unsaved_store(), width, height)
}

pub fn app_with(course: Course, store: Store, width: u16, height: u16) -> App {
    let mut app = App::new(course, Theme::monochrome(), store);
    app.status = None; // an unsaved store's notice
    app.resize(width, height);
    settle(&mut app);
    app
}

/// Presses keys as a learner would; returns the last effect asked for.
pub fn press(app: &mut App, keys: &[KeyCode]) -> Option<Effect> {
    let mut effect = None;
    for code in keys {
        // The runtime draws before it waits for a key: the key acts on what was shown (a screen
        // just opened with `app.start` has not been drawn yet).
        settle(app);
        let event = Event::Key(KeyEvent::new(*code, KeyModifiers::NONE));
        if let Some(action) = action_for(&app.keymap(), &event) {
            effect = app.update(action).or(effect);
        }
        settle(app);
    }
    effect
}

/// Types text, one key a character.
pub fn type_text(app: &mut App, text: &str) {
    for ch in text.chars() {
        press(app, &[KeyCode::Char(ch)]);
    }
}

/// Draws a frame and keeps what it showed, as the runtime does after every event: keys act on
/// what the learner saw.
pub fn settle(app: &mut App) {
    draw(app);
    app.after_frame();
}

pub fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
    terminal.draw(|frame| app.draw(frame)).unwrap();
    terminal
}

pub fn screen(app: &App) -> String {
    draw(app).backend().to_string()
}

/// Copies a folder tree (a course to edit in a test).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}
