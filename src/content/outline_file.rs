// What the course outline reads of `course.ron`, as serde structs. This file is used twice: as
// the module `content::outline_file` (by `read_index` at run time) and by `build.rs`, which
// `include!`s it to prepare the built-in course's outline, so the two read the same fields the
// same way. Hence no `use` lines here, and paths in full.
//
// Unknown fields are ignored (no `deny_unknown_fields`): checking the file is the loader's job,
// and a field added to the format must not make the outline disagree with the load.

#[derive(serde::Deserialize)]
#[serde(rename = "Course")]
pub(crate) struct IndexFile {
    pub(crate) format_version: u32,
    pub(crate) title: String,
    #[serde(default)]
    pub(crate) summary: String,
    pub(crate) topics: Vec<TopicFile>,
}

#[derive(serde::Deserialize)]
#[serde(rename = "Topic")]
pub(crate) struct TopicFile {
    pub(crate) id: String,
    pub(crate) title: String,
    #[serde(default)]
    pub(crate) summary: String,
    pub(crate) lessons: Vec<LessonFile>,
    #[serde(default)]
    pub(crate) labs: Vec<String>,
    #[serde(default)]
    pub(crate) questions: Vec<String>,
    #[serde(default)]
    pub(crate) interview: Vec<String>,
}

#[derive(serde::Deserialize)]
#[serde(rename = "Lesson")]
pub(crate) struct LessonFile {
    pub(crate) id: String,
}

impl TopicFile {
    /// Whether the topic names question or interview files (so it has items to master).
    pub(crate) fn has_items(&self) -> bool {
        !self.questions.is_empty() || !self.interview.is_empty()
    }
}
