//! Tests of table-question generation: on tables built to tempt mistakes, and on the real course.

use std::collections::HashSet;

use super::*;
use crate::content::markdown::parse;
use crate::content::{self, Document, EmbeddedCourse};
use crate::quiz::table_cells::MAX_CHOICES;

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

fn answer_of(question: &Question) -> (&[String], usize) {
    match &question.kind {
        QuestionKind::SingleChoice { options, answer } => (options, *answer),
        other => panic!("table questions are single choice, got {other:?}"),
    }
}

const COMPARISON: &str = "\
## The comparison table

| Feature | Kubenet | Azure CNI | Overlay |
|---|---|---|---|
| Pod IP source | Bridge | VNet subnet | Overlay CIDR |
| Windows node pools | No | Yes | Yes |
| VNet routing | No (UDR needed) | Yes | no |
| Max pods default | 110 | 110 | 110 |
| Policy | — | NPM | Calico |
";

#[test]
fn a_comparison_table_asks_which_column_has_a_cell() {
    let questions = lesson_table_questions(&lesson(COMPARISON));
    let pod_ip = questions
        .iter()
        .find(|q| q.id == "t-plugins/the-comparison-table/pod-ip-source/azure-cni")
        .expect("a question on the Azure CNI pod IP source");
    assert_eq!(
        pod_ip.prompt, "Pod IP source: VNet subnet. Which of these is that?",
        "without a table-quiz comment, the prompt comes from the header"
    );
    assert_eq!(
        answer_of(pod_ip),
        (
            &["Kubenet".to_string(), "Azure CNI".into(), "Overlay".into()][..],
            1
        )
    );
    assert_eq!(pod_ip.see, "plugins#the-comparison-table");
    assert_eq!(
        pod_ip.explanation,
        "In the table under “The comparison table”, Azure CNI is the one with Pod IP source: VNet \
         subnet. The others: Kubenet: Bridge; Overlay: Overlay CIDR."
    );
}

#[test]
fn cells_shared_by_two_columns_are_never_asked() {
    let questions = lesson_table_questions(&lesson(COMPARISON));
    let ids: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "t-plugins/the-comparison-table/pod-ip-source/kubenet",
            "t-plugins/the-comparison-table/pod-ip-source/azure-cni",
            // Overlay's "Overlay CIDR" names its own answer: not asked.
            // "Yes" twice: only Kubenet's "No" is distinctive.
            "t-plugins/the-comparison-table/windows-node-pools/kubenet",
            // "No (UDR needed)" and "no" are one value once the remark is dropped and case ignored.
            "t-plugins/the-comparison-table/vnet-routing/azure-cni",
            // "Max pods default" has one value for all: no question. "—" is not asked.
            "t-plugins/the-comparison-table/policy/azure-cni",
            "t-plugins/the-comparison-table/policy/overlay",
        ]
    );
    for question in &questions {
        assert_no_two_right_answers(question, &lesson(COMPARISON));
    }
}

/// Looks the question's row up again and checks no other offered option has the same value.
fn assert_no_two_right_answers(question: &Question, lesson: &Lesson) {
    let (options, answer) = answer_of(question);
    let Some(Block::Table(table)) = lesson
        .technical
        .blocks
        .iter()
        .find(|b| matches!(b, Block::Table(_)))
    else {
        panic!("no table");
    };
    let header: Vec<String> = table.header.iter().map(Cell::text).collect();
    let (label, _) = question.prompt.split_once(": ").unwrap_or_default();
    let row = table
        .rows
        .iter()
        .find(|row| row[0].text() == label)
        .expect("the asked row");
    let value_of = |option: &String| {
        let column = header
            .iter()
            .position(|h| h == option)
            .expect("an option is a header");
        core(&row[column].text())
    };
    let right_value = value_of(&options[answer]);
    for (index, option) in options.iter().enumerate() {
        if index != answer {
            assert_ne!(
                value_of(option),
                right_value,
                "{}: two right answers",
                question.id
            );
        }
    }
}

#[test]
fn a_table_of_things_asks_which_row_has_a_cell() {
    let questions = lesson_table_questions(&lesson(
        "\
## Usable addresses

| Prefix | Addresses | Usable in Azure |
|---|---|---|
| /29 | 8 | 3 |
| /28 | 16 | 11 |
| /27 | 32 | 27 |
| /26 | 64 | 59 |
| /25 | 128 | 123 |
| /24 | 256 | 251 |
",
    ));
    let usable = questions
        .iter()
        .find(|q| q.id == "t-plugins/usable-addresses/24/usable-in-azure")
        .expect("a question on the /24");
    assert_eq!(usable.prompt, "Usable in Azure: 251. Which prefix is that?");
    // At most four choices: the answer and its nearest neighbours.
    assert_eq!(
        answer_of(usable),
        (
            &["/27".to_string(), "/26".into(), "/25".into(), "/24".into()][..],
            3
        )
    );
    assert_eq!(
        usable.explanation,
        "In the table under “Usable addresses”, /24 is the one with Usable in Azure: 251; \
         Addresses: 256. The others: /27: 27; /26: 59; /25: 123."
    );
    assert_eq!(questions.len(), 12, "two columns of six distinct values");
}

