//! Answers and questions in words, for feedback lines and the exam review: what the learner
//! answered, what the right answer is, and small formatting helpers shared by the quiz engine.

use crate::content::QuestionKind;

use super::grade::Answer;

/// Text in curly quotes, as feedback shows learner and option text.
pub fn quoted(text: &str) -> String {
    format!("“{text}”")
}

/// 1581 → "1,581".
pub fn format_thousands(number: u64) -> String {
    crate::sizing::cidr::group_thousands(number)
}

/// A score from 0 to 1 as a whole percentage: 0.5 → "50%".
pub fn percent(score: f32) -> String {
    format!("{:.0}%", score * 100.0)
}

/// "a single-choice question", for messages about mismatched answers.
pub fn kind_name(kind: &QuestionKind) -> &'static str {
    match kind {
        QuestionKind::SingleChoice { .. } => "a single-choice question",
        QuestionKind::MultiSelect { .. } => "a multiple-select question",
        QuestionKind::TrueFalse { .. } => "a true/false question",
        QuestionKind::Number { .. } => "a typed-number question",
        QuestionKind::Cidr { .. } => "a typed-CIDR question",
        QuestionKind::Word { .. } => "a typed-word question",
        QuestionKind::Ordering { .. } => "an ordering question",
    }
}

/// The right answer in words: the option's text, the number, the CIDR, the steps in order.
pub fn right_answer_text(kind: &QuestionKind) -> String {
    match kind {
        QuestionKind::SingleChoice { options, answer } => option(options, *answer),
        QuestionKind::MultiSelect { options, answers } => options_list(options, answers),
        QuestionKind::TrueFalse { answer } => answer.to_string(),
        QuestionKind::Number { answer } => format_thousands(*answer),
        QuestionKind::Cidr { answer } => answer.trim().to_string(),
        QuestionKind::Word { accepted } => accepted.first().cloned().unwrap_or_default(),
        QuestionKind::Ordering { items } => numbered(items, &(0..items.len()).collect::<Vec<_>>()),
    }
}

/// What the learner answered, in words, for the exam review. `None` reads "(no answer)".
pub fn answer_text(kind: &QuestionKind, answer: Option<&Answer>) -> String {
    let Some(answer) = answer else {
        return "(no answer)".to_string();
    };
    match (kind, answer) {
        (QuestionKind::SingleChoice { options, .. }, Answer::Choice(index)) => {
            option(options, *index)
        }
        (QuestionKind::MultiSelect { options, .. }, Answer::Choices(indexes)) => {
            if indexes.is_empty() {
                "(nothing chosen)".to_string()
            } else {
                options_list(options, indexes)
            }
        }
        (QuestionKind::Ordering { items }, Answer::Order(order)) => numbered(items, order),
        (_, Answer::Bool(value)) => value.to_string(),
        (_, Answer::Text(text)) if text.trim().is_empty() => "(no answer)".to_string(),
        (_, Answer::Text(text)) => text.trim().to_string(),
        (_, Answer::Choice(index)) => format!("option {}", index.saturating_add(1)),
        (_, Answer::Choices(indexes)) | (_, Answer::Order(indexes)) => indexes
            .iter()
            .map(|index| (index.saturating_add(1)).to_string())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn option(options: &[String], index: usize) -> String {
    options
        .get(index)
        .cloned()
        .unwrap_or_else(|| format!("option {}", index.saturating_add(1)))
}

fn options_list(options: &[String], indexes: &[usize]) -> String {
    let mut sorted = indexes.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    sorted
        .iter()
        .map(|&index| option(options, index))
        .collect::<Vec<_>>()
        .join("; ")
}

fn numbered(items: &[String], order: &[usize]) -> String {
    order
        .iter()
        .enumerate()
        .map(|(position, &index)| format!("{}. {}", position + 1, option(items, index)))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped_in_threes() {
        assert_eq!(format_thousands(0), "0");
        assert_eq!(format_thousands(341), "341");
        assert_eq!(format_thousands(1581), "1,581");
        assert_eq!(format_thousands(65536), "65,536");
        assert_eq!(format_thousands(1_000_000), "1,000,000");
    }

    #[test]
    fn right_answers_read_as_text() {
        let kind = QuestionKind::MultiSelect {
            options: vec!["a".into(), "b".into(), "c".into()],
            answers: vec![2, 0],
        };
        assert_eq!(right_answer_text(&kind), "a; c");
        let kind = QuestionKind::Ordering {
            items: vec!["first".into(), "second".into()],
        };
        assert_eq!(right_answer_text(&kind), "1. first\n2. second");
        assert_eq!(
            answer_text(&kind, Some(&Answer::Order(vec![1, 0]))),
            "1. second\n2. first"
        );
        assert_eq!(answer_text(&kind, None), "(no answer)");
    }
}
