//! What the learner is doing to answer one question before it is graded: the highlighted option,
//! the ticked ones, the order of the steps, the typed text. Shared by the quiz and the exam.

use super::Action;
use crate::content::QuestionKind;
use crate::quiz::{Answer, SessionQuestion};

/// Typed answers longer than this are not answers; the limit keeps a held-down key harmless.
const MAX_TEXT: usize = 80;

/// One line of typed answer (a quiz's number, CIDR or word; a sizing answer). The one typed input
/// of the app: every typed answer is edited, limited and refused when empty the same way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TypedLine {
    pub text: String,
}

/// What the learner hears when Enter is pressed on nothing.
pub const TYPE_FIRST: &str = "Type an answer first, then press Enter.";

impl TypedLine {
    /// Applies a typing action; returns whether the line changed.
    pub fn edit(&mut self, action: Action) -> bool {
        match action {
            Action::Type(ch) if !ch.is_control() && self.text.chars().count() < MAX_TEXT => {
                self.text.push(ch);
                true
            }
            Action::DeleteChar => self.text.pop().is_some(),
            _ => false,
        }
    }

    /// The answer to submit, or why there is none.
    pub fn submitted(&self) -> Result<&str, &'static str> {
        match self.text.trim() {
            "" => Err(TYPE_FIRST),
            _ => Ok(&self.text),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnswerInput {
    /// The highlighted option or step, as a shown position.
    pub cursor: usize,
    /// Multiple select: which shown options are ticked.
    pub ticked: Vec<bool>,
    /// Ordering: the shown positions in the order the learner has put them.
    pub order: Vec<usize>,
    /// Ordering: the step under the cursor is picked up and moves with it.
    pub grabbed: bool,
    pub typed: TypedLine,
}

/// What an action did to the answer.
#[derive(Debug, Clone, PartialEq)]
pub enum InputEvent {
    Changed,
    Unchanged,
    /// The learner asked to answer with this.
    Submit(Answer),
    /// The action cannot be taken now; say why.
    Refused(String),
}

/// How a question is answered on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputMode {
    Choose,
    Tick,
    Order,
    Type,
}

pub fn input_mode(kind: &QuestionKind) -> InputMode {
    match kind {
        QuestionKind::SingleChoice { .. } | QuestionKind::TrueFalse { .. } => InputMode::Choose,
        QuestionKind::MultiSelect { .. } => InputMode::Tick,
        QuestionKind::Ordering { .. } => InputMode::Order,
        QuestionKind::Number { .. } | QuestionKind::Cidr { .. } | QuestionKind::Word { .. } => {
            InputMode::Type
        }
    }
}

/// The options a question shows, in order; true/false shows "True" and "False".
pub fn shown_options(question: &SessionQuestion) -> Vec<String> {
    match question.question.kind {
        QuestionKind::TrueFalse { .. } => vec!["True".into(), "False".into()],
        _ => question
            .displayed()
            .into_iter()
            .map(str::to_string)
            .collect(),
    }
}

impl AnswerInput {
    pub fn for_question(question: &SessionQuestion) -> Self {
        let count = shown_options(question).len();
        Self {
            ticked: vec![false; count],
            order: (0..count).collect(),
            ..Self::default()
        }
    }

    pub fn act(&mut self, action: Action, question: &SessionQuestion) -> InputEvent {
        let count = shown_options(question).len();
        let mode = input_mode(&question.question.kind);
        match (mode, action) {
            (InputMode::Type, Action::Type(_) | Action::DeleteChar) => {
                if self.typed.edit(action) {
                    InputEvent::Changed
                } else {
                    InputEvent::Unchanged
                }
            }
            (InputMode::Type, Action::Submit) => match self.typed.submitted() {
                Ok(text) => InputEvent::Submit(Answer::Text(text.to_string())),
                Err(why) => InputEvent::Refused(why.into()),
            },
            (_, Action::Up | Action::Down) if count > 0 => {
                self.move_cursor(action == Action::Up, count, mode)
            }
            (_, Action::Pick(n))
                if usize::from(n) >= 1 && usize::from(n) <= count && mode != InputMode::Order =>
            {
                self.cursor = usize::from(n) - 1;
                if mode == InputMode::Tick {
                    self.ticked[self.cursor] = !self.ticked[self.cursor];
                }
                InputEvent::Changed
            }
            (InputMode::Tick, Action::ToggleDone) if count > 0 => {
                self.ticked[self.cursor] = !self.ticked[self.cursor];
                InputEvent::Changed
            }
            (InputMode::Order, Action::ToggleDone) => {
                self.grabbed = !self.grabbed;
                InputEvent::Changed
            }
            (InputMode::Choose, Action::Submit) => self.choice_answer(question),
            (InputMode::Tick, Action::Submit) => {
                let ticked: Vec<usize> = (0..count).filter(|i| self.ticked[*i]).collect();
                if ticked.is_empty() {
                    return InputEvent::Refused(
                        "Tick at least one option (Space or 1–9), then press Enter.".into(),
                    );
                }
                InputEvent::Submit(question.choices(&ticked))
            }
            (InputMode::Order, Action::Submit) => InputEvent::Submit(question.order(&self.order)),
            _ => InputEvent::Unchanged,
        }
    }

