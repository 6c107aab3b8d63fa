//! `aks-tutor netpol list`: every allowed connection, one line per pair, as text, JSON or CSV.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde_json::{Value, json};

use super::{Sources, bad_input, parse_pod, read_pods};
use crate::inert::{inert, write_line};
use crate::netpol::list::{Listed, PortSet, for_each_connection};
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
    let format = if args.json { Format::Json } else { args.format };
    // Millions of pairs are possible: lines are written as they are found, into one buffer.
    // Names go through the inert gate once each, here; the rest of a line is text we make.
    let names: Vec<String> = cluster
        .pods()
        .iter()
        .map(|pod| inert(&pod.pod_ref().to_string()).into_owned())
        .collect();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut count = 0usize;
    let mut result = Ok(());
    if format == Format::Json {
        result = write_line(
            &mut out,
            &format!("{{\"engine\": \"{engine}\", \"connections\": ["),
        );
    } else if format == Format::Csv {
        result = write_line(&mut out, "from,to,protocol,ports");
    }
    let unknown_ips = for_each_connection(cluster, engine, focus, |listed| {
        if result.is_err() {
            return;
        }
        count += 1;
        result = match format {
            Format::Text => {
                let (from, to) = (&names[listed.from_index], &names[listed.to_index]);
                if listed.ports.is_all() {
                    writeln!(out, "{from} => {to} : All connections")
                } else {
                    writeln!(out, "{from} => {to} : {}", listed.ports)
                }
            }
            Format::Json => {
                let separator = if count > 1 { "," } else { "" };
                write_line(&mut out, &format!("{separator}{}", to_json(listed)))
            }
            Format::Csv => csv(
                &mut out,
                &names[listed.from_index],
                &names[listed.to_index],
                listed.ports,
            ),
        };
    });
    let pairs = cluster.pods().len() * cluster.pods().len().saturating_sub(1);
    result = result.and_then(|()| match format {
        Format::Json => write_line(
            &mut out,
            &format!("], \"unlisted_unknown_ips\": {unknown_ips}}}"),
        ),
        Format::Text => write_line(
            &mut out,
            &format!("{count} of {pairs} pairs allowed on some port, on the {engine} engine"),
        ),
        Format::Csv => Ok(()),
    });
    let _ = result.and_then(|()| out.flush());
    if unknown_ips {
        crate::tell!(
            "note: some pods have no status.podIP and policies use ipBlock: connections an ipBlock would allow to or from them are not listed (`netpol check` says UNKNOWN for them)"
        );
    }
    Ok(ExitCode::SUCCESS)
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

fn to_json(listed: Listed<'_>) -> Value {
    let ports: Vec<Value> = PROTOCOLS
        .iter()
        .flat_map(|protocol| {
            listed
                .ports
                .ranges(*protocol)
                .iter()
                .map(move |(first, last)| {
                    json!({"protocol": protocol.to_string(), "from": first, "to": last})
                })
        })
        .collect();
    json!({
        "from": listed.from.pod_ref().to_string(),
        "to": listed.to.pod_ref().to_string(),
        "all": listed.ports.is_all(),
        "ports": ports,
        "text": listed.ports.to_string(),
    })
}

/// `from,to,protocol,ports`: one row per protocol of a pair, ports as `80 443 8000-8100`; a pair
/// allowed everything has one row `*,*`. Names are DNS-1123, so no field needs quoting.
fn csv(out: &mut impl Write, from: &str, to: &str, ports: &PortSet) -> std::io::Result<()> {
    if ports.is_all() {
        return writeln!(out, "{from},{to},*,*");
    }
    for protocol in PROTOCOLS {
        let shown = ranges(ports, protocol);
        if !shown.is_empty() {
            writeln!(out, "{from},{to},{protocol},{}", shown.join(" "))?;
        }
    }
    Ok(())
}
