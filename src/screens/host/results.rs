//! After each round and at the end: the reveal (the right answer marked, how the room answered
//! as a bar chart, the explanation and the lesson), the scoreboard (standings, points won this
//! round, how points are given) and the finish (a podium, the questions missed most, the report).

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};

use super::view::{below, present, put};
use crate::input::answer::shown_options;
use crate::session::protocol::Standing;
use crate::session::{HostPhase, HostView};
use crate::ui::bars::{Bar, bar_chart};
use crate::ui::big::{WORDS, draw_big};
use crate::ui::theme::Theme;
use crate::ui::wrap::{wrap, wrap_hanging};

pub fn reveal(frame: &mut Frame, area: Rect, theme: &Theme, view: &HostView) -> String {
    let HostPhase::Reveal { round, .. } = &view.phase else {
        return String::new();
    };
    let width = usize::from(area.width);
    // Long options are listed whole above a numbered chart, unless that does not fit: then
    // the chart's labels are the options, cut to a third of the width.
    let mut lines = reveal_lines(view, width, true, theme);
    if lines.len() > usize::from(area.height) {
        lines = reveal_lines(view, width, false, theme);
    }
    put(frame, area, lines);
    format!("round {round} of {}", view.rounds)
}

fn reveal_lines(view: &HostView, width: usize, list: bool, theme: &Theme) -> Vec<Line<'static>> {
    let HostPhase::Reveal {
        round,
        question,
        distribution,
        right,
        right_count,
        missed,
        lesson,
    } = &view.phase
    else {
        return Vec::new();
    };
    let mut lines = vec![Line::styled(
        format!("Round {round} of {} · the answer", view.rounds),
        theme.heading,
    )];
    lines.extend(wrap(
        &[(question.question.prompt.trim().to_string(), theme.strong)],
        width,
    ));
    lines.push(Line::default());
    let options = shown_options(question);
    let players = present(view).max(1) as f64;
    let label = |i: usize| {
        let mark = if right.contains(&i) { "✓" } else { " " };
        format!("{mark} {})", i + 1)
    };
    let short = options.iter().all(|o| o.chars().count() + 5 <= width / 3);
    let listed = list && !short;
    if listed {
        for (i, text) in options.iter().enumerate() {
            let style = if right.contains(&i) {
                theme.done
            } else {
                theme.base
            };
            lines.extend(wrap_hanging(
                &[(format!("{} {text}", label(i)), style)],
                width,
                5,
            ));
        }
        lines.push(Line::default());
    }
    let bars: Vec<Bar> = options
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let count = distribution.get(i).copied().unwrap_or(0);
            Bar {
                label: if listed {
                    label(i)
                } else {
                    format!("{} {text}", label(i))
                },
                share: Some(f64::from(count) / players),
                figure: format!(" {count}"),
            }
        })
        .collect();
    lines.extend(bar_chart(&bars, width, 40, "", theme));
    lines.push(Line::default());
    lines.push(Line::styled(
        format!("{right_count} right · {missed} did not answer"),
        theme.strong,
    ));
    lines.extend(wrap(
        &[
            ("Why: ".into(), theme.subheading),
            (question.question.explanation.trim().to_string(), theme.base),
        ],
        width,
    ));
    lines.extend(wrap(
        &[
            ("From the lesson: ".into(), theme.subheading),
            (lesson.clone(), theme.link),
        ],
        width,
    ));
    lines
}

/// "  1  Ana        320", with what was won this round after it.
fn standing_line(standing: &Standing, gained: Option<u32>, theme: &Theme) -> Line<'static> {
    let name: String = standing.name.chars().take(24).collect();
    let mut spans = vec![
        Span::styled(format!("{:>3}  ", standing.rank), theme.dim),
        Span::styled(format!("{name:<24} "), theme.strong),
        Span::styled(format!("{:>6}", standing.score), theme.base),
    ];
    if let Some(gained) = gained {
        spans.push(Span::styled(format!("  +{gained}"), theme.done));
    }
    Line::from(spans)
}

/// As many standings as fit in `rows`, and how many more there are.
fn standings(
    all: &[Standing],
    gained: &[(String, u32)],
    rows: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let shown = if all.len() > rows {
        rows.saturating_sub(1)
    } else {
        all.len()
    };
    let mut lines: Vec<Line<'static>> = all[..shown]
        .iter()
        .map(|s| {
            let won = gained.iter().find(|(n, _)| *n == s.name).map(|(_, p)| *p);
            standing_line(s, won, theme)
        })
        .collect();
    if all.len() > shown {
        lines.push(Line::styled(
            format!("     … and {} more", all.len() - shown),
            theme.dim,
        ));
    }
    lines
}

