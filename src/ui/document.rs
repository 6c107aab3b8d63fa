//! Lays a lesson's blocks out as lines at a given width. Done once per lesson and width (in
//! `update`), never while drawing; the result also knows where each section starts.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::highlight::highlight;
use super::table::render_table;
use super::theme::Theme;
use super::wrap::wrap;
use crate::content::markdown::{Block, Callout, Inline};

/// A document laid out for one width.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rendered {
    pub lines: Vec<Line<'static>>,
    pub sections: Vec<Section>,
    /// The line the learner is acting on (a highlighted option), which scrolling keeps in view.
    pub focus: Option<usize>,
}

impl Rendered {
    pub fn from_lines(lines: Vec<Line<'static>>) -> Self {
        Self {
            lines,
            ..Self::default()
        }
    }

    /// `scroll` moved as little as needed to keep the focus line within `height` rows.
    pub fn scroll_to_focus(&self, scroll: usize, height: usize) -> usize {
        match self.focus {
            Some(line) if line < scroll => line,
            Some(line) if height > 0 && line >= scroll + height => line + 1 - height,
            _ => scroll,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub line: usize,
    pub title: String,
    pub anchor: String,
}

/// Lays out blocks; headings at the top level become sections.
pub fn render_document(blocks: &[Block], width: usize, theme: &Theme) -> Rendered {
    let mut rendered = Rendered::default();
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            rendered.lines.push(Line::default());
        }
        if let Block::Heading { text, anchor, .. } = block {
            rendered.sections.push(Section {
                line: rendered.lines.len(),
                title: text.clone(),
                anchor: anchor.clone(),
            });
        }
        rendered.lines.extend(render_block(block, width, theme));
    }
    rendered
}

/// The lines of one block.
pub fn render_block(block: &Block, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let width = width.max(1);
    match block {
        Block::Heading { level, text, .. } => {
            let style = if *level <= 2 {
                theme.heading
            } else {
                theme.subheading
            };
            wrap(&[(text.clone(), style)], width)
        }
        Block::Paragraph(inlines) => wrap(&pieces(inlines, theme.base, theme), width),
        Block::List { start, items } => {
            let mut lines = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let marker = match start {
                    Some(n) => format!("{}. ", n + i as u64),
                    None => "• ".to_string(),
                };
                let marker_width = unicode_width::UnicodeWidthStr::width(marker.as_str());
                let inner = render_blocks_tight(item, width.saturating_sub(marker_width), theme);
                let hanging = " ".repeat(marker_width);
                lines.extend(prefixed(inner, &marker, &hanging, theme.dim));
            }
            lines
        }
        Block::Quote { callout, blocks } => {
            let (bar, style) = match callout {
                Callout::Correction => ("▌ ", theme.correction),
                Callout::Note => ("▌ ", theme.note),
                Callout::Plain => ("│ ", theme.dim),
            };
            let inner = render_blocks_tight(blocks, width.saturating_sub(2), theme);
            prefixed(inner, bar, bar, style)
        }
        Block::Code { language, text } => render_code(language, text, width, theme),
        Block::Table(table) => render_table(table, width, theme),
        Block::Rule => vec![Line::styled("─".repeat(width), theme.dim)],
    }
}

/// Code keeps its lines; a line too long for the width continues after a `┆` gutter. Diagrams
/// (and plain text, which the course uses for command output laid out in columns) never wrap,
/// since a wrapped drawing is garbage: a line too long is clipped and ends with a `›` marker.
pub fn render_code(language: &str, text: &str, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    if matches!(language, "diagram" | "text") {
        return render_clipped(text, width, theme);
    }
    let mut lines = Vec::new();
    for source_line in text.lines() {
        let pieces = highlight(language, source_line, theme);
        for (i, line) in wrap(&pieces, width.saturating_sub(2).max(1))
            .into_iter()
            .enumerate()
        {
            let gutter = if i == 0 { "│ " } else { "┆ " };
            let mut spans = vec![Span::styled(gutter, theme.code_gutter)];
            spans.extend(line.spans);
            lines.push(Line::from(spans));
        }
    }
    lines
}

fn render_clipped(text: &str, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let room = width.saturating_sub(2).max(1);
    text.lines()
        .map(|source_line| {
            let mut spans = vec![Span::styled("│ ", theme.code_gutter)];
            if source_line.width() <= room {
                spans.push(Span::styled(source_line.to_string(), theme.code));
            } else {
                let mut kept = String::new();
                let mut used = 0;
                for ch in source_line.chars() {
                    let w = ch.width().unwrap_or(0);
                    if used + w + 1 > room {
                        break;
                    }
                    kept.push(ch);
                    used += w;
                }
                spans.push(Span::styled(kept, theme.code));
                spans.push(Span::styled("›", theme.code_gutter));
            }
            Line::from(spans)
        })
        .collect()
}

