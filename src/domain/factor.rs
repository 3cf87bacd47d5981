//! Contributing factors: what helped and what hurt. Never "the cause".

use serde::{Deserialize, Serialize};

use super::coach::CategoryId;
use super::review::ItemId;
use super::text::Text;
use crate::spelled_enum;

spelled_enum! {
    /// Whether a factor helped the response or hurt it.
    "effect" enum Effect {
        Hurt => "hurt" | "hurts" | "-" | "negative",
        Helped => "helped" | "helps" | "+" | "positive",
    }
}

spelled_enum! {
    /// Where a factor lives.
    "area" enum Area {
        People => "people" | "person" | "human",
        Process => "process",
        Technology => "technology" | "tech" | "system",
    }
}

/// Something that helped or hurt, before or during the response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Factor {
    pub id: ItemId,
    pub text: Text,
    pub effect: Effect,
    pub area: Area,
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

impl Factor {
    pub fn new(text: Text, effect: Effect, area: Area) -> Factor {
        Factor {
            id: ItemId::default(),
            text,
            effect,
            area,
            internal: false,
            quote: false,
            reframed: Vec::new(),
        }
    }
}
