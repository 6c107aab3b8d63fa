//! Lesson markdown turned into the project's own blocks. Tables become data (header, rows, cells),
//! so the reader can lay them out as real tables and the quiz can generate questions from them.
//!
//! Conversion never fails: pulldown-cmark accepts any text. What an author most likely got wrong
//! (a table row with the wrong number of cells, a table without its delimiter line, raw HTML) is
//! reported as a [`MarkdownIssue`] at a byte offset, which the loader turns into `path:line:col`.
//!
//! Nesting is bounded: pulldown-cmark itself parses a 10,000-level block quote or list without
//! recursing, but turning it into nested blocks here, making them inert, drawing them and even
//! dropping them would each recurse once per level (a stack overflow at about 3,000 levels, and
//! a 2,000-level list laid out at every width took seconds and most of a gigabyte). So the
//! converter counts its depth and, past [`MAX_NESTING`], skips the element without recursing and
//! reports it: no deeper tree is ever built, and the loader refuses the lesson.

use std::iter::Peekable;

pub use super::blocks::*;

use pulldown_cmark::{
    CodeBlockKind, Event, HeadingLevel, OffsetIter, Options, Parser, Tag, TagEnd,
};

use super::table_quiz;
/// How deeply block quotes, lists, links and images may nest in a lesson. The course needs three;
/// the rest is room for authors. Not more, because drawing costs grow with the square of the
/// depth (each level prefixes every line inside it): measured on a release build, a 1 MB paragraph
/// inside 8 quotes lays out at 80 columns in 60 ms and at 20 in 0.5 s; inside 16, in 0.2 s and 6 s.
pub const MAX_NESTING: usize = 8;

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
        depth: 0,
        too_deep: false,
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
    /// Quotes, lists, links and images open around the current event.
    depth: usize,
    /// Whether the document went past [`MAX_NESTING`] (reported once: one place is enough).
    too_deep: bool,
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
                    if self.enter(range.start) {
                        let inner = self.blocks_until(Some(TagEnd::BlockQuote(kind)));
                        self.depth -= 1;
                        blocks.push(quote(inner));
                    }
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
                Event::Start(Tag::List(start)) => {
                    if self.enter(range.start) {
                        let list = self.list(start);
                        self.depth -= 1;
                        blocks.push(list);
                    }
                }
                Event::Start(Tag::Table(alignments)) => {
                    let alignments = alignments.into_iter().map(table::align).collect();
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
                other => self.inline_event(other, range.start, &mut loose),
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

    fn inlines_until(&mut self, end: TagEnd) -> Vec<Inline> {
        let mut inlines = Vec::new();
        while let Some((event, range)) = self.events.next() {
            match event {
                Event::End(tag) if tag == end => break,
                other => self.inline_event(other, range.start, &mut inlines),
            }
        }
        inlines
    }

    /// One inline event; `offset` is where it starts in the source.
    fn inline_event(&mut self, event: Event<'_>, offset: usize, out: &mut Vec<Inline>) {
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
                if !self.enter(offset) {
                    return;
                }
                self.style.link += 1;
                let text = self.inlines_until(TagEnd::Link);
                self.style.link -= 1;
                self.depth -= 1;
                let shown = plain_text(&text);
                out.extend(text);
                // Links are shown as text: the address follows unless the text already is it.
                if !dest_url.is_empty() && shown != *dest_url {
                    push_text(out, &format!(" <{dest_url}>"), self.style.current(false));
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                if !self.enter(offset) {
                    return;
                }
                let alt = plain_text(&self.inlines_until(TagEnd::Image));
                self.depth -= 1;
                push_text(out, &format!("[image: {alt} <{dest_url}>]"), style);
            }
            Event::TaskListMarker(done) => {
                push_text(out, if done { "[x] " } else { "[ ] " }, style)
            }
            _ => {}
        }
    }

    /// Enters one more level of nesting for an element whose start tag was just read, or, past
    /// [`MAX_NESTING`], skips the whole element without recursing (and says so, once). The
    /// caller leaves the level with `self.depth -= 1` once the element is converted.
    #[must_use]
    fn enter(&mut self, offset: usize) -> bool {
        if self.depth < MAX_NESTING {
            self.depth += 1;
            return true;
        }
        if !self.too_deep {
            self.too_deep = true;
            self.issue(
                offset,
                &format!(
                    "nested too deeply: block quotes, lists, links and images may nest {MAX_NESTING} levels, and this one is level {}; flatten this part of the lesson",
                    MAX_NESTING + 1
                ),
            );
        }
        // pulldown-cmark's events are balanced: the element ends where the count of open tags
        // returns to zero.
        let mut open = 1_usize;
        for (event, _) in self.events.by_ref() {
            match event {
                Event::Start(_) => open += 1,
                Event::End(_) if open == 1 => break,
                Event::End(_) => open -= 1,
                _ => {}
            }
        }
        false
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

mod table;

#[cfg(test)]
mod tests;
