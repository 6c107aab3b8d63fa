//! One learning record, one meaning of "due" (issue 12): answers of every kind recorded on the
//! fixture course, then home's count, Review's queue, Stats, `progress --json` and
//! `report --format json|csv` all read at the same fixed instant must name the same due items.
//! No TUI: each reader is the engine piece its screen or command prints.

use std::path::Path;

use aks_tutor::commands::progress::ProgressView;
use aks_tutor::commands::report::{ReportFormat, render};
use aks_tutor::content::{self, Course, CourseDir};
use aks_tutor::progress::mastery::review_queue;
use aks_tutor::progress::team::Learner;
use aks_tutor::progress::{
    Catalogue, DebugAttempt, Grade, ItemClass, ItemKind, ItemRef, Mode, NewSitting, Outcome,
    ProfileName, Progress, ProgressSummary, ReviewQueue, SizingSkill, Timestamp, due,
};
use serde_json::Value;

fn course() -> Course {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid-course");
    content::load(&CourseDir::new(dir)).expect("the fixture course loads")
}

fn at(text: &str) -> Timestamp {
    Timestamp::parse_rfc3339(text).unwrap()
}

const WRONG: Outcome = Outcome::Score(0.0);
const RIGHT: Outcome = Outcome::Score(1.0);

/// A morning of work, every kind of answer, some missed (so due by the afternoon) and some right.
fn morning(catalogue: &Catalogue) -> Progress {
    let start = at("2026-03-02T09:00:00Z");
    let minute = |m: i64| start.plus_minutes(m);
    let first = |class: ItemClass| {
        catalogue
            .entries()
            .iter()
            .find(|e| e.class == class)
            .unwrap_or_else(|| panic!("the fixture course has no {class:?}"))
            .id
            .clone()
    };
    let table = first(ItemClass::TableQuestion);
    let prediction = first(ItemClass::Prediction);
    let mut p = Progress::default();
    p.set_name("Ada Lovelace").unwrap();
    let q = ItemKind::Question;
    p.record_answer(q, "q-plugins-windows", WRONG, Mode::Quiz, minute(0));
    p.record_answer(q, "q-plugins-usable", RIGHT, Mode::Quiz, minute(1));
    p.record_answer(q, &table, WRONG, Mode::Quiz, minute(2));
    p.record_answer(q, &prediction, WRONG, Mode::Quiz, minute(3));
    p.record_answer(q, "q-gone-from-the-course", WRONG, Mode::Quiz, minute(3));
    p.record_answer(
        ItemKind::Interview,
        "iv-kubenet-vs-cni",
        Outcome::SelfGrade(Grade::Again),
        Mode::Interview,
        minute(4),
    );
    p.record_sizing(SizingSkill::RequiredIps, WRONG, minute(5));
    p.record_sizing(SizingSkill::NodesThatFit, RIGHT, minute(6));
    p.record_answer(q, "q-plugins-resolver", WRONG, Mode::Cram, minute(7));
    p.record_debug_attempt(
        "dns-broken",
        DebugAttempt {
            at: minute(8),
            cause: "coredns-crashloop".into(),
            solved: true,
            steps: 4,
            shortest: 3,
            score: 0.75,
        },
    );
    p.start_sitting(
        NewSitting {
            mode: Mode::Exam,
            items: vec![
                ItemRef::new(q, "q-plugins-overlay-models"),
                ItemRef::new(q, "q-plugins-service-cidr"),
            ],
            seed: Some(1),
            detail: None,
            time_limit_seconds: Some(180),
        },
        minute(9),
    );
    p.answer_in_sitting(Mode::Exam, "2", WRONG, 40, minute(10))
        .unwrap();
    p.answer_in_sitting(Mode::Exam, "1", RIGHT, 70, minute(11))
        .unwrap();
    p.finish_exam(catalogue, minute(12)).unwrap();
    p.set_step_done("lab-check-plugin", "show-profile", true, minute(13));
    p
}

fn ids_of(items: &Value) -> Vec<String> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            format!(
                "{}:{}",
                item["kind"].as_str().unwrap(),
                item["id"].as_str().unwrap()
            )
        })
        .collect()
}

fn ids_of_refs(refs: &[ItemRef]) -> Vec<String> {
    let kind = |k: ItemKind| {
        serde_json::to_value(k)
            .unwrap()
            .as_str()
            .unwrap()
            .to_string()
    };
    refs.iter()
        .map(|r| format!("{}:{}", kind(r.kind), r.id))
        .collect()
}

