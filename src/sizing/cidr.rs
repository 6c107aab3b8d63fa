//! IPv4 CIDR maths for Azure: usable addresses, the smallest subnet that fits, overlaps, and parsing.

use std::net::Ipv4Addr;
use std::str::FromStr;

use ipnet::Ipv4Net;

/// Azure keeps 5 addresses of every subnet: the network address, the default gateway, two for Azure DNS, and
/// the last address.
pub const AZURE_RESERVED_PER_SUBNET: u64 = 5;

/// The smallest subnet Azure accepts is a /29 (8 addresses, 3 usable): a larger prefix number is refused.
pub const SMALLEST_SUBNET_PREFIX: u8 = 29;

/// Why a piece of text is not an IPv4 CIDR or address. The messages finish the sentence "… is not valid: ".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CidrError {
    #[error("'{0}' is empty; write a range such as 10.0.0.0/16")]
    Empty(String),
    #[error("'{0}' has no prefix length; write it as address/prefix, for example 10.0.0.0/16")]
    MissingPrefix(String),
    #[error(
        "'{0}' is not an IPv4 address; write four numbers 0-255 separated by dots, for example 10.0.0.10"
    )]
    BadAddress(String),
    #[error("'{0}' has a prefix length that is not a number from 0 to 32")]
    BadPrefix(String),
}

/// Parses `a.b.c.d/n`, trimming surrounding whitespace.
///
/// Host bits are kept (`10.0.1.0/16` parses as written) on purpose: the plan validator reports them with the
/// network they would mean, which teaches more than a parse error would.
pub fn parse_cidr(text: &str) -> Result<Ipv4Net, CidrError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(CidrError::Empty(text.to_string()));
    }
    let Some((address, prefix)) = trimmed.split_once('/') else {
        return Err(CidrError::MissingPrefix(trimmed.to_string()));
    };
    let address = Ipv4Addr::from_str(address.trim())
        .map_err(|_| CidrError::BadAddress(trimmed.to_string()))?;
    // `u8::from_str` accepts a leading `+`, but "/+16" is not how anyone writes a prefix.
    let prefix = prefix.trim();
    if prefix.is_empty() || !prefix.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CidrError::BadPrefix(trimmed.to_string()));
    }
    let prefix = prefix
        .parse::<u8>()
        .map_err(|_| CidrError::BadPrefix(trimmed.to_string()))?;
    Ipv4Net::new(address, prefix).map_err(|_| CidrError::BadPrefix(trimmed.to_string()))
}

/// Parses a single IPv4 address, trimming surrounding whitespace.
pub fn parse_ipv4(text: &str) -> Result<Ipv4Addr, CidrError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(CidrError::Empty(text.to_string()));
    }
    Ipv4Addr::from_str(trimmed).map_err(|_| CidrError::BadAddress(trimmed.to_string()))
}

/// How many addresses a /`prefix` spans: 2^(32 − prefix). Prefixes above 32 span nothing.
pub fn total_addresses(prefix: u8) -> u64 {
    if prefix > 32 {
        0
    } else {
        1u64 << (32 - prefix)
    }
}

/// Addresses Azure lets you use in a /`prefix` subnet: 2^(32 − prefix) − 5.
///
/// Saturates at 0 for /30 to /32, which Azure refuses as subnets anyway.
pub fn usable_addresses(prefix: u8) -> u64 {
    total_addresses(prefix).saturating_sub(AZURE_RESERVED_PER_SUBNET)
}

/// The smallest Azure subnet (the largest prefix number, never above /29) whose usable addresses hold
/// `required` addresses; `None` when even a /0 would not.
pub fn smallest_subnet_prefix(required: u64) -> Option<u8> {
    (0..=SMALLEST_SUBNET_PREFIX)
        .rev()
        .find(|&prefix| usable_addresses(prefix) >= required)
}

/// The first and last address of a range as integers, so comparisons need no address arithmetic.
pub fn bounds(net: &Ipv4Net) -> (u32, u32) {
    (u32::from(net.network()), u32::from(net.broadcast()))
}

/// Whether two ranges share at least one address. Host bits are ignored: a range is its whole network.
pub fn overlaps(a: &Ipv4Net, b: &Ipv4Net) -> bool {
    let (a_first, a_last) = bounds(a);
    let (b_first, b_last) = bounds(b);
    a_first <= b_last && b_first <= a_last
}

/// Whether every address of `inner` lies in `outer`. Host bits are ignored.
pub fn contains(outer: &Ipv4Net, inner: &Ipv4Net) -> bool {
    let (outer_first, outer_last) = bounds(outer);
    let (inner_first, inner_last) = bounds(inner);
    outer_first <= inner_first && inner_last <= outer_last
}

