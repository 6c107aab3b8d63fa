//! The session's report, written at the end beside the save: markdown for people, JSON for
//! tools (`report` and spreadsheets). Per question the distribution and the share who got it
//! right, the final standings, and the questions the room missed most.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::error::SessionError;
use super::game::Game;
use super::protocol::Standing;
use super::save::SessionFiles;

/// How many questions the "missed most" list shows.
pub const MOST_MISSED: usize = 5;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub id: String,
    pub title: String,
    pub rounds_played: u32,
    pub rounds: u32,
    pub players: Vec<String>,
    pub standings: Vec<Standing>,
    pub questions: Vec<QuestionReport>,
    pub most_missed: Vec<QuestionReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionReport {
    pub round: u32,
    pub question_id: String,
    pub prompt: String,
    pub lesson: String,
    /// Option texts in shown order (True, False for true/false).
    pub options: Vec<String>,
    pub distribution: Vec<u32>,
    pub right: Vec<usize>,
    pub right_count: u32,
    pub answered: u32,
    pub missed: u32,
    pub right_share: f64,
}

impl Report {
    pub fn of(game: &Game, id: &str, title: &str) -> Report {
        let questions: Vec<QuestionReport> = game
            .results()
            .iter()
            .enumerate()
            .map(|(i, result)| {
                let asked = game
                    .questions()
                    .iter()
                    .find(|q| q.asked.question.id == result.question_id);
                let options = match asked {
                    Some(q) if q.asked.display_order.is_empty() => {
                        vec!["True".to_string(), "False".to_string()]
                    }
                    Some(q) => q.asked.displayed().iter().map(|s| s.to_string()).collect(),
                    None => Vec::new(),
                };
                QuestionReport {
                    round: i as u32 + 1,
                    question_id: result.question_id.clone(),
                    prompt: result.prompt.clone(),
                    lesson: result.lesson.clone(),
                    options,
                    distribution: result.distribution.clone(),
                    right: result.right.clone(),
                    right_count: result.right_count,
                    answered: result.answered,
                    missed: result.missed,
                    right_share: result.right_share(),
                }
            })
            .collect();
        let mut most_missed = questions.clone();
        most_missed.sort_by(|a, b| a.right_share.total_cmp(&b.right_share));
        most_missed.truncate(MOST_MISSED);
        Report {
            id: id.to_string(),
            title: title.to_string(),
            rounds_played: questions.len() as u32,
            rounds: game.rounds(),
            players: game.players().iter().map(|p| p.name.clone()).collect(),
            standings: game.standings(),
            questions,
            most_missed,
        }
    }

    pub fn markdown(&self) -> String {
        let cell = |text: &str| text.replace('|', "\\|").replace('\n', " ");
        let mut md = format!("# {} — team session {}\n\n", cell(&self.title), self.id);
        md += &format!(
            "{} players, {} of {} rounds played.\n\n## Standings\n\n| Rank | Player | Score |\n|---:|---|---:|\n",
            self.players.len(),
            self.rounds_played,
            self.rounds
        );
        for s in &self.standings {
            md += &format!("| {} | {} | {} |\n", s.rank, cell(&s.name), s.score);
        }
        md += "\n## Missed most\n\n";
        for q in &self.most_missed {
            md += &format!(
                "- Round {}: {} — {:.0}% right ({})\n",
                q.round,
                cell(&q.prompt),
                q.right_share * 100.0,
                q.question_id
            );
        }
        md += "\n## Questions\n";
        for q in &self.questions {
            md += &format!(
                "\n### Round {}: {}\n\n`{}` · {} · {} answered, {} right ({:.0}%), {} missed\n\n| Option | Answers | |\n|---|---:|---|\n",
                q.round,
                cell(&q.prompt),
                q.question_id,
                cell(&q.lesson),
                q.answered,
                q.right_count,
                q.right_share * 100.0,
                q.missed
            );
            for (i, count) in q.distribution.iter().enumerate() {
                let option = q.options.get(i).map_or(String::new(), |o| cell(o));
                let right = if q.right.contains(&i) { "right" } else { "" };
                md += &format!("| {option} | {count} | {right} |\n");
            }
        }
        md
    }

    /// Writes `<id>-report.md` and `<id>-report.json`; returns the markdown's path.
    pub fn write(&self, files: &SessionFiles) -> Result<PathBuf, SessionError> {
        let (md_path, json_path) = files.report_paths();
        files.write(&md_path, self.markdown().as_bytes())?;
        let json = serde_json::to_vec_pretty(self).expect("a report serializes");
        files.write(&json_path, &json)?;
        Ok(md_path)
    }
}
