//! The home screen (the course's topics) and a topic's screen (its lessons and labs).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{filled, wrap::wrap};
use unicode_width::UnicodeWidthStr;

use crate::app::{
    App, HomeEntry, ListScreen, Practice, TopicEntry, TopicScreen, home_entries, resume_title,
};
use crate::content::LabKind;
use crate::progress::ItemKind;

pub const HOME_HINTS: &str = "↑↓ choose · Enter open · ? help · q quit";
pub const TOPIC_HINTS: &str = "↑↓ choose · Enter open · q back · ? help";

/// Each entry of a list takes two lines: its name (with a figure on the right, such as a
/// topic's mastery), and a line of description.
struct Entry {
    name: String,
    description: String,
    right: String,
}

pub fn draw_home(frame: &mut Frame, area: Rect, app: &App, list: &ListScreen) {
    let theme = &app.theme;
    let area = inset(area);
    let mut intro = vec![
        Line::default(),
        Line::styled(app.course.title.clone(), theme.title),
    ];
    // On a short terminal the entries matter more than the course's summary.
    if area.height >= 16 {
        intro.extend(wrap(
            &[(app.course.summary.clone(), theme.dim)],
            usize::from(area.width),
        ));
    }
    intro.push(Line::default());
    let mastery = |topic: usize| app.summary.topics.get(topic).and_then(|t| t.mastery);
    let entries: Vec<Entry> = home_entries(&app.course, app.store.progress())
        .into_iter()
        .map(|entry| match entry {
            HomeEntry::Continue => Entry {
                name: format!(
                    "Continue: {}",
                    resume_title(&app.course, app.store.progress()).unwrap_or_default()
                ),
                description: "where you left off".to_string(),
                right: String::new(),
            },
            HomeEntry::Topic(i) => Entry {
                name: format!("{:>2}  {}", i + 1, app.course.topics[i].title),
                description: format!("    {}", app.course.topics[i].summary),
                right: mastery(i)
                    .map(|m| format!("{:.0}%", m * 100.0))
                    .unwrap_or_default(),
            },
            HomeEntry::Practice(Practice::Review) => Entry {
                name: match app.review_due {
                    0 => "Review: nothing due now".to_string(),
                    1 => "Review: 1 item due".to_string(),
                    n => format!("Review: {n} items due"),
                },
                description: Practice::Review.description().to_string(),
                right: String::new(),
            },
            HomeEntry::Practice(practice) => Entry {
                name: practice.name().to_string(),
                description: practice.description().to_string(),
                right: String::new(),
            },
        })
        .collect();
    draw_list(frame, area, app, intro, &entries, list.selected);
}

