//! The course current to Microsoft's documentation of November 2026 (issue 16, "Facts to correct or
//! add"): each corrected fact pinned where it is taught, and the old wording kept only inside a
//! `**Correction:**` callout (lessons) or a paragraph that says it corrects (questions, interviews).

use aks_tutor::content::{Course, QuestionKind};

use super::support::*;

/// The lesson has a passage (outside or inside a correction) that states every one of `facts`.
fn lesson_states(course: &Course, id: &str, facts: &[&str]) {
    let stated = lesson_passages(lesson(course, id))
        .iter()
        .any(|p| facts.iter().all(|fact| p.text.contains(fact)));
    assert!(stated, "lesson {id}: no passage states all of {facts:?}");
}

/// `old` appears in lesson `id` only inside a correction callout.
fn only_in_corrections(course: &Course, id: &str, old: &str) {
    for passage in lesson_passages(lesson(course, id)) {
        assert!(
            !passage.text.contains(old) || passage.in_correction,
            "lesson {id} states {old:?} outside a correction: {:?}",
            passage.text
        );
    }
}

fn interview_answer(course: &Course, id: &str) -> String {
    let item = course
        .interview_items()
        .find(|item| item.id == id)
        .unwrap_or_else(|| panic!("interview item {id} is missing"));
    normalise(&format!("{} {}", item.question, item.answer))
}

fn accepted(course: &Course, id: &str) -> Vec<String> {
    match &question(course, id).kind {
        QuestionKind::Word { accepted } => accepted.clone(),
        other => panic!("{id}: expected a typed word, got {other:?}"),
    }
}

#[test]
fn npm_retirement_dates_and_what_replaces_it_where() {
    let course = course();
    for id in ["network-policies", "plugins"] {
        lesson_states(
            &course,
            id,
            &["30 September 2026", "30 September 2028", "Calico"],
        );
    }
    lesson_states(
        &course,
        "network-policies",
        &["Windows", "network security groups"],
    );
    lesson_states(&course, "plugins", &["Azure NPM (Linux, until 2028)"]);
    let npm = question(&course, "q-np-npm-retired");
    assert!(npm.prompt.contains("on Linux nodes"), "{}", npm.prompt);
    for fact in [
        "30 September 2026",
        "30 September 2028",
        "Calico",
        "network security groups",
    ] {
        assert!(npm.explanation.contains(fact), "q-np-npm-retired: {fact}");
    }
    for id in ["iv-network-policy", "iv-npm-vs-calico"] {
        let answer = interview_answer(&course, id);
        assert!(
            answer.contains("30 September 2026") && answer.contains("30 September 2028"),
            "{id}"
        );
    }
    // The old present-tense Windows wording.
    only_in_corrections(&course, "network-policies", "(and HNS rules on Windows)");
}

#[test]
fn ingress_teaches_gateway_api_and_the_end_of_nginx_patches() {
    let course = course();
    lesson_states(
        &course,
        "ingress",
        &["November 2026", "application routing add-on"],
    );
    lesson_states(
        &course,
        "ingress",
        &["kind: Gateway", "kind: HTTPRoute", "parentRefs"],
    );
    lesson_states(
        &course,
        "ingress",
        &["Gateway API", "Application Gateway for Containers"],
    );
    let flexible = question(&course, "q-ingress-flexible");
    assert!(
        flexible.explanation.contains("November 2026")
            && flexible.explanation.contains("Gateway API")
    );
    let ingress = interview_answer(&course, "iv-what-is-ingress");
    assert!(
        ingress.contains("November 2026") && ingress.contains("HTTPRoute"),
        "{ingress}"
    );
    // The old advice, "prefer ... the application routing add-on", is gone everywhere.
    for text in [flexible.explanation.clone(), ingress] {
        assert!(
            !text.contains("such as the application routing add-on"),
            "{text}"
        );
    }
}

#[test]
fn ipvs_is_deprecated_and_nftables_replaces_it() {
    let course = course();
    let latency = interview_answer(&course, "iv-service-latency");
    assert!(
        latency.contains("deprecated upstream since Kubernetes 1.35"),
        "{latency}"
    );
    assert!(latency.contains("nftables"), "{latency}");
    assert!(!latency.contains("IPVS handles large numbers of Services better"));
}

#[test]
fn localdns_and_where_resolv_conf_points() {
    let course = course();
    lesson_states(
        &course,
        "dns",
        &[
            "169.254.10.10",
            "169.254.10.11",
            "AKS Automatic",
            "per node pool",
        ],
    );
    let coredns = interview_answer(&course, "iv-coredns");
    assert!(
        coredns.contains("LocalDNS") && coredns.contains("169.254.10.10"),
        "{coredns}"
    );
}

