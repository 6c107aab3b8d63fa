//! Where the TUI opens and what the menus start: a [`Start`] becomes the screen that serves it.

use std::time::{Duration, Instant};

use super::exam::ExamScreen;
use super::host::{HostScreen, RoomLink};
use super::interview::{InterviewScreen, rehearsals};
use super::lab::LabScreen;
use super::lesson::LessonScreen;
use super::link::Link;
use super::player::{Joined, PlayerLink, PlayerScreen};
use super::quiz::QuizScreen;
use super::review::{ReviewKind, review_screen};
use super::sizing::SizingScreen;
use super::stats::StatsScreen;
use super::{Screen, fresh_seed};
use crate::content::{Course, Level};
use crate::progress::{Due, Mode, Place, Progress, ProgressSummary, Timestamp};
use crate::quiz::{MockExam, QuizRequest, QuizSession, answer_code, questions_by_id};

/// Where the TUI opens: the subcommands `sizing`, `quiz`, ... start in their mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    Home,
    /// The lesson section or lab step saved as the resume point.
    Continue,
    /// The exam kept in progress that was not handed in.
    ContinueExam,
    /// The quiz or review kept in progress, at its next question.
    ContinueQuiz(Mode),
    /// Everything due for spaced review (a picker when several kinds are due).
    Review,
    /// One kind of what is due.
    ReviewOf(ReviewKind),
    /// A quiz on one topic that leaves the review schedule alone.
    Cram {
        topic: String,
    },
    Stats,
    Sizing {
        seed: Option<u64>,
    },
    Quiz(QuizRequest),
    /// Interview rehearsal: one level (all when `None`), or one topic's items.
    Interview {
        level: Option<Level>,
        topic: Option<String>,
        time_limit: Option<Duration>,
    },
    /// Without a time limit, the exam gets [`SECONDS_PER_EXAM_QUESTION`] for each question it
    /// actually asks (fewer than requested when the pool is smaller).
    Exam {
        request: QuizRequest,
        time_limit: Option<Duration>,
        /// The percentage that passes.
        pass_mark: u8,
    },
    /// A debugging lab: this scenario (a picker when `None`), replaying `seed` when given.
    Debug {
        scenario: Option<String>,
        seed: Option<u64>,
    },
    /// The policy explorer on manifests the command line read (`netpol explore`).
    NetpolExplore(Box<crate::netpol::explore::Explorer>),
    /// A team session's host screen, over the room the command line opened (`host`).
    Host(Link<dyn RoomLink>),
    /// A team session's player screen, over the connection the command line made (`join`).
    Player {
        link: Link<dyn PlayerLink>,
        joined: Joined,
    },
}

/// The pass mark when none is given.
pub const DEFAULT_PASS_MARK: u8 = 70;

pub const SECONDS_PER_EXAM_QUESTION: u64 = 90;

/// The default time for an exam of `questions` questions.
pub fn exam_time(questions: usize) -> Duration {
    Duration::from_secs(SECONDS_PER_EXAM_QUESTION * questions as u64)
}

/// The screen that serves `start` (`None` for home, which is always there). A request that
/// cannot be met (an unknown topic, nothing due) is a message to show.
pub fn screen_for(
    start: Start,
    course: &Course,
    progress: &Progress,
    due: &Due,
) -> Result<Option<Screen>, String> {
    let screen = match start {
        Start::Home => return Ok(None),
        Start::Continue => resume(course, progress)?,
        Start::ContinueExam => resume_exam(course, progress)?,
        Start::ContinueQuiz(mode) => resume_quiz(course, progress, mode)?,
        Start::Review => review_screen(None, course, progress, due)?,
        Start::ReviewOf(kind) => review_screen(Some(kind), course, progress, due)?,
        Start::Cram { topic } => {
            let request = QuizRequest {
                topic: Some(topic),
                include_table_questions: true,
                ..QuizRequest::default()
            };
            let session = QuizSession::new(course, &request).map_err(|e| e.to_string())?;
            let mut quiz = QuizScreen::new(session);
            quiz.mode = Mode::Cram;
            Screen::Quiz(Box::new(quiz))
        }
        Start::Stats => Screen::Stats(Box::new(StatsScreen::new(ProgressSummary::new(
            course,
            progress,
            Timestamp::now(),
        )))),
        Start::Sizing { seed } => {
            Screen::Sizing(Box::new(SizingScreen::new(seed.unwrap_or_else(fresh_seed))))
        }
        Start::Quiz(request) => {
            let session = QuizSession::new(course, &request).map_err(|e| e.to_string())?;
            Screen::Quiz(Box::new(QuizScreen::new(session)))
        }
        Start::Exam {
            request,
            time_limit,
            pass_mark,
        } => {
            let exam = MockExam::new(course, &request).map_err(|e| e.to_string())?;
            let time_limit = time_limit.unwrap_or_else(|| exam_time(exam.len()));
            let mut screen = ExamScreen::new(exam, Some(time_limit), Instant::now());
            screen.requested = request.count;
            screen.pass_mark = pass_mark;
            Screen::Exam(Box::new(screen))
        }
        Start::Interview {
            level,
            topic,
            time_limit,
        } => {
            let mut items = rehearsals(course, level);
            if let Some(topic) = topic {
                items.retain(|r| r.topic_id == topic);
            }
            if items.is_empty() {
                return Err("There are no interview questions here.".into());
            }
            Screen::Interview(Box::new(InterviewScreen::new(
                items,
                time_limit,
                Instant::now(),
            )))
        }
        Start::Debug { scenario, seed } => {
            super::debug_lab::start(course, progress, scenario.as_deref(), seed)?
        }
        Start::NetpolExplore(explorer) => Screen::NetpolExplore(Box::new(
            super::netpol_explore::NetpolExploreScreen::new(*explorer),
        )),
        Start::Host(link) => Screen::Host(Box::new(HostScreen::new(link.0))),
        Start::Player { link, joined } => {
            Screen::Player(Box::new(PlayerScreen::new(link.0, joined)))
        }
    };
    Ok(Some(screen))
}

