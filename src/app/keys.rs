//! Input becomes an [`Action`] here and nowhere else. Each screen's keys live in one table, which
//! both maps key presses and feeds the `?` help overlay, so the two cannot disagree.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Back,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    NextSection,
    PrevSection,
    NextItem,
    PrevItem,
    ToggleEli5,
    ToggleDone,
    Copy,
    Help,
    ScrollUp,
    ScrollDown,
    Resize(u16, u16),
    /// A character typed into an answer.
    Type(char),
    DeleteChar,
    Submit,
    /// Choose the option numbered 1–9.
    Pick(u8),
    /// Open the lesson section a question refers to.
    OpenLesson,
    /// Start a round over the missed questions.
    Retry,
    /// The wall clock moved on (for countdowns); carries the current time.
    Tick(std::time::Instant),
    /// A key for the multi-line answer editor, which handles its own editing keys.
    Edit(KeyEvent),
    /// Show the next hint.
    NextHint,
    /// Read the course folder again (authors editing with `--content`).
    Reload,
    /// Open the `/` search.
    Search,
    /// Network policy lab: predict that the connection is allowed.
    PredictAllowed,
    /// Network policy lab: predict that the connection is denied.
    PredictDenied,
}

/// Which key table applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyContext {
    Home,
    Topic,
    Lesson,
    Lab,
    /// A question (quiz or exam) answered by choosing, ticking or ordering.
    Quiz,
    /// A screen with a typed answer: letters are typed, not commands.
    Typing,
    /// The interview answer editor: every key edits, but for a few with modifiers or no text.
    Editor,
    /// An interview answer revealed, waiting for a self-grade.
    Interview,
    /// The mock exam's finish page and its review.
    Exam,
    /// A read-only page: the stats.
    Stats,
    /// The `/` search: letters are typed into the query.
    Search,
    /// The network policy lab: predict allowed or denied.
    NetpolLab,
    Help,
}

impl KeyContext {
    pub const ALL: [KeyContext; 13] = [
        KeyContext::Search,
        KeyContext::Stats,
        KeyContext::Home,
        KeyContext::Topic,
        KeyContext::Lesson,
        KeyContext::Lab,
        KeyContext::Quiz,
        KeyContext::Typing,
        KeyContext::Editor,
        KeyContext::Interview,
        KeyContext::Help,
        KeyContext::Exam,
        KeyContext::NetpolLab,
    ];
}

pub struct Binding {
    pub codes: &'static [KeyCode],
    /// How the keys are written in the help overlay.
    pub label: &'static str,
    pub help: &'static str,
    pub action: Action,
}

const fn bind(
    codes: &'static [KeyCode],
    label: &'static str,
    help: &'static str,
    action: Action,
) -> Binding {
    Binding {
        codes,
        label,
        help,
        action,
    }
}

// The tables stay one binding per line: they read as the help overlay does.
#[rustfmt::skip]
const LIST: &[Binding] = &[
    bind(&[KeyCode::Up, KeyCode::Char('k')], "↑ k", "previous entry", Action::Up),
    bind(&[KeyCode::Down, KeyCode::Char('j')], "↓ j", "next entry", Action::Down),
    bind(&[KeyCode::Home, KeyCode::Char('g')], "Home g", "first entry", Action::Top),
    bind(&[KeyCode::End, KeyCode::Char('G')], "End G", "last entry", Action::Bottom),
    bind(&[KeyCode::Enter, KeyCode::Right, KeyCode::Char('l')], "Enter → l", "open", Action::Open),
];

#[rustfmt::skip]
const READER: &[Binding] = &[
    bind(&[KeyCode::Down, KeyCode::Char('j')], "↓ j", "scroll down", Action::Down),
    bind(&[KeyCode::Up, KeyCode::Char('k')], "↑ k", "scroll up", Action::Up),
    bind(&[KeyCode::PageDown, KeyCode::Char(' '), KeyCode::Char('f')], "PgDn Space f", "next page", Action::PageDown),
    bind(&[KeyCode::PageUp, KeyCode::Char('b')], "PgUp b", "previous page", Action::PageUp),
    bind(&[KeyCode::Home, KeyCode::Char('g')], "Home g", "top", Action::Top),
    bind(&[KeyCode::End, KeyCode::Char('G')], "End G", "bottom", Action::Bottom),
];

