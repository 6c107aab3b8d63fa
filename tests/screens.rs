//! Whole screens drawn into ratatui's TestBackend and compared with insta snapshots, driven by
//! the same key events a learner types. The fixture course keeps the pictures stable.

mod common;

use aks_tutor::app::App;
use aks_tutor::input::Effect;
use common::{app, fixture_course, press, screen};
use crossterm::event::KeyCode;

use KeyCode::{Char, Down, Enter};

#[test]
fn home_80x24() {
    let app = app(80, 24);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn home_160x48() {
    let app = app(160, 48);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn topic_80x24() {
    let mut app = app(80, 24);
    press(&mut app, &[Enter]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn lesson_with_a_table_80x24() {
    let mut app = app(80, 24);
    press(&mut app, &[Enter, Enter]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn lesson_with_a_table_160x48() {
    let mut app = app(160, 48);
    press(&mut app, &[Enter, Enter]);
    insta::assert_snapshot!(screen(&app));
}

/// A lesson with a table, code and a diagram at 60x20 (unit tests in ui/ show the narrow cases:
/// words never broken inside a cell, diagrams clipped with a marker).
#[test]
fn lesson_with_a_table_and_a_diagram_60x20() {
    let mut app = app(60, 20);
    press(&mut app, &[Enter, Enter]);
    let first = screen(&app);
    press(&mut app, &[KeyCode::End]);
    insta::assert_snapshot!("lesson_60x20_top", first);
    insta::assert_snapshot!("lesson_60x20_bottom", screen(&app));
}

/// A resize keeps the reader on the section shown.
#[test]
fn a_resize_keeps_the_section() {
    let mut app = app(100, 30);
    press(&mut app, &[Enter, Enter, Char(']')]);
    let section = |app: &aks_tutor::app::App| match app.screen() {
        aks_tutor::screens::Screen::Lesson(lesson) => lesson.current_anchor(),
        _ => panic!("the lesson"),
    };
    let before = section(&app);
    assert!(before.is_some());
    app.resize(60, 20);
    common::settle(&mut app);
    assert_eq!(section(&app), before, "{}", screen(&app));
    insta::assert_snapshot!("lesson_resized_to_60x20", screen(&app));
}

#[test]
fn lesson_next_section_then_eli5() {
    let mut app = app(80, 24);
    press(&mut app, &[Enter, Enter, Char(']')]);
    insta::assert_snapshot!("lesson_second_section", screen(&app));
    press(&mut app, &[Char('e')]);
    insta::assert_snapshot!("lesson_eli5", screen(&app));
}

#[test]
fn help_overlay_80x24() {
    let mut app = app(80, 24);
    press(&mut app, &[Enter, Enter, Char('?')]);
    insta::assert_snapshot!(screen(&app));
    press(&mut app, &[Char('?')]);
    assert!(app.help.is_none(), "? closes the help again");
}

#[test]
fn lab_steps_marked_done_and_copied_80x24() {
    let mut app = app(80, 24);
    press(&mut app, &[Enter, Down, Enter, Char(' '), Down]);
    let effect = press(&mut app, &[Char('c')]);
    assert_eq!(
        effect,
        Some(Effect::Copy("kubectl apply -f svc.yaml".into()))
    );
    insta::assert_snapshot!(screen(&app));
    // C copies the file the step saves, where it has one.
    let course = fixture_course();
    let file = course
        .labs()
        .flat_map(|lab| &lab.steps)
        .nth(1)
        .and_then(|step| step.file.clone());
    let effect = press(&mut app, &[Char('C')]);
    match file {
        Some(file) => assert_eq!(effect, Some(Effect::Copy(file.text))),
        None => assert_eq!(effect, None),
    }
}

#[test]
fn too_small_terminal() {
    let mut app = app(80, 24);
    app.resize(30, 8);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn back_returns_and_quits_from_home() {
    let mut app = app(80, 24);
    press(&mut app, &[Enter, Enter]);
    press(&mut app, &[Char('q'), KeyCode::Esc]);
    assert!(app.running, "two steps back is home, still running");
    press(&mut app, &[Char('q')]);
    assert!(!app.running, "q at home quits");
}

#[test]
fn every_screen_survives_every_small_size() {
    let mut app = app(80, 24);
    for keys in [
        &[][..],
        &[Enter],
        &[Enter, Enter],
        &[Enter, Enter, Char('?')],
        &[Char('q'), Char('q'), Down, Enter],
    ] {
        press(&mut app, keys);
        for width in (1..=90).step_by(7) {
            for height in (1..=30).step_by(4) {
                app.resize(width, height);
                let _ = screen(&app);
            }
        }
    }
}

mod sizing {
    use super::*;
    use aks_tutor::screens::Screen;
    use aks_tutor::screens::sizing::SizingScreen;
    use aks_tutor::sizing::exercise::{Exercise, ExerciseKind};

    /// The first seed whose exercise passes `wanted`: deterministic, since generation is.
    fn seed_where(wanted: impl Fn(&Exercise) -> bool) -> u64 {
        (0..10_000)
            .find(|seed| wanted(&Exercise::generate(*seed)))
            .expect("some seed gives it")
    }

    fn sizing_app(seed: u64, height: u16) -> App {
        let mut app = app(80, height);
        app.open(Screen::Sizing(Box::new(SizingScreen::new(seed))));
        app
    }

    #[test]
    fn a_number_exercise_before_and_after_a_wrong_answer() {
        let seed = seed_where(|e| e.kind == ExerciseKind::RequiredIps);
        let mut app = sizing_app(seed, 24);
        insta::assert_snapshot!("sizing_before", screen(&app));
        press(&mut app, &[Char('1'), Char('2'), Enter]);
        insta::assert_snapshot!("sizing_after_wrong", screen(&app));
        press(&mut app, &[Enter]);
        let Screen::Sizing(next) = app.screen() else {
            panic!("still sizing")
        };
        assert_eq!(
            (next.exercise.seed, next.number, next.answered),
            (seed + 1, 2, 1)
        );
    }

    #[test]
    fn the_seed_plan_pictured_with_its_overlap_once_answered() {
        let seed = seed_where(|e| e.kind == ExerciseKind::SpotTheMistake);
        let mut app = sizing_app(seed, 48);
        insta::assert_snapshot!("sizing_invalid_plan_before", screen(&app));
        let valid_choice = Exercise::generate(seed).choices.len();
        press(
            &mut app,
            &[
                Char(char::from_digit(valid_choice as u32, 10).unwrap()),
                Enter,
            ],
        );
        insta::assert_snapshot!("sizing_invalid_plan_after", screen(&app));
    }

    #[test]
    fn a_valid_plan_pictured() {
        let seed = seed_where(|e| {
            e.kind == ExerciseKind::WhichRuleBreaks
                && e.expected_answer().contains("valid: the plan")
        });
        let mut app = sizing_app(seed, 48);
        let valid_choice = Exercise::generate(seed).choices.len();
        press(
            &mut app,
            &[
                Char(char::from_digit(valid_choice as u32, 10).unwrap()),
                Enter,
            ],
        );
        insta::assert_snapshot!("sizing_valid_plan_after", screen(&app));
    }

    #[test]
    fn letters_go_into_the_answer_and_esc_goes_back() {
        let mut app = sizing_app(1, 24);
        press(&mut app, &[Char('q'), Char('j')]);
        let Screen::Sizing(sizing) = app.screen() else {
            panic!("q is typed, not back")
        };
        assert_eq!(sizing.input.text, "qj");
        press(&mut app, &[KeyCode::Backspace, KeyCode::Esc]);
        assert!(matches!(app.screen(), Screen::Home(_)));
    }
}

#[test]
fn slash_searches_every_lesson_and_lab_and_enter_opens_the_hit() {
    let mut app = app(80, 24);
    press(&mut app, &[Char('/')]);
    common::type_text(&mut app, "kubectl apply");
    insta::assert_snapshot!("search_results", screen(&app));
    press(&mut app, &[Enter]);
    let aks_tutor::screens::Screen::Lab(lab) = app.screen() else {
        panic!("the hit is a lab step")
    };
    assert_eq!(lab.selected, 1, "opened at the matching step");
}

#[test]
fn interview_from_home_asks_for_the_level_and_a_topic_offers_its_items() {
    use aks_tutor::screens::Screen;
    let mut app = app(80, 24);
    // Home ends with Review, Quiz, Interview, Exam, Sizing, Debugging labs, Stats.
    press(
        &mut app,
        &[
            KeyCode::End,
            KeyCode::Up,
            KeyCode::Up,
            KeyCode::Up,
            KeyCode::Up,
        ],
    );
    press(&mut app, &[Enter]);
    assert!(
        matches!(app.screen(), Screen::Picker(_)),
        "Interview asks for the level first"
    );
    assert!(screen(&app).contains("Scenario"));
    press(&mut app, &[Enter]);
    let Screen::Interview(interview) = app.screen() else {
        panic!("a level starts the rehearsal")
    };
    assert!(!interview.items.is_empty());
    press(&mut app, &[KeyCode::Esc]);
    assert!(
        matches!(app.screen(), Screen::Home(_)),
        "the picker closed behind it"
    );
}

#[test]
fn back_after_n_returns_to_the_topic_of_the_lesson_now_shown() {
    use aks_tutor::screens::Screen;
    let mut app = app(80, 24);
    press(&mut app, &[Enter, Enter]);
    let topic_of = |app: &aks_tutor::app::App| match app.screen() {
        Screen::Lesson(lesson) => lesson.topic,
        _ => panic!("a lesson"),
    };
    let first = topic_of(&app);
    let lessons_in_first = app.course.topics[first].lessons.len();
    for _ in 0..lessons_in_first {
        press(&mut app, &[Char('n')]);
    }
    let now = topic_of(&app);
    assert_ne!(now, first, "n went on to the next topic");
    press(&mut app, &[Char('q')]);
    let Screen::Topic(topic) = app.screen() else {
        panic!("back lands on a topic")
    };
    assert_eq!(topic.topic, now);
}

/// While progress is not being saved every screen says so, in a line that fits 80 columns and
/// stays after keys; `?` gives the whole reason.
#[test]
fn read_only_shows_on_every_screen_and_help_says_why() {
    let mut app = common::app_with(common::fixture_course(), common::read_only_store(), 80, 24);
    app.status = None;
    let line = "Progress is NOT being saved";
    assert!(screen(&app).contains(line), "{}", screen(&app));
    press(&mut app, &[Enter, Enter, KeyCode::Down, KeyCode::PageDown]);
    let text = screen(&app);
    assert!(text.contains(line), "after keys, on a lesson: {text}");
    assert!(
        text.lines().all(|l| l.chars().count() <= 82),
        "fits the width"
    );
    insta::assert_snapshot!("read_only_lesson_80x24", text);
    press(&mut app, &[Char('?')]);
    assert!(
        screen(&app).contains("will not be saved"),
        "{}",
        screen(&app)
    );
}
