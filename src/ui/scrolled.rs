//! A laid-out document seen through a window of the terminal's height: the one scroll state every
//! scrolled screen shares. Keys move it against what the last frame showed (its length and
//! height), and wishes that need the layout to resolve (keep the highlighted option in view, show
//! the end, open at a section) are resolved by the next draw, so no handler has to lay anything
//! out. Like ratatui's `ListState`, drawing records where the window ended up.

use std::cell::{Cell, RefCell};

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::document::{Rendered, Section};
use super::document_width;
use super::theme::Theme;
use crate::input::Action;

/// Where the window should go once the layout is known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
enum Wish {
    /// Stay, but keep the focus line (a highlighted option) in view.
    #[default]
    Focus,
    /// Show the end (feedback after an answer is at the end).
    End,
    /// Open at the section with this anchor.
    Anchor(String),
    /// Show the lines from the first to before the second, as much as fits, the first always.
    Lines(usize, usize),
}

#[derive(Debug, Default)]
pub struct ScrolledDoc {
    top: Cell<usize>,
    wish: RefCell<Wish>,
    /// Lines and rows of the last frame drawn, which keys scroll against.
    shown_lines: Cell<usize>,
    shown_height: Cell<usize>,
    /// The sections of the last frame drawn (line numbers depend on the width).
    sections: RefCell<Vec<Section>>,
}

impl Clone for ScrolledDoc {
    fn clone(&self) -> Self {
        Self {
            top: self.top.clone(),
            wish: RefCell::new(self.wish.borrow().clone()),
            shown_lines: self.shown_lines.clone(),
            shown_height: self.shown_height.clone(),
            sections: RefCell::new(self.sections.borrow().clone()),
        }
    }
}

impl ScrolledDoc {
    /// The first line in view.
    pub fn top(&self) -> usize {
        self.top.get()
    }

    /// Back to the top, for new content.
    pub fn reset(&mut self) {
        self.top.set(0);
        *self.wish.get_mut() = Wish::Focus;
    }

    /// The next frame shows the end of the document.
    pub fn show_end(&self) {
        *self.wish.borrow_mut() = Wish::End;
    }

    /// The next frame opens at the section with this anchor.
    pub fn show_anchor(&self, anchor: &str) {
        *self.wish.borrow_mut() = Wish::Anchor(anchor.to_string());
    }

    /// The next frame shows lines `start..end` (a lab's step), as much as fits.
    pub fn show_lines(&self, start: usize, end: usize) {
        *self.wish.borrow_mut() = Wish::Lines(start, end);
    }

    /// Rows of the window in the last frame.
    pub fn height(&self) -> usize {
        self.shown_height.get()
    }

    fn max_top(&self) -> usize {
        self.shown_lines
            .get()
            .saturating_sub(self.shown_height.get())
    }

    /// Moves the window for a scrolling action; returns whether the action was one.
    pub fn scroll(&mut self, action: Action) -> bool {
        let height = self.shown_height.get();
        let page = height.saturating_sub(2).max(1);
        let top = self.top.get();
        let sections = self.sections.get_mut();
        let next = match action {
            Action::Up => top.saturating_sub(1),
            Action::Down => top + 1,
            Action::ScrollUp => top.saturating_sub(3),
            Action::ScrollDown => top + 3,
            Action::PageUp => top.saturating_sub(page),
            Action::PageDown => top + page,
            Action::Top => 0,
            Action::Bottom => usize::MAX,
            Action::NextSection => match sections.iter().find(|s| s.line > top) {
                Some(section) => section.line,
                None => top,
            },
            Action::PrevSection => sections
                .iter()
                .rev()
                .find(|s| s.line < top)
                .map_or(0, |s| s.line),
            _ => return false,
        };
        self.top.set(next.min(self.max_top()));
        *self.wish.get_mut() = Wish::Focus;
        true
    }

    /// Whether the last frame's document was longer than its window.
    pub fn overflows(&self) -> bool {
        self.shown_lines.get() > self.shown_height.get()
    }

    /// Whether the end of the document was on screen in the last frame.
    pub fn at_bottom(&self) -> bool {
        self.top.get() + self.shown_height.get() >= self.shown_lines.get()
    }

