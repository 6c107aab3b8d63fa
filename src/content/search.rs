//! `/` search across the course: every lesson section, lab step, quiz question and interview
//! item, matched on all the words typed, in any order, case ignored.

use super::markdown::{Block, plain_text};
use super::model::{Course, Document};

/// Where a hit leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchTarget {
    /// A lesson section (`anchor` `None` for the text before the first heading).
    Lesson {
        lesson: String,
        anchor: Option<String>,
    },
    LabStep {
        lab: String,
        step: String,
    },
    /// A quiz question, to answer on its own.
    Question {
        id: String,
    },
    /// An interview item, to rehearse on its own.
    Interview {
        id: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub target: SearchTarget,
    /// "Lesson › Section" or "Lab › Step".
    pub title: String,
    /// A piece of the text around the first match.
    pub snippet: String,
}

/// One searchable piece, its text lowercased once when the index is built.
struct Entry {
    target: SearchTarget,
    title: String,
    text: String,
    lowercase: String,
}

pub struct SearchIndex {
    entries: Vec<Entry>,
}

/// Searches return at most this many hits; a query that matches more should be narrowed.
pub const MAX_HITS: usize = 50;

impl SearchIndex {
    pub fn build(course: &Course) -> Self {
        let mut entries = Vec::new();
        for lesson in course.lessons() {
            for document in std::iter::once(&lesson.technical).chain(&lesson.eli5) {
                for (anchor, heading, text) in sections(document) {
                    let title = match &heading {
                        Some(heading) => format!("{} › {heading}", lesson.title),
                        None => lesson.title.clone(),
                    };
                    let target = SearchTarget::Lesson {
                        lesson: lesson.id.clone(),
                        anchor,
                    };
                    entries.push(entry(target, title, text));
                }
            }
        }
        for lab in course.labs() {
            for step in &lab.steps {
                let parts = [
                    Some(&step.title),
                    Some(&step.purpose),
                    step.command.as_ref(),
                    step.expected.as_ref(),
                    step.look_for.as_ref(),
                ];
                let text = parts
                    .into_iter()
                    .flatten()
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" ");
                let target = SearchTarget::LabStep {
                    lab: lab.id.clone(),
                    step: step.id.clone(),
                };
                entries.push(entry(
                    target,
                    format!("{} › {}", lab.title, step.title),
                    text,
                ));
            }
        }
        // Questions and interview items come after the reading, which is where most searches
        // lead; they are there to practise what was found.
        for question in course.questions() {
            let text = format!("{} {}", question.prompt, question.explanation);
            entries.push(entry(
                SearchTarget::Question {
                    id: question.id.clone(),
                },
                format!("Question › {}", first_line(&question.prompt)),
                text,
            ));
        }
        for item in course.interview_items() {
            let text = format!("{} {}", item.question, item.answer);
            entries.push(entry(
                SearchTarget::Interview {
                    id: item.id.clone(),
                },
                format!("Interview › {}", first_line(&item.question)),
                text,
            ));
        }
        Self { entries }
    }

    /// The entries whose title or text holds every word of the query; title matches first.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        if words.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(bool, Hit)> = self
            .entries
            .iter()
            .filter(|e| {
                words.iter().all(|w| {
                    e.lowercase.contains(w.as_str()) || e.title.to_lowercase().contains(w.as_str())
                })
            })
            .map(|e| {
                let in_title = words
                    .iter()
                    .all(|w| e.title.to_lowercase().contains(w.as_str()));
                let hit = Hit {
                    target: e.target.clone(),
                    title: e.title.clone(),
                    snippet: snippet(e, &words[0]),
                };
                (in_title, hit)
            })
            .collect();
        // A stable sort keeps the course's order within each group.
        hits.sort_by_key(|(in_title, _)| !in_title);
        hits.into_iter()
            .take(MAX_HITS)
            .map(|(_, hit)| hit)
            .collect()
    }
}

/// The first line of a prompt, shortened to a title's length.
fn first_line(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    match line.char_indices().nth(70) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line.to_string(),
    }
}

fn entry(target: SearchTarget, title: String, text: String) -> Entry {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    Entry {
        target,
        lowercase: text.to_lowercase(),
        title,
        text,
    }
}

