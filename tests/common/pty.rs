//! Runs the real binary in a pseudo-terminal and reads its screen as a terminal would show it.
//! Shared by the end-to-end test and `examples/launch.rs`.
//!
//! The pty comes from rustix, already in the dependency tree through crossterm and tempfile, so it
//! adds no crate; the screen is kept by `vt100`, a small terminal emulator: ratatui redraws only
//! the cells that change, so the byte stream alone does not say what is on screen.

#![allow(dead_code)] // each includer uses a different part

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::OwnedFd;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use rustix::event::{PollFd, PollFlags, Timespec, poll};
use rustix::fs::{Mode, OFlags, open};
use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{Winsize, tcsetwinsize};

pub struct Tutor {
    master: File,
    pub child: Child,
    pub parser: vt100::Parser,
    /// Bytes read from the terminal so far.
    pub bytes: usize,
}

impl Tutor {
    /// Starts `binary` with `args` in a `cols`x`rows` terminal of its own (a new session whose
    /// controlling terminal is the pty), with `data_dir` as its data folder.
    pub fn spawn(
        binary: &Path,
        args: &[&str],
        data_dir: &Path,
        cols: u16,
        rows: u16,
    ) -> std::io::Result<Tutor> {
        let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC)?;
        grantpt(&master)?;
        unlockpt(&master)?;
        let name = ptsname(&master, Vec::new())?;
        let size = Winsize {
            ws_row: rows,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        tcsetwinsize(&master, size)?;
        let slave: OwnedFd = open(
            name.as_c_str(),
            OFlags::RDWR | OFlags::NOCTTY | OFlags::CLOEXEC,
            Mode::empty(),
        )?;
        let mut command = Command::new(binary);
        command
            .args(args)
            .env("AKS_TUTOR_DATA_DIR", data_dir)
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR")
            .stdin(Stdio::from(slave.try_clone()?))
            .stdout(Stdio::from(slave.try_clone()?))
            .stderr(Stdio::from(slave));
        // SAFETY: between fork and exec only async-signal-safe calls: setsid and an ioctl.
        unsafe {
            command.pre_exec(|| {
                rustix::process::setsid()?;
                rustix::process::ioctl_tiocsctty(rustix::stdio::stdin())?;
                Ok(())
            });
        }
        let child = command.spawn()?;
        Ok(Tutor {
            master: File::from(master),
            child,
            parser: vt100::Parser::new(nonzero(rows)?, nonzero(cols)?, 0),
            bytes: 0,
        })
    }

    /// Reads what the tutor writes until `done(screen)` holds; `Err` with the screen when
    /// `timeout` passes first or the tutor closes the terminal.
    pub fn wait_for(
        &mut self,
        timeout: Duration,
        mut done: impl FnMut(&vt100::Screen) -> bool,
    ) -> Result<(), String> {
        let deadline = Instant::now() + timeout;
        while !done(self.parser.screen()) {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(format!("timed out; the screen:\n{}", self.contents()));
            }
            if !self.read_for(left)? {
                return Err(format!(
                    "the tutor closed the terminal; the screen:\n{}",
                    self.contents()
                ));
            }
        }
        Ok(())
    }

    /// Waits until `text` is on screen.
    pub fn wait_for_text(&mut self, text: &str, timeout: Duration) -> Result<(), String> {
        self.wait_for(timeout, |screen| screen.contents().contains(text))
            .map_err(|e| format!("waiting for {text:?}: {e}"))
    }

    /// Reads whatever arrives within `wait`; false when the terminal has closed.
    pub fn read_for(&mut self, wait: Duration) -> Result<bool, String> {
        let timeout = Timespec::try_from(wait).map_err(|e| e.to_string())?;
        let mut fds = [PollFd::new(&self.master, PollFlags::IN)];
        match poll(&mut fds, Some(&timeout)) {
            Ok(0) | Err(rustix::io::Errno::INTR) => return Ok(true),
            Ok(_) => {}
            Err(error) => return Err(error.to_string()),
        }
        let mut buffer = [0u8; 16 * 1024];
        match self.master.read(&mut buffer) {
            Ok(0) => Ok(false),
            Ok(n) => {
                self.bytes += n;
                self.parser.process(&buffer[..n]);
                Ok(true)
            }
            // Linux reports EIO on the master once the last slave is closed.
            Err(error) if error.raw_os_error() == Some(rustix::io::Errno::IO.raw_os_error()) => {
                Ok(false)
            }
            Err(error) => Err(error.to_string()),
        }
    }

    /// Types keys: each string is sent as one write, like a key press (`"\r"` is Enter).
    pub fn press(&mut self, keys: &[&str]) {
        for key in keys {
            self.master
                .write_all(key.as_bytes())
                .expect("write to the terminal");
        }
    }

    /// Waits for the tutor to exit, reading (and so emptying) the terminal meanwhile.
    pub fn wait_exit(&mut self, timeout: Duration) -> Result<ExitStatus, String> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait().map_err(|e| e.to_string())? {
                // What it wrote on its way out may still be in the pty: read it all, so the
                // screen is the one it left.
                let drained_by = Instant::now() + Duration::from_millis(300);
                while self.read_for(Duration::from_millis(5))? && Instant::now() < drained_by {}
                return Ok(status);
            }
            if Instant::now() >= deadline {
                let _ = self.child.kill();
                return Err(format!(
                    "the tutor did not exit; the screen:\n{}",
                    self.contents()
                ));
            }
            self.read_for(Duration::from_millis(20))?;
        }
    }

    pub fn contents(&self) -> String {
        self.parser.screen().contents()
    }
}

/// The screen's last row, where the footer is.
pub fn last_row(screen: &vt100::Screen) -> String {
    let (rows, cols) = screen.size();
    screen
        .rows(0, cols.get())
        .nth(usize::from(rows.get()) - 1)
        .unwrap_or_default()
}

impl Drop for Tutor {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The tutor's own CPU time so far (user + system), from /proc/<pid>/stat.
pub fn cpu_time(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name is in parentheses and may hold spaces: count fields after the last ')'.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    let per_second = rustix::param::clock_ticks_per_second();
    Some(Duration::from_secs_f64(ticks as f64 / per_second as f64))
}

/// A field of /proc/<pid>/status in kB, such as `VmRSS` or `VmHWM`.
pub fn status_kb(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

fn nonzero(n: u16) -> std::io::Result<std::num::NonZeroU16> {
    std::num::NonZeroU16::new(n).ok_or_else(|| std::io::Error::other("a terminal needs a size"))
}
