//! The stats screen: a summary of the learner's progress taken when the screen opens (progress
//! cannot change while it is on screen), drawn as a scrolled page.

mod view;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Chrome, Context, Reaction, ScreenState};
use crate::input::keys::{BACK, SCROLL};
use crate::input::{Action, Keymap};
use crate::progress::ProgressSummary;
use crate::ui::document_width;
use crate::ui::scrolled::ScrolledDoc;

pub use view::render_stats;

const KEYS: Keymap = Keymap::new("Stats", &[SCROLL, BACK]);

pub struct StatsScreen {
    pub summary: ProgressSummary,
    pub doc: ScrolledDoc,
}

impl StatsScreen {
    pub fn new(summary: ProgressSummary) -> Self {
        Self {
            summary,
            doc: ScrolledDoc::default(),
        }
    }
}

impl ScreenState for StatsScreen {
    fn keymap(&self) -> Keymap {
        KEYS
    }

    fn act(&mut self, action: Action, _cx: &Context) -> Reaction {
        self.doc.scroll(action);
        Reaction::none()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Context) -> Chrome {
        let rendered = render_stats(&self.summary, document_width(area.width), cx.theme);
        self.doc.draw(frame, area, &rendered, cx.theme);
        Chrome::new(["Stats".to_string()])
    }
}
