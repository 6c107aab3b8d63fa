//! Loads a course from a [`CourseSource`]: reads `course.ron` and every file it names, turns the
//! markdown into blocks and the RON into items, and collects every problem with its position.

use std::collections::HashMap;

use ron::extensions::Extensions;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::check::{self, Checker};
use super::debug_scenario::DebugScenario;
use super::inert::make_inert;
use super::markdown;
use super::model::{Course, Document, FORMAT_VERSION, InterviewItem, Lab, Lesson, Question, Topic};
use super::problem::{Problem, Problems, find_string, line_col};
use super::scenario::NetpolScenario;
use super::source::CourseSource;
use crate::inert::sanitize;

pub const COURSE_FILE: &str = "course.ron";

#[derive(Deserialize)]
#[serde(rename = "Course", deny_unknown_fields)]
struct CourseFile {
    #[serde(rename = "format_version")]
    _format_version: u32,
    id: String,
    title: String,
    #[serde(default)]
    summary: String,
    topics: Vec<TopicFile>,
}

/// Read before the whole file, so that a newer course gets "unknown version", not a field error.
#[derive(Deserialize)]
#[serde(rename = "Course")]
struct VersionProbe {
    format_version: u32,
}

#[derive(Deserialize)]
#[serde(rename = "Topic", deny_unknown_fields)]
struct TopicFile {
    id: String,
    title: String,
    #[serde(default)]
    summary: String,
    lessons: Vec<LessonFile>,
    #[serde(default)]
    labs: Vec<String>,
    #[serde(default)]
    questions: Vec<String>,
    #[serde(default)]
    interview: Vec<String>,
    #[serde(default)]
    netpol: Vec<String>,
    #[serde(default)]
    debug: Vec<String>,
}

#[derive(Deserialize)]
#[serde(rename = "Lesson", deny_unknown_fields)]
struct LessonFile {
    id: String,
    title: String,
    file: String,
    #[serde(default)]
    eli5: Option<String>,
}

/// Loads and checks a whole course; any problem means no course.
pub fn load(source: &dyn CourseSource) -> Result<Course, Problems> {
    let mut loader = Loader {
        source,
        problems: Vec::new(),
    };
    let course = loader.load();
    match course {
        Some(course) if loader.problems.is_empty() => Ok(course),
        _ => Err(Problems(loader.problems)),
    }
}

struct Loader<'a> {
    source: &'a dyn CourseSource,
    problems: Vec<Problem>,
}

