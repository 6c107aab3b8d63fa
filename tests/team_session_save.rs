//! A `--local` session saved as it goes: the room is killed mid-round, `Room::resume`
//! continues it with the scores intact and asks the interrupted round again, and the end
//! writes a markdown and a JSON report that parse.

use std::time::Duration;

#[path = "common/session.rs"]
mod session_support;
use session_support::wait_for;

use aks_tutor::content::{self, Course, EmbeddedCourse};
use aks_tutor::session::game::right_positions;
use aks_tutor::session::protocol::WireAnswer;
use aks_tutor::session::report::Report;
use aks_tutor::session::save::SavedSession;
use aks_tutor::session::{
    HostCommand, HostPhase, HostView, Room, RoomConfig, RoundQuestion, SessionError, SessionFiles,
};

const ID: &str = "20260101-090000-ABCD";

fn course() -> Course {
    content::load(&EmbeddedCourse).expect("the embedded course loads")
}

fn right_answer(question: &RoundQuestion) -> WireAnswer {
    let right = right_positions(question);
    match question.asked.question.kind {
        content::QuestionKind::TrueFalse { .. } => WireAnswer::Bool(right[0] == 0),
        content::QuestionKind::MultiSelect { .. } => WireAnswer::Choices(right),
        _ => WireAnswer::Choice(right[0]),
    }
}

fn open_round(room: &Room, round: u32) {
    room.command(HostCommand::Next);
    wait_for(
        room,
        "the question",
        |v| matches!(v.phase, HostPhase::Question { round: r, .. } if r == round),
    );
}

/// Ana answers right, Ben answers right, Cy never: the round waits, then is skipped.
fn play_round(room: &Room, questions: &[RoundQuestion], round: u32) {
    let answer = right_answer(&questions[round as usize - 1]);
    for player in [0, 1] {
        room.command(HostCommand::AnswerFor {
            player,
            answer: answer.clone(),
        });
    }
    wait_for(room, "two answers", |v| {
        matches!(v.phase, HostPhase::Question { answers_in: 2, .. })
    });
    room.command(HostCommand::Skip);
    wait_for(
        room,
        "the reveal",
        |v| matches!(v.phase, HostPhase::Reveal { round: r, .. } if r == round),
    );
    room.command(HostCommand::Next);
    wait_for(room, "the scoreboard", |v| {
        matches!(v.phase, HostPhase::Scoreboard { .. })
    });
}

fn scores(view: &HostView) -> Vec<(String, u32)> {
    view.players
        .iter()
        .map(|p| (p.name.clone(), p.score))
        .collect()
}

