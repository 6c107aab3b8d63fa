//! Interview rehearsal drawn: while answering, the question and hints above the answer editor;
//! once revealed, the model answer and the key points the answer touched; at the end, the grades.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

use super::{InterviewScreen, RehearsalPhase};
use crate::content::Level;
use crate::quiz::key_point_matches;
use crate::screens::{Chrome, Context};
use crate::ui::document::Rendered;
use crate::ui::document_width;
use crate::ui::scrolled::ScrolledDoc;
use crate::ui::theme::Theme;
use crate::ui::wrap::{wrap, wrap_hanging};

pub fn render_interview(screen: &InterviewScreen, width: usize, theme: &Theme) -> Rendered {
    let mut lines = Vec::new();
    let Some(current) = screen.current() else {
        return Rendered::from_lines(summary(screen, width, theme));
    };
    let item = &current.item;
    let level = match item.level {
        Level::Beginner => "beginner",
        Level::Intermediate => "intermediate",
        Level::Scenario => "scenario",
    };
    let status = format!(
        "Question {} of {} · {level} · {}",
        screen.index + 1,
        screen.items.len(),
        current.topic_title
    );
    lines.extend(wrap(&[(status, theme.dim)], width));
    lines.push(Line::default());
    lines.extend(wrap(&[(item.question.clone(), theme.strong)], width));
    for (i, hint) in item.hints.iter().take(screen.hints_shown).enumerate() {
        let label = format!("Hint {} of {}: ", i + 1, item.hints.len());
        lines.extend(wrap(
            &[(label, theme.note), (hint.clone(), theme.base)],
            width,
        ));
    }
    if screen.phase == RehearsalPhase::Answering {
        return Rendered::from_lines(lines);
    }
    let answer = screen.answer();
    lines.push(Line::default());
    if screen.time_up {
        lines.push(Line::styled("Time's up.", theme.warning));
    }
    lines.push(Line::styled("Your answer", theme.subheading));
    if answer.trim().is_empty() {
        lines.push(Line::styled("(nothing typed)", theme.dim));
    }
    for paragraph in answer.lines() {
        lines.extend(wrap(&[(paragraph.to_string(), theme.base)], width));
    }
    lines.push(Line::default());
    let matches = key_point_matches(&answer, item);
    let touched = matches.iter().filter(|m| m.touched()).count();
    lines.push(Line::styled(
        format!(
            "Key points: your answer touched {touched} of {}",
            matches.len()
        ),
        theme.subheading,
    ));
    lines.extend(wrap(
        &[("A guide, not a verdict: a point counts as touched when your answer uses one of its keywords.".into(), theme.dim)],
        width,
    ));
    for point in &matches {
        let (mark, style) = if point.touched() {
            ("✓ ", theme.done)
        } else {
            ("· ", theme.base)
        };
        let mut pieces = vec![
            (mark.to_string(), style),
            (point.point.text.clone(), theme.base),
        ];
        if point.touched() {
            let words: Vec<String> = point.matched.iter().map(|k| format!("‘{k}’")).collect();
            pieces.push((format!(" (you wrote {})", words.join(", ")), theme.dim));
        }
        lines.extend(wrap_hanging(&pieces, width, 2));
    }
    lines.push(Line::default());
    lines.push(Line::styled("Model answer", theme.subheading));
    for paragraph in item.answer.lines() {
        lines.extend(wrap(&[(paragraph.to_string(), theme.base)], width));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        "How did it go? 1 again · 2 hard · 3 good · 4 easy",
        theme.key,
    ));
    Rendered::from_lines(lines)
}

fn summary(screen: &InterviewScreen, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::styled("Rehearsal finished", theme.heading),
        Line::default(),
    ];
    if screen.items.is_empty() {
        lines.push(Line::styled(
            "There are no interview questions at this level.",
            theme.base,
        ));
    }
    for (id, grade) in &screen.grades {
        let question = screen
            .items
            .iter()
            .find(|r| &r.item.id == id)
            .map_or(id.as_str(), |r| r.item.question.as_str());
        lines.extend(wrap_hanging(
            &[
                (format!("{:<6}", grade.label()), theme.key),
                (question.to_string(), theme.base),
            ],
            width,
            6,
        ));
    }
    lines.push(Line::default());
    lines.push(Line::styled("Enter: back", theme.dim));
    lines
}

pub fn draw_interview(
    frame: &mut Frame,
    area: Rect,
    cx: &Context,
    screen: &InterviewScreen,
) -> Chrome {
    let theme = cx.theme;
    let rendered = render_interview(screen, document_width(area.width), theme);
    let chrome = Chrome::new(["Interview rehearsal".to_string()]);
    if screen.phase != RehearsalPhase::Answering {
        screen.doc.draw(frame, area, &rendered, theme);
        return chrome;
    }
    // The question gets what it needs, leaving the editor at least a border and two lines.
    let question_height =
        (rendered.lines.len() as u16).min(area.height.saturating_sub(4).max(area.height / 2));
    let question = Rect {
        height: question_height,
        ..area
    };
    ScrolledDoc::default().draw(frame, question, &rendered, theme);
    let width = document_width(area.width) as u16;
    let editor = Rect {
        x: area.x + area.width.saturating_sub(width) / 2,
        y: area.y + question_height,
        width,
        height: area.height.saturating_sub(question_height),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Span::styled(" Your answer ", theme.subheading));
    let mut textarea = screen.editor.clone();
    textarea.set_block(block);
    textarea.set_style(theme.base);
    textarea.set_cursor_line_style(theme.base);
    textarea.set_placeholder_style(theme.dim);
    frame.render_widget(&textarea, editor);
    let timer = screen
        .seconds_left()
        .map(|s| format!("⏱ {}:{:02} left · ", s / 60, s % 60))
        .unwrap_or_default();
    let hints = screen.current().map_or(0, |r| r.item.hints.len());
    let hint = if screen.hints_shown < hints {
        format!("Tab hint {} of {hints}", screen.hints_shown + 1)
    } else {
        String::new()
    };
    let status = format!("{timer}{hint}");
    match status.trim_end_matches(" · ") {
        "" => chrome,
        status => chrome.status(status),
    }
}
