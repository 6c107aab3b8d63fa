//! aks-tutor: an interactive terminal tutor for Azure Kubernetes Service networking.
//!
//! The modules are public so that the integration tests in `tests/` can reach them.
//! Domain engines (`content`, `quiz`, `sizing`) know nothing of the terminal; `app`, `ui` and
//! `tui` do.

pub mod app;
pub mod cli;
pub mod commands;
pub mod content;
pub mod debug;
pub mod files;
pub mod inert;
pub mod netpol;
pub mod paths;
pub mod progress;
pub mod quiz;
pub mod sizing;
pub mod tui;
pub mod ui;