impl Loader<'_> {
    fn load(&mut self) -> Option<Course> {
        let text = self.read(COURSE_FILE, None)?;
        let probe: VersionProbe = self.parse_ron(COURSE_FILE, &text)?;
        if probe.format_version != FORMAT_VERSION {
            let at = text
                .find("format_version")
                .map(|offset| line_col(&text, offset));
            self.problem(
                COURSE_FILE,
                at,
                format!(
                    "unknown format_version {}: this aks-tutor reads version {FORMAT_VERSION}; use a newer aks-tutor for this course",
                    probe.format_version
                ),
            );
            return None;
        }
        let file: CourseFile = self.parse_ron(COURSE_FILE, &text)?;
        let mut checker = Checker::new(self.source);
        checker.course_fields(&text, &file.id, &file.title);
        for topic in &file.topics {
            checker.topic(&text, &topic.id, &topic.title);
            for lesson in &topic.lessons {
                checker.lesson(&text, &lesson.id, &lesson.title);
            }
        }

        // The lessons' markdown is read and parsed on a second thread while this one reads the
        // RON items: the two are most of the load, and start-up has a budget of a few ms.
        let document_paths: Vec<&str> = file
            .topics
            .iter()
            .flat_map(|t| &t.lessons)
            .flat_map(|l| std::iter::once(l.file.as_str()).chain(l.eli5.as_deref()))
            .collect();
        let source = self.source;
        let (mut documents, mut topics, item_problems) = std::thread::scope(|scope| {
            let parsing = scope.spawn(|| {
                document_paths
                    .iter()
                    .map(|path| (path.to_string(), parse_document(source, path)))
                    .collect::<HashMap<String, ParsedDocument>>()
            });
            let first_item_problem = self.problems.len();
            let topics: Vec<Topic> = file
                .topics
                .iter()
                .map(|topic_file| {
                    if topic_file.lessons.is_empty() {
                        let at = find_string(&text, &topic_file.id, 0);
                        self.problem(
                            COURSE_FILE,
                            at,
                            format!("topic `{}` has no lessons", topic_file.id),
                        );
                    }
                    Topic {
                        id: topic_file.id.clone(),
                        title: topic_file.title.clone(),
                        summary: topic_file.summary.clone(),
                        lessons: Vec::new(),
                        labs: self.items::<Lab>(&text, &topic_file.labs, &mut checker, check::lab),
                        questions: self.items::<Question>(
                            &text,
                            &topic_file.questions,
                            &mut checker,
                            check::question,
                        ),
                        interview: self.items::<InterviewItem>(
                            &text,
                            &topic_file.interview,
                            &mut checker,
                            check::interview,
                        ),
                        netpol: self.items::<NetpolScenario>(
                            &text,
                            &topic_file.netpol,
                            &mut checker,
                            check::netpol_scenario,
                        ),
                        debug: self.items::<DebugScenario>(
                            &text,
                            &topic_file.debug,
                            &mut checker,
                            check::debug_scenario,
                        ),
                    }
                })
                .collect();
            let item_problems = self.problems.split_off(first_item_problem);
            // A panic in the parser is a bug to surface, not to hide.
            let documents = parsing
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (documents, topics, item_problems)
        });
        // Lessons come first in the messages, as they come first in the course.
        for (topic, topic_file) in topics.iter_mut().zip(&file.topics) {
            topic.lessons = topic_file
                .lessons
                .iter()
                .filter_map(|lesson| self.lesson(&text, lesson, &mut documents))
                .collect();
        }
        self.problems.extend(item_problems);
        self.problems.extend(checker.finish(&topics));
        let mut course = Course {
            id: file.id,
            title: file.title,
            summary: file.summary,
            topics,
        };
        // Parsing decodes RON escapes and markdown references, which can make control characters.
        make_inert(&mut course);
        Some(course)
    }

    fn lesson(
        &mut self,
        course_text: &str,
        lesson: &LessonFile,
        documents: &mut HashMap<String, ParsedDocument>,
    ) -> Option<Lesson> {
        let technical = self.document(course_text, &lesson.file, documents);
        let eli5 = match &lesson.eli5 {
            Some(path) => Some(self.document(course_text, path, documents)?),
            None => None,
        };
        Some(Lesson {
            id: lesson.id.clone(),
            title: lesson.title.clone(),
            technical: technical?,
            eli5,
        })
    }

    /// A lesson file as parsed on the markdown thread; its problems are reported here, in order.
    fn document(
        &mut self,
        course_text: &str,
        path: &str,
        documents: &mut HashMap<String, ParsedDocument>,
    ) -> Option<Document> {
        let parsed = documents
            .remove(path)
            .unwrap_or_else(|| parse_document(self.source, path));
        let (text, blocks, issues) = match parsed {
            Ok(parsed) => parsed,
            Err(error) => {
                self.unreadable(path, Some(course_text), &error);
                return None;
            }
        };
        for issue in issues {
            self.problem(path, Some(line_col(&text, issue.offset)), issue.message);
        }
        Some(Document {
            path: path.to_string(),
            blocks,
        })
    }

    /// Loads the items of every file in `paths` (each file holds one item or a list of them).
    fn items<T: DeserializeOwned + ItemFile>(
        &mut self,
        course_text: &str,
        paths: &[String],
        checker: &mut Checker,
        check_item: fn(&mut Checker, &str, &str, &mut T, usize),
    ) -> Vec<T> {
        let mut items = Vec::new();
        for path in paths {
            let Some(text) = self.read(path, Some(course_text)) else {
                continue;
            };
            let Some(loaded) = T::parse(self, path, &text) else {
                continue;
            };
            let mut occurrences: HashMap<String, usize> = HashMap::new();
            for mut item in loaded {
                let nth = occurrences.entry(item.id().to_string()).or_default();
                check_item(checker, path, &text, &mut item, *nth);
                *nth += 1;
                items.push(item);
            }
        }
        items
    }

    /// Reads a file, sanitized. A file named in course.ron (`course_text`) that cannot be read
    /// is reported where course.ron names it.
    fn read(&mut self, path: &str, course_text: Option<&str>) -> Option<String> {
        match self.source.read(path) {
            Ok(text) => Some(sanitize(&text)),
            Err(error) => {
                self.unreadable(path, course_text, &error);
                None
            }
        }
    }

    fn unreadable(&mut self, path: &str, course_text: Option<&str>, error: &std::io::Error) {
        let (file, at, message) = match course_text {
            Some(course_text) => (
                COURSE_FILE,
                find_string(course_text, path, 0),
                format!("cannot read `{}`: {error}", self.source.display_path(path)),
            ),
            None => (path, None, format!("cannot read the course file: {error}")),
        };
        self.problem(file, at, message);
    }

    fn parse_ron<T: DeserializeOwned>(&mut self, path: &str, text: &str) -> Option<T> {
        let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
        match options.from_str::<T>(text) {
            Ok(value) => Some(value),
            Err(error) => {
                let at = (error.span.start.line, error.span.start.col);
                self.problem(path, Some(at), error.code.to_string());
                None
            }
        }
    }

    fn problem(&mut self, path: &str, position: Option<(usize, usize)>, message: String) {
        self.problems.push(Problem {
            path: self.source.display_path(path),
            position,
            message,
        });
    }
}

