//! Writes a large, valid course folder: `topics` topics, each with two lessons (with tables, code
//! and an ELI5 version), a hands-on and a debugging lab, interview items and its share of
//! `questions` questions of every kind, in files of at most 100. The scale benchmark loads it;
//! a test checks that a small one stays valid as the format evolves.

#![allow(dead_code)] // each includer uses a different part

use std::fmt::Write as _;
use std::io;
use std::path::Path;

/// Questions per RON file: authors split files by subject, so none is huge.
const QUESTIONS_PER_FILE: usize = 100;

/// Writes the course into `dir` (which must exist).
pub fn write_synthetic_course(dir: &Path, topics: usize, questions: usize) -> io::Result<()> {
    for folder in ["lessons", "labs", "questions", "interview"] {
        std::fs::create_dir_all(dir.join(folder))?;
    }
    let mut course = String::from(
        "Course(\n    format_version: 1,\n    id: \"synthetic\",\n    title: \"Synthetic course\",\n    summary: \"Generated for benchmarks.\",\n    topics: [\n",
    );
    for t in 0..topics {
        let share = questions / topics + usize::from(t < questions % topics);
        let files = write_topic(dir, t, share)?;
        let quoted = |paths: &[String]| {
            paths
                .iter()
                .map(|p| format!("\"{p}\""))
                .collect::<Vec<_>>()
                .join(", ")
        };
        writeln!(
            course,
            "        Topic(id: \"topic-{t}\", title: \"Topic number {t}\", summary: \"What topic {t} covers\",\n            lessons: [\n                Lesson(id: \"lesson-{t}-a\", title: \"Lesson {t} A\", file: \"lessons/{t}-a.md\", eli5: \"lessons/{t}-a.eli5.md\"),\n                Lesson(id: \"lesson-{t}-b\", title: \"Lesson {t} B\", file: \"lessons/{t}-b.md\"),\n            ],\n            labs: [\"labs/{t}-hands-on.ron\", \"labs/{t}-debugging.ron\"],\n            questions: [{}],\n            interview: [\"interview/{t}.ron\"],\n        ),",
            quoted(&files)
        )
        .expect("writing to a String");
    }
    course.push_str("    ],\n)\n");
    std::fs::write(dir.join("course.ron"), course)
}

/// Writes one topic's lessons, labs, interview items and questions; returns its question files.
fn write_topic(dir: &Path, t: usize, questions: usize) -> io::Result<Vec<String>> {
    std::fs::write(dir.join(format!("lessons/{t}-a.md")), lesson(t, "a"))?;
    std::fs::write(dir.join(format!("lessons/{t}-b.md")), lesson(t, "b"))?;
    std::fs::write(
        dir.join(format!("lessons/{t}-a.eli5.md")),
        format!("## Like a post office {t}\n\nEvery house has an address, and letters find it.\n"),
    )?;
    std::fs::write(dir.join(format!("labs/{t}-hands-on.ron")), lab(t, false))?;
    std::fs::write(dir.join(format!("labs/{t}-debugging.ron")), lab(t, true))?;
    std::fs::write(dir.join(format!("interview/{t}.ron")), interview(t))?;
    let mut files = Vec::new();
    for (f, start) in (0..questions).step_by(QUESTIONS_PER_FILE).enumerate() {
        let end = (start + QUESTIONS_PER_FILE).min(questions);
        let path = format!("questions/{t}-{f}.ron");
        let items: String = (start..end).map(|q| question(t, q)).collect();
        std::fs::write(dir.join(&path), format!("[\n{items}]\n"))?;
        files.push(path);
    }
    Ok(files)
}

fn lesson(t: usize, part: &str) -> String {
    let mut text = String::new();
    for s in 0..6 {
        writeln!(
            text,
            "## Section {s} of lesson {t} {part}\n\nPods get **addresses** from the `pod CIDR`; nodes from the *node subnet*. \
             A [link](https://example.com/{t}/{s}) stays text. This paragraph is long enough to wrap at eighty columns and again at one hundred.\n\n\
             - first point\n- second point\n   1. nested\n\n\
             | Plugin | Pod IPs | Max nodes | Notes |\n|---|---|---|---|\n\
             | kubenet | NAT | 400 | one route per node |\n| Azure CNI | VNet | 64,000 | plan the subnet |\n| Overlay | private | 5,000 | the default |\n\n\
             > **Note:** Azure reserves five addresses in every subnet.\n\n\
             ```shell\naz aks show --name cluster-{t} --query networkProfile\n```\n"
        )
        .expect("writing to a String");
    }
    text
}

fn lab(t: usize, debugging: bool) -> String {
    let (id, kind, symptom) = if debugging {
        (
            "debugging",
            "Debugging",
            "    symptom: \"Pods cannot resolve names.\",\n",
        )
    } else {
        ("hands-on", "HandsOn", "")
    };
    let steps: String = (0..5)
        .map(|s| {
            format!(
                "        Step(id: \"step-{s}\", title: \"Step {s}\", purpose: \"Shows the state.\", command: \"kubectl get pods -n ns-{s}\", expected: \"NAME READY\\npod-{s} 1/1\", look_for: \"Running\"),\n"
            )
        })
        .collect();
    format!(
        "Lab(\n    id: \"lab-{t}-{id}\",\n    title: \"Lab {t} {id}\",\n    kind: {kind},\n{symptom}    intro: \"Work through it.\",\n    see: \"lesson-{t}-a#section-1-of-lesson-{t}-a\",\n    steps: [\n{steps}    ],\n)\n"
    )
}

fn interview(t: usize) -> String {
    let items: String = ["Beginner", "Intermediate", "Scenario"]
        .iter()
        .enumerate()
        .map(|(i, level)| {
            format!(
                "    InterviewItem(id: \"iv-{t}-{i}\", level: {level}, question: \"How do pods get IPs in topic {t}?\", answer: \"From the pod CIDR through the plugin; overlay keeps them off the VNet.\", key_points: [KeyPoint(text: \"pod CIDR\", keywords: [\"cidr\"]), KeyPoint(text: \"overlay\", keywords: [\"overlay\"])], hints: [\"Think of the plugin.\", \"Where do addresses come from?\"], see: \"lesson-{t}-b\"),\n"
            )
        })
        .collect();
    format!("[\n{items}]\n")
}

/// One question of the seven kinds in turn, each with its own id and lesson reference.
fn question(t: usize, q: usize) -> String {
    let kind = match q % 7 {
        0 => "SingleChoice(options: [\"kubenet\", \"Azure CNI\", \"Overlay\"], answer: 1)"
            .to_string(),
        1 => "MultiSelect(options: [\"kubenet\", \"Azure CNI\", \"Overlay\"], answers: [0, 2])"
            .to_string(),
        2 => "TrueFalse(answer: true)".to_string(),
        3 => format!("Number(answer: {})", 251 + q),
        4 => "Cidr(answer: \"10.2.0.0/16\")".to_string(),
        5 => "Word(accepted: [\"coredns\", \"core-dns\"])".to_string(),
        _ => "Ordering(items: [\"find\", \"show\", \"read\"])".to_string(),
    };
    let section = q % 6;
    format!(
        "    Question(\n        id: \"q-{t}-{q}\",\n        prompt: \"Question {q} of topic {t}: which answer is right?\",\n        kind: {kind},\n        explanation: \"Because of section {section}.\",\n        see: \"lesson-{t}-a#section-{section}-of-lesson-{t}-a\",\n    ),\n"
    )
}
