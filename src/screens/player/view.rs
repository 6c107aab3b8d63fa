//! The player's screen drawn: the question laid out as the quiz lays it out (the same marks and
//! cursor), the countdown and "answer sent" above and below it, the reveal with the verdict and
//! the points, the scoreboard and the end. A lost connection is said first, with what to do.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Phase, PlayerScreen, Revealed, Round};
use crate::input::answer::shown_options;
use crate::screens::Chrome;
use crate::screens::quiz::question::question_lines;
use crate::session::protocol::{Standing, WireAnswer, WireVerdict};
use crate::ui::document_width;
use crate::ui::theme::Theme;
use crate::ui::wrap::{wrap, wrap_hanging};

pub fn draw_player(frame: &mut Frame, area: Rect, theme: &Theme, screen: &PlayerScreen) -> Chrome {
    let width = document_width(area.width);
    let mut lines = Vec::new();
    if let Some(why) = &screen.lost {
        lines.extend(wrap(
            &[(format!("Connection to the host lost: {why}"), theme.warning)],
            width,
        ));
        lines.push(Line::styled(
            "r joins again with the same name and code (your score is kept) · q leaves",
            theme.strong,
        ));
        lines.push(Line::default());
    }
    let status = match (&screen.phase, &screen.round) {
        (Phase::Waiting { players }, _) => {
            lines.extend(waiting(screen, *players, width, theme));
            "waiting".to_string()
        }
        (Phase::Question, Some(round)) => {
            lines.extend(question(screen, round, width, theme));
            format!("{} s left", seconds(round))
        }
        (Phase::Reveal(revealed), Some(round)) => {
            lines.extend(reveal(screen, round, revealed, width, theme));
            format!("score {}", revealed.score)
        }
        (Phase::Scoreboard { round, top, you }, _) => {
            let rounds = screen.joined.rounds;
            lines.push(Line::styled(
                format!("Scoreboard after round {round} of {rounds}"),
                theme.heading,
            ));
            lines.push(Line::default());
            lines.extend(table(top, you, theme));
            lines.push(Line::default());
            lines.push(Line::styled(
                "The next question comes when the facilitator is ready.",
                theme.dim,
            ));
            format!("rank {}", you.rank)
        }
        (Phase::Ended { top, you }, _) => {
            lines.push(Line::styled("The session is over", theme.heading));
            lines.push(Line::default());
            lines.extend(table(top, you, theme));
            lines.push(Line::default());
            lines.push(Line::styled(
                format!(
                    "You finished {} with {} points. Your answers are kept in your progress.",
                    place(you.rank),
                    you.score
                ),
                theme.strong,
            ));
            lines.push(Line::styled("q leaves.", theme.dim));
            "the end".to_string()
        }
        _ => String::new(),
    };
    let x = area.x + (area.width.saturating_sub(width as u16)) / 2;
    let column = Rect {
        x,
        width: width as u16,
        ..area
    };
    frame.render_widget(Paragraph::new(lines), column);
    Chrome::new(["Team session".to_string(), screen.joined.name.clone()]).status(status)
}

fn waiting(screen: &PlayerScreen, players: u32, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let joined = &screen.joined;
    let hello = if joined.rejoined {
        format!(
            "Welcome back, {}: your score of {} is kept.",
            joined.name, joined.score
        )
    } else {
        format!("Welcome, {}.", joined.name)
    };
    let mut lines = vec![
        Line::styled(hello, theme.heading),
        Line::styled(
            format!("{} · {} rounds", joined.title, joined.rounds),
            theme.base,
        ),
        Line::default(),
    ];
    let room = match players {
        0 => "Waiting for the facilitator to start.".to_string(),
        1 => "Waiting for the facilitator to start · 1 player in the room.".to_string(),
        n => format!("Waiting for the facilitator to start · {n} players in the room."),
    };
    lines.push(Line::styled(room, theme.strong));
    lines.push(Line::default());
    lines.extend(wrap(&[(joined.scoring.clone(), theme.dim)], width));
    lines.extend(wrap(
        &[(
            "Answer with the quiz's keys: 1–9 or ↑↓ and Enter; Space ticks an option of a multi-select."
                .to_string(),
            theme.dim,
        )],
        width,
    ));
    lines
}

/// Whole seconds left, rounded up.
fn seconds(round: &Round) -> u64 {
    round.remaining.as_millis().div_ceil(1000) as u64
}

