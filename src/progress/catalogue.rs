//! Everything of a course that can be answered and scheduled, with what it is and which topic it
//! counts for: authored questions, questions generated from the lessons' tables, network policy
//! predictions, interview items and sizing skills. Built once per course (table questions are
//! generated here, so a screen should keep its catalogue rather than rebuild it per key), then
//! shared by mastery, due items, the review queue and reports, so they all count the same items.
//!
//! Ids the progress file holds but the catalogue does not (an item removed from the course, a table
//! row deleted) stay in the file and come back with their history if the id does; they are not
//! counted or asked while the course lacks them.

use std::collections::HashMap;

use serde::Serialize;

use super::model::ItemKind;
use super::skills::{SIZING_TOPIC, SizingSkill};
use crate::content::Course;
use crate::quiz::topic_table_questions;

/// What an item is, which also says where Review asks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemClass {
    /// Written by the course's author (a quiz question).
    Question,
    /// Generated from a lesson's table.
    TableQuestion,
    /// "Allowed or denied?" in a network policy scenario (asked in that scenario).
    Prediction,
    /// An interview item (asked in the rehearsal screen).
    Interview,
    /// A sizing skill (a fresh generated exercise of that skill).
    SizingSkill,
    /// A debugging-lab scenario (played again with a cause not solved yet).
    DebugLab,
}

impl ItemClass {
    pub const ALL: [ItemClass; 6] = [
        ItemClass::Question,
        ItemClass::TableQuestion,
        ItemClass::Prediction,
        ItemClass::Interview,
        ItemClass::SizingSkill,
        ItemClass::DebugLab,
    ];

    pub fn kind(self) -> ItemKind {
        match self {
            ItemClass::Question | ItemClass::TableQuestion | ItemClass::Prediction => {
                ItemKind::Question
            }
            ItemClass::Interview => ItemKind::Interview,
            ItemClass::SizingSkill => ItemKind::SizingSkill,
            ItemClass::DebugLab => ItemKind::DebugLab,
        }
    }

    /// Plural, for counts ("3 table questions").
    pub fn label(self) -> &'static str {
        match self {
            ItemClass::Question => "questions",
            ItemClass::TableQuestion => "table questions",
            ItemClass::Prediction => "policy predictions",
            ItemClass::Interview => "interview items",
            ItemClass::SizingSkill => "sizing skills",
            ItemClass::DebugLab => "debugging labs",
        }
    }
}

/// One item of the course.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub class: ItemClass,
    pub id: String,
    /// The topic it counts for; `None` for a sizing skill when the course has no IP-planning topic.
    pub topic: Option<String>,
    /// The prediction's scenario id: Review opens that scenario.
    pub scenario: Option<String>,
    /// How it reads in a list (the prompt, the interview question, the skill's title).
    pub label: String,
}

impl Entry {
    pub fn kind(&self) -> ItemKind {
        self.class.kind()
    }
}

#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    entries: Vec<Entry>,
    /// Per kind (in [`ItemKind::ALL`] order), id → entry: looked up by `&str`, no allocation.
    index: [HashMap<String, usize>; 4],
}

fn slot(kind: ItemKind) -> usize {
    match kind {
        ItemKind::Question => 0,
        ItemKind::Interview => 1,
        ItemKind::SizingSkill => 2,
        ItemKind::DebugLab => 3,
    }
}

impl Catalogue {
    /// Topic by topic in course order: questions, table questions, predictions, interview items;
    /// the sizing skills after the IP-planning topic's items (or at the end without a topic).
    pub fn new(course: &Course) -> Self {
        let mut catalogue = Catalogue::default();
        let has_sizing_topic = course.topics.iter().any(|t| t.id == SIZING_TOPIC);
        for topic in &course.topics {
            let topic_id = Some(topic.id.clone());
            for question in &topic.questions {
                catalogue.push(
                    ItemClass::Question,
                    &question.id,
                    &topic_id,
                    None,
                    &question.prompt,
                );
            }
            for question in topic_table_questions(topic) {
                catalogue.push(
                    ItemClass::TableQuestion,
                    &question.id,
                    &topic_id,
                    None,
                    &question.prompt,
                );
            }
            for scenario in &topic.netpol {
                for question in &scenario.questions {
                    let label = format!("{}: {} → {}", scenario.title, question.from, question.to);
                    let scenario = Some(scenario.id.clone());
                    catalogue.push(
                        ItemClass::Prediction,
                        &question.progress_id,
                        &topic_id,
                        scenario,
                        &label,
                    );
                }
            }
            for item in &topic.interview {
                catalogue.push(
                    ItemClass::Interview,
                    &item.id,
                    &topic_id,
                    None,
                    &item.question,
                );
            }
            for scenario in &topic.debug {
                catalogue.push(
                    ItemClass::DebugLab,
                    &scenario.id,
                    &topic_id,
                    None,
                    &scenario.title,
                );
            }
            if topic.id == SIZING_TOPIC {
                catalogue.push_skills(&topic_id);
            }
        }
        if !has_sizing_topic {
            catalogue.push_skills(&None);
        }
        catalogue
    }

    fn push_skills(&mut self, topic: &Option<String>) {
        for skill in SizingSkill::ALL {
            self.push(
                ItemClass::SizingSkill,
                skill.id(),
                topic,
                None,
                skill.title(),
            );
        }
    }

    /// The first item of an id wins: the course's checks keep ids unique, and a table question
    /// that happened to take an authored question's id must not count twice.
    fn push(
        &mut self,
        class: ItemClass,
        id: &str,
        topic: &Option<String>,
        scenario: Option<String>,
        label: &str,
    ) {
        let index = &mut self.index[slot(class.kind())];
        if index.contains_key(id) {
            return;
        }
        index.insert(id.to_string(), self.entries.len());
        self.entries.push(Entry {
            class,
            id: id.to_string(),
            topic: topic.clone(),
            scenario,
            label: label.to_string(),
        });
    }

    pub fn get(&self, kind: ItemKind, id: &str) -> Option<&Entry> {
        self.index[slot(kind)]
            .get(id)
            .map(|&index| &self.entries[index])
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The items that count for `topic`.
    pub fn topic_entries<'a>(&'a self, topic: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.entries
            .iter()
            .filter(move |entry| entry.topic.as_deref() == Some(topic))
    }

    pub fn count(&self, class: ItemClass) -> usize {
        self.entries.iter().filter(|e| e.class == class).count()
    }
}

#[cfg(test)]
#[path = "catalogue_tests.rs"]
mod tests;
