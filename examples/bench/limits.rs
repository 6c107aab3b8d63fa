//! What the stated limits cost (README, "Limits"): markdown nested 10,000 levels deep, which the
//! converter refuses without recursing, and saving a large progress file, whose layout keeps it
//! proportional to what it holds.

use std::hint::black_box;

use aks_tutor::content::markdown;
use aks_tutor::progress::file::{to_ron, write_atomically};
use aks_tutor::progress::{ItemKind, Mode, Outcome, Progress, Timestamp};

use crate::{heading, report, time};

pub fn limits() {
    heading("Limits: 10,000 levels of nesting, a large progress file");
    let levels = 10_000;
    let cases = [
        ("block quote", format!("{} deep\n", ">".repeat(levels))),
        ("list", format!("{} deep\n", "- ".repeat(levels))),
        (
            "quotes in lists",
            format!("{} deep\n", "> 1. ".repeat(levels)),
        ),
        (
            "images",
            format!("{}x{}\n", "![".repeat(levels), "](u)".repeat(levels)),
        ),
    ];
    for (what, source) in cases {
        let figures = time(50, || {
            let (blocks, issues) = markdown::parse(&source);
            assert_eq!(issues.len(), 1, "refused once");
            black_box(blocks);
        });
        report(
            &format!("{what}, 10,000 levels: refused"),
            &figures,
            "bounded",
        );
    }

    let progress = large_progress(500, 200);
    let text = to_ron(&progress).expect("serialises");
    let compact = ron::to_string(&progress).expect("serialises").len();
    println!(
        "(100,000 answers: {:.1} MB saved, {:.2} times the compact RON)",
        text.len() as f64 / 1e6,
        text.len() as f64 / compact as f64
    );
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("bench.ron");
    let figures = time(10, || {
        let text = to_ron(&progress).expect("serialises");
        write_atomically(&path, text.as_bytes()).expect("saves");
    });
    report(
        "save 100,000 answers (serialise, write, fsync)",
        &figures,
        "",
    );
}

/// `items` questions answered `answers` times each.
fn large_progress(items: usize, answers: usize) -> Progress {
    let mut progress = Progress::default();
    let mut at = Timestamp::parse_rfc3339("2026-01-01T00:00:00Z").expect("a time");
    for round in 0..answers {
        for item in 0..items {
            let score = if (item + round) % 3 == 0 { 0.0 } else { 1.0 };
            let _ = progress.record_answer(
                ItemKind::Question,
                &format!("q-{item:04}"),
                Outcome::Score(score),
                Mode::Quiz,
                at,
            );
            at = at.plus_minutes(1);
        }
    }
    progress
}
