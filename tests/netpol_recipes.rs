//! Scenario tests transcribed from ahmetb/kubernetes-network-policy-recipes: each test names its
//! recipe file and checks the connections the recipe's "Try it out" section tries (plus the
//! obvious counterparts), through the YAML reader and the evaluator.

use aks_tutor::netpol::{
    Connection, Engine, Manifests, PortRef, Protocol, evaluate, parse_sources,
};

/// Namespaces default, other (team=operations), prod (purpose=production); pods with the
/// recipes' labels, each serving TCP 80 (named http), 5000 and UDP/TCP 53.
const CLUSTER: &str = "
kind: Namespace
metadata: {name: default}
---
kind: Namespace
metadata: {name: other, labels: {team: operations}}
---
kind: Namespace
metadata: {name: prod, labels: {purpose: production}}
";

fn pod(namespace: &str, name: &str, labels: &str, ip: &str) -> String {
    format!(
        "---\nkind: Pod\nmetadata: {{name: {name}, namespace: {namespace}, labels: {{{labels}}}}}\nspec:\n  containers:\n  - ports:\n    - {{containerPort: 80, name: http}}\n    - {{containerPort: 5000}}\n    - {{containerPort: 53, protocol: UDP}}\nstatus: {{podIP: {ip}}}\n"
    )
}

fn cluster(policies: &str) -> Manifests {
    let mut text = CLUSTER.to_string();
    text += &pod("default", "web", "app: web", "10.0.0.10");
    text += &pod("default", "api", "app: bookstore, role: api", "10.0.0.11");
    text += &pod(
        "default",
        "frontend",
        "app: bookstore, role: frontend",
        "10.0.0.12",
    );
    text += &pod("default", "foo", "app: foo", "10.0.0.13");
    text += &pod("default", "other-app", "app: coffeeshop", "10.0.0.14");
    text += &pod("other", "monitor", "type: monitoring", "10.0.1.10");
    text += &pod("other", "client", "app: client", "10.0.1.11");
    text += &pod("prod", "client", "app: client", "10.0.2.10");
    text += &pod("prod", "web", "app: web", "10.0.2.11");
    text += policies;
    parse_sources([("recipe.yaml", text.as_str())]).expect("recipe manifests load")
}

fn allowed(manifests: &Manifests, from: &str, to: &str, port: u16, protocol: Protocol) -> bool {
    let connection = Connection {
        from: from.parse().expect("pod"),
        to: to.parse().expect("pod"),
        port: PortRef::Number(port),
        protocol,
    };
    evaluate(&manifests.cluster, Engine::Standard, &connection)
        .expect("evaluates")
        .allowed()
}

fn tcp(manifests: &Manifests, from: &str, to: &str, port: u16) -> bool {
    allowed(manifests, from, to, port, Protocol::Tcp)
}

const WEB_DENY_ALL: &str = "---
kind: NetworkPolicy
metadata: {name: web-deny-all, namespace: default}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress: []
";

#[test]
fn recipe_01_deny_all_traffic_to_an_application() {
    let m = cluster(WEB_DENY_ALL);
    assert!(!tcp(&m, "default/foo", "default/web", 80));
    assert!(!tcp(&m, "other/client", "default/web", 80));
    assert!(
        tcp(&m, "default/foo", "default/api", 80),
        "other apps stay open"
    );
    assert!(
        tcp(&m, "default/web", "default/api", 80),
        "web's egress is untouched"
    );
}

#[test]
fn recipe_02_limit_traffic_to_an_application() {
    let m = cluster(
        "---
kind: NetworkPolicy
metadata: {name: api-allow, namespace: default}
spec:
  podSelector: {matchLabels: {app: bookstore, role: api}}
  ingress:
  - from:
    - podSelector: {matchLabels: {app: bookstore}}
",
    );
    assert!(tcp(&m, "default/frontend", "default/api", 80));
    assert!(!tcp(&m, "default/other-app", "default/api", 80));
    assert!(!tcp(&m, "other/client", "default/api", 80));
}