#[rustfmt::skip]
const LESSON: &[Binding] = &[
    bind(&[KeyCode::Char(']'), KeyCode::Char('}')], "] }", "next section", Action::NextSection),
    bind(&[KeyCode::Char('['), KeyCode::Char('{')], "[ {", "previous section", Action::PrevSection),
    bind(&[KeyCode::Char('n')], "n", "next lesson", Action::NextItem),
    bind(&[KeyCode::Char('p')], "p", "previous lesson", Action::PrevItem),
    bind(&[KeyCode::Char('e')], "e", "switch ELI5 / technical", Action::ToggleEli5),
];

#[rustfmt::skip]
const LAB: &[Binding] = &[
    bind(&[KeyCode::Down, KeyCode::Char('j')], "↓ j", "next step", Action::Down),
    bind(&[KeyCode::Up, KeyCode::Char('k')], "↑ k", "previous step", Action::Up),
    bind(&[KeyCode::PageDown, KeyCode::Char('f')], "PgDn f", "scroll down a page", Action::PageDown),
    bind(&[KeyCode::PageUp, KeyCode::Char('b')], "PgUp b", "scroll up a page", Action::PageUp),
    bind(&[KeyCode::Char(' '), KeyCode::Char('x')], "Space x", "mark the step done / not done", Action::ToggleDone),
    bind(&[KeyCode::Char('c'), KeyCode::Char('y')], "c y", "copy the step's command (OSC 52)", Action::Copy),
    bind(&[KeyCode::Char('n')], "n", "next lab", Action::NextItem),
    bind(&[KeyCode::Char('p')], "p", "previous lab", Action::PrevItem),
];

#[rustfmt::skip]
const BACK: &[Binding] = &[
    bind(&[KeyCode::Char('q'), KeyCode::Esc, KeyCode::Left, KeyCode::Char('h')], "q Esc ← h", "back", Action::Back),
    bind(&[KeyCode::Char('?')], "?", "this help", Action::Help),
];

#[rustfmt::skip]
const HOME_QUIT: &[Binding] = &[
    bind(&[KeyCode::Char('R')], "R", "reload the course from --content (for authors)", Action::Reload),
    bind(&[KeyCode::Char('q'), KeyCode::Esc], "q Esc", "quit", Action::Back),
    bind(&[KeyCode::Char('?')], "?", "this help", Action::Help),
];

/// Typed answers (sizing, and quiz questions answered with a number, CIDR or word).
#[rustfmt::skip]
const ANSWER: &[Binding] = &[
    bind(&[KeyCode::Enter], "Enter", "check the answer / go on", Action::Submit),
    bind(&[KeyCode::Backspace], "Backspace", "delete a character", Action::DeleteChar),
    bind(&[KeyCode::Down], "↓", "scroll down", Action::Down),
    bind(&[KeyCode::Up], "↑", "scroll up", Action::Up),
    bind(&[KeyCode::PageDown], "PgDn", "next page", Action::PageDown),
    bind(&[KeyCode::PageUp], "PgUp", "previous page", Action::PageUp),
    bind(&[KeyCode::Tab], "Tab", "exam: next question", Action::NextItem),
    bind(&[KeyCode::BackTab], "Shift-Tab", "exam: previous question", Action::PrevItem),
    bind(&[KeyCode::Esc], "Esc", "back (letters are typed into the answer)", Action::Back),
    bind(&[KeyCode::Char('?')], "?", "this help", Action::Help),
];

/// Questions answered by choosing, ticking or ordering.
#[rustfmt::skip]
const QUIZ: &[Binding] = &[
    bind(&[KeyCode::Down, KeyCode::Char('j')], "↓ j", "next option (scroll after answering)", Action::Down),
    bind(&[KeyCode::Up, KeyCode::Char('k')], "↑ k", "previous option (scroll after answering)", Action::Up),
    bind(&[], "1–9", "choose (or tick) that option", Action::Pick(0)),
    bind(&[KeyCode::Char(' '), KeyCode::Char('x')], "Space x", "tick an option / pick up and drop a step", Action::ToggleDone),
    bind(&[KeyCode::Enter], "Enter", "answer / next question", Action::Submit),
    bind(&[KeyCode::Char('o')], "o", "open the lesson section (after answering)", Action::OpenLesson),
    bind(&[KeyCode::Char('r')], "r", "retry the missed questions (at the end)", Action::Retry),
    bind(&[KeyCode::PageDown], "PgDn", "scroll down a page", Action::PageDown),
    bind(&[KeyCode::PageUp], "PgUp", "scroll up a page", Action::PageUp),
    bind(&[KeyCode::Tab], "Tab", "exam: next question", Action::NextItem),
    bind(&[KeyCode::BackTab], "Shift-Tab", "exam: previous question", Action::PrevItem),
];

