//! The direction of imports, kept by a test: `cli` → `tui` → `app` → `screens` → `input` / `ui`
//! (the drawing kit) / the engines. A file that imports against it fails here with its name.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// Files under `src/<folder>` whose code names one of `forbidden` (`crate::app`, ...).
fn offenders(folder: &str, forbidden: &[&str]) -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let root = src.join(folder);
    let files = if root.is_dir() {
        rust_files(&root)
    } else {
        vec![root.with_extension("rs")]
    };
    files
        .into_iter()
        .filter_map(|path| {
            let text = std::fs::read_to_string(&path).expect("a source file");
            let hits: Vec<&str> = forbidden
                .iter()
                .copied()
                .filter(|module| {
                    text.lines()
                        .filter(|line| !line.trim_start().starts_with("//"))
                        .any(|line| {
                            line.contains(&format!("{module}::"))
                                || line.contains(&format!("{module};"))
                        })
                })
                .collect();
            (!hits.is_empty()).then(|| format!("{} imports {hits:?}", path.display()))
        })
        .collect()
}

#[test]
fn only_the_runtime_and_the_command_line_reach_the_app() {
    for folder in [
        "screens", "input", "ui", "content", "quiz", "sizing", "netpol", "progress", "commands",
        "inert", "files", "paths",
    ] {
        let found = offenders(folder, &["crate::app", "crate::tui", "crate::cli"]);
        assert!(found.is_empty(), "{found:#?}");
    }
}

#[test]
fn the_kit_input_and_engines_import_no_screen() {
    for folder in [
        "input", "ui", "content", "quiz", "sizing", "netpol", "progress", "commands", "inert",
        "files", "paths", "session",
    ] {
        let found = offenders(folder, &["crate::screens"]);
        assert!(found.is_empty(), "{found:#?}");
    }
}

#[test]
fn engines_know_nothing_of_the_terminal() {
    for folder in [
        "content", "quiz", "sizing", "netpol", "progress", "commands", "inert", "files", "session",
    ] {
        let found = offenders(
            folder,
            &["ratatui", "crossterm", "crate::ui", "crate::input"],
        );
        assert!(found.is_empty(), "{found:#?}");
    }
}

/// A module is found where its name says: `#[path]` only brings in a module's unit tests.
#[test]
fn no_path_attribute_outside_test_modules() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for path in rust_files(&src) {
        let text = std::fs::read_to_string(&path).expect("a source file");
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if line.trim_start().starts_with("#[path") {
                let after_cfg_test = i > 0 && lines[i - 1].trim() == "#[cfg(test)]";
                // `mod tests;`, `mod id_tests;`: a module of unit tests.
                let test_module = lines.get(i + 1).is_some_and(|next| {
                    let next = next.trim();
                    next.starts_with("mod ") && next.ends_with("tests;")
                });
                if !(after_cfg_test && test_module) {
                    found.push(format!("{}:{}", path.display(), i + 1));
                }
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

/// Everything printed goes through the one inert-text gate (`say!`, `tell!` and the functions
/// in `src/inert/`): a raw `println!` outside it is how an escape sequence from a manifest or a
/// progress file would reach the terminal. Unit-test files may print what they like.
#[test]
fn nothing_prints_around_the_inert_gate() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let gate = src.join("inert");
    let mut found = Vec::new();
    for path in rust_files(&src) {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if path.starts_with(&gate) || name.ends_with("_tests.rs") || name == "tests.rs" {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a source file");
        // Unit tests inline in a module come after its `mod tests` line.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (i, line) in code.lines().enumerate() {
            let line = line.trim_start();
            if line.starts_with("//") {
                continue;
            }
            for raw in ["println!", "eprintln!", "print!(", "eprint!("] {
                if line.contains(raw) {
                    found.push(format!("{}:{}: {line}", path.display(), i + 1));
                }
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}
