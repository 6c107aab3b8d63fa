//! Tests of generated exercises: reproducible, self-consistent, and forgiving in what they accept.

use std::collections::BTreeSet;

use super::cidr::group_thousands;
use super::example_plans::{fixed_seed_example_plan, seed_example_plan};
use super::exercise::{AnswerKind, Exercise, ExerciseKind, Expected, SizingVerdict};
use super::rules::RuleId;

const SEEDS: std::ops::Range<u64> = 0..300;

/// What a learner who knows the answer would type.
fn right_answer(exercise: &Exercise) -> String {
    match &exercise.expected {
        Expected::Number(number) => number.to_string(),
        Expected::Prefix(prefix) => format!("/{prefix}"),
        Expected::Choice(index) => (index + 1).to_string(),
        Expected::ServiceCidrThatFixes { example, .. } => example.to_string(),
    }
}

#[test]
fn the_same_seed_gives_the_same_exercise() {
    for seed in SEEDS {
        assert_eq!(Exercise::generate(seed), Exercise::generate(seed));
        for kind in ExerciseKind::ALL {
            let exercise = Exercise::generate_kind(kind, seed);
            assert_eq!(exercise, Exercise::generate_kind(kind, seed));
            assert_eq!(exercise.kind, kind);
        }
    }
    let prompts: BTreeSet<String> = SEEDS
        .map(|seed| Exercise::generate_kind(ExerciseKind::RequiredIps, seed).prompt)
        .collect();
    assert!(prompts.len() > 100, "seeds give varied exercises");
}

#[test]
fn every_kind_is_generated_and_its_answer_is_accepted() {
    let kinds: BTreeSet<String> = SEEDS
        .map(|seed| format!("{:?}", Exercise::generate(seed).kind))
        .collect();
    assert_eq!(kinds.len(), ExerciseKind::ALL.len());
    for seed in SEEDS {
        for kind in ExerciseKind::ALL {
            let exercise = Exercise::generate_kind(kind, seed);
            assert_eq!(
                exercise.check(&right_answer(&exercise)),
                SizingVerdict::Correct,
                "{exercise:#?}"
            );
            assert!(!exercise.solution.is_empty());
            assert!(!exercise.prompt.is_empty());
            assert!(
                matches!(exercise.check("???"), SizingVerdict::Unreadable { .. }),
                "{kind:?}"
            );
            assert_eq!(
                exercise.choices.is_empty(),
                exercise.answer_kind != AnswerKind::Choice
            );
        }
    }
}

#[test]
fn wrong_answers_show_the_expected_one() {
    for seed in SEEDS {
        let exercise = Exercise::generate_kind(ExerciseKind::RequiredIps, seed);
        let Expected::Number(required) = exercise.expected else {
            panic!("RequiredIps expects a number");
        };
        let outcome = exercise.check(&(required + 1).to_string());
        assert_eq!(
            outcome,
            SizingVerdict::Wrong {
                expected: group_thousands(required),
                why: None
            }
        );
        assert!(
            exercise
                .solution
                .iter()
                .any(|step| step.contains(&format!("= {}", group_thousands(required)))),
            "the solution substitutes the numbers: {:#?}",
            exercise.solution
        );
    }
}

#[test]
fn prefix_answers_accept_with_or_without_slash() {
    let exercise = Exercise::generate_kind(ExerciseKind::NodeSubnetPrefix, 7);
    let Expected::Prefix(prefix) = exercise.expected else {
        panic!("NodeSubnetPrefix expects a prefix");
    };
    assert_eq!(
        exercise.check(&format!(" {prefix} ")),
        SizingVerdict::Correct
    );
    assert_eq!(
        exercise.check(&format!("/{prefix}")),
        SizingVerdict::Correct
    );
    assert!(matches!(
        exercise.check(&format!("/{}", prefix + 1)),
        SizingVerdict::Wrong { .. }
    ));
    assert!(matches!(
        exercise.check("/99"),
        SizingVerdict::Unreadable { .. }
    ));
}

