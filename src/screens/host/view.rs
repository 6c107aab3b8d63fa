//! The facilitator's screen drawn for a projector: the lobby (how to join, the code in big
//! letters, who is in) and the open question (round and countdown in big figures, the prompt as
//! large as it fits, the options, how many have answered). The reveal, the scoreboard and the
//! end are in `results.rs`.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::HostScreen;
use super::results;
use crate::input::answer::shown_options;
use crate::screens::Chrome;
use crate::session::{HostPhase, HostView, PlayerRow};
use crate::ui::big::{ANY_SIZE, WORDS, draw_big};
use crate::ui::theme::Theme;
use crate::ui::wrap::{wrap, wrap_hanging};

pub fn draw_host(frame: &mut Frame, area: Rect, theme: &Theme, screen: &HostScreen) -> Chrome {
    let view = &screen.view;
    // A margin on both sides; the last row says the newest notice (a client cut off, saved).
    let area = margins(area, 2);
    let [body, notice] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    if let Some(last) = view.notices.last() {
        let line = Line::styled(last.clone(), theme.dim);
        frame.render_widget(Paragraph::new(line), notice);
    }
    let status = match &view.phase {
        &HostPhase::Lobby { played } => lobby(frame, body, theme, view, played),
        HostPhase::Question { .. } => question(frame, body, theme, screen),
        HostPhase::Reveal { .. } => results::reveal(frame, body, theme, view),
        HostPhase::Scoreboard { .. } => results::scoreboard(frame, body, theme, view),
        HostPhase::Finished { .. } => results::finished(frame, body, theme, view),
    };
    // The title is in the body (often the course's own, already in the header).
    Chrome::new(["Team session".to_string()]).status(status)
}

/// `area` less `columns` on each side (none on a narrow terminal).
pub fn margins(area: Rect, columns: u16) -> Rect {
    let columns = if area.width >= 60 { columns } else { 0 };
    Rect {
        x: area.x + columns,
        width: area.width.saturating_sub(2 * columns),
        ..area
    }
}

/// Lines drawn from the top of `area`; returns the rows they took.
pub fn put(frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>) -> u16 {
    let rows = (lines.len() as u16).min(area.height);
    frame.render_widget(Paragraph::new(lines), area);
    rows
}

/// `area` below its first `rows` rows.
pub fn below(area: Rect, rows: u16) -> Rect {
    let rows = rows.min(area.height);
    Rect {
        y: area.y + rows,
        height: area.height - rows,
        ..area
    }
}

/// How many players can answer now: the connected ones (every one in a local session).
pub fn present(view: &HostView) -> usize {
    view.players
        .iter()
        .filter(|p| p.connected || view.address.is_none())
        .count()
}

fn lobby(frame: &mut Frame, area: Rect, theme: &Theme, view: &HostView, played: u32) -> String {
    let width = usize::from(area.width);
    let mut top = vec![Line::styled(
        format!("{} · {} rounds", view.title, view.rounds),
        theme.heading,
    )];
    match &view.address {
        Some(address) => {
            top.push(Line::styled("Join from your terminal:", theme.base));
            top.extend(wrap_hanging(
                &[(
                    format!(
                        "  aks-tutor join {address} --name YOUR-NAME --code {}",
                        view.code
                    ),
                    theme.command,
                )],
                width,
                4,
            ));
        }
        None => top.extend(wrap(
            &[(
                "A session without a network: players answer aloud and you key their answers."
                    .to_string(),
                theme.base,
            )],
            width,
        )),
    }
    let mut bottom = players_line(view, theme, width);
    bottom.push(Line::default());
    bottom.extend(wrap(&[(view.scoring.clone(), theme.dim)], width));
    let start = if played == 0 {
        "Press n to start the first question.".to_string()
    } else {
        // A resumed session goes on where it stopped; players who rejoin keep their scores.
        format!(
            "Resumed after {played} of {} rounds: press n to go on with round {}.",
            view.rounds,
            played + 1
        )
    };
    bottom.push(Line::styled(start, theme.strong));
    let bottom_rows = bottom.len() as u16;
    let used = put(frame, area, top) + 1;
    let middle = below(area, used);
    let middle = Rect {
        height: middle.height.saturating_sub(bottom_rows + 1),
        ..middle
    };
    let mut rows = 0;
    if view.address.is_some() {
        rows += big_labelled(frame, middle, theme, "join code", &view.code);
        if let Some(address) = &view.address {
            let rest = below(middle, rows + 1);
            // The address big too, when there is room for it under the code.
            if rest.height >= 4 {
                rows += 1 + big_labelled(frame, rest, theme, "address", address);
            } else {
                rows += 1;
            }
        }
    }
    put(frame, below(area, used + rows + 1), bottom);
    format!("code {}", view.code)
}

/// `text` big under a small label, or in plain bold when it does not fit; returns the rows used.
fn big_labelled(frame: &mut Frame, area: Rect, theme: &Theme, label: &str, text: &str) -> u16 {
    if area.height < 2 {
        return 0;
    }
    put(
        frame,
        area,
        vec![Line::styled(format!("{label}:"), theme.dim)],
    );
    let rest = below(area, 1);
    match draw_big(frame, rest, text, theme.title, Alignment::Left, ANY_SIZE) {
        Some(rows) => rows + 1,
        None => {
            put(
                frame,
                rest,
                vec![Line::styled(text.to_string(), theme.title)],
            );
            2
        }
    }
}

