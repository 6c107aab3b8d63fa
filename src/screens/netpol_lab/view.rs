//! The "allowed or denied?" lab drawn: the scenario pane (intro, pods, policy YAML), the
//! connection pane below it, and the summary, laid out for the width while drawing.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;

use super::NetpolLabScreen;
use crate::content::{NetpolEngine, NetpolScenario};
use crate::netpol::AnsweredScenario;
use crate::netpol::model::NAMESPACE_NAME_LABEL;
use crate::screens::{Chrome, Context};
use crate::ui::document::{Rendered, render_code};
use crate::ui::document_width;
use crate::ui::theme::Theme;
use crate::ui::wrap::{wrap, wrap_hanging};

pub fn draw_netpol_lab(
    frame: &mut Frame,
    area: Rect,
    cx: &Context,
    screen: &NetpolLabScreen,
) -> Chrome {
    let theme = cx.theme;
    let width = document_width(area.width);
    let scenario = screen.scenario(cx.course);
    let (context, panel) = if screen.is_finished() {
        (render_summary(screen, scenario, width, theme), Vec::new())
    } else {
        (
            render_context(scenario, &screen.answered, width, theme),
            render_connection(screen, scenario, width, theme),
        )
    };
    let panel_height = NetpolLabScreen::panel_height(panel.len(), usize::from(area.height)) as u16;
    let [context_area, panel_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(panel_height)]).areas(area);
    screen.context.draw(frame, context_area, &context, theme);
    screen
        .panel
        .draw(frame, panel_area, &Rendered::from_lines(panel), theme);
    let chrome = Chrome::new([
        cx.course.topics[screen.topic].title.clone(),
        scenario.title.clone(),
    ]);
    if screen.panel.overflows() {
        chrome.status("↑↓ scroll the reasons")
    } else {
        chrome
    }
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
