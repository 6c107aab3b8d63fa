//! Verdicts in words: the sentences the CLI prints and the lab shows after a prediction.

use super::eval::{Engine, Matched, RuleMatch, SideVerdict, Verdict};
use super::policy::PolicyType;

impl Verdict {
    /// `ALLOWED: frontend/web -> backend/api on TCP 8080` (the port name too, if one was asked).
    pub fn headline(&self) -> String {
        let word = self.word();
        let port = match &self.port_name {
            Some(name) => format!("{} {} ({name})", self.protocol, self.port),
            None => format!("{} {}", self.protocol, self.port),
        };
        format!("{word}: {} -> {} on {port}", self.from, self.to)
    }

    /// `ALLOWED`, `DENIED`, or `UNKNOWN` when the answer depends on a pod IP the manifests do
    /// not give.
    pub fn word(&self) -> &'static str {
        if self.allowed() {
            "ALLOWED"
        } else if self.undecided() {
            "UNKNOWN"
        } else {
            "DENIED"
        }
    }

    /// The headline, then both sides' reasons, then notes about the engine.
    pub fn explanation(&self) -> Vec<String> {
        let mut lines = vec![self.headline()];
        lines.push(format!("  {}", self.ingress.reason()));
        lines.push(format!("  {}", self.egress.reason()));
        if self.undecided() {
            lines.push(
                "  the answer depends on a pod IP the manifests do not give (no status.podIP): `kubectl get pods -A -o yaml` gives the IPs".to_string(),
            );
        } else if !(self.ingress.allowed() && self.egress.allowed()) {
            lines.push(format!(
                "  a connection needs both the source's egress and the destination's ingress to allow it; {} refused it",
                match (self.ingress.allowed(), self.egress.allowed()) {
                    (false, false) => "both sides",
                    (false, true) => "the ingress side",
                    _ => "the egress side",
                }
            ));
        }
        lines.extend(
            self.ingress
                .notes(self.engine)
                .into_iter()
                .chain(self.egress.notes(self.engine))
                .map(|note| format!("  note: {note}")),
        );
        lines
    }
}

impl SideVerdict {
    /// `ingress to backend/api` or `egress from frontend/web`.
    pub fn side_name(&self) -> String {
        match self.direction {
            PolicyType::Ingress => format!("ingress to {}", self.subject),
            PolicyType::Egress => format!("egress from {}", self.subject),
        }
    }

    /// One sentence: not isolated, or isolated by which policies and allowed by which rules.
    pub fn reason(&self) -> String {
        if self.subject.is_external() {
            return format!(
                "{}: allowed, because {} is outside the cluster, where NetworkPolicy does not apply",
                self.side_name(),
                self.subject
            );
        }
        if !self.isolated() {
            return format!(
                "{}: allowed, because no policy selects {} for {}: not isolated",
                self.side_name(),
                self.subject,
                self.direction
            );
        }
        let selecting: Vec<String> = self.selecting.iter().map(ToString::to_string).collect();
        let isolated_by = format!(
            "isolated by {} ({})",
            if selecting.len() == 1 {
                "policy"
            } else {
                "policies"
            },
            selecting.join(", ")
        );
        if self.allowed_by.is_empty() {
            let them = if selecting.len() == 1 { "it" } else { "them" };
            let what = match self.direction {
                PolicyType::Ingress => format!("lets {} in on this port", self.peer),
                PolicyType::Egress => format!("lets it out to {} on this port", self.peer),
            };
            if !self.unknown_ips.is_empty() {
                let blocks: Vec<String> = self
                    .unknown_ips
                    .iter()
                    .map(|u| {
                        format!(
                            "{} {}[{}] {}[{}] {}",
                            u.policy,
                            self.direction,
                            u.rule_index,
                            peer_list_name(self.direction),
                            u.peer_index,
                            u.block
                        )
                    })
                    .collect();
                return format!(
                    "{}: UNKNOWN, {isolated_by}; no rule of {them} {what} unless the IP of {}, which the manifests do not give, is in {}",
                    self.side_name(),
                    self.peer,
                    blocks.join(" or in ")
                );
            }
            return format!(
                "{}: DENIED, {isolated_by}, and no rule of {them} {what}",
                self.side_name()
            );
        }
        let rules: Vec<String> = self.allowed_by.iter().map(describe_rule).collect();
        format!(
            "{}: allowed, {isolated_by}; let through by {}",
            self.side_name(),
            rules.join("; and by ")
        )
    }

    /// What differs between engines for this side, if anything.
    pub fn notes(&self, engine: Engine) -> Vec<String> {
        let mut notes: Vec<String> = self
            .ignored_ip_blocks
            .iter()
            .map(|ignored| {
                format!(
                    "{} {}[{}] {}[{}] is {}, which contains {} ({}), but on Azure CNI Powered by Cilium an ipBlock never selects pod or node IPs; select the pod with podSelector/namespaceSelector instead",
                    ignored.policy,
                    self.direction,
                    ignored.rule_index,
                    peer_list_name(self.direction),
                    ignored.peer_index,
                    ignored.block,
                    ignored.ip,
                    self.peer,
                )
            })
            .collect();
        if engine == Engine::Standard {
            notes.extend(self.allowed_by.iter().filter(|m| m.by_ip_block).map(|m| {
                format!(
                    "{} {}[{}] matched {} by its IP; on Azure CNI Powered by Cilium that ipBlock would not select a pod",
                    m.policy, m.direction, m.rule_index, self.peer
                )
            }));
        }
        notes
    }
}

fn peer_list_name(direction: PolicyType) -> &'static str {
    match direction {
        PolicyType::Ingress => "from",
        PolicyType::Egress => "to",
    }
}

/// `backend/allow-frontend ingress[0] (from[0]: namespaceSelector {...}; ports[0]: TCP 8080)`.
pub fn describe_rule(rule: &RuleMatch) -> String {
    let peers = peer_list_name(rule.direction);
    let peer = match &rule.peer {
        Matched::Any => format!("no `{peers}`: every peer"),
        Matched::Entry { index, text } => format!("{peers}[{index}]: {text}"),
    };
    let port = match &rule.port {
        Matched::Any => "no `ports`: every port".to_string(),
        Matched::Entry { index, text } => format!("ports[{index}]: {text}"),
    };
    format!(
        "{} {}[{}] ({peer}; {port})",
        rule.policy, rule.direction, rule.rule_index
    )
}
