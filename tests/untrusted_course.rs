//! `aks-tutor validate DIR` and `--content DIR` on a course folder one was sent: escape sequences
//! in its references, ids and file names never reach the terminal, nesting 10,000 levels deep is
//! refused quickly in bounded memory, and FIFOs, devices and links out of the folder are refused
//! at once. Each runs the built binary, as a learner would, and checks the raw bytes it wrote.

#[path = "common/course_dir.rs"]
mod course_dir;

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

use course_dir::{aks_tutor, assert_inert, copy_fixture, edit, run_within};

const QUICKLY: Duration = Duration::from_secs(20);

fn validate(dir: &Path) -> Output {
    run_within(
        aks_tutor(&[OsStr::new("validate"), dir.as_os_str()]),
        QUICKLY,
    )
}

fn start_on(dir: &Path) -> Output {
    run_within(
        aks_tutor(&[OsStr::new("--content"), dir.as_os_str()]),
        QUICKLY,
    )
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The fixture course, in a folder whose own name carries a title change, spoiled with OSC 52
/// (set the clipboard), OSC 0 (retitle), C1 controls and a hostile file name.
fn hostile_course(parent: &Path) -> std::path::PathBuf {
    let course = copy_fixture(&parent.join("course\u{1b}]0;folder\u{7}"));
    // RON escapes: the parser turns them into the characters themselves.
    edit(
        &course,
        "questions/plugins.ron",
        r#"see: "plugins#pod-ip-addresses""#,
        r#"see: "overview#\u{1b}]52;c;ZWNobw==\u{7}""#,
    );
    edit(
        &course,
        "questions/plugins.ron",
        r#"see: "plugins""#,
        r#"see: "plugins#\u{1b}]0;pwned\u{1b}\\""#,
    );
    edit(
        &course,
        "questions/plugins.ron",
        r#"see: "dns#coredns""#,
        r#"see: "dns#\u{9b}31m\u{9d}0;c1\u{9c}\u{85}""#,
    );
    // A file whose name retitles the terminal, holding a syntax error to be reported in it.
    std::fs::write(course.join("interview/\u{1b}]0;name\u{7}.ron"), "[(((").unwrap();
    edit(
        &course,
        "course.ron",
        r#"interview: ["interview/plugins.ron"]"#,
        r#"interview: ["interview/\u{1b}]0;name\u{7}.ron", "interview/\u{1b}]0;gone\u{7}.ron"]"#,
    );
    course
}

#[test]
fn validate_writes_no_escape_from_a_hostile_course() {
    let parent = tempfile::tempdir().unwrap();
    let course = hostile_course(parent.path());
    let output = validate(&course);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_inert(&output.stdout, "validate's stdout");
    assert_inert(&output.stderr, "validate's stderr");
    let text = stderr(&output);
    // Each problem is reported, with what would drive the terminal shown as escapes, so the
    // author sees what to fix.
    let folder = r"course\u{1b}]0;folder\u{7}";
    for expected in [
        format!(
            "{folder}/questions/plugins.ron:8:14: `see` names lesson `overview`, which the course does not have"
        ),
        format!(
            r"{folder}/questions/plugins.ron:15:14: `see` names section `\u{{1b}}]0;pwned\u{{1b}}\`, which lesson `plugins` does not have"
        ),
        format!(
            r"{folder}/questions/plugins.ron:43:14: `see` names section `\u{{9b}}31m\u{{9d}}0;c1\u{{9c}}\u{{85}}`"
        ),
        format!(r"{folder}/interview/\u{{1b}}]0;name\u{{7}}.ron:1:3: "),
        format!(r"{folder}/course.ron:17:61: cannot read `"),
        "5 problems found".to_string(),
    ] {
        assert!(text.contains(&expected), "lacks {expected:?}:\n{text}");
    }
}

#[test]
fn the_app_refuses_a_hostile_course_without_an_escape() {
    let parent = tempfile::tempdir().unwrap();
    let course = hostile_course(parent.path());
    let output = start_on(&course);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_inert(&output.stdout, "start-up stdout");
    assert_inert(&output.stderr, "start-up stderr");
    assert!(stderr(&output).contains("aks-tutor cannot start"));
}

#[test]
fn the_summary_of_a_valid_course_with_hostile_prose_is_inert() {
    let parent = tempfile::tempdir().unwrap();
    let course = copy_fixture(&parent.path().join("course"));
    edit(
        &course,
        "course.ron",
        r#"title: "Fixture Course""#,
        r#"title: "Fixture\u{1b}]0;t\u{7} Course\u{9b}2J\u{200b}""#,
    );
    let output = validate(&course);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_inert(&output.stdout, "the summary");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.starts_with("Fixture Course (fixture-course): valid\n"),
        "{text}"
    );
    assert!(
        text.contains("  topic ids:        plugins, dns\n"),
        "{text}"
    );
}

/// `command` under a 512 MiB address-space limit: a conversion that grows with the depth fails.
fn with_memory_limit(args: &[&OsStr]) -> Command {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg("ulimit -v 524288 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_aks-tutor"))
        .args(args);
    command
}

