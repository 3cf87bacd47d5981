//! The bias coach: hears counterfactuals, hindsight, blame, "why"
//! questions, root-cause thinking, unverified certainty and minimising in
//! the text of a review, and offers a better question for each.
//!
//! The categories and every built-in phrase live in `assets/coach.ron`;
//! the phrase syntax is described in [`pattern`](self) and at the top of
//! that file.
//! Pure code: text in, [`Flag`]s out.
//!
//! # A team file
//!
//! A team can put a file of the same shape in its config directory; it is
//! laid over the defaults with [`Coach::from_ron`]. Every field is optional:
//!
//! ```ron
//! (
//!     // true: drop every built-in phrase, `unless` and word class first
//!     // (to supply another language); names, explanations and questions stay
//!     // unless given.
//!     replace: false,
//!     // Words added to a class (or a new class).
//!     words: { "person": ["sre-on-duty"] },
//!     categories: [
//!         // Add phrases to a category.
//!         (id: blame, phrases: ["{Name} borked it"]),
//!         // Switch a category off.
//!         (id: minimising, enabled: false),
//!         // Replace the questions (2 or 3), the name or the explanation.
//!         (id: why_question, questions: ["What did you see?", "What did you try?"]),
//!     ],
//! )
//! ```
//!
//! # Decisions on what is not flagged
//! - Words between quotation marks, single quotes or backticks, and lines
//!   that look like a log message (`ERROR ...`, `[WARN] ...`, `level=...`)
//!   or a command (`$ ...`), are a record of what was said or logged, not
//!   the writer's framing. A single quote opens at the start of a word and
//!   closes at the end of one, so "don't" and "engineers' laptops" quote
//!   nothing.
//! - A match never crosses the end of a sentence.
//! - Hyphenated words are one word: "easy-to-read" is not "easy".
//! - **Headings and template questions are structure, not statements.** A
//!   line that is a heading ("Root cause", "## Root cause", "Final Root
//!   Cause", "Why It Failed") or a template's question about the incident
//!   that names no person ("What could have gone better?", "How the root
//!   cause was found:") is not flagged for counterfactuals, root-cause
//!   thinking or "why" questions: the frame is the template's, not its
//!   author's. Blame words in it are still flagged ("Human error"): a
//!   heading can blame too. A heading is flagged at most once per review
//!   (with its category's reframing questions, as every flag): the same
//!   heading again later in the text, or in another field checked with the
//!   same [`Headings`], is not flagged again. The rules are in
//!   [`structure`](self).
//! - **The sentence around a match is read** before it becomes a flag: a
//!   negation before it, the subject of "failed to" and of "should have",
//!   the reading of a modal perfect (a hypothesis, luck, what befell, the
//!   expectation of a system, or a judgement of people or a design), the
//!   sense of "just", "simply" and "easy" (the writer telling what they
//!   did, "just" of a set, "easy" of what a thing allows), and whether the
//!   sentence is a question; what others said or an act told in passing,
//!   what became plain during the response, and what was planned. The rules
//!   are in [`context`](self), [`modal`](self), [`senses`](self),
//!   [`narrative`](self) and [`told`](self); more senses
//!   of "just", "simply" and "easy" are `unless` phrases in
//!   `assets/coach.ron`.

mod blamed;
mod compile;
mod context;
#[cfg(test)]
mod context_tests;
mod declined;
mod failed;
mod hedged;
mod index;
mod laid;
#[cfg(test)]
mod laid_tests;
mod lexicon;
mod modal;
mod narrative;
mod pattern;
mod readings;
#[cfg(test)]
mod readings_tests;
mod senses;
mod structure;
mod tokens;
mod told;
#[cfg(test)]
mod told_tests;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use compile::{compile, parse};
use index::Index;
use pattern::{Classes, Pattern};

const BUILTIN: &str = include_str!("../../../assets/coach.ron");

/// The kinds of biased language the coach hears.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CategoryId {
    Counterfactual,
    Hindsight,
    Blame,
    WhyQuestion,
    RootCause,
    Certainty,
    Minimising,
}

impl CategoryId {
    /// Every category, in the order the coach lists them.
    pub const ALL: [CategoryId; 7] = [
        CategoryId::Counterfactual,
        CategoryId::Hindsight,
        CategoryId::Blame,
        CategoryId::WhyQuestion,
        CategoryId::RootCause,
        CategoryId::Certainty,
        CategoryId::Minimising,
    ];

