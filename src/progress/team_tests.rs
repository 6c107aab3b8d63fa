//! Team report tests: most missed, learner reports, names and duplicates.

use super::*;
use crate::progress::model::{Mode, Outcome};
use crate::progress::test_course;

fn at(text: &str) -> Timestamp {
    Timestamp::parse_rfc3339(text).unwrap()
}

fn learner(name: &str, answers: &[(&str, f64)]) -> Learner {
    let mut progress = Progress::default();
    for (id, score) in answers {
        progress.record_answer(
            ItemKind::Question,
            id,
            Outcome::Score(*score),
            Mode::Quiz,
            at("2026-01-05T09:00:00Z"),
        );
    }
    Learner {
        name: name.into(),
        file: None,
        progress,
    }
}

#[test]
fn the_most_missed_items_are_counted_across_the_team() {
    let course = test_course::course();
    let team = [
        learner("alice", &[("q-a", 0.0), ("q-a", 0.0), ("q-b", 1.0)]),
        learner("bob", &[("q-a", 0.0), ("q-c", 0.5), ("q-gone", 0.0)]),
        learner("carol", &[("q-c", 0.0), ("q-b", 1.0)]),
    ];
    let missed = most_missed(&Catalogue::new(&course), &team);
    let summary: Vec<(&str, usize, usize)> = missed
        .iter()
        .map(|m| (m.id.as_str(), m.misses, m.learners))
        .collect();
    assert_eq!(summary, [("q-a", 3, 2), ("q-c", 2, 2), ("q-gone", 1, 1)]);
    assert_eq!(missed[0].topic.as_deref(), Some("plugins"));
    assert_eq!(missed[0].prompt.as_deref(), Some("Prompt of q-a?"));
    assert_eq!(missed[2].topic, None, "no longer in the course");
}

#[test]
fn at_most_ten_items_are_listed() {
    let course = test_course::course();
    let ids: Vec<String> = (0..15).map(|i| format!("q-{i:02}")).collect();
    let answers: Vec<(&str, f64)> = ids.iter().map(|id| (id.as_str(), 0.0)).collect();
    assert_eq!(
        most_missed(&Catalogue::new(&course), &[learner("a", &answers)]).len(),
        10
    );
}

#[test]
fn a_learner_report_lists_finished_lessons_and_whole_labs() {
    let course = test_course::course();
    let now = at("2026-01-05T09:00:00Z");
    let mut alice = learner("alice", &[("q-a", 1.0)]);
    alice.progress.record_lesson_finished("dns", now);
    alice.progress.set_step_done("lab-a", "one", true, now);
    alice.progress.set_step_done("lab-a", "two", true, now);
    let report = team_report(&course, &[alice], now);
    let alice = &report.learners[0];
    assert_eq!(alice.lessons_finished, ["dns"]);
    assert_eq!(alice.labs_completed, ["lab-a"]);
    assert_eq!(alice.summary.mastery, Some(0.25));
    assert_eq!(alice.last_active, Some(now));
    assert_eq!(report.topics.len(), 2);
    assert_eq!(report.labs[0].id, "lab-a");
}

fn source(path: &str, identity: &str, progress: &Progress) -> Source {
    Source {
        path: path.into(),
        identity: Some(identity.into()),
        progress: progress.clone(),
    }
}

#[test]
fn learners_are_named_by_their_name_else_their_file() {
    let mut named = learner("x", &[("q-a", 1.0)]).progress;
    named.set_name("Ada Lovelace").unwrap();
    let plain = learner("x", &[("q-b", 1.0)]).progress;
    let (learners, duplicates) = gather(vec![
        source("team/ada.ron", "/t/ada.ron", &named),
        source("team/bob.ron", "/t/bob.ron", &plain),
    ]);
    let names: Vec<&str> = learners.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Ada Lovelace", "bob"]);
    assert!(duplicates.is_empty());
}

#[test]
fn the_same_file_twice_is_counted_once_and_said() {
    let alice = learner("x", &[("q-a", 1.0)]).progress;
    let (learners, duplicates) = gather(vec![
        source("alice.ron", "/t/alice.ron", &alice),
        source("./alice.ron", "/t/alice.ron", &alice),
        source("alice.ron", "/t/alice.ron", &alice),
    ]);
    assert_eq!(learners.len(), 1);
    assert_eq!(
        duplicates[0].to_string(),
        "./alice.ron is the same file as alice.ron: its learner is counted once"
    );
    assert_eq!(
        duplicates[1].to_string(),
        "alice.ron is given twice: its learner is counted once"
    );
}

#[test]
fn a_copy_of_the_same_progress_is_counted_once_and_said() {
    let alice = learner("x", &[("q-a", 1.0)]).progress;
    let (learners, duplicates) = gather(vec![
        source("a/default.ron", "/a/default.ron", &alice),
        source("b/copy.ron", "/b/copy.ron", &alice),
    ]);
    assert_eq!(learners.len(), 1);
    assert_eq!(learners[0].name, "default");
    assert!(matches!(&duplicates[0], Duplicate::SameContent { .. }));
    assert!(
        duplicates[0]
            .to_string()
            .contains("holds exactly the same progress as a/default.ron")
    );
}

#[test]
fn two_learners_of_one_name_are_told_apart_by_path() {
    let one = learner("x", &[("q-a", 1.0)]).progress;
    let two = learner("x", &[("q-b", 0.0)]).progress;
    let (learners, duplicates) = gather(vec![
        source("a/default.ron", "/a/default.ron", &one),
        source("b/default.ron", "/b/default.ron", &two),
    ]);
    let names: Vec<&str> = learners.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        ["default (a/default.ron)", "default (b/default.ron)"]
    );
    let notes: Vec<String> = duplicates.iter().map(ToString::to_string).collect();
    assert_eq!(
        notes,
        [
            "a/default.ron, b/default.ron all belong to default but hold different progress: each is shown, told apart by its path"
        ]
    );
}
