//! The drawing kit: theme, wrapping, documents, tables, highlighting, the scrolled document, bar
//! charts, the help overlay, the frame's header and footer. It imports no screen and no app;
//! screens draw themselves with it.

pub mod bars;
pub mod big;
pub mod blank_screen;
pub mod clipboard;
pub mod document;
pub mod help;
pub mod highlight;
pub mod inert_backend;
pub mod menu;
pub mod scrolled;
pub mod table;
pub mod theme;
pub mod wrap;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

/// Below this, the app shows a message instead of a cramped screen.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// Long lines are hard to read; wider terminals get margins.
const MAX_TEXT_WIDTH: u16 = 100;

/// The width lessons and labs are laid out at, for a terminal `width` wide.
pub fn document_width(width: u16) -> usize {
    usize::from(width.saturating_sub(4).clamp(1, MAX_TEXT_WIDTH))
}

/// A breadcrumb: course › topic › lesson. When it is too long, the leading parts give way first.
pub fn draw_header(buffer: &mut Buffer, area: Rect, parts: &[String], theme: &theme::Theme) {
    let width = usize::from(area.width);
    let mut skip = 0;
    while skip + 1 < parts.len() && breadcrumb_width(&parts[skip..]) + 2 > width {
        skip += 1;
    }
    let mut spans = Vec::new();
    if skip > 0 {
        spans.push(Span::styled("… › ", theme.dim));
    }
    for (i, part) in parts.iter().enumerate().skip(skip) {
        if i > skip {
            spans.push(Span::styled(" › ", theme.dim));
        }
        let style = if i + 1 == parts.len() {
            theme.title
        } else {
            theme.base
        };
        spans.push(Span::styled(part.clone(), style));
    }
    menu::draw_lines(buffer, area, &[Line::from(spans)]);
}

fn breadcrumb_width(parts: &[String]) -> usize {
    parts.iter().map(|p| p.width() + 3).sum()
}

/// Fits footer hints (separated by " · ") to a width: the first hint (a section name, say) is
/// shortened first, then hints are dropped from the end, keeping the last one ("q back").
pub fn fit_hints(hints: &str, width: usize) -> String {
    let mut parts: Vec<String> = hints.split(" · ").map(str::to_string).collect();
    let total = |parts: &[String]| {
        parts.iter().map(|p| p.width()).sum::<usize>() + 3 * parts.len().saturating_sub(1)
    };
    let excess = total(&parts).saturating_sub(width);
    if excess > 0 && parts.len() > 1 {
        let first = &parts[0];
        let keep = first.width().saturating_sub(excess + 1).max(12);
        if keep < first.width() {
            parts[0] = format!("{}…", first.chars().take(keep).collect::<String>());
        }
    }
    while total(&parts) > width && parts.len() > 2 {
        parts.remove(parts.len() - 2);
    }
    parts.join(" · ")
}

pub fn draw_too_small(buffer: &mut Buffer, area: Rect, theme: &theme::Theme) {
    let message = format!(
        "The terminal is {}x{}; aks-tutor needs at least {MIN_WIDTH}x{MIN_HEIGHT}. Make it larger, or press Ctrl-C to quit.",
        area.width, area.height
    );
    let paragraph = Paragraph::new(message)
        .style(theme.warning)
        .wrap(Wrap { trim: true });
    paragraph.render(area, buffer);
}

/// A line that fills its width with `style` (used for selections).
pub fn filled(line: Line<'static>, width: u16, style: Style) -> Line<'static> {
    let used = wrap::line_width(&line);
    let mut line = line.patch_style(style);
    if used < usize::from(width) {
        line.spans
            .push(Span::styled(" ".repeat(usize::from(width) - used), style));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_shorten_the_first_then_drop_from_the_end() {
        let hints =
            "§ A very long section title indeed · 15% · ]/[ section · n/p lesson · ? help · q back";
        assert_eq!(fit_hints(hints, 200), hints);
        let fitted = fit_hints(hints, 60);
        assert!(fitted.width() <= 60, "{fitted}");
        assert!(
            fitted.starts_with("§ A very lon") && fitted.ends_with("q back"),
            "{fitted}"
        );
        assert!(fit_hints(hints, 30).ends_with("q back"));
    }
}
