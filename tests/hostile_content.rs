//! A content folder full of escape sequences and control characters renders inert: written raw
//! into the files, as RON string escapes (`\u{1b}`) and as markdown character references
//! (`&#27;`), in every kind of text a screen shows. Every screen is drawn and no cell may hold a
//! control character, so nothing from content can move the cursor, retitle or clear the terminal.

#[path = "common/tour.rs"]
mod tour;

use std::path::Path;

use aks_tutor::content::{self, Course, CourseDir};
use tour::{SCREENS, app_showing};

/// What an attacker would write: clear the screen, retitle the terminal, an 8-bit CSI, a bell, a
/// carriage return and backspace to overwrite text, and a right-to-left override.
const RAW: &str = "\u{1b}[2J\u{1b}]0;pwned\u{7}\u{9b}31m\r\u{8}\u{202e}";
/// The same, as escapes inside a RON string: the RON parser turns them into the characters.
const RON_ESCAPED: &str = r"\u{1b}[2J\u{1b}]0;pwned\u{7}\u{9b}31m\r\u{8}\u{202e}\x1b[5m";
/// The same, as markdown character references, which the markdown parser decodes.
const ENTITIES: &str = "&#27;[2J&#x1b;]0;pwned&#7;&#x9b;31m&#13;&#8;&#x202e;";

/// Every quoted prose string of a RON file gets both payloads just before its closing quote, and
/// every raw string the raw payload. Ids, `see` references and CIDR answers stay clean, as the
/// course must still load. The fixture's strings hold no quote or escape that this would split.
fn poison_ron(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut in_string = false;
    let mut keep_clean = false;
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch == 'r' && chars.peek() == Some(&'#') && !in_string {
            // A raw string: copy it unchanged up to its closing `"#`, then add the raw payload
            // (raw strings take no escapes) just inside it.
            out.push(ch);
            let mut raw = String::new();
            for next in chars.by_ref() {
                raw.push(next);
                if raw.len() > 2 && raw.ends_with("\"#") {
                    break;
                }
            }
            out.push_str(&raw[..raw.len() - 2]);
            out.push_str(RAW);
            out.push_str("\"#");
            continue;
        }
        if ch == '"' {
            if in_string && !keep_clean {
                out.push_str(RAW);
                out.push_str(RON_ESCAPED);
            }
            if !in_string {
                let before = out.trim_end();
                // Checked fields stay valid for the course to load (a netpol scenario's pods
                // and port names are checked like ids, a debug scenario's cause and fix names
                // too).
                keep_clean = [
                    "id:",
                    "see:",
                    "answer:",
                    "from:",
                    "to:",
                    "port:",
                    "fix:",
                    "causes: [",
                ]
                .iter()
                .any(|f| before.ends_with(f));
            }
            in_string = !in_string;
        }
        out.push(ch);
    }
    out
}

/// Ids, file names and `see` references must stay valid for the course to load, so only prose
/// fields are poisoned in course.ron: titles and summaries.
fn poison_course_file(text: &str) -> String {
    text.lines()
        .map(|line| {
            let mut line = line.to_string();
            for field in ["title: \"", "summary: \""] {
                line = line.replace(field, &format!("{field}{RON_ESCAPED}{RAW}"));
            }
            line + "\n"
        })
        .collect()
}

/// Prose, list items, quotes and table cells get both payloads; code gets the raw one (markdown
/// does not decode references in code). Headings are left alone: their text makes the anchors
/// that `see` references point at.
fn poison_markdown(text: &str) -> String {
    let mut in_code = false;
    let mut out = String::new();
    for line in text.lines() {
        let poisoned = if line.starts_with("```") {
            in_code = !in_code;
            line.to_string()
        } else if in_code {
            format!("{line}{RAW}")
        } else if line.is_empty() || line.starts_with('#') || line.starts_with("|--") {
            line.to_string()
        } else if line.starts_with('|') {
            line.replacen("| ", &format!("| {ENTITIES}{RAW} "), 1)
        } else {
            format!("{line} {RAW}{ENTITIES}")
        };
        out.push_str(&poisoned);
        out.push('\n');
    }
    out
}

