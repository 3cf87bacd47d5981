//! Action items, and the parking lot for ideas not debated now.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::coach::CategoryId;
use super::review::ItemId;
use super::text::Text;
use crate::spelled_enum;

spelled_enum! {
    /// How soon an action item should be done.
    "priority" enum Priority {
        High => "high" | "p1" | "1" | "h",
        Medium => "medium" | "p2" | "2" | "m" | "med",
        Low => "low" | "p3" | "3" | "l",
    }
}

spelled_enum! {
    /// Which of the three questions of a review the item answers.
    "improvement" enum Improves {
        KnowSooner => "know sooner" | "detection" | "detect" | "know",
        RecoverSooner => "recover sooner" | "recovery" | "response" | "recover",
        Readiness => "readiness" | "ready",
    }
}

spelled_enum! {
    /// Where an action item stands.
    "action status" enum ActionStatus {
        Open => "open" | "todo",
        InProgress => "in progress" | "doing" | "started",
        Done => "done" | "closed" | "finished",
        WontDo => "won't do" | "wont-do" | "wontdo" | "dropped",
    }
}

impl ActionStatus {
    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::Open | ActionStatus::InProgress)
    }
}

/// A specific improvement, owned by someone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionItem {
    pub id: ItemId,
    pub text: Text,
    #[serde(default)]
    pub owner: Option<Text>,
    #[serde(default)]
    pub priority: Option<Priority>,
    #[serde(default)]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub improves: Option<Improves>,
    #[serde(default)]
    pub ticket: Option<Text>,
    pub status: ActionStatus,
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
}

impl ActionItem {
    pub fn new(text: Text) -> ActionItem {
        ActionItem {
            id: ItemId::default(),
            text,
            owner: None,
            priority: None,
            due: None,
            improves: None,
            ticket: None,
            status: ActionStatus::Open,
            internal: false,
            quote: false,
            reframed: Vec::new(),
        }
    }

    /// The item as customers may see it: nobody named, no ticket, and
    /// nothing of how the room handled its words (kept as a quote, or
    /// reframed). Every field is named, so that a new one is let through
    /// or left out on purpose.
    pub fn public(&self) -> ActionItem {
        let ActionItem {
            id,
            text,
            owner: _,
            priority,
            due,
            improves,
            ticket: _,
            status,
            internal,
            quote: _,
            reframed: _,
        } = self;
        ActionItem {
            id: *id,
            text: text.clone(),
            priority: *priority,
            due: *due,
            improves: *improves,
            status: *status,
            internal: *internal,
            ..ActionItem::new(Text::default())
        }
    }
}

/// An idea set aside so the meeting can move on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParkingItem {
    pub id: ItemId,
    pub text: Text,
    /// The categories of biased language the room reframed in this
    /// item's words (see [`crate::domain::reframe`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reframed: Vec<CategoryId>,
}

impl ParkingItem {
    pub fn new(text: Text) -> ParkingItem {
        ParkingItem {
            id: ItemId::default(),
            text,
            reframed: Vec::new(),
        }
    }
}
