//! Tests of the table-quiz comment: what it reads, what it reports, and where it attaches.

use super::*;
use crate::content::markdown::{Block, parse};

const LESSON: &str = "\
## Plugins

<!-- table-quiz
id: plugin-comparison
ask Pod IP source: Which plugin gives pods addresses from {brief}?
ask Routing = Yes: Which plugin routes pods in the VNet?
skip Best for
-->
| Feature | Kubenet | Azure CNI |
|---|---|---|
| Pod IP source | Bridge (10.244.x.x) | VNet subnet |
| Routing | No | Yes |
| Best for | Dev | Enterprise |
";

fn first_table(markdown: &str) -> (Table, Vec<String>) {
    let (blocks, issues) = parse(markdown);
    let table = blocks
        .into_iter()
        .find_map(|block| match block {
            Block::Table(table) => Some(table),
            _ => None,
        })
        .expect("a table");
    (table, issues.into_iter().map(|i| i.message).collect())
}

#[test]
fn the_comment_above_a_table_is_read_into_it_and_not_shown() {
    let (blocks, issues) = parse(LESSON);
    assert!(issues.is_empty(), "{issues:?}");
    assert!(
        !blocks.iter().any(|b| matches!(b, Block::Paragraph(_))),
        "the comment is not prose"
    );
    let (table, _) = first_table(LESSON);
    let quiz = table.quiz.expect("the comment is attached");
    assert_eq!(quiz.id.as_deref(), Some("plugin-comparison"));
    assert_eq!(
        quiz.question("pod ip source", "Bridge (10.244.x.x)")
            .as_deref(),
        Some("Which plugin gives pods addresses from Bridge?")
    );
    assert_eq!(
        quiz.question("Routing", "Yes").as_deref(),
        Some("Which plugin routes pods in the VNet?")
    );
    assert_eq!(
        quiz.question("Routing", "No"),
        None,
        "only the Yes is phrased"
    );
    assert!(quiz.skips("Best for") && !quiz.skips("Routing"));
}

#[test]
fn mistakes_in_the_comment_are_reported_at_their_line() {
    let markdown = "\
<!-- table-quiz
id: Not An Id
ask Colour: Which one is {value}?
ask Routing = Maybe: Which one?
ask Routing: Which one routes
ask Routing: Which one is it?
ask Routing: Which one is {cell}?
hello
-->
| Feature | A | B |
|---|---|---|
| Routing | No | Yes |
";
    let (table, issues) = first_table(markdown);
    assert!(table.quiz.is_some());
    let expected = [
        "the id “Not An Id” must be",
        "“Colour” is neither a row nor a column",
        "no cell of “Routing” reads “Maybe”",
        "end it with ?",
        "needs {value}, {brief} or {lower}",
        "{cell} is not a placeholder",
        "“hello” is not `id: …`",
    ];
    assert_eq!(issues.len(), expected.len(), "{issues:?}");
    for (issue, expected) in issues.iter().zip(expected) {
        assert!(issue.contains(expected), "{issue} / {expected}");
    }
    let (_, problems) = parse(markdown);
    let line_of = |offset: usize| markdown[..offset].lines().count();
    assert_eq!(line_of(problems[0].offset), 1, "the id line is line 2");
}

#[test]
fn a_comment_without_a_table_below_is_reported_and_other_html_still_is() {
    let (_, issues) = parse("<!-- table-quiz\nskip\n-->\n\nSome prose.\n");
    assert_eq!(issues.len(), 1);
    assert!(issues[0].message.contains("without a table right below it"));
    let (_, issues) = parse("<!-- a note -->\n");
    assert!(issues[0].message.contains("raw HTML"));
}

#[test]
fn brief_drops_remarks_unless_nothing_else_is_left() {
    assert_eq!(brief("30 (configurable to 250)"), "30");
    assert_eq!(brief("(none)"), "(none)");
    assert_eq!(brief("No (UDR needed) here"), "No here");
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    const TABLE: &str = "| Feature | A | B |\n|---|---|---|\n| Routing | No | Yes |\n";

    proptest! {
        #[test]
        fn any_comment_text_is_read_or_reported_without_panic(body in any::<String>()) {
            let markdown = format!("<!-- table-quiz\n{}\n-->\n{TABLE}", body.replace("-->", ""));
            let (blocks, issues) = parse(&markdown);
            for issue in &issues {
                prop_assert!(issue.offset <= markdown.len());
            }
            prop_assert!(!blocks.is_empty());
        }

        #[test]
        fn a_phrasing_fills_in_any_cell(cell in "[^|\\\\\n{}]{1,30}") {
            let markdown = format!(
                "<!-- table-quiz\nask Routing: Is it {{brief}} or {{value}} or {{lower}}?\n-->\n\
                 | Feature | A | B |\n|---|---|---|\n| Routing | {cell} | other |\n"
            );
            let (table, _) = first_table(&markdown);
            let quiz = table.quiz.expect("attached");
            let shown = table.rows[0][1].text();
            let question = quiz.question("Routing", &shown).expect("phrased");
            prop_assert!(question.ends_with('?'));
            let unfilled = ["{brief}", "{value}", "{lower}"].iter().any(|p| question.contains(p));
            prop_assert!(!unfilled, "{}", question);
        }
    }
}
