//! `aks-tutor report` for a team lead: learners named by the name in their file, the same learner
//! given twice counted once (and said), `--format csv` read back by a CSV parser, and hostile
//! teammates' files (escape sequences in ids, names, file names, damaged text) printed inert.
//! Every run gets its own temporary data folder: the real home directory is never touched.

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

fn run(args: &[&str]) -> Output {
    let data = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_aks-tutor"))
        .arg("--content")
        .arg(COURSE)
        .arg("--data-dir")
        .arg(data.path())
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("AKS_TUTOR_DATA_DIR")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A copy of `name`'s fixture in `dir` as `file`, with the learner's name set when given.
fn copy_named(dir: &Path, name: &str, file: &str, learner: Option<&str>) -> String {
    let mut ron = fs::read_to_string(fixture(name)).unwrap();
    if let Some(learner) = learner {
        ron = ron.replacen(
            "format_version: 1,",
            &format!("format_version: 1,\n    name: Some({learner:?}),"),
            1,
        );
    }
    let path = dir.join(file);
    fs::write(&path, ron).unwrap();
    path.display().to_string()
}

fn names(value: &Value) -> Vec<String> {
    value["learners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn columns_are_headed_by_the_learners_names_else_their_files() {
    let dir = tempfile::tempdir().unwrap();
    let alice = copy_named(dir.path(), "alice.ron", "default.ron", Some("Alice Martin"));
    let bob = fixture("bob.ron").display().to_string();
    let output = run(&["report", &alice, &bob]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let markdown = text(&output.stdout);
    assert!(
        markdown
            .lines()
            .any(|l| l == "| Topic | Alice Martin | bob |"),
        "{markdown}"
    );
    assert!(!markdown.contains("default.ron |"), "{markdown}");

    let output = run(&["report", "--format", "json", &alice, &bob]);
    let value: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(names(&value), ["Alice Martin", "bob"]);
    assert_eq!(value["learners"][0]["learner_name"], "Alice Martin");
}

#[test]
fn the_same_file_twice_is_one_learner_and_the_note_says_so() {
    let alice = fixture("alice.ron").display().to_string();
    let bob = fixture("bob.ron").display().to_string();
    let dotted = "tests/fixtures/progress/../progress/alice.ron";
    let output = run(&["report", "--format", "json", &alice, &bob, &alice, dotted]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let value: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(names(&value), ["alice", "bob"]);
    let notes = text(&output.stderr);
    assert!(
        notes.contains(&format!(
            "{alice} is given twice: its learner is counted once"
        )),
        "{notes}"
    );
    assert!(
        notes.contains(&format!("{dotted} is the same file as {alice}")),
        "{notes}"
    );
}

#[test]
fn a_copy_of_one_profile_is_one_learner_and_the_note_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("alice-laptop.ron");
    fs::copy(fixture("alice.ron"), &copy).unwrap();
    let alice = fixture("alice.ron").display().to_string();
    let copy = copy.display().to_string();
    let output = run(&["report", "--format", "json", &alice, &copy]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let value: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(names(&value), ["alice"]);
    let notes = text(&output.stderr);
    assert!(
        notes.contains(&format!(
            "{copy} holds exactly the same progress as {alice} (a copy of one profile)"
        )),
        "{notes}"
    );
}

/// RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, quotes and line breaks.
fn parse_csv(input: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = input.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\r') => {}
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted, "an unterminated quoted field");
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

#[test]
fn csv_reads_back_as_one_row_per_learner() {
    let dir = tempfile::tempdir().unwrap();
    let tricky = "O'Neill, \"Zoë\"";
    let first = copy_named(dir.path(), "alice.ron", "a.ron", Some(tricky));
    let second = copy_named(dir.path(), "bob.ron", "b.ron", Some("=HYPERLINK(\"x\")"));
    let carol = fixture("carol.ron").display().to_string();
    let output = run(&["report", "--format", "csv", &first, &second, &carol]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let rows = parse_csv(&text(&output.stdout));
    assert_eq!(rows.len(), 4, "a header and three learners: {rows:?}");
    let header = &rows[0];
    assert!(rows.iter().all(|row| row.len() == header.len()), "{rows:?}");
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(rows[1][column("learner")], tricky);
    assert_eq!(
        rows[2][column("learner")],
        "'=HYPERLINK(\"x\")",
        "a formula is shown, not run"
    );
    assert_eq!(rows[3][column("learner")], "carol");
    assert_eq!(rows[1][column("file")], first);
    assert_eq!(rows[1][column("answers")], "4");
    assert_eq!(rows[1][column("due_now")], "1");
    assert_eq!(rows[2][column("due_now")], "2");
    assert_eq!(rows[1][column("mastery_percent:plugins")], "19.2");
    assert_eq!(rows[1][column("labs_completed")], "1");
    assert_eq!(rows[1][column("exams")], "0");
}

/// No escape, bell or C1 control from outside may reach the terminal.
fn assert_inert(bytes: &[u8], what: &str) {
    let shown = text(bytes);
    assert!(!bytes.contains(&0x1b), "ESC in {what}: {shown:?}");
    assert!(!bytes.contains(&0x07), "BEL in {what}: {shown:?}");
    assert!(
        !shown.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)),
        "C1 control in {what}: {shown:?}"
    );
}

#[test]
fn a_hostile_teammates_file_reaches_the_terminal_inert() {
    let dir = tempfile::tempdir().unwrap();
    let osc = "\u{1b}]52;c;ZWNobyBwd25lZA==\u{7}";
    let ron = fs::read_to_string(fixture("bob.ron"))
        .unwrap()
        .replace("q-plugins-windows", &format!("q-{osc}-x\u{9b}2J"))
        .replacen(
            "format_version: 1,",
            &format!("format_version: 1,\n    name: Some(\"Eve{osc}\"),"),
            1,
        );
    let evil = dir.path().join("eve\u{1b}]0;title\u{7}\u{9b}31m.ron");
    fs::write(&evil, ron).unwrap();
    let damaged = dir.path().join("mallory\u{1b}[2J.ron");
    fs::write(
        &damaged,
        format!("Progress(format_version: 1, questions: {{ \"{osc}\u{9b}\": "),
    )
    .unwrap();
    let alice = fixture("alice.ron");

    for format in ["markdown", "json", "csv"] {
        let output = Command::new(env!("CARGO_BIN_EXE_aks-tutor"))
            .args(["--content", COURSE, "report", "--format", format])
            .arg(&alice)
            .arg(&evil)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", text(&output.stderr));
        assert_inert(&output.stdout, format);
        assert_inert(&output.stderr, format);
        if format != "csv" {
            let shown = text(&output.stdout);
            assert!(
                shown.contains("-x\"") || shown.contains("q--x"),
                "the id is shown, made inert: {shown}"
            );
        }
    }

    let output = Command::new(env!("CARGO_BIN_EXE_aks-tutor"))
        .args(["--content", COURSE, "report"])
        .arg(&alice)
        .arg(&damaged)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_inert(&output.stderr, "the damaged file's error");
    assert!(text(&output.stderr).contains("is not a readable progress file"));

    // `progress` on a damaged profile file: the error quotes the file, inert.
    let data = tempfile::tempdir().unwrap();
    fs::create_dir_all(data.path().join("profiles")).unwrap();
    fs::copy(&damaged, data.path().join("profiles/default.ron")).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_aks-tutor"))
        .args(["--content", COURSE, "--data-dir"])
        .arg(data.path())
        .arg("progress")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("AKS_TUTOR_DATA_DIR")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_inert(&output.stderr, "progress on a damaged file");
}