#[test]
fn recipe_02a_allow_all_traffic_to_an_application_beside_a_deny_all() {
    let m = cluster(&format!(
        "{WEB_DENY_ALL}---
kind: NetworkPolicy
metadata: {{name: web-allow-all, namespace: default}}
spec:
  podSelector: {{matchLabels: {{app: web}}}}
  ingress:
  - {{}}
"
    ));
    assert!(tcp(&m, "default/foo", "default/web", 80));
    assert!(tcp(&m, "other/client", "default/web", 5000));
}

#[test]
fn recipe_03_deny_all_non_whitelisted_traffic_in_the_namespace() {
    let m = cluster(
        "---
kind: NetworkPolicy
metadata: {name: default-deny-all, namespace: default}
spec:
  podSelector: {}
  ingress: []
",
    );
    assert!(!tcp(&m, "default/foo", "default/web", 80));
    assert!(!tcp(&m, "prod/client", "default/api", 80));
    assert!(
        tcp(&m, "default/foo", "prod/web", 80),
        "other namespaces are not selected"
    );
}

#[test]
fn recipe_04_deny_traffic_from_other_namespaces() {
    let m = cluster(
        "---
kind: NetworkPolicy
metadata: {name: deny-from-other-namespaces, namespace: default}
spec:
  podSelector: {matchLabels: {}}
  ingress:
  - from:
    - podSelector: {}
",
    );
    assert!(!tcp(&m, "other/client", "default/web", 80));
    assert!(tcp(&m, "default/foo", "default/web", 80));
}

#[test]
fn recipe_05_allow_traffic_from_all_namespaces() {
    let m = cluster(&format!(
        "{WEB_DENY_ALL}---
kind: NetworkPolicy
metadata: {{name: web-allow-all-namespaces, namespace: default}}
spec:
  podSelector: {{matchLabels: {{app: web}}}}
  ingress:
  - from:
    - namespaceSelector: {{}}
"
    ));
    assert!(tcp(&m, "other/client", "default/web", 80));
    assert!(tcp(&m, "prod/client", "default/web", 80));
}

#[test]
fn recipe_06_allow_traffic_from_a_namespace() {
    let m = cluster(
        "---
kind: NetworkPolicy
metadata: {name: web-allow-prod, namespace: default}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
  - from:
    - namespaceSelector: {matchLabels: {purpose: production}}
",
    );
    assert!(tcp(&m, "prod/client", "default/web", 80));
    assert!(!tcp(&m, "other/client", "default/web", 80));
    assert!(
        !tcp(&m, "default/foo", "default/web", 80),
        "not even its own namespace"
    );
}

#[test]
fn recipe_07_allow_traffic_from_some_pods_in_another_namespace() {
    let m = cluster(
        "---
kind: NetworkPolicy
metadata: {name: web-allow-all-ns-monitoring, namespace: default}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
  - from:
    - namespaceSelector: {matchLabels: {team: operations}}
      podSelector: {matchLabels: {type: monitoring}}
",
    );
    assert!(tcp(&m, "other/monitor", "default/web", 80));
    assert!(
        !tcp(&m, "other/client", "default/web", 80),
        "right namespace, wrong pod"
    );
    assert!(
        !tcp(&m, "default/foo", "default/web", 80),
        "wrong namespace"
    );
}

#[test]
fn recipe_08_allow_external_traffic() {
    let m = cluster(&format!(
        "{WEB_DENY_ALL}---
kind: NetworkPolicy
metadata: {{name: web-allow-external, namespace: default}}
spec:
  podSelector: {{matchLabels: {{app: web}}}}
  ingress:
  - from: []
"
    ));
    assert!(
        tcp(&m, "prod/client", "default/web", 80),
        "an empty from admits everyone"
    );
}

