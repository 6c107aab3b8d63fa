//! The "allowed or denied?" lab's scenarios: RON files of manifests and questions, loaded from a
//! path, from text, or from a course source, and answered by the evaluator.
//!
//! The lab shows `intro` and `manifests`, asks each question, and after the learner's prediction
//! shows the [`Verdict`]'s headline and explanation. The expected answers are not in the files:
//! the evaluator is the single source of truth, and tests pin what it answers for each scenario.

use std::path::Path;

use ron::extensions::Extensions;
use serde::Deserialize;

use super::eval::{Connection, Engine, EvalError, Verdict, evaluate};
use super::manifest::{ManifestError, ManifestErrors, Manifests, parse_sources};
use crate::content::CourseSource;

/// The built-in scenarios, relative to the course folder, in the order a learner meets them.
pub const SCENARIO_FILES: &[&str] = &[
    "netpol/deny-all-ingress.ron",
    "netpol/debug-frontend-backend.ron",
    "netpol/allow-frontend.ron",
    "netpol/egress-dns.ron",
    "netpol/cilium-ipblock.ron",
    "netpol/additive.ron",
];

/// One lab scenario.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct NetpolScenario {
    /// Stable, for progress.
    pub id: String,
    pub title: String,
    pub intro: String,
    /// Kubernetes YAML: Namespace, Pod and NetworkPolicy documents separated by `---`.
    pub manifests: String,
    #[serde(default)]
    pub engine: Engine,
    /// The connections the learner predicts, in order.
    pub questions: Vec<Connection>,
}

/// A scenario that cannot be used; every variant names the file and, where known, the position.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScenarioError {
    #[error("{path}: cannot read the file: {message}")]
    Unreadable { path: String, message: String },
    #[error("{path}:{line}:{column}: {message}")]
    Ron {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{0}")]
    Manifests(ManifestErrors),
    #[error("{path}: scenario {id} has no questions")]
    NoQuestions { path: String, id: String },
    #[error("{path}: question {number} of scenario {id}: {error}")]
    Question {
        path: String,
        id: String,
        /// 1-based, as an author counts.
        number: usize,
        error: Box<EvalError>,
    },
}

/// A scenario with its cluster and the verdict on each question, in question order.
#[derive(Debug, Clone)]
pub struct AnsweredScenario {
    pub scenario: NetpolScenario,
    pub manifests: Manifests,
    pub verdicts: Vec<Verdict>,
}

impl NetpolScenario {
    /// Parses RON text; `path` names it in messages.
    pub fn from_ron_str(text: &str, path: &str) -> Result<Self, ScenarioError> {
        let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
        options.from_str(text).map_err(|error| ScenarioError::Ron {
            path: path.to_string(),
            line: error.span.start.line,
            column: error.span.start.col,
            message: error.code.to_string(),
        })
    }

    /// Reads and parses a scenario file.
    pub fn load(path: &Path) -> Result<Self, ScenarioError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|error| ScenarioError::Unreadable {
            path: shown.clone(),
            message: error.to_string(),
        })?;
        Self::from_ron_str(&text, &shown)
    }

    /// Reads a scenario from a course (the embedded one, or a folder).
    pub fn load_from(source: &dyn CourseSource, relative: &str) -> Result<Self, ScenarioError> {
        let shown = source.display_path(relative);
        let text = source
            .read(relative)
            .map_err(|error| ScenarioError::Unreadable {
                path: shown.clone(),
                message: error.to_string(),
            })?;
        Self::from_ron_str(&text, &shown)
    }

    /// Parses the manifests. `ron_text` is the file the scenario came from, if at hand: a
    /// raw-string `manifests` is then found in it and errors point at the file's own lines.
    pub fn manifests(
        &self,
        path: &str,
        ron_text: Option<&str>,
    ) -> Result<Manifests, ScenarioError> {
        parse_sources([(path, self.manifests.as_str())]).map_err(|errors| {
            let start = ron_text.and_then(|text| text.find(&self.manifests));
            let shift = |error: ManifestError| match (error, start) {
                (
                    ManifestError::Invalid {
                        path,
                        line,
                        column,
                        message,
                    },
                    Some(offset),
                ) => {
                    let before = &ron_text.unwrap_or_default()[..offset];
                    let first_line = before.matches('\n').count() as u64;
                    let first_column = before.rsplit('\n').next().map_or(0, |l| l.chars().count());
                    ManifestError::Invalid {
                        path,
                        line: line + first_line,
                        column: if line == 1 {
                            column + first_column as u64
                        } else {
                            column
                        },
                        message,
                    }
                }
                (error, _) => error,
            };
            ScenarioError::Manifests(ManifestErrors(errors.0.into_iter().map(shift).collect()))
        })
    }

    /// Parses the manifests and evaluates every question.
    pub fn answer(
        self,
        path: &str,
        ron_text: Option<&str>,
    ) -> Result<AnsweredScenario, ScenarioError> {
        if self.questions.is_empty() {
            return Err(ScenarioError::NoQuestions {
                path: path.to_string(),
                id: self.id.clone(),
            });
        }
        let manifests = self.manifests(path, ron_text)?;
        let verdicts = self
            .questions
            .iter()
            .enumerate()
            .map(|(index, question)| {
                evaluate(&manifests.cluster, self.engine, question).map_err(|error| {
                    ScenarioError::Question {
                        path: path.to_string(),
                        id: self.id.clone(),
                        number: index + 1,
                        error: Box::new(error),
                    }
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(AnsweredScenario {
            scenario: self,
            manifests,
            verdicts,
        })
    }
}

/// Loads and answers one scenario of a course.
pub fn answer_from(
    source: &dyn CourseSource,
    relative: &str,
) -> Result<AnsweredScenario, ScenarioError> {
    let shown = source.display_path(relative);
    let text = source
        .read(relative)
        .map_err(|error| ScenarioError::Unreadable {
            path: shown.clone(),
            message: error.to_string(),
        })?;
    NetpolScenario::from_ron_str(&text, &shown)?.answer(&shown, Some(&text))
}

/// Loads and answers every scenario of [`SCENARIO_FILES`] in a course, stopping at the first
/// problem.
pub fn answer_all(source: &dyn CourseSource) -> Result<Vec<AnsweredScenario>, ScenarioError> {
    SCENARIO_FILES
        .iter()
        .map(|relative| answer_from(source, relative))
        .collect()
}

#[cfg(test)]
#[path = "scenario_tests.rs"]
mod tests;
