//! A question laid out: prompt, options (with the learner's cursor, ticks or order), the typed
//! answer, and once graded the verdict, the feedback, the explanation and the lesson it cites.
//! Also the end-of-round summary.

use ratatui::text::{Line, Span};

use super::QuizScreen;
use crate::content::{Course, QuestionKind};
use crate::input::answer::{AnswerInput, InputMode, input_mode, shown_options};
use crate::progress::Mode;
use crate::quiz::describe::percent;
use crate::quiz::{Outcome, QuestionResult, QuizSession, SessionQuestion, Verdict};
use crate::ui::document::Rendered;
use crate::ui::theme::Theme;
use crate::ui::wrap::{wrap, wrap_hanging};

pub fn render_quiz(screen: &QuizScreen, course: &Course, width: usize, theme: &Theme) -> Rendered {
    let session = &screen.session;
    let Some(question) = session.current() else {
        return Rendered::default();
    };
    let round = if screen.round > 1 {
        format!(" · retry round {}", screen.round - 1)
    } else {
        String::new()
    };
    let status = format!(
        "Question {} of {} · {} · score {} of {}{round}",
        session.position() + 1,
        session.len(),
        question.topic_title,
        trim_score(session.score()),
        session.answered()
    );
    let mut lines = wrap(&[(status, theme.dim)], width);
    lines.push(Line::default());
    let graded = session.current_result().map(|r| &r.outcome);
    let (body, focus) = question_lines(question, &screen.input, graded, width, theme);
    let focus = focus.map(|line| line + lines.len());
    lines.extend(body);
    if let Some(result) = session.current_result() {
        lines.extend(feedback_lines(question, result, course, width, theme));
        lines.push(Line::default());
        let next = if session.position() + 1 < session.len() {
            "the next question"
        } else {
            "the summary"
        };
        lines.push(Line::styled(
            format!("Enter: {next} · o: open the lesson section"),
            theme.dim,
        ));
    }
    Rendered {
        focus,
        ..Rendered::from_lines(lines)
    }
}

/// The prompt and the answer area. `graded` marks the right options once an answer is graded.
pub fn question_lines(
    question: &SessionQuestion,
    input: &AnswerInput,
    graded: Option<&Outcome>,
    width: usize,
    theme: &Theme,
) -> (Vec<Line<'static>>, Option<usize>) {
    let mode = input_mode(&question.question.kind);
    // The line to keep on screen: the highlighted option, or the typed answer.
    let mut focus = None;
    let mut lines = wrap(&[(question.question.prompt.clone(), theme.strong)], width);
    let how = match (mode, &question.question.kind) {
        (InputMode::Choose, _) => "Choose one: ↑↓ or 1–9, then Enter.",
        (InputMode::Tick, _) => "Tick every right option: Space or 1–9, then Enter.",
        (InputMode::Order, _) => {
            "Put the steps in order: Space picks a step up, ↑↓ move it, Space drops it; Enter when done."
        }
        (InputMode::Type, QuestionKind::Number { .. }) => "Type a whole number, then Enter.",
        (InputMode::Type, QuestionKind::Cidr { .. }) => {
            "Type a CIDR such as 10.2.0.0/16, then Enter."
        }
        (InputMode::Type, _) => "Type the answer, then Enter.",
    };
    if graded.is_none() {
        lines.extend(wrap(&[(how.to_string(), theme.dim)], width));
    }
    lines.push(Line::default());
    let options = shown_options(question);
    let right = right_positions(question);
    let rows: Vec<usize> = if mode == InputMode::Order {
        input.order.clone()
    } else {
        (0..options.len()).collect()
    };
    for (row, &shown) in rows.iter().enumerate() {
        let Some(text) = options.get(shown) else {
            continue;
        };
        let under_cursor = graded.is_none() && row == input.cursor;
        let mark = match (mode, graded) {
            (InputMode::Order, _) if under_cursor && input.grabbed => "↕ ",
            (InputMode::Tick, _) => {
                if input.ticked.get(shown).copied().unwrap_or(false) {
                    "[x] "
                } else {
                    "[ ] "
                }
            }
            _ => "",
        };
        let verdict = match graded {
            Some(_) if mode == InputMode::Order => {
                if right.get(row) == Some(&shown) {
                    "✓ "
                } else {
                    "✗ "
                }
            }
            Some(_) if right.contains(&shown) => "✓ ",
            Some(_) if chosen(input, mode, shown) => "✗ ",
            Some(_) => "  ",
            None if under_cursor => "▶ ",
            None => "  ",
        };
        let label = if mode == InputMode::Order {
            format!("{}. ", row + 1)
        } else {
            format!("{}) ", row + 1)
        };
        let lead = format!("{verdict}{mark}{label}");
        let style = if under_cursor {
            theme.selected
        } else {
            theme.base
        };
        let indent = unicode_width::UnicodeWidthStr::width(lead.as_str());
        if under_cursor {
            focus = Some(lines.len());
        }
        lines.extend(wrap_hanging(
            &[(lead, style), (text.clone(), style)],
            width,
            indent,
        ));
    }
    if mode == InputMode::Type {
        let cursor = if graded.is_none() { "▏" } else { "" };
        focus = Some(lines.len());
        lines.push(Line::from(vec![
            Span::styled("Your answer › ", theme.key),
            Span::styled(format!("{}{cursor}", input.typed.text), theme.base),
        ]));
    }
    (lines, focus)
}

