//! What `aks-tutor netpol` is given in real life: folders, workloads, dumps without pod IPs,
//! files that are not files, bytes that are not UTF-8, and names crafted to drive the terminal.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn netpol(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aks-tutor"))
        .arg("netpol")
        .args(args)
        .output()
        .expect("the aks-tutor binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn write(folder: &Path, name: &str, content: &str) -> String {
    let path = folder.join(name);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("folder");
    std::fs::write(&path, content).expect("write");
    path.to_str().expect("UTF-8 path").to_string()
}

const SHOP: &str = "apiVersion: apps/v1
kind: Deployment
metadata: {name: frontend, namespace: shop}
spec:
  template:
    metadata: {labels: {app: frontend}}
    spec:
      containers:
      - ports: [{name: http, containerPort: 8080}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: cart, namespace: shop}
spec:
  template:
    metadata: {labels: {app: cart}}
    spec:
      containers:
      - ports: [{name: grpc, containerPort: 7070}]
";

const CART_POLICY: &str = r#"{"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
 "metadata": {"name": "cart", "namespace": "shop"},
 "spec": {"podSelector": {"matchLabels": {"app": "cart"}},
          "ingress": [{"from": [{"podSelector": {"matchLabels": {"app": "frontend"}}},
                                {"ipBlock": {"cidr": "10.0.0.0/8"}}],
                       "ports": [{"port": "grpc"}]}]}}"#;

#[test]
fn a_folder_of_workloads_is_read_and_workloads_are_named_by_from_and_to() {
    let folder = tempfile::tempdir().expect("temp dir");
    write(folder.path(), "apps/shop.yaml", SHOP);
    write(folder.path(), "policies/cart.json", CART_POLICY);
    write(folder.path(), "README.md", "# not a manifest {{ }}\n");
    let dir = folder.path().to_str().expect("UTF-8");
    let output = netpol(&[
        "check",
        dir,
        "--from",
        "shop/frontend",
        "--to",
        "shop/cart",
        "--port",
        "grpc",
    ]);
    let out = text(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{out}{}",
        text(&output.stderr)
    );
    assert!(
        out.starts_with("ALLOWED: shop/frontend -> shop/cart on TCP 7070 (grpc)"),
        "{out}"
    );
    let notes = text(&output.stderr);
    assert!(
        notes.contains("1 Deployment, 1 StatefulSet read as pods"),
        "{notes}"
    );
    let list = netpol(&["list", dir]);
    assert!(
        text(&list.stdout).contains("shop/frontend => shop/cart : TCP 7070"),
        "{}",
        text(&list.stdout)
    );
}

#[test]
fn a_kubectl_list_with_pods_owned_by_a_deployment_is_read_through_the_pods() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/netpol/workloads-and-lists.yaml"
    );
    let list = netpol(&["list", file]);
    let out = text(&list.stdout);
    assert!(
        out.contains("shop/frontend => shop/cart-5d9f7c-abcde : TCP 7070\n"),
        "{out}"
    );
    assert!(
        text(&list.stderr).contains(
            "read through the pods they own, not as one representative pod: Deployment shop/cart"
        ),
        "{}",
        text(&list.stderr)
    );
    let check = netpol(&[
        "check",
        file,
        "--from",
        "shop/frontend",
        "--to",
        "shop/cart",
        "--port",
        "grpc",
    ]);
    assert!(
        text(&check.stdout).starts_with("ALLOWED: shop/frontend -> shop/cart on TCP 7070 (grpc)"),
        "{}",
        text(&check.stdout)
    );
}

