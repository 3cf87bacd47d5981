//! Reading the sentence around a match before it becomes a flag.
//!
//! A phrase says which words to look for; these rules say when the words
//! mean something else in their sentence. They are English grammar, kept
//! small and explicit:
//!
//! - **Negation.** A word of the class `negation` shortly before a match,
//!   in the same clause, cancels it: "This is not incompetence", "not a
//!   process for assigning blame", "there are no items that could have
//!   prevented this", "I can't say for sure", "This is not a root cause".
//!   For minimising it must come right before the word ("not just", "not
//!   trivial", "nothing obviously wrong"), so that "Why didn't you just
//!   roll back?" still minimises. A negated "would" or "could" perfect
//!   ("would not have protected us", "wouldn't have been possible without")
//!   is no counterfactual; a negated "should" is ("we shouldn't have
//!   merged").
//! - **Modal readings.** "could/might/may have been" followed by anything
//!   but a participle or a comparison is a hypothesis or luck, not a
//!   judgement: "It could also have been a networking issue", "this could
//!   have been a lot worse"; but "could have been avoided" and "could have
//!   been faster" judge. "should have" said of a system, or of something
//!   meant to happen by itself, is an expectation of that system:
//!   "downstream jobs should have been corrected automatically". A
//!   "would/could have" tells what was avoided, or estimates an impact,
//!   rather than judging a step: under a condition that was not met
//!   ("unless logged in, content would have been served from the old
//!   host", "had we not been monitoring, ..."), said of the people an
//!   outage reaches ("external users would have experienced"), of what a
//!   thing would have had ("would have had delays"), or of what others
//!   could have done ("malicious third parties could have done this").
//!   Knowing sooner stays a judgement whoever could have: "anyone could
//!   have predicted it". More readings are in [`modal`](super::modal):
//!   what could have befallen ("could have taken a week"), what a thing
//!   should have been ("should have been a routine deployment"), a
//!   condition about a thing ("If it had, it would have ..."), and "if" as
//!   "whether" ("asked me if I had changed it").
//! - **The subject of "failed to".** A person failing to do something is a
//!   counterfactual; a pod failing to start is a fact.
//! - **Questions are not claims.** Certainty is not flagged in a question,
//!   nor in how a moment felt ("that must have been pretty hairy"), nor
//!   in emphasis that names no cause ("we will for sure look into it", "no
//!   doubt this was stressful"); "for sure it was the Redis eviction
//!   policy" and "we know for sure" are certainty.
//! - **The sense of "just", "simply" and "easy".** "just" before a number
//!   is precision ("just 2 GB"); "just" or "simply" said of what a thing
//!   did is no judgement of work ("it just reshaped the table back");
//!   "an easy ..." minimises only work ("an easy fix", not "an easy
//!   distraction"). The writer telling what they did ("I simply deleted
//!   the rows") does not minimise, nor "just" of a set ("just the data
//!   did") or inside a counterfactual; see [`narrative`](super::narrative).
//!   More senses are `unless` phrases in `assets/coach.ron`.
//! - **Blame as a topic.** "blame is an easy distraction" and "put the
//!   blame on the deployment" talk about blame or land it on a thing; "the
//!   guy to blame is the CTO" blames.
//! - **Structure.** A line that is a heading or a template's question is
//!   not flagged for counterfactuals, root-cause thinking or "why"
//!   questions, and the same heading again later in a text is not flagged
//!   at all (see the module documentation of the coach).

use super::CategoryId;
use super::pattern::Classes;
use super::structure::Line;
use super::tokens::Token;

/// How far before a match a negation reaches, per category (in words).
fn negation_reach(category: CategoryId) -> usize {
    match category {
        CategoryId::Blame => 5,
        CategoryId::Counterfactual => 4,
        CategoryId::Certainty | CategoryId::Hindsight => 3,
        CategoryId::RootCause => 4,
        CategoryId::Minimising => 1,
        CategoryId::WhyQuestion => 0,
    }
}

