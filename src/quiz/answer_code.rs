//! An answer written as a short line of text and read back, so an exam kept in progress (its
//! sitting) can be resumed with the answers given: `choice 2`, `choices 0 2`, `bool true`,
//! `order 2 0 1`, `text 10.0.0.0/16`. Indexes are the question's original ones.

use super::grade::Answer;

pub fn encode(answer: &Answer) -> String {
    let list = |items: &[usize]| {
        items
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    };
    match answer {
        Answer::Choice(index) => format!("choice {index}"),
        Answer::Choices(indexes) => format!("choices {}", list(indexes)).trim_end().to_string(),
        Answer::Bool(value) => format!("bool {value}"),
        Answer::Order(order) => format!("order {}", list(order)).trim_end().to_string(),
        Answer::Text(text) => format!("text {text}"),
    }
}

/// The answer `encode` wrote; `None` for anything else (a file edited by hand, say).
pub fn decode(code: &str) -> Option<Answer> {
    let (kind, rest) = code.split_once(' ').unwrap_or((code, ""));
    let list =
        || -> Option<Vec<usize>> { rest.split_whitespace().map(|n| n.parse().ok()).collect() };
    match kind {
        "choice" => rest.parse().ok().map(Answer::Choice),
        "choices" => list().map(Answer::Choices),
        "bool" => rest.parse().ok().map(Answer::Bool),
        "order" => list().map(Answer::Order),
        "text" => Some(Answer::Text(rest.to_string())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_answer_reads_back_as_written() {
        for answer in [
            Answer::Choice(2),
            Answer::Choices(vec![0, 2]),
            Answer::Choices(vec![]),
            Answer::Bool(false),
            Answer::Order(vec![2, 0, 1]),
            Answer::Text("10.0.0.0/16".into()),
            Answer::Text("two words".into()),
        ] {
            assert_eq!(decode(&encode(&answer)), Some(answer.clone()), "{answer:?}");
        }
        assert_eq!(decode("nonsense 3"), None);
        assert_eq!(decode("choice x"), None);
    }
}