    fn move_cursor(&mut self, up: bool, count: usize, mode: InputMode) -> InputEvent {
        let target = if up {
            self.cursor.checked_sub(1)
        } else {
            Some(self.cursor + 1).filter(|t| *t < count)
        };
        let Some(target) = target else {
            return InputEvent::Unchanged;
        };
        if mode == InputMode::Order && self.grabbed {
            self.order.swap(self.cursor, target);
        }
        self.cursor = target;
        InputEvent::Changed
    }

    fn choice_answer(&self, question: &SessionQuestion) -> InputEvent {
        match question.question.kind {
            QuestionKind::TrueFalse { .. } => InputEvent::Submit(Answer::Bool(self.cursor == 0)),
            _ => match question.choice(self.cursor) {
                Some(answer) => InputEvent::Submit(answer),
                None => InputEvent::Refused("Choose an option first.".into()),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Question;

    fn question(kind: QuestionKind, display_order: Vec<usize>) -> SessionQuestion {
        SessionQuestion {
            question: Question {
                id: "q".into(),
                prompt: "?".into(),
                kind,
                explanation: "e".into(),
                see: "l".into(),
            },
            topic_id: "t".into(),
            topic_title: "T".into(),
            display_order,
        }
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_picked_option_answers_with_its_original_index() {
        let q = question(
            QuestionKind::SingleChoice {
                options: strings(&["a", "b", "c"]),
                answer: 2,
            },
            vec![2, 0, 1],
        );
        let mut input = AnswerInput::for_question(&q);
        assert_eq!(input.act(Action::Pick(1), &q), InputEvent::Changed);
        assert_eq!(
            input.act(Action::Submit, &q),
            InputEvent::Submit(Answer::Choice(2))
        );
    }

    #[test]
    fn true_false_is_the_first_or_second_option() {
        let q = question(QuestionKind::TrueFalse { answer: false }, vec![]);
        let mut input = AnswerInput::for_question(&q);
        let _ = input.act(Action::Down, &q);
        assert_eq!(
            input.act(Action::Submit, &q),
            InputEvent::Submit(Answer::Bool(false))
        );
    }

    #[test]
    fn ticks_toggle_and_an_empty_selection_is_refused() {
        let q = question(
            QuestionKind::MultiSelect {
                options: strings(&["a", "b", "c"]),
                answers: vec![0, 1],
            },
            vec![0, 1, 2],
        );
        let mut input = AnswerInput::for_question(&q);
        assert!(matches!(
            input.act(Action::Submit, &q),
            InputEvent::Refused(_)
        ));
        let _ = input.act(Action::Pick(2), &q);
        let _ = input.act(Action::Pick(3), &q);
        let _ = input.act(Action::Pick(3), &q);
        let _ = input.act(Action::Up, &q);
        let _ = input.act(Action::Up, &q);
        let _ = input.act(Action::ToggleDone, &q);
        assert_eq!(
            input.act(Action::Submit, &q),
            InputEvent::Submit(Answer::Choices(vec![0, 1]))
        );
    }

    #[test]
    fn a_grabbed_step_moves_with_the_cursor() {
        let q = question(
            QuestionKind::Ordering {
                items: strings(&["a", "b", "c"]),
            },
            vec![2, 0, 1],
        );
        let mut input = AnswerInput::for_question(&q);
        let _ = input.act(Action::ToggleDone, &q);
        let _ = input.act(Action::Down, &q);
        let _ = input.act(Action::Down, &q);
        let _ = input.act(Action::ToggleDone, &q);
        assert_eq!(input.order, vec![1, 2, 0]);
        assert_eq!(
            input.act(Action::Submit, &q),
            InputEvent::Submit(Answer::Order(vec![0, 1, 2]))
        );
    }

    #[test]
    fn typed_text_is_edited_and_empty_text_is_refused() {
        let q = question(QuestionKind::Number { answer: 341 }, vec![]);
        let mut input = AnswerInput::for_question(&q);
        assert!(matches!(
            input.act(Action::Submit, &q),
            InputEvent::Refused(_)
        ));
        for ch in "3412".chars() {
            let _ = input.act(Action::Type(ch), &q);
        }
        let _ = input.act(Action::DeleteChar, &q);
        assert_eq!(
            input.act(Action::Submit, &q),
            InputEvent::Submit(Answer::Text("341".into()))
        );
    }
}
