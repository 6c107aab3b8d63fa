//! The frame: the header's breadcrumb, the screen on top drawing its body, the footer (a message,
//! or where the learner is and the keys from the screen's key tables), and the help overlay.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::App;
use crate::ui::help::draw_help;
use crate::ui::{MIN_HEIGHT, MIN_WIDTH, draw_header, draw_too_small, fit_hints};

impl App {
    /// Draws the whole frame. Only reads the state (screens record what their window showed).
    pub fn draw(&self, frame: &mut Frame) {
        let area = frame.area();
        let theme = &self.theme;
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            draw_too_small(frame, area, theme);
            return;
        }
        let [header, body, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(area);
        let screen = self.screen().state();
        let chrome = screen.draw(frame, body, &self.context());
        let mut crumbs = vec![self.course.title.clone()];
        crumbs.extend(chrome.crumbs);
        draw_header(frame, header, &crumbs, theme);
        let (text, style) = match &self.status {
            Some(status) => (status.clone(), theme.note),
            None => {
                let hints = chrome
                    .status
                    .into_iter()
                    .chain(screen.keymap().hints().into_iter().map(str::to_string))
                    .collect::<Vec<_>>()
                    .join(" · ");
                (fit_hints(&hints, usize::from(area.width)), theme.dim)
            }
        };
        frame.render_widget(Paragraph::new(Line::styled(text, style)), footer);
        if let Some(scroll) = self.help {
            draw_help(frame, area, &screen.keymap(), scroll, theme);
        }
    }
}
