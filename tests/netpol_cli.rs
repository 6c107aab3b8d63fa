//! `aks-tutor netpol` as a user runs it: text, JSON and matrix output, exit codes, bad input.

use std::process::{Command, Output};

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

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// The seed's debugging scenario 3: pods, the deny-all, and optionally the allow-frontend fix.
fn scenario(with_fix: bool) -> Vec<String> {
    let mut files = vec![
        fixture("frontend-backend.yaml"),
        fixture("deny-all-backend.yaml"),
    ];
    if with_fix {
        files.push(fixture("allow-frontend.yaml"));
    }
    files
}

fn check(files: &[String], extra: &[&str]) -> Output {
    let mut args: Vec<&str> = vec!["check"];
    args.extend(files.iter().map(String::as_str));
    args.extend(extra);
    netpol(&args)
}

const WEB_TO_API: &[&str] = &[
    "--from",
    "frontend/web",
    "--to",
    "backend/api",
    "--port",
    "8080",
];

#[test]
fn check_denied_names_the_isolating_policy_and_exits_0() {
    let output = check(&scenario(false), WEB_TO_API);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}{}", stderr(&output));
    assert!(
        text.starts_with("DENIED: frontend/web -> backend/api on TCP 8080"),
        "{text}"
    );
    assert!(
        text.contains("isolated by policy (backend/deny-all-ingress)"),
        "{text}"
    );
    assert!(
        text.contains("no policy selects frontend/web for egress: not isolated"),
        "{text}"
    );
}

#[test]
fn check_allowed_names_the_rule_that_let_it_through() {
    let output = check(&scenario(true), WEB_TO_API);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0));
    assert!(text.starts_with("ALLOWED"), "{text}");
    assert!(
        text.contains("let through by backend/allow-frontend ingress[0] (from[0]: namespaceSelector {kubernetes.io/metadata.name: frontend}; ports[0]: TCP 8080)"),
        "{text}"
    );
    assert_eq!(
        stderr(&output),
        "",
        "the repo's own fixtures read without a note"
    );
}

#[test]
fn check_json_is_one_object_with_both_sides() {
    let args = [
        "--from",
        "frontend/web",
        "--to",
        "backend/api",
        "--port",
        "http-api",
        "--json",
    ];
    let output = check(&scenario(true), &args);
    assert_eq!(output.status.code(), Some(0));
    let value: Value = serde_json::from_str(&stdout(&output)).expect("one JSON object");
    assert_eq!(value["allowed"], Value::Bool(true));
    assert_eq!(value["port"], 8080);
    assert_eq!(value["port_name"], "http-api");
    assert_eq!(value["ingress"]["isolated"], true);
    assert_eq!(
        value["ingress"]["allowed_by"][0]["policy"],
        "backend/allow-frontend"
    );
    assert_eq!(value["ingress"]["allowed_by"][0]["rule"], 0);
    assert_eq!(value["egress"]["isolated"], false);
    assert_eq!(value["egress"]["policies"], Value::Array(vec![]));
}

#[test]
fn check_on_cilium_explains_the_ipblock_limitation() {
    let files = vec![fixture("cilium-ipblock.yaml")];
    let args = [
        "--from",
        "frontend/web",
        "--to",
        "backend/api",
        "--port",
        "80",
    ];
    let standard = stdout(&check(&files, &args));
    assert!(standard.starts_with("ALLOWED"), "{standard}");
    let output = check(&files, &[&args[..], &["--engine", "cilium"]].concat());
    let cilium = stdout(&output);
    assert_eq!(output.status.code(), Some(0));
    assert!(cilium.starts_with("DENIED"), "{cilium}");
    assert!(
        cilium.contains("an ipBlock never selects pod or node IPs"),
        "{cilium}"
    );
}

#[test]
fn matrix_prints_the_truth_table_with_a_legend() {
    let mut args = vec!["matrix".to_string()];
    args.extend(scenario(true));
    args.extend(["--port".into(), "8080".into()]);
    let output = netpol(&args.iter().map(String::as_str).collect::<Vec<_>>());
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(
        rows[0],
        "TCP port 8080 on the standard engine (rows: from, columns: to)"
    );
    assert!(
        rows[2].starts_with(" 1 frontend/web") && rows[2].ends_with("- . X"),
        "{text}"
    );
    assert!(
        rows[3].starts_with(" 2 backend/api") && rows[3].ends_with(". - X"),
        "{text}"
    );
    assert!(rows[4].ends_with(". X -"), "{text}");
    assert!(
        text.contains("legend: . allowed   X denied   - a pod to itself"),
        "{text}"
    );
}

#[test]
fn malformed_yaml_exits_2_with_path_line_and_column() {
    let output = check(&[fixture("malformed.yaml")], WEB_TO_API);
    assert_eq!(output.status.code(), Some(2));
    let error = stderr(&output);
    assert!(error.contains("malformed.yaml:5:"), "{error}");
    assert!(stdout(&output).is_empty());
}

#[test]
fn bad_input_exits_2_and_says_what_is_wrong() {
    let cases: [(&[&str], &str); 6] = [
        (
            &[
                "--from",
                "frontend/nope",
                "--to",
                "backend/api",
                "--port",
                "8080",
            ],
            "no pod or workload frontend/nope",
        ),
        (
            &[
                "--from",
                "frontend/web",
                "--to",
                "frontend/web",
                "--port",
                "80",
            ],
            "out of scope",
        ),
        (
            &[
                "--from",
                "frontend/web",
                "--to",
                "backend/api",
                "--port",
                "grpc",
            ],
            "no TCP container port named 'grpc'",
        ),
        (
            &[
                "--from",
                "frontend/web",
                "--to",
                "backend/api",
                "--port",
                "70000",
            ],
            "not a port",
        ),
        (
            &["--from", "web", "--to", "backend/api", "--port", "80"],
            "not NAMESPACE/NAME",
        ),
        (
            &[
                "--from",
                "frontend/web",
                "--to",
                "backend/api",
                "--port",
                "80",
                "--protocol",
                "ICMP",
            ],
            "not a protocol",
        ),
    ];
    for (args, expected) in cases {
        let output = check(&scenario(true), args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).contains(expected),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn an_unreadable_file_exits_2_and_names_it() {
    let output = check(&[fixture("does-not-exist.yaml")], WEB_TO_API);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("does-not-exist.yaml: cannot read the file"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn protocol_is_case_insensitive_and_udp_is_not_tcp() {
    let output = check(
        &scenario(true),
        &[WEB_TO_API, &["--protocol", "udp"]].concat(),
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).starts_with("DENIED: frontend/web -> backend/api on UDP 8080"));
}
