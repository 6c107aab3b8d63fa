//! The quiz screen for every question kind, before and after answering, at 80x24, driven by
//! the keys a learner presses. Questions come from the fixture course in a fixed option order.

mod common;

use aks_tutor::app::App;
use aks_tutor::input::action_for;
use aks_tutor::quiz::{QuizSession, SessionQuestion};
use aks_tutor::screens::Screen;
use aks_tutor::screens::quiz::QuizScreen;
use common::{fixture_course, press, screen, unsaved_store};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use KeyCode::{Char, Down, Enter};

/// An app showing a quiz of the fixture questions with these ids, each shown in `order`.
fn quiz_app(questions: &[(&str, Vec<usize>)]) -> App {
    let course = fixture_course();
    let asked = questions
        .iter()
        .map(|(id, order)| SessionQuestion {
            question: course
                .questions()
                .find(|q| q.id == *id)
                .expect("a fixture question")
                .clone(),
            topic_id: "plugins".into(),
            topic_title: "Network plugins".into(),
            display_order: order.clone(),
        })
        .collect();
    let mut app = common::app_with(course, unsaved_store(), 80, 24);
    app.open(Screen::Quiz(Box::new(QuizScreen::new(
        QuizSession::from_questions(7, asked),
    ))));
    app
}

fn quiz(app: &App) -> &QuizScreen {
    match app.screen() {
        Screen::Quiz(quiz) => quiz,
        _ => panic!("not on the quiz screen"),
    }
}

#[test]
fn single_choice_right() {
    let mut app = quiz_app(&[("q-plugins-windows", vec![1, 0])]);
    insta::assert_snapshot!("single_choice_before", screen(&app));
    press(&mut app, &[Char('1'), Enter]);
    insta::assert_snapshot!("single_choice_after", screen(&app));
    assert_eq!(quiz(&app).session.score(), 1.0);
}

#[test]
fn multi_select_partly_right() {
    let mut app = quiz_app(&[("q-plugins-overlay-models", vec![0, 1, 2])]);
    press(&mut app, &[Char(' '), Down]);
    insta::assert_snapshot!("multi_select_before", screen(&app));
    press(&mut app, &[Char(' '), Enter]);
    insta::assert_snapshot!("multi_select_after", screen(&app));
    assert_eq!(
        quiz(&app).session.score(),
        0.0,
        "one right and one wrong pick cancel out"
    );
}

#[test]
fn true_false_wrong() {
    let mut app = quiz_app(&[("q-plugins-kubenet-windows", vec![])]);
    insta::assert_snapshot!("true_false_before", screen(&app));
    press(&mut app, &[Enter]);
    insta::assert_snapshot!("true_false_after", screen(&app));
}

#[test]
fn typed_number_with_a_thousands_separator_and_letters_typed() {
    let mut app = quiz_app(&[("q-plugins-usable", vec![])]);
    press(
        &mut app,
        &[
            Char('2'),
            Char('5'),
            Char('q'),
            KeyCode::Backspace,
            Char('1'),
        ],
    );
    insta::assert_snapshot!("number_before", screen(&app));
    press(&mut app, &[Enter]);
    insta::assert_snapshot!("number_after", screen(&app));
    assert_eq!(quiz(&app).session.score(), 1.0);
}

#[test]
fn typed_cidr_with_host_bits_is_explained() {
    let mut app = quiz_app(&[("q-plugins-service-cidr", vec![])]);
    for ch in "10.2.1.0/16".chars() {
        press(&mut app, &[Char(ch)]);
    }
    press(&mut app, &[Enter]);
    insta::assert_snapshot!("cidr_after", screen(&app));
}

#[test]
fn typed_word() {
    let mut app = quiz_app(&[("q-plugins-resolver", vec![])]);
    for ch in " 168.63.129.16 ".chars() {
        press(&mut app, &[Char(ch)]);
    }
    insta::assert_snapshot!("word_before", screen(&app));
    press(&mut app, &[Enter]);
    assert_eq!(quiz(&app).session.score(), 1.0);
}

