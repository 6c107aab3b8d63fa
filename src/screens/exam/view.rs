//! The mock exam drawn: the question being answered (no feedback), the finish page, and the
//! review with a per-topic breakdown, weakest topic first.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{ExamPhase, ExamScreen};
use crate::quiz::describe::answer_text;
use crate::quiz::{ExamReport, Verdict};
use crate::screens::quiz::question::{question_lines, trim_score};
use crate::screens::{Chrome, Context};
use crate::ui::bars::{Bar, bar_chart};
use crate::ui::document::{Rendered, Section};
use crate::ui::document_width;
use crate::ui::theme::Theme;
use crate::ui::wrap::{wrap, wrap_hanging};

pub fn render_exam(screen: &ExamScreen, width: usize, theme: &Theme) -> Rendered {
    let mut focus = None;
    let lines = match &screen.phase {
        ExamPhase::Intro(exam) => intro_lines(screen, exam, width, theme),
        ExamPhase::Answering(exam) => {
            let Some(question) = exam.questions().get(screen.index) else {
                return Rendered::default();
            };
            let answered = exam.len() - exam.unanswered();
            let status = format!(
                "Question {} of {} · {} · {answered} answered · no feedback until the end",
                screen.index + 1,
                exam.len(),
                question.topic_title
            );
            let mut lines = wrap(&[(status, theme.dim)], width);
            lines.push(Line::default());
            let (body, body_focus) =
                question_lines(question, &screen.inputs[screen.index], None, width, theme);
            focus = body_focus.map(|line| line + lines.len());
            lines.extend(body);
            if let Some(answer) = exam.answer(screen.index) {
                lines.push(Line::default());
                let recorded = format!(
                    "Recorded: {}",
                    answer_text(&question.question.kind, Some(answer))
                );
                lines.extend(wrap(&[(recorded, theme.note)], width));
            }
            lines
        }
        ExamPhase::Confirm(exam) => {
            let unanswered: Vec<String> = (0..exam.len())
                .filter(|i| exam.answer(*i).is_none())
                .map(|i| (i + 1).to_string())
                .collect();
            let mut lines = vec![
                Line::styled("Finish the exam?", theme.heading),
                Line::default(),
            ];
            lines.push(Line::styled(
                format!(
                    "You answered {} of {}.",
                    exam.len() - unanswered.len(),
                    exam.len()
                ),
                theme.strong,
            ));
            if !unanswered.is_empty() {
                let text = format!(
                    "Not answered: question {}. They count as wrong.",
                    unanswered.join(", ")
                );
                lines.extend(wrap(&[(text, theme.warning)], width));
            }
            lines.push(Line::default());
            lines.push(Line::styled(
                "Enter: finish and see the results · Tab: first question · Shift-Tab: last",
                theme.key,
            ));
            lines
        }
        ExamPhase::Review(report) => return review(report, screen, width, theme),
    };
    Rendered {
        focus,
        ..Rendered::from_lines(lines)
    }
}

/// What the learner is about to sit: the questions (and when the pool is smaller than asked),
/// the time, the pass mark, and how answering works.
fn intro_lines(
    screen: &ExamScreen,
    exam: &crate::quiz::MockExam,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled("Mock exam", theme.heading), Line::default()];
    let questions = exam.len();
    let mut text = format!("{questions} questions, mixed across the topics.");
    if let Some(requested) = screen.requested.filter(|&r| r > questions) {
        text = format!(
            "{questions} questions: the course has {questions}, fewer than the {requested} asked for, so it asks them all."
        );
    }
    lines.extend(wrap(&[(text, theme.strong)], width));
    if let Some(limit) = screen.time_limit {
        let seconds = limit.as_secs();
        lines.extend(wrap(
            &[(
                format!(
                    "Time: {}:{:02}, counted from Enter; when it runs out the exam finishes.",
                    seconds / 60,
                    seconds % 60
                ),
                theme.base,
            )],
            width,
        ));
    }
    lines.extend(wrap(
        &[(
            format!(
                "Pass mark: {}% (set it with --pass-mark).",
                screen.pass_mark
            ),
            theme.base,
        )],
        width,
    ));
    lines.push(Line::default());
    lines.extend(wrap(
        &[(
            "No feedback until the end. Enter records an answer and moves on; Tab and Shift-Tab move between questions, and a recorded answer can be changed until you finish."
                .to_string(),
            theme.dim,
        )],
        width,
    ));
    lines.push(Line::default());
    lines.push(Line::styled("Enter: start", theme.key));
    lines
}

