//! Lesson markdown turned into the project's own blocks. Tables become data (header, rows, cells),
//! so the reader can lay them out as real tables and the quiz can generate questions from them.
//!
//! Conversion never fails: pulldown-cmark accepts any text. What an author most likely got wrong
//! (a table row with the wrong number of cells, a table without its delimiter line, raw HTML) is
//! reported as a [`MarkdownIssue`] at a byte offset, which the loader turns into `path:line:col`.

use std::iter::Peekable;
use std::ops::Range;

pub use super::blocks::*;

use pulldown_cmark::{
    CodeBlockKind, Event, HeadingLevel, OffsetIter, Options, Parser, Tag, TagEnd,
};

use super::table_quiz;

/// Converts markdown to blocks, with the issues found on the way.
pub fn parse(source: &str) -> (Vec<Block>, Vec<MarkdownIssue>) {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut converter = Converter {
        source,
        events: Parser::new_ext(source, options)
            .into_offset_iter()
            .peekable(),
        style: StyleDepth::default(),
        issues: Vec::new(),
        anchors: Vec::new(),
        table_quiz: None,
    };
    let blocks = converter.blocks_until(None);
    let unattached = table_quiz::unattached(converter.table_quiz.take());
    converter.issues.extend(unattached);
    (blocks, converter.issues)
}

#[derive(Default)]
struct StyleDepth {
    emphasis: u32,
    strong: u32,
    strikethrough: u32,
    link: u32,
}

impl StyleDepth {
    fn current(&self, code: bool) -> InlineStyle {
        InlineStyle {
            emphasis: self.emphasis > 0,
            strong: self.strong > 0,
            code,
            strikethrough: self.strikethrough > 0,
            link: self.link > 0,
        }
    }
}

struct Converter<'a> {
    source: &'a str,
    events: Peekable<OffsetIter<'a>>,
    style: StyleDepth,
    issues: Vec<MarkdownIssue>,
    anchors: Vec<String>,
    /// A `<!-- table-quiz -->` comment waiting for the table right below it.
    table_quiz: Option<table_quiz::Pending>,
}

