//! The real binary in a real pseudo-terminal, as a learner uses it: home → a lesson (to its
//! second section) → back → quit; then `aks-tutor quiz` with one right and one wrong answer →
//! quit; the progress file on disk holds both answers and the lesson; a relaunch offers
//! "Continue" and takes the learner back to that section. Every step waits for text on the
//! screen (with a generous timeout), never for a fixed time.

#[path = "common/pty.rs"]
mod pty;

use std::path::Path;
use std::time::Duration;

use aks_tutor::content::{self, Course, EmbeddedCourse, QuestionKind};
use aks_tutor::progress::file::{Parsed, parse};
use aks_tutor::progress::{Outcome, Place, ProfileName};
use aks_tutor::quiz::{QuizRequest, QuizSession, SessionQuestion};
use pty::Tutor;

const TIMEOUT: Duration = Duration::from_secs(20);
const HOME_FOOTER: &str = "q quit";
const ENTER: &str = "\r";

fn launch(data_dir: &Path, args: &[&str]) -> Tutor {
    let binary = Path::new(env!("CARGO_BIN_EXE_aks-tutor"));
    Tutor::spawn(binary, args, data_dir, 100, 30).expect("start the tutor in a pty")
}

/// The quiz `aks-tutor quiz --count 2 --seed SEED` asks, as the binary builds it.
fn quiz_questions(course: &Course, seed: u64) -> Vec<SessionQuestion> {
    let request = QuizRequest {
        topic: None,
        count: Some(2),
        seed: Some(seed),
        include_table_questions: true,
    };
    QuizSession::new(course, &request)
        .expect("a quiz")
        .questions()
        .to_vec()
}

/// The keys that answer a question right or wrong, for the kinds answered by one choice or by
/// typing; `None` for the others.
fn answer_keys(question: &SessionQuestion, right: bool) -> Option<Vec<String>> {
    let choose = |position: usize| Some(vec![(position + 1).to_string(), ENTER.to_string()]);
    let typed = |text: &str| Some(vec![text.to_string(), ENTER.to_string()]);
    match &question.question.kind {
        QuestionKind::SingleChoice { answer, .. } => {
            let right_at = question.display_order.iter().position(|i| i == answer)?;
            choose(if right {
                right_at
            } else {
                (right_at + 1) % question.display_order.len()
            })
        }
        // Shown as 1 True, 2 False.
        QuestionKind::TrueFalse { answer } => choose(usize::from(*answer != right)),
        QuestionKind::Number { answer } => {
            typed(&if right { *answer } else { answer + 1 }.to_string())
        }
        QuestionKind::Word { accepted } if right => typed(&accepted[0]),
        QuestionKind::Word { .. } => typed("wrongword"),
        _ => None,
    }
}

