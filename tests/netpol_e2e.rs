//! Truth-table tests transcribed from the Kubernetes e2e network-policy suite
//! (test/e2e/network/netpol/network_policy.go, "Netpol ... NetworkPolicy between server and
//! client"). Its model: namespaces x, y, z, each with pods a, b, c labelled `pod: <name>`, every
//! pod serving ports 80 and 81 over TCP, UDP and SCTP under names like `serve-80-tcp`. Each test
//! names the e2e `It(...)` it follows and compares the whole 9x9 matrix.

use aks_tutor::netpol::{
    Cell, Engine, Manifests, PodRef, PortRef, Protocol, matrix, parse_sources,
};

fn model(policies: &str) -> Manifests {
    let mut text = String::new();
    for (n, namespace) in ["x", "y", "z"].iter().enumerate() {
        text += &format!(
            "---\nkind: Namespace\nmetadata: {{name: {namespace}, labels: {{ns: {namespace}}}}}\n"
        );
        for (p, pod) in ["a", "b", "c"].iter().enumerate() {
            text += &format!(
                "---\nkind: Pod\nmetadata: {{name: {pod}, namespace: {namespace}, labels: {{pod: {pod}}}}}\nspec:\n  containers:\n  - ports:\n"
            );
            for port in [80, 81] {
                for protocol in ["TCP", "UDP", "SCTP"] {
                    let name = format!("serve-{port}-{}", protocol.to_lowercase());
                    text += &format!(
                        "    - {{containerPort: {port}, name: {name}, protocol: {protocol}}}\n"
                    );
                }
            }
            text += &format!("status: {{podIP: 10.0.{n}.{p}}}\n", p = p + 1);
        }
    }
    text += policies;
    parse_sources([("e2e.yaml", text.as_str())]).expect("e2e model loads")
}

