//! The command-line contract of `shared/product.md`: clap definitions, and what each command
//! runs (a subcommand that prints and exits, or the tutor opened where the command asks).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};

use crate::app::{App, FirstFrame, HomeCache};
use crate::content::{self, CourseDir, EmbeddedCourse, Problems};
use crate::progress::Timestamp;
use crate::quiz::QuizRequest;
use crate::screens::Start;
use crate::tell;
use crate::ui::theme::Theme;
use crate::{commands, tui};

pub mod session_args;
mod tutor;

use tutor::Learner;
pub use tutor::Tutor;

mod session;

/// An interactive terminal tutor for Azure Kubernetes Service networking.
#[derive(Debug, Default, Parser)]
#[command(name = "aks-tutor", version, about, long_about = None)]
pub struct Cli {
    /// Load the course from this folder instead of the one built into the binary.
    #[arg(long, value_name = "DIR", global = true)]
    pub content: Option<PathBuf>,

    /// Keep progress in this folder (default: $AKS_TUTOR_DATA_DIR, else the platform data dir).
    #[arg(long, value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,

    /// The learner whose progress is used.
    #[arg(long, value_name = "NAME", global = true)]
    pub profile: Option<String>,

    /// Your name, kept in the profile's progress file (reports head your column with it).
    #[arg(long = "name", value_name = "NAME", global = true)]
    pub name: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a course folder and print one `path:line:col: message` line per problem.
    Validate {
        /// The course folder (the one holding course.ron); default: the built-in course.
        dir: Option<PathBuf>,
    },
    /// Open the tutor in a quiz: feedback after every answer, a summary at the end.
    Quiz {
        /// Only this topic's questions (see the topic ids with `aks-tutor validate`).
        #[arg(long, value_name = "ID")]
        topic: Option<String>,
        /// How many questions (default: all of the topic's, or 10 from the whole course).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        count: Option<u32>,
        /// The same seed asks the same questions, in the same order, with the same option order.
        #[arg(long, value_name = "N")]
        seed: Option<u64>,
    },
    /// Rehearse interview questions: answer in your own words, then compare with the model answer.
    Interview {
        /// Only questions of this level.
        #[arg(long, value_enum)]
        level: Option<LevelArg>,
        /// Seconds for each question; the model answer is revealed when time is up.
        #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=86_400))]
        time_limit: Option<u64>,
    },
    /// Sit a mock exam: mixed questions against the clock, results and weak topics at the end.
    Exam {
        /// How many questions.
        #[arg(long, value_name = "N", default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..))]
        count: u32,
        /// Seconds for the whole exam (default: 90 per question).
        #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=86_400))]
        time_limit: Option<u64>,
        /// The same seed sets the same exam.
        #[arg(long, value_name = "N")]
        seed: Option<u64>,
        /// The score, in percent, that passes.
        #[arg(long, value_name = "PCT", default_value_t = 70, value_parser = clap::value_parser!(u8).range(1..=100))]
        pass_mark: u8,
    },
    /// Open the tutor at a generated IP-sizing exercise.
    Sizing {
        /// Start from this seed: the same seed gives the same exercises, in the same order.
        #[arg(long)]
        seed: Option<u64>,
    },
    /// Play a debugging lab: a symptom, your diagnostic steps, the root cause and the fix.
    Debug {
        /// The scenario's id (without it, a list of them all to choose from).
        scenario: Option<String>,
        /// Replay this draw of the root cause (the debrief shows the seed of each lab).
        #[arg(long, value_name = "N")]
        seed: Option<u64>,
    },
    /// Size a node pool and check a network plan against AKS's rules (exit 0 valid, 1 invalid).
    #[command(arg_required_else_help = true)]
    Plan(crate::commands::plan::PlanArgs),
    /// Evaluate Kubernetes NetworkPolicies in YAML manifests (exit 0 evaluated, 2 bad input).
    Netpol(crate::commands::netpol::NetpolArgs),
    /// Show the profile's progress without the TUI: mastery per topic, answers, due reviews, streak.
    Progress(crate::commands::progress::ProgressArgs),
    /// Write a markdown or JSON report for one learner, or a team given several progress files.
    Report(crate::commands::report::ReportArgs),
    /// Run a team session: a live quiz that players answer from their own terminals (`join`),
    /// or aloud with `--local`.
    Host(session_args::HostArgs),
    /// Play in a team session: `join ADDR:PORT --name NAME --code CODE`.
    Join(session_args::JoinArgs),
}

