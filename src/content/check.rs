//! The rules a course must keep beyond its file syntax: ids well-formed and unique, references that
//! resolve, questions that can be answered. Also tidies long text (indentation, blank ends).

use std::collections::{HashMap, HashSet};

use super::model::{InterviewItem, Lab, LabKind, Question, Topic};
use super::problem::{Problem, find_string};
use super::source::CourseSource;

mod answers;
mod debug;
mod scenario;
use answers::answer_problem;
pub use debug::debug_scenario;
pub use scenario::netpol_scenario;

type Position = Option<(usize, usize)>;

/// Where a message points: the `nth` quoted occurrence of `needle` in a file. Found only when a
/// problem is reported: a course without problems never spends its load time looking for
/// positions (which was a third of it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spot {
    path: String,
    needle: String,
    nth: usize,
}

pub struct Checker<'a> {
    source: &'a dyn CourseSource,
    problems: Vec<Problem>,
    /// Ids seen per kind, with where they were first defined.
    ids: HashMap<(&'static str, String), Spot>,
    references: Vec<(Spot, String)>,
    /// How many times each (file, target) has been referenced so far, to find the next one.
    reference_counts: HashMap<(String, String), usize>,
    /// The text of every file checked, for positions found after the file has been read.
    texts: HashMap<String, String>,
}

impl<'a> Checker<'a> {
    pub fn new(source: &'a dyn CourseSource) -> Self {
        Self {
            source,
            problems: Vec::new(),
            ids: HashMap::new(),
            references: Vec::new(),
            reference_counts: HashMap::new(),
            texts: HashMap::new(),
        }
    }

    /// Where the `nth` occurrence of `needle` is in `path`, remembering the file's text.
    fn spot(&mut self, path: &str, text: &str, needle: &str, nth: usize) -> Spot {
        if !self.texts.contains_key(path) {
            self.texts.insert(path.to_string(), text.to_string());
        }
        Spot {
            path: path.to_string(),
            needle: needle.to_string(),
            nth,
        }
    }

    fn position(&self, spot: &Spot) -> Position {
        self.texts
            .get(&spot.path)
            .and_then(|text| find_string(text, &spot.needle, spot.nth))
    }

    pub fn course_fields(&mut self, text: &str, id: &str, title: &str) {
        let at = self.id("course", "course.ron", text, id, 0);
        self.non_empty(&at, "the course", "title", title);
    }

    pub fn topic(&mut self, text: &str, id: &str, title: &str) {
        let at = self.id("topic", "course.ron", text, id, 0);
        self.non_empty(&at, &format!("topic `{id}`"), "title", title);
    }

    pub fn lesson(&mut self, text: &str, id: &str, title: &str) {
        // A topic and its lesson often share an id, hence the first lesson-id occurrence after it.
        let nth = usize::from(self.ids.contains_key(&("topic", id.to_string())));
        let at = self.id("lesson", "course.ron", text, id, nth);
        self.non_empty(&at, &format!("lesson `{id}`"), "title", title);
    }

    pub fn finish(mut self, topics: &[Topic]) -> Vec<Problem> {
        let mut anchors: HashMap<&str, HashSet<&str>> = HashMap::new();
        for lesson in topics.iter().flat_map(|t| &t.lessons) {
            let set = anchors.entry(lesson.id.as_str()).or_default();
            set.extend(lesson.technical.anchors());
            if let Some(eli5) = &lesson.eli5 {
                set.extend(eli5.anchors());
            }
        }
        for (spot, target) in std::mem::take(&mut self.references) {
            let (lesson, anchor) = match target.split_once('#') {
                Some((lesson, anchor)) => (lesson, Some(anchor)),
                None => (target.as_str(), None),
            };
            let declared = self.ids.contains_key(&("lesson", lesson.to_string()));
            let message = match (anchors.get(lesson), anchor) {
                // A lesson that failed to load has been reported already.
                (None, _) if declared => continue,
                (None, _) => {
                    format!("`see` names lesson `{lesson}`, which the course does not have")
                }
                (Some(set), Some(anchor)) if !set.contains(anchor) => {
                    format!("`see` names section `{anchor}`, which lesson `{lesson}` does not have")
                }
                _ => continue,
            };
            self.report(&spot, message);
        }
        self.problems
    }

    fn id(&mut self, kind: &'static str, path: &str, text: &str, id: &str, nth: usize) -> Spot {
        let at = self.spot(path, text, id, nth);
        if !is_valid_id(id) {
            self.report(
                &at,
                format!("{kind} id `{id}` must be lowercase letters, digits and single `-`"),
            );
        }
        self.define(kind, id, at.clone(), |first| {
            format!("duplicate {kind} id `{id}` (first defined at {first})")
        });
        at
    }

    /// Keeps the first definition of an id of a kind; a second one is reported with `message`,
    /// given where the first one is.
    fn define(
        &mut self,
        kind: &'static str,
        id: &str,
        at: Spot,
        message: impl FnOnce(&str) -> String,
    ) {
        match self.ids.get(&(kind, id.to_string())) {
            Some(first) => {
                let first = self.describe(first);
                self.report(&at, message(&first));
            }
            None => {
                self.ids.insert((kind, id.to_string()), at);
            }
        }
    }

