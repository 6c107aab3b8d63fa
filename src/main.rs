use std::process::ExitCode;

use aks_tutor::cli::Command;
use clap::Parser;

fn main() -> anyhow::Result<ExitCode> {
    let cli = aks_tutor::cli::Cli::parse();
    match cli.command {
        Some(Command::Plan(args)) => return aks_tutor::commands::plan::run(&args),
        Some(Command::Validate { .. }) | None => {}
    }
    Ok(ExitCode::SUCCESS)
}
