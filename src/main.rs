use std::process::ExitCode;

use aks_tutor::cli::Cli;

/// Errors end here as one plain line (never a debug dump), through the inert gate, with a
/// failure exit code.
fn main() -> ExitCode {
    match Cli::from_args().run() {
        Ok(code) => code,
        Err(error) => {
            aks_tutor::tell!("aks-tutor: {error:#}");
            ExitCode::FAILURE
        }
    }
}
