//! The launch, idle and memory bars, measured in a real pseudo-terminal (figures come from here,
//! never from tests). The release binary is started at 100x30 with a fresh temporary data folder,
//! timed from spawn until the home screen is fully drawn (its footer, the last row ratatui writes,
//! shows "q quit"), then sent `q`. The same is timed for a returning learner (a copy of progress
//! with answers, lessons read, a lab step and a place to continue from, made here through the
//! library), whose home is counted against the whole course: once as they find it after a session
//! of the tutor (home kept beside the progress), and once with nothing kept (the first start of a
//! new build), when the first frame waits for the course. After the runs, one more tutor is left
//! idle for 5 seconds while its CPU time and the bytes it writes are counted.
//!
//! When `ttyper` (a small ratatui app: `cargo install ttyper`) is on the PATH, it is launched in
//! the same run, alternating with the tutor so both meet the same machine, until its first frame
//! is whole (the bottom border of its prompt box), then sent Ctrl-C; the ratio of the medians is
//! printed.
//!
//! With IDLE_MS, every launch starts after the harness has slept that long, as a launch typed at
//! a shell does: a processor left idle for tens of milliseconds runs the next process slower.
//!
//! ```text
//! cargo build --release && cargo run --release --example launch [RUNS [IDLE_MS]]
//! ```
//!
//! RUNS (48 unless given) is best a multiple of 24: each run has the four launches in another of
//! their 24 orders.

#[path = "../tests/common/pty.rs"]
mod pty;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use pty::{Tutor, cpu_time, last_row, status_kb};

const TIMEOUT: Duration = Duration::from_secs(10);
const IDLE: Duration = Duration::from_secs(5);

/// `target/release/aks-tutor`, next to this example's own folder.
fn tutor_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("the example's path");
    let binary = exe
        .parent()
        .and_then(|examples| examples.parent())
        .map(|profile| profile.join("aks-tutor"))
        .expect("the target folder");
    assert!(
        binary.exists(),
        "{} is missing: run `cargo build --release` first",
        binary.display()
    );
    binary
}

fn home_is_drawn(screen: &vt100::Screen) -> bool {
    last_row(screen).contains("q quit")
}