/// The results: each question is a section (its anchor the lesson reference it cites), so `]`
/// and `[` move between questions and `o` opens the lesson of the one at the top.
fn review(report: &ExamReport, screen: &ExamScreen, width: usize, theme: &Theme) -> Rendered {
    let mut sections = Vec::new();
    let lines = review_lines(report, screen, width, theme, &mut sections);
    Rendered {
        sections,
        ..Rendered::from_lines(lines)
    }
}

fn review_lines(
    report: &ExamReport,
    screen: &ExamScreen,
    width: usize,
    theme: &Theme,
    sections: &mut Vec<Section>,
) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled("Exam results", theme.heading), Line::default()];
    if screen.time_up {
        lines.push(Line::styled(
            "Time ran out; unanswered questions count as wrong.",
            theme.warning,
        ));
    }
    let total = report.reviews.len();
    lines.push(Line::styled(
        format!(
            "Score: {} of {total} ({:.0}%)",
            trim_score(report.score()),
            report.percent()
        ),
        theme.strong,
    ));
    let passed = report.percent() >= f32::from(screen.pass_mark);
    lines.push(Line::styled(
        if passed {
            format!("Passed: the pass mark is {}%.", screen.pass_mark)
        } else {
            format!("Not passed: the pass mark is {}%.", screen.pass_mark)
        },
        if passed { theme.done } else { theme.warning },
    ));
    lines.push(Line::styled(
        format!(
            "Seed {}: the same --seed (and --count) sets the same exam again.",
            report.seed
        ),
        theme.dim,
    ));
    lines.push(Line::default());
    lines.push(Line::styled("By topic, weakest first", theme.subheading));
    let bars: Vec<Bar> = report
        .topics
        .iter()
        .map(|topic| Bar {
            label: topic.topic_title.clone(),
            share: Some(f64::from(topic.percent()) / 100.0),
            figure: format!(" {:>3.0}% of {}", topic.percent(), topic.questions),
        })
        .collect();
    lines.extend(bar_chart(&bars, width, 30, "", theme));
    lines.push(Line::default());
    lines.push(Line::styled("Every question", theme.subheading));
    for (i, review) in report.reviews.iter().enumerate() {
        let (mark, style) = match review.outcome.verdict {
            Verdict::Right => ("✓", theme.done),
            Verdict::Partial => ("◐", theme.warning),
            Verdict::Wrong => ("✗", theme.warning),
        };
        lines.push(Line::default());
        sections.push(Section {
            line: lines.len(),
            title: format!("question {}", i + 1),
            anchor: review.question.question.see.clone(),
        });
        let prompt = review
            .question
            .question
            .prompt
            .lines()
            .next()
            .unwrap_or("")
            .to_string();
        lines.extend(wrap_hanging(
            &[
                (format!("{mark} {}. ", i + 1), style),
                (prompt, theme.strong),
            ],
            width,
            4,
        ));
        for (label, text) in [
            ("Your answer: ", &review.your_answer),
            ("Right answer: ", &review.right_answer),
        ] {
            lines.extend(wrap_hanging(
                &[
                    (format!("    {label}"), theme.subheading),
                    (text.clone(), theme.base),
                ],
                width,
                4,
            ));
        }
        let why = review.question.question.explanation.clone();
        lines.extend(wrap_hanging(
            &[
                ("    Why: ".to_string(), theme.subheading),
                (why, theme.base),
            ],
            width,
            4,
        ));
    }
    lines.push(Line::default());
    lines.push(Line::styled("Enter: back", theme.dim));
    lines
}

pub fn draw_exam(frame: &mut Frame, area: Rect, cx: &Context, screen: &ExamScreen) -> Chrome {
    let rendered = render_exam(screen, document_width(area.width), cx.theme);
    screen.doc.draw(frame, area, &rendered, cx.theme);
    let timer = screen
        .seconds_left()
        .map(|s| format!("⏱ {}:{:02} left", s / 60, s % 60));
    let chrome = Chrome::new(["Mock exam".to_string()]);
    match timer {
        Some(timer) if screen.in_progress() => chrome.status(timer),
        _ => chrome,
    }
}
