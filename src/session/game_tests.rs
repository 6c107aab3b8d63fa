//! The rules of a room, one by one, with time passed in: exact speed bonuses, first answers,
//! reveal on the last answer, pause, skip, end, rejoin.

use std::time::{Duration, Instant};

use super::*;
use crate::content::{Question, QuestionKind};
use crate::quiz::SessionQuestion;

const LIMIT: Duration = Duration::from_secs(30);

fn round(id: &str, kind: QuestionKind, display_order: Vec<usize>) -> RoundQuestion {
    RoundQuestion {
        asked: SessionQuestion {
            question: Question {
                id: id.to_string(),
                prompt: format!("prompt {id}"),
                kind,
                explanation: "because".to_string(),
                see: String::new(),
            },
            topic_id: "t".to_string(),
            topic_title: "Topic".to_string(),
            display_order,
        },
        lesson: "Lesson".to_string(),
    }
}

fn options(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("option {i}")).collect()
}

/// Single choice: right is original 2, shown at position 0. Multi: right 0 and 1 of 4, shown
/// at positions 3 and 2. True/false: true.
fn questions() -> Vec<RoundQuestion> {
    vec![
        round(
            "single",
            QuestionKind::SingleChoice {
                options: options(3),
                answer: 2,
            },
            vec![2, 0, 1],
        ),
        round(
            "multi",
            QuestionKind::MultiSelect {
                options: options(4),
                answers: vec![0, 1],
            },
            vec![2, 3, 1, 0],
        ),
        round("tf", QuestionKind::TrueFalse { answer: true }, vec![]),
    ]
}

fn game_with(names: &[&str]) -> (Game, Instant) {
    let mut game = Game::new(questions(), LIMIT);
    for name in names {
        game.join(name).expect("joins");
    }
    (game, Instant::now())
}

#[test]
fn scores_follow_the_rule_exactly() {
    let (mut game, t0) = game_with(&["ana", "ben", "cy", "dee"]);
    assert!(game.next(t0));
    assert_eq!(game.open_round(), Some(1));
    // ana right with 30 s left (at once): 150; ben right with 15 s left: 125; cy wrong: 0.
    assert_eq!(game.answer(0, 1, WireAnswer::Choice(0), t0), Ok(false));
    let t15 = t0 + Duration::from_secs(15);
    assert_eq!(game.answer(1, 1, WireAnswer::Choice(0), t15), Ok(false));
    assert_eq!(game.answer(2, 1, WireAnswer::Choice(1), t15), Ok(false));
    // dee never answers: time up reveals.
    assert!(!game.tick(t0 + Duration::from_secs(29)));
    assert!(game.tick(t0 + LIMIT));
    let result = &game.results()[0];
    let points: Vec<u32> = result.outcomes.iter().map(|o| o.points).collect();
    assert_eq!(points, vec![150, 125, 0, 0]);
    assert_eq!(result.outcomes[3].verdict, WireVerdict::Missed);
    assert_eq!(result.distribution, vec![2, 1, 0]);
    assert_eq!(result.right, vec![0]);
    assert_eq!(
        (result.right_count, result.answered, result.missed),
        (2, 3, 1)
    );
    assert_eq!(game.players()[0].score, 150);
}

#[test]
fn a_partly_right_multi_select_earns_its_share_without_bonus() {
    let (mut game, t0) = game_with(&["ana", "ben", "cy"]);
    game.next(t0);
    game.skip(t0);
    game.skip(t0); // straight to round 2
    assert_eq!(game.open_round(), Some(2));
    // Right set is shown positions 2 and 3.
    game.answer(0, 2, WireAnswer::Choices(vec![3, 2]), t0)
        .unwrap();
    // One right pick of two: grade 0.5 → 50.
    game.answer(1, 2, WireAnswer::Choices(vec![3]), t0).unwrap();
    // A duplicate pick counts once in the chart.
    assert_eq!(
        game.answer(2, 2, WireAnswer::Choices(vec![0, 0]), t0),
        Ok(true)
    );
    let result = &game.results()[1];
    let points: Vec<u32> = result.outcomes.iter().map(|o| o.points).collect();
    assert_eq!(points, vec![150, 50, 0]);
    assert_eq!(result.outcomes[1].verdict, WireVerdict::Partial);
    assert_eq!(result.distribution, vec![1, 0, 1, 2]);
    assert_eq!(result.right, vec![2, 3]);
}

