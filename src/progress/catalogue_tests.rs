//! The catalogue: every class of item, with its topic, and table questions' history kept when
//! their table is edited elsewhere.

use super::*;
use crate::progress::mastery::course_mastery;
use crate::progress::model::{Mode, Outcome, Progress};
use crate::progress::test_course::{course_with_predictions, course_with_table};
use crate::progress::time::Timestamp;
use crate::progress::{due, skills};

fn table_ids(course: &Course) -> Vec<String> {
    Catalogue::new(course)
        .entries()
        .iter()
        .filter(|e| e.class == ItemClass::TableQuestion)
        .map(|e| e.id.clone())
        .collect()
}

#[test]
fn every_class_is_catalogued_under_its_topic() {
    let course = course_with_predictions();
    let catalogue = Catalogue::new(&course);
    let entry = catalogue.get(ItemKind::Question, "netpol-s-one").unwrap();
    assert_eq!(entry.class, ItemClass::Prediction);
    assert_eq!(entry.topic.as_deref(), Some("dns"));
    assert_eq!(entry.scenario.as_deref(), Some("netpol-s"));
    assert_eq!(
        catalogue.get(ItemKind::Interview, "iv-a").unwrap().class,
        ItemClass::Interview
    );
    assert_eq!(catalogue.count(ItemClass::SizingSkill), 7);
    let skill = catalogue
        .get(ItemKind::SizingSkill, "sizing-nodes-that-fit")
        .unwrap();
    assert_eq!(
        skill.topic, None,
        "the test course has no IP-planning topic"
    );
    assert!(
        catalogue.get(ItemKind::Question, "iv-a").is_none(),
        "kinds keep ids apart"
    );
}

#[test]
fn sizing_skills_count_for_the_ip_planning_topic() {
    let mut course = course_with_predictions();
    course.topics[1].id = skills::SIZING_TOPIC.into();
    let catalogue = Catalogue::new(&course);
    let now = Timestamp::parse_rfc3339("2026-01-05T09:00:00Z").unwrap();
    let mut progress = Progress::default();
    progress.record_sizing(skills::SizingSkill::RequiredIps, Outcome::Score(1.0), now);
    let due = due::due(&catalogue, &progress, now);
    let topics = course_mastery(&course, &catalogue, &progress, &due);
    assert_eq!(
        topics[1].items,
        1 + 2 + 7,
        "q-c, two predictions, seven skills"
    );
    assert_eq!(topics[1].items_answered, 1);
    assert_eq!(topics[1].answers, 1);
}

#[test]
fn a_table_edited_elsewhere_keeps_its_questions_history() {
    let course = course_with_table();
    let before = table_ids(&course);
    assert!(before.len() >= 2, "{before:?}");
    let now = Timestamp::parse_rfc3339("2026-01-05T09:00:00Z").unwrap();
    let mut progress = Progress::default();
    for id in &before {
        progress.record_answer(ItemKind::Question, id, Outcome::Score(1.0), Mode::Quiz, now);
    }

    // Rows reordered, a column added, a new row: the questions asked before keep their ids.
    let mut edited = course.clone();
    let (blocks, _) = crate::content::markdown::parse(
        "## Plugins\n\n| Feature | Kubenet | Azure CNI | Overlay |\n|---|---|---|---|\n| Windows node pools | No | Yes | Yes (preview) |\n| Max nodes | 400 | 5000 | 5000 nodes |\n| Pod IP source | NAT bridge | VNet subnet | Private pod CIDR |\n",
    );
    edited.topics[0].lessons[0].technical.blocks = blocks;
    let after = table_ids(&edited);
    let kept: Vec<&String> = before.iter().filter(|id| after.contains(id)).collect();
    assert!(
        kept.len() >= 2,
        "the table questions about unchanged rows and columns keep their ids: before {before:?}, after {after:?}"
    );
    let catalogue = Catalogue::new(&edited);
    let due = due::due(&catalogue, &progress, now);
    let plugins = &course_mastery(&edited, &catalogue, &progress, &due)[0];
    assert!(plugins.items_answered >= kept.len(), "{plugins:?}");
    // An id whose row is gone stays in the file, like any unknown id.
    assert_eq!(progress.questions.len(), before.len());
}