/// Blocks inside a list item or quote: paragraphs follow each other without blank lines between
/// the item's first paragraph and a nested list.
fn render_blocks_tight(blocks: &[Block], width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let nested_list = matches!(block, Block::List { .. });
        if i > 0 && !nested_list {
            lines.push(Line::default());
        }
        lines.extend(render_block(block, width, theme));
    }
    lines
}

fn prefixed(
    lines: Vec<Line<'static>>,
    first: &str,
    rest: &str,
    style: Style,
) -> Vec<Line<'static>> {
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let marker = if i == 0 { first } else { rest };
            let mut spans = vec![Span::styled(marker.to_string(), style)];
            spans.extend(line.spans);
            Line::from(spans)
        })
        .collect()
}

/// Inline text as styled pieces, each style patched onto `base`.
pub fn pieces(inlines: &[Inline], base: Style, theme: &Theme) -> Vec<(String, Style)> {
    inlines
        .iter()
        .map(|inline| {
            let mut style = base;
            if inline.style.code {
                style = style.patch(theme.inline_code);
            }
            if inline.style.strong {
                style = style.patch(theme.strong);
            }
            if inline.style.emphasis {
                style = style.patch(theme.emphasis);
            }
            if inline.style.link {
                style = style.patch(theme.link);
            }
            if inline.style.strikethrough {
                style = style.add_modifier(Modifier::CROSSED_OUT);
            }
            (inline.text.clone(), style)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::markdown::parse;
    use crate::ui::wrap::texts;

    #[test]
    fn a_diagram_is_clipped_with_a_marker_never_wrapped() {
        let diagram = "[Load Balancer] --> [Ingress] --> [Service] --> [Pod]\nshort";
        let lines = texts(&render_code("diagram", diagram, 30, &Theme::monochrome()));
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(
            lines[0].ends_with('›') && lines[0].chars().count() <= 30,
            "{lines:?}"
        );
        assert_eq!(lines[1], "│ short");
        let shell = texts(&render_code("shell", diagram, 30, &Theme::monochrome()));
        assert!(
            shell.len() > 2,
            "code still wraps, after a ┆ gutter: {shell:?}"
        );
    }

    #[test]
    fn scrolling_to_the_focus_moves_as_little_as_needed() {
        let rendered = Rendered {
            focus: Some(10),
            ..Rendered::from_lines(vec![Line::default(); 20])
        };
        assert_eq!(
            rendered.scroll_to_focus(0, 5),
            6,
            "down until the focus is the last row"
        );
        assert_eq!(rendered.scroll_to_focus(8, 5), 8, "already in view");
        assert_eq!(rendered.scroll_to_focus(12, 5), 10, "up to the focus");
        assert_eq!(
            Rendered::from_lines(vec![]).scroll_to_focus(3, 5),
            3,
            "no focus: no change"
        );
    }

    #[test]
    fn sections_point_at_their_heading_lines() {
        let (blocks, _) = parse("## One\n\nText.\n\n## Two\n");
        let rendered = render_document(&blocks, 40, &Theme::monochrome());
        assert_eq!(
            rendered.sections.iter().map(|s| s.line).collect::<Vec<_>>(),
            [0, 4]
        );
        assert_eq!(texts(&rendered.lines)[4], "Two");
    }

    #[test]
    fn lists_get_markers_and_hanging_indents() {
        let (blocks, _) = parse("- first item wraps here\n- second\n");
        let lines = render_block(&blocks[0], 14, &Theme::monochrome());
        assert_eq!(texts(&lines), ["• first item", "  wraps here", "• second"]);
    }

    #[test]
    fn corrections_have_a_bar() {
        let (blocks, _) = parse("> **Correction:** 251 usable.\n");
        let lines = render_block(&blocks[0], 40, &Theme::monochrome());
        assert_eq!(texts(&lines), ["▌ Correction: 251 usable."]);
    }

    #[test]
    fn long_code_lines_continue_in_a_dotted_gutter() {
        let lines = render_code(
            "shell",
            "kubectl get pods --all-namespaces",
            20,
            &Theme::monochrome(),
        );
        let texts = texts(&lines);
        assert!(texts[0].starts_with("│ kubectl"));
        assert!(texts[1].starts_with("┆ "));
    }
}
