//! What every command that opens the TUI shares: the course, the data folder and the learner;
//! a team session (`host`, `join`) prepares its room or connection with them first, then runs
//! the TUI on the course it loaded.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{refuse, run_app};
use crate::app::App;
use crate::commands;
use crate::content::{self, Course, CourseDir, EmbeddedCourse};
use crate::paths::{DATA_DIR_ENV, resolve_data_dir};
use crate::progress::{ProfileName, Store, Timestamp};
use crate::screens::Start;
use crate::tell;
use crate::ui::theme::Theme;

/// What every TUI command shares: the course, the data folder and the learner.
pub struct Tutor {
    pub content: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
    pub profile: Option<String>,
    pub name: Option<String>,
}

impl Tutor {
    /// The course (`--content` or the built-in one), or the exit code after saying its problems.
    pub(crate) fn course(&self) -> Result<Course, ExitCode> {
        let loaded = match &self.content {
            Some(dir) => content::load(&CourseDir::new(dir)),
            None => content::load(&EmbeddedCourse),
        };
        loaded.map_err(|problems| refuse(&problems))
    }

    pub(crate) fn data_dir(&self) -> anyhow::Result<PathBuf> {
        Ok(resolve_data_dir(
            self.data_dir.clone(),
            std::env::var_os(DATA_DIR_ENV),
        )?)
    }

    /// Runs the TUI on `course`, opened at what `start` makes once the course is there (a
    /// session's room or connection, made before the terminal is taken over).
    pub(crate) fn run(self, course: Course, start: Start) -> anyhow::Result<ExitCode> {
        let store = match open_store(self.data_dir, self.profile, self.name)? {
            Ok(store) => store,
            Err(code) => return Ok(code),
        };
        let theme = Theme::from_no_color(std::env::var_os("NO_COLOR"));
        run_app(App::new(course, theme, store), self.content, start)
    }
}

/// The learner the command line names: the data folder and the profile, checked before the
/// terminal is taken over.
pub(crate) struct Learner {
    data_dir: PathBuf,
    profile: ProfileName,
}

impl Learner {
    /// The data folder and profile, or exit code 2 after saying what is wrong with the profile.
    pub(crate) fn from_flags(
        data_dir: Option<PathBuf>,
        profile: Option<String>,
    ) -> anyhow::Result<Result<Learner, ExitCode>> {
        let data_dir = resolve_data_dir(data_dir, std::env::var_os(DATA_DIR_ENV))?;
        Ok(match ProfileName::from_flag(profile.as_deref()) {
            Ok(profile) => Ok(Learner { data_dir, profile }),
            Err(error) => {
                tell!("aks-tutor: {error}");
                Err(ExitCode::from(2))
            }
        })
    }

    pub(crate) fn progress_file(&self) -> PathBuf {
        self.profile.progress_file(&self.data_dir)
    }

    /// The learner's store. One that cannot be opened still lets the learner study; its notice
    /// says nothing is saved.
    pub(crate) fn open_store(&self) -> Store {
        Store::open(&self.data_dir, &self.profile, Timestamp::now())
            .unwrap_or_else(|error| Store::unsaved(&self.data_dir, &self.profile, &error))
    }

    /// The store with `--name` kept; a name that cannot be kept is said and gives exit code 2.
    pub(crate) fn open_store_named(&self, name: Option<String>) -> Result<Store, ExitCode> {
        let mut store = self.open_store();
        if let Some(name) = name
            && let Err(message) = commands::progress::keep_name(&mut store, &name)
        {
            tell!("aks-tutor: --name {name:?}: {message}");
            return Err(ExitCode::from(2));
        }
        Ok(store)
    }
}

/// The learner's store in the data folder, with `--name` kept; a bad profile or name is said
/// and gives exit code 2.
pub(crate) fn open_store(
    data_dir: Option<PathBuf>,
    profile: Option<String>,
    name: Option<String>,
) -> anyhow::Result<Result<Store, ExitCode>> {
    Ok(Learner::from_flags(data_dir, profile)?.and_then(|learner| learner.open_store_named(name)))
}