/// "Players (3): Ana · Bo · Chen (dropped)", wrapped.
fn players_line(view: &HostView, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut pieces = vec![(format!("Players ({}): ", view.players.len()), theme.strong)];
    if view.players.is_empty() {
        pieces.push(("nobody yet".into(), theme.dim));
    }
    for (i, player) in view.players.iter().enumerate() {
        let sep = if i > 0 { " · " } else { "" };
        pieces.push((format!("{sep}{}", player.name), theme.base));
        if !player.connected && view.address.is_some() {
            pieces.push((" (dropped)".into(), theme.dim));
        }
    }
    wrap(&pieces, width)
}

/// "0:23" from a duration, rounded up to the second.
fn clock(remaining: std::time::Duration) -> String {
    let seconds = remaining.as_millis().div_ceil(1000) as u64;
    if seconds >= 60 {
        format!("{}:{:02}", seconds / 60, seconds % 60)
    } else {
        seconds.to_string()
    }
}

fn question(frame: &mut Frame, area: Rect, theme: &Theme, screen: &HostScreen) -> String {
    let view = &screen.view;
    let HostPhase::Question {
        round,
        question,
        remaining,
        paused,
        answers_in,
        ..
    } = &view.phase
    else {
        return String::new();
    };
    // The players to key answers for sit beside the question in a local session.
    let (main, side) = if screen.is_local() && area.width >= 70 {
        let side = (area.width / 3).min(32);
        let [main, _, side] = Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(2),
            Constraint::Length(side),
        ])
        .areas(area);
        (main, Some(side))
    } else {
        (area, None)
    };
    // Round and countdown, big: full size on a tall screen, half height on a small one.
    let band_rows = if area.height >= 36 { 8 } else { 4 };
    let band = Rect {
        height: band_rows.min(main.height),
        ..main
    };
    let sizes = if band_rows == 8 { ANY_SIZE } else { 1..=2 };
    let round_text = format!("{round}/{}", view.rounds);
    let count = clock(*remaining);
    let countdown_style = if *paused { theme.dim } else { theme.title };
    let [left, right] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(band);
    draw_big(
        frame,
        left,
        &round_text,
        theme.heading,
        Alignment::Left,
        sizes.clone(),
    );
    draw_big(
        frame,
        right,
        &count,
        countdown_style,
        Alignment::Right,
        sizes,
    );
    let width = usize::from(main.width);
    let mut status = vec![Span::styled(
        format!(
            "Round {round} of {} · {} · ",
            view.rounds, question.topic_title
        ),
        theme.dim,
    )];
    status.push(Span::styled(
        format!("{answers_in} of {} answered", present(view)),
        theme.strong,
    ));
    if *paused {
        status.push(Span::styled("  PAUSED (p resumes)", theme.warning));
    }
    let mut rest = below(main, band.height + 1);
    rest = below(rest, put(frame, rest, vec![Line::from(status)]) + 1);
    // The options first (they must show), then the prompt as large as the rest allows.
    let mut options = Vec::new();
    for (i, text) in shown_options(question).into_iter().enumerate() {
        let mark = if screen.is_local() && screen.ticked.get(i).copied().unwrap_or(false) {
            "[x] "
        } else {
            ""
        };
        options.extend(wrap_hanging(
            &[(format!("{}) {mark}{text}", i + 1), theme.base)],
            width,
            3,
        ));
    }
    let prompt_area = Rect {
        height: rest.height.saturating_sub(options.len() as u16 + 1),
        ..rest
    };
    let prompt = question.question.prompt.trim();
    let prompt_rows = match draw_big(
        frame,
        prompt_area,
        prompt,
        theme.strong,
        Alignment::Left,
        WORDS,
    ) {
        Some(rows) => rows,
        None => {
            let lines = wrap(&[(prompt.to_string(), theme.strong)], width);
            put(frame, prompt_area, lines)
        }
    };
    put(frame, below(rest, prompt_rows + 1), options);
    if let Some(side) = side {
        local_players(frame, side, theme, screen);
    }
    if *paused {
        "paused".into()
    } else {
        format!("{count} s left")
    }
}

/// `--local`: who still has to answer, the highlighted player to key for.
fn local_players(frame: &mut Frame, area: Rect, theme: &Theme, screen: &HostScreen) {
    let width = usize::from(area.width);
    let waiting = screen.view.players.iter().filter(|p| !p.answered).count();
    let mut lines = vec![
        Line::styled(format!("To answer: {waiting}"), theme.subheading),
        Line::styled("↑↓ player · 1–9 / t f key", theme.dim),
    ];
    let visible = usize::from(area.height).saturating_sub(lines.len());
    let first = screen.player.saturating_sub(visible.saturating_sub(1));
    for (i, player) in screen.view.players.iter().enumerate().skip(first) {
        lines.push(player_row(player, i == screen.player, theme, width));
    }
    put(frame, area, lines);
}

fn player_row(player: &PlayerRow, highlighted: bool, theme: &Theme, width: usize) -> Line<'static> {
    let mark = if highlighted { "▶ " } else { "  " };
    let done = if player.answered { "✓ " } else { "… " };
    let name: String = player.name.chars().take(width.saturating_sub(5)).collect();
    let style = if highlighted {
        theme.selected
    } else if player.answered {
        theme.dim
    } else {
        theme.base
    };
    Line::from(vec![
        Span::styled(mark, style),
        Span::styled(done, style),
        Span::styled(name, style),
    ])
}
