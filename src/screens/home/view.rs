//! The home screen drawn: the course, then its entries as a menu.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{HomeEntry, Practice, home_entries, resume_title};
use crate::screens::Context;
use crate::ui::menu::{ListState, MenuEntry, draw_menu, inset};
use crate::ui::wrap::wrap;

pub fn draw_home(frame: &mut Frame, area: Rect, cx: &Context, list: &ListState) {
    let theme = cx.theme;
    let area = inset(area);
    let mut intro = vec![
        Line::default(),
        Line::styled(cx.course.title.clone(), theme.title),
    ];
    // On a short terminal the entries matter more than the course's summary.
    if area.height >= 16 {
        intro.extend(wrap(
            &[(cx.course.summary.clone(), theme.dim)],
            usize::from(area.width),
        ));
    }
    intro.push(Line::default());
    let mastery = |topic: usize| cx.summary.topics.get(topic).and_then(|t| t.mastery);
    let entries: Vec<MenuEntry> = home_entries(cx.course, cx.progress)
        .into_iter()
        .map(|entry| match entry {
            HomeEntry::Continue => MenuEntry {
                name: format!(
                    "Continue: {}",
                    resume_title(cx.course, cx.progress).unwrap_or_default()
                ),
                description: "where you left off".to_string(),
                right: String::new(),
            },
            HomeEntry::Topic(i) => MenuEntry {
                name: format!("{:>2}  {}", i + 1, cx.course.topics[i].title),
                description: format!("    {}", cx.course.topics[i].summary),
                right: mastery(i)
                    .map(|m| format!("{:.0}%", m * 100.0))
                    .unwrap_or_default(),
            },
            HomeEntry::Practice(Practice::Review) => MenuEntry {
                name: match cx.review_due {
                    0 => "Review: nothing due now".to_string(),
                    1 => "Review: 1 item due".to_string(),
                    n => format!("Review: {n} items due"),
                },
                description: Practice::Review.description().to_string(),
                right: String::new(),
            },
            HomeEntry::Practice(practice) => MenuEntry {
                name: practice.name().to_string(),
                description: practice.description().to_string(),
                right: String::new(),
            },
        })
        .collect();
    draw_menu(frame, area, intro, &entries, list, theme);
}