#[test]
fn recipe_09_allow_traffic_only_to_a_port() {
    let m = cluster(
        "---
kind: NetworkPolicy
metadata: {name: api-allow-5000, namespace: default}
spec:
  podSelector: {matchLabels: {app: bookstore, role: api}}
  ingress:
  - ports:
    - port: 5000
    from:
    - podSelector: {matchLabels: {role: monitoring}}
---
kind: Pod
metadata: {name: monitoring, namespace: default, labels: {role: monitoring}}
status: {podIP: 10.0.0.99}
",
    );
    assert!(tcp(&m, "default/monitoring", "default/api", 5000));
    assert!(!tcp(&m, "default/monitoring", "default/api", 80));
    assert!(!tcp(&m, "default/foo", "default/api", 5000));
}

#[test]
fn recipe_10_allowing_traffic_with_multiple_selectors() {
    let m = cluster(
        "---
kind: NetworkPolicy
metadata: {name: redis-allow-services, namespace: default}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
  - from:
    - podSelector: {matchLabels: {app: bookstore, role: frontend}}
    - podSelector: {matchLabels: {app: bookstore, role: api}}
    - podSelector: {matchLabels: {app: inventory, role: web}}
",
    );
    assert!(tcp(&m, "default/frontend", "default/web", 80));
    assert!(tcp(&m, "default/api", "default/web", 80));
    assert!(!tcp(&m, "default/other-app", "default/web", 80));
}

#[test]
fn recipe_11_deny_egress_traffic_from_an_application_then_allow_dns() {
    let deny = "---
kind: NetworkPolicy
metadata: {name: foo-deny-egress, namespace: default}
spec:
  podSelector: {matchLabels: {app: foo}}
  policyTypes: [Egress]
  egress: []
";
    let m = cluster(deny);
    assert!(!tcp(&m, "default/foo", "default/web", 80));
    assert!(
        !allowed(&m, "default/foo", "default/web", 53, Protocol::Udp),
        "not even DNS"
    );
    let dns = deny.replace(
        "egress: []",
        "egress:\n  - ports:\n    - {port: 53, protocol: UDP}\n    - {port: 53, protocol: TCP}",
    );
    let m = cluster(&dns);
    assert!(allowed(&m, "default/foo", "default/web", 53, Protocol::Udp));
    assert!(!tcp(&m, "default/foo", "default/web", 80));
}

#[test]
fn recipe_12_deny_all_non_whitelisted_traffic_from_the_namespace() {
    let m = cluster(
        "---
kind: NetworkPolicy
metadata: {name: default-deny-all-egress, namespace: default}
spec:
  policyTypes: [Egress]
  podSelector: {}
  egress: []
",
    );
    assert!(!tcp(&m, "default/web", "default/api", 80));
    assert!(!tcp(&m, "default/web", "prod/web", 80));
    assert!(
        tcp(&m, "prod/client", "default/web", 80),
        "ingress is untouched"
    );
}

#[test]
fn recipe_14_deny_external_egress_traffic() {
    let m = cluster(
        "---
kind: NetworkPolicy
metadata: {name: foo-deny-external-egress, namespace: default}
spec:
  podSelector: {matchLabels: {app: foo}}
  policyTypes: [Egress]
  egress:
  - ports:
    - {port: 53, protocol: UDP}
    - {port: 53, protocol: TCP}
  - to:
    - namespaceSelector: {}
",
    );
    assert!(
        tcp(&m, "default/foo", "default/web", 80),
        "every pod in the cluster"
    );
    assert!(tcp(&m, "default/foo", "prod/web", 5000));
    let verdict = evaluate(
        &m.cluster,
        Engine::Standard,
        &Connection {
            from: "default/foo".parse().expect("pod"),
            to: "default/web".parse().expect("pod"),
            port: PortRef::Number(53),
            protocol: Protocol::Udp,
        },
    )
    .expect("evaluates");
    assert_eq!(
        verdict.egress.allowed_by.len(),
        2,
        "both rules allow DNS to a pod"
    );
}