#[test]
fn a_verdict_that_depends_on_an_unknown_ip_says_so() {
    let folder = tempfile::tempdir().expect("temp dir");
    let file = write(
        folder.path(),
        "shop.yaml",
        &format!(
            "{SHOP}---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: batch, namespace: shop}}\nspec: {{template: {{metadata: {{labels: {{app: batch}}}}}}}}\n---\n{CART_POLICY}\n"
        ),
    );
    let output = netpol(&[
        "check",
        &file,
        "--from",
        "shop/batch",
        "--to",
        "shop/cart",
        "--port",
        "7070",
    ]);
    let out = text(&output.stdout);
    assert!(out.starts_with("UNKNOWN: shop/batch -> shop/cart"), "{out}");
    assert!(out.contains("unless the IP of shop/batch, which the manifests do not give, is in shop/cart ingress[0] from[1] ipBlock 10.0.0.0/8"), "{out}");
    let json = netpol(&[
        "check",
        &file,
        "--from",
        "shop/batch",
        "--to",
        "shop/cart",
        "--port",
        "7070",
        "--json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(json["verdict"], "UNKNOWN");
    assert_eq!(json["allowed"], false);
    assert_eq!(
        json["ingress"]["unknown_ips"][0]["block"],
        "ipBlock 10.0.0.0/8"
    );
    let outside = netpol(&[
        "check",
        &file,
        "--from",
        "10.1.2.3",
        "--to",
        "shop/cart",
        "--port",
        "7070",
    ]);
    assert!(text(&outside.stdout).starts_with("ALLOWED: 10.1.2.3 -> shop/cart"));
    let outside = netpol(&[
        "check",
        &file,
        "--from",
        "192.0.2.1",
        "--to",
        "shop/cart",
        "--port",
        "7070",
    ]);
    assert!(text(&outside.stdout).starts_with("DENIED: 192.0.2.1 -> shop/cart"));
}

/// Refused with exit 2, quickly, with a message that says what the file is.
fn refused_quickly(path: &str, expected: &str) {
    let started = Instant::now();
    let output = netpol(&["matrix", path, "--port", "80"]);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{path} took {:?}",
        started.elapsed()
    );
    assert_eq!(output.status.code(), Some(2), "{path}");
    let error = text(&output.stderr);
    assert!(error.contains(expected), "{path}: {error}");
}

#[test]
fn an_ip_of_a_known_pod_is_that_pod() {
    let folder = tempfile::tempdir().expect("temp dir");
    let file = write(
        folder.path(),
        "pods.yaml",
        "kind: Pod\nmetadata: {name: a, labels: {app: a}}\nstatus: {podIP: 10.9.0.1}\n---\nkind: Pod\nmetadata: {name: b}\nstatus: {podIP: 10.9.0.2}\n---\nkind: NetworkPolicy\nmetadata: {name: only-a}\nspec:\n  podSelector: {}\n  ingress: [{from: [{podSelector: {matchLabels: {app: a}}}]}]\n",
    );
    let output = netpol(&[
        "check",
        &file,
        "--from",
        "10.9.0.1",
        "--to",
        "default/b",
        "--port",
        "80",
    ]);
    let out = text(&output.stdout);
    assert!(out.starts_with("ALLOWED: 10.9.0.1 -> default/b"), "{out}");
    assert!(out.contains("from[0]: podSelector {app: a}"), "{out}");
}

#[test]
fn devices_and_fifos_are_refused_quickly() {
    refused_quickly("/dev/zero", "not a regular file");
    let folder = tempfile::tempdir().expect("temp dir");
    let fifo = folder.path().join("pipe.yaml");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        refused_quickly(fifo.to_str().expect("UTF-8"), "not a regular file");
    }
}

#[test]
fn invalid_utf8_is_reported_at_its_line_and_column() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("latin1.yaml");
    std::fs::write(&path, b"kind: Namespace\nmetadata: {name: caf\xe9}\n").expect("write");
    let output = netpol(&["matrix", path.to_str().expect("UTF-8"), "--port", "80"]);
    assert_eq!(output.status.code(), Some(2));
    let error = text(&output.stderr);
    assert!(
        error.contains("latin1.yaml:2:21: the byte 0xe9 is not UTF-8"),
        "{error}"
    );
}

/// No ESC, no BEL, no C1 control (U+0080 to U+009F, two bytes in UTF-8) in what was written.
fn assert_inert(bytes: &[u8], what: &str) {
    assert!(!bytes.contains(&0x1b), "ESC in {what}: {}", text(bytes));
    assert!(!bytes.contains(&0x07), "BEL in {what}: {}", text(bytes));
    assert!(
        !bytes
            .windows(2)
            .any(|w| w[0] == 0xc2 && (0x80..=0x9f).contains(&w[1])),
        "C1 in {what}: {}",
        text(bytes)
    );
    assert!(!bytes.contains(&0x9b), "raw CSI byte in {what}");
}

