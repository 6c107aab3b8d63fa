//! Points in time as the progress file stores them: UTC only, to the second, written as RFC 3339
//! (`2026-03-29T00:30:00Z`).
//!
//! Why UTC: a progress file travels (a laptop changes time zone, a team lead reads five people's
//! files), and intervals must not stretch or shrink when a clock moves for daylight saving time.
//! Local time is a display concern; nothing stored depends on it.
//!
//! Why RFC 3339 text rather than epoch seconds: the file is meant to be read by people (a team
//! lead, a learner checking what was saved); `2026-03-29T00:30:00Z` is readable, `1774744200` is
//! not, and the cost of parsing a few thousand timestamps is negligible.

use std::fmt;

use chrono::{DateTime, NaiveDate, SecondsFormat, TimeDelta, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A UTC instant, to the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(DateTime<Utc>);

impl Timestamp {
    /// The current time, truncated to the second.
    pub fn now() -> Self {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |elapsed| {
                i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX)
            });
        Self::from_unix_seconds(seconds).unwrap_or(Self(DateTime::UNIX_EPOCH))
    }

    /// `None` beyond the range chrono can represent (hundreds of thousands of years).
    pub fn from_unix_seconds(seconds: i64) -> Option<Self> {
        DateTime::from_timestamp(seconds, 0).map(Self)
    }

    /// Parses RFC 3339 with any offset and keeps the same instant in UTC.
    pub fn parse_rfc3339(text: &str) -> Option<Self> {
        DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|time| Self::from_datetime(time.with_timezone(&Utc)))
    }

    pub fn from_datetime(time: DateTime<Utc>) -> Self {
        // Sub-second precision is dropped so that a save and a reload give back the same value.
        Self::from_unix_seconds(time.timestamp()).unwrap_or(Self(time))
    }

    pub fn unix_seconds(self) -> i64 {
        self.0.timestamp()
    }

    pub fn as_datetime(self) -> DateTime<Utc> {
        self.0
    }

    /// The calendar date in UTC (streaks and session dates use UTC dates; see `mastery`).
    pub fn utc_date(self) -> NaiveDate {
        self.0.date_naive()
    }

    /// Seconds from `earlier` to `self` (negative when `earlier` is later).
    pub fn seconds_since(self, earlier: Timestamp) -> i64 {
        self.0.signed_duration_since(earlier.0).num_seconds()
    }

    /// This instant plus `minutes`, saturating at the end of representable time.
    pub fn plus_minutes(self, minutes: i64) -> Self {
        TimeDelta::try_minutes(minutes)
            .and_then(|delta| self.0.checked_add_signed(delta))
            .map_or(self, Self)
    }

    pub fn to_rfc3339(self) -> String {
        self.0.to_rfc3339_opts(SecondsFormat::Secs, true)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_rfc3339())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse_rfc3339(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{text}` is not an RFC 3339 time such as 2026-03-29T00:30:00Z"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_offset_is_normalised_to_utc() {
        let time = Timestamp::parse_rfc3339("2026-03-29T02:30:00+01:00").unwrap();
        assert_eq!(time.to_rfc3339(), "2026-03-29T01:30:00Z");
    }

    #[test]
    fn fractions_of_a_second_are_dropped() {
        let time = Timestamp::parse_rfc3339("2026-01-01T00:00:00.999Z").unwrap();
        assert_eq!(time.unix_seconds(), 1_767_225_600);
        assert_eq!(time.to_rfc3339(), "2026-01-01T00:00:00Z");
    }

    #[test]
    fn text_that_is_not_a_time_is_refused() {
        assert_eq!(Timestamp::parse_rfc3339("yesterday"), None);
        assert_eq!(Timestamp::parse_rfc3339("2026-01-01 00:00"), None);
    }

    #[test]
    fn adding_minutes_never_overflows() {
        let end = Timestamp::from_unix_seconds(8_210_266_876_799).unwrap();
        assert_eq!(end.plus_minutes(i64::MAX), end);
    }
}
