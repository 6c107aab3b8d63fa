//! The blocks a lesson is made of, once its markdown is read: the model the reader lays out and
//! the quiz generates questions from.

pub use super::table_quiz::TableQuiz;

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading {
        level: u8,
        text: String,
        anchor: String,
    },
    Paragraph(Vec<Inline>),
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Quote {
        callout: Callout,
        blocks: Vec<Block>,
    },
    Code {
        language: String,
        text: String,
    },
    Table(Table),
    Rule,
}

/// How a block quote is presented: authors mark corrections of common mistakes and notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Callout {
    Plain,
    Correction,
    Note,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inline {
    pub text: String,
    pub style: InlineStyle,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct InlineStyle {
    pub emphasis: bool,
    pub strong: bool,
    pub code: bool,
    pub strikethrough: bool,
    pub link: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub alignments: Vec<Align>,
    pub header: Vec<Cell>,
    pub rows: Vec<Vec<Cell>>,
    /// How the quiz asks about the table: the `<!-- table-quiz ... -->` comment above it.
    pub quiz: Option<TableQuiz>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell(pub Vec<Inline>);

impl Cell {
    /// The cell's text without styling.
    pub fn text(&self) -> String {
        plain_text(&self.0)
    }
}

/// Something in the markdown an author most likely did not mean, at a byte offset of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownIssue {
    pub offset: usize,
    pub message: String,
}

/// The text of some inlines without styling.
pub fn plain_text(inlines: &[Inline]) -> String {
    inlines.iter().map(|inline| inline.text.as_str()).collect()
}

/// A heading's anchor: lowercase, runs of anything but letters and digits become one `-`.
pub fn anchor_of(text: &str) -> String {
    let mut anchor = String::with_capacity(text.len());
    for ch in text.chars() {
        if ch.is_alphanumeric() {
            anchor.extend(ch.to_lowercase());
        } else if !anchor.is_empty() && !anchor.ends_with('-') {
            anchor.push('-');
        }
    }
    while anchor.ends_with('-') {
        anchor.pop();
    }
    anchor
}
