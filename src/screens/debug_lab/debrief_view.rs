//! The debrief drawn: right or not, the score line by line, the learner's path beside the
//! shortest one, and for the cause and each step what it should have told them, each an entry
//! that `o` opens in the lesson.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::DebugLabScreen;
use super::text::{reflow, truncate};
use crate::content::Course;
use crate::debug::score::{CAUSE_POINTS, EFFICIENCY_POINTS, FIX_POINTS};
use crate::debug::{Debrief, DebriefStep};
use crate::screens::{Chrome, Context};
use crate::ui::document::Rendered;
use crate::ui::document_width;
use crate::ui::filled;
use crate::ui::menu::plural;
use crate::ui::theme::Theme;
use crate::ui::wrap::{wrap, wrap_hanging};

/// From this width the two paths stand side by side.
const PATHS_SIDE_BY_SIDE: usize = 90;
/// Where the root cause's and the fix's text starts.
const VALUE_COLUMN: usize = 15;

/// One thing in the debrief `o` can open: the cause, then each step run, then the steps of the
/// shortest path not run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DebriefEntry {
    pub title: String,
    pub see: Option<String>,
    pub step: Option<DebriefStep>,
}

/// A step without a lesson section of its own points at the scenario's (`scenario_see`).
pub fn debrief_entries(debrief: &Debrief, scenario_see: &str) -> Vec<DebriefEntry> {
    let scenario_see = Some(scenario_see.to_string());
    let step_entry = |step: &DebriefStep, title: String| DebriefEntry {
        title,
        see: step.see.clone().or_else(|| scenario_see.clone()),
        step: Some(step.clone()),
    };
    let mut entries = vec![DebriefEntry {
        title: format!("Root cause: {}", debrief.cause.title),
        see: debrief.see.first().cloned(),
        step: None,
    }];
    for (i, step) in debrief.path.iter().enumerate() {
        entries.push(step_entry(step, format!("{}. {}", i + 1, step.label)));
    }
    for step in &debrief.shortest {
        if !debrief.path.iter().any(|s| s.action_id == step.action_id) {
            entries.push(step_entry(step, format!("Not run: {}", step.label)));
        }
    }
    entries
}

pub fn draw_debrief(
    frame: &mut Frame,
    area: Rect,
    cx: &Context,
    screen: &DebugLabScreen,
) -> Chrome {
    let chrome = Chrome::new(["Debugging lab".to_string(), screen.scenario().title.clone()]);
    let Some(debrief) = &screen.debrief else {
        return chrome;
    };
    let width = document_width(area.width);
    let (rendered, span) = render_debrief(
        debrief,
        &screen.scenario().see,
        screen.choices.selected,
        screen.session.seed(),
        cx.course,
        width,
        cx.theme,
    );
    // After ↑↓ the highlighted entry shows whole; after a page key the page stays where it went.
    if screen.follow
        && let Some((start, end)) = span
    {
        screen.log.show_lines(start, end);
    }
    screen.log.draw(frame, area, &rendered, cx.theme);
    chrome.status(format!("score {} / 100", debrief.score.total))
}

