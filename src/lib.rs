//! aks-tutor: an interactive terminal tutor for Azure Kubernetes Service networking.
//!
//! The modules are public so that the integration tests in `tests/` can reach them. Imports run
//! one way: `cli` → `tui` → `app` → `screens` → `input` / `ui` (the drawing kit) / the engines
//! (`content`, `quiz`, `sizing`, `netpol`, `progress`), which know nothing of the terminal.
//! `commands` are the subcommands that print and exit; every line they print, like every cell
//! drawn, passes the `inert` gate.

pub mod app;
pub mod cli;
pub mod commands;
pub mod content;
pub mod debug;
pub mod files;
pub mod inert;
pub mod input;
pub mod netpol;
pub mod paths;
pub mod progress;
pub mod quiz;
pub mod screens;
pub mod session;
pub mod sizing;
pub mod tui;
pub mod ui;
