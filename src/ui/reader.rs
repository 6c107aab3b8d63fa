//! The lesson reader and the lab view: a laid-out document in a centred column with a scrollbar.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::document::Rendered;
use super::document_width;
use crate::app::{App, LabScreen, LessonScreen};

/// Draws the lesson; returns the header breadcrumb and the footer hints.
pub fn draw_lesson(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    screen: &LessonScreen,
) -> (Vec<String>, String) {
    let lesson = screen.lesson(&app.course);
    draw_document(frame, area, app, &screen.rendered, screen.scroll);
    let version = match (&lesson.eli5, screen.eli5) {
        (None, _) => String::new(),
        (Some(_), false) => " [technical · e: ELI5]".to_string(),
        (Some(_), true) => " [ELI5 · e: technical]".to_string(),
    };
    let title = vec![
        app.course.title.clone(),
        app.course.topics[screen.topic].title.clone(),
        format!("{}{version}", lesson.title),
    ];
    let section = screen
        .current_section()
        .map(|s| format!("§ {s} · "))
        .unwrap_or_default();
    let hints = format!(
        "{section}{} · ]/[ section · n/p lesson · ? help · q back",
        position(screen.scroll, &screen.rendered, area)
    );
    (title, hints)
}

pub fn draw_lab(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    screen: &LabScreen,
) -> (Vec<String>, String) {
    let lab = screen.lab(&app.course);
    draw_document(frame, area, app, &screen.rendered, screen.scroll);
    let title = vec![
        app.course.title.clone(),
        app.course.topics[screen.topic].title.clone(),
        lab.title.clone(),
    ];
    let hints = format!(
        "step {}/{} · ↑↓ step · Space done · c copy · ? help · q back",
        screen.selected + 1,
        lab.steps.len()
    );
    (title, hints)
}

pub(super) fn draw_document(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    rendered: &Rendered,
    scroll: usize,
) {
    let width = document_width(area.width) as u16;
    let left = area.x + (area.width.saturating_sub(width)) / 2;
    let column = Rect {
        x: left,
        width,
        ..area
    };
    let visible = rendered
        .lines
        .iter()
        .skip(scroll)
        .take(usize::from(area.height))
        .cloned()
        .collect::<Vec<_>>();
    frame.render_widget(Paragraph::new(visible).style(app.theme.base), column);
    if rendered.lines.len() > usize::from(area.height) {
        let mut state = ScrollbarState::new(
            rendered
                .lines
                .len()
                .saturating_sub(usize::from(area.height))
                + 1,
        )
        .position(scroll)
        .viewport_content_length(usize::from(area.height));
        let scrollbar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_style(app.theme.border)
            .thumb_style(app.theme.dim);
        frame.render_stateful_widget(
            scrollbar,
            area.inner(Margin {
                vertical: 0,
                horizontal: 0,
            }),
            &mut state,
        );
    }
}

/// "Top", "Bottom" or a percentage, like a pager.
fn position(scroll: usize, rendered: &Rendered, area: Rect) -> String {
    let max = rendered
        .lines
        .len()
        .saturating_sub(usize::from(area.height));
    match scroll {
        _ if max == 0 => "All".to_string(),
        0 => "Top".to_string(),
        s if s >= max => "Bottom".to_string(),
        s => format!("{}%", s * 100 / max),
    }
}