#[test]
fn a_table_of_things_skips_values_two_rows_share() {
    let questions = lesson_table_questions(&lesson(
        "\
| Model | Default max pods | Maximum |
|---|---|---|
| Kubenet | 110 | 250 |
| Azure CNI | 30 | 250 |
| Pod Subnet | 110 (same as kubenet) | 250 |
",
    ));
    let ids: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["t-plugins/top/azure-cni/default-max-pods"]);
    assert_eq!(
        questions[0].see, "plugins",
        "no heading above: the lesson itself"
    );
    assert_eq!(answer_of(&questions[0]).1, 1);
}

#[test]
fn a_cell_naming_its_own_answer_is_not_asked() {
    let questions = lesson_table_questions(&lesson(
        "\
| Engine | Supported CNI |
|---|---|
| Azure NPM | Azure CNI |
| Cilium | CNI Powered by Cilium |
",
    ));
    let ids: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["t-plugins/top/azure-npm/supported-cni"]);
}

#[test]
fn the_real_course_gives_valid_unique_questions() {
    let course = content::load(&EmbeddedCourse).expect("the embedded course loads");
    let questions = course_table_questions(&course);
    assert!(
        questions.len() >= 30,
        "only {} table questions",
        questions.len()
    );
    let mut ids = HashSet::new();
    let hand_written: HashSet<&str> = course.questions().map(|q| q.id.as_str()).collect();
    for question in &questions {
        assert!(
            ids.insert(question.id.as_str()),
            "duplicate id {}",
            question.id
        );
        assert!(
            !hand_written.contains(question.id.as_str()),
            "{} clashes",
            question.id
        );
        let (options, answer) = answer_of(question);
        assert!(
            answer < options.len(),
            "{}: answer out of range",
            question.id
        );
        assert!(
            (2..=MAX_CHOICES).contains(&options.len()),
            "{}",
            question.id
        );
        let distinct: HashSet<String> = options.iter().map(|o| core(o)).collect();
        assert_eq!(
            distinct.len(),
            options.len(),
            "{}: repeated options",
            question.id
        );
        let (lesson_id, anchor) = question.see.split_once('#').unwrap_or((&question.see, ""));
        let lesson = course.lesson(lesson_id).expect("see names a lesson");
        assert!(anchor.is_empty() || lesson.technical.anchors().any(|a| a == anchor));
    }
    // The plugin comparison is drilled: Azure CNI is the one with VNet pod IPs.
    let vnet = questions
        .iter()
        .find(|q| q.id == "t-plugins/plugin-comparison/pod-ip-source/azure-cni")
        .expect("the plugin table's pod IP row");
    let (options, answer) = answer_of(vnet);
    assert_eq!(options[answer], "Azure CNI");
}

#[test]
#[ignore = "prints the real course's table questions for a human to read"]
fn print_the_real_table_questions() {
    let course = content::load(&EmbeddedCourse).expect("the embedded course loads");
    for question in course_table_questions(&course) {
        let (options, answer) = answer_of(&question);
        println!(
            "{}\n  {}\n  {:?} -> {}\n  Why: {}\n",
            question.id, question.prompt, options, options[answer], question.explanation
        );
    }
}

#[test]
fn a_value_found_inside_another_choices_cell_is_not_asked() {
    let questions = lesson_table_questions(&lesson(
        "\
| Engine | Supported CNI | Max pods |
|---|---|---|
| Azure NPM | Azure CNI | 5 |
| Calico | Kubenet, Azure CNI, Overlay | 5,000 |
| Other | Overlay only | 250 (or 5 on kubenet) |
",
    ));
    let ids: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
    // "Azure CNI" is also in Calico's list, and "5" in Other's remark: both would have two right
    // answers. "5" is not a word of "5,000", but that does not save it here.
    assert_eq!(
        ids,
        [
            "t-plugins/top/calico/supported-cni",
            // "Overlay only" is not a run of words in Calico's cell: asked.
            "t-plugins/top/other/supported-cni",
            "t-plugins/top/calico/max-pods",
            "t-plugins/top/other/max-pods",
        ]
    );
}