/// Whether a negation word can cancel a match of `category`. Blame and
/// root causes are about what a thing or an act is called: "not" and a
/// negated "is" deny the description ("This is not incompetence", "it
/// wasn't human error"), but a negated act presupposes what follows it
/// ("without realizing the mistake", "we didn't notice the mistake").
fn reaches(category: CategoryId, negation: &str) -> bool {
    if !matches!(category, CategoryId::Blame | CategoryId::RootCause) {
        return true;
    }
    const COPULAS: &[&str] = &[
        "isn't", "wasn't", "aren't", "weren't", "isnt", "wasnt", "arent", "werent",
    ];
    let negated_act = negation == "without"
        || ((negation.ends_with("n't") || negation.ends_with("nt"))
            && !COPULAS.contains(&negation));
    !negated_act
}

/// Words that may stand between a negation and a minimising word:
/// "not that easy", "not so simple".
const INTENSIFIERS: &[&str] = &[
    "that", "so", "very", "as", "all", "too", "at", "quite", "a", "an",
];
/// Verbs of opinion: a negation before one denies what follows it.
const OPINION: &[&str] = &[
    "think", "believe", "consider", "call", "say", "feel", "see", "view",
];
/// Possessors that deny there is a fault: "It was nobody's fault".
const NOBODY: &[&str] = &["nobody's", "noone's", "no-one's", "nobodys"];

/// Words after a negation that turn it into "not only": "not just my fault".
const LIMITING: &[&str] = &["just", "only", "merely", "solely", "simply", "entirely"];
/// Words that may stand between a negation and a root cause whose
/// existence it denies: "not have a single root cause", "isn't the one
/// root cause".
const EXISTENCE: &[&str] = &[
    "have", "has", "had", "be", "been", "a", "an", "the", "one", "single", "any", "always",
    "really",
];

pub(super) const SHOULD: &[&str] = &[
    "should",
    "shouldn't",
    "shouldnt",
    "should've",
    "shouldve",
    "shouldn't've",
];
pub(super) const WOULD_COULD: &[&str] = &[
    "would",
    "could",
    "wouldn't",
    "couldn't",
    "wouldnt",
    "couldnt",
    "would've",
    "could've",
    "wouldve",
    "couldve",
    "wouldn't've",
    "couldn't've",
];
const NEGATED_WOULD_COULD: &[&str] = &[
    "wouldn't",
    "couldn't",
    "wouldnt",
    "couldnt",
    "wouldn't've",
    "couldn't've",
];
/// Modals whose "have been ..." can be a guess about what happened.
const EPISTEMIC: &[&str] = &["could", "could've", "couldve", "might", "may", "might've"];
/// Comparisons that judge a past step: "could have been faster".
pub(super) const JUDGING: &[&str] = &[
    "better", "faster", "sooner", "quicker", "earlier", "clearer", "smoother", "shorter",
    "cheaper", "safer", "more", "less",
];
/// Words of degree before a participle: "could have been much shortened".
const DEGREE: &[&str] = &["much", "far", "greatly", "so", "way"];
/// Words that say something was meant to happen by itself.
const AUTOMATIC: &[&str] = &["automatically", "automatic", "itself", "themselves"];
/// Verbs of events rather than of acts: "this shouldn't have happened".
const EVENTS: &[&str] = &[
    "happened",
    "occurred",
    "fired",
    "triggered",
    "kicked",
    "worked",
    "started",
    "reached",
    "arrived",
    "completed",
    "finished",
];
/// Words skipped when looking for the subject before a verb.
const SUBJECT_GAP: &[&str] = &[
    "that", "which", "who", "and", "also", "still", "then", "really", "probably",
];

/// The sentence around every match of one check.
pub(crate) struct Context<'a> {
    pub(super) tokens: &'a [Token],
    pub(super) classes: &'a Classes,
    pub(super) negation: Option<usize>,
    pub(super) person: Option<usize>,
    pub(super) system: Option<usize>,
    pub(super) participle: Option<usize>,
    /// Per token: on a statement, a heading or template question, or the
    /// repeat of one.
    structure: Vec<Line>,
}

