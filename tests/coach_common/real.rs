//! The sentences from public reviews (`coach_real.ron`): their parts,
//! batches and source folds.

use std::collections::BTreeSet;

use debrief::domain::CategoryId;

use super::Row;

const REAL: &str = include_str!("../coach_real.ron");

#[derive(serde::Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// Tuned on until every category passed.
    Dev,
    /// Held out until its figures were reported, then used to choose and
    /// check readings, never fitted sentence by sentence: printed, with a
    /// floor, not gated at 0.9 (see the header of `coach_real.ron`).
    Validation,
    /// Never tuned on.
    HeldOut,
}

#[derive(serde::Deserialize)]
pub struct RealSentence {
    pub text: String,
    pub categories: Vec<CategoryId>,
    pub source: String,
    pub part: Part,
    /// See the header of `coach_real.ron`: 1 and 2 as first gathered, 3, 5
    /// to 9 later batches held out until their figures were reported, 4
    /// later development sentences, 10 to 15 the validation part, 16 to
    /// 18 held out.
    #[serde(default = "first_batch")]
    pub batch: u8,
}

fn first_batch() -> u8 {
    1
}

#[derive(serde::Deserialize)]
struct RealCorpus {
    sentences: Vec<RealSentence>,
}

pub fn real() -> Vec<RealSentence> {
    let c: RealCorpus = ron::from_str(REAL).expect("the real corpus parses");
    c.sentences
}

pub fn real_part(part: Part, batch: Option<u8>) -> Vec<Row> {
    real()
        .into_iter()
        .filter(|s| s.part == part && batch.is_none_or(|b| s.batch == b))
        .map(|s| (s.text, s.categories.into_iter().collect()))
        .collect()
}

/// The group a source belongs to: its organisation's repository or site
/// (the part before ": "), so that two write-ups of one organisation, which
/// share a voice and a template, land in one fold.
pub fn source_group(source: &str) -> &str {
    source.split(": ").next().unwrap_or(source)
}

/// Folds of the development part by source group (FNV-1a of the group,
/// modulo `FOLDS`): a stable split anyone can recompute.
pub const FOLDS: u64 = 5;

pub fn fold_of(source: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in source_group(source).bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h % FOLDS
}

/// The rows of `sentences`.
pub fn rows_of(sentences: &[&RealSentence]) -> Vec<Row> {
    sentences
        .iter()
        .map(|s| (s.text.clone(), s.categories.iter().copied().collect()))
        .collect()
}

/// The source groups of `sentences`.
pub fn groups<'a>(sentences: &[&'a RealSentence]) -> BTreeSet<&'a str> {
    sentences.iter().map(|s| source_group(&s.source)).collect()
}
