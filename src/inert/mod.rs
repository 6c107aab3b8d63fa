//! The one way out to the terminal for text that came from outside: content, manifests, progress
//! files, file names and command-line values. `sanitize` makes a string inert (no escape
//! sequence, no control character but the newline); the `say!` and `tell!` macros are how every
//! command prints, so no future print can forget to pass through it.

mod sanitize;

pub use sanitize::{is_inert, is_unsafe_char, sanitize};

use std::borrow::Cow;
use std::io::{self, Write};

/// `text` as it may reach a terminal: borrowed when it is inert already (nearly always).
pub fn inert(text: &str) -> Cow<'_, str> {
    if is_inert(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(sanitize(text))
    }
}

/// `text` with every character `sanitize` would drop written as a visible escape (`\u{1b}`),
/// for messages about a name or reference that is wrong: an author sees what is in it, and the
/// terminal gets plain ASCII. Borrowed when there is nothing to escape.
pub fn visible(text: &str) -> Cow<'_, str> {
    if is_inert(text) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe_char(c) {
            shown.extend(c.escape_unicode());
        } else {
            shown.push(c);
        }
    }
    Cow::Owned(shown)
}

/// Writes `text` and a newline to `out`, made inert first. Broken pipes (`aks-tutor ... | head`)
/// end the output quietly rather than with a panic.
pub fn write_line(out: &mut impl Write, text: &str) -> io::Result<()> {
    let text = inert(text);
    out.write_all(text.as_bytes())?;
    out.write_all(b"\n")
}

/// Prints one inert line to standard output.
pub fn print_line(text: &str) {
    let _ = write_line(&mut io::stdout().lock(), text);
}

/// Prints one inert line to standard error.
pub fn eprint_line(text: &str) {
    let _ = write_line(&mut io::stderr().lock(), text);
}

/// `println!` through the inert gate: formats, then strips what could drive the terminal.
#[macro_export]
macro_rules! say {
    () => { $crate::inert::print_line("") };
    ($($arg:tt)*) => { $crate::inert::print_line(&format!($($arg)*)) };
}

/// `eprintln!` through the inert gate.
#[macro_export]
macro_rules! tell {
    () => { $crate::inert::eprint_line("") };
    ($($arg:tt)*) => { $crate::inert::eprint_line(&format!($($arg)*)) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_written_through_the_gate_hold_no_escape() {
        let mut out = Vec::new();
        write_line(&mut out, "see: overview#\u{1b}]52;c;ZWNobyBoaQ==\u{7} ok").unwrap();
        assert_eq!(out, b"see: overview# ok\n");
    }

    #[test]
    fn visible_escapes_what_sanitize_drops() {
        assert_eq!(
            visible("a#\u{1b}]52;c;ZWNobw==\u{7}\u{9b}\u{200b}\tb\nc"),
            "a#\\u{1b}]52;c;ZWNobw==\\u{7}\\u{9b}\\u{200b}\\u{9}b\nc"
        );
        assert!(matches!(visible("plain"), Cow::Borrowed("plain")));
        assert!(is_inert(&visible("\u{1b}[2J\u{202e}\u{2028}")));
    }

    #[test]
    fn inert_text_is_borrowed() {
        assert!(matches!(inert("plain 10.0.0.0/16"), Cow::Borrowed(_)));
        assert_eq!(inert("a\u{9b}2Jb"), "ab");
    }
}
