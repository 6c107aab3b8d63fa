//! The "allowed or denied?" lab drawn: the scenario pane (intro, pods, policy YAML), the
//! connection pane below it, and the summary. Layout happens in `update` (these `render_*`
//! functions); `draw_netpol_lab` only places the laid-out lines.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::document::{Rendered, render_code};
use super::document_width;
use super::reader::draw_document;
use super::theme::Theme;
use super::wrap::{wrap, wrap_hanging};
use crate::app::App;
use crate::app::netpol_lab::NetpolLabScreen;
use crate::content::{NetpolEngine, NetpolScenario};
use crate::netpol::AnsweredScenario;
use crate::netpol::model::NAMESPACE_NAME_LABEL;

pub fn draw_netpol_lab(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    screen: &NetpolLabScreen,
) -> (Vec<String>, String) {
    let body = usize::from(area.height);
    let panel_height = screen.panel_height(body) as u16;
    let [context, panel] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(panel_height)]).areas(area);
    draw_document(frame, context, app, &screen.context, screen.scroll);
    if panel_height > 0 {
        let width = document_width(panel.width) as u16;
        let column = Rect {
            x: panel.x + panel.width.saturating_sub(width) / 2,
            width,
            ..panel
        };
        let lines: Vec<Line<'static>> = screen
            .panel
            .iter()
            .skip(screen.panel_scroll)
            .take(usize::from(panel_height))
            .cloned()
            .collect();
        frame.render_widget(Paragraph::new(lines).style(app.theme.base), column);
    }
    let scenario = screen.scenario(&app.course);
    let title = vec![
        app.course.title.clone(),
        app.course.topics[screen.topic].title.clone(),
        scenario.title.clone(),
    ];
    let hints = if screen.is_finished() {
        "Enter back · ↑↓ scroll · ? help"
    } else if screen.panel.len() > usize::from(panel_height) {
        "↑↓ scroll the reasons · Enter next · ? help · q back"
    } else if screen.is_predicted() {
        "Enter next connection · ↑↓ scroll the policies · ? help · q back"
    } else {
        "a allowed · d denied · ↑↓ scroll the policies · ? help · q back"
    };
    (title, hints.to_string())
}

/// The intro, the namespaces and pods as a small table, and the policies' YAML.
pub fn render_context(
    scenario: &NetpolScenario,
    answered: &AnsweredScenario,
    width: usize,
    theme: &Theme,
) -> Rendered {
    let engine = match scenario.engine {
        NetpolEngine::Standard => "a standard engine (Calico, Azure NPM)",
        NetpolEngine::Cilium => "Azure CNI Powered by Cilium",
    };
    let status = format!(
        "Allowed or denied? · {} connections · policies enforced by {engine}",
        scenario.questions.len()
    );
    let mut lines = wrap(&[(status, theme.dim)], width);
    lines.push(Line::default());
    lines.extend(wrap(&[(scenario.intro.clone(), theme.base)], width));

    let cluster = &answered.manifests.cluster;
    lines.push(Line::default());
    lines.push(Line::styled("Pods", theme.subheading));
    let rows: Vec<[String; 3]> = cluster
        .pods()
        .iter()
        .map(|pod| {
            let ip = pod
                .ip
                .map(|ip| ip.to_string())
                .unwrap_or_else(|| "—".into());
            [pod.pod_ref().to_string(), ip, labels(&pod.labels)]
        })
        .collect();
    let name_width = rows.iter().map(|r| r[0].chars().count()).max().unwrap_or(0);
    let ip_width = rows.iter().map(|r| r[1].chars().count()).max().unwrap_or(0);
    for [name, ip, labels] in rows {
        let lead = format!("  {name:<name_width$}  {ip:<ip_width$}  ");
        let indent = lead.chars().count();
        lines.extend(wrap_hanging(
            &[(lead, theme.strong), (labels, theme.dim)],
            width,
            indent.min(width / 2),
        ));
    }
    // Only labels a selector could use: the automatic name label is on every namespace.
    let labelled: Vec<String> = cluster
        .namespaces()
        .filter_map(|ns| {
            let mut own = ns.labels.clone();
            own.remove(NAMESPACE_NAME_LABEL);
            (!own.is_empty()).then(|| format!("{} ({})", ns.name, labels(&own)))
        })
        .collect();
    if !labelled.is_empty() {
        let text = format!("Namespace labels: {}", labelled.join(", "));
        lines.extend(wrap(&[(text, theme.dim)], width));
    }

    lines.push(Line::default());
    let policies = policy_documents(&scenario.manifests);
    if policies.is_empty() {
        lines.push(Line::styled(
            "No NetworkPolicy: nothing isolates any pod.",
            theme.subheading,
        ));
    } else {
        lines.push(Line::styled("Policies", theme.subheading));
        lines.extend(render_code("yaml", &policies, width, theme));
    }
    Rendered::from_lines(lines)
}

