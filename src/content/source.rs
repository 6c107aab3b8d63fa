//! Where a course's files come from: the copy built into the binary, or a folder on disk.

use std::borrow::Cow;
use std::io;
use std::path::{Path, PathBuf};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_course.rs"));
}

/// A course folder: files named by their path relative to it, with `/` separators.
/// `Sync`, because the loader reads lessons on a second thread.
pub trait CourseSource: Sync {
    fn read(&self, relative: &str) -> io::Result<Cow<'_, str>>;
    /// How a file of this course is named in messages.
    fn display_path(&self, relative: &str) -> String;
}

/// The course under `content/networking-in-aks/`, embedded at build time.
#[derive(Debug, Clone, Copy, Default)]
pub struct EmbeddedCourse;

impl CourseSource for EmbeddedCourse {
    fn read(&self, relative: &str) -> io::Result<Cow<'_, str>> {
        embedded::FILES
            .iter()
            .find(|(path, _)| *path == relative)
            .map(|(_, text)| Cow::Borrowed(*text))
            .ok_or_else(|| {
                io::Error::new(
                    io::ErrorKind::NotFound,
                    "no such file in the built-in course",
                )
            })
    }

    fn display_path(&self, relative: &str) -> String {
        format!("{}/{relative}", embedded::ROOT)
    }
}

/// A course folder on disk (`--content DIR`, `validate DIR`).
#[derive(Debug, Clone)]
pub struct CourseDir {
    root: PathBuf,
}

impl CourseDir {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }
}

impl CourseSource for CourseDir {
    fn read(&self, relative: &str) -> io::Result<Cow<'_, str>> {
        if Path::new(relative)
            .components()
            .any(|c| !matches!(c, std::path::Component::Normal(_)))
        {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "paths must stay inside the course folder",
            ));
        }
        std::fs::read_to_string(self.root.join(relative)).map(Cow::Owned)
    }

    fn display_path(&self, relative: &str) -> String {
        self.root.join(relative).display().to_string()
    }
}
