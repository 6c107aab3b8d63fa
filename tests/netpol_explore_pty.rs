//! `aks-tutor netpol explore` as the real binary in a real pseudo-terminal: the command line
//! reads the manifests and opens the tutor at the explorer; Enter shows a why, q closes it, q
//! goes home and q there quits, with exit 0. Every step waits for text, never for a fixed time.

#[path = "common/pty.rs"]
mod pty;

use std::path::Path;
use std::time::Duration;

use pty::Tutor;

const TIMEOUT: Duration = Duration::from_secs(20);
const SHOP: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/netpol-explore");

#[test]
fn the_command_opens_the_explorer_and_q_leaves_it_for_home() {
    let data_dir = tempfile::tempdir().expect("a temp folder");
    let binary = Path::new(env!("CARGO_BIN_EXE_aks-tutor"));
    let mut tutor = Tutor::spawn(
        binary,
        &["netpol", "explore", SHOP],
        data_dir.path(),
        100,
        30,
    )
    .expect("start the tutor in a pty");
    tutor
        .wait_for_text("✓ allowed: shop/frontend → shop/cart", TIMEOUT)
        .unwrap();
    tutor.press(&["\r"]);
    tutor.wait_for_text("What decided", TIMEOUT).unwrap();
    tutor.press(&["q"]);
    tutor.wait_for_text("Enter why", TIMEOUT).unwrap();
    tutor.press(&["q"]);
    tutor.wait_for_text("q quit", TIMEOUT).unwrap();
    tutor.press(&["q"]);
    let status = tutor.wait_exit(TIMEOUT).unwrap();
    assert!(status.success(), "{status:?}");
}
