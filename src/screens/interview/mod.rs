//! Interview rehearsal: a question, the learner's answer typed in a multi-line editor, hints
//! revealed one at a time, an optional countdown, then the model answer with its key points
//! (each marked as touched or not by the typed answer) and a self-grade.

mod view;

use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui_textarea::{TextArea, WrapMode};

use super::picker::{Choice, PickerScreen};
use super::{Chrome, Context, Reaction, Record, ScreenState, Start};
use crate::content::{Course, InterviewItem, Level};
use crate::input::keys::{BACK, SCROLL};
use crate::input::{Action, Binding, Keymap, Unbound, bind};
use crate::progress::{Grade, ItemKind, Mode, Outcome};
use crate::quiz::SelfGrade;
use crate::ui::scrolled::ScrolledDoc;

/// The answer editor: keys not listed here edit the answer.
#[rustfmt::skip]
const EDITOR: &[Binding] = &[
    bind(&[KeyCode::Tab], "Tab", "show the next hint", Action::NextHint),
    bind(&[], "Ctrl-D", "done: reveal the model answer", Action::Submit).hint("Ctrl-D reveal"),
    bind(&[KeyCode::F(1)], "F1", "this help (? is typed into the answer)", Action::Help).hint("F1 help"),
    bind(&[KeyCode::Esc], "Esc", "back (twice once you have typed: the answer is not kept)", Action::Back).hint("Esc back"),
    bind(&[], "arrows, Enter…", "edit the answer", Action::Edit(KeyEvent::new(KeyCode::Null, KeyModifiers::NONE))),
];

#[rustfmt::skip]
const GRADE: &[Binding] = &[
    bind(&[], "1 2 3 4", "grade yourself: again (asked again later), hard, good, easy", Action::Pick(0)).hint("1 again · 2 hard · 3 good · 4 easy"),
];

#[rustfmt::skip]
const DONE: &[Binding] = &[
    bind(&[KeyCode::Enter], "Enter", "back", Action::Submit).hint("Enter back"),
];

const ANSWERING: Keymap = Keymap::new("Interview rehearsal", &[EDITOR]).unbound(Unbound::Edit);
const GRADING: Keymap =
    Keymap::new("Interview rehearsal", &[GRADE, SCROLL, BACK]).unbound(Unbound::Pick(4));
const FINISHED: Keymap = Keymap::new("Interview rehearsal", &[DONE, SCROLL, BACK]);

/// An item to rehearse, with the title of the topic it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Rehearsal {
    pub item: InterviewItem,
    pub topic_id: String,
    pub topic_title: String,
}

/// The course's interview items at a level (all levels when `None`), easiest level first.
pub fn rehearsals(course: &Course, level: Option<Level>) -> Vec<Rehearsal> {
    let mut items: Vec<Rehearsal> = course
        .topics
        .iter()
        .flat_map(|topic| {
            topic.interview.iter().map(|item| Rehearsal {
                item: item.clone(),
                topic_id: topic.id.clone(),
                topic_title: topic.title.clone(),
            })
        })
        .filter(|r| level.is_none_or(|level| r.item.level == level))
        .collect();
    items.sort_by_key(|r| r.item.level);
    items
}

