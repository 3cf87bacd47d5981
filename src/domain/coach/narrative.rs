//! More senses of "just", "simply" and "easy" (see
//! [`context`](super::context)): a writer telling what they themselves did,
//! "just" that limits a set, "just" inside a counterfactual, and "easy" or
//! "easily" of what a thing allows or shows.

use super::context::{Context, SHOULD, WOULD_COULD};

/// The writer, or the writer's team, as the subject of a verb.
const FIRST_PERSON: &[&str] = &[
    "i", "we", "i'm", "we're", "im", "i've", "we've", "i'd", "we'd",
];
/// Words that may stand between the subject and "just": "I'm mostly just
/// sharing this".
const SUBJECT_ADVERBS: &[&str] = &["then", "also", "really", "only", "still", "mostly"];
/// Past tenses that are no participle of the class `participle`: "I
/// simply forgot", "we just ran the script".
pub(super) const IRREGULAR_PAST: &[&str] = &[
    "forgot",
    "ran",
    "took",
    "went",
    "did",
    "broke",
    "wrote",
    "saw",
    "gave",
    "chose",
    "drove",
    "began",
    "threw",
    "came",
    "knew",
    "froze",
    "grew",
    "drew",
    "rewrote",
    "overwrote",
    "undid",
];
/// "We just needed to bump the pool size": what had to be done, made small.
pub(super) const NEEDING: &[&str] = &["needed", "need", "needs", "had", "have", "has", "got"];
/// Words after "just" that pick out a part of a set: "just the underlying
/// binary data did", "more than just the common failure scenarios".
const DETERMINERS: &[&str] = &["the", "these", "those", "this", "that"];
/// What "easy to ..." may make possible by mistake: "if it's that easy to
/// drop the prod db" tells a risk, not a small task.
const RISKS: &[&str] = &[
    "drop",
    "delete",
    "wipe",
    "destroy",
    "remove",
    "lose",
    "corrupt",
    "overwrite",
    "break",
    "misconfigure",
    "leak",
];

/// Slips that are "easy to make": said of how readily one happens, not of
/// work made small ("an easy mistake to fix" is).
const SLIPS: &[&str] = &["mistake", "mistakes", "error", "errors", "slip", "typo"];

/// What a plain option is called when it would not do: "a simple rollback
/// was highly sub-optimal".
const WOULD_NOT_DO: &[&str] = &[
    "insufficient",
    "inadequate",
    "impossible",
    "risky",
    "unsafe",
    "dangerous",
    "unavailable",
    "sub-optimal",
    "suboptimal",
];

/// Words before "to easily ..." that say what a thing allows.
const ALLOWING: &[&str] = &[
    "way", "ways", "able", "allow", "allows", "allowed", "enable", "enables", "lets", "tool",
    "option", "button", "feature",
];