#[test]
fn a_killed_room_resumes_with_its_scores_and_writes_its_report_at_the_end() {
    let course = course();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let sessions = dir.path().join("sessions");
    let questions = session_support::questions(3, 4);
    let room = Room::open(
        RoomConfig {
            title: "Local room".into(),
            questions: questions.clone(),
            time_limit: Duration::from_secs(120),
            code: "ABCD".into(),
            local_players: Some(vec!["Ana".into(), "Ben".into(), "Cy".into()]),
            files: Some(SessionFiles {
                dir: sessions.clone(),
                id: ID.into(),
            }),
        },
        None,
    )
    .expect("opens");
    assert_eq!(room.local_addr(), None, "--local does not listen");
    open_round(&room, 1);
    play_round(&room, &questions, 1);
    open_round(&room, 2);
    play_round(&room, &questions, 2);
    let before = scores(&room.view().1);
    assert!(
        before[0].1 >= 200 && before[1].1 >= 200 && before[2].1 == 0,
        "{before:?}"
    );
    // Round 3 opens and Ana answers; then the facilitator's terminal dies.
    open_round(&room, 3);
    room.command(HostCommand::AnswerFor {
        player: 0,
        answer: right_answer(&questions[2]),
    });
    wait_for(&room, "Ana's answer", |v| v.players[0].answered);
    drop(room);

    let saved = SavedSession::read(&sessions.join(format!("{ID}.json"))).expect("saved");
    assert_eq!(saved.results.len(), 2);
    assert!(!saved.finished);

    let room = Room::resume(&course, &sessions, None).expect("resumes");
    let view = wait_for(&room, "the resumed room", |v| {
        matches!(v.phase, HostPhase::Lobby { .. })
    });
    assert_eq!(scores(&view), before, "scores intact");
    assert_eq!(
        view.phase,
        HostPhase::Lobby { played: 2 },
        "two rounds were revealed"
    );
    assert!(
        view.players.iter().all(|p| p.connected),
        "local players are here"
    );
    assert!(
        view.notices.iter().any(|n| n.contains("Resumed")),
        "{:?}",
        view.notices
    );
    // The interrupted round is asked again, without Ana's lost answer.
    open_round(&room, 3);
    assert!(!room.view().1.players[0].answered);
    play_round(&room, &questions, 3);
    room.command(HostCommand::Next);
    let view = wait_for(&room, "the end", |v| {
        matches!(
            v.phase,
            HostPhase::Finished {
                report: Some(_),
                ..
            }
        )
    });
    let HostPhase::Finished {
        standings, report, ..
    } = &view.phase
    else {
        unreachable!()
    };
    for standing in standings {
        let above = standings
            .iter()
            .filter(|s| s.score > standing.score)
            .count() as u32;
        assert_eq!(standing.rank, above + 1);
    }
    assert_eq!(standings[2].name, "Cy");

    let markdown = std::fs::read_to_string(report.as_ref().unwrap()).expect("markdown report");
    assert!(
        markdown.contains("# Local room") && markdown.contains("| Ana |"),
        "{markdown}"
    );
    let json = std::fs::read(sessions.join(format!("{ID}-report.json"))).expect("json report");
    let parsed: Report = serde_json::from_slice(&json).expect("the JSON report parses");
    assert_eq!(parsed.rounds_played, 3);
    assert_eq!(parsed.players, vec!["Ana", "Ben", "Cy"]);
    assert_eq!(parsed.questions.len(), 3);
    for question in &parsed.questions {
        assert_eq!(question.right_count, 2);
        assert_eq!(question.missed, 1);
        assert!((question.right_share - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(question.options.len(), question.distribution.len());
    }
    assert!(!parsed.most_missed.is_empty());
    drop(room);

    // A finished session is not resumed again.
    let error = Room::resume(&course, &sessions, None)
        .err()
        .expect("nothing to resume");
    assert!(matches!(error, SessionError::NothingToResume { .. }));
    assert!(error.to_string().contains(&sessions.display().to_string()));
}

#[test]
fn a_save_naming_a_question_the_course_lacks_is_refused_with_its_path() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let files = SessionFiles {
        dir: dir.path().to_path_buf(),
        id: ID.into(),
    };
    let saved = SavedSession {
        format: 1,
        id: ID.into(),
        title: "t".into(),
        code: "ABCD".into(),
        time_limit_ms: 30_000,
        local_players: None,
        questions: vec![aks_tutor::session::save::SavedQuestion {
            id: "no-such-question".into(),
            display_order: vec![0, 1],
        }],
        players: Vec::new(),
        results: Vec::new(),
        finished: false,
    };
    let path = saved.save(&files).expect("saves");
    let error = Room::resume(&course(), dir.path(), None)
        .err()
        .expect("refused");
    let text = error.to_string();
    assert!(
        text.contains("no-such-question") && text.contains(&path.display().to_string()),
        "{text}"
    );
}

#[test]
fn session_files_are_named_by_start_time_and_code() {
    let started = std::time::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    let files = SessionFiles::new("/x".into(), "K7QX", started);
    assert_eq!(files.id, "20231114-221320-K7QX");
    assert!(files.state_path().ends_with("20231114-221320-K7QX.json"));
}

#[test]
fn resuming_without_a_sessions_folder_says_there_is_nothing_to_resume() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let missing = dir.path().join("sessions");
    let error = Room::resume(&course(), &missing, None)
        .err()
        .expect("nothing");
    assert!(matches!(error, SessionError::NothingToResume { .. }));
    assert!(error.to_string().contains(&missing.display().to_string()));
}
