//! Where a course's files come from: the copy built into the binary, or a folder on disk.

use std::borrow::Cow;
use std::io;
use std::path::{Path, PathBuf};

use crate::files::{MAX_CONTENT_FILE, read_bounded_text};

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

impl EmbeddedCourse {
    /// Names this build's course by the exact text of its files (made at build time).
    pub fn fingerprint() -> &'static str {
        embedded::FINGERPRINT
    }
}

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

/// A course folder on disk (`--content DIR`, `validate DIR`). Its files are read bounded (regular
/// files of at most [`MAX_CONTENT_FILE`] bytes: a FIFO would hang the loader and `/dev/zero`
/// would fill memory), and a file reached through a symbolic link must still be inside the
/// folder once every link on its way is resolved: a course one was sent cannot make the tutor
/// read, and show, `~/.ssh/id_rsa` as a lesson.
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

    /// `path` with every symbolic link resolved, when that is still inside the course folder
    /// (itself resolved: the folder may be reached through a link). The file read is the one
    /// resolved here, so a link cannot point elsewhere between the check and the read unless a
    /// folder on the way is swapped meanwhile, which takes write access to the course anyway.
    fn resolve_inside(&self, path: &Path) -> io::Result<PathBuf> {
        let root = std::fs::canonicalize(&self.root)?;
        let resolved = std::fs::canonicalize(path)?;
        if resolved.starts_with(&root) {
            Ok(resolved)
        } else {
            Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "it leads through a symbolic link to {}, outside the course folder {}; course files must be inside it: copy the file in instead",
                    resolved.display(),
                    root.display()
                ),
            ))
        }
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
        let resolved = self.resolve_inside(&self.root.join(relative))?;
        read_bounded_text(&resolved, MAX_CONTENT_FILE).map(Cow::Owned)
    }

    fn display_path(&self, relative: &str) -> String {
        self.root.join(relative).display().to_string()
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn course_with(file: &str, text: &str) -> (tempfile::TempDir, CourseDir) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("course");
        std::fs::create_dir_all(root.join("lessons")).unwrap();
        std::fs::write(root.join(file), text).unwrap();
        let course = CourseDir::new(&root);
        (dir, course)
    }

    #[test]
    fn a_link_that_stays_inside_the_folder_is_read() {
        let (_dir, course) = course_with("lessons/real.md", "# Real\n");
        symlink("real.md", course.root().join("lessons/link.md")).unwrap();
        assert_eq!(course.read("lessons/link.md").unwrap(), "# Real\n");
    }

    #[test]
    fn a_link_out_of_the_folder_is_refused_and_says_where_it_leads() {
        let (dir, course) = course_with("lessons/real.md", "# Real\n");
        let secret = dir.path().join("secret.txt");
        std::fs::write(&secret, "id_rsa").unwrap();
        symlink(&secret, course.root().join("lessons/leak.md")).unwrap();
        // A folder on the way that is a link counts as well.
        symlink(dir.path(), course.root().join("up")).unwrap();
        for relative in ["lessons/leak.md", "up/secret.txt"] {
            let error = course.read(relative).unwrap_err().to_string();
            assert!(error.contains("outside the course folder"), "{error}");
            assert!(error.contains("secret.txt"), "{error}");
        }
    }

    #[test]
    fn a_course_folder_reached_through_a_link_is_read() {
        let (dir, course) = course_with("lessons/real.md", "# Real\n");
        symlink(course.root(), dir.path().join("alias")).unwrap();
        let aliased = CourseDir::new(dir.path().join("alias"));
        assert_eq!(aliased.read("lessons/real.md").unwrap(), "# Real\n");
    }

    #[test]
    fn devices_behind_links_and_oversized_files_are_refused() {
        let (_dir, course) = course_with("lessons/real.md", "# Real\n");
        symlink("/dev/zero", course.root().join("lessons/zero.md")).unwrap();
        let error = course.read("lessons/zero.md").unwrap_err().to_string();
        assert!(error.contains("outside the course folder"), "{error}");
        let big = "x".repeat(MAX_CONTENT_FILE as usize + 1);
        std::fs::write(course.root().join("lessons/big.md"), big).unwrap();
        let error = course.read("lessons/big.md").unwrap_err().to_string();
        assert!(error.contains("larger than"), "{error}");
    }
}
