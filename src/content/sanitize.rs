//! Content text is made inert before anyone can draw it: a content folder must not be able to move
//! the cursor, clear the screen or retitle the terminal.

/// Removes escape sequences (CSI, OSC, DCS and the like) and control characters, keeping newlines.
/// Tabs become four spaces, so that widths are known when text is laid out.
pub fn sanitize(text: &str) -> String {
    let mut clean = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\n' => clean.push('\n'),
            '\t' => clean.push_str("    "),
            '\u{1b}' => skip_escape_sequence(&mut chars),
            // C1 controls include the 8-bit CSI (U+9B) and OSC (U+9D) introducers.
            '\u{9b}' => skip_until_final_byte(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string_body(&mut chars),
            c if c.is_control() => {}
            // Bidirectional overrides can make text read differently from what it is.
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {}
            c => clean.push(c),
        }
    }
    clean
}

fn skip_escape_sequence(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => skip_until_final_byte(chars),
        // OSC, DCS, SOS, PM and APC carry a string up to BEL or ST.
        Some(']' | 'P' | 'X' | '^' | '_') => skip_string_body(chars),
        _ => {}
    }
}

/// A CSI sequence ends with a byte in `@`..=`~`.
fn skip_until_final_byte(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for ch in chars.by_ref() {
        if ('@'..='~').contains(&ch) || ch == '\n' {
            break;
        }
    }
}

/// A string sequence ends with BEL, ESC \ (ST) or the 8-bit ST.
fn skip_string_body(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(ch) = chars.next() {
        match ch {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_kept() {
        assert_eq!(
            sanitize("Pods get IPs.\nNodes too."),
            "Pods get IPs.\nNodes too."
        );
    }

    #[test]
    fn csi_sequences_are_removed_whole() {
        assert_eq!(sanitize("a\u{1b}[2Jb\u{1b}[1;31mc"), "abc");
    }

    #[test]
    fn a_title_change_is_removed_whole() {
        assert_eq!(sanitize("x\u{1b}]0;pwned\u{7}y"), "xy");
        assert_eq!(sanitize("x\u{1b}]2;pwned\u{1b}\\y"), "xy");
    }

    #[test]
    fn c1_controls_and_other_controls_are_removed() {
        assert_eq!(sanitize("a\u{9b}2Jb\u{0}\u{8}\rc\u{7f}"), "abc");
    }

    #[test]
    fn tabs_become_spaces() {
        assert_eq!(sanitize("\tx"), "    x");
    }
}
