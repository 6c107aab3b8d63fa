//! Text for the lab's panes: the log laid out line by line, output clipped (never wrapped) and
//! scrolled sideways, labels cut to a width, and course prose reflowed into paragraphs.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::ui::document::{Rendered, Section};
use crate::ui::theme::Theme;
use crate::ui::wrap::line_width;

/// A log being laid out: lines, the sections steps and hints start, and how far right the
/// widest output can usefully be scrolled (0 when every output fits).
pub struct Log {
    pub lines: Vec<Line<'static>>,
    sections: Vec<Section>,
    width: usize,
    shift: usize,
    pub max_shift: usize,
}

impl Log {
    pub fn new(width: usize, shift: usize) -> Self {
        Self {
            lines: Vec::new(),
            sections: Vec::new(),
            width,
            shift,
            max_shift: 0,
        }
    }

    pub fn section(&mut self, anchor: &str, title: String, theme: &Theme) {
        self.sections.push(Section {
            line: self.lines.len(),
            title: title.clone(),
            anchor: anchor.to_string(),
        });
        let fill = self.width.saturating_sub(title.chars().count() + 4);
        self.lines.push(Line::from(vec![
            Span::styled("── ", theme.dim),
            Span::styled(title, theme.strong),
            Span::styled(format!(" {}", "─".repeat(fill)), theme.dim),
        ]));
    }

    /// Command output, line for line: shifted by the sideways scroll and clipped to the width.
    pub fn output(&mut self, text: &str, style: Style, theme: &Theme) {
        let room = self.width.saturating_sub(2).max(1);
        let text = text.trim_matches('\n');
        // One shift for the whole output, so a table's columns stay aligned; it stops where the
        // widest line's end shows.
        let widest = text.lines().map(|l| l.width()).max().unwrap_or(0);
        let most = widest.saturating_sub(room.saturating_sub(1));
        self.max_shift = self.max_shift.max(most);
        let shift = self.shift.min(most);
        for source in text.lines() {
            let (kept, left, right) = clip(source, shift, room);
            let mut spans = vec![Span::styled(
                if left { "‹ " } else { "│ " },
                theme.code_gutter,
            )];
            spans.push(Span::styled(kept, style));
            if right {
                spans.push(Span::styled("›", theme.code_gutter));
            }
            self.lines.push(Line::from(spans));
        }
    }

    pub fn rendered(self) -> Rendered {
        Rendered {
            lines: self.lines,
            sections: self.sections,
            focus: None,
        }
    }
}

/// `line` from column `shift`, at most `room` columns with one kept for the `›` marker when more
/// follows; whether text was cut on the left and on the right.
pub fn clip(line: &str, shift: usize, room: usize) -> (String, bool, bool) {
    let chars: Vec<char> = line.chars().collect();
    let total: usize = chars.iter().map(|c| c.width().unwrap_or(0)).sum();
    let mut skipped = 0;
    let mut rest = chars.iter().peekable();
    while skipped < shift {
        match rest.next() {
            Some(c) => skipped += c.width().unwrap_or(0),
            None => break,
        }
    }
    let left = skipped > 0;
    let remaining = total.saturating_sub(skipped);
    if remaining <= room {
        return (rest.collect(), left, false);
    }
    let mut kept = String::new();
    let mut used = 0;
    for &c in rest {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > room {
            break;
        }
        kept.push(c);
        used += w;
    }
    (kept, left, true)
}

/// `text` in at most `width` columns, with `…` when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if line_width(&Line::raw(text.to_string())) <= width {
        return text.to_string();
    }
    let mut kept = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        kept.push(c);
        used += w;
    }
    kept.push('…');
    kept
}

/// Prose from the course as paragraphs: the line breaks of the RON source are not the screen's,
/// so lines join with spaces and only blank lines stay as breaks.
pub fn reflow(text: &str) -> String {
    text.trim()
        .split("\n\n")
        .map(|paragraph| {
            paragraph
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|paragraph| !paragraph.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}
