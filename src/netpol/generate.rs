//! Synthetic clusters for the scale benchmark and the all-pairs tests: namespaces of about 30
//! pods, labelled by app and tier, and policies in the shapes real clusters use (default deny,
//! allow from a tier, from other teams' namespaces, DNS egress, ipBlocks with except and port
//! ranges, matchExpressions). Deterministic for a seed; some pods have no IP, as workloads do.

use std::fmt::Write;

/// Pods per namespace.
const NAMESPACE_SIZE: usize = 30;
const TIERS: [&str; 3] = ["web", "api", "db"];

/// A small deterministic generator (xorshift64*), so the crate needs no RNG for this.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// YAML manifests of `pods` pods and `policies` policies (Namespace documents included).
pub fn cluster_yaml(pods: usize, policies: usize, seed: u64) -> String {
    let mut dice = Dice(seed.wrapping_mul(2_654_435_761).max(1));
    let namespaces = pods.div_ceil(NAMESPACE_SIZE).max(1);
    let mut out = String::with_capacity(pods * 400 + policies * 500);
    for ns in 0..namespaces {
        let _ = write!(
            out,
            "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns{ns}\n  labels: {{team: t{}, env: {}}}\n",
            ns % 5,
            if ns % 2 == 0 { "prod" } else { "dev" }
        );
    }
    for index in 0..pods {
        let ns = index / NAMESPACE_SIZE;
        let tier = TIERS[index % 3];
        let app = dice.below(10);
        let ip = if dice.below(8) == 0 {
            String::new()
        } else {
            format!(
                "status: {{podIP: 10.{}.{}.{}}}\n",
                ns % 4,
                (index / 250) % 250,
                index % 250 + 1
            )
        };
        let port = if tier == "db" {
            ("db", 5432)
        } else {
            ("http", 8080)
        };
        let _ = write!(
            out,
            "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: {tier}-{index}\n  namespace: ns{ns}\n  labels: {{app: a{app}, tier: {tier}}}\nspec:\n  containers:\n  - name: c\n    ports:\n    - {{name: {}, containerPort: {}}}\n    - {{name: dns, containerPort: 53, protocol: UDP}}\n{ip}",
            port.0, port.1
        );
    }
    for index in 0..policies {
        let ns = index % namespaces;
        let app = dice.below(10);
        let team = dice.below(5);
        let spec = match index % 6 {
            0 => "  podSelector: {}\n  policyTypes: [Ingress]\n".to_string(),
            1 => "  podSelector: {matchLabels: {tier: api}}\n  ingress:\n  - from:\n    - podSelector: {matchLabels: {tier: web}}\n    ports:\n    - port: http\n".to_string(),
            2 => format!("  podSelector: {{matchLabels: {{app: a{app}}}}}\n  ingress:\n  - from:\n    - namespaceSelector: {{matchLabels: {{team: t{team}}}}}\n    ports:\n    - {{protocol: TCP, port: 8080}}\n"),
            3 => "  podSelector: {matchLabels: {tier: web}}\n  policyTypes: [Egress]\n  egress:\n  - to:\n    - podSelector: {matchLabels: {tier: api}}\n    ports:\n    - {port: 8080}\n  - to:\n    - namespaceSelector: {}\n    ports:\n    - {protocol: UDP, port: 53}\n".to_string(),
            4 => format!("  podSelector: {{matchLabels: {{tier: db}}}}\n  ingress:\n  - from:\n    - ipBlock: {{cidr: 10.{}.0.0/16, except: [10.{}.1.0/24]}}\n    ports:\n    - {{port: 5430, endPort: 5440}}\n", ns % 4, ns % 4),
            _ => format!("  podSelector:\n    matchExpressions:\n    - {{key: tier, operator: In, values: [web, api]}}\n  ingress:\n  - from:\n    - namespaceSelector: {{matchLabels: {{env: prod}}}}\n      podSelector:\n        matchExpressions:\n        - {{key: app, operator: NotIn, values: [a{app}]}}\n"),
        };
        let _ = write!(
            out,
            "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p{index}\n  namespace: ns{ns}\nspec:\n{spec}"
        );
    }
    out
}
