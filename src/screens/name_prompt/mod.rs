//! Home asks once for the name reports should show: type it and Enter to keep it, or Esc to go
//! on without one (home then stops asking). `--name` sets it from the command line too.

use crossterm::event::KeyCode;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Chrome, Context, Reaction, Record, ScreenState};
use crate::input::answer::TypedLine;
use crate::input::{Action, Binding, Keymap, Unbound, bind};
use crate::progress::Progress;
use crate::ui::menu::inset;
use crate::ui::wrap::wrap;

#[rustfmt::skip]
const NAME: &[Binding] = &[
    bind(&[KeyCode::Enter], "Enter", "keep this name", Action::Submit).hint("Enter keep"),
    bind(&[KeyCode::Backspace], "Backspace", "delete a character", Action::DeleteChar),
    bind(&[KeyCode::Esc], "Esc", "not now: home stops asking", Action::Cancel).hint("Esc not now"),
    bind(&[KeyCode::F(1)], "F1", "this help (? is typed)", Action::Help).hint("F1 help"),
];

const KEYS: Keymap = Keymap::new("Your name", &[NAME]).unbound(Unbound::Type);

#[derive(Debug, Default)]
pub struct NamePromptScreen {
    pub name: TypedLine,
}

impl ScreenState for NamePromptScreen {
    fn keymap(&self) -> Keymap {
        KEYS
    }

    fn act(&mut self, action: Action, _cx: &Context) -> Reaction {
        match action {
            Action::Type(_) | Action::DeleteChar => {
                self.name.edit(action);
                Reaction::none()
            }
            Action::Cancel => Reaction {
                close: true,
                ..Reaction::keep(vec![Record::NameDeclined])
            },
            Action::Submit => {
                let typed = self.name.text.trim();
                // Checked as the progress engine checks it, so a refusal is said here.
                if let Err(why) = Progress::default().set_name(typed) {
                    return Reaction::message(format!("{why}"));
                }
                Reaction {
                    close: true,
                    message: Some(format!("Reports will show you as {typed}.")),
                    ..Reaction::keep(vec![Record::Name(typed.to_string())])
                }
            }
            _ => Reaction::none(),
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Context) -> Chrome {
        let area = inset(area);
        let theme = cx.theme;
        let width = usize::from(area.width);
        let mut lines = vec![Line::default()];
        lines.extend(wrap(
            &[(
                "What name should reports show for you?".to_string(),
                theme.title,
            )],
            width,
        ));
        lines.extend(wrap(
            &[(
                "A team lead's report heads your column with it. It stays in your progress file; \
                 you can also give it with --name."
                    .to_string(),
                theme.dim,
            )],
            width,
        ));
        lines.push(Line::default());
        lines.push(Line::from(vec![
            Span::styled("Name › ", theme.key),
            Span::styled(self.name.text.clone(), theme.strong),
            Span::styled("▏", theme.key),
        ]));
        frame.render_widget(Paragraph::new(lines), area);
        Chrome::new(["Your name".to_string()])
    }
}
