//! The TCP side of a room: an accept thread, and per connection a reader thread (hello, then
//! messages, each line bounded) and a writer ([`Outbox`]). Readers and writers talk to the room
//! thread only through its channel, so one misbehaving client (garbage, an oversized line, a
//! flood, a stall) is cut off by its own threads and never slows the room or anyone else.

use std::collections::HashMap;
use std::io::BufReader;
use std::io::Write;
use std::net::{Ipv4Addr, Ipv6Addr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use super::lines::{DeadlineReader, LineRead, is_timeout, read_line_bounded};
use super::outbox::Outbox;
use super::protocol::{
    ClientMessage, HostMessage, MAX_LINE_BYTES, PROTOCOL_VERSION, decode, encode,
};
use super::rounds::code_matches;
use super::view::HostCommand;
use super::wrong_codes::WrongCodes;

pub type ConnId = u64;

/// How much a room puts up with. The defaults suit a room of up to a few hundred players.
#[derive(Debug, Clone)]
pub struct Limits {
    /// A hello must arrive this soon after connecting.
    pub hello_timeout: Duration,
    /// Messages queued for one client before it counts as stalled.
    pub queue: usize,
    /// A write blocked this long means the client stopped reading.
    pub write_timeout: Duration,
    /// More messages than this in one second is a flood.
    pub max_messages_per_second: u32,
    /// Open connections at most (joined or still saying hello).
    pub max_connections: usize,
    /// Wrong join codes from one address within a minute before it is turned away for the
    /// rest of that minute.
    pub max_wrong_codes: u32,
    /// Count wrong codes from loopback too (off: on a shared machine everyone is 127.0.0.1).
    pub count_loopback_codes: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            hello_timeout: Duration::from_secs(10),
            queue: 64,
            write_timeout: Duration::from_secs(5),
            max_messages_per_second: 20,
            max_connections: 200,
            max_wrong_codes: 10,
            count_loopback_codes: false,
        }
    }
}

/// What the network tells the room.
#[derive(Debug)]
pub enum NetEvent {
    /// A client said hello with the right code and version; the room decides on the name.
    Hello {
        conn: ConnId,
        name: String,
        outbox: Outbox,
    },
    Message {
        conn: ConnId,
        message: ClientMessage,
    },
    /// The client misbehaved (or stopped reading) and its connection is being closed.
    CutOff { conn: ConnId, why: String },
    /// The client closed its connection.
    Closed { conn: ConnId },
    /// Something the facilitator should know about a connection that never joined.
    Notice(String),
}

/// Everything the room thread waits for, on one channel.
#[derive(Debug)]
pub enum RoomEvent {
    Command(HostCommand),
    Net(NetEvent),
    Stop,
}

/// Every open stream, so that closing the room closes them all, joined or not.
struct Registry {
    streams: Mutex<HashMap<ConnId, TcpStream>>,
    next: AtomicU64,
    wrong_codes: WrongCodes,
}

impl Registry {
    fn new(limits: &Limits) -> Self {
        Self {
            streams: Mutex::default(),
            next: AtomicU64::default(),
            wrong_codes: WrongCodes::new(limits.max_wrong_codes, limits.count_loopback_codes),
        }
    }
}

/// The running accept thread and the connections it opened.
pub struct Server {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    registry: Arc<Registry>,
    acceptor: Option<JoinHandle<()>>,
}

