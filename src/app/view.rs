//! The frame: the header's breadcrumb, the screen on top drawing its body, the footer (a message,
//! or where the learner is and the keys from the screen's key tables), and the help overlay.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::App;
use crate::input::Keymap;
use crate::screens::Chrome;
use crate::ui::help::draw_help;
use crate::ui::theme::Theme;
use crate::ui::{MIN_HEIGHT, MIN_WIDTH, draw_header, draw_too_small, fit_hints};

impl App {
    /// Draws the whole frame. Only reads the state (screens record what their window showed).
    pub fn draw(&self, frame: &mut Frame) {
        let screen = self.screen().state();
        let around = Around {
            course_title: &self.course.title,
            status: self.status.as_deref(),
            keymap: screen.keymap(),
            help: self.help,
            theme: &self.theme,
        };
        around.draw(frame, |frame, body| {
            screen.draw(frame, body, &self.context())
        });
    }
}

/// What a frame holds around the body of the screen on top.
pub(super) struct Around<'a> {
    pub course_title: &'a str,
    pub status: Option<&'a str>,
    pub keymap: Keymap,
    pub help: Option<usize>,
    pub theme: &'a Theme,
}

impl Around<'_> {
    /// Draws the frame, the body by `body` (which returns what goes in the header and footer).
    pub(super) fn draw(&self, frame: &mut Frame, body: impl FnOnce(&mut Frame, Rect) -> Chrome) {
        let area = frame.area();
        let theme = self.theme;
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            draw_too_small(frame, area, theme);
            return;
        }
        let [header, body_area, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(area);
        let chrome = body(frame, body_area);
        let mut crumbs = vec![self.course_title.to_string()];
        crumbs.extend(chrome.crumbs);
        draw_header(frame, header, &crumbs, theme);
        let (text, style) = match self.status {
            Some(status) => (status.to_string(), theme.note),
            None => {
                let hints = chrome
                    .status
                    .into_iter()
                    .chain(self.keymap.hints().into_iter().map(str::to_string))
                    .collect::<Vec<_>>()
                    .join(" · ");
                (fit_hints(&hints, usize::from(area.width)), theme.dim)
            }
        };
        frame.render_widget(Paragraph::new(Line::styled(text, style)), footer);
        if let Some(scroll) = self.help {
            draw_help(frame, area, &self.keymap, scroll, theme);
        }
    }
}
