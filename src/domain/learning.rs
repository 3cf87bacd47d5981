//! Learnings: the most important output of a review.

use serde::{Deserialize, Serialize};

use super::coach::CategoryId;
use super::review::ItemId;
use super::text::Text;
use crate::spelled_enum;

spelled_enum! {
    /// What sort of learning this is.
    "learning kind" enum LearningKind {
        WentWell => "went well" | "well" | "good" | "positive",
        NeedsImprovement => "needs improvement" | "improve" | "improvement" | "bad",
        Lucky => "where we got lucky" | "lucky" | "luck",
        Surprise => "surprise" | "surprising" | "new",
    }
}

/// Something someone in the room did not know, or something that went well.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Learning {
    pub id: ItemId,
    pub kind: LearningKind,
    pub text: Text,
    /// Timeline events this learning came from.
    #[serde(default)]
    pub events: Vec<ItemId>,
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

impl Learning {
    pub fn new(kind: LearningKind, text: Text) -> Learning {
        Learning {
            id: ItemId::default(),
            kind,
            text,
            events: Vec::new(),
            internal: false,
            quote: false,
            reframed: Vec::new(),
        }
    }
}
