//! `aks-tutor validate [DIR]`: check a course folder the way the app loads it, and answer every
//! network policy scenario with the evaluator (the loader checks their shape, not their YAML).

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use crate::content::{self, Course, CourseDir, EmbeddedCourse, LabKind};
use crate::debug::shortest_paths;
use crate::netpol::{ScenarioError, answer_course};

/// Prints a summary and returns success, or prints every problem and returns failure.
pub fn run(dir: Option<&Path>) -> ExitCode {
    let loaded = match dir {
        Some(dir) => content::load(&CourseDir::new(dir)),
        None => content::load(&EmbeddedCourse),
    };
    let problems: Vec<String> = match &loaded {
        Ok(course) => match answer_course(course) {
            Ok(_) => {
                crate::say!("{}", summary(course));
                return ExitCode::SUCCESS;
            }
            Err(errors) => errors.iter().flat_map(problem_lines).collect(),
        },
        Err(problems) => problems.0.iter().map(ToString::to_string).collect(),
    };
    // Every line goes through the inert gate: `validate` is what one runs on a course one does
    // not trust yet, and its ids, references and file names are the author's text.
    for problem in &problems {
        crate::tell!("{problem}");
    }
    let count = problems.len();
    crate::tell!("{count} problem{} found", if count == 1 { "" } else { "s" });
    ExitCode::FAILURE
}

/// One line per problem: a scenario's YAML may have several.
fn problem_lines(error: &ScenarioError) -> Vec<String> {
    match error {
        ScenarioError::Manifests(errors) => errors.0.iter().map(ToString::to_string).collect(),
        other => vec![other.to_string()],
    }
}

/// What a valid course holds, in a few lines.
pub fn summary(course: &Course) -> String {
    let lessons = course.lessons().count();
    let eli5 = course.lessons().filter(|l| l.eli5.is_some()).count();
    let hands_on = course.labs().filter(|l| l.kind == LabKind::HandsOn).count();
    let debugging = course
        .labs()
        .filter(|l| l.kind == LabKind::Debugging)
        .count();
    let steps: usize = course.labs().map(|l| l.steps.len()).sum();
    let mut text = format!("{} ({}): valid\n", course.title, course.id);
    let _ = writeln!(text, "  topics:           {}", course.topics.len());
    // `quiz --topic ID` and friends take these ids; this is where their help sends the learner.
    let ids: Vec<&str> = course.topics.iter().map(|t| t.id.as_str()).collect();
    let _ = writeln!(text, "  topic ids:        {}", ids.join(", "));
    let _ = writeln!(
        text,
        "  lessons:          {lessons} ({eli5} with an ELI5 version)"
    );
    let _ = writeln!(
        text,
        "  labs:             {} ({hands_on} hands-on, {debugging} debugging; {steps} steps)",
        hands_on + debugging
    );
    let _ = writeln!(text, "  questions:        {}", course.questions().count());
    let _ = writeln!(
        text,
        "  interview items:  {}",
        course.interview_items().count()
    );
    let _ = write!(
        text,
        "  netpol scenarios: {} ({} predictions)",
        course.netpol_scenarios().count(),
        course.netpol_questions().count()
    );
    debug_summary(&mut text, course);
    text
}

/// The debugging labs: how many, their causes, and each one's shortest paths (the steps that prove
/// a cause), which the loader has checked exist.
fn debug_summary(text: &mut String, course: &Course) {
    let scenarios: Vec<_> = course.debug_scenarios().collect();
    let causes: usize = scenarios.iter().map(|s| s.causes.len()).sum();
    let _ = write!(
        text,
        "\n  debug scenarios:  {} ({causes} causes)",
        scenarios.len()
    );
    for scenario in scenarios {
        let steps: Vec<usize> = shortest_paths(scenario)
            .iter()
            .map(|(_, proof)| proof.len())
            .collect();
        let (least, most) = (
            steps.iter().min().copied().unwrap_or(0),
            steps.iter().max().copied().unwrap_or(0),
        );
        let range = if least == most {
            format!("{least}")
        } else {
            format!("{least} to {most}")
        };
        let _ = write!(
            text,
            "\n    {}: {} causes, shortest paths {range} step{}",
            scenario.id,
            scenario.causes.len(),
            if most == 1 { "" } else { "s" }
        );
    }
}
