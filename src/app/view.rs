//! The frame: the header's breadcrumb, the screen on top drawing its body, the footer (a message,
//! or where the learner is and the keys from the screen's key tables), and the help overlay.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::App;
use crate::progress::{Notice, ReadOnlyReason};
use crate::ui::help::draw_help;
use crate::ui::wrap::wrap;
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
        // Read-only is a state, not a message: while nothing is saved, every screen says so, in a
        // line that fits the width (wrapped, never cut) above the footer.
        let warning = self
            .not_saving_line()
            .map(|text| wrap(&[(text, theme.warning)], usize::from(area.width)));
        let warning_rows = warning.as_ref().map_or(0, |lines| lines.len() as u16);
        // A message (a warning before leaving, say) is wrapped too, at most three rows.
        let message = self.status.as_ref().map(|status| {
            let mut lines = wrap(&[(status.clone(), theme.note)], usize::from(area.width));
            lines.truncate(3);
            lines
        });
        let footer_rows = message
            .as_ref()
            .map_or(1, |lines| lines.len().max(1) as u16);
        let [header, body, warning_area, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(warning_rows),
            Constraint::Length(footer_rows),
        ])
        .areas(area);
        if let Some(lines) = warning {
            frame.render_widget(Paragraph::new(lines), warning_area);
        }
        let screen = self.screen().state();
        let chrome = screen.draw(frame, body, &self.context());
        let mut crumbs = vec![self.course.title.clone()];
        crumbs.extend(chrome.crumbs);
        draw_header(frame, header, &crumbs, theme);
        let footer_lines = match message {
            Some(lines) => lines,
            None => {
                let hints = chrome
                    .status
                    .into_iter()
                    .chain(screen.keymap().hints().into_iter().map(str::to_string))
                    .collect::<Vec<_>>()
                    .join(" · ");
                vec![Line::styled(
                    fit_hints(&hints, usize::from(area.width)),
                    theme.dim,
                )]
            }
        };
        frame.render_widget(Paragraph::new(footer_lines), footer);
        if let Some(scroll) = self.help {
            draw_help(
                frame,
                area,
                &screen.keymap(),
                self.not_saving_reason(),
                scroll,
                theme,
            );
        }
    }

    /// The short form of why progress is not being saved, when it is not.
    fn not_saving_line(&self) -> Option<String> {
        let why = match self.store.read_only()? {
            ReadOnlyReason::InUse { .. } => "another aks-tutor has this profile open",
            ReadOnlyReason::NewerFormat { .. } => "the progress file is from a newer aks-tutor",
            ReadOnlyReason::CannotLock { .. }
            | ReadOnlyReason::NotWritable { .. }
            | ReadOnlyReason::Unavailable { .. } => "the data folder cannot be written",
        };
        Some(format!(
            "Progress is NOT being saved: {why}. ? tells why and what to do."
        ))
    }

    /// The whole reason, for the help overlay.
    fn not_saving_reason(&self) -> Option<String> {
        self.store.notices().iter().find_map(|notice| match notice {
            Notice::ReadOnly { .. } => Some(notice.to_string()),
            Notice::Damaged { .. } => None,
        })
    }
}