/// The interview answer editor: keys not listed here edit the answer.
#[rustfmt::skip]
const EDITOR: &[Binding] = &[
    bind(&[KeyCode::Tab], "Tab", "show the next hint", Action::NextHint),
    bind(&[], "Ctrl-D", "done: reveal the model answer", Action::Submit),
    bind(&[KeyCode::Esc], "Esc", "back (twice once you have typed: the answer is not kept)", Action::Back),
    bind(&[KeyCode::F(1)], "F1", "this help (? is typed into the answer)", Action::Help),
    bind(&[], "arrows, Enter…", "edit the answer", Action::Edit(KeyEvent::new(KeyCode::Null, KeyModifiers::NONE))),
];

#[rustfmt::skip]
const GRADE: &[Binding] = &[
    bind(&[], "1 2 3 4", "grade yourself: again, hard, good, easy", Action::Pick(0)),
    bind(&[KeyCode::Down, KeyCode::Char('j')], "↓ j", "scroll down", Action::Down),
    bind(&[KeyCode::Up, KeyCode::Char('k')], "↑ k", "scroll up", Action::Up),
    bind(&[KeyCode::PageDown, KeyCode::Char(' ')], "PgDn Space", "next page", Action::PageDown),
    bind(&[KeyCode::PageUp, KeyCode::Char('b')], "PgUp b", "previous page", Action::PageUp),
    bind(&[KeyCode::Home, KeyCode::Char('g')], "Home g", "top", Action::Top),
    bind(&[KeyCode::End, KeyCode::Char('G')], "End G", "bottom", Action::Bottom),
    bind(&[KeyCode::Enter], "Enter", "back, once every question is graded", Action::Submit),
];

/// The mock exam's finish page and its review.
#[rustfmt::skip]
const EXAM: &[Binding] = &[
    bind(&[KeyCode::Enter], "Enter", "finish the exam (finish page) / back (review)", Action::Submit),
    bind(&[KeyCode::Tab], "Tab", "back to the first question", Action::NextItem),
    bind(&[KeyCode::BackTab], "Shift-Tab", "back to the last question", Action::PrevItem),
    bind(&[KeyCode::Down, KeyCode::Char('j')], "↓ j", "scroll down", Action::Down),
    bind(&[KeyCode::Up, KeyCode::Char('k')], "↑ k", "scroll up", Action::Up),
    bind(&[KeyCode::PageDown, KeyCode::Char(' ')], "PgDn Space", "next page", Action::PageDown),
    bind(&[KeyCode::PageUp, KeyCode::Char('b')], "PgUp b", "previous page", Action::PageUp),
    bind(&[KeyCode::Home, KeyCode::Char('g')], "Home g", "top", Action::Top),
    bind(&[KeyCode::End, KeyCode::Char('G')], "End G", "bottom", Action::Bottom),
];

/// The network policy lab. ← stays "back", as on every other screen, so choosing is by letter or
/// digit rather than by arrows.
#[rustfmt::skip]
const NETPOL_LAB: &[Binding] = &[
    bind(&[KeyCode::Char('a'), KeyCode::Char('1')], "a 1", "predict: allowed", Action::PredictAllowed),
    bind(&[KeyCode::Char('d'), KeyCode::Char('2')], "d 2", "predict: denied", Action::PredictDenied),
    bind(&[KeyCode::Enter], "Enter", "next connection / the summary / back (at the end)", Action::Submit),
    bind(&[KeyCode::Down, KeyCode::Char('j')], "↓ j", "scroll the scenario down", Action::Down),
    bind(&[KeyCode::Up, KeyCode::Char('k')], "↑ k", "scroll the scenario up", Action::Up),
    bind(&[KeyCode::PageDown, KeyCode::Char(' '), KeyCode::Char('f')], "PgDn Space f", "next page", Action::PageDown),
    bind(&[KeyCode::PageUp, KeyCode::Char('b')], "PgUp b", "previous page", Action::PageUp),
    bind(&[KeyCode::Home, KeyCode::Char('g')], "Home g", "top", Action::Top),
    bind(&[KeyCode::End, KeyCode::Char('G')], "End G", "bottom", Action::Bottom),
];

