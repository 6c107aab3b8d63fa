//! A player's outgoing messages: a bounded queue drained by one writer thread per connection,
//! so the room thread never waits on a socket. A client that stops reading fills its kernel
//! buffers, then this queue (the room sees `Full` at once and cuts it off), or leaves a write
//! blocked past the write timeout (the writer reports it); either way nobody else waits.

use std::io::Write;
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::sync::Arc;
use std::sync::mpsc::{Sender, SyncSender, TrySendError, sync_channel};
use std::thread;

use super::server::{ConnId, Limits, NetEvent, RoomEvent};

/// The room's end of a connection's writer.
#[derive(Debug)]
pub struct Outbox {
    pub conn: ConnId,
    pub addr: SocketAddr,
    queue: SyncSender<Arc<str>>,
    stream: TcpStream,
}

/// The queue was full: the client is not reading.
#[derive(Debug, PartialEq, Eq)]
pub struct Stalled;

impl Outbox {
    /// Starts the writer thread of a connection. A failed or timed-out write is reported to
    /// the room as a cut-off and closes the connection.
    pub fn start(
        conn: ConnId,
        addr: SocketAddr,
        stream: &TcpStream,
        limits: &Limits,
        events: Sender<RoomEvent>,
    ) -> std::io::Result<Outbox> {
        let (queue, lines) = sync_channel::<Arc<str>>(limits.queue);
        let mut writer = stream.try_clone()?;
        writer.set_write_timeout(Some(limits.write_timeout))?;
        let timeout = limits.write_timeout;
        thread::Builder::new()
            .name(format!("session-writer-{conn}"))
            .spawn(move || {
                for line in lines {
                    if let Err(error) = writer.write_all(line.as_bytes()) {
                        let why = if super::lines::is_timeout(&error) {
                            format!(
                                "it stopped reading (a write waited more than {} s)",
                                timeout.as_secs_f64()
                            )
                        } else {
                            format!("the connection failed: {error}")
                        };
                        let _ = events.send(RoomEvent::Net(NetEvent::CutOff { conn, why }));
                        break;
                    }
                }
                // The room dropped the queue (closed, refused) or the write failed: either way
                // the connection ends here, which also ends its reader.
                let _ = writer.flush();
                let _ = writer.shutdown(Shutdown::Both);
            })?;
        Ok(Outbox {
            conn,
            addr,
            queue,
            stream: stream.try_clone()?,
        })
    }

    /// Queues a line without waiting.
    pub fn send(&self, line: Arc<str>) -> Result<(), Stalled> {
        match self.queue.try_send(line) {
            Ok(()) => Ok(()),
            // A disconnected writer already reported why; nothing to add.
            Err(TrySendError::Disconnected(_)) => Ok(()),
            Err(TrySendError::Full(_)) => Err(Stalled),
        }
    }

    /// Closes the connection now, queued lines or not (a stalled client, the room closing).
    pub fn close_now(&self) {
        let _ = self.stream.shutdown(Shutdown::Both);
    }
}

#[cfg(test)]
mod tests {
    use std::net::TcpListener;
    use std::sync::mpsc::channel;
    use std::time::Duration;

    use super::*;

    /// A client that never reads: its kernel buffers fill, the writer blocks, and then either
    /// the queue is full (`Stalled` at once for the room) or the write times out (reported).
    #[test]
    fn a_client_that_never_reads_is_reported_and_never_blocks_the_sender() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let _client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (stream, addr) = listener.accept().unwrap();
        let (events, inbox) = channel();
        let limits = Limits {
            queue: 2,
            write_timeout: Duration::from_millis(200),
            ..Limits::default()
        };
        let outbox = Outbox::start(7, addr, &stream, &limits, events).unwrap();
        let big: Arc<str> = "x".repeat(1 << 20).into();
        let (mut stalled, mut reported) = (false, None);
        let start = std::time::Instant::now();
        while reported.is_none() && start.elapsed() < Duration::from_secs(30) {
            // Never blocks, however full the socket is: a full queue answers `Stalled` at once.
            stalled |= outbox.send(big.clone()) == Err(Stalled);
            reported = inbox.recv_timeout(Duration::from_millis(10)).ok();
        }
        assert!(stalled, "a client that never reads fills its queue");
        let event = reported.expect("the blocked write is reported");
        match event {
            RoomEvent::Net(NetEvent::CutOff { conn: 7, why }) => {
                assert!(why.contains("stopped reading"), "{why}")
            }
            other => panic!("a cut-off, got {other:?}"),
        }
    }
}
