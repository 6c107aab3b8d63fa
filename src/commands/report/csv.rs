//! `--format csv`: one row per learner, for the spreadsheet a team lead keeps.
//!
//! Why a hand-written writer rather than the `csv` crate: the output is one small table of
//! numbers and a few names, and RFC 4180 quoting is a dozen lines; a dependency (and a lock-file
//! change shared by every branch) would buy nothing else here. Fields holding a comma, a quote, a
//! line break or edge spaces are quoted, quotes doubled. Text from outside (names, file names) that
//! starts like a formula (`=`, `+`, `-`, `@`) gets a leading `'` so a spreadsheet shows it instead
//! of running it (OWASP's advice for CSV injection); numbers are ours and are left alone.

use crate::progress::attempts::Direction;
use crate::progress::team::TeamReport;

/// A field as RFC 4180 wants it.
fn quoted(field: &str) -> String {
    let needs_quotes =
        field.contains([',', '"', '\n', '\r']) || field.starts_with(' ') || field.ends_with(' ');
    if needs_quotes {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// Text from outside: defused as a formula, then quoted.
fn text(field: &str) -> String {
    if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        quoted(&format!("'{field}"))
    } else {
        quoted(field)
    }
}

/// A 0..1 score as a percentage with one decimal; empty when there is none.
fn percent(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| format!("{:.1}", v * 100.0))
}

fn row(fields: Vec<String>) -> String {
    let mut line = fields.join(",");
    line.push('\n');
    line
}

pub(super) fn csv(report: &TeamReport) -> String {
    let mut header: Vec<String> = [
        "learner",
        "file",
        "mastery_percent",
        "answers",
        "right",
        "due_now",
        "due_within_24h",
        "lessons_finished",
        "lessons",
        "lab_steps_done",
        "lab_steps",
        "labs_completed",
        "labs",
        "predictions_made",
        "predictions_right",
        "predictions",
        "sizing_skills_practised",
        "sizing_answers",
        "sizing_right",
        "exams",
        "exam_latest_percent",
        "exam_best_percent",
        "exam_change_points",
        "exam_trend",
        "debug_attempts",
        "debug_solved",
        "streak_days",
        "time_spent_minutes",
        "last_active",
    ]
    .map(String::from)
    .to_vec();
    header.extend(
        report
            .topics
            .iter()
            .map(|topic| text(&format!("mastery_percent:{}", topic.id))),
    );
    let mut out = row(header);
    for learner in &report.learners {
        let s = &learner.summary;
        let trend = &s.exam_trend;
        let mut fields = vec![
            text(&learner.name),
            text(learner.file.as_deref().unwrap_or("")),
            percent(s.mastery),
            s.answers.to_string(),
            s.right.to_string(),
            s.due.now.to_string(),
            s.due.next_24_hours.to_string(),
            s.completion.lessons_finished.to_string(),
            s.completion.lessons.to_string(),
            s.completion.lab_steps_done.to_string(),
            s.completion.lab_steps.to_string(),
            s.completion.labs_completed.to_string(),
            s.completion.labs.to_string(),
            s.predictions.made.to_string(),
            s.predictions.right.to_string(),
            s.predictions.predictions.to_string(),
            s.sizing
                .iter()
                .filter(|k| k.answers > 0)
                .count()
                .to_string(),
            s.sizing
                .iter()
                .map(|k| k.answers)
                .sum::<usize>()
                .to_string(),
            s.sizing.iter().map(|k| k.right).sum::<usize>().to_string(),
            trend.attempts.to_string(),
            percent(trend.latest),
            percent(trend.best),
            trend
                .change
                .map_or_else(String::new, |c| format!("{:.1}", c * 100.0)),
            trend
                .direction
                .map_or("", |d| match d {
                    Direction::Up => "up",
                    Direction::Down => "down",
                    Direction::Flat => "flat",
                })
                .to_string(),
            s.debug_labs
                .iter()
                .map(|l| l.attempts)
                .sum::<usize>()
                .to_string(),
            s.debug_labs
                .iter()
                .map(|l| l.solved)
                .sum::<usize>()
                .to_string(),
            s.streak_days.to_string(),
            (s.time_spent_seconds / 60).to_string(),
            learner
                .last_active
                .map_or_else(String::new, |t| t.to_rfc3339()),
        ];
        fields.extend(s.topics.iter().map(|t| percent(t.mastery)));
        out.push_str(&row(fields));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_as_rfc_4180_says() {
        assert_eq!(quoted("plain"), "plain");
        assert_eq!(quoted("a,b"), "\"a,b\"");
        assert_eq!(quoted("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quoted("two\nlines"), "\"two\nlines\"");
        assert_eq!(quoted(" edge"), "\" edge\"");
    }

    #[test]
    fn text_that_looks_like_a_formula_is_defused() {
        assert_eq!(text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(text("@sum"), "'@sum");
        assert_eq!(text("-1"), "'-1");
        assert_eq!(text("Ada"), "Ada");
    }
}