    /// `path:line:col` of a spot, for messages that point at a second place.
    fn describe(&self, spot: &Spot) -> String {
        let path = self.source.display_path(&spot.path);
        match self.position(spot) {
            Some((line, col)) => format!("{path}:{line}:{col}"),
            None => path,
        }
    }

    fn reference(&mut self, path: &str, text: &str, target: &str) {
        // A count kept per (file, target): scanning every earlier reference made a course of
        // thousands of questions load in quadratic time.
        let count = self
            .reference_counts
            .entry((path.to_string(), target.to_string()))
            .or_default();
        let earlier = *count;
        *count += 1;
        let spot = self.spot(path, text, target, earlier);
        self.references.push((spot, target.to_string()));
    }

    fn non_empty(&mut self, at: &Spot, what: &str, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.report(at, format!("{what} has an empty `{field}`"));
        }
    }

    fn report(&mut self, at: &Spot, message: String) {
        let position = self.position(at);
        self.report_at(&at.path.clone(), position, message);
    }

    /// A problem at a position already known (or at the file as a whole).
    fn report_at(&mut self, path: &str, position: Position, message: String) {
        self.problems.push(Problem {
            path: self.source.display_path(path),
            position,
            message,
        });
    }
}

pub fn lab(checker: &mut Checker, path: &str, text: &str, lab: &mut Lab, nth: usize) {
    let at = checker.id("lab", path, text, &lab.id, nth);
    let what = format!("lab `{}`", lab.id);
    checker.non_empty(&at, &what, "title", &lab.title);
    if lab.steps.is_empty() {
        checker.report(&at, format!("{what} has no steps"));
    }
    if lab.kind == LabKind::Debugging && lab.symptom.as_deref().is_none_or(|s| s.trim().is_empty())
    {
        checker.report(
            &at,
            format!("{what} is a Debugging lab and needs a `symptom`"),
        );
    }
    if let Some(see) = &lab.see {
        checker.reference(path, text, see);
    }
    let mut step_ids = HashSet::new();
    for step in &mut lab.steps {
        let step_at = checker.spot(path, text, &step.id, 0);
        if !is_valid_id(&step.id) {
            let message = format!(
                "step id `{}` must be lowercase letters, digits and single `-`",
                step.id
            );
            checker.report(&step_at, message);
        }
        if !step_ids.insert(step.id.clone()) {
            checker.report(
                &step_at,
                format!("duplicate step id `{}` in {what}", step.id),
            );
        }
        checker.non_empty(
            &step_at,
            &format!("step `{}`", step.id),
            "title",
            &step.title,
        );
        for text in [
            &mut step.command,
            &mut step.expected,
            &mut step.look_for,
            &mut lab.symptom,
        ]
        .into_iter()
        .flatten()
        {
            *text = tidy(text);
        }
        step.purpose = tidy(&step.purpose);
        if let Some(file) = &mut step.file {
            file.text = tidy(&file.text);
        }
    }
    lab.intro = tidy(&lab.intro);
}

pub fn question(
    checker: &mut Checker,
    path: &str,
    text: &str,
    question: &mut Question,
    nth: usize,
) {
    let at = checker.id("question", path, text, &question.id, nth);
    let what = format!("question `{}`", question.id);
    checker.non_empty(&at, &what, "prompt", &question.prompt);
    checker.non_empty(&at, &what, "explanation", &question.explanation);
    checker.reference(path, text, &question.see);
    question.prompt = tidy(&question.prompt);
    question.explanation = tidy(&question.explanation);
    if let Some(message) = answer_problem(&question.kind) {
        checker.report(&at, format!("{what}: {message}"));
    }
}

pub fn interview(
    checker: &mut Checker,
    path: &str,
    text: &str,
    item: &mut InterviewItem,
    nth: usize,
) {
    let at = checker.id("interview item", path, text, &item.id, nth);
    let what = format!("interview item `{}`", item.id);
    checker.non_empty(&at, &what, "question", &item.question);
    checker.non_empty(&at, &what, "answer", &item.answer);
    if item.key_points.is_empty() {
        checker.report(&at, format!("{what} needs at least one key point"));
    }
    if let Some(see) = &item.see {
        checker.reference(path, text, see);
    }
    item.question = tidy(&item.question);
    item.answer = tidy(&item.answer);
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// Removes the blank lines at either end, trailing spaces, and the indentation every line shares,
/// so long text can be indented along with the RON around it.
pub fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let first = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let last = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(first, |i| i + 1);
    let lines = &lines[first..last];
    let indent = lines
        .iter()
        .filter(|l| !l.is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    lines
        .iter()
        .map(|l| l.get(indent..).unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_removes_shared_indentation_and_blank_ends() {
        assert_eq!(tidy("\n    a:\n      b\n\n    c\n  "), "a:\n  b\n\nc");
    }

    #[test]
    fn ids_are_kebab_case() {
        assert!(is_valid_id("q-ip-planning-2"));
        for bad in ["", "Q1", "a--b", "-a", "a-", "a_b", "a b"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }
}
