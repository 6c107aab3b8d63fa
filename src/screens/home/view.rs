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
    // On a short terminal the entries matter more than the course's summary: it shows only when
    // every entry still gets its line.
    let summary = wrap(
        &[(cx.course.summary.clone(), theme.dim)],
        usize::from(area.width),
    );
    let entry_count = home_entries(cx.course, cx.progress).len();
    if usize::from(area.height) >= intro.len() + summary.len() + 1 + entry_count {
        intro.extend(summary);
    }
    // The right column's figures, labelled once above the topics.
    let header = "lessons · labs · mastery";
    intro.push(Line::styled(
        format!("{header:>width$}", width = usize::from(area.width)),
        theme.dim,
    ));
    let entries: Vec<MenuEntry> = home_entries(cx.course, cx.progress)
        .into_iter()
        .map(|entry| match entry {
            HomeEntry::ContinueExam => {
                let sitting = cx.progress.sitting(crate::progress::Mode::Exam);
                let (answered, asked) =
                    sitting.map_or((0, 0), |s| (s.answers.len(), s.items.len()));
                MenuEntry {
                    name: format!("Continue: the mock exam ({answered} of {asked} answered)"),
                    description: "your answers were kept; the clock goes on from where it stopped"
                        .to_string(),
                    right: String::new(),
                }
            }
            HomeEntry::ContinueQuiz(mode) => {
                let sitting = cx.progress.sitting(mode);
                let (at, of) = sitting.map_or((0, 0), |s| (s.position, s.items.len()));
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
                right: topic_figures(cx, i),
            },
            HomeEntry::Practice(Practice::Review) => MenuEntry {
                name: match cx.due.now.len() {
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

/// What the learner has done of a topic: lessons read, labs finished, mastery of its questions
/// ("1/1 · 0/1 ·  40%"; a dash where the topic has none).
fn topic_figures(cx: &Context, index: usize) -> String {
    let topic = &cx.course.topics[index];
    let progress = cx.progress;
    let read = topic
        .lessons
        .iter()
        .filter(|l| progress.lessons.contains_key(&l.id))
        .count();
    let labs_done = topic
        .labs
        .iter()
        .filter(|lab| {
            !lab.steps.is_empty()
                && lab
                    .steps
                    .iter()
                    .all(|step| progress.is_step_done(&lab.id, &step.id))
        })
        .count();
    let fraction = |done: usize, total: usize| match total {
        0 => "–".to_string(),
        total => format!("{done}/{total}"),
    };
    let mastery = cx
        .summary
        .topics
        .get(index)
        .and_then(|t| t.mastery)
        .map_or_else(|| "–".to_string(), |m| format!("{:.0}%", m * 100.0));
    format!(
        "{:>7} · {:>4} · {mastery:>7}",
        fraction(read, topic.lessons.len()),
        fraction(labs_done, topic.labs.len())
    )
}
