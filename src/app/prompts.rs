//! What the prompts pane says at each stage of the meeting, and the opening
//! statement, from `assets/prompts.ron`. A team's own file replaces the
//! stages it names and keeps the built-in words for the others.

use crate::domain::text::visible;
use serde::Deserialize;

use crate::domain::Stage;

const BUILTIN: &str = include_str!("../../assets/prompts.ron");

/// The facilitator's guidance and the questions for one stage.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StagePrompts {
    /// One line for the facilitator: what this stage is for.
    pub guidance: String,
    /// Questions for the room, asked one at a time.
    pub questions: Vec<String>,
}

/// One stage as written in a file: either part may be left out.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct StageFile {
    guidance: Option<String>,
    questions: Option<Vec<String>>,
}

impl StageFile {
    /// `base` with the parts this one gives.
    /// What a team's file says is shown, never acted on: control, bidi and
    /// zero-width characters are made visible as it is read.
    fn over(self, base: &StagePrompts) -> StagePrompts {
        let shown = |t: String| visible(&t).into_owned();
        StagePrompts {
            guidance: self.guidance.map_or_else(|| base.guidance.clone(), shown),
            questions: self.questions.map_or_else(
                || base.questions.clone(),
                |q| q.into_iter().map(shown).collect(),
            ),
        }
    }
}

/// The file as written: every part may be left out.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    opening: Option<String>,
    set_the_stage: Option<StageFile>,
    key_moments: Option<StageFile>,
    timeline: Option<StageFile>,
    impact: Option<StageFile>,
    decisions: Option<StageFile>,
    learnings: Option<StageFile>,
    factors: Option<StageFile>,
    actions: Option<StageFile>,
    summaries: Option<StageFile>,
}

impl File {
    fn take(&mut self, stage: Stage) -> Option<StageFile> {
        match stage {
            Stage::SetTheStage => self.set_the_stage.take(),
            Stage::KeyMoments => self.key_moments.take(),
            Stage::Timeline => self.timeline.take(),
            Stage::Impact => self.impact.take(),
            Stage::Decisions => self.decisions.take(),
            Stage::Learnings => self.learnings.take(),
            Stage::Factors => self.factors.take(),
            Stage::Actions => self.actions.take(),
            Stage::Summaries => self.summaries.take(),
        }
    }
}

/// Every stage's prompts, and the opening statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prompts {
    /// Read out at the start: a learning review, nobody is in trouble.
    pub opening: String,
    stages: Vec<StagePrompts>,
}

impl Default for Prompts {
    fn default() -> Prompts {
        Prompts::builtin()
    }
}

impl Prompts {
    /// The words shipped with debrief.
    pub fn builtin() -> Prompts {
        let mut file = parse(BUILTIN).expect("the built-in prompts parse");
        Prompts {
            opening: file.opening.take().unwrap_or_default(),
            stages: Stage::ALL
                .iter()
                .map(|s| {
                    file.take(*s)
                        .unwrap_or_default()
                        .over(&StagePrompts::default())
                })
                .collect(),
        }
    }

    /// These prompts with the parts a team's file gives replaced. An error
    /// names the line and column.
    pub fn merged(&self, text: &str) -> Result<Prompts, String> {
        let mut file = parse(text)?;
        let mut out = self.clone();
        if let Some(opening) = file.opening.take() {
            out.opening = visible(&opening).into_owned();
        }
        for (i, stage) in Stage::ALL.iter().enumerate() {
            if let Some(p) = file.take(*stage) {
                out.stages[i] = p.over(&self.stages[i]);
            }
        }
        Ok(out)
    }

    pub fn for_stage(&self, stage: Stage) -> &StagePrompts {
        &self.stages[stage.index()]
    }
}

fn parse(text: &str) -> Result<File, String> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
        .map_err(|e| format!("{}:{}: {}", e.span.start.line, e.span.start.col, e.code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stage_has_guidance_and_questions_and_the_timeline_opens_with_first_knowledge() {
        let p = Prompts::builtin();
        for stage in Stage::ALL {
            let s = p.for_stage(*stage);
            assert!(!s.guidance.is_empty(), "{stage:?}");
            assert!(!s.questions.is_empty(), "{stage:?}");
        }
        assert_eq!(
            p.for_stage(Stage::Timeline).questions[0],
            "When did we first know?"
        );
        assert!(p.opening.contains("Nobody here is in trouble"));
    }

    #[test]
    fn a_team_file_replaces_only_what_it_names() {
        let p = Prompts::builtin()
            .merged(
                r#"(opening: "Bienvenue.", decisions: (guidance: "g", questions: ["q?"]),
                    actions: (questions: ["Who owns it?"]))"#,
            )
            .unwrap();
        assert_eq!(p.opening, "Bienvenue.");
        assert_eq!(p.for_stage(Stage::Decisions).questions, ["q?"]);
        assert_eq!(p.for_stage(Stage::Actions).questions, ["Who owns it?"]);
        assert_eq!(
            p.for_stage(Stage::Actions).guidance,
            Prompts::builtin().for_stage(Stage::Actions).guidance,
            "a part left out keeps the built-in words"
        );
        assert_eq!(
            p.for_stage(Stage::Timeline),
            Prompts::builtin().for_stage(Stage::Timeline)
        );
    }

    #[test]
    fn a_broken_prompts_file_names_the_position() {
        let err = Prompts::builtin()
            .merged("(timeline: (guidance: \"a\",\n  questions: 3))")
            .unwrap_err();
        assert!(err.starts_with("2:"), "{err}");
        let err = Prompts::builtin().merged("(retro: 1)").unwrap_err();
        assert!(err.contains("retro"), "{err}");
    }
}
