//! Tests of question selection on the real course: reproducible by seed, filtered by topic,
//! options shuffled as permutations, ordering questions never handed out solved.

use std::collections::HashSet;

use super::*;
use crate::content::{self, EmbeddedCourse};

fn course() -> Course {
    content::load(&EmbeddedCourse).expect("the embedded course loads")
}

fn request(topic: Option<&str>, count: Option<usize>, seed: u64) -> QuizRequest {
    QuizRequest {
        topic: topic.map(str::to_string),
        count,
        seed: Some(seed),
        include_table_questions: false,
    }
}

fn fingerprint(selection: &Selection) -> Vec<(String, Vec<usize>)> {
    selection
        .questions
        .iter()
        .map(|q| (q.question.id.clone(), q.display_order.clone()))
        .collect()
}

#[test]
fn the_same_seed_gives_the_same_session() {
    let course = course();
    let first = select_questions(&course, &request(None, Some(10), 42)).expect("selects");
    let second = select_questions(&course, &request(None, Some(10), 42)).expect("selects");
    assert_eq!(first.seed, 42);
    assert_eq!(fingerprint(&first), fingerprint(&second));
    assert_eq!(first.questions.len(), 10);
}

#[test]
fn a_different_seed_gives_a_different_session() {
    let course = course();
    let one = select_questions(&course, &request(None, Some(10), 1)).expect("selects");
    let two = select_questions(&course, &request(None, Some(10), 2)).expect("selects");
    assert_ne!(fingerprint(&one), fingerprint(&two));
}

#[test]
fn without_a_seed_one_is_drawn_and_reproduces_the_session() {
    let course = course();
    let drawn = select_questions(&course, &QuizRequest::default()).expect("selects");
    let replay = select_questions(&course, &request(None, None, drawn.seed)).expect("selects");
    assert_eq!(fingerprint(&drawn), fingerprint(&replay));
    assert_eq!(drawn.questions.len(), course.questions().count());
}

#[test]
fn a_topic_filter_asks_only_that_topics_questions() {
    let course = course();
    let selection = select_questions(&course, &request(Some("plugins"), None, 7)).expect("selects");
    let expected: HashSet<&str> = course
        .topics
        .iter()
        .find(|t| t.id == "plugins")
        .expect("topic")
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    let asked: HashSet<&str> = selection
        .questions
        .iter()
        .map(|q| q.question.id.as_str())
        .collect();
    assert_eq!(asked, expected);
    assert!(selection.questions.iter().all(|q| q.topic_id == "plugins"));
}

#[test]
fn an_unknown_topic_lists_the_valid_ones() {
    let course = course();
    let error = select_questions(&course, &request(Some("plugin"), None, 1)).expect_err("unknown");
    let SelectError::UnknownTopic { given, valid } = &error else {
        panic!("expected UnknownTopic, got {error:?}");
    };
    assert_eq!(given, "plugin");
    assert!(valid.contains(&"plugins".to_string()) && valid.contains(&"dns".to_string()));
    assert!(
        error
            .to_string()
            .starts_with("there is no topic “plugin”; the topics are: ")
    );
}

#[test]
fn a_count_of_zero_is_refused_and_a_large_count_takes_everything() {
    let course = course();
    assert_eq!(
        select_questions(&course, &request(None, Some(0), 1)),
        Err(SelectError::ZeroCount)
    );
    let all = select_questions(&course, &request(Some("dns"), Some(10_000), 1)).expect("selects");
    assert_eq!(
        all.questions.len(),
        course
            .topics
            .iter()
            .find(|t| t.id == "dns")
            .expect("dns")
            .questions
            .len()
    );
}

#[test]
fn table_questions_join_the_pool_on_request() {
    let course = course();
    let mut with_tables = request(Some("plugins"), None, 3);
    with_tables.include_table_questions = true;
    let selection = select_questions(&course, &with_tables).expect("selects");
    assert!(
        selection
            .questions
            .iter()
            .any(|q| q.question.id.starts_with("t-plugins/"))
    );
}

