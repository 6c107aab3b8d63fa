use clap::Parser;

fn main() -> anyhow::Result<()> {
    let cli = aks_tutor::cli::Cli::parse();
    let _ = cli;
    Ok(())
}