/// `--level` as the command line spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LevelArg {
    Beginner,
    Intermediate,
    Scenario,
}

impl From<LevelArg> for crate::content::Level {
    fn from(level: LevelArg) -> Self {
        match level {
            LevelArg::Beginner => Self::Beginner,
            LevelArg::Intermediate => Self::Intermediate,
            LevelArg::Scenario => Self::Scenario,
        }
    }
}

impl Cli {
    /// The command line of this process. Without arguments, the usual start, every option is
    /// absent and there is nothing for clap to parse, so the definitions of every subcommand are
    /// not built (a tenth of the time to the first frame).
    pub fn from_args() -> Self {
        if std::env::args_os().len() <= 1 {
            return Self::default();
        }
        Self::parse()
    }

    fn tutor(&self) -> Tutor {
        Tutor {
            content: self.content.clone(),
            data_dir: self.data_dir.clone(),
            profile: self.profile.clone(),
            name: self.name.clone(),
        }
    }

    /// Runs what the command line asks: a subcommand that prints and exits, or the tutor.
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let cli = self;
        let tutor = cli.tutor();
        let start = match cli.command {
            Some(Command::Validate { dir }) => return Ok(commands::validate::run(dir.as_deref())),
            Some(Command::Plan(args)) => return commands::plan::run(&args),
            Some(Command::Netpol(args)) => match commands::netpol::explorer(&args) {
                // `netpol explore` read its manifests; the others print and exit.
                Some(Ok(explorer)) => Start::NetpolExplore(Box::new(explorer)),
                Some(Err(code)) => return Ok(code),
                None => return commands::netpol::run(&args),
            },
            Some(Command::Progress(args)) => {
                return commands::progress::run(
                    &args,
                    cli.content.as_deref(),
                    cli.data_dir,
                    cli.profile,
                );
            }
            Some(Command::Report(args)) => {
                return commands::report::run(
                    &args,
                    cli.content.as_deref(),
                    cli.data_dir,
                    cli.profile,
                );
            }
            Some(Command::Host(args)) => return session::host(args, tutor),
            Some(Command::Join(args)) => {
                let named = session_args::player_name(cli.name.as_deref());
                let code = named
                    .clone()
                    .and_then(|_| session_args::join_code(args.code.as_deref()));
                return match (named, code) {
                    (Ok(name), Ok(code)) => session::join(args, name, code, tutor),
                    (Err(problem), _) | (_, Err(problem)) => {
                        tell!("aks-tutor: {problem}");
                        Ok(ExitCode::from(2))
                    }
                };
            }
            Some(Command::Sizing { seed }) => Start::Sizing { seed },
            Some(Command::Debug { scenario, seed }) => Start::Debug { scenario, seed },
            Some(Command::Quiz { topic, count, seed }) => {
                let count =
                    count
                        .map(|n| n as usize)
                        .or(if topic.is_none() { Some(10) } else { None });
                Start::Quiz(QuizRequest {
                    topic,
                    count,
                    seed,
                    include_table_questions: true,
                })
            }
            Some(Command::Interview { level, time_limit }) => Start::Interview {
                level: level.map(Into::into),
                topic: None,
                time_limit: time_limit.map(Duration::from_secs),
            },
            Some(Command::Exam {
                count,
                time_limit,
                seed,
                pass_mark,
            }) => {
                // Without a limit the clock follows the questions actually asked (the pool may be
                // smaller than the count).
                Start::Exam {
                    request: QuizRequest {
                        count: Some(count as usize),
                        seed,
                        ..QuizRequest::default()
                    },
                    time_limit: time_limit.map(Duration::from_secs),
                    pass_mark,
                }
            }
            None => Start::Home,
        };
        open_tutor(cli.content, cli.data_dir, cli.profile, cli.name, start)
    }
}