#[test]
fn options_are_shown_in_a_shuffled_order_that_maps_back() {
    let course = course();
    let selection = select_questions(&course, &request(None, None, 11)).expect("selects");
    let mut shuffled_somewhere = false;
    for asked in &selection.questions {
        let mut sorted = asked.display_order.clone();
        sorted.sort_unstable();
        match &asked.question.kind {
            QuestionKind::SingleChoice { options, answer } => {
                assert_eq!(sorted, (0..options.len()).collect::<Vec<_>>());
                // Choosing the shown position of the right option grades right.
                let shown = asked
                    .display_order
                    .iter()
                    .position(|i| i == answer)
                    .expect("shown");
                assert_eq!(asked.choice(shown), Some(Answer::Choice(*answer)));
                assert_eq!(asked.displayed()[shown], options[*answer]);
                shuffled_somewhere |= asked.display_order != sorted;
            }
            QuestionKind::MultiSelect { options, .. }
            | QuestionKind::Ordering { items: options } => {
                assert_eq!(sorted, (0..options.len()).collect::<Vec<_>>());
            }
            _ => assert!(asked.display_order.is_empty()),
        }
    }
    assert!(shuffled_somewhere);
}

#[test]
fn ordering_questions_never_start_in_the_right_order() {
    let course = course();
    for seed in 0..300 {
        let selection = select_questions(&course, &request(Some("troubleshooting"), None, seed))
            .expect("selects");
        for asked in &selection.questions {
            if let QuestionKind::Ordering { items } = &asked.question.kind {
                let solved: Vec<usize> = (0..items.len()).collect();
                assert_ne!(
                    asked.display_order, solved,
                    "seed {seed}: {}",
                    asked.question.id
                );
                // The starting order, submitted as is, is a valid (if wrong) answer.
                let start: Vec<usize> = (0..items.len()).collect();
                assert_eq!(
                    asked.order(&start),
                    Answer::Order(asked.display_order.clone())
                );
            }
        }
    }
}

#[test]
fn a_two_item_ordering_is_never_handed_out_solved() {
    let topic = Topic {
        id: "t".into(),
        title: "T".into(),
        summary: String::new(),
        lessons: vec![],
        labs: vec![],
        questions: vec![],
        interview: vec![],
        netpol: vec![],
        debug: vec![],
    };
    let question = Question {
        id: "q".into(),
        prompt: "Order".into(),
        kind: QuestionKind::Ordering {
            items: vec!["a".into(), "b".into()],
        },
        explanation: String::new(),
        see: String::new(),
    };
    for seed in 0..50 {
        let asked = prepare(&topic, question.clone(), &mut StdRng::seed_from_u64(seed));
        assert_eq!(asked.display_order, [1, 0]);
    }
}

#[test]
fn questions_by_id_keep_the_given_order_and_skip_unknown_ids() {
    let course = crate::content::load(&crate::content::EmbeddedCourse).unwrap();
    let ids: Vec<&str> = course.questions().map(|q| q.id.as_str()).take(3).collect();
    let asked = questions_by_id(&course, &[ids[2], "no-such-id", ids[0]], 5);
    let got: Vec<&str> = asked.iter().map(|q| q.question.id.as_str()).collect();
    assert_eq!(got, [ids[2], ids[0]]);
    assert_eq!(
        asked,
        questions_by_id(&course, &[ids[2], ids[0]], 5),
        "the seed fixes the option order"
    );
}

#[test]
fn questions_by_id_finds_table_questions_too_so_review_can_ask_them() {
    let course = crate::content::load(&crate::content::EmbeddedCourse).unwrap();
    let authored = course.questions().next().unwrap().id.clone();
    let table = "t-plugins/plugin-comparison/pod-ip-source/azure-cni";
    let gone = "t-plugins/plugin-comparison/a-removed-row/azure-cni";
    let asked = questions_by_id(&course, &[table, gone, &authored], 3);
    let got: Vec<&str> = asked.iter().map(|q| q.question.id.as_str()).collect();
    assert_eq!(got, [table, authored.as_str()]);
    assert_eq!(asked[0].topic_id, "plugins");
}

#[test]
fn an_option_number_out_of_range_is_refused_with_the_range() {
    let course = crate::content::load(&crate::content::EmbeddedCourse).unwrap();
    let asked = questions_by_id(
        &course,
        &["t-plugins/plugin-comparison/pod-ip-source/azure-cni"],
        1,
    );
    let question = &asked[0];
    assert_eq!(question.option_count(), 4);
    assert_eq!(question.option_number(4), Ok(3));
    for number in [0, 5, 99] {
        let refused = question.option_number(number).expect_err("out of range");
        assert_eq!(refused.reason, crate::quiz::RefusalReason::NoSuchOption);
        assert_eq!(
            refused.hint,
            format!("There is no option {number}: choose 1 to 4.")
        );
    }
}