#[test]
fn ordering_with_one_step_moved() {
    let mut app = quiz_app(&[("q-plugins-check-order", vec![2, 0, 1])]);
    insta::assert_snapshot!("ordering_before", screen(&app));
    press(&mut app, &[Char(' '), Down, Down, Char(' ')]);
    insta::assert_snapshot!("ordering_moved", screen(&app));
    press(&mut app, &[Enter]);
    insta::assert_snapshot!("ordering_after", screen(&app));
    assert_eq!(quiz(&app).session.score(), 1.0);
}

#[test]
fn summary_lists_the_missed_and_retry_asks_them_again() {
    let mut app = quiz_app(&[
        ("q-plugins-windows", vec![0, 1]),
        ("q-plugins-kubenet-windows", vec![]),
    ]);
    press(&mut app, &[Char('1'), Enter, Enter, Down, Enter, Enter]);
    insta::assert_snapshot!("summary", screen(&app));
    press(&mut app, &[Char('r')]);
    let retry = quiz(&app);
    assert_eq!((retry.round, retry.session.len()), (2, 1));
    assert_eq!(
        retry.session.current().unwrap().question.id,
        "q-plugins-windows"
    );
}

#[test]
fn o_opens_the_cited_section_and_back_returns_to_the_quiz() {
    let mut app = quiz_app(&[("q-plugins-check-order", vec![0, 1, 2])]);
    press(&mut app, &[Enter, Char('o')]);
    let Screen::Lesson(lesson) = app.screen() else {
        panic!("o opens the lesson")
    };
    let (_, section) = lesson.doc.current_section().expect("a section on screen");
    assert!(
        lesson.doc.top() > 0 && section == "Checking a cluster",
        "the cited section is at the top of the screen"
    );
    press(&mut app, &[Char('q')]);
    assert!(matches!(app.screen(), Screen::Quiz(_)));
}

mod interview {
    use super::*;
    use aks_tutor::screens::interview::{InterviewScreen, rehearsals};
    use std::time::{Duration, Instant};

    fn interview_app(time_limit: Option<Duration>) -> (App, Instant) {
        let mut app = quiz_app(&[]);
        press(&mut app, &[KeyCode::Esc]);
        let start = Instant::now();
        let items = rehearsals(&app.course, None);
        app.open(Screen::Interview(Box::new(InterviewScreen::new(
            items, time_limit, start,
        ))));
        (app, start)
    }

    fn type_text(app: &mut App, text: &str) {
        for ch in text.chars() {
            press(app, &[Char(ch)]);
        }
    }

    #[test]
    fn answering_with_a_hint_and_a_countdown() {
        let (mut app, start) = interview_app(Some(Duration::from_secs(120)));
        press(&mut app, &[KeyCode::Tab]);
        type_text(&mut app, "Kubenet NATs pods? Yes.");
        let _ = app.update(aks_tutor::input::Action::Tick(
            start + Duration::from_secs(5),
        ));
        insta::assert_snapshot!("interview_answering", screen(&app));
    }

    #[test]
    fn the_reveal_marks_the_touched_key_points_and_a_grade_moves_on() {
        let (mut app, _) = interview_app(None);
        type_text(&mut app, "Kubenet uses NAT behind the node.");
        let ctrl_d = Event::Key(KeyEvent::new(Char('d'), KeyModifiers::CONTROL));
        let action = action_for(&app.keymap(), &ctrl_d).unwrap();
        let _ = app.update(action);
        insta::assert_snapshot!("interview_revealed", screen(&app));
        press(&mut app, &[Char('3')]);
        let Screen::Interview(interview) = app.screen() else {
            panic!("still rehearsing")
        };
        assert_eq!(interview.grades.len(), 1);
        insta::assert_snapshot!("interview_finished", screen(&app));
    }
}

mod exam {
    use super::*;
    use aks_tutor::quiz::MockExam;
    use aks_tutor::screens::exam::{ExamPhase, ExamScreen};
    use std::time::{Duration, Instant};

