//! Course folders made to order for the binary's tests: a copy of the fixture course to spoil,
//! the binary run with a time limit (a hang is a failure, not a stuck test run), and a check
//! that what it wrote holds nothing a terminal would act on.

#![allow(dead_code)] // each includer uses a different part

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

pub const FIXTURE_COURSE: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid-course");

/// Copies the fixture course into `dest` (created), returning `dest`.
pub fn copy_fixture(dest: &Path) -> PathBuf {
    copy_dir(Path::new(FIXTURE_COURSE), dest);
    dest.to_path_buf()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Replaces the first `from` in the course file `relative` with `to`.
pub fn edit(course: &Path, relative: &str, from: &str, to: &str) {
    let path = course.join(relative);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{relative} lacks {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// Runs `command` (its stdin closed, its data dir a fresh temporary folder), killing it and
/// failing the test when it has not ended within `limit`.
pub fn run_within(mut command: Command, limit: Duration) -> Output {
    let data_dir = tempfile::tempdir().unwrap();
    let mut child = command
        .env("AKS_TUTOR_DATA_DIR", data_dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            child.kill().unwrap();
            let output = child.wait_with_output().unwrap();
            panic!(
                "still running after {limit:?}; stderr so far:\n{}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// The binary with `args`.
pub fn aks_tutor(args: &[&std::ffi::OsStr]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_aks-tutor"));
    command.args(args).env_remove("NO_COLOR");
    command
}

/// Fails when `bytes` hold ESC, BEL or a C1 control: what could drive a terminal.
pub fn assert_inert(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<(usize, char)> = text
        .char_indices()
        .filter(|(_, c)| matches!(c, '\u{1b}' | '\u{7}' | '\u{80}'..='\u{9f}'))
        .collect();
    assert!(bad.is_empty(), "{what} holds {bad:?}:\n{text}");
}
