//! A topic's screen drawn: its title and what it offers, then its entries as a menu, each with
//! what the learner has done of it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{TopicEntry, TopicScreen};
use crate::content::LabKind;
use crate::progress::ItemKind;
use crate::screens::Context;
use crate::ui::menu::{MenuEntry, draw_menu, inset, plural};
use crate::ui::wrap::wrap;

pub fn draw_topic(frame: &mut Frame, area: Rect, cx: &Context, screen: &TopicScreen) {
    let theme = cx.theme;
    let area = inset(area);
    let topic = &cx.course.topics[screen.topic];
    let mastery = cx.summary.topics.get(screen.topic).and_then(|t| t.mastery);
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
    if !topic.debug.is_empty() {
        counts.push(format!(
            "{} debugging lab{}",
            topic.debug.len(),
            plural(topic.debug.len())
        ));
    }
    let practice = format!("{} on this topic", counts.join(", "));
    intro.extend(wrap(&[(practice, theme.dim)], usize::from(area.width)));
    intro.push(Line::default());
    let entries: Vec<MenuEntry> = screen
        .entries(cx.course)
        .into_iter()
        .map(|entry| match entry {
            TopicEntry::Lesson(i) => {
                let lesson = &topic.lessons[i];
                let versions = if lesson.eli5.is_some() {
                    "technical and ELI5 versions"
                } else {
                    "technical"
                };
                let read = cx.progress.lessons.contains_key(&lesson.id);
                MenuEntry {
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
                    .filter(|s| cx.progress.is_step_done(&lab.id, &s.id))
                    .count();
                let description = format!("        {kind}, {} steps, {done} done", lab.steps.len());
                let right = if done == lab.steps.len() && done > 0 {
                    "done ✓".to_string()
                } else {
                    String::new()
                };
                MenuEntry {
                    name: format!("Lab     {}", lab.title),
                    description,
                    right,
                }
            }
            TopicEntry::NetpolLab(i) => {
                let scenario = &topic.netpol[i];
                let progress = cx.progress;
                let scores: Vec<f64> = scenario
                    .questions
                    .iter()
                    .filter_map(|q| progress.item(ItemKind::Question, &q.progress_id))
                    .filter_map(|item| item.latest_score())
                    .collect();
                let right = scores.iter().filter(|s| **s >= 1.0).count();
                let total = scenario.questions.len();
                MenuEntry {
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
            TopicEntry::DebugLab(i) => {
                let scenario = &topic.debug[i];
                let causes = scenario.causes.len();
                let solved = crate::screens::debug_lab::solved_causes(cx.progress, &scenario.id).len();
                MenuEntry {
                    name: format!("Debug   {}", scenario.title),
                    description: format!(
                        "        play it: run diagnostic steps, name the root cause ({causes} possible)"
                    ),
                    right: if solved == 0 {
                        String::new()
                    } else {
                        format!("{solved}/{causes} causes solved")
                    },
                }
            }
            TopicEntry::Quiz => MenuEntry {
                name: format!("Quiz    {} questions on this topic", topic.questions.len()),
                description: "        plus questions drawn from its tables; feedback after each"
                    .to_string(),
                right: mastery
                    .map(|m| format!("{:.0}% mastered", m * 100.0))
                    .unwrap_or_default(),
            },
            TopicEntry::Interview => MenuEntry {
                name: format!(
                    "Rehearse {} interview question{} on this topic",
                    topic.interview.len(),
                    plural(topic.interview.len())
                ),
                description: "        answer in your own words, then compare with the model answer"
                    .to_string(),
                right: String::new(),
            },
            TopicEntry::Cram => MenuEntry {
                name: "Cram    the same questions, off the record".to_string(),
                description:
                    "        drill before an interview; your review schedule stays as it is"
                        .to_string(),
                right: String::new(),
            },
        })
        .collect();
    draw_menu(
        frame.buffer_mut(),
        area,
        intro,
        &entries,
        &screen.list,
        theme,
    );
}