    fn exam_app() -> (App, Instant) {
        let mut app = quiz_app(&[]);
        press(&mut app, &[KeyCode::Esc]);
        let question = |id: &str, order: Vec<usize>| SessionQuestion {
            question: app.course.questions().find(|q| q.id == id).unwrap().clone(),
            topic_id: "plugins".into(),
            topic_title: "Network plugins".into(),
            display_order: order,
        };
        let questions = vec![
            question("q-plugins-windows", vec![0, 1]),
            question("q-plugins-usable", vec![]),
            question("q-plugins-kubenet-windows", vec![]),
        ];
        let start = Instant::now();
        let exam = MockExam::from_questions(11, questions);
        app.open(Screen::Exam(Box::new(ExamScreen::new(
            exam,
            Some(Duration::from_secs(270)),
            start,
        ))));
        press(&mut app, &[Enter]);
        (app, start)
    }

    #[test]
    fn the_exam_opens_on_an_intro_and_the_clock_starts_with_enter() {
        let mut app = common::app_with(fixture_course(), unsaved_store(), 80, 24);
        app.start(aks_tutor::screens::Start::Exam {
            request: aks_tutor::quiz::QuizRequest {
                count: Some(500),
                seed: Some(3),
                ..aks_tutor::quiz::QuizRequest::default()
            },
            time_limit: None,
            pass_mark: 80,
        })
        .unwrap();
        let asked = match phase(&app) {
            ExamPhase::Intro(exam) => exam.len(),
            _ => panic!("the exam opens on its intro"),
        };
        let text = screen(&app);
        assert!(text.contains("fewer than the 500 asked for"), "{text}");
        assert!(text.contains("Pass mark: 80%"), "{text}");
        let Screen::Exam(exam) = app.screen() else {
            panic!("the exam")
        };
        assert_eq!(
            exam.time_limit,
            Some(Duration::from_secs(90 * asked as u64)),
            "the clock follows the questions asked"
        );
        assert_eq!(exam.deadline, None, "no clock before Enter");
        insta::assert_snapshot!("exam_intro", text);
        press(&mut app, &[Enter]);
        assert!(matches!(phase(&app), ExamPhase::Answering(_)));
    }

    fn phase(app: &App) -> &ExamPhase {
        match app.screen() {
            Screen::Exam(exam) => &exam.phase,
            _ => panic!("not on the exam screen"),
        }
    }

    #[test]
    fn answers_are_recorded_without_feedback_then_reviewed() {
        let (mut app, _) = exam_app();
        insta::assert_snapshot!("exam_question", screen(&app));
        press(&mut app, &[Char('2'), Enter]);
        for ch in "250".chars() {
            press(&mut app, &[Char(ch)]);
        }
        press(&mut app, &[Enter, KeyCode::BackTab]);
        insta::assert_snapshot!("exam_recorded_answer", screen(&app));
        press(&mut app, &[Enter, Enter]);
        assert!(
            matches!(phase(&app), ExamPhase::Confirm(_)),
            "past the last question: the finish page"
        );
        insta::assert_snapshot!("exam_confirm", screen(&app));
        press(&mut app, &[Enter]);
        let ExamPhase::Review(report) = phase(&app) else {
            panic!("finished")
        };
        assert_eq!(report.score(), 1.0, "only the Windows question was right");
        insta::assert_snapshot!("exam_review", screen(&app));
        // Each question is a stop for ] and [; o opens the lesson the one at the top cites.
        press(&mut app, &[Char(']'), Char('o')]);
        assert!(
            matches!(app.screen(), Screen::Lesson(_)),
            "o opens the question's lesson: {}",
            screen(&app)
        );
        press(&mut app, &[KeyCode::Esc]);
        assert!(matches!(app.screen(), Screen::Exam(_)));
        press(&mut app, &[Char('r')]);
        let Screen::Quiz(retry) = app.screen() else {
            panic!("r retries the missed questions as a quiz")
        };
        assert_eq!(retry.session.len(), 2, "the two missed questions");
    }

    #[test]
    fn time_up_finishes_the_exam() {
        let (mut app, start) = exam_app();
        let _ = app.update(aks_tutor::input::Action::Tick(
            start + Duration::from_secs(271),
        ));
        assert!(matches!(phase(&app), ExamPhase::Review(_)));
        assert_eq!(
            app.status.as_deref(),
            Some("Time's up: the exam is finished.")
        );
    }
}

mod leaving {
    use super::*;
    use aks_tutor::quiz::QuizRequest;
    use aks_tutor::screens::Start;
    use aks_tutor::screens::interview::{InterviewScreen, rehearsals};
    use std::time::Instant;

