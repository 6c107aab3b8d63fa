//! The words of a table question: its prompt (the author's phrasing from the table-quiz comment,
//! or one derived from the header) and its explanation (the answer's row in context, and the
//! lesson's own sentence about it, so the "why" teaches rather than recites the row).

use crate::content::Lesson;
use crate::content::markdown::{Block, Callout, Inline, TableQuiz, plain_text};

use super::table_cells::{contains_run, core, words};

/// Longer sentences are paragraphs in disguise; they would swamp the feedback.
const MAX_SENTENCE: usize = 320;

/// The question for a property's cell: the author's phrasing, else one built from the header
/// ("Usable in Azure: 251. Which prefix is that?"), which reads as a question, not a lookup.
pub(crate) fn prompt(quiz: Option<&TableQuiz>, property: &str, cell: &str, noun: &str) -> String {
    quiz.and_then(|quiz| quiz.question(property, cell))
        .unwrap_or_else(|| format!("{property}: {}. Which {noun} is that?", cell.trim()))
}

/// What the explanation says, in order.
pub(crate) struct Explanation<'a> {
    /// "In the table under “…”".
    pub place: String,
    /// The answer's name.
    pub answer: &'a str,
    /// The answer's facts ("Pod IP source: VNet subnet").
    pub facts: Vec<String>,
    /// The other choices and their cells, to compare with.
    pub others: Vec<String>,
    /// The lesson's sentence about it, if one was found.
    pub sentence: Option<String>,
}

impl Explanation<'_> {
    pub(crate) fn text(&self) -> String {
        let mut text = format!(
            "{}, {} is the one with {}.",
            self.place,
            self.answer,
            self.facts.join("; ")
        );
        if !self.others.is_empty() {
            text.push_str(&format!(" The others: {}.", self.others.join("; ")));
        }
        if let Some(sentence) = &self.sentence {
            text.push_str(&format!(" The lesson: “{sentence}”"));
        }
        text
    }
}

/// A sentence of the lesson that may explain a table question, read once per lesson.
pub(crate) struct LessonSentence {
    text: String,
    words: Vec<String>,
    /// The bold words its passage starts with, as compared ("pod ip source").
    lead: Option<String>,
}

/// The lesson's sentences that may be quoted: not too long, not a tip (about the tool, not the
/// facts), not the claim a correction opens with.
pub(crate) fn lesson_sentences(lesson: &Lesson) -> Vec<LessonSentence> {
    let mut passages = Vec::new();
    collect_passages(&lesson.technical.blocks, &mut passages);
    let mut quotable = Vec::new();
    for passage in passages {
        if passage.text.starts_with("Tip:") {
            continue;
        }
        let lead = passage.lead.as_deref().map(core);
        for (index, sentence) in sentences(&passage.text).into_iter().enumerate() {
            // A correction opens with the claim it corrects, often quoted: never the lesson's word.
            let claim = passage.correction && (index == 0 || sentence.contains('"'));
            if !claim && sentence.len() <= MAX_SENTENCE {
                quotable.push(LessonSentence {
                    words: words(&sentence),
                    text: sentence,
                    lead: lead.clone(),
                });
            }
        }
    }
    quotable
}

/// The sentence of the lesson that best says why: one that names the answer and the property
/// (or the value), preferring a passage that starts with the property in bold ("**Pod IP
/// source**: with a flat network (Azure CNI) pods get real VNet addresses.").
pub(crate) fn lesson_sentence(
    sentences: &[LessonSentence],
    property: &str,
    answer: &str,
    value: &str,
) -> Option<String> {
    let answer_words = words(&core(answer));
    let property_core = core(property);
    let property_words = significant(&words(&property_core));
    let value_words = words(&core(value));
    let mut best: Option<(u32, &str)> = None;
    for sentence in sentences {
        if !contains_run(&sentence.words, &answer_words) {
            continue;
        }
        let about_property = sentence.lead.as_ref() == Some(&property_core);
        // Two thirds of the property's words: "usable" and "azure" for "Usable in Azure".
        let named = property_words
            .iter()
            .filter(|word| sentence.words.contains(word))
            .count();
        let names_property = !property_words.is_empty() && named * 3 >= property_words.len() * 2;
        if !about_property && !names_property {
            continue;
        }
        let score = 4 * u32::from(about_property)
            + 2 * u32::from(names_property)
            + u32::from(contains_run(&sentence.words, &value_words));
        if best.is_none_or(|(top, _)| score > top) {
            best = Some((score, &sentence.text));
        }
    }
    best.map(|(_, sentence)| sentence.to_string())
}

/// The words that carry meaning: no short linking words ("in", "of", "per").
fn significant(words: &[String]) -> Vec<String> {
    const LINKING: &[&str] = &["the", "and", "for", "per", "you", "can", "set", "its"];
    words
        .iter()
        .filter(|word| word.len() >= 3 && !LINKING.contains(&word.as_str()))
        .cloned()
        .collect()
}

/// A paragraph or list item of the lesson.
struct Passage {
    /// Its leading bold words ("Pod IP source" in "**Pod IP source**: with …").
    lead: Option<String>,
    text: String,
    /// In a correction callout, which starts with the wrong claim.
    correction: bool,
}

/// The lesson's paragraphs and list items, in reading order.
fn collect_passages(blocks: &[Block], out: &mut Vec<Passage>) {
    for block in blocks {
        match block {
            Block::Paragraph(inlines) => out.push(Passage {
                lead: lead(inlines),
                text: plain_text(inlines),
                correction: false,
            }),
            Block::List { items, .. } => items.iter().for_each(|item| collect_passages(item, out)),
            Block::Quote { callout, blocks } => {
                let start = out.len();
                collect_passages(blocks, out);
                for passage in &mut out[start..] {
                    passage.correction = *callout == Callout::Correction;
                }
            }
            _ => {}
        }
    }
}

fn lead(inlines: &[Inline]) -> Option<String> {
    inlines
        .first()
        .filter(|inline| inline.style.strong)
        .map(|inline| inline.text.clone())
}

/// Splits prose at ". ", "? " or "! " before a capital, a digit or an opening quote, so "e.g. a"
/// and "10.244.0.0" stay whole.
fn sentences(text: &str) -> Vec<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = text.chars().collect();
    let mut sentences = Vec::new();
    let mut current = String::new();
    for (index, &ch) in chars.iter().enumerate() {
        current.push(ch);
        let ends = matches!(ch, '.' | '?' | '!')
            && chars.get(index + 1) == Some(&' ')
            && chars
                .get(index + 2)
                .is_some_and(|next| next.is_uppercase() || next.is_ascii_digit() || *next == '“');
        if ends {
            sentences.push(current.trim().to_string());
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        sentences.push(current.trim().to_string());
    }
    sentences
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_at_full_stops_only() {
        assert_eq!(
            sentences("Pods get 10.244.0.0 addresses, e.g. on kubenet. Overlay too! 5 nodes."),
            [
                "Pods get 10.244.0.0 addresses, e.g. on kubenet.",
                "Overlay too!",
                "5 nodes."
            ]
        );
    }
}
