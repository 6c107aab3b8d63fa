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
//! 4. Two words also match when they share a stem: one is the other with a common English ending
//!    (+s, +es, +ed, +ing; +d and e→ing after an "e": "route": "routed", "routing"; y→ies and
//!    y→ied: "policy": "policies"), or both come to the same stem once one such ending, a final
//!    "y" and a final "e" are cut ("discovery" = "discovers", "resolves" = "resolved"). Only for
//!    words with a letter in them, so "400" does not match "400s", and a stem keeps at least three
//!    letters, so "router" is still not "route".
//! 5. A keyword's word may list synonyms the content gives, separated by `|`: the keyword
//!    "discover|resolve" matches "discovers" and "resolves"; "dns server|resolver" matches "DNS
//!    resolver". The synonyms are the content's, per keyword, so a match stays explainable.
//!
//! A key point is touched when any of its keywords matches; [`key_point_matches`] also says which
//! of the answer's words matched, as the learner wrote them, so the screen can show them.

use crate::content::{InterviewItem, KeyPoint};

/// Whether the answer touches the key point (any of its keywords matches).
pub fn touched(answer: &str, point: &KeyPoint) -> bool {
    !matched_keywords(answer, point).is_empty()
}

/// The key point's keywords that the answer matches, in the key point's order.
pub fn matched_keywords<'p>(answer: &str, point: &'p KeyPoint) -> Vec<&'p str> {
    let answer_words = words(answer);
    point
        .keywords
        .iter()
        .filter(|keyword| find_phrase(&answer_words, &keyword_words(keyword)).is_some())
        .map(String::as_str)
        .collect()
}

/// The answer's words that matched the key point's keywords, as the learner wrote them (a phrase
/// keyword gives the words in a row, joined by a space), each once, in the keywords' order:
/// "touched because you wrote ‘resolves’".
pub fn matched_words(answer: &str, point: &KeyPoint) -> Vec<String> {
    let answer_words = words(answer);
    let mut found: Vec<String> = Vec::new();
    for keyword in &point.keywords {
        let phrase = keyword_words(keyword);
        if let Some(start) = find_phrase(&answer_words, &phrase) {
            let written: Vec<&str> = answer_words[start..start + phrase.len()]
                .iter()
                .map(|word| word.written.as_str())
                .collect();
            let written = written.join(" ");
            if !found.contains(&written) {
                found.push(written);
            }
        }
    }
    found
}

/// A keyword as a reader sees it: its synonyms joined by " / " instead of `|`.
pub fn display_keyword(keyword: &str) -> String {
    keyword.replace('|', " / ")
}

/// One key point with what the answer matched (empty: not touched).
#[derive(Debug, Clone, PartialEq)]
pub struct PointMatch<'p> {
    pub point: &'p KeyPoint,
    /// The answer's words that matched, as written (see [`matched_words`]).
    pub matched: Vec<String>,
    /// The key point's keywords they matched (see [`matched_keywords`]).
    pub keywords: Vec<&'p str>,
}

impl PointMatch<'_> {
    pub fn touched(&self) -> bool {
        !self.keywords.is_empty()
    }
}

/// Every key point of an interview item, each with what the answer matched: the reveal screen's
/// list, in the item's order.
pub fn key_point_matches<'p>(answer: &str, item: &'p InterviewItem) -> Vec<PointMatch<'p>> {
    item.key_points
        .iter()
        .map(|point| PointMatch {
            point,
            matched: matched_words(answer, point),
            keywords: matched_keywords(answer, point),
        })
        .collect()
}

/// One word of an answer: as written (for showing) and lowercased (for matching).
#[derive(Debug, Clone, PartialEq)]
struct Word {
    written: String,
    lower: String,
}

/// Words as the module comment describes, keeping how each was written.
fn words(text: &str) -> Vec<Word> {
    let chars: Vec<char> = text.chars().collect();
    let mut cleaned = String::with_capacity(chars.len());
    let mut index = 0;
    while index < chars.len() {
        let ch = chars[index];
        let next = chars.get(index + 1).copied();
        let after = chars.get(index + 2).copied();
        if ch == '\'' || ch == '’' {
            let ending = matches!(next.map(|c| c.to_ascii_lowercase()), Some('s' | 'd'))
                && !after.is_some_and(char::is_alphanumeric);
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
        .map(|word| Word {
            written: word.to_string(),
            lower: word.to_lowercase(),
        })
        .collect()
}

/// A keyword's words, each with its synonyms (the `|` alternatives), lowercased.
fn keyword_words(keyword: &str) -> Vec<Vec<String>> {
    // Split on whitespace first so `|` joins alternatives of one word, then cut each alternative
    // into words as an answer is cut ("max-pods|maxpods" is two words then one).
    let mut phrase: Vec<Vec<String>> = Vec::new();
    for token in keyword.split_whitespace() {
        let alternatives: Vec<Vec<Word>> = token
            .split('|')
            .map(words)
            .filter(|alternative| !alternative.is_empty())
            .collect();
        match alternatives.as_slice() {
            [] => {}
            [only] => phrase.extend(only.iter().map(|word| vec![word.lower.clone()])),
            several => {
                // Synonyms stand for one word; an alternative that is several words ("look-up")
                // is kept as one by joining, matched against one answer word.
                phrase.push(
                    several
                        .iter()
                        .map(|alternative| {
                            alternative
                                .iter()
                                .map(|word| word.lower.as_str())
                                .collect::<String>()
                        })
                        .collect(),
                );
            }
        }
    }
    phrase
}

/// Where the phrase first matches the answer's words in a row.
fn find_phrase(answer: &[Word], phrase: &[Vec<String>]) -> Option<usize> {
    if phrase.is_empty() || phrase.len() > answer.len() {
        return None;
    }
    answer.windows(phrase.len()).position(|window| {
        window.iter().zip(phrase).all(|(word, synonyms)| {
            synonyms
                .iter()
                .any(|keyword| same_word(&word.lower, keyword))
        })
    })
}

/// Equal, or the same word with a common English ending (rule 4).
fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if !short.chars().any(char::is_alphabetic) {
        return false;
    }
    let ending_added = match long.strip_prefix(short) {
        Some(ending) => {
            matches!(ending, "s" | "es" | "ed" | "ing") || (short.ends_with('e') && ending == "d")
        }
        None => stem_changes(short, long),
    };
    ending_added || stem(a) == stem(b)
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

/// The shortest letters must keep after an ending is cut, so short words keep their meaning.
const MIN_STEM: usize = 3;

/// A light stem: one common ending cut, then a final "y", then a final "e" ("discovery" →
/// "discover", "resolves" → "resolv", "policies" → "polic"). Never below three characters, and
/// only while a letter is left, so numbers stay numbers.
fn stem(word: &str) -> String {
    let keeps =
        |rest: &str| rest.chars().count() >= MIN_STEM && rest.chars().any(char::is_alphabetic);
    let mut stem = word.to_string();
    for (ending, replacement) in [
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ] {
        if let Some(rest) = stem.strip_suffix(ending)
            && keeps(rest)
        {
            stem = format!("{rest}{replacement}");
            break;
        }
    }
    for letter in ['y', 'e'] {
        if let Some(rest) = stem.strip_suffix(letter)
            && keeps(rest)
        {
            stem = rest.to_string();
        }
    }
    stem
}

#[cfg(test)]
#[path = "keypoints_tests.rs"]
mod tests;
