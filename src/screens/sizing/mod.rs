//! The sizing exercise screen: a generated exercise, the learner's typed answer, and after it the
//! verdict with the worked solution. The next exercise uses the next seed, so a session started
//! with `--seed N` is the same every time.

mod address_space;
mod view;

use crossterm::event::KeyCode;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Chrome, Context, Reaction, Record, ScreenState};
use crate::input::answer::TypedLine;
use crate::input::keys::{CHECK, TYPED_ANSWER};
use crate::input::{Action, Binding, Keymap, Unbound, bind};
use crate::progress::SizingSkill;
use crate::sizing::address_space::AddressSpace;
use crate::sizing::exercise::{Exercise, SizingVerdict};
use crate::ui::scrolled::ScrolledDoc;

const KEYS: Keymap = Keymap::new("Sizing exercise", &[CHECK, TYPED_ANSWER]).unbound(Unbound::Type);

/// Once answered, Enter brings the next exercise.
#[rustfmt::skip]
const NEXT: &[Binding] = &[
    bind(&[KeyCode::Enter], "Enter", "the next exercise", Action::Submit).hint("Enter next exercise"),
];
const ANSWERED_KEYS: Keymap =
    Keymap::new("Sizing exercise", &[NEXT, TYPED_ANSWER]).unbound(Unbound::Type);

pub struct SizingScreen {
    pub exercise: Exercise,
    pub space: Option<AddressSpace>,
    /// 1 for the first exercise of the session.
    pub number: usize,
    pub input: TypedLine,
    pub outcome: Option<SizingVerdict>,
    pub right: usize,
    pub answered: usize,
    pub doc: ScrolledDoc,
}

impl SizingScreen {
    pub fn new(seed: u64) -> Self {
        Self::with_exercise(Exercise::generate(seed))
    }

    /// A given exercise first (a due skill's fresh exercise in Review).
    pub fn with_exercise(exercise: Exercise) -> Self {
        let space = exercise.plan.as_ref().map(AddressSpace::of);
        Self {
            exercise,
            space,
            number: 1,
            input: TypedLine::default(),
            outcome: None,
            right: 0,
            answered: 0,
            doc: ScrolledDoc::default(),
        }
    }

    pub fn is_answered(&self) -> bool {
        matches!(
            self.outcome,
            Some(SizingVerdict::Correct | SizingVerdict::Wrong { .. })
        )
    }

    /// Typing or deleting, until the answer is checked; an unreadable answer's message goes
    /// once the learner edits it.
    pub fn edit(&mut self, action: Action) {
        if !self.is_answered()
            && self.input.edit(action)
            && matches!(self.outcome, Some(SizingVerdict::Unreadable { .. }))
        {
            self.outcome = None;
        }
    }

    /// Checks the answer, or moves on to the next exercise once this one is answered. Returns a
    /// message for the footer when there is nothing to check.
    pub fn submit(&mut self) -> Option<String> {
        if self.is_answered() {
            let (right, answered, number) = (self.right, self.answered, self.number + 1);
            *self = Self::new(self.exercise.seed.wrapping_add(1));
            (self.right, self.answered, self.number) = (right, answered, number);
            return None;
        }
        let typed = match self.input.submitted() {
            Ok(typed) => typed,
            Err(why) => return Some(why.into()),
        };
        let outcome = self.exercise.check(typed);
        if !matches!(outcome, SizingVerdict::Unreadable { .. }) {
            self.answered += 1;
            self.right += usize::from(outcome == SizingVerdict::Correct);
        }
        self.outcome = Some(outcome);
        // After an answer, show the verdict: the end of the document, where it is.
        if self.is_answered() {
            self.doc.show_end();
        }
        None
    }
}

impl ScreenState for SizingScreen {
    fn keymap(&self) -> Keymap {
        if self.is_answered() {
            ANSWERED_KEYS
        } else {
            KEYS
        }
    }

    fn act(&mut self, action: Action, _cx: &Context) -> Reaction {
        match action {
            Action::Type(_) | Action::DeleteChar => {
                self.edit(action);
                Reaction::none()
            }
            Action::Submit => {
                let answered = self.answered;
                let mut reaction = Reaction::maybe_message(self.submit());
                // A checked answer schedules the skill the exercise practises.
                if self.answered > answered {
                    let right = self.outcome == Some(SizingVerdict::Correct);
                    reaction.records.push(Record::Sizing {
                        skill: SizingSkill::of_exercise(self.exercise.kind),
                        outcome: crate::progress::Outcome::Score(if right { 1.0 } else { 0.0 }),
                    });
                }
                reaction
            }
            _ => {
                self.doc.scroll(action);
                Reaction::none()
            }
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Context) -> Chrome {
        view::draw_sizing(frame, area, cx, self);
        Chrome::new(["Sizing exercises".to_string()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_right_answer_scores_and_enter_moves_to_the_next_seed() {
        let mut screen = SizingScreen::new(7);
        let answer = screen.exercise.expected_answer();
        let typed = answer
            .split(')')
            .next()
            .unwrap_or(&answer)
            .replace("any free range, for example ", "");
        for ch in typed.chars() {
            screen.edit(Action::Type(ch));
        }
        assert_eq!(screen.submit(), None);
        assert_eq!(
            screen.outcome,
            Some(SizingVerdict::Correct),
            "typed {typed:?} for {answer:?}"
        );
        assert_eq!((screen.right, screen.answered), (1, 1));
        screen.edit(Action::Type('9'));
        assert!(
            screen.input.text.len() == typed.len(),
            "no typing once answered"
        );
        assert_eq!(screen.submit(), None);
        assert_eq!(
            (screen.exercise.seed, screen.number, screen.right),
            (8, 2, 1)
        );
        assert!(screen.input.is_empty() && screen.outcome.is_none());
    }

    #[test]
    fn unreadable_input_is_not_counted_and_can_be_edited() {
        let mut screen = SizingScreen::new(3);
        for ch in "nonsense".chars() {
            screen.edit(Action::Type(ch));
        }
        let _ = screen.submit();
        assert!(matches!(
            screen.outcome,
            Some(SizingVerdict::Unreadable { .. })
        ));
        assert_eq!(screen.answered, 0);
        screen.edit(Action::DeleteChar);
        assert_eq!(screen.input.text, "nonsens");
    }

    #[test]
    fn an_empty_answer_asks_for_one() {
        let mut screen = SizingScreen::new(1);
        assert!(screen.submit().is_some());
        assert_eq!(screen.answered, 0);
    }
}
