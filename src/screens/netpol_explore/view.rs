//! The explorer drawn: the question and the counts above a grid whose row and column headers stay
//! in view while it scrolls both ways, or the "why" of one cell. Pure functions of the screen;
//! the only thing drawing writes is where the grid's window ended up ([`super::GridWindow`]).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{CellCursor, GridWindow, NetpolExploreScreen};
use crate::netpol::explore::{Counts, Explorer};
use crate::netpol::{Cell, PodRef};
use crate::screens::Chrome;
use crate::ui::theme::Theme;
use crate::ui::wrap::wrap;

/// Lines above the grid: the question, the counts, the legend, the cursor's cell, the column
/// numbers.
const LINES_ABOVE_GRID: u16 = 5;
/// The grid needs its header lines, three rows to move in, and a line saying what is out of view.
const MIN_BODY_HEIGHT: u16 = LINES_ABOVE_GRID + 4;
/// Points at the cursor's row.
const POINTER: &str = "▶ ";
/// Row headers never take less than this, however narrow the terminal.
const MIN_LABEL_WIDTH: usize = 10;

pub fn draw_netpol_explore(
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    screen: &NetpolExploreScreen,
) -> Chrome {
    if let Some(panel) = &screen.why {
        super::why::draw_why(frame, area, theme, &screen.explorer, panel);
        return Chrome::new(["Policy explorer".to_string(), "Why".to_string()]);
    }
    let chrome = Chrome::new(["Policy explorer".to_string()]);
    if area.height < MIN_BODY_HEIGHT {
        let message = "Too little room for the grid: make the terminal taller.".to_string();
        frame.render_widget(
            Paragraph::new(wrap(&[(message, theme.warning)], usize::from(area.width))),
            area,
        );
        return chrome;
    }
    let explorer = &screen.explorer;
    let width = usize::from(area.width);
    let question = match &screen.port_prompt {
        Some(typed) => Line::from(vec![
            Span::styled(
                "Port to ask about (a number or a port name): ",
                theme.strong,
            ),
            Span::styled(format!("{}▏", typed.text), theme.base),
        ]),
        None => question_line(explorer),
    };
    let mut lines = vec![
        question,
        counts_line(screen.counts, theme),
        legend_line(explorer, screen.counts, theme),
        cursor_line(explorer, screen.cursor, width, theme),
    ];
    if explorer.is_empty() {
        lines.push(Line::styled("No workloads to show.", theme.dim));
    } else {
        let grid_rows = usize::from(area.height - LINES_ABOVE_GRID - 1);
        lines.extend(grid_lines(screen, width, grid_rows, theme));
    }
    let lines: Vec<Line> = lines.into_iter().map(|l| clip(l, width)).collect();
    frame.render_widget(Paragraph::new(lines), area);
    chrome
}

/// The question and the keys that change it: `TCP 8080 (p P t) · standard engine (e) · all 3
/// namespaces (n)`.
fn question_line(explorer: &Explorer) -> Line<'static> {
    let namespaces = explorer.namespaces().len();
    let filter = match explorer.namespace() {
        Some(ns) => format!("only {ns}"),
        None if namespaces == 1 => "its one namespace".to_string(),
        None => format!("all {namespaces} namespaces"),
    };
    Line::from(format!(
        "{} {} (p P t) · {} engine (e) · {filter} (n)",
        explorer.protocol(),
        explorer.port(),
        explorer.engine(),
    ))
}

/// `✓ 14 allowed   ✗ 42 denied   of 56 pairs`, unknown ones only when there are some.
fn counts_line(counts: Counts, theme: &Theme) -> Line<'static> {
    let pairs = counts.allowed + counts.denied + counts.unknown;
    let mut spans = vec![
        Span::styled(format!("✓ {} allowed", counts.allowed), theme.done),
        Span::styled("   ", theme.base),
        Span::styled(format!("✗ {} denied", counts.denied), theme.warning),
    ];
    if counts.unknown > 0 {
        spans.push(Span::styled(
            format!("   ~ {} unknown", counts.unknown),
            theme.note,
        ));
    }
    spans.push(Span::styled(format!("   of {pairs} pairs"), theme.dim));
    Line::from(spans)
}

