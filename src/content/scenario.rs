//! The "allowed or denied?" lab's scenarios as course content: plain data read from
//! `netpol/*.ron`. The loader checks their ids and the shape of each connection; parsing the YAML
//! and answering the questions is the `netpol` module's job (content stays UI- and engine-free).

use serde::Deserialize;

/// One scenario: a cluster in YAML and the connections the learner predicts, in order.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename = "NetpolScenario", deny_unknown_fields)]
pub struct NetpolScenario {
    pub id: String,
    pub title: String,
    pub intro: String,
    /// Which policy engine enforces the policies; they differ on `ipBlock`.
    #[serde(default)]
    pub engine: NetpolEngine,
    /// Kubernetes YAML: Namespace, Pod and NetworkPolicy documents separated by `---`. Kept as
    /// written (not tidied), so YAML errors can point at the file's own lines.
    pub manifests: String,
    pub questions: Vec<NetpolQuestion>,
    /// Where the scenario was read from; filled in by the loader.
    #[serde(skip)]
    pub origin: ScenarioOrigin,
}

/// The file a scenario came from, for messages about its manifests and questions.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ScenarioOrigin {
    /// As `validate` shows it (`content/networking-in-aks/netpol/deny-all-ingress.ron`).
    pub path: String,
    /// The 1-based line and column in that file where the `manifests` text starts, when the text
    /// could be found in it.
    pub manifests_at: Option<(usize, usize)>,
}

/// The engine a scenario's cluster runs (the `netpol` module has the semantics).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub enum NetpolEngine {
    /// Calico or Azure NPM.
    #[default]
    Standard,
    /// Azure CNI Powered by Cilium: an `ipBlock` never selects pod or node IPs.
    Cilium,
}

/// One connection to predict: may `from` open `to`:`port`/`protocol`?
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename = "Connection", deny_unknown_fields)]
pub struct NetpolQuestion {
    /// Unique within the scenario; see [`NetpolQuestion::progress_id`].
    pub id: String,
    /// `namespace/pod`.
    pub from: String,
    /// `namespace/pod`.
    pub to: String,
    pub port: NetpolPort,
    #[serde(default)]
    pub protocol: NetpolProtocol,
    /// `<scenario id>-<question id>`: the id progress keeps the prediction under, in the same
    /// map as quiz questions (so the loader keeps it apart from every question id). Filled in by
    /// the loader.
    #[serde(skip)]
    pub progress_id: String,
}

/// A destination port: a number, or the name of one of the destination pod's container ports.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum NetpolPort {
    /// Wider than a port so that 70000 gets a clear "out of range" instead of a RON type error.
    Number(u32),
    Name(String),
}

/// Written in capitals, as Kubernetes does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub enum NetpolProtocol {
    #[default]
    #[serde(rename = "TCP")]
    Tcp,
    #[serde(rename = "UDP")]
    Udp,
    #[serde(rename = "SCTP")]
    Sctp,
}

impl NetpolProtocol {
    pub fn name(self) -> &'static str {
        match self {
            NetpolProtocol::Tcp => "TCP",
            NetpolProtocol::Udp => "UDP",
            NetpolProtocol::Sctp => "SCTP",
        }
    }
}

impl NetpolQuestion {
    /// "frontend/web → backend/api on TCP 8080" (or "on UDP port dns").
    pub fn describe(&self) -> String {
        let port = match &self.port {
            NetpolPort::Number(number) => number.to_string(),
            NetpolPort::Name(name) => format!("port {name}"),
        };
        format!(
            "{} → {} on {} {port}",
            self.from,
            self.to,
            self.protocol.name()
        )
    }
}

/// Why a `from`/`to` is not `namespace/pod`, if it is not.
pub fn pod_problem(text: &str) -> Option<String> {
    match text.split_once('/') {
        Some((namespace, pod))
            if !namespace.is_empty() && !pod.is_empty() && !pod.contains('/') =>
        {
            None
        }
        _ => Some(format!(
            "`{text}` is not namespace/pod (write it as frontend/web)"
        )),
    }
}

/// Why a port is not usable, if it is not: numbers 1 to 65535, names as Kubernetes allows them
/// (IANA service names: lowercase letters, digits and `-`, at most 15, at least one letter).
pub fn port_problem(port: &NetpolPort) -> Option<String> {
    match port {
        NetpolPort::Number(number) if (1..=65535).contains(number) => None,
        NetpolPort::Number(number) => {
            Some(format!("port {number} is out of range: use 1 to 65535"))
        }
        NetpolPort::Name(name) => {
            let valid = name.len() <= 15
                && name.chars().any(|c| c.is_ascii_lowercase())
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            (!valid).then(|| {
                format!(
                    "port `{name}` is not a port name: lowercase letters, digits and `-`, at most 15"
                )
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pods_are_namespace_slash_name() {
        assert_eq!(pod_problem("frontend/web"), None);
        for bad in ["web", "/web", "frontend/", "a/b/c"] {
            assert!(pod_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn ports_are_numbers_in_range_or_service_names() {
        assert_eq!(port_problem(&NetpolPort::Number(8080)), None);
        assert_eq!(port_problem(&NetpolPort::Name("dns-tcp".into())), None);
        assert!(port_problem(&NetpolPort::Number(0)).is_some());
        assert!(port_problem(&NetpolPort::Number(70000)).is_some());
        assert!(port_problem(&NetpolPort::Name("HTTP".into())).is_some());
        assert!(port_problem(&NetpolPort::Name("80".into())).is_some());
    }

    #[test]
    fn a_question_describes_itself_as_the_lab_asks_it() {
        let question = NetpolQuestion {
            id: "q".into(),
            from: "frontend/web".into(),
            to: "backend/api".into(),
            port: NetpolPort::Number(8080),
            protocol: NetpolProtocol::Tcp,
            progress_id: String::new(),
        };
        assert_eq!(
            question.describe(),
            "frontend/web → backend/api on TCP 8080"
        );
    }
}
