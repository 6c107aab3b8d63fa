//! The lesson drawn: its document laid out in the reading column, the breadcrumb with the version
//! shown, and the section and position in the footer.

use super::LessonScreen;
use crate::content::Course;
use crate::screens::{Chrome, Context};
use crate::ui::document::{Rendered, render_document};
use crate::ui::document_width;
use crate::ui::theme::Theme;

pub fn render_lesson(
    screen: &LessonScreen,
    course: &Course,
    width: u16,
    theme: &Theme,
) -> Rendered {
    let lesson = screen.lesson(course);
    let document = match (&lesson.eli5, screen.eli5) {
        (Some(eli5), true) => eli5,
        _ => &lesson.technical,
    };
    render_document(&document.blocks, document_width(width), theme)
}

pub fn chrome(screen: &LessonScreen, cx: &Context) -> Chrome {
    let lesson = screen.lesson(cx.course);
    let version = match (&lesson.eli5, screen.eli5) {
        (None, _) => "",
        (Some(_), false) => " [technical · e: ELI5]",
        (Some(_), true) => " [ELI5 · e: technical]",
    };
    let section = screen
        .doc
        .current_section()
        .map(|(_, title)| format!("§ {title} · "))
        .unwrap_or_default();
    Chrome::new([
        cx.course.topics[screen.topic].title.clone(),
        format!("{}{version}", lesson.title),
    ])
    .status(format!("{section}{}", screen.doc.position()))
}
