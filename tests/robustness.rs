//! No panic, whatever the terminal does: every screen of the real course drawn at sizes from 1x1 to
//! 300x100, and a storm of random keys and resizes on every screen. The storm is seeded: a failure
//! prints the seed and the event that broke it, so it can be replayed.

#[path = "common/tour.rs"]
mod tour;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::LazyLock;

use aks_tutor::app::App;
use aks_tutor::content::{self, Course, EmbeddedCourse};
use aks_tutor::input::Keymap;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{RngExt, SeedableRng};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tour::{SCREENS, app_showing};

static COURSE: LazyLock<Course> =
    LazyLock::new(|| content::load(&EmbeddedCourse).expect("the embedded course loads"));

/// Widths and heights tried: every size in steps, plus both extremes.
fn sizes() -> impl Iterator<Item = (u16, u16)> {
    let widths = (1..=300).step_by(23).chain([2, 39, 40, 41, 300]);
    widths.flat_map(|w| {
        (1..=100)
            .step_by(11)
            .chain([2, 9, 10, 100])
            .map(move |h| (w, h))
    })
}

#[test]
fn every_screen_draws_at_every_size_from_1x1_to_300x100() {
    for name in SCREENS {
        let mut app = app_showing(name, &COURSE, 80, 24);
        let mut drawn = 0;
        for (width, height) in sizes() {
            app.resize(width, height);
            let terminal = tour::draw(&app);
            assert_eq!(terminal.backend().buffer().area.width, width);
            drawn += 1;
        }
        assert!(drawn > 150, "{name}: only {drawn} sizes tried");
    }
}

/// Events per screen in the storm.
const STORM_EVENTS: usize = 10_000;

/// One test per screen, so the storms run in parallel.
macro_rules! storm_tests {
    ($($test:ident: $screen:literal,)*) => {
        $(
            #[test]
            fn $test() {
                storm_on($screen);
            }
        )*
        const STORMED: &[&str] = &[$($screen),*];
    };
}

storm_tests! {
    storm_on_home: "home",
    storm_on_help: "help",
    storm_on_topic: "topic",
    storm_on_lesson: "lesson with tables",
    storm_on_lesson_eli5: "lesson eli5",
    storm_on_hands_on_lab: "lab hands-on",
    storm_on_debugging_lab: "lab debugging",
    storm_on_quiz_question: "quiz question",
    storm_on_quiz_feedback: "quiz feedback",
    storm_on_quiz_summary: "quiz summary",
    storm_on_interview_answering: "interview answering",
    storm_on_interview_revealed: "interview revealed",
    storm_on_exam: "exam",
    storm_on_sizing: "sizing",
    storm_on_stats: "stats",
    storm_on_debug_lab: "debug lab",
}

#[test]
fn every_screen_has_a_storm() {
    assert_eq!(STORMED, SCREENS, "add a storm test for each new screen");
}

