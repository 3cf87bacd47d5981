//! More readings of a modal perfect (see [`context`](super::context)):
//! what could have happened is a possibility, what something should have
//! been is an expectation, a condition about a thing tells what was
//! avoided, and "asked me if I had" asks rather than supposes.

use super::context::{Context, JUDGING};
use super::readings::{AFFECTED, AVOIDED, COGNITION, OPENS_ON_WHAT_WAS_THERE, OTHERS};

/// Verbs of what befell, or what it cost: "the best thing that could have
/// happened", "changes that could have triggered the same outage", "it
/// could have taken a whole week". Said with "could", "might" or "may",
/// a possibility or luck, not a step someone missed.
const BEFELL: &[&str] = &[
    "happened",
    // as typed in a hurry: "the horrors that could have happen"
    "happen",
    "occurred",
    "taken",
    "lasted",
    "cost",
    "triggered",
    "caused",
    "resulted",
    "led",
];

/// What may have befallen a thing: "could have been exposed".
const BEFALLEN: &[&str] = &[
    "introduced",
    "exposed",
    "compromised",
    "accessed",
    "leaked",
    "lost",
    "corrupted",
    "deleted",
    "affected",
    "impacted",
    "hit",
    "worse",
];

/// What comes after "should have been" when it says what a thing was
/// expected to be rather than what people should have done: "Should have
/// been a routine deployment", "should have been non-zero", "It should not
/// have been possible for a single user to ...".
const STATES: &[&str] = &[
    "a",
    "an",
    "the",
    "zero",
    "non-zero",
    "nonzero",
    "possible",
    "impossible",
    "empty",
    "fine",
];

/// Verbs of what an event did by itself: "If it had spread, ...".
const EVENT_VERBS: &[&str] = &[
    "happened",
    "occurred",
    "spread",
    "reached",
    "lasted",
    "continued",
    "hit",
    "gone",
    "run",
];

/// Verbs after which "if" means "whether": "asked me if I had changed it".
const ASKING: &[&str] = &[
    "ask",
    "asked",
    "asks",
    "asking",
    "wonder",
    "wondered",
    "wondering",
    "check",
    "checked",
    "checking",
    "know",
    "knew",
    "sure",
    "see",
    "saw",
];

/// Words of an apology before "if": "sorry if you had ...".
const APOLOGISING: &[&str] = &["sorry", "apologise", "apologize", "apologies"];

/// Pronouns that stand for a thing or an event in a condition: "If it
/// had, ...", "If this had been the case, ...".
/// Words of advice after "would have been": "would have been useful".
const ADVISABLE: &[&str] = &[
    "useful",
    "helpful",
    "good",
    "nice",
    "great",
    "wise",
    "smart",
    "prudent",
    "ideal",
    "preferable",
    "best",
    "appropriate",
    "sensible",
    "valuable",
    "beneficial",
];
const THING_PRONOUNS: &[&str] = &["it", "this", "that"];

/// Verbs of a wish after "than ... would have": "took longer than we
/// would have liked".
const WISHED: &[&str] = &[
    "liked",
    "wanted",
    "hoped",
    "preferred",
    "wished",
    "expected",
];

/// Verbs of what a step would have entailed: "as this would have risked
/// presenting incorrect information".
const ENTAILED: &[&str] = &[
    "risked", "meant", "entailed", "involved", "begun", "started", "ended",
];

/// Verbs of guessing and expecting: "who would have guessed?", "as you
/// would have thought".
const GUESSED: &[&str] = &[
    "guessed",
    "thought",
    "imagined",
    "expected",
    "predicted",
    "believed",
    "known",
];

/// What someone meets rather than does: "you would have seen slowness".
const MET: &[&str] = &[
    "seen",
    "noticed",
    "experienced",
    "received",
    "gotten",
    "got",
    "encountered",
    "hit",
    "met",
];

/// Words that set what normally happens: "Under normal circumstances, this
/// would have been resolved as the instances restarted".
const NORMALLY: &[&str] = &[
    "normal",
    "normally",
    "ordinarily",
    "usually",
    "typically",
    "ideally",
];

/// What a thing or people would have been left in: "everything would have
/// been accessible", "users would have been unable to".
const STATE_OF: &[&str] = &[
    "accessible",
    "inaccessible",
    "available",
    "unavailable",
    "unable",
    "offline",
    "online",
    "down",
    "unaffected",
    "visible",
];

