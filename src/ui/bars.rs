//! A horizontal bar chart as text lines: a label column, a bar, a figure. Stats (mastery per
//! topic) and the exam's results (score per topic) draw the same chart.

use ratatui::text::{Line, Span};

use super::theme::Theme;

pub struct Bar {
    pub label: String,
    /// From 0.0 to 1.0; `None` draws `missing` in place of the bar.
    pub share: Option<f64>,
    /// Written after the bar (" 75%", " 75% of 4").
    pub figure: String,
}

/// The chart in `width` columns: labels take at most a third, bars at most `max_bar` cells.
pub fn bar_chart(
    bars: &[Bar],
    width: usize,
    max_bar: usize,
    missing: &str,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let label_width = bars
        .iter()
        .map(|b| b.label.chars().count())
        .max()
        .unwrap_or(0)
        .min(width / 3);
    let figure_width = bars
        .iter()
        .map(|b| b.figure.chars().count())
        .max()
        .unwrap_or(0);
    let bar_width = width
        .saturating_sub(label_width + figure_width + 2)
        .clamp(4, max_bar);
    bars.iter()
        .map(|bar| {
            // A cut label says so, or "userAssignedNATGatew" reads as a real name.
            let label: String = if bar.label.chars().count() > label_width {
                let kept: String = bar
                    .label
                    .chars()
                    .take(label_width.saturating_sub(1))
                    .collect();
                format!("{kept}…")
            } else {
                bar.label.clone()
            };
            let mut spans = vec![Span::styled(format!("{label:<label_width$} "), theme.base)];
            match bar.share {
                Some(share) => {
                    let filled = ((share.clamp(0.0, 1.0) * bar_width as f64).round() as usize)
                        .min(bar_width);
                    spans.push(Span::styled("█".repeat(filled), theme.done));
                    spans.push(Span::styled("░".repeat(bar_width - filled), theme.dim));
                    spans.push(Span::styled(bar.figure.clone(), theme.base));
                }
                None => spans.push(Span::styled(missing.to_string(), theme.dim)),
            }
            Line::from(spans)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::wrap::line_width;

    #[test]
    fn bars_fill_by_share_and_fit_the_width() {
        let bars = [
            Bar {
                label: "IP planning".into(),
                share: Some(0.5),
                figure: "  50%".into(),
            },
            Bar {
                label: "DNS".into(),
                share: None,
                figure: String::new(),
            },
        ];
        let lines = bar_chart(&bars, 40, 40, "nothing to answer", &Theme::monochrome());
        let first: String = lines[0].spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(first.matches('█').count(), first.matches('░').count());
        assert!(line_width(&lines[0]) <= 40);
        let second: String = lines[1].spans.iter().map(|s| s.content.as_ref()).collect();
        assert!(second.ends_with("nothing to answer"));
    }

    #[test]
    fn a_label_cut_to_a_third_of_the_width_ends_with_an_ellipsis() {
        let bars = [Bar {
            label: "3) userAssignedNATGateway".into(),
            share: Some(1.0),
            figure: " 1".into(),
        }];
        let lines = bar_chart(&bars, 30, 40, "", &Theme::monochrome());
        let text: String = lines[0].spans.iter().map(|s| s.content.as_ref()).collect();
        assert!(text.starts_with("3) userAs… "), "{text}");
        assert!(line_width(&lines[0]) <= 30);
    }
}
