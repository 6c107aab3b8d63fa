//! The countdown (pause, resume) and the standings: the parts of [`Game`] the screens ask
//! about between events, apart from the rules that move the game on.

use std::time::Instant;

use super::{Clock, Game, Phase, RoundResult};
use crate::session::protocol::Standing;
use crate::session::scoring;

impl Game {
    pub fn pause(&mut self, now: Instant) -> bool {
        if let Phase::Question { clock, .. } = &mut self.phase
            && let Clock::Running { deadline } = *clock
        {
            *clock = Clock::Paused {
                remaining: deadline.saturating_duration_since(now),
            };
            return true;
        }
        false
    }

    pub fn resume(&mut self, now: Instant) -> bool {
        if let Phase::Question { clock, .. } = &mut self.phase
            && let Clock::Paused { remaining } = *clock
        {
            *clock = Clock::Running {
                deadline: now + remaining,
            };
            return true;
        }
        false
    }

    /// Standings over every player who ever joined.
    pub fn standings(&self) -> Vec<Standing> {
        scoring::standings(&self.scores())
    }

    /// A player's rank.
    pub fn rank(&self, player: usize) -> u32 {
        let scores = self.scores();
        scoring::rank_of(&scores, scores.get(player).map_or(0, |p| p.1))
    }

    /// The revealed rounds with the smallest share of right answers, worst first; a round the
    /// whole room got right was not missed and is left out.
    pub fn most_missed(&self, count: usize) -> Vec<&RoundResult> {
        let mut rounds: Vec<&RoundResult> = self
            .results
            .iter()
            .filter(|round| round.right_share() < 1.0)
            .collect();
        rounds.sort_by(|a, b| a.right_share().total_cmp(&b.right_share()));
        rounds.truncate(count);
        rounds
    }

    fn scores(&self) -> Vec<(String, u32)> {
        self.players
            .iter()
            .map(|p| (p.name.clone(), p.score))
            .collect()
    }
}
