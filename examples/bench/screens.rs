//! Drawing every screen of the embedded course at 80x24 and 200x60.

use aks_tutor::content::{self, EmbeddedCourse};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::tour::{SCREENS, app_showing};
use crate::{heading, report, time};

pub fn render_every_screen() {
    heading("Drawing a screen (the embedded course)");
    let course = content::load(&EmbeddedCourse).expect("the embedded course loads");
    for (width, height) in [(80, 24), (200, 60)] {
        for name in SCREENS {
            let app = app_showing(name, &course, width, height);
            // A reused terminal, as the runtime's: every draw renders the whole screen into a
            // fresh buffer, then writes only what changed.
            let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a terminal");
            let figures = time(2000, || {
                terminal
                    .draw(|frame| app.draw(frame))
                    .expect("drawing into a TestBackend cannot fail");
            });
            let bar = if width == 200 { "≤ 1 ms" } else { "" };
            report(&format!("draw {name} at {width}x{height}"), &figures, bar);
        }
    }
}