/// Reopens the saved lesson section or lab step.
fn resume(course: &Course, progress: &Progress) -> Result<Screen, String> {
    let screen = match progress.resume.as_ref().map(|r| r.place()) {
        Some(Place::Lesson { lesson, section }) => {
            let reference = match section {
                Some(anchor) => format!("{lesson}#{anchor}"),
                None => lesson.to_string(),
            };
            LessonScreen::at_reference(course, &reference).map(|s| Screen::Lesson(Box::new(s)))
        }
        Some(Place::Lab { lab, step }) => {
            LabScreen::at(course, lab, step).map(|s| Screen::Lab(Box::new(s)))
        }
        _ => None,
    };
    screen.ok_or_else(|| "There is no place to continue from yet: open a lesson or a lab.".into())
}

/// The exam kept as a sitting, rebuilt with the answers given and the time left.
fn resume_exam(course: &Course, progress: &Progress) -> Result<Screen, String> {
    let sitting = progress
        .sitting(Mode::Exam)
        .ok_or("There is no unfinished exam to continue.")?;
    let ids: Vec<&str> = sitting.items.iter().map(|item| item.id.as_str()).collect();
    let seed = sitting.seed.unwrap_or_default();
    let questions = questions_by_id(course, &ids, seed);
    if questions.len() != ids.len() {
        return Err(
            "This exam's questions are no longer all in the course: start a new exam.".into(),
        );
    }
    let mut exam = MockExam::from_questions(seed, questions);
    for given in &sitting.answers {
        if let Some(answer) = answer_code::decode(&given.response) {
            let _ = exam.record(given.index, answer);
        }
    }
    let time_left = sitting
        .time_limit_seconds
        .map(|limit| Duration::from_secs(limit.saturating_sub(sitting.seconds_used)));
    // Back at the first question still without an answer.
    let next = (0..exam.len())
        .find(|&index| exam.answer(index).is_none())
        .unwrap_or(0);
    let screen = ExamScreen::resumed(
        exam,
        time_left,
        Duration::from_secs(sitting.seconds_used),
        next,
        Instant::now(),
    );
    Ok(Screen::Exam(Box::new(screen)))
}

/// The quiz or review kept as a sitting, from its next question.
fn resume_quiz(course: &Course, progress: &Progress, mode: Mode) -> Result<Screen, String> {
    let sitting = progress
        .sitting(mode)
        .filter(|s| s.position < s.items.len())
        .ok_or("There is no unfinished quiz to continue.")?;
    let ids: Vec<&str> = sitting.items[sitting.position..]
        .iter()
        .map(|item| item.id.as_str())
        .collect();
    let questions = questions_by_id(course, &ids, sitting.seed.unwrap_or_default());
    if questions.is_empty() {
        return Err("This quiz's questions are no longer in the course.".into());
    }
    let mut quiz = QuizScreen::new(QuizSession::from_questions(
        sitting.seed.unwrap_or_default(),
        questions,
    ));
    quiz.mode = mode;
    quiz.sitting_offset = Some(sitting.position);
    Ok(Screen::Quiz(Box::new(quiz)))
}
