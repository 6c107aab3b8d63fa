//! Max surge: the extra nodes AKS adds during an upgrade, written as a count or a percentage of the pool.

use std::fmt;
use std::str::FromStr;

/// Extra nodes during an upgrade. They need IPs too, so every sizing formula counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Surge {
    /// A fixed number of extra nodes.
    Count(u32),
    /// A percentage (0–100) of the node count, rounded up.
    Percent(u32),
}

impl Default for Surge {
    /// One node: what `plan` assumes when no surge is given (product.md), and the older AKS default.
    /// New node pools created through the current AKS API default to 10% instead; `plan --surge 10%`
    /// sizes for that.
    fn default() -> Self {
        Surge::Count(1)
    }
}

/// AKS accepts a max surge of at most 100 % of the pool.
pub const MAX_SURGE_PERCENT: u32 = 100;

impl Surge {
    /// The number of surge nodes for a pool of `nodes`; a percentage is rounded up (10 % of 11 nodes is 2).
    pub fn nodes_for(self, nodes: u32) -> u64 {
        match self {
            Surge::Count(count) => u64::from(count),
            Surge::Percent(percent) => (u64::from(nodes) * u64::from(percent)).div_ceil(100),
        }
    }
}

impl fmt::Display for Surge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Surge::Count(count) => write!(f, "{count}"),
            Surge::Percent(percent) => write!(f, "{percent}%"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SurgeError {
    #[error("'{0}' is not a surge; write a node count such as 1 or a percentage such as 33%")]
    NotANumber(String),
    #[error("a surge of {0}% is too large; a percentage surge must be from 0% to 100%")]
    PercentTooLarge(u64),
}

impl FromStr for Surge {
    type Err = SurgeError;

    /// Parses `3` or `33%`, forgiving surrounding whitespace and a space before `%`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim();
        let not_a_number = || SurgeError::NotANumber(text.to_string());
        if let Some(percent) = trimmed.strip_suffix('%') {
            // Parsed as u64 first so that "150%" gets the range message, not "not a number".
            let percent: u64 = percent.trim().parse().map_err(|_| not_a_number())?;
            return u32::try_from(percent)
                .ok()
                .filter(|&percent| percent <= MAX_SURGE_PERCENT)
                .map(Surge::Percent)
                .ok_or(SurgeError::PercentTooLarge(percent));
        }
        trimmed
            .parse()
            .map(Surge::Count)
            .map_err(|_| not_a_number())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_percentage_is_rounded_up() {
        assert_eq!(Surge::Percent(10).nodes_for(11), 2);
        assert_eq!(Surge::Percent(33).nodes_for(10), 4);
        assert_eq!(Surge::Percent(50).nodes_for(10), 5);
        assert_eq!(Surge::Percent(0).nodes_for(10), 0);
        assert_eq!(Surge::Percent(100).nodes_for(u32::MAX), u64::from(u32::MAX));
        assert_eq!(Surge::Count(3).nodes_for(10), 3);
        assert_eq!(Surge::default().nodes_for(50), 1);
    }

    #[test]
    fn parsing_accepts_counts_and_percentages() {
        assert_eq!(" 2 ".parse(), Ok(Surge::Count(2)));
        assert_eq!("33%".parse(), Ok(Surge::Percent(33)));
        assert_eq!("33 %".parse(), Ok(Surge::Percent(33)));
        assert_eq!("100%".parse(), Ok(Surge::Percent(100)));
        assert_eq!(
            "150%".parse::<Surge>(),
            Err(SurgeError::PercentTooLarge(150))
        );
        assert!(matches!(
            "-1".parse::<Surge>(),
            Err(SurgeError::NotANumber(_))
        ));
        assert!(matches!(
            "%".parse::<Surge>(),
            Err(SurgeError::NotANumber(_))
        ));
        assert!(matches!(
            "a lot".parse::<Surge>(),
            Err(SurgeError::NotANumber(_))
        ));
    }
}