fn main() {
    if cfg!(debug_assertions) {
        eprintln!("warning: a debug build of the example; the tutor timed is target/…/aks-tutor");
    }
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(48);
    let idle_before = Duration::from_millis(
        std::env::args()
            .nth(2)
            .and_then(|ms| ms.parse().ok())
            .unwrap_or(0),
    );
    let binary = tutor_binary();
    println!(
        "launching {} {runs} times at 100x30, each after {} ms idle",
        binary.display(),
        idle_before.as_millis()
    );

    let ttyper = which("ttyper");
    let returning = returning_learner(&binary);
    let mut anchor = Vec::new();
    let mut launches = Vec::new();
    let mut returns = Vec::new();
    let mut unkept = Vec::new();
    let mut exits = Vec::new();
    // A launch that starts on a machine left idle for a few tens of milliseconds is 0.3-0.6 ms
    // slower, so no launch waits longer than another, and the four launches of a run come in every
    // order in turn: each follows each of the others equally often.
    for run in 0..runs {
        for kind in order(run) {
            match kind {
                0 => {
                    if let Some(ttyper) = &ttyper {
                        anchor.push(launch_ttyper(ttyper, idle_before));
                    }
                }
                1 => {
                    let data = tempfile::tempdir().expect("a temp data dir");
                    let (launched, exited) = launch(&binary, data.path(), idle_before);
                    launches.push(launched);
                    exits.push(exited);
                }
                2 => {
                    // A fresh copy each time: quitting may save the progress.
                    let data = tempfile::tempdir().expect("a temp data dir");
                    copy_dir(returning.path(), data.path());
                    returns.push(launch(&binary, data.path(), idle_before).0);
                }
                _ => {
                    let data = tempfile::tempdir().expect("a temp data dir");
                    copy_dir(returning.path(), data.path());
                    std::fs::remove_file(data.path().join(KEPT_HOME)).expect("home was kept");
                    unkept.push(launch(&binary, data.path(), idle_before).0);
                }
            }
        }
    }
    launches.sort();
    returns.sort();
    unkept.sort();
    exits.sort();
    let median = |v: &[Duration]| v[v.len() / 2];
    let p95 = |v: &[Duration]| v[(v.len() - 1) * 95 / 100];
    println!(
        "launch to the full home screen: median {:.2} ms, p95 {:.2} ms, min {:.2} ms (bar ≤ 5 ms)",
        ms(median(&launches)),
        ms(p95(&launches)),
        ms(launches[0])
    );
    println!(
        "returning learner (home kept from their last session): median {:.2} ms, p95 {:.2} ms, min {:.2} ms",
        ms(median(&returns)),
        ms(p95(&returns)),
        ms(returns[0])
    );
    println!(
        "returning learner with nothing kept (home waits for the course): median {:.2} ms, p95 {:.2} ms, min {:.2} ms",
        ms(median(&unkept)),
        ms(p95(&unkept)),
        ms(unkept[0])
    );
    println!("q to exit: median {:.2} ms", ms(median(&exits)));
    if !anchor.is_empty() {
        anchor.sort();
        println!(
            "ttyper to its first full frame: median {:.2} ms, p95 {:.2} ms, min {:.2} ms",
            ms(median(&anchor)),
            ms(p95(&anchor)),
            ms(anchor[0])
        );
        println!(
            "ratio aks-tutor / ttyper: {:.2} (bar ≤ 1.0); returning learner {:.2}; with nothing kept {:.2}",
            ms(median(&launches)) / ms(median(&anchor)),
            ms(median(&returns)) / ms(median(&anchor)),
            ms(median(&unkept)) / ms(median(&anchor))
        );
    } else {
        println!("ttyper is not on the PATH: `cargo install ttyper` to measure against it");
    }

    idle_and_memory(&binary);
}

/// From spawn to the whole home screen, and from `q` to the exit; `idle_before` is slept just
/// before the spawn.
fn launch(
    binary: &std::path::Path,
    data: &std::path::Path,
    idle_before: Duration,
) -> (Duration, Duration) {
    std::thread::sleep(idle_before);
    let start = Instant::now();
    let mut tutor = Tutor::spawn(binary, &[], data, 100, 30).expect("spawn");
    tutor
        .wait_for(TIMEOUT, home_is_drawn)
        .expect("the home screen");
    let launched = start.elapsed();
    let quit = Instant::now();
    tutor.press(&["q"]);
    let status = tutor.wait_exit(TIMEOUT).expect("the tutor exits");
    assert!(status.success(), "the tutor failed: {status}");
    (launched, quit.elapsed())
}

/// Where the tutor keeps the default learner's home for the next start.
const KEPT_HOME: &str = "profiles/default.home.json";

/// A data folder whose default learner has answered every other question, read every other
/// lesson, done a lab step and left off in a lab, then started the tutor once and quit (which
/// keeps their home for the next start).
fn returning_learner(binary: &std::path::Path) -> tempfile::TempDir {
    use aks_tutor::content::{EmbeddedCourse, load};
    use aks_tutor::progress::{ItemKind, Mode, Outcome, Place, ProfileName, Store, Timestamp};
    let data = tempfile::tempdir().expect("a temp data dir");
    let course = load(&EmbeddedCourse).expect("the built-in course");
    let profile = ProfileName::from_flag(None).expect("the default profile");
    let mut store = Store::open(data.path(), &profile, Timestamp::now()).expect("a store");
    let progress = store.progress_mut();
    let now = Timestamp::now();
    for (n, question) in course.questions().enumerate().step_by(2) {
        let score = if n % 3 == 0 { 0.0 } else { 1.0 };
        progress.record_answer(
            ItemKind::Question,
            &question.id,
            Outcome::Score(score),
            Mode::Quiz,
            now,
        );
    }
    for lesson in course.lessons().step_by(2) {
        progress.record_lesson_finished(&lesson.id, now);
    }
    let lab = course.labs().next().expect("a lab");
    progress.set_step_done(&lab.id, &lab.steps[0].id, true, now);
    progress.set_resume(
        Place::Lab {
            lab: &lab.id,
            step: Some(&lab.steps[0].id),
        },
        now,
    );
    let saved = store.save().expect("saved");
    assert!(
        matches!(saved, aks_tutor::progress::SaveOutcome::Saved),
        "the progress is saved"
    );
    drop(store);
    launch(binary, data.path(), Duration::ZERO);
    assert!(data.path().join(KEPT_HOME).exists(), "the tutor kept home");
    data
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    for entry in std::fs::read_dir(from).expect("read the data folder") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a type").is_dir() {
            std::fs::create_dir_all(&target).expect("a folder");
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("a copy");
        }
    }
}

