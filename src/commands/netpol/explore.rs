//! `aks-tutor netpol explore FILE|DIR...`: reads the manifests as `matrix` does and hands an
//! [`Explorer`] on them to the command line, which opens the tutor at the explorer screen. Bad
//! input is said here, with its `path:line:col`, before any terminal is taken over.

use std::process::ExitCode;

use clap::Args;

use super::{Sources, parse_port, parse_protocol, read_pods};
use crate::netpol::explore::Explorer;
use crate::netpol::{PortRef, Protocol};

#[derive(Debug, Clone, Args)]
pub struct ExploreArgs {
    #[command(flatten)]
    pub sources: Sources,

    /// The port to ask about first (default: the container port the workloads declare most);
    /// `p` in the explorer cycles through the declared ones.
    #[arg(long, value_name = "PORT|NAME", value_parser = parse_port)]
    pub port: Option<PortRef>,

    /// The protocol to ask about first (default: TCP, or the most declared port's); `t` cycles.
    #[arg(long, value_name = "TCP|UDP|SCTP", value_parser = parse_protocol)]
    pub protocol: Option<Protocol>,
}

/// The explorer on the manifests, or the exit code after the problems were said.
pub fn explorer(args: &ExploreArgs) -> Result<Explorer, ExitCode> {
    let manifests = read_pods(&args.sources)?;
    let mut explorer = Explorer::new(manifests.cluster, args.sources.engine.into());
    let port = args.port.clone().unwrap_or_else(|| explorer.port().clone());
    let protocol = match (&args.port, args.protocol) {
        (_, Some(protocol)) => protocol,
        (Some(_), None) => Protocol::Tcp,
        (None, None) => explorer.protocol(),
    };
    if (&port, protocol) != (explorer.port(), explorer.protocol()) {
        explorer.set_port(port, protocol);
    }
    Ok(explorer)
}
