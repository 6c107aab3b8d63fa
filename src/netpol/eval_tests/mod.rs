//! Unit tests of the evaluator, one per semantic rule, on clusters built in code: here isolation,
//! defaulting and selectors; ports, ipBlock, engines and the matrix in `ports_and_engines`.

mod all_pairs;
mod ports_and_engines;

use std::net::IpAddr;

use super::eval::{Connection, Engine, Matched, PortRef, evaluate};
use super::model::{Cluster, ContainerPort, Labels, Namespace, Pod, Protocol};
use super::policy::{NetworkPolicy, Peer, PolicyPort, PolicyType, Rule};
use super::selector::{LabelSelector, Operator, Requirement};

pub(super) fn labels(pairs: &[(&str, &str)]) -> Labels {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

pub(super) fn pod(namespace: &str, name: &str, pairs: &[(&str, &str)], ip: &str) -> Pod {
    Pod {
        namespace: namespace.into(),
        name: name.into(),
        labels: labels(pairs),
        ip: Some(ip.parse::<IpAddr>().expect("test IP")),
        ports: vec![
            ContainerPort {
                name: Some("http".into()),
                number: 8080,
                protocol: Protocol::Tcp,
            },
            ContainerPort {
                name: Some("dns".into()),
                number: 53,
                protocol: Protocol::Udp,
            },
        ],
    }
}

/// frontend/web (app=web), backend/api (app=api), backend/db (app=db), other/client (app=web).
pub(super) fn cluster(policies: Vec<NetworkPolicy>) -> Cluster {
    let mut cluster = Cluster::new();
    cluster.add_namespace(Namespace::new("frontend", labels(&[("team", "web")])));
    cluster.add_namespace(Namespace::new("backend", labels(&[("team", "core")])));
    cluster.add_pod(pod("frontend", "web", &[("app", "web")], "10.244.1.10"));
    cluster.add_pod(pod("backend", "api", &[("app", "api")], "10.244.2.20"));
    cluster.add_pod(pod("backend", "db", &[("app", "db")], "10.244.2.30"));
    cluster.add_pod(pod("other", "client", &[("app", "web")], "10.244.3.40"));
    for policy in policies {
        cluster.add_policy(policy);
    }
    cluster
}

pub(super) fn policy(
    namespace: &str,
    name: &str,
    selector: LabelSelector,
    types: Option<Vec<PolicyType>>,
    ingress: Vec<Rule>,
    egress: Vec<Rule>,
) -> NetworkPolicy {
    NetworkPolicy::new(namespace, name, selector, types, ingress, egress)
}

pub(super) fn ingress_only(
    namespace: &str,
    name: &str,
    selector: LabelSelector,
    rules: Vec<Rule>,
) -> NetworkPolicy {
    policy(
        namespace,
        name,
        selector,
        Some(vec![PolicyType::Ingress]),
        rules,
        vec![],
    )
}

pub(super) fn rule(peers: Vec<Peer>, ports: Vec<PolicyPort>) -> Rule {
    Rule { peers, ports }
}

pub(super) fn conn(from: &str, to: &str, port: u16, protocol: Protocol) -> Connection {
    Connection {
        from: from.parse().expect("test pod"),
        to: to.parse().expect("test pod"),
        port: PortRef::Number(port),
        protocol,
    }
}

pub(super) fn allowed(cluster: &Cluster, engine: Engine, from: &str, to: &str, port: u16) -> bool {
    evaluate(cluster, engine, &conn(from, to, port, Protocol::Tcp))
        .expect("evaluates")
        .allowed()
}

pub(super) fn app(value: &str) -> LabelSelector {
    LabelSelector::labels([("app", value)])
}

#[test]
fn no_policy_means_not_isolated_and_allowed() {
    let c = cluster(vec![]);
    let verdict = evaluate(
        &c,
        Engine::Standard,
        &conn("frontend/web", "backend/api", 8080, Protocol::Tcp),
    )
    .expect("evaluates");
    assert!(verdict.allowed());
    assert!(!verdict.ingress.isolated() && !verdict.egress.isolated());
    assert!(
        verdict
            .ingress
            .reason()
            .contains("no policy selects backend/api for ingress: not isolated")
    );
}

#[test]
fn ingress_type_with_no_rules_denies_all_ingress_but_not_egress() {
    let c = cluster(vec![ingress_only(
        "backend",
        "deny",
        LabelSelector::everything(),
        vec![],
    )]);
    assert!(!allowed(
        &c,
        Engine::Standard,
        "frontend/web",
        "backend/api",
        8080
    ));
    assert!(
        allowed(&c, Engine::Standard, "backend/api", "frontend/web", 8080),
        "egress untouched"
    );
}

#[test]
fn missing_policy_types_default_to_ingress_plus_egress_only_with_egress_rules() {
    let only_ingress = policy(
        "backend",
        "p",
        LabelSelector::everything(),
        None,
        vec![],
        vec![],
    );
    assert_eq!(only_ingress.policy_types, vec![PolicyType::Ingress]);
    assert!(only_ingress.policy_types_defaulted);
    let empty_egress_list = policy(
        "backend",
        "p",
        LabelSelector::everything(),
        Some(vec![]),
        vec![],
        vec![],
    );
    assert_eq!(
        empty_egress_list.policy_types,
        vec![PolicyType::Ingress],
        "an empty list is defaulted too"
    );
    let with_egress = policy(
        "backend",
        "p",
        LabelSelector::everything(),
        None,
        vec![],
        vec![Rule::default()],
    );
    assert_eq!(
        with_egress.policy_types,
        vec![PolicyType::Ingress, PolicyType::Egress]
    );
    let declared = policy(
        "backend",
        "p",
        LabelSelector::everything(),
        Some(vec![PolicyType::Egress]),
        vec![],
        vec![],
    );
    assert_eq!(declared.policy_types, vec![PolicyType::Egress]);
    assert!(!declared.policy_types_defaulted);
}

#[test]
fn an_empty_rule_allows_everything_but_an_empty_rule_list_allows_nothing() {
    let allow_all = cluster(vec![ingress_only(
        "backend",
        "all",
        LabelSelector::everything(),
        vec![Rule::default()],
    )]);
    let verdict = evaluate(
        &allow_all,
        Engine::Standard,
        &conn("other/client", "backend/db", 9999, Protocol::Udp),
    )
    .expect("evaluates");
    assert!(verdict.allowed());
    assert_eq!(verdict.ingress.allowed_by[0].peer, Matched::Any);
    assert_eq!(verdict.ingress.allowed_by[0].port, Matched::Any);
    let deny_all = cluster(vec![ingress_only(
        "backend",
        "none",
        LabelSelector::everything(),
        vec![],
    )]);
    assert!(!allowed(
        &deny_all,
        Engine::Standard,
        "other/client",
        "backend/db",
        9999
    ));
}

#[test]
fn pod_selector_peer_selects_only_in_the_policy_namespace() {
    // other/client has app=web too, but a lone podSelector means "in backend".
    let c = cluster(vec![ingress_only(
        "backend",
        "p",
        app("api"),
        vec![rule(vec![Peer::Pods(app("web"))], vec![])],
    )]);
    assert!(!allowed(
        &c,
        Engine::Standard,
        "frontend/web",
        "backend/api",
        8080
    ));
    let c = cluster(vec![ingress_only(
        "backend",
        "p",
        app("api"),
        vec![rule(vec![Peer::Pods(app("db"))], vec![])],
    )]);
    assert!(allowed(
        &c,
        Engine::Standard,
        "backend/db",
        "backend/api",
        8080
    ));
}

#[test]
fn namespace_selector_uses_the_automatic_name_label() {
    let by_name = LabelSelector::labels([("kubernetes.io/metadata.name", "frontend")]);
    let c = cluster(vec![ingress_only(
        "backend",
        "p",
        app("api"),
        vec![rule(vec![Peer::Namespaces(by_name)], vec![])],
    )]);
    assert!(allowed(
        &c,
        Engine::Standard,
        "frontend/web",
        "backend/api",
        8080
    ));
    assert!(!allowed(
        &c,
        Engine::Standard,
        "other/client",
        "backend/api",
        8080
    ));
    // "other" had no Namespace: it exists implicitly, with only its name label.
    assert_eq!(
        c.namespace("other").expect("implicit").labels,
        labels(&[("kubernetes.io/metadata.name", "other")])
    );
}

#[test]
fn both_selectors_in_one_peer_mean_and_two_peers_mean_or() {
    let in_frontend = LabelSelector::labels([("team", "web")]);
    let and = Peer::PodsInNamespaces {
        namespaces: in_frontend.clone(),
        pods: app("db"),
    };
    let c = cluster(vec![ingress_only(
        "backend",
        "p",
        app("api"),
        vec![rule(vec![and], vec![])],
    )]);
    assert!(
        !allowed(&c, Engine::Standard, "frontend/web", "backend/api", 8080),
        "web is not app=db"
    );
    let or = vec![Peer::Namespaces(in_frontend), Peer::Pods(app("db"))];
    let c = cluster(vec![ingress_only(
        "backend",
        "p",
        app("api"),
        vec![rule(or, vec![])],
    )]);
    assert!(allowed(
        &c,
        Engine::Standard,
        "frontend/web",
        "backend/api",
        8080
    ));
    assert!(allowed(
        &c,
        Engine::Standard,
        "backend/db",
        "backend/api",
        8080
    ));
    assert!(!allowed(
        &c,
        Engine::Standard,
        "other/client",
        "backend/api",
        8080
    ));
}

#[test]
fn match_expressions_in_notin_exists_doesnotexist() {
    let with = labels(&[("tier", "web")]);
    let without = labels(&[]);
    let req = |operator, values: &[&str]| Requirement {
        key: "tier".into(),
        operator,
        values: values.iter().map(|v| v.to_string()).collect(),
    };
    assert!(req(Operator::In, &["web", "api"]).matches(&with));
    assert!(!req(Operator::In, &["api"]).matches(&with));
    assert!(!req(Operator::In, &["web"]).matches(&without));
    assert!(!req(Operator::NotIn, &["web"]).matches(&with));
    assert!(
        req(Operator::NotIn, &["web"]).matches(&without),
        "NotIn matches a missing key"
    );
    assert!(
        req(Operator::Exists, &[]).matches(&with) && !req(Operator::Exists, &[]).matches(&without)
    );
    assert!(
        !req(Operator::DoesNotExist, &[]).matches(&with)
            && req(Operator::DoesNotExist, &[]).matches(&without)
    );
    let selector = LabelSelector {
        match_labels: labels(&[("tier", "web")]),
        match_expressions: vec![req(Operator::NotIn, &["web"])],
    };
    assert!(
        !selector.matches(&with),
        "matchLabels and matchExpressions are ANDed"
    );
    assert!(LabelSelector::everything().matches(&without));
}
