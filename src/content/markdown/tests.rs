use super::*;

fn blocks(source: &str) -> Vec<Block> {
    let (blocks, issues) = parse(source);
    assert!(issues.is_empty(), "unexpected issues: {issues:?}");
    blocks
}

fn one(source: &str) -> Block {
    let mut got = blocks(source);
    assert_eq!(got.len(), 1, "expected one block: {got:?}");
    got.remove(0)
}

fn text(s: &str) -> Inline {
    Inline {
        text: s.into(),
        style: InlineStyle::default(),
    }
}

#[test]
fn a_table_becomes_header_rows_and_cells() {
    let source = "| Feature | Kubenet | Azure CNI |\n|---|:-:|--:|\n| Pod IP source | NAT'd bridge | VNet subnet |\n| Windows | No | Yes |\n";
    let Block::Table(table) = one(source) else {
        panic!("not one table")
    };
    assert_eq!(
        table.alignments,
        vec![Align::Left, Align::Center, Align::Right]
    );
    let header: Vec<String> = table.header.iter().map(Cell::text).collect();
    assert_eq!(header, ["Feature", "Kubenet", "Azure CNI"]);
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|r| r.iter().map(Cell::text).collect())
        .collect();
    assert_eq!(
        rows,
        [
            ["Pod IP source", "NAT'd bridge", "VNet subnet"],
            ["Windows", "No", "Yes"]
        ]
    );
}

#[test]
fn table_cells_keep_their_inline_styles_and_escaped_pipes() {
    let source = "| a | b |\n|---|---|\n| `x \\| y` | **bold** |\n";
    let Block::Table(table) = one(source) else {
        panic!("not one table")
    };
    assert_eq!(table.rows[0][0].text(), "x | y");
    assert!(table.rows[0][0].0[0].style.code);
    assert!(table.rows[0][1].0[0].style.strong);
}

#[test]
fn a_row_with_too_few_cells_is_reported_at_its_offset() {
    let source = "| a | b | c |\n|---|---|---|\n| 1 | 2 |\n";
    let (_, issues) = parse(source);
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].offset, source.find("| 1").unwrap());
    assert_eq!(
        issues[0].message,
        "malformed table: this row has 2 cells, the header has 3"
    );
}

#[test]
fn a_table_without_its_delimiter_line_is_reported() {
    let source = "Intro.\n\n| a | b |\n| 1 | 2 |\n";
    let (_, issues) = parse(source);
    assert_eq!(issues.len(), 1);
    assert!(issues[0].message.contains("delimiter"));
}

#[test]
fn headings_get_anchors_and_duplicates_are_numbered() {
    let source = "## Max pods per node: the defaults\n\n## Examples\n\n### Examples\n";
    let anchors: Vec<String> = blocks(source)
        .into_iter()
        .filter_map(|b| match b {
            Block::Heading { anchor, .. } => Some(anchor),
            _ => None,
        })
        .collect();
    assert_eq!(
        anchors,
        ["max-pods-per-node-the-defaults", "examples", "examples-2"]
    );
}

#[test]
fn emphasis_strong_code_and_links_are_inline_styles() {
    let Block::Paragraph(inlines) =
        one("Use *overlay* with **care** and `az aks`, see [docs](https://x.y).")
    else {
        panic!("not one paragraph")
    };
    assert!(
        inlines
            .iter()
            .any(|i| i.text == "overlay" && i.style.emphasis)
    );
    assert!(inlines.iter().any(|i| i.text == "care" && i.style.strong));
    assert!(inlines.iter().any(|i| i.text == "az aks" && i.style.code));
    assert!(inlines.iter().any(|i| i.text == "docs" && i.style.link));
    assert!(plain_text(&inlines).ends_with("docs <https://x.y>."));
}

#[test]
fn tight_and_nested_lists_hold_paragraphs() {
    let got = blocks("1. one\n2. two\n   - inner\n");
    let Block::List {
        start: Some(1),
        items,
    } = &got[0]
    else {
        panic!("not an ordered list: {got:?}")
    };
    assert_eq!(items.len(), 2);
    assert_eq!(items[0], vec![Block::Paragraph(vec![text("one")])]);
    assert!(matches!(&items[1][1], Block::List { start: None, .. }));
}

