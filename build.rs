//! Embeds the course under `content/networking-in-aks/` into the binary, so that it runs from any
//! directory with no files beside it, with its outline (`course.ron`'s titles, summaries and
//! counts) ready as data: home's first frame shows it before anything is parsed at start-up.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

const COURSE_DIR: &str = "content/networking-in-aks";

fn main() {
    println!("cargo:rerun-if-changed={COURSE_DIR}");
    println!("cargo:rerun-if-changed=src/content/outline_file.rs");
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let root = manifest_dir.join(COURSE_DIR);
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();

    let mut code = format!("pub static ROOT: &str = {COURSE_DIR:?};\n");
    writeln!(
        code,
        "pub static FINGERPRINT: &str = \"{}-{:016x}\";",
        env::var("CARGO_PKG_VERSION").expect("set by cargo"),
        fingerprint(&files)
    )
    .expect("write to a String");
    code.push_str("pub static FILES: &[(&str, &str)] = &[\n");
    for (relative, absolute) in &files {
        writeln!(code, "    ({relative:?}, include_str!({absolute:?})),")
            .expect("write to a String");
    }
    code.push_str("];\n");
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("set by cargo"));
    write(&out_dir.join("embedded_course.rs"), &code);
    write(&out_dir.join("embedded_index.rs"), &index_code(&root));
}

fn write(path: &Path, code: &str) {
    fs::write(path, code).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

// The serde structs `content::read_index` reads `course.ron` with, shared with it.
include!("src/content/outline_file.rs");

/// `BUILT_INDEX`: the outline as Rust data, or `None` when `course.ron` cannot be read (the tests
/// and the loader at run time say what is wrong with it; the build does not fail over content).
fn index_code(root: &Path) -> String {
    let text = fs::read_to_string(root.join("course.ron")).unwrap_or_default();
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let Ok(file) = options.from_str::<IndexFile>(&text) else {
        return "static BUILT_INDEX: Option<BuiltIndex> = None;\n".to_string();
    };
    let mut code = format!(
        "static BUILT_INDEX: Option<BuiltIndex> = Some(BuiltIndex {{\n    format_version: {},\n    title: {:?},\n    summary: {:?},\n    topics: &[\n",
        file.format_version, file.title, file.summary
    );
    for topic in &file.topics {
        let lessons: Vec<&str> = topic.lessons.iter().map(|l| l.id.as_str()).collect();
        writeln!(
            code,
            "        BuiltTopic {{ id: {:?}, title: {:?}, summary: {:?}, lesson_ids: &{lessons:?}, labs: {}, has_items: {} }},",
            topic.id,
            topic.title,
            topic.summary,
            topic.labs.len(),
            topic.has_items()
        )
        .expect("write to a String");
    }
    code.push_str("    ],\n});\n");
    code
}

/// Names the course's exact text (FNV-1a over every file's path and bytes, in order), so that what
/// the tutor keeps about this course (home as the learner left it) is never read by a build of
/// another course.
fn fingerprint(files: &[(String, String)]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (relative, absolute) in files {
        let bytes = fs::read(absolute).unwrap_or_else(|e| panic!("cannot read {absolute}: {e}"));
        for byte in relative.bytes().chain([0]).chain(bytes).chain([0]) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
    let entries =
        fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
            .path();
        if path.is_dir() {
            collect(root, &path, files);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("ron" | "md")
        ) {
            let relative = path.strip_prefix(root).expect("walked from root");
            let relative = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            files.push((relative, path.display().to_string()));
        }
    }
}
