//! `aks-tutor progress [--json]`: the profile's progress without the TUI.
//!
//! It only reads: no folder or file is created, no damaged file moved, no lock taken (saves replace
//! the file by rename, so a reader sees a whole file). A profile without a file has "no progress
//! yet" (exit 0); a damaged or newer file is an error naming it (exit 1); a bad profile name is a
//! usage error (exit 2).
//!
//! Every line goes through the inert gate (`say!`/`tell!`): ids, names and a damaged file's text
//! come from a file that may not be the learner's own.

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use crate::content::{self, Course, CourseDir, EmbeddedCourse};
use crate::paths::{DATA_DIR_ENV, resolve_data_dir};
use crate::progress::{
    Catalogue, ProfileName, Progress, ProgressSummary, SaveOutcome, Store, Timestamp,
    read_progress_file,
};

mod text;

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
    crate::tell!("aks-tutor: {message}");
    Reported(ExitCode::from(2))
}

pub(crate) fn failure(message: impl std::fmt::Display) -> Reported {
    crate::tell!("aks-tutor: {message}");
    Reported(ExitCode::FAILURE)
}

/// The course from `--content DIR`, else the built-in one; its problems are printed.
pub(crate) fn load_course(content: Option<&Path>) -> Result<Course, Reported> {
    let loaded = match content {
        Some(dir) => content::load(&CourseDir::new(dir)),
        None => content::load(&EmbeddedCourse),
    };
    loaded.map_err(|problems| {
        crate::tell!("{problems}");
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

/// `--name NAME`: keeps the learner's name in the open profile's progress and saves it. Called
/// where the store is opened for the TUI (`progress` and `report` only read, so they never write
/// it). A name that is not usable, or a save that fails, is a message to print.
pub fn keep_name(store: &mut Store, name: &str) -> Result<SaveOutcome, String> {
    store
        .progress_mut()
        .set_name(name)
        .map_err(|error| error.to_string())?;
    store.save().map_err(|error| error.to_string())
}

/// Writes to stdout through the inert gate, line by line; a closed pipe (`| head`) ends quietly
/// instead of panicking.
pub(crate) fn print_stdout(text: &str) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    for line in text.lines() {
        match crate::inert::write_line(&mut out, line) {
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe => return Ok(()),
            other => other?,
        }
    }
    match out.flush() {
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
    let view = ProgressView {
        profile: &profile,
        path: &path,
        has_progress: found.is_some(),
        progress: &found.unwrap_or_default(),
    };
    let now = Timestamp::now();
    if args.json {
        return view.json(&course, now).map_err(failure);
    }
    Ok(view.text(&course, now))
}

/// One profile's progress as `aks-tutor progress` shows it, at a given instant: public so that a
/// test can print it at a fixed clock and compare it with the screens and `report`.
pub struct ProgressView<'a> {
    pub profile: &'a ProfileName,
    pub path: &'a Path,
    pub has_progress: bool,
    pub progress: &'a Progress,
}

impl ProgressView<'_> {
    /// `--json`: one object (see [`ProgressSummary`]), with a trailing newline.
    pub fn json(&self, course: &Course, now: Timestamp) -> serde_json::Result<String> {
        let summary =
            ProgressSummary::with_catalogue(course, &Catalogue::new(course), self.progress, now);
        let json = ProgressJson {
            profile: self.profile.as_str(),
            file: self.path.display().to_string(),
            has_progress: self.has_progress,
            summary: &summary,
        };
        Ok(serde_json::to_string_pretty(&json)? + "\n")
    }

    /// The text report.
    pub fn text(&self, course: &Course, now: Timestamp) -> String {
        if !self.has_progress {
            return format!(
                "No progress yet for profile {} (it would be saved in {}).\n",
                self.profile,
                self.path.display()
            );
        }
        let summary = ProgressSummary::new(course, self.progress, now);
        text::text_report(self.profile, self.path, &summary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keep_name_saves_the_name_and_refuses_an_unusable_one() {
        let dir = tempfile::tempdir().unwrap();
        let profile = ProfileName::new("ada").unwrap();
        let mut store = Store::open(dir.path(), &profile, Timestamp::now()).unwrap();
        assert_eq!(
            keep_name(&mut store, "Ada Lovelace"),
            Ok(SaveOutcome::Saved)
        );
        let error = keep_name(&mut store, "\u{1b}[2J").unwrap_err();
        assert!(error.contains("not a usable learner name"), "{error}");
        let saved = read_progress_file(store.path()).unwrap().unwrap();
        assert_eq!(saved.learner_name(), Some("Ada Lovelace"));
    }
}
