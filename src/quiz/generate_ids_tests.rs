//! Tests that table questions keep their ids while their table is edited (issue 12's "table edit
//! keeps history": progress keeps history under the id, so an equal id is kept history), and
//! that the course's tables all read as questions.

use std::collections::BTreeMap;

use super::*;
use crate::content::markdown::parse;
use crate::content::{self, Document, EmbeddedCourse};

fn lesson(markdown: &str) -> Lesson {
    let (blocks, issues) = parse(markdown);
    assert!(issues.is_empty(), "{issues:?}");
    Lesson {
        id: "plugins".to_string(),
        title: "Choosing a network plugin".to_string(),
        technical: Document {
            path: "lessons/plugins.md".to_string(),
            blocks,
        },
        eli5: None,
    }
}

/// Each question's id, with what it asks and its right answer.
fn asked(markdown: &str) -> BTreeMap<String, (String, String)> {
    lesson_table_questions(&lesson(markdown))
        .into_iter()
        .map(|question| {
            let QuestionKind::SingleChoice { options, answer } = &question.kind else {
                panic!("table questions are single choice");
            };
            let right = options[*answer].clone();
            (question.id, (question.prompt, right))
        })
        .collect()
}

const BEFORE: &str = "\
## Plugins

<!-- table-quiz
id: plugin-comparison
ask Pod IP source: Which plugin gives pods addresses from the {brief}?
ask Policy: Which plugin offers {value} for network policy?
-->
| Feature | Kubenet | Azure CNI | Overlay |
|---|---|---|---|
| Pod IP source | Bridge | VNet subnet | Overlay CIDR |
| Policy | Calico only | Azure NPM | Calico or Cilium |
| Max pods | 110 | 30 | 250 |

## Max pods per node

| Model | Default max pods | Largest cluster |
|---|---|---|
| Kubenet | 110 | 400 nodes |
| Azure CNI | 30 | 1,000 nodes |
| Overlay | 250 | 5,000 nodes |
";

/// BEFORE with both tables edited: rows reordered, a column added, another row changed (the
/// Policy row, and Kubenet's largest cluster), and new content above both tables.
const AFTER: &str = "\
## First things first

| Term | Meaning |
|---|---|
| CNI | Container Network Interface |
| NAT | Network address translation |

## Plugins

Some new prose above the table.

<!-- table-quiz
id: plugin-comparison
ask Pod IP source: Which plugin gives pods addresses from the {brief}?
ask Policy: Which plugin offers {value} for network policy?
-->
| Feature | Kubenet | Azure CNI | Overlay | Cilium |
|---|---|---|---|---|
| Max pods | 110 | 30 | 250 | 500 |
| Policy | Calico (only) | Azure NPM (retiring) | Calico, Cilium | Cilium |
| Pod IP source | Bridge | VNet subnet | Overlay CIDR | eBPF overlay |

## Max pods per node

| Model | Default max pods | Largest cluster | Windows |
|---|---|---|---|
| Overlay | 250 | 5,000 nodes | Yes |
| Kubenet | 110 | 401 nodes | No |
| Azure CNI | 30 | 1,000 nodes | Yes |
";

#[test]
fn editing_a_table_keeps_the_ids_of_the_questions_it_did_not_touch() {
    let before = asked(BEFORE);
    let after = asked(AFTER);
    let untouched: Vec<&String> = before
        .keys()
        .filter(|id| {
            !id.contains("/policy/") && *id != "t-plugins/max-pods-per-node/kubenet/largest-cluster"
        })
        .collect();
    assert!(untouched.len() >= 10, "{untouched:?}");
    for id in untouched {
        let (prompt, answer) = &before[id];
        let (prompt_after, answer_after) = after
            .get(id)
            .unwrap_or_else(|| panic!("{id} lost its id; after the edit: {:#?}", after.keys()));
        assert_eq!(answer, answer_after, "{id}");
        assert_eq!(prompt, prompt_after, "{id}");
    }
    // The ids say what they ask: the table, the row's key, the column.
    assert!(before.contains_key("t-plugins/plugin-comparison/pod-ip-source/azure-cni"));
    assert!(before.contains_key("t-plugins/max-pods-per-node/azure-cni/default-max-pods"));
    // The changed cell is asked under its old id, with its new value.
    assert_eq!(
        after["t-plugins/max-pods-per-node/kubenet/largest-cluster"].0,
        "Largest cluster: 401 nodes. Which model is that?"
    );
    // The new column brings new questions under new ids.
    assert!(after.contains_key("t-plugins/plugin-comparison/pod-ip-source/cilium"));
}