/// Whether the learner chose the option at this shown position.
fn chosen(input: &AnswerInput, mode: InputMode, shown: usize) -> bool {
    match mode {
        InputMode::Tick => input.ticked.get(shown).copied().unwrap_or(false),
        InputMode::Choose => input.cursor == shown,
        _ => false,
    }
}

/// The shown positions of the right options; for ordering, the right order as shown positions.
fn right_positions(question: &SessionQuestion) -> Vec<usize> {
    let shown_of = |original: usize| question.display_order.iter().position(|&o| o == original);
    match &question.question.kind {
        QuestionKind::SingleChoice { answer, .. } => shown_of(*answer).into_iter().collect(),
        QuestionKind::MultiSelect { answers, .. } => {
            answers.iter().filter_map(|a| shown_of(*a)).collect()
        }
        QuestionKind::TrueFalse { answer } => vec![usize::from(!answer)],
        QuestionKind::Ordering { items } => (0..items.len()).filter_map(shown_of).collect(),
        _ => Vec::new(),
    }
}

/// The verdict, the grader's feedback, the explanation and the lesson reference.
pub fn feedback_lines(
    question: &SessionQuestion,
    result: &QuestionResult,
    course: &Course,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let outcome = &result.outcome;
    let (verdict, style) = match outcome.verdict {
        Verdict::Right => ("✓ Right.".to_string(), theme.done),
        Verdict::Partial => (
            format!("◐ Partly right ({}).", percent(outcome.score)),
            theme.warning,
        ),
        Verdict::Wrong => ("✗ Not right.".to_string(), theme.warning),
    };
    let mut lines = vec![Line::default(), Line::styled(verdict, style)];
    for line in &outcome.feedback {
        lines.extend(wrap(&[(line.clone(), theme.base)], width));
    }
    lines.push(Line::default());
    lines.extend(wrap(
        &[
            ("Why: ".into(), theme.subheading),
            (question.question.explanation.clone(), theme.base),
        ],
        width,
    ));
    lines.extend(wrap(
        &[
            ("See: ".into(), theme.subheading),
            (reference_title(course, &question.question.see), theme.link),
        ],
        width,
    ));
    lines
}

/// "Planning IP addresses › Worked examples" for `ip-planning#worked-examples`.
pub fn reference_title(course: &Course, reference: &str) -> String {
    course
        .describe_reference(reference)
        .unwrap_or_else(|| reference.to_string())
}

pub fn render_summary(
    session: &QuizSession,
    round: usize,
    mode: Mode,
    width: usize,
    theme: &Theme,
) -> Rendered {
    let total = session.len();
    let score = session.score();
    let share = if total == 0 {
        0.0
    } else {
        score / total as f32
    };
    let name = match mode {
        Mode::Review => "Review",
        Mode::Cram => "Cram",
        _ => "Quiz",
    };
    let title = if round > 1 {
        format!("Retry round {} finished", round - 1)
    } else {
        format!("{name} finished")
    };
    let mut lines = vec![
        Line::styled(title, theme.heading),
        Line::default(),
        Line::styled(
            format!(
                "Score: {} of {total} ({})",
                trim_score(score),
                percent(share)
            ),
            theme.strong,
        ),
    ];
    // A review asks what is due, not what a seed draws: replaying it makes no sense.
    if mode != Mode::Review {
        lines.push(Line::styled(
            format!(
                "Seed {}: the same --seed (and --topic, --count) asks the same questions again.",
                session.seed()
            ),
            theme.dim,
        ));
    }
    lines.push(Line::default());
    let missed: Vec<(&SessionQuestion, &QuestionResult)> = session
        .results()
        .iter()
        .filter(|r| !r.outcome.is_right())
        .filter_map(|r| session.questions().get(r.index).map(|q| (q, r)))
        .collect();
    if missed.is_empty() {
        lines.push(Line::styled("Nothing missed. Well done.", theme.done));
    } else {
        lines.push(Line::styled(
            format!("Missed ({}):", missed.len()),
            theme.subheading,
        ));
        for (question, result) in missed {
            let mark = if result.outcome.verdict == Verdict::Partial {
                "◐ "
            } else {
                "✗ "
            };
            let text = format!(
                "{mark}{} ({})",
                question.question.prompt.lines().next().unwrap_or(""),
                question.topic_title
            );
            lines.extend(wrap_hanging(&[(text, theme.base)], width, 2));
        }
    }
    lines.push(Line::default());
    let keys = if session.missed().is_empty() {
        "Enter: back"
    } else {
        "r: retry the missed questions · Enter: back"
    };
    lines.push(Line::styled(keys, theme.dim));
    Rendered::from_lines(lines)
}

/// 1.5 → "1.5", 2.0 → "2".
pub fn trim_score(score: f32) -> String {
    // Adding 0.0 turns the -0.0 of an empty sum into 0.0.
    let rounded = (score * 10.0).round() / 10.0 + 0.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}
