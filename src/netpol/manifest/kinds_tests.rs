//! Unit tests of what users have: workloads, lists, kubectl dumps, Helm templates, hostNetwork,
//! wrong apiVersions, and the API server's validation of names and labels.

use super::{ManifestError, Manifests, parse_sources};
use crate::netpol::model::{PodRef, Protocol};

fn parse(text: &str) -> Manifests {
    parse_sources([("m.yaml", text)]).expect("valid manifests")
}

fn errors_of(text: &str) -> Vec<String> {
    let errors = parse_sources([("m.yaml", text)]).expect_err("invalid manifests");
    errors.0.iter().map(ToString::to_string).collect()
}

fn notes(manifests: &Manifests) -> String {
    let lines: Vec<String> = manifests.notes.iter().map(ToString::to_string).collect();
    lines.join("\n")
}

const TEMPLATE: &str = "
    metadata:
      labels: {app: web, tier: front}
    spec:
      containers:
      - name: web
        ports:
        - {name: http, containerPort: 8080}
        - {containerPort: 53, protocol: UDP}
";

fn workload(kind: &str, api_version: &str) -> String {
    let spec = if kind == "CronJob" {
        format!(
            "spec:\n  schedule: '* * * * *'\n  jobTemplate:\n    spec:\n      template:{}",
            TEMPLATE.replace("\n    ", "\n          ")
        )
    } else {
        format!("spec:\n  replicas: 3\n  template:{TEMPLATE}")
    };
    format!(
        "apiVersion: {api_version}\nkind: {kind}\nmetadata: {{name: web, namespace: shop}}\n{spec}"
    )
}

#[test]
fn every_workload_kind_becomes_one_representative_pod() {
    for (kind, api_version) in super::objects::WORKLOADS {
        let manifests = parse(&workload(kind, api_version));
        let pods = manifests.cluster.pods();
        assert_eq!(pods.len(), 1, "{kind}");
        let pod = &pods[0];
        assert_eq!(pod.pod_ref(), PodRef::new("shop", "web"), "{kind}");
        assert_eq!(pod.labels.get("app").map(String::as_str), Some("web"));
        assert_eq!(pod.named_port("http", Protocol::Tcp), Some(8080), "{kind}");
        assert_eq!(pod.ports[1].protocol, Protocol::Udp);
        assert_eq!(pod.ip, None);
        assert!(
            notes(&manifests).contains(&format!("1 {kind} read as pods")),
            "{kind}: {}",
            notes(&manifests)
        );
    }
}

#[test]
fn a_workload_without_namespace_is_in_default_and_notes_are_grouped() {
    let mut text = String::new();
    for index in 0..12 {
        text.push_str(&format!(
            "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: d{index}}}\nspec:\n  template:\n    metadata: {{labels: {{app: d{index}}}}}\n"
        ));
    }
    for index in 0..5 {
        text.push_str(&format!(
            "---\napiVersion: v1\nkind: Service\nmetadata: {{name: s{index}}}\n"
        ));
    }
    let manifests = parse(&text);
    assert_eq!(manifests.cluster.pods().len(), 12);
    assert_eq!(manifests.cluster.pods()[0].namespace, "default");
    let notes = notes(&manifests);
    assert!(notes.contains("12 Deployment read as pods"), "{notes}");
    assert!(notes.contains("5 Service ignored"), "{notes}");
    assert!(
        notes.contains("12 objects without metadata.namespace"),
        "{notes}"
    );
    assert!(manifests.notes.len() <= 4, "{notes}");
}

#[test]
fn lists_of_any_kind_are_read_item_by_item_with_positions() {
    let text = "apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Namespace
  metadata: {name: shop, labels: {team: a}}
- apiVersion: v1
  kind: Pod
  metadata: {name: web-1, namespace: shop, labels: {app: web}}
  spec: {containers: [{name: c}]}
  status: {podIP: 10.0.0.5}
- apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: deny, namespace: shop}
  spec: {podSelector: {}}
";
    let manifests = parse(text);
    assert_eq!(manifests.cluster.pods().len(), 1);
    assert_eq!(manifests.cluster.policies().len(), 1);
    assert_eq!(
        manifests
            .cluster
            .namespace("shop")
            .expect("ns")
            .labels
            .get("team"),
        Some(&"a".to_string())
    );
    let bad = text.replace("app: web", "app: $web");
    let errors = errors_of(&bad);
    assert!(errors[0].starts_with("m.yaml:9:"), "{errors:?}");
    assert!(errors[0].contains("'$web'"), "{errors:?}");
    let pod_list = "kind: PodList\napiVersion: v1\nitems:\n- kind: Pod\n  metadata: {name: a}\n";
    assert_eq!(parse(pod_list).cluster.pods().len(), 1);
}