#[test]
fn a_lesson_and_a_quiz_are_kept_and_the_next_launch_continues() {
    let course = content::load(&EmbeddedCourse).expect("the embedded course loads");
    let data = tempfile::tempdir().expect("a temp data dir");

    // Home → the first topic → its first lesson → the next section → back home → quit.
    let mut tutor = launch(data.path(), &[]);
    tutor
        .wait_for(TIMEOUT, |s| s.contents().contains(HOME_FOOTER))
        .unwrap();
    let lesson = &course.topics[0].lessons[0];
    tutor.press(&[ENTER]);
    tutor.wait_for_text(&lesson.title, TIMEOUT).unwrap();
    tutor.press(&[ENTER]);
    let anchors: Vec<&str> = lesson.technical.anchors().collect();
    let second = lesson.section_title(anchors[1]).expect("a second section");
    tutor.press(&["]"]);
    tutor
        .wait_for(TIMEOUT, |s| {
            s.contents().contains(&format!("§ {second}")) || s.contents().contains(second)
        })
        .unwrap();
    tutor.press(&["q", "q"]);
    tutor.wait_for_text(HOME_FOOTER, TIMEOUT).unwrap();
    tutor.press(&["q"]);
    assert!(tutor.wait_exit(TIMEOUT).unwrap().success());

    // A quiz of two questions: the first answered right, the second wrong. Both hand-written
    // here; table questions are kept too, and the next test plays one.
    let hand_written = |q: &SessionQuestion| course.questions().any(|c| c.id == q.question.id);
    let seed = (1..2000)
        .find(|&seed| {
            let questions = quiz_questions(&course, seed);
            questions.iter().all(hand_written)
                && answer_keys(&questions[0], true).is_some()
                && answer_keys(&questions[1], false).is_some()
        })
        .expect("a seed whose questions are answered by a choice or by typing");
    let questions = quiz_questions(&course, seed);
    let mut tutor = launch(
        data.path(),
        &["quiz", "--count", "2", "--seed", &seed.to_string()],
    );
    for (question, right) in questions.iter().zip([true, false]) {
        let prompt: String = question.question.prompt.chars().take(30).collect();
        tutor.wait_for_text(&prompt, TIMEOUT).unwrap();
        let keys = answer_keys(question, right).expect("answerable");
        tutor.press(&keys.iter().map(String::as_str).collect::<Vec<_>>());
        let verdict = if right {
            "✓ Right."
        } else {
            "✗ Not right."
        };
        tutor.wait_for_text(verdict, TIMEOUT).unwrap();
        tutor.press(&[ENTER]);
    }
    tutor.wait_for_text("Score: 1 of 2", TIMEOUT).unwrap();
    tutor.press(&[ENTER]);
    tutor.wait_for_text(HOME_FOOTER, TIMEOUT).unwrap();
    tutor.press(&["q"]);
    assert!(tutor.wait_exit(TIMEOUT).unwrap().success());

    // The progress file on disk.
    let path = ProfileName::default().progress_file(data.path());
    let bytes = std::fs::read(&path).expect("the progress file was written");
    let Parsed::Progress(progress) = parse(&bytes) else {
        panic!(
            "the progress file does not parse:\n{}",
            String::from_utf8_lossy(&bytes)
        );
    };
    for (question, right) in questions.iter().zip([1.0, 0.0]) {
        let item = progress
            .questions
            .get(&question.question.id)
            .unwrap_or_else(|| {
                panic!(
                    "{} is not in the progress file:\n{}",
                    question.question.id,
                    String::from_utf8_lossy(&bytes)
                )
            });
        assert_eq!(item.answers.len(), 1, "{}", question.question.id);
        assert_eq!(item.answers[0].result, Outcome::Score(right));
    }
    let resume = progress.resume.as_ref().expect("a place to resume");
    assert_eq!(
        resume.place(),
        Place::Lesson {
            lesson: &lesson.id,
            section: Some(anchors[1])
        }
    );

    // The next launch offers to continue, and continuing opens that section.
    let mut tutor = launch(data.path(), &[]);
    tutor.wait_for_text("Continue:", TIMEOUT).unwrap();
    tutor.press(&[ENTER]);
    tutor.wait_for_text(&lesson.title, TIMEOUT).unwrap();
    tutor.wait_for_text(second, TIMEOUT).unwrap();
    tutor.press(&["q", "q"]);
    assert!(tutor.wait_exit(TIMEOUT).unwrap().success());
}

/// Pasting a burst bigger than crossterm's 1 KiB read buffer must not leave bytes waiting for the
/// next key (issue: a 3,000-byte paste showed 1,024 and Ctrl-C waited): the rest of the burst and
/// the Ctrl-C after it are read at once.
#[test]
fn a_large_paste_then_ctrl_c_quits_at_once() {
    let data = tempfile::tempdir().unwrap();
    let mut tutor = launch(data.path(), &[]);
    tutor.wait_for_text(HOME_FOOTER, TIMEOUT).unwrap();
    tutor.press(&["/"]);
    tutor.wait_for_text("Search ›", TIMEOUT).unwrap();
    let burst = "j".repeat(3_000);
    tutor.press(&[&burst, "\u{3}"]);
    let status = tutor
        .wait_exit(Duration::from_secs(3))
        .expect("Ctrl-C after a burst quits without another key");
    assert!(status.success(), "{status}");
}

/// SIGTERM (and SIGHUP) give the terminal back as a normal exit does: the main screen, no mouse
/// reporting, the cursor showing, so the shell is usable after `kill`.
#[test]
fn sigterm_restores_the_terminal() {
    let data = tempfile::tempdir().unwrap();
    let mut tutor = launch(data.path(), &[]);
    tutor.wait_for_text(HOME_FOOTER, TIMEOUT).unwrap();
    assert!(tutor.parser.screen().alternate_screen());
    let pid = rustix::process::Pid::from_raw(tutor.child.id() as i32).expect("a pid");
    rustix::process::kill_process(pid, rustix::process::Signal::TERM).expect("send SIGTERM");
    let status = tutor
        .wait_exit(TIMEOUT)
        .expect("the tutor exits on SIGTERM");
    assert_eq!(status.code(), Some(128 + 15), "{status}");
    let screen = tutor.parser.screen();
    assert!(!screen.alternate_screen(), "back on the main screen");
    assert_eq!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse reporting is off"
    );
    assert!(!screen.hide_cursor(), "the cursor shows");
}

