//! The explorer model on the seed's scenario: matrix, filter, port change and the "why".

use super::*;
use crate::netpol::manifest::parse_sources;

fn scenario() -> Cluster {
    let files = [
        (
            "frontend-backend.yaml",
            include_str!("../../tests/fixtures/netpol/frontend-backend.yaml"),
        ),
        (
            "deny-all-backend.yaml",
            include_str!("../../tests/fixtures/netpol/deny-all-backend.yaml"),
        ),
        (
            "allow-frontend.yaml",
            include_str!("../../tests/fixtures/netpol/allow-frontend.yaml"),
        ),
    ];
    parse_sources(files).expect("fixtures load").cluster
}

fn position(explorer: &Explorer, name: &str) -> usize {
    explorer
        .workloads()
        .iter()
        .position(|p| p.to_string() == name)
        .expect("shown")
}

#[test]
fn the_matrix_starts_on_the_most_common_port_and_filters_by_namespace() {
    let mut explorer = Explorer::new(scenario(), Engine::Standard);
    assert_eq!(explorer.namespaces(), ["backend", "frontend"]);
    assert_eq!(explorer.len(), 3);
    let (web, api) = (
        position(&explorer, "frontend/web"),
        position(&explorer, "backend/api"),
    );
    assert_eq!(explorer.cell(web, web), Cell::SelfPair);
    explorer.set_port(PortRef::Number(8080), Protocol::Tcp);
    assert_eq!(explorer.cell(web, api), Cell::Allowed);
    explorer.set_port(PortRef::Number(9090), Protocol::Tcp);
    assert_eq!(explorer.cell(web, api), Cell::Denied);
    explorer.set_namespace(Some("backend".into()));
    assert_eq!(explorer.namespace(), Some("backend"));
    let shown: Vec<String> = explorer.workloads().iter().map(|p| p.to_string()).collect();
    assert_eq!(shown, ["backend/api", "backend/db"]);
    explorer.set_namespace(None);
    assert_eq!(explorer.len(), 3);
    let counts = explorer.counts();
    assert_eq!(counts.allowed + counts.denied + counts.unknown, 6);
}

#[test]
fn why_names_the_policies_of_each_side_and_the_rule_that_decided() {
    let mut explorer = Explorer::new(scenario(), Engine::Standard);
    explorer.set_port(PortRef::Number(8080), Protocol::Tcp);
    let (web, api) = (
        position(&explorer, "frontend/web"),
        position(&explorer, "backend/api"),
    );
    let why = explorer.why(web, api).expect("evaluates");
    assert!(why.verdict.allowed());
    let ingress: Vec<String> = why.ingress_policies.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        ingress,
        ["backend/deny-all-ingress", "backend/allow-frontend"]
    );
    assert!(why.egress_policies.is_empty());
    assert_eq!(why.deciding_rules.len(), 1);
    assert!(why.deciding_rules[0].starts_with("backend/allow-frontend ingress[0]"));
    assert!(why.lines[0].starts_with("ALLOWED: frontend/web -> backend/api on TCP 8080"));
    assert!(matches!(
        explorer.why(web, web),
        Err(EvalError::SelfTraffic(_))
    ));
}

#[test]
fn ports_are_suggested_by_how_many_workloads_declare_them() {
    let explorer = Explorer::new(scenario(), Engine::Cilium);
    let ports = explorer.suggested_ports();
    assert!(!ports.is_empty());
    assert_eq!(explorer.port(), &ports[0].0);
    assert_eq!(explorer.engine(), Engine::Cilium);
}
