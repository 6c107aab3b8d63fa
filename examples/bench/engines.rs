//! The engines without the UI: the sizing validator over 100,000 plans and the NetworkPolicy
//! matrix for 50 pods under 20 policies.

use std::fmt::Write as _;
use std::hint::black_box;
use std::net::Ipv4Addr;

use aks_tutor::netpol::manifest::parse_sources;
use aks_tutor::netpol::matrix::matrix;
use aks_tutor::netpol::{Engine, PortRef, Protocol};
use aks_tutor::sizing::{IpMode, NetworkPlan, Surge};
use ipnet::Ipv4Net;
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

use crate::{heading, report, time};

const PLANS: usize = 100_000;

pub fn sizing() {
    heading("Sizing: validating 100,000 generated plans");
    let plans = random_plans(PLANS, 2026);
    let mut valid = 0;
    let figures = time(10, || {
        valid = plans.iter().filter(|p| p.validate().is_valid()).count();
    });
    report(
        "validate 100,000 plans (one run = all of them)",
        &figures,
        "",
    );
    println!(
        "({valid} of {PLANS} plans valid; per plan: {:.2} µs median)",
        figures.median.as_secs_f64() * 1e6 / PLANS as f64
    );
}

/// Plans of every plugin, with every range given at random (many overlap, as a learner's do).
fn random_plans(count: usize, seed: u64) -> Vec<NetworkPlan> {
    let mut rng = StdRng::seed_from_u64(seed);
    // A /`prefix` somewhere in first.x.0.0, its prefix drawn from `prefixes`.
    let net = |rng: &mut StdRng, first: u8, prefixes: std::ops::RangeInclusive<u8>| {
        let address = Ipv4Addr::new(first, rng.random_range(0..=255), 0, 0);
        Ipv4Net::new(address, rng.random_range(prefixes)).expect("a prefix up to 32")
    };
    (0..count)
        .map(|i| {
            let mut plan = NetworkPlan::new(
                IpMode::ALL[i % IpMode::ALL.len()],
                rng.random_range(1..=1000),
            );
            plan.max_pods = Some(rng.random_range(5..=300));
            plan.surge = if i % 2 == 0 {
                Surge::Count(rng.random_range(0..=10))
            } else {
                Surge::Percent(rng.random_range(0..=100))
            };
            plan.vnets = vec![net(&mut rng, 10, 8..=20)];
            plan.peered = vec![net(&mut rng, 10, 16..=16), net(&mut rng, 172, 16..=16)];
            plan.node_subnet = Some(net(&mut rng, 10, 16..=28));
            plan.pod_cidr = Some(net(&mut rng, 100, 10..=20));
            plan.service_cidr = Some(net(&mut rng, 10, 12..=24));
            plan.dns_service_ip = plan
                .service_cidr
                .map(|s| Ipv4Addr::from(u32::from(s.network()) + 10));
            plan
        })
        .collect()
}

pub fn netpol() {
    heading("NetworkPolicy: the connection matrix, 50 pods × 20 policies");
    let yaml = cluster_yaml(50, 20);
    let manifests = parse_sources([("bench.yaml", yaml.as_str())]).expect("the manifests parse");
    let figures = time(5, || {
        black_box(parse_sources([("bench.yaml", yaml.as_str())]).expect("the manifests parse"));
    });
    report(
        "parse the manifests (5 namespaces, 50 pods, 20 policies)",
        &figures,
        "",
    );
    let port = PortRef::Number(80);
    let figures = time(50, || {
        let _ = black_box(
            matrix(&manifests.cluster, Engine::Standard, &port, Protocol::Tcp).expect("a matrix"),
        );
    });
    report("the 50×50 matrix (2,500 connections)", &figures, "");
}

/// Five namespaces of ten pods; policies select by app label and allow from other apps and
/// namespaces, with some egress and ipBlock rules, so every rule kind is evaluated.
fn cluster_yaml(pods: usize, policies: usize) -> String {
    let mut yaml = String::new();
    for ns in 0..5 {
        writeln!(yaml, "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns{ns}\n  labels: {{team: t{}}}\n---", ns % 2).unwrap();
    }
    for p in 0..pods {
        writeln!(yaml, "apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod{p}\n  namespace: ns{}\n  labels: {{app: a{}, tier: t{}}}\nspec:\n  containers: [{{name: c, image: nginx, ports: [{{containerPort: 80, name: http}}]}}]\n---", p % 5, p % 10, p % 3).unwrap();
    }
    for n in 0..policies {
        writeln!(yaml, "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: pol{n}\n  namespace: ns{}\nspec:\n  podSelector: {{matchLabels: {{app: a{}}}}}\n  policyTypes: [Ingress, Egress]\n  ingress:\n  - from:\n    - podSelector: {{matchLabels: {{tier: t{}}}}}\n    - namespaceSelector: {{matchLabels: {{team: t{}}}}}\n      podSelector: {{matchExpressions: [{{key: app, operator: In, values: [a1, a2, a3]}}]}}\n    - ipBlock: {{cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}\n    ports: [{{port: http}}, {{protocol: TCP, port: 8000, endPort: 9000}}]\n  egress:\n  - to: [{{podSelector: {{}}}}]\n    ports: [{{protocol: UDP, port: 53}}]\n---", n % 5, n % 10, n % 3, n % 2).unwrap();
    }
    yaml
}
