//! `aks-tutor plan` as a user runs it: text and JSON output, exit codes 0/1/2, and bad input.

use std::process::{Command, Output};

use serde_json::Value;

fn plan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aks-tutor"))
        .arg("plan")
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

fn json(args: &[&str]) -> (Value, Option<i32>) {
    let mut with_json = args.to_vec();
    with_json.push("--json");
    let output = plan(&with_json);
    let value = serde_json::from_str(&stdout(&output)).expect("stdout is one JSON object");
    (value, output.status.code())
}

/// The seed's hub-spoke plan with its service CIDR fixed.
const FIXED_SEED_PLAN: &[&str] = &[
    "--plugin",
    "azure-cni-overlay",
    "--nodes",
    "50",
    "--vnet",
    "10.1.0.0/16",
    "--peered",
    "10.0.0.0/16",
    "--node-subnet",
    "10.1.0.0/24",
    "--pod-cidr",
    "192.168.0.0/16",
    "--service-cidr",
    "10.2.0.0/16",
    "--dns-service-ip",
    "10.2.0.10",
];

#[test]
fn text_shows_the_formula_with_numbers_and_exits_0_when_valid() {
    let output = plan(&["--plugin", "azure-cni", "--nodes", "50"]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(
        text.contains("(N + S) + (N + S) × P = (50 + 1) + (50 + 1) × 30 = 1,581"),
        "{text}"
    );
    assert!(
        text.contains("/21, with 2^11 − 5 = 2,043 usable IPs"),
        "{text}"
    );
    assert!(text.contains("Valid: 0 errors, 0 warnings."), "{text}");
}

#[test]
fn text_lists_findings_and_exits_1_when_invalid() {
    let mut args = FIXED_SEED_PLAN.to_vec();
    args.truncate(12);
    args.extend(["--service-cidr", "10.1.0.0/16"]);
    let output = plan(&args);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("error   service-cidr-overlaps-vnet: The service CIDR 10.1.0.0/16 overlaps the cluster VNet 10.1.0.0/16"), "{text}");
    assert!(text.contains("Invalid: 1 error, 0 warnings."), "{text}");
}

#[test]
fn warnings_alone_keep_the_plan_valid() {
    let output = plan(&["--plugin", "kubenet", "--nodes", "10"]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.contains("warning kubenet-retiring"), "{text}");
}

#[test]
fn json_has_every_contract_field() {
    let (value, code) = json(&[
        "--plugin",
        "azure-cni",
        "--nodes",
        "10",
        "--node-subnet",
        "10.1.0.0/23",
    ]);
    assert_eq!(code, Some(0));
    assert_eq!(value["plugin"], "azure-cni");
    assert_eq!(value["nodes"], 10);
    assert_eq!(value["max_pods"], 30);
    assert_eq!(value["surge_nodes"], 1);
    assert_eq!(value["required_ips"], 341);
    assert_eq!(value["min_prefix"], 23);
    assert_eq!(value["usable_at_min_prefix"], 507);
    assert_eq!(
        value["min_pod_cidr_prefix"],
        Value::Null,
        "azure-cni has no pod CIDR"
    );
    assert_eq!(
        value["max_nodes"], 15,
        "507 / 31 = 16 node slots, one kept for surge"
    );
    assert_eq!(value["valid"], true);
    assert_eq!(value["errors"], serde_json::json!([]));
    assert_eq!(value["warnings"], serde_json::json!([]));
}

#[test]
fn json_for_overlay_with_a_percentage_surge() {
    let (value, code) = json(&["--plugin", "cilium", "--nodes", "50", "--surge", "10%"]);
    assert_eq!(code, Some(0));
    assert_eq!(value["max_pods"], 250);
    assert_eq!(value["surge_nodes"], 5);
    assert_eq!(value["required_ips"], 55);
    assert_eq!(value["min_prefix"], 26);
    assert_eq!(
        value["min_pod_cidr_prefix"], 18,
        "a /18 holds 64 nodes ≥ 55"
    );
    assert_eq!(
        value["max_nodes_in_node_subnet"],
        Value::Null,
        "no --node-subnet given"
    );
    assert_eq!(
        value["max_nodes"], 232,
        "the default /16 pod CIDR: 256 slots, 10% surge"
    );
    assert_eq!(value["max_nodes_bound_by"], "pod-cidr");
}

#[test]
fn json_reports_errors_and_warnings_as_rule_and_message() {
    let (value, code) = json(&[
        "--plugin",
        "kubenet",
        "--nodes",
        "3",
        "--vnet",
        "10.0.0.0/16",
        "--dns-service-ip",
        "10.0.0.1",
    ]);
    assert_eq!(code, Some(1));
    assert_eq!(value["valid"], false);
    let rules: Vec<&str> = value["errors"]
        .as_array()
        .expect("errors is a list")
        .iter()
        .map(|finding| finding["rule"].as_str().expect("rule is a string"))
        .collect();
    assert_eq!(
        rules,
        ["service-cidr-overlaps-vnet", "dns-ip-is-kubernetes-service"]
    );
    assert_eq!(value["warnings"][0]["rule"], "kubenet-retiring");
    assert!(
        value["errors"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("default service CIDR"))
    );
}

#[test]
fn the_fixed_seed_plan_is_valid() {
    let (value, code) = json(FIXED_SEED_PLAN);
    assert_eq!(code, Some(0), "{value}");
    assert_eq!(value["max_nodes"], 250);
}

fn assert_usage_error(args: &[&str], flag: &str, words: &str) {
    let output = plan(args);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{message}");
    assert!(message.contains(flag), "names {flag}: {message}");
    assert!(
        message.contains(words),
        "explains with '{words}': {message}"
    );
    assert!(!message.contains("panicked"), "{message}");
    assert!(stdout(&output).is_empty());
}

