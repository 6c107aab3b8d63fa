//! The markdown team report: mastery per topic, due reviews, activity, sizing skills, mock exams,
//! labs, the most missed items, and lessons and labs finished, with a column per learner.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::commands::progress::{duration, percent};
use crate::progress::team::TeamReport;

/// Text safe inside a markdown table cell.
fn cell(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

fn table_header(text: &mut String, first: &str, columns: &[String], align_right: bool) {
    let _ = write!(text, "| {} |", cell(first));
    for column in columns {
        let _ = write!(text, " {} |", cell(column));
    }
    let rule = if align_right { " ---: |" } else { " :---: |" };
    let _ = writeln!(text, "\n| --- |{}", rule.repeat(columns.len()));
}

pub(super) fn markdown(report: &TeamReport) -> String {
    let mut text = String::new();
    let names: Vec<String> = report.learners.iter().map(|l| l.name.clone()).collect();
    let title = match names.as_slice() {
        [one] => format!("Progress report: {}", cell(one)),
        many => format!("Team report: {} learners", many.len()),
    };
    let _ = writeln!(text, "# {title}\n");
    let _ = writeln!(
        text,
        "Course: {} · generated {}\n",
        cell(&report.course),
        report.generated
    );

    let _ = writeln!(text, "## Mastery per topic\n");
    table_header(&mut text, "Topic", &names, true);
    for (index, topic) in report.topics.iter().enumerate() {
        let _ = write!(text, "| {} |", cell(&topic.title));
        for learner in &report.learners {
            let mastery = learner.summary.topics.get(index).and_then(|t| t.mastery);
            let _ = write!(text, " {} |", percent(mastery));
        }
        text.push('\n');
    }
    let _ = write!(text, "| **Overall** |");
    for learner in &report.learners {
        let _ = write!(text, " **{}** |", percent(learner.summary.mastery));
    }
    text.push('\n');

    let _ = writeln!(text, "\n## Activity\n");
    let columns = [
        "Answers",
        "Right",
        "Due now",
        "Lessons",
        "Labs",
        "Streak",
        "Time",
        "Last active",
    ]
    .map(String::from);
    table_header(&mut text, "Learner", &columns, true);
    for learner in &report.learners {
        let done = &learner.summary.completion;
        let last = learner
            .last_active
            .map_or_else(|| "—".to_string(), |t| t.utc_date().to_string());
        let _ = writeln!(
            text,
            "| {} | {} | {} | {} | {}/{} | {}/{} | {} d | {} | {} |",
            cell(&learner.name),
            learner.summary.answers,
            learner.summary.right,
            learner.due_now,
            done.lessons_finished,
            done.lessons,
            done.labs_completed,
            done.labs,
            learner.summary.streak_days,
            duration(learner.summary.time_spent_seconds),
            last
        );
    }
    due(&mut text, report);
    sizing(&mut text, report, &names);
    exams(&mut text, report);
    labs(&mut text, report);

    let _ = writeln!(text, "\n## Most missed\n");
    if report.most_missed.is_empty() {
        let _ = writeln!(text, "Nothing missed yet.");
    } else {
        let _ = writeln!(
            text,
            "| # | Item | Topic | Misses | Learners |\n| ---: | --- | --- | ---: | ---: |"
        );
        for (rank, item) in report.most_missed.iter().enumerate() {
            let question = item.prompt.as_deref().map_or_else(
                || format!("`{}` (no longer in the course)", cell(&item.id)),
                |prompt| format!("{} (`{}`)", cell(prompt), cell(&item.id)),
            );
            let _ = writeln!(
                text,
                "| {} | {question} | {} | {} | {} |",
                rank + 1,
                item.topic.as_deref().unwrap_or("—"),
                item.misses,
                item.learners
            );
        }
    }

    let _ = writeln!(text, "\n## Lessons and labs finished\n");
    table_header(&mut text, "Lesson or lab", &names, false);
    let finished: Vec<(BTreeSet<&str>, BTreeSet<&str>)> = report
        .learners
        .iter()
        .map(|l| {
            (
                l.lessons_finished.iter().map(String::as_str).collect(),
                l.labs_completed.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    let rows = report
        .lessons
        .iter()
        .map(|lesson| (format!("Lesson: {}", lesson.title), &lesson.id, true))
        .chain(
            report
                .labs
                .iter()
                .map(|lab| (format!("Lab: {}", lab.title), &lab.id, false)),
        );
    for (label, id, is_lesson) in rows {
        let _ = write!(text, "| {} |", cell(&label));
        for (lessons, labs) in &finished {
            let done = if is_lesson { lessons } else { labs }.contains(id.as_str());
            let _ = write!(text, " {} |", if done { "✓" } else { "" });
        }
        text.push('\n');
    }
    text
}

/// Due counts per learner and per class of item, from the one definition of due.
fn due(text: &mut String, report: &TeamReport) {
    let _ = writeln!(text, "\n## Due for review\n");
    let Some(first) = report.learners.first() else {
        return;
    };
    let mut columns = vec!["Due now".to_string(), "Within 24 h".to_string()];
    columns.extend(first.summary.due.by_class.iter().map(|c| {
        let label = c.class.label();
        format!("{}{} (24 h)", label[..1].to_uppercase(), &label[1..])
    }));
    table_header(text, "Learner", &columns, true);
    for learner in &report.learners {
        let due = &learner.summary.due;
        let _ = write!(
            text,
            "| {} | {} | {} |",
            cell(&learner.name),
            due.now,
            due.next_24_hours
        );
        for class in &due.by_class {
            let _ = write!(text, " {} |", class.next_24_hours);
        }
        text.push('\n');
    }
}

/// Latest score per sizing skill and learner, with the number of answers.
fn sizing(text: &mut String, report: &TeamReport, names: &[String]) {
    let _ = writeln!(text, "\n## Sizing skills\n");
    let Some(first) = report.learners.first() else {
        return;
    };
    table_header(text, "Skill", names, true);
    for (index, skill) in first.summary.sizing.iter().enumerate() {
        let _ = write!(text, "| {} |", cell(skill.title));
        for learner in &report.learners {
            let standing = &learner.summary.sizing[index];
            if standing.answers == 0 {
                let _ = write!(text, " — |");
            } else {
                let _ = write!(
                    text,
                    " {} ({}) |",
                    percent(standing.latest_score),
                    standing.answers
                );
            }
        }
        text.push('\n');
    }
}

fn exams(text: &mut String, report: &TeamReport) {
    let _ = writeln!(text, "\n## Mock exams\n");
    let columns = ["Attempts", "Latest", "Best", "Change", "Last taken", "Time"].map(String::from);
    table_header(text, "Learner", &columns, true);
    for learner in &report.learners {
        let trend = &learner.summary.exam_trend;
        let last = learner.summary.exams.last();
        let _ = writeln!(
            text,
            "| {} | {} | {} | {} | {} | {} | {} |",
            cell(&learner.name),
            trend.attempts,
            percent(trend.latest),
            percent(trend.best),
            trend
                .change
                .map_or_else(|| "—".to_string(), |c| format!("{:+.0} pts", c * 100.0)),
            last.map_or_else(|| "—".to_string(), |e| e.finished.utc_date().to_string()),
            last.map_or_else(|| "—".to_string(), |e| duration(e.seconds)),
        );
    }
}

fn labs(text: &mut String, report: &TeamReport) {
    let _ = writeln!(text, "\n## Labs\n");
    let columns = [
        "Lab steps",
        "Policy predictions",
        "Debugging solved",
        "Debugging attempts",
    ]
    .map(String::from);
    table_header(text, "Learner", &columns, true);
    for learner in &report.learners {
        let summary = &learner.summary;
        let predictions = &summary.predictions;
        let _ = writeln!(
            text,
            "| {} | {}/{} | {} right, {}/{} made | {} | {} |",
            cell(&learner.name),
            summary.completion.lab_steps_done,
            summary.completion.lab_steps,
            predictions.right,
            predictions.made,
            predictions.predictions,
            summary.debug_labs.iter().map(|l| l.solved).sum::<usize>(),
            summary.debug_labs.iter().map(|l| l.attempts).sum::<usize>(),
        );
    }
}
