//! The loader on whole courses: the embedded one loads, and hostile text is made inert.

mod common;

use aks_tutor::content::markdown::{Block, plain_text};
use aks_tutor::content::{self, CourseDir, EmbeddedCourse};

#[test]
fn the_embedded_course_loads() {
    let course = content::load(&EmbeddedCourse).unwrap_or_else(|problems| panic!("{problems}"));
    assert_eq!(course.title, "Networking in AKS");
    assert!(
        course.topics.iter().all(|topic| !topic.summary.is_empty()),
        "every topic has a one-line description"
    );
}

#[test]
fn escape_sequences_in_content_never_reach_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    let course = std::fs::read_to_string("tests/fixtures/valid-course/course.ron").unwrap();
    let course = course.replace(
        "Fixture Course",
        "Fixture\u{1b}]0;pwned\u{7} Course\u{1b}[2J",
    );
    common::copy_dir(std::path::Path::new(common::FIXTURE_COURSE), dir.path());
    std::fs::write(dir.path().join("course.ron"), course).unwrap();
    let lesson = dir.path().join("lessons/dns.md");
    std::fs::write(&lesson, "## Core\u{1b}[31mDNS\n\nText\u{9b}1;1H here.\n").unwrap();

    let course =
        content::load(&CourseDir::new(dir.path())).unwrap_or_else(|problems| panic!("{problems}"));
    assert_eq!(course.title, "Fixture Course");
    let dns = course.lesson("dns").unwrap();
    let texts: Vec<String> = dns
        .technical
        .blocks
        .iter()
        .map(|block| match block {
            Block::Heading { text, .. } => text.clone(),
            Block::Paragraph(inlines) => plain_text(inlines),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(texts, ["CoreDNS", "Text here."]);
    // Every other string of a hostile course: tests/hostile_content.rs.
}

/// A course held in memory, so property tests can feed the loader any text.
struct MemoryCourse(std::collections::HashMap<&'static str, String>);

impl content::CourseSource for MemoryCourse {
    fn read(&self, relative: &str) -> std::io::Result<std::borrow::Cow<'_, str>> {
        self.0
            .get(relative)
            .map(|text| std::borrow::Cow::Borrowed(text.as_str()))
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, "not in memory"))
    }

    fn display_path(&self, relative: &str) -> String {
        format!("memory/{relative}")
    }
}

const SMALL_COURSE: &str = r#"Course(format_version: 1, id: "c", title: "C", topics: [
    Topic(id: "t", title: "T", lessons: [Lesson(id: "l", title: "L", file: "l.md")],
          labs: ["lab.ron"], questions: ["q.ron"], interview: ["i.ron"]),
])"#;

fn small_course(lesson: String, lab: String, questions: String, interview: String) -> MemoryCourse {
    MemoryCourse(
        [
            ("course.ron", SMALL_COURSE.to_string()),
            ("l.md", lesson),
            ("lab.ron", lab),
            ("q.ron", questions),
            ("i.ron", interview),
        ]
        .into_iter()
        .collect(),
    )
}

proptest::proptest! {
    #[test]
    fn any_course_file_loads_or_reports_without_panic(text in "\\PC{0,400}") {
        let source = MemoryCourse([("course.ron", text)].into_iter().collect());
        if let Err(problems) = content::load(&source) {
            proptest::prop_assert!(!problems.0.is_empty());
        }
    }

    #[test]
    fn any_item_files_load_or_report_without_panic(
        lesson in "\\PC{0,200}",
        lab in "(Lab\\(|Step\\(|id: \"[a-z-]{0,4}\"|steps: \\[|kind: HandsOn|,|\\)|\\]|r#\"|\"#|\\PC){0,40}",
        questions in "(\\[|Question\\(|kind: |SingleChoice\\(|options: \\[\"a\"\\]|answer: [0-9]|,|\\)|\\]|\\PC){0,40}",
        interview in "\\PC{0,100}",
    ) {
        let _ = content::load(&small_course(lesson, lab, questions, interview));
    }
}

