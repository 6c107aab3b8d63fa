//! Fuzzing, proptest style, of every parser that reads what a user or author writes: the content
//! loader, the markdown converter, the progress file, the CIDR and plan arguments, and Kubernetes
//! manifests. Each input starts from a committed corpus (the course, the fixtures and
//! `tests/fuzz_corpus/`) and is mutated: tokens of the format inserted, ranges deleted or
//! repeated, characters swapped, the end cut off. Every corpus file is also replayed unmutated.
//!
//! `cargo test` runs a few hundred cases per target so it stays quick; `FUZZ_CASES=100000 cargo
//! test --release --test fuzz_parsers` runs at scale. A failing case is saved by proptest in
//! `tests/fuzz_parsers.proptest-regressions` (commit it) and becomes a named test below.

#[path = "fuzz/mutate.rs"]
mod mutate;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use aks_tutor::commands::plan::{parse_cidr_arg, parse_ip_arg, parse_max_pods, parse_surge};
use aks_tutor::content::{self, CourseSource, markdown};
use aks_tutor::netpol::manifest::parse_sources;
use aks_tutor::progress::file::{Parsed, parse as parse_progress, to_ron};
use aks_tutor::sizing::cidr::parse_cidr;
use mutate::{corpus, mutated, mutations};
use proptest::prelude::*;

fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default);
    ProptestConfig::with_cases(cases)
}

const RON_TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "r#\"",
    "\"#",
    "\\u{1b}",
    "\\",
    "Some(",
    "None",
    "0",
    "-1",
    "1e309",
    "NaN",
    "18446744073709551616",
    "true",
    "id: \"x\"",
    "//",
    "/*",
    "\n",
    "é",
    "\u{0}",
];
const MARKDOWN_TOKENS: &[&str] = &[
    "|",
    "\n|---|---|\n",
    "| a | b |\n",
    "```",
    "```yaml\n",
    "~~~",
    "> ",
    ">",
    ">>>>>>>>>>>>>>>>>>>>",
    "- ",
    "- - - - - - - - - - - - - - - - - - ",
    "![![![![![![![![![![![![![![![![![![",
    "1. ",
    "99999999999999999999. ",
    "&#27;",
    "&#x9b;",
    "&amp;",
    "<div>",
    "</div>",
    "\t",
    "    ",
    "# ",
    "###### ",
    "**",
    "*",
    "_",
    "~~",
    "`",
    "[x] ",
    "[link](",
    ")",
    "![img](a.png)",
    "\n\n",
    "\\",
    "> **Correction:** ",
    "---\n",
    "界",
    "\u{200d}",
];
const YAML_TOKENS: &[&str] = &[
    "---\n",
    "kind: NetworkPolicy\n",
    "kind: Pod\n",
    "kind: Namespace\n",
    "metadata:\n",
    "  name: x\n",
    "  namespace: ",
    "spec:\n",
    "  podSelector: {}\n",
    "  - ",
    "- ",
    ":",
    "{",
    "}",
    "[",
    "]",
    "&a ",
    "*a",
    "!!str ",
    "|\n",
    ">\n",
    "\"",
    "'",
    "#",
    "\t",
    "ports:\n",
    "port: 99999",
    "ipBlock:\n",
    "cidr: 10.0.0.0/33",
    "matchExpressions:\n",
    "operator: In\n",
    "\n",
];
const CIDR_TOKENS: &[&str] = &[
    ".",
    "/",
    "0",
    "1",
    "255",
    "256",
    "32",
    "33",
    "-",
    " ",
    "%",
    "10.0.0.0",
    "::1",
    "0x10",
    "+",
    "4294967296",
    "\u{0}",
    "١",
];

type Corpus = LazyLock<Vec<(PathBuf, String)>>;

static COURSE_FILES: LazyLock<Vec<(String, String)>> = LazyLock::new(fixture_course);
static MARKDOWN: Corpus = LazyLock::new(|| {
    let roots = ["content", "tests/fixtures", "tests/fuzz_corpus/markdown"];
    corpus(&roots.map(root).each_ref().map(PathBuf::as_path), &["md"])
});
static PROGRESS: Corpus = LazyLock::new(|| {
    let roots = ["tests/fixtures/progress", "tests/fuzz_corpus/progress"];
    corpus(&roots.map(root).each_ref().map(PathBuf::as_path), &["ron"])
});
static MANIFESTS: Corpus = LazyLock::new(|| {
    let roots = ["tests/fixtures/netpol", "tests/fuzz_corpus/manifest"];
    corpus(&roots.map(root).each_ref().map(PathBuf::as_path), &["yaml"])
});
/// Plan arguments, one a line.
static ARGUMENTS: LazyLock<Vec<String>> = LazyLock::new(|| {
    corpus(&[root("tests/fuzz_corpus/plan").as_path()], &["txt"])
        .iter()
        .flat_map(|(_, text)| text.lines().map(str::to_string).collect::<Vec<_>>())
        .collect()
});

/// A course held in memory, so one file can be swapped for a mutant.
struct MemoryCourse(HashMap<String, String>);

impl CourseSource for MemoryCourse {
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

/// The fixture course, file by file, keyed by path relative to it.
fn fixture_course() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid-course");
    corpus(&[root.as_path()], &["ron", "md"])
        .into_iter()
        .map(|(path, text)| {
            let relative = path.strip_prefix(&root).expect("inside").to_string_lossy();
            (relative.replace('\\', "/"), text)
        })
        .collect()
}

