//! Unit tests of the evaluator: ports (numbers, ranges, names, protocols), ipBlock on both
//! engines, both sides of a connection, additivity, errors and the matrix.

use ipnet::IpNet;

use super::super::eval::{Connection, Engine, EvalError, PortRef, evaluate};
use super::super::matrix::{Cell, matrix};
use super::super::model::{Pod, PodRef, Protocol};
use super::super::policy::{IpBlock, Peer, PolicyPort, PolicyType, PortSpec};
use super::super::selector::LabelSelector;
use super::{allowed, app, cluster, conn, ingress_only, pod, policy, rule};

#[test]
fn ip_block_with_except_matches_pod_ips_on_the_standard_engine() {
    let block = IpBlock::new(
        "10.244.0.0/16".parse::<IpNet>().expect("cidr"),
        vec!["10.244.3.0/24".parse().expect("cidr")],
    )
    .expect("valid block");
    let c = cluster(vec![ingress_only(
        "backend",
        "p",
        app("api"),
        vec![rule(vec![Peer::IpBlock(block)], vec![])],
    )]);
    assert!(allowed(
        &c,
        Engine::Standard,
        "frontend/web",
        "backend/api",
        8080
    ));
    assert!(
        !allowed(&c, Engine::Standard, "other/client", "backend/api", 8080),
        "10.244.3.40 is excepted"
    );
    let verdict = evaluate(
        &c,
        Engine::Standard,
        &conn("frontend/web", "backend/api", 8080, Protocol::Tcp),
    )
    .expect("evaluates");
    assert!(verdict.ingress.allowed_by[0].by_ip_block);
    assert!(verdict.ingress.notes(Engine::Standard)[0].contains("Cilium"));
}

#[test]
fn ip_block_except_outside_the_cidr_is_refused() {
    let error = IpBlock::new(
        "10.0.0.0/16".parse().expect("cidr"),
        vec!["10.1.0.0/24".parse().expect("cidr")],
    );
    assert!(error.is_err());
}

#[test]
fn cilium_never_matches_pod_ips_with_ip_block_and_says_so() {
    let block = IpBlock::new("0.0.0.0/0".parse().expect("cidr"), vec![]).expect("valid block");
    let c = cluster(vec![ingress_only(
        "backend",
        "p",
        app("api"),
        vec![rule(vec![Peer::IpBlock(block)], vec![])],
    )]);
    assert!(allowed(
        &c,
        Engine::Standard,
        "frontend/web",
        "backend/api",
        8080
    ));
    let verdict = evaluate(
        &c,
        Engine::Cilium,
        &conn("frontend/web", "backend/api", 8080, Protocol::Tcp),
    )
    .expect("evaluates");
    assert!(!verdict.allowed());
    assert_eq!(verdict.ingress.ignored_ip_blocks.len(), 1);
    let notes = verdict.ingress.notes(Engine::Cilium).join("\n");
    assert!(
        notes.contains("ipBlock 0.0.0.0/0") && notes.contains("never selects pod"),
        "{notes}"
    );
}

#[test]
fn ports_by_number_range_name_and_protocol() {
    let ranged = PolicyPort {
        protocol: Protocol::Tcp,
        port: Some(PortSpec::Number {
            port: 8000,
            end_port: Some(8100),
        }),
    };
    let named = PolicyPort {
        protocol: Protocol::Udp,
        port: Some(PortSpec::Name("dns".into())),
    };
    let any_sctp = PolicyPort {
        protocol: Protocol::Sctp,
        port: None,
    };
    let c = cluster(vec![ingress_only(
        "backend",
        "p",
        app("api"),
        vec![rule(vec![], vec![ranged, named, any_sctp])],
    )]);
    let check = |port, protocol| {
        evaluate(
            &c,
            Engine::Standard,
            &conn("frontend/web", "backend/api", port, protocol),
        )
        .expect("evaluates")
        .allowed()
    };
    assert!(check(8000, Protocol::Tcp) && check(8100, Protocol::Tcp) && check(8080, Protocol::Tcp));
    assert!(!check(8101, Protocol::Tcp) && !check(7999, Protocol::Tcp));
    assert!(!check(8080, Protocol::Udp), "the range is TCP only");
    assert!(
        check(53, Protocol::Udp),
        "named port dns is UDP 53 on the destination"
    );
    assert!(!check(53, Protocol::Tcp));
    assert!(
        check(4242, Protocol::Sctp),
        "protocol without port: every SCTP port"
    );
}

