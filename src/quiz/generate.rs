//! Questions generated from the lessons' tables (F5), so every table row is drilled without an
//! author writing each question by hand. They are ordinary single-choice [`Question`]s.
//!
//! Two shapes of table are recognised, by the text of the top-left header cell:
//! - Comparison tables, whose top-left header is "Feature", "Component", "Property", "Aspect",
//!   "Characteristic", "Criterion", "Setting" or empty (`| Feature | Kubenet | Azure CNI |`): the
//!   first column labels the rows and the other column headers are the things compared. For a row
//!   and a column: "Which of Kubenet / Azure CNI / … has “Pod IP source: VNet subnet”?", the
//!   column headers being the choices.
//! - Any other table (`| Prefix | Addresses | Usable in Azure |`): each row is a thing, the first
//!   column names it. For a row and a column: "Which prefix has “Usable in Azure: 251”?", the
//!   first-column labels being the choices.
//!
//! A question is only made when its cell is distinctive among the choices' cells (the other cells
//! of its row in a comparison table, of its column otherwise): compared lowercased, trimmed, with
//! whitespace collapsed and parenthesised remarks removed, so "No" and "No (Linux only)" count as
//! the same value and neither is asked; and a value found as whole words inside another choice's
//! cell ("Azure CNI" in "Kubenet, Azure CNI, Overlay") is not asked either. That way no generated
//! question has two right answers, even ones a careful reader could argue for. A
//! row (or column) with fewer than two distinct values, a cell with no letter or digit ("—") and a
//! cell that names its own answer are skipped. At most four choices are offered: the answer and
//! its nearest neighbours in the table.
//!
//! Ids are stable while the table keeps its place and labels:
//! `t-<lesson id>-<table index>-<row label>-<column header>`, slugified like heading anchors.
//! Only the lessons' technical text is used; the ELI5 versions retell the same facts.

use std::collections::HashSet;

use crate::content::markdown::{Block, Cell, Table, anchor_of};
use crate::content::{Course, Lesson, Question, QuestionKind, Topic};

/// Top-left header texts that mark a comparison table (the columns are the things compared).
const ROW_LABEL_HEADERS: &[&str] = &[
    "",
    "feature",
    "features",
    "component",
    "property",
    "aspect",
    "characteristic",
    "criterion",
    "setting",
];

/// More choices than this make a table question a reading exercise.
const MAX_CHOICES: usize = 4;

/// Every table question of the course, topic by topic.
pub fn course_table_questions(course: &Course) -> Vec<Question> {
    course
        .topics
        .iter()
        .flat_map(topic_table_questions)
        .collect()
}

/// The table questions of one topic's lessons.
pub fn topic_table_questions(topic: &Topic) -> Vec<Question> {
    topic
        .lessons
        .iter()
        .flat_map(lesson_table_questions)
        .collect()
}

/// The table questions of one lesson, table by table in reading order.
pub fn lesson_table_questions(lesson: &Lesson) -> Vec<Question> {
    let mut questions = Vec::new();
    let mut ids = HashSet::new();
    let mut heading: Option<(&str, &str)> = None;
    let mut table_index = 0;
    for block in &lesson.technical.blocks {
        match block {
            Block::Heading { text, anchor, .. } => heading = Some((text, anchor)),
            Block::Table(table) => {
                let place = TablePlace {
                    lesson_id: &lesson.id,
                    lesson_title: &lesson.title,
                    table_index,
                    heading,
                };
                for question in table_questions(table, &place) {
                    // Two labels that slugify alike would share an id; progress must not mix them.
                    if ids.insert(question.id.clone()) {
                        questions.push(question);
                    }
                }
                table_index += 1;
            }
            _ => {}
        }
    }
    questions
}

/// Where a table sits, for ids, explanations and the `see` link.
struct TablePlace<'a> {
    lesson_id: &'a str,
    lesson_title: &'a str,
    table_index: usize,
    /// The text and anchor of the heading above the table.
    heading: Option<(&'a str, &'a str)>,
}

impl TablePlace<'_> {
    fn see(&self) -> String {
        match self.heading {
            Some((_, anchor)) => format!("{}#{anchor}", self.lesson_id),
            None => self.lesson_id.to_string(),
        }
    }

    fn id(&self, row_label: &str, column_header: &str) -> String {
        format!(
            "t-{}-{}-{}-{}",
            anchor_of(self.lesson_id),
            self.table_index,
            anchor_of(row_label),
            anchor_of(column_header)
        )
    }

    fn where_in_words(&self) -> String {
        match self.heading {
            Some((text, _)) => format!("In the table under “{text}” ({})", self.lesson_title),
            None => format!("In the table in “{}”", self.lesson_title),
        }
    }
}

fn table_questions(table: &Table, place: &TablePlace) -> Vec<Question> {
    let header: Vec<String> = table.header.iter().map(Cell::text).collect();
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| row.iter().map(Cell::text).collect())
        .filter(|row: &Vec<String>| row.len() == header.len())
        .collect();
    if header.len() < 2 || rows.is_empty() {
        return Vec::new();
    }
    let top_left = core(&header[0]);
    if header.len() >= 3 && ROW_LABEL_HEADERS.contains(&top_left.as_str()) {
        columns_as_choices(&header, &rows, place)
    } else {
        rows_as_choices(&header, &rows, place)
    }
}

