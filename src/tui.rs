//! The terminal runtime: set the terminal up, run the event loop, and restore the terminal on
//! every way out (return, error or panic). The loop is generic over the backend and the event
//! source so tests can drive it without a terminal.

use std::io::{self, Write};
use std::time::{Duration, Instant};

use anyhow::Context;
use crossterm::cursor::Show;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use crossterm::{execute, queue};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use crate::app::{App, FirstFrame};
use crate::input::{Action, Effect, action_for};
use crate::ui::blank_screen::onto_blank_screen;
use crate::ui::clipboard;
use crate::ui::inert_backend::InertBackend;

/// The real terminal, every cell drawn through the inert gate.
type TutorBackend = InertBackend<CrosstermBackend<FrameOut>>;
type TutorTerminal = Terminal<TutorBackend>;

/// Stdout, written once a frame: crossterm writes each cell's moves and colours as a small
/// piece, which stdout would lock for and send to the terminal a kilobyte at a time. Kept here
/// until ratatui flushes the frame, they go out in one write (the first one with the switch to the
/// alternate screen before it). Nothing is written on drop: a
/// frame cut short by a panic is not sent after the panic hook has given the terminal back.
struct FrameOut(Vec<u8>);

impl Write for FrameOut {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let mut stdout = io::stdout().lock();
        let written = stdout.write_all(&self.0).and_then(|()| stdout.flush());
        // Sent or not, a frame is not sent twice.
        self.0.clear();
        written
    }
}

/// Runs the app in the real terminal until the learner quits.
pub fn run(app: &mut App) -> anyhow::Result<()> {
    in_terminal(None, |terminal, _| {
        run_loop(terminal, app, next_terminal_event, &mut perform)
    })
}

/// Sets the terminal up and draws `first` (when there is one), then waits for
/// `app` (the store opening, the course loading) and runs it: the learner sees home while the
/// course loads, and no key is read before the app has it. The app's first frame is drawn only
/// if it differs from the one on screen.
pub fn run_after(
    first: Option<FirstFrame>,
    app: impl FnOnce(Option<&FirstFrame>) -> anyhow::Result<App>,
) -> anyhow::Result<()> {
    in_terminal(first, |terminal, shown| {
        let mut app = app(shown.as_ref().map(|(first, _)| first))?;
        let drawn = shown.is_some_and(|(_, shown)| shows(terminal, &app, &shown));
        run_loop_from(terminal, &mut app, drawn, next_terminal_event, &mut perform)
    })
}

/// Whether the app would draw exactly `shown` (then drawing it would only write style resets).
fn shows<B: Backend>(terminal: &mut Terminal<B>, app: &App, shown: &Buffer) -> bool {
    let mut frame = terminal.get_frame();
    app.draw(&mut frame);
    let buffer = terminal.current_buffer_mut();
    let same = *buffer == *shown;
    // The next draw starts from an empty buffer, as after any draw.
    buffer.reset();
    same
}

/// Sets the terminal up, draws `first`, runs `body` (given that frame and what it put on screen)
/// and restores the terminal, whatever `body` returns.
fn in_terminal(
    first: Option<FirstFrame>,
    body: impl FnOnce(&mut TutorTerminal, Option<(FirstFrame, Buffer)>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        anyhow::bail!(
            "the tutor needs an interactive terminal; for scripts use validate, plan, netpol, progress or report"
        );
    }
    // What ratatui's `init` does, without the terminal it makes and this one would replace: a
    // panic hook that gives the terminal back, raw mode, then the alternate screen and mouse
    // reporting, sent in the same write as the first frame.
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        give_back_the_terminal();
        previous_hook(info);
    }));
    let mut out = FrameOut(Vec::new());
    let result = enable_raw_mode()
        .and_then(|()| queue!(out, EnterAlternateScreen, EnableMouseCapture))
        .map_err(|error| anyhow::anyhow!("cannot start the terminal UI: {error}"))
        .and_then(|()| {
            let signals = catch_termination_signals();
            // Only now, with every way out restoring the terminal: once home is on screen,
            // SIGTERM must give the terminal back (tests/e2e_pty.rs sends it as soon as it sees
            // home). Starting the thread that acts on a signal can wait until the frame is out.
            let mut backend = InertBackend(CrosstermBackend::new(out));
            let shown = match first {
                Some(first) => {
                    let shown = write_first_frame(&mut backend, &first)
                        .context("cannot draw the first frame")?;
                    give_way_to_the_terminal();
                    Some((first, shown))
                }
                None => None,
            };
            signals.restore_on_arrival();
            let mut terminal = terminal_after(backend, shown.as_ref().map(|(_, shown)| shown))
                .context("cannot start the terminal UI")?;
            body(&mut terminal, shown)
        });
    give_back_the_terminal();
    result
}

