//! The explorer's keys on a small cluster: the cursor stays on the grid, the namespace filter
//! and the port, protocol and engine cycle, and Enter opens a "why" that Esc closes.

use super::*;
use crate::netpol::explore::Explorer;
use crate::netpol::load_files;

fn screen() -> NetpolExploreScreen {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/netpol-explore");
    let manifests = load_files(&[dir]).expect("the explorer fixture reads");
    NetpolExploreScreen::new(Explorer::new(manifests.cluster, Engine::Standard))
}

fn press(screen: &mut NetpolExploreScreen, actions: &[Action]) {
    for action in actions {
        let _ = screen.act_now(*action);
    }
}

#[test]
fn the_cursor_stays_on_the_grid() {
    let mut screen = screen();
    let last = screen.explorer.len() - 1;
    assert_eq!(
        screen.cursor,
        CellCursor { from: 0, to: 1 },
        "not a workload to itself"
    );
    press(&mut screen, &[Action::Up, Action::Left, Action::Left]);
    assert_eq!(screen.cursor, CellCursor { from: 0, to: 0 });
    press(
        &mut screen,
        &[Action::PageDown, Action::PageDown, Action::Right],
    );
    assert_eq!(screen.cursor, CellCursor { from: last, to: 1 });
    press(&mut screen, &[Action::Bottom, Action::Down, Action::Right]);
    assert_eq!(
        screen.cursor,
        CellCursor {
            from: last,
            to: last
        }
    );
    press(&mut screen, &[Action::Top]);
    assert_eq!(screen.cursor, CellCursor::default());
}

#[test]
fn n_shows_each_namespace_then_all_again() {
    let mut screen = screen();
    let all = screen.explorer.len();
    press(&mut screen, &[Action::Bottom, Action::NextNamespace]);
    assert_eq!(
        screen.explorer.namespace(),
        Some("observability-monitoring")
    );
    assert_eq!(screen.explorer.len(), 2);
    assert_eq!(
        screen.cursor,
        CellCursor { from: 0, to: 1 },
        "the cursor starts over"
    );
    press(&mut screen, &[Action::NextNamespace, Action::NextNamespace]);
    assert_eq!(screen.explorer.namespace(), Some("shop"));
    assert!(
        screen
            .explorer
            .workloads()
            .iter()
            .all(|p| p.namespace == "shop")
    );
    press(&mut screen, &[Action::NextNamespace]);
    assert_eq!(screen.explorer.namespace(), None);
    assert_eq!(screen.explorer.len(), all);
}

#[test]
fn p_cycles_the_declared_ports_and_t_the_protocol() {
    let mut screen = screen();
    let ports = screen.explorer.suggested_ports();
    assert_eq!(
        ports[0],
        (PortRef::Number(8080), Protocol::Tcp),
        "two declare 8080"
    );
    assert_eq!(screen.explorer.port(), &PortRef::Number(8080));
    for expected in ports.iter().skip(1).chain(ports.first()) {
        press(&mut screen, &[Action::NextPort]);
        assert_eq!(
            (screen.explorer.port().clone(), screen.explorer.protocol()),
            expected.clone()
        );
    }
    press(&mut screen, &[Action::NextProtocol]);
    assert_eq!(screen.explorer.protocol(), Protocol::Udp);
    assert_eq!(screen.explorer.port(), &PortRef::Number(8080));
    press(&mut screen, &[Action::NextProtocol, Action::NextProtocol]);
    assert_eq!(screen.explorer.protocol(), Protocol::Tcp);
    press(&mut screen, &[Action::NextEngine]);
    assert_eq!(screen.explorer.engine(), Engine::Cilium);
    assert_eq!(screen.counts, screen.explorer.counts(), "counted again");
}

#[test]
fn enter_opens_why_and_closing_it_stays_on_the_grid() {
    let mut screen = screen();
    // shop/frontend → shop/cart on TCP 8080: allowed by api-from-frontend.
    press(&mut screen, &[Action::Open]);
    let panel = screen.why.as_ref().expect("a why panel");
    assert!(panel.why.verdict.allowed());
    assert_eq!(panel.why.ingress_policies.len(), 2);
    assert!(panel.why.deciding_rules[0].contains("api-from-frontend"));
    assert!(matches!(screen.keymap().title, "Policy explorer: why"));
    let _ = screen.act_now(Action::Cancel);
    assert!(screen.why.is_none());
}

#[test]
fn a_workload_to_itself_has_no_why() {
    let mut screen = screen();
    press(&mut screen, &[Action::Left]);
    let reaction = screen.act_now(Action::Open);
    assert!(screen.why.is_none());
    assert!(reaction.message.is_some_and(|m| m.contains("No why here")));
}

#[test]
fn the_window_follows_the_cursor_the_least_it_can() {
    assert_eq!(GridWindow::follow(0, 3, 5, 20), 0);
    assert_eq!(GridWindow::follow(0, 7, 5, 20), 3);
    assert_eq!(GridWindow::follow(6, 2, 5, 20), 2);
    assert_eq!(GridWindow::follow(18, 19, 5, 20), 15, "never past the end");
}

#[test]
fn long_names_give_way_namespace_first() {
    let pod = crate::netpol::PodRef::new("observability-monitoring", "prometheus");
    assert_eq!(
        view::shorten(&pod, 40),
        "observability-monitoring/prometheus"
    );
    assert_eq!(view::shorten(&pod, 18), "observ…/prometheus");
    assert_eq!(view::shorten(&pod, 12), "obs…/promet…");
    assert_eq!(view::shorten(&pod, 4), "obs…");
    for width in 1..40 {
        assert!(view::shorten(&pod, width).chars().count() <= width);
    }
}

#[test]
fn a_typed_port_is_asked_about_and_a_bad_one_refused() {
    let mut screen = screen();
    press(&mut screen, &[Action::NextProtocol, Action::TypePort]);
    assert_eq!(screen.keymap().title, "Policy explorer: port");
    for ch in "443/tcp".chars() {
        press(&mut screen, &[Action::Type(ch)]);
    }
    let refused = screen.act_now(Action::Submit);
    assert!(
        refused
            .message
            .is_some_and(|m| m.contains("'443/tcp' is not a port"))
    );
    for _ in 0..4 {
        press(&mut screen, &[Action::DeleteChar]);
    }
    press(&mut screen, &[Action::Submit]);
    assert!(screen.port_prompt.is_none());
    assert_eq!(screen.explorer.port(), &PortRef::Number(443));
    assert_eq!(
        screen.explorer.protocol(),
        Protocol::Udp,
        "the protocol stays"
    );
    press(
        &mut screen,
        &[Action::TypePort, Action::Type('9'), Action::Cancel],
    );
    assert_eq!(
        screen.explorer.port(),
        &PortRef::Number(443),
        "Esc keeps the port"
    );
}
