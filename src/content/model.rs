//! The course as the app sees it: plain data, loaded and checked by `load`, drawn by `ui`.

use serde::Deserialize;

use super::debug_scenario::DebugScenario;
use super::markdown::Block;
use super::scenario::{NetpolQuestion, NetpolScenario};

/// The version of the course format this build reads.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq)]
pub struct Course {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub topics: Vec<Topic>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Topic {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub lessons: Vec<Lesson>,
    pub labs: Vec<Lab>,
    pub questions: Vec<Question>,
    pub interview: Vec<InterviewItem>,
    /// "Allowed or denied?" scenarios, in the order the topic lists them.
    pub netpol: Vec<NetpolScenario>,
    /// Debugging labs to play, in the order the topic lists them.
    pub debug: Vec<DebugScenario>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    pub id: String,
    pub title: String,
    pub technical: Document,
    pub eli5: Option<Document>,
}

/// One markdown file turned into blocks, with the path it came from (for messages).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    pub path: String,
    pub blocks: Vec<Block>,
}

impl Document {
    /// The anchors of the document's headings, in order.
    pub fn anchors(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Heading { anchor, .. } => Some(anchor.as_str()),
            _ => None,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum LabKind {
    HandsOn,
    Debugging,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lab {
    pub id: String,
    pub title: String,
    pub kind: LabKind,
    #[serde(default)]
    pub symptom: Option<String>,
    #[serde(default)]
    pub intro: String,
    #[serde(default)]
    pub see: Option<String>,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub purpose: String,
    #[serde(default)]
    pub file: Option<StepFile>,
    #[serde(default)]
    pub command: Option<String>,
    #[serde(default)]
    pub expected: Option<String>,
    #[serde(default)]
    pub look_for: Option<String>,
}

/// A file the learner saves before running a step's command (a manifest, usually).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename = "File", deny_unknown_fields)]
pub struct StepFile {
    pub name: String,
    #[serde(default)]
    pub language: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub prompt: String,
    pub kind: QuestionKind,
    pub explanation: String,
    pub see: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub enum QuestionKind {
    SingleChoice {
        options: Vec<String>,
        answer: usize,
    },
    MultiSelect {
        options: Vec<String>,
        answers: Vec<usize>,
    },
    TrueFalse {
        answer: bool,
    },
    Number {
        answer: u64,
    },
    Cidr {
        answer: String,
    },
    Word {
        accepted: Vec<String>,
    },
    Ordering {
        items: Vec<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub enum Level {
    Beginner,
    Intermediate,
    Scenario,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterviewItem {
    pub id: String,
    pub level: Level,
    pub question: String,
    pub answer: String,
    pub key_points: Vec<KeyPoint>,
    #[serde(default)]
    pub hints: Vec<String>,
    #[serde(default)]
    pub see: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyPoint {
    pub text: String,
    #[serde(default)]
    pub keywords: Vec<String>,
}

impl Course {
    pub fn lessons(&self) -> impl Iterator<Item = &Lesson> {
        self.topics.iter().flat_map(|topic| &topic.lessons)
    }

    pub fn labs(&self) -> impl Iterator<Item = &Lab> {
        self.topics.iter().flat_map(|topic| &topic.labs)
    }

    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.topics.iter().flat_map(|topic| &topic.questions)
    }

    pub fn interview_items(&self) -> impl Iterator<Item = &InterviewItem> {
        self.topics.iter().flat_map(|topic| &topic.interview)
    }

    pub fn netpol_scenarios(&self) -> impl Iterator<Item = &NetpolScenario> {
        self.topics.iter().flat_map(|topic| &topic.netpol)
    }

    pub fn debug_scenarios(&self) -> impl Iterator<Item = &DebugScenario> {
        self.topics.iter().flat_map(|topic| &topic.debug)
    }

    /// Every connection of every scenario: each is a prediction progress keeps.
    pub fn netpol_questions(&self) -> impl Iterator<Item = &NetpolQuestion> {
        self.netpol_scenarios()
            .flat_map(|scenario| &scenario.questions)
    }

    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        self.lessons().find(|lesson| lesson.id == id)
    }

    /// "Lesson title › Section title" for a `see` reference (`lesson-id` or `lesson-id#anchor`);
    /// `None` when the course has no such lesson.
    pub fn describe_reference(&self, reference: &str) -> Option<String> {
        let (lesson_id, anchor) = reference.split_once('#').unwrap_or((reference, ""));
        let lesson = self.lesson(lesson_id)?;
        Some(match lesson.section_title(anchor) {
            Some(section) => format!("{} › {section}", lesson.title),
            None => lesson.title.clone(),
        })
    }
}

impl Lesson {
    /// The text of the heading with this anchor, in either version of the lesson.
    pub fn section_title(&self, anchor: &str) -> Option<&str> {
        self.technical
            .blocks
            .iter()
            .chain(self.eli5.iter().flat_map(|d| &d.blocks))
            .find_map(|block| match block {
                Block::Heading {
                    text, anchor: a, ..
                } if a == anchor => Some(text.as_str()),
                _ => None,
            })
    }
}
