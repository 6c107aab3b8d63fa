//! Input becomes an [`Action`] here and nowhere else. Each screen names its keys in tables of
//! [`Binding`]s (a [`Keymap`]), which map key presses, write the `?` help overlay and the footer
//! hints, so the three cannot disagree. The tables every screen shares are here; a screen's own
//! live in its folder.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Back,
    /// Close a panel or a prompt and stay on the screen (the app takes `Back` to leave it).
    Cancel,
    Up,
    Down,
    /// A cell cursor moves sideways (the policy explorer's grid).
    Left,
    Right,
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
    /// Policy explorer: show the next namespace only (after the last, all of them).
    NextNamespace,
    /// Policy explorer: ask about the next port the workloads declare.
    NextPort,
    /// Policy explorer: type a port to ask about.
    TypePort,
    /// Policy explorer: ask about the same port on the next protocol.
    NextProtocol,
    /// Policy explorer: the other policy engine.
    NextEngine,
    /// Copy the file a lab step asks to save (a manifest), not its command.
    CopyFile,
    /// Debugging lab: name the root cause (and back to the investigation from the list of causes).
    NameCause,
    /// Scroll wide output sideways.
    ScrollLeft,
    ScrollRight,
    /// Team session (host): pause the countdown, or resume it.
    PauseResume,
    /// Team session (host): close the open round now (or go past a reveal or scoreboard).
    Skip,
    /// Team session (host): end the session now (asked first).
    EndSession,
    /// Team session (`--local` host): the highlighted player said "true" / "false".
    AnswerTrue,
    AnswerFalse,
    /// Team session (player): connect again after the connection was lost.
    Rejoin,
}

/// One key (or several that do the same) and what it does.
pub struct Binding {
    pub codes: &'static [KeyCode],
    /// How the keys are written in the help overlay.
    pub label: &'static str,
    pub help: &'static str,
    pub action: Action,
    /// The short form shown in the footer ("Enter answer"), for the keys worth a reminder.
    pub hint: Option<&'static str>,
}

pub const fn bind(
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
        hint: None,
    }
}

impl Binding {
    /// The same binding, reminded of in the footer as `hint`.
    pub const fn hint(self, hint: &'static str) -> Self {
        Self {
            hint: Some(hint),
            ..self
        }
    }
}

/// How a key that no binding names is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unbound {
    /// It means nothing here.
    Ignore,
    /// Characters are typed into an answer or a query.
    Type,
    /// Digits from 1 to the number given choose an option.
    Pick(u8),
    /// The multi-line editor takes every key (Ctrl-D submits).
    Edit,
}

/// The keys of one screen in one state: tables in the order the help lists them.
#[derive(Clone, Copy)]
pub struct Keymap {
    /// What the help overlay calls the screen.
    pub title: &'static str,
    pub tables: &'static [&'static [Binding]],
    pub unbound: Unbound,
}

impl Keymap {
    pub const fn new(title: &'static str, tables: &'static [&'static [Binding]]) -> Self {
        Self {
            title,
            tables,
            unbound: Unbound::Ignore,
        }
    }

    pub const fn unbound(self, unbound: Unbound) -> Self {
        Self { unbound, ..self }
    }

    pub fn bindings(&self) -> impl Iterator<Item = &'static Binding> + use<> {
        self.tables.iter().flat_map(|table| table.iter())
    }

    /// The footer's reminders, in table order, each once.
    pub fn hints(&self) -> Vec<&'static str> {
        let mut hints: Vec<&'static str> = Vec::new();
        for hint in self.bindings().filter_map(|b| b.hint) {
            if !hints.contains(&hint) {
                hints.push(hint);
            }
        }
        hints
    }
}

// The tables stay one binding per line: they read as the help overlay does.
/// Moving in a list of entries.
#[rustfmt::skip]
pub const LIST: &[Binding] = &[
    bind(&[KeyCode::Up, KeyCode::Char('k')], "↑ k", "previous entry", Action::Up).hint("↑↓ choose"),
    bind(&[KeyCode::Down, KeyCode::Char('j')], "↓ j", "next entry", Action::Down),
    bind(&[KeyCode::Home, KeyCode::Char('g')], "Home g", "first entry", Action::Top),
    bind(&[KeyCode::End, KeyCode::Char('G')], "End G", "last entry", Action::Bottom),
    bind(&[KeyCode::Enter, KeyCode::Right, KeyCode::Char('l')], "Enter → l", "open", Action::Open).hint("Enter open"),
];

