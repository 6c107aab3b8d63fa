//! The manifest fields we read, as serde types, and their conversion into the model with
//! Kubernetes' validation rules. Policy specs refuse unknown fields, as `kubectl apply` does:
//! a typo such as `matchLabel` would otherwise silently widen a selector to everything.

use std::collections::BTreeMap;
use std::net::IpAddr;
use std::str::FromStr;

use ipnet::IpNet;
use serde::Deserialize;
use serde_saphyr::{Location, Spanned};

use crate::netpol::eval::PortRef;
use crate::netpol::model::{ContainerPort, Labels, Protocol};
use crate::netpol::policy::{IpBlock, Peer, PolicyPort, PolicyType, PortSpec, Rule};
use crate::netpol::selector::{LabelSelector, Operator, Requirement};

/// Only what decides how to read a document.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Probe {
    pub api_version: Option<String>,
    pub kind: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RawMetadata {
    pub name: Option<String>,
    pub namespace: Option<String>,
    pub labels: Option<BTreeMap<String, String>>,
}

#[derive(Debug, Deserialize)]
pub struct RawNamespace {
    #[serde(default)]
    pub metadata: RawMetadata,
}

#[derive(Debug, Deserialize)]
pub struct RawPod {
    #[serde(default)]
    pub metadata: RawMetadata,
    pub spec: Option<RawPodSpec>,
    pub status: Option<RawPodStatus>,
}

#[derive(Debug, Deserialize)]
pub struct RawPodSpec {
    pub containers: Option<Vec<RawContainer>>,
}

