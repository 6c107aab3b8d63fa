//! The tutor with real progress on disk: answers land in the profile's file at once, and the
//! home, review and stats screens show what the progress says.

mod common;

use aks_tutor::app::App;
use aks_tutor::progress::{ItemKind, read_progress_file};
use aks_tutor::quiz::QuizRequest;
use aks_tutor::screens::home::Practice;
use aks_tutor::screens::{Screen, Start};
use aks_tutor::ui::theme::Theme;
use common::{draw, fixture_course, press, screen, store_in};
use crossterm::event::KeyCode;
use ratatui::style::Color;

use KeyCode::{Char, Enter, Esc};

fn app_in(data_dir: &std::path::Path, theme: Theme) -> App {
    let mut app = App::new(fixture_course(), theme, store_in(data_dir));
    app.resize(80, 24);
    app
}

/// Answers the fixture's Windows question right and its /24 question wrong, through the screens.
fn answer_two_questions(app: &mut App) {
    let request = QuizRequest {
        topic: Some("plugins".into()),
        count: Some(7),
        seed: Some(1),
        include_table_questions: false,
    };
    app.start(Start::Quiz(request)).unwrap();
    let Screen::Quiz(quiz) = app.screen() else {
        panic!("a quiz")
    };
    let order: Vec<String> = quiz
        .session
        .questions()
        .iter()
        .map(|q| q.question.id.clone())
        .collect();
    for id in order {
        match id.as_str() {
            "q-plugins-usable" => {
                press(app, &[Char('2'), Char('5'), Char('0'), Enter, Enter]);
            }
            "q-plugins-windows" => {
                let Screen::Quiz(quiz) = app.screen() else {
                    panic!("a quiz")
                };
                let shown = quiz.session.current().unwrap().displayed();
                let position = shown.iter().position(|o| *o == "Azure CNI").unwrap();
                press(
                    app,
                    &[
                        Char(char::from_digit(position as u32 + 1, 10).unwrap()),
                        Enter,
                        Enter,
                    ],
                );
            }
            // "x" is not a CIDR: it would be refused and asked again, so a CIDR is typed.
            "q-plugins-service-cidr" => {
                let typed: Vec<KeyCode> = "10.9.0.0/16".chars().map(Char).collect();
                press(app, &[typed, vec![Enter, Enter]].concat());
            }
            // Everything else is skipped: Enter on an unanswered typed question is refused, so
            // move on by leaving the question unanswered is not possible; answer it plainly.
            _ => {
                press(app, &[Enter, Char('x'), Enter, Enter]);
            }
        }
    }
}

#[test]
fn every_answer_is_on_disk_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), Theme::monochrome());
    answer_two_questions(&mut app);
    let saved = read_progress_file(&dir.path().join("profiles/default.ron"))
        .unwrap()
        .expect("a progress file");
    let windows = saved
        .item(ItemKind::Question, "q-plugins-windows")
        .expect("recorded");
    assert_eq!(windows.latest_score(), Some(1.0));
    let usable = saved
        .item(ItemKind::Question, "q-plugins-usable")
        .expect("recorded");
    assert_eq!(usable.latest_score(), Some(0.0));
}

#[test]
fn home_shows_mastery_and_what_is_due_as_stats_does() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), Theme::monochrome());
    answer_two_questions(&mut app);
    while app.screens.len() > 1 {
        press(&mut app, &[Esc]);
    }
    insta::assert_snapshot!("home_with_progress", screen(&app));

    // One meaning of "due" (issue 12): the question missed a moment ago is due in a minute, not
    // now, so home says nothing is due, as Stats does, and Review does not ask it early. A miss
    // returns in the same sitting through the engine's review queue (progress::review).
    let refused = app.start(Practice::Review.start());
    assert!(
        refused
            .as_ref()
            .is_err_and(|message| message.starts_with("Nothing is due for review")),
        "{refused:?}"
    );
}

#[test]
fn stats_show_mastery_bars_and_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), Theme::monochrome());
    answer_two_questions(&mut app);
    app.start(Start::Stats).unwrap();
    let text = screen(&app);
    assert!(text.contains("Mastery per topic"), "{text}");
    assert!(text.contains("Network plugins"), "{text}");
    assert!(text.contains("1 session"), "{text}");
    insta::assert_snapshot!("stats", text);
}

#[test]
fn a_lab_step_marked_done_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut app = app_in(dir.path(), Theme::monochrome());
        press(&mut app, &[Enter, KeyCode::Down, Enter, Char(' ')]);
        press(&mut app, &[Esc, Esc]);
    }
    let app = app_in(dir.path(), Theme::monochrome());
    assert!(
        app.store
            .progress()
            .is_step_done("lab-check-plugin", "show-profile")
    );
    assert!(
        screen(&app).contains("Continue: Lab: Check the network plugin"),
        "{}",
        screen(&app)
    );
}

#[test]
fn no_color_draws_every_cell_without_colour() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), Theme::from_no_color(Some("1".into())));
    for keys in [
        &[][..],
        &[Enter],
        &[Enter, Enter],
        &[Enter, Enter, Char('?')],
    ] {
        press(&mut app, keys);
        let terminal = draw(&app);
        for cell in terminal.backend().buffer().content() {
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "a coloured cell under NO_COLOR"
            );
        }
    }
    assert_ne!(
        Theme::from_no_color(None),
        Theme::from_no_color(Some("1".into()))
    );
    assert_eq!(
        Theme::from_no_color(Some("".into())),
        Theme::colour(),
        "an empty NO_COLOR does not count"
    );
}

#[test]
fn r_reloads_an_edited_course_and_refuses_a_broken_one() {
    let dir = tempfile::tempdir().unwrap();
    let course_dir = dir.path().join("course");
    common::copy_dir(std::path::Path::new(common::FIXTURE_COURSE), &course_dir);
    let mut app = app_in(&dir.path().join("data"), Theme::monochrome());
    app.content_dir = Some(course_dir.clone());

    let course_file = course_dir.join("course.ron");
    let text = std::fs::read_to_string(&course_file).unwrap();
    std::fs::write(
        &course_file,
        text.replace("title: \"Fixture Course\"", "title: \"Edited Course\""),
    )
    .unwrap();
    press(&mut app, &[Char('R')]);
    assert_eq!(app.course.title, "Edited Course");
    assert!(
        app.status.as_deref().unwrap_or("").starts_with("Reloaded"),
        "{:?}",
        app.status
    );

    std::fs::write(
        course_dir.join("lessons/dns.md"),
        "## CoreDNS\n\n| a | b |\n|---|---|\n| 1 |\n",
    )
    .unwrap();
    press(&mut app, &[Char('R')]);
    assert_eq!(
        app.course.title, "Edited Course",
        "the course on screen stays"
    );
    let status = app.status.clone().unwrap_or_default();
    assert!(
        status.starts_with("Not reloaded: 1 problem")
            && status.contains("dns.md:5:1: malformed table"),
        "{status}"
    );
}
