//! How the quiz asks about a lesson table: an author's comment written just above the table.
//!
//! ```markdown
//! <!-- table-quiz
//! id: plugin-comparison
//! ask Pod IP source: Which network plugin gives pods IP addresses from {brief}?
//! ask VNet-direct pod routing = Yes: From which network plugin can a VM reach a pod IP directly?
//! skip Best for
//! -->
//! | Feature | Kubenet | Azure CNI |
//! ```
//!
//! A *property* is what a question asks about: a row label of a comparison table (its top-left
//! header is "Feature", "Component", … and its columns are the things compared), a column header
//! of any other table (its rows are the things, the first column names them).
//! - `id: SLUG` names the table in question ids, so renaming its section keeps the learners'
//!   history. Without it the section's anchor is used.
//! - `ask PROPERTY: QUESTION?` phrases the question for every value of the property. `{value}`
//!   is the cell as written, `{brief}` the cell without its parenthesised remarks, `{lower}` the
//!   cell with its first letter in lowercase (for cells that start with a common word: "Inside
//!   the cluster" → "runs inside the cluster"); one of them must appear, or every row would read
//!   the same.
//! - `ask PROPERTY = VALUE: QUESTION?` phrases it for one value only (a "Yes" among "No"s), and
//!   wins over the general phrasing.
//! - `skip PROPERTY` asks nothing about the property; `skip` alone asks nothing of the table.
//!
//! Comments are only read here: anything that is not one of these lines is reported at its line,
//! as is a property the table below does not have.

use super::blocks::{Cell, MarkdownIssue, Table};

/// The comment's first word, which tells it apart from any other HTML.
const MARKER: &str = "table-quiz";

#[derive(Debug, Clone, PartialEq, Default)]
pub struct TableQuiz {
    /// The table's name in question ids; `None` uses its section's anchor.
    pub id: Option<String>,
    /// Ask nothing of this table.
    pub skip_table: bool,
    /// Properties asked about in none of their cells.
    pub skipped: Vec<String>,
    pub phrasings: Vec<Phrasing>,
}

/// One `ask` line.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrasing {
    pub property: String,
    /// `Some` for a phrasing of one value of the property.
    pub value: Option<String>,
    /// The question, with `{value}` and `{brief}` still in it.
    pub question: String,
}

impl TableQuiz {
    pub fn skips(&self, property: &str) -> bool {
        self.skip_table || self.skipped.iter().any(|p| same(p, property))
    }

    /// The question for this property and cell, its placeholders filled; `None` when the author
    /// wrote no phrasing for it.
    pub fn question(&self, property: &str, cell: &str) -> Option<String> {
        let of_property = || {
            self.phrasings
                .iter()
                .filter(|p| same(&p.property, property))
        };
        let for_value =
            of_property().find(|p| p.value.as_deref().is_some_and(|v| is_value(v, cell)));
        let general = || of_property().find(|p| p.value.is_none());
        for_value
            .or_else(general)
            .map(|phrasing| fill(&phrasing.question, cell))
    }

    /// Every text of the comment, for the loader to make inert.
    pub fn texts_mut(&mut self) -> impl Iterator<Item = &mut String> {
        self.id
            .iter_mut()
            .chain(self.skipped.iter_mut())
            .chain(self.phrasings.iter_mut().flat_map(|phrasing| {
                std::iter::once(&mut phrasing.property)
                    .chain(phrasing.value.iter_mut())
                    .chain(std::iter::once(&mut phrasing.question))
            }))
    }
}

/// A table-quiz comment met in the markdown, waiting for the table right below it.
#[derive(Debug)]
pub struct Pending {
    offset: usize,
    html: String,
}

/// `Some` when an HTML block (at `offset` in the source) is a table-quiz comment.
pub fn pending(offset: usize, html: &str) -> Option<Pending> {
    let is_table_quiz = html
        .trim_start()
        .strip_prefix("<!--")
        .is_some_and(|rest| rest.trim_start().starts_with(MARKER));
    is_table_quiz.then(|| Pending {
        offset,
        html: html.to_string(),
    })
}

/// Reads the comment above a table into it; the problems found, at their lines.
pub fn attach(table: &mut Table, comment: Option<Pending>) -> Vec<MarkdownIssue> {
    let Some(Pending { offset, html }) = comment else {
        return Vec::new();
    };
    let (quiz, problems) = read(&html, table);
    table.quiz = Some(quiz);
    problems
        .into_iter()
        .map(|(at, message)| MarkdownIssue {
            offset: offset + at,
            message,
        })
        .collect()
}

/// The problem with a comment no table follows: it must sit right above its table.
pub fn unattached(comment: Option<Pending>) -> Option<MarkdownIssue> {
    comment.map(|Pending { offset, .. }| MarkdownIssue {
        offset,
        message: "table-quiz comment without a table right below it; it is ignored".to_string(),
    })
}

/// Reads a table-quiz comment for the table under it. Problems come with the byte offset of their
/// line in `html`.
fn read(html: &str, table: &Table) -> (TableQuiz, Vec<(usize, String)>) {
    let mut quiz = TableQuiz::default();
    let mut issues = Vec::new();
    let properties = Properties::of(table);
    let mut offset = 0;
    for raw_line in html.split_inclusive('\n') {
        let at = offset;
        offset += raw_line.len();
        let line = raw_line.trim();
        let line = line.strip_prefix("<!--").unwrap_or(line).trim_start();
        let line = line.strip_prefix(MARKER).unwrap_or(line);
        let line = line.strip_suffix("-->").unwrap_or(line).trim();
        if line.is_empty() {
            continue;
        }
        if let Err(message) = directive(line, &properties, &mut quiz) {
            issues.push((at, message));
        }
    }
    (quiz, issues)
}