/// Loads the fixture course with file `which` replaced by `text`; a course with problems must
/// say what they are, each in a file of the course.
fn load_with(files: &[(String, String)], which: usize, text: String) {
    let mut map: HashMap<String, String> = files.iter().cloned().collect();
    map.insert(files[which].0.clone(), text);
    if let Err(problems) = content::load(&MemoryCourse(map)) {
        assert!(!problems.0.is_empty(), "an error without a problem");
        for problem in &problems.0 {
            assert!(problem.path.starts_with("memory/"), "{problem:?}");
            assert!(!problem.message.is_empty(), "{problem:?}");
            assert!(
                problem
                    .position
                    .is_none_or(|(line, col)| line >= 1 && col >= 1)
            );
        }
        assert!(!problems.to_string().is_empty());
    }
}

fn check_markdown(source: &str) {
    let (blocks, issues) = markdown::parse(source);
    // Whatever the nesting of the source, the blocks stay shallow enough to recurse over.
    assert!(nesting(&blocks) <= markdown::MAX_NESTING);
    for issue in issues {
        assert!(
            source.is_char_boundary(issue.offset),
            "issue offset {} is not a character boundary of the source: {issue:?}",
            issue.offset
        );
    }
}

/// How deeply quotes and lists nest in `blocks`.
fn nesting(blocks: &[markdown::Block]) -> usize {
    blocks
        .iter()
        .map(|block| match block {
            markdown::Block::Quote { blocks, .. } => 1 + nesting(blocks),
            markdown::Block::List { items, .. } => {
                1 + items.iter().map(|item| nesting(item)).max().unwrap_or(0)
            }
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}

/// A progress file either parses and saves back to a file that parses the same, or is reported.
fn check_progress(bytes: &[u8]) {
    match parse_progress(bytes) {
        Parsed::Progress(progress) => {
            let saved = to_ron(&progress).expect("a parsed progress can be saved");
            let Parsed::Progress(again) = parse_progress(saved.as_bytes()) else {
                panic!("a saved progress file does not read back:\n{saved}");
            };
            assert_eq!(to_ron(&again).expect("saved twice"), saved);
        }
        Parsed::Newer(version) => assert!(version > 1),
        Parsed::Damaged(reason) => assert!(!reason.is_empty()),
    }
}

/// The argument parsers: a CIDR that parses prints as something that parses to the same.
fn check_plan_arguments(text: &str) {
    if let Ok(net) = parse_cidr(text) {
        assert_eq!(parse_cidr(&net.to_string()), Ok(net));
    }
    assert_eq!(parse_cidr_arg(text).is_ok(), parse_cidr(text).is_ok());
    let _ = parse_ip_arg(text);
    let _ = parse_max_pods(text);
    if let Ok(surge) = parse_surge(text) {
        assert_eq!(parse_surge(&surge.to_string()), Ok(surge));
    }
}

fn check_manifest(text: &str) {
    match parse_sources([("fuzz.yaml", text)]) {
        Ok(_) => {}
        Err(errors) => assert!(!errors.to_string().is_empty()),
    }
}

fn root(relative: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

#[test]
fn the_whole_corpus_replays_without_a_panic() {
    for (index, (_, text)) in COURSE_FILES.iter().enumerate() {
        load_with(&COURSE_FILES, index, text.clone());
    }
    assert!(MARKDOWN.len() > 20 && PROGRESS.len() > 5 && MANIFESTS.len() > 5);
    assert!(ARGUMENTS.len() > 20);
    MARKDOWN.iter().for_each(|(_, text)| check_markdown(text));
    PROGRESS
        .iter()
        .for_each(|(_, text)| check_progress(text.as_bytes()));
    MANIFESTS.iter().for_each(|(_, text)| check_manifest(text));
    ARGUMENTS.iter().for_each(|line| check_plan_arguments(line));
}

/// Tokens for the loader's mutants: its files are RON and markdown.
static COURSE_TOKENS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| RON_TOKENS.iter().chain(MARKDOWN_TOKENS).copied().collect());

proptest! {
    #![proptest_config(cases(500))]

    #[test]
    fn the_loader_reports_any_mutated_course_file(
        which in any::<prop::sample::Index>(),
        edits in mutations(COURSE_TOKENS.as_slice()),
    ) {
        let which = which.index(COURSE_FILES.len());
        load_with(&COURSE_FILES, which, mutated(&COURSE_FILES[which].1, &edits));
    }
}

proptest! {
    #![proptest_config(cases(1500))]

    #[test]
    fn markdown_converts_any_mutated_lesson(
        which in any::<prop::sample::Index>(),
        edits in mutations(MARKDOWN_TOKENS),
    ) {
        check_markdown(&mutated(&MARKDOWN[which.index(MARKDOWN.len())].1, &edits));
    }

    #[test]
    fn any_mutated_progress_file_reads_back_or_is_reported(
        which in any::<prop::sample::Index>(),
        edits in mutations(RON_TOKENS),
    ) {
        check_progress(mutated(&PROGRESS[which.index(PROGRESS.len())].1, &edits).as_bytes());
    }

    #[test]
    fn any_bytes_are_a_progress_file_or_reported(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        check_progress(&bytes);
    }

    #[test]
    fn plan_arguments_parse_or_are_refused(
        which in any::<prop::sample::Index>(),
        edits in mutations(CIDR_TOKENS),
    ) {
        check_plan_arguments(&mutated(&ARGUMENTS[which.index(ARGUMENTS.len())], &edits));
    }

    #[test]
    fn manifests_parse_or_are_reported(
        which in any::<prop::sample::Index>(),
        edits in mutations(YAML_TOKENS),
    ) {
        check_manifest(&mutated(&MANIFESTS[which.index(MANIFESTS.len())].1, &edits));
    }
}
