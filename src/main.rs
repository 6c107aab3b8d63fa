use std::process::ExitCode;

use clap::Parser;

use aks_tutor::cli::{Cli, Command};
use aks_tutor::commands;

fn main() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Validate { dir }) => Ok(commands::validate::run(dir.as_deref())),
        None => Ok(ExitCode::SUCCESS),
    }
}
