//! The terminal runtime: set the terminal up, run the event loop, and restore the terminal on
//! every way out (return, error or panic). The loop is generic over the backend and the event
//! source so tests can drive it without a terminal.

use std::io::{self, Write};
use std::time::{Duration, Instant};

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use crossterm::{execute, queue};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;

use crate::app::{App, FirstFrame};
use crate::input::{Action, Effect, action_for};
use crate::ui::clipboard;
use crate::ui::inert_backend::InertBackend;

/// The real terminal, every cell drawn through the inert gate.
type TutorTerminal = Terminal<InertBackend<CrosstermBackend<FrameOut>>>;

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
    // What ratatui's `init` does, without the terminal it makes and this one would replace (its
    // two screen buffers are most of the set-up): a panic hook that gives the terminal back (mouse
    // reporting too, or the shell receives mouse escape codes after a panic), raw mode, then the
    // alternate screen and mouse reporting, sent in the same write as the first frame.
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        ratatui::restore();
        previous_hook(info);
    }));
    let set_up = enable_raw_mode().and_then(|()| {
        let mut out = FrameOut(Vec::new());
        queue!(out, EnterAlternateScreen, EnableMouseCapture)?;
        Terminal::new(InertBackend(CrosstermBackend::new(out)))
    });
    let mut terminal = match set_up {
        Ok(terminal) => terminal,
        Err(error) => {
            let _ = execute!(io::stdout(), DisableMouseCapture);
            ratatui::restore();
            anyhow::bail!("cannot start the terminal UI: {error}");
        }
    };
    let signals = catch_termination_signals();
    // Only now, with every way out restoring the terminal: once home is on screen, SIGTERM must
    // give the terminal back (tests/e2e_pty.rs sends it as soon as it sees home). Starting the
    // thread that acts on a signal can wait until the frame is out.
    let drawn = match first {
        Some(first) => terminal
            .draw(|frame| first.draw(frame.buffer_mut()))
            .map(|completed| Some(completed.buffer.clone()))
            .map(|shown| shown.map(|shown| (first, shown))),
        None => Ok(None),
    };
    if matches!(drawn, Ok(Some(_))) {
        // The frame is written, but it is on screen only once the kernel has passed it through
        // the pty and the terminal has read it, and both may wait for this processor, which
        // what follows (the store, the course: milliseconds of work) would otherwise keep. On 2
        // cores after an idle moment, a launch's p95 went from 5.3 ms to 2.5 ms (README).
        std::thread::yield_now();
    }
    signals.restore_on_arrival();
    let result = match drawn {
        Ok(shown) => body(&mut terminal, shown),
        Err(error) => Err(error.into()),
    };
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
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
                let _ = execute!(io::stdout(), DisableMouseCapture);
                ratatui::restore();
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

    /// Once the course has loaded, the app's frame is compared with the first one: the same is
    /// not written again; a different one (here, help open) is.
    #[test]
    fn the_apps_first_frame_is_drawn_only_when_it_differs_from_the_one_shown() {
        let theme = Theme::monochrome();
        let data = tempfile::tempdir().unwrap();
        let progress_file = ProfileName::default().progress_file(data.path());
        let cache = HomeCache::new(&progress_file, EmbeddedCourse::fingerprint());
        let index = || read_index(&EmbeddedCourse);
        let first = FirstFrame::peek(
            &progress_file,
            &cache,
            theme.clone(),
            index,
            Timestamp::now(),
        )
        .expect("a new learner's first frame");
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        let shown = terminal
            .draw(|frame| first.draw(frame.buffer_mut()))
            .unwrap()
            .buffer
            .clone();
        let store = Store::in_memory(&ProfileName::default());
        let mut app = App::new(load(&EmbeddedCourse).unwrap(), theme, store);
        assert!(shows(&mut terminal, &app, &shown));
        assert_eq!(*terminal.backend().buffer(), shown, "nothing was written");
        app.help = Some(0);
        assert!(!shows(&mut terminal, &app, &shown));
        assert_eq!(*terminal.backend().buffer(), shown, "nothing was written");
    }
}
