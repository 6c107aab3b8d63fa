//! The synthetic course the scale benchmark loads must stay a valid course as the format evolves,
//! and every screen must open on it (the benchmark presses keys on each).

#[path = "common/synthetic_course.rs"]
mod synthetic_course;
#[path = "common/tour.rs"]
mod tour;

use aks_tutor::content::{self, CourseDir, LabKind};
use synthetic_course::write_synthetic_course;
use tour::{SCREENS, app_showing};

#[test]
fn a_small_synthetic_course_is_valid_and_every_screen_opens_on_it() {
    let dir = tempfile::tempdir().expect("a temp dir");
    write_synthetic_course(dir.path(), 3, 250).expect("write the course");
    let course = content::load(&CourseDir::new(dir.path())).unwrap_or_else(|p| panic!("{p}"));
    assert_eq!(course.topics.len(), 3);
    assert_eq!(course.questions().count(), 250);
    assert_eq!(course.labs().count(), 6);
    assert!(course.labs().any(|lab| lab.kind == LabKind::Debugging));
    assert_eq!(course.interview_items().count(), 9);
    for name in SCREENS {
        let app = app_showing(name, &course, 100, 30);
        assert!(app.running, "{name} opened");
        let _ = tour::draw(&app);
    }
}
