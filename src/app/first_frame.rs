//! Home drawn before the course has loaded. Loading the whole course (every lesson's markdown,
//! every item, the checks) is most of start-up, yet a new learner's home shows only what
//! `course.ron` and the progress say. So the first frame is drawn from the course's outline, then
//! the course loads; the app takes over before any key is read, and its first frame is the same
//! one (compared cell by cell, so nothing is written again).

use ratatui::Frame;

use super::view::Around;
use crate::content::CourseIndex;
use crate::input::Keymap;
use crate::progress::Store;
use crate::screens::ScreenState;
use crate::screens::home::{HomeOutline, HomeScreen};
use crate::ui::theme::Theme;

pub struct FirstFrame {
    home: HomeOutline,
    screen: HomeScreen,
    /// The store's notices, as the app shows them.
    status: Option<String>,
    /// Why progress is not being saved, when it is not (as the app shows it).
    not_saving: Option<String>,
    help_note: Option<String>,
    theme: Theme,
}

impl FirstFrame {
    /// The first frame of home for this learner, or `None` when it needs the loaded course (see
    /// [`HomeOutline::from_index`]). The outline is read only for a learner it can serve.
    pub fn for_learner(
        store: &Store,
        theme: Theme,
        index: impl FnOnce() -> Option<CourseIndex>,
    ) -> Option<Self> {
        if !HomeOutline::follows_from_index(store.progress()) {
            return None;
        }
        Some(Self {
            home: HomeOutline::from_index(&index()?, store.progress())?,
            screen: HomeScreen::default(),
            status: super::notices(store),
            not_saving: super::view::not_saving_line(store),
            help_note: super::view::not_saving_reason(store),
            theme,
        })
    }

    /// Draws the frame the app will draw at home with the loaded course.
    pub fn draw(&self, frame: &mut Frame) {
        let keymap: Keymap = self.screen.keymap();
        let around = Around {
            course_title: &self.home.title,
            status: self.status.as_deref(),
            not_saving: self.not_saving.clone(),
            help_note: self.help_note.clone(),
            keymap,
            help: None,
            theme: &self.theme,
        };
        around.draw(frame, |frame, body| {
            self.screen
                .draw_outline(frame, body, &self.home, &self.theme)
        });
    }
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::buffer::Buffer;

    use super::*;
    use crate::app::App;
    use crate::content::{EmbeddedCourse, Lab, load, read_index};
    use crate::progress::{Place, ProfileName, StoreError, Timestamp};

    /// A store that never saves (its notice is in the footer of both frames).
    fn store() -> Store {
        let error = StoreError::Read {
            path: "/nonexistent".into(),
            source: std::io::Error::other("test"),
        };
        Store::unsaved(
            "/nonexistent".as_ref(),
            &ProfileName::from_flag(None).unwrap(),
            &error,
        )
    }

    fn drawn(width: u16, height: u16, draw: impl FnOnce(&mut Frame)) -> Buffer {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(draw).unwrap();
        terminal.backend().buffer().clone()
    }

    fn first_frame(store: &Store, theme: &Theme) -> Option<FirstFrame> {
        FirstFrame::for_learner(store, theme.clone(), || read_index(&EmbeddedCourse))
    }

    /// The first frame, drawn from the outline, is cell for cell (styles included) the frame the
    /// app draws once the course has loaded, at the sizes the launch and the snapshots use.
    fn assert_same_frames(store: impl Fn() -> Store) {
        for theme in [Theme::from_no_color(None), Theme::monochrome()] {
            let first = first_frame(&store(), &theme).expect("figures from the outline");
            let app = App::new(load(&EmbeddedCourse).unwrap(), theme.clone(), store());
            for (width, height) in [(100, 30), (80, 24), (200, 60), (40, 12), (10, 5)] {
                let before = drawn(width, height, |frame| first.draw(frame));
                let after = drawn(width, height, |frame| app.draw(frame));
                assert_eq!(before, after, "{width}x{height}");
            }
        }
    }

    #[test]
    fn a_new_learner_sees_the_same_home_before_and_after_the_load() {
        assert_same_frames(store);
    }

    #[test]
    fn a_learner_who_has_only_read_lessons_sees_the_same_home_too() {
        let course = load(&EmbeddedCourse).unwrap();
        let read: Vec<String> = course.lessons().step_by(2).map(|l| l.id.clone()).collect();
        assert_same_frames(|| {
            let mut store = store();
            for id in &read {
                store
                    .progress_mut()
                    .lessons
                    .insert(id.clone(), Timestamp::now());
            }
            store
        });
    }

    /// Answers, lab steps and a place to continue from are counted against the whole course, so
    /// the first frame waits for it.
    #[test]
    fn other_progress_needs_the_loaded_course() {
        let course = load(&EmbeddedCourse).unwrap();
        let question = course.questions().next().unwrap().id.clone();
        let lab: &Lab = course.labs().next().unwrap();
        let theme = Theme::monochrome();

        let mut answered = store();
        answered
            .progress_mut()
            .questions
            .insert(question, Default::default());
        assert!(first_frame(&answered, &theme).is_none());

        let mut stepped = store();
        stepped
            .progress_mut()
            .set_step_done(&lab.id, &lab.steps[0].id, true, Timestamp::now());
        assert!(first_frame(&stepped, &theme).is_none());

        let mut left = store();
        left.progress_mut().set_resume(
            Place::Lab {
                lab: &lab.id,
                step: None,
            },
            Timestamp::now(),
        );
        assert!(first_frame(&left, &theme).is_none());
    }
}
