//! Reading progress files written by older formats. Each step says what its version added; a file
//! is brought up to [`FORMAT_VERSION`] in memory and written in the new format at the next save
//! (after which older builds see a newer file and open it read-only, never overwriting it).
//!
//! - 1 → 2: added `name`, `sizing`, `exams`, `debug_labs` and `sittings` (all empty in a format-1
//!   file) and the `Sizing` answer mode. Nothing of format 1 changed meaning: its questions
//!   (authored questions and network policy predictions), interview items, lessons, lab steps,
//!   resume point and sessions are read as they are. Format 1 kept no answers to table questions,
//!   sizing exercises or exams, so there is nothing else to carry over.

use super::file::Parsed;
use super::model::{FORMAT_VERSION, Progress};

/// Parses `text`, a progress file of format `version` (older than this build's).
pub fn upgrade(version: u32, text: &str) -> Parsed {
    match version {
        1 => match ron::from_str::<Progress>(text) {
            Ok(mut progress) => {
                progress.format_version = FORMAT_VERSION;
                Parsed::Progress(progress)
            }
            Err(error) => Parsed::Damaged(error.to_string()),
        },
        // Format 1 is the first: anything lower was never written by aks-tutor.
        _ => Parsed::Damaged(format!("unknown progress format {version}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::file::parse;
    use crate::progress::model::{ItemKind, Mode, Place};

    const V1: &str = include_str!("../../tests/fixtures/progress/v1-main.ron");

    #[test]
    fn a_file_written_by_format_1_loads_whole() {
        let Parsed::Progress(progress) = parse(V1.as_bytes()) else {
            panic!(
                "the format-1 fixture did not load: {:?}",
                parse(V1.as_bytes())
            );
        };
        assert_eq!(progress.format_version, FORMAT_VERSION);
        assert_eq!(progress.questions.len(), 5);
        let windows = progress
            .item(ItemKind::Question, "q-plugins-windows")
            .unwrap();
        assert_eq!(windows.answers.len(), 2);
        assert_eq!(windows.answers[1].mode, Mode::Review);
        assert!(windows.schedule.is_some());
        assert!(
            progress
                .item(ItemKind::Question, "q-cram-only")
                .unwrap()
                .schedule
                .is_none()
        );
        assert!(
            progress
                .item(ItemKind::Question, "netpol-fixture-dns-cart-to-dns")
                .is_some()
        );
        assert_eq!(progress.interview.len(), 1);
        assert_eq!(progress.lessons.len(), 1);
        assert_eq!(progress.lab_steps.len(), 1);
        assert_eq!(
            progress.resume.as_ref().map(|r| r.place()),
            Some(Place::Lesson {
                lesson: "dns",
                section: Some("coredns")
            })
        );
        assert_eq!(progress.sessions.len(), 2);
        assert_eq!(progress.name, None);
        assert!(progress.sizing.is_empty() && progress.exams.is_empty());
        assert!(progress.sittings.is_empty() && progress.debug_labs.is_empty());
    }

    #[test]
    fn a_migrated_file_is_written_back_in_the_new_format_and_reads_the_same() {
        let Parsed::Progress(progress) = parse(V1.as_bytes()) else {
            panic!("the format-1 fixture did not load");
        };
        let text = crate::progress::file::to_ron(&progress).unwrap();
        assert!(text.contains(&format!("format_version: {FORMAT_VERSION}")));
        assert_eq!(parse(text.as_bytes()), Parsed::Progress(progress));
    }

    #[test]
    fn formats_never_written_are_damaged() {
        let zero = V1.replace("format_version: 1", "format_version: 0");
        assert!(
            matches!(parse(zero.as_bytes()), Parsed::Damaged(reason) if reason.contains("unknown progress format 0"))
        );
    }
}
