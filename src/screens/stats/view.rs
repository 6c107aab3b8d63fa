//! Stats drawn as text: mastery per topic as horizontal bars, score history as a sparkline, the
//! streak, reviews due, time spent and what is finished. Bars carry their percentage, so they
//! read without colour.

use ratatui::text::{Line, Span};

use crate::progress::ProgressSummary;
use crate::ui::bars::{Bar, bar_chart};
use crate::ui::document::Rendered;
use crate::ui::theme::Theme;
use crate::ui::wrap::wrap;

const SPARKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

pub fn render_stats(summary: &ProgressSummary, width: usize, theme: &Theme) -> Rendered {
    let mut lines = vec![Line::styled("Mastery per topic", theme.heading)];
    let bars: Vec<Bar> = summary
        .topics
        .iter()
        .map(|topic| Bar {
            label: topic.title.clone(),
            share: topic.mastery,
            figure: topic
                .mastery
                .map(|m| format!(" {:>3.0}%", m * 100.0))
                .unwrap_or_default(),
        })
        .collect();
    lines.extend(bar_chart(&bars, width, 40, "nothing to answer", theme));
    if let Some(mastery) = summary.mastery {
        lines.push(Line::styled(
            format!(
                "Overall {:.0}% · {} · {} fully right",
                mastery * 100.0,
                count(summary.answers, "answer"),
                summary.right
            ),
            theme.strong,
        ));
    }

    lines.push(Line::default());
    lines.push(Line::styled("Scores by session", theme.heading));
    let history: Vec<f64> = summary.score_history.iter().map(|s| s.score).collect();
    if history.is_empty() {
        lines.push(Line::styled(
            "No answers yet: take a quiz, and each session's score shows here.",
            theme.dim,
        ));
    } else {
        let shown = &history[history
            .len()
            .saturating_sub(width.saturating_sub(12).max(1))..];
        let spark: String = shown
            .iter()
            .map(|score| SPARKS[((score.clamp(0.0, 1.0) * 7.0).round()) as usize])
            .collect();
        lines.push(Line::from(vec![
            Span::styled(spark, theme.done),
            Span::styled(
                format!("  last {}", percent(*shown.last().unwrap_or(&0.0))),
                theme.base,
            ),
        ]));
        lines.push(Line::styled(
            format!(
                "{}, oldest on the left; a bar's height is the session's mean score",
                count(history.len(), "session")
            ),
            theme.dim,
        ));
    }

    lines.extend(practice_lines(summary, width, theme));

    lines.push(Line::default());
    lines.push(Line::styled("Reviews and habits", theme.heading));
    let due = &summary.due;
    let facts = [
        format!(
            "Due now: {} · within 24 hours: {} · scheduled: {} · not yet seen: {}",
            due.now, due.next_24_hours, due.scheduled, due.new
        ),
        format!(
            "Streak: {} day{} in a row (UTC days)",
            summary.streak_days,
            if summary.streak_days == 1 { "" } else { "s" }
        ),
        format!("Time spent: {}", duration(summary.time_spent_seconds)),
        format!(
            "Finished: {} of {} lessons · {} of {} lab steps ({} of {} labs complete)",
            summary.completion.lessons_finished,
            summary.completion.lessons,
            summary.completion.lab_steps_done,
            summary.completion.lab_steps,
            summary.completion.labs_completed,
            summary.completion.labs
        ),
    ];
    for fact in facts {
        lines.extend(wrap(&[(fact, theme.base)], width));
    }
    if !summary.debug_labs.is_empty() {
        let labs = &summary.debug_labs;
        let scenarios = labs
            .iter()
            .map(|l| &l.scenario)
            .collect::<std::collections::BTreeSet<_>>();
        let fact = format!(
            "Debugging labs: {} played, {} · {} solved",
            count(scenarios.len(), "scenario"),
            count(labs.iter().map(|l| l.attempts).sum(), "time"),
            count(labs.iter().filter(|l| l.solved > 0).count(), "cause"),
        );
        lines.extend(wrap(&[(fact, theme.base)], width));
    }
    Rendered::from_lines(lines)
}

/// Mock exams with their trend, sizing skills and debugging labs: the practice the record keeps
/// besides questions.
fn practice_lines(summary: &ProgressSummary, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::default(), Line::styled("Mock exams", theme.heading)];
    let trend = &summary.exam_trend;
    if summary.exams.is_empty() {
        lines.push(Line::styled("No exam sat yet.", theme.dim));
    } else {
        let spark: String = trend
            .scores
            .iter()
            .map(|s| SPARKS[((s.clamp(0.0, 1.0) * 7.0).round()) as usize])
            .collect();
        let change = match trend.change {
            Some(change) if change > 0.0 => format!(" · up {:.0} points", change * 100.0),
            Some(change) if change < 0.0 => format!(" · down {:.0} points", -change * 100.0),
            Some(_) => " · unchanged".to_string(),
            None => String::new(),
        };
        lines.push(Line::from(vec![
            Span::styled(spark, theme.done),
            Span::styled(
                format!(
                    "  {} · latest {} · best {}{change}",
                    count(trend.attempts, "attempt"),
                    trend.latest.map(percent).unwrap_or_default(),
                    trend.best.map(percent).unwrap_or_default(),
                ),
                theme.base,
            ),
        ]));
        for exam in summary.exams.iter().rev().take(3) {
            let text = format!(
                "{} · {} of {} right · {} · {}",
                exam.finished.utc_date(),
                exam.right,
                exam.asked,
                percent(exam.score),
                duration(exam.seconds)
            );
            lines.extend(wrap(&[(text, theme.base)], width));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled("Sizing skills", theme.heading));
    let practised: Vec<_> = summary.sizing.iter().filter(|s| s.answers > 0).collect();
    if practised.is_empty() {
        lines.push(Line::styled("No sizing exercise answered yet.", theme.dim));
    }
    for skill in practised {
        let text = format!(
            "{}: {} of {} right",
            skill.title, skill.right, skill.answers
        );
        lines.extend(wrap(&[(text, theme.base)], width));
    }
    if !summary.debug_labs.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled("Debugging labs", theme.heading));
        for lab in &summary.debug_labs {
            let text = format!(
                "{} ({}): solved {} of {}{}",
                lab.scenario,
                lab.cause,
                lab.solved,
                lab.attempts,
                lab.best_score
                    .map(|s| format!(", best {}", percent(s)))
                    .unwrap_or_default()
            );
            lines.extend(wrap(&[(text, theme.base)], width));
        }
    }
    lines
}

/// "1 answer", "3 answers".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn percent(score: f64) -> String {
    format!("{:.0}%", score * 100.0)
}

/// 3725 seconds → "1 h 2 min".
fn duration(seconds: u64) -> String {
    let minutes = seconds / 60;
    match minutes {
        0 => "under a minute".to_string(),
        m if m < 60 => format!("{m} min"),
        m => format!("{} h {} min", m / 60, m % 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_hours_and_minutes() {
        assert_eq!(duration(30), "under a minute");
        assert_eq!(duration(1620), "27 min");
        assert_eq!(duration(3725), "1 h 2 min");
    }
}
