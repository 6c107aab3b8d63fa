//! Home drawn before the course has loaded. Loading the whole course (every lesson's markdown,
//! every item, the checks) is most of start-up, yet home shows only a few figures. So the first
//! frame is drawn from what the progress file and a small file beside it say, then the store is
//! opened and the course loads; the app takes over before any key is read, and its first frame
//! is the same one (compared cell by cell, so nothing is written again) or replaces it.
//!
//! Where the figures come from:
//! - a new learner, or one who has only read lessons: the course's outline (`course.ron`);
//! - anyone else: home as they left it ([`HomeCache`]), when it was kept for exactly this progress
//!   file (Review's count is taken at the instant of the start);
//! - otherwise there is no early frame, and home waits for the course.
//!
//! Nothing is locked or written before the frame: the store's notices (another tutor has the
//! profile, a damaged file moved aside) come with the app's first frame.

use std::io;
use std::path::Path;

use ratatui::buffer::Buffer;

use super::home_cache::HomeCache;
use super::view::Around;
use crate::content::CourseIndex;
use crate::files::{MAX_PROGRESS_FILE, read_bounded_no_follow};
use crate::input::Keymap;
use crate::progress::file::{Parsed, parse};
use crate::progress::{Progress, Timestamp};
use crate::screens::ScreenState;
use crate::screens::home::{HomeOutline, HomeScreen};
use crate::ui::theme::Theme;

pub struct FirstFrame {
    home: HomeOutline,
    /// Whether `home` is the one kept by [`HomeCache`].
    kept: bool,
    screen: HomeScreen,
    theme: Theme,
}

impl FirstFrame {
    /// The first frame of home for the learner whose progress file is `progress_file`, or
    /// `None` when it needs the loaded course. The outline is read only for a learner it can
    /// serve.
    pub fn peek(
        progress_file: &Path,
        cache: &HomeCache,
        theme: Theme,
        index: impl FnOnce() -> Option<CourseIndex>,
        now: Timestamp,
    ) -> Option<Self> {
        let from_index = |progress: &Progress| HomeOutline::from_index(&index()?, progress);
        let (home, kept) = match read_bounded_no_follow(progress_file, MAX_PROGRESS_FILE) {
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                (from_index(&Progress::default())?, false)
            }
            Err(_) => return None,
            Ok(bytes) => match cache.read(&bytes, now) {
                Some(home) => (home, true),
                None => match parse(&bytes) {
                    Parsed::Progress(progress) => (from_index(&progress)?, false),
                    Parsed::Newer(_) | Parsed::Damaged(_) => return None,
                },
            },
        };
        Some(Self {
            home,
            kept,
            screen: HomeScreen::default(),
            theme,
        })
    }

    /// The home kept for this start, when the frame was drawn from it.
    pub fn kept_home(&self) -> Option<&HomeOutline> {
        self.kept.then_some(&self.home)
    }

    /// Draws the frame the app will draw at home with the loaded course, into a buffer the size
    /// of the terminal.
    pub fn draw(&self, buffer: &mut Buffer) {
        let keymap: Keymap = self.screen.keymap();
        let around = Around {
            course_title: &self.home.title,
            status: None,
            not_saving: None,
            help_note: None,
            keymap,
            help: None,
            theme: &self.theme,
        };
        around.draw_into(buffer, |buffer, body| {
            self.screen
                .draw_outline(buffer, body, &self.home, &self.theme)
        });
    }
}

#[cfg(test)]
#[path = "first_frame_tests.rs"]
mod tests;