#[derive(Debug, Deserialize)]
pub struct RawContainer {
    pub ports: Option<Vec<Spanned<RawContainerPort>>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RawContainerPort {
    pub name: Option<String>,
    pub container_port: i64,
    pub protocol: Option<Protocol>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RawPodStatus {
    #[serde(rename = "podIP")]
    pub pod_ip: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
pub struct RawPolicy {
    #[serde(default)]
    pub metadata: RawMetadata,
    pub spec: Option<RawPolicySpec>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RawPolicySpec {
    pub pod_selector: Option<RawSelector>,
    pub policy_types: Option<Vec<PolicyType>>,
    pub ingress: Option<Vec<RawIngressRule>>,
    pub egress: Option<Vec<RawEgressRule>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIngressRule {
    pub from: Option<Vec<Spanned<RawPeer>>>,
    pub ports: Option<Vec<Spanned<RawPort>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEgressRule {
    pub to: Option<Vec<Spanned<RawPeer>>>,
    pub ports: Option<Vec<Spanned<RawPort>>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RawPeer {
    pub pod_selector: Option<RawSelector>,
    pub namespace_selector: Option<RawSelector>,
    pub ip_block: Option<RawIpBlock>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIpBlock {
    pub cidr: Spanned<String>,
    pub except: Option<Vec<Spanned<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum IntOrString {
    Int(i64),
    String(String),
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RawPort {
    pub protocol: Option<Protocol>,
    pub port: Option<Spanned<IntOrString>>,
    pub end_port: Option<Spanned<i64>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RawSelector {
    pub match_labels: Option<BTreeMap<String, String>>,
    pub match_expressions: Option<Vec<Spanned<RawRequirement>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRequirement {
    pub key: String,
    pub operator: Operator,
    pub values: Option<Vec<String>>,
}

/// A validation problem at a position inside the document being converted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub at: Location,
    pub message: String,
}

fn invalid(at: Location, message: impl Into<String>) -> Invalid {
    Invalid {
        at,
        message: message.into(),
    }
}

pub fn labels(raw: Option<BTreeMap<String, String>>) -> Labels {
    raw.unwrap_or_default()
}

pub fn selector(raw: RawSelector) -> Result<LabelSelector, Invalid> {
    let mut match_expressions = Vec::new();
    for requirement in raw.match_expressions.unwrap_or_default() {
        let at = requirement.referenced;
        let RawRequirement {
            key,
            operator,
            values,
        } = requirement.value;
        let values = values.unwrap_or_default();
        match operator {
            Operator::In | Operator::NotIn if values.is_empty() => {
                return Err(invalid(
                    at,
                    format!(
                        "matchExpressions on '{key}' with {operator:?} needs at least one value"
                    ),
                ));
            }
            Operator::Exists | Operator::DoesNotExist if !values.is_empty() => {
                return Err(invalid(
                    at,
                    format!("matchExpressions on '{key}' with {operator:?} must have no values"),
                ));
            }
            _ => {}
        }
        match_expressions.push(Requirement {
            key,
            operator,
            values,
        });
    }
    Ok(LabelSelector {
        match_labels: labels(raw.match_labels),
        match_expressions,
    })
}

pub fn peers(raw: Option<Vec<Spanned<RawPeer>>>) -> Result<Vec<Peer>, Invalid> {
    raw.unwrap_or_default().into_iter().map(peer).collect()
}

fn peer(raw: Spanned<RawPeer>) -> Result<Peer, Invalid> {
    let at = raw.referenced;
    let RawPeer {
        pod_selector,
        namespace_selector,
        ip_block,
    } = raw.value;
    match (pod_selector, namespace_selector, ip_block) {
        (None, None, Some(block)) => ip_block_peer(block).map(Peer::IpBlock),
        (Some(_), _, Some(_)) | (_, Some(_), Some(_)) => Err(invalid(
            at,
            "ipBlock cannot be combined with podSelector or namespaceSelector in one peer",
        )),
        (Some(pods), None, None) => Ok(Peer::Pods(selector(pods)?)),
        (None, Some(namespaces), None) => Ok(Peer::Namespaces(selector(namespaces)?)),
        (Some(pods), Some(namespaces), None) => Ok(Peer::PodsInNamespaces {
            namespaces: selector(namespaces)?,
            pods: selector(pods)?,
        }),
        (None, None, None) => Err(invalid(
            at,
            "a peer needs podSelector, namespaceSelector or ipBlock (to allow every peer, leave out from/to)",
        )),
    }
}

fn cidr(raw: &Spanned<String>) -> Result<IpNet, Invalid> {
    IpNet::from_str(raw.value.trim()).map_err(|_| {
        invalid(
            raw.referenced,
            format!("'{}' is not a CIDR (for example 10.0.0.0/16)", raw.value),
        )
    })
}

fn ip_block_peer(raw: RawIpBlock) -> Result<IpBlock, Invalid> {
    let block = cidr(&raw.cidr)?;
    let mut except = Vec::new();
    for entry in raw.except.unwrap_or_default() {
        let net = cidr(&entry)?;
        IpBlock::new(block, vec![net]).map_err(|e| invalid(entry.referenced, e.to_string()))?;
        except.push(net);
    }
    IpBlock::new(block, except).map_err(|e| invalid(raw.cidr.referenced, e.to_string()))
}

fn port_number(value: i64, at: Location, what: &str) -> Result<u16, Invalid> {
    u16::try_from(value)
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| invalid(at, format!("{what} {value} is not a port from 1 to 65535")))
}

pub fn policy_ports(raw: Option<Vec<Spanned<RawPort>>>) -> Result<Vec<PolicyPort>, Invalid> {
    raw.unwrap_or_default()
        .into_iter()
        .map(policy_port)
        .collect()
}

fn policy_port(raw: Spanned<RawPort>) -> Result<PolicyPort, Invalid> {
    let RawPort {
        protocol,
        port,
        end_port,
    } = raw.value;
    let protocol = protocol.unwrap_or_default();
    let spec = match port {
        None => {
            if let Some(end) = end_port {
                return Err(invalid(end.referenced, "endPort needs a numeric port"));
            }
            None
        }
        Some(Spanned {
            value: IntOrString::Int(number),
            referenced,
            ..
        }) => {
            let port = port_number(number, referenced, "port")?;
            let end_port = match end_port {
                None => None,
                Some(end) => {
                    let last = port_number(end.value, end.referenced, "endPort")?;
                    if last < port {
                        return Err(invalid(
                            end.referenced,
                            format!("endPort {last} is below port {port}"),
                        ));
                    }
                    Some(last)
                }
            };
            Some(PortSpec::Number { port, end_port })
        }
        Some(Spanned {
            value: IntOrString::String(name),
            referenced,
            ..
        }) => match PortRef::from_str(&name) {
            Ok(PortRef::Name(name)) => {
                if let Some(end) = end_port {
                    return Err(invalid(
                        end.referenced,
                        "endPort cannot be used with a named port",
                    ));
                }
                Some(PortSpec::Name(name))
            }
            _ => {
                return Err(invalid(
                    referenced,
                    format!(
                        "'{name}' is not a port name (lowercase letters, digits and '-', at most 15, with a letter); a number must be written without quotes"
                    ),
                ));
            }
        },
    };
    Ok(PolicyPort {
        protocol,
        port: spec,
    })
}

pub fn rule(
    peers_raw: Option<Vec<Spanned<RawPeer>>>,
    ports_raw: Option<Vec<Spanned<RawPort>>>,
) -> Result<Rule, Invalid> {
    Ok(Rule {
        peers: peers(peers_raw)?,
        ports: policy_ports(ports_raw)?,
    })
}

pub fn container_ports(spec: Option<RawPodSpec>) -> Result<Vec<ContainerPort>, Invalid> {
    let mut ports = Vec::new();
    let containers = spec.and_then(|s| s.containers).unwrap_or_default();
    for port in containers
        .into_iter()
        .flat_map(|c| c.ports.unwrap_or_default())
    {
        let at = port.referenced;
        let RawContainerPort {
            name,
            container_port,
            protocol,
        } = port.value;
        ports.push(ContainerPort {
            name,
            number: port_number(container_port, at, "containerPort")?,
            protocol: protocol.unwrap_or_default(),
        });
    }
    Ok(ports)
}

pub fn pod_ip(status: Option<RawPodStatus>) -> Result<Option<IpAddr>, Invalid> {
    match status.and_then(|s| s.pod_ip) {
        None => Ok(None),
        Some(ip) => IpAddr::from_str(ip.value.trim()).map(Some).map_err(|_| {
            invalid(
                ip.referenced,
                format!("'{}' is not an IP address", ip.value),
            )
        }),
    }
}