/// Loads the course (refusing one with problems), resolves the data folder and runs the TUI,
/// starting where the command line asked (over the home screen, so Esc leads home).
///
/// At home with the built-in course, home is drawn before the course is loaded and before the
/// store is opened, when its figures can be had without them (see `app::FirstFrame`); then the
/// store opens and the course loads, before the first key is read. For other learners home
/// waits for them. A course from `--content` is loaded and checked first, so its problems print
/// before the terminal UI starts.
fn open_tutor(
    content: Option<PathBuf>,
    data_dir: Option<PathBuf>,
    profile: Option<String>,
    name: Option<String>,
    start: Start,
) -> anyhow::Result<ExitCode> {
    let from_disk = match &content {
        Some(dir) => match content::load(&CourseDir::new(dir)) {
            Ok(course) => Some(course),
            Err(problems) => return Ok(refuse(&problems)),
        },
        None => None,
    };
    let learner = match Learner::from_flags(data_dir, profile)? {
        Ok(learner) => learner,
        Err(code) => return Ok(code),
    };
    let theme = Theme::from_no_color(std::env::var_os("NO_COLOR"));
    if from_disk.is_some() || !matches!(start, Start::Home) {
        let store = match learner.open_store_named(name) {
            Ok(store) => store,
            Err(code) => return Ok(code),
        };
        let course = match from_disk.map_or_else(|| content::load(&EmbeddedCourse), Ok) {
            Ok(course) => course,
            Err(problems) => return Ok(refuse(&problems)),
        };
        return run_app(App::new(course, theme, store), content, start);
    }
    // `--name` is kept, or refused, before the terminal UI starts.
    let named = match name {
        Some(name) => match learner.open_store_named(Some(name)) {
            Ok(store) => Some(store),
            Err(code) => return Ok(code),
        },
        None => None,
    };
    // Home cannot fail to open, so the terminal may be set up before the course is loaded.
    let progress_file = learner.progress_file();
    let cache = HomeCache::new(&progress_file, EmbeddedCourse::fingerprint());
    let index = content::embedded_index;
    let first = FirstFrame::peek(
        &progress_file,
        &cache,
        theme.clone(),
        index,
        Timestamp::now(),
    );
    tui::run_after(first, move |shown| {
        let store = named.unwrap_or_else(|| learner.open_store());
        // The built-in course is checked by the tests, so problems here are a broken build.
        let course = content::load(&EmbeddedCourse)
            .map_err(|problems| anyhow::anyhow!("the built-in course has problems: {problems}"))?;
        let mut app = App::new(course, theme, store);
        app.home_cache = Some(cache);
        let kept = shown.and_then(FirstFrame::kept_home);
        if kept != Some(&app.home_at(Timestamp::now())) {
            app.keep_home();
        }
        Ok(app)
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Opens `start` over home in `app` and runs the TUI; a start that cannot be met is a usage error.
pub(crate) fn run_app(
    mut app: App,
    content: Option<PathBuf>,
    start: Start,
) -> anyhow::Result<ExitCode> {
    if content.is_none() {
        let course = EmbeddedCourse::fingerprint();
        app.home_cache = Some(HomeCache::new(app.store.path(), course));
    }
    app.content_dir = content;
    if let Err(message) = app.start(start) {
        tell!("aks-tutor: {message}");
        return Ok(ExitCode::from(2));
    }
    tui::run(&mut app)?;
    Ok(ExitCode::SUCCESS)
}

/// Says why the course cannot be studied.
pub(crate) fn refuse(problems: &Problems) -> ExitCode {
    tell!("{problems}");
    tell!("aks-tutor cannot start: the course has problems (listed above).");
    ExitCode::FAILURE
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `from_args` skips clap only where clap would find nothing: no arguments parse to the
    /// default.
    #[test]
    fn no_arguments_are_the_default_command_line() {
        let parsed = Cli::try_parse_from(["aks-tutor"]).expect("no arguments parse");
        assert_eq!(format!("{parsed:?}"), format!("{:?}", Cli::default()));
    }
}
