//! What is wrong with a course, and where: `path:line:col: message`.

use std::fmt;

use crate::inert::visible;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    /// 1-based line and column; `None` when the problem is the file as a whole.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

/// Inert text: a problem quotes the author's ids, references and file names, and whoever prints
/// it (`validate`, the start-up error) must not pass an escape sequence on to the terminal. What
/// would drive the terminal is shown as escapes (`\u{1b}`), so the author sees what to fix.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = visible(&self.path);
        let message = visible(&self.message);
        match self.position {
            Some((line, col)) => write!(f, "{path}:{line}:{col}: {message}"),
            None => write!(f, "{path}: {message}"),
        }
    }
}

/// Every problem found in a course; the course does not load while there is one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

/// The 1-based line and column (in characters) of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let before = source.get(..offset).unwrap_or(source);
    // Bytes, not chars: the loader locates every item this way, and a byte count vectorises.
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before
        .bytes()
        .rposition(|b| b == b'\n')
        .map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// Where the `nth` (0-based) occurrence of `"text"` as a quoted string sits in a RON source.
pub fn find_string(source: &str, text: &str, nth: usize) -> Option<(usize, usize)> {
    let quoted = format!("{text:?}");
    source
        .match_indices(&quoted)
        .nth(nth)
        .map(|(offset, _)| line_col(source, offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let source = "ab\ncé d";
        assert_eq!(line_col(source, 0), (1, 1));
        assert_eq!(line_col(source, 3), (2, 1));
        assert_eq!(line_col(source, source.find('d').unwrap()), (2, 4));
    }

    #[test]
    fn a_problem_prints_as_path_line_col() {
        let problem = Problem {
            path: "c/course.ron".into(),
            position: Some((3, 7)),
            message: "m".into(),
        };
        assert_eq!(problem.to_string(), "c/course.ron:3:7: m");
    }

    #[test]
    fn a_problem_prints_inert() {
        let problem = Problem {
            path: "c\u{1b}]0;title\u{7}/q.ron".into(),
            position: Some((1, 2)),
            message: "`see` names `a#\u{1b}]52;c;ZWNobw==\u{7}` \u{9b}2J".into(),
        };
        let problems = Problems(vec![problem.clone(), problem]);
        let line =
            r"c\u{1b}]0;title\u{7}/q.ron:1:2: `see` names `a#\u{1b}]52;c;ZWNobw==\u{7}` \u{9b}2J";
        assert_eq!(problems.to_string(), format!("{line}\n{line}"));
    }

    #[test]
    fn strings_are_found_by_occurrence() {
        let source = "(id: \"a\"),\n(id: \"a\")";
        assert_eq!(find_string(source, "a", 0), Some((1, 6)));
        assert_eq!(find_string(source, "a", 1), Some((2, 6)));
        assert_eq!(find_string(source, "b", 0), None);
    }
}
