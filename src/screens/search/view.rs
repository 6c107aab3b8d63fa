//! The search screen: the query line, then the hits, each a title and a snippet.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::SearchScreen;
use crate::screens::Context;
use crate::ui::filled;

pub fn draw_search(frame: &mut Frame, area: Rect, cx: &Context, screen: &SearchScreen) {
    let theme = cx.theme;
    let margin = if area.width > 60 { 2 } else { 1 };
    let area = Rect {
        x: area.x + margin,
        width: area.width.saturating_sub(2 * margin),
        ..area
    };
    let mut lines = vec![
        Line::default(),
        Line::from(vec![
            Span::styled("Search › ", theme.key),
            Span::styled(screen.query.clone(), theme.strong),
            Span::styled("▏", theme.key),
        ]),
    ];
    let count = match (screen.query.trim().is_empty(), screen.hits.len()) {
        (true, _) => {
            "Type words to find in every lesson, lab step, question and interview item.".to_string()
        }
        (false, 0) => "Nothing holds all of those words.".to_string(),
        (false, 1) => "1 place".to_string(),
        (false, n) => format!("{n} places"),
    };
    lines.push(Line::styled(count, theme.dim));
    lines.push(Line::default());
    let visible = (usize::from(area.height).saturating_sub(lines.len()) / 2).max(1);
    let offset = screen.list.offset(visible);
    for (i, hit) in screen.hits.iter().enumerate().skip(offset).take(visible) {
        let title = Line::from(vec![
            Span::raw(if i == screen.list.selected {
                "▶ "
            } else {
                "  "
            }),
            Span::raw(hit.title.clone()),
        ]);
        lines.push(if i == screen.list.selected {
            filled(title, area.width, theme.selected)
        } else {
            title.patch_style(theme.strong)
        });
        lines.push(Line::styled(format!("  {}", hit.snippet), theme.dim));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
