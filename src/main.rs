use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use aks_tutor::app::{App, Start, exam_time};
use aks_tutor::cli::{Cli, Command};
use aks_tutor::content::{self, CourseDir, EmbeddedCourse};
use aks_tutor::paths::{DATA_DIR_ENV, resolve_data_dir};
use aks_tutor::progress::{ProfileName, Store, Timestamp};
use aks_tutor::quiz::QuizRequest;
use aks_tutor::ui::theme::Theme;
use aks_tutor::{commands, tui};

/// Errors end here as one plain line (never a debug dump), with a failure exit code.
fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("aks-tutor: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let start = match cli.command {
        Some(Command::Validate { dir }) => return Ok(commands::validate::run(dir.as_deref())),
        Some(Command::Plan(args)) => return commands::plan::run(&args),
        Some(Command::Netpol(args)) => return commands::netpol::run(&args),
        Some(Command::Progress(args)) => {
            return commands::progress::run(
                &args,
                cli.content.as_deref(),
                cli.data_dir,
                cli.profile,
            );
        }
        Some(Command::Report(args)) => {
            return commands::report::run(&args, cli.content.as_deref(), cli.data_dir, cli.profile);
        }
        Some(Command::Sizing { seed }) => Start::Sizing { seed },
        Some(Command::Quiz { topic, count, seed }) => {
            let count = count
                .map(|n| n as usize)
                .or(if topic.is_none() { Some(10) } else { None });
            Start::Quiz(QuizRequest {
                topic,
                count,
                seed,
                include_table_questions: true,
            })
        }
        Some(Command::Interview { level, time_limit }) => Start::Interview {
            level: level.map(Into::into),
            time_limit: time_limit.map(std::time::Duration::from_secs),
        },
        Some(Command::Exam {
            count,
            time_limit,
            seed,
        }) => {
            let count = count as usize;
            Start::Exam {
                request: QuizRequest {
                    count: Some(count),
                    seed,
                    ..QuizRequest::default()
                },
                time_limit: Some(
                    time_limit.map_or_else(|| exam_time(count), std::time::Duration::from_secs),
                ),
            }
        }
        None => Start::Home,
    };
    open_tutor(cli.content, cli.data_dir, cli.profile, start)
}

/// Loads the course (refusing one with problems), resolves the data folder and runs the TUI,
/// starting where the command line asked (over the home screen, so Esc leads home).
fn open_tutor(
    content: Option<PathBuf>,
    data_dir: Option<PathBuf>,
    profile: Option<String>,
    start: Start,
) -> anyhow::Result<ExitCode> {
    let loaded = match &content {
        Some(dir) => content::load(&CourseDir::new(dir)),
        None => content::load(&EmbeddedCourse),
    };
    let course = match loaded {
        Ok(course) => course,
        Err(problems) => {
            eprintln!("{problems}");
            eprintln!("aks-tutor cannot start: the course has problems (listed above).");
            return Ok(ExitCode::FAILURE);
        }
    };
    let data_dir = resolve_data_dir(data_dir, std::env::var_os(DATA_DIR_ENV))?;
    let profile = match ProfileName::from_flag(profile.as_deref()) {
        Ok(profile) => profile,
        Err(error) => {
            eprintln!("aks-tutor: {error}");
            return Ok(ExitCode::from(2));
        }
    };
    // A store that cannot be opened still lets the learner study; its notice says nothing is saved.
    let store = Store::open(&data_dir, &profile, Timestamp::now())
        .unwrap_or_else(|error| Store::unsaved(&data_dir, &profile, &error));
    let mut app = App::new(
        course,
        Theme::from_no_color(std::env::var_os("NO_COLOR")),
        store,
    );
    app.content_dir = content;
    if let Err(message) = app.start(start) {
        eprintln!("aks-tutor: {message}");
        return Ok(ExitCode::from(2));
    }
    tui::run(&mut app)?;
    Ok(ExitCode::SUCCESS)
}
