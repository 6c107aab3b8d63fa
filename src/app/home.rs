//! What the home screen offers: where to continue, the topics, then the practice modes.

use super::Start;
use crate::content::Course;
use crate::progress::{Place, Progress};
use crate::quiz::QuizRequest;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HomeEntry {
    /// Back to the lesson section or lab step the learner left.
    Continue,
    Topic(usize),
    Practice(Practice),
}

/// A way to practise, offered under the topics on the home screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Practice {
    Review,
    Quiz,
    Interview,
    Exam,
    Sizing,
    Stats,
}

impl Practice {
    pub const ALL: [Practice; 6] = [
        Practice::Review,
        Practice::Quiz,
        Practice::Interview,
        Practice::Exam,
        Practice::Sizing,
        Practice::Stats,
    ];

    /// The exam the menu offers: 20 questions, 90 seconds each.
    pub const EXAM_QUESTIONS: usize = 20;

    /// How the mode starts from the menu: the command line's defaults.
    pub fn start(self) -> Start {
        match self {
            Practice::Review => Start::Review,
            Practice::Quiz => Start::Quiz(QuizRequest {
                count: Some(10),
                include_table_questions: true,
                ..QuizRequest::default()
            }),
            Practice::Interview => Start::Interview {
                level: None,
                time_limit: None,
            },
            Practice::Exam => Start::Exam {
                request: QuizRequest {
                    count: Some(Self::EXAM_QUESTIONS),
                    ..QuizRequest::default()
                },
                time_limit: Some(exam_time(Self::EXAM_QUESTIONS)),
            },
            Practice::Sizing => Start::Sizing { seed: None },
            Practice::Stats => Start::Stats,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Practice::Review => "Review: questions due",
            Practice::Quiz => "Practice: quiz",
            Practice::Interview => "Practice: interview rehearsal",
            Practice::Exam => "Practice: mock exam",
            Practice::Sizing => "Practice: sizing exercises",
            Practice::Stats => "Stats: mastery, history, streak",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Practice::Review => "Spaced review of what you have answered before",
            Practice::Quiz => "Ten questions from the whole course, with feedback after each",
            Practice::Interview => "Answer in your own words, then compare with the model answer",
            Practice::Exam => {
                "20 mixed questions in 30 minutes; results and weak topics at the end"
            }
            Practice::Sizing => "Generated IP-sizing problems with worked solutions",
            Practice::Stats => "Mastery per topic, scores over time, due reviews, time spent",
        }
    }
}

/// The default time for an exam: 90 seconds a question.
pub fn exam_time(questions: usize) -> std::time::Duration {
    std::time::Duration::from_secs(90 * questions as u64)
}

pub fn home_entries(course: &Course, progress: &Progress) -> Vec<HomeEntry> {
    let resume = resume_title(course, progress).map(|_| HomeEntry::Continue);
    resume
        .into_iter()
        .chain((0..course.topics.len()).map(HomeEntry::Topic))
        .chain(Practice::ALL.map(HomeEntry::Practice))
        .collect()
}

/// "Lesson title › Section" for the saved resume point, when it still exists in the course.
pub fn resume_title(course: &Course, progress: &Progress) -> Option<String> {
    match progress.resume.as_ref()?.place() {
        Place::Lesson { lesson, section } => {
            course.describe_reference(&format!("{lesson}#{}", section.unwrap_or_default()))
        }
        Place::Lab { lab, .. } => course
            .labs()
            .find(|l| l.id == lab)
            .map(|l| format!("Lab: {}", l.title)),
        _ => None,
    }
}