pub fn render_debrief(
    debrief: &Debrief,
    scenario_see: &str,
    selected: usize,
    seed: u64,
    course: &Course,
    width: usize,
    theme: &Theme,
) -> (Rendered, Option<(usize, usize)>) {
    let entries = debrief_entries(debrief, scenario_see);
    let mut lines: Vec<Line<'static>> = Vec::new();
    // The lines of the highlighted entry.
    let mut span = None;
    let verdict = if debrief.solved() {
        format!("✓ Solved · score {} / 100", debrief.score.total)
    } else {
        format!("✗ Not solved · score {} / 100", debrief.score.total)
    };
    lines.push(Line::styled(verdict, theme.heading));
    lines.push(Line::default());

    let judged = |right: bool, what: &str, named: &str| {
        if right {
            (format!("✓ you {what} it"), theme.done)
        } else {
            (format!("✗ you {what}: {named}"), theme.warning)
        }
    };
    let (said, style) = judged(debrief.cause_right, "named", &debrief.named_cause.title);
    // The cause is the debrief's first entry: `o` on it opens the lesson that teaches it.
    let cause_line = lines.len();
    let label = if selected == 0 {
        "▶ Root cause"
    } else {
        "  Root cause"
    };
    push_pair(&mut lines, label, &debrief.cause.title, width, theme);
    if selected == 0 {
        let highlighted: Vec<Line<'static>> = lines
            .drain(cause_line..)
            .map(|line| filled(line, width as u16, theme.selected))
            .collect();
        lines.extend(highlighted);
    }
    lines.extend(
        wrap(&[(said, style)], width.saturating_sub(VALUE_COLUMN))
            .into_iter()
            .map(indent(VALUE_COLUMN)),
    );
    if let Some(reference) = debrief.see.first() {
        let text = format!("Lesson: {}", describe(course, reference));
        lines.extend(
            wrap(&[(text, theme.dim)], width.saturating_sub(VALUE_COLUMN))
                .into_iter()
                .map(indent(VALUE_COLUMN)),
        );
    }
    if selected == 0 {
        span = Some((cause_line, lines.len()));
    }
    let (said, style) = judged(debrief.fix_right, "chose", &debrief.named_fix.title);
    push_pair(&mut lines, "  Fix", &debrief.fix.title, width, theme);
    lines.extend(
        wrap(&[(said, style)], width.saturating_sub(VALUE_COLUMN))
            .into_iter()
            .map(indent(VALUE_COLUMN)),
    );
    lines.push(Line::default());
    lines.extend(wrap(&[(reflow(&debrief.explanation), theme.base)], width));
    if debrief.cause_right && !debrief.proven {
        let others: Vec<&str> = debrief
            .still_possible
            .iter()
            .filter(|c| c.id != debrief.cause.id)
            .map(|c| c.title.as_str())
            .collect();
        let text = format!(
            "You named it before the outputs proved it. Still possible then: {}. A guess earns \
             the cause, not the method.",
            others.join("; ")
        );
        lines.push(Line::default());
        lines.extend(wrap(&[(text, theme.note)], width));
    }
    lines.push(Line::default());

    lines.push(Line::styled("Score", theme.subheading));
    let s = &debrief.score;
    let steps = debrief.path.len();
    let shortest = debrief.shortest.len();
    let rows = [
        (
            "Right cause".to_string(),
            format!("{:>3} / {CAUSE_POINTS}", s.cause),
        ),
        (
            "Right fix".to_string(),
            format!("{:>3} / {FIX_POINTS}", s.fix),
        ),
        (
            format!("Proof: {steps} step{}, shortest {shortest}", plural(steps)),
            format!("{:>3} / {EFFICIENCY_POINTS}", s.efficiency),
        ),
        (format!("Hints: {}", debrief.hints), minus(s.hints)),
        (
            format!("Harmful steps: {}", debrief.harmful_taken()),
            minus(s.harmful),
        ),
        ("Total".to_string(), format!("{:>3} / 100", s.total)),
    ];
    for (name, points) in rows {
        let style = if name == "Total" {
            theme.strong
        } else {
            theme.base
        };
        lines.push(Line::styled(format!("  {name:<34} {points}"), style));
    }
    lines.push(Line::default());

    paths(&mut lines, debrief, width, theme);
    lines.push(Line::default());

    lines.push(Line::styled(
        "What each output should have told you",
        theme.subheading,
    ));
    for (i, entry) in entries.iter().enumerate().skip(1) {
        let chosen = i == selected;
        let pointer = if chosen { "▶ " } else { "  " };
        let mut title = format!("{pointer}{}", entry.title);
        if entry.step.as_ref().is_some_and(|s| s.on_shortest) {
            title.push_str("  (on the shortest path)");
        }
        let start = lines.len();
        for line in wrap_hanging(&[(title, theme.strong)], width, 4) {
            lines.push(if chosen {
                filled(line, width as u16, theme.selected)
            } else {
                line
            });
        }
        let body = entry
            .step
            .as_ref()
            .map_or_else(String::new, |s| reflow(&s.tells));
        lines.extend(
            wrap(&[(body, theme.base)], width.saturating_sub(4))
                .into_iter()
                .map(indent(4)),
        );
        if let Some(why) = entry.step.as_ref().and_then(|s| s.harmful.as_ref()) {
            let text = format!("✗ Harmful: {}", reflow(why));
            lines.extend(
                wrap(&[(text, theme.warning)], width.saturating_sub(4))
                    .into_iter()
                    .map(indent(4)),
            );
        }
        if let Some(reference) = &entry.see {
            let text = format!("Lesson: {}", describe(course, reference));
            lines.extend(
                wrap(&[(text, theme.dim)], width.saturating_sub(4))
                    .into_iter()
                    .map(indent(4)),
            );
        }
        if chosen {
            span = Some((start, lines.len()));
        }
    }
    lines.push(Line::default());
    let replay = format!(
        "Replay this draw: aks-tutor debug {} --seed {seed}",
        debrief.scenario_id
    );
    lines.extend(wrap(&[(replay, theme.dim)], width));
    lines.extend(wrap(
        &[(
            "Enter: done · o: the lesson of the highlighted entry".to_string(),
            theme.dim,
        )],
        width,
    ));
    (Rendered::from_lines(lines), span)
}

