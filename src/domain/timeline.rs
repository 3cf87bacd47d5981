//! The incident's timeline: what happened, when, and who did it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::coach::CategoryId;
use super::review::ItemId;
use super::text::Text;
use crate::spelled_enum;

spelled_enum! {
    /// What sort of thing an event records.
    "event kind" enum EventKind {
        Alert => "alert" | "page",
        Observation => "observation" | "saw" | "obs",
        Action => "action" | "task",
        Command => "command" | "cmd",
        Conversation => "conversation" | "chat" | "talk",
        Decision => "decision",
        StatusPage => "status page" | "status" | "statuspage",
        Escalation => "escalation" | "escalate",
        Other => "other",
    }
}

spelled_enum! {
    /// The part of the incident's lifecycle an event belongs to. Response is
    /// split into its three parts: triage, investigation, identification.
    "phase" enum Phase {
        Detection => "detection" | "detect",
        Triage => "triage",
        Investigation => "investigation" | "investigate",
        Identification => "identification" | "identify",
        Remediation => "remediation" | "remediate" | "recovery",
    }
}

impl Phase {
    /// Whether the phase is part of the response.
    pub fn is_response(self) -> bool {
        matches!(
            self,
            Phase::Triage | Phase::Investigation | Phase::Identification
        )
    }
}

spelled_enum! {
    /// Did this step move the incident towards recovery, away from it, or
    /// neither?
    "impact" enum Impact {
        Unjudged => "unjudged" | "?" | "not-yet-judged" | "unknown",
        Positive => "positive" | "+" | "pos" | "good",
        Negative => "negative" | "-" | "neg" | "bad",
        Neutral => "neutral" | "0" | "=" | "none",
    }
}

impl Impact {
    /// A symbol that tells the impact apart without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Impact::Unjudged => "?",
            Impact::Positive => "+",
            Impact::Negative => "-",
            Impact::Neutral => "=",
        }
    }
}

spelled_enum! {
    /// How an event came to be in the review.
    "source" enum Source {
        Typed => "typed",
        CommandLine => "command line" | "cli",
        Imported => "imported" | "import",
    }
}

/// Something that happened during the incident.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: ItemId,
    pub at: DateTime<Utc>,
    #[serde(default)]
    pub actor: Option<Text>,
    pub text: Text,
    pub kind: EventKind,
    #[serde(default)]
    pub phase: Option<Phase>,
    pub impact: Impact,
    /// Include this event in reports even when the timeline is long.
    #[serde(default)]
    pub starred: bool,
    #[serde(default)]
    pub internal: bool,
    /// Flagged words the facilitator chose to keep as a direct quote
    /// rather than reframe; they stay marked, but are no longer open.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub quote: bool,
    /// The categories of biased language the room reframed in this
    /// item's words (see [`crate::domain::reframe`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reframed: Vec<CategoryId>,
    pub source: Source,
    #[serde(default)]
    pub links: Vec<Text>,
    /// Where an imported event came from, such as `slack:C0INCIDENT:1700000000.000100`,
    /// so that importing the same export again adds nothing twice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Text>,
}

impl Event {
    /// An unjudged action at `at`, without actor or phase; the review gives
    /// it a number when it is added.
    pub fn new(at: DateTime<Utc>, text: Text, source: Source) -> Event {
        Event {
            id: ItemId::default(),
            at,
            actor: None,
            text,
            kind: EventKind::Action,
            phase: None,
            impact: Impact::Unjudged,
            starred: false,
            internal: false,
            quote: false,
            reframed: Vec::new(),
            source,
            links: Vec::new(),
            origin: None,
        }
    }

    /// The event as customers may see it: nobody named.
    pub fn without_actor(&self) -> Event {
        Event {
            actor: None,
            ..self.clone()
        }
    }
}
