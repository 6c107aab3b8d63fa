//! Tests of the key-point match: whole words, phrases, endings, and two real interview items.

use super::*;
use crate::content::{self, EmbeddedCourse};

fn point(keywords: &[&str]) -> KeyPoint {
    KeyPoint {
        text: "a key point".to_string(),
        keywords: keywords.iter().map(|k| k.to_string()).collect(),
    }
}

#[test]
fn short_keywords_match_whole_words_only() {
    let l4 = point(&["l4"]);
    assert!(touched("It filters at L4, by port.", &l4));
    assert!(!touched("Rule l47 of the firewall", &l4));
    let nat = point(&["nat"]);
    assert!(!touched("An alternative is natural.", &nat));
    assert!(touched("Traffic is NAT'd to the node.", &nat));
    assert!(touched("pods are NATed", &nat));
    assert!(touched("(NAT)", &nat));
}

#[test]
fn punctuation_and_case_do_not_matter() {
    assert!(touched("set Max Pods to 250", &point(&["max-pods"])));
    assert!(touched("the max-pods flag", &point(&["max pods"])));
    assert!(touched("Each node gets a /24", &point(&["/24"])));
    assert!(touched("up to 5000 nodes", &point(&["5,000", "5000"])));
    assert!(touched("up to 5,000 nodes", &point(&["5,000"])));
    assert!(!touched("up to 5 nodes, 000", &point(&["5,000"])));
    assert!(touched("SNAT to the node IP", &point(&["node's ip"])));
    assert!(touched("you can't reach them", &point(&["can't reach"])));
}

#[test]
fn phrases_match_words_in_a_row() {
    let route_table = point(&["route table"]);
    assert!(touched(
        "Kubenet needs a route table per cluster",
        &route_table
    ));
    assert!(touched("kubenet needs route-tables", &route_table));
    assert!(!touched("a table of routes", &route_table));
    assert!(!touched("route the table", &route_table));
}

#[test]
fn plurals_and_common_endings_match() {
    assert!(touched(
        "Network policies are additive",
        &point(&["policy"])
    ));
    assert!(touched("one network policy", &point(&["policies"])));
    assert!(touched(
        "traffic is routed via the node",
        &point(&["route"])
    ));
    assert!(touched("routing tables", &point(&["route"])));
    assert!(touched("requests are denied", &point(&["deny"])));
    assert!(touched("VNet IPs", &point(&["vnet ip"])));
    assert!(touched("Azure NPM is retiring", &point(&["retire"])));
    // Numbers take no endings; "router" is not "route".
    assert!(!touched("in the 400s", &point(&["400"])));
    assert!(!touched("the router", &point(&["route"])));
}

#[test]
fn matched_keywords_says_which_words_counted() {
    let nat = point(&["nat", "bridge", "10.244", "snat"]);
    assert_eq!(
        matched_keywords("Pods use 10.244.0.0/16 behind NAT on a bridge", &nat),
        ["nat", "bridge", "10.244"]
    );
    assert!(matched_keywords("nothing relevant", &nat).is_empty());
    assert!(!touched("anything", &point(&[])));
}

#[test]
fn words_with_the_same_stem_match() {
    let discover = point(&["discover"]);
    assert!(touched("Pods use it for service discovery", &discover));
    assert!(touched("it discovers services", &discover));
    let resolve = point(&["resolve"]);
    assert!(touched("CoreDNS resolves service names", &resolve));
    assert!(touched("names are resolved", &resolve));
    assert!(touched("resolving names", &resolve));
    assert!(touched("Service names", &point(&["service name"])));
    // A stem keeps three letters and a letter: short words and numbers keep their meaning.
    assert!(!touched("the router", &point(&["route"])));
    assert!(!touched("in the 400s", &point(&["400"])));
    assert!(!touched("us", &point(&["use"])));
    assert!(!touched("it is natural", &point(&["nat"])));
}

