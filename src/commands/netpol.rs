//! `aks-tutor netpol check|matrix|list|explore`: evaluate NetworkPolicies in the manifests users have
//! (files, folders, `kubectl get -o yaml` dumps) from the command line. Exit 0 when it evaluated
//! (whatever the verdict), 2 on bad input: a usage error, an unreadable or malformed file, an
//! unknown pod or port name, or a question out of scope. Every line goes out through `say!` or
//! `tell!`: names come from manifests, which may be hostile.

mod explore;
mod list;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use serde_json::{Value, json};

use crate::netpol::{
    Connection, Engine, Manifests, Matched, PodRef, PortRef, Protocol, RuleMatch, SideVerdict,
    Verdict, evaluate, explain::describe_rule, load_files, matrix,
};

/// The exit code for bad input, the same as clap's for a usage error.
const BAD_INPUT: u8 = 2;

/// Evaluate Kubernetes NetworkPolicies: is a connection allowed, and why.
#[derive(Debug, Clone, Args)]
pub struct NetpolArgs {
    #[command(subcommand)]
    pub command: NetpolCommand,
}

#[derive(Debug, Clone, Subcommand)]
pub enum NetpolCommand {
    /// Is one connection allowed? Prints ALLOWED or DENIED with the policies and rules that decided.
    Check(CheckArgs),
    /// The reachability of every pod pair on one port (rows: from, columns: to).
    Matrix(MatrixArgs),
    /// Every allowed connection, per pair of pods or workloads, with its ports and protocols.
    List(list::ListArgs),
    /// Explore the reachability of every workload pair in the tutor: a grid to move over, a port,
    /// protocol, engine and namespace to choose, and Enter on a cell for why.
    Explore(explore::ExploreArgs),
}

/// The manifests to read, and the engine that enforces them.
#[derive(Debug, Clone, Args)]
pub struct Sources {
    /// Manifest files or folders (folders: *.yaml, *.yml, *.json, recursively): Namespaces, Pods,
    /// workloads (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob,
    /// ReplicationController), NetworkPolicies, and Lists such as `kubectl get ... -o yaml` gives.
    #[arg(required = true, value_name = "FILE|DIR")]
    pub files: Vec<PathBuf>,

    /// The policy engine: standard (Calico, Azure NPM) or cilium (Azure CNI Powered by Cilium).
    #[arg(long, value_enum, default_value_t = EngineArg::Standard)]
    pub engine: EngineArg,
}

/// What `check` and `matrix` share: the manifests and the port asked about.
#[derive(Debug, Clone, Args)]
pub struct Inputs {
    #[command(flatten)]
    pub sources: Sources,

    /// The destination port: a number, or a container port name of the destination pod.
    #[arg(long, value_name = "PORT|NAME", value_parser = parse_port)]
    pub port: PortRef,

    /// The protocol.
    #[arg(long, value_name = "TCP|UDP|SCTP", default_value = "TCP", value_parser = parse_protocol)]
    pub protocol: Protocol,
}

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub inputs: Inputs,

    /// The source: a pod or workload, or an IP address outside the cluster.
    #[arg(long, value_name = "NS/NAME|IP", value_parser = parse_pod)]
    pub from: PodRef,

    /// The destination: a pod or workload, or an IP address outside the cluster.
    #[arg(long, value_name = "NS/NAME|IP", value_parser = parse_pod)]
    pub to: PodRef,

    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Args)]
pub struct MatrixArgs {
    #[command(flatten)]
    pub inputs: Inputs,
}

/// The `--engine` values; a separate enum so the UI-free netpol module need not know clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EngineArg {
    Standard,
    Cilium,
}

impl From<EngineArg> for Engine {
    fn from(engine: EngineArg) -> Self {
        match engine {
            EngineArg::Standard => Engine::Standard,
            EngineArg::Cilium => Engine::Cilium,
        }
    }
}

pub fn parse_port(text: &str) -> Result<PortRef, String> {
    text.parse()
        .map_err(|error: crate::netpol::eval::BadPort| error.to_string())
}

pub fn parse_protocol(text: &str) -> Result<Protocol, String> {
    text.parse()
        .map_err(|error: crate::netpol::model::UnknownProtocol| error.to_string())
}

pub fn parse_pod(text: &str) -> Result<PodRef, String> {
    text.parse()
        .map_err(|error: crate::netpol::model::BadPodRef| error.to_string())
}

pub fn run(args: &NetpolArgs) -> anyhow::Result<ExitCode> {
    match &args.command {
        NetpolCommand::Check(check) => run_check(check),
        NetpolCommand::Matrix(matrix_args) => run_matrix(matrix_args),
        NetpolCommand::List(list_args) => list::run(list_args),
        // The command line opens the tutor for it, through [`explorer`].
        NetpolCommand::Explore(_) => Ok(bad_input(
            "explore opens the tutor: run it from the command line",
        )),
    }
}

