//! What a learner does on each screen lands in the one record: table questions count for mastery,
//! a sizing exercise schedules its skill, an exam keeps each answer as it is given and its attempt
//! when handed in, and input that is not an answer is refused and asked again, never graded.

mod common;

use aks_tutor::app::App;
use aks_tutor::content::QuestionKind;
use aks_tutor::progress::{ItemKind, Mode, read_progress_file};
use aks_tutor::quiz::{QuizRequest, QuizSession};
use aks_tutor::screens::quiz::QuizScreen;
use aks_tutor::screens::{Screen, Start};
use aks_tutor::ui::theme::Theme;
use common::{fixture_course, press, screen, store_in, type_text};
use crossterm::event::KeyCode;

use KeyCode::{Char, Enter, Tab};

fn app_in(data_dir: &std::path::Path) -> App {
    let mut app = App::new(fixture_course(), Theme::monochrome(), store_in(data_dir));
    app.resize(80, 24);
    common::settle(&mut app);
    app
}

fn saved(data_dir: &std::path::Path) -> aks_tutor::progress::Progress {
    read_progress_file(&data_dir.join("profiles/default.ron"))
        .expect("the progress file reads")
        .expect("the progress file exists")
}

#[test]
fn a_quiz_of_table_questions_answered_right_raises_the_topics_mastery() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    let topic = "plugins";
    let before = app
        .summary
        .topics
        .iter()
        .find(|t| t.topic == topic)
        .unwrap()
        .mastery;
    let request = QuizRequest {
        topic: Some(topic.into()),
        include_table_questions: true,
        ..QuizRequest::default()
    };
    let all = QuizSession::new(&app.course, &request).unwrap();
    let table: Vec<_> = all
        .questions()
        .iter()
        .filter(|q| q.question.id.starts_with("t-"))
        .cloned()
        .collect();
    assert!(!table.is_empty(), "the fixture's table makes questions");
    let ids: Vec<String> = table.iter().map(|q| q.question.id.clone()).collect();
    app.open(Screen::Quiz(Box::new(QuizScreen::new(
        QuizSession::from_questions(5, table.clone()),
    ))));
    for question in &table {
        let QuestionKind::SingleChoice { answer, .. } = question.question.kind else {
            panic!("table questions choose one option")
        };
        let shown = question
            .display_order
            .iter()
            .position(|&i| i == answer)
            .unwrap();
        let digit = char::from_digit(shown as u32 + 1, 10).unwrap();
        press(&mut app, &[Char(digit), Enter, Enter]);
    }
    let progress = saved(dir.path());
    for id in &ids {
        let item = progress
            .item(ItemKind::Question, id)
            .unwrap_or_else(|| panic!("{id} kept"));
        assert_eq!(item.latest_score(), Some(1.0), "{id}");
    }
    let after = app
        .summary
        .topics
        .iter()
        .find(|t| t.topic == topic)
        .unwrap()
        .mastery;
    assert!(
        after.unwrap_or(0.0) > before.unwrap_or(0.0),
        "mastery {before:?} → {after:?}"
    );
}

#[test]
fn units_typed_with_a_number_are_refused_and_asked_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    let question = QuizSession::new(
        &app.course,
        &QuizRequest {
            topic: Some("plugins".into()),
            ..QuizRequest::default()
        },
    )
    .unwrap()
    .questions()
    .iter()
    .find(|q| q.question.id == "q-plugins-usable")
    .cloned()
    .unwrap();
    app.open(Screen::Quiz(Box::new(QuizScreen::new(
        QuizSession::from_questions(1, vec![question]),
    ))));
    type_text(&mut app, "251 addresses");
    press(&mut app, &[Enter]);
    let Screen::Quiz(quiz) = app.screen() else {
        panic!("still the quiz")
    };
    assert_eq!(quiz.session.answered(), 0, "refused, not graded");
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.contains("number only")),
        "{:?}",
        app.status
    );
    assert!(
        saved_or_none(dir.path())
            .is_none_or(|p| p.item(ItemKind::Question, "q-plugins-usable").is_none())
    );
    for _ in 0.."251 addresses".len() {
        press(&mut app, &[KeyCode::Backspace]);
    }
    type_text(&mut app, "251");
    press(&mut app, &[Enter]);
    let Screen::Quiz(quiz) = app.screen() else {
        panic!("still the quiz")
    };
    assert_eq!(quiz.session.answered(), 1);
    assert!(screen(&app).contains("Right"), "{}", screen(&app));
}

