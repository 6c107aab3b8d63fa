//! The subcommands that print and exit without opening the TUI.

pub mod netpol;
pub mod plan;
pub mod progress;
pub mod report;
pub mod validate;
