//! A small course built in code for the progress tests: two topics, three questions, one interview
//! item, two lessons, one lab of two steps.

use crate::content::{
    Course, Document, InterviewItem, Lab, LabKind, Lesson, Level, Question, QuestionKind, Step,
    Topic,
};

pub fn question(id: &str) -> Question {
    Question {
        id: id.to_string(),
        prompt: format!("Prompt of {id}?"),
        kind: QuestionKind::TrueFalse { answer: true },
        explanation: String::new(),
        see: String::new(),
    }
}

pub fn interview_item(id: &str) -> InterviewItem {
    InterviewItem {
        id: id.to_string(),
        level: Level::Beginner,
        question: format!("Question of {id}?"),
        answer: String::new(),
        key_points: Vec::new(),
        hints: Vec::new(),
        see: None,
    }
}

fn lesson(id: &str) -> Lesson {
    Lesson {
        id: id.to_string(),
        title: format!("Lesson {id}"),
        technical: Document::default(),
        eli5: None,
    }
}

fn step(id: &str) -> Step {
    Step {
        id: id.to_string(),
        title: id.to_string(),
        purpose: String::new(),
        file: None,
        command: None,
        expected: None,
        look_for: None,
    }
}

/// Topic `plugins`: questions q-a, q-b and interview item iv-a, lesson `plugins`, lab `lab-a`
/// (steps one, two). Topic `dns`: question q-c, lesson `dns`.
pub fn course() -> Course {
    Course {
        id: "test".into(),
        title: "Test course".into(),
        summary: String::new(),
        topics: vec![
            Topic {
                id: "plugins".into(),
                title: "Network plugins".into(),
                summary: String::new(),
                lessons: vec![lesson("plugins")],
                labs: vec![Lab {
                    id: "lab-a".into(),
                    title: "Lab A".into(),
                    kind: LabKind::HandsOn,
                    symptom: None,
                    intro: String::new(),
                    see: None,
                    steps: vec![step("one"), step("two")],
                }],
                questions: vec![question("q-a"), question("q-b")],
                interview: vec![interview_item("iv-a")],
                netpol: Vec::new(),
                debug: Vec::new(),
            },
            Topic {
                id: "dns".into(),
                title: "DNS".into(),
                summary: String::new(),
                lessons: vec![lesson("dns")],
                labs: Vec::new(),
                questions: vec![question("q-c")],
                interview: Vec::new(),
                netpol: Vec::new(),
                debug: Vec::new(),
            },
        ],
    }
}

/// A scenario of two predictions in the DNS topic (which has one question, q-c).
pub fn course_with_predictions() -> Course {
    use crate::content::{NetpolPort, NetpolProtocol, NetpolQuestion, NetpolScenario};
    let mut course = course();
    let prediction = |id: &str| NetpolQuestion {
        id: id.into(),
        from: "a/b".into(),
        to: "a/c".into(),
        port: NetpolPort::Number(80),
        protocol: NetpolProtocol::Tcp,
        progress_id: format!("netpol-s-{id}"),
    };
    course.topics[1].netpol.push(NetpolScenario {
        id: "netpol-s".into(),
        title: "S".into(),
        intro: "I".into(),
        engine: Default::default(),
        manifests: String::new(),
        questions: vec![prediction("one"), prediction("two")],
        origin: Default::default(),
    });
    course
}

/// The test course whose `plugins` lesson holds a comparison table (so table questions exist).
pub fn course_with_table() -> Course {
    let mut course = course();
    let (blocks, _) = crate::content::markdown::parse(
        "## Plugins\n\n| Feature | Kubenet | Azure CNI |\n|---|---|---|\n| Pod IP source | NAT bridge | VNet subnet |\n| Windows node pools | No | Yes |\n",
    );
    course.topics[0].lessons[0].technical.blocks = blocks;
    course
}