#[test]
fn true_false_positions_are_true_then_false() {
    let (mut game, t0) = game_with(&["ana", "ben"]);
    game.next(t0);
    game.skip(t0);
    game.skip(t0);
    game.skip(t0);
    game.skip(t0);
    assert_eq!(game.open_round(), Some(3));
    game.answer(0, 3, WireAnswer::Bool(true), t0).unwrap();
    game.answer(1, 3, WireAnswer::Bool(false), t0).unwrap();
    let result = game.results().last().unwrap();
    assert_eq!(result.distribution, vec![1, 1]);
    assert_eq!(result.right, vec![0]);
}

#[test]
fn only_the_first_answer_counts_and_misfits_are_refused() {
    let (mut game, t0) = game_with(&["ana", "ben"]);
    assert!(
        game.answer(0, 1, WireAnswer::Choice(0), t0).is_err(),
        "lobby"
    );
    game.next(t0);
    assert!(
        game.answer(0, 2, WireAnswer::Choice(0), t0).is_err(),
        "not open"
    );
    assert!(
        game.answer(0, 1, WireAnswer::Bool(true), t0).is_err(),
        "shape"
    );
    assert!(
        game.answer(0, 1, WireAnswer::Choice(3), t0).is_err(),
        "no such option"
    );
    game.answer(0, 1, WireAnswer::Choice(1), t0).unwrap();
    assert_eq!(
        game.answer(0, 1, WireAnswer::Choice(0), t0),
        Err("only the first answer counts".to_string())
    );
    assert_eq!(game.answers_in(), 1);
    assert!(
        game.answer(1, 1, WireAnswer::Choice(0), t0 + LIMIT)
            .is_err(),
        "time up"
    );
}

#[test]
fn the_last_answer_reveals_at_once_and_a_drop_can_complete_the_round() {
    let (mut game, t0) = game_with(&["ana", "ben", "cy"]);
    game.next(t0);
    game.answer(0, 1, WireAnswer::Choice(0), t0).unwrap();
    game.answer(1, 1, WireAnswer::Choice(0), t0).unwrap();
    assert!(game.drop_player(2), "cy left; everyone connected answered");
    assert!(matches!(game.phase(), Phase::Reveal { index: 0 }));
    assert_eq!(game.results()[0].missed, 0);
}

#[test]
fn pause_freezes_the_countdown() {
    let (mut game, t0) = game_with(&["ana"]);
    game.next(t0);
    assert!(game.pause(t0 + Duration::from_secs(10)));
    assert!(game.is_paused());
    assert!(!game.tick(t0 + Duration::from_secs(100)));
    assert_eq!(
        game.remaining(t0 + Duration::from_secs(100)),
        Some(Duration::from_secs(20))
    );
    let t1 = t0 + Duration::from_secs(100);
    assert!(game.resume(t1));
    assert_eq!(game.deadline(), Some(t1 + Duration::from_secs(20)));
    // Answered with 20 s of 30 left: 100 + round(33.3) = 133.
    game.answer(0, 1, WireAnswer::Choice(0), t1).unwrap();
    assert_eq!(game.players()[0].score, 133);
}

#[test]
fn the_phases_run_lobby_question_reveal_scoreboard_then_finish() {
    let (mut game, t0) = game_with(&["ana"]);
    assert!(!game.tick(t0));
    for index in 0..3 {
        game.next(t0);
        assert!(matches!(game.phase(), Phase::Question { index: i, .. } if *i == index));
        assert!(!game.next(t0), "Next does not close a question");
        game.skip(t0);
        assert!(matches!(game.phase(), Phase::Reveal { .. }));
        game.next(t0);
        assert!(matches!(game.phase(), Phase::Scoreboard { .. }));
    }
    game.next(t0);
    assert!(game.is_finished());
    assert_eq!(game.results().len(), 3);
    assert!(game.join("late").is_err());
}