fn saved_or_none(data_dir: &std::path::Path) -> Option<aks_tutor::progress::Progress> {
    read_progress_file(&data_dir.join("profiles/default.ron"))
        .ok()
        .flatten()
}

#[test]
fn a_sizing_exercise_schedules_its_skill() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    app.start(Start::Sizing { seed: Some(7) }).unwrap();
    let Screen::Sizing(sizing) = app.screen() else {
        panic!("sizing")
    };
    let skill = aks_tutor::progress::SizingSkill::of_exercise(sizing.exercise.kind);
    type_text(&mut app, "1");
    press(&mut app, &[Enter]);
    let progress = saved(dir.path());
    let item = progress
        .item(ItemKind::SizingSkill, skill.id())
        .expect("the skill is kept");
    assert_eq!(item.answers.len(), 1);
}

#[test]
fn an_exam_keeps_each_answer_as_given_and_its_attempt_when_handed_in() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    app.start(Start::Exam {
        request: QuizRequest {
            count: Some(3),
            seed: Some(4),
            ..QuizRequest::default()
        },
        time_limit: None,
        pass_mark: 70,
    })
    .unwrap();
    press(&mut app, &[Enter]);
    // The first answer: whatever the kind, a digit and Enter (a typed answer of "1" is an answer).
    press(&mut app, &[Char('1'), Enter]);
    let progress = saved(dir.path());
    let sitting = progress
        .sitting(Mode::Exam)
        .expect("the exam is kept as a sitting");
    assert_eq!(sitting.items.len(), 3);
    assert_eq!(sitting.answers.len(), 1, "the answer is on disk at once");
    assert!(progress.exams.is_empty());
    // To the finish page and hand it in.
    press(&mut app, &[Tab, Tab, Tab]);
    while !screen(&app).contains("Finish the exam?") {
        press(&mut app, &[Tab]);
    }
    press(&mut app, &[Enter]);
    let progress = saved(dir.path());
    assert_eq!(progress.exams.len(), 1, "the attempt is kept");
    assert!(progress.sitting(Mode::Exam).is_none());
    assert_eq!(progress.exams[0].asked, 3);
}

#[test]
fn a_quiz_left_mid_way_is_offered_by_continue_and_resumes_at_its_next_question() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    app.start(Start::Quiz(QuizRequest {
        topic: Some("plugins".into()),
        count: Some(3),
        seed: Some(2),
        include_table_questions: false,
    }))
    .unwrap();
    let Screen::Quiz(quiz) = app.screen() else {
        panic!("a quiz")
    };
    let ids: Vec<String> = quiz
        .session
        .questions()
        .iter()
        .map(|q| q.question.id.clone())
        .collect();
    // Answer the first question with something (a typed "1" or the first option).
    press(&mut app, &[Char('1'), Enter]);
    press(&mut app, &[Enter, KeyCode::Esc, KeyCode::Esc]);
    assert!(matches!(app.screen(), Screen::Home(_)));
    let text = screen(&app);
    assert!(
        text.contains("Continue: the quiz (question 2 of 3)"),
        "{text}"
    );
    press(&mut app, &[KeyCode::Home, Enter]);
    let Screen::Quiz(resumed) = app.screen() else {
        panic!("Continue reopens the quiz: {}", screen(&app))
    };
    let rest: Vec<String> = resumed
        .session
        .questions()
        .iter()
        .map(|q| q.question.id.clone())
        .collect();
    assert_eq!(rest, ids[1..], "from its next question");
}

#[test]
fn home_asks_once_for_the_name_reports_show() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    let ask = "Your name for reports";
    assert!(screen(&app).contains(ask));
    // The entry after the topics.
    let topics = app.course.topics.len();
    for _ in 0..topics {
        press(&mut app, &[KeyCode::Down]);
    }
    press(&mut app, &[Enter]);
    assert!(
        matches!(app.screen(), Screen::NamePrompt(_)),
        "{}",
        screen(&app)
    );
    type_text(&mut app, "Ada Lovelace");
    press(&mut app, &[Enter]);
    assert!(matches!(app.screen(), Screen::Home(_)));
    assert!(!screen(&app).contains(ask), "asked once");
    assert_eq!(saved(dir.path()).learner_name(), Some("Ada Lovelace"));

    // Declined: not asked again, and nothing but that is kept.
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    for _ in 0..topics {
        press(&mut app, &[KeyCode::Down]);
    }
    press(&mut app, &[Enter, KeyCode::Esc]);
    assert!(matches!(app.screen(), Screen::Home(_)));
    assert!(!screen(&app).contains(ask));
    let progress = saved(dir.path());
    assert!(progress.name_declined && progress.learner_name().is_none());
}