    /// The id as written in a coach file: `why_question`.
    pub fn as_str(self) -> &'static str {
        match self {
            CategoryId::Counterfactual => "counterfactual",
            CategoryId::Hindsight => "hindsight",
            CategoryId::Blame => "blame",
            CategoryId::WhyQuestion => "why_question",
            CategoryId::RootCause => "root_cause",
            CategoryId::Certainty => "certainty",
            CategoryId::Minimising => "minimising",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl std::fmt::Display for CategoryId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// A kind of biased language, with what to say about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Category {
    id: CategoryId,
    name: String,
    explanation: String,
    questions: Vec<String>,
    enabled: bool,
    phrases: Vec<String>,
    unless: Vec<String>,
}

impl Category {
    pub fn id(&self) -> CategoryId {
        self.id
    }

    /// The name shown to people: "Counterfactual".
    pub fn name(&self) -> &str {
        &self.name
    }

    /// One sentence on why this language gets in the way.
    pub fn explanation(&self) -> &str {
        &self.explanation
    }

    /// Two or three better questions to ask instead.
    pub fn questions(&self) -> &[String] {
        &self.questions
    }

    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// The phrases that flag this category, as written in the file.
    pub fn phrases(&self) -> &[String] {
        &self.phrases
    }
}

/// Flagged words in a text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Flag {
    pub category: CategoryId,
    /// Byte offsets into the text checked, on char boundaries: the first
    /// flagged word's start and the last one's end.
    pub start: usize,
    pub end: usize,
    /// The text between `start` and `end`, as written.
    pub matched: String,
}

/// The headings and template questions seen in the texts of one review
/// so far (see [`Coach::check_in`]): each is flagged at most once.
#[derive(Clone, Debug, Default)]
pub struct Headings(Vec<Vec<String>>);

/// A coach file, built-in or a team's; see the module documentation.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CoachFile {
    #[serde(default)]
    replace: bool,
    #[serde(default)]
    words: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    categories: Vec<CategoryFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoryFile {
    id: CategoryId,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    explanation: Option<String>,
    #[serde(default)]
    questions: Vec<String>,
    #[serde(default)]
    enabled: Option<bool>,
    #[serde(default)]
    phrases: Vec<String>,
    #[serde(default)]
    unless: Vec<String>,
}

/// The phrases of every enabled category, ready to match.
#[derive(Clone, Debug, Default)]
struct Compiled {
    classes: Classes,
    /// (category, pattern) pairs.
    patterns: Vec<(CategoryId, Pattern)>,
    /// Which of `patterns` can start at a token.
    index: Index,
    /// Per category (by index): phrases that cancel an overlapping match.
    unless: Vec<Unless>,
}

/// The phrases of a category that cancel an overlapping match.
#[derive(Clone, Debug, Default)]
struct Unless {
    patterns: Vec<Pattern>,
    /// Which of `patterns` can start at a token.
    index: Index,
    /// The most words one of them can span.
    longest: usize,
}

/// Hears biased language; build it once, check text on every keystroke.
#[derive(Clone, Debug)]
pub struct Coach {
    categories: Vec<Category>,
    words: BTreeMap<String, Vec<String>>,
    compiled: Compiled,
}

impl Coach {
    /// The categories and phrases shipped with debrief.
    pub fn builtin() -> Coach {
        // The built-in file is checked by the tests; should it ever fail,
        // a coach that flags nothing is better than a crash.
        Coach::parse_builtin().unwrap_or_else(|_| Coach {
            categories: Vec::new(),
            words: BTreeMap::new(),
            compiled: Compiled::default(),
        })
    }

    fn parse_builtin() -> Result<Coach, String> {
        let file = parse(BUILTIN)?;
        let mut categories = Vec::new();
        for id in CategoryId::ALL {
            let spec = file
                .categories
                .iter()
                .find(|c| c.id == id)
                .ok_or_else(|| format!("the built-in coach lacks {id}"))?;
            categories.push(Category {
                id,
                name: spec.name.clone().unwrap_or_default(),
                explanation: spec.explanation.clone().unwrap_or_default(),
                questions: spec.questions.clone(),
                enabled: spec.enabled.unwrap_or(true),
                phrases: spec.phrases.clone(),
                unless: spec.unless.clone(),
            });
        }
        let compiled = compile(&categories, &file.words)?;
        Ok(Coach {
            categories,
            words: file.words,
            compiled,
        })
    }

    /// The defaults with a team's file laid over them (see the module
    /// documentation for its shape). An error names the line and column,
    /// or the category and phrase at fault; the caller keeps
    /// [`Coach::builtin`] then.
    pub fn from_ron(text: &str) -> Result<Coach, String> {
        Coach::builtin().merged(text)
    }

