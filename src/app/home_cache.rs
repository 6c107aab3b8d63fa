//! Home as the learner last left it, kept beside the progress file (`<profile>.home.json`) so that
//! the next start draws it in its first frame, before the course has loaded. For a learner who has
//! answered anything, home's figures (mastery, what is due, labs done, where to continue) are
//! counted against the whole course and every item generated from it, which is most of start-up;
//! this file holds the result.
//!
//! It is a hint, never a record. It is used only when it was made from this build's course (the
//! course's fingerprint) and from the progress file exactly as it is now (a fingerprint of its
//! bytes). Time changes one figure: Review's count of items due, so the file keeps when each
//! scheduled item falls due and counts them at the instant it is read. Whatever it says, the app
//! draws home from the loaded course right after, and a frame that differs replaces it at once. A file that cannot be read is ignored and written again. Only the
//! store's owner writes it, after every save, without waiting for the disk (losing it costs one
//! slower start).

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::files::{fingerprint, read_bounded_no_follow};
use crate::progress::Timestamp;
use crate::progress::file::{create_temp, temp_path};
use crate::screens::home::HomeOutline;

/// Changed whenever what the file holds changes meaning.
const FILE_FORMAT: u32 = 1;
/// Home and the due times of tens of thousands of items stay below this; anything larger is not
/// ours.
const MAX_FILE: u64 = 1024 * 1024;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeptHome {
    format: u32,
    course: String,
    progress: String,
    /// When each scheduled item of the course falls due, soonest first (`progress::due_times`).
    due: Vec<Timestamp>,
    home: HomeOutline,
}

/// Where one profile's home is kept, for one course.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HomeCache {
    path: PathBuf,
    course: String,
}

