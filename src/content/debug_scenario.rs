//! Debugging labs you play, as course content: plain data read from `debug/*.ron`. A symptom,
//! the root causes one of which is drawn, the diagnostic actions whose output depends on it, the
//! fixes. The loader checks the rules (every output defined, causes told apart, a harmful action);
//! playing a scenario is the `debug` module's job.

use serde::Deserialize;

/// One incident: what the learner is told, what may be behind it, and what they can run.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename = "DebugScenario", deny_unknown_fields)]
pub struct DebugScenario {
    pub id: String,
    pub title: String,
    /// What the user reports, in their words.
    pub symptom: String,
    /// What is on their screen when the call comes in; optional.
    #[serde(default)]
    pub screen: String,
    /// The lesson section the scenario practises (`lesson-id#anchor`).
    pub see: String,
    /// The possible root causes, at least two; one is drawn when the lab starts.
    pub causes: Vec<DebugCause>,
    /// The fixes the learner chooses from; each cause names the one that is right for it.
    pub fixes: Vec<DebugFix>,
    pub actions: Vec<DebugAction>,
    /// Given in order, each for a cost; after the last, the engine suggests a telling action.
    #[serde(default)]
    pub hints: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename = "Cause", deny_unknown_fields)]
pub struct DebugCause {
    /// Unique within the scenario; progress keeps attempts per scenario and cause.
    pub id: String,
    pub title: String,
    /// Shown in the debrief: what happened and how the outputs prove it.
    pub explanation: String,
    /// The id of the fix that is right for this cause.
    pub fix: String,
    /// The lesson section that teaches this cause.
    pub see: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename = "Fix", deny_unknown_fields)]
pub struct DebugFix {
    pub id: String,
    pub title: String,
}

/// A diagnostic step: a command and what it prints for each cause.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename = "Action", deny_unknown_fields)]
pub struct DebugAction {
    pub id: String,
    /// A short name for the list of actions ("Describe the Service").
    pub label: String,
    /// What is run, shown above its output.
    pub command: String,
    /// Which output each cause gets: the first output naming the cause, else the default.
    pub outputs: Vec<DebugOutput>,
    /// Why the action is harmful, when it is: taking it costs points and the debrief says why.
    #[serde(default)]
    pub harmful: Option<String>,
    /// The lesson section that explains what the output shows; optional.
    #[serde(default)]
    pub see: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename = "Output", deny_unknown_fields)]
pub struct DebugOutput {
    /// The causes that print this; empty for the default, printed for every cause not named in
    /// another output.
    #[serde(default)]
    pub causes: Vec<String>,
    /// What the command prints, as the real command prints it.
    pub text: String,
    /// What this output should tell the learner, shown in the debrief.
    pub tells: String,
}

impl DebugScenario {
    pub fn cause_index(&self, id: &str) -> Option<usize> {
        self.causes.iter().position(|cause| cause.id == id)
    }

    pub fn action_index(&self, id: &str) -> Option<usize> {
        self.actions.iter().position(|action| action.id == id)
    }

    pub fn fix_index(&self, id: &str) -> Option<usize> {
        self.fixes.iter().position(|fix| fix.id == id)
    }
}

impl DebugAction {
    /// The output `cause` gets: the first naming it, else the default, else none (which the
    /// loader reports, so a loaded course always has one).
    pub fn output_for(&self, cause: &str) -> Option<&DebugOutput> {
        self.outputs
            .iter()
            .find(|output| output.causes.iter().any(|c| c == cause))
            .or_else(|| self.outputs.iter().find(|output| output.causes.is_empty()))
    }

    pub fn is_harmful(&self) -> bool {
        self.harmful.is_some()
    }
}