/// Whether the address as written has bits set past the prefix (`10.0.1.0/16`).
pub fn has_host_bits(net: &Ipv4Net) -> bool {
    net.addr() != net.network()
}

/// The range as the network it really means (`10.0.1.0/16` → `10.0.0.0/16`).
pub fn network_of(net: &Ipv4Net) -> Ipv4Net {
    net.trunc()
}

/// The address `offset` places after the network address, if it is still inside the range.
pub fn nth_address(net: &Ipv4Net, offset: u32) -> Option<Ipv4Addr> {
    let (first, last) = bounds(net);
    first
        .checked_add(offset)
        .filter(|&address| address <= last)
        .map(Ipv4Addr::from)
}

/// Formats a count with thousands separators (`1581` → `1,581`), as the course writes numbers.
pub fn group_thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net(text: &str) -> Ipv4Net {
        parse_cidr(text).expect("test CIDR")
    }

    #[test]
    fn azure_keeps_five_addresses_of_every_subnet() {
        assert_eq!(usable_addresses(24), 251);
        assert_eq!(usable_addresses(23), 507);
        assert_eq!(usable_addresses(22), 1_019);
        assert_eq!(usable_addresses(21), 2_043);
        assert_eq!(usable_addresses(29), 3);
        assert_eq!(
            usable_addresses(30),
            0,
            "a /30 has 4 addresses, fewer than Azure keeps"
        );
        assert_eq!(usable_addresses(0), (1u64 << 32) - 5);
    }

    #[test]
    fn the_smallest_prefix_is_never_above_29() {
        assert_eq!(smallest_subnet_prefix(0), Some(29));
        assert_eq!(smallest_subnet_prefix(1), Some(29));
        assert_eq!(smallest_subnet_prefix(3), Some(29));
        assert_eq!(smallest_subnet_prefix(4), Some(28));
        assert_eq!(smallest_subnet_prefix(251), Some(24));
        assert_eq!(smallest_subnet_prefix(252), Some(23));
        assert_eq!(smallest_subnet_prefix(1 << 32), None);
    }

    #[test]
    fn overlap_and_containment_ignore_host_bits() {
        assert!(overlaps(&net("10.0.0.0/16"), &net("10.0.5.0/24")));
        assert!(overlaps(&net("10.0.5.0/24"), &net("10.0.0.0/16")));
        assert!(!overlaps(&net("10.0.0.0/16"), &net("10.1.0.0/16")));
        assert!(contains(&net("10.0.0.0/16"), &net("10.0.1.7/16")));
        assert!(!contains(&net("10.0.5.0/24"), &net("10.0.0.0/16")));
    }

    #[test]
    fn host_bits_are_kept_and_reported_with_their_network() {
        let written = net("10.0.1.0/16");
        assert!(has_host_bits(&written));
        assert_eq!(network_of(&written), net("10.0.0.0/16"));
        assert!(!has_host_bits(&net("10.0.0.0/16")));
    }

    #[test]
    fn parse_errors_say_what_is_wrong() {
        assert_eq!(parse_cidr(" 10.0.0.0/16 "), Ok(net("10.0.0.0/16")));
        assert!(matches!(
            parse_cidr("10.0.0.0/33"),
            Err(CidrError::BadPrefix(_))
        ));
        assert!(matches!(
            parse_cidr("10.0.0.0"),
            Err(CidrError::MissingPrefix(_))
        ));
        assert!(matches!(
            parse_cidr("10.0.0/16"),
            Err(CidrError::BadAddress(_))
        ));
        assert!(matches!(
            parse_cidr("fd00::/8"),
            Err(CidrError::BadAddress(_))
        ));
        assert!(matches!(parse_cidr(""), Err(CidrError::Empty(_))));
        assert!(matches!(
            parse_ipv4("10.0.0.300"),
            Err(CidrError::BadAddress(_))
        ));
    }

    #[test]
    fn nth_address_stays_inside_the_range() {
        assert_eq!(
            nth_address(&net("10.2.0.0/16"), 10),
            Some(Ipv4Addr::new(10, 2, 0, 10))
        );
        assert_eq!(nth_address(&net("10.2.0.0/30"), 4), None);
        assert_eq!(nth_address(&net("255.255.255.255/32"), 1), None);
    }

    #[test]
    fn thousands_are_grouped_like_the_course_writes_them() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(341), "341");
        assert_eq!(group_thousands(1_581), "1,581");
        assert_eq!(group_thousands(4_294_967_291), "4,294,967,291");
    }
}