#[test]
fn named_ports_resolve_against_the_destination_for_egress_too() {
    let named = PolicyPort {
        protocol: Protocol::Tcp,
        port: Some(PortSpec::Name("http".into())),
    };
    let egress = policy(
        "frontend",
        "out",
        LabelSelector::everything(),
        Some(vec![PolicyType::Egress]),
        vec![],
        vec![rule(vec![], vec![named])],
    );
    let mut c = cluster(vec![egress]);
    c.add_pod(Pod {
        ports: vec![],
        ..pod("backend", "bare", &[], "10.244.2.99")
    });
    assert!(allowed(
        &c,
        Engine::Standard,
        "frontend/web",
        "backend/api",
        8080
    ));
    assert!(
        !allowed(&c, Engine::Standard, "frontend/web", "backend/bare", 8080),
        "bare declares no port named http"
    );
    let by_name = Connection {
        port: PortRef::Name("http".into()),
        ..conn("frontend/web", "backend/api", 1, Protocol::Tcp)
    };
    let verdict = evaluate(&c, Engine::Standard, &by_name).expect("evaluates");
    assert_eq!(
        (verdict.port, verdict.port_name.as_deref()),
        (8080, Some("http"))
    );
}

#[test]
fn egress_and_ingress_must_both_allow() {
    let deny_egress = policy(
        "frontend",
        "no-out",
        LabelSelector::everything(),
        Some(vec![PolicyType::Egress]),
        vec![],
        vec![],
    );
    let c = cluster(vec![deny_egress]);
    let verdict = evaluate(
        &c,
        Engine::Standard,
        &conn("frontend/web", "backend/api", 8080, Protocol::Tcp),
    )
    .expect("evaluates");
    assert!(verdict.ingress.allowed() && !verdict.egress.allowed() && !verdict.allowed());
    assert!(
        verdict
            .explanation()
            .join("\n")
            .contains("the egress side refused it")
    );
}

#[test]
fn policies_are_additive_and_every_allowing_rule_is_reported() {
    let deny = ingress_only("backend", "deny", LabelSelector::everything(), vec![]);
    let allow_web = ingress_only(
        "backend",
        "allow-web",
        app("api"),
        vec![rule(
            vec![Peer::Namespaces(LabelSelector::everything())],
            vec![],
        )],
    );
    let allow_port = ingress_only(
        "backend",
        "allow-port",
        app("api"),
        vec![rule(vec![], vec![PolicyPort::number(Protocol::Tcp, 8080)])],
    );
    let c = cluster(vec![deny, allow_web, allow_port]);
    let verdict = evaluate(
        &c,
        Engine::Standard,
        &conn("frontend/web", "backend/api", 8080, Protocol::Tcp),
    )
    .expect("evaluates");
    assert!(verdict.allowed());
    assert_eq!(verdict.ingress.selecting.len(), 3);
    let names: Vec<&str> = verdict
        .ingress
        .allowed_by
        .iter()
        .map(|m| m.policy.name.as_str())
        .collect();
    assert_eq!(names, ["allow-web", "allow-port"]);
}

#[test]
fn unknown_pods_names_and_self_traffic_are_errors() {
    let c = cluster(vec![]);
    assert_eq!(
        evaluate(
            &c,
            Engine::Standard,
            &conn("frontend/nope", "backend/api", 80, Protocol::Tcp)
        ),
        Err(EvalError::UnknownPod(PodRef::new("frontend", "nope")))
    );
    let self_traffic = evaluate(
        &c,
        Engine::Standard,
        &conn("backend/api", "backend/api", 80, Protocol::Tcp),
    );
    assert!(matches!(self_traffic, Err(EvalError::SelfTraffic(_))));
    let by_name = Connection {
        port: PortRef::Name("grpc".into()),
        ..conn("frontend/web", "backend/api", 1, Protocol::Tcp)
    };
    assert!(matches!(
        evaluate(&c, Engine::Standard, &by_name),
        Err(EvalError::UnknownPortName { .. })
    ));
}

#[test]
fn matrix_marks_self_pairs_and_follows_pod_order() {
    let c = cluster(vec![ingress_only(
        "backend",
        "deny",
        LabelSelector::everything(),
        vec![],
    )]);
    let table =
        matrix(&c, Engine::Standard, &PortRef::Number(80), Protocol::Tcp).expect("evaluates");
    assert_eq!(table.pods[0], PodRef::new("frontend", "web"));
    assert_eq!(table.cell(0, 0), Cell::SelfPair);
    assert_eq!(table.cell(0, 1), Cell::Denied);
    assert_eq!(table.cell(1, 0), Cell::Allowed);
    let text = table.to_string();
    assert!(
        text.contains(" 1 frontend/web") && text.contains("legend: . allowed"),
        "{text}"
    );
}
