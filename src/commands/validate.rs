//! `aks-tutor validate [DIR]`: check a course folder the way the app loads it.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use crate::content::{self, Course, CourseDir, EmbeddedCourse, LabKind};

/// Prints a summary and returns success, or prints every problem and returns failure.
pub fn run(dir: Option<&Path>) -> ExitCode {
    let loaded = match dir {
        Some(dir) => content::load(&CourseDir::new(dir)),
        None => content::load(&EmbeddedCourse),
    };
    match loaded {
        Ok(course) => {
            println!("{}", summary(&course));
            ExitCode::SUCCESS
        }
        Err(problems) => {
            eprintln!("{problems}");
            let count = problems.0.len();
            eprintln!("{count} problem{} found", if count == 1 { "" } else { "s" });
            ExitCode::FAILURE
        }
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
    let _ = writeln!(text, "  topics:          {}", course.topics.len());
    let _ = writeln!(
        text,
        "  lessons:         {lessons} ({eli5} with an ELI5 version)"
    );
    let _ = writeln!(
        text,
        "  labs:            {} ({hands_on} hands-on, {debugging} debugging; {steps} steps)",
        hands_on + debugging
    );
    let _ = writeln!(text, "  questions:       {}", course.questions().count());
    let _ = write!(
        text,
        "  interview items: {}",
        course.interview_items().count()
    );
    text
}