/// A lesson file read, sanitized and converted, or why it could not be read.
type ParsedDocument = std::io::Result<(String, Vec<markdown::Block>, Vec<markdown::MarkdownIssue>)>;

fn parse_document(source: &dyn CourseSource, path: &str) -> ParsedDocument {
    let text = sanitize(&source.read(path)?);
    let (blocks, issues) = markdown::parse(&text);
    Ok((text, blocks, issues))
}

/// A kind of item kept in its own RON files: one item, or a list of them.
trait ItemFile: Sized {
    fn id(&self) -> &str;
    fn parse(loader: &mut Loader<'_>, path: &str, text: &str) -> Option<Vec<Self>>;
}

impl ItemFile for Lab {
    fn id(&self) -> &str {
        &self.id
    }
    fn parse(loader: &mut Loader<'_>, path: &str, text: &str) -> Option<Vec<Self>> {
        loader.parse_ron::<Lab>(path, text).map(|lab| vec![lab])
    }
}

impl ItemFile for Question {
    fn id(&self) -> &str {
        &self.id
    }
    fn parse(loader: &mut Loader<'_>, path: &str, text: &str) -> Option<Vec<Self>> {
        loader.parse_ron(path, text)
    }
}

impl ItemFile for InterviewItem {
    fn id(&self) -> &str {
        &self.id
    }
    fn parse(loader: &mut Loader<'_>, path: &str, text: &str) -> Option<Vec<Self>> {
        loader.parse_ron(path, text)
    }
}

impl ItemFile for NetpolScenario {
    fn id(&self) -> &str {
        &self.id
    }
    /// One scenario per file; remembers where its manifests start, so that a YAML error found
    /// later (by `validate`, or when the lab opens) points into this file.
    fn parse(loader: &mut Loader<'_>, path: &str, text: &str) -> Option<Vec<Self>> {
        let mut scenario: NetpolScenario = loader.parse_ron(path, text)?;
        scenario.origin.path = loader.source.display_path(path);
        scenario.origin.manifests_at = (!scenario.manifests.is_empty())
            .then(|| text.find(&scenario.manifests))
            .flatten()
            .map(|offset| line_col(text, offset));
        Some(vec![scenario])
    }
}

impl ItemFile for DebugScenario {
    fn id(&self) -> &str {
        &self.id
    }
    /// One scenario per file.
    fn parse(loader: &mut Loader<'_>, path: &str, text: &str) -> Option<Vec<Self>> {
        loader
            .parse_ron::<DebugScenario>(path, text)
            .map(|scenario| vec![scenario])
    }
}
