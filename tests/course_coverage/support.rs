//! Reading the built-in course as text for the coverage tests: passages of lessons (with whether
//! they sit in a correction), tables by header, labs and questions by id, normalised commands.

use aks_tutor::content::markdown::{Block, Callout, Cell, Table, plain_text};
use aks_tutor::content::{self, Course, EmbeddedCourse, Lesson, QuestionKind};

pub fn course() -> Course {
    content::load(&EmbeddedCourse).unwrap_or_else(|problems| panic!("{problems}"))
}

/// Joins shell line continuations and collapses whitespace, so a command wrapped over several lines
/// in a lab, or YAML whose indentation the seed lost, compares equal to the seed's text.
pub fn normalise(text: &str) -> String {
    text.replace("\\\n", " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A piece of lesson text read as one statement: a heading, paragraph, code block or table row
/// (cells joined with " | "), and whether it sits inside a `**Correction:**` callout.
pub struct Passage {
    pub text: String,
    pub in_correction: bool,
}

pub fn collect_passages(blocks: &[Block], in_correction: bool, out: &mut Vec<Passage>) {
    for block in blocks {
        let text = match block {
            Block::Heading { text, .. } | Block::Code { text, .. } => text.clone(),
            Block::Paragraph(inlines) => plain_text(inlines),
            Block::Table(table) => {
                for row in std::iter::once(&table.header).chain(&table.rows) {
                    let cells: Vec<String> = row.iter().map(Cell::text).collect();
                    let text = normalise(&cells.join(" | "));
                    out.push(Passage {
                        text,
                        in_correction,
                    });
                }
                continue;
            }
            Block::List { items, .. } => {
                items
                    .iter()
                    .for_each(|item| collect_passages(item, in_correction, out));
                continue;
            }
            Block::Quote { callout, blocks } => {
                let correction = in_correction || *callout == Callout::Correction;
                collect_passages(blocks, correction, out);
                continue;
            }
            Block::Rule => continue,
        };
        out.push(Passage {
            text: normalise(&text),
            in_correction,
        });
    }
}

/// The passages of a lesson, technical text first, then its ELI5 version.
pub fn lesson_passages(lesson: &Lesson) -> Vec<Passage> {
    let mut out = Vec::new();
    collect_passages(&lesson.technical.blocks, false, &mut out);
    if let Some(eli5) = &lesson.eli5 {
        collect_passages(&eli5.blocks, false, &mut out);
    }
    out
}

pub fn lesson<'c>(course: &'c Course, id: &str) -> &'c Lesson {
    course
        .lesson(id)
        .unwrap_or_else(|| panic!("lesson {id} is missing"))
}

/// The key words of a seed cell: the authors may qualify a cell ("Azure NPM (retiring) or Calico"),
/// so each comma-, parenthesis-, dash- or "or"-separated fragment must be kept, not the exact text.
/// (A comma splits only when a space follows: "2,046" is one word.)
pub fn key_words(cell: &str) -> Vec<&str> {
    let separators = [", ", "(", ")", ";", " — ", " or "];
    let mut words = vec![cell];
    for separator in separators {
        words = words
            .iter()
            .flat_map(|word| word.split(separator))
            .collect();
    }
    words
        .into_iter()
        .map(str::trim)
        .filter(|word| !word.is_empty())
        .collect()
}

pub fn table_with_header<'c>(lesson: &'c Lesson, first_header_cell: &str) -> &'c Table {
    let mut tables = lesson
        .technical
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Table(table)
                if table
                    .header
                    .first()
                    .is_some_and(|c| c.text() == first_header_cell) =>
            {
                Some(table)
            }
            _ => None,
        });
    tables.next().unwrap_or_else(|| {
        panic!(
            "lesson {}: no table headed {first_header_cell:?}",
            lesson.id
        )
    })
}

pub fn lab<'c>(course: &'c Course, id: &str) -> &'c content::Lab {
    course
        .labs()
        .find(|lab| lab.id == id)
        .unwrap_or_else(|| panic!("lab {id} is missing"))
}

/// Corrected facts (product.md) and the passage of a lesson that must state them together.
#[rustfmt::skip]
pub const PINNED_FACTS: &[(&str, &[&str])] = &[
    ("ip-planning", &["(10 + 1) + (10 + 1) x 30", "341 IPs", "=> /23"]),
    ("ip-planning", &["(20 + 1) + (20 + 1) x 30", "651 IPs", "=> /22"]),
    ("ip-planning", &["(50 + 1) + (50 + 1) x 30", "1,581 IPs", "=> /21"]),
    ("ip-planning", &["2,046 IPs", "/21 -> 2,043 usable too small", "=> /20"]),
    ("ip-planning", &["/24 | 256 | 251"]),
    ("ip-planning", &["/23 | 512 | 507"]),
    ("ip-planning", &["/22 | 1,024 | 1,019"]),
    ("ip-planning", &["/21 | 2,048 | 2,043"]),
    ("ip-planning", &["required IPs = (N + S) + (N + S) x P"]),
    ("ip-planning", &["2^(32−n) − 5"]),
    ("ip-planning", &["10.2.0.0/16 service CIDR", "10.2.0.10 DNS service IP"]),
    ("ip-planning", &["--service-cidr 10.2.0.0/16", "--dns-service-ip 10.2.0.10"]),
    ("real-world", &["10.2.0.0/16", "10.2.0.10"]),
    ("summary", &["(N + S) + (N + S) × P", "2^(32−n) − 5"]),
    ("summary", &["Usable in a /24, /23, /22, /21 | 251, 507, 1,019, 2,043"]),
    ("summary", &["Kubenet retirement | 31 March 2028"]),
    ("summary", &["Azure DNS virtual IP | 168.63.129.16"]),
    ("plugins", &["retired on 31 March 2028"]),
    ("plugins", &["defaults to Azure CNI Overlay"]),
    ("dns", &["168.63.129.16"]),
];

/// Words with which a passage, interview paragraph or question marks a figure as the mistake it is.
pub const REFUTATION_MARKERS: &[&str] = &["wrong", "seed", "mistake", "correction"];

pub fn refutes(text: &str) -> bool {
    let text = text.to_lowercase();
    REFUTATION_MARKERS
        .iter()
        .any(|marker| text.contains(marker))
}

pub fn question<'c>(course: &'c Course, id: &str) -> &'c content::Question {
    course
        .questions()
        .find(|q| q.id == id)
        .unwrap_or_else(|| panic!("question {id} is missing"))
}

pub fn chosen_option(kind: &QuestionKind) -> &str {
    match kind {
        QuestionKind::SingleChoice { options, answer } => &options[*answer],
        other => panic!("expected a single-choice question, got {other:?}"),
    }
}
