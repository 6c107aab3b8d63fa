//! The first frame is written onto the blank screen the terminal gives on entering the alternate
//! screen, before ratatui's `Terminal` exists: that one allocates and fills two screen buffers,
//! the second only to hold the blank screen its diff compares with, and at 100x30 that buffer
//! (144 KB of fresh memory) cost about 0.08 ms of a 2 ms launch.

use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};

/// The cells, in order, that ratatui's diff from a blank buffer to `buffer` gives
/// (`Buffer::empty(area).diff(buffer)`, which a test holds this to), without the blank buffer.
/// With nothing on screen to compare with, only ratatui's rules for what a cell covers are left:
/// a wide symbol covers the cells after it, and an emoji made wide by U+FE0F has the cells it
/// covers written too unless they are blank (some terminals leave them showing otherwise).
pub fn onto_blank_screen(buffer: &Buffer) -> Vec<(u16, u16, &Cell)> {
    let cells = &buffer.content;
    let at = |index: usize| {
        let (x, y) = buffer.pos_of(index);
        (x, y, &cells[index])
    };
    let mut updates = Vec::new();
    let mut index = 0;
    while index < cells.len() {
        let cell = &cells[index];
        let width = usize::from(cell.cell_width());
        match cell.diff_option {
            _ if is_skip(cell) => index += 1,
            CellDiffOption::ForcedWidth(_) => {
                if *cell != Cell::EMPTY {
                    updates.push(at(index));
                }
                index += width;
            }
            CellDiffOption::None if *cell == Cell::EMPTY => index += 1,
            CellDiffOption::None | CellDiffOption::AlwaysUpdate | CellDiffOption::Skip => {
                updates.push(at(index));
                if width > 1 && cell.symbol().contains('\u{FE0F}') {
                    let mut covered = index + 1;
                    let mut end = (index + width).min(cells.len());
                    while covered < end {
                        let trailing = covered;
                        covered += usize::from(cells[trailing].cell_width().max(1));
                        end = end.max(covered).min(cells.len());
                        if !is_skip(&cells[trailing]) && cells[trailing].symbol() != " " {
                            updates.push(at(trailing));
                        }
                    }
                    index = end;
                } else {
                    index += width.max(1);
                }
            }
        }
    }
    updates
}

/// Whether ratatui's diff passes over `cell` (its `skip` flag is deprecated but still read).
#[allow(deprecated)]
fn is_skip(cell: &Cell) -> bool {
    matches!(cell.diff_option, CellDiffOption::Skip)
        || (cell.skip && matches!(cell.diff_option, CellDiffOption::None))
}

#[cfg(test)]
mod tests {
    use std::num::NonZeroU16;

    use proptest::prelude::*;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier, Style};

    use super::*;

    fn ratatuis(buffer: &Buffer) -> Vec<(u16, u16, &Cell)> {
        Buffer::empty(buffer.area).diff(buffer)
    }

    /// Wide characters, emoji with and without U+FE0F, styled blanks, each diff option and
    /// a wide symbol at a row's end.
    #[test]
    fn the_cells_are_those_ratatuis_diff_from_a_blank_buffer_gives() {
        let mut buffer = Buffer::empty(Rect::new(2, 1, 12, 4));
        buffer.set_string(2, 1, "ab 宽字 ☁\u{fe0f}x", Style::new().fg(Color::Cyan));
        buffer.set_string(2, 2, "  ", Style::new().bg(Color::Blue));
        buffer.set_string(
            3,
            3,
            "👍 ok ✔\u{fe0f}",
            Style::new().add_modifier(Modifier::BOLD),
        );
        buffer.set_string(12, 4, "宽", Style::new());
        buffer[(9, 2)].set_diff_option(CellDiffOption::Skip);
        buffer[(10, 2)].set_diff_option(CellDiffOption::AlwaysUpdate);
        buffer[(5, 4)]
            .set_symbol("wide")
            .set_diff_option(CellDiffOption::ForcedWidth(NonZeroU16::new(3).unwrap()));
        assert_eq!(onto_blank_screen(&buffer), ratatuis(&buffer));
        assert!(!onto_blank_screen(&buffer).is_empty());
    }

    const SYMBOLS: &[&str] = &["a", " ", "宽", "👍", "☁\u{fe0f}", "é", "\u{ff9e}", "--"];

    fn any_cell() -> impl Strategy<Value = Cell> {
        (
            0..SYMBOLS.len(),
            0..4u8,
            prop::bool::ANY,
            prop::bool::weighted(0.1),
            0..5u8,
        )
            .prop_map(|(symbol, colour, bold, skipped, option)| {
                let mut cell = Cell::EMPTY;
                cell.set_symbol(SYMBOLS[symbol]);
                if colour > 0 {
                    cell.set_bg(Color::Indexed(colour));
                }
                if bold {
                    cell.modifier = Modifier::BOLD;
                }
                #[allow(deprecated)]
                {
                    cell.skip = skipped;
                }
                cell.diff_option = match option {
                    0 => CellDiffOption::Skip,
                    1 => CellDiffOption::AlwaysUpdate,
                    2 => CellDiffOption::ForcedWidth(NonZeroU16::new(2).unwrap()),
                    _ => CellDiffOption::None,
                };
                cell
            })
    }

    proptest! {
        /// Any buffer at all, well formed or not: the same cells in the same order.
        #[test]
        fn any_buffer_gives_what_ratatuis_diff_gives(
            width in 1..9u16,
            cells in prop::collection::vec(prop::option::weighted(0.6, any_cell()), 1..60),
        ) {
            let height = (cells.len() as u16).div_ceil(width);
            let mut buffer = Buffer::empty(Rect::new(0, 0, width, height));
            for (slot, cell) in buffer.content.iter_mut().zip(cells) {
                if let Some(cell) = cell {
                    *slot = cell;
                }
            }
            prop_assert_eq!(onto_blank_screen(&buffer), ratatuis(&buffer));
        }
    }
}