/// For `netpol explore`, the explorer on its manifests (or the exit code once the problems were
/// said); `None` for the subcommands that print and exit.
pub fn explorer(args: &NetpolArgs) -> Option<Result<crate::netpol::explore::Explorer, ExitCode>> {
    match &args.command {
        NetpolCommand::Explore(explore_args) => Some(explore::explorer(explore_args)),
        _ => None,
    }
}

/// Reads the manifests, printing notes to stderr (stdout stays clean for `--json`).
fn read(sources: &Sources) -> Option<Manifests> {
    match load_files(&sources.files) {
        Ok(manifests) => {
            for note in &manifests.notes {
                crate::tell!("{note}");
            }
            Some(manifests)
        }
        Err(errors) => {
            crate::tell!("{errors}");
            None
        }
    }
}

/// Reads the manifests and insists on at least one pod.
fn read_pods(sources: &Sources) -> Result<Manifests, ExitCode> {
    let manifests = read(sources).ok_or(ExitCode::from(BAD_INPUT))?;
    if manifests.cluster.pods().is_empty() {
        return Err(bad_input(
            "the manifests hold no pods: no Pod and no workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController)",
        ));
    }
    Ok(manifests)
}

fn bad_input(message: &str) -> ExitCode {
    crate::tell!("aks-tutor netpol: {message}");
    ExitCode::from(BAD_INPUT)
}

fn run_check(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let Some(manifests) = read(&args.inputs.sources) else {
        return Ok(ExitCode::from(BAD_INPUT));
    };
    let connection = Connection {
        from: args.from.clone(),
        to: args.to.clone(),
        port: args.inputs.port.clone(),
        protocol: args.inputs.protocol,
    };
    let engine = args.inputs.sources.engine.into();
    let verdict = match evaluate(&manifests.cluster, engine, &connection) {
        Ok(verdict) => verdict,
        Err(error) => return Ok(bad_input(&error.to_string())),
    };
    if args.json {
        crate::say!("{}", serde_json::to_string_pretty(&verdict_json(&verdict))?);
    } else {
        crate::say!("{}", verdict.explanation().join("\n"));
        crate::say!("  engine: {}", engine_name(verdict.engine));
    }
    Ok(ExitCode::SUCCESS)
}

fn run_matrix(args: &MatrixArgs) -> anyhow::Result<ExitCode> {
    let manifests = match read_pods(&args.inputs.sources) {
        Ok(manifests) => manifests,
        Err(code) => return Ok(code),
    };
    match matrix(
        &manifests.cluster,
        args.inputs.sources.engine.into(),
        &args.inputs.port,
        args.inputs.protocol,
    ) {
        Ok(table) => {
            crate::say!("{table}");
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => Ok(bad_input(&error.to_string())),
    }
}

fn engine_name(engine: Engine) -> &'static str {
    match engine {
        Engine::Standard => "standard (Calico or Azure NPM semantics)",
        Engine::Cilium => "cilium (Azure CNI Powered by Cilium: ipBlock never selects pods)",
    }
}

/// `{"allowed": bool, "ingress": {...}, "egress": {...}}` plus the question asked.
pub fn verdict_json(verdict: &Verdict) -> Value {
    json!({
        "verdict": verdict.word(),
        "allowed": verdict.allowed(),
        "from": verdict.from.to_string(),
        "to": verdict.to.to_string(),
        "port": verdict.port,
        "port_name": verdict.port_name,
        "protocol": verdict.protocol.to_string(),
        "engine": verdict.engine.to_string(),
        "ingress": side_json(&verdict.ingress, verdict.engine),
        "egress": side_json(&verdict.egress, verdict.engine),
    })
}

fn side_json(side: &SideVerdict, engine: Engine) -> Value {
    json!({
        "pod": side.subject.to_string(),
        "isolated": side.isolated(),
        "allowed": side.allowed(),
        "policies": side.selecting.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "allowed_by": side.allowed_by.iter().map(rule_json).collect::<Vec<_>>(),
        "reason": side.reason(),
        "notes": side.notes(engine),
        "unknown_ips": side.unknown_ips.iter().map(|u| json!({
            "policy": u.policy.to_string(),
            "rule": u.rule_index,
            "peer": u.peer_index,
            "block": u.block,
        })).collect::<Vec<_>>(),
    })
}

fn rule_json(rule: &RuleMatch) -> Value {
    let entry = |matched: &Matched<String>| match matched {
        Matched::Any => Value::Null,
        Matched::Entry { index, text } => json!({"index": index, "text": text}),
    };
    json!({
        "policy": rule.policy.to_string(),
        "rule": rule.rule_index,
        "peer": entry(&rule.peer),
        "port": entry(&rule.port),
        "by_ip_block": rule.by_ip_block,
        "text": describe_rule(rule),
    })
}
