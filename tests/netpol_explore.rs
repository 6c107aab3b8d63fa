//! `aks-tutor netpol explore`: the explorer screen on a fixture shop (three namespaces, eight
//! workloads, default denies and the policies that open the shop's paths) at 80x24 and 160x48,
//! its "why" panel, a grid larger than the terminal, and bad input refused before any TUI.

mod common;

use std::process::Command;

use aks_tutor::app::App;
use aks_tutor::netpol::explore::Explorer;
use aks_tutor::netpol::{Engine, PortRef, Protocol, load_files, parse_sources};
use aks_tutor::screens::netpol_explore::NetpolExploreScreen;
use aks_tutor::screens::{Screen, Start};
use common::{app_with, fixture_course, press, screen, settle, unsaved_store};
use crossterm::event::KeyCode::{Char, Down, End, Enter, Esc, Right};

const SHOP: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/netpol-explore");

fn shop() -> Explorer {
    let manifests = load_files(&[SHOP]).expect("the shop fixture reads");
    Explorer::new(manifests.cluster, Engine::Standard)
}

/// The app opened at the explorer, as `netpol explore` opens it.
fn explore(explorer: Explorer, width: u16, height: u16) -> App {
    let mut app = app_with(fixture_course(), unsaved_store(), width, height);
    app.start(Start::NetpolExplore(Box::new(explorer)))
        .expect("the explorer opens");
    settle(&mut app);
    app
}

fn explorer_screen(app: &App) -> &NetpolExploreScreen {
    match app.screen() {
        Screen::NetpolExplore(screen) => screen,
        _ => panic!("not on the explorer"),
    }
}

#[test]
fn the_grid_and_a_why_at_80x24() {
    let mut app = explore(shop(), 80, 24);
    insta::assert_snapshot!("explore_80x24", screen(&app));
    // shop/frontend → shop/cart on TCP 8080: let through by api-from-frontend.
    press(&mut app, &[Enter]);
    insta::assert_snapshot!("explore_why_80x24", screen(&app));
    press(&mut app, &[Esc]);
    assert!(
        explorer_screen(&app).why.is_none(),
        "Esc closes the why only"
    );
    press(&mut app, &[Esc]);
    assert!(
        matches!(app.screen(), Screen::Home(_)),
        "Esc again goes home"
    );
}

#[test]
fn the_grid_and_an_unknown_why_at_160x48() {
    let mut explorer = shop();
    explorer.set_port(PortRef::Number(9090), Protocol::Tcp);
    let mut app = explore(explorer, 160, 48);
    // payments/card-gateway → observability-monitoring/prometheus-…: hangs on an ipBlock.
    press(
        &mut app,
        &[Down, Down, Down, Down, Right, Right, Right, Right, Right],
    );
    insta::assert_snapshot!("explore_160x48", screen(&app));
    press(&mut app, &[Enter]);
    insta::assert_snapshot!("explore_why_160x48", screen(&app));
}

#[test]
fn n_filters_by_namespace_and_p_changes_the_port() {
    let mut app = explore(shop(), 80, 24);
    press(&mut app, &[Char('n'), Char('n')]);
    let text = screen(&app);
    assert!(text.contains("only payments (n)"), "{text}");
    assert!(text.contains("1 payments/card-gateway"), "{text}");
    assert!(!text.contains("shop/frontend"), "{text}");
    press(&mut app, &[Char('p'), Char('t'), Char('e')]);
    let text = screen(&app);
    assert!(
        text.contains("UDP 80 (p P t) · cilium engine (e)"),
        "{text}"
    );
}

/// A generated cluster of 40 workloads: the grid scrolls both ways under fixed headers.
#[test]
fn a_large_grid_scrolls_under_its_headers() {
    let yaml = aks_tutor::netpol::generate::cluster_yaml(40, 30, 7);
    let manifests = parse_sources([("generated.yaml", yaml.as_str())]).expect("it parses");
    let mut app = explore(Explorer::new(manifests.cluster, Engine::Standard), 80, 24);
    press(&mut app, &[End]);
    let text = screen(&app);
    insta::assert_snapshot!("explore_scrolled_80x24", text);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines.iter().any(|l| l.contains("rows 25–40 of 40")),
        "{text}"
    );
    let column_numbers = lines[5].trim_end_matches(['"', ' ']);
    assert!(
        column_numbers.ends_with("39 40"),
        "the last column shows: {text}"
    );
}

#[test]
fn a_too_short_terminal_says_so() {
    let app = explore(shop(), 60, 10);
    let text = screen(&app);
    assert!(text.contains("make the terminal taller"), "{text}");
}

fn explore_cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_aks-tutor"))
        .args(["netpol", "explore"])
        .args(args)
        .output()
        .expect("the aks-tutor binary runs")
}

#[test]
fn a_broken_manifest_is_refused_with_its_place_before_any_tui() {
    let broken = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/netpol/malformed.yaml"
    );
    let output = explore_cli(&[broken]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("malformed.yaml:5:11:"), "{stderr}");
    assert!(output.stdout.is_empty(), "no TUI was drawn");
}

#[test]
fn manifests_without_workloads_are_refused() {
    let policy_only = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/netpol/deny-all-backend.yaml"
    );
    let output = explore_cli(&[policy_only]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("the manifests hold no pods"), "{stderr}");
}

/// Every key of the explorer, in both its states, at sizes from the smallest the app draws to
/// wide: nothing panics and the cursor never leaves the grid.
#[test]
fn every_key_at_every_size_keeps_the_cursor_on_the_grid() {
    use crossterm::event::KeyCode::{Home, Left, PageDown, PageUp, Up};
    // Enter always lands on two different workloads, so each Esc closes a why, never the screen.
    let keys = [
        Right,
        Right,
        Down,
        PageDown,
        End,
        Char('n'),
        Right,
        Enter,
        Down,
        PageDown,
        Esc,
        Char('p'),
        Char('t'),
        Char('e'),
        Left,
        Up,
        PageUp,
        Home,
        Char('n'),
        End,
        Left,
        Enter,
        Esc,
    ];
    for (width, height) in [(40, 10), (41, 13), (55, 16), (80, 24), (120, 40), (160, 48)] {
        let mut app = explore(shop(), width, height);
        for key in keys {
            press(&mut app, &[key]);
            let Screen::NetpolExplore(explorer) = app.screen() else {
                panic!("left the explorer at {width}x{height} on {key:?}");
            };
            let len = explorer.explorer.len();
            assert!(explorer.cursor.from < len && explorer.cursor.to < len);
            screen(&app);
        }
    }
}