    /// The section the top of the window is in, as `(anchor, title)`; at the bottom, the last
    /// section that begins on screen, since a short last section can never reach the top.
    pub fn current_section(&self) -> Option<(String, String)> {
        let sections = self.sections.borrow();
        let top = self.top.get();
        let bottom_line = top + self.shown_height.get();
        let current = if self.at_bottom() && self.shown_lines.get() > self.shown_height.get() {
            sections.iter().rev().find(|s| s.line < bottom_line)
        } else {
            sections.iter().rev().find(|s| s.line <= top)
        };
        current.map(|s| (s.anchor.clone(), s.title.clone()))
    }

    /// "Top", "Bottom", "All" or a percentage, like a pager.
    pub fn position(&self) -> String {
        let max = self.max_top();
        match self.top.get() {
            _ if max == 0 => "All".to_string(),
            0 => "Top".to_string(),
            top if top >= max => "Bottom".to_string(),
            top => format!("{}%", top * 100 / max),
        }
    }

    /// Resolves the window for `rendered` in `height` rows and records what is shown.
    pub fn settle(&self, rendered: &Rendered, height: usize) {
        let lines = rendered.lines.len();
        self.shown_lines.set(lines);
        self.shown_height.set(height);
        let max = lines.saturating_sub(height);
        let wish = self.wish.replace(Wish::Focus);
        let top = match wish {
            Wish::End => max,
            Wish::Anchor(anchor) => rendered
                .sections
                .iter()
                .find(|s| s.anchor == anchor)
                .map_or(0, |s| s.line),
            Wish::Focus => rendered.scroll_to_focus(self.top.get(), height),
            Wish::Lines(start, _) if start == 0 || start < self.top.get() => start,
            Wish::Lines(start, end) if end > self.top.get() + height => {
                start.min(end.saturating_sub(height))
            }
            Wish::Lines(..) => self.top.get(),
        };
        self.top.set(top.min(max));
        if *self.sections.borrow() != rendered.sections {
            *self.sections.borrow_mut() = rendered.sections.clone();
        }
    }

    /// Draws `rendered` in the reading column of `area` (centred, at most the reading width),
    /// with a scrollbar when it does not fit.
    pub fn draw(&self, frame: &mut Frame, area: Rect, rendered: &Rendered, theme: &Theme) {
        let width = document_width(area.width) as u16;
        let column = Rect {
            x: area.x + area.width.saturating_sub(width) / 2,
            width,
            ..area
        };
        self.draw_in(frame, column, area, rendered, theme);
    }

    /// Draws `rendered` in `text` (rows from `area`), with a scrollbar at `area`'s right edge
    /// when it does not fit: for a screen that places its text itself (wide output, say).
    pub fn draw_in(
        &self,
        frame: &mut Frame,
        text: Rect,
        area: Rect,
        rendered: &Rendered,
        theme: &Theme,
    ) {
        let height = usize::from(area.height);
        self.settle(rendered, height);
        let top = self.top.get();
        let visible: Vec<_> = rendered
            .lines
            .iter()
            .skip(top)
            .take(height)
            .cloned()
            .collect();
        frame.render_widget(Paragraph::new(visible).style(theme.base), text);
        if rendered.lines.len() > height {
            let mut state = ScrollbarState::new(rendered.lines.len().saturating_sub(height) + 1)
                .position(top)
                .viewport_content_length(height);
            let scrollbar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .track_style(theme.border)
                .thumb_style(theme.dim);
            frame.render_stateful_widget(scrollbar, area, &mut state);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::text::Line;

    fn document(lines: usize) -> Rendered {
        Rendered::from_lines((0..lines).map(|i| Line::raw(i.to_string())).collect())
    }

    #[test]
    fn keys_scroll_against_the_last_frame_and_stop_at_the_end() {
        let mut doc = ScrolledDoc::default();
        doc.settle(&document(30), 10);
        assert!(doc.scroll(Action::PageDown));
        assert_eq!(doc.top(), 8);
        doc.scroll(Action::Bottom);
        assert_eq!(doc.top(), 20);
        doc.scroll(Action::Down);
        assert_eq!(doc.top(), 20, "never past the end");
        assert!(doc.at_bottom());
        assert!(!doc.scroll(Action::Submit));
    }

    #[test]
    fn a_wish_for_the_end_is_resolved_by_the_next_frame() {
        let doc = ScrolledDoc::default();
        doc.show_end();
        doc.settle(&document(30), 10);
        assert_eq!(doc.top(), 20);
        // A shorter document (a resize made it so) keeps the window inside it.
        doc.settle(&document(12), 10);
        assert_eq!(doc.top(), 2);
    }
}