/// Comparison table: for a row, the column whose cell is distinctive; the choices are headers.
fn columns_as_choices(
    header: &[String],
    rows: &[Vec<String>],
    place: &TablePlace,
) -> Vec<Question> {
    let compared: Vec<usize> = (1..header.len()).collect();
    if !all_distinct(compared.iter().map(|&column| &header[column])) {
        return Vec::new();
    }
    let mut questions = Vec::new();
    for row in rows {
        let label = &row[0];
        for &column in &compared {
            let cell = &row[column];
            let others = compared.iter().filter(|&&other| other != column);
            if !askable(cell, &header[column], others.map(|&other| &row[other])) {
                continue;
            }
            let (options, answer) = choices(&compared, column, |index| header[index].clone());
            let row_in_words = compared
                .iter()
                .map(|&index| format!("{}: {}", header[index], row[index]))
                .collect::<Vec<_>>()
                .join("; ");
            questions.push(Question {
                id: place.id(label, &header[column]),
                prompt: format!("Which of {} has “{label}: {cell}”?", options.join(" / ")),
                explanation: format!(
                    "{}, the row “{label}” reads: {row_in_words}. So the answer is {}.",
                    place.where_in_words(),
                    header[column]
                ),
                kind: QuestionKind::SingleChoice { options, answer },
                see: place.see(),
            });
        }
    }
    questions
}

/// Table of things: for a column, the row whose cell is distinctive; the choices are row labels.
fn rows_as_choices(header: &[String], rows: &[Vec<String>], place: &TablePlace) -> Vec<Question> {
    // Rows whose label repeats another's cannot be told apart as choices.
    let labelled: Vec<usize> = (0..rows.len())
        .filter(|&row| {
            let label = core(&rows[row][0]);
            !label.is_empty() && rows.iter().filter(|other| core(&other[0]) == label).count() == 1
        })
        .collect();
    if labelled.len() < 2 {
        return Vec::new();
    }
    let thing = header[0].to_lowercase();
    let mut questions = Vec::new();
    for column in 1..header.len() {
        for &row in &labelled {
            let cell = &rows[row][column];
            let label = &rows[row][0];
            let others = labelled.iter().filter(|&&other| other != row);
            if !askable(cell, label, others.map(|&other| &rows[other][column])) {
                continue;
            }
            let (options, answer) = choices(&labelled, row, |index| rows[index][0].clone());
            let row_in_words = header
                .iter()
                .zip(&rows[row])
                .map(|(name, value)| format!("{name}: {value}"))
                .collect::<Vec<_>>()
                .join("; ");
            questions.push(Question {
                id: place.id(label, &header[column]),
                prompt: format!("Which {thing} has “{}: {cell}”?", header[column]),
                explanation: format!(
                    "{}, the row for “{label}” reads: {row_in_words}.",
                    place.where_in_words()
                ),
                kind: QuestionKind::SingleChoice { options, answer },
                see: place.see(),
            });
        }
    }
    questions
}

/// Whether a cell can be asked about: it has content, does not name its answer, and its value
/// appears in no other choice's cell — not as the same value, and not inside it as whole words
/// ("250" inside "That of its IP mode (250 on overlay)", "Azure CNI" inside "Kubenet, Azure CNI,
/// Overlay"), since a learner could rightly pick that choice too.
fn askable<'a>(cell: &str, answer_label: &str, others: impl Iterator<Item = &'a String>) -> bool {
    let value = core(cell);
    let label = core(answer_label);
    if !value.chars().any(char::is_alphanumeric) || (!label.is_empty() && value.contains(&label)) {
        return false;
    }
    let value_words = words(&value);
    let mut others = others.peekable();
    others.peek().is_some()
        && others.all(|other| core(other) != value && !contains_run(&words(other), &value_words))
}

/// Lowercase runs of letters and digits; a thousands separator stays inside its number, so "5"
/// is not a word of "5,000".
fn words(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let joined: String = chars
        .iter()
        .enumerate()
        .filter(|&(index, &ch)| {
            let between_digits = index > 0
                && chars[index - 1].is_ascii_digit()
                && chars.get(index + 1).is_some_and(char::is_ascii_digit);
            !(ch == ',' && between_digits)
        })
        .map(|(_, &ch)| ch)
        .collect();
    joined
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn contains_run(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty()
        && haystack
            .windows(needle.len())
            .any(|window| window == needle)
}

/// The answer and up to three distractors nearest to it in the table, in table order. Returns
/// the options and the answer's index among them.
fn choices(
    candidates: &[usize],
    answer: usize,
    text_of: impl Fn(usize) -> String,
) -> (Vec<String>, usize) {
    let answer_position = candidates.iter().position(|&c| c == answer).unwrap_or(0);
    let mut by_distance: Vec<usize> = (0..candidates.len()).collect();
    by_distance.sort_by_key(|&position| (position.abs_diff(answer_position), position));
    let mut picked: Vec<usize> = by_distance.into_iter().take(MAX_CHOICES).collect();
    picked.sort_unstable();
    let answer_index = picked
        .iter()
        .position(|&position| position == answer_position)
        .unwrap_or(0);
    let options = picked
        .iter()
        .map(|&position| text_of(candidates[position]))
        .collect();
    (options, answer_index)
}

fn all_distinct<'a>(texts: impl Iterator<Item = &'a String>) -> bool {
    let mut seen = HashSet::new();
    texts.map(|text| core(text)).all(|text| seen.insert(text))
}

/// A cell's value for comparison: lowercase, parenthesised remarks removed, whitespace collapsed.
/// If nothing is left outside parentheses, the whole text is the value.
fn core(text: &str) -> String {
    let mut outside = String::with_capacity(text.len());
    let mut depth = 0usize;
    for ch in text.chars() {
        match ch {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => outside.push(ch),
            _ => {}
        }
    }
    let collapse = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let value = collapse(&outside);
    if value.is_empty() {
        collapse(text)
    } else {
        value
    }
}

#[cfg(test)]
#[path = "generate_tests.rs"]
mod tests;