fn directive(line: &str, properties: &Properties, quiz: &mut TableQuiz) -> Result<(), String> {
    if let Some(id) = line.strip_prefix("id:") {
        let id = id.trim();
        let plain = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
        if id.is_empty() || !id.chars().all(plain) {
            return Err(format!(
                "table-quiz: the id “{id}” must be lowercase letters, digits and -"
            ));
        }
        quiz.id = Some(id.to_string());
    } else if line == "skip" {
        quiz.skip_table = true;
    } else if let Some(property) = line.strip_prefix("skip ") {
        let property = property.trim();
        properties.check(property, None)?;
        quiz.skipped.push(property.to_string());
    } else if let Some(rest) = line.strip_prefix("ask ") {
        let (target, question) = rest
            .split_once(": ")
            .ok_or("table-quiz: write `ask PROPERTY: QUESTION?`")?;
        let (property, value) = match target.split_once(" = ") {
            Some((property, value)) => (property.trim(), Some(value.trim())),
            None => (target.trim(), None),
        };
        properties.check(property, value)?;
        check_question(question.trim(), value.is_some())?;
        quiz.phrasings.push(Phrasing {
            property: property.to_string(),
            value: value.map(str::to_string),
            question: question.trim().to_string(),
        });
    } else {
        return Err(format!(
            "table-quiz: “{line}” is not `id: …`, `ask PROPERTY: QUESTION?` or `skip PROPERTY`"
        ));
    }
    Ok(())
}

fn check_question(question: &str, for_one_value: bool) -> Result<(), String> {
    if !question.ends_with('?') {
        return Err("table-quiz: a phrasing is a question: end it with ?".to_string());
    }
    let mut rest = question;
    let mut placeholders = 0;
    while let Some(start) = rest.find('{') {
        let end = rest[start..]
            .find('}')
            .ok_or("table-quiz: a { without its }")?;
        let name = &rest[start + 1..start + end];
        if !["value", "brief", "lower"].contains(&name) {
            return Err(format!(
                "table-quiz: {{{name}}} is not a placeholder; use {{value}}, {{brief}} or {{lower}}"
            ));
        }
        placeholders += 1;
        rest = &rest[start + end + 1..];
    }
    if placeholders == 0 && !for_one_value {
        return Err(
            "table-quiz: a phrasing for every value needs {value}, {brief} or {lower}, or every row \
             would read the same; write `ask PROPERTY = VALUE: …` for one value"
                .to_string(),
        );
    }
    Ok(())
}

/// The row labels and column headers a comment may name, with the cells of each.
struct Properties {
    named: Vec<(String, Vec<String>)>,
}

impl Properties {
    fn of(table: &Table) -> Self {
        let text = |cells: &[Cell]| cells.iter().map(Cell::text).collect::<Vec<_>>();
        let rows: Vec<Vec<String>> = table.rows.iter().map(|row| text(row)).collect();
        let header = text(&table.header);
        let columns = header.iter().enumerate().skip(1).map(|(index, name)| {
            let cells = rows.iter().filter_map(|row| row.get(index).cloned());
            (name.clone(), cells.collect())
        });
        let row_labels = rows.iter().filter_map(|row| {
            let (label, cells) = row.split_first()?;
            Some((label.clone(), cells.to_vec()))
        });
        Self {
            named: columns.chain(row_labels).collect(),
        }
    }

    fn check(&self, property: &str, value: Option<&str>) -> Result<(), String> {
        let cells = self
            .named
            .iter()
            .filter(|(name, _)| same(name, property))
            .flat_map(|(_, cells)| cells)
            .collect::<Vec<_>>();
        if cells.is_empty() {
            return Err(format!(
                "table-quiz: “{property}” is neither a row nor a column of the table below"
            ));
        }
        match value {
            Some(value) if !cells.iter().any(|cell| is_value(value, cell)) => Err(format!(
                "table-quiz: no cell of “{property}” reads “{value}”"
            )),
            _ => Ok(()),
        }
    }
}

/// Names compared as a reader would: case and runs of whitespace ignored.
fn same(a: &str, b: &str) -> bool {
    squeeze(a) == squeeze(b)
}

/// A `= VALUE` matches the cell as written or without its remarks.
fn is_value(value: &str, cell: &str) -> bool {
    same(value, cell) || same(value, &brief(cell))
}

fn squeeze(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The cell without parenthesised remarks: "30 (configurable to 250)" → "30". A cell that is
/// all remark stays whole.
pub fn brief(cell: &str) -> String {
    let mut outside = String::with_capacity(cell.len());
    let mut depth = 0usize;
    for ch in cell.chars() {
        match ch {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => outside.push(ch),
            _ => {}
        }
    }
    let squeezed = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let outside = squeezed(&outside);
    if outside.is_empty() {
        squeezed(cell)
    } else {
        outside
    }
}

fn fill(question: &str, cell: &str) -> String {
    let value = cell.trim();
    let mut chars = value.chars();
    let lower: String = chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default();
    question
        .replace("{value}", value)
        .replace("{brief}", &brief(cell))
        .replace("{lower}", &lower)
}

#[cfg(test)]
#[path = "table_quiz_tests.rs"]
mod tests;