/// Which way the grid reads, and the symbols beyond ✓ and ✗ that can show now.
fn legend_line(explorer: &Explorer, counts: Counts, theme: &Theme) -> Line<'static> {
    let mut parts = vec!["rows: from", "columns: to", "· itself"];
    if counts.unknown > 0 {
        parts.push("~ depends on a pod IP the manifests lack");
    }
    if matches!(explorer.port(), crate::netpol::PortRef::Name(_)) {
        parts.push("? no port of that name");
    }
    // Not `·`-separated: `·` is a symbol here.
    Line::styled(parts.join("   "), theme.dim)
}

/// The cell under the cursor, its verdict first: `✓ allowed: shop/frontend → shop/cart`, the
/// names shortened only when the line would not fit.
fn cursor_line(
    explorer: &Explorer,
    cursor: CellCursor,
    width: usize,
    theme: &Theme,
) -> Line<'static> {
    if explorer.is_empty() {
        return Line::default();
    }
    let pods = explorer.workloads();
    let cell = explorer.cell(cursor.from, cursor.to);
    let (word, style) = match cell {
        Cell::Allowed => ("allowed", theme.done),
        Cell::Denied => ("denied", theme.warning),
        Cell::Unknown => ("unknown (a pod IP)", theme.note),
        Cell::NoSuchPort => ("denied (no such port)", theme.warning),
        Cell::SelfPair => ("itself", theme.dim),
    };
    let verdict = format!("{} {word}: ", symbol(cell));
    let room = width.saturating_sub(verdict.chars().count() + 3) / 2;
    let (from, to) = (&pods[cursor.from], &pods[cursor.to]);
    let full = format!("{from} → {to}");
    let names = if verdict.chars().count() + full.chars().count() <= width {
        full
    } else {
        format!("{} → {}", shorten(from, room), shorten(to, room))
    };
    Line::from(vec![
        Span::styled(verdict, style),
        Span::styled(names, theme.strong),
    ])
}

/// The grid's symbols: what a learner reads at a glance.
pub fn symbol(cell: Cell) -> char {
    match cell {
        Cell::Allowed => '✓',
        Cell::Denied => '✗',
        Cell::Unknown => '~',
        Cell::NoSuchPort => '?',
        Cell::SelfPair => '·',
    }
}

/// The column numbers, the rows in view, and a line saying what is out of view.
fn grid_lines(
    screen: &NetpolExploreScreen,
    width: usize,
    rows: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let explorer = &screen.explorer;
    let pods = explorer.workloads();
    let total = pods.len();
    let number_width = total.to_string().len();
    let cell_width = number_width.max(2) + 1;
    let longest = pods
        .iter()
        .map(|p| label(p).chars().count())
        .max()
        .unwrap_or(0);
    let label_width = longest
        .min(width * 2 / 5)
        .max(MIN_LABEL_WIDTH)
        .min(width.saturating_sub(POINTER.chars().count() + number_width + 2 + cell_width));
    // Pointer, number, a space, the name, a space before the first cell.
    let header_width = POINTER.chars().count() + number_width + 1 + label_width + 1;
    let columns = (width.saturating_sub(header_width) / cell_width).max(1);
    let cursor = screen.cursor;
    let window = &screen.window;
    let first_row = GridWindow::follow(window.first_row.get(), cursor.from, rows, total);
    let first_column = GridWindow::follow(window.first_column.get(), cursor.to, columns, total);
    window.first_row.set(first_row);
    window.first_column.set(first_column);
    window.rows.set(rows);
    window.columns.set(columns);
    let shown_columns = first_column..(first_column + columns).min(total);

    let mut header = vec![Span::raw(" ".repeat(header_width))];
    for column in shown_columns.clone() {
        let style = if column == cursor.to {
            theme.selected
        } else {
            theme.dim
        };
        let number_end = cell_width - 1;
        header.push(Span::styled(format!("{:>number_end$} ", column + 1), style));
    }
    let mut lines = vec![Line::from(header)];
    for (row, pod) in pods.iter().enumerate().skip(first_row).take(rows) {
        let name = shorten(pod, label_width);
        let head_style = if row == cursor.from {
            theme.selected
        } else {
            theme.strong
        };
        let pointer = if row == cursor.from { POINTER } else { "  " };
        let mut spans = vec![
            Span::styled(pointer, theme.strong),
            Span::styled(format!("{:>number_width$} ", row + 1), theme.dim),
            Span::styled(format!("{name:<label_width$}"), head_style),
            Span::raw(" "),
        ];
        for column in shown_columns.clone() {
            let cell = explorer.cell(row, column);
            // The cursor's cell is bracketed, so it shows without colour too.
            let (text, style) = if row == cursor.from && column == cursor.to {
                (
                    format!("{}[{}]", " ".repeat(cell_width - 3), symbol(cell)),
                    theme.selected,
                )
            } else {
                (
                    format!("{}{} ", " ".repeat(cell_width - 2), symbol(cell)),
                    cell_style(cell, theme),
                )
            };
            spans.push(Span::styled(text, style));
        }
        lines.push(Line::from(spans));
    }
    lines.push(out_of_view(
        first_row,
        (first_row + rows).min(total),
        &shown_columns,
        total,
        theme,
    ));
    lines
}

