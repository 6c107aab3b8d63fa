//! Word wrapping of styled text to a width in terminal columns. The reader wraps text itself
//! (rather than letting ratatui do it) so that it knows every line's position: scrolling, section
//! jumps and table cells all depend on it.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// Wraps styled pieces of text into lines of at most `width` columns. Words longer than a line
/// are broken; explicit `\n` starts a new line.
pub fn wrap(pieces: &[(String, Style)], width: usize) -> Vec<Line<'static>> {
    wrap_to(pieces, width, width)
}

/// Like [`wrap`], but lines after the first are indented by `indent` columns (a hanging indent,
/// for lists of labelled entries).
pub fn wrap_hanging(pieces: &[(String, Style)], width: usize, indent: usize) -> Vec<Line<'static>> {
    let rest_width = width.saturating_sub(indent).max(1);
    let pad = Span::raw(" ".repeat(indent.min(width.saturating_sub(1))));
    wrap_to(pieces, width, rest_width)
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            if i == 0 {
                line
            } else {
                Line::from([vec![pad.clone()], line.spans].concat())
            }
        })
        .collect()
}

/// Wraps with the first line `first` columns wide and the others `rest` wide.
fn wrap_to(pieces: &[(String, Style)], first: usize, rest: usize) -> Vec<Line<'static>> {
    let (first, rest) = (first.max(1), rest.max(1));
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut current: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    let limit = |lines: &Vec<Line<'static>>| if lines.is_empty() { first } else { rest };
    for (text, style) in pieces {
        for (i, segment) in text.split('\n').enumerate() {
            if i > 0 {
                lines.push(Line::from(std::mem::take(&mut current)));
                used = 0;
            }
            for word in split_keeping_spaces(segment) {
                let word_width = word.width();
                if used + word_width > limit(&lines) && word.trim().is_empty() {
                    continue; // a space that would end a line is dropped
                }
                if used + word_width > limit(&lines) && used > 0 {
                    trim_trailing_space(&mut current);
                    lines.push(Line::from(std::mem::take(&mut current)));
                    used = 0;
                    if word.trim().is_empty() {
                        continue;
                    }
                }
                if word_width > limit(&lines) {
                    // Chunks sized for the narrower lines fit any line they land on.
                    for chunk in break_word(word, first.min(rest)) {
                        let chunk_width = chunk.width();
                        if used + chunk_width > limit(&lines) {
                            lines.push(Line::from(std::mem::take(&mut current)));
                            used = 0;
                        }
                        push(&mut current, chunk, *style);
                        used += chunk_width;
                    }
                } else {
                    push(&mut current, word, *style);
                    used += word_width;
                }
            }
        }
    }
    if !current.is_empty() || lines.is_empty() {
        trim_trailing_space(&mut current);
        lines.push(Line::from(current));
    }
    lines
}

/// Splits text into words and runs of spaces, both kept. A word also ends after a hyphen or a
/// slash followed by a letter ("IP-|constrained", "dev/|test"), so narrow columns break there
/// rather than mid-word.
fn split_keeping_spaces(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut in_space = None;
    let mut previous = None;
    for (i, ch) in text.char_indices() {
        let is_space = ch == ' ';
        let after_break =
            matches!(previous, Some('-' | '/')) && ch.is_alphabetic() && i - start > 1;
        if in_space.is_some_and(|s| s != is_space) || after_break {
            parts.push(&text[start..i]);
            start = i;
        }
        in_space = Some(is_space);
        previous = Some(ch);
    }
    if start < text.len() {
        parts.push(&text[start..]);
    }
    parts
}

/// Breaks a word into chunks of at most `width` columns (at least one character each).
/// Widths are measured on the chunk as a whole, not added up per character: a variation selector
/// can turn "0" into a two-column emoji.
pub fn break_word(word: &str, width: usize) -> Vec<&str> {
    let mut chunks = Vec::new();
    let mut start = 0;
    let mut boundaries = word
        .char_indices()
        .map(|(i, _)| i)
        .skip(1)
        .chain([word.len()])
        .peekable();
    while let Some(end) = boundaries.next() {
        let next_end = boundaries.peek().copied();
        let too_wide = next_end.is_some_and(|next| word[start..next].width() > width);
        if too_wide || next_end.is_none() {
            chunks.push(&word[start..end]);
            start = end;
        }
    }
    chunks
}

