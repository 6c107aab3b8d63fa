//! `aks-tutor plan`: size a node pool and validate a whole network plan from the command line.
//!
//! Parsing lives here as clap `value_parser` functions, so bad input is a usage error (exit 2) that names the
//! flag; the sizing engine decides everything else (exit 0 valid, 1 invalid).

mod output;

use std::net::Ipv4Addr;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use ipnet::Ipv4Net;

use crate::sizing::{IpMode, NetworkPlan, Surge, parse_cidr, parse_ipv4};

/// Size a node pool and check a network plan against AKS's rules.
///
/// `next_help_heading` puts these options under a heading of their own in `plan --help`, apart from
/// the global options every command takes.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Plan options")]
pub struct PlanArgs {
    /// The IP mode; cilium means Azure CNI Powered by Cilium on overlay addressing; the two
    /// azure-cni-pod-subnet modes are Azure CNI Pod Subnet with dynamic IP or static block allocation.
    #[arg(long, value_enum, value_name = "PLUGIN")]
    pub plugin: PluginArg,

    /// Nodes in the pool (surge nodes come on top).
    #[arg(long, value_name = "N", value_parser = parse_node_count, allow_negative_numbers = true)]
    pub nodes: u32,

    /// Max pods per node (default: kubenet and pod subnet 110, azure-cni 30, overlay and cilium 250).
    #[arg(long, value_name = "P", value_parser = parse_max_pods, allow_negative_numbers = true)]
    pub max_pods: Option<u32>,

    /// Max surge during upgrades: a node count, or a percentage of the nodes rounded up (default here 1;
    /// AKS's API default for new node pools is 10%).
    #[arg(long, value_name = "S|S%", value_parser = parse_surge, allow_negative_numbers = true)]
    pub surge: Option<Surge>,

    /// An address range of the cluster's VNet (repeat for several).
    #[arg(long = "vnet", value_name = "CIDR", value_parser = parse_cidr_arg)]
    pub vnets: Vec<Ipv4Net>,

    /// A peered VNet or on-premises range the cluster must reach (repeat for several).
    #[arg(long = "peered", value_name = "CIDR", value_parser = parse_cidr_arg)]
    pub peered: Vec<Ipv4Net>,

    /// The subnet the nodes (and, with azure-cni, the pods) take their IPs from.
    #[arg(long, value_name = "CIDR", value_parser = parse_cidr_arg)]
    pub node_subnet: Option<Ipv4Net>,

    /// The pod CIDR for kubenet, overlay and cilium (default 10.244.0.0/16).
    #[arg(long, value_name = "CIDR", value_parser = parse_cidr_arg)]
    pub pod_cidr: Option<Ipv4Net>,

    /// The pod subnet for the azure-cni-pod-subnet modes (no default).
    #[arg(long, value_name = "CIDR", value_parser = parse_cidr_arg)]
    pub pod_subnet: Option<Ipv4Net>,

    /// The Kubernetes service CIDR (default 10.0.0.0/16).
    #[arg(long, value_name = "CIDR", value_parser = parse_cidr_arg)]
    pub service_cidr: Option<Ipv4Net>,

    /// CoreDNS's service IP (default: the .10 address of the service CIDR).
    #[arg(long, value_name = "IP", value_parser = parse_ip_arg)]
    pub dns_service_ip: Option<Ipv4Addr>,

    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

/// The `--plugin` values; a separate enum so the UI-free sizing module need not know clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PluginArg {
    Kubenet,
    AzureCni,
    AzureCniOverlay,
    Cilium,
    AzureCniPodSubnet,
    AzureCniPodSubnetStatic,
}

impl From<PluginArg> for IpMode {
    fn from(plugin: PluginArg) -> Self {
        match plugin {
            PluginArg::Kubenet => IpMode::Kubenet,
            PluginArg::AzureCni => IpMode::AzureCni,
            PluginArg::AzureCniOverlay => IpMode::AzureCniOverlay,
            PluginArg::Cilium => IpMode::Cilium,
            PluginArg::AzureCniPodSubnet => IpMode::PodSubnetDynamic,
            PluginArg::AzureCniPodSubnetStatic => IpMode::PodSubnetStatic,
        }
    }
}

/// The most nodes `plan` sizes: far above AKS's own limits (1,000 per pool, 5,000 per cluster), so
/// those are still taught as findings, yet small enough that no figure overflows.
pub const MOST_NODES: u32 = 100_000;
/// The most max pods `plan` takes: far above AKS's 250, for the same reason.
pub const MOST_MAX_PODS: u32 = 100_000;

/// Digits only: `u32::from_str` accepts a leading `+`, which no one means in a count.
fn whole_number(text: &str) -> Option<u32> {
    let trimmed = text.trim();
    if trimmed.is_empty() || !trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    trimmed.parse().ok()
}

/// A whole number of nodes, from 1 to [`MOST_NODES`].
pub fn parse_node_count(text: &str) -> Result<u32, String> {
    match whole_number(text) {
        Some(0) => Err("a pool needs at least 1 node".to_string()),
        Some(nodes) if nodes <= MOST_NODES => Ok(nodes),
        Some(_) => Err(format!(
            "'{text}' is more nodes than aks-tutor plans (at most 100,000); AKS itself allows 1,000 per node pool and 5,000 per cluster"
        )),
        None => Err(format!(
            "'{text}' is not a node count; give a whole number such as 50"
        )),
    }
}

/// A whole number of pods; whether AKS accepts it (10 to 250) is the validator's finding, not a usage error.
pub fn parse_max_pods(text: &str) -> Result<u32, String> {
    match whole_number(text) {
        Some(pods) if pods <= MOST_MAX_PODS => Ok(pods),
        Some(_) => Err(format!(
            "'{text}' is more max pods than aks-tutor plans (at most 100,000); AKS allows 10 to 250"
        )),
        None => Err(format!(
            "'{text}' is not a pod count; give a whole number from 10 to 250"
        )),
    }
}

pub fn parse_surge(text: &str) -> Result<Surge, String> {
    text.parse()
        .map_err(|error: crate::sizing::SurgeError| error.to_string())
}

pub fn parse_cidr_arg(text: &str) -> Result<Ipv4Net, String> {
    parse_cidr(text).map_err(|error| error.to_string())
}

pub fn parse_ip_arg(text: &str) -> Result<Ipv4Addr, String> {
    parse_ipv4(text).map_err(|error| error.to_string())
}

impl PlanArgs {
    /// The plan these flags describe.
    pub fn to_plan(&self) -> NetworkPlan {
        NetworkPlan {
            plugin: self.plugin.into(),
            nodes: self.nodes,
            max_pods: self.max_pods,
            surge: self.surge.unwrap_or_default(),
            vnets: self.vnets.clone(),
            peered: self.peered.clone(),
            node_subnet: self.node_subnet,
            pod_cidr: self.pod_cidr,
            pod_subnet: self.pod_subnet,
            service_cidr: self.service_cidr,
            dns_service_ip: self.dns_service_ip,
        }
    }
}

/// Prints the sizing and the findings; exit 0 for a valid plan, 1 for an invalid one. Repeated ranges
/// count once (see [`NetworkPlan::deduplicated`]), so the report shows them once too.
pub fn run(args: &PlanArgs) -> anyhow::Result<ExitCode> {
    let plan = args.to_plan().deduplicated();
    let report = plan.validate();
    let text = if args.json {
        output::json(&plan, &report)?
    } else {
        output::text(&plan, &report)
    };
    crate::say!("{text}");
    Ok(if report.is_valid() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