impl<'a> Context<'a> {
    pub fn new(
        text: &str,
        tokens: &'a [Token],
        classes: &'a Classes,
        headings: &mut Vec<Vec<String>>,
    ) -> Context<'a> {
        let person = classes.find("person");
        let structure = super::structure::structural_tokens(
            text,
            tokens,
            |t| person.is_some_and(|c| classes.contains(c, t)),
            headings,
        );
        Context {
            tokens,
            classes,
            negation: classes.find("negation"),
            person,
            system: classes.find("system"),
            participle: classes.find("participle"),
            structure,
        }
    }

    pub(super) fn is(&self, class: Option<usize>, token: &Token) -> bool {
        class.is_some_and(|c| self.classes.contains(c, token))
    }

    pub(super) fn is_person(&self, token: &Token) -> bool {
        self.is(self.person, token)
    }

    /// Whether tokens `first..end`, matched for `category`, are a flag.
    pub fn keeps(&self, category: CategoryId, first: usize, end: usize) -> bool {
        let t = self.tokens;
        if self.structure[first] == Line::Repeat {
            return false;
        }
        if self.structure[first] != Line::Statement
            && matches!(
                category,
                CategoryId::Counterfactual | CategoryId::RootCause | CategoryId::WhyQuestion
            )
        {
            return false;
        }
        if category == CategoryId::Hindsight && self.unforeseeable(first) {
            return self.negated_before(category, first) || self.denied(first);
        }
        if self.negated_before(category, first) {
            return false;
        }
        match category {
            CategoryId::Counterfactual => self.counterfactual(first, end),
            CategoryId::Certainty => {
                !t[first].question
                    && !self.felt(end)
                    && !self.sure_of_what_comes(first, end)
                    && !self.emphasis(first, end)
                    && (t[first].lower != "obviously" || self.obviously_doing(first))
            }
            CategoryId::Minimising => {
                !self.hedges_or_counts(first, end) && self.minimising(first, end)
            }
            CategoryId::Hindsight => !self.plain_then(first, end),
            CategoryId::Blame => {
                !NOBODY.contains(&t[first].lower.as_str())
                    && (!self.blame_as_topic(first, end) || self.lands_on_us(first))
                    && !self.said_of_a_thing(first, end)
                    && self.said_of_a_person(first, end)
                    && !self.mistakes_in_general(first, end)
                    && !self.error_in_general(first, end)
                    && !self.judges_a_thing(first, end)
                    && !self.reported(first)
                    && !self.laid_by_others(first)
                    && !self.a_thing_to_blame(first, end)
                    && !self.no_ones_error(first, end)
            }
            _ => true,
        }
    }

    /// The token at `i` if it is in the same sentence as the one before it.
    pub(super) fn next_in_sentence(&self, i: usize) -> Option<&Token> {
        let prev = self.tokens.get(i.checked_sub(1)?)?;
        self.tokens.get(i).filter(|t| t.sentence == prev.sentence)
    }

    fn negated_before(&self, category: CategoryId, first: usize) -> bool {
        let reach = negation_reach(category);
        let start = &self.tokens[first];
        // "You don't need to blame yourself", "Don't blame the on-call": a
        // negated act of blaming is advice against it, not blame.
        let blaming = category == CategoryId::Blame
            && [
                Some(start),
                self.tokens.get(first + 1).filter(|_| start.lower == "to"),
            ]
            .into_iter()
            .flatten()
            .any(|w| w.lower.starts_with("blam"));
        let mut seen = 0;
        let mut i = first;
        while seen < reach && i > 0 {
            i -= 1;
            let t = &self.tokens[i];
            if t.clause != start.clause || t.quoted {
                return false;
            }
            // "We don't think this was human error", "I wouldn't call it a
            // mistake": a negated opinion denies the description.
            let opinion = self
                .tokens
                .get(i + 1)
                .is_some_and(|n| OPINION.contains(&n.lower.as_str()));
            if self.is(self.negation, t) && (reaches(category, &t.lower) || opinion || blaming) {
                // "it wasn't just my fault", "not only human error": the
                // negation limits, and so affirms, what follows.
                let limits = category != CategoryId::Minimising
                    && self
                        .tokens
                        .get(i + 1)
                        .is_some_and(|n| LIMITING.contains(&n.lower.as_str()));
                return !limits;
            }
            let skippable = match category {
                CategoryId::Minimising => INTENSIFIERS.contains(&t.lower.as_str()),
                // "do not have a single root cause": what is denied is
                // that there is one; "did not know the root cause" does not.
                CategoryId::RootCause if EXISTENCE.contains(&t.lower.as_str()) => true,
                CategoryId::RootCause => return false,
                _ => false,
            };
            if !skippable {
                seen += 1;
            }
        }
        false
    }

    fn counterfactual(&self, first: usize, end: usize) -> bool {
        let t = self.tokens;
        let words = &t[first..end];
        if let Some(f) = words
            .iter()
            .position(|w| matches!(w.lower.as_str(), "failed" | "failing" | "failure"))
        {
            return !self.undergone(first + f)
                && (self.person_did(first + f) || self.failure_to_act(first + f));
        }
        // "had we not been monitoring, ...": a condition that was not met,
        // told for what it avoided.
        if words[0].lower == "had"
            && words
                .iter()
                .any(|w| matches!(w.lower.as_str(), "not" | "never"))
        {
            return false;
        }
        if self.if_asks(first) || self.exclaimed(first, end) {
            return false;
        }
        let Some(m) = words.iter().position(|w| {
            SHOULD.contains(&w.lower.as_str()) || WOULD_COULD.contains(&w.lower.as_str())
        }) else {
            return true;
        };
        let modal = first + m;
        let lower = t[modal].lower.as_str();
        let not_after = words[m + 1..]
            .iter()
            .any(|w| matches!(w.lower.as_str(), "not" | "never"));
        let never_before = modal > 0 && t[modal - 1].lower == "never";
        if WOULD_COULD.contains(&lower)
            && (NEGATED_WOULD_COULD.contains(&lower) || not_after || never_before)
        {
            return false;
        }
        let last = &t[end - 1];
        // "I should have.": the perfect stands alone; "we should have a
        // runbook" is present.
        if last.lower == "have"
            && (self
                .next_in_sentence(end)
                .is_some_and(|n| n.clause == last.clause)
                || self.subject_before(modal) != Subject::Person)
        {
            return false;
        }
        if self.possibility(modal, end) {
            return false;
        }
        if self.expected_or_wished(modal, end) {
            return false;
        }
        if WOULD_COULD.contains(&lower)
            && (self.avoided_or_estimated(modal, end)
                || self.hypothetical_thing(modal)
                || self.would_have_been_a_state(modal, end)
                || self.declined_or_guessed(modal)
                || self.bounded(modal, end))
        {
            return false;
        }
        if EPISTEMIC.contains(&lower) && last.lower == "been" {
            let Some(next) = self.next_in_sentence(end) else {
                return false;
            };
            // "could have been avoided", "could easily have been avoided",
            // "could have been much shortened".
            let degree = next.lower.ends_with("ly") || DEGREE.contains(&next.lower.as_str());
            let passive = self.is(self.participle, next)
                || self
                    .next_in_sentence(end + 1)
                    .is_some_and(|n| degree && self.is(self.participle, n));
            return (passive && !self.befallen(next)) || JUDGING.contains(&next.lower.as_str());
        }
        if SHOULD.contains(&lower) {
            let automatic = (first..(end + 3).min(t.len()))
                .filter(|&i| t[i].sentence == t[first].sentence)
                .any(|i| AUTOMATIC.contains(&t[i].lower.as_str()));
            let subject = self.subject_before(modal);
            let expected = automatic
                || self.expected_state(end, subject == Subject::Person)
                || subject == Subject::System
                || (subject != Subject::Person && EVENTS.contains(&last.lower.as_str()));
            return !expected;
        }
        true
    }

    /// What stands before the verb at `verb`, in its clause.
    pub(super) fn subject_before(&self, verb: usize) -> Subject {
        let t = self.tokens;
        let mut i = verb;
        let mut looked = 0;
        while i > 0 && looked < 4 {
            i -= 1;
            if t[i].clause != t[verb].clause {
                break;
            }
            if SUBJECT_GAP.contains(&t[i].lower.as_str()) {
                continue;
            }
            looked += 1;
            if self.is_person(&t[i]) || self.classes.is_name(&t[i]) {
                return Subject::Person;
            }
            if self.is(self.system, &t[i]) {
                return Subject::System;
            }
        }
        Subject::Unknown
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Subject {
    Person,
    System,
    Unknown,
}