/// `app=api, tier=web`, or `no labels`.
fn labels(labels: &crate::netpol::Labels) -> String {
    if labels.is_empty() {
        return "no labels".into();
    }
    let pairs: Vec<String> = labels.iter().map(|(k, v)| format!("{k}={v}")).collect();
    pairs.join(", ")
}

/// The NetworkPolicy documents of the manifests, as written; pods and namespaces are shown as a
/// table instead.
fn policy_documents(manifests: &str) -> String {
    let mut documents: Vec<Vec<&str>> = vec![Vec::new()];
    for line in manifests.lines() {
        if line.trim_end() == "---" {
            documents.push(Vec::new());
        } else if let Some(document) = documents.last_mut() {
            document.push(line);
        }
    }
    documents
        .iter()
        .filter(|doc| doc.iter().any(|l| l.trim() == "kind: NetworkPolicy"))
        .map(|doc| {
            let text = doc.join("\n");
            text.trim_matches('\n').to_string()
        })
        .collect::<Vec<_>>()
        .join("\n---\n")
}

/// The connection on screen: the question, and once predicted, right or wrong and why.
pub fn render_connection(
    screen: &NetpolLabScreen,
    scenario: &NetpolScenario,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let Some(question) = scenario.questions.get(screen.current) else {
        return Vec::new();
    };
    // No score before the first prediction: "0 of 0" says nothing.
    let score = match screen.predictions.len() {
        0 => String::new(),
        made => format!(" · score {} of {made}", screen.score()),
    };
    let rule = format!(
        "── Connection {} of {}{score} ",
        screen.current + 1,
        screen.len()
    );
    let fill = width.saturating_sub(rule.chars().count());
    let mut lines = vec![Line::styled(
        format!("{rule}{}", "─".repeat(fill)),
        theme.dim,
    )];
    let prompt = format!("{}: allowed or denied?", question.describe());
    lines.extend(wrap(&[(prompt, theme.strong)], width));
    let (Some(right), Some(verdict)) = (screen.is_right(screen.current), screen.verdict()) else {
        lines.extend(wrap(
            &[("Press a for allowed, d for denied.".to_string(), theme.dim)],
            width,
        ));
        return lines;
    };
    let said = if screen.predictions[screen.current] {
        "allowed"
    } else {
        "denied"
    };
    let actual = if verdict.allowed() {
        "ALLOWED"
    } else {
        "DENIED"
    };
    let (mark, style) = if right {
        (
            format!("✓ Right: you said {said}, and it is {actual}."),
            theme.done,
        )
    } else {
        (
            format!("✗ Not right: you said {said}, but it is {actual}."),
            theme.warning,
        )
    };
    lines.extend(wrap(&[(mark, style)], width));
    // The explanation's first line repeats the verdict just given.
    for reason in verdict.explanation().iter().skip(1) {
        lines.extend(wrap_hanging(
            &[(format!("• {}", reason.trim_start()), theme.base)],
            width,
            2,
        ));
    }
    lines
}

/// The score and every connection with its verdict and the learner's prediction.
pub fn render_summary(
    screen: &NetpolLabScreen,
    scenario: &NetpolScenario,
    width: usize,
    theme: &Theme,
) -> Rendered {
    let total = screen.len();
    let score = screen.score();
    let mut lines = vec![
        Line::styled(format!("Finished: {}", scenario.title), theme.heading),
        Line::default(),
        Line::styled(format!("Score: {score} of {total}"), theme.strong),
        Line::default(),
    ];
    for (index, question) in scenario.questions.iter().enumerate() {
        let (Some(right), Some(verdict)) =
            (screen.is_right(index), screen.answered.verdicts.get(index))
        else {
            continue;
        };
        let actual = if verdict.allowed() {
            "ALLOWED"
        } else {
            "DENIED"
        };
        let said = if screen.predictions[index] {
            "allowed"
        } else {
            "denied"
        };
        let mark = if right { "✓" } else { "✗" };
        let text = format!("{mark} {}: {actual} (you said {said})", question.describe());
        let style = if right { theme.base } else { theme.warning };
        lines.extend(wrap_hanging(&[(text, style)], width, 2));
    }
    lines.push(Line::default());
    let closing = if score == total {
        "Every prediction right."
    } else {
        "Open the scenario again from the topic to try it afresh."
    };
    lines.extend(wrap(&[(closing.to_string(), theme.base)], width));
    lines.push(Line::default());
    lines.push(Line::styled("Enter: back to the topic", theme.dim));
    Rendered::from_lines(lines)
}
