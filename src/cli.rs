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

    /// Your name, kept in the profile's progress file (reports head your column with it).
    #[arg(long = "name", value_name = "NAME", global = true)]
    pub name: Option<String>,

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
    /// Open the tutor in a quiz: feedback after every answer, a summary at the end.
    Quiz {
        /// Only this topic's questions (see the topic ids with `aks-tutor validate`).
        #[arg(long, value_name = "ID")]
        topic: Option<String>,
        /// How many questions (default: all of the topic's, or 10 from the whole course).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        count: Option<u32>,
        /// The same seed asks the same questions, in the same order, with the same option order.
        #[arg(long, value_name = "N")]
        seed: Option<u64>,
    },
    /// Rehearse interview questions: answer in your own words, then compare with the model answer.
    Interview {
        /// Only questions of this level.
        #[arg(long, value_enum)]
        level: Option<LevelArg>,
        /// Seconds for each question; the model answer is revealed when time is up.
        #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=86_400))]
        time_limit: Option<u64>,
    },
    /// Sit a mock exam: mixed questions against the clock, results and weak topics at the end.
    Exam {
        /// How many questions.
        #[arg(long, value_name = "N", default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..))]
        count: u32,
        /// Seconds for the whole exam (default: 90 per question).
        #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=86_400))]
        time_limit: Option<u64>,
        /// The same seed sets the same exam.
        #[arg(long, value_name = "N")]
        seed: Option<u64>,
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
    /// Evaluate Kubernetes NetworkPolicies in YAML manifests (exit 0 evaluated, 2 bad input).
    Netpol(crate::commands::netpol::NetpolArgs),
    /// Show the profile's progress without the TUI: mastery per topic, answers, due reviews, streak.
    Progress(crate::commands::progress::ProgressArgs),
    /// Write a markdown or JSON report for one learner, or a team given several progress files.
    Report(crate::commands::report::ReportArgs),
}

/// `--level` as the command line spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LevelArg {
    Beginner,
    Intermediate,
    Scenario,
}

impl From<LevelArg> for crate::content::Level {
    fn from(level: LevelArg) -> Self {
        match level {
            LevelArg::Beginner => Self::Beginner,
            LevelArg::Intermediate => Self::Intermediate,
            LevelArg::Scenario => Self::Scenario,
        }
    }
}