/// Compares every pair (self-pairs excluded) with `expected(from, to)`.
fn assert_truth_table(
    manifests: &Manifests,
    port: PortRef,
    protocol: Protocol,
    expected: impl Fn(&PodRef, &PodRef) -> bool,
) {
    let table = matrix(&manifests.cluster, Engine::Standard, &port, protocol).expect("evaluates");
    let mut wrong = Vec::new();
    for (i, from) in table.pods.iter().enumerate() {
        for (j, to) in table.pods.iter().enumerate() {
            if i == j {
                assert_eq!(table.cell(i, j), Cell::SelfPair);
                continue;
            }
            let got = table.cell(i, j) == Cell::Allowed;
            if got != expected(from, to) {
                wrong.push(format!("{from} -> {to}: got {got}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}\n{table}", wrong.join("\n"));
}

fn tcp80(manifests: &Manifests, expected: impl Fn(&PodRef, &PodRef) -> bool) {
    assert_truth_table(manifests, PortRef::Number(80), Protocol::Tcp, expected);
}

fn is(pod: &PodRef, text: &str) -> bool {
    pod.to_string() == text
}

#[test]
fn should_support_a_default_deny_ingress_policy() {
    let m = model(
        "---\nkind: NetworkPolicy\nmetadata: {name: deny-ingress, namespace: x}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n",
    );
    tcp80(&m, |_, to| to.namespace != "x");
}

#[test]
fn should_support_a_default_deny_all_policy() {
    let m = model(
        "---\nkind: NetworkPolicy\nmetadata: {name: deny-all, namespace: x}\nspec: {podSelector: {}, policyTypes: [Ingress, Egress]}\n",
    );
    tcp80(&m, |from, to| from.namespace != "x" && to.namespace != "x");
}

#[test]
fn should_enforce_policy_to_allow_traffic_from_pods_within_server_namespace_based_on_podselector() {
    let m = model(
        "---\nkind: NetworkPolicy\nmetadata: {name: x-a-allows-x-b, namespace: x}\nspec:\n  podSelector: {matchLabels: {pod: a}}\n  ingress:\n  - from: [podSelector: {matchLabels: {pod: b}}]\n",
    );
    tcp80(&m, |from, to| !is(to, "x/a") || is(from, "x/b"));
}

#[test]
fn should_enforce_policy_based_on_podselector_and_namespaceselector() {
    // One peer with both: pod b in namespaces other than x.
    let m = model(
        "---\nkind: NetworkPolicy\nmetadata: {name: allow, namespace: x}\nspec:\n  podSelector: {matchLabels: {pod: a}}\n  ingress:\n  - from:\n    - namespaceSelector: {matchExpressions: [{key: ns, operator: NotIn, values: [x]}]}\n      podSelector: {matchLabels: {pod: b}}\n",
    );
    tcp80(&m, |from, to| {
        !is(to, "x/a") || (from.namespace != "x" && from.name == "b")
    });
}

#[test]
fn should_enforce_policy_based_on_podselector_or_namespaceselector() {
    // Two peers: pod b in x, or any pod in namespaces other than x.
    let m = model(
        "---\nkind: NetworkPolicy\nmetadata: {name: allow, namespace: x}\nspec:\n  podSelector: {matchLabels: {pod: a}}\n  ingress:\n  - from:\n    - namespaceSelector: {matchExpressions: [{key: ns, operator: NotIn, values: [x]}]}\n    - podSelector: {matchLabels: {pod: b}}\n",
    );
    tcp80(&m, |from, to| {
        !is(to, "x/a") || from.namespace != "x" || is(from, "x/b")
    });
}

#[test]
fn should_enforce_policy_to_allow_traffic_based_on_namespaceselector_with_matchlabels_using_default_ns_label()
 {
    let m = model(
        "---\nkind: NetworkPolicy\nmetadata: {name: allow-y, namespace: x}\nspec:\n  podSelector: {}\n  ingress:\n  - from: [namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: y}}]\n",
    );
    tcp80(&m, |from, to| to.namespace != "x" || from.namespace == "y");
}

#[test]
fn should_allow_ingress_access_on_one_named_port() {
    let m = model(
        "---\nkind: NetworkPolicy\nmetadata: {name: allow-81, namespace: x}\nspec:\n  podSelector: {}\n  ingress:\n  - ports: [{port: serve-81-tcp}]\n",
    );
    assert_truth_table(&m, PortRef::Number(81), Protocol::Tcp, |_, _| true);
    tcp80(&m, |_, to| to.namespace != "x");
}

#[test]
fn should_not_allow_access_by_tcp_when_a_policy_specifies_only_udp() {
    let m = model(
        "---\nkind: NetworkPolicy\nmetadata: {name: udp-only, namespace: x}\nspec:\n  podSelector: {matchLabels: {pod: a}}\n  ingress:\n  - ports: [{port: 81, protocol: UDP}]\n",
    );
    assert_truth_table(&m, PortRef::Number(81), Protocol::Tcp, |_, to| {
        !is(to, "x/a")
    });
    assert_truth_table(&m, PortRef::Number(81), Protocol::Udp, |_, _| true);
}

#[test]
fn should_enforce_multiple_ingress_policies_with_ingress_allow_all_policy_taking_precedence() {
    let m = model(
        "---\nkind: NetworkPolicy\nmetadata: {name: only-81, namespace: x}\nspec:\n  podSelector: {matchLabels: {pod: a}}\n  ingress: [{ports: [{port: 81}]}]\n---\nkind: NetworkPolicy\nmetadata: {name: allow-all, namespace: x}\nspec:\n  podSelector: {matchLabels: {pod: a}}\n  ingress: [{}]\n",
    );
    tcp80(&m, |_, _| true);
}

#[test]
fn should_support_denying_of_egress_traffic_on_the_client_side_even_if_the_server_explicitly_allows_this_traffic()
 {
    let m = model(
        "---\nkind: NetworkPolicy\nmetadata: {name: deny-egress, namespace: x}\nspec: {podSelector: {matchLabels: {pod: a}}, policyTypes: [Egress]}\n---\nkind: NetworkPolicy\nmetadata: {name: allow-from-x-a, namespace: y}\nspec:\n  podSelector: {}\n  ingress:\n  - from: [{namespaceSelector: {matchLabels: {ns: x}}, podSelector: {matchLabels: {pod: a}}}]\n",
    );
    // y admits only x/a, whose egress is closed: y is unreachable, and x/a reaches nothing.
    tcp80(&m, |from, to| !is(from, "x/a") && to.namespace != "y");
}

#[test]
fn should_enforce_except_clause_while_egress_access_to_server_in_cidr_block() {
    // x/a may reach 10.0.0.0/16 except x/b's /32 (e2e: the server's pod IP as the except).
    let m = model(
        "---\nkind: NetworkPolicy\nmetadata: {name: cidr-except, namespace: x}\nspec:\n  podSelector: {matchLabels: {pod: a}}\n  policyTypes: [Egress]\n  egress:\n  - to: [ipBlock: {cidr: 10.0.0.0/16, except: [10.0.0.2/32]}]\n",
    );
    tcp80(&m, |from, to| !is(from, "x/a") || !is(to, "x/b"));
}

#[test]
fn should_enforce_ingress_policy_allowing_any_port_traffic_to_a_server_on_a_specific_protocol() {
    let m = model(
        "---\nkind: NetworkPolicy\nmetadata: {name: any-tcp, namespace: x}\nspec:\n  podSelector: {matchLabels: {pod: a}}\n  ingress: [{ports: [{protocol: TCP}]}]\n",
    );
    tcp80(&m, |_, _| true);
    assert_truth_table(&m, PortRef::Number(80), Protocol::Udp, |_, to| {
        !is(to, "x/a")
    });
}

#[test]
fn should_enforce_policy_based_on_ports_with_an_end_port_range() {
    // e2e "should support ... endPort": port 80 to 81 allowed from y.
    let m = model(
        "---\nkind: NetworkPolicy\nmetadata: {name: range, namespace: x}\nspec:\n  podSelector: {}\n  ingress:\n  - from: [namespaceSelector: {matchLabels: {ns: y}}]\n    ports: [{port: 80, endPort: 81}]\n",
    );
    assert_truth_table(&m, PortRef::Number(81), Protocol::Tcp, |from, to| {
        to.namespace != "x" || from.namespace == "y"
    });
}
