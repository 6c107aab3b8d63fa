//! `aks-tutor netpol list`: every allowed connection, one line per pair, as text, JSON or CSV.

use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde_json::{Value, json};

use super::{Sources, bad_input, parse_pod, read_pods};
use crate::netpol::list::{Connections, PortSet, connections};
use crate::netpol::{Engine, PodRef, Protocol};

#[derive(Debug, Clone, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub sources: Sources,

    /// Only the connections from or to this pod or workload.
    #[arg(long, value_name = "NS/NAME", value_parser = parse_pod)]
    pub focus: Option<PodRef>,

    /// The output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Print JSON (the same as --format json).
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Csv,
}

const PROTOCOLS: [Protocol; 3] = [Protocol::Tcp, Protocol::Udp, Protocol::Sctp];

pub fn run(args: &ListArgs) -> anyhow::Result<ExitCode> {
    let manifests = match read_pods(&args.sources) {
        Ok(manifests) => manifests,
        Err(code) => return Ok(code),
    };
    let cluster = &manifests.cluster;
    let focus = match &args.focus {
        None => None,
        Some(pod) => match cluster.pod_position(pod) {
            Some(position) => Some(position),
            None => {
                return Ok(bad_input(&format!(
                    "no pod or workload {pod} in the manifests"
                )));
            }
        },
    };
    let engine: Engine = args.sources.engine.into();
    let listed = connections(cluster, engine, focus);
    if listed.unknown_ips {
        crate::tell!(
            "note: some pods have no status.podIP and policies use ipBlock: connections an ipBlock would allow to or from them are not listed (`netpol check` says UNKNOWN for them)"
        );
    }
    let format = if args.json { Format::Json } else { args.format };
    match format {
        Format::Text => text(&listed, cluster.pods().len(), engine),
        Format::Json => crate::say!(
            "{}",
            serde_json::to_string_pretty(&to_json(&listed, engine))?
        ),
        Format::Csv => csv(&listed),
    }
    Ok(ExitCode::SUCCESS)
}

fn text(listed: &Connections, pods: usize, engine: Engine) {
    for connection in &listed.connections {
        crate::say!("{connection}");
    }
    let pairs = pods * pods.saturating_sub(1);
    crate::say!(
        "{} of {pairs} pairs allowed on some port, on the {engine} engine",
        listed.connections.len()
    );
}

fn ranges(ports: &PortSet, protocol: Protocol) -> Vec<String> {
    ports
        .ranges(protocol)
        .iter()
        .map(|(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}-{b}")
            }
        })
        .collect()
}

fn to_json(listed: &Connections, engine: Engine) -> Value {
    let connections: Vec<Value> = listed
        .connections
        .iter()
        .map(|c| {
            let ports: Vec<Value> = PROTOCOLS
                .iter()
                .flat_map(|protocol| {
                    c.ports.ranges(*protocol).iter().map(move |(first, last)| {
                        json!({"protocol": protocol.to_string(), "from": first, "to": last})
                    })
                })
                .collect();
            json!({
                "from": c.from.to_string(),
                "to": c.to.to_string(),
                "all": c.ports.is_all(),
                "ports": ports,
                "text": c.ports.to_string(),
            })
        })
        .collect();
    json!({
        "engine": engine.to_string(),
        "connections": connections,
        "unlisted_unknown_ips": listed.unknown_ips,
    })
}

/// `from,to,protocol,ports`: one row per protocol of a pair, ports as `80 443 8000-8100`; a pair
/// allowed everything has one row `*,*`. Names are DNS-1123, so no field needs quoting.
fn csv(listed: &Connections) {
    crate::say!("from,to,protocol,ports");
    for c in &listed.connections {
        if c.ports.is_all() {
            crate::say!("{},{},*,*", c.from, c.to);
            continue;
        }
        for protocol in PROTOCOLS {
            let shown = ranges(&c.ports, protocol);
            if !shown.is_empty() {
                crate::say!("{},{},{protocol},{}", c.from, c.to, shown.join(" "));
            }
        }
    }
}