/// Home's question before a rehearsal: which level.
pub fn level_picker() -> PickerScreen {
    let choice = |name: &str, description: &str, level| Choice {
        name: name.to_string(),
        description: description.to_string(),
        start: Start::Interview {
            level,
            topic: None,
            time_limit: None,
        },
    };
    PickerScreen::new(
        "Interview rehearsal",
        "Interview rehearsal: which questions?",
        vec![
            choice("All levels", "easiest first", None),
            choice(
                "Beginner",
                "what things are and why they exist",
                Some(Level::Beginner),
            ),
            choice(
                "Intermediate",
                "how they work and how to choose",
                Some(Level::Intermediate),
            ),
            choice(
                "Scenario",
                "design and troubleshooting questions",
                Some(Level::Scenario),
            ),
        ],
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RehearsalPhase {
    Answering,
    Revealed,
    /// Every item has been graded.
    Finished,
}

pub struct InterviewScreen {
    pub items: Vec<Rehearsal>,
    pub index: usize,
    pub phase: RehearsalPhase,
    pub editor: TextArea<'static>,
    /// How many of the current item's hints are shown.
    pub hints_shown: usize,
    pub time_limit: Option<Duration>,
    /// When the current question's time runs out.
    pub deadline: Option<Instant>,
    /// The time at the last tick, for drawing the countdown without reading the clock.
    pub now: Instant,
    pub time_up: bool,
    /// The self-grade of each item, in the order they were graded.
    pub grades: Vec<(String, SelfGrade)>,
    pub doc: ScrolledDoc,
}

impl InterviewScreen {
    pub fn new(items: Vec<Rehearsal>, time_limit: Option<Duration>, now: Instant) -> Self {
        let mut screen = Self {
            items,
            index: 0,
            phase: RehearsalPhase::Answering,
            editor: new_editor(),
            hints_shown: 0,
            time_limit,
            deadline: None,
            now,
            time_up: false,
            grades: Vec::new(),
            doc: ScrolledDoc::default(),
        };
        screen.deadline = time_limit.map(|limit| now + limit);
        if screen.items.is_empty() {
            screen.phase = RehearsalPhase::Finished;
        }
        screen
    }

    pub fn current(&self) -> Option<&Rehearsal> {
        self.items.get(self.index)
    }

    /// Whether leaving now would throw away a typed answer.
    pub fn has_unsent_answer(&self) -> bool {
        self.phase == RehearsalPhase::Answering && !self.answer().trim().is_empty()
    }

    /// The learner's answer as typed.
    pub fn answer(&self) -> String {
        self.editor.lines().join("\n")
    }

    pub fn seconds_left(&self) -> Option<u64> {
        self.deadline
            .map(|deadline| deadline.saturating_duration_since(self.now).as_secs())
    }

    /// Whether the runtime should wake up to tick the countdown.
    fn act_now(&mut self, action: Action) -> Reaction {
        match (self.phase, action) {
            (RehearsalPhase::Answering, Action::Edit(key)) => {
                self.edit(key);
                Reaction::none()
            }
            (RehearsalPhase::Answering, Action::NextHint) => self.next_hint(),
            (RehearsalPhase::Answering, Action::Submit) => {
                self.reveal();
                Reaction::none()
            }
            (RehearsalPhase::Answering, Action::Tick(now)) => {
                self.now = now;
                if self.deadline.is_some_and(|deadline| now >= deadline) {
                    self.time_up = true;
                    self.reveal();
                    return Reaction::message("Time's up: here is the model answer.");
                }
                Reaction::none()
            }
            (RehearsalPhase::Revealed, Action::Pick(n @ 1..=4)) => {
                let grade = SelfGrade::ALL[usize::from(n) - 1];
                let mut records = Vec::new();
                if let Some(current) = self.current().cloned() {
                    let id = current.item.id.clone();
                    // "Again" means not yet: the question comes back later in this rehearsal.
                    if grade == SelfGrade::Again {
                        self.items.push(current);
                    }
                    self.grades.push((id.clone(), grade));
                    let outcome = Outcome::SelfGrade(progress_grade(grade));
                    records.push(Record::Answer {
                        kind: ItemKind::Interview,
                        id,
                        outcome,
                        mode: Mode::Interview,
                    });
                }
                self.next_item();
                Reaction::keep(records)
            }
            (RehearsalPhase::Finished, Action::Submit) => Reaction::close(),
            (RehearsalPhase::Revealed | RehearsalPhase::Finished, _) => {
                self.doc.scroll(action);
                Reaction::none()
            }
            _ => Reaction::none(),
        }
    }

    fn edit(&mut self, key: KeyEvent) {
        self.editor.input(key);
    }

    fn next_hint(&mut self) -> Reaction {
        let total = self.current().map_or(0, |r| r.item.hints.len());
        if self.hints_shown >= total {
            let message = if total == 0 {
                "This question has no hints."
            } else {
                "That was the last hint."
            };
            return Reaction::message(message);
        }
        self.hints_shown += 1;
        Reaction::none()
    }

    fn reveal(&mut self) {
        self.phase = RehearsalPhase::Revealed;
        self.doc.reset();
    }

    fn next_item(&mut self) {
        self.index += 1;
        self.editor = new_editor();
        self.hints_shown = 0;
        self.time_up = false;
        self.doc.reset();
        self.deadline = self.time_limit.map(|limit| self.now + limit);
        self.phase = if self.index < self.items.len() {
            RehearsalPhase::Answering
        } else {
            RehearsalPhase::Finished
        };
    }
}

impl ScreenState for InterviewScreen {
    fn keymap(&self) -> Keymap {
        match self.phase {
            RehearsalPhase::Answering => ANSWERING,
            RehearsalPhase::Revealed => GRADING,
            RehearsalPhase::Finished => FINISHED,
        }
    }

    fn act(&mut self, action: Action, _cx: &Context) -> Reaction {
        self.act_now(action)
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Context) -> Chrome {
        view::draw_interview(frame, area, cx, self)
    }

    fn wants_ticks(&self) -> bool {
        self.phase == RehearsalPhase::Answering && self.deadline.is_some()
    }

    fn leave_warning(&self) -> Option<&'static str> {
        self.has_unsent_answer()
            .then_some("Your answer is not kept if you leave (Ctrl-D reveals the model answer)")
    }
}

fn progress_grade(grade: SelfGrade) -> Grade {
    match grade {
        SelfGrade::Again => Grade::Again,
        SelfGrade::Hard => Grade::Hard,
        SelfGrade::Good => Grade::Good,
        SelfGrade::Easy => Grade::Easy,
    }
}

fn new_editor() -> TextArea<'static> {
    let mut editor = TextArea::default();
    editor.set_wrap_mode(WrapMode::Word);
    editor.set_placeholder_text("Type your answer here, as you would say it in the interview.");
    editor
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::KeyPoint;
    use crossterm::event::{KeyCode, KeyModifiers};

    fn item(id: &str, level: Level, hints: &[&str]) -> Rehearsal {
        Rehearsal {
            item: InterviewItem {
                id: id.into(),
                level,
                question: "Why?".into(),
                answer: "Because.".into(),
                key_points: vec![KeyPoint {
                    text: "NAT".into(),
                    keywords: vec!["nat".into()],
                }],
                hints: hints.iter().map(|h| h.to_string()).collect(),
                see: None,
            },
            topic_id: "t".into(),
            topic_title: "T".into(),
        }
    }

    fn type_text(screen: &mut InterviewScreen, text: &str) {
        for ch in text.chars() {
            let code = if ch == '\n' {
                KeyCode::Enter
            } else {
                KeyCode::Char(ch)
            };
            let _ = screen.act_now(Action::Edit(KeyEvent::new(code, KeyModifiers::NONE)));
        }
    }

    #[test]
    fn hints_come_one_at_a_time_and_stop_at_the_last() {
        let mut screen = InterviewScreen::new(
            vec![item("a", Level::Beginner, &["one", "two"])],
            None,
            Instant::now(),
        );
        assert!(screen.act_now(Action::NextHint).message.is_none());
        assert!(screen.act_now(Action::NextHint).message.is_none());
        assert_eq!(screen.hints_shown, 2);
        assert_eq!(
            screen.act_now(Action::NextHint).message.as_deref(),
            Some("That was the last hint.")
        );
    }

    #[test]
    fn a_multi_line_answer_is_kept_then_graded_and_the_next_item_starts_empty() {
        let items = vec![
            item("a", Level::Beginner, &[]),
            item("b", Level::Scenario, &[]),
        ];
        let mut screen = InterviewScreen::new(items, None, Instant::now());
        type_text(&mut screen, "pods use\nNAT");
        assert_eq!(screen.answer(), "pods use\nNAT");
        let _ = screen.act_now(Action::Submit);
        assert_eq!(screen.phase, RehearsalPhase::Revealed);
        let _ = screen.act_now(Action::Pick(3));
        assert_eq!(screen.grades, vec![("a".to_string(), SelfGrade::Good)]);
        assert_eq!(
            (screen.index, screen.phase, screen.answer()),
            (1, RehearsalPhase::Answering, String::new())
        );
        // "Again" brings the question back later in the same rehearsal.
        let _ = screen.act_now(Action::Submit);
        let _ = screen.act_now(Action::Pick(1));
        assert_eq!(
            (screen.phase, screen.current().map(|r| r.item.id.as_str())),
            (RehearsalPhase::Answering, Some("b"))
        );
        let _ = screen.act_now(Action::Submit);
        let _ = screen.act_now(Action::Pick(3));
        assert_eq!(screen.phase, RehearsalPhase::Finished);
        assert_eq!(screen.grades.len(), 3);
    }

    #[test]
    fn the_countdown_reveals_the_answer_when_time_is_up() {
        let start = Instant::now();
        let mut screen = InterviewScreen::new(
            vec![item("a", Level::Beginner, &[])],
            Some(Duration::from_secs(30)),
            start,
        );
        assert_eq!(screen.seconds_left(), Some(30));
        let _ = screen.act_now(Action::Tick(start + Duration::from_secs(10)));
        assert_eq!(
            (screen.seconds_left(), screen.phase),
            (Some(20), RehearsalPhase::Answering)
        );
        let reaction = screen.act_now(Action::Tick(start + Duration::from_secs(31)));
        assert_eq!(
            (screen.phase, screen.time_up),
            (RehearsalPhase::Revealed, true)
        );
        assert!(reaction.message.is_some());
        assert!(!screen.wants_ticks(), "no ticks once revealed");
    }

    #[test]
    fn levels_filter_and_order_the_items() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/content/networking-in-aks");
        let course = crate::content::load(&crate::content::CourseDir::new(dir)).unwrap();
        assert_eq!(rehearsals(&course, Some(Level::Scenario)).len(), 5);
        let all = rehearsals(&course, None);
        assert_eq!(all.len(), 15);
        assert!(all.windows(2).all(|w| w[0].item.level <= w[1].item.level));
    }
}
