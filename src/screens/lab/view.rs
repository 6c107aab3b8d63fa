//! A lab laid out as one scrollable document: its symptom and intro, then each step with its
//! purpose, file, command, expected output and what to look for.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::content::{Lab, LabKind};
use crate::ui::document::{Rendered, render_code};
use crate::ui::theme::Theme;
use crate::ui::wrap::wrap;

const STEP_INDENT: usize = 4;

/// The lab's lines, and the line each step starts at.
pub fn render_lab(
    lab: &Lab,
    is_done: &dyn Fn(&str) -> bool,
    selected: usize,
    width: usize,
    theme: &Theme,
) -> (Rendered, Vec<usize>) {
    let mut lines: Vec<Line<'static>> = Vec::new();
    let kind = match lab.kind {
        LabKind::HandsOn => "Hands-on lab",
        LabKind::Debugging => "Debugging scenario",
    };
    let done = lab.steps.iter().filter(|s| is_done(&s.id)).count();
    let summary = format!(
        "{kind} · {} steps · {done} done · commands are shown, never run",
        lab.steps.len()
    );
    lines.extend(wrap(&[(summary, theme.dim)], width));
    if let Some(symptom) = &lab.symptom {
        lines.push(Line::default());
        lines.extend(wrap(
            &[
                ("Symptom: ".into(), theme.warning),
                (symptom.clone(), theme.base),
            ],
            width,
        ));
    }
    if !lab.intro.is_empty() {
        lines.push(Line::default());
        lines.extend(wrap(&[(lab.intro.clone(), theme.base)], width));
    }

    let mut step_lines = Vec::new();
    let inner = width.saturating_sub(STEP_INDENT).max(1);
    for (i, step) in lab.steps.iter().enumerate() {
        lines.push(Line::default());
        step_lines.push(lines.len());
        let mark = if is_done(&step.id) { "[✓]" } else { "[ ]" };
        let pointer = if i == selected { "▶ " } else { "  " };
        let title_style = if i == selected {
            theme.selected
        } else {
            theme.heading
        };
        let title = format!("{pointer}{mark} {}. {}", i + 1, step.title);
        lines.extend(wrap(&[(title, title_style)], width));
        let mut body = Vec::new();
        if !step.purpose.is_empty() {
            body.extend(wrap(&[(step.purpose.clone(), theme.base)], inner));
        }
        if let Some(file) = &step.file {
            body.push(Line::default());
            body.push(Line::styled(
                format!("Save as {} (C copies it):", file.name),
                theme.subheading,
            ));
            body.extend(render_code(&file.language, &file.text, inner, theme));
        }
        if let Some(command) = &step.command {
            body.push(Line::default());
            body.push(Line::styled("Run (c copies it):", theme.subheading));
            body.extend(render_code("shell", command, inner, theme));
        }
        if let Some(expected) = &step.expected {
            body.push(Line::default());
            body.push(Line::styled("Expected output:", theme.subheading));
            body.extend(render_code("text", expected, inner, theme));
        }
        if let Some(look_for) = &step.look_for {
            body.push(Line::default());
            body.extend(wrap(
                &[
                    ("Look for: ".into(), theme.subheading),
                    (look_for.clone(), theme.base),
                ],
                inner,
            ));
        }
        lines.extend(body.into_iter().map(|line| indented(line, STEP_INDENT)));
    }
    (Rendered::from_lines(lines), step_lines)
}

fn indented(line: Line<'static>, by: usize) -> Line<'static> {
    let mut spans = vec![Span::styled(" ".repeat(by), Style::new())];
    spans.extend(line.spans);
    Line::from(spans)
}
