//! The command-line contract of `shared/product.md`, as clap definitions.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// An interactive terminal tutor for Azure Kubernetes Service networking.
#[derive(Debug, Parser)]
#[command(name = "aks-tutor", version, about, long_about = None)]
pub struct Cli {
    /// Load the course from this folder instead of the one built into the binary.
    #[arg(long, value_name = "DIR", global = true)]
    pub content: Option<PathBuf>,

    /// Keep progress in this folder (default: $AKS_TUTOR_DATA_DIR, else the platform data dir).
    #[arg(long, value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,

    /// The learner whose progress is used.
    #[arg(long, value_name = "NAME", global = true)]
    pub profile: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a course folder and print one `path:line:col: message` line per problem.
    Validate {
        /// The course folder (the one holding course.ron); default: the built-in course.
        dir: Option<PathBuf>,
    },
    /// Open the tutor at a generated IP-sizing exercise.
    Sizing {
        /// Start from this seed: the same seed gives the same exercises, in the same order.
        #[arg(long)]
        seed: Option<u64>,
    },
    /// Size a node pool and check a network plan against AKS's rules (exit 0 valid, 1 invalid).
    #[command(arg_required_else_help = true)]
    Plan(crate::commands::plan::PlanArgs),
    /// Show the profile's progress without the TUI: mastery per topic, answers, due reviews, streak.
    Progress(crate::commands::progress::ProgressArgs),
    /// Write a markdown or JSON report for one learner, or a team given several progress files.
    Report(crate::commands::report::ReportArgs),
}
