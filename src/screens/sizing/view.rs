//! The sizing exercise laid out: prompt, choices, the address-space picture for plan exercises,
//! and once answered the verdict and the worked solution.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::SizingScreen;
use super::address_space::picture;
use crate::screens::Context;
use crate::sizing::exercise::{AnswerKind, SizingVerdict};
use crate::ui::document::Rendered;
use crate::ui::document_width;
use crate::ui::theme::Theme;
use crate::ui::wrap::wrap;

pub fn render_exercise(screen: &SizingScreen, width: usize, theme: &Theme) -> Rendered {
    let exercise = &screen.exercise;
    let mut lines = vec![Line::styled(
        format!(
            "Exercise {} · seed {} · {} of {} right",
            screen.number, exercise.seed, screen.right, screen.answered
        ),
        theme.dim,
    )];
    lines.push(Line::default());
    lines.extend(wrap(&[(exercise.prompt.clone(), theme.base)], width));
    if !exercise.choices.is_empty() {
        lines.push(Line::default());
        for (i, choice) in exercise.choices.iter().enumerate() {
            let number = format!("{}) ", i + 1);
            let hanging = " ".repeat(number.len());
            for (j, line) in wrap(
                &[(choice.text.clone(), theme.base)],
                width.saturating_sub(number.len()),
            )
            .into_iter()
            .enumerate()
            {
                let mut spans = vec![Span::styled(
                    if j == 0 {
                        number.clone()
                    } else {
                        hanging.clone()
                    },
                    theme.key,
                )];
                spans.extend(line.spans);
                lines.push(Line::from(spans));
            }
        }
    }
    if let Some(space) = &screen.space {
        lines.push(Line::default());
        lines.extend(picture(space, width, screen.is_answered(), theme));
    }
    match &screen.outcome {
        Some(SizingVerdict::Correct) => {
            lines.push(Line::default());
            lines.push(Line::styled("✓ Right.", theme.done));
            solution(&mut lines, screen, width, theme);
        }
        Some(SizingVerdict::Wrong { expected, why }) => {
            lines.push(Line::default());
            let mut text = format!("✗ Not quite. The answer: {expected}.");
            if let Some(why) = why {
                text.push(' ');
                text.push_str(why);
            }
            lines.extend(wrap(&[(text, theme.warning)], width));
            solution(&mut lines, screen, width, theme);
        }
        Some(SizingVerdict::Unreadable { message }) => {
            lines.push(Line::default());
            lines.extend(wrap(&[(message.clone(), theme.warning)], width));
        }
        None => {}
    }
    Rendered::from_lines(lines)
}

fn solution(lines: &mut Vec<Line<'static>>, screen: &SizingScreen, width: usize, theme: &Theme) {
    lines.push(Line::default());
    lines.push(Line::styled("Worked solution", theme.subheading));
    for step in &screen.exercise.solution {
        let mut wrapped = wrap(&[(step.clone(), theme.base)], width.saturating_sub(2)).into_iter();
        if let Some(first) = wrapped.next() {
            lines.push(Line::from(
                [vec![Span::styled("• ", theme.dim)], first.spans].concat(),
            ));
        }
        lines.extend(wrapped.map(|l| Line::from([vec![Span::raw("  ")], l.spans].concat())));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        "Press Enter for the next exercise.",
        theme.dim,
    ));
}

/// The exercise above, the answer line at the bottom of the body.
pub fn draw_sizing(frame: &mut Frame, area: Rect, cx: &Context, screen: &SizingScreen) {
    let body = Rect {
        height: area.height.saturating_sub(2),
        ..area
    };
    let rendered = render_exercise(screen, document_width(area.width), cx.theme);
    screen.doc.draw(frame, body, &rendered, cx.theme);
    let answer_area = Rect {
        y: area.y + area.height.saturating_sub(1),
        height: 1.min(area.height),
        ..area
    };
    let hint = match screen.exercise.answer_kind {
        AnswerKind::Number => "a whole number, e.g. 341",
        AnswerKind::Prefix => "a prefix, e.g. /23",
        AnswerKind::Cidr => "a CIDR, e.g. 10.2.0.0/16",
        AnswerKind::Choice => "the number of a choice",
    };
    let answer = if screen.is_answered() {
        Line::from(vec![
            Span::styled("Answer › ", cx.theme.key),
            Span::raw(screen.input.text.clone()),
        ])
    } else if screen.input.is_empty() {
        Line::from(vec![
            Span::styled("Answer › ", cx.theme.key),
            Span::styled(format!("▏type {hint}"), cx.theme.dim),
        ])
    } else {
        Line::from(vec![
            Span::styled("Answer › ", cx.theme.key),
            Span::raw(screen.input.text.clone()),
            Span::styled("▏", cx.theme.key),
        ])
    };
    let x = area.x + area.width.saturating_sub(document_width(area.width) as u16) / 2;
    frame.render_widget(
        Paragraph::new(answer),
        Rect {
            x,
            width: area.width.saturating_sub(x - area.x),
            ..answer_area
        },
    );
}
