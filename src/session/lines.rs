//! Reading one line with a bound: a peer that never sends a newline can make us hold at most
//! [`MAX_LINE_BYTES`] + 1 bytes, never more. Both the host's readers and the client use it.

use std::io::{self, BufRead, Read};
use std::net::TcpStream;
use std::time::Instant;

use super::protocol::MAX_LINE_BYTES;

/// What one bounded read gave.
#[derive(Debug, PartialEq, Eq)]
pub enum LineRead {
    /// A whole line, newline included, is in the buffer.
    Line,
    /// The peer closed the connection (a half line before the close is dropped).
    Closed,
    /// More than [`MAX_LINE_BYTES`] without a newline.
    TooLong,
}

/// Reads the next line into `buf` (cleared first).
pub fn read_line_bounded(reader: &mut impl BufRead, buf: &mut Vec<u8>) -> io::Result<LineRead> {
    buf.clear();
    let read = reader
        .by_ref()
        .take(MAX_LINE_BYTES as u64 + 1)
        .read_until(b'\n', buf)?;
    if buf.len() > MAX_LINE_BYTES {
        return Ok(LineRead::TooLong);
    }
    if read == 0 || buf.last() != Some(&b'\n') {
        return Ok(LineRead::Closed);
    }
    Ok(LineRead::Line)
}

/// A socket read with an overall deadline (the hello must arrive within so long, however
/// slowly its bytes trickle in); without one, a plain blocking read.
pub struct DeadlineReader {
    pub stream: TcpStream,
    pub deadline: Option<Instant>,
}

impl Read for DeadlineReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(deadline) = self.deadline {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(io::ErrorKind::TimedOut.into());
            }
            self.stream.set_read_timeout(Some(left))?;
        }
        self.stream.read(buf)
    }
}

/// Whether a read error is a timeout (platforms differ in the kind they give).
pub fn is_timeout(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_read_whole_and_long_ones_refused_without_buffering_them() {
        let mut input = Vec::new();
        input.extend_from_slice(b"one\n");
        input.extend(std::iter::repeat_n(b'x', MAX_LINE_BYTES * 4));
        let mut reader = io::BufReader::new(&input[..]);
        let mut buf = Vec::new();
        assert_eq!(
            read_line_bounded(&mut reader, &mut buf).unwrap(),
            LineRead::Line
        );
        assert_eq!(buf, b"one\n");
        assert_eq!(
            read_line_bounded(&mut reader, &mut buf).unwrap(),
            LineRead::TooLong
        );
        assert!(buf.len() <= MAX_LINE_BYTES + 1);
        let mut empty = io::BufReader::new(&b"half"[..]);
        assert_eq!(
            read_line_bounded(&mut empty, &mut buf).unwrap(),
            LineRead::Closed
        );
    }

    #[test]
    fn a_line_of_exactly_the_bound_is_accepted() {
        let mut line = vec![b' '; MAX_LINE_BYTES - 1];
        line.push(b'\n');
        let mut reader = io::BufReader::new(&line[..]);
        let mut buf = Vec::new();
        assert_eq!(
            read_line_bounded(&mut reader, &mut buf).unwrap(),
            LineRead::Line
        );
    }

    proptest::proptest! {
        /// Whatever arrives, each read holds at most the bound and the reading ends.
        #[test]
        fn arbitrary_input_is_read_in_bounded_lines(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..(3 * MAX_LINE_BYTES)),
            newline_every in 1usize..(2 * MAX_LINE_BYTES),
        ) {
            let mut input = bytes;
            for i in (0..input.len()).step_by(newline_every) {
                input[i] = b'\n';
            }
            let mut reader = io::BufReader::new(&input[..]);
            let mut buf = Vec::new();
            for _ in 0..=input.len() {
                let read = read_line_bounded(&mut reader, &mut buf).unwrap();
                proptest::prop_assert!(buf.len() <= MAX_LINE_BYTES + 1);
                if read == LineRead::Line {
                    let _ = crate::session::protocol::decode::<crate::session::protocol::ClientMessage>(&buf);
                } else if read == LineRead::Closed {
                    break;
                }
            }
        }
    }
}
