//! A menu: intro lines, then entries of two lines each (a name with a figure on the right, and a
//! description), the highlighted one filled. Home, a topic and search results are menus.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::filled;
use super::theme::Theme;
use crate::input::Action;

/// The highlighted entry. The view records how many entries fit, so a page key moves by what
/// the learner saw.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListState {
    pub selected: usize,
    /// Entries shown in the last frame.
    page: Cell<usize>,
}

impl ListState {
    /// Moves the highlight for a list action among `count` entries.
    pub fn navigate(&mut self, action: Action, count: usize) {
        let last = count.saturating_sub(1);
        let page = self.page.get().max(1);
        self.selected = match action {
            Action::Up | Action::ScrollUp => self.selected.saturating_sub(1),
            Action::Down | Action::ScrollDown => (self.selected + 1).min(last),
            Action::PageUp => self.selected.saturating_sub(page),
            Action::PageDown => (self.selected + page).min(last),
            Action::Top => 0,
            Action::Bottom => last,
            _ => self.selected,
        };
    }

    /// The first entry to show so the highlighted one is among `visible` rows; records `visible`.
    pub fn offset(&self, visible: usize) -> usize {
        self.page.set(visible);
        self.selected.saturating_sub(visible.saturating_sub(1))
    }
}

/// Each entry of a list takes two lines: its name (with a figure on the right, such as a
/// topic's mastery), and a line of description.
pub struct MenuEntry {
    pub name: String,
    pub description: String,
    pub right: String,
}

/// Draws the intro lines, then as many entries as fit, scrolled so the selected one shows.
/// Entries take two lines when they all fit so; otherwise one line each (the descriptions give
/// way, so a whole menu shows on a small terminal); and when even that is too many, the list
/// scrolls with the highlight and says how many entries are above and below.
pub fn draw_menu(
    buffer: &mut Buffer,
    area: Rect,
    intro: Vec<Line<'static>>,
    entries: &[MenuEntry],
    list: &ListState,
    theme: &Theme,
) {
    let selected = list.selected;
    let rows = usize::from(area.height);
    let intro_height = intro.len().min(rows.saturating_sub(2));
    let room = rows - intro_height;
    let two_lines = entries.len() * 2 <= room;
    let visible = if two_lines {
        entries.len().max(1)
    } else if entries.len() <= room {
        entries.len()
    } else {
        // Room for a "more" line above and below the entries shown.
        room.saturating_sub(2).max(1)
    };
    let offset = list.offset(visible);
    let mut lines: Vec<Line<'static>> = intro.into_iter().take(intro_height).collect();
    let scrolled = entries.len() > visible;
    if scrolled {
        lines.push(more_line(offset, "above", theme));
    }
    for (i, entry) in entries.iter().enumerate().skip(offset).take(visible) {
        let pointer = if i == selected { "▶ " } else { "  " };
        let used = pointer.width() + entry.name.width() + entry.right.width();
        let gap = usize::from(area.width).saturating_sub(used).max(1);
        let name = Line::from(vec![
            Span::raw(pointer),
            Span::raw(entry.name.clone()),
            Span::raw(" ".repeat(gap)),
            Span::raw(entry.right.clone()),
        ]);
        if i == selected {
            lines.push(filled(name, area.width, theme.selected));
        } else {
            lines.push(name.patch_style(theme.strong));
        }
        if two_lines {
            lines.push(Line::styled(format!("  {}", entry.description), theme.dim));
        }
    }
    if scrolled {
        let below = entries.len().saturating_sub(offset + visible);
        lines.push(more_line(below, "below", theme));
    }
    draw_lines(buffer, area, &lines);
}

/// Draws `lines` from the top of `area`, each cut at its width, as `Paragraph` does without
/// wrapping, but without its line composer, which was most of the time home took to draw.
pub fn draw_lines(buffer: &mut Buffer, area: Rect, lines: &[Line]) {
    let area = area.intersection(buffer.area);
    for (y, line) in (area.top()..area.bottom()).zip(lines) {
        let width = u16::try_from(line.width()).unwrap_or(u16::MAX);
        let x = match line.alignment {
            Some(Alignment::Center) => (area.width / 2).saturating_sub(width / 2),
            Some(Alignment::Right) => area.width.saturating_sub(width),
            Some(Alignment::Left) | None => 0,
        };
        buffer.set_line(area.x + x, y, line, area.width - x);
    }
}

/// "↑ 3 more above", or an empty line when there are none.
fn more_line(count: usize, where_: &str, theme: &Theme) -> Line<'static> {
    let arrow = if where_ == "above" { "↑" } else { "↓" };
    match count {
        0 => Line::default(),
        n => Line::styled(format!("  {arrow} {n} more {where_}"), theme.dim),
    }
}

/// The menus' column: a margin on narrow terminals, centred at the reading width on wide ones,
/// so a topic's mastery stays next to its name.
pub fn inset(area: Rect) -> Rect {
    let margin = if area.width > 60 { 2 } else { 1 };
    let width = area
        .width
        .saturating_sub(2 * margin)
        .min(super::document_width(area.width) as u16);
    Rect {
        x: area.x + (area.width - width) / 2,
        width,
        ..area
    }
}

pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::{Color, Modifier, Style};
    use ratatui::widgets::Paragraph;

    use super::*;

    /// `draw_lines` draws what `Paragraph` draws, styles included: styled spans, a line's own
    /// style, wide characters, alignments, lines cut at the edge and more lines than rows.
    #[test]
    fn lines_are_drawn_as_a_paragraph_draws_them() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let lines: Vec<Line> = vec![
            Line::default(),
            Line::styled("Networking in AKS", Style::new().fg(Color::Cyan)),
            Line::from(vec![
                Span::raw("▶ "),
                Span::styled(" 1  The big picture", bold),
                Span::raw("   "),
                Span::styled("0/1 ·  – ·   0%", Style::new().bg(Color::Blue)),
            ])
            .patch_style(Style::new().fg(Color::Black)),
            Line::raw("宽字符 at the edge 宽字符宽字符宽字符宽字符宽字符"),
            Line::raw("right").right_aligned(),
            Line::raw("centred 宽").centered(),
            Line::raw("a line too long for a narrow terminal, cut where it ends"),
        ];
        for (width, height) in [(100, 30), (40, 12), (23, 5), (7, 3), (1, 1)] {
            let draw = |paragraph: bool| {
                let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
                terminal
                    .draw(|frame| {
                        let area = Rect::new(1, 0, width - 1, height);
                        if paragraph {
                            frame.render_widget(Paragraph::new(lines.clone()), area);
                        } else {
                            draw_lines(frame.buffer_mut(), area, &lines);
                        }
                    })
                    .unwrap();
                terminal.backend().buffer().clone()
            };
            assert_eq!(draw(false), draw(true), "{width}x{height}");
        }
    }
}