impl Server {
    pub fn start(
        listener: TcpListener,
        code: String,
        limits: Limits,
        events: Sender<RoomEvent>,
    ) -> std::io::Result<Server> {
        let addr = listener.local_addr()?;
        // A blocking accept costs nothing while the room idles; `shutdown` wakes it with a
        // connection of its own.
        listener.set_nonblocking(false)?;
        let stop = Arc::new(AtomicBool::new(false));
        let registry = Arc::new(Registry::new(&limits));
        let acceptor = {
            let (stop, registry) = (stop.clone(), registry.clone());
            thread::Builder::new()
                .name("session-accept".into())
                .spawn(move || accept_loop(listener, code, limits, events, stop, registry))?
        };
        Ok(Server {
            addr,
            stop,
            registry,
            acceptor: Some(acceptor),
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops accepting and closes every connection (their threads end on their own).
    pub fn shutdown(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(acceptor) = self.acceptor.take() {
            let mut wake = self.addr;
            if wake.ip().is_unspecified() {
                wake.set_ip(match wake {
                    SocketAddr::V4(_) => Ipv4Addr::LOCALHOST.into(),
                    SocketAddr::V6(_) => Ipv6Addr::LOCALHOST.into(),
                });
            }
            // Without the wake-up (a firewall in the way?) the thread is left to end with
            // the process rather than hang the room's close.
            if TcpStream::connect_timeout(&wake, Duration::from_secs(1)).is_ok() {
                let _ = acceptor.join();
            }
        }
        for stream in self.registry.streams.lock().expect("registry").values() {
            let _ = stream.shutdown(Shutdown::Both);
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shutdown();
    }
}

fn accept_loop(
    listener: TcpListener,
    code: String,
    limits: Limits,
    events: Sender<RoomEvent>,
    stop: Arc<AtomicBool>,
    registry: Arc<Registry>,
) {
    loop {
        let accepted = listener.accept();
        if stop.load(Ordering::SeqCst) {
            return;
        }
        let (stream, addr) = match accepted {
            Ok(accepted) => accepted,
            Err(_) => {
                // Out of file descriptors, say: wait a little rather than spin.
                thread::sleep(Duration::from_millis(10));
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        if registry.wrong_codes.locked_out(addr.ip(), Instant::now()) {
            refuse(
                &stream,
                "too many wrong join codes from this address; try again in a minute",
            );
            continue;
        }
        let conn = registry.next.fetch_add(1, Ordering::SeqCst);
        let full = {
            let mut streams = registry.streams.lock().expect("registry");
            let full = streams.len() >= limits.max_connections;
            if !full && let Ok(clone) = stream.try_clone() {
                streams.insert(conn, clone);
            }
            full
        };
        if full {
            refuse(&stream, "the room is full");
            let _ = events.send(RoomEvent::Net(NetEvent::Notice(format!(
                "Turned away {addr}: already {} connections",
                limits.max_connections
            ))));
            continue;
        }
        let (code, limits, events, registry) = (
            code.clone(),
            limits.clone(),
            events.clone(),
            registry.clone(),
        );
        let spawned = thread::Builder::new()
            .name(format!("session-reader-{conn}"))
            .spawn(move || {
                serve(
                    conn,
                    addr,
                    stream,
                    &code,
                    &limits,
                    &events,
                    &registry.wrong_codes,
                );
                registry.streams.lock().expect("registry").remove(&conn);
            });
        if spawned.is_err() {
            // Out of threads: the stream was moved into the failed closure and is closed.
            continue;
        }
    }
}

/// Writes a refusal straight to a client that never joined, then closes it.
fn refuse(stream: &TcpStream, reason: &str) {
    let mut stream = stream;
    let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
    let _ = stream.write_all(
        encode(&HostMessage::Refused {
            reason: reason.to_string(),
        })
        .as_bytes(),
    );
    let _ = stream.shutdown(Shutdown::Both);
}

/// One connection from hello to close.
fn serve(
    conn: ConnId,
    addr: SocketAddr,
    stream: TcpStream,
    code: &str,
    limits: &Limits,
    events: &Sender<RoomEvent>,
    wrong_codes: &WrongCodes,
) {
    let notice = |text: String| {
        let _ = events.send(RoomEvent::Net(NetEvent::Notice(text)));
    };
    let Ok(read_half) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(DeadlineReader {
        stream: read_half,
        deadline: Some(Instant::now() + limits.hello_timeout),
    });
    let mut buf = Vec::with_capacity(256);
    let hello = match read_line_bounded(&mut reader, &mut buf) {
        Ok(LineRead::Line) => decode::<ClientMessage>(&buf).map_err(|e| e.to_string()),
        Ok(LineRead::TooLong) => Err(format!("a line of more than {MAX_LINE_BYTES} bytes")),
        Ok(LineRead::Closed) => return,
        Err(error) if is_timeout(&error) => Err(format!(
            "no hello within {} s",
            limits.hello_timeout.as_secs()
        )),
        Err(_) => return,
    };
    let (name, why_not) = match hello {
        Ok(ClientMessage::Hello {
            version,
            name,
            code: typed,
        }) => {
            let why_not = if version != PROTOCOL_VERSION {
                Some(format!(
                    "the host speaks protocol version {PROTOCOL_VERSION} and this client speaks {version} (update one of them)"
                ))
            } else if !code_matches(code, &typed) {
                wrong_codes.record(addr.ip(), Instant::now());
                Some("wrong join code".to_string())
            } else {
                None
            };
            (name, why_not)
        }
        Ok(_) => (
            String::new(),
            Some("the first message must be a hello".into()),
        ),
        Err(why) => (String::new(), Some(why)),
    };
    if let Some(reason) = why_not {
        refuse(&stream, &reason);
        notice(format!(
            "Refused {addr}: {}",
            crate::inert::sanitize(&reason)
        ));
        return;
    }
    reader.get_mut().deadline = None;
    let _ = stream.set_read_timeout(None);
    let Ok(outbox) = Outbox::start(conn, addr, &stream, limits, events.clone()) else {
        return;
    };
    let joined = RoomEvent::Net(NetEvent::Hello { conn, name, outbox });
    if events.send(joined).is_err() {
        return;
    }
    let cut_off = |why: String| {
        let _ = events.send(RoomEvent::Net(NetEvent::CutOff { conn, why }));
    };
    let (mut window, mut count) = (Instant::now(), 0u32);
    loop {
        match read_line_bounded(&mut reader, &mut buf) {
            Ok(LineRead::Line) => {}
            Ok(LineRead::TooLong) => {
                return cut_off(format!(
                    "it sent a line of more than {MAX_LINE_BYTES} bytes"
                ));
            }
            Ok(LineRead::Closed) | Err(_) => {
                let _ = events.send(RoomEvent::Net(NetEvent::Closed { conn }));
                return;
            }
        }
        let now = Instant::now();
        if now.duration_since(window) >= Duration::from_secs(1) {
            (window, count) = (now, 0);
        }
        count += 1;
        if count > limits.max_messages_per_second {
            return cut_off(format!(
                "it flooded the room (more than {} messages in a second)",
                limits.max_messages_per_second
            ));
        }
        match decode::<ClientMessage>(&buf) {
            Ok(message) => {
                let event = RoomEvent::Net(NetEvent::Message { conn, message });
                if events.send(event).is_err() {
                    return;
                }
            }
            Err(error) => return cut_off(format!("it sent {error}")),
        }
    }
}
