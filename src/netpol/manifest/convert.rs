//! Conversion of the raw manifest types into the model, with the API server's validation rules:
//! every refusal names the rule and the position of the offending value.

use std::net::IpAddr;
use std::str::FromStr;

use ipnet::IpNet;
use serde_saphyr::{Location, Spanned};

use super::raw::{
    IntOrString, RawContainerPort, RawIpBlock, RawLabels, RawPeer, RawPodSpec, RawPodStatus,
    RawPort, RawRequirement, RawSelector,
};
use crate::netpol::eval::PortRef;
use crate::netpol::model::{ContainerPort, Labels};
use crate::netpol::policy::{IpBlock, Peer, PolicyPort, PortSpec, Rule};
use crate::netpol::selector::{LabelSelector, Operator, Requirement};
use crate::netpol::validate;

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

fn label_key(key: &Spanned<String>) -> Result<(), Invalid> {
    validate::label_key(&key.value)
        .map_err(|rule| invalid(key.referenced, format!("label key '{}' {rule}", key.value)))
}

fn label_value(key: &str, value: &Spanned<String>) -> Result<(), Invalid> {
    validate::label_value(&value.value).map_err(|rule| {
        invalid(
            value.referenced,
            format!("the value '{}' of label {key} {rule}", value.value),
        )
    })
}

/// Labels (of an object, or a `matchLabels`), each key and value checked as the API server does.
pub fn labels(raw: Option<RawLabels>) -> Result<Labels, Invalid> {
    let mut labels = Labels::new();
    for (key, value) in raw.unwrap_or_default().0 {
        label_key(&key)?;
        label_value(&key.value, &value)?;
        labels.insert(key.value, value.value);
    }
    Ok(labels)
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
        label_key(&key)?;
        let values = values.unwrap_or_default();
        for value in &values {
            label_value(&key.value, value)?;
        }
        let key = key.value;
        let values: Vec<String> = values.into_iter().map(|v| v.value).collect();
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
        match_labels: labels(raw.match_labels)?,
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

pub fn container_ports(spec: Option<&mut RawPodSpec>) -> Result<Vec<ContainerPort>, Invalid> {
    let mut ports = Vec::new();
    let containers = spec.and_then(|s| s.containers.take()).unwrap_or_default();
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
        if let Some(name) = &name {
            validate::port_name(name)
                .map_err(|rule| invalid(at, format!("container port name '{name}' {rule}")))?;
        }
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