/// Table questions, a sizing exercise and a short exam, each in its own launch, all land in the
/// record: `progress --json` after a relaunch shows the three, and the name given with --name.
#[test]
fn a_table_question_a_sizing_exercise_and_an_exam_are_all_kept() {
    let course = content::load(&EmbeddedCourse).expect("the embedded course loads");
    let data = tempfile::tempdir().expect("a temp data dir");
    let binary = Path::new(env!("CARGO_BIN_EXE_aks-tutor"));

    // A quiz whose first question is generated from a table, answered right, then left.
    let seed = (1..5000)
        .find(|&seed| {
            let questions = quiz_questions(&course, seed);
            questions[0].question.id.starts_with("t-") && answer_keys(&questions[0], true).is_some()
        })
        .expect("a seed whose first question comes from a table");
    let table_question = quiz_questions(&course, seed)[0].clone();
    let mut tutor = launch(
        data.path(),
        &[
            "--name",
            "Ada",
            "quiz",
            "--count",
            "2",
            "--seed",
            &seed.to_string(),
        ],
    );
    let prompt: String = table_question.question.prompt.chars().take(30).collect();
    tutor.wait_for_text(&prompt, TIMEOUT).unwrap();
    let keys = answer_keys(&table_question, true).unwrap();
    tutor.press(&keys.iter().map(String::as_str).collect::<Vec<_>>());
    tutor.wait_for_text("✓ Right.", TIMEOUT).unwrap();
    // Leaving mid-quiz asks first; a second Esc leaves.
    tutor.press(&["\u{1b}"]);
    tutor.wait_for_text("leaves the quiz", TIMEOUT).unwrap();
    tutor.press(&["\u{1b}"]);
    tutor.wait_for_text(HOME_FOOTER, TIMEOUT).unwrap();
    tutor.press(&["q"]);
    assert!(tutor.wait_exit(TIMEOUT).unwrap().success());

    // A sizing exercise, answered (right or wrong, it is practice of its skill).
    let mut tutor = launch(data.path(), &["sizing", "--seed", "7"]);
    tutor.wait_for_text("Answer ›", TIMEOUT).unwrap();
    tutor.press(&["1", ENTER]);
    tutor.wait_for_text("Enter next exercise", TIMEOUT).unwrap();
    tutor.press(&["\u{1b}"]);
    tutor.wait_for_text(HOME_FOOTER, TIMEOUT).unwrap();
    tutor.press(&["q"]);
    assert!(tutor.wait_exit(TIMEOUT).unwrap().success());

    // A two-question exam: start it, record an answer to each, hand it in.
    let mut tutor = launch(data.path(), &["exam", "--count", "2", "--seed", "3"]);
    tutor.wait_for_text("Pass mark", TIMEOUT).unwrap();
    tutor.press(&[ENTER]);
    tutor.wait_for_text("Question 1 of 2", TIMEOUT).unwrap();
    tutor.press(&["1", ENTER]);
    tutor.wait_for_text("Question 2 of 2", TIMEOUT).unwrap();
    tutor.press(&["1", ENTER]);
    tutor.wait_for_text("Finish the exam?", TIMEOUT).unwrap();
    tutor.press(&[ENTER]);
    tutor.wait_for_text("Exam results", TIMEOUT).unwrap();
    tutor.press(&[ENTER]);
    tutor.wait_for_text(HOME_FOOTER, TIMEOUT).unwrap();
    tutor.press(&["q"]);
    assert!(tutor.wait_exit(TIMEOUT).unwrap().success());

    // What the record says, read back as a team lead would.
    let output = std::process::Command::new(binary)
        .args(["progress", "--json"])
        .env("AKS_TUTOR_DATA_DIR", data.path())
        .output()
        .expect("progress runs");
    assert!(output.status.success(), "{output:?}");
    let json = String::from_utf8(output.stdout).unwrap();
    assert!(
        json.contains(&table_question.question.id),
        "the table question: {json}"
    );
    assert!(json.contains("sizing-"), "a sizing skill: {json}");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let text = value.to_string();
    assert!(text.contains("\"exams\""), "exam attempts listed: {json}");
    let path = ProfileName::default().progress_file(data.path());
    let Parsed::Progress(progress) = parse(&std::fs::read(&path).unwrap()) else {
        panic!("the progress file parses")
    };
    assert_eq!(progress.exams.len(), 1, "the exam attempt is kept");
    assert_eq!(progress.learner_name(), Some("Ada"));
}

