//! Team-session fakes for the screen tests: a room whose snapshot the test sets and which
//! records the facilitator's commands, a connection whose messages the test queues and which
//! records the player's answers, and the questions and views they show.
#![allow(dead_code)] // each test file uses a part

use std::sync::{Arc, Mutex};
use std::time::Duration;

use aks_tutor::content::{Question, QuestionKind};
use aks_tutor::quiz::SessionQuestion;
use aks_tutor::screens::host::RoomLink;
use aks_tutor::screens::player::{Joined, LinkEvent, PlayerLink};
use aks_tutor::session::protocol::{HostMessage, Standing, WireAnswer, WireKind};
use aks_tutor::session::{HostCommand, HostPhase, HostView, MissedQuestion, PlayerRow};

pub const SCORING: &str = "A right answer is worth 100 points, a partly right one part of that; a right answer also earns up to 50 more for speed.";

pub struct FakeRoom {
    view: Mutex<(u64, Arc<HostView>)>,
    sent: Mutex<Vec<HostCommand>>,
}

impl FakeRoom {
    pub fn new(view: HostView) -> Arc<Self> {
        Arc::new(Self {
            view: Mutex::new((1, Arc::new(view))),
            sent: Mutex::default(),
        })
    }

    /// The room moves on: the next snapshot.
    pub fn set(&self, view: HostView) {
        let mut current = self.view.lock().unwrap();
        *current = (current.0 + 1, Arc::new(view));
    }

    pub fn sent(&self) -> Vec<HostCommand> {
        self.sent.lock().unwrap().clone()
    }
}

impl RoomLink for FakeRoom {
    fn command(&self, command: HostCommand) {
        self.sent.lock().unwrap().push(command);
    }

    fn view(&self) -> (u64, Arc<HostView>) {
        self.view.lock().unwrap().clone()
    }
}

#[derive(Default)]
pub struct FakeConnection {
    inbox: Mutex<Vec<LinkEvent>>,
    answers: Mutex<Vec<(u32, WireAnswer)>>,
    pub rejoins: Mutex<u32>,
}

impl FakeConnection {
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    pub fn push(&self, message: HostMessage) {
        self.inbox.lock().unwrap().push(LinkEvent::Message(message));
    }

    pub fn lose(&self, why: &str) {
        self.inbox.lock().unwrap().push(LinkEvent::Lost(why.into()));
    }

    pub fn answers(&self) -> Vec<(u32, WireAnswer)> {
        self.answers.lock().unwrap().clone()
    }
}

impl PlayerLink for FakeConnection {
    fn answer(&self, round: u32, answer: WireAnswer) -> Result<(), String> {
        self.answers.lock().unwrap().push((round, answer));
        Ok(())
    }

    fn poll(&self) -> Vec<LinkEvent> {
        std::mem::take(&mut *self.inbox.lock().unwrap())
    }

    fn rejoin(&self) -> Result<Joined, String> {
        *self.rejoins.lock().unwrap() += 1;
        Ok(Joined {
            rejoined: true,
            score: 240,
            ..joined()
        })
    }
}