/// The document cut at its headings: (anchor, heading, text) for each part.
fn sections(document: &Document) -> Vec<(Option<String>, Option<String>, String)> {
    let mut parts = vec![(None, None, String::new())];
    for block in &document.blocks {
        match block {
            Block::Heading { text, anchor, .. } => {
                parts.push((Some(anchor.clone()), Some(text.clone()), String::new()))
            }
            other => {
                let text = &mut parts.last_mut().expect("starts with one part").2;
                block_text(other, text);
            }
        }
    }
    parts.retain(|(anchor, _, text)| anchor.is_some() || !text.trim().is_empty());
    parts
}

fn block_text(block: &Block, out: &mut String) {
    out.push(' ');
    match block {
        Block::Heading { text, .. } => out.push_str(text),
        Block::Paragraph(inlines) => out.push_str(&plain_text(inlines)),
        Block::List { items, .. } => items.iter().flatten().for_each(|b| block_text(b, out)),
        Block::Quote { blocks, .. } => blocks.iter().for_each(|b| block_text(b, out)),
        Block::Code { text, .. } => out.push_str(text),
        Block::Table(table) => {
            for cell in table.header.iter().chain(table.rows.iter().flatten()) {
                out.push_str(&cell.text());
                out.push(' ');
            }
        }
        Block::Rule => {}
    }
}

/// About 60 characters of text around the first place `word` occurs (or the start).
fn snippet(entry: &Entry, word: &str) -> String {
    let chars: Vec<char> = entry.text.chars().collect();
    let lower: Vec<char> = entry.lowercase.chars().collect();
    let word: Vec<char> = word.chars().collect();
    let at = (0..lower.len())
        .find(|&i| lower[i..].starts_with(&word))
        .unwrap_or(0);
    let start = at.saturating_sub(20);
    let end = (start + 60).min(chars.len());
    let mut text: String = chars[start..end].iter().collect();
    if start > 0 {
        text.insert(0, '…');
    }
    if end < chars.len() {
        text.push('…');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{CourseDir, load};

    fn index() -> SearchIndex {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid-course");
        SearchIndex::build(&load(&CourseDir::new(dir)).unwrap())
    }

    #[test]
    fn every_word_must_match_in_any_order_and_case() {
        let hits = index().search("NAT kubenet");
        assert!(!hits.is_empty());
        assert!(matches!(hits[0].target, SearchTarget::Lesson { .. }));
        assert!(index().search("kubenet zebra").is_empty());
    }

    /// The longest word of `text`, without punctuation: a query that finds it.
    fn longest_word(text: &str) -> &str {
        text.split_whitespace()
            .max_by_key(|w| w.len())
            .unwrap()
            .trim_matches(|c: char| !c.is_alphanumeric())
    }

    #[test]
    fn questions_and_interview_items_are_found_after_the_reading() {
        let course = load(&CourseDir::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/valid-course"
        )))
        .unwrap();
        let question = course.questions().next().expect("a fixture question");
        let item = course.interview_items().next().expect("an interview item");
        let targets = [
            (
                &question.prompt,
                SearchTarget::Question {
                    id: question.id.clone(),
                },
            ),
            (
                &item.question,
                SearchTarget::Interview {
                    id: item.id.clone(),
                },
            ),
        ];
        for (text, target) in targets {
            let word = longest_word(text);
            let hits = index().search(word);
            assert!(hits.iter().any(|h| h.target == target), "{word}: {hits:?}");
        }
    }

    #[test]
    fn lab_steps_are_found_by_their_commands() {
        let hits = index().search("kubectl apply");
        assert_eq!(
            hits[0].target,
            SearchTarget::LabStep {
                lab: "lab-check-plugin".into(),
                step: "apply-service".into()
            }
        );
        assert!(
            hits[0].snippet.contains("kubectl apply"),
            "{}",
            hits[0].snippet
        );
    }

    #[test]
    fn title_matches_come_first() {
        let hits = index().search("checking");
        assert_eq!(hits[0].title, "Choosing a plugin › Checking a cluster");
    }

    #[test]
    fn an_empty_query_finds_nothing() {
        assert!(index().search("   ").is_empty());
    }
}