#[test]
fn code_blocks_keep_language_and_text() {
    let got = blocks("```Shell title\naz aks show \\\n  --name x\n```\n");
    assert_eq!(
        got,
        vec![Block::Code {
            language: "shell".into(),
            text: "az aks show \\\n  --name x".into()
        }]
    );
}

#[test]
fn quotes_that_start_with_correction_are_callouts() {
    let got = blocks("> **Correction:** a /24 has 251 usable addresses in Azure.\n\n> Plain.\n");
    assert!(matches!(
        got[0],
        Block::Quote {
            callout: Callout::Correction,
            ..
        }
    ));
    assert!(matches!(
        got[1],
        Block::Quote {
            callout: Callout::Plain,
            ..
        }
    ));
}

#[test]
fn raw_html_is_shown_as_text_and_reported() {
    let (got, issues) = parse("<div>hi</div>\n");
    assert_eq!(got, vec![Block::Paragraph(vec![text("<div>hi</div>")])]);
    assert_eq!(issues.len(), 1);
}

proptest::proptest! {
    #[test]
    fn any_text_converts_without_panic(source in "\\PC*") {
        let _ = parse(&source);
    }

    #[test]
    fn table_like_text_converts_without_panic(source in "([|:\\- `*a\\\\]{0,12}\n){0,8}") {
        let _ = parse(&source);
    }
}

/// Parses on a thread with a small stack, so that recursing once per level would overflow, and
/// returns the issues and how long it took.
fn parse_on_a_small_stack(source: String) -> (Vec<MarkdownIssue>, std::time::Duration) {
    std::thread::Builder::new()
        .stack_size(512 * 1024)
        .spawn(move || {
            let started = std::time::Instant::now();
            let (blocks, issues) = parse(&source);
            drop(blocks);
            (issues, started.elapsed())
        })
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn nesting_ten_thousand_levels_deep_is_refused_quickly_without_recursing() {
    let levels = 10_000;
    let cases = [
        (
            "block quote",
            format!("intro\n\n{} deep\n", ">".repeat(levels)),
        ),
        ("list", format!("intro\n\n{} deep\n", "- ".repeat(levels))),
        (
            "numbered list",
            format!("intro\n\n{} deep\n", "1. ".repeat(levels)),
        ),
        (
            "quotes in lists",
            format!("intro\n\n{} deep\n", "> - ".repeat(levels)),
        ),
        (
            "images",
            format!(
                "intro\n\n{}x{}\n",
                "![".repeat(levels),
                "](u)".repeat(levels)
            ),
        ),
        (
            "an indented list",
            format!(
                "intro\n\n{}",
                (0..2_000)
                    .map(|i| format!("{}- x\n", "  ".repeat(i)))
                    .collect::<String>()
            ),
        ),
    ];
    for (what, source) in cases {
        let (issues, took) = parse_on_a_small_stack(source);
        assert_eq!(issues.len(), 1, "{what}: {issues:?}");
        assert!(issues[0].message.contains("nested too deeply"), "{what}");
        assert!(issues[0].offset >= "intro\n\n".len(), "{what}");
        // Milliseconds in a release build; a debug build under load gets room.
        assert!(took.as_secs() < 5, "{what} took {took:?}");
    }
}

#[test]
fn nesting_up_to_the_limit_is_kept() {
    let (blocks, issues) = parse(&format!("{} deep\n", ">".repeat(MAX_NESTING)));
    assert!(issues.is_empty(), "{issues:?}");
    let mut depth = 0;
    let mut block = &blocks[0];
    while let Block::Quote { blocks, .. } = block {
        depth += 1;
        block = &blocks[0];
    }
    assert_eq!(depth, MAX_NESTING);
    let (_, issues) = parse(&format!("{} deep\n", ">".repeat(MAX_NESTING + 1)));
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].offset, MAX_NESTING);
}

#[test]
fn text_after_a_refused_part_is_still_converted() {
    let source = format!("{} deep\n\nAfter *it*.\n", "- ".repeat(MAX_NESTING + 5));
    let (blocks, issues) = parse(&source);
    assert_eq!(issues.len(), 1);
    let Some(Block::Paragraph(after)) = blocks.last() else {
        panic!("{blocks:?}")
    };
    assert_eq!(plain_text(after), "After it.");
}