impl Context<'_> {
    /// A modal perfect that tells what normally happens, a wish about how
    /// long something took, what a step would have entailed, or the state
    /// something would have been in: an expectation or an estimate, not a
    /// judgement of a step.
    pub(super) fn expected_or_wished(&self, modal: usize, end: usize) -> bool {
        let t = self.tokens;
        let sentence = t[modal].sentence;
        let verb = t[end - 1].lower.as_str();
        let would = t[modal].lower.starts_with("would");
        let than = (modal.saturating_sub(3)..modal)
            .any(|i| t[i].sentence == sentence && t[i].lower == "than");
        let normally = (0..modal)
            .rev()
            .take_while(|&i| t[i].sentence == sentence)
            .any(|i| NORMALLY.contains(&t[i].lower.as_str()));
        let state = verb == "been"
            && self
                .next_in_sentence(end)
                .is_some_and(|n| STATE_OF.contains(&n.lower.as_str()));
        // "just slower than it should have been": what was expected.
        let than_expected = than && verb == "been" && self.next_in_sentence(end).is_none();
        // "if you logged in on Dec 25, you would have seen all your data":
        // what anyone there met, not a step someone missed.
        let anyone = (0..modal)
            .rev()
            .take_while(|&i| t[i].sentence == sentence)
            .any(|i| {
                t[i].lower == "if"
                    && t.get(i + 1).is_some_and(|w| w.lower == "you")
                    && t.get(i + 2).is_some_and(|w| !w.lower.starts_with("had"))
            })
            && modal > 0
            && t[modal - 1].lower == "you";
        // "This should have been minimally impactful": a state expected.
        let expected_state = verb == "been"
            && self.next_in_sentence(end).is_some_and(|n| {
                n.lower.ends_with("ly")
                    && self
                        .next_in_sentence(end + 1)
                        .is_some_and(|m| !self.is(self.participle, m))
            });
        // "just as it should have been", "as terrible as you would have
        // thought": a comparison with what was expected.
        // Not "Sam wasn't as careful as he should have been": a negation
        // before makes it a judgement of what was done.
        let negated = (modal.saturating_sub(8)..modal)
            .any(|i| t[i].sentence == sentence && self.is(self.negation, &t[i]));
        let as_expected = !negated
            && (modal.saturating_sub(3)..modal)
                .any(|i| t[i].sentence == sentence && t[i].lower == "as")
            && ((verb == "been" && self.next_in_sentence(end).is_none())
                || (would && GUESSED.contains(&verb)));
        // "who would have guessed?": nobody would have, not a missed step.
        // Not "who should have known better": a judgement.
        let rhetorical = modal > 0
            && t[modal - 1].lower == "who"
            && !t[modal].lower.starts_with("should")
            && GUESSED.contains(&verb);
        // "you unfortunately would have seen slowness": what a reader met.
        let met = would
            && MET.contains(&verb)
            && (modal.saturating_sub(3)..modal)
                .any(|i| t[i].clause == t[modal].clause && t[i].lower == "you");
        as_expected
            || rhetorical
            || met
            || (than && WISHED.contains(&verb))
            || than_expected
            || anyone
            || (expected_state && t[modal].lower.starts_with("should"))
            || (would && (ENTAILED.contains(&verb) || state))
            || (normally && !t[modal].lower.starts_with("could"))
    }

    /// "IF ONLY!": an exclamation with no past supposed after it.
    pub(super) fn exclaimed(&self, first: usize, end: usize) -> bool {
        let t = self.tokens;
        end == first + 2 && t[first].lower == "if" && self.next_in_sentence(end).is_none()
    }

    /// "could have happened", "might have taken a week": a possibility.
    /// Under a condition about what was done ("could have happened
    /// automatically if the health check had been stricter") it judges
    /// that instead.
    pub(super) fn possibility(&self, modal: usize, end: usize) -> bool {
        let t = self.tokens;
        let judged = t[end..]
            .iter()
            .take_while(|w| w.sentence == t[modal].sentence)
            .any(|w| {
                matches!(
                    w.lower.as_str(),
                    "if" | "automatically" | "sooner" | "earlier"
                )
            });
        let verb = t[end - 1].lower.as_str();
        // "the problems these incidents would have caused your business",
        // "attempts would have resulted in errors": what an event would
        // have done, an estimate of its harm.
        let estimated = matches!(t[modal].lower.as_str(), "would" | "would've" | "wouldve")
            && matches!(verb, "caused" | "happened" | "occurred" | "resulted")
            && modal
                .checked_sub(1)
                .is_some_and(|b| t[b].sentence == t[modal].sentence && !self.is_person(&t[b]));
        (estimated
            || (matches!(
                t[modal].lower.as_str(),
                "could" | "could've" | "couldve" | "might" | "might've" | "may"
            ) && BEFELL.contains(&verb)))
            && !judged
    }

    /// "should have been" + what a thing was meant to be, not what
    /// someone should have done.
    /// "could have served stale data for up to five minutes", "would have
    /// hit as many as 300 users", "In the worst case, we would have lost an
    /// hour of writes", "A rollback would have taken 40 minutes": a bound
    /// on an impact, or what a step would have cost, an estimate.
    pub(super) fn bounded(&self, modal: usize, end: usize) -> bool {
        let t = self.tokens;
        let sentence = t[modal].sentence;
        // The sentence's tokens are contiguous: read only them.
        let from = (0..modal)
            .rev()
            .take_while(|&i| t[i].sentence == sentence)
            .last()
            .unwrap_or(modal);
        let to = modal
            + t[modal..]
                .iter()
                .take_while(|w| w.sentence == sentence)
                .count();
        let bound = t[from..to].windows(2).any(|w| {
            matches!(
                [w[0].lower.as_str(), w[1].lower.as_str()],
                ["up", "to"]
                    | ["many" | "much", "as"]
                    | ["worst", "case"]
                    | ["at", "worst" | "most" | "least"]
            )
        });
        let cost = matches!(
            t[end - 1].lower.as_str(),
            "taken" | "lasted" | "cost" | "required"
        ) && self.next_in_sentence(end).is_some_and(|n| {
            n.lower.starts_with(|c: char| c.is_ascii_digit())
                || matches!(
                    n.lower.as_str(),
                    "about"
                        | "around"
                        | "roughly"
                        | "over"
                        | "hours"
                        | "days"
                        | "minutes"
                        | "weeks"
                )
        });
        bound || cost
    }

    /// "data could have been exposed", "the bug could have been introduced
    /// in March": what may have befallen a thing, a possibility, not a step
    /// someone missed ("could have been avoided").
    pub(super) fn befallen(&self, participle: &super::tokens::Token) -> bool {
        BEFALLEN.contains(&participle.lower.as_str())
    }

    /// "should have been trending to zero" of a metric is an expectation
    /// too; "we should have been monitoring it" is not, nor "It should have
    /// been the first thing we checked", where people follow.
    pub(super) fn expected_state(&self, end: usize, by_person: bool) -> bool {
        let t = self.tokens;
        let people_follow = t[end..]
            .iter()
            .take_while(|w| w.clause == t[end - 1].clause)
            .any(|w| self.is_person(w));
        t[end - 1].lower == "been"
            && !people_follow
            && self.next_in_sentence(end).is_some_and(|n| {
                STATES.contains(&n.lower.as_str()) || (!by_person && n.lower.ends_with("ing"))
            })
    }

    /// A sentence that opens on a condition about a thing ("If it had,
    /// it would have rendered ...", "If this had been the case, we would
    /// have had to ..."): what was avoided, not a step someone missed.
    pub(super) fn hypothetical_thing(&self, modal: usize) -> bool {
        let t = self.tokens;
        let sentence = t[modal].sentence;
        let Some(open) = (0..modal)
            .rev()
            .take_while(|&i| t[i].sentence == sentence)
            .last()
        else {
            return false;
        };
        let had = open + 2;
        let condition = t[open].lower == "if"
            && t.get(open + 1)
                .is_some_and(|w| THING_PRONOUNS.contains(&w.lower.as_str()))
            && t.get(had).is_some_and(|w| w.lower == "had");
        // "If it had," (the clause ends), "If this had been the case", "If
        // it had spread": an event; "If it had been caught in review"
        // judges the review.
        let event = || {
            let after = |k: usize| t.get(had + k).filter(|w| w.clause == t[had].clause);
            match after(1).map(|w| w.lower.as_str()) {
                None => true,
                Some("been") => after(2).is_some_and(|w| {
                    matches!(w.lower.as_str(), "the" | "so" | "true" | "worse" | "longer")
                }),
                Some(w) => EVENT_VERBS.contains(&w),
            }
        };
        condition && event()
    }

    /// "asked me if I had changed the code": "if" as "whether", a question
    /// put then, not a supposition about another past.
    pub(super) fn if_asks(&self, at: usize) -> bool {
        let t = self.tokens;
        let before = |k: usize| {
            at.checked_sub(k)
                .map(|i| &t[i])
                .filter(|w| w.sentence == t[at].sentence)
        };
        let asking = |k: usize| before(k).is_some_and(|w| ASKING.contains(&w.lower.as_str()));
        // "I'm sorry if you had registered": the condition of an apology.
        let sorry = before(1).is_some_and(|w| APOLOGISING.contains(&w.lower.as_str()));
        t[at].lower == "if"
            && (asking(1) || sorry || (asking(2) && before(1).is_some_and(|w| self.is_person(w))))
    }

    /// A "would/could have" that tells what was avoided or estimates an
    /// impact rather than judging a step: under a condition that was not
    /// met ("unless ...", "had we not been monitoring"), said of the people
    /// an outage reaches ("external users would have experienced"), of
    /// what a thing would have had ("would have had delays"), or of what
    /// others could have done ("malicious third parties could have done").
    pub(super) fn avoided_or_estimated(&self, modal: usize, end: usize) -> bool {
        let t = self.tokens;
        let sentence = t[modal].sentence;
        let before = || (0..modal).rev().take_while(|&i| t[i].sentence == sentence);
        let avoided = before().any(|i| {
            AVOIDED.contains(&t[i].lower.as_str())
                || (t[i].lower == "had"
                    && (i == 0 || t[i - 1].sentence != sentence || t[i - 1].clause != t[i].clause)
                    && t.get(i + 2)
                        .is_some_and(|n| matches!(n.lower.as_str(), "not" | "never")))
        });
        let opener = before().last().map(|i| t[i].lower.as_str());
        if avoided || opener.is_some_and(|w| OPENS_ON_WHAT_WAS_THERE.contains(&w)) {
            return true;
        }
        let verb = &t[end - 1];
        // "would have had delays" estimates; "could have had more testing"
        // judges what was missing.
        let had_something = verb.lower == "had"
            && self
                .next_in_sentence(end)
                .is_some_and(|n| n.lower != "to" && !JUDGING.contains(&n.lower.as_str()));
        let subject_is = |words: &[&str]| {
            before()
                .take_while(|&i| t[i].clause == t[modal].clause)
                .take(6)
                .any(|i| words.contains(&t[i].lower.as_str()))
        };
        let could = t[modal].lower.starts_with("could");
        had_something
            || subject_is(AFFECTED)
            || (could && subject_is(OTHERS) && !COGNITION.contains(&verb.lower.as_str()))
    }

    /// "That would have been a rare irony", "it would have been tough",
    /// "content would have been served from the cache": "would have been"
    /// estimates a state or an outcome; it judges a step only with a word
    /// of advice or a comparison after it ("would have been useful",
    /// "would have been a good idea", "would have been faster", "the best
    /// approach would have been to revert").
    pub(super) fn would_have_been_a_state(&self, modal: usize, end: usize) -> bool {
        let t = self.tokens;
        let would = matches!(t[modal].lower.as_str(), "would" | "would've" | "wouldve");
        if !would || t[end - 1].lower != "been" {
            return false;
        }
        // "If it had been caught in review, the outage would have been
        // short": the condition is the step that was missed.
        let sentence = t[modal].sentence;
        let conditioned = (0..modal)
            .rev()
            .take_while(|&i| t[i].sentence == sentence)
            .any(|i| t[i].lower == "if" && (i + 1..modal).take(3).any(|j| t[j].lower == "had"));
        if conditioned {
            return false;
        }
        let clause = t[end - 1].clause;
        let after: Vec<&str> = (end..(end + 4).min(t.len()))
            .take_while(|&i| t[i].clause == clause)
            .map(|i| t[i].lower.as_str())
            .collect();
        let advice = after.iter().take(3).any(|w| {
            ADVISABLE.contains(w) || JUDGING.contains(w) || (w.ends_with("er") && w.len() > 4)
        });
        !(advice || after.first().is_none_or(|w| *w == "to"))
    }
}