/// The fixture course with every file poisoned.
fn hostile_course(dir: &Path) -> Course {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid-course");
    for entry in walk(&fixture) {
        let relative = entry.strip_prefix(&fixture).expect("inside the fixture");
        let text = std::fs::read_to_string(&entry).expect("a text file");
        let poisoned = match (
            relative.to_str(),
            entry.extension().and_then(|e| e.to_str()),
        ) {
            (Some("course.ron"), _) => poison_course_file(&text),
            (_, Some("ron")) => poison_ron(&text),
            _ => poison_markdown(&text),
        };
        let target = dir.join(relative);
        std::fs::create_dir_all(target.parent().expect("a folder")).expect("create");
        std::fs::write(target, poisoned).expect("write");
    }
    content::load(&CourseDir::new(dir)).unwrap_or_else(|problems| panic!("{problems}"))
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read the fixture") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// Control characters (C0, DEL, C1) and the bidirectional overrides.
fn is_dangerous(ch: char) -> bool {
    ch.is_control() || matches!(ch, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[test]
fn the_payloads_survive_parsing_before_sanitizing() {
    // Guards the test itself: the payloads must reach the parsers as the characters they mean.
    let ron: String = ron::from_str(&format!("\"{RON_ESCAPED}\"")).expect("a RON string");
    assert!(ron.contains('\u{1b}') && ron.contains('\u{9b}') && ron.contains('\u{8}'));
    let (blocks, _) = content::markdown::parse("&#27;[2J and &#x9b;");
    let debug = format!("{blocks:?}");
    assert!(
        debug.contains(r"\u{1b}") && debug.contains(r"\u{9b}"),
        "{debug}"
    );
}

#[test]
fn hostile_content_loads_and_every_screen_draws_it_inert() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let course = hostile_course(dir.path());
    assert_eq!(
        course.title, "Fixture Course",
        "whole sequences go, not just their ESC"
    );
    for name in SCREENS {
        for (width, height) in [(100, 30), (50, 12)] {
            let app = app_showing(name, &course, width, height);
            let terminal = tour::draw(&app);
            for (index, cell) in terminal.backend().buffer().content.iter().enumerate() {
                assert!(
                    !cell.symbol().chars().any(is_dangerous),
                    "{name} at {width}x{height}: cell {index} holds {:?}",
                    cell.symbol()
                );
            }
        }
    }
}

#[test]
fn no_string_of_the_loaded_course_holds_a_control_character() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let course = hostile_course(dir.path());
    // Debug formatting escapes control characters as `\u{..}`, so look for those escapes.
    let debug = format!("{course:?}");
    for escaped in [r"\u{1b}", r"\u{9b}", r"\u{7}", r"\u{8}", r"\r", r"\u{202e}"] {
        assert!(!debug.contains(escaped), "the course still holds {escaped}");
    }
}

/// The tutor shows commands and never runs them (F3): no source file of the program may start a
/// process or replace itself with one. Tests and benchmarks, which drive the binary, are outside
/// `src/`.
#[test]
fn no_code_in_src_can_run_a_command() {
    let forbidden = [
        "process::Command",
        "Command::new(",
        "CommandExt",
        // Command::spawn takes no argument; a thread's spawn takes a closure.
        ".spawn()",
        "process::Child",
        "libc::exec",
        "libc::system",
        "posix_spawn",
    ];
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = walk(&src);
    assert!(files.len() > 50, "found only {} source files", files.len());
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a source file");
        for needle in forbidden {
            assert!(
                !text.contains(needle),
                "{} contains {needle}: the tutor must never execute anything",
                file.display()
            );
        }
    }
}
