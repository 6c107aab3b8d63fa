//! The sizing exercise screen: a generated exercise, the learner's typed answer, and after it the
//! verdict with the worked solution. The next exercise uses the next seed, so a session started
//! with `--seed N` is the same every time.

use super::screens::scrolled;
use super::{Action, Reaction};
use crate::sizing::address_space::AddressSpace;
use crate::sizing::exercise::{Exercise, Outcome};
use crate::ui::document::Rendered;
use crate::ui::document_width;
use crate::ui::sizing::render_exercise;
use crate::ui::theme::Theme;

/// Answers longer than this are not answers; the limit keeps a held-down key harmless.
const MAX_INPUT: usize = 64;

pub struct SizingScreen {
    pub exercise: Exercise,
    pub space: Option<AddressSpace>,
    /// 1 for the first exercise of the session.
    pub number: usize,
    pub input: String,
    pub outcome: Option<Outcome>,
    pub right: usize,
    pub answered: usize,
    pub scroll: usize,
    pub rendered: Rendered,
}

impl SizingScreen {
    pub fn new(seed: u64) -> Self {
        let exercise = Exercise::generate(seed);
        let space = exercise.plan.as_ref().map(AddressSpace::of);
        Self {
            exercise,
            space,
            number: 1,
            input: String::new(),
            outcome: None,
            right: 0,
            answered: 0,
            scroll: 0,
            rendered: Rendered::default(),
        }
    }

    pub fn is_answered(&self) -> bool {
        matches!(self.outcome, Some(Outcome::Correct | Outcome::Wrong { .. }))
    }

    pub fn type_char(&mut self, ch: char) {
        if !self.is_answered() && !ch.is_control() && self.input.chars().count() < MAX_INPUT {
            self.input.push(ch);
            if matches!(self.outcome, Some(Outcome::Unreadable { .. })) {
                self.outcome = None;
            }
        }
    }

    pub fn delete_char(&mut self) {
        if !self.is_answered() {
            self.input.pop();
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
        if self.input.trim().is_empty() {
            return Some("Type an answer first, then press Enter.".into());
        }
        let outcome = self.exercise.check(&self.input);
        if !matches!(outcome, Outcome::Unreadable { .. }) {
            self.answered += 1;
            self.right += usize::from(outcome == Outcome::Correct);
        }
        self.outcome = Some(outcome);
        None
    }

    pub fn act(&mut self, action: Action, height: usize) -> Reaction {
        match action {
            Action::Type(ch) => self.type_char(ch),
            Action::DeleteChar => self.delete_char(),
            Action::Submit => {
                return Reaction {
                    relayout: true,
                    message: self.submit(),
                    ..Reaction::default()
                };
            }
            _ => {
                self.scroll = scrolled(self.scroll, action, self.rendered.lines.len(), height);
                return Reaction::default();
            }
        }
        Reaction {
            relayout: true,
            ..Reaction::default()
        }
    }

    pub fn layout(&mut self, theme: &Theme, width: u16, height: usize) {
        self.rendered = render_exercise(self, document_width(width), theme);
        // After an answer, show the verdict: the end of the document, where it is.
        let max = self.rendered.lines.len().saturating_sub(height);
        self.scroll = if self.is_answered() {
            max
        } else {
            self.scroll.min(max)
        };
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
            screen.type_char(ch);
        }
        assert_eq!(screen.submit(), None);
        assert_eq!(
            screen.outcome,
            Some(Outcome::Correct),
            "typed {typed:?} for {answer:?}"
        );
        assert_eq!((screen.right, screen.answered), (1, 1));
        screen.type_char('9');
        assert!(screen.input.len() == typed.len(), "no typing once answered");
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
            screen.type_char(ch);
        }
        let _ = screen.submit();
        assert!(matches!(screen.outcome, Some(Outcome::Unreadable { .. })));
        assert_eq!(screen.answered, 0);
        screen.delete_char();
        assert_eq!(screen.input, "nonsens");
    }

    #[test]
    fn an_empty_answer_asks_for_one() {
        let mut screen = SizingScreen::new(1);
        assert!(screen.submit().is_some());
        assert_eq!(screen.answered, 0);
    }
}