fn push(spans: &mut Vec<Span<'static>>, text: &str, style: Style) {
    match spans.last_mut() {
        Some(last) if last.style == style => last.content.to_mut().push_str(text),
        _ => spans.push(Span::styled(text.to_string(), style)),
    }
}

fn trim_trailing_space(spans: &mut Vec<Span<'static>>) {
    while let Some(last) = spans.last_mut() {
        let trimmed = last.content.trim_end().len();
        if trimmed == 0 {
            spans.pop();
        } else {
            last.content.to_mut().truncate(trimmed);
            break;
        }
    }
}

/// The width of a line in columns.
pub fn line_width(line: &Line<'_>) -> usize {
    line.spans.iter().map(|s| s.content.width()).sum()
}

/// The text of each line, for tests that read what was laid out.
#[cfg(test)]
pub(crate) fn texts(lines: &[Line<'_>]) -> Vec<String> {
    lines
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_wrap_at_the_width_without_trailing_spaces() {
        let lines = wrap(&[("one two three four".into(), Style::new())], 9);
        assert_eq!(texts(&lines), ["one two", "three", "four"]);
    }

    #[test]
    fn words_break_after_hyphens_and_slashes() {
        let lines = wrap(&[("IP-constrained dev/test".into(), Style::new())], 12);
        assert_eq!(texts(&lines), ["IP-", "constrained", "dev/test"]);
    }

    #[test]
    fn a_variation_selector_widening_a_digit_is_measured_with_it() {
        for line in wrap(&[("a0\u{fe0f}a".to_string(), Style::new())], 2) {
            assert!(line_width(&line) <= 2, "{line:?}");
        }
    }

    #[test]
    fn a_hyphen_at_a_hanging_break_leaves_no_space() {
        let lines = wrap_hanging(&[("xx allow-frontend policy".into(), Style::new())], 12, 2);
        assert_eq!(texts(&lines), ["xx allow-", "  frontend", "  policy"]);
    }

    #[test]
    fn hanging_lines_are_indented_and_fit() {
        let lines = wrap_hanging(&[("label one two three four".into(), Style::new())], 12, 6);
        assert_eq!(
            texts(&lines),
            ["label one", "      two", "      three", "      four"]
        );
    }

    #[test]
    fn long_words_are_broken() {
        let lines = wrap(&[("abcdefghij".into(), Style::new())], 4);
        assert_eq!(texts(&lines), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn styles_are_kept_across_pieces() {
        let bold = Style::new().bold();
        let lines = wrap(&[("a ".into(), Style::new()), ("bold".into(), bold)], 20);
        assert_eq!(lines[0].spans[1].style, bold);
    }

    #[test]
    fn newlines_start_lines_and_nothing_gives_one_empty_line() {
        assert_eq!(
            texts(&wrap(&[("a\nb".into(), Style::new())], 10)),
            ["a", "b"]
        );
        assert_eq!(texts(&wrap(&[], 10)), [""]);
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let lines = wrap(&[("日本語".into(), Style::new())], 4);
        assert_eq!(texts(&lines), ["日本", "語"]);
    }

    proptest::proptest! {
        #[test]
        fn no_line_is_wider_than_asked(text in "\\PC{0,200}", width in 1usize..40) {
            for line in wrap(&[(text, Style::new())], width) {
                // A single character wider than the line (some are 2 or 3 columns) is the only
                // exception.
                let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
                let single = text.chars().filter(|c| unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0) > 0).count() <= 1;
                proptest::prop_assert!(line_width(&line) <= width || single, "{text:?} at width {width}");
            }
        }
    }
}
