//! A short menu of ways to start something, each a [`Start`]: the interview's levels from home,
//! for example. Enter starts the highlighted one; the picker closes behind it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{Chrome, Context, Reaction, ScreenState, Start};
use crate::input::keys::{BACK, LIST};
use crate::input::{Action, Keymap};
use crate::ui::menu::{ListState, MenuEntry, draw_menu, inset};
use crate::ui::wrap::wrap;

const KEYS: Keymap = Keymap::new("Choose", &[LIST, BACK]);

pub struct Choice {
    pub name: String,
    pub description: String,
    pub start: Start,
}

pub struct PickerScreen {
    pub title: String,
    pub question: String,
    pub choices: Vec<Choice>,
    pub list: ListState,
}

impl PickerScreen {
    pub fn new(
        title: impl Into<String>,
        question: impl Into<String>,
        choices: Vec<Choice>,
    ) -> Self {
        Self {
            title: title.into(),
            question: question.into(),
            choices,
            list: ListState::default(),
        }
    }
}

impl ScreenState for PickerScreen {
    fn keymap(&self) -> Keymap {
        KEYS
    }

    fn act(&mut self, action: Action, _cx: &Context) -> Reaction {
        if action != Action::Open {
            self.list.navigate(action, self.choices.len());
            return Reaction::none();
        }
        match self.choices.get(self.list.selected) {
            Some(choice) => Reaction {
                close: true,
                ..Reaction::start(choice.start.clone())
            },
            None => Reaction::none(),
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Context) -> Chrome {
        let area = inset(area);
        let mut intro = vec![Line::default()];
        intro.extend(wrap(
            &[(self.question.clone(), cx.theme.title)],
            usize::from(area.width),
        ));
        intro.push(Line::default());
        let entries: Vec<MenuEntry> = self
            .choices
            .iter()
            .map(|choice| MenuEntry {
                name: choice.name.clone(),
                description: choice.description.clone(),
                right: String::new(),
            })
            .collect();
        draw_menu(
            frame.buffer_mut(),
            area,
            intro,
            &entries,
            &self.list,
            cx.theme,
        );
        Chrome::new([self.title.clone()])
    }
}
