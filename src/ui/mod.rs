//! Drawing. Every function here only reads the state it is given; layout that is expensive was
//! done by `update` already.

pub mod address_space;
pub mod document;
pub mod exam;
mod help;
pub mod highlight;
mod home;
pub mod interview;
pub mod lab;
pub mod netpol_lab;
pub mod question;
mod quiz;
mod reader;
mod search;
pub mod sizing;
pub mod stats;
pub mod table;
pub mod theme;
pub mod wrap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::app::{App, Screen};

/// Below this, the app shows a message instead of a cramped screen.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// Long lines are hard to read; wider terminals get margins.
const MAX_TEXT_WIDTH: u16 = 100;

/// The width lessons and labs are laid out at, for a terminal `width` wide.
pub fn document_width(width: u16) -> usize {
    usize::from(width.saturating_sub(4).clamp(1, MAX_TEXT_WIDTH))
}

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        draw_too_small(frame, area, app);
        return;
    }
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let theme = &app.theme;
    let (title, hints) = match app.screen() {
        Screen::Home(list) => {
            home::draw_home(frame, body, app, list);
            (vec![app.course.title.clone()], home::HOME_HINTS.to_string())
        }
        Screen::Topic(topic) => {
            home::draw_topic(frame, body, app, topic);
            (
                vec![
                    app.course.title.clone(),
                    app.course.topics[topic.topic].title.clone(),
                ],
                home::TOPIC_HINTS.to_string(),
            )
        }
        Screen::Lesson(lesson) => reader::draw_lesson(frame, body, app, lesson),
        Screen::Lab(lab) => reader::draw_lab(frame, body, app, lab),
        Screen::Sizing(sizing) => sizing::draw_sizing(frame, body, app, sizing),
        Screen::Quiz(quiz) => quiz::draw_quiz(frame, body, app, quiz),
        Screen::Interview(interview) => interview::draw_interview(frame, body, app, interview),
        Screen::Exam(exam) => exam::draw_exam(frame, body, app, exam),
        Screen::Search(search) => search::draw_search(frame, body, app, search),
        Screen::NetpolLab(lab) => netpol_lab::draw_netpol_lab(frame, body, app, lab),
        Screen::Stats(stats) => {
            reader::draw_document(frame, body, app, &stats.rendered, stats.scroll);
            (
                vec![app.course.title.clone(), "Stats".to_string()],
                "↑↓ scroll · ? help · q back".to_string(),
            )
        }
    };
    draw_header(frame, header, &title, theme);
    let footer_text = app
        .status
        .clone()
        .unwrap_or_else(|| fit_hints(&hints, usize::from(area.width)));
    let footer_style = if app.status.is_some() {
        theme.note
    } else {
        theme.dim
    };
    frame.render_widget(
        Paragraph::new(Line::styled(footer_text, footer_style)),
        footer,
    );
    if app.help_open {
        help::draw_help(frame, area, app);
    }
}

/// A breadcrumb: course › topic › lesson. When it is too long, the leading parts give way first.
fn draw_header(frame: &mut Frame, area: Rect, parts: &[String], theme: &theme::Theme) {
    let width = usize::from(area.width);
    let mut skip = 0;
    while skip + 1 < parts.len() && breadcrumb_width(&parts[skip..]) + 2 > width {
        skip += 1;
    }
    let mut spans = Vec::new();
    if skip > 0 {
        spans.push(Span::styled("… › ", theme.dim));
    }
    for (i, part) in parts.iter().enumerate().skip(skip) {
        if i > skip {
            spans.push(Span::styled(" › ", theme.dim));
        }
        let style = if i + 1 == parts.len() {
            theme.title
        } else {
            theme.base
        };
        spans.push(Span::styled(part.clone(), style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn breadcrumb_width(parts: &[String]) -> usize {
    parts.iter().map(|p| p.width() + 3).sum()
}

/// Fits footer hints (separated by " · ") to a width: the first hint (a section name, say) is
/// shortened first, then hints are dropped from the end, keeping the last one ("q back").
pub fn fit_hints(hints: &str, width: usize) -> String {
    let mut parts: Vec<String> = hints.split(" · ").map(str::to_string).collect();
    let total = |parts: &[String]| {
        parts.iter().map(|p| p.width()).sum::<usize>() + 3 * parts.len().saturating_sub(1)
    };
    let excess = total(&parts).saturating_sub(width);
    if excess > 0 && parts.len() > 1 {
        let first = &parts[0];
        let keep = first.width().saturating_sub(excess + 1).max(12);
        if keep < first.width() {
            parts[0] = format!("{}…", first.chars().take(keep).collect::<String>());
        }
    }
    while total(&parts) > width && parts.len() > 2 {
        parts.remove(parts.len() - 2);
    }
    parts.join(" · ")
}

fn draw_too_small(frame: &mut Frame, area: Rect, app: &App) {
    let message = format!(
        "The terminal is {}x{}; aks-tutor needs at least {MIN_WIDTH}x{MIN_HEIGHT}. Make it larger, or press Ctrl-C to quit.",
        area.width, area.height
    );
    let paragraph = Paragraph::new(message)
        .style(app.theme.warning)
        .wrap(Wrap { trim: true });
    frame.render_widget(paragraph, area);
}

/// A line that fills its width with `style` (used for selections).
fn filled(line: Line<'static>, width: u16, style: Style) -> Line<'static> {
    let used = wrap::line_width(&line);
    let mut line = line.patch_style(style);
    if used < usize::from(width) {
        line.spans
            .push(Span::styled(" ".repeat(usize::from(width) - used), style));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_shorten_the_first_then_drop_from_the_end() {
        let hints =
            "§ A very long section title indeed · 15% · ]/[ section · n/p lesson · ? help · q back";
        assert_eq!(fit_hints(hints, 200), hints);
        let fitted = fit_hints(hints, 60);
        assert!(fitted.width() <= 60, "{fitted}");
        assert!(
            fitted.starts_with("§ A very lon") && fitted.ends_with("q back"),
            "{fitted}"
        );
        assert!(fit_hints(hints, 30).ends_with("q back"));
    }
}
