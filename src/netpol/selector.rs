//! Label selectors (`matchLabels` and `matchExpressions`) as `podSelector` and
//! `namespaceSelector` use them.

use std::fmt;

use serde::Deserialize;

use super::model::Labels;

/// A `matchExpressions` operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Operator {
    In,
    NotIn,
    Exists,
    DoesNotExist,
}

/// One `matchExpressions` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    pub key: String,
    pub operator: Operator,
    pub values: Vec<String>,
}

impl Requirement {
    pub fn matches(&self, labels: &Labels) -> bool {
        let value = labels.get(&self.key);
        match self.operator {
            Operator::In => value.is_some_and(|v| self.values.contains(v)),
            // NotIn also matches objects without the key at all, as in Kubernetes.
            Operator::NotIn => value.is_none_or(|v| !self.values.contains(v)),
            Operator::Exists => value.is_some(),
            Operator::DoesNotExist => value.is_none(),
        }
    }
}

/// A label selector; all its terms must match. An empty selector (`{}`) matches everything.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LabelSelector {
    pub match_labels: Labels,
    pub match_expressions: Vec<Requirement>,
}

impl LabelSelector {
    /// `{}`: selects every object.
    pub fn everything() -> Self {
        Self::default()
    }

    /// A selector of only `matchLabels`, from `(key, value)` pairs.
    pub fn labels<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Self {
            match_labels: pairs
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            match_expressions: Vec::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.match_labels.is_empty() && self.match_expressions.is_empty()
    }

    pub fn matches(&self, labels: &Labels) -> bool {
        self.match_labels
            .iter()
            .all(|(key, value)| labels.get(key) == Some(value))
            && self.match_expressions.iter().all(|r| r.matches(labels))
    }
}

/// Compact, YAML-like text for reasons: `{app: api, tier In (web, api)}`, or `{}` for everything.
impl fmt::Display for LabelSelector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut terms: Vec<String> = self
            .match_labels
            .iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect();
        terms.extend(self.match_expressions.iter().map(|r| match r.operator {
            Operator::In | Operator::NotIn => {
                format!("{} {:?} ({})", r.key, r.operator, r.values.join(", "))
            }
            Operator::Exists | Operator::DoesNotExist => format!("{} {:?}", r.key, r.operator),
        }));
        write!(f, "{{{}}}", terms.join(", "))
    }
}
