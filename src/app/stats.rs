//! The stats screen: a summary of the learner's progress computed when the screen opens (the
//! progress cannot change while it is on screen), laid out for the width.

use super::Action;
use super::screens::{Reaction, scrolled};
use crate::content::Course;
use crate::progress::{Progress, ProgressSummary, Timestamp};
use crate::ui::document::Rendered;
use crate::ui::document_width;
use crate::ui::stats::render_stats;
use crate::ui::theme::Theme;

pub struct StatsScreen {
    pub summary: ProgressSummary,
    pub scroll: usize,
    pub rendered: Rendered,
}

impl StatsScreen {
    pub fn new(course: &Course, progress: &Progress) -> Self {
        Self {
            summary: ProgressSummary::new(course, progress, Timestamp::now()),
            scroll: 0,
            rendered: Rendered::default(),
        }
    }

    pub fn act(&mut self, action: Action, height: usize) -> Reaction {
        self.scroll = scrolled(self.scroll, action, self.rendered.lines.len(), height);
        Reaction::default()
    }

    pub fn layout(&mut self, theme: &Theme, width: u16, height: usize) {
        self.rendered = render_stats(&self.summary, document_width(width), theme);
        self.scroll = self
            .scroll
            .min(self.rendered.lines.len().saturating_sub(height));
    }
}
