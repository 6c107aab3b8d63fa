//! Every style the app draws with, in one place. Two themes: colours chosen to stay distinct for
//! the common colour-vision deficiencies (blue/orange/yellow, never red against green), and a
//! monochrome one for NO_COLOR that uses only bold, italic, underline, dim and reverse.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub base: Style,
    pub title: Style,
    pub dim: Style,
    pub border: Style,
    pub selected: Style,
    pub heading: Style,
    pub subheading: Style,
    pub emphasis: Style,
    pub strong: Style,
    pub inline_code: Style,
    pub link: Style,
    pub code: Style,
    pub code_gutter: Style,
    pub comment: Style,
    pub command: Style,
    pub flag: Style,
    pub string: Style,
    pub key: Style,
    pub table_header: Style,
    pub correction: Style,
    pub note: Style,
    pub done: Style,
    pub warning: Style,
}

impl Theme {
    /// NO_COLOR (any non-empty value, as no-color.org says) selects the monochrome theme.
    pub fn from_no_color(no_color: Option<std::ffi::OsString>) -> Self {
        match no_color {
            Some(value) if !value.is_empty() => Self::monochrome(),
            _ => Self::colour(),
        }
    }

    pub fn colour() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Self {
            base: Style::new(),
            title: bold.fg(Color::LightCyan),
            dim: Style::new().fg(Color::DarkGray),
            border: Style::new().fg(Color::DarkGray),
            selected: bold.fg(Color::Black).bg(Color::LightCyan),
            heading: bold.fg(Color::LightCyan),
            subheading: bold.fg(Color::Cyan),
            emphasis: Style::new().add_modifier(Modifier::ITALIC),
            strong: bold,
            inline_code: Style::new().fg(Color::LightYellow),
            link: Style::new()
                .fg(Color::LightBlue)
                .add_modifier(Modifier::UNDERLINED),
            code: Style::new().fg(Color::Gray),
            code_gutter: Style::new().fg(Color::DarkGray),
            comment: Style::new()
                .fg(Color::DarkGray)
                .add_modifier(Modifier::ITALIC),
            command: bold.fg(Color::LightBlue),
            flag: Style::new().fg(Color::Cyan),
            string: Style::new().fg(Color::LightYellow),
            key: Style::new().fg(Color::LightBlue),
            table_header: bold.fg(Color::LightCyan),
            correction: bold.fg(Color::Rgb(255, 165, 0)),
            note: bold.fg(Color::LightBlue),
            done: bold.fg(Color::LightBlue),
            warning: bold.fg(Color::Rgb(255, 165, 0)),
        }
    }

    pub fn monochrome() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let plain = Style::new();
        Self {
            base: plain,
            title: bold,
            dim: Style::new().add_modifier(Modifier::DIM),
            border: plain,
            selected: Style::new().add_modifier(Modifier::REVERSED),
            heading: bold.add_modifier(Modifier::UNDERLINED),
            subheading: bold,
            emphasis: Style::new().add_modifier(Modifier::ITALIC),
            strong: bold,
            inline_code: bold,
            link: Style::new().add_modifier(Modifier::UNDERLINED),
            code: plain,
            code_gutter: plain,
            comment: Style::new().add_modifier(Modifier::ITALIC),
            command: bold,
            flag: plain,
            string: plain,
            key: bold,
            table_header: bold,
            correction: bold,
            note: bold,
            done: bold,
            warning: bold.add_modifier(Modifier::REVERSED),
        }
    }
}
