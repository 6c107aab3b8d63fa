//! Plain-text work on manifests before and after YAML: splitting a file into documents, and
//! making messages safe to print.

/// One document's text with its first line's number in the file.
pub struct YamlDocument {
    pub first_line: u64,
    pub text: String,
}

/// Splits at `---` and `...` marker lines, blanking the marker (not removing it) so that
/// columns stay true.
pub fn split_documents(text: &str) -> Vec<YamlDocument> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut documents = vec![YamlDocument {
        first_line: 1,
        text: String::new(),
    }];
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let number = index as u64 + 1;
        let is_marker = |marker: &str| {
            line.strip_prefix(marker)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
        };
        if is_marker("---") {
            documents.push(YamlDocument {
                first_line: number,
                text: format!("   {}", &line[3..]),
            });
        } else if is_marker("...") {
            if let Some(current) = documents.last_mut() {
                current.text.push('\n');
            }
            documents.push(YamlDocument {
                first_line: number + 1,
                text: String::new(),
            });
        } else if let Some(current) = documents.last_mut() {
            current.text.push_str(line);
        }
    }
    documents
}

/// True when a document holds nothing but blank lines and comments.
pub fn is_blank(text: &str) -> bool {
    text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#')
    })
}

/// Control characters in messages (they may quote the input) are shown escaped, never sent
/// to the terminal.
pub fn clean(message: &str) -> String {
    message
        .chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}
