//! The "allowed or denied?" lab's scenarios answered: the course reads and checks each scenario
//! ([`content::NetpolScenario`]); here its manifests are parsed and every connection evaluated.
//!
//! The expected answers are not in the files: the evaluator is the single source of truth, and
//! tests pin what it answers for each scenario. `validate` answers every scenario of a course; the
//! lab answers one when it opens.

use super::eval::{Connection, Engine, EvalError, PortRef, Verdict, evaluate};
use super::manifest::{ManifestError, ManifestErrors, Manifests, parse_sources};
use super::model::{PodRef, Protocol};
use crate::content::{self, Course, NetpolEngine, NetpolPort, NetpolProtocol, NetpolScenario};

/// A scenario that cannot be answered; every variant names the file and, where known, the
/// position.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScenarioError {
    #[error("{0}")]
    Manifests(ManifestErrors),
    #[error("{path}: scenario {id} has no questions")]
    NoQuestions { path: String, id: String },
    #[error("{path}: question {number} ({question}) of scenario {id}: {message}")]
    Question {
        path: String,
        id: String,
        /// 1-based, as an author counts.
        number: usize,
        /// The connection's own id.
        question: String,
        message: String,
    },
}

/// A scenario's cluster and the verdict on each of its questions, in question order.
#[derive(Debug, Clone)]
pub struct AnsweredScenario {
    pub manifests: Manifests,
    pub verdicts: Vec<Verdict>,
}

impl From<NetpolEngine> for Engine {
    fn from(engine: NetpolEngine) -> Self {
        match engine {
            NetpolEngine::Standard => Engine::Standard,
            NetpolEngine::Cilium => Engine::Cilium,
        }
    }
}

impl From<NetpolProtocol> for Protocol {
    fn from(protocol: NetpolProtocol) -> Self {
        match protocol {
            NetpolProtocol::Tcp => Protocol::Tcp,
            NetpolProtocol::Udp => Protocol::Udp,
            NetpolProtocol::Sctp => Protocol::Sctp,
        }
    }
}

/// The connection a question asks about; the loader has checked its shape, this says why not
/// when a scenario that skipped the loader is wrong.
pub fn connection(question: &content::NetpolQuestion) -> Result<Connection, String> {
    let pod = |text: &str| text.parse::<PodRef>().map_err(|error| error.to_string());
    let port = match &question.port {
        NetpolPort::Number(number) => u16::try_from(*number)
            .ok()
            .filter(|n| *n > 0)
            .map(PortRef::Number)
            .ok_or_else(|| format!("port {number} is out of range: use 1 to 65535"))?,
        NetpolPort::Name(name) => name.parse::<PortRef>().map_err(|e| e.to_string())?,
    };
    Ok(Connection {
        from: pod(&question.from)?,
        to: pod(&question.to)?,
        port,
        protocol: question.protocol.into(),
    })
}

/// Parses the manifests; YAML errors point at the scenario file's own lines when the loader found
/// where the manifests start in it.
pub fn manifests(scenario: &NetpolScenario) -> Result<Manifests, ScenarioError> {
    let origin = &scenario.origin;
    parse_sources([(origin.path.as_str(), scenario.manifests.as_str())]).map_err(|errors| {
        let shift = |error: ManifestError| match (error, origin.manifests_at) {
            (
                ManifestError::Invalid {
                    path,
                    line,
                    column,
                    message,
                },
                Some((first_line, first_column)),
            ) => ManifestError::Invalid {
                path,
                line: line + first_line as u64 - 1,
                // Only the first line of the text shares its line with the RON around it.
                column: if line == 1 {
                    column + first_column as u64 - 1
                } else {
                    column
                },
                message,
            },
            (error, _) => error,
        };
        ScenarioError::Manifests(ManifestErrors(errors.0.into_iter().map(shift).collect()))
    })
}

/// Parses the manifests and evaluates every question.
pub fn answer(scenario: &NetpolScenario) -> Result<AnsweredScenario, ScenarioError> {
    let path = &scenario.origin.path;
    if scenario.questions.is_empty() {
        return Err(ScenarioError::NoQuestions {
            path: path.clone(),
            id: scenario.id.clone(),
        });
    }
    let manifests = manifests(scenario)?;
    let engine = Engine::from(scenario.engine);
    let verdicts = scenario
        .questions
        .iter()
        .enumerate()
        .map(|(index, question)| {
            connection(question)
                .and_then(|connection| {
                    evaluate(&manifests.cluster, engine, &connection)
                        .map_err(|error: EvalError| error.to_string())
                })
                .map_err(|message| ScenarioError::Question {
                    path: path.clone(),
                    id: scenario.id.clone(),
                    number: index + 1,
                    question: question.id.clone(),
                    message,
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(AnsweredScenario {
        manifests,
        verdicts,
    })
}

/// Answers every scenario of a course, in course order; the problems of all that fail.
pub fn answer_course(course: &Course) -> Result<Vec<AnsweredScenario>, Vec<ScenarioError>> {
    let (answered, failed): (Vec<_>, Vec<_>) = course
        .netpol_scenarios()
        .map(answer)
        .partition(Result::is_ok);
    if failed.is_empty() {
        Ok(answered.into_iter().filter_map(Result::ok).collect())
    } else {
        Err(failed.into_iter().filter_map(Result::err).collect())
    }
}

#[cfg(test)]
#[path = "scenario_tests.rs"]
mod tests;
