//! Where the learner left off (a lesson section, a lab step, a screen), for "continue where you
//! left off". Interrupted quizzes, reviews and exams are kept separately, with their answers, as
//! [`super::sitting::Sitting`]s.

use serde::{Deserialize, Serialize};

use super::time::Timestamp;

/// Where the learner left off, for "continue where you left off".
///
/// A string-typed record rather than an enum on purpose: screens will be added, and an enum
/// variant written by a newer build would make an older build reject the whole file. Here an
/// unknown `screen` is simply a resume point this build cannot offer ([`Resume::place`] returns
/// [`Place::Unknown`]), and the rest of the progress still loads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resume {
    /// `lesson`, `lab`, `quiz`, `review`, `interview`, `exam`, `sizing`, or a newer screen.
    pub screen: String,
    /// The lesson, lab or topic id; empty where the screen has none.
    #[serde(default)]
    pub id: String,
    /// A lesson's section anchor, a lab's step id, an interview level.
    #[serde(default)]
    pub detail: Option<String>,
    pub at: Timestamp,
}

/// A [`Resume`] read back as something the app can open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place<'a> {
    Lesson {
        lesson: &'a str,
        section: Option<&'a str>,
    },
    Lab {
        lab: &'a str,
        step: Option<&'a str>,
    },
    /// A quiz, on a topic or (empty id) on the whole course.
    Quiz {
        topic: Option<&'a str>,
    },
    Review,
    Interview {
        level: Option<&'a str>,
    },
    Exam,
    Sizing,
    /// Written by a newer build, or edited by hand.
    Unknown,
}

impl Resume {
    pub fn new(place: Place<'_>, at: Timestamp) -> Self {
        let (screen, id, detail) = match place {
            Place::Lesson { lesson, section } => ("lesson", lesson, section),
            Place::Lab { lab, step } => ("lab", lab, step),
            Place::Quiz { topic } => ("quiz", topic.unwrap_or(""), None),
            Place::Review => ("review", "", None),
            Place::Interview { level } => ("interview", "", level),
            Place::Exam => ("exam", "", None),
            Place::Sizing => ("sizing", "", None),
            Place::Unknown => ("unknown", "", None),
        };
        Self {
            screen: screen.to_string(),
            id: id.to_string(),
            detail: detail.map(str::to_string),
            at,
        }
    }

    pub fn place(&self) -> Place<'_> {
        let id = (!self.id.is_empty()).then_some(self.id.as_str());
        let detail = self.detail.as_deref();
        match (self.screen.as_str(), id) {
            ("lesson", Some(lesson)) => Place::Lesson {
                lesson,
                section: detail,
            },
            ("lab", Some(lab)) => Place::Lab { lab, step: detail },
            ("quiz", topic) => Place::Quiz { topic },
            ("review", _) => Place::Review,
            ("interview", _) => Place::Interview { level: detail },
            ("exam", _) => Place::Exam,
            ("sizing", _) => Place::Sizing,
            _ => Place::Unknown,
        }
    }
}