/// `Label       value`, the value wrapped under itself.
fn push_pair(
    lines: &mut Vec<Line<'static>>,
    label: &str,
    value: &str,
    width: usize,
    theme: &Theme,
) {
    let text = format!("{label:<14} {value}");
    lines.extend(wrap_hanging(&[(text, theme.strong)], width, VALUE_COLUMN));
}

fn indent(columns: usize) -> impl Fn(Line<'static>) -> Line<'static> {
    move |line| {
        let mut spans = vec![Span::raw(" ".repeat(columns))];
        spans.extend(line.spans);
        Line::from(spans)
    }
}

/// The learner's path beside the shortest one (one under the other when narrow).
fn paths(lines: &mut Vec<Line<'static>>, debrief: &Debrief, width: usize, theme: &Theme) {
    let mine: Vec<String> = debrief
        .path
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let mark = match (&step.harmful, step.on_shortest) {
                (Some(_), _) => "✗",
                (None, true) => "•",
                (None, false) => " ",
            };
            format!("{mark}{:>2}. {}", i + 1, step.label)
        })
        .collect();
    let best: Vec<String> = debrief
        .shortest
        .iter()
        .enumerate()
        .map(|(i, step)| format!(" {:>2}. {}", i + 1, step.label))
        .collect();
    let mine_title = format!("Your path · {} step{}", mine.len(), plural(mine.len()));
    let best_title = format!("Shortest proof · {} step{}", best.len(), plural(best.len()));
    let legend = "• on the shortest path   ✗ harmful";
    if width >= PATHS_SIDE_BY_SIDE {
        let column = (width - 3) / 2;
        let pad = |text: &str| {
            let cut = truncate(text, column);
            let used = cut.chars().count();
            format!("{cut}{}", " ".repeat(column.saturating_sub(used)))
        };
        lines.push(Line::from(vec![
            Span::styled(pad(&mine_title), theme.subheading),
            Span::raw("   "),
            Span::styled(best_title, theme.subheading),
        ]));
        for row in 0..mine.len().max(best.len()) {
            let left = mine.get(row).map_or(String::new(), |s| s.clone());
            let right = best.get(row).map_or(String::new(), |s| s.clone());
            lines.push(Line::from(vec![
                Span::styled(pad(&left), theme.base),
                Span::raw("   "),
                Span::styled(truncate(&right, column), theme.base),
            ]));
        }
    } else {
        lines.push(Line::styled(mine_title, theme.subheading));
        lines.extend(
            mine.iter()
                .map(|s| Line::styled(truncate(s, width), theme.base)),
        );
        lines.push(Line::styled(best_title, theme.subheading));
        lines.extend(
            best.iter()
                .map(|s| Line::styled(truncate(s, width), theme.base)),
        );
    }
    if mine.is_empty() {
        lines.push(Line::styled("  (no step run)", theme.dim));
    }
    lines.push(Line::styled(legend, theme.dim));
}

/// Points taken away, as the score shows them: `−5`, or `0`.
fn minus(points: u32) -> String {
    if points == 0 {
        format!("{:>3}", 0)
    } else {
        format!("{:>3}", format!("−{points}"))
    }
}

/// "Lesson › Section" for a reference, or the reference itself.
fn describe(course: &Course, reference: &str) -> String {
    course
        .describe_reference(reference)
        .unwrap_or_else(|| reference.to_string())
}