impl Context<'_> {
    /// "a simple rollback was highly sub-optimal", "a simple restart was not
    /// enough": "simple" as "plain", an option the sentence rules out,
    /// which makes no work small.
    pub(super) fn ruled_out(&self, adjective: usize) -> bool {
        let t = self.tokens;
        let clause = t[adjective].clause;
        let Some(copula) = (adjective + 1..(adjective + 4).min(t.len()))
            .take_while(|&i| t[i].clause == clause)
            .find(|&i| {
                matches!(
                    t[i].lower.as_str(),
                    "was" | "is" | "would" | "wasn't" | "isn't"
                )
            })
        else {
            return false;
        };
        t[copula].lower.ends_with("n't")
            || (copula + 1..(copula + 4).min(t.len()))
                .take_while(|&i| t[i].clause == clause)
                .any(|i| {
                    let w = &t[i];
                    WOULD_NOT_DO.contains(&w.lower.as_str()) || self.is(self.negation, w)
                })
    }

    /// "a way to easily scrap items": "easily" in an infinitive of what
    /// something allows.
    fn allows(&self, at: usize) -> bool {
        let t = self.tokens;
        at >= 2
            && t[at - 1].lower == "to"
            && t[at - 2].sentence == t[at].sentence
            && ALLOWING.contains(&t[at - 2].lower.as_str())
    }

    /// "I simply deleted all the users", "we just released a blog post",
    /// "I'm mostly just sharing this", "just modified to avoid ...": the
    /// writer telling what they did (or that they did it a moment ago), not
    /// a judgement that someone's work was small. "We just needed to bump
    /// the pool size" still makes the fix small, and "Sam simply restarted
    /// it" judges another's act.
    pub(super) fn own_narrative(&self, at: usize) -> bool {
        let t = self.tokens;
        let Some(verb) = self.next_in_sentence(at + 1) else {
            return false;
        };
        let w = verb.lower.as_str();
        let past = w.ends_with("ed")
            || IRREGULAR_PAST.contains(&w)
            || (self.is(self.participle, verb) && w != "been");
        let told = (past || w.ends_with("ing"))
            && verb.clause == t[at].clause
            && !(NEEDING.contains(&w)
                && self
                    .next_in_sentence(at + 2)
                    .is_some_and(|n| n.lower == "to"));
        if !told {
            return false;
        }
        let mut i = at;
        while i > 0 && t[i - 1].clause == t[at].clause {
            i -= 1;
            let b = t[i].lower.as_str();
            // "I simply deleted", "our engineers just rolled back".
            let ours = i > 0 && t[i - 1].lower == "our" && t[i - 1].clause == t[at].clause;
            if FIRST_PERSON.contains(&b) || (ours && self.is_person(&t[i])) {
                return true;
            }
            if !(SUBJECT_ADVERBS.contains(&b) || b.ends_with("ly")) {
                return false;
            }
        }
        // A note that opens on the verb: "just modified to avoid ...";
        // "Just run the beta" (a base form) tells someone what to do.
        let plain_past = w.ends_with("ed") || IRREGULAR_PAST.contains(&w);
        plain_past && (i == 0 || t[i - 1].sentence != t[at].sentence)
    }

    /// "just the underlying data did", "more than just the common
    /// scenarios", "just based on the time": "just" as "only", picking out
    /// part of a set or of the reasons; "just how flawed the system was"
    /// is a degree.
    pub(super) fn limits_a_set(&self, at: usize) -> bool {
        let t = self.tokens;
        let after_than = at > 0 && t[at - 1].lower == "than" && t[at - 1].clause == t[at].clause;
        after_than
            || self.next_in_sentence(at + 1).is_some_and(|n| {
                DETERMINERS.contains(&n.lower.as_str())
                    || matches!(n.lower.as_str(), "based" | "due" | "how")
            })
    }

    /// "the best approach would have been to just revert": the "just" is
    /// part of the counterfactual around it, flagged as that.
    pub(super) fn inside_counterfactual(&self, at: usize) -> bool {
        let t = self.tokens;
        (at.saturating_sub(6)..at)
            .filter(|&i| t[i].clause == t[at].clause)
            .any(|i| {
                let w = t[i].lower.as_str();
                (w.ends_with("'ve") && (SHOULD.contains(&w) || WOULD_COULD.contains(&w)))
                    || ((SHOULD.contains(&w) || WOULD_COULD.contains(&w))
                        && t.get(i + 1).is_some_and(|n| n.lower == "have"))
            })
    }

    /// "easily noticeable" (what evidence showed), "easy to drop the prod
    /// db" or "an easy mistake to make" (what a thing allows by mistake),
    /// "a way to easily scrap items"
    /// (what a feature allows): no judgement of work.
    pub(super) fn easy_of_a_thing(&self, at: usize) -> bool {
        let t = self.tokens;
        let next = self.next_in_sentence(at + 1);
        match t[at].lower.as_str() {
            "easily" => {
                next.is_some_and(|n| n.lower.ends_with("able") || n.lower.ends_with("ible"))
                    || self.allows(at)
            }
            "easy" => {
                let risk_at = |to: usize, risks: &[&str]| {
                    self.next_in_sentence(to).is_some_and(|n| n.lower == "to")
                        && self
                            .next_in_sentence(to + 1)
                            .is_some_and(|v| risks.contains(&v.lower.as_str()))
                };
                // "easy to drop the prod db", "an easy mistake to make".
                risk_at(at + 1, RISKS)
                    || (next.is_some_and(|n| SLIPS.contains(&n.lower.as_str()))
                        && risk_at(at + 2, &["make", "miss", "overlook"]))
            }
            _ => false,
        }
    }
}
