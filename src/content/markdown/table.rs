//! Tables: lesson tables become data (header, rows, cells), and the rows an author most likely got
//! wrong are reported.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{Align, Cell, Converter, Table};

impl Converter<'_> {
    pub(super) fn table(&mut self, alignments: Vec<Align>) -> Table {
        let mut header = Vec::new();
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let mut in_head = false;
        while let Some((event, range)) = self.events.next() {
            match event {
                Event::Start(Tag::TableHead) => {
                    in_head = true;
                    self.check_row_width(&range, alignments.len());
                }
                Event::End(TagEnd::TableHead) => in_head = false,
                Event::Start(Tag::TableRow) => {
                    self.check_row_width(&range, alignments.len());
                    rows.push(Vec::new());
                }
                Event::Start(Tag::TableCell) => {
                    let cell = Cell(self.inlines_until(TagEnd::TableCell));
                    match rows.last_mut() {
                        Some(row) if !in_head => row.push(cell),
                        _ => header.push(cell),
                    }
                }
                Event::End(TagEnd::Table) => break,
                _ => {}
            }
        }
        Table {
            alignments,
            header,
            rows,
            quiz: None,
        }
    }

    /// pulldown-cmark pads or cuts rows to the header's width; an author wants to hear about it.
    fn check_row_width(&mut self, range: &Range<usize>, expected: usize) {
        let line = first_line(&self.source[range.clone()]);
        let found = count_cells(line);
        if found != expected {
            self.issue(
                range.start,
                &format!(
                    "malformed table: this row has {found} cell{}, the header has {expected}",
                    if found == 1 { "" } else { "s" }
                ),
            );
        }
    }

    /// A paragraph that starts like a table row is a table that lost its `|---|` line.
    pub(super) fn check_stray_table_row(&mut self, range: &Range<usize>) {
        let line = first_line(&self.source[range.clone()]).trim();
        if line.len() > 1 && line.starts_with('|') && line.ends_with('|') {
            self.issue(
                range.start,
                "malformed table: a row of cells without a `|---|` delimiter line under the header",
            );
        }
    }
}

pub(super) fn align(alignment: pulldown_cmark::Alignment) -> Align {
    match alignment {
        pulldown_cmark::Alignment::Center => Align::Center,
        pulldown_cmark::Alignment::Right => Align::Right,
        pulldown_cmark::Alignment::None | pulldown_cmark::Alignment::Left => Align::Left,
    }
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("")
}

/// Counts the cells of a raw table row. As in GitHub's tables, every unescaped `|` separates
/// cells, even inside a code span.
fn count_cells(line: &str) -> usize {
    let line = line.trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let line = line
        .strip_suffix('|')
        .filter(|l| !l.ends_with('\\'))
        .unwrap_or(line);
    let mut cells = 1;
    let mut escaped = false;
    for ch in line.chars() {
        match ch {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '|' => cells += 1,
            _ => {}
        }
    }
    cells
}
