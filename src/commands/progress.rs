//! `aks-tutor progress [--json]`: the profile's progress without the TUI.
//!
//! It only reads: no folder or file is created, no damaged file moved, no lock taken (saves replace
//! the file by rename, so a reader sees a whole file). A profile without a file has "no progress
//! yet" (exit 0); a damaged or newer file is an error naming it (exit 1); a bad profile name is a
//! usage error (exit 2).

use std::fmt::Write as _;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use crate::content::{self, Course, CourseDir, EmbeddedCourse};
use crate::paths::{DATA_DIR_ENV, resolve_data_dir};
use crate::progress::{ProfileName, Progress, ProgressSummary, Timestamp, read_progress_file};

/// Show the profile's progress: mastery per topic, answers, due reviews, streak.
#[derive(Debug, Clone, Args)]
pub struct ProgressArgs {
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

/// A failure already explained to the user, with the exit code to leave with.
pub(crate) struct Reported(pub ExitCode);

pub(crate) fn usage_error(message: impl std::fmt::Display) -> Reported {
    eprintln!("aks-tutor: {message}");
    Reported(ExitCode::from(2))
}

pub(crate) fn failure(message: impl std::fmt::Display) -> Reported {
    eprintln!("aks-tutor: {message}");
    Reported(ExitCode::FAILURE)
}

/// The course from `--content DIR`, else the built-in one; its problems are printed.
pub(crate) fn load_course(content: Option<&Path>) -> Result<Course, Reported> {
    let loaded = match content {
        Some(dir) => content::load(&CourseDir::new(dir)),
        None => content::load(&EmbeddedCourse),
    };
    loaded.map_err(|problems| {
        eprintln!("{problems}");
        failure("the course has problems (listed above)")
    })
}

/// The current profile's progress file, from `--data-dir`/`AKS_TUTOR_DATA_DIR`/the platform.
pub(crate) fn profile_file(
    data_dir: Option<PathBuf>,
    profile: Option<&str>,
) -> Result<(ProfileName, PathBuf), Reported> {
    let profile = ProfileName::from_flag(profile).map_err(usage_error)?;
    let data_dir = resolve_data_dir(data_dir, std::env::var_os(DATA_DIR_ENV)).map_err(failure)?;
    let path = profile.progress_file(&data_dir);
    Ok((profile, path))
}

/// Writes to stdout; a closed pipe (`| head`) ends quietly instead of panicking.
pub(crate) fn print_stdout(text: &str) -> anyhow::Result<()> {
    match io::stdout().lock().write_all(text.as_bytes()) {
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// `42 %`, or `—` when there is nothing to measure.
pub(crate) fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_string(), |v| format!("{:.0} %", v * 100.0))
}

/// `1 h 05 min`, `12 min`, `0 min`.
pub(crate) fn duration(seconds: u64) -> String {
    let minutes = seconds / 60;
    if minutes >= 60 {
        format!("{} h {:02} min", minutes / 60, minutes % 60)
    } else {
        format!("{minutes} min")
    }
}

#[derive(Serialize)]
struct ProgressJson<'a> {
    profile: &'a str,
    file: String,
    has_progress: bool,
    #[serde(flatten)]
    summary: &'a ProgressSummary,
}

pub fn run(
    args: &ProgressArgs,
    content: Option<&Path>,
    data_dir: Option<PathBuf>,
    profile: Option<String>,
) -> anyhow::Result<ExitCode> {
    print_report(report(args, content, data_dir, profile.as_deref()))
}

/// Prints a report, or exits with the code of the failure already reported.
pub(crate) fn print_report(report: Result<String, Reported>) -> anyhow::Result<ExitCode> {
    match report {
        Ok(text) => {
            print_stdout(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(Reported(code)) => Ok(code),
    }
}

fn report(
    args: &ProgressArgs,
    content: Option<&Path>,
    data_dir: Option<PathBuf>,
    profile: Option<&str>,
) -> Result<String, Reported> {
    let (profile, path) = profile_file(data_dir, profile)?;
    let course = load_course(content)?;
    let found = read_progress_file(&path).map_err(failure)?;
    let has_progress = found.is_some();
    let progress = found.unwrap_or_default();
    let summary = ProgressSummary::new(&course, &progress, Timestamp::now());
    if args.json {
        let json = ProgressJson {
            profile: profile.as_str(),
            file: path.display().to_string(),
            has_progress,
            summary: &summary,
        };
        let text = serde_json::to_string_pretty(&json).map_err(failure)?;
        return Ok(text + "\n");
    }
    if !has_progress {
        return Ok(format!(
            "No progress yet for profile {profile} (it would be saved in {}).\n",
            path.display()
        ));
    }
    Ok(text_report(&profile, &path, &progress, &summary))
}

fn text_report(
    profile: &ProfileName,
    path: &Path,
    progress: &Progress,
    summary: &ProgressSummary,
) -> String {
    let mut text = String::new();
    let _ = writeln!(text, "Profile {profile} ({})", path.display());
    let _ = writeln!(
        text,
        "Mastery {} · {} answered, {} right · {} due now ({} within 24 h) · streak {} day{} · {} spent",
        percent(summary.mastery),
        summary.answers,
        summary.right,
        summary.due.now,
        summary.due.next_24_hours,
        summary.streak_days,
        if summary.streak_days == 1 { "" } else { "s" },
        duration(summary.time_spent_seconds),
    );
    if let Some(session) = &summary.last_session {
        let _ = writeln!(
            text,
            "Last session {} · {} · {} answered, {} right",
            session.started.utc_date(),
            duration(session.seconds),
            session.answered,
            session.right
        );
    }
    let done = &summary.completion;
    let _ = writeln!(
        text,
        "Lessons finished {} of {} · lab steps done {} of {} · labs completed {} of {}",
        done.lessons_finished,
        done.lessons,
        done.lab_steps_done,
        done.lab_steps,
        done.labs_completed,
        done.labs
    );
    let width = summary
        .topics
        .iter()
        .map(|t| t.title.chars().count())
        .max()
        .unwrap_or(0)
        .max("Topic".len());
    let _ = writeln!(
        text,
        "\n{:<width$}  {:>7}  {:>8}  {:>8}  {:>5}  {:>3}",
        "Topic", "Mastery", "Items", "Answers", "Right", "Due"
    );
    for topic in &summary.topics {
        let _ = writeln!(
            text,
            "{:<width$}  {:>7}  {:>8}  {:>8}  {:>5}  {:>3}",
            topic.title,
            percent(topic.mastery),
            format!("{}/{}", topic.items_answered, topic.items),
            topic.answers,
            topic.right,
            topic.due_now
        );
    }
    let kept = progress.questions.len() + progress.interview.len();
    let counted: usize = summary.topics.iter().map(|t| t.items_answered).sum();
    if kept > counted {
        let _ = writeln!(
            text,
            "\n{} answered item{} no longer in the course: kept in the file, not counted.",
            kept - counted,
            if kept - counted == 1 { " is" } else { "s are" }
        );
    }
    text
}
