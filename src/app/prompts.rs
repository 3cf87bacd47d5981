//! The questions the prompts pane shows for each pane, from
//! `assets/prompts.ron`.

use serde::Deserialize;

use super::state::Pane;

const BUILTIN: &str = include_str!("../../assets/prompts.ron");

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prompts {
    pub timeline: Vec<String>,
    pub learnings: Vec<String>,
    pub factors: Vec<String>,
    pub actions: Vec<String>,
    pub parking: Vec<String>,
    pub details: Vec<String>,
}

impl Prompts {
    /// The questions shipped with debrief.
    pub fn builtin() -> Prompts {
        Prompts::from_ron(BUILTIN).expect("the built-in prompts parse")
    }

    /// Reads prompts from RON text, naming the line and column of an error.
    pub fn from_ron(text: &str) -> Result<Prompts, String> {
        ron::Options::default()
            .from_str(text)
            .map_err(|e| format!("{}:{}: {}", e.span.start.line, e.span.start.col, e.code))
    }

    pub fn for_pane(&self, pane: Pane) -> &[String] {
        match pane {
            Pane::Timeline => &self.timeline,
            Pane::Learnings => &self.learnings,
            Pane::Factors => &self.factors,
            Pane::Actions => &self.actions,
            Pane::Parking => &self.parking,
            Pane::Details => &self.details,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pane_has_questions_and_the_timeline_opens_with_first_knowledge() {
        let p = Prompts::builtin();
        for pane in Pane::ALL {
            assert!(!p.for_pane(pane).is_empty(), "{pane:?}");
        }
        assert_eq!(p.timeline[0], "When did we first know?");
    }

    #[test]
    fn a_broken_prompts_file_names_the_position() {
        let err = Prompts::from_ron("(timeline: [\"a\"],\n  learnings: 3)").unwrap_err();
        assert!(err.starts_with("2:"), "{err}");
    }
}