impl Converter<'_> {
    /// Blocks up to the end tag `until` (or the end of the document).
    fn blocks_until(&mut self, until: Option<TagEnd>) -> Vec<Block> {
        let mut blocks = Vec::new();
        // Tight list items hold inline text directly, without a paragraph around it.
        let mut loose = Vec::new();
        while let Some((event, range)) = self.events.next() {
            if !matches!(event, Event::Start(Tag::Table(_))) {
                self.issues
                    .extend(table_quiz::unattached(self.table_quiz.take()));
            }
            if !matches!(event, Event::End(_)) && !is_inline(&event) && !loose.is_empty() {
                blocks.push(Block::Paragraph(std::mem::take(&mut loose)));
            }
            match event {
                Event::End(end) if Some(end) == until => break,
                Event::Start(Tag::Paragraph) => {
                    self.check_stray_table_row(&range);
                    let inlines = self.inlines_until(TagEnd::Paragraph);
                    blocks.push(Block::Paragraph(inlines));
                }
                Event::Start(Tag::Heading { level, .. }) => {
                    let text = plain_text(&self.inlines_until(TagEnd::Heading(level)));
                    let anchor = self.unique_anchor(&text);
                    blocks.push(Block::Heading {
                        level: heading_number(level),
                        text,
                        anchor,
                    });
                }
                Event::Start(Tag::BlockQuote(kind)) => {
                    let inner = self.blocks_until(Some(TagEnd::BlockQuote(kind)));
                    blocks.push(quote(inner));
                }
                Event::Start(Tag::CodeBlock(kind)) => {
                    let language = match kind {
                        CodeBlockKind::Fenced(info) => {
                            info.split_whitespace().next().unwrap_or("").to_lowercase()
                        }
                        CodeBlockKind::Indented => String::new(),
                    };
                    let text = self.text_until(TagEnd::CodeBlock);
                    blocks.push(Block::Code { language, text });
                }
                Event::Start(Tag::List(start)) => blocks.push(self.list(start)),
                Event::Start(Tag::Table(alignments)) => {
                    let alignments = alignments.into_iter().map(align).collect();
                    let mut table = self.table(alignments);
                    let issues = table_quiz::attach(&mut table, self.table_quiz.take());
                    self.issues.extend(issues);
                    blocks.push(Block::Table(table));
                }
                Event::Rule => blocks.push(Block::Rule),
                Event::Start(Tag::HtmlBlock) => {
                    let html = &self.source[range.clone()];
                    if let Some(pending) = table_quiz::pending(range.start, html) {
                        self.text_until(TagEnd::HtmlBlock);
                        self.table_quiz = Some(pending);
                        continue;
                    }
                    self.issue(
                        range.start,
                        "raw HTML is not supported in lessons; it is shown as text",
                    );
                    let text = self.text_until(TagEnd::HtmlBlock);
                    blocks.push(Block::Paragraph(vec![plain(text.trim_end().to_string())]));
                }
                other => self.inline_event(other, &mut loose),
            }
        }
        if !loose.is_empty() {
            blocks.push(Block::Paragraph(loose));
        }
        blocks
    }

    fn list(&mut self, start: Option<u64>) -> Block {
        let mut items = Vec::new();
        while let Some((event, _)) = self.events.next() {
            match event {
                Event::Start(Tag::Item) => items.push(self.blocks_until(Some(TagEnd::Item))),
                Event::End(TagEnd::List(_)) => break,
                _ => {}
            }
        }
        Block::List { start, items }
    }

    fn table(&mut self, alignments: Vec<Align>) -> Table {
        let mut header = Vec::new();
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let mut in_head = false;
        while let Some((event, range)) = self.events.next() {
            match event {
                Event::Start(Tag::TableHead) => {
                    in_head = true;
                    self.check_row_width(&range, alignments.len());
                }
                Event::End(TagEnd::TableHead) => in_head = false,
                Event::Start(Tag::TableRow) => {
                    self.check_row_width(&range, alignments.len());
                    rows.push(Vec::new());
                }
                Event::Start(Tag::TableCell) => {
                    let cell = Cell(self.inlines_until(TagEnd::TableCell));
                    match rows.last_mut() {
                        Some(row) if !in_head => row.push(cell),
                        _ => header.push(cell),
                    }
                }
                Event::End(TagEnd::Table) => break,
                _ => {}
            }
        }
        Table {
            alignments,
            header,
            rows,
            quiz: None,
        }
    }

    fn inlines_until(&mut self, end: TagEnd) -> Vec<Inline> {
        let mut inlines = Vec::new();
        while let Some((event, _)) = self.events.next() {
            match event {
                Event::End(tag) if tag == end => break,
                other => self.inline_event(other, &mut inlines),
            }
        }
        inlines
    }

    fn inline_event(&mut self, event: Event<'_>, out: &mut Vec<Inline>) {
        let style = self.style.current(false);
        match event {
            Event::Text(text) | Event::InlineHtml(text) | Event::Html(text) => {
                push_text(out, &text, style)
            }
            Event::Code(code) => push_text(out, &code, self.style.current(true)),
            Event::SoftBreak => push_text(out, " ", style),
            Event::HardBreak => push_text(out, "\n", style),
            Event::Start(Tag::Emphasis) => self.style.emphasis += 1,
            Event::End(TagEnd::Emphasis) => self.style.emphasis -= 1,
            Event::Start(Tag::Strong) => self.style.strong += 1,
            Event::End(TagEnd::Strong) => self.style.strong -= 1,
            Event::Start(Tag::Strikethrough) => self.style.strikethrough += 1,
            Event::End(TagEnd::Strikethrough) => self.style.strikethrough -= 1,
            Event::Start(Tag::Link { dest_url, .. }) => {
                self.style.link += 1;
                let text = self.inlines_until(TagEnd::Link);
                self.style.link -= 1;
                let shown = plain_text(&text);
                out.extend(text);
                // Links are shown as text: the address follows unless the text already is it.
                if !dest_url.is_empty() && shown != *dest_url {
                    push_text(out, &format!(" <{dest_url}>"), self.style.current(false));
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                let alt = plain_text(&self.inlines_until(TagEnd::Image));
                push_text(out, &format!("[image: {alt} <{dest_url}>]"), style);
            }
            Event::TaskListMarker(done) => {
                push_text(out, if done { "[x] " } else { "[ ] " }, style)
            }
            _ => {}
        }
    }

    fn text_until(&mut self, end: TagEnd) -> String {
        let mut text = String::new();
        for (event, _) in self.events.by_ref() {
            match event {
                Event::End(tag) if tag == end => break,
                Event::Text(t) | Event::Html(t) | Event::Code(t) => text.push_str(&t),
                _ => {}
            }
        }
        while text.ends_with('\n') {
            text.pop();
        }
        text
    }

    fn unique_anchor(&mut self, text: &str) -> String {
        let base = anchor_of(text);
        let mut anchor = base.clone();
        let mut n = 2;
        while self.anchors.contains(&anchor) {
            anchor = format!("{base}-{n}");
            n += 1;
        }
        self.anchors.push(anchor.clone());
        anchor
    }

    /// pulldown-cmark pads or cuts rows to the header's width; an author wants to hear about it.
    fn check_row_width(&mut self, range: &Range<usize>, expected: usize) {
        let line = first_line(&self.source[range.clone()]);
        let found = count_cells(line);
        if found != expected {
            self.issue(
                range.start,
                &format!(
                    "malformed table: this row has {found} cell{}, the header has {expected}",
                    if found == 1 { "" } else { "s" }
                ),
            );
        }
    }

    /// A paragraph that starts like a table row is a table that lost its `|---|` line.
    fn check_stray_table_row(&mut self, range: &Range<usize>) {
        let line = first_line(&self.source[range.clone()]).trim();
        if line.len() > 1 && line.starts_with('|') && line.ends_with('|') {
            self.issue(
                range.start,
                "malformed table: a row of cells without a `|---|` delimiter line under the header",
            );
        }
    }

    fn issue(&mut self, offset: usize, message: &str) {
        self.issues.push(MarkdownIssue {
            offset,
            message: message.to_string(),
        });
    }
}

