//! How `netpol matrix` and `netpol list` scale: synthetic clusters from 300 pods and 275 policies
//! to 3,000 pods and 2,750 policies (the generator is `aks_tutor::netpol::generate`), timing the
//! read of the manifests, the matrix on one port and the list of every allowed connection, with
//! the peak memory (VmHWM) and the growth exponent of the time from the smallest to the largest.
//!
//! `cargo run --release --example netpol_scale [PODS...]`, or `... -- --yaml PODS > cluster.yaml`
//! to time the command itself: `aks-tutor netpol matrix cluster.yaml --port 8080 > /dev/null`.

use std::time::{Duration, Instant};

use aks_tutor::netpol::generate::cluster_yaml;
use aks_tutor::netpol::list::for_each_connection;
use aks_tutor::netpol::{Engine, PortRef, Protocol, matrix, parse_sources};

/// Peak resident memory of this process so far, from /proc (Linux only).
fn peak_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn seconds(duration: Duration) -> f64 {
    duration.as_secs_f64()
}

struct Row {
    pods: usize,
    read: f64,
    matrix: f64,
    list: f64,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--yaml") {
        let pods: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(3000);
        print!("{}", cluster_yaml(pods, pods * 11 / 12, 7));
        return;
    }
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![300, 600, 1200, 3000]
    } else {
        sizes
    };
    println!(
        "{:>6} {:>8} {:>9} {:>9} {:>9} {:>11} {:>9}",
        "pods", "policies", "read s", "matrix s", "list s", "connections", "peak MiB"
    );
    let mut rows = Vec::new();
    for pods in sizes {
        let policies = pods * 11 / 12;
        let yaml = cluster_yaml(pods, policies, 7);
        let started = Instant::now();
        let cluster = parse_sources([("generated.yaml", yaml.as_str())])
            .expect("generated manifests are valid")
            .cluster;
        let read = seconds(started.elapsed());
        drop(yaml);
        let started = Instant::now();
        let table = matrix(
            &cluster,
            Engine::Standard,
            &PortRef::Number(8080),
            Protocol::Tcp,
        )
        .expect("matrix");
        let matrix_time = seconds(started.elapsed());
        drop(table);
        let started = Instant::now();
        let mut count = 0usize;
        for_each_connection(&cluster, Engine::Standard, None, |_| count += 1);
        let list = seconds(started.elapsed());
        println!(
            "{pods:>6} {policies:>8} {read:>9.3} {matrix_time:>9.3} {list:>9.3} {count:>11} {:>9.1}",
            peak_memory_mib().unwrap_or(f64::NAN)
        );
        rows.push(Row {
            pods,
            read,
            matrix: matrix_time,
            list,
        });
    }
    if let (Some(first), Some(last)) = (rows.first(), rows.last())
        && last.pods > first.pods
    {
        let ratio = (last.pods as f64 / first.pods as f64).ln();
        let exponent = |a: f64, b: f64| (b.max(1e-6) / a.max(1e-6)).ln() / ratio;
        println!(
            "growth from {} to {} pods: time ~ pods^k with k = {:.2} (read), {:.2} (matrix), {:.2} (list); pairs grow with k = 2",
            first.pods,
            last.pods,
            exponent(first.read, last.read),
            exponent(first.matrix, last.matrix),
            exponent(first.list, last.list)
        );
    }
}
