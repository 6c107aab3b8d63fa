//! The course's outline read from `course.ron` alone: titles, summaries, the lessons' ids and how
//! many labs and question files each topic names. It is what the home screen shows of a course,
//! read in tens of microseconds, so the first frame can be drawn while the whole course (the
//! lessons' markdown, every item, the checks) is still loading on another thread.
//!
//! It is not a check of anything: a `course.ron` it cannot read gives `None`, and the caller
//! waits for the full load, which says what is wrong.

use ron::extensions::Extensions;

use super::load::COURSE_FILE;
use super::model::FORMAT_VERSION;
use super::source::CourseSource;
use crate::inert::{is_inert, sanitize};

/// A course as far as `course.ron` tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseIndex {
    pub title: String,
    pub summary: String,
    pub topics: Vec<TopicIndex>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicIndex {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub lesson_ids: Vec<String>,
    /// Lab files named; each holds one lab.
    pub labs: usize,
    /// Whether the topic names question or interview files (so it has items to master).
    pub has_items: bool,
}

use super::outline_file::IndexFile;

/// The built-in course's outline, read from its `course.ron` by `build.rs`.
struct BuiltIndex {
    format_version: u32,
    title: &'static str,
    summary: &'static str,
    topics: &'static [BuiltTopic],
}

struct BuiltTopic {
    id: &'static str,
    title: &'static str,
    summary: &'static str,
    lesson_ids: &'static [&'static str],
    labs: usize,
    has_items: bool,
}

include!(concat!(env!("OUT_DIR"), "/embedded_index.rs"));

/// The built-in course's outline without parsing anything: what [`read_index`] reads from it,
/// prepared at build time. Its text passes the same inert check at run time.
pub fn embedded_index() -> Option<CourseIndex> {
    let built = BUILT_INDEX.as_ref()?;
    if built.format_version != FORMAT_VERSION {
        return None;
    }
    let text = |text: &str| clean(text.to_string());
    Some(CourseIndex {
        title: text(built.title),
        summary: text(built.summary),
        topics: built
            .topics
            .iter()
            .map(|topic| TopicIndex {
                id: text(topic.id),
                title: text(topic.title),
                summary: text(topic.summary),
                lesson_ids: topic.lesson_ids.iter().map(|id| text(id)).collect(),
                labs: topic.labs,
                has_items: topic.has_items,
            })
            .collect(),
    })
}

/// The outline of a course, or `None` when its `course.ron` cannot be read as this version's.
pub fn read_index(source: &dyn CourseSource) -> Option<CourseIndex> {
    // The same two steps as the loader: the raw text sanitized, then every decoded string.
    let text = sanitize(&source.read(COURSE_FILE).ok()?);
    let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    let file: IndexFile = options.from_str(&text).ok()?;
    if file.format_version != FORMAT_VERSION {
        return None;
    }
    Some(CourseIndex {
        title: clean(file.title),
        summary: clean(file.summary),
        topics: file
            .topics
            .into_iter()
            .map(|topic| TopicIndex {
                has_items: topic.has_items(),
                labs: topic.labs.len(),
                id: topic.id,
                title: clean(topic.title),
                summary: clean(topic.summary),
                lesson_ids: topic.lessons.into_iter().map(|l| l.id).collect(),
            })
            .collect(),
    })
}

fn clean(text: String) -> String {
    if is_inert(&text) {
        text
    } else {
        sanitize(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{EmbeddedCourse, load};

    /// What the build prepared is what would be read at run time.
    #[test]
    fn the_built_in_outline_is_the_one_read_at_run_time() {
        assert_eq!(embedded_index(), read_index(&EmbeddedCourse));
        assert!(embedded_index().is_some());
    }

    /// The outline says what the loaded course says, field by field.
    #[test]
    fn the_embedded_outline_agrees_with_the_loaded_course() {
        let index = read_index(&EmbeddedCourse).expect("the built-in course.ron");
        let course = load(&EmbeddedCourse).expect("the built-in course");
        assert_eq!(index.title, course.title);
        assert_eq!(index.summary, course.summary);
        assert_eq!(index.topics.len(), course.topics.len());
        for (outline, topic) in index.topics.iter().zip(&course.topics) {
            assert_eq!(outline.id, topic.id);
            assert_eq!(outline.title, topic.title);
            assert_eq!(outline.summary, topic.summary);
            let lessons: Vec<&str> = topic.lessons.iter().map(|l| l.id.as_str()).collect();
            assert_eq!(outline.lesson_ids, lessons);
            assert_eq!(outline.labs, topic.labs.len());
            assert_eq!(
                outline.has_items,
                !topic.questions.is_empty() || !topic.interview.is_empty()
            );
        }
    }

    struct OneFile(&'static str);

    impl CourseSource for OneFile {
        fn read(&self, _: &str) -> std::io::Result<std::borrow::Cow<'_, str>> {
            Ok(self.0.into())
        }
        fn display_path(&self, relative: &str) -> String {
            relative.to_string()
        }
    }

    #[test]
    fn an_unreadable_or_newer_course_has_no_outline() {
        assert_eq!(read_index(&OneFile("Course(")), None);
        assert_eq!(
            read_index(&OneFile(
                r#"Course(format_version: 99, title: "t", topics: [])"#
            )),
            None
        );
    }

    #[test]
    fn control_characters_decoded_from_escapes_are_removed() {
        let index = read_index(&OneFile(
            r#"Course(format_version: 1, title: "a\u{1b}[2Jb", topics: [])"#,
        ))
        .expect("an outline");
        assert!(is_inert(&index.title), "{:?}", index.title);
    }
}