pub fn draw_topic(frame: &mut Frame, area: Rect, app: &App, screen: &TopicScreen) {
    let theme = &app.theme;
    let area = inset(area);
    let topic = &app.course.topics[screen.topic];
    let mastery = app.summary.topics.get(screen.topic).and_then(|t| t.mastery);
    let mut intro = vec![
        Line::default(),
        Line::styled(topic.title.clone(), theme.title),
    ];
    intro.extend(wrap(
        &[(topic.summary.clone(), theme.dim)],
        usize::from(area.width),
    ));
    let mut counts = vec![
        format!(
            "{} quiz question{}",
            topic.questions.len(),
            plural(topic.questions.len())
        ),
        format!(
            "{} interview question{}",
            topic.interview.len(),
            plural(topic.interview.len())
        ),
    ];
    if !topic.netpol.is_empty() {
        counts.push(format!(
            "{} policy lab{}",
            topic.netpol.len(),
            plural(topic.netpol.len())
        ));
    }
    let practice = format!("{} on this topic", counts.join(", "));
    intro.extend(wrap(&[(practice, theme.dim)], usize::from(area.width)));
    intro.push(Line::default());
    let entries: Vec<Entry> = screen
        .entries(&app.course)
        .into_iter()
        .map(|entry| match entry {
            TopicEntry::Lesson(i) => {
                let lesson = &topic.lessons[i];
                let versions = if lesson.eli5.is_some() {
                    "technical and ELI5 versions"
                } else {
                    "technical"
                };
                let read = app.store.progress().lessons.contains_key(&lesson.id);
                Entry {
                    name: format!("Lesson  {}", lesson.title),
                    description: format!("        {versions}"),
                    right: if read {
                        "read ✓".to_string()
                    } else {
                        String::new()
                    },
                }
            }
            TopicEntry::Lab(i) => {
                let lab = &topic.labs[i];
                let kind = match lab.kind {
                    LabKind::HandsOn => "hands-on",
                    LabKind::Debugging => "debugging scenario",
                };
                let done = lab
                    .steps
                    .iter()
                    .filter(|s| app.store.progress().is_step_done(&lab.id, &s.id))
                    .count();
                let description = format!("        {kind}, {} steps, {done} done", lab.steps.len());
                let right = if done == lab.steps.len() && done > 0 {
                    "done ✓".to_string()
                } else {
                    String::new()
                };
                Entry {
                    name: format!("Lab     {}", lab.title),
                    description,
                    right,
                }
            }
            TopicEntry::NetpolLab(i) => {
                let scenario = &topic.netpol[i];
                let progress = app.store.progress();
                let scores: Vec<f64> = scenario
                    .questions
                    .iter()
                    .filter_map(|q| progress.item(ItemKind::Question, &q.progress_id))
                    .filter_map(|item| item.latest_score())
                    .collect();
                let right = scores.iter().filter(|s| **s >= 1.0).count();
                let total = scenario.questions.len();
                Entry {
                    name: format!("Lab     Allowed or denied? {}", scenario.title),
                    description: format!(
                        "        predict {total} connection{}; the evaluator explains each",
                        plural(total)
                    ),
                    right: if scores.is_empty() {
                        String::new()
                    } else {
                        format!("{right}/{total} right")
                    },
                }
            }
            TopicEntry::Quiz => Entry {
                name: format!("Quiz    {} questions on this topic", topic.questions.len()),
                description: "        plus questions drawn from its tables; feedback after each"
                    .to_string(),
                right: mastery
                    .map(|m| format!("{:.0}% mastered", m * 100.0))
                    .unwrap_or_default(),
            },
            TopicEntry::Cram => Entry {
                name: "Cram    the same questions, off the record".to_string(),
                description:
                    "        drill before an interview; your review schedule stays as it is"
                        .to_string(),
                right: String::new(),
            },
        })
        .collect();
    draw_list(frame, area, app, intro, &entries, screen.list.selected);
}

/// Draws the intro lines, then as many entries as fit, scrolled so the selected one shows.
fn draw_list(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    intro: Vec<Line<'static>>,
    entries: &[Entry],
    selected: usize,
) {
    let theme = &app.theme;
    let intro_height = intro.len().min(usize::from(area.height).saturating_sub(2));
    let visible = ((usize::from(area.height) - intro_height) / 2).max(1);
    let offset = selected.saturating_sub(visible - 1);
    let mut lines: Vec<Line<'static>> = intro.into_iter().take(intro_height).collect();
    for (i, entry) in entries.iter().enumerate().skip(offset).take(visible) {
        let pointer = if i == selected { "▶ " } else { "  " };
        let used = pointer.width() + entry.name.width() + entry.right.width();
        let gap = usize::from(area.width).saturating_sub(used).max(1);
        let name = Line::from(vec![
            Span::raw(pointer),
            Span::raw(entry.name.clone()),
            Span::raw(" ".repeat(gap)),
            Span::raw(entry.right.clone()),
        ]);
        if i == selected {
            lines.push(filled(name, area.width, theme.selected));
        } else {
            lines.push(name.patch_style(theme.strong));
        }
        lines.push(Line::styled(format!("  {}", entry.description), theme.dim));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The menus' column: a margin on narrow terminals, centred at the reading width on wide ones,
/// so a topic's mastery stays next to its name.
fn inset(area: Rect) -> Rect {
    let margin = if area.width > 60 { 2 } else { 1 };
    let width = area
        .width
        .saturating_sub(2 * margin)
        .min(super::document_width(area.width) as u16);
    Rect {
        x: area.x + (area.width - width) / 2,
        width,
        ..area
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
