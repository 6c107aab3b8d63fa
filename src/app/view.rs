//! The frame: the header's breadcrumb, the screen on top drawing its body, a line while progress
//! is not being saved, the footer (a message, or where the learner is and the keys from the
//! screen's key tables), and the help overlay.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::App;
use crate::input::Keymap;
use crate::progress::{Notice, ReadOnlyReason, Store};
use crate::screens::Chrome;
use crate::ui::help::draw_help;
use crate::ui::menu::draw_lines;
use crate::ui::theme::Theme;
use crate::ui::wrap::wrap;
use crate::ui::{MIN_HEIGHT, MIN_WIDTH, draw_header, draw_too_small, fit_hints};

impl App {
    /// Draws the whole frame. Only reads the state (screens record what their window showed).
    pub fn draw(&self, frame: &mut Frame) {
        let screen = self.screen().state();
        let around = Around {
            course_title: &self.course.title,
            status: self.status.as_deref(),
            not_saving: not_saving_line(&self.store),
            help_note: not_saving_reason(&self.store),
            keymap: screen.keymap(),
            help: self.help,
            theme: &self.theme,
        };
        around.draw(frame, |frame, body| {
            screen.draw(frame, body, &self.context())
        });
    }
}

/// The short form of why progress is not being saved, when it is not.
pub(super) fn not_saving_line(store: &Store) -> Option<String> {
    let why = match store.read_only()? {
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
pub(super) fn not_saving_reason(store: &Store) -> Option<String> {
    store.notices().iter().find_map(|notice| match notice {
        Notice::ReadOnly { .. } => Some(notice.to_string()),
        Notice::Damaged { .. } => None,
    })
}

/// What a frame holds around the body of the screen on top.
pub(super) struct Around<'a> {
    pub course_title: &'a str,
    pub status: Option<&'a str>,
    /// Read-only is a state, not a message: while nothing is saved, every screen says so.
    pub not_saving: Option<String>,
    /// The whole reason, first in the help overlay.
    pub help_note: Option<String>,
    pub keymap: Keymap,
    pub help: Option<usize>,
    pub theme: &'a Theme,
}

impl Around<'_> {
    /// Draws the frame, the body by `body` (which returns what goes in the header and footer).
    pub(super) fn draw(&self, frame: &mut Frame, body: impl FnOnce(&mut Frame, Rect) -> Chrome) {
        if let Some(parts) = self.begin(frame.buffer_mut()) {
            let chrome = body(frame, parts.body);
            self.end(frame.buffer_mut(), parts, chrome);
        }
    }

    /// The same, straight into a buffer: for the first frame, drawn before there is a terminal.
    pub(super) fn draw_into(
        &self,
        buffer: &mut Buffer,
        body: impl FnOnce(&mut Buffer, Rect) -> Chrome,
    ) {
        if let Some(parts) = self.begin(buffer) {
            let chrome = body(buffer, parts.body);
            self.end(buffer, parts, chrome);
        }
    }

    /// Lays the frame out and draws the not-saving line; `None` (and a note that says so) when
    /// the terminal is too small for any screen.
    fn begin(&self, buffer: &mut Buffer) -> Option<Parts> {
        let area = buffer.area;
        let theme = self.theme;
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            draw_too_small(buffer, area, theme);
            return None;
        }
        let width = usize::from(area.width);
        // The not-saving line fits the width (wrapped, never cut), above the footer.
        let warning = self
            .not_saving
            .as_ref()
            .map(|text| wrap(&[(text.clone(), theme.warning)], width));
        let warning_rows = warning.as_ref().map_or(0, |lines| lines.len() as u16);
        // A message (a warning before leaving, say) is wrapped too, at most three rows.
        let message = self.status.map(|status| {
            let mut lines = wrap(&[(status.to_string(), theme.note)], width);
            lines.truncate(3);
            lines
        });
        let footer_rows = message
            .as_ref()
            .map_or(1, |lines| lines.len().max(1) as u16);
        let [header, body, warning_area, footer] = rows(area, warning_rows, footer_rows);
        if let Some(lines) = warning {
            draw_lines(buffer, warning_area, &lines);
        }
        Some(Parts {
            area,
            header,
            body,
            footer,
            message,
        })
    }

    /// The header, the footer and the help overlay, once the body has said what they show.
    fn end(&self, buffer: &mut Buffer, parts: Parts, chrome: Chrome) {
        let theme = self.theme;
        let mut crumbs = vec![self.course_title.to_string()];
        crumbs.extend(chrome.crumbs);
        draw_header(buffer, parts.header, &crumbs, theme);
        let footer_lines = match parts.message {
            Some(lines) => lines,
            None => {
                let hints = chrome
                    .status
                    .into_iter()
                    .chain(self.keymap.hints().into_iter().map(str::to_string))
                    .collect::<Vec<_>>()
                    .join(" · ");
                let width = usize::from(parts.area.width);
                vec![Line::styled(fit_hints(&hints, width), theme.dim)]
            }
        };
        draw_lines(buffer, parts.footer, &footer_lines);
        if let Some(scroll) = self.help {
            draw_help(
                buffer,
                parts.area,
                &self.keymap,
                self.help_note.clone(),
                scroll,
                theme,
            );
        }
    }
}

/// Where the parts of a frame go, and the message the footer shows instead of the key hints.
struct Parts {
    area: Rect,
    header: Rect,
    body: Rect,
    footer: Rect,
    message: Option<Vec<Line<'static>>>,
}

/// The frame's rows, top to bottom: the header's, the body's, the not-saving line's and the
/// footer's. Worked out here rather than by ratatui's constraint solver: a first frame that
/// needs no solver is drawn sooner, and these few rows always fit (see `MIN_HEIGHT`).
fn rows(area: Rect, warning_rows: u16, footer_rows: u16) -> [Rect; 4] {
    let header = area.height.min(1);
    let footer = footer_rows.min(area.height - header);
    let warning = warning_rows.min(area.height - header - footer);
    let body = area.height - header - footer - warning;
    let row = |above: u16, height: u16| Rect {
        y: area.y + above,
        height,
        ..area
    };
    [
        row(0, header),
        row(header, body),
        row(header + body, warning),
        row(header + body + warning, footer),
    ]
}

#[cfg(test)]
mod tests {
    use ratatui::layout::{Constraint, Layout};

    use super::*;

    /// The rows are those ratatui's layout gives for the same constraints, at every size the
    /// frame is drawn at.
    #[test]
    fn rows_are_the_layout_of_header_body_warning_and_footer() {
        for height in crate::ui::MIN_HEIGHT..80 {
            for (warning, footer) in [(0, 1), (1, 1), (2, 3), (0, 3), (3, 2)] {
                let area = Rect::new(3, 2, 90, height);
                let expected: [Rect; 4] = Layout::vertical([
                    Constraint::Length(1),
                    Constraint::Fill(1),
                    Constraint::Length(warning),
                    Constraint::Length(footer),
                ])
                .areas(area);
                assert_eq!(
                    rows(area, warning, footer),
                    expected,
                    "{height} {warning} {footer}"
                );
            }
        }
    }
}