/// An exam killed after six answers (kill -9: nothing runs on the way out) is offered on the
/// next launch and resumes with the six answers.
#[test]
fn an_exam_killed_after_six_answers_resumes_with_six() {
    let data = tempfile::tempdir().expect("a temp data dir");
    let mut tutor = launch(data.path(), &["exam", "--count", "8", "--seed", "5"]);
    tutor.wait_for_text("Pass mark", TIMEOUT).unwrap();
    tutor.press(&[ENTER]);
    for answered in 1..=6 {
        tutor
            .wait_for_text(&format!("Question {answered} of 8"), TIMEOUT)
            .unwrap();
        tutor.press(&["1", ENTER]);
    }
    tutor.wait_for_text("Question 7 of 8", TIMEOUT).unwrap();
    tutor.child.kill().expect("kill -9 the tutor");
    let _ = tutor.child.wait();

    let mut tutor = launch(data.path(), &[]);
    tutor
        .wait_for_text("Continue: the mock exam (6 of 8 answered)", TIMEOUT)
        .unwrap();
    tutor.press(&[ENTER]);
    tutor
        .wait_for_text("Question 7 of 8", TIMEOUT)
        .expect("back at the first unanswered question");
    assert!(
        tutor.contents().contains("6 answered"),
        "{}",
        tutor.contents()
    );
    tutor.press(&["\u{3}", "\u{3}"]);
    assert!(tutor.wait_exit(TIMEOUT).unwrap().success());
}

/// `aks-tutor debug SCENARIO --seed N`, solved by the engine's shortest path for the cause that
/// seed draws; the attempt is then in `aks-tutor progress --json`.
#[test]
fn a_debugging_lab_solved_by_its_shortest_path_is_in_progress_json() {
    use aks_tutor::debug::{DebugSession, find_scenario, shortest_paths};

    const SCENARIO: &str = "debug-lb-pending";
    const SEED: u64 = 1;
    let course = content::load(&EmbeddedCourse).expect("the embedded course loads");
    let scenario = find_scenario(&course, SCENARIO).expect("the scenario is in the course");
    let cause = DebugSession::new(scenario, SEED)
        .expect("a session")
        .drawn_cause()
        .to_string();
    let (_, path) = shortest_paths(scenario)
        .into_iter()
        .find(|(id, _)| *id == cause)
        .expect("the drawn cause has a shortest path");
    let cause_at = scenario.cause_index(&cause).unwrap();
    let fix_at = scenario.fix_index(&scenario.causes[cause_at].fix).unwrap();
    // To the top of the list, then down to the entry.
    let to = |index: usize| format!("{}{}", "k".repeat(20), "j".repeat(index));

    let data = tempfile::tempdir().unwrap();
    let seed = SEED.to_string();
    let mut tutor = launch(data.path(), &["debug", SCENARIO, "--seed", &seed]);
    tutor.wait_for_text("Diagnostic steps", TIMEOUT).unwrap();
    for (n, action_id) in path.iter().enumerate() {
        let index = scenario.action_index(action_id).unwrap();
        tutor.press(&[&to(index), ENTER]);
        let label = &scenario.actions[index].label;
        tutor
            .wait_for_text(&format!("{}. {label}", n + 1), TIMEOUT)
            .unwrap();
    }
    tutor.press(&["c"]);
    tutor
        .wait_for_text("What is the root cause?", TIMEOUT)
        .unwrap();
    tutor.press(&[&to(cause_at), ENTER]);
    tutor.wait_for_text("Which fix?", TIMEOUT).unwrap();
    tutor.press(&[&to(fix_at), ENTER]);
    tutor
        .wait_for_text("✓ Solved · score 100 / 100", TIMEOUT)
        .unwrap();
    tutor.press(&["q"]);
    tutor.wait_for_text(HOME_FOOTER, TIMEOUT).unwrap();
    tutor.press(&["q"]);
    assert!(tutor.wait_exit(TIMEOUT).unwrap().success());

    let output = std::process::Command::new(env!("CARGO_BIN_EXE_aks-tutor"))
        .arg("--data-dir")
        .arg(data.path())
        .args(["progress", "--json"])
        .output()
        .expect("run aks-tutor progress --json");
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let labs = json["debug_labs"]
        .as_array()
        .unwrap_or_else(|| panic!("no debug_labs in {json:#}"));
    let lab = labs
        .iter()
        .find(|lab| lab["scenario"] == SCENARIO)
        .unwrap_or_else(|| panic!("{SCENARIO} is not in {labs:#?}"));
    assert_eq!(lab["cause"], cause.as_str());
    assert_eq!(lab["solved"], 1);
    assert_eq!(lab["fewest_steps"], path.len());
    assert_eq!(lab["best_score"], 1.0);
}
