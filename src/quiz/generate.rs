//! Questions generated from the lessons' tables (F5), so every table row is drilled without an
//! author writing each question by hand. They are ordinary single-choice [`Question`]s.
//!
//! Two shapes of table are recognised, by the text of the top-left header cell:
//! - Comparison tables, whose top-left header is "Feature", "Component", "Property", "Aspect",
//!   "Characteristic", "Criterion", "Setting" or empty (`| Feature | Kubenet | Azure CNI |`): the
//!   first column labels the rows (the properties) and the other column headers are the things
//!   compared, which are the choices: "Which network plugin gives pods addresses from the VNet
//!   subnet?" — Kubenet / Azure CNI / ….
//! - Any other table (`| Prefix | Addresses | Usable in Azure |`): each row is a thing, the first
//!   column names it and the other columns are its properties; the first-column labels are the
//!   choices: "Which prefix leaves 251 usable addresses in an Azure subnet?" — /26 / /25 / /24 / /23.
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
//! Prompts: a table-quiz comment above the table phrases the question per property
//! (`ask Pod IP source: Which network plugin gives pods addresses from {brief}?`) and skips
//! properties that make no question (see `content/table_quiz.rs` and content/FORMAT.md); without
//! one, the prompt is derived from the header. The explanation gives the answer's facts, the other
//! choices' cells and the lesson's own sentence about it (`table_prose.rs`).
//!
//! Ids say what a question asks, so progress keeps its history while the table is edited:
//! `t-<lesson id>/<table>/<row key>/<column>`, each part slugified like a heading anchor, where
//! - `<table>` is the table's `id:` from its table-quiz comment, else the anchor of the section it
//!   sits in (`top` before any heading), with `-2`, `-3` … only for a second or third table of
//!   the same name in the lesson;
//! - `<row key>` is the row's first cell (the plugin, the prefix, the feature);
//! - `<column>` is the header of the column asked about (in a comparison table, the answer's).
//!
//! Reordering rows, adding a column or a row, or editing another row keeps every other question's
//! id; renaming the row's key, the column's header, or the section (for a table without an `id:`)
//! makes a new one, and progress keeps the old id like any other unknown id. The parts are
//! separated by `/`, which a slug never contains, so two questions cannot share an id.
//!
//! Only the lessons' technical text is used; the ELI5 versions retell the same facts.

use std::collections::{HashMap, HashSet};

use crate::content::markdown::{Block, Cell, Table, TableQuiz, anchor_of};
use crate::content::{Course, Lesson, Question, QuestionKind, Topic};

use super::table_cells::{all_distinct, askable, choices, core};
use super::table_prose::{Explanation, LessonSentence, lesson_sentence, lesson_sentences, prompt};

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
    let mut tables_named: HashMap<String, usize> = HashMap::new();
    let sentences = lesson_sentences(lesson);
    for block in &lesson.technical.blocks {
        match block {
            Block::Heading { text, anchor, .. } => heading = Some((text, anchor)),
            Block::Table(table) => {
                let name = table_name(table.quiz.as_ref(), heading);
                let seen = tables_named.entry(name.clone()).or_default();
                *seen += 1;
                let place = TablePlace {
                    lesson,
                    sentences: &sentences,
                    table_name: match *seen {
                        1 => name,
                        n => format!("{name}-{n}"),
                    },
                    heading,
                    quiz: table.quiz.as_ref(),
                };
                if place.quiz.is_some_and(|quiz| quiz.skip_table) {
                    continue;
                }
                for question in table_questions(table, &place) {
                    // Ids are unique by construction; a guard keeps progress from mixing two.
                    if ids.insert(question.id.clone()) {
                        questions.push(question);
                    }
                }
            }
            _ => {}
        }
    }
    questions
}

/// The table's name in ids: the author's `id:`, else its section's anchor.
fn table_name(quiz: Option<&TableQuiz>, heading: Option<(&str, &str)>) -> String {
    match (quiz.and_then(|quiz| quiz.id.as_deref()), heading) {
        (Some(id), _) => anchor_of(id),
        (None, Some((_, anchor))) => anchor.to_string(),
        (None, None) => "top".to_string(),
    }
}

