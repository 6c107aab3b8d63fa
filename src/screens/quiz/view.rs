//! The quiz drawn: the laid-out question (or the summary) in the reading column.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::QuizScreen;
use super::question::{render_quiz, render_summary};
use crate::progress::Mode;
use crate::screens::{Chrome, Context};
use crate::ui::document_width;

pub fn draw_quiz(frame: &mut Frame, area: Rect, cx: &Context, screen: &QuizScreen) -> Chrome {
    let width = document_width(area.width);
    let rendered = if screen.session.is_finished() {
        render_summary(&screen.session, screen.round, screen.mode, width, cx.theme)
    } else {
        render_quiz(screen, cx.course, width, cx.theme)
    };
    screen.doc.draw(frame, area, &rendered, cx.theme);
    let title = match screen.mode {
        Mode::Review => "Review",
        Mode::Cram => "Cram",
        _ => "Quiz",
    };
    Chrome::new([title.to_string()])
}
