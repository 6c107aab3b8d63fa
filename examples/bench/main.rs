//! Benchmarks for the quality bars of `product.md`. The figures in README's "Performance" section
//! come from here, never from tests (tests must not time anything). Plain `std::time::Instant`
//! over many iterations, reporting the median and the 95th percentile, keeps the dependency tree
//! lean; run it in release:
//!
//! ```text
//! cargo run --release --example bench              # every section
//! cargo run --release --example bench -- render    # sections whose name contains "render"
//! ```
//!
//! The launch, idle and memory figures need a real terminal: see `examples/launch.rs`.

#[path = "../../tests/common/tour.rs"]
mod tour;

#[path = "../../tests/common/synthetic_course.rs"]
mod synthetic_course;

mod content;
mod engines;
mod limits;
mod screens;

use std::time::{Duration, Instant};

/// The median and 95th percentile of some timed runs.
pub struct Figures {
    pub runs: usize,
    pub median: Duration,
    pub p95: Duration,
    pub max: Duration,
}

impl Figures {
    pub fn of(mut samples: Vec<Duration>) -> Self {
        assert!(!samples.is_empty(), "nothing was timed");
        samples.sort();
        let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
        Figures {
            runs: samples.len(),
            median: at(0.5),
            p95: at(0.95),
            max: *samples.last().expect("not empty"),
        }
    }
}

/// Times `iterations` calls of `f` (after a few warm-up calls that are not counted).
pub fn time(iterations: usize, mut f: impl FnMut()) -> Figures {
    for _ in 0..iterations.min(3) {
        f();
    }
    let samples = (0..iterations)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    Figures::of(samples)
}

/// One line of the report: what, then the figures, then the bar it is held to.
pub fn report(what: &str, figures: &Figures, bar: &str) {
    println!(
        "{what:<52} {:>10} {:>10} {:>10} {:>7}  {bar}",
        show(figures.median),
        show(figures.p95),
        show(figures.max),
        figures.runs,
    );
}

pub fn show(duration: Duration) -> String {
    let micros = duration.as_secs_f64() * 1e6;
    if micros < 1000.0 {
        format!("{micros:.1} µs")
    } else {
        format!("{:.2} ms", micros / 1000.0)
    }
}

pub fn heading(title: &str) {
    println!("\n## {title}");
    println!(
        "{:<52} {:>10} {:>10} {:>10} {:>7}  bar",
        "", "median", "p95", "max", "runs"
    );
}

fn main() {
    if cfg!(debug_assertions) {
        eprintln!("warning: a debug build; run with --release for figures worth keeping");
    }
    let filter = std::env::args().nth(1).unwrap_or_default();
    let sections: [(&str, fn()); 6] = [
        ("content", content::embedded),
        ("render", screens::render_every_screen),
        ("synthetic", content::synthetic),
        ("sizing", engines::sizing),
        ("netpol", engines::netpol),
        ("limits", limits::limits),
    ];
    for (name, run) in sections {
        if name.contains(&filter) {
            run();
        }
    }
}
