//! A team session end to end, each side the real binary in its own pseudo-terminal: one `host`
//! over loopback and two `join`s. Both players answer two rounds (the second revealed with `s`),
//! the host walks through scoreboards to the podium, every screen shows what it should, the
//! players' answers are in their own progress files and the report is written.

#[path = "common/pty.rs"]
mod pty;

use std::path::Path;
use std::time::Duration;

use pty::Tutor;

const TIMEOUT: Duration = Duration::from_secs(20);
const ENTER: &str = "\r";

fn launch(data_dir: &Path, args: &[&str], cols: u16, rows: u16) -> Tutor {
    let binary = Path::new(env!("CARGO_BIN_EXE_aks-tutor"));
    Tutor::spawn(binary, args, data_dir, cols, rows).expect("start aks-tutor in a pty")
}

/// A loopback address nobody listens on (a moment ago).
fn free_address() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().to_string()
}

/// The join code as the lobby's join line spells it.
fn code_on(screen: &str) -> String {
    let at = screen
        .find("--code ")
        .expect("the lobby shows the join line")
        + "--code ".len();
    screen[at..at + 4].to_string()
}

fn answers_kept(data_dir: &Path) -> usize {
    let file = data_dir.join("profiles").join("default.ron");
    std::fs::read_to_string(&file)
        .unwrap_or_default()
        .matches("mode: Quiz")
        .count()
}

#[test]
fn a_host_and_two_players_play_a_session_over_loopback() {
    let (host_dir, ana_dir, bo_dir) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let address = free_address();
    let mut host = launch(
        host_dir.path(),
        &[
            "host",
            "--bind",
            &address,
            "--count",
            "2",
            "--time-limit",
            "120",
            "--seed",
            "1",
        ],
        100,
        30,
    );
    host.wait_for_text("Press n to start", TIMEOUT).unwrap();
    let code = code_on(&host.contents());
    let join = |dir: &Path, name: &str| {
        launch(
            dir,
            &["join", &address, "--name", name, "--code", &code],
            80,
            24,
        )
    };
    let mut ana = join(ana_dir.path(), "Ana");
    ana.wait_for_text("Welcome, Ana.", TIMEOUT).unwrap();
    let mut bo = join(bo_dir.path(), "Bo");
    bo.wait_for_text("Welcome, Bo.", TIMEOUT).unwrap();
    host.wait_for_text("Players (2): Ana · Bo", TIMEOUT)
        .unwrap();

    // Round 1: both answer, and the reveal follows the last answer.
    host.press(&["n"]);
    for player in [&mut ana, &mut bo] {
        player.wait_for_text("Round 1 of 2", TIMEOUT).unwrap();
    }
    ana.press(&["1", ENTER]);
    ana.wait_for_text("Answer sent", TIMEOUT).unwrap();
    host.wait_for_text("1 of 2 answered", TIMEOUT).unwrap();
    bo.press(&["2", ENTER]);
    host.wait_for_text("the answer", TIMEOUT).unwrap();
    for player in [&mut ana, &mut bo] {
        player.wait_for_text("rank", TIMEOUT).unwrap();
    }
    host.press(&["n"]);
    host.wait_for_text("Scoreboard after round 1 of 2", TIMEOUT)
        .unwrap();
    ana.wait_for_text("Scoreboard after round 1 of 2", TIMEOUT)
        .unwrap();

    // Round 2: Ana answers, the host reveals before Bo does.
    host.press(&["n"]);
    ana.wait_for_text("Round 2 of 2", TIMEOUT).unwrap();
    ana.press(&["1", ENTER]);
    host.wait_for_text("1 of 2 answered", TIMEOUT).unwrap();
    host.press(&["s"]);
    host.wait_for_text("1 did not answer", TIMEOUT).unwrap();
    bo.wait_for_text("No answer in time", TIMEOUT).unwrap();
    host.press(&["n"]);
    host.wait_for_text("Scoreboard after round 2 of 2", TIMEOUT)
        .unwrap();
    host.press(&["n"]);
    host.wait_for_text("Final results", TIMEOUT).unwrap();
    for player in [&mut ana, &mut bo] {
        player
            .wait_for_text("The session is over", TIMEOUT)
            .unwrap();
    }

    // Out: the finished session leaves at once, then home quits.
    for tutor in [&mut host, &mut ana, &mut bo] {
        tutor.press(&["q"]);
        tutor.wait_for_text("q quit", TIMEOUT).unwrap();
        tutor.press(&["q"]);
        assert!(tutor.wait_exit(TIMEOUT).unwrap().success());
    }
    assert_eq!(answers_kept(ana_dir.path()), 2, "Ana answered both rounds");
    assert_eq!(answers_kept(bo_dir.path()), 1, "Bo missed the second");
    let sessions: Vec<String> = std::fs::read_dir(host_dir.path().join("sessions"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        sessions.iter().any(|name| name.ends_with("-report.md")),
        "{sessions:?}"
    );
}
