//! The course: its model, the markdown and RON it is written in, and the loader that checks it.
//! Nothing here knows about the terminal.

pub mod blocks;
mod check;
pub mod debug_scenario;
pub mod index;
mod inert;
pub mod load;
pub mod markdown;
pub mod model;
mod outline_file;
pub mod problem;
pub mod scenario;
pub mod search;
pub mod source;
pub mod table_quiz;

pub use debug_scenario::{DebugAction, DebugCause, DebugFix, DebugOutput, DebugScenario};
pub use index::{CourseIndex, embedded_index, read_index};
pub use load::load;
pub use model::*;
pub use problem::{Problem, Problems};
pub use scenario::{
    NetpolEngine, NetpolPort, NetpolProtocol, NetpolQuestion, NetpolScenario, ScenarioOrigin,
};
pub use source::{CourseDir, CourseSource, EmbeddedCourse};