#[test]
fn every_reader_names_the_same_due_items_at_the_same_instant() {
    let course = course();
    let catalogue = Catalogue::new(&course);
    let progress = morning(&catalogue);
    let instant = at("2026-03-02T15:00:00Z");

    // The one definition.
    let due = due(&catalogue, &progress, instant);
    let expected = ids_of_refs(&due.now_refs());
    let classes: Vec<ItemClass> = due.now.iter().map(|i| i.class).collect();
    for class in [
        ItemClass::Question,
        ItemClass::TableQuestion,
        ItemClass::Prediction,
        ItemClass::Interview,
        ItemClass::SizingSkill,
    ] {
        assert!(classes.contains(&class), "no {class:?} due: {expected:?}");
    }
    assert!(
        !expected
            .iter()
            .any(|id| id.ends_with("q-gone-from-the-course")),
        "an id the course lacks is kept, not due"
    );

    // Home's count (what the home screen calls today) and Review's queue.
    let home = review_queue(&course, &progress, instant, 10);
    assert_eq!(home.len(), expected.len());
    let review = ReviewQueue::new(&due);
    assert_eq!(ids_of_refs(review.items()), expected);

    // Stats.
    let stats = ProgressSummary::new(&course, &progress, instant);
    assert_eq!(stats.due.now, expected.len());
    assert_eq!(ids_of_refs(&stats.due_items.now_refs()), expected);

    // `aks-tutor progress --json`.
    let profile = ProfileName::new("ada").unwrap();
    let view = ProgressView {
        profile: &profile,
        path: Path::new("ada.ron"),
        has_progress: true,
        progress: &progress,
    };
    let json: Value = serde_json::from_str(&view.json(&course, instant).unwrap()).unwrap();
    assert_eq!(json["due"]["now"], expected.len());
    assert_eq!(ids_of(&json["due_items"]["now"]), expected);
    assert_eq!(json["learner_name"], "Ada Lovelace");
    assert_eq!(json["exams"][0]["answered"], 2);
    assert_eq!(json["sizing"][0]["id"], "sizing-required-ips");
    assert_eq!(json["debug_labs"][0]["solved"], 1);
    assert_eq!(json["items_not_in_course"], 1);

    // `aks-tutor report --format json` and `--format csv`.
    let learners = [Learner {
        name: "Ada Lovelace".into(),
        file: None,
        progress: progress.clone(),
    }];
    let report: Value =
        serde_json::from_str(&render(ReportFormat::Json, &course, &learners, instant).unwrap())
            .unwrap();
    let learner = &report["learners"][0];
    assert_eq!(learner["due_now"], expected.len());
    assert_eq!(ids_of(&learner["due_items"]["now"]), expected);
    let csv = render(ReportFormat::Csv, &course, &learners, instant).unwrap();
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let row: Vec<&str> = csv.lines().nth(1).unwrap().split(',').collect();
    let column = header.iter().position(|h| *h == "due_now").unwrap();
    assert_eq!(row[column], expected.len().to_string());
}

#[test]
fn a_right_answer_in_review_is_not_due_again_and_a_miss_comes_back_in_the_sitting() {
    let course = course();
    let catalogue = Catalogue::new(&course);
    let mut progress = morning(&catalogue);
    let instant = at("2026-03-02T15:00:00Z");
    let items = ReviewQueue::new(&due(&catalogue, &progress, instant))
        .items()
        .to_vec();
    let count = items.len();
    progress.start_sitting(
        NewSitting {
            mode: Mode::Review,
            items,
            seed: None,
            detail: None,
            time_limit_seconds: None,
        },
        instant,
    );
    // The first item missed again, every other one right.
    let mut asked = Vec::new();
    let mut answers = 0;
    while let Some(item) = progress.sitting(Mode::Review).unwrap().current().cloned() {
        let result = if answers == 0 { WRONG } else { RIGHT };
        progress
            .answer_in_sitting(Mode::Review, "", result, 5, instant)
            .unwrap();
        asked.push(item);
        answers += 1;
    }
    assert_eq!(asked.len(), count + 1, "the miss came back once");
    assert_eq!(asked[0], asked[count.min(4)], "a few items later");
    let after = due(&catalogue, &progress, instant.plus_minutes(1));
    assert!(after.now.is_empty(), "{:?}", after.now);
}

#[test]
fn progress_shows_every_kind_of_the_record_from_a_saved_file() {
    let course = course();
    let catalogue = Catalogue::new(&course);
    let mut progress = morning(&catalogue);
    progress.start_sitting(
        NewSitting {
            mode: Mode::Quiz,
            items: vec![ItemRef::new(ItemKind::Question, "q-plugins-windows")],
            seed: Some(3),
            detail: Some("plugins".into()),
            time_limit_seconds: None,
        },
        at("2026-03-02T09:30:00Z"),
    );
    let data = tempfile::tempdir().unwrap();
    let profiles = data.path().join("profiles");
    std::fs::create_dir_all(&profiles).unwrap();
    let text = aks_tutor::progress::file::to_ron(&progress).unwrap();
    std::fs::write(profiles.join("default.ron"), text).unwrap();

    let output = std::process::Command::new(env!("CARGO_BIN_EXE_aks-tutor"))
        .args(["--content", "tests/fixtures/valid-course", "--data-dir"])
        .arg(data.path())
        .arg("progress")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("AKS_TUTOR_DATA_DIR")
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for expected in [
        "Ada Lovelace · profile default (",
        "Due within 24 h: questions 4 (4 now), table questions 1 (1 now), policy predictions 1 (1 now), interview items 1 (1 now), sizing skills 2 (2 now)",
        "  Required IPs             0 % · 1 answered, 0 right · due ",
        "  Nodes that fit         100 % · 1 answered, 1 right · due ",
        "Policy predictions: 1 of 2 made, 0 right at the latest answer",
        "  dns-broken · cause coredns-crashloop · solved 1 of 1 · best 4 steps (shortest 3) · best score 75 %",
        "  2026-03-02 · 1 min · 50 % · 1 right of 2 (2 answered)",
        "  Trend: latest 50 % · best 50 % · one attempt so far",
        "Unfinished Quiz from 2026-03-02: question 1 of 1, 0 answered. Continue from home to resume it.",
        "1 answered item is no longer in the course: kept in the file, not counted.",
    ] {
        assert!(shown.contains(expected), "no {expected:?} in:\n{shown}");
    }
}
