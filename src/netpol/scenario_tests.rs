//! Every built-in scenario parses, its manifests load, and the evaluator gives the answers the
//! scenario was written to teach.

use super::{NetpolScenario, SCENARIO_FILES, ScenarioError, answer_all, answer_from};
use crate::content::{CourseDir, EmbeddedCourse};
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

#[test]
fn every_built_in_scenario_gives_the_answers_it_teaches() {
    let answered = answer_all(&EmbeddedCourse).expect("all scenarios load and evaluate");
    assert_eq!(answered.len(), SCENARIO_FILES.len());
    assert_eq!(answered.len(), EXPECTED.len());
    for (scenario, (id, expected)) in answered.iter().zip(EXPECTED) {
        assert_eq!(scenario.scenario.id, *id);
        let got: Vec<bool> = scenario.verdicts.iter().map(|v| v.allowed()).collect();
        assert_eq!(got, *expected, "{id}");
        for verdict in &scenario.verdicts {
            assert!(
                verdict.explanation().len() >= 3,
                "{id}: every answer is explained"
            );
        }
    }
}

#[test]
fn scenario_ids_are_unique_and_the_cilium_one_flips_on_a_standard_engine() {
    let answered = answer_all(&EmbeddedCourse).expect("all scenarios load");
    let mut ids: Vec<&str> = answered.iter().map(|a| a.scenario.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), answered.len());
    let cilium = answered
        .iter()
        .find(|a| a.scenario.engine == Engine::Cilium)
        .expect("a Cilium scenario");
    let first = &cilium.scenario.questions[0];
    let standard = evaluate(&cilium.manifests.cluster, Engine::Standard, first).expect("evaluates");
    assert!(
        standard.allowed(),
        "on Calico the pod CIDR ipBlock lets web in"
    );
    let notes = cilium.verdicts[0].egress.notes(Engine::Cilium).join(" ");
    assert!(notes.contains("never selects pod"), "{notes}");
}

#[test]
fn scenarios_load_from_a_folder_the_same_way() {
    let dir = CourseDir::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/content/networking-in-aks"
    ));
    let from_disk = answer_from(&dir, SCENARIO_FILES[0]).expect("loads from disk");
    assert_eq!(from_disk.scenario.id, "netpol-deny-all-ingress");
}

#[test]
fn bad_ron_and_bad_manifests_name_the_file_and_line() {
    let error = NetpolScenario::from_ron_str("NetpolScenario(id: 3)", "s.ron").expect_err("bad");
    assert!(error.to_string().starts_with("s.ron:1:"), "{error}");

    let text = "NetpolScenario(\n    id: \"x\",\n    title: \"t\",\n    intro: \"i\",\n    manifests: r#\"\nkind: Pod\nmetadata:\n  name: [a\n\"#,\n    questions: [Connection(from: \"a/b\", to: \"a/c\", port: 80)],\n)\n";
    let scenario = NetpolScenario::from_ron_str(text, "s.ron").expect("RON is fine");
    let error = scenario
        .answer("s.ron", Some(text))
        .expect_err("manifests are not");
    assert!(matches!(error, ScenarioError::Manifests(_)));
    assert!(error.to_string().starts_with("s.ron:8:"), "{error}");
}

#[test]
fn a_question_about_an_unknown_pod_is_reported_with_its_number() {
    let text = "NetpolScenario(id: \"x\", title: \"t\", intro: \"i\", manifests: \"kind: Pod\\nmetadata: {name: a, namespace: n}\\n\", questions: [Connection(from: \"n/a\", to: \"n/zz\", port: 80)])";
    let scenario = NetpolScenario::from_ron_str(text, "s.ron").expect("parses");
    let error = scenario.answer("s.ron", None).expect_err("unknown pod");
    assert_eq!(
        error.to_string(),
        "s.ron: question 1 of scenario x: no pod n/zz in the manifests"
    );
}