#[test]
fn load_balancer_source_ranges_outbound_types_and_pending_causes() {
    let course = course();
    lesson_states(
        &course,
        "load-balancers",
        &[
            "loadBalancerSourceRanges",
            "network security group",
            "on the host",
        ],
    );
    only_in_corrections(&course, "load-balancers", "at the load balancer");
    for row in [
        "none | nothing AKS sets up",
        "block (preview) | nowhere",
        "managedNATGateway | a NAT gateway AKS creates",
        "userAssignedNATGateway | a NAT gateway you attached",
    ] {
        lesson_states(&course, "load-balancers", &[row]);
    }
    // No Microsoft source makes a UDR firewall a cause of a pending EXTERNAL-IP.
    let pending = question(&course, "q-ts-lb-pending-order");
    let QuestionKind::Ordering { items } = &pending.kind else {
        panic!("q-ts-lb-pending-order is an ordering question");
    };
    assert!(
        items.iter().all(|item| !item.contains("outbound type")),
        "{items:?}"
    );
    assert!(
        items.iter().any(|item| item.contains("resource logs")),
        "{items:?}"
    );
    let interview = course
        .interview_items()
        .find(|item| item.id == "iv-lb-pending")
        .expect("iv-lb-pending");
    assert!(
        interview
            .key_points
            .iter()
            .all(|point| !point.text.contains("outbound type"))
    );
    for passage in lesson_passages(lesson(&course, "load-balancers")) {
        assert!(
            !passage.text.contains("egress blocked by a firewall"),
            "{}",
            passage.text
        );
    }
}

#[test]
fn the_real_world_case_counts_the_private_endpoint_and_app_gateway_isolation() {
    let course = course();
    lesson_states(&course, "real-world", &["249 nodes plus one surge node"]);
    only_in_corrections(&course, "real-world", "250 nodes plus one surge node");
    lesson_states(
        &course,
        "real-world",
        &[
            "EnableApplicationGatewayNetworkIsolation",
            "public frontend IP",
        ],
    );
    let capacity = question(&course, "q-rw-node-subnet-capacity");
    assert!(
        capacity
            .explanation
            .contains("249 nodes plus one surge node")
    );
}

#[test]
fn labs_show_what_the_cli_prints() {
    let course = course();
    let check = lab(&course, "lab-check-plugin");
    let profile = &check.steps[0];
    let expected = profile.expected.as_deref().unwrap_or_default();
    for column in ["NetworkPluginMode", "NetworkDataplane", "OutboundType"] {
        assert!(
            expected.contains(column),
            "{column} missing from {expected}"
        );
    }
    let look_for = profile.look_for.as_deref().unwrap_or_default();
    assert!(look_for.contains("null fields"), "{look_for}");
    assert!(!check.steps[1].purpose.contains("does not show"));
    let dns = lab(&course, "lab-dns-test");
    let start = &dns.steps[0].purpose;
    assert!(
        start.contains("kubectl 1.18") && !start.contains("rather than a Deployment"),
        "{start}"
    );
}

#[test]
fn max_surge_is_said_where_numbers_depend_on_it() {
    let course = course();
    lesson_states(
        &course,
        "ip-planning",
        &["10%", "rounded up", "max surge 1"],
    );
    only_in_corrections(&course, "ip-planning", "the default\".");
    for q in course.questions() {
        assert!(
            !q.prompt.contains("default max surge"),
            "{}: {}",
            q.id,
            q.prompt
        );
    }
    for id in [
        "q-ip-formula-10x30",
        "q-ip-formula-20x30-subnet",
        "q-ip-formula-65-nodes",
        "q-ip-max-pods-250",
        "q-ip-cilium-sizing",
        "q-ip-overlay-node-subnet",
    ] {
        let prompt = &question(&course, id).prompt;
        assert!(prompt.contains("max surge 1"), "{id}: {prompt}");
    }
    let formula = interview_answer(&course, "iv-ip-formula");
    assert!(
        formula.contains("max surge 1") && formula.contains("10%"),
        "{formula}"
    );
}

#[test]
fn max_pods_caveats_pod_subnet_and_windows() {
    let course = course();
    lesson_states(
        &course,
        "ip-planning",
        &["Azure CNI Pod Subnet | 110 or 250: Microsoft's pages disagree"],
    );
    lesson_states(&course, "ip-planning", &["Windows", "110"]);
    lesson_states(&course, "plugins", &["Yes (at most 110 pods per node)"]);
}

#[test]
fn typed_answers_accept_the_usual_short_forms() {
    let course = course();
    assert!(
        accepted(&course, "q-hs-outbound-type")
            .iter()
            .any(|a| a == "UDR")
    );
    assert!(
        accepted(&course, "q-lb-internal-annotation")
            .iter()
            .any(|a| a == "azure-load-balancer-internal")
    );
    assert!(
        accepted(&course, "q-ts-identity-role")
            .iter()
            .any(|a| a == "Contributor")
    );
    let role = question(&course, "q-ts-identity-role");
    assert!(
        role.explanation.contains("Contributor also works"),
        "{}",
        role.explanation
    );
}