/// Scrolling a page of text.
#[rustfmt::skip]
pub const SCROLL: &[Binding] = &[
    bind(&[KeyCode::Down, KeyCode::Char('j')], "↓ j", "scroll down", Action::Down),
    bind(&[KeyCode::Up, KeyCode::Char('k')], "↑ k", "scroll up", Action::Up),
    PAGE_DOWN,
    PAGE_UP,
    bind(&[KeyCode::Home, KeyCode::Char('g')], "Home g", "top", Action::Top),
    bind(&[KeyCode::End, KeyCode::Char('G')], "End G", "bottom", Action::Bottom),
];

pub const PAGE_DOWN: Binding = bind(
    &[KeyCode::PageDown, KeyCode::Char(' '), KeyCode::Char('f')],
    "PgDn Space f",
    "next page",
    Action::PageDown,
);
pub const PAGE_UP: Binding = bind(
    &[KeyCode::PageUp, KeyCode::Char('b')],
    "PgUp b",
    "previous page",
    Action::PageUp,
);

/// Enter on a typed answer.
#[rustfmt::skip]
pub const CHECK: &[Binding] = &[
    bind(&[KeyCode::Enter], "Enter", "check the answer", Action::Submit).hint("Enter check"),
];

/// A typed answer (sizing, and quiz questions answered with a number, CIDR or word): letters are
/// typed, so only keys that type nothing act. Enter is the screen's own ([`CHECK`] or another).
#[rustfmt::skip]
pub const TYPED_ANSWER: &[Binding] = &[
    bind(&[KeyCode::Backspace], "Backspace", "delete a character", Action::DeleteChar),
    bind(&[KeyCode::Down], "↓", "scroll down", Action::Down),
    bind(&[KeyCode::Up], "↑", "scroll up", Action::Up),
    bind(&[KeyCode::PageDown], "PgDn", "next page", Action::PageDown),
    bind(&[KeyCode::PageUp], "PgUp", "previous page", Action::PageUp),
    bind(&[KeyCode::Home], "Home", "top", Action::Top),
    bind(&[KeyCode::End], "End", "bottom", Action::Bottom),
    bind(&[KeyCode::Char('?')], "?", "this help", Action::Help).hint("? help"),
    bind(&[KeyCode::Esc], "Esc", "back (letters are typed into the answer)", Action::Back).hint("Esc back"),
];

#[rustfmt::skip]
pub const BACK: &[Binding] = &[
    bind(&[KeyCode::Char('?')], "?", "this help", Action::Help).hint("? help"),
    bind(&[KeyCode::Char('q'), KeyCode::Esc, KeyCode::Left, KeyCode::Char('h')], "q Esc ← h", "back", Action::Back).hint("q back"),
];

#[rustfmt::skip]
pub const FIND: &[Binding] = &[
    bind(&[KeyCode::Char('/')], "/", "search the whole course", Action::Search).hint("/ search"),
];

#[rustfmt::skip]
pub const HELP: &[Binding] = &[
    bind(&[KeyCode::Char('?'), KeyCode::Char('q'), KeyCode::Esc, KeyCode::F(1)], "? q Esc", "close the help", Action::Help).hint("? close"),
    bind(&[KeyCode::Down, KeyCode::Char('j')], "↓ j", "scroll the help", Action::Down),
    bind(&[KeyCode::Up, KeyCode::Char('k')], "↑ k", "scroll the help back", Action::Up),
];

pub const HELP_KEYMAP: Keymap = Keymap::new("Help", &[HELP]);

/// The action for a terminal event, if it means one here. Only key presses count (not repeats or
/// releases, which some terminals also report); Ctrl-C quits from anywhere.
pub fn action_for(keymap: &Keymap, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => action_for_key(keymap, key),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::ScrollDown),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize(*width, *height)),
        _ => None,
    }
}

fn action_for_key(keymap: &Keymap, key: &KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('c') if control => return Some(Action::Quit),
        // Ctrl-D ends the input, as it does in a shell.
        KeyCode::Char('d') if control && keymap.unbound == Unbound::Edit => {
            return Some(Action::Submit);
        }
        _ => {}
    }
    if key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER)
    {
        // The editor has its own shortcuts (Ctrl-A, Alt-B, ...); elsewhere modified keys mean nothing.
        return (keymap.unbound == Unbound::Edit).then_some(Action::Edit(*key));
    }
    if let Some(binding) = keymap.bindings().find(|b| b.codes.contains(&key.code)) {
        return Some(binding.action);
    }
    match (keymap.unbound, key.code) {
        (Unbound::Edit, _) => Some(Action::Edit(*key)),
        (Unbound::Type, KeyCode::Char(ch)) => Some(Action::Type(ch)),
        (Unbound::Pick(max), KeyCode::Char(digit @ '1'..='9')) => digit
            .to_digit(10)
            .map(|d| d as u8)
            .filter(|&d| d <= max)
            .map(Action::Pick),
        _ => None,
    }
}

#[cfg(test)]
#[path = "keys_tests.rs"]
mod tests;
