//! The lab drawn while it is played: the log (the symptom, then each output and hint in the order
//! they came) and the menu of steps, causes or fixes: side by side on a wide terminal, the menu
//! under the log on a narrow one. Outputs are never wrapped (a wrapped table is unreadable): a
//! line too wide is clipped with a marker and ← → scroll it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::{Log, reflow};
use super::{DebugLabScreen, LogEntry, Stage};
use crate::debug::score::{HARMFUL_COST, HINT_COST};
use crate::screens::{Chrome, Context};
use crate::ui::document::Rendered;
use crate::ui::document_width;
use crate::ui::filled;
use crate::ui::scrolled::ScrolledDoc;
use crate::ui::theme::Theme;
use crate::ui::wrap::{wrap, wrap_hanging};

/// From this width the menu stands beside the log instead of under it.
const SIDE_BY_SIDE: u16 = 110;
const MENU_WIDTH: u16 = 44;

pub fn step_anchor(action: usize) -> String {
    format!("step-{action}")
}

pub fn hint_anchor(nth: usize) -> String {
    format!("hint-{nth}")
}

pub fn draw_debug_lab(
    frame: &mut Frame,
    area: Rect,
    cx: &Context,
    screen: &DebugLabScreen,
) -> Chrome {
    if screen.stage() == Stage::Debrief {
        return super::debrief_view::draw_debrief(frame, area, cx, screen);
    }
    let theme = cx.theme;
    let (log_area, menu_area) = if area.width >= SIDE_BY_SIDE {
        let [menu, _, log] = Layout::horizontal([
            Constraint::Length(MENU_WIDTH),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        (log, menu)
    } else {
        let width = usize::from(area.width).saturating_sub(2).max(1);
        let wanted = render_menu(screen, width, theme).lines.len();
        // The log keeps most of the room: it is what the learner reads.
        let most = usize::from(area.height) * 2 / 5;
        let height = wanted.min(most.max(4)) as u16;
        let [log, menu] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(height)]).areas(area);
        (log, menu)
    };
    let menu_width = usize::from(menu_area.width.saturating_sub(3));
    let mut menu = render_menu(screen, menu_width, theme);
    // The title stays put; the entries under it scroll with the highlight.
    if !menu.lines.is_empty() {
        let title = menu.lines.remove(0);
        menu.focus = menu.focus.map(|line| line.saturating_sub(1));
        let [title_area, entries_area] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(menu_area);
        let title_area = Rect {
            x: title_area.x + 1,
            width: title_area.width.saturating_sub(1),
            ..title_area
        };
        frame.render_widget(Paragraph::new(title), title_area);
        draw_scrolled(frame, entries_area, 1, &screen.menu, &menu, theme);
    }

    let (log, max_shift) = render_log(screen, usize::from(log_area.width.saturating_sub(4)), theme);
    draw_scrolled(frame, log_area, 2, &screen.log, &log, theme);

    // The menu counts the steps and the log the hints: the footer keeps its room for the keys.
    let chrome = Chrome::new(["Debugging lab".to_string(), screen.scenario().title.clone()]);
    screen.shift_limit.set(max_shift);
    if max_shift > 0 {
        chrome.status("← → more")
    } else {
        chrome
    }
}

/// The steps to run, the causes or the fixes, with the highlighted one as the focus.
pub fn render_menu(screen: &DebugLabScreen, width: usize, theme: &Theme) -> Rendered {
    let scenario = screen.scenario();
    let mut lines: Vec<Line<'static>> = Vec::new();
    let rule = |title: String| {
        let fill = width.saturating_sub(title.chars().count() + 4);
        Line::from(vec![
            Span::styled("── ", theme.dim),
            Span::styled(title, theme.subheading),
            Span::styled(format!(" {}", "─".repeat(fill)), theme.dim),
        ])
    };
    let mut focus = None;
    match screen.stage() {
        Stage::Investigating => {
            let run = screen.session.steps();
            lines.push(rule(format!(
                "Diagnostic steps · {run} of {} run",
                scenario.actions.len()
            )));
            for (i, action) in scenario.actions.iter().enumerate() {
                let selected = i == screen.steps.selected;
                let mark = if screen.session.is_taken(&action.id) {
                    "✓"
                } else {
                    " "
                };
                let pointer = if selected { "▶" } else { " " };
                let text = format!("{pointer}{mark} {}", action.label);
                let wrapped = wrap_hanging(&[(text, theme.base)], width, 3);
                if selected {
                    focus = Some(lines.len());
                    lines.extend(
                        wrapped
                            .into_iter()
                            .map(|l| filled(l, width as u16, theme.selected)),
                    );
                } else {
                    lines.extend(wrapped);
                }
            }
        }
        Stage::NamingCause => {
            lines.push(rule("What is the root cause?".to_string()));
            let titles = scenario.causes.iter().map(|c| c.title.as_str());
            focus = choice_lines(&mut lines, titles, screen.choices.selected, width, theme);
        }
        Stage::NamingFix => {
            lines.push(rule("Which fix?".to_string()));
            if let Some(cause) = screen.named_cause.and_then(|i| scenario.causes.get(i)) {
                let named = format!("For the cause you named: {}", cause.title);
                lines.extend(wrap_hanging(&[(named, theme.dim)], width, 2));
            }
            let titles = scenario.fixes.iter().map(|f| f.title.as_str());
            focus = choice_lines(&mut lines, titles, screen.choices.selected, width, theme);
        }
        Stage::Debrief => {}
    }
    Rendered {
        lines,
        sections: Vec::new(),
        focus,
    }
}

