//! Tables drawn as real tables: columns sized to their content and the width, cells wrapped,
//! aligned as the markdown says. Too narrow for columns, a table becomes one card per row.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::document::pieces;
use super::theme::Theme;
use super::wrap::{line_width, wrap};
use crate::content::markdown::{Align, Cell, Table};

/// Narrower columns than this read badly; below it the table is drawn as cards.
const MIN_COLUMN: usize = 5;

pub fn render_table(table: &Table, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let columns = table.header.len().max(1);
    let frame = 3 * columns + 1; // "│ " before each cell, " " after, and the last "│"
    let available = width.saturating_sub(frame);
    if available < MIN_COLUMN * columns {
        return render_cards(table, width, theme);
    }
    let Some(widths) = column_widths(table, available) else {
        // Columns this narrow would break words ("(configu|rable"): cards read better.
        return render_cards(table, width, theme);
    };
    let border = |left: &str, mid: &str, right: &str| {
        let inner: Vec<String> = widths.iter().map(|w| "─".repeat(w + 2)).collect();
        Line::styled(format!("{left}{}{right}", inner.join(mid)), theme.border)
    };
    let rows: Vec<Vec<Vec<Line<'static>>>> = std::iter::once((&table.header, theme.table_header))
        .chain(table.rows.iter().map(|row| (row, theme.base)))
        .map(|(row, style)| {
            widths
                .iter()
                .enumerate()
                .map(|(i, w)| cell_lines(row.get(i), style, *w, theme))
                .collect()
        })
        .collect();
    let wrapped = rows
        .iter()
        .skip(1)
        .any(|row| row.iter().any(|cell| cell.len() > 1));

    let mut lines = vec![border("┌", "┬", "┐")];
    for (r, row) in rows.iter().enumerate() {
        if r == 1 {
            let double: Vec<String> = widths.iter().map(|w| "═".repeat(w + 2)).collect();
            lines.push(Line::styled(
                format!("╞{}╡", double.join("╪")),
                theme.border,
            ));
        } else if r > 1 && wrapped {
            lines.push(border("├", "┼", "┤"));
        }
        let height = row.iter().map(Vec::len).max().unwrap_or(1);
        for l in 0..height {
            let mut spans = Vec::new();
            for (c, cell) in row.iter().enumerate() {
                spans.push(Span::styled(
                    if c == 0 { "│ " } else { " │ " },
                    theme.border,
                ));
                let line = cell.get(l).cloned().unwrap_or_default();
                let align = table.alignments.get(c).copied().unwrap_or(Align::Left);
                spans.extend(pad(line, widths[c], align).spans);
            }
            spans.push(Span::styled(" │", theme.border));
            lines.push(Line::from(spans));
        }
    }
    lines.push(border("└", "┴", "┘"));
    lines
}

/// Natural widths when they fit. Otherwise every column starts from its longest word, so no word
/// is broken, and the rest is shared out in proportion to what each column still wants; `None`
/// when even the longest words do not fit side by side.
fn column_widths(table: &Table, available: usize) -> Option<Vec<usize>> {
    let columns = table.header.len();
    let all_rows = || std::iter::once(&table.header).chain(&table.rows);
    let natural: Vec<usize> = (0..columns)
        .map(|c| {
            all_rows()
                .map(|row| row.get(c).map_or(0, |cell| cell.text().width()))
                .max()
                .unwrap_or(0)
                .max(1)
        })
        .collect();
    if natural.iter().sum::<usize>() <= available {
        return Some(natural);
    }
    let longest_word = |c: usize| {
        all_rows()
            .filter_map(|row| row.get(c))
            .flat_map(|cell| {
                cell.text()
                    .split_whitespace()
                    .map(UnicodeWidthStr::width)
                    .collect::<Vec<_>>()
            })
            .max()
            .unwrap_or(1)
    };
    let mut widths: Vec<usize> = (0..columns)
        .map(|c| longest_word(c).clamp(1, natural[c]))
        .collect();
    if widths.iter().sum::<usize>() > available {
        return None;
    }
    let mut spare = available.saturating_sub(widths.iter().sum());
    let wants: Vec<usize> = (0..columns).map(|c| natural[c] - widths[c]).collect();
    let total_want: usize = wants.iter().sum();
    let shares: Vec<usize> = wants
        .iter()
        .map(|want| (spare * want).checked_div(total_want).unwrap_or(0))
        .collect();
    for (c, share) in shares.into_iter().enumerate() {
        widths[c] += share;
        spare -= share;
    }
    // Rounding leaves a few columns over: give them to the columns that still want most.
    while spare > 0 {
        let Some(c) = (0..columns)
            .filter(|c| natural[*c] > widths[*c])
            .max_by_key(|c| natural[*c] - widths[*c])
        else {
            break;
        };
        widths[c] += 1;
        spare -= 1;
    }
    Some(widths)
}

