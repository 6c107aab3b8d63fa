//! Coverage of the built-in "Networking in AKS" course against its seed (issue 3, "How it is checked"):
//! every topic, every row of every seed table, every seed command and manifest, the interview and quiz
//! counts, and the corrected numbers pinned, so a later edit cannot quietly bring back the seed's errors.

mod current;
mod seed;
mod support;

use std::collections::HashSet;

use aks_tutor::content::markdown::{Block, Cell};
use aks_tutor::content::{LabKind, Level, QuestionKind};
use seed::*;
use support::*;

#[test]
fn every_seed_topic_has_a_lesson_with_technical_text_and_eli5_where_the_seed_has_one() {
    let course = course();
    let topic_ids: Vec<&str> = course
        .topics
        .iter()
        .map(|topic| topic.id.as_str())
        .collect();
    assert_eq!(
        topic_ids, SEED_TOPICS,
        "the issue's topics, in teaching order"
    );
    for (id, essentials) in TOPIC_ESSENTIALS {
        let lesson = lesson(&course, id);
        assert!(
            !lesson.technical.blocks.is_empty(),
            "{id}: empty technical lesson"
        );
        let text = lesson_passages(lesson)
            .iter()
            .map(|p| p.text.to_lowercase())
            .collect::<Vec<_>>()
            .join("\n");
        for essential in *essentials {
            assert!(
                text.contains(essential),
                "lesson {id} never mentions {essential:?}"
            );
        }
    }
    // The seed's ELI5 paragraph (the office building) covers these topics.
    for id in [
        "overview",
        "plugins",
        "load-balancers",
        "ingress",
        "network-policies",
    ] {
        let eli5 = lesson(&course, id).eli5.as_ref();
        assert!(
            eli5.is_some_and(|doc| !doc.blocks.is_empty()),
            "lesson {id} needs an ELI5 version"
        );
    }
    // The issue asks for diagrams: the office building and the request path, and the hub-spoke topology.
    for (id, at_least) in [("overview", 2), ("hub-spoke", 1)] {
        let diagrams = lesson(&course, id).technical.blocks.iter();
        let count = diagrams
            .filter(|b| matches!(b, Block::Code { language, .. } if language == "diagram"))
            .count();
        assert!(
            count >= at_least,
            "lesson {id} has {count} diagrams, wants {at_least}"
        );
    }
}