pub fn joined() -> Joined {
    Joined {
        name: "Ana".into(),
        title: "AKS networking onboarding".into(),
        rounds: 5,
        score: 0,
        rejoined: false,
        scoring: SCORING.into(),
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// A single choice shown in another order than written: the right one (written first) is
/// shown second.
pub fn single_choice() -> SessionQuestion {
    SessionQuestion {
        question: Question {
            id: "cni-vnet-ips".into(),
            prompt: "Which plugin gives pods VNet IPs?".into(),
            kind: QuestionKind::SingleChoice {
                options: strings(&[
                    "Azure CNI (node subnet)",
                    "kubenet",
                    "Azure CNI Overlay",
                    "Cilium on overlay addressing",
                ]),
                answer: 0,
            },
            explanation: "Azure CNI on the node subnet gives every pod an address from the VNet subnet, so a /24 fills quickly; overlay and kubenet give pods addresses from a separate pod CIDR.".into(),
            see: "plugins".into(),
        },
        topic_id: "plugins".into(),
        topic_title: "Network plugins".into(),
        display_order: vec![1, 0, 2, 3],
    }
}

pub fn multi_select() -> SessionQuestion {
    SessionQuestion {
        question: Question {
            id: "reserved-addresses".into(),
            prompt: "Which addresses of an Azure subnet can a node not use? Tick every one that Azure keeps for itself in every subnet, whatever its size.".into(),
            kind: QuestionKind::MultiSelect {
                options: strings(&["the network address", "the default gateway", "the first usable address after the gateway and DNS", "the broadcast (last) address"]),
                answers: vec![0, 1, 3],
            },
            explanation: "Azure keeps five: the network address, the gateway, two for DNS and the last one.".into(),
            see: "ip-planning".into(),
        },
        topic_id: "ip-planning".into(),
        topic_title: "IP planning".into(),
        display_order: vec![0, 1, 2, 3],
    }
}

pub fn players(names: &[(&str, bool, u32, bool)]) -> Vec<PlayerRow> {
    names
        .iter()
        .map(|&(name, connected, score, answered)| PlayerRow {
            name: name.into(),
            connected,
            score,
            answered,
        })
        .collect()
}

pub fn room_players() -> Vec<PlayerRow> {
    players(&[
        ("Ana", true, 240, true),
        ("Bo", true, 140, false),
        ("Chen", false, 100, false),
        ("Dara", true, 0, true),
    ])
}

pub fn view(phase: HostPhase) -> HostView {
    HostView {
        title: "AKS networking onboarding".into(),
        address: Some("127.0.0.1:7878".into()),
        code: "K7QX".into(),
        players: room_players(),
        rounds: 5,
        phase,
        notices: vec!["Session saved.".into()],
        scoring: SCORING.into(),
    }
}

pub fn local_view(mut phase: HostPhase) -> HostView {
    if let HostPhase::Question { answers_in, .. } = &mut phase {
        *answers_in = 1;
    }
    HostView {
        address: None,
        players: players(&[
            ("Ana", true, 0, false),
            ("Bo", true, 0, true),
            ("Chen", true, 0, false),
        ]),
        notices: Vec::new(),
        ..view(phase)
    }
}

pub fn question_phase(question: SessionQuestion, paused: bool) -> HostPhase {
    HostPhase::Question {
        round: 2,
        question: Box::new(question),
        limit: Duration::from_secs(30),
        remaining: Duration::from_millis(17_400),
        paused,
        answers_in: 2,
    }
}

pub fn reveal_phase() -> HostPhase {
    HostPhase::Reveal {
        round: 2,
        question: Box::new(single_choice()),
        distribution: vec![1, 2, 0, 0],
        right: vec![1],
        right_count: 2,
        missed: 1,
        lesson: "Network plugins › Azure CNI".into(),
    }
}

pub fn standings() -> Vec<Standing> {
    [("Ana", 380), ("Dara", 245), ("Bo", 245), ("Chen", 100)]
        .iter()
        .enumerate()
        .map(|(i, &(name, score))| Standing {
            rank: if i == 2 { 2 } else { i as u32 + 1 },
            name: name.into(),
            score,
        })
        .collect()
}

pub fn scoreboard_phase() -> HostPhase {
    HostPhase::Scoreboard {
        round: 2,
        standings: standings(),
        gained: vec![
            ("Ana".into(), 140),
            ("Dara".into(), 145),
            ("Bo".into(), 0),
            ("Chen".into(), 0),
        ],
    }
}

pub fn finished_phase() -> HostPhase {
    HostPhase::Finished {
        standings: standings(),
        most_missed: vec![
            MissedQuestion {
                question_id: "reserved-addresses".into(),
                prompt: multi_select().question.prompt,
                right_share: 0.25,
            },
            MissedQuestion {
                question_id: "cni-vnet-ips".into(),
                prompt: single_choice().question.prompt,
                right_share: 0.5,
            },
        ],
        report: Some("/data/sessions/20261127-051400-K7QX-report.md".into()),
    }
}

/// The round as the host sends it to a player: `question` with its options in shown order.
pub fn question_message(question: &SessionQuestion, answered: bool) -> HostMessage {
    let kind = match question.question.kind {
        QuestionKind::MultiSelect { .. } => WireKind::MultiSelect,
        QuestionKind::TrueFalse { .. } => WireKind::TrueFalse,
        _ => WireKind::SingleChoice,
    };
    HostMessage::Question {
        round: 2,
        rounds: 5,
        topic: question.topic_title.clone(),
        prompt: question.question.prompt.clone(),
        kind,
        options: question
            .displayed()
            .into_iter()
            .map(str::to_string)
            .collect(),
        seconds: 30,
        remaining_ms: 17_400,
        answered,
    }
}
