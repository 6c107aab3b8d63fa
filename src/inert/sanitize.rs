//! Content text is made inert before anyone can draw it: a content folder must not be able to move
//! the cursor, clear the screen or retitle the terminal.

/// Removes escape sequences (CSI, OSC, DCS and the like) and control characters, keeping newlines.
/// Tabs become four spaces, so that widths are known when text is laid out. Invisible format
/// characters are dropped (see [`is_invisible`]) and the Unicode line and paragraph separators
/// (U+2028, U+2029) become newlines: a terminal draws them as nothing or as a glyph, while the
/// layout counts them otherwise, and either way they would ride along in a copied command.
pub fn sanitize(text: &str) -> String {
    // Start-up sanitizes the whole course: clean text (all of an honest course) is only copied.
    if is_inert(text) {
        return text.to_owned();
    }
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
            '\u{2028}' | '\u{2029}' => clean.push('\n'),
            c if is_invisible(c) => {}
            c => clean.push(c),
        }
    }
    clean
}

/// Characters that take no cell but change what text is: bidirectional overrides and isolates
/// (U+202A..U+202E, U+2066..U+2069) can make text read differently from what it is; zero-width
/// spaces and joiners (U+200B..U+200D), direction marks (U+200E, U+200F), word joiner and
/// invisible operators (U+2060..U+2064, with the rest of U+2060..U+206F, all invisible format
/// characters), the Mongolian vowel separator (U+180E) and the byte order mark (U+FEFF) are
/// invisible, so a copied `kubectl` command holding one fails for no visible reason. The zero
/// width joiner goes too: it only glues emoji sequences, which this course does not need, and
/// terminals disagree on how wide a joined sequence is, which misaligns rows.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{feff}'
    )
}

/// Whether `sanitize` drops or changes `c` (the newline aside): control characters (C0, DEL, C1,
/// the tab), the line and paragraph separators and [`is_invisible`] characters.
pub fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{2028}' | '\u{2029}') || is_invisible(c)
}

/// Whether `text` holds nothing `sanitize` would change: no control character but newlines, no
/// C1 control (U+0080..U+009F, bytes C2 80..9F), no line or paragraph separator and no invisible
/// character of [`is_invisible`] (U+180E: E1 A0 8E; U+200B..U+200F: E2 80 8B..8F; U+2028..U+202E:
/// E2 80 A8..AE; U+2060..U+206F: E2 81 A0..AF; U+FEFF: EF BB BF). Bytes, not chars: this runs
/// over the whole course at every start.
pub fn is_inert(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Eight plain ASCII bytes at a time: nearly all of a course is printable ASCII.
        if let Some(chunk) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            if is_printable_ascii(word) {
                i += 8;
                continue;
            }
        }
        let harmful = match bytes[i] {
            b'\n' => false,
            0..=0x1f | 0x7f => true,
            0xc2 => matches!(bytes.get(i + 1), Some(0x80..=0x9f)),
            0xe1 => matches!(
                (bytes.get(i + 1), bytes.get(i + 2)),
                (Some(0xa0), Some(0x8e))
            ),
            0xe2 => matches!(
                (bytes.get(i + 1), bytes.get(i + 2)),
                (Some(0x80), Some(0x8b..=0x8f | 0xa8..=0xae)) | (Some(0x81), Some(0xa0..=0xaf))
            ),
            0xef => matches!(
                (bytes.get(i + 1), bytes.get(i + 2)),
                (Some(0xbb), Some(0xbf))
            ),
            _ => false,
        };
        if harmful {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether all eight bytes of `word` are in 0x20..=0x7e.
fn is_printable_ascii(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A byte below 0x20 borrows when 0x20 is taken from it; a byte at 0x7f or above carries into
    // (or already has) its high bit when 0x01 is added.
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    let del_or_high = (word.wrapping_add(ONES) | word) & HIGH;
    below_space == 0 && del_or_high == 0
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
    fn inert_text_is_recognised_at_every_offset() {
        let clean = "Pods get IPs — from the VNet › or not.\nNodes too, 10.244.0.0/16 ~ plain";
        assert!(is_inert(clean));
        for (at, _) in clean.char_indices() {
            for bad in ["\u{1b}", "\u{7f}", "\u{9b}", "\u{202e}", "\u{7}", "\t"] {
                let poisoned = format!("{}{bad}{}", &clean[..at], &clean[at..]);
                assert!(!is_inert(&poisoned), "{poisoned:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn is_inert_agrees_with_sanitize(
            text in "\\PC{0,40}|[\\x00-\\x7f\\u{80}-\\u{9f}\\u{2066}]{0,40}|[a \\u{180d}-\\u{180f}\\u{2000}-\\u{2070}\\u{feff}\\u{fefe}\\u{ff00}]{0,40}"
        ) {
            proptest::prop_assert_eq!(is_inert(&text), sanitize(&text) == text);
        }
    }

    #[test]
    fn is_unsafe_char_names_exactly_what_sanitize_changes() {
        let mut one = String::new();
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            one.clear();
            one.push(c);
            assert_eq!(is_unsafe_char(c), sanitize(&one) != one, "{c:?}");
        }
    }

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
    fn inert_text_is_recognised_byte_by_byte() {
        assert!(is_inert("Pods · §2 → “quoted” — 10.0.0.0/16\n界"));
        for dirty in [
            "\u{1b}", "\t", "\r", "\u{7f}", "\u{85}", "\u{9b}", "\u{202e}", "\u{2066}",
        ] {
            assert!(!is_inert(&format!("a{dirty}b")), "{dirty:?}");
            assert!(
                !sanitize(&format!("a{dirty}b")).contains(dirty),
                "{dirty:?}"
            );
        }
    }

    #[test]
    fn invisible_characters_are_dropped_and_separators_become_newlines() {
        let copied = "kubectl\u{200b} get\u{200c} pods\u{200d}\u{2060} -A\u{feff}\u{200e}\u{180e}";
        assert!(!is_inert(copied));
        assert_eq!(sanitize(copied), "kubectl get pods -A");
        assert_eq!(sanitize("one\u{2028}two\u{2029}three"), "one\ntwo\nthree");
        // Their neighbours in the same Unicode blocks are kept: en space, dash, ellipsis.
        for kept in [
            "\u{2002}", "\u{2013}", "\u{2026}", "\u{2070}", "\u{ff01}", "\u{180d}",
        ] {
            assert!(is_inert(kept), "{kept:?}");
        }
    }

    #[test]
    fn tabs_become_spaces() {
        assert_eq!(sanitize("\tx"), "    x");
    }
}