fn cell_style(cell: Cell, theme: &Theme) -> Style {
    match cell {
        Cell::Allowed => theme.done,
        Cell::Denied | Cell::NoSuchPort => theme.warning,
        Cell::Unknown => theme.note,
        Cell::SelfPair => theme.dim,
    }
}

/// `rows 1–16 of 40 · columns 9–26 of 40`, or nothing when the whole grid shows.
fn out_of_view(
    first_row: usize,
    end_row: usize,
    columns: &std::ops::Range<usize>,
    total: usize,
    theme: &Theme,
) -> Line<'static> {
    let rows_hidden = end_row - first_row < total;
    let columns_hidden = columns.len() < total;
    if !rows_hidden && !columns_hidden {
        return Line::default();
    }
    Line::styled(
        format!(
            "rows {}–{end_row} of {total} · columns {}–{} of {total}",
            first_row + 1,
            columns.start + 1,
            columns.end,
        ),
        theme.dim,
    )
}

fn label(pod: &PodRef) -> String {
    pod.to_string()
}

/// `namespace/name` in at most `width` characters: the name matters most, so the namespace
/// gives way first (`obs…/prometheus`), then the name's end (`observ…/prometheus-serv…`).
pub fn shorten(pod: &PodRef, width: usize) -> String {
    let full = label(pod);
    if full.chars().count() <= width {
        return full;
    }
    let name_length = pod.name.chars().count();
    let namespace_room = width.saturating_sub(name_length + 1);
    if namespace_room >= 2 {
        return format!("{}/{}", cut(&pod.namespace, namespace_room), pod.name);
    }
    // A long name leaves the namespace a third of the room, enough to tell namespaces apart.
    let namespace = cut(&pod.namespace, (width / 3).max(4));
    let name_room = width.saturating_sub(namespace.chars().count() + 1);
    if name_room >= 4 {
        return format!("{namespace}/{}", cut(&pod.name, name_room));
    }
    cut(&full, width)
}

/// `text` in at most `width` characters, ending in `…` when cut.
fn cut(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let kept: String = text.chars().take(width.saturating_sub(1)).collect();
    format!("{kept}…")
}

/// A line cut to the width, so a long cursor line never wraps into the grid.
fn clip(line: Line<'static>, width: usize) -> Line<'static> {
    let mut left = width;
    let mut spans = Vec::new();
    for span in line.spans {
        if left == 0 {
            break;
        }
        let length = span.content.chars().count();
        if length <= left {
            left -= length;
            spans.push(span);
        } else {
            spans.push(Span::styled(cut(&span.content, left), span.style));
            left = 0;
        }
    }
    Line::from(spans).style(line.style)
}