#[test]
fn every_row_of_every_seed_table_is_a_table_row_in_its_lesson() {
    let course = course();
    let mut missing = Vec::new();
    for seed in SEED_TABLES {
        let table = table_with_header(lesson(&course, seed.lesson), seed.header[0]);
        assert_eq!(
            table.header.len(),
            seed.header.len(),
            "{}: the seed's column count",
            seed.lesson
        );
        let header = std::iter::once(&table.header);
        let rows: Vec<&Vec<Cell>> = header.chain(&table.rows).collect();
        for seed_row in std::iter::once(&seed.header).chain(seed.rows) {
            let Some(row) = rows.iter().find(|row| row[0].text() == seed_row[0]) else {
                missing.push(format!("{}: no row {:?}", seed.lesson, seed_row[0]));
                continue;
            };
            for (column, seed_cell) in seed_row.iter().enumerate().skip(1) {
                let cell = row[column].text();
                for word in key_words(seed_cell) {
                    let correction = SEED_CELL_CORRECTIONS
                        .iter()
                        .find(|(wrong, _)| *wrong == word);
                    let expected = correction.map_or(word, |(_, right)| right);
                    if !cell.contains(expected) || (correction.is_some() && cell.contains(word)) {
                        missing.push(format!(
                            "{} / {} / col {column}: {cell:?} lacks {expected:?}",
                            seed.lesson, seed_row[0]
                        ));
                    }
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "seed table content missing:\n{}",
        missing.join("\n")
    );
}

#[test]
fn fifteen_interview_items_five_per_level_each_with_key_points_and_hints() {
    let course = course();
    let items: Vec<_> = course.interview_items().collect();
    assert_eq!(items.len(), 15);
    for level in [Level::Beginner, Level::Intermediate, Level::Scenario] {
        assert_eq!(
            items.iter().filter(|item| item.level == level).count(),
            5,
            "{level:?}"
        );
    }
    for item in &items {
        assert!(
            (3..=6).contains(&item.key_points.len()),
            "{}: {} key points",
            item.id,
            item.key_points.len()
        );
        assert!(
            (1..=3).contains(&item.hints.len()),
            "{}: {} hints",
            item.id,
            item.hints.len()
        );
        assert!(
            !item.question.trim().is_empty() && !item.answer.trim().is_empty(),
            "{}",
            item.id
        );
    }
    for &(level, fact) in SEED_INTERVIEW_FACTS {
        let found = items
            .iter()
            .any(|item| item.level == level && item.answer.contains(fact));
        assert!(found, "no {level:?} interview answer states {fact:?}");
    }
}

#[test]
fn three_debugging_scenarios_with_the_seed_symptoms_and_five_hands_on_labs() {
    let course = course();
    let debugging: Vec<_> = course
        .labs()
        .filter(|lab| lab.kind == LabKind::Debugging)
        .collect();
    assert_eq!(debugging.len(), 3);
    assert_eq!(
        course
            .labs()
            .filter(|lab| lab.kind == LabKind::HandsOn)
            .count(),
        5
    );
    for lab in debugging {
        assert!(
            lab.steps.len() >= 5,
            "{}: {} steps",
            lab.id,
            lab.steps.len()
        );
    }
    for (id, symptom) in SEED_SYMPTOMS {
        assert_eq!(lab(&course, id).symptom.as_deref(), Some(*symptom), "{id}");
    }
}

#[test]
fn every_seed_command_is_a_lab_step_in_the_seed_order() {
    let course = course();
    for (lab_id, commands) in SEED_COMMANDS {
        let steps: Vec<String> = lab(&course, lab_id)
            .steps
            .iter()
            .map(|s| normalise(s.command.as_deref().unwrap_or("")))
            .collect();
        let mut previous_step = 0;
        for command in *commands {
            let step = steps.iter().position(|text| text.contains(command));
            let step = step.unwrap_or_else(|| panic!("{lab_id}: no step runs {command:?}"));
            assert!(
                step >= previous_step,
                "{lab_id}: {command:?} comes before the seed's previous command"
            );
            previous_step = step;
        }
    }
}

#[test]
fn the_seed_manifests_are_step_files_or_commands() {
    let course = course();
    for (lab_id, file_name, manifest) in SEED_MANIFESTS {
        let found = lab(&course, lab_id)
            .steps
            .iter()
            .any(|step| match (file_name, &step.file) {
                (Some(name), Some(file)) => {
                    file.name == *name && normalise(&file.text).contains(manifest)
                }
                (None, _) => step
                    .command
                    .as_deref()
                    .is_some_and(|c| normalise(c).contains(manifest)),
                _ => false,
            });
        assert!(
            found,
            "{lab_id}: the seed's manifest {file_name:?} is missing or altered"
        );
    }
}

#[test]
fn at_least_sixty_questions_of_every_kind_with_unique_ids() {
    // `course()` loading at all means every `see` resolved: the loader refuses a dangling reference.
    let course = course();
    let questions: Vec<_> = course.questions().collect();
    assert!(questions.len() >= 60, "{} questions", questions.len());
    let kinds: HashSet<_> = questions
        .iter()
        .map(|q| std::mem::discriminant(&q.kind))
        .collect();
    assert_eq!(
        kinds.len(),
        7,
        "SingleChoice, MultiSelect, TrueFalse, Number, Cidr, Word and Ordering"
    );
    let mut ids = HashSet::new();
    let all_ids = questions
        .iter()
        .map(|q| &q.id)
        .chain(course.interview_items().map(|i| &i.id));
    for id in all_ids {
        assert!(ids.insert(id), "duplicate id {id}");
    }
    let mut lab_ids = HashSet::new();
    assert!(
        course.labs().all(|lab| lab_ids.insert(&lab.id)),
        "duplicate lab id"
    );
}

#[test]
fn lessons_state_the_corrected_numbers() {
    let course = course();
    for (id, facts) in PINNED_FACTS {
        let passages = lesson_passages(lesson(&course, id));
        let stated = passages
            .iter()
            .any(|p| facts.iter().all(|fact| p.text.contains(fact)));
        assert!(stated, "lesson {id}: no passage states all of {facts:?}");
    }
}

#[test]
fn the_seed_errors_appear_only_where_they_are_refuted() {
    // The rule: a seed error may stand in a `**Correction:**` callout, or in a passage (paragraph,
    // list item, code block, table row) that itself calls it wrong, a mistake or the seed's. In quiz
    // questions and interview answers the same words must be in the question's prompt or explanation,
    // or in the answer's paragraph. Today every occurrence is a correction or says "mistake"/"seed".
    let course = course();
    let mut stated_as_fact = Vec::new();
    for lesson in course.lessons() {
        for passage in lesson_passages(lesson) {
            for error in SEED_ERRORS.iter().filter(|e| passage.text.contains(*e)) {
                if !passage.in_correction && !refutes(&passage.text) {
                    stated_as_fact.push(format!(
                        "lesson {}: {error:?} in {:?}",
                        lesson.id, passage.text
                    ));
                }
            }
        }
    }
    for item in course.interview_items() {
        let paragraphs = item
            .answer
            .split("\n\n")
            .chain(item.key_points.iter().map(|k| k.text.as_str()));
        for paragraph in paragraphs.chain(item.hints.iter().map(String::as_str)) {
            let paragraph = normalise(paragraph);
            if SEED_ERRORS.iter().any(|e| paragraph.contains(e)) && !refutes(&paragraph) {
                stated_as_fact.push(format!("interview {}: {paragraph:?}", item.id));
            }
        }
    }
    for question in course.questions() {
        let all_text = normalise(&format!(
            "{} {:?} {}",
            question.prompt, question.kind, question.explanation
        ));
        let refuted = refutes(&question.prompt) || refutes(&question.explanation);
        if SEED_ERRORS.iter().any(|e| all_text.contains(e)) && !refuted {
            stated_as_fact.push(format!("question {}", question.id));
        }
    }
    assert!(
        stated_as_fact.is_empty(),
        "seed errors stated as facts:\n{}",
        stated_as_fact.join("\n")
    );

    // The course must also point the common mistakes out (issue 3), so the scan above sees them.
    let corrections: Vec<String> = course
        .lessons()
        .flat_map(lesson_passages)
        .filter(|p| p.in_correction)
        .map(|p| p.text)
        .collect();
    for error in ["315 IPs", "625 IPs", "(2,046 IPs)", "nodes + 5"] {
        assert!(
            corrections.iter().any(|c| c.contains(error)),
            "no correction callout quotes {error:?}"
        );
    }
}

#[test]
fn questions_pin_the_corrected_numbers() {
    let course = course();
    let number = |id| match &question(&course, id).kind {
        QuestionKind::Number { answer } => *answer,
        other => panic!("{id}: expected a number question, got {other:?}"),
    };
    let cidr = |id| match &question(&course, id).kind {
        QuestionKind::Cidr { answer } => answer.clone(),
        other => panic!("{id}: expected a CIDR question, got {other:?}"),
    };
    assert_eq!(number("q-ip-formula-10x30"), 341);
    assert_eq!(number("q-ip-usable-24"), 251);
    assert_eq!(number("q-ip-usable-22"), 1019);
    assert_eq!(number("q-ip-usable-21"), 2043);
    assert_eq!(number("q-ip-smallest-subnet"), 3);
    assert_eq!(cidr("q-ip-formula-20x30-subnet"), "10.240.0.0/22");
    assert!(
        question(&course, "q-ip-formula-20x30-subnet")
            .explanation
            .contains("651")
    );
    assert_eq!(
        chosen_option(&question(&course, "q-ip-usable-23-seed").kind),
        "507"
    );
    let sixty_five = chosen_option(&question(&course, "q-ip-formula-65-nodes").kind);
    assert!(
        sixty_five.contains("2,046") && sixty_five.contains("/20"),
        "{sixty_five}"
    );
    // The seed's invalid plan as "spot the mistake", and its fix.
    let spot = chosen_option(&question(&course, "q-hs-spot-service-cidr").kind);
    assert!(spot.contains("spoke VNet"), "{spot}");
    assert_eq!(
        question(&course, "q-hs-default-collides").kind,
        QuestionKind::TrueFalse { answer: false }
    );
    assert_eq!(cidr("q-rw-fix-service-cidr"), "10.2.0.0/16");
    let interview = course
        .interview_items()
        .find(|i| i.id == "iv-ip-formula")
        .expect("iv-ip-formula");
    assert!(interview.answer.contains("21 + 21 x 30 = 651") && interview.answer.contains("1,019"));

    // Any Azure CNI question on 10 or 20 nodes at 30 pods with max surge 1, now or added later,
    // must give the surge-aware answer, never the seed's 315 or 625.
    let mut checked = 0;
    for q in course.questions() {
        let about = |nodes: &str| {
            [
                nodes,
                "30 max pods",
                "max surge 1",
                "Azure CNI (node subnet)",
            ]
            .iter()
            .all(|w| q.prompt.contains(w))
        };
        match &q.kind {
            QuestionKind::Number { answer } if about("10 nodes") => {
                assert_eq!(*answer, 341, "{}", q.id)
            }
            QuestionKind::Number { answer } if about("20 nodes") => {
                assert_eq!(*answer, 651, "{}", q.id)
            }
            QuestionKind::Cidr { answer } if about("20 nodes") => {
                assert!(answer.ends_with("/22"), "{}", q.id)
            }
            _ => continue,
        }
        checked += 1;
    }
    assert!(
        checked >= 2,
        "the 10- and 20-node questions were not found by their prompts"
    );
}