#[test]
fn synonyms_given_in_a_keyword_match_each_other() {
    let discovery = point(&["discover|resolve|lookup"]);
    assert!(touched("CoreDNS resolves service names", &discovery));
    assert!(touched("service lookups", &discovery));
    assert!(touched("service discovery", &discovery));
    assert!(!touched("CoreDNS is a Deployment", &discovery));
    // Synonyms stand for one word inside a phrase.
    let server = point(&["dns server|resolver"]);
    assert!(touched("the cluster's DNS resolver", &server));
    assert!(touched("a DNS server", &server));
    assert!(!touched("DNS is a resolver", &server));
    assert_eq!(display_keyword("discover|resolve"), "discover / resolve");
}

#[test]
fn the_words_that_matched_are_shown_as_written_once_each() {
    let point = point(&["discover|resolve", "resolve", "service name", "cluster dns"]);
    assert_eq!(
        matched_words("CoreDNS Resolves Service-Names for the pods", &point),
        ["Resolves", "Service Names"]
    );
    assert!(matched_words("nothing relevant", &point).is_empty());
}

#[test]
fn coredns_resolves_service_names_touches_service_discovery() {
    // The issue's own example: the first key point is about service discovery.
    let item = item("iv-coredns");
    let matches = key_point_matches("CoreDNS resolves service names", &item);
    assert!(
        matches[0].touched(),
        "{} should be touched",
        matches[0].point.text
    );
    assert_eq!(matches[0].matched, ["resolves"]);
}

fn item(id: &str) -> InterviewItem {
    let course = content::load(&EmbeddedCourse).expect("the embedded course loads");
    course
        .interview_items()
        .find(|item| item.id == id)
        .cloned()
        .expect("the item exists")
}

fn touched_count(answer: &str, item: &InterviewItem) -> usize {
    key_point_matches(answer, item)
        .iter()
        .filter(|m| m.touched())
        .count()
}

#[test]
fn a_good_and_a_poor_answer_on_kubenet_vs_azure_cni() {
    let item = item("iv-kubenet-vs-azure-cni");
    let good = "Kubenet puts pods on a bridge network and NATs their traffic through the node, so it \
                uses one VNet IP per node, but it needs a UDR route table and stops at 400 nodes. \
                Azure CNI gives every pod a real VNet IP, directly routable, and you need it for \
                Windows node pools. New clusters get Overlay by default; kubenet retires in 2028.";
    assert_eq!(touched_count(good, &item), item.key_points.len());
    let poor = "Azure CNI is newer and better than kubenet.";
    assert_eq!(touched_count(poor, &item), 0);
    let matches = key_point_matches(good, &item);
    assert_eq!(matches[0].keywords, ["nat", "bridge"]);
    assert_eq!(
        matches[0].matched,
        ["NATs", "bridge"],
        "the words as the learner wrote them"
    );
}

#[test]
fn a_good_and_a_poor_answer_on_network_policies() {
    let item = item("iv-network-policy");
    let good = "A NetworkPolicy is a firewall for pods at L3/L4: by IP address and port. Traffic is \
                allowed by default; once a policy selects a pod only explicitly allowed traffic gets \
                in. Policies are additive. An engine enforces them: Azure NPM, Calico or Cilium, \
                and NPM is being retired.";
    assert_eq!(touched_count(good, &item), item.key_points.len());
    let poor = "It is a YAML file you apply with kubectl.";
    assert_eq!(touched_count(poor, &item), 0);
}

proptest::proptest! {
    #[test]
    fn matching_never_panics(answer in proptest::prelude::any::<String>(), keyword in proptest::prelude::any::<String>()) {
        let point = point(&[keyword.as_str()]);
        let matched = matched_keywords(&answer, &point);
        proptest::prop_assert!(matched.len() <= 1);
        // A keyword always matches itself, unless it has no word in it at all (or lists synonyms,
        // which stand for one word each).
        let has_a_word = keyword.chars().any(char::is_alphanumeric);
        proptest::prop_assert!(!has_a_word || touched(&keyword, &point) || keyword.contains(['\'', '’', '|']));
        let _ = matched_words(&answer, &point);
    }
}