/// Where a table sits, for ids, explanations and the `see` link.
struct TablePlace<'a> {
    lesson: &'a Lesson,
    /// The lesson's quotable sentences, for explanations.
    sentences: &'a [LessonSentence],
    table_name: String,
    /// The text and anchor of the heading above the table.
    heading: Option<(&'a str, &'a str)>,
    quiz: Option<&'a TableQuiz>,
}

impl TablePlace<'_> {
    fn see(&self) -> String {
        match self.heading {
            Some((_, anchor)) => format!("{}#{anchor}", self.lesson.id),
            None => self.lesson.id.clone(),
        }
    }

    fn id(&self, row_key: &str, column_header: &str) -> String {
        format!(
            "t-{}/{}/{}/{}",
            anchor_of(&self.lesson.id),
            self.table_name,
            anchor_of(row_key),
            anchor_of(column_header)
        )
    }

    fn where_in_words(&self) -> String {
        match self.heading {
            Some((text, _)) => format!("In the table under “{text}”"),
            None => format!("In the table in “{}”", self.lesson.title),
        }
    }

    fn skips(&self, property: &str) -> bool {
        self.quiz.is_some_and(|quiz| quiz.skips(property))
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

/// Comparison table: for a row (the property), the column whose cell is distinctive; the
/// choices are the compared headers.
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
        let property = &row[0];
        if place.skips(property) {
            continue;
        }
        for &column in &compared {
            let cell = &row[column];
            let others = compared.iter().filter(|&&other| other != column);
            if !askable(
                cell,
                &header[column],
                others.clone().map(|&other| &row[other]),
            ) {
                continue;
            }
            let (options, answer) = choices(&compared, column, |index| header[index].clone());
            let explanation = Explanation {
                place: place.where_in_words(),
                answer: &header[column],
                facts: vec![format!("{property}: {cell}")],
                others: others
                    .filter(|&&other| options.contains(&header[other]))
                    .map(|&other| format!("{}: {}", header[other], row[other]))
                    .collect(),
                sentence: lesson_sentence(place.sentences, property, &header[column], cell),
            };
            questions.push(Question {
                id: place.id(property, &header[column]),
                prompt: prompt(place.quiz, property, cell, "of these"),
                explanation: explanation.text(),
                kind: QuestionKind::SingleChoice { options, answer },
                see: place.see(),
            });
        }
    }
    questions
}

/// Table of things: for a column (the property), the row whose cell is distinctive; the choices
/// are the row labels.
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
    let noun = header[0].to_lowercase();
    let mut questions = Vec::new();
    for (column, property) in header.iter().enumerate().skip(1) {
        if place.skips(property) {
            continue;
        }
        for &row in &labelled {
            let cell = &rows[row][column];
            let label = &rows[row][0];
            let others = labelled.iter().filter(|&&other| other != row);
            if !askable(
                cell,
                label,
                others.clone().map(|&other| &rows[other][column]),
            ) {
                continue;
            }
            let (options, answer) = choices(&labelled, row, |index| rows[index][0].clone());
            // The answer's whole row is its context: the asked cell first.
            let facts = std::iter::once(column)
                .chain((1..header.len()).filter(|&other| other != column))
                .map(|index| format!("{}: {}", header[index], rows[row][index]))
                .collect();
            let explanation = Explanation {
                place: place.where_in_words(),
                answer: label,
                facts,
                others: others
                    .filter(|&&other| options.contains(&rows[other][0]))
                    .map(|&other| format!("{}: {}", rows[other][0], rows[other][column]))
                    .collect(),
                sentence: lesson_sentence(place.sentences, property, label, cell),
            };
            questions.push(Question {
                id: place.id(label, property),
                prompt: prompt(place.quiz, property, cell, &noun),
                explanation: explanation.text(),
                kind: QuestionKind::SingleChoice { options, answer },
                see: place.see(),
            });
        }
    }
    questions
}

#[cfg(test)]
#[path = "generate_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "generate_ids_tests.rs"]
mod id_tests;
