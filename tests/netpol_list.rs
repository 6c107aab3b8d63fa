//! `aks-tutor netpol list` as a user runs it, and held against `netpol check` on a generated
//! cluster: every listed connection is ALLOWED by `check`, every other is not.

use std::process::{Command, Output};

use aks_tutor::netpol::generate::cluster_yaml;
use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/netpol");

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

fn netpol(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aks-tutor"))
        .arg("netpol")
        .args(args)
        .output()
        .expect("the aks-tutor binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn scenario() -> [String; 3] {
    [
        fixture("frontend-backend.yaml"),
        fixture("deny-all-backend.yaml"),
        fixture("allow-frontend.yaml"),
    ]
}

#[test]
fn list_prints_one_line_per_allowed_pair_with_its_ports() {
    let files = scenario();
    let mut args = vec!["list"];
    args.extend(files.iter().map(String::as_str));
    let output = netpol(&args);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert_eq!(
        text,
        "frontend/web => backend/api : TCP 8080\n\
         backend/api => frontend/web : All connections\n\
         backend/db => frontend/web : All connections\n\
         3 of 6 pairs allowed on some port, on the standard engine\n"
    );
}

#[test]
fn list_as_json_csv_and_focused() {
    let files = scenario();
    let mut args = vec!["list"];
    args.extend(files.iter().map(String::as_str));
    let json: Value = serde_json::from_str(&stdout(&netpol(&[&args[..], &["--json"]].concat())))
        .expect("one JSON object");
    let connections = json["connections"].as_array().expect("connections");
    assert_eq!(connections.len(), 3);
    assert_eq!(connections[0]["from"], "frontend/web");
    assert_eq!(connections[0]["ports"][0]["from"], 8080);
    assert_eq!(connections[1]["all"], true);
    let csv = stdout(&netpol(&[&args[..], &["--format", "csv"]].concat()));
    assert_eq!(
        csv.lines().collect::<Vec<_>>(),
        [
            "from,to,protocol,ports",
            "frontend/web,backend/api,TCP,8080",
            "backend/api,frontend/web,*,*",
            "backend/db,frontend/web,*,*"
        ]
    );
    let focused = stdout(&netpol(&[&args[..], &["--focus", "backend/db"]].concat()));
    assert_eq!(
        focused.lines().next(),
        Some("backend/db => frontend/web : All connections")
    );
    let unknown = netpol(&[&args[..], &["--focus", "backend/nope"]].concat());
    assert_eq!(unknown.status.code(), Some(2));
}

/// A listed connection: from, to, and its first allowed protocol and port.
type Listed = (String, String, Option<(String, u64)>);

/// Every listed connection.
fn listed(file: &str) -> Vec<Listed> {
    let json: Value =
        serde_json::from_str(&stdout(&netpol(&["list", file, "--json"]))).expect("one JSON object");
    json["connections"]
        .as_array()
        .expect("connections")
        .iter()
        .map(|c| {
            let first = &c["ports"][0];
            (
                c["from"].as_str().expect("from").to_string(),
                c["to"].as_str().expect("to").to_string(),
                first["protocol"]
                    .as_str()
                    .map(|p| (p.to_string(), first["to"].as_u64().expect("port"))),
            )
        })
        .collect()
}

#[test]
fn every_listed_connection_is_allowed_by_check_and_every_other_is_not() {
    let folder = tempfile::tempdir().expect("temp dir");
    let file = folder.path().join("cluster.yaml");
    std::fs::write(&file, cluster_yaml(12, 11, 3)).expect("write");
    let file = file.to_str().expect("UTF-8 path");
    let connections = listed(file);
    assert!(!connections.is_empty());
    // The generator's naming: `<tier>-<index>` in namespaces of 30 pods.
    let pods: Vec<String> = (0..12)
        .map(|i| format!("ns0/{}-{i}", ["web", "api", "db"][i % 3]))
        .collect();
    for from in &pods {
        for to in pods.iter().filter(|to| *to != from) {
            let entry = connections.iter().find(|(f, t, _)| f == from && t == to);
            let (protocol, port) = match entry {
                Some((_, _, Some((protocol, port)))) => (protocol.clone(), port.to_string()),
                _ => ("TCP".to_string(), "8080".to_string()),
            };
            let output = netpol(&[
                "check",
                file,
                "--from",
                from,
                "--to",
                to,
                "--port",
                &port,
                "--protocol",
                &protocol,
            ]);
            let verdict = stdout(&output);
            assert_eq!(
                verdict.starts_with("ALLOWED"),
                entry.is_some(),
                "{from} -> {to} {protocol} {port}: {verdict}"
            );
        }
    }
}