#[test]
fn bad_input_is_a_usage_error_naming_the_flag() {
    let base = ["--plugin", "kubenet", "--nodes", "3"];
    let with = |extra: &[&'static str]| -> Vec<&'static str> {
        base.iter().chain(extra).copied().collect()
    };
    assert_usage_error(
        &["--plugin", "kubenet", "--nodes", "-3"],
        "--nodes",
        "not a node count",
    );
    assert_usage_error(
        &["--plugin", "kubenet", "--nodes", "0"],
        "--nodes",
        "at least 1 node",
    );
    assert_usage_error(
        &with(&["--pod-cidr", "10.0.0.0/33"]),
        "--pod-cidr",
        "0 to 32",
    );
    assert_usage_error(&with(&["--surge", "150%"]), "--surge", "from 0% to 100%");
    assert_usage_error(
        &with(&["--dns-service-ip", "10.0.0"]),
        "--dns-service-ip",
        "not an IPv4 address",
    );
    assert_usage_error(&with(&["--vnet", "10.0.0.0"]), "--vnet", "no prefix length");
    assert_usage_error(
        &with(&["--max-pods", "lots"]),
        "--max-pods",
        "not a pod count",
    );
    assert_usage_error(
        &["--plugin", "calico", "--nodes", "3"],
        "--plugin",
        "possible values",
    );
    assert_usage_error(&["--plugin", "kubenet"], "--nodes", "required");
    assert_usage_error(&with(&["--vnet", "10.0.0.0/+16"]), "--vnet", "0 to 32");
    assert_usage_error(
        &["--plugin", "kubenet", "--nodes", "4294967295"],
        "--nodes",
        "at most 100,000",
    );
    assert_usage_error(
        &with(&["--max-pods", "+30"]),
        "--max-pods",
        "not a pod count",
    );
}

#[test]
fn max_nodes_is_the_binding_limit_in_text_and_json() {
    let args = [
        "--plugin",
        "azure-cni-overlay",
        "--nodes",
        "50",
        "--vnet",
        "10.1.0.0/16",
        "--node-subnet",
        "10.1.0.0/16",
        "--pod-cidr",
        "192.168.0.0/16",
        "--service-cidr",
        "10.2.0.0/16",
    ];
    let (value, code) = json(&args);
    assert_eq!(code, Some(0), "{value}");
    assert_eq!(value["max_nodes_in_node_subnet"], 65_530);
    assert_eq!(
        value["max_nodes"], 255,
        "not 65,530: the /16 pod CIDR binds"
    );
    assert_eq!(value["max_nodes_bound_by"], "pod-cidr");
    let text = stdout(&plan(&args));
    assert!(
        text.contains("Max nodes:       255 plus surge, set by the pod CIDR (one /24 per node)"),
        "{text}"
    );
}

#[test]
fn a_subnet_too_small_for_a_node_says_so() {
    let text = stdout(&plan(&[
        "--plugin",
        "azure-cni-overlay",
        "--nodes",
        "3",
        "--node-subnet",
        "10.1.0.0/30",
    ]));
    assert!(
        text.contains("10.1.0.0/30:  cannot hold a node; Azure's smallest subnet is a /29"),
        "{text}"
    );
    assert!(!text.contains("room for 0 nodes"), "{text}");
    assert!(
        text.contains(
            "Max nodes:       none: the node subnet has no room for a node and its surge"
        ),
        "{text}"
    );
}

#[test]
fn pod_subnet_modes_are_sized_in_text_and_json() {
    let args = [
        "--plugin",
        "azure-cni-pod-subnet",
        "--nodes",
        "50",
        "--max-pods",
        "30",
        "--vnet",
        "10.1.0.0/16",
        "--node-subnet",
        "10.1.0.0/24",
        "--pod-subnet",
        "10.1.8.0/21",
        "--service-cidr",
        "10.2.0.0/16",
    ];
    let (value, code) = json(&args);
    assert_eq!(code, Some(0), "{value}");
    assert_eq!(value["pod_subnet_required_ips"], 51 * 32);
    assert_eq!(value["pod_subnet_min_prefix"], 21);
    assert_eq!(
        value["max_nodes_in_pod_subnet"], 62,
        "2,043 / 32 = 63 slots"
    );
    assert_eq!(value["max_nodes_bound_by"], "pod-subnet");
    let text = stdout(&plan(&args));
    assert!(
        text.contains("(N + S) × P rounded up to batches of 16 = 51 × 32 = 1,632"),
        "{text}"
    );
}

#[test]
fn repeated_flags_print_one_finding_per_rule_errors_first() {
    let mut args = vec!["--plugin", "kubenet", "--nodes", "3"];
    for _ in 0..5_000 {
        args.extend(["--vnet", "10.0.0.0/8"]);
    }
    let output = plan(&args);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(text.len() < 4_000, "{} bytes", text.len());
    for rule in ["pod-cidr-overlaps-vnet", "service-cidr-overlaps-vnet"] {
        assert_eq!(text.matches(rule).count(), 1, "{rule}: {text}");
    }
    let error = text.find("error   ").expect("an error");
    let warning = text.find("warning ").expect("a warning");
    assert!(error < warning, "errors come first: {text}");
}

#[test]
fn out_of_range_max_pods_is_a_finding_not_a_usage_error() {
    let (value, code) = json(&[
        "--plugin",
        "azure-cni-overlay",
        "--nodes",
        "3",
        "--max-pods",
        "300",
    ]);
    assert_eq!(code, Some(1));
    assert_eq!(value["errors"][0]["rule"], "max-pods-out-of-range");
}
