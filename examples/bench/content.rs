//! Loading courses: the embedded one (start-up pays for it) and a synthetic one of 10,000
//! questions, with the time every screen takes per key over it.

use std::hint::black_box;
use std::time::Instant;

use aks_tutor::content::{self, CourseDir, EmbeddedCourse};
use aks_tutor::progress::{Progress, ProgressSummary, Timestamp};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::synthetic_course::write_synthetic_course;
use crate::tour::{SCREENS, app_showing, send};
use crate::{Figures, heading, report, show, time};

pub fn embedded() {
    heading("The embedded course");
    let figures = time(300, || {
        black_box(content::load(&EmbeddedCourse).expect("the embedded course loads"));
    });
    report("load and validate the embedded course", &figures, "≤ 2 ms");
    let course = content::load(&EmbeddedCourse).expect("the embedded course loads");
    let progress = Progress::default();
    let figures = time(300, || {
        black_box(ProgressSummary::new(&course, &progress, Timestamp::now()));
    });
    report(
        "progress summary for the home screen (no progress)",
        &figures,
        "",
    );
}

/// Questions in the synthetic course, and topics they are spread over.
const QUESTIONS: usize = 10_000;
const TOPICS: usize = 20;

pub fn synthetic() {
    heading("A synthetic course of 10,000 questions");
    let dir = tempfile::tempdir().expect("a temp dir");
    let start = Instant::now();
    write_synthetic_course(dir.path(), TOPICS, QUESTIONS).expect("write the course");
    println!(
        "(generated in {} into a temp folder)",
        show(start.elapsed())
    );
    let source = CourseDir::new(dir.path());
    let figures = time(20, || {
        black_box(content::load(&source).unwrap_or_else(|problems| panic!("{problems}")));
    });
    report(
        "load and validate 10,000 questions from disk",
        &figures,
        "≤ 200 ms",
    );
    let course = content::load(&source).expect("loads");
    assert_eq!(course.questions().count(), QUESTIONS);

    for name in SCREENS {
        let start = Instant::now();
        let app = app_showing(name, &course, 100, 30);
        let opened = start.elapsed();
        let figures = keys_on(app, name);
        report(
            &format!("per key on {name} (opened in {})", show(opened)),
            &figures,
            "≤ 16 ms",
        );
    }
}

/// Presses the screen's own keys (except those that leave it) 300 times; each sample is one key's
/// update plus the redraw, as the runtime does them, into a reused 100x30 terminal. A screen that
/// a key leaves is opened again outside the timing.
fn keys_on(mut app: aks_tutor::app::App, name: &str) -> Figures {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("a terminal");
    let course = app.course.clone();
    let mut samples = Vec::new();
    for round in 0..300 {
        let codes: Vec<KeyCode> = app
            .keymap()
            .bindings()
            .flat_map(|b| b.codes.iter().copied())
            .filter(|c| !matches!(c, KeyCode::Esc | KeyCode::Char('q') | KeyCode::Left))
            .chain([KeyCode::Char('1'), KeyCode::Char('a')])
            .collect();
        let code = codes[round * 7 % codes.len()];
        let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        let start = Instant::now();
        send(&mut app, &event);
        terminal
            .draw(|frame| app.draw(frame))
            .expect("drawing into a TestBackend cannot fail");
        app.after_frame();
        samples.push(start.elapsed());
        if !app.running || app.screens.len() < 2 && name != "home" && name != "help" {
            app = app_showing(name, &course, 100, 30);
        }
    }
    Figures::of(samples)
}