/// Numbered choices, wrapped under their number; returns the highlighted one's first line.
fn choice_lines<'a>(
    lines: &mut Vec<Line<'static>>,
    titles: impl Iterator<Item = &'a str>,
    selected: usize,
    width: usize,
    theme: &Theme,
) -> Option<usize> {
    let mut focus = None;
    for (i, title) in titles.enumerate() {
        let pointer = if i == selected { "▶" } else { " " };
        let text = format!("{pointer} {}. {title}", i + 1);
        let wrapped = wrap_hanging(&[(text, theme.base)], width, 5);
        if i == selected {
            focus = Some(lines.len());
            lines.extend(
                wrapped
                    .into_iter()
                    .map(|l| filled(l, width as u16, theme.selected)),
            );
        } else {
            lines.extend(wrapped);
        }
    }
    focus
}

/// The symptom, then each output and hint; how far → can usefully scroll (0 when every output
/// fits, so the footer says nothing of ← →).
pub fn render_log(screen: &DebugLabScreen, width: usize, theme: &Theme) -> (Rendered, usize) {
    let scenario = screen.scenario();
    let mut log = Log::new(width, screen.shift);
    // Prose keeps the reading width; outputs use all the room a wide terminal gives.
    let width = width.min(document_width(u16::MAX));
    log.lines
        .push(Line::styled("What you are told", theme.subheading));
    log.lines
        .extend(wrap(&[(reflow(&scenario.symptom), theme.base)], width));
    if !scenario.screen.trim().is_empty() {
        log.lines.push(Line::default());
        log.lines
            .push(Line::styled("What is on their screen", theme.subheading));
        log.output(&scenario.screen, theme.code, theme);
    }
    log.lines.push(Line::default());
    if screen.entries.is_empty() {
        let how = "Choose a diagnostic step and press Enter to run it. Press h for a hint, c when \
                   you know the root cause.";
        log.lines
            .extend(wrap(&[(how.to_string(), theme.dim)], width));
    }
    let cause = screen.session.drawn_cause().to_string();
    let mut hints = 0;
    for (nth, entry) in screen.entries.iter().enumerate() {
        match entry {
            LogEntry::Step(index) => {
                let action = &scenario.actions[*index];
                let number = 1 + screen.entries[..nth]
                    .iter()
                    .filter(|e| matches!(e, LogEntry::Step(_)))
                    .count();
                log.section(
                    &step_anchor(*index),
                    format!("{number}. {}", action.label),
                    theme,
                );
                log.output(&format!("$ {}", action.command), theme.command, theme);
                let text = action.output_for(&cause).map_or("", |o| o.text.as_str());
                log.output(text, theme.code, theme);
                if let Some(why) = &action.harmful {
                    let text = format!("✗ Harmful, −{HARMFUL_COST} points: {}", reflow(why));
                    log.lines
                        .extend(wrap_hanging(&[(text, theme.warning)], width, 2));
                }
            }
            LogEntry::Hint(text) => {
                hints += 1;
                log.section(
                    &hint_anchor(hints),
                    format!("Hint {hints} · −{HINT_COST} points"),
                    theme,
                );
                log.lines.extend(wrap(&[(reflow(text), theme.note)], width));
            }
        }
        log.lines.push(Line::default());
    }
    let max_shift = log.max_shift;
    (log.rendered(), max_shift)
}

/// A scrolled list of lines in `area`, `margin` columns in from the left, with a scrollbar on
/// the right when it does not fit. Unlike a lesson it is not held to the reading width, so wide
/// output shows whole on a wide terminal.
fn draw_scrolled(
    frame: &mut Frame,
    area: Rect,
    margin: u16,
    doc: &ScrolledDoc,
    log: &Rendered,
    theme: &Theme,
) {
    let text_area = Rect {
        x: area.x + margin,
        width: area.width.saturating_sub(margin + 1),
        ..area
    };
    doc.draw_in(frame, text_area, area, log, theme);
}
