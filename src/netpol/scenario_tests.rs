//! Every built-in scenario loads with the course, its manifests parse, and the evaluator gives the
//! answers the scenario was written to teach.

use super::{ScenarioError, answer, answer_course};
use crate::content::{self, Course, CourseDir, EmbeddedCourse, NetpolScenario, ScenarioOrigin};
use crate::netpol::eval::Engine;
use crate::netpol::evaluate;

/// The answers each scenario teaches, in question order (true: allowed).
const EXPECTED: &[(&str, &[bool])] = &[
    // Deny-all: nothing gets into production, not even from production; egress is untouched.
    ("netpol-deny-all-ingress", &[false, false, true]),
    // Scenario 3 before the fix: the deny-all blocks frontend and backend's own calls alike.
    ("netpol-debug-frontend-backend", &[false, false, true]),
    // The fix: only frontend, only 8080, only app=api.
    ("netpol-allow-frontend", &[true, false, false, false, false]),
    // frontend reaches the API but cannot resolve names; shop resolves but reaches nothing else.
    ("netpol-egress-dns", &[true, false, true, true, false]),
    // Cilium: ipBlocks select no pods, the namespaceSelector still works; unselected egress is open.
    ("netpol-cilium-ipblock", &[false, true, true]),
    // Additive: each policy opens its own path; worker is selected by neither, so it is open.
    ("netpol-additive", &[true, true, false, false, true]),
];

fn built_in() -> Course {
    content::load(&EmbeddedCourse).expect("the built-in course loads")
}

#[test]
fn every_built_in_scenario_gives_the_answers_it_teaches() {
    let course = built_in();
    let answered = answer_course(&course).expect("all scenarios load and evaluate");
    let scenarios: Vec<&NetpolScenario> = course.netpol_scenarios().collect();
    assert_eq!(answered.len(), EXPECTED.len());
    for ((scenario, answers), (id, expected)) in scenarios.iter().zip(&answered).zip(EXPECTED) {
        assert_eq!(scenario.id, *id);
        let got: Vec<bool> = answers.verdicts.iter().map(|v| v.allowed()).collect();
        assert_eq!(got, *expected, "{id}");
        for verdict in &answers.verdicts {
            assert!(
                verdict.explanation().len() >= 3,
                "{id}: every answer is explained"
            );
        }
    }
}

#[test]
fn the_scenarios_belong_to_the_network_policies_topic_with_stable_prediction_ids() {
    let course = built_in();
    let topic = course
        .topics
        .iter()
        .find(|t| t.id == "network-policies")
        .expect("the topic");
    assert_eq!(topic.netpol.len(), EXPECTED.len());
    let first = &topic.netpol[0].questions[0];
    assert_eq!(first.progress_id, "netpol-deny-all-ingress-tester-to-web");
    let mut ids: Vec<&str> = course
        .netpol_questions()
        .map(|q| q.progress_id.as_str())
        .collect();
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count, "prediction ids are unique");
}

#[test]
fn the_cilium_scenario_flips_on_a_standard_engine() {
    let course = built_in();
    let cilium = course
        .netpol_scenarios()
        .find(|s| s.engine == content::NetpolEngine::Cilium)
        .expect("a Cilium scenario");
    let answered = answer(cilium).expect("answers");
    let first = super::connection(&cilium.questions[0]).expect("a connection");
    let standard =
        evaluate(&answered.manifests.cluster, Engine::Standard, &first).expect("evaluates");
    assert!(
        standard.allowed(),
        "on Calico the pod CIDR ipBlock lets web in"
    );
    let notes = answered.verdicts[0].egress.notes(Engine::Cilium).join(" ");
    assert!(notes.contains("never selects pod"), "{notes}");
}

#[test]
fn scenarios_load_from_a_folder_the_same_way() {
    let dir = CourseDir::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/content/networking-in-aks"
    ));
    let course = content::load(&dir).expect("loads from disk");
    let first = course.netpol_scenarios().next().expect("a scenario");
    assert!(
        first.origin.path.ends_with("netpol/deny-all-ingress.ron"),
        "{}",
        first.origin.path
    );
    assert!(answer(first).is_ok());
}

fn scenario(manifests: &str, manifests_at: Option<(usize, usize)>) -> NetpolScenario {
    NetpolScenario {
        id: "x".into(),
        title: "t".into(),
        intro: "i".into(),
        engine: content::NetpolEngine::Standard,
        manifests: manifests.into(),
        questions: vec![content::NetpolQuestion {
            id: "q".into(),
            from: "n/a".into(),
            to: "n/zz".into(),
            port: content::NetpolPort::Number(80),
            protocol: content::NetpolProtocol::Tcp,
            progress_id: "x-q".into(),
        }],
        origin: ScenarioOrigin {
            path: "s.ron".into(),
            manifests_at,
        },
    }
}

#[test]
fn bad_manifests_are_reported_at_the_scenario_files_own_line() {
    // The manifests start on line 5 of the file, column 20: line 4 of the YAML is line 8 there.
    let broken = scenario("\nkind: Pod\nmetadata:\n  name: [a\n", Some((5, 20)));
    let error = answer(&broken).expect_err("the YAML is broken");
    assert!(matches!(error, ScenarioError::Manifests(_)));
    assert!(error.to_string().starts_with("s.ron:8:"), "{error}");
}

#[test]
fn a_question_about_an_unknown_pod_is_reported_with_its_number_and_id() {
    let unknown = scenario("kind: Pod\nmetadata: {name: a, namespace: n}\n", None);
    let error = answer(&unknown).expect_err("unknown pod");
    assert_eq!(
        error.to_string(),
        "s.ron: question 1 (q) of scenario x: no pod or workload n/zz in the manifests"
    );
}