impl HomeCache {
    /// For the progress file at `progress_file` (`<name>.ron`: the home is `<name>.home.json`)
    /// and the course named by `course` (see `EmbeddedCourse::fingerprint`).
    pub fn new(progress_file: &Path, course: &str) -> Self {
        Self {
            path: progress_file.with_extension("home.json"),
            course: course.to_string(),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The home kept for a progress file of exactly `progress` bytes, as it stands at `now`.
    pub fn read(&self, progress: &[u8], now: Timestamp) -> Option<HomeOutline> {
        let bytes = read_bounded_no_follow(&self.path, MAX_FILE).ok()?;
        let kept: KeptHome = serde_json::from_slice(&bytes).ok()?;
        let usable = kept.format == FILE_FORMAT
            && kept.course == self.course
            && kept.progress == fingerprint(progress);
        usable.then(|| HomeOutline {
            review_due: kept.due.iter().filter(|time| **time <= now).count(),
            ..kept.home
        })
    }

    /// Keeps `home`, whose scheduled items fall due at `due`, for the progress file whose bytes
    /// have the fingerprint `progress` (`Store::file_fingerprint`).
    pub fn keep(&self, home: &HomeOutline, due: Vec<Timestamp>, progress: &str) -> io::Result<()> {
        let kept = KeptHome {
            format: FILE_FORMAT,
            course: self.course.clone(),
            progress: progress.to_string(),
            due,
            home: home.clone(),
        };
        let text = serde_json::to_vec(&kept).map_err(io::Error::other)?;
        // Replaced whole by a rename, so a reader sees the old file or the new one; not synced:
        // a file lost in a crash is made again at the next save.
        let written = create_temp(&self.path).and_then(|mut file| file.write_all(&text));
        let temp = temp_path(&self.path);
        if let Err(error) = written.and_then(|()| fs::rename(&temp, &self.path)) {
            let _ = fs::remove_file(&temp);
            return Err(error);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::home::TopicLine;

    fn home(review_due: usize) -> HomeOutline {
        HomeOutline {
            title: "Networking in AKS".into(),
            summary: "A course".into(),
            resume: Some("Lab: Pods › Step 1".into()),
            topics: vec![TopicLine {
                title: "Pods".into(),
                summary: "How pods get addresses".into(),
                lessons_read: 1,
                lessons: 2,
                labs_done: 0,
                labs: 1,
                mastery: Some(0.4),
            }],
            review_due,
            exam: Some((3, 10)),
            quizzes: vec![(crate::progress::Mode::Quiz, 2, 10)],
            ask_name: false,
        }
    }

    fn at(seconds: i64) -> Timestamp {
        Timestamp::from_unix_seconds(seconds).unwrap()
    }

    /// A profile folder with a progress file of `bytes`, and its cache for course "c1".
    fn profile(bytes: &[u8]) -> (tempfile::TempDir, HomeCache) {
        let dir = tempfile::tempdir().unwrap();
        let progress = dir.path().join("default.ron");
        fs::write(&progress, bytes).unwrap();
        let cache = HomeCache::new(&progress, "c1");
        (dir, cache)
    }

    /// Items falling due at 100, 200 and 300 seconds.
    fn due() -> Vec<Timestamp> {
        vec![at(100), at(200), at(300)]
    }

    /// Keeps `home(n)` for the progress "progress", with the items of `due()`.
    fn keep(cache: &HomeCache, n: usize) {
        cache
            .keep(&home(n), due(), &fingerprint(b"progress"))
            .unwrap();
    }

    #[test]
    fn home_kept_is_read_back_for_the_same_progress() {
        let (dir, cache) = profile(b"progress");
        keep(&cache, 1);
        assert_eq!(cache.path(), dir.path().join("default.home.json"));
        assert_eq!(cache.read(b"progress", at(150)), Some(home(1)));
        assert!(
            !temp_path(cache.path()).exists(),
            "no temporary file is left"
        );
    }

    #[test]
    fn reviews_are_counted_when_home_is_read() {
        let (_dir, cache) = profile(b"progress");
        keep(&cache, 1);
        let due_at = |seconds| cache.read(b"progress", at(seconds)).unwrap().review_due;
        assert_eq!(due_at(99), 0);
        assert_eq!(due_at(100), 1);
        assert_eq!(due_at(299), 2);
        assert_eq!(due_at(86_400), 3);
    }

    #[test]
    fn home_is_not_used_for_other_progress_or_another_course() {
        let (dir, cache) = profile(b"progress");
        keep(&cache, 2);
        assert_eq!(cache.read(b"progresS", at(0)), None);
        assert_eq!(cache.read(b"progress ", at(0)), None);
        let other_course = HomeCache::new(&dir.path().join("default.ron"), "c2");
        assert_eq!(other_course.read(b"progress", at(0)), None);
    }

    #[test]
    fn a_file_that_is_not_a_kept_home_is_ignored() {
        let (_dir, cache) = profile(b"progress");
        assert_eq!(cache.read(b"progress", at(0)), None, "no file");
        for junk in [
            &b""[..],
            b"{",
            b"\xff\xfe",
            b"{\"format\":1}",
            b"[1,2,3]",
            b"{\"format\":1,\"course\":\"c1\",\"progress\":\"8-x\",\"due\":[],\"home\":{},\"extra\":1}",
        ] {
            fs::write(cache.path(), junk).unwrap();
            assert_eq!(cache.read(b"progress", at(0)), None, "{junk:?}");
        }
        fs::write(cache.path(), vec![b' '; MAX_FILE as usize + 1]).unwrap();
        assert_eq!(cache.read(b"progress", at(0)), None, "too large");
    }

    #[test]
    fn a_newer_format_is_ignored() {
        let (_dir, cache) = profile(b"progress");
        keep(&cache, 2);
        let text = fs::read_to_string(cache.path()).unwrap();
        fs::write(cache.path(), text.replace("\"format\":1", "\"format\":2")).unwrap();
        assert_eq!(cache.read(b"progress", at(0)), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_place_of_the_file_is_neither_read_nor_written_through() {
        let (dir, cache) = profile(b"progress");
        let elsewhere = dir.path().join("elsewhere.json");
        fs::write(&elsewhere, "untouched").unwrap();
        std::os::unix::fs::symlink(&elsewhere, cache.path()).unwrap();
        assert_eq!(cache.read(b"progress", at(0)), None);
        keep(&cache, 2);
        assert_eq!(fs::read_to_string(&elsewhere).unwrap(), "untouched");
        assert_eq!(cache.read(b"progress", at(0)), Some(home(0)));
    }
}