/// A scenario with a problem on each connection, beside a question whose id one prediction would
/// take in progress.
#[test]
fn a_broken_scenario_is_reported_at_path_line_col() {
    let course = r#"Course(format_version: 1, id: "c", title: "C", topics: [
    Topic(id: "t", title: "T", lessons: [Lesson(id: "l", title: "L", file: "l.md")],
          questions: ["q.ron"], netpol: ["s.ron", "empty.ron"]),
])"#;
    let question = r#"[Question(id: "netpol-s-a", prompt: "P", kind: TrueFalse(answer: true),
    explanation: "E", see: "l")]"#;
    let scenario = r#"NetpolScenario(
    id: "netpol-s",
    title: "S",
    intro: "I",
    manifests: "kind: Pod",
    questions: [
        Connection(id: "a", from: "n/a", to: "n/b", port: 80),
        Connection(id: "b", from: "n/a", to: "n/b", port: 70000),
        Connection(id: "b", from: "n/a", to: "n/b", port: "HTTP"),
    ],
)"#;
    let empty = r#"NetpolScenario(id: "netpol-empty", title: "E", intro: "I", manifests: "kind: Pod", questions: [])"#;
    let source = MemoryCourse(
        [
            ("course.ron", course.to_string()),
            ("l.md", "## L\n".to_string()),
            ("q.ron", question.to_string()),
            ("s.ron", scenario.to_string()),
            ("empty.ron", empty.to_string()),
        ]
        .into_iter()
        .collect(),
    );
    let problems = content::load(&source).expect_err("the scenario is broken");
    let lines: Vec<String> = problems.0.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "memory/s.ron:7:24: connection `a` of netpol scenario `netpol-s` is kept in progress as `netpol-s-a`, which is already the id of the question at memory/q.ron:1:15",
            "memory/s.ron:8:53: port 70000 is out of range: use 1 to 65535",
            "memory/s.ron:9:24: duplicate connection id `b` in netpol scenario `netpol-s`",
            "memory/s.ron:9:53: port `HTTP` is not a port name: lowercase letters, digits and `-`, at most 15",
            "memory/empty.ron:1:20: netpol scenario `netpol-empty` has no questions",
        ]
    );
}

/// A debugging scenario with the problems the single-problem fixtures do not show: a duplicate
/// cause id, an output naming an unknown cause or a cause twice, a dangling `see`, and (in a
/// second, otherwise sound scenario) causes told apart only by a harmful action.
#[test]
fn a_broken_debug_scenario_is_reported_at_path_line_col() {
    let course = r#"Course(format_version: 1, id: "c", title: "C", topics: [
    Topic(id: "t", title: "T", lessons: [Lesson(id: "l", title: "L", file: "l.md")],
          debug: ["d.ron", "h.ron"]),
])"#;
    let broken = r#"DebugScenario(id: "debug-d", title: "D", symptom: "S", see: "l#nowhere",
    causes: [
        Cause(id: "a", title: "A", explanation: "E", fix: "f", see: "l"),
        Cause(id: "a", title: "A", explanation: "E", fix: "f", see: "l"),
    ],
    fixes: [Fix(id: "f", title: "F")],
    actions: [
        Action(id: "look", label: "L", command: "c", harmful: "H", outputs: [
            Output(causes: ["zz"], text: "1", tells: "T"),
            Output(causes: ["a", "a"], text: "2", tells: "T"),
            Output(text: "3", tells: "T"),
        ]),
    ],
)"#;
    let harmful_only = r#"DebugScenario(id: "debug-h", title: "H", symptom: "S", see: "l",
    causes: [
        Cause(id: "a", title: "A", explanation: "E", fix: "f", see: "l"),
        Cause(id: "b", title: "B", explanation: "E", fix: "f", see: "l"),
    ],
    fixes: [Fix(id: "f", title: "F")],
    actions: [
        Action(id: "safe", label: "S", command: "c", outputs: [Output(text: "same", tells: "T")]),
        Action(id: "nuke", label: "N", command: "c", harmful: "H", outputs: [
            Output(causes: ["a"], text: "A", tells: "T"),
            Output(text: "B", tells: "T"),
        ]),
    ],
)"#;
    let source = MemoryCourse(
        [
            ("course.ron", course.to_string()),
            ("l.md", "## L\n".to_string()),
            ("d.ron", broken.to_string()),
            ("h.ron", harmful_only.to_string()),
        ]
        .into_iter()
        .collect(),
    );
    let problems = content::load(&source).expect_err("the scenarios are broken");
    let lines: Vec<String> = problems.0.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "memory/d.ron:4:15: duplicate cause id `a` in this scenario",
            "memory/d.ron:9:29: an output of action `look` names cause `zz`, which debug scenario `debug-d` does not have",
            "memory/d.ron:10:34: action `look` gives cause `a` two outputs: name it in one",
            "memory/h.ron:4:15: causes `a` and `b` of debug scenario `debug-h` are told apart only by a harmful action; give a safe action a different output for one of them",
            "memory/d.ron:1:61: `see` names section `nowhere`, which lesson `l` does not have",
        ]
    );
}