fn question(
    screen: &PlayerScreen,
    round: &Round,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut head = vec![
        Span::styled(format!("{} · ", round_heading(round)), theme.dim),
        Span::styled(format!("{} s left", seconds(round)), theme.strong),
    ];
    if round.paused {
        head.push(Span::styled("  paused by the facilitator", theme.warning));
    }
    let mut lines = vec![Line::from(head), Line::default()];
    if round.answered {
        // The options stay; the how-to line gives way to what happens now.
        lines.extend(wrap(
            &[(round.question.question.prompt.clone(), theme.strong)],
            width,
        ));
        lines.push(Line::default());
        lines.extend(options(round, screen.sent.as_ref(), None, width, theme));
        lines.push(Line::default());
        lines.push(Line::styled(
            "✓ Answer sent — waiting for the others.",
            theme.done,
        ));
    } else {
        let (body, _) = question_lines(&round.question, &screen.input, None, width, theme);
        lines.extend(body);
    }
    lines
}

/// "Round 2 of 5 · Topic", above a round's question and its reveal.
fn round_heading(round: &Round) -> String {
    format!(
        "Round {} of {} · {}",
        round.round, round.rounds, round.topic
    )
}

fn reveal(
    screen: &PlayerScreen,
    round: &Round,
    revealed: &Revealed,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let (verdict, style) = match revealed.verdict {
        WireVerdict::Right => ("✓ Right", theme.done),
        WireVerdict::Partial => ("◐ Partly right", theme.warning),
        WireVerdict::Wrong => ("✗ Not right", theme.warning),
        WireVerdict::Missed => ("– No answer in time", theme.warning),
    };
    let mut lines = vec![
        Line::styled(round_heading(round), theme.dim),
        Line::default(),
    ];
    lines.extend(wrap(
        &[(round.question.question.prompt.clone(), theme.strong)],
        width,
    ));
    lines.push(Line::default());
    lines.extend(options(
        round,
        screen.sent.as_ref(),
        Some(&revealed.right),
        width,
        theme,
    ));
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled(verdict, style),
        Span::styled(format!(": +{} points", revealed.points), theme.strong),
    ]));
    lines.push(Line::styled(
        format!(
            "Score {} · rank {} of {}",
            revealed.score, revealed.rank, revealed.players
        ),
        theme.strong,
    ));
    lines.push(Line::default());
    lines.extend(wrap(
        &[
            ("Why: ".into(), theme.subheading),
            (revealed.explanation.clone(), theme.base),
        ],
        width,
    ));
    lines.extend(wrap(
        &[
            ("From the lesson: ".into(), theme.subheading),
            (revealed.lesson.clone(), theme.link),
        ],
        width,
    ));
    lines
}

/// The options, the player's own answer marked; once revealed, the right ones ticked.
fn options(
    round: &Round,
    sent: Option<&WireAnswer>,
    right: Option<&Vec<usize>>,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let chose = |i: usize| match sent {
        Some(WireAnswer::Choice(c)) => *c == i,
        Some(WireAnswer::Choices(all)) => all.contains(&i),
        Some(WireAnswer::Bool(b)) => usize::from(!b) == i,
        None => false,
    };
    let mut lines = Vec::new();
    for (i, text) in shown_options(&round.question).into_iter().enumerate() {
        let mark = match right {
            Some(right) if right.contains(&i) => "✓ ",
            Some(_) if chose(i) => "✗ ",
            _ => "  ",
        };
        let yours = if chose(i) { "  ← your answer" } else { "" };
        let style = match right {
            Some(right) if right.contains(&i) => theme.done,
            _ if chose(i) => theme.strong,
            _ => theme.base,
        };
        lines.extend(wrap_hanging(
            &[
                (format!("{mark}{}) {text}", i + 1), style),
                (yours.to_string(), theme.dim),
            ],
            width,
            5,
        ));
    }
    lines
}

/// The top of the room, and the player's own place when it is not among them.
fn table(top: &[Standing], you: &Standing, theme: &Theme) -> Vec<Line<'static>> {
    let row = |s: &Standing, style| {
        let name: String = s.name.chars().take(24).collect();
        Line::styled(format!("{:>3}  {name:<24} {:>6}", s.rank, s.score), style)
    };
    let mut lines: Vec<Line<'static>> = top
        .iter()
        .map(|s| {
            let style = if s.name == you.name {
                theme.selected
            } else {
                theme.base
            };
            row(s, style)
        })
        .collect();
    if !top.iter().any(|s| s.name == you.name) {
        lines.push(Line::styled("  …", theme.dim));
        lines.push(row(you, theme.selected));
    }
    lines
}

fn place(rank: u32) -> String {
    match rank {
        1 => "1st".into(),
        2 => "2nd".into(),
        3 => "3rd".into(),
        n => format!("{n}th"),
    }
}
