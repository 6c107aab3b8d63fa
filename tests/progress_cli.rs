//! `aks-tutor progress` and `aks-tutor report` as a user runs them, on the fixture course and the
//! progress files in tests/fixtures/progress (alice alone; alice, bob and carol as a team). Every
//! run gets its own temporary data folder: the real home directory is never touched.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const COURSE: &str = "tests/fixtures/valid-course";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/progress")
        .join(name)
}

/// A data folder holding `files` as (profile, fixture) pairs.
fn data_dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let profiles = dir.path().join("profiles");
    fs::create_dir_all(&profiles).unwrap();
    for (profile, name) in files {
        fs::copy(fixture(name), profiles.join(format!("{profile}.ron"))).unwrap();
    }
    dir
}

fn run(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aks-tutor"))
        .arg("--content")
        .arg(COURSE)
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("AKS_TUTOR_DATA_DIR")
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

fn json(output: &Output) -> Value {
    assert!(output.status.success(), "{}", stderr(output));
    serde_json::from_slice(&output.stdout).unwrap()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn close(value: &Value, expected: f64) -> bool {
    value.as_f64().is_some_and(|v| (v - expected).abs() < 1e-9)
}

#[test]
// The fixture course's plugins topic has 13 items (7 questions, 5 questions generated from its
// lesson's table, 1 interview item) and its DNS topic 2 network policy predictions: the course's
// mastery is the sum of the latest scores over 15. (It has no IP-planning topic, so the sizing
// skills count for no topic.)
fn progress_json_reports_one_profile_and_changes_nothing() {
    let dir = data_dir_with(&[("default", "alice.ron")]);
    let before = fs::read(fixture("alice.ron")).unwrap();
    let value = json(&run(dir.path(), &["progress", "--json"]));

    assert_eq!(value["profile"], "default");
    assert_eq!(value["has_progress"], true);
    assert!(close(&value["mastery"], 2.5 / 15.0), "{}", value["mastery"]);
    assert_eq!(value["answers"], 4, "q-removed is not in the course");
    assert_eq!(value["right"], 2);
    assert_eq!(value["due"]["now"], 1);
    assert_eq!(
        value["streak_days"], 0,
        "alice last practised in January 2026"
    );
    assert_eq!(value["time_spent_seconds"], 1620);
    assert_eq!(value["completion"]["lessons_finished"], 1);
    assert_eq!(value["completion"]["labs_completed"], 1);
    assert_eq!(value["last_session"]["answered"], 4);
    assert_eq!(value["resume"]["id"], "dns");
    let topics = value["topics"].as_array().unwrap();
    assert_eq!(topics.len(), 2);
    assert_eq!(topics[0]["topic"], "plugins");
    assert_eq!(topics[0]["items_answered"], 3);
    assert!(
        close(&topics[1]["mastery"], 0.0),
        "DNS's two predictions are not made yet"
    );

    let profiles = dir.path().join("profiles");
    assert_eq!(files_in(&profiles), ["default.ron"], "no lock or temp file");
    assert_eq!(fs::read(profiles.join("default.ron")).unwrap(), before);
}

#[test]
fn progress_text_names_the_profile_and_its_topics() {
    let dir = data_dir_with(&[("alice", "alice.ron")]);
    let output = run(dir.path(), &["--profile", "alice", "progress"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("Profile alice ("), "{text}");
    assert!(
        text.contains("Mastery 17 % · 4 answered, 2 right · 1 due now"),
        "{text}"
    );
    assert!(text.contains("Network plugins"), "{text}");
    assert!(
        text.contains("1 answered item is no longer in the course"),
        "{text}"
    );
}

#[test]
fn the_data_dir_can_come_from_the_environment() {
    let dir = data_dir_with(&[("bob", "bob.ron")]);
    let output = Command::new(env!("CARGO_BIN_EXE_aks-tutor"))
        .args([
            "--content",
            COURSE,
            "--profile",
            "bob",
            "progress",
            "--json",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("AKS_TUTOR_DATA_DIR", dir.path())
        .output()
        .unwrap();
    let value = json(&output);
    assert_eq!(value["profile"], "bob");
    assert_eq!(value["answers"], 3);
}

#[test]
fn no_progress_yet_is_not_an_error_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(dir.path(), &["progress"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("No progress yet for profile default"));

    let value = json(&run(dir.path(), &["progress", "--json"]));
    assert_eq!(value["has_progress"], false);
    assert_eq!(value["answers"], 0);

    let report = run(dir.path(), &["report"]);
    assert!(report.status.success(), "{}", stderr(&report));
    assert!(stdout(&report).starts_with("No progress yet"));
    assert!(files_in(dir.path()).is_empty(), "nothing created");
}

#[test]
fn a_bad_profile_name_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    for command in ["progress", "report"] {
        let output = run(dir.path(), &["--profile", "../etc", command]);
        assert_eq!(output.status.code(), Some(2), "{command}");
        assert!(
            stderr(&output).contains("`../etc` is not a valid profile name"),
            "{}",
            stderr(&output)
        );
        assert!(stdout(&output).is_empty());
    }
}

#[test]
fn a_damaged_profile_file_is_reported_by_name_and_left_alone() {
    let dir = data_dir_with(&[("default", "damaged.ron")]);
    let path = dir.path().join("profiles").join("default.ron");
    let before = fs::read(&path).unwrap();
    for command in ["progress", "report"] {
        let output = run(dir.path(), &[command]);
        assert_eq!(output.status.code(), Some(1), "{command}");
        let message = stderr(&output);
        assert!(
            message.contains("default.ron is not a readable progress file"),
            "{message}"
        );
        assert!(!message.contains("panicked"), "{message}");
    }
    assert_eq!(fs::read(&path).unwrap(), before, "a reader never moves it");
    assert_eq!(files_in(&dir.path().join("profiles")), ["default.ron"]);
}

#[test]
fn report_markdown_for_one_profile() {
    let dir = data_dir_with(&[("alice", "alice.ron")]);
    let output = run(dir.path(), &["--profile", "alice", "report"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    for line in [
        "# Progress report: alice",
        "| Topic | alice |",
        "| Network plugins | 19 % |",
        "| **Overall** | **17 %** |",
        "| alice | 4 | 2 | 1 | 1/2 | 1/1 | 0 d | 27 min | 2026-01-10 |",
        "| 2 | `q-removed` (no longer in the course) | — | 1 | 1 |",
        "| Lab: Check the network plugin | ✓ |",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "no line {line:?} in:\n{text}"
        );
    }
}

fn team_files() -> Vec<String> {
    ["alice.ron", "bob.ron", "carol.ron"]
        .map(|name| fixture(name).display().to_string())
        .to_vec()
}

#[test]
fn report_markdown_for_a_team_of_three() {
    let dir = tempfile::tempdir().unwrap();
    let files = team_files();
    let mut args = vec!["report", "--format", "markdown"];
    args.extend(files.iter().map(String::as_str));
    let output = run(dir.path(), &args);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    for line in [
        "# Team report: 3 learners",
        "| Topic | alice | bob | carol |",
        "| Network plugins | 19 % | 4 % | 15 % |",
        "| DNS | 0 % | 0 % | 0 % |",
        "| bob | 3 | 0 | 2 | 0/2 | 0/1 | 0 d | 20 min | 2026-01-12 |",
        "| 1 | Which plugin supports Windows node pools? (`q-plugins-windows`) | plugins | 4 | 3 |",
        "| 2 | How do kubenet and Azure CNI differ? (`iv-kubenet-vs-cni`) | plugins | 2 | 2 |",
        "| Lesson: Choosing a plugin | ✓ |  | ✓ |",
        "| Lesson: DNS basics |  |  | ✓ |",
        "| Lab: Check the network plugin | ✓ |  |  |",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "no line {line:?} in:\n{text}"
        );
    }
    assert!(files_in(dir.path()).is_empty(), "report only reads");
}

#[test]
fn report_json_for_a_team_of_three() {
    let dir = tempfile::tempdir().unwrap();
    let files = team_files();
    let mut args = vec!["report", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let value = json(&run(dir.path(), &args));

    assert_eq!(value["course"], "Fixture Course");
    let learners = value["learners"].as_array().unwrap();
    let names: Vec<&str> = learners
        .iter()
        .map(|l| l["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["alice", "bob", "carol"]);
    assert!(close(&learners[1]["mastery"], 0.5 / 15.0));
    assert!(close(&learners[2]["topics"][0]["mastery"], 2.0 / 13.0));
    assert_eq!(
        learners[2]["lessons_finished"],
        serde_json::json!(["plugins", "dns"])
    );
    assert_eq!(
        learners[0]["labs_completed"],
        serde_json::json!(["lab-check-plugin"])
    );

    let missed = value["most_missed"].as_array().unwrap();
    let top: Vec<(&str, u64, u64)> = missed
        .iter()
        .map(|m| {
            (
                m["id"].as_str().unwrap(),
                m["misses"].as_u64().unwrap(),
                m["learners"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        top,
        [
            ("q-plugins-windows", 4, 3),
            ("iv-kubenet-vs-cni", 2, 2),
            ("q-plugins-usable", 1, 1),
            ("q-removed", 1, 1),
        ]
    );
    assert_eq!(missed[1]["kind"], "interview");
    assert!(missed[3]["topic"].is_null());
}

#[test]
fn report_refuses_damaged_newer_and_missing_files_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let alice = fixture("alice.ron").display().to_string();
    let cases = [
        ("damaged.ron", "damaged.ron is not a readable progress file"),
        (
            "newer.ron",
            "newer.ron was made by a newer aks-tutor (progress format 7",
        ),
        ("nobody.ron", "cannot read"),
    ];
    for (name, expected) in cases {
        let other = fixture(name).display().to_string();
        let output = run(dir.path(), &["report", &alice, &other]);
        assert_eq!(output.status.code(), Some(1), "{name}");
        let message = stderr(&output);
        assert!(message.contains(expected), "{name}: {message}");
        assert!(message.contains(name), "{message}");
        assert!(!message.contains("panicked"), "{message}");
        assert!(stdout(&output).is_empty(), "no partial team report");
    }
}
