//! Big letters for what a room reads from across the room (a team session's join code,
//! countdown, round number and short questions): the 8x8 font of `tui-big-text`, at the largest
//! pixel size that fits the area, wrapped at words. Only printable ASCII is drawn big; anything
//! else (and anything too long) is left to ordinary text, which the caller draws instead.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use tui_big_text::{BigText, PixelSize};

/// The sizes tried, largest first, with the cells one character takes (columns, rows). The
/// smaller ones (sextants, octants) render unevenly in many terminals, so they are not used.
const SIZES: [(PixelSize, u16, u16); 3] = [
    (PixelSize::Full, 8, 8),
    (PixelSize::HalfHeight, 8, 4),
    (PixelSize::Quadrant, 4, 4),
];

/// Whether the 8x8 font can draw every character of `text`.
pub fn drawable(text: &str) -> bool {
    !text.trim().is_empty() && text.chars().all(|c| c == ' ' || c.is_ascii_graphic())
}

/// `text` wrapped at words into lines of at most `chars` characters, or `None` when a word is
/// longer than that.
fn wrap_words(text: &str, chars: usize) -> Option<Vec<String>> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        if word.len() > chars {
            return None;
        }
        if current.is_empty() {
            current = word.to_string();
        } else if current.len() + 1 + word.len() <= chars {
            current.push(' ');
            current.push_str(word);
        } else {
            lines.push(std::mem::take(&mut current));
            current = word.to_string();
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    (!lines.is_empty()).then_some(lines)
}

/// The sizes to try, as indexes into [`SIZES`]: 0 full size, 1 half height, 2 quadrants.
pub type Sizes = std::ops::RangeInclusive<usize>;

/// Every size: short things (a code, a countdown) stay big even on a small terminal.
pub const ANY_SIZE: Sizes = 0..=2;
/// Full or half height: quadrant letters are too coarse for words.
pub const WORDS: Sizes = 0..=1;

/// The largest of `sizes` at which `text` fits `width` x `height` cells: the size and the
/// lines.
fn layout(text: &str, width: u16, height: u16, sizes: Sizes) -> Option<(usize, Vec<String>)> {
    if !drawable(text) {
        return None;
    }
    SIZES
        .iter()
        .enumerate()
        .skip(*sizes.start())
        .take(sizes.end() + 1 - sizes.start())
        .find_map(|(index, &(_, cols, rows))| {
            let lines = wrap_words(text, usize::from(width / cols))?;
            (lines.len() as u16 * rows <= height).then_some((index, lines))
        })
}

/// Draws `text` as big as it fits in `area`, at one of `sizes`; returns the rows used, or
/// `None` (nothing drawn) when it fits at none of them.
pub fn draw_big(
    frame: &mut Frame,
    area: Rect,
    text: &str,
    style: Style,
    alignment: Alignment,
    sizes: Sizes,
) -> Option<u16> {
    let (size, lines) = layout(text, area.width, area.height, sizes)?;
    let (pixel_size, _, rows) = SIZES[size];
    let used = rows * lines.len() as u16;
    let widget = BigText::builder()
        .pixel_size(pixel_size)
        .style(style)
        .alignment(alignment)
        .lines(lines.into_iter().map(Line::from).collect::<Vec<_>>())
        .build();
    frame.render_widget(
        widget,
        Rect {
            height: used,
            ..area
        },
    );
    Some(used)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_size_that_fits_is_chosen() {
        // 4 characters: full size needs 32x8.
        assert_eq!(layout("K7QX", 40, 8, ANY_SIZE).unwrap().0, 0);
        assert_eq!(layout("K7QX", 40, 4, ANY_SIZE).unwrap().0, 1);
        assert_eq!(layout("K7QX", 20, 4, ANY_SIZE).unwrap().0, 2);
        assert_eq!(layout("K7QX", 10, 4, ANY_SIZE), None);
        assert_eq!(layout("K7QX", 40, 8, 2..=2).unwrap().0, 2);
        assert_eq!(layout("K7QX", 20, 4, WORDS), None);
    }

    #[test]
    fn long_text_wraps_at_words_and_non_ascii_is_not_drawn() {
        let (size, lines) = layout("What is a pod", 64, 16, WORDS).unwrap();
        assert_eq!((size, lines.len()), (0, 2));
        assert_eq!(layout("Café", 80, 8, ANY_SIZE), None);
        assert_eq!(wrap_words("abcdefghij", 4), None);
    }
}
