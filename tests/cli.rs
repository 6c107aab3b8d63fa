//! The binary as a user runs it: help, validate on good and bad course folders, bad flags.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    let data_dir = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_aks-tutor"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("AKS_TUTOR_DATA_DIR", data_dir.path())
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn help_lists_the_flags_and_subcommands() {
    let output = run(&["--help"]);
    assert!(output.status.success());
    let text = stdout(&output);
    for expected in [
        "--content <DIR>",
        "--data-dir <DIR>",
        "--profile <NAME>",
        "validate",
    ] {
        assert!(text.contains(expected), "--help lacks {expected}:\n{text}");
    }
}

#[test]
fn validate_summarises_the_built_in_course() {
    let output = run(&["validate"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("Networking in AKS (networking-in-aks): valid"),
        "{text}"
    );
    assert!(text.contains("interview items:  15"), "{text}");
    assert!(
        text.contains("netpol scenarios: 6 (24 predictions)"),
        "{text}"
    );
}

#[test]
fn validate_summarises_a_valid_folder() {
    let output = run(&["validate", "tests/fixtures/valid-course"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "Fixture Course (fixture-course): valid
  topics:           2
  topic ids:        plugins, dns
  lessons:          2 (1 with an ELI5 version)
  labs:             1 (1 hands-on, 0 debugging; 2 steps)
  questions:        7
  interview items:  1
  netpol scenarios: 1 (2 predictions)
  debug scenarios:  1 (3 causes)
    debug-fixture-dns: 3 causes, shortest paths 1 to 2 steps
"
    );
}

/// Each invalid fixture and the exact line `validate` must print for it.
const INVALID: &[(&str, &str)] = &[
    ("ron-syntax", "course.ron:5:5: Expected comma"),
    (
        "unknown-version",
        "course.ron:2:5: unknown format_version 2: this aks-tutor reads version 1; use a newer aks-tutor for this course",
    ),
    (
        "missing-lesson",
        "course.ron:9:67: cannot read `tests/fixtures/invalid/missing-lesson/lessons/nowhere.md`: No such file or directory (os error 2)",
    ),
    (
        "duplicate-question",
        "questions.ron:3:18: duplicate question id `q-one` (first defined at tests/fixtures/invalid/duplicate-question/questions.ron:2:18)",
    ),
    (
        "dangling-see",
        "questions.ron:7:14: `see` names section `nowhere`, which lesson `basics` does not have",
    ),
    (
        "malformed-table",
        "lessons/basics.md:5:1: malformed table: this row has 2 cells, the header has 3",
    ),
    (
        "bad-answer",
        "questions.ron:3:13: question `q-one`: answer 2 is out of range: options are numbered 0 to 1",
    ),
    // The loader checks a scenario's connections...
    (
        "bad-netpol",
        "scenario.ron:7:44: `from`: `web` is not namespace/pod (write it as frontend/web)",
    ),
    // ...and validate parses its YAML, pointing into the scenario file.
    ("bad-netpol-yaml", "scenario.ron:8:9: unclosed bracket '['"),
    // A debugging scenario must be playable to its end, whatever cause is drawn.
    (
        "debug-missing-output",
        "scenario.ron:13:16: missing output: action `look` of debug scenario `debug-broken` prints nothing for cause `b`; name the cause in an output's `causes` or add a default output (no `causes`)",
    ),
    (
        "debug-indistinguishable",
        "scenario.ron:9:15: causes `a` and `b` of debug scenario `debug-broken` print the same for every action, so no path tells them apart; give an action a different output for one of them",
    ),
    (
        "debug-dead-end",
        "scenario.ron:9:55: dead end: cause `b` of debug scenario `debug-broken` names fix `fix-c`, which its `fixes` do not list, so a learner who finds it cannot finish; add the fix or name a listed one",
    ),
    (
        "debug-no-harmful",
        "scenario.ron:3:9: debug scenario `debug-broken` has no harmful action: add one with `harmful: \"why it hurts\"`",
    ),
];

#[test]
fn validate_reports_each_problem_at_path_line_col() {
    for (fixture, message) in INVALID {
        let dir = format!("tests/fixtures/invalid/{fixture}");
        let output = run(&["validate", &dir]);
        assert_eq!(output.status.code(), Some(1), "{fixture}");
        assert_eq!(
            stderr(&output),
            format!("{dir}/{message}\n1 problem found\n"),
            "{fixture}"
        );
    }
}

#[test]
fn the_app_refuses_invalid_content_with_the_same_messages() {
    let output = run(&["--content", "tests/fixtures/invalid/bad-answer"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(
        text.starts_with("tests/fixtures/invalid/bad-answer/questions.ron:3:13: question `q-one`"),
        "{text}"
    );
    assert!(text.contains("aks-tutor cannot start"), "{text}");
}

#[test]
fn a_missing_content_folder_is_named() {
    let output = run(&["--content", "no/such/folder"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with(
            "no/such/folder/course.ron: cannot read the course file: No such file or directory"
        ),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_unknown_flag_is_a_usage_error() {
    let output = run(&["--no-such-flag"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unexpected argument '--no-such-flag'"));
}

#[test]
fn an_unknown_debugging_scenario_is_a_usage_error_that_lists_the_valid_ones() {
    let output = run(&["debug", "no-such-incident"]);
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    assert!(text.contains("no-such-incident"), "{text}");
    for valid in ["debug-lb-pending", "debug-dns", "debug-netpol"] {
        assert!(text.contains(valid), "{valid} is not listed:\n{text}");
    }
    assert!(stdout(&output).is_empty());
}