/// The terminal as the tutor found it, on every way out: no mouse reporting (or the shell
/// receives mouse escape codes), the cursor showing, raw mode off, the main screen.
fn give_back_the_terminal() {
    let _ = execute!(io::stdout(), DisableMouseCapture, Show);
    ratatui::restore();
}

/// The frame is written, but it is on screen only once a kernel worker has passed it through
/// the pty and the terminal has read it. Both are often queued on another processor, which,
/// left idle, can take milliseconds to wake (on a virtual machine above all), while this one goes
/// straight on to the store and the course. Sleeping briefly hands them this processor: on 2
/// cores after an idle moment, one launch in ten came up 3 ms late with a yield here and none
/// with the sleep (README, Performance). The course loads 0.1 ms later, before any key could
/// have been read.
fn give_way_to_the_terminal() {
    std::thread::sleep(Duration::from_micros(100));
}

/// Draws `first` into a buffer the size of the terminal and writes it onto the blank alternate
/// screen (see [`onto_blank_screen`]); the buffer is what is now on screen.
fn write_first_frame<B: Backend>(backend: &mut B, first: &FirstFrame) -> Result<Buffer, B::Error> {
    let mut shown = Buffer::empty(Rect::from((Position::ORIGIN, backend.size()?)));
    first.draw(&mut shown);
    backend.draw(onto_blank_screen(&shown).into_iter())?;
    // Hiding the cursor flushes: the switch to the alternate screen and the frame go out in
    // one write.
    backend.hide_cursor()?;
    Backend::flush(backend)?;
    Ok(shown)
}

/// Ratatui's terminal over `backend`, its last frame the one `shown` on screen (when the
/// terminal has kept its size since; otherwise the screen is cleared and drawn afresh).
fn terminal_after<B: Backend>(backend: B, shown: Option<&Buffer>) -> Result<Terminal<B>, B::Error> {
    let mut terminal = Terminal::new(backend)?;
    if let Some(shown) = shown {
        if terminal.current_buffer_mut().area == shown.area {
            terminal.current_buffer_mut().clone_from(shown);
            terminal.swap_buffers();
        } else {
            terminal.clear()?;
        }
    }
    Ok(terminal)
}

/// SIGTERM and SIGHUP (a closed terminal window, `kill`) end the tutor like a normal exit: the
/// terminal is given back (main screen, no raw mode, no mouse reporting). Progress needs nothing
/// here: it is saved after every change, atomically. The signals are caught here; the thread that
/// acts on them is started by [`TerminationSignals::restore_on_arrival`], which may come after the
/// first frame (a signal caught in between waits for it).
fn catch_termination_signals() -> TerminationSignals {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    TerminationSignals(signal_hook::iterator::Signals::new([SIGTERM, SIGHUP]).ok())
}

struct TerminationSignals(Option<signal_hook::iterator::Signals>);

impl TerminationSignals {
    fn restore_on_arrival(self) {
        let Some(mut signals) = self.0 else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                give_back_the_terminal();
                std::process::exit(128 + signal);
            }
        });
    }
}

/// Draws, then waits for an event, turns it into an action and applies it, until the app stops.
/// It blocks while nothing happens (no redraw, no CPU), except that a running countdown or a
/// live session wakes it at the screen's tick interval.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    next_event: impl FnMut(Option<Duration>) -> io::Result<Option<Event>>,
    perform: &mut dyn FnMut(Effect) -> io::Result<()>,
) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    run_loop_from(terminal, app, false, next_event, perform)
}

/// The loop, its first frame already on screen when `drawn`.
fn run_loop_from<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    mut drawn: bool,
    mut next_event: impl FnMut(Option<Duration>) -> io::Result<Option<Event>>,
    perform: &mut dyn FnMut(Effect) -> io::Result<()>,
) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    while app.running {
        if !std::mem::take(&mut drawn) {
            terminal.draw(|frame| app.draw(frame))?;
        }
        app.after_frame();
        let timeout = app.tick_interval();
        let action = match next_event(timeout)? {
            Some(event) => action_for(&app.keymap(), &event),
            None => Some(Action::Tick(Instant::now())),
        };
        if let Some(effect) = action.and_then(|action| app.update(action)) {
            perform(effect)?;
        }
    }
    Ok(())
}

