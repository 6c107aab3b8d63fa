//! Opening screens: what the command line asks to start in, what the home and topic menus open,
//! and "continue where you left off".

use std::time::{Duration, Instant};

use super::exam::ExamScreen;
use super::home::{HomeEntry, home_entries};
use super::interview::{InterviewScreen, rehearsals};
use super::lab::LabScreen;
use super::lesson::LessonScreen;
use super::netpol_lab::NetpolLabScreen;
use super::quiz::QuizScreen;
use super::screens::{Screen, TopicEntry, TopicScreen};
use super::sizing::SizingScreen;
use super::stats::StatsScreen;
use super::{App, fresh_seed};
use crate::content::Level;
use crate::progress::mastery::review_queue;
use crate::progress::{ItemKind, Mode, Place, Timestamp};
use crate::quiz::{MockExam, QuizRequest, QuizSession, questions_by_id};

/// Where the TUI opens: the subcommands `sizing`, `quiz`, ... start in their mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    Home,
    /// The lesson section or lab step saved as the resume point.
    Continue,
    /// The questions due for spaced review.
    Review,
    /// A quiz on one topic that leaves the review schedule alone.
    Cram {
        topic: String,
    },
    Stats,
    Sizing {
        seed: Option<u64>,
    },
    Quiz(QuizRequest),
    Interview {
        level: Option<Level>,
        time_limit: Option<Duration>,
    },
    Exam {
        request: QuizRequest,
        time_limit: Option<Duration>,
    },
}

/// Review brings back what is due within this many minutes, so a missed question returns in the
/// same sitting once its short learning step has passed.
pub const REVIEW_WINDOW_MINUTES: i64 = 10;

impl App {
    /// Opens the screen the command line (or a menu) asks for; a request that cannot be met (an
    /// unknown topic, say) is an error to print.
    pub fn start(&mut self, start: Start) -> Result<(), String> {
        let screen = match start {
            Start::Home => return Ok(()),
            Start::Continue => return self.resume(),
            Start::Review => {
                let due = review_queue(
                    &self.course,
                    self.store.progress(),
                    Timestamp::now(),
                    REVIEW_WINDOW_MINUTES,
                );
                let ids: Vec<&str> = due
                    .iter()
                    .filter(|d| d.kind == ItemKind::Question)
                    .map(|d| d.id.as_str())
                    .collect();
                let questions = questions_by_id(&self.course, &ids, fresh_seed());
                if questions.is_empty() {
                    return Err("Nothing is due for review: answer some questions in a quiz first, or come back later.".into());
                }
                let mut quiz =
                    QuizScreen::new(QuizSession::from_questions(fresh_seed(), questions));
                quiz.mode = Mode::Review;
                Screen::Quiz(Box::new(quiz))
            }
            Start::Cram { topic } => {
                let request = QuizRequest {
                    topic: Some(topic),
                    include_table_questions: true,
                    ..QuizRequest::default()
                };
                let session =
                    QuizSession::new(&self.course, &request).map_err(|e| e.to_string())?;
                let mut quiz = QuizScreen::new(session);
                quiz.mode = Mode::Cram;
                Screen::Quiz(Box::new(quiz))
            }
            Start::Stats => Screen::Stats(Box::new(StatsScreen::new(
                &self.course,
                self.store.progress(),
            ))),
            Start::Sizing { seed } => {
                Screen::Sizing(Box::new(SizingScreen::new(seed.unwrap_or_else(fresh_seed))))
            }
            Start::Quiz(request) => {
                let session =
                    QuizSession::new(&self.course, &request).map_err(|e| e.to_string())?;
                Screen::Quiz(Box::new(QuizScreen::new(session)))
            }
            Start::Exam {
                request,
                time_limit,
            } => {
                let exam = MockExam::new(&self.course, &request).map_err(|e| e.to_string())?;
                Screen::Exam(Box::new(ExamScreen::new(exam, time_limit, Instant::now())))
            }
            Start::Interview { level, time_limit } => {
                let items = rehearsals(&self.course, level);
                Screen::Interview(Box::new(InterviewScreen::new(
                    items,
                    time_limit,
                    Instant::now(),
                )))
            }
        };
        self.open(screen);
        Ok(())
    }

    /// Starts a mode chosen in a menu; what cannot start is said in the footer.
    pub(super) fn start_from_menu(&mut self, start: Start) {
        if let Err(message) = self.start(start) {
            self.status = Some(message);
        }
    }

    pub(super) fn open_selected(&mut self) {
        let next = match self.screen() {
            Screen::Home(list) => {
                match home_entries(&self.course, self.store.progress()).get(list.selected) {
                    Some(HomeEntry::Continue) => return self.start_from_menu(Start::Continue),
                    Some(HomeEntry::Topic(topic)) => Some(Screen::Topic(TopicScreen::new(*topic))),
                    Some(HomeEntry::Practice(practice)) => {
                        return self.start_from_menu(practice.start());
                    }
                    None => None,
                }
            }
            Screen::Topic(topic) => {
                let topic_id = self.course.topics[topic.topic].id.clone();
                match topic.entries(&self.course).get(topic.list.selected) {
                    Some(TopicEntry::Lesson(lesson)) => {
                        Some(Screen::Lesson(LessonScreen::new(topic.topic, *lesson)))
                    }
                    Some(TopicEntry::Lab(lab)) => {
                        Some(Screen::Lab(LabScreen::new(topic.topic, *lab)))
                    }
                    Some(TopicEntry::NetpolLab(index)) => {
                        match NetpolLabScreen::open(&self.course, topic.topic, *index) {
                            Ok(lab) => Some(Screen::NetpolLab(Box::new(lab))),
                            Err(message) => {
                                self.status = Some(message);
                                None
                            }
                        }
                    }
                    Some(TopicEntry::Quiz) => {
                        let request = QuizRequest {
                            topic: Some(topic_id),
                            include_table_questions: true,
                            ..QuizRequest::default()
                        };
                        return self.start_from_menu(Start::Quiz(request));
                    }
                    Some(TopicEntry::Cram) => {
                        return self.start_from_menu(Start::Cram { topic: topic_id });
                    }
                    None => None,
                }
            }
            _ => None,
        };
        if let Some(screen) = next {
            self.open(screen);
        }
    }

    /// Reopens the saved lesson section or lab step.
    fn resume(&mut self) -> Result<(), String> {
        let place = self.store.progress().resume.as_ref().map(|r| r.place());
        let screen = match place {
            Some(Place::Lesson { lesson, section }) => {
                let reference = match section {
                    Some(anchor) => format!("{lesson}#{anchor}"),
                    None => lesson.to_string(),
                };
                LessonScreen::at_reference(&self.course, &reference).map(Screen::Lesson)
            }
            Some(Place::Lab { lab, step }) => {
                LabScreen::at(&self.course, lab, step).map(Screen::Lab)
            }
            _ => None,
        };
        let screen =
            screen.ok_or("There is no place to continue from yet: open a lesson or a lab.")?;
        self.open(screen);
        Ok(())
    }
}
