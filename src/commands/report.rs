//! `aks-tutor report [--format markdown|json|csv] [PROGRESS_FILE...]`: a report on one learner
//! (the current profile, or one file) or a team (several files), to stdout.
//!
//! Each learner is named by the name kept in their progress file, else their file's name
//! (`alice.ron` → alice). The same learner given twice (one file under two paths, or two copies of
//! one profile) is counted once and a note on stderr says which and why. Files are only read. A
//! file that is missing, unreadable, damaged or from a newer aks-tutor is an error naming it
//! (exit 1): a team report that silently left someone out would mislead.
//!
//! Everything printed goes through the inert gate: names, ids and file names come from other
//! people's files.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::progress::{Reported, failure, load_course, print_report, profile_file};
use crate::content::Course;
use crate::progress::team::{Duplicate, Learner, Source, gather, team_report};
use crate::progress::{StoreError, Timestamp, read_progress_file};

mod csv;
mod markdown;

/// Write a progress report for one learner or, given several progress files, a team.
#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    /// The output format: markdown to read, json for tools, csv for a spreadsheet.
    #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
    pub format: ReportFormat,

    /// Progress files (`<data dir>/profiles/NAME.ron`); default: the current profile's.
    #[arg(value_name = "PROGRESS_FILE")]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Json,
    Csv,
}

pub fn run(
    args: &ReportArgs,
    content: Option<&Path>,
    data_dir: Option<PathBuf>,
    profile: Option<String>,
) -> anyhow::Result<ExitCode> {
    print_report(report(args, content, data_dir, profile.as_deref()))
}

fn report(
    args: &ReportArgs,
    content: Option<&Path>,
    data_dir: Option<PathBuf>,
    profile: Option<&str>,
) -> Result<String, Reported> {
    let sources = if args.files.is_empty() {
        let (profile, path) = profile_file(data_dir, profile)?;
        let Some(progress) = read_progress_file(&path).map_err(failure)? else {
            return Ok(format!(
                "No progress yet for profile {profile} (it would be saved in {}).\n",
                path.display()
            ));
        };
        vec![Source {
            path,
            identity: None,
            progress,
        }]
    } else {
        read_sources(&args.files).map_err(failure)?
    };
    let (learners, duplicates) = gather(sources);
    for duplicate in &duplicates {
        note(duplicate);
    }
    let course = load_course(content)?;
    render(args.format, &course, &learners, Timestamp::now()).map_err(failure)
}

fn note(duplicate: &Duplicate) {
    crate::tell!("aks-tutor: note: {duplicate}");
}

/// Reads every file; a file that is missing is an error here (it was named on purpose).
fn read_sources(files: &[PathBuf]) -> Result<Vec<Source>, StoreError> {
    files
        .iter()
        .map(|path| {
            let progress = read_progress_file(path)?.ok_or_else(|| StoreError::Read {
                path: path.clone(),
                source: std::io::ErrorKind::NotFound.into(),
            })?;
            Ok(Source {
                path: path.clone(),
                identity: std::fs::canonicalize(path).ok(),
                progress,
            })
        })
        .collect()
}

/// The report of `learners` in `format` at `now`: public so that a test can render it at a fixed
/// clock. The caller prints it through the inert gate.
pub fn render(
    format: ReportFormat,
    course: &Course,
    learners: &[Learner],
    now: Timestamp,
) -> serde_json::Result<String> {
    let report = team_report(course, learners, now);
    Ok(match format {
        ReportFormat::Json => serde_json::to_string_pretty(&report)? + "\n",
        ReportFormat::Markdown => markdown::markdown(&report),
        ReportFormat::Csv => csv::csv(&report),
    })
}
