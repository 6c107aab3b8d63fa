//! A topic's screen: its lessons, labs, policy labs and debugging labs, then a quiz and cram on its questions.

mod view;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::lab::LabScreen;
use super::lesson::LessonScreen;
use super::netpol_lab::NetpolLabScreen;
use super::{Chrome, Context, Reaction, Screen, ScreenState, Start};
use crate::content::Course;
use crate::input::keys::{BACK, FIND, LIST};
use crate::input::{Action, Keymap};
use crate::quiz::QuizRequest;
use crate::ui::menu::ListState;

const KEYS: Keymap = Keymap::new("Topic", &[LIST, FIND, BACK]);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopicEntry {
    Lesson(usize),
    Lab(usize),
    /// An "allowed or denied?" network policy scenario.
    NetpolLab(usize),
    /// A debugging lab to play.
    DebugLab(usize),
    /// A quiz on the topic's questions (only when it has some).
    Quiz,
    /// The same questions without touching the review schedule.
    Cram,
    /// Interview rehearsal on the topic's items.
    Interview,
}

pub struct TopicScreen {
    pub topic: usize,
    pub list: ListState,
}

impl TopicScreen {
    pub fn new(topic: usize) -> Self {
        Self {
            topic,
            list: ListState::default(),
        }
    }

    /// Lessons first, then labs and network policy scenarios, as a topic is studied.
    pub fn entries(&self, course: &Course) -> Vec<TopicEntry> {
        let topic = &course.topics[self.topic];
        let mut practice = if topic.questions.is_empty() {
            vec![]
        } else {
            vec![TopicEntry::Quiz, TopicEntry::Cram]
        };
        if !topic.interview.is_empty() {
            practice.push(TopicEntry::Interview);
        }
        (0..topic.lessons.len())
            .map(TopicEntry::Lesson)
            .chain((0..topic.labs.len()).map(TopicEntry::Lab))
            .chain((0..topic.netpol.len()).map(TopicEntry::NetpolLab))
            .chain((0..topic.debug.len()).map(TopicEntry::DebugLab))
            .chain(practice)
            .collect()
    }
}

impl ScreenState for TopicScreen {
    fn keymap(&self) -> Keymap {
        KEYS
    }

    fn act(&mut self, action: Action, cx: &Context) -> Reaction {
        let entries = self.entries(cx.course);
        if action != Action::Open {
            self.list.navigate(action, entries.len());
            return Reaction::none();
        }
        let topic_id = cx.course.topics[self.topic].id.clone();
        match entries.get(self.list.selected) {
            Some(TopicEntry::Lesson(lesson)) => Reaction::open(Screen::Lesson(Box::new(
                LessonScreen::new(self.topic, *lesson),
            ))),
            Some(TopicEntry::Lab(lab)) => {
                Reaction::open(Screen::Lab(Box::new(LabScreen::new(self.topic, *lab))))
            }
            Some(TopicEntry::NetpolLab(index)) => {
                match NetpolLabScreen::open(cx.course, self.topic, *index) {
                    Ok(lab) => Reaction::open(Screen::NetpolLab(Box::new(lab))),
                    Err(message) => Reaction::message(message),
                }
            }
            Some(TopicEntry::DebugLab(index)) => Reaction::start(Start::Debug {
                scenario: Some(cx.course.topics[self.topic].debug[*index].id.clone()),
                seed: None,
            }),
            Some(TopicEntry::Quiz) => Reaction::start(Start::Quiz(QuizRequest {
                topic: Some(topic_id),
                include_table_questions: true,
                ..QuizRequest::default()
            })),
            Some(TopicEntry::Cram) => Reaction::start(Start::Cram { topic: topic_id }),
            Some(TopicEntry::Interview) => Reaction::start(Start::Interview {
                level: None,
                topic: Some(topic_id),
                time_limit: None,
            }),
            None => Reaction::none(),
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Context) -> Chrome {
        view::draw_topic(frame, area, cx, self);
        Chrome::new([cx.course.topics[self.topic].title.clone()])
    }
}
