//! The "why" of one cell, drawn as the lab explains a verdict: the verdict, the policies that
//! select each side (or that none does), the rules that let the connection through, and the
//! lab's own explanation lines.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::WhyPanel;
use crate::netpol::PolicyId;
use crate::netpol::explore::{Explorer, Why};
use crate::ui::document::Rendered;
use crate::ui::document_width;
use crate::ui::theme::Theme;
use crate::ui::wrap::{wrap, wrap_hanging};

pub fn draw_why(
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    explorer: &Explorer,
    panel: &WhyPanel,
) {
    let lines = why_lines(panel, explorer, document_width(area.width), theme);
    panel
        .doc
        .draw(frame, area, &Rendered::from_lines(lines), theme);
}

pub fn why_lines(
    panel: &WhyPanel,
    explorer: &Explorer,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let why = &panel.why;
    let verdict = &why.verdict;
    let (mark, style) = if verdict.allowed() {
        ("✓", theme.done)
    } else if verdict.undecided() {
        ("~", theme.note)
    } else {
        ("✗", theme.warning)
    };
    let headline = why.lines.first().cloned().unwrap_or_default();
    let mut lines = wrap(&[(format!("{mark} {headline}"), style)], width);
    lines.extend(wrap(
        &[(
            format!(
                "asked on the {} engine · Esc back to the grid",
                explorer.engine()
            ),
            theme.dim,
        )],
        width,
    ));

    lines.push(Line::default());
    lines.push(Line::styled(
        "Policies that select each side",
        theme.subheading,
    ));
    lines.extend(selecting(
        &format!("Egress from {} (the source)", verdict.from),
        &why.egress_policies,
        width,
        theme,
    ));
    lines.extend(selecting(
        &format!("Ingress to {} (the destination)", verdict.to),
        &why.ingress_policies,
        width,
        theme,
    ));

    lines.push(Line::default());
    lines.push(Line::styled("What decided", theme.subheading));
    for text in deciding(why) {
        lines.extend(wrap_hanging(&[(format!("• {text}"), theme.base)], width, 2));
    }

    lines.push(Line::default());
    lines.push(Line::styled("As the lab explains it", theme.subheading));
    // The first line is the headline, already shown.
    for reason in why.lines.iter().skip(1) {
        lines.extend(wrap_hanging(
            &[(format!("• {}", reason.trim_start()), theme.base)],
            width,
            2,
        ));
    }
    lines
}

/// The rules that let the connection through, and each side that refused it.
fn deciding(why: &Why) -> Vec<String> {
    let verdict = &why.verdict;
    let mut said: Vec<String> = why
        .deciding_rules
        .iter()
        .map(|rule| format!("let through by {rule}"))
        .collect();
    for side in [&verdict.egress, &verdict.ingress] {
        if side.allowed() {
            continue;
        }
        let unless = if side.maybe_allowed() {
            ", unless a pod IP the manifests lack falls in one of their ipBlocks"
        } else {
            ""
        };
        said.push(format!(
            "{}: refused, as no rule of the policies that isolate it lets it through{unless}",
            side.side_name()
        ));
    }
    if said.is_empty() {
        said.push("No rule was needed: no policy isolates either side.".to_string());
    }
    said
}

/// `Egress from shop/cart: not isolated (no policy selects it)`, or the policies listed.
fn selecting(side: &str, policies: &[PolicyId], width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let text = if policies.is_empty() {
        format!("• {side}: no policy selects it, so it is not isolated")
    } else {
        let names: Vec<String> = policies.iter().map(ToString::to_string).collect();
        format!("• {side}: isolated by {}", names.join(", "))
    };
    wrap_hanging(&[(text, theme.base)], width, 2)
}
