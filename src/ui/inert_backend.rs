//! The last gate before the terminal: every cell the tutor draws passes through the same inert
//! check as every line a command prints ([`crate::inert`]). Content is already made inert when it
//! is loaded; this keeps anything that reaches a cell by another way (a manifest's name, a file
//! name, a message built from a path) from driving the terminal.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

use crate::inert::{is_inert, sanitize};

/// A backend that draws through `B`, with every cell's text made inert first.
pub struct InertBackend<B>(pub B);

/// Whether a cell's text reaches the terminal unchanged: inert, on one line. A printable ASCII
/// character (nearly every cell) is answered without the general check.
fn shows_as_is(cell: &Cell) -> bool {
    match cell.symbol().as_bytes() {
        [byte] => (0x20..0x7f).contains(byte),
        symbol => is_inert(cell.symbol()) && !symbol.contains(&b'\n'),
    }
}

/// The cell with its text made inert. A cell holds one grapheme: what cannot be shown as one
/// becomes a space.
fn clean(cell: &Cell) -> Cell {
    let mut clean = cell.clone();
    let text = sanitize(cell.symbol()).replace('\n', "");
    clean.set_symbol(if text.is_empty() { " " } else { &text });
    clean
}

impl<B: Backend> Backend for InertBackend<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        // Nearly every cell shows as it is; the few that do not are cleaned into their own list
        // and taken from it in order, so a frame's cells are not copied.
        let cells: Vec<(u16, u16, &'a Cell)> = content.collect();
        let cleaned: Vec<Cell> = cells
            .iter()
            .filter(|(_, _, cell)| !shows_as_is(cell))
            .map(|(_, _, cell)| clean(cell))
            .collect();
        let mut cleaned = cleaned.iter();
        self.0.draw(cells.into_iter().map(|(x, y, cell)| {
            let cell = if shows_as_is(cell) {
                cell
            } else {
                cleaned
                    .next()
                    .expect("a cleaned cell for each one not shown as is")
            };
            (x, y, cell)
        }))
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.0.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.0.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.0.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.0.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::widgets::Paragraph;

    #[test]
    fn a_cell_that_could_drive_the_terminal_is_drawn_inert() {
        let mut terminal = Terminal::new(InertBackend(TestBackend::new(12, 1))).unwrap();
        terminal
            .draw(|frame| {
                frame.render_widget(Paragraph::new("ok"), frame.area());
                // Past every widget's own care: a cell set by hand to an escape sequence.
                frame.buffer_mut()[(3, 0)].set_symbol("\u{1b}]52;c;x\u{7}");
                frame.buffer_mut()[(4, 0)].set_symbol("\u{9b}2J");
            })
            .unwrap();
        let drawn: String = terminal
            .backend()
            .0
            .buffer()
            .content()
            .iter()
            .map(Cell::symbol)
            .collect();
        assert!(drawn.chars().all(|c| !c.is_control()), "{drawn:?}");
        assert!(drawn.starts_with("ok"), "{drawn:?}");
    }
}
