//! Which key points of an interview item a typed answer touched (F8). A guide for the learner,
//! not a verdict, so the match is simple enough to explain on screen:
//!
//! 1. The answer and each keyword are lowercased and cut into words: runs of letters and digits.
//!    Everything else separates words, so punctuation never matters ("max-pods" = "max pods",
//!    "/24" = "24"). Three exceptions keep words whole: a `'s` or `'d` ending is dropped
//!    ("node's" = "node", "NAT'd" = "nat"), other apostrophes are removed ("can't" = "cant"),
//!    and a comma between digits is a thousands separator ("5,000" = "5000").
//! 2. A keyword of one word matches a whole word of the answer, never part of one: "l4" does not
//!    match "l47", "nat" does not match "alternative".
//! 3. A keyword of several words matches the same words in a row ("route table" does not match
//!    "table of routes").
//! 4. Two words also match when one is the other with a common English ending: +s, +es, +ed,
//!    +ing; +d and e→ing after an "e" ("route": "routed", "routing"); y→ies and y→ied ("policy":
//!    "policies"). Only for words with a letter in them, so "400" does not match "400s".
//!
//! A key point is touched when any of its keywords matches.

use crate::content::{InterviewItem, KeyPoint};

/// Whether the answer touches the key point (any of its keywords matches).
pub fn touched(answer: &str, point: &KeyPoint) -> bool {
    !matched_keywords(answer, point).is_empty()
}

/// The key point's keywords that the answer matches, in the key point's order, to show
/// "touched because you wrote ‘NAT’".
pub fn matched_keywords<'p>(answer: &str, point: &'p KeyPoint) -> Vec<&'p str> {
    let answer_words = words(answer);
    point
        .keywords
        .iter()
        .filter(|keyword| contains_phrase(&answer_words, &words(keyword)))
        .map(String::as_str)
        .collect()
}

/// One key point with the keywords the answer matched (empty: not touched).
#[derive(Debug, Clone, PartialEq)]
pub struct PointMatch<'p> {
    pub point: &'p KeyPoint,
    pub matched: Vec<&'p str>,
}

impl PointMatch<'_> {
    pub fn touched(&self) -> bool {
        !self.matched.is_empty()
    }
}

/// Every key point of an interview item, each with what the answer matched: the reveal screen's
/// list, in the item's order.
pub fn key_point_matches<'p>(answer: &str, item: &'p InterviewItem) -> Vec<PointMatch<'p>> {
    item.key_points
        .iter()
        .map(|point| PointMatch {
            point,
            matched: matched_keywords(answer, point),
        })
        .collect()
}

/// Lowercase words as the module comment describes.
fn words(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.to_lowercase().chars().collect();
    let mut cleaned = String::with_capacity(chars.len());
    let mut index = 0;
    while index < chars.len() {
        let ch = chars[index];
        let next = chars.get(index + 1).copied();
        let after = chars.get(index + 2).copied();
        if ch == '\'' || ch == '’' {
            let ending =
                matches!(next, Some('s' | 'd')) && !after.is_some_and(char::is_alphanumeric);
            // Skip the apostrophe, and its `s` or `d` when that ends the word.
            index += if ending { 2 } else { 1 };
            continue;
        }
        let thousands = ch == ','
            && index > 0
            && chars[index - 1].is_ascii_digit()
            && next.is_some_and(|c| c.is_ascii_digit());
        if !thousands {
            cleaned.push(ch);
        }
        index += 1;
    }
    cleaned
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_string)
        .collect()
}

fn contains_phrase(answer: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty()
        && answer.windows(phrase.len()).any(|window| {
            window
                .iter()
                .zip(phrase)
                .all(|(word, keyword)| same_word(word, keyword))
        })
}

/// Equal, or one is the other with a common English ending.
fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if !short.chars().any(char::is_alphabetic) {
        return false;
    }
    let Some(ending) = long.strip_prefix(short) else {
        return stem_changes(short, long);
    };
    matches!(ending, "s" | "es" | "ed" | "ing") || (short.ends_with('e') && ending == "d")
}

/// Endings that change the stem's last letter: route → routing, policy → policies, deny → denied.
fn stem_changes(short: &str, long: &str) -> bool {
    if let Some(stem) = short.strip_suffix('e') {
        return long.strip_prefix(stem) == Some("ing");
    }
    if let Some(stem) = short.strip_suffix('y') {
        return matches!(long.strip_prefix(stem), Some("ies" | "ied"));
    }
    false
}

#[cfg(test)]
#[path = "keypoints_tests.rs"]
mod tests;