fn which(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(program))
            .find(|path| path.is_file())
    })
}

/// ttyper from spawn to its whole first frame (the prompt box's bottom border on the last row),
/// then Ctrl-C to leave it. (Esc is not its quit key: it opens its results screen, and waiting
/// for an exit that never comes leaves the machine idle before the next launch.)
fn launch_ttyper(ttyper: &std::path::Path, idle_before: Duration) -> Duration {
    let data = tempfile::tempdir().expect("a temp dir");
    std::thread::sleep(idle_before);
    let start = Instant::now();
    let mut anchor = Tutor::spawn(ttyper, &[], data.path(), 100, 30).expect("spawn ttyper");
    anchor
        .wait_for(TIMEOUT, |screen| last_row(screen).contains('╯'))
        .expect("ttyper's first frame");
    let elapsed = start.elapsed();
    anchor.press(&["\u{3}"]);
    anchor.wait_exit(TIMEOUT).expect("ttyper exits on Ctrl-C");
    elapsed
}

/// The `run`-th of the 24 orders of the four launches (0 ttyper, 1 new learner, 2 returning with
/// home kept, 3 returning with nothing kept), read as a number in the factorial base.
fn order(run: usize) -> [usize; 4] {
    let mut left = vec![0, 1, 2, 3];
    let mut rank = run % 24;
    let mut order = [0; 4];
    for (slot, place) in order.iter_mut().enumerate() {
        let block: usize = (1..4 - slot).product();
        *place = left.remove(rank / block);
        rank %= block;
    }
    order
}

fn idle_and_memory(binary: &std::path::Path) {
    let data = tempfile::tempdir().expect("a temp data dir");
    let mut tutor = Tutor::spawn(binary, &[], data.path(), 100, 30).expect("spawn");
    tutor
        .wait_for(TIMEOUT, home_is_drawn)
        .expect("the home screen");
    let pid = tutor.child.id();
    let rss = status_kb(pid, "VmRSS").unwrap_or_default();
    let peak = status_kb(pid, "VmHWM").unwrap_or_default();
    println!(
        "memory at the home screen: {:.1} MB RSS, peak {:.1} MB (bar ≤ 20 MB)",
        rss as f64 / 1024.0,
        peak as f64 / 1024.0
    );
    let cpu_before = cpu_time(pid).expect("/proc/<pid>/stat");
    let bytes_before = tutor.bytes;
    let start = Instant::now();
    while start.elapsed() < IDLE {
        tutor
            .read_for(IDLE.saturating_sub(start.elapsed()))
            .expect("read the terminal");
    }
    let cpu = cpu_time(pid).expect("/proc/<pid>/stat") - cpu_before;
    println!(
        "idle for {} s: {:.0} ms of CPU ({:.2} %), {} bytes written to the terminal (bar: no redraw, ~0 % CPU)",
        IDLE.as_secs(),
        ms(cpu),
        cpu.as_secs_f64() / IDLE.as_secs_f64() * 100.0,
        tutor.bytes - bytes_before
    );
    tutor.press(&["q"]);
    tutor.wait_exit(TIMEOUT).expect("the tutor exits");
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
