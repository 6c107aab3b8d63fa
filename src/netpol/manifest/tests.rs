//! Unit tests of the manifest reader: kinds, defaults, positions, and no panic on any input.

use proptest::prelude::*;

use super::split::split_documents;
use super::{ManifestError, parse_sources};
use crate::netpol::model::{PodRef, Protocol};
use crate::netpol::policy::{Peer, PolicyType, PortSpec};

fn parse(text: &str) -> super::Manifests {
    parse_sources([("m.yaml", text)]).expect("valid manifests")
}

fn error_of(text: &str) -> ManifestError {
    let errors = parse_sources([("m.yaml", text)]).expect_err("invalid manifests");
    errors.0[0].clone()
}

fn position(error: &ManifestError) -> (u64, u64) {
    match error {
        ManifestError::Invalid { line, column, .. } => (*line, *column),
        other => panic!("not a positioned error: {other}"),
    }
}

const POD: &str = "apiVersion: v1
kind: Pod
metadata:
  name: api
  namespace: backend
  labels: {app: api}
spec:
  containers:
  - name: api
    ports:
    - containerPort: 8080
      name: http
    - containerPort: 53
      protocol: UDP
status:
  podIP: 10.244.2.20
";

#[test]
fn reads_a_pod_with_ports_ip_and_an_implicit_namespace() {
    let manifests = parse(POD);
    let pod = manifests
        .cluster
        .pod(&PodRef::new("backend", "api"))
        .expect("pod read");
    assert_eq!(pod.ip, Some("10.244.2.20".parse().expect("ip")));
    assert_eq!(pod.named_port("http", Protocol::Tcp), Some(8080));
    assert_eq!(pod.ports[1].protocol, Protocol::Udp);
    assert!(manifests.cluster.namespace("backend").is_some());
    assert!(
        manifests.notes[0]
            .message
            .contains("namespace backend has no Namespace document")
    );
}

#[test]
fn splits_documents_and_keeps_line_numbers() {
    let documents = split_documents("a: 1\n---\nb: 2\n--- # c\nc: 3\n...\nd: 4\n");
    let starts: Vec<u64> = documents.iter().map(|d| d.first_line).collect();
    assert_eq!(starts, [1, 2, 4, 7]);
    assert_eq!(documents[2].text, "    # c\nc: 3\n\n");
}

#[test]
fn unknown_kinds_and_other_policy_api_versions_are_ignored_with_a_note() {
    let text = "kind: Service\nmetadata: {name: s}\n---\napiVersion: crd.projectcalico.org/v1\nkind: NetworkPolicy\nmetadata: {name: c}\nspec: {selector: all()}\n";
    let manifests = parse(text);
    assert!(manifests.cluster.policies().is_empty());
    assert_eq!(manifests.notes.len(), 2);
    assert_eq!(manifests.notes[0].line, 3);
    assert!(
        manifests.notes[0]
            .message
            .contains("crd.projectcalico.org/v1")
    );
    assert_eq!(manifests.notes[1].line, 1);
    assert!(manifests.notes[1].message.contains("1 Service ignored"));
}

#[test]
fn policy_defaults_empty_lists_and_peers_are_read_as_kubernetes_does() {
    let text = "apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: backend}
spec:
  podSelector:
    matchExpressions:
    - {key: app, operator: In, values: [api]}
  ingress:
  - from: []
  - from:
    - namespaceSelector: {matchLabels: {team: web}}
      podSelector: {}
    - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
    ports:
    - port: http
    - port: 8000
      endPort: 8100
  egress: []
";
    let manifests = parse(text);
    let policy = &manifests.cluster.policies()[0];
    assert_eq!(
        policy.policy_types,
        [PolicyType::Ingress],
        "egress: [] adds no Egress type"
    );
    assert!(policy.ingress[0].peers.is_empty(), "from: [] is every peer");
    assert!(matches!(
        policy.ingress[1].peers[0],
        Peer::PodsInNamespaces { .. }
    ));
    assert!(matches!(policy.ingress[1].peers[1], Peer::IpBlock(_)));
    assert_eq!(
        policy.ingress[1].ports[0].port,
        Some(PortSpec::Name("http".into()))
    );
    assert_eq!(policy.ingress[1].ports[1].protocol, Protocol::Tcp);
    assert_eq!(
        policy.ingress[1].ports[1].port,
        Some(PortSpec::Number {
            port: 8000,
            end_port: Some(8100)
        })
    );
}

#[test]
fn a_policy_without_namespace_lands_in_default_with_a_note() {
    let manifests = parse("kind: NetworkPolicy\nmetadata: {name: p}\nspec: {podSelector: {}}\n");
    assert_eq!(manifests.cluster.policies()[0].namespace, "default");
    assert!(
        manifests
            .notes
            .iter()
            .any(|n| n.message.contains("assumed to be in 'default'"))
    );
}

