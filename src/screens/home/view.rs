//! The home screen drawn: the course, then its entries as a menu. It draws a [`HomeOutline`], so
//! the first frame (from the course's outline) and every later one (from the loaded course) are
//! the same drawing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::outline::HomeOutline;
use super::{HomeEntry, Practice};
use crate::ui::menu::{ListState, MenuEntry, draw_menu, inset};
use crate::ui::theme::Theme;
use crate::ui::wrap::wrap;

pub fn draw_home(
    buffer: &mut Buffer,
    area: Rect,
    home: &HomeOutline,
    theme: &Theme,
    list: &ListState,
) {
    let area = inset(area);
    let mut intro = vec![
        Line::default(),
        Line::styled(home.title.clone(), theme.title),
    ];
    // On a short terminal the entries matter more than the course's summary: it shows only when
    // every entry still gets its line.
    let summary = wrap(
        &[(home.summary.clone(), theme.dim)],
        usize::from(area.width),
    );
    let entries = home.entries();
    let rows = usize::from(area.height);
    if rows >= intro.len() + summary.len() + 1 + entries.len() {
        intro.extend(summary);
    } else if rows < intro.len() + 1 + entries.len() {
        // Tighter still: the blank line at the top goes before any entry does.
        intro.remove(0);
    }
    // The right column's figures, labelled once above the topics.
    let header = "lessons · labs · mastery";
    intro.push(Line::styled(
        format!("{header:>width$}", width = usize::from(area.width)),
        theme.dim,
    ));
    let entries: Vec<MenuEntry> = entries
        .into_iter()
        .map(|entry| match entry {
            HomeEntry::ContinueExam => {
                let (answered, asked) = home.exam.unwrap_or_default();
                MenuEntry {
                    name: format!("Continue: the mock exam ({answered} of {asked} answered)"),
                    description: "your answers were kept; the clock goes on from where it stopped"
                        .to_string(),
                    right: String::new(),
                }
            }
            HomeEntry::ContinueQuiz(mode) => {
                let (at, of) = home
                    .quizzes
                    .iter()
                    .find(|(m, ..)| *m == mode)
                    .map_or((0, 0), |&(_, at, of)| (at, of));
                let what = if mode == crate::progress::Mode::Review {
                    "the review"
                } else {
                    "the quiz"
                };
                MenuEntry {
                    name: format!("Continue: {what} (question {} of {of})", at + 1),
                    description: "left before its end; your answers were kept".to_string(),
                    right: String::new(),
                }
            }
            HomeEntry::AskName => MenuEntry {
                name: "Your name for reports: not given yet".to_string(),
                description: "Enter to give it, or Esc there to stop being asked".to_string(),
                right: String::new(),
            },
            HomeEntry::Continue => MenuEntry {
                name: format!("Continue: {}", home.resume.clone().unwrap_or_default()),
                description: "where you left off".to_string(),
                right: String::new(),
            },
            HomeEntry::Topic(i) => MenuEntry {
                name: format!("{:>2}  {}", i + 1, home.topics[i].title),
                description: format!("    {}", home.topics[i].summary),
                right: home.topics[i].figures(),
            },
            HomeEntry::Practice(Practice::Review) => MenuEntry {
                name: match home.review_due {
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
    draw_menu(buffer, area, intro, &entries, list, theme);
}
