//! How points are given, in one place so the rule the screens explain is the rule applied.

use std::time::Duration;

use super::protocol::{Standing, WireVerdict};

/// Points for a right answer.
pub const RIGHT_POINTS: u32 = 100;
/// The most a right answer earns for speed, all of it when answered at once.
pub const SPEED_BONUS: u32 = 50;

/// The rule in a sentence, for the host's scoreboard and the player's welcome.
pub const SCORING: &str = "A right answer scores 100 points plus up to 50 for speed \
(the more time left, the more); a partly right multi-select scores its share of 100; \
a wrong or missing answer scores 0.";

/// The points an answer earns: `grade` from 0 to 1, answered with `remaining` of `limit` left.
/// The speed bonus goes to right answers only: a fast guess that is wrong earns nothing.
pub fn points(verdict: WireVerdict, grade: f64, remaining: Duration, limit: Duration) -> u32 {
    match verdict {
        WireVerdict::Right => RIGHT_POINTS + speed_bonus(remaining, limit),
        WireVerdict::Partial => (f64::from(RIGHT_POINTS) * grade.clamp(0.0, 1.0)).round() as u32,
        WireVerdict::Wrong | WireVerdict::Missed => 0,
    }
}

/// `round(50 × remaining / limit)`, 0 with no limit.
pub fn speed_bonus(remaining: Duration, limit: Duration) -> u32 {
    if limit.is_zero() {
        return 0;
    }
    let share = (remaining.as_secs_f64() / limit.as_secs_f64()).clamp(0.0, 1.0);
    (f64::from(SPEED_BONUS) * share).round() as u32
}

/// Standings from `(name, score)` in join order: highest first, equal scores sharing a rank
/// (1, 1, 3) and keeping join order among themselves.
pub fn standings(players: &[(String, u32)]) -> Vec<Standing> {
    let mut order: Vec<usize> = (0..players.len()).collect();
    order.sort_by(|&a, &b| players[b].1.cmp(&players[a].1).then(a.cmp(&b)));
    order
        .into_iter()
        .map(|i| Standing {
            rank: rank_of(players, players[i].1),
            name: players[i].0.clone(),
            score: players[i].1,
        })
        .collect()
}

/// 1 + how many scored more than `score`.
pub fn rank_of(players: &[(String, u32)], score: u32) -> u32 {
    1 + players.iter().filter(|(_, s)| *s > score).count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMIT: Duration = Duration::from_secs(30);

    #[test]
    fn a_right_answer_earns_100_and_a_speed_bonus() {
        assert_eq!(points(WireVerdict::Right, 1.0, LIMIT, LIMIT), 150);
        assert_eq!(
            points(WireVerdict::Right, 1.0, Duration::from_secs(15), LIMIT),
            125
        );
        assert_eq!(
            points(WireVerdict::Right, 1.0, Duration::from_secs(3), LIMIT),
            105
        );
        assert_eq!(points(WireVerdict::Right, 1.0, Duration::ZERO, LIMIT), 100);
        // 50 × 0.29 / 30 = 0.48 rounds to 0.
        assert_eq!(speed_bonus(Duration::from_millis(290), LIMIT), 0);
        assert_eq!(speed_bonus(Duration::from_millis(310), LIMIT), 1);
    }

    #[test]
    fn partial_is_its_share_without_bonus_and_wrong_or_missed_is_zero() {
        assert_eq!(points(WireVerdict::Partial, 0.5, LIMIT, LIMIT), 50);
        assert_eq!(points(WireVerdict::Partial, 1.0 / 3.0, LIMIT, LIMIT), 33);
        assert_eq!(points(WireVerdict::Wrong, 0.0, LIMIT, LIMIT), 0);
        assert_eq!(points(WireVerdict::Missed, 0.0, LIMIT, LIMIT), 0);
    }

    #[test]
    fn equal_scores_share_a_rank() {
        let players = [
            ("a".to_string(), 100),
            ("b".to_string(), 250),
            ("c".to_string(), 250),
            ("d".to_string(), 0),
        ];
        let ranked: Vec<(u32, &str)> = standings(&players)
            .iter()
            .map(|s| {
                (
                    s.rank,
                    players.iter().find(|p| p.0 == s.name).unwrap().0.as_str(),
                )
            })
            .collect();
        assert_eq!(ranked, vec![(1, "b"), (1, "c"), (3, "a"), (4, "d")]);
    }
}