    /// This coach with a team's file laid over it.
    pub fn merged(&self, text: &str) -> Result<Coach, String> {
        let file = parse(text)?;
        let mut coach = self.clone();
        if file.replace {
            coach.words.clear();
            for c in &mut coach.categories {
                c.phrases.clear();
                c.unless.clear();
            }
        }
        for (class, words) in file.words {
            coach.words.entry(class).or_default().extend(words);
        }
        for spec in file.categories {
            let Some(c) = coach.categories.iter_mut().find(|c| c.id == spec.id) else {
                continue;
            };
            // A team's words are shown, never acted on: control, bidi and
            // zero-width characters are made visible as they are read.
            let shown = |t: &str| crate::domain::text::visible_line(t).into_owned();
            if let Some(name) = spec.name {
                c.name = shown(&name);
            }
            if let Some(explanation) = spec.explanation {
                c.explanation = shown(&explanation);
            }
            if !spec.questions.is_empty() {
                if !(1..=3).contains(&spec.questions.len()) {
                    return Err(format!("{}: give one to three questions", spec.id));
                }
                c.questions = spec.questions.iter().map(|q| shown(q)).collect();
            }
            if let Some(enabled) = spec.enabled {
                c.enabled = enabled;
            }
            c.phrases.extend(spec.phrases);
            c.unless.extend(spec.unless);
        }
        coach.compiled = compile(&coach.categories, &coach.words)?;
        Ok(coach)
    }

    /// Every category, enabled or not, in [`CategoryId::ALL`] order.
    pub fn categories(&self) -> &[Category] {
        &self.categories
    }

    pub fn category(&self, id: CategoryId) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// The flags in `text`, ordered by position then category. Overlapping
    /// matches of one category are joined into one flag.
    pub fn check(&self, text: &str) -> Vec<Flag> {
        self.check_in(text, &mut Headings::default())
    }

    /// The flags in one text of a review whose other texts were checked
    /// with the same `headings`: a heading already flagged in an earlier
    /// field is not flagged again.
    pub fn check_in(&self, text: &str, headings: &mut Headings) -> Vec<Flag> {
        let c = &self.compiled;
        let tokens = c.classes.tokenize(text);
        let cx = context::Context::new(text, &tokens, &c.classes, &mut headings.0);
        // (category, first token, end token)
        let mut found: Vec<(CategoryId, usize, usize)> = Vec::new();
        for (i, token) in tokens.iter().enumerate() {
            if token.quoted {
                continue;
            }
            c.index.any(token, &c.classes, |p| {
                let (category, pattern) = &c.patterns[p];
                if let Some(end) = pattern.match_at(&tokens, i, &c.classes)
                    && end > i
                    && !self.cancelled(*category, &tokens, i, end)
                    && cx.keeps(*category, i, end)
                {
                    found.push((*category, i, end));
                }
                false
            });
        }
        found.sort_unstable();
        let mut flags: Vec<Flag> = Vec::new();
        let mut last: Option<(CategoryId, usize)> = None;
        for (category, first, end) in found {
            let (start, stop) = (tokens[first].start, tokens[end - 1].end);
            match (last, flags.last_mut()) {
                (Some((cat, prev_end)), Some(flag)) if cat == category && start < prev_end => {
                    flag.end = flag.end.max(stop);
                    flag.matched = text[flag.start..flag.end].to_owned();
                    last = Some((category, flag.end));
                }
                _ => {
                    flags.push(Flag {
                        category,
                        start,
                        end: stop,
                        matched: text[start..stop].to_owned(),
                    });
                    last = Some((category, stop));
                }
            }
        }
        flags.sort_by_key(|f| (f.start, f.category));
        flags
    }

    /// Whether an `unless` phrase of `category` overlaps tokens `first..end`.
    fn cancelled(
        &self,
        category: CategoryId,
        tokens: &[tokens::Token],
        first: usize,
        end: usize,
    ) -> bool {
        let c = &self.compiled;
        let Some(unless) = c.unless.get(category.index()) else {
            return false;
        };
        // Each phrase from as far before `first` as it can reach.
        let from = first.saturating_sub(unless.longest.saturating_sub(1));
        (from..end).any(|s| {
            tokens.get(s).is_some_and(|t| {
                unless.index.any(t, &c.classes, |k| {
                    let p = &unless.patterns[k];
                    s >= first.saturating_sub(p.max_len().saturating_sub(1))
                        && p.match_at(tokens, s, &c.classes)
                            .is_some_and(|e| e > first && e > s)
                })
            })
        })
    }
}

impl Default for Coach {
    fn default() -> Self {
        Coach::builtin()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_file_parses_and_has_every_category() {
        let coach = Coach::parse_builtin().unwrap();
        assert_eq!(coach.categories().len(), CategoryId::ALL.len());
    }

    #[test]
    fn a_flag_covers_the_words() {
        let flags = Coach::builtin().check("Honestly I should’ve known.");
        let cf = flags
            .iter()
            .find(|f| f.category == CategoryId::Counterfactual)
            .unwrap();
        assert_eq!(cf.matched, "should’ve known");
    }
}
