//! Comparing table cells for generated questions: when a cell's value tells its row (or column)
//! apart from the other choices, and which choices to offer. See `generate.rs` for the rules.

use std::collections::HashSet;

/// More choices than this make a table question a reading exercise.
pub(crate) const MAX_CHOICES: usize = 4;

/// Whether a cell can be asked about: it has content, does not name its answer, and its value
/// appears in no other choice's cell — not as the same value, and not inside it as whole words
/// ("250" inside "That of its IP mode (250 on overlay)", "Azure CNI" inside "Kubenet, Azure CNI,
/// Overlay"), since a learner could rightly pick that choice too.
pub(crate) fn askable<'a>(
    cell: &str,
    answer_label: &str,
    others: impl Iterator<Item = &'a String>,
) -> bool {
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
pub(crate) fn words(text: &str) -> Vec<String> {
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

pub(crate) fn contains_run(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty()
        && haystack
            .windows(needle.len())
            .any(|window| window == needle)
}

/// The answer and up to three distractors nearest to it in the table, in table order. Returns
/// the options and the answer's index among them.
pub(crate) fn choices(
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

pub(crate) fn all_distinct<'a>(texts: impl Iterator<Item = &'a String>) -> bool {
    let mut seen = HashSet::new();
    texts.map(|text| core(text)).all(|text| seen.insert(text))
}

/// A cell's value for comparison: lowercase, parenthesised remarks removed, whitespace collapsed.
/// If nothing is left outside parentheses, the whole text is the value.
pub(crate) fn core(text: &str) -> String {
    crate::content::table_quiz::brief(text).to_lowercase()
}
