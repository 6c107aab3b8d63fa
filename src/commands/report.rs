//! `aks-tutor report [--format markdown|json] [PROGRESS_FILE...]`: a report on one learner (the
//! current profile, or one file) or a team (several files), to stdout.
//!
//! Each learner is named after their file (`alice.ron` → alice). Files are only read. A file that is
//! missing, unreadable, damaged or from a newer aks-tutor is an error naming it (exit 1): a team
//! report that silently left someone out would mislead.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::progress::{
    Reported, duration, failure, load_course, percent, print_report, profile_file,
};
use crate::progress::team::{Learner, TeamReport, team_report};
use crate::progress::{StoreError, Timestamp, read_progress_file};

/// Write a progress report for one learner or, given several progress files, a team.
#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    /// The output format.
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
    let learners = if args.files.is_empty() {
        let (profile, path) = profile_file(data_dir, profile)?;
        let Some(progress) = read_progress_file(&path).map_err(failure)? else {
            return Ok(format!(
                "No progress yet for profile {profile} (it would be saved in {}).\n",
                path.display()
            ));
        };
        vec![Learner {
            name: profile.to_string(),
            progress,
        }]
    } else {
        read_learners(&args.files).map_err(failure)?
    };
    let course = load_course(content)?;
    let report = team_report(&course, &learners, Timestamp::now());
    match args.format {
        ReportFormat::Json => serde_json::to_string_pretty(&report)
            .map(|text| text + "\n")
            .map_err(failure),
        ReportFormat::Markdown => Ok(markdown(&report)),
    }
}

/// Reads every file; a file that is missing is an error here (it was named on purpose).
fn read_learners(files: &[PathBuf]) -> Result<Vec<Learner>, StoreError> {
    let stems: Vec<String> = files
        .iter()
        .map(|path| {
            path.file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned())
        })
        .collect();
    let mut learners = Vec::new();
    for (path, stem) in files.iter().zip(&stems) {
        let progress = read_progress_file(path)?.ok_or_else(|| StoreError::Read {
            path: path.clone(),
            source: std::io::ErrorKind::NotFound.into(),
        })?;
        // Two people's `default.ron` from different folders: name them by their paths instead.
        let unique = stems.iter().filter(|other| *other == stem).count() == 1;
        let name = if unique && !stem.is_empty() {
            stem.clone()
        } else {
            path.display().to_string()
        };
        learners.push(Learner { name, progress });
    }
    Ok(learners)
}

/// Text safe inside a markdown table cell.
fn cell(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

fn table_header(text: &mut String, first: &str, columns: &[String], align_right: bool) {
    let _ = write!(text, "| {} |", cell(first));
    for column in columns {
        let _ = write!(text, " {} |", cell(column));
    }
    let rule = if align_right { " ---: |" } else { " :---: |" };
    let _ = writeln!(text, "\n| --- |{}", rule.repeat(columns.len()));
}

fn markdown(report: &TeamReport) -> String {
    let mut text = String::new();
    let names: Vec<String> = report.learners.iter().map(|l| l.name.clone()).collect();
    let title = match names.as_slice() {
        [one] => format!("Progress report: {}", cell(one)),
        many => format!("Team report: {} learners", many.len()),
    };
    let _ = writeln!(text, "# {title}\n");
    let _ = writeln!(
        text,
        "Course: {} · generated {}\n",
        cell(&report.course),
        report.generated
    );

    let _ = writeln!(text, "## Mastery per topic\n");
    table_header(&mut text, "Topic", &names, true);
    for (index, topic) in report.topics.iter().enumerate() {
        let _ = write!(text, "| {} |", cell(&topic.title));
        for learner in &report.learners {
            let mastery = learner.topics.get(index).and_then(|t| t.mastery);
            let _ = write!(text, " {} |", percent(mastery));
        }
        text.push('\n');
    }
    let _ = write!(text, "| **Overall** |");
    for learner in &report.learners {
        let _ = write!(text, " **{}** |", percent(learner.mastery));
    }
    text.push('\n');

    let _ = writeln!(text, "\n## Activity\n");
    let columns = [
        "Answers",
        "Right",
        "Due now",
        "Lessons",
        "Labs",
        "Streak",
        "Time",
        "Last active",
    ]
    .map(String::from);
    table_header(&mut text, "Learner", &columns, true);
    for learner in &report.learners {
        let done = &learner.completion;
        let last = learner
            .last_active
            .map_or_else(|| "—".to_string(), |t| t.utc_date().to_string());
        let _ = writeln!(
            text,
            "| {} | {} | {} | {} | {}/{} | {}/{} | {} d | {} | {} |",
            cell(&learner.name),
            learner.answers,
            learner.right,
            learner.due_now,
            done.lessons_finished,
            done.lessons,
            done.labs_completed,
            done.labs,
            learner.streak_days,
            duration(learner.time_spent_seconds),
            last
        );
    }

    let _ = writeln!(text, "\n## Most missed\n");
    if report.most_missed.is_empty() {
        let _ = writeln!(text, "Nothing missed yet.");
    } else {
        let _ = writeln!(
            text,
            "| # | Question | Topic | Misses | Learners |\n| ---: | --- | --- | ---: | ---: |"
        );
        for (rank, item) in report.most_missed.iter().enumerate() {
            let question = item.prompt.as_deref().map_or_else(
                || format!("`{}` (no longer in the course)", item.id),
                |prompt| format!("{} (`{}`)", cell(prompt), item.id),
            );
            let _ = writeln!(
                text,
                "| {} | {question} | {} | {} | {} |",
                rank + 1,
                item.topic.as_deref().unwrap_or("—"),
                item.misses,
                item.learners
            );
        }
    }

    let _ = writeln!(text, "\n## Lessons and labs finished\n");
    table_header(&mut text, "Lesson or lab", &names, false);
    let finished: Vec<(BTreeSet<&str>, BTreeSet<&str>)> = report
        .learners
        .iter()
        .map(|l| {
            (
                l.lessons_finished.iter().map(String::as_str).collect(),
                l.labs_completed.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    let rows = report
        .lessons
        .iter()
        .map(|lesson| (format!("Lesson: {}", lesson.title), &lesson.id, true))
        .chain(
            report
                .labs
                .iter()
                .map(|lab| (format!("Lab: {}", lab.title), &lab.id, false)),
        );
    for (label, id, is_lesson) in rows {
        let _ = write!(text, "| {} |", cell(&label));
        for (lessons, labs) in &finished {
            let done = if is_lesson { lessons } else { labs }.contains(id.as_str());
            let _ = write!(text, " {} |", if done { "✓" } else { "" });
        }
        text.push('\n');
    }
    text
}