#[test]
fn nesting_ten_thousand_levels_deep_is_refused_quickly_in_bounded_memory() {
    let levels = 10_000;
    for (what, deep) in [
        ("block quote", format!("{} deep\n", ">".repeat(levels))),
        ("list", format!("{} deep\n", "- ".repeat(levels))),
        (
            "quotes in lists",
            format!("{} deep\n", "> 1. ".repeat(levels)),
        ),
        (
            "images",
            format!("{}x{}\n", "![".repeat(levels), "](u)".repeat(levels)),
        ),
    ] {
        let parent = tempfile::tempdir().unwrap();
        let course = copy_fixture(&parent.path().join("course"));
        let lesson = course.join("lessons/dns.md");
        let text = std::fs::read_to_string(&lesson).unwrap();
        let line = text.lines().count() + 2;
        std::fs::write(&lesson, format!("{text}\n{deep}")).unwrap();

        let started = std::time::Instant::now();
        let output = run_within(
            with_memory_limit(&[OsStr::new("validate"), course.as_os_str()]),
            QUICKLY,
        );
        let took = started.elapsed();
        assert_eq!(output.status.code(), Some(1), "{what}: {}", stderr(&output));
        let text = stderr(&output);
        assert!(
            text.contains(&format!("lessons/dns.md:{line}:")) && text.contains("nested too deeply"),
            "{what}: {text}"
        );
        eprintln!("{what}, {levels} levels: refused in {took:?}");
    }
}

#[cfg(unix)]
mod special_files {
    use super::*;
    use rustix::fs::{CWD, FileType, Mode, makedev, mkfifoat, mknodat};
    use std::os::unix::fs::symlink;

    fn fifo(path: &Path) {
        std::fs::remove_file(path).unwrap();
        mkfifoat(CWD, path, Mode::from_raw_mode(0o644)).unwrap();
    }

    #[test]
    fn a_fifo_as_course_file_is_refused_at_once() {
        let parent = tempfile::tempdir().unwrap();
        let course = copy_fixture(&parent.path().join("course"));
        fifo(&course.join("lessons/dns.md"));
        let output = validate(&course);
        assert_eq!(output.status.code(), Some(1));
        assert!(
            stderr(&output).contains("lessons/dns.md`: a FIFO, not a regular file"),
            "{}",
            stderr(&output)
        );

        fifo(&course.join("course.ron"));
        for output in [validate(&course), start_on(&course)] {
            assert_eq!(output.status.code(), Some(1));
            assert!(
                stderr(&output).contains(
                    "course.ron: cannot read the course file: a FIFO, not a regular file"
                ),
                "{}",
                stderr(&output)
            );
        }
    }

    #[test]
    fn dev_zero_as_course_file_is_refused_at_once() {
        let parent = tempfile::tempdir().unwrap();
        let course = copy_fixture(&parent.path().join("course"));
        let lesson = course.join("lessons/dns.md");
        std::fs::remove_file(&lesson).unwrap();
        symlink("/dev/zero", &lesson).unwrap();
        let output = validate(&course);
        assert_eq!(output.status.code(), Some(1));
        assert!(
            stderr(&output).contains("outside the course folder"),
            "{}",
            stderr(&output)
        );

        // The device itself in the folder, where this user may make one (root may).
        std::fs::remove_file(&lesson).unwrap();
        let zero = makedev(1, 5);
        match mknodat(
            CWD,
            &lesson,
            FileType::CharacterDevice,
            Mode::from_raw_mode(0o666),
            zero,
        ) {
            Ok(()) => {
                let output = validate(&course);
                assert_eq!(output.status.code(), Some(1));
                assert!(
                    stderr(&output).contains("lessons/dns.md`: a device, not a regular file"),
                    "{}",
                    stderr(&output)
                );
            }
            Err(error) => {
                eprintln!("device node in the folder not tested: cannot make one ({error})")
            }
        }
    }

    #[test]
    fn links_are_followed_only_within_the_course_folder() {
        let parent = tempfile::tempdir().unwrap();
        let course = copy_fixture(&parent.path().join("course"));
        let lesson = course.join("lessons/dns.md");
        // Inside the folder: valid.
        std::fs::rename(&lesson, course.join("lessons/dns-real.md")).unwrap();
        symlink("dns-real.md", &lesson).unwrap();
        let output = validate(&course);
        assert!(output.status.success(), "{}", stderr(&output));

        // Outside it: refused, saying where the link leads.
        let outside = parent.path().join("secret.md");
        std::fs::copy(course.join("lessons/dns-real.md"), &outside).unwrap();
        std::fs::remove_file(&lesson).unwrap();
        symlink(&outside, &lesson).unwrap();
        let output = validate(&course);
        assert_eq!(output.status.code(), Some(1));
        let text = stderr(&output);
        assert!(text.contains("outside the course folder"), "{text}");
        assert!(text.contains("secret.md"), "{text}");
    }
}