    #[test]
    fn esc_in_the_middle_of_a_quiz_asks_first() {
        let mut app = quiz_app(&[("q-plugins-check-order", vec![0, 1, 2])]);
        press(&mut app, &[KeyCode::Esc]);
        assert!(
            matches!(app.screen(), Screen::Home(_)),
            "nothing answered yet: Esc leaves at once"
        );
        let mut app = quiz_app(&[
            ("q-plugins-check-order", vec![0, 1, 2]),
            ("q-plugins-windows", vec![0]),
        ]);
        press(&mut app, &[Enter, Enter, KeyCode::Esc]);
        assert!(
            matches!(app.screen(), Screen::Quiz(_)),
            "one answered: asks"
        );
        assert!(
            app.status
                .as_deref()
                .is_some_and(|s| s.contains("leaves the quiz")),
            "{:?}",
            app.status
        );
        press(&mut app, &[KeyCode::Esc]);
        assert!(matches!(app.screen(), Screen::Home(_)));
    }

    #[test]
    fn leaving_a_typed_interview_answer_asks_for_a_second_esc() {
        let mut app = quiz_app(&[]);
        press(&mut app, &[KeyCode::Esc]);
        let items = rehearsals(&app.course, None);
        app.open(Screen::Interview(Box::new(InterviewScreen::new(
            items,
            None,
            Instant::now(),
        ))));
        common::type_text(&mut app, "NAT");
        press(&mut app, &[KeyCode::Esc]);
        assert!(
            matches!(app.screen(), Screen::Interview(_)),
            "the first Esc only warns"
        );
        assert!(
            app.status.as_deref().unwrap_or("").contains("not kept"),
            "{:?}",
            app.status
        );
        press(&mut app, &[KeyCode::Esc]);
        assert!(
            matches!(app.screen(), Screen::Home(_)),
            "the second Esc leaves"
        );
    }

    #[test]
    fn an_empty_answer_leaves_at_once_and_the_warning_resets() {
        let mut app = quiz_app(&[]);
        press(&mut app, &[KeyCode::Esc]);
        let request = QuizRequest {
            count: Some(2),
            seed: Some(1),
            ..QuizRequest::default()
        };
        app.start(Start::Exam {
            request,
            time_limit: None,
            pass_mark: 70,
        })
        .unwrap();
        press(&mut app, &[KeyCode::Esc]);
        assert!(
            matches!(app.screen(), Screen::Home(_)),
            "the intro has nothing to lose"
        );
        app.start(Start::Exam {
            request: QuizRequest {
                count: Some(2),
                seed: Some(1),
                ..QuizRequest::default()
            },
            time_limit: None,
            pass_mark: 70,
        })
        .unwrap();
        press(&mut app, &[Enter]);
        press(&mut app, &[KeyCode::Esc]);
        assert!(
            matches!(app.screen(), Screen::Exam(_)),
            "an exam in progress warns first"
        );
        press(&mut app, &[KeyCode::Down, KeyCode::Esc]);
        assert!(
            matches!(app.screen(), Screen::Exam(_)),
            "another key in between: warned again"
        );
        // Ctrl-C asks as Esc does, then quits.
        press(&mut app, &[KeyCode::Down]);
        let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
        let quit = action_for(&app.keymap(), &ctrl_c).unwrap();
        let _ = app.update(quit);
        assert!(app.running, "the first Ctrl-C in an exam only warns");
        assert!(
            app.status
                .as_deref()
                .is_some_and(|s| s.contains("Ctrl-C again")),
            "{:?}",
            app.status
        );
        press(&mut app, &[KeyCode::Down, KeyCode::Esc, KeyCode::Esc]);
        assert!(matches!(app.screen(), Screen::Home(_)));
        let _ = app.update(quit);
        assert!(!app.running, "at home Ctrl-C quits at once");
        app.running = true;
        let items = rehearsals(&app.course, None);
        app.open(Screen::Interview(Box::new(InterviewScreen::new(
            items,
            None,
            Instant::now(),
        ))));
        press(&mut app, &[KeyCode::Esc]);
        assert!(
            matches!(app.screen(), Screen::Home(_)),
            "nothing typed: nothing to lose"
        );
    }
}
