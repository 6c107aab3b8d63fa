//! `host` and `join` on the command line: the flags as parsed, and the errors said before any
//! terminal UI starts (a usage error exits 2; an address already in use exits 1).

use std::process::{Command as Process, Output};

use aks_tutor::cli::session_args::{HostArgs, JoinArgs};
use aks_tutor::cli::{Cli, Command};
use clap::Parser;

fn parse(args: &[&str]) -> Result<Option<Command>, clap::Error> {
    Cli::try_parse_from(std::iter::once("aks-tutor").chain(args.iter().copied())).map(|c| c.command)
}

fn host(args: &[&str]) -> HostArgs {
    let mut all = vec!["host"];
    all.extend(args);
    match parse(&all) {
        Ok(Some(Command::Host(args))) => args,
        other => panic!("{other:?}"),
    }
}

fn run(args: &[&str]) -> Output {
    let data_dir = tempfile::tempdir().unwrap();
    Process::new(env!("CARGO_BIN_EXE_aks-tutor"))
        .args(args)
        .env("AKS_TUTOR_DATA_DIR", data_dir.path())
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn host_defaults_to_loopback_ten_rounds_of_thirty_seconds() {
    let args = host(&[]);
    assert_eq!(args.bind.to_string(), "127.0.0.1:7878");
    assert_eq!((args.count, args.time_limit), (10, 30));
    assert_eq!(args.local_players(), None);
    assert!(!args.resume);
}

#[test]
fn host_takes_topics_count_time_bind_and_seed() {
    let args = host(&[
        "--topic",
        "ip-planning",
        "--topic",
        "dns",
        "--count",
        "5",
        "--time-limit",
        "20",
        "--bind",
        "0.0.0.0:9000",
        "--seed",
        "7",
    ]);
    assert_eq!(args.topics, ["ip-planning", "dns"]);
    assert_eq!((args.count, args.time_limit, args.seed), (5, 20, Some(7)));
    assert_eq!(args.bind.to_string(), "0.0.0.0:9000");
}

#[test]
fn a_local_session_names_its_players_or_plays_as_the_room() {
    let args = host(&["--local", "--players", "Ana,Bo,Chen"]);
    assert_eq!(
        args.local_players(),
        Some(vec!["Ana".into(), "Bo".into(), "Chen".into()])
    );
    assert_eq!(
        host(&["--local"]).local_players(),
        Some(vec!["Room".into()])
    );
    assert!(host(&["--resume"]).resume);
}

#[test]
fn join_takes_the_address_and_the_code_and_the_global_name() {
    let cli = Cli::try_parse_from([
        "aks-tutor",
        "join",
        "10.0.0.5:7878",
        "--name",
        "Ana",
        "--code",
        "k7qx",
    ])
    .unwrap();
    assert_eq!(cli.name.as_deref(), Some("Ana"));
    assert_eq!(
        cli.command.map(|c| match c {
            Command::Join(args) => args,
            other => panic!("{other:?}"),
        }),
        Some(JoinArgs {
            address: "10.0.0.5:7878".into(),
            code: Some("k7qx".into()),
        })
    );
}

#[test]
fn bad_session_flags_are_usage_errors() {
    for args in [
        &["host", "--players", "Ana"][..],
        &["host", "--local", "--bind", "127.0.0.1:9000"],
        &["host", "--bind", "not-an-address"],
        &["host", "--count", "0"],
        &["host", "--time-limit", "1"],
        &["host", "--resume", "--seed", "3"],
        &["join"],
    ] {
        let error = parse(args).expect_err(&format!("{args:?}"));
        assert_eq!(error.exit_code(), 2, "{args:?}: {error}");
    }
}

#[test]
fn the_binary_says_a_bad_bind_address_before_any_terminal_ui() {
    let output = run(&["host", "--bind", "nowhere"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("--bind"), "{}", stderr(&output));
}

#[test]
fn an_address_in_use_is_said_plainly_and_exits_1() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = taken.local_addr().unwrap().to_string();
    let output = run(&["host", "--bind", &address]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let said = stderr(&output);
    assert!(
        said.contains(&format!("cannot listen for players on {address}")),
        "{said}"
    );
}

#[test]
fn join_without_a_name_or_a_code_is_a_usage_error() {
    let output = run(&["join", "127.0.0.1:9", "--code", "K7QX"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("join needs --name NAME"),
        "{}",
        stderr(&output)
    );
    // No terminal to ask for the code on (the test's standard input is not one).
    let output = run(&["join", "127.0.0.1:9", "--name", "Ana"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("join needs --code CODE"),
        "{}",
        stderr(&output)
    );
}
