use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use aks_tutor::app::{App, Session};
use aks_tutor::cli::{Cli, Command};
use aks_tutor::content::{self, CourseDir, EmbeddedCourse};
use aks_tutor::paths::{DATA_DIR_ENV, resolve_data_dir};
use aks_tutor::ui::theme::Theme;
use aks_tutor::{commands, tui};

fn main() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Validate { dir }) => Ok(commands::validate::run(dir.as_deref())),
        Some(Command::Plan(args)) => commands::plan::run(&args),
        Some(Command::Netpol(args)) => commands::netpol::run(&args),
        None => open_tutor(cli.content, cli.data_dir, cli.profile),
    }
}

/// Loads the course (refusing one with problems), resolves the data folder, runs the TUI.
fn open_tutor(
    content: Option<PathBuf>,
    data_dir: Option<PathBuf>,
    profile: Option<String>,
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
    let session = Session { data_dir, profile };
    let mut app = App::new(
        course,
        Theme::from_no_color(std::env::var_os("NO_COLOR")),
        session,
    );
    tui::run(&mut app)?;
    Ok(ExitCode::SUCCESS)
}
