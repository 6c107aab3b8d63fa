//! A small line-based highlighter for the two languages lessons use: shell and YAML. Enough to
//! tell commands, flags, strings, keys and comments apart; no grammar, no dependencies.

use ratatui::style::Style;

use super::theme::Theme;

/// The styled pieces of one line of code.
pub fn highlight(language: &str, line: &str, theme: &Theme) -> Vec<(String, Style)> {
    match language {
        "shell" | "sh" | "bash" | "console" | "zsh" => shell(line, theme),
        "yaml" | "yml" => yaml(line, theme),
        _ => vec![(line.to_string(), theme.code)],
    }
}

fn shell(line: &str, theme: &Theme) -> Vec<(String, Style)> {
    if line.trim_start().starts_with('#') {
        return vec![(line.to_string(), theme.comment)];
    }
    let mut pieces = Vec::new();
    let mut expect_command = !line.starts_with(' ');
    let mut rest = line;
    while !rest.is_empty() {
        let spaces = rest.len() - rest.trim_start_matches(' ').len();
        if spaces > 0 {
            pieces.push((rest[..spaces].to_string(), theme.code));
            rest = &rest[spaces..];
            continue;
        }
        let token_len = shell_token_len(rest);
        let token = &rest[..token_len];
        let style = if token.starts_with('#') {
            pieces.push((rest.to_string(), theme.comment));
            break;
        } else if token.starts_with('"') || token.starts_with('\'') {
            theme.string
        } else if token.starts_with('-') {
            theme.flag
        } else if matches!(token, "|" | "&&" | "||" | ";" | "\\") {
            expect_command = token != "\\";
            theme.dim
        } else if expect_command {
            expect_command = false;
            theme.command
        } else {
            theme.code
        };
        pieces.push((token.to_string(), style));
        rest = &rest[token_len..];
    }
    pieces
}

/// A token runs to the next space outside quotes.
fn shell_token_len(text: &str) -> usize {
    let mut quote = None;
    for (i, ch) in text.char_indices() {
        match (quote, ch) {
            (None, '"' | '\'') => quote = Some(ch),
            (Some(q), c) if c == q => quote = None,
            (None, ' ') => return i,
            _ => {}
        }
    }
    text.len()
}

fn yaml(line: &str, theme: &Theme) -> Vec<(String, Style)> {
    let trimmed = line.trim_start();
    let indent = &line[..line.len() - trimmed.len()];
    if trimmed.starts_with('#') {
        return vec![(line.to_string(), theme.comment)];
    }
    let mut pieces = vec![(indent.to_string(), theme.code)];
    let mut rest = trimmed;
    if let Some(after_dash) = rest.strip_prefix("- ") {
        pieces.push(("- ".to_string(), theme.dim));
        rest = after_dash;
    }
    let (body, comment) = match rest.find(" #") {
        Some(at) => (&rest[..at], Some(&rest[at..])),
        None => (rest, None),
    };
    match body
        .find(':')
        .filter(|at| !body[..*at].contains(['"', '\'', ' ']))
    {
        Some(at) => {
            pieces.push((body[..at].to_string(), theme.key));
            pieces.push((":".to_string(), theme.dim));
            let value = &body[at + 1..];
            let style = if value.trim_start().starts_with(['"', '\'']) {
                theme.string
            } else {
                theme.code
            };
            pieces.push((value.to_string(), style));
        }
        None => pieces.push((body.to_string(), theme.code)),
    }
    if let Some(comment) = comment {
        pieces.push((comment.to_string(), theme.comment));
    }
    pieces.retain(|(text, _)| !text.is_empty());
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn styled<'a>(pieces: &'a [(String, Style)], text: &str) -> Option<&'a Style> {
        pieces.iter().find(|(t, _)| t == text).map(|(_, s)| s)
    }

    #[test]
    fn shell_commands_flags_strings_and_comments() {
        let theme = Theme::colour();
        let pieces = highlight(
            "shell",
            "az aks show --query \"networkProfile\" # note",
            &theme,
        );
        assert_eq!(styled(&pieces, "az"), Some(&theme.command));
        assert_eq!(styled(&pieces, "--query"), Some(&theme.flag));
        assert_eq!(styled(&pieces, "\"networkProfile\""), Some(&theme.string));
        assert_eq!(styled(&pieces, "# note"), Some(&theme.comment));
        let joined: String = pieces.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(joined, "az aks show --query \"networkProfile\" # note");
    }

    #[test]
    fn a_command_after_a_pipe_is_a_command_again() {
        let theme = Theme::colour();
        let pieces = highlight("sh", "cat x | kubectl apply -f -", &theme);
        assert_eq!(styled(&pieces, "kubectl"), Some(&theme.command));
    }

    #[test]
    fn yaml_keys_values_and_list_items() {
        let theme = Theme::colour();
        let pieces = highlight("yaml", "  - port: 443 # https", &theme);
        assert_eq!(styled(&pieces, "port"), Some(&theme.key));
        assert_eq!(styled(&pieces, " # https"), Some(&theme.comment));
        let joined: String = pieces.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(joined, "  - port: 443 # https");
    }

    #[test]
    fn other_languages_are_plain() {
        let theme = Theme::colour();
        assert_eq!(
            highlight("diagram", "[LB]--->", &theme),
            vec![("[LB]--->".to_string(), theme.code)]
        );
    }
}