fn cell_lines(cell: Option<&Cell>, base: Style, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    match cell {
        Some(cell) => wrap(&pieces(&cell.0, base, theme), width),
        None => vec![Line::default()],
    }
}

fn pad(mut line: Line<'static>, width: usize, align: Align) -> Line<'static> {
    let gap = width.saturating_sub(line_width(&line));
    let (before, after) = match align {
        Align::Left => (0, gap),
        Align::Right => (gap, 0),
        Align::Center => (gap / 2, gap - gap / 2),
    };
    if before > 0 {
        line.spans.insert(0, Span::raw(" ".repeat(before)));
    }
    if after > 0 {
        line.spans.push(Span::raw(" ".repeat(after)));
    }
    line
}

/// One block per row: `Header: value` lines, for terminals too narrow for the columns.
fn render_cards(table: &Table, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (r, row) in table.rows.iter().enumerate() {
        if r > 0 {
            lines.push(Line::styled("─".repeat(width.min(20)), theme.border));
        }
        for (c, cell) in row.iter().enumerate() {
            let header = table.header.get(c).map(Cell::text).unwrap_or_default();
            let mut parts = vec![(format!("{header}: "), theme.table_header)];
            parts.extend(pieces(&cell.0, theme.base, theme));
            lines.extend(wrap(&parts, width));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::markdown::{Block, parse};
    use crate::ui::wrap::texts;

    fn table(source: &str) -> Table {
        match parse(source).0.remove(0) {
            Block::Table(table) => table,
            other => panic!("not a table: {other:?}"),
        }
    }

    #[test]
    fn a_table_that_fits_uses_natural_widths() {
        let t = table("| Type | Use |\n|---|---|\n| Internal | Backends |\n");
        let lines = texts(&render_table(&t, 80, &Theme::monochrome()));
        assert_eq!(
            lines,
            [
                "┌──────────┬──────────┐",
                "│ Type     │ Use      │",
                "╞══════════╪══════════╡",
                "│ Internal │ Backends │",
                "└──────────┴──────────┘"
            ]
        );
    }

    #[test]
    fn no_word_is_broken_inside_a_cell() {
        let t = table(
            "| Plugin | Max pods |\n|---|---|\n| Azure CNI Overlay | 250 (configurable) per node |\n",
        );
        for width in 20..60 {
            let lines = texts(&render_table(&t, width, &Theme::monochrome()));
            let text = lines.join(" ");
            for word in ["configurable", "Overlay", "(configurable)"] {
                assert!(
                    text.contains(word),
                    "{word:?} broken at {width} columns:\n{}",
                    lines.join("\n")
                );
            }
        }
    }

    #[test]
    fn a_wide_table_wraps_cells_and_every_line_fits() {
        let t = table(
            "| Feature | Kubenet | Azure CNI |\n|---|---|---|\n| Pod IP source | NAT'd bridge (10.244.x.x) | VNet subnet, one IP per pod |\n| Windows | No | Yes |\n",
        );
        let lines = render_table(&t, 40, &Theme::monochrome());
        assert!(
            lines.iter().all(|l| line_width(l) <= 40),
            "{:?}",
            texts(&lines)
        );
        assert!(texts(&lines).iter().any(|l| l.contains("10.244.x.x")));
        assert!(
            texts(&lines).iter().any(|l| l.starts_with('├')),
            "wrapped rows are separated"
        );
    }

    #[test]
    fn words_are_not_broken_while_the_longest_words_fit() {
        let t = table(
            "| Feature | Kubenet | Azure CNI | Overlay | Cilium |\n|---|---|---|---|---|\n| Best for | Dev/test, small clusters | Enterprise, VNet integration | Large clusters, IP-constrained | Advanced observability, eBPF |\n",
        );
        let lines = texts(&render_table(&t, 76, &Theme::monochrome()));
        let all = lines.join("\n");
        assert!(all.contains("observability"), "{all}");
        assert!(all.contains("IP-constrained"), "{all}");
        assert!(
            lines.iter().all(|l| l.chars().count() == 76),
            "the table uses the whole width:\n{all}"
        );
    }

    #[test]
    fn right_aligned_cells_are_padded_on_the_left() {
        let t = table("| n | name |\n|--:|---|\n| 1 | x |\n| 100 | y |\n");
        let lines = texts(&render_table(&t, 80, &Theme::monochrome()));
        assert_eq!(lines[3], "│   1 │ x    │");
    }

    #[test]
    fn a_very_narrow_terminal_gets_cards() {
        let t = table("| Feature | Kubenet | Azure CNI |\n|---|---|---|\n| Windows | No | Yes |\n");
        let lines = texts(&render_table(&t, 20, &Theme::monochrome()));
        assert_eq!(lines, ["Feature: Windows", "Kubenet: No", "Azure CNI: Yes"]);
    }
}