/// The next terminal event; with a timeout, `None` when it passes first.
fn next_terminal_event(timeout: Option<Duration>) -> io::Result<Option<Event>> {
    match timeout {
        Some(timeout) if !event::poll(timeout)? => Ok(None),
        _ => event::read().map(Some),
    }
}

fn perform(effect: Effect) -> io::Result<()> {
    match effect {
        Effect::Copy(text) => {
            let mut stdout = io::stdout();
            stdout.write_all(clipboard::osc52(&text).as_bytes())?;
            stdout.flush()
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::backend::TestBackend;

    use super::*;
    use crate::app::HomeCache;
    use crate::content::{EmbeddedCourse, load, read_index};
    use crate::progress::{ProfileName, Store, Timestamp};
    use crate::ui::theme::Theme;

    fn new_learners_first_frame(data: &std::path::Path, theme: &Theme) -> FirstFrame {
        let progress_file = ProfileName::default().progress_file(data);
        let cache = HomeCache::new(&progress_file, EmbeddedCourse::fingerprint());
        let index = || read_index(&EmbeddedCourse);
        FirstFrame::peek(
            &progress_file,
            &cache,
            theme.clone(),
            index,
            Timestamp::now(),
        )
        .expect("a new learner's first frame")
    }

    fn app(theme: &Theme) -> App {
        let store = Store::in_memory(&ProfileName::default());
        App::new(load(&EmbeddedCourse).unwrap(), theme.clone(), store)
    }

    /// A new learner's first frame written onto a blank 100x30 screen, and what it shows.
    fn first_frame_on_screen(theme: &Theme) -> (TestBackend, Buffer) {
        let data = tempfile::tempdir().unwrap();
        let first = new_learners_first_frame(data.path(), theme);
        let mut screen = TestBackend::new(100, 30);
        let shown = write_first_frame(&mut screen, &first).unwrap();
        (screen, shown)
    }

    /// The app's frame, drawn by ratatui on a terminal of its own.
    fn apps_frame(app: &App, width: u16, height: u16) -> Buffer {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|frame| app.draw(frame)).unwrap();
        terminal.backend().buffer().clone()
    }

    /// Written onto a blank screen without ratatui's terminal, the first frame shows what it
    /// drew, and that is the app's frame, at every size (too small included) and in both themes.
    #[test]
    fn the_first_frame_written_onto_a_blank_screen_is_the_apps_frame() {
        let data = tempfile::tempdir().unwrap();
        for theme in [Theme::from_no_color(None), Theme::monochrome()] {
            let first = new_learners_first_frame(data.path(), &theme);
            let app = app(&theme);
            for (width, height) in [(100, 30), (80, 24), (200, 60), (40, 12), (10, 5)] {
                let mut screen = TestBackend::new(width, height);
                let shown = write_first_frame(&mut screen, &first).unwrap();
                assert_eq!(*screen.buffer(), shown, "{width}x{height}");
                assert_eq!(shown, apps_frame(&app, width, height), "{width}x{height}");
            }
        }
    }

    /// Once the course has loaded, the app's frame is compared with the first one: the same is
    /// not written again; a different one (here, help open) is, over what is on screen.
    #[test]
    fn the_apps_first_frame_is_drawn_only_when_it_differs_from_the_one_shown() {
        let theme = Theme::monochrome();
        let (screen, shown) = first_frame_on_screen(&theme);
        let mut terminal = terminal_after(screen, Some(&shown)).unwrap();
        let mut app = app(&theme);
        assert!(shows(&mut terminal, &app, &shown));
        assert_eq!(*terminal.backend().buffer(), shown, "nothing was written");
        app.help = Some(0);
        assert!(!shows(&mut terminal, &app, &shown));
        assert_eq!(*terminal.backend().buffer(), shown, "nothing was written");
        terminal.draw(|frame| app.draw(frame)).unwrap();
        assert_eq!(*terminal.backend().buffer(), apps_frame(&app, 100, 30));
    }

    /// A terminal resized between the first frame and the app's is cleared, so nothing of the
    /// first frame is left where the app's frame is blank.
    #[test]
    fn a_terminal_resized_after_the_first_frame_is_drawn_afresh() {
        let theme = Theme::monochrome();
        let (mut screen, shown) = first_frame_on_screen(&theme);
        screen.resize(60, 20);
        let mut terminal = terminal_after(screen, Some(&shown)).unwrap();
        let mut app = app(&theme);
        app.help = Some(0);
        assert!(!shows(&mut terminal, &app, &shown));
        terminal.draw(|frame| app.draw(frame)).unwrap();
        assert_eq!(*terminal.backend().buffer(), apps_frame(&app, 60, 20));
    }
}