fn is_inline(event: &Event<'_>) -> bool {
    matches!(
        event,
        Event::Text(_)
            | Event::Code(_)
            | Event::InlineHtml(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::TaskListMarker(_)
            | Event::Start(
                Tag::Emphasis
                    | Tag::Strong
                    | Tag::Strikethrough
                    | Tag::Link { .. }
                    | Tag::Image { .. }
            )
    )
}

fn push_text(out: &mut Vec<Inline>, text: &str, style: InlineStyle) {
    match out.last_mut() {
        Some(last) if last.style == style => last.text.push_str(text),
        _ => out.push(Inline {
            text: text.to_string(),
            style,
        }),
    }
}

fn plain(text: String) -> Inline {
    Inline {
        text,
        style: InlineStyle::default(),
    }
}

fn quote(blocks: Vec<Block>) -> Block {
    let lead = match blocks.first() {
        Some(Block::Paragraph(inlines)) => plain_text(inlines),
        _ => String::new(),
    };
    let callout = if lead.starts_with("Correction:") {
        Callout::Correction
    } else if lead.starts_with("Note:") || lead.starts_with("Tip:") {
        Callout::Note
    } else {
        Callout::Plain
    };
    Block::Quote { callout, blocks }
}

fn heading_number(level: HeadingLevel) -> u8 {
    level as u8
}

fn align(alignment: pulldown_cmark::Alignment) -> Align {
    match alignment {
        pulldown_cmark::Alignment::Center => Align::Center,
        pulldown_cmark::Alignment::Right => Align::Right,
        pulldown_cmark::Alignment::None | pulldown_cmark::Alignment::Left => Align::Left,
    }
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("")
}

/// Counts the cells of a raw table row. As in GitHub's tables, every unescaped `|` separates
/// cells, even inside a code span.
fn count_cells(line: &str) -> usize {
    let line = line.trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let line = line
        .strip_suffix('|')
        .filter(|l| !l.ends_with('\\'))
        .unwrap_or(line);
    let mut cells = 1;
    let mut escaped = false;
    for ch in line.chars() {
        match ch {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '|' => cells += 1,
            _ => {}
        }
    }
    cells
}

#[cfg(test)]
#[path = "markdown_tests.rs"]
mod tests;
