//! Corpus-driven mutation for the parser fuzz tests: the edits a fuzzer makes (insert a token of
//! the format, delete or repeat a range, swap two characters, cut the end), as proptest values so
//! a failure shrinks to the fewest, smallest edits.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use proptest::sample::Index;

#[derive(Debug, Clone)]
pub enum Mutation {
    Insert { at: Index, token: String },
    Delete { at: Index, len: usize },
    Repeat { at: Index, len: usize },
    Swap { a: Index, b: Index },
    Truncate { at: Index },
}

/// One to eight edits, inserting tokens from `tokens` (or any character).
pub fn mutations(tokens: &'static [&'static str]) -> impl Strategy<Value = Vec<Mutation>> {
    let token = prop_oneof![
        4 => prop::sample::select(tokens).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ];
    let mutation = prop_oneof![
        4 => (any::<Index>(), token).prop_map(|(at, token)| Mutation::Insert { at, token }),
        2 => (any::<Index>(), 1usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        1 => (any::<Index>(), 1usize..80).prop_map(|(at, len)| Mutation::Repeat { at, len }),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::Swap { a, b }),
        1 => any::<Index>().prop_map(|at| Mutation::Truncate { at }),
    ];
    prop::collection::vec(mutation, 1..8)
}

/// `text` with the edits applied in order; edits work on characters, so the result is valid UTF-8.
pub fn mutated(text: &str, edits: &[Mutation]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for edit in edits {
        let spot = |at: &Index, chars: &Vec<char>| at.index(chars.len() + 1);
        match edit {
            Mutation::Insert { at, token } => {
                let at = spot(at, &chars);
                chars.splice(at..at, token.chars());
            }
            Mutation::Delete { at, len } => {
                let at = spot(at, &chars);
                let end = (at + len).min(chars.len());
                chars.drain(at..end);
            }
            Mutation::Repeat { at, len } => {
                let at = spot(at, &chars);
                let end = (at + len).min(chars.len());
                let copy: Vec<char> = chars[at..end].to_vec();
                chars.splice(end..end, copy);
            }
            Mutation::Swap { a, b } if !chars.is_empty() => {
                let (a, b) = (a.index(chars.len()), b.index(chars.len()));
                chars.swap(a, b);
            }
            Mutation::Swap { .. } => {}
            Mutation::Truncate { at } => {
                let at = spot(at, &chars);
                chars.truncate(at);
            }
        }
    }
    chars.into_iter().collect()
}

/// Every file under `roots` (recursively) whose extension is one of `extensions`, sorted by path
/// so case numbers are stable.
pub fn corpus(roots: &[&Path], extensions: &[&str]) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    for root in roots {
        collect(root, extensions, &mut files);
    }
    files.sort();
    files
}

fn collect(dir: &Path, extensions: &[&str], files: &mut Vec<(PathBuf, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, extensions, files);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.contains(&e))
        {
            let text = std::fs::read_to_string(&path).expect("a corpus file is UTF-8 text");
            files.push((path, text));
        }
    }
}