#[rustfmt::skip]
const FIND: &[Binding] = &[
    bind(&[KeyCode::Char('/')], "/", "search the whole course", Action::Search),
];

/// The search screen: keys not listed here are typed into the query.
#[rustfmt::skip]
const SEARCH: &[Binding] = &[
    bind(&[KeyCode::Down], "↓", "next result", Action::Down),
    bind(&[KeyCode::Up], "↑", "previous result", Action::Up),
    bind(&[KeyCode::Enter], "Enter", "open the result", Action::Submit),
    bind(&[KeyCode::Backspace], "Backspace", "delete a character", Action::DeleteChar),
    bind(&[KeyCode::Esc], "Esc", "back", Action::Back),
    bind(&[KeyCode::F(1)], "F1", "this help (? is typed into the query)", Action::Help),
];

#[rustfmt::skip]
const HELP: &[Binding] = &[
    bind(&[KeyCode::Char('?'), KeyCode::Char('q'), KeyCode::Esc, KeyCode::F(1)], "? q Esc", "close the help", Action::Help),
    bind(&[KeyCode::Down, KeyCode::Char('j')], "↓ j", "scroll the help", Action::Down),
    bind(&[KeyCode::Up, KeyCode::Char('k')], "↑ k", "scroll the help back", Action::Up),
];

/// The key tables of a context, in the order the help overlay lists them.
pub fn bindings(context: KeyContext) -> Vec<&'static Binding> {
    let tables: &[&[Binding]] = match context {
        KeyContext::Home => &[LIST, FIND, HOME_QUIT],
        KeyContext::Topic => &[LIST, FIND, BACK],
        KeyContext::Lesson => &[READER, LESSON, FIND, BACK],
        KeyContext::Lab => &[LAB, FIND, BACK],
        KeyContext::Typing => &[ANSWER],
        KeyContext::Quiz => &[QUIZ, BACK],
        KeyContext::Editor => &[EDITOR],
        KeyContext::Interview => &[GRADE, BACK],
        KeyContext::Exam => &[EXAM, BACK],
        KeyContext::Stats => &[READER, BACK],
        KeyContext::Search => &[SEARCH],
        KeyContext::NetpolLab => &[NETPOL_LAB, BACK],
        KeyContext::Help => &[HELP],
    };
    tables.iter().flat_map(|table| table.iter()).collect()
}

/// The action for a terminal event, if it means one here. Only key presses count (not repeats or
/// releases, which some terminals also report); Ctrl-C quits from anywhere.
pub fn action_for(context: KeyContext, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => action_for_key(context, key),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::ScrollDown),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize(*width, *height)),
        _ => None,
    }
}

fn action_for_key(context: KeyContext, key: &KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('c') if control => return Some(Action::Quit),
        // Ctrl-D ends the input, as it does in a shell.
        KeyCode::Char('d') if control && context == KeyContext::Editor => {
            return Some(Action::Submit);
        }
        _ => {}
    }
    if key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER)
    {
        // The editor has its own shortcuts (Ctrl-A, Alt-B, ...); elsewhere modified keys mean nothing.
        return (context == KeyContext::Editor).then_some(Action::Edit(*key));
    }
    let bound = bindings(context)
        .into_iter()
        .find(|b| b.codes.contains(&key.code))
        .map(|b| b.action);
    match (bound, key.code) {
        (Some(action), _) => Some(action),
        (None, _) if context == KeyContext::Editor => Some(Action::Edit(*key)),
        (None, KeyCode::Char(ch)) if matches!(context, KeyContext::Typing | KeyContext::Search) => {
            Some(Action::Type(ch))
        }
        (None, KeyCode::Char(digit @ '1'..='9')) if context == KeyContext::Quiz => {
            digit.to_digit(10).map(|d| Action::Pick(d as u8))
        }
        (None, KeyCode::Char(digit @ '1'..='4')) if context == KeyContext::Interview => {
            digit.to_digit(10).map(|d| Action::Pick(d as u8))
        }
        (None, _) => None,
    }
}

#[cfg(test)]
#[path = "keys_tests.rs"]
mod tests;
