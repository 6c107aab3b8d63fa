//! Sizing practice kept per skill: the exercises are generated afresh each time, so what is
//! scheduled is the skill an exercise practises, never the exercise itself. A due skill brings a
//! fresh exercise of that skill ([`SizingSkill::exercise_kind`] for `sizing::generate_kind`).
//!
//! One skill per exercise kind of `sizing::exercise`, under a stable string id: the saved ids must
//! not move when the sizing engine renames a variant, so the mapping is written out here.

use serde::Serialize;

use super::model::{ItemKind, Mode, Outcome, Progress};
use super::time::Timestamp;
use crate::sizing::exercise::{Exercise, ExerciseKind};

/// The course topic that sizing skills count for.
pub const SIZING_TOPIC: &str = "ip-planning";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SizingSkill {
    /// How many node-subnet IPs a pool needs.
    RequiredIps,
    /// The smallest node subnet prefix that holds a pool.
    NodeSubnetPrefix,
    /// The smallest pod CIDR prefix.
    PodCidrPrefix,
    /// How many nodes fit a subnet or pod CIDR.
    NodesThatFit,
    /// Which AKS rule a plan breaks.
    WhichRuleBreaks,
    /// The seed's example plan: spot its mistake.
    SpotTheMistake,
    /// Fix a plan (a service CIDR that makes it valid).
    FixThePlan,
}

impl SizingSkill {
    pub const ALL: [SizingSkill; 7] = [
        SizingSkill::RequiredIps,
        SizingSkill::NodeSubnetPrefix,
        SizingSkill::PodCidrPrefix,
        SizingSkill::NodesThatFit,
        SizingSkill::WhichRuleBreaks,
        SizingSkill::SpotTheMistake,
        SizingSkill::FixThePlan,
    ];

    /// The id the progress file keeps the skill under.
    pub fn id(self) -> &'static str {
        match self {
            SizingSkill::RequiredIps => "sizing-required-ips",
            SizingSkill::NodeSubnetPrefix => "sizing-node-subnet-prefix",
            SizingSkill::PodCidrPrefix => "sizing-pod-cidr-prefix",
            SizingSkill::NodesThatFit => "sizing-nodes-that-fit",
            SizingSkill::WhichRuleBreaks => "sizing-which-rule-breaks",
            SizingSkill::SpotTheMistake => "sizing-spot-the-mistake",
            SizingSkill::FixThePlan => "sizing-fix-the-plan",
        }
    }

    pub fn from_id(id: &str) -> Option<SizingSkill> {
        Self::ALL.into_iter().find(|skill| skill.id() == id)
    }

    /// How the skill is named on screen and in reports.
    pub fn title(self) -> &'static str {
        match self {
            SizingSkill::RequiredIps => "Required IPs",
            SizingSkill::NodeSubnetPrefix => "Smallest node subnet",
            SizingSkill::PodCidrPrefix => "Smallest pod CIDR",
            SizingSkill::NodesThatFit => "Nodes that fit",
            SizingSkill::WhichRuleBreaks => "Which rule breaks",
            SizingSkill::SpotTheMistake => "Spot the mistake",
            SizingSkill::FixThePlan => "Fix the plan",
        }
    }

    /// The skill an exercise practises.
    pub fn of_exercise(kind: ExerciseKind) -> SizingSkill {
        match kind {
            ExerciseKind::RequiredIps => SizingSkill::RequiredIps,
            ExerciseKind::NodeSubnetPrefix => SizingSkill::NodeSubnetPrefix,
            ExerciseKind::PodCidrPrefix => SizingSkill::PodCidrPrefix,
            ExerciseKind::NodesThatFit => SizingSkill::NodesThatFit,
            ExerciseKind::WhichRuleBreaks => SizingSkill::WhichRuleBreaks,
            ExerciseKind::SpotTheMistake => SizingSkill::SpotTheMistake,
            ExerciseKind::FixTheServiceCidr => SizingSkill::FixThePlan,
        }
    }

    /// A fresh exercise of the skill, for Review when the skill is due (a new seed each time: the
    /// learner practises the skill, not one set of numbers).
    pub fn fresh_exercise(self, seed: u64) -> Exercise {
        Exercise::generate_kind(self.exercise_kind(), seed)
    }

    /// The kind of exercise to generate when the skill is due.
    pub fn exercise_kind(self) -> ExerciseKind {
        match self {
            SizingSkill::RequiredIps => ExerciseKind::RequiredIps,
            SizingSkill::NodeSubnetPrefix => ExerciseKind::NodeSubnetPrefix,
            SizingSkill::PodCidrPrefix => ExerciseKind::PodCidrPrefix,
            SizingSkill::NodesThatFit => ExerciseKind::NodesThatFit,
            SizingSkill::WhichRuleBreaks => ExerciseKind::WhichRuleBreaks,
            SizingSkill::SpotTheMistake => ExerciseKind::SpotTheMistake,
            SizingSkill::FixThePlan => ExerciseKind::FixTheServiceCidr,
        }
    }
}

impl Progress {
    /// Records a sizing exercise's result under its skill (scheduled like any item). Input the
    /// exercise could not read is not an answer: do not record it.
    pub fn record_sizing(
        &mut self,
        skill: SizingSkill,
        result: Outcome,
        now: Timestamp,
    ) -> Option<Timestamp> {
        self.record_answer(ItemKind::SizingSkill, skill.id(), result, Mode::Sizing, now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_exercise_kind_has_a_skill_and_back() {
        for kind in ExerciseKind::ALL {
            assert_eq!(SizingSkill::of_exercise(kind).exercise_kind(), kind);
        }
        for skill in SizingSkill::ALL {
            assert_eq!(SizingSkill::from_id(skill.id()), Some(skill));
        }
        assert_eq!(SizingSkill::from_id("sizing-gone"), None);
    }

    #[test]
    fn a_due_skill_brings_a_fresh_exercise_of_that_skill() {
        for skill in SizingSkill::ALL {
            let exercise = skill.fresh_exercise(42);
            assert_eq!(SizingSkill::of_exercise(exercise.kind), skill);
        }
    }
}
