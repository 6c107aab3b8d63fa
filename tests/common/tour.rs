//! Every screen of the tutor, reached the way a learner reaches it (a start mode or key presses),
//! with a course given by the caller. Shared by the robustness tests and by `examples/bench`
//! (which includes this file with `#[path]`), so both walk exactly the same screens.

#![allow(dead_code)] // each includer uses a different part

use std::time::Duration;

use aks_tutor::app::App;
use aks_tutor::content::markdown::Block;
use aks_tutor::content::{Course, LabKind};
use aks_tutor::input::action_for;
use aks_tutor::progress::{ProfileName, Store};
use aks_tutor::quiz::QuizRequest;
use aks_tutor::screens::lab::LabScreen;
use aks_tutor::screens::lesson::LessonScreen;
use aks_tutor::screens::{Screen, Start};
use aks_tutor::ui::theme::Theme;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The screens a learner can see; `every_screen` builds an app showing each one.
pub const SCREENS: [&str; 16] = [
    "home",
    "help",
    "topic",
    "lesson with tables",
    "lesson eli5",
    "lab hands-on",
    "lab debugging",
    "quiz question",
    "quiz feedback",
    "quiz summary",
    "interview answering",
    "interview revealed",
    "exam",
    "sizing",
    "stats",
    "debug lab",
];

/// An app over `course` at the home screen, `width`x`height`, with a store that never saves
/// (so nothing touches the disk).
pub fn app_at_home(course: Course, width: u16, height: u16) -> App {
    let profile = ProfileName::from_flag(None).expect("the default profile");
    let store = Store::in_memory(&profile);
    let mut app = App::new(course, Theme::monochrome(), store);
    app.resize(width, height);
    app
}

/// Presses keys as a learner would (press events, no modifiers).
pub fn press(app: &mut App, keys: &[KeyCode]) {
    for code in keys {
        send(app, &Event::Key(KeyEvent::new(*code, KeyModifiers::NONE)));
        // As the runtime does: a frame after every key, so keys act on what was shown.
        draw(app);
        app.after_frame();
    }
}

/// Feeds one terminal event through the key tables into `update`, as the runtime does.
pub fn send(app: &mut App, event: &Event) {
    if let Some(action) = action_for(&app.keymap(), event) {
        let _ = app.update(action);
    }
}

/// Draws the app into a fresh test terminal of its current size.
pub fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.width, app.height)).expect("a terminal");
    terminal
        .draw(|frame| app.draw(frame))
        .expect("drawing into a TestBackend cannot fail");
    terminal
}

/// An app showing the screen named `name` (one of [`SCREENS`]).
pub fn app_showing(name: &str, course: &Course, width: u16, height: u16) -> App {
    use KeyCode::{Char, Enter};
    let mut app = app_at_home(course.clone(), width, height);
    let quiz = || {
        Start::Quiz(QuizRequest {
            count: Some(3),
            seed: Some(7),
            include_table_questions: true,
            ..QuizRequest::default()
        })
    };
    let started = match name {
        "home" => Ok(()),
        "help" => {
            press(&mut app, &[Char('?')]);
            Ok(())
        }
        "topic" => {
            press(&mut app, &[Enter]);
            Ok(())
        }
        "lesson with tables" | "lesson eli5" => {
            let (topic, lesson) = lesson_with_a_table(course);
            app.open(Screen::Lesson(Box::new(LessonScreen::new(topic, lesson))));
            if name == "lesson eli5" {
                press(&mut app, &[Char('e')]);
            }
            Ok(())
        }
        "lab hands-on" | "lab debugging" => {
            let hands_on = name == "lab hands-on";
            let (topic, lab) = lab_of_kind(course, hands_on);
            app.open(Screen::Lab(Box::new(LabScreen::new(topic, lab))));
            Ok(())
        }
        "quiz question" => app.start(quiz()),
        "quiz feedback" => app.start(quiz()).map(|()| answer_current(&mut app)),
        "quiz summary" => app.start(quiz()).map(|()| {
            for _ in 0..3 {
                answer_current(&mut app);
                press(&mut app, &[Enter]);
            }
        }),
        "interview answering" | "interview revealed" => app
            .start(Start::Interview {
                level: None,
                topic: None,
                time_limit: Some(Duration::from_secs(300)),
            })
            .map(|()| {
                press(
                    &mut app,
                    &[Char('p'), Char('o'), Char('d'), Enter, Char('s')],
                );
                if name == "interview revealed" {
                    let done = KeyEvent::new(Char('d'), KeyModifiers::CONTROL);
                    send(&mut app, &Event::Key(done));
                }
            }),
        "exam" => app
            .start(Start::Exam {
                request: QuizRequest {
                    count: Some(5),
                    seed: Some(7),
                    ..QuizRequest::default()
                },
                time_limit: Some(Duration::from_secs(450)),
                pass_mark: 70,
            })
            // Past the intro, to the first question.
            .map(|()| press(&mut app, &[Enter])),
        "sizing" => app.start(Start::Sizing { seed: Some(7) }),
        "stats" => app.start(Start::Stats),
        // The course's first scenario with one step run, so the log holds an output; a course
        // without debugging labs stays at home.
        "debug lab" => match course.debug_scenarios().next() {
            Some(scenario) => app
                .start(Start::Debug {
                    scenario: Some(scenario.id.clone()),
                    seed: Some(7),
                })
                .map(|()| press(&mut app, &[KeyCode::Down, Enter])),
            None => Ok(()),
        },
        other => panic!("no screen called {other:?}"),
    };
    started.unwrap_or_else(|message| panic!("cannot open {name}: {message}"));
    app
}

/// Answers the quiz question on screen with its first option (or "1" when typed).
pub fn answer_current(app: &mut App) {
    press(app, &[KeyCode::Char('1'), KeyCode::Enter]);
}

/// The first lesson with a table, or the first lesson.
fn lesson_with_a_table(course: &Course) -> (usize, usize) {
    let has_table = |blocks: &[Block]| blocks.iter().any(|b| matches!(b, Block::Table(_)));
    course
        .topics
        .iter()
        .enumerate()
        .find_map(|(t, topic)| {
            let l = topic
                .lessons
                .iter()
                .position(|l| has_table(&l.technical.blocks))?;
            Some((t, l))
        })
        .unwrap_or((0, 0))
}

/// The first hands-on lab, or the first debugging one; the first lab if there is no such kind.
fn lab_of_kind(course: &Course, hands_on: bool) -> (usize, usize) {
    let wanted = |kind: &LabKind| (*kind == LabKind::HandsOn) == hands_on;
    let labs = || {
        course.topics.iter().enumerate().flat_map(|(t, topic)| {
            topic
                .labs
                .iter()
                .enumerate()
                .map(move |(l, lab)| (t, l, lab))
        })
    };
    labs()
        .find(|(_, _, lab)| wanted(&lab.kind))
        .or_else(|| labs().next())
        .map(|(t, l, _)| (t, l))
        .expect("the course has a lab")
}