#[test]
fn end_finishes_at_any_time_without_scoring_the_open_round() {
    let (mut game, t0) = game_with(&["ana"]);
    game.next(t0);
    game.answer(0, 1, WireAnswer::Choice(0), t0)
        .unwrap_or_default();
    let (mut game2, _) = game_with(&["ana", "ben"]);
    game2.next(t0);
    game2.answer(0, 1, WireAnswer::Choice(0), t0).unwrap();
    assert!(game2.end());
    assert!(game2.is_finished());
    assert_eq!(game2.players()[0].score, 0);
    assert!(game2.results().is_empty());
    assert!(!game2.end());
    assert!(game.end());
}

#[test]
fn names_are_inert_trimmed_bounded_and_rejoin_when_dropped() {
    let (mut game, t0) = game_with(&[]);
    assert_eq!(
        game.join("  \u{1b}[31mAna\n "),
        Ok(Joined {
            index: 0,
            rejoined: false
        })
    );
    assert_eq!(game.players()[0].name, "Ana");
    assert_eq!(game.join("   "), Err(NameRefused::Empty));
    assert_eq!(game.join(&"x".repeat(25)), Err(NameRefused::TooLong));
    assert_eq!(game.join("ANA"), Err(NameRefused::Taken("Ana".to_string())));
    game.next(t0);
    game.answer(0, 1, WireAnswer::Choice(0), t0).unwrap();
    game.drop_player(0);
    assert_eq!(
        game.join("ana"),
        Ok(Joined {
            index: 0,
            rejoined: true
        })
    );
    assert_eq!(game.players()[0].score, 150);
    assert_eq!(game.players().len(), 1);
}

#[test]
fn standings_share_ranks_and_most_missed_is_worst_first() {
    let (mut game, t0) = game_with(&["ana", "ben", "cy"]);
    game.next(t0);
    // Round 1: ana and ben right at once, cy wrong.
    game.answer(0, 1, WireAnswer::Choice(0), t0).unwrap();
    game.answer(1, 1, WireAnswer::Choice(0), t0).unwrap();
    game.answer(2, 1, WireAnswer::Choice(2), t0).unwrap();
    game.next(t0);
    game.next(t0);
    // Round 2: nobody right.
    for p in 0..3 {
        game.answer(p, 2, WireAnswer::Choices(vec![0]), t0).unwrap();
    }
    let standings = game.standings();
    let ranks: Vec<(u32, &str, u32)> = standings
        .iter()
        .map(|s| (s.rank, s.name.as_str(), s.score))
        .collect();
    assert_eq!(ranks, vec![(1, "ana", 150), (1, "ben", 150), (3, "cy", 0)]);
    assert_eq!(game.rank(2), 3);
    let missed: Vec<&str> = game
        .most_missed(5)
        .iter()
        .map(|r| r.question_id.as_str())
        .collect();
    assert_eq!(missed, vec!["multi", "single"]);
    assert!((game.results()[0].right_share() - 2.0 / 3.0).abs() < 1e-9);
}

#[test]
fn a_round_the_whole_room_got_right_is_not_among_the_most_missed() {
    let (mut game, t0) = game_with(&["ana", "ben"]);
    game.next(t0);
    for p in 0..2 {
        game.answer(p, 1, WireAnswer::Choice(0), t0).unwrap();
    }
    assert!((game.results()[0].right_share() - 1.0).abs() < 1e-9);
    assert!(game.most_missed(5).is_empty());
}

#[test]
fn a_restored_game_keeps_scores_and_asks_the_next_round() {
    let (mut game, t0) = game_with(&["ana"]);
    game.next(t0);
    game.answer(0, 1, WireAnswer::Choice(0), t0).unwrap();
    let players = game.players().to_vec();
    let results = game.results().to_vec();
    let mut back = Game::restore(questions(), LIMIT, players, results);
    assert!(!back.players()[0].connected);
    assert_eq!(
        back.join("Ana"),
        Ok(Joined {
            index: 0,
            rejoined: true
        })
    );
    back.next(t0);
    assert_eq!(back.open_round(), Some(2));
    assert_eq!(back.players()[0].score, 150);
}
