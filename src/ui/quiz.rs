//! The quiz screen: the laid-out question (or the summary) in the reading column.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::reader::draw_document;
use crate::app::App;
use crate::app::quiz::QuizScreen;

pub fn draw_quiz(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    screen: &QuizScreen,
) -> (Vec<String>, String) {
    draw_document(frame, area, app, &screen.rendered, screen.scroll);
    let title = vec![app.course.title.clone(), "Quiz".to_string()];
    let answered = screen.session.current_result().is_some();
    let hints = if screen.session.is_finished() {
        "r retry missed · Enter back · ? help"
    } else if answered {
        "Enter next · o lesson · ↑↓ scroll · ? help · q back"
    } else {
        "Enter answer · ? help · Esc back"
    };
    (title, hints.to_string())
}
