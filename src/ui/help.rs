//! The `?` overlay: the keys of the screen underneath, straight from the key tables.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use super::theme::Theme;
use crate::input::Keymap;

/// The help overlay for `keymap`, scrolled by `scroll` rows (clamped here).
/// `note`, when given, comes first (why progress is not being saved, say).
pub fn draw_help(
    buffer: &mut Buffer,
    area: Rect,
    keymap: &Keymap,
    note: Option<String>,
    scroll: usize,
    theme: &Theme,
) {
    let name = keymap.title;
    let keys: Vec<_> = keymap.bindings().collect();
    let label_width = keys
        .iter()
        .map(|b| b.label.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let mut lines: Vec<Line<'static>> = keys
        .iter()
        .map(|b| {
            Line::from(vec![
                Span::styled(format!("{:<label_width$}", b.label), theme.key),
                Span::styled(b.help.to_string(), theme.base),
            ])
        })
        .collect();
    if let Some(note) = note {
        // Wrapped to the width the keys take, or 60 columns, whichever is wider.
        let width = (label_width + 40)
            .max(60)
            .min(usize::from(area.width).saturating_sub(4));
        let mut noted = super::wrap::wrap(&[(note, theme.warning)], width);
        noted.push(Line::default());
        noted.append(&mut lines);
        lines = noted;
    }
    lines.push(Line::from(vec![
        Span::styled(format!("{:<label_width$}", "Ctrl-C"), theme.key),
        Span::raw("quit from anywhere"),
    ]));
    lines.push(Line::from(vec![
        Span::styled(format!("{:<label_width$}", "wheel"), theme.key),
        Span::raw("scroll"),
    ]));
    lines.push(Line::default());
    lines.push(Line::styled("? q Esc close this help", theme.dim));

    let width = lines
        .iter()
        .map(super::wrap::line_width)
        .max()
        .unwrap_or(20) as u16
        + 4;
    let height = lines.len() as u16 + 2;
    let popup = centred(area, width, height);
    // Scrolled when the terminal is too short for every key; the title says there is more.
    let visible = usize::from(popup.height.saturating_sub(2));
    let scroll = scroll.min(lines.len().saturating_sub(visible));
    let more = if lines.len() > visible {
        " (↑↓ for more)"
    } else {
        ""
    };
    let lines: Vec<Line<'static>> = lines.into_iter().skip(scroll).collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Span::styled(format!(" Keys: {name}{more} "), theme.title));
    Clear.render(popup, buffer);
    Paragraph::new(lines).block(block).render(popup, buffer);
}

fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}