#[test]
fn hostile_names_reach_the_terminal_inert() {
    let payloads = [
        "\u{1b}]52;c;ZWNobyBoaQ==\u{7}",
        "\u{1b}]0;pwned\u{7}",
        "\u{9b}2J",
        "\u{1b}[2J",
    ];
    let folder = tempfile::tempdir().expect("temp dir");
    for (index, payload) in payloads.iter().enumerate() {
        let json_payload = serde_json::to_string(payload).expect("JSON string");
        let cases = [
            format!("{{\"kind\": \"Pod\", \"metadata\": {{\"name\": {json_payload}}}}}"),
            format!(
                "{{\"kind\": \"Pod\", \"metadata\": {{\"name\": \"p\", \"namespace\": {json_payload}}}}}"
            ),
            format!(
                "{{\"kind\": \"NetworkPolicy\", \"metadata\": {{\"name\": \"p\"}}, \"spec\": {{\"podSelector\": {{\"matchLabels\": {{\"app\": {json_payload}}}}}}}}}"
            ),
            format!(
                "{{\"kind\": {json_payload}, \"metadata\": {{\"name\": \"x\"}}}}\n---\nkind: Pod\nmetadata: {{name: a}}\n"
            ),
            format!(
                "{{\"apiVersion\": {json_payload}, \"kind\": \"NetworkPolicy\", \"metadata\": {{\"name\": \"x\"}}}}\n---\nkind: Pod\nmetadata: {{name: a}}\n"
            ),
        ];
        for (case, content) in cases.iter().enumerate() {
            let file = write(folder.path(), &format!("case-{index}-{case}.yaml"), content);
            let output = netpol(&["matrix", &file, "--port", "80"]);
            assert_inert(&output.stdout, &format!("stdout of {content}"));
            assert_inert(&output.stderr, &format!("stderr of {content}"));
            assert!(!output.stderr.is_empty(), "{content}: a refusal or a note");
        }
        let named = folder.path().join(format!("evil{payload}.yaml"));
        std::fs::write(&named, "kind: Pod\nmetadata: {name: Bad}\n").expect("write");
        let output = netpol(&["matrix", named.to_str().expect("UTF-8"), "--port", "80"]);
        assert_eq!(output.status.code(), Some(2));
        assert_inert(&output.stderr, "a file name");
        let asked = netpol(&[
            "check",
            &write(folder.path(), "ok.yaml", "kind: Pod\nmetadata: {name: a}\n"),
            "--from",
            &format!("default/a{payload}"),
            "--to",
            "default/a",
            "--port",
            "80",
        ]);
        assert_inert(&asked.stderr, "a --from value");
    }
}

#[test]
fn the_readme_netpol_example_runs_on_files_that_are_shipped() {
    let readme = include_str!("../README.md");
    let command = readme
        .lines()
        .find_map(|line| line.trim().strip_prefix("$ aks-tutor netpol check "))
        .expect("the README shows a netpol check");
    let args: Vec<&str> = command.split_whitespace().collect();
    let root = env!("CARGO_MANIFEST_DIR");
    let args: Vec<String> = args
        .iter()
        .map(|a| {
            if a.ends_with(".yaml") {
                assert!(Path::new(root).join(a).is_file(), "{a} is shipped");
                format!("{root}/{a}")
            } else {
                a.to_string()
            }
        })
        .collect();
    let mut full = vec!["check"];
    full.extend(args.iter().map(String::as_str));
    let output = netpol(&full);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let first_output_line = readme
        .lines()
        .skip_while(|line| !line.contains("$ aks-tutor netpol check "))
        .nth(1)
        .expect("the README shows the output")
        .trim();
    assert!(
        text(&output.stdout).starts_with(first_output_line),
        "{}",
        text(&output.stdout)
    );
}
