//! The all-pairs answers (`matrix`, `list`) against the one-pair evaluator they optimise, on
//! generated clusters with every policy shape the generator knows, on both engines.

use crate::netpol::eval::{Connection, Engine, EvalError, PortRef, evaluate};
use crate::netpol::generate::cluster_yaml;
use crate::netpol::list::connections;
use crate::netpol::manifest::parse_sources;
use crate::netpol::matrix::{Cell, matrix};
use crate::netpol::model::{Cluster, Protocol};

fn generated(pods: usize, policies: usize, seed: u64) -> Cluster {
    let yaml = cluster_yaml(pods, policies, seed);
    parse_sources([("generated.yaml", yaml.as_str())])
        .expect("generated manifests are valid")
        .cluster
}

fn ask(
    cluster: &Cluster,
    engine: Engine,
    from: usize,
    to: usize,
    port: PortRef,
    protocol: Protocol,
) -> Result<crate::netpol::Verdict, EvalError> {
    let pods = cluster.pods();
    evaluate(
        cluster,
        engine,
        &Connection {
            from: pods[from].pod_ref(),
            to: pods[to].pod_ref(),
            port,
            protocol,
        },
    )
}

#[test]
fn the_matrix_agrees_with_every_pair_evaluated_alone() {
    let questions = [
        (PortRef::Number(8080), Protocol::Tcp),
        (PortRef::Name("http".into()), Protocol::Tcp),
        (PortRef::Number(5432), Protocol::Tcp),
        (PortRef::Number(53), Protocol::Udp),
    ];
    for seed in 1..=3 {
        let cluster = generated(70, 64, seed);
        for engine in [Engine::Standard, Engine::Cilium] {
            for (port, protocol) in &questions {
                let table = matrix(&cluster, engine, port, *protocol).expect("matrix");
                let mut unknown = 0;
                for from in 0..cluster.pods().len() {
                    for to in 0..cluster.pods().len() {
                        let expected =
                            match ask(&cluster, engine, from, to, port.clone(), *protocol) {
                                Ok(v) if v.allowed() => Cell::Allowed,
                                Ok(v) if v.undecided() => Cell::Unknown,
                                Ok(_) => Cell::Denied,
                                Err(EvalError::SelfTraffic(_)) => Cell::SelfPair,
                                Err(EvalError::UnknownPortName { .. }) => Cell::NoSuchPort,
                                Err(other) => panic!("{other}"),
                            };
                        unknown += usize::from(expected == Cell::Unknown);
                        assert_eq!(
                            table.cell(from, to),
                            expected,
                            "seed {seed} {engine} {protocol} {port}: {} -> {}",
                            table.pods[from],
                            table.pods[to]
                        );
                    }
                }
                if engine == Engine::Cilium {
                    assert_eq!(unknown, 0, "on Cilium an ipBlock never selects pods");
                }
            }
        }
    }
}

#[test]
fn every_listed_connection_is_allowed_and_every_other_is_not() {
    let probes = [
        (Protocol::Tcp, 53),
        (Protocol::Tcp, 80),
        (Protocol::Tcp, 5429),
        (Protocol::Tcp, 5432),
        (Protocol::Tcp, 5440),
        (Protocol::Tcp, 5441),
        (Protocol::Tcp, 8080),
        (Protocol::Udp, 53),
        (Protocol::Udp, 8080),
        (Protocol::Sctp, 8080),
    ];
    for seed in 4..=5 {
        let cluster = generated(64, 58, seed);
        for engine in [Engine::Standard, Engine::Cilium] {
            let listed = connections(&cluster, engine, None);
            assert!(listed.connections.len() > 10, "a useful cluster");
            let pods = cluster.pods();
            for from in 0..pods.len() {
                for to in (0..pods.len()).filter(|to| *to != from) {
                    let entry = listed
                        .connections
                        .iter()
                        .find(|c| c.from == pods[from].pod_ref() && c.to == pods[to].pod_ref());
                    for (protocol, port) in probes {
                        let verdict =
                            ask(&cluster, engine, from, to, PortRef::Number(port), protocol)
                                .expect("evaluates");
                        let in_list = entry.is_some_and(|c| c.ports.contains(protocol, port));
                        assert_eq!(
                            in_list,
                            verdict.allowed(),
                            "seed {seed} {engine}: {} -> {} {protocol} {port}: {:?}",
                            pods[from].pod_ref(),
                            pods[to].pod_ref(),
                            entry.map(ToString::to_string)
                        );
                    }
                }
            }
            let focus = 3;
            let focused = connections(&cluster, engine, Some(focus));
            let expected: Vec<_> = listed
                .connections
                .iter()
                .filter(|c| c.from == pods[focus].pod_ref() || c.to == pods[focus].pod_ref())
                .cloned()
                .collect();
            assert_eq!(focused.connections, expected);
        }
    }
}