pub fn scoreboard(frame: &mut Frame, area: Rect, theme: &Theme, view: &HostView) -> String {
    let HostPhase::Scoreboard {
        round,
        standings: all,
        gained,
    } = &view.phase
    else {
        return String::new();
    };
    let width = usize::from(area.width);
    let last = *round >= view.rounds;
    let mut head = vec![
        Line::styled(
            format!("Scoreboard after round {round} of {}", view.rounds),
            theme.heading,
        ),
        Line::default(),
    ];
    let mut foot = vec![Line::default()];
    foot.extend(wrap(&[(view.scoring.clone(), theme.dim)], width));
    foot.push(Line::styled(
        if last {
            "n: the final results"
        } else {
            "n: the next question"
        },
        theme.strong,
    ));
    let rows = usize::from(area.height).saturating_sub(head.len() + foot.len());
    head.extend(standings(all, gained, rows, theme));
    head.extend(foot);
    put(frame, area, head);
    format!("round {round} of {}", view.rounds)
}

pub fn finished(frame: &mut Frame, area: Rect, theme: &Theme, view: &HostView) -> String {
    let HostPhase::Finished {
        standings: all,
        most_missed,
        report,
    } = &view.phase
    else {
        return String::new();
    };
    let width = usize::from(area.width);
    let mut used = put(
        frame,
        area,
        vec![Line::styled("Final results", theme.heading)],
    ) + 1;
    // The winner's name big when it fits, then the podium.
    if let Some(first) = all.first()
        && area.height >= 30
        && let Some(rows) = draw_big(
            frame,
            below(area, used),
            &first.name,
            theme.title,
            Alignment::Left,
            WORDS,
        )
    {
        used += rows + 1;
    }
    let mut lines = podium(all, width, theme);
    lines.push(Line::default());
    if !most_missed.is_empty() {
        lines.push(Line::styled("The room missed most:", theme.subheading));
        for missed in most_missed {
            let first_line = missed.prompt.lines().next().unwrap_or_default().trim();
            lines.extend(wrap_hanging(
                &[
                    (
                        format!("{:>3.0}% right  ", missed.right_share * 100.0),
                        theme.warning,
                    ),
                    (first_line.to_string(), theme.base),
                ],
                width,
                12,
            ));
        }
        lines.push(Line::default());
    }
    match report {
        Some(path) => lines.extend(wrap(
            &[
                ("Report: ".into(), theme.subheading),
                (path.clone(), theme.base),
            ],
            width,
        )),
        None => lines.push(Line::styled("No report was written.", theme.dim)),
    }
    put(frame, below(area, used), lines);
    "the end".into()
}

/// The top three on steps: first in the middle and highest, second left, third right.
fn podium(all: &[Standing], width: usize, theme: &Theme) -> Vec<Line<'static>> {
    if all.is_empty() {
        return vec![Line::styled("Nobody played.", theme.dim)];
    }
    let column = (width / 3).clamp(8, 26);
    let cell = |text: &str| {
        let text: String = text.chars().take(column - 2).collect();
        format!("{text:^column$}")
    };
    // Left to right: second, first, third; heights 2, 3, 1 steps.
    let places: Vec<Option<&Standing>> = vec![all.get(1), all.first(), all.get(2)];
    let heights = [2, 3, 1];
    let mut lines = Vec::new();
    for level in (0..5).rev() {
        let mut spans = Vec::new();
        for (place, height) in places.iter().zip(heights) {
            let text = match place {
                None => String::new(),
                Some(s) if level == height + 1 => s.name.clone(),
                Some(s) if level == height => format!("{} points", s.score),
                Some(s) if level < height => {
                    if level == height - 1 {
                        format!("▐ {} ▌", ordinal(s.rank))
                    } else {
                        "▐     ▌".into()
                    }
                }
                Some(_) => String::new(),
            };
            let style = if level < height {
                theme.done
            } else {
                theme.strong
            };
            spans.push(Span::styled(cell(&text), style));
        }
        lines.push(Line::from(spans));
    }
    lines
}

fn ordinal(rank: u32) -> String {
    match rank {
        1 => "1st".into(),
        2 => "2nd".into(),
        3 => "3rd".into(),
        n => format!("{n}th"),
    }
}
