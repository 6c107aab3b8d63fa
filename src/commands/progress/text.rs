//! The text of `aks-tutor progress`: every kind of the learning record, the same way (due counts
//! from the one definition in `progress::due`). The caller prints it through the inert gate.

use std::fmt::Write as _;
use std::path::Path;

use super::{duration, percent};
use crate::progress::ProfileName;
use crate::progress::summary::ProgressSummary;

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

pub(super) fn text_report(profile: &ProfileName, path: &Path, summary: &ProgressSummary) -> String {
    let mut text = String::new();
    match &summary.learner_name {
        Some(name) => {
            let _ = writeln!(text, "{name} · profile {profile} ({})", path.display());
        }
        None => {
            let _ = writeln!(text, "Profile {profile} ({})", path.display());
        }
    }
    let _ = writeln!(
        text,
        "Mastery {} · {} answered, {} right · {} due now ({} within 24 h) · streak {} · {} spent",
        percent(summary.mastery),
        summary.answers,
        summary.right,
        summary.due.now,
        summary.due.next_24_hours,
        plural(summary.streak_days as usize, "day", "days"),
        duration(summary.time_spent_seconds),
    );
    due_line(&mut text, summary);
    if let Some(session) = &summary.last_session {
        let _ = writeln!(
            text,
            "Last session {} · {} · {} answered, {} right",
            session.started.utc_date(),
            duration(session.seconds),
            session.answered,
            session.right
        );
    }
    let done = &summary.completion;
    let _ = writeln!(
        text,
        "Lessons finished {} of {} · lab steps done {} of {} · labs completed {} of {}",
        done.lessons_finished,
        done.lessons,
        done.lab_steps_done,
        done.lab_steps,
        done.labs_completed,
        done.labs
    );
    topics(&mut text, summary);
    sizing(&mut text, summary);
    labs(&mut text, summary);
    exams(&mut text, summary);
    sittings(&mut text, summary);
    let gone = summary.items_not_in_course;
    if gone > 0 {
        let _ = writeln!(
            text,
            "\n{gone} answered item{} no longer in the course: kept in the file, not counted.",
            if gone == 1 { " is" } else { "s are" }
        );
    }
    text
}

/// "Due now: 2 questions, 1 interview item" — every class with something due, from one function.
fn due_line(text: &mut String, summary: &ProgressSummary) {
    let parts: Vec<String> = summary
        .due
        .by_class
        .iter()
        .filter(|c| c.next_24_hours > 0)
        .map(|c| format!("{} {} ({} now)", c.class.label(), c.next_24_hours, c.now))
        .collect();
    if !parts.is_empty() {
        let _ = writeln!(text, "Due within 24 h: {}", parts.join(", "));
    }
}

fn topics(text: &mut String, summary: &ProgressSummary) {
    let width = summary
        .topics
        .iter()
        .map(|t| t.title.chars().count())
        .max()
        .unwrap_or(0)
        .max("Topic".len());
    let _ = writeln!(
        text,
        "\n{:<width$}  {:>7}  {:>8}  {:>8}  {:>5}  {:>3}  {:>7}  {:>9}",
        "Topic", "Mastery", "Items", "Answers", "Right", "Due", "Lessons", "Lab steps"
    );
    for topic in &summary.topics {
        let _ = writeln!(
            text,
            "{:<width$}  {:>7}  {:>8}  {:>8}  {:>5}  {:>3}  {:>7}  {:>9}",
            topic.title,
            percent(topic.mastery),
            format!("{}/{}", topic.items_answered, topic.items),
            topic.answers,
            topic.right,
            topic.due_now,
            format!("{}/{}", topic.lessons_finished, topic.lessons),
            format!("{}/{}", topic.lab_steps_done, topic.lab_steps),
        );
    }
}

fn sizing(text: &mut String, summary: &ProgressSummary) {
    let practised: Vec<_> = summary.sizing.iter().filter(|s| s.answers > 0).collect();
    if practised.is_empty() {
        let _ = writeln!(text, "\nSizing skills: none practised yet.");
        return;
    }
    let _ = writeln!(text, "\nSizing skills");
    for skill in practised {
        let due = skill
            .due
            .map_or_else(|| "not scheduled".to_string(), |d| format!("due {d}"));
        let _ = writeln!(
            text,
            "  {:<22} {:>5} · {} answered, {} right · {due}",
            skill.title,
            percent(skill.latest_score),
            skill.answers,
            skill.right
        );
    }
}

fn labs(text: &mut String, summary: &ProgressSummary) {
    let p = &summary.predictions;
    let _ = writeln!(
        text,
        "\nPolicy predictions: {} of {} made, {} right at the latest answer",
        p.made, p.predictions, p.right
    );
    if summary.debug_labs.is_empty() {
        let _ = writeln!(text, "Debugging labs: none played yet.");
        return;
    }
    let _ = writeln!(text, "Debugging labs");
    for lab in &summary.debug_labs {
        let steps = lab.fewest_steps.map_or_else(
            || "not solved yet".to_string(),
            |s| format!("best {s} steps (shortest {})", lab.shortest),
        );
        let _ = writeln!(
            text,
            "  {} · cause {} · solved {} of {} · {steps} · best score {}",
            lab.scenario,
            lab.cause,
            lab.solved,
            lab.attempts,
            percent(lab.best_score)
        );
    }
}

fn exams(text: &mut String, summary: &ProgressSummary) {
    if summary.exams.is_empty() {
        let _ = writeln!(text, "\nMock exams: none taken yet.");
        return;
    }
    let _ = writeln!(text, "\nMock exams");
    for exam in &summary.exams {
        let _ = writeln!(
            text,
            "  {} · {} · {} · {} right of {} ({} answered)",
            exam.finished.utc_date(),
            duration(exam.seconds),
            percent(Some(exam.score)),
            exam.right,
            exam.asked,
            exam.answered
        );
    }
    let trend = &summary.exam_trend;
    let change = trend.change.map_or_else(
        || "one attempt so far".to_string(),
        |c| format!("{:+.0} points since the one before", c * 100.0),
    );
    let _ = writeln!(
        text,
        "  Trend: latest {} · best {} · {change}",
        percent(trend.latest),
        percent(trend.best)
    );
}

fn sittings(text: &mut String, summary: &ProgressSummary) {
    for sitting in &summary.sittings {
        let _ = writeln!(
            text,
            "\nUnfinished {:?} from {}: question {} of {}, {} answered. Continue from home to resume it.",
            sitting.mode,
            sitting.updated.utc_date(),
            (sitting.position + 1).min(sitting.items.max(1)),
            sitting.items,
            sitting.answered
        );
    }
}