#[test]
fn malformed_yaml_is_reported_at_its_line_and_column_in_the_file() {
    let text = format!("{POD}---\nkind: Pod\nmetadata:\n  name: [x\n");
    let error = error_of(&text);
    assert_eq!(position(&error).0, 20, "{error}");
    assert!(error.to_string().starts_with("m.yaml:20:"), "{error}");
}

#[test]
fn a_typo_in_a_policy_spec_is_an_error_not_a_wider_selector() {
    let text = "kind: NetworkPolicy\nmetadata: {name: p, namespace: a}\nspec:\n  podSelector:\n    matchLabel: {app: api}\n";
    let error = error_of(text);
    assert_eq!(position(&error).0, 5, "{error}");
    assert!(error.to_string().contains("matchLabel"), "{error}");
}

#[test]
fn validation_errors_point_at_the_offending_entry() {
    let base =
        "kind: NetworkPolicy\nmetadata: {name: p, namespace: a}\nspec:\n  ingress:\n  - from:\n";
    let cases = [
        ("    - ipBlock: {cidr: 10.0.0.0/33}\n", "not a CIDR"),
        (
            "    - ipBlock: {cidr: 10.0.0.0/16, except: [10.1.0.0/24]}\n",
            "not inside cidr",
        ),
        ("    - {}\n", "a peer needs"),
        (
            "    - podSelector: {matchExpressions: [{key: a, operator: In}]}\n",
            "at least one value",
        ),
        (
            "    - podSelector: {matchExpressions: [{key: a, operator: Equals, values: [b]}]}\n",
            "Equals",
        ),
    ];
    for (tail, expected) in cases {
        let error = error_of(&format!("{base}{tail}"));
        assert_eq!(position(&error).0, 6, "{tail}: {error}");
        assert!(error.to_string().contains(expected), "{tail}: {error}");
    }
    let ports =
        "kind: NetworkPolicy\nmetadata: {name: p, namespace: a}\nspec:\n  ingress:\n  - ports:\n";
    for (tail, expected) in [
        ("    - {port: 70000}\n", "not a port"),
        ("    - {port: 90, endPort: 80}\n", "below port"),
        ("    - {port: http, endPort: 80}\n", "named port"),
        ("    - {port: \"8080\"}\n", "without quotes"),
        ("    - {protocol: ICMP}\n", "ICMP"),
    ] {
        let error = error_of(&format!("{ports}{tail}"));
        assert_eq!(position(&error).0, 6, "{tail}: {error}");
        assert!(error.to_string().contains(expected), "{tail}: {error}");
    }
}

#[test]
fn duplicates_missing_kind_and_bad_ips_are_errors() {
    let twice = format!("{POD}---\n{POD}");
    assert!(
        error_of(&twice)
            .to_string()
            .contains("defined twice; the first is at m.yaml:1")
    );
    assert!(
        error_of("metadata: {name: x}\n")
            .to_string()
            .contains("no `kind`")
    );
    let bad_ip = POD.replace("10.244.2.20", "10.244.2.300");
    assert_eq!(position(&error_of(&bad_ip)).0, 16);
}

#[test]
fn the_name_label_of_a_namespace_is_always_its_name() {
    let manifests = parse(
        "kind: Namespace\nmetadata:\n  name: prod\n  labels: {kubernetes.io/metadata.name: other, env: prod}\n",
    );
    let namespace = manifests.cluster.namespace("prod").expect("read");
    assert_eq!(namespace.labels["kubernetes.io/metadata.name"], "prod");
    assert_eq!(namespace.labels["env"], "prod");
    assert!(manifests.notes[0].message.contains("replaced"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Any text at all: read or reported, never a panic.
    #[test]
    fn never_panics_on_arbitrary_text(text in "\\PC*") {
        let _ = parse_sources([("fuzz.yaml", text.as_str())]);
    }

    /// Text built from YAML's own pieces reaches deeper into the reader than random characters.
    #[test]
    fn never_panics_on_yaml_like_text(pieces in prop::collection::vec(prop::sample::select(vec![
        "kind: Pod\n", "kind: NetworkPolicy\n", "kind: Namespace\n", "metadata:\n", "  name: a\n",
        "  namespace: b\n", "spec:\n", "  podSelector: {}\n", "  ingress:\n", "  - from:\n",
        "    - ipBlock: {cidr: 10.0.0.0/8}\n", "    ports:\n", "    - port: 80\n", "---\n", "...\n",
        "  - {}\n", "status: {podIP: 10.0.0.1}\n", "[", "]", "{", "}", ": ", "- ", "&a ", "*a\n", "\t",
        "'", "\"", "#", "\n", "  ", "endPort: 1\n", "policyTypes: [Egress]\n",
    ]), 0..40)) {
        let text: String = pieces.concat();
        let _ = parse_sources([("fuzz.yaml", text.as_str())]);
    }
}