#[test]
fn which_rule_breaks_plants_exactly_the_rule_it_asks_about() {
    let mut seen = BTreeSet::new();
    for seed in SEEDS {
        let exercise = Exercise::generate_kind(ExerciseKind::WhichRuleBreaks, seed);
        let Expected::Choice(index) = exercise.expected else {
            panic!("WhichRuleBreaks is a choice");
        };
        let expected = exercise.choices[index].rule;
        let plan = exercise.plan.as_ref().expect("a plan exercise has a plan");
        let errors: BTreeSet<RuleId> = plan
            .validate()
            .errors()
            .map(|finding| finding.rule)
            .collect();
        assert_eq!(
            errors,
            expected.into_iter().collect(),
            "seed {seed}: {}",
            exercise.prompt
        );
        assert_eq!(exercise.choices.len(), 5);
        seen.insert(expected);
    }
    assert!(seen.contains(&None), "some plans are valid");
    assert!(seen.len() >= 12, "most plantable rules appear: {seen:?}");
}

#[test]
fn spot_the_mistake_uses_the_seeds_plan_both_ways() {
    assert_eq!(
        seed_example_plan()
            .validate()
            .errors()
            .map(|f| f.rule)
            .collect::<Vec<_>>(),
        vec![RuleId::ServiceCidrOverlapsVnet]
    );
    assert!(fixed_seed_example_plan().validate().findings.is_empty());
    let mut answers = BTreeSet::new();
    for seed in 0..40 {
        let exercise = Exercise::generate_kind(ExerciseKind::SpotTheMistake, seed);
        let Expected::Choice(index) = exercise.expected else {
            panic!("SpotTheMistake is a choice");
        };
        answers.insert(exercise.choices[index].rule);
        assert!(exercise.prompt.contains("10.1.0.0/16"));
        assert!(
            exercise
                .solution
                .iter()
                .any(|step| step.contains("10.2.0.10"))
        );
    }
    let both = [
        Some(RuleId::ServiceCidrOverlapsVnet),
        Some(RuleId::ServiceCidrOverlapsPeered),
    ];
    assert_eq!(answers, both.into_iter().collect());
}

#[test]
fn any_service_cidr_that_fixes_the_seed_plan_is_right() {
    let exercise = Exercise::generate_kind(ExerciseKind::FixTheServiceCidr, 1);
    assert_eq!(exercise.check("10.2.0.0/16"), SizingVerdict::Correct);
    assert_eq!(exercise.check(" 10.200.0.0/20 "), SizingVerdict::Correct);
    for (answer, reason) in [
        ("10.1.0.0/16", "cluster VNet"),
        ("10.0.0.0/16", "peered range"),
        ("192.168.0.0/24", "pod CIDR"),
        ("172.31.0.0/16", "172.31.0.0/16"),
        ("11.0.0.0/8", "smaller than a /12"),
    ] {
        match exercise.check(answer) {
            SizingVerdict::Wrong { why: Some(why), .. } => {
                assert!(why.contains(reason), "{answer}: {why}")
            }
            other => panic!("{answer} should be wrong, got {other:?}"),
        }
    }
    assert!(matches!(
        exercise.check("10.2.0.0"),
        SizingVerdict::Unreadable { .. }
    ));
    assert!(matches!(
        exercise.check(""),
        SizingVerdict::Unreadable { .. }
    ));
}

#[test]
fn nodes_that_fit_agrees_with_microsofts_slash_24() {
    // The solution of every NodesThatFit exercise ends with the surge step, and its answer fits.
    for seed in SEEDS {
        let exercise = Exercise::generate_kind(ExerciseKind::NodesThatFit, seed);
        let last = exercise.solution.last().expect("a solution");
        assert!(last.contains("surge") || last.contains('⌈'), "{last}");
    }
}
