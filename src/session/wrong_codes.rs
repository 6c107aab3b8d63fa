//! Wrong join codes, counted per address: four characters give about a million codes, so a
//! machine on the LAN that keeps guessing is turned away for a while. Loopback is left alone by
//! default: on one shared machine every player comes from 127.0.0.1, and one player's typos
//! must not lock the others out.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long wrong codes are remembered, and an address that made too many is turned away.
pub const WRONG_CODE_WINDOW: Duration = Duration::from_secs(60);

pub(crate) struct WrongCodes {
    max: u32,
    count_loopback: bool,
    /// Per address: when its window opened, and the wrong codes since.
    seen: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

impl WrongCodes {
    pub fn new(max: u32, count_loopback: bool) -> Self {
        Self {
            max,
            count_loopback,
            seen: Mutex::new(HashMap::new()),
        }
    }

    fn counted(&self, ip: IpAddr) -> bool {
        self.count_loopback || !ip.is_loopback()
    }

    /// Whether `ip` made `max` wrong guesses within the window.
    pub fn locked_out(&self, ip: IpAddr, now: Instant) -> bool {
        if !self.counted(ip) {
            return false;
        }
        let mut seen = self.seen.lock().expect("wrong codes");
        match seen.get(&ip) {
            Some(&(opened, _)) if now.duration_since(opened) >= WRONG_CODE_WINDOW => {
                seen.remove(&ip);
                false
            }
            Some(&(_, count)) => count >= self.max,
            None => false,
        }
    }

    pub fn record(&self, ip: IpAddr, now: Instant) {
        if !self.counted(ip) {
            return;
        }
        let mut seen = self.seen.lock().expect("wrong codes");
        let entry = seen.entry(ip).or_insert((now, 0));
        if now.duration_since(entry.0) >= WRONG_CODE_WINDOW {
            *entry = (now, 0);
        }
        entry.1 += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAN: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(192, 168, 1, 20));
    const LOOPBACK: IpAddr = IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);

    #[test]
    fn an_address_is_turned_away_after_too_many_wrong_codes_until_the_window_passes() {
        let codes = WrongCodes::new(3, false);
        let t0 = Instant::now();
        for _ in 0..2 {
            codes.record(LAN, t0);
        }
        assert!(!codes.locked_out(LAN, t0));
        codes.record(LAN, t0);
        assert!(codes.locked_out(LAN, t0));
        assert!(codes.locked_out(LAN, t0 + WRONG_CODE_WINDOW / 2));
        assert!(!codes.locked_out(LAN, t0 + WRONG_CODE_WINDOW));
    }

    #[test]
    fn loopback_is_not_counted_unless_asked() {
        let codes = WrongCodes::new(1, false);
        let t0 = Instant::now();
        codes.record(LOOPBACK, t0);
        assert!(!codes.locked_out(LOOPBACK, t0));
        let strict = WrongCodes::new(1, true);
        strict.record(LOOPBACK, t0);
        assert!(strict.locked_out(LOOPBACK, t0));
    }
}