/// A storm of random keys and resizes on one screen. The seed is fixed so CI is reproducible;
/// STORM_SEED explores other storms, and a failure names the seed to replay.
fn storm_on(name: &str) {
    let base = std::env::var("STORM_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_2026_u64);
    let index = SCREENS
        .iter()
        .position(|s| *s == name)
        .expect("a known screen");
    let seed = base + index as u64;
    if let Err(panic) = catch_unwind(AssertUnwindSafe(|| storm(name, seed))) {
        eprintln!("the storm on {name:?} panicked: replay it with STORM_SEED={base}");
        std::panic::resume_unwind(panic);
    }
}

/// Sends random events to the screen; when the learner's keys leave the app, it starts again on
/// the same screen. Draws after every event, as the runtime does, into a reused buffer.
fn storm(name: &str, seed: u64) -> usize {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut app = app_showing(name, &COURSE, 80, 24);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a terminal");
    let mut restarts = 0;
    for step in 0..STORM_EVENTS {
        let event = random_event(&mut rng, &app.keymap());
        // Now and then a paste: several kilobytes of keys arriving before the next frame.
        let paste = rng.random_range(0..1_000) == 0;
        let burst: String = if paste {
            (0..rng.random_range(2_000..5_000))
                .map(|_| *b"abc 10./:-\n".choose(&mut rng).expect("not empty") as char)
                .collect()
        } else {
            String::new()
        };
        let result = catch_unwind(AssertUnwindSafe(|| {
            for ch in burst.chars() {
                let code = if ch == '\n' {
                    KeyCode::Enter
                } else {
                    KeyCode::Char(ch)
                };
                tour::send(
                    &mut app,
                    &Event::Key(KeyEvent::new(code, KeyModifiers::NONE)),
                );
                if !app.running {
                    break;
                }
            }
            tour::send(&mut app, &event);
            draw_cheaply(&mut terminal, &app, step);
            app.after_frame();
        }));
        if let Err(panic) = result {
            eprintln!("{name}: event {step} ({event:?}) panicked");
            std::panic::resume_unwind(panic);
        }
        if !app.running {
            restarts += 1;
            app = app_showing(name, &COURSE, app.width.max(1), app.height.max(1));
        }
    }
    assert!(
        restarts < STORM_EVENTS / 2,
        "{name}: the storm kept quitting"
    );
    restarts
}

/// Draws after every event at ordinary sizes, reusing the terminal; huge frames are drawn every
/// tenth event, as a debug build takes long over a 300x100 frame and a state lasts several events.
fn draw_cheaply(terminal: &mut Terminal<TestBackend>, app: &App, step: usize) {
    let huge = u32::from(app.width) * u32::from(app.height) > 150 * 50;
    if huge && !step.is_multiple_of(10) {
        return;
    }
    let size = terminal.backend().buffer().area;
    if (size.width, size.height) != (app.width, app.height) {
        terminal.backend_mut().resize(app.width, app.height);
    }
    let frame = terminal
        .draw(|frame| app.draw(frame))
        .expect("drawing into a TestBackend cannot fail");
    assert_eq!(frame.area.width, app.width);
}

/// A key bound on this screen most of the time (so the storm goes somewhere), otherwise any
/// key, a modified key, a mouse wheel or a resize (now and then to a tiny or huge size).
fn random_event(rng: &mut StdRng, keymap: &Keymap) -> Event {
    let key = |code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    match rng.random_range(0..100) {
        0..55 => {
            let codes: Vec<KeyCode> = keymap
                .bindings()
                .flat_map(|b| b.codes.iter().copied())
                // Leaving the screen is rare, so the storm stays on the screen it is testing.
                .filter(|code| !matches!(code, KeyCode::Esc | KeyCode::Char('q')))
                .collect();
            codes.choose(rng).copied().map_or(key(KeyCode::Enter), key)
        }
        55..75 => key(KeyCode::Char(
            *b"0123456789abcdefghijklmnopqrstuvwxyz /.-?[]{}"
                .choose(rng)
                .expect("not empty") as char,
        )),
        75..85 => key(*[
            KeyCode::Enter,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Backspace,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::F(1),
            KeyCode::Char('é'),
            KeyCode::Char('界'),
        ]
        .choose(rng)
        .expect("not empty")),
        85..88 => {
            let modifiers = *[
                KeyModifiers::CONTROL,
                KeyModifiers::ALT,
                KeyModifiers::SHIFT,
            ]
            .choose(rng)
            .expect("not empty");
            let ch = *b"abdefhkuwz".choose(rng).expect("not empty") as char;
            Event::Key(KeyEvent::new(KeyCode::Char(ch), modifiers))
        }
        88..90 => key(KeyCode::Esc),
        90..93 => Event::Mouse(MouseEvent {
            kind: *[MouseEventKind::ScrollDown, MouseEventKind::ScrollUp]
                .choose(rng)
                .expect("not empty"),
            column: 1,
            row: 1,
            modifiers: KeyModifiers::NONE,
        }),
        93..97 => Event::Resize(rng.random_range(30..=140), rng.random_range(8..=50)),
        _ => Event::Resize(rng.random_range(1..=300), rng.random_range(1..=100)),
    }
}