#[test]
fn two_tables_in_one_section_are_told_apart_by_their_order_there_only() {
    let markdown = "\
## Two tables

| Prefix | Addresses |
|---|---|
| /24 | 256 |
| /23 | 512 |

| Prefix | Usable |
|---|---|
| /24 | 251 |
| /23 | 507 |
";
    let ids: Vec<String> = asked(markdown).into_keys().collect();
    assert!(
        ids.contains(&"t-plugins/two-tables/24/addresses".to_string()),
        "{ids:?}"
    );
    assert!(
        ids.contains(&"t-plugins/two-tables-2/24/usable".to_string()),
        "{ids:?}"
    );
}

#[test]
fn skip_lines_ask_nothing_of_a_property_or_a_table() {
    let markdown = "\
<!-- table-quiz
skip Addresses
-->
| Prefix | Addresses | Usable |
|---|---|---|
| /24 | 256 | 251 |
| /23 | 512 | 507 |

<!-- table-quiz
skip
-->
| Prefix | Addresses |
|---|---|
| /22 | 1,024 |
| /21 | 2,048 |
";
    let ids: Vec<String> = asked(markdown).into_keys().collect();
    assert_eq!(ids, ["t-plugins/top/23/usable", "t-plugins/top/24/usable"]);
}

#[test]
fn every_table_of_the_course_has_phrasings_and_no_prompt_reads_as_a_lookup() {
    let course = content::load(&EmbeddedCourse).expect("the embedded course loads");
    for lesson in course.lessons() {
        for block in &lesson.technical.blocks {
            if let Block::Table(table) = block {
                let header: Vec<String> = table.header.iter().map(Cell::text).collect();
                assert!(
                    table.quiz.is_some(),
                    "{}: the table {header:?} has no table-quiz comment",
                    lesson.technical.path
                );
            }
        }
    }
    let questions = course_table_questions(&course);
    assert!(questions.len() >= 30, "only {}", questions.len());
    for question in &questions {
        let prompt = &question.prompt;
        for lookup in ["Which fact has", "Which model has", "has “", "”?"] {
            assert!(!prompt.contains(lookup), "{}: {prompt}", question.id);
        }
        assert!(prompt.ends_with('?'), "{}: {prompt}", question.id);
        assert!(!prompt.contains('{'), "{}: {prompt}", question.id);
        assert!(
            question.explanation.contains(" is the one with "),
            "{}: {}",
            question.id,
            question.explanation
        );
    }
    let pod_ip = questions
        .iter()
        .find(|q| q.id == "t-plugins/plugin-comparison/pod-ip-source/azure-cni")
        .expect("the plugin table's pod IP row");
    assert_eq!(
        pod_ip.prompt,
        "Which network plugin gives pods their IP addresses from the VNet subnet?"
    );
    assert!(
        pod_ip.explanation.contains("The lesson: “"),
        "the lesson's sentence about it: {}",
        pod_ip.explanation
    );
}

#[test]
fn phrasings_reach_the_screen_without_escape_sequences() {
    fn copy(from: &std::path::Path, to: &std::path::Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/networking-in-aks");
    copy(&root, dir.path());
    let plugins = dir.path().join("lessons/plugins.md");
    let text = std::fs::read_to_string(&plugins).unwrap().replace(
        "ask Pod IP source: Which",
        "ask Pod IP source: \u{1b}[2J\u{7}Which",
    );
    std::fs::write(&plugins, text).unwrap();
    let course = content::load(&crate::content::CourseDir::new(dir.path())).expect("loads");
    let question = course_table_questions(&course)
        .into_iter()
        .find(|q| q.id == "t-plugins/plugin-comparison/pod-ip-source/azure-cni")
        .expect("asked");
    assert!(
        !question.prompt.chars().any(char::is_control),
        "{:?}",
        question.prompt
    );
    assert!(
        question.prompt.ends_with("from the VNet subnet?"),
        "{}",
        question.prompt
    );
}