#[test]
fn a_kubectl_json_dump_is_read_with_line_and_column() {
    let json = r#"{
    "apiVersion": "v1",
    "items": [
        {
            "apiVersion": "v1",
            "kind": "Pod",
            "metadata": {
                "labels": {"app": "api"},
                "name": "api-7d4b9c-x2x9z",
                "namespace": "backend",
                "ownerReferences": [{"kind": "ReplicaSet", "name": "api-7d4b9c"}]
            },
            "spec": {"containers": [{"name": "api", "ports": [{"containerPort": 8080, "name": "http", "protocol": "TCP"}]}]},
            "status": {"podIP": "10.244.1.7"}
        },
        {
            "apiVersion": "apps/v1",
            "kind": "Deployment",
            "metadata": {"name": "api", "namespace": "backend"},
            "spec": {"template": {"metadata": {"labels": {"app": "api"}}}}
        }
    ],
    "kind": "List",
    "metadata": {"resourceVersion": ""}
}"#;
    let manifests = parse(json);
    let pods = manifests.cluster.pods();
    assert_eq!(pods.len(), 1, "the Deployment is represented by its pod");
    let through_workload = manifests
        .cluster
        .pod(&PodRef::new("backend", "api"))
        .expect("the workload's name leads to its pod");
    assert_eq!(through_workload.name, "api-7d4b9c-x2x9z");
    let other = parse(&json.replace("api-7d4b9c\"}", "api-gateway-7d4b9c\"}"));
    assert_eq!(
        other.cluster.pods().len(),
        2,
        "the pods of api-gateway are not api's"
    );
    assert_eq!(pods[0].ip, Some("10.244.1.7".parse().expect("ip")));
    let errors = errors_of(&json.replace("\"TCP\"", "\"TPC\""));
    assert!(errors[0].starts_with("m.yaml:13:"), "{errors:?}");
}

#[test]
fn wrong_api_versions_hostnetwork_and_helm_are_named() {
    let manifests = parse("apiVersion: apps/v1\nkind: Pod\nmetadata: {name: p}\n");
    assert!(manifests.cluster.pods().is_empty());
    let notes_text = notes(&manifests);
    assert!(
        notes_text.contains("the API server serves Pod only as v1; write `apiVersion: v1`"),
        "{notes_text}"
    );
    let manifests = parse(
        "kind: Pod\nmetadata: {name: node-agent, namespace: kube-system}\nspec: {hostNetwork: true}\n",
    );
    let notes_text = notes(&manifests);
    assert!(
        notes_text.contains("hostNetwork pods (kube-system/node-agent)"),
        "{notes_text}"
    );
    let helm = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include \"app.fullname\" . }}\n  labels:\n    {{- include \"app.labels\" . | nindent 4 }}\nspec:\n  replicas: {{ .Values.replicaCount }}\n";
    let errors = errors_of(helm);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("m.yaml:4:9:"), "{errors:?}");
    assert!(errors[0].contains("helm template"), "{errors:?}");
}

#[test]
fn names_and_labels_the_api_server_refuses_are_errors_at_their_position() {
    let cases = [
        (
            "kind: Pod\nmetadata: {name: Web}\n",
            "m.yaml:2:18:",
            "DNS-1123 subdomain",
        ),
        (
            "kind: Pod\nmetadata: {name: web, namespace: shop.eu}\n",
            "m.yaml:2:34:",
            "DNS-1123 label",
        ),
        (
            "kind: Pod\nmetadata:\n  name: web\n  labels: {app@b: x}\n",
            "m.yaml:4:12:",
            "label key 'app@b'",
        ),
        (
            "kind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {matchLabels: {app: $frontend}}\n",
            "m.yaml:4:36:",
            "the value '$frontend' of label app",
        ),
        (
            "kind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector:\n    matchExpressions:\n    - {key: -bad, operator: Exists}\n",
            "m.yaml:6:13:",
            "label key '-bad'",
        ),
        (
            "kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - ports:\n    - {containerPort: 80, name: Http}\n",
            "m.yaml:6:7:",
            "IANA service name",
        ),
        (
            "kind: Namespace\nmetadata: {name: \"a\\e]0;x\\a\"}\n",
            "m.yaml:2:18:",
            "DNS-1123 label",
        ),
    ];
    for (text, position, rule) in cases {
        let errors = errors_of(text);
        assert!(errors[0].starts_with(position), "{text}: {errors:?}");
        assert!(errors[0].contains(rule), "{text}: {errors:?}");
        assert!(
            !errors[0].contains('\u{1b}') && !errors[0].contains('\u{7}'),
            "{errors:?}"
        );
    }
}

#[test]
fn invalid_utf8_and_unreadable_files_say_where() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("bad.yaml");
    std::fs::write(&path, b"kind: Pod\nmetadata: {name: p\xff}\n").expect("write");
    let errors = super::load_files(&[&path]).expect_err("not UTF-8");
    match &errors.0[0] {
        ManifestError::Invalid { line, column, .. } => assert_eq!((*line, *column), (2, 19)),
        other => panic!("not positioned: {other}"),
    }
}
