//! The sense of a word in its sentence, read before a match becomes a
//! flag (see [`context`](super::context)): how a moment felt, emphasis
//! that names no cause, "just", "simply" and "easy" of a thing rather than
//! of work (blame read in its sentence is in [`blamed`](super::blamed)).

use super::context::Context;
use super::narrative::NEEDING;
use super::readings::{CAUSE_WORDS, CLAIMED, COPULAS, EMPHASIS_SUBJECTS, FEELING, WORK};
use super::tokens::Token;

/// Words after which "just" limits rather than minimises: "just on error
/// rate", "just in case", "just for testing", "just after 14:00".
const PREPOSITIONS: &[&str] = &[
    "on", "in", "for", "with", "by", "from", "to", "at", "of", "over", "under", "after", "before",
    "about", "around", "within", "into", "as", "like", "because", "once", "past", "prior", "ahead",
    "beyond", "behind",
];
/// States of mind after "just": "just know that that's really bad", "they
/// just wanted this report": what someone knows or wants, not a task.
const MINDS: &[&str] = &[
    "know", "knew", "remember", "imagine", "think", "thought", "note", "wonder", "wondered",
    "hope", "hoped", "want", "wanted", "believe", "feel", "felt",
];
/// What a thing did after "just": "my hacky PHP just exploded", "having a
/// backup will just make me feel".
const EFFECTS: &[&str] = &[
    "make",
    "makes",
    "made",
    "cause",
    "causes",
    "exploded",
    "explodes",
    "crashed",
    "died",
    "hung",
    "stopped",
    "vanished",
    "disappeared",
    "happened",
    "returns",
    "returned",
    "ignores",
    "ignored",
    "skips",
    "skipped",
    "hangs",
    "sits",
    "sat",
    "stops",
    "work",
    "works",
    "worked",
    "working",
];
/// Words of degree between a copula and an adjective: "was very simple".
const DEGREE: &[&str] = &[
    "very",
    "so",
    "quite",
    "really",
    "pretty",
    "fairly",
    "too",
    "super",
    "incredibly",
    "relatively",
];

/// Words after "simple" or "easy" that do not start a noun: "it was
/// simple enough", "simple to fix", "easy and quick".
const AFTER_A_CLAIM: &[&str] = &[
    "to", "enough", "and", "or", "but", "as", "for", "once", "now", "then", "in", "because",
    "since", "when", "if", "so", "really", "too", "though", "after", "with", "once", "here",
];

/// Degrees of being sure, skipped when reading "I'm quite sure" as
/// emphasis (as in the phrases of `certainty`).
const SURE_DEGREE: &[&str] = &[
    "quite",
    "pretty",
    "fairly",
    "very",
    "absolutely",
    "completely",
    "totally",
];

/// Modals between a subject and "just": "it should just boot up".
const MODALS: &[&str] = &[
    "should", "will", "would", "can", "could", "might", "may", "must",
];

/// Words that set what was planned or expected: "It was supposed to be a
/// simple migration".
const PLANNED: &[&str] = &["supposed", "meant", "expected", "planned", "intended"];

fn is_copula(word: &str) -> bool {
    matches!(word, "is" | "was" | "were" | "are" | "be" | "been" | "am")
        || word.ends_with("'s")
        || word.ends_with("'re")
        || word.ends_with("'m")
}

impl Context<'_> {
    /// "must have been pretty hairy", "how they must have felt": how a
    /// moment felt, not a theory.
    pub(super) fn felt(&self, end: usize) -> bool {
        self.tokens[end - 1].lower == "felt"
            || self.tokens[end - 1].lower == "been"
                && self
                    .next_in_sentence(end)
                    .is_some_and(|n| FEELING.contains(&n.lower.as_str()))
    }

    /// "for sure", "no doubt", "I'm sure" as emphasis: certain of
    /// something, but not of what caused the incident ("we will for sure
    /// look into it", "no doubt this was stressful", "I'm sure the
    /// question on everybody's mind is"). They are certainty when their
    /// clause names a cause ("for sure it was the Redis eviction policy",
    /// "no doubt the GC pauses caused the timeouts").
    pub(super) fn emphasis(&self, first: usize, end: usize) -> bool {
        let t = self.tokens;
        // "I'm quite sure" reads as "I'm sure".
        let mut lower = t[first..end]
            .iter()
            .map(|w| w.lower.as_str())
            .filter(|w| !SURE_DEGREE.contains(w));
        let words: [&str; 3] = std::array::from_fn(|_| lower.next().unwrap_or(""));
        let n = t[first..end]
            .iter()
            .filter(|w| !SURE_DEGREE.contains(&w.lower.as_str()))
            .count();
        if n > 3 {
            return false;
        }
        let marker = matches!(
            &words[..n],
            ["for", "sure"] | ["no", "doubt"] | [_, "a" | "any", "doubt"]
        ) || (n == 2 && EMPHASIS_SUBJECTS.contains(&words[0]))
            || (n == 3 && matches!(words[0], "i" | "we"));
        if !marker {
            return false;
        }
        let knowing = first > 0
            && t[first - 1].clause == t[first].clause
            && matches!(
                t[first - 1].lower.as_str(),
                "know" | "knew" | "known" | "tell" | "say"
            );
        let clause = t[first].clause;
        let after = &t[end..];
        let len = after.iter().take_while(|w| w.clause == clause).count();
        // The claim ends where the clause goes on to another: "no doubt the
        // worst time to have things break and due to ..." names no cause.
        let len = after[..len]
            .iter()
            .position(|w| matches!(w.lower.as_str(), "and" | "but" | "so" | "which"))
            .unwrap_or(len);
        let after = &after[..len];
        let names_a_cause = after.iter().enumerate().any(|(i, w)| {
            CAUSE_WORDS.contains(&w.lower.as_str())
                || (COPULAS.contains(&w.lower.as_str())
                    && after
                        .get(i + 1)
                        .is_some_and(|n| CLAIMED.contains(&n.lower.as_str())))
        });
        !(knowing || names_a_cause)
    }

    /// Whether a one-word minimising match makes work small: not "just 2
    /// GB" (a quantity), not "it just reshaped it back" (what a thing
    /// did), not "an easy distraction" (a risk).
    pub(super) fn minimising(&self, first: usize, end: usize) -> bool {
        let t = self.tokens;
        if self.planned(first) || self.obviously_doing(first) || self.once_in_place(first, end) {
            return false;
        }
        if let Some(adjective) =
            (first..end).find(|&i| matches!(t[i].lower.as_str(), "easy" | "simple" | "trivial"))
            && (!self.work_called_small(adjective) || self.ruled_out(adjective))
        {
            return false;
        }
        if end != first + 1 {
            return true;
        }
        if self.easy_of_a_thing(first) {
            return false;
        }
        if matches!(t[first].lower.as_str(), "just" | "simply")
            && (self.own_narrative(first) || self.inside_counterfactual(first))
        {
            return false;
        }
        let next = self.next_in_sentence(end);
        if matches!(t[first].lower.as_str(), "just" | "simply")
            && (next.is_some_and(|n| {
                EFFECTS.contains(&n.lower.as_str()) || MINDS.contains(&n.lower.as_str())
            }) || self.told_in_passing(first)
                || self.manner_of_saying(first)
                || self.compared(first))
        {
            return false;
        }
        let word = t[first].lower.as_str();
        // "had only just come up": barely, a moment ago; "easily enough":
        // as it turned out.
        let before_word = first.checked_sub(1).map(|i| t[i].lower.as_str());
        if (word == "just" && before_word == Some("only"))
            || (matches!(word, "easy" | "easily") && next.is_some_and(|n| n.lower == "enough"))
        {
            return false;
        }
        let before = first.checked_sub(1).map(|i| &t[i]);
        let same_clause = |b: &&Token| b.clause == t[first].clause;
        match word {
            "just" if next.is_some_and(|n| n.lower.starts_with(|c: char| c.is_ascii_digit())) => {
                false
            }
            // Emphasis on a negation: "they just didn't work".
            "just" | "simply" if self.negated_after(first) => false,
            // "And it was just — they wanted ...": nothing follows in its
            // clause, so nothing is made small.
            "just" | "simply" if next.is_none_or(|n| n.clause != t[first].clause) => false,
            "just" if next.is_some_and(|n| PREPOSITIONS.contains(&n.lower.as_str())) => false,
            // "rather than simply dropping the data marked as deleted".
            "simply" if before.is_some_and(|b| b.lower == "than" && same_clause(&b)) => false,
            "just" | "simply"
                if next.is_some_and(|n| n.clause == t[first].clause)
                    && (word == "just"
                        || next.is_some_and(|n| matches!(n.lower.as_str(), "a" | "an")))
                    && match before.filter(same_clause) {
                        Some(b) => is_copula(&b.lower),
                        None => next.is_some_and(|n| matches!(n.lower.as_str(), "a" | "an")),
                    } =>
            {
                self.work_follows(first) || self.work_before_copula(first)
            }
            "just" if self.limits_a_set(first) => false,
            // What a thing does, also after a modal: "it should just boot
            // up", "the server will simply restart".
            "just" | "simply" => {
                let thing = |b: &Token| b.lower == "it" || self.is(self.system, b);
                let subject = match before.filter(same_clause) {
                    Some(b) if MODALS.contains(&b.lower.as_str()) => first
                        .checked_sub(2)
                        .map(|i| &t[i])
                        .filter(|w| w.clause == t[first].clause),
                    other => other,
                };
                !subject.is_some_and(thing) && self.act_made_small(first)
            }
            // "Obviously the pager was on silent", "It was obviously the
            // load balancer": framing the clause or its predicate; not "We
            // are all obviously human".
            "obviously" => before
                .filter(same_clause)
                .is_none_or(|b| is_copula(&b.lower)),
            "easy"
                if before
                    .filter(same_clause)
                    .is_some_and(|b| matches!(b.lower.as_str(), "a" | "an")) =>
            {
                next.is_some_and(|n| WORK.contains(&n.lower.as_str()))
            }
            _ => true,
        }
    }

    /// Whether "easy", "simple" or "trivial" after a copula is said of work
    /// ("The fix was simple", "Rolling back is easy", "It was easy", "the
    /// process was very simple") rather than of an idea or a thing ("The
    /// core idea is simple: ...", "The demo was simple"); and not in
    /// wonder at how easy something was ("how easy it was").
    fn work_called_small(&self, adjective: usize) -> bool {
        let t = self.tokens;
        let clause = t[adjective].clause;
        let mut i = adjective;
        while i > 0 && t[i - 1].clause == clause && DEGREE.contains(&t[i - 1].lower.as_str()) {
            i -= 1;
        }
        let Some(copula) = i.checked_sub(1).filter(|&c| t[c].clause == clause) else {
            return true;
        };
        if matches!(t[copula].lower.as_str(), "how" | "what") {
            return false;
        }
        // "It's simple human nature": after a copula, the adjective is
        // said of the noun that follows it, and that noun is not work.
        if is_copula(&t[copula].lower)
            && let Some(noun) = t.get(adjective + 1).filter(|n| n.clause == clause)
            && noun.lower.chars().all(|c| c.is_alphabetic())
            && !WORK.contains(&noun.lower.as_str())
            && !AFTER_A_CLAIM.contains(&noun.lower.as_str())
            && (adjective + 2..(adjective + 4).min(t.len()))
                .take_while(|&i| t[i].clause == clause)
                .all(|i| !WORK.contains(&t[i].lower.as_str()))
        {
            return false;
        }
        if !is_copula(&t[copula].lower) || t[copula].lower.contains('\'') {
            return true;
        }
        let subject: Vec<usize> = (copula.saturating_sub(3)..copula)
            .filter(|&j| t[j].clause == clause)
            .collect();
        // "The backstory on this is simple": a pronoun after a preposition
        // is not the subject.
        let object = |j: usize| j > 0 && PREPOSITIONS.contains(&t[j - 1].lower.as_str());
        subject.is_empty()
            || subject.iter().any(|&j| {
                let w = t[j].lower.as_str();
                WORK.contains(&w)
                    || w.ends_with("ing")
                    || (matches!(w, "it" | "that" | "this" | "which" | "everything" | "all")
                        && !object(j))
            })
    }

    /// Whether "just" or "simply" stands where it makes an act small: a
    /// step offered or prescribed ("they can just throw engineers at it",
    /// "able to simply push it again", "Just run the beta"), a step
    /// needed ("would just have to restart"), a step named ("simply
    /// increasing the timeout"), someone's act ("Sam just restarted it"),
    /// the cause ("The disk was simply full"), or work named after it
    /// ("luckily just a DB fix"). Anywhere else it limits or stresses
    /// ("migrate just media", "let you know just what you took out",
    /// "simply fabulous").
    fn act_made_small(&self, at: usize) -> bool {
        let t = self.tokens;
        let before = at
            .checked_sub(1)
            .map(|i| &t[i])
            .filter(|b| b.clause == t[at].clause);
        let offered = before.is_none_or(|b| {
            let w = b.lower.as_str();
            MODALS.contains(&w) || w == "to" || w.ends_with("'ll") || w.ends_with("'d")
        });
        // The cause made small: "The disk was simply full" ("just" after
        // a copula is read in `minimising`).
        let cause = before.is_some_and(|b| is_copula(&b.lower));
        // Someone else's act made small: "Sam just restarted the pod",
        // "He simply forgot to check", "Why didn't you just roll back?"
        // (the writer's own act is told, see `own_narrative`).
        // A sentence's first word says nothing by its case: "gary just
        // restarted it", typed in a hurry, reads as "Gary just restarted it".
        let judged = before.is_some_and(|b| {
            let opens = at < 2 || t[at - 2].sentence != b.sentence;
            self.is_person(b) || ((b.capital || opens) && !b.upper)
        });
        let next = self
            .next_in_sentence(at + 1)
            .filter(|n| n.clause == t[at].clause);
        // "tell you just what you took out": exactly what.
        if next.is_some_and(|n| matches!(n.lower.as_str(), "what" | "which" | "when")) {
            return false;
        }
        let needed = next.is_some_and(|n| {
            NEEDING.contains(&n.lower.as_str())
                && self
                    .next_in_sentence(at + 2)
                    .is_some_and(|n| n.lower == "to")
        });
        let named = next.is_some_and(|n| n.lower.len() > 4 && n.lower.ends_with("ing"));
        offered || cause || judged || needed || named || self.work_follows(at)
    }

    /// "they just didn't work", "we simply were not prepared": emphasis
    /// on a negation within two words after the word, not a small task.
    fn negated_after(&self, at: usize) -> bool {
        let t = self.tokens;
        (at + 1..(at + 3).min(t.len()))
            .take_while(|&i| t[i].clause == t[at].clause)
            .any(|i| self.is(self.negation, &t[i]))
    }

    /// "The solution was just ...", "the fix is just a restart": the work
    /// is the subject of the copula before "just".
    fn work_before_copula(&self, at: usize) -> bool {
        let t = self.tokens;
        let Some(copula) = at.checked_sub(1).filter(|&c| is_copula(&t[c].lower)) else {
            return false;
        };
        (copula.saturating_sub(2)..copula)
            .filter(|&i| t[i].clause == t[at].clause)
            .any(|i| WORK.contains(&t[i].lower.as_str()))
    }

    /// After a copula or at the start of a clause, "just" means "merely"
    /// and minimises only the work it names: "It was just a config
    /// change", "just a quick restart", not "They're just different
    /// accidents", "you're just interested in", "Just a complete gap".
    fn work_follows(&self, at: usize) -> bool {
        let t = self.tokens;
        (at + 1..(at + 5).min(t.len()))
            .take_while(|&i| t[i].clause == t[at].clause)
            .any(|i| WORK.contains(&t[i].lower.as_str()) || t[i].lower.ends_with("-change"))
    }

    /// "This was easy to identify as soon as I managed to hook up a
    /// monitor": easy once something was in place, not small work.
    fn once_in_place(&self, first: usize, end: usize) -> bool {
        let t = self.tokens;
        let after = &t[end..];
        let n = after
            .iter()
            .take_while(|w| w.clause == t[first].clause)
            .take(8)
            .count();
        after[..n]
            .windows(3)
            .any(|w| w[0].lower == "as" && w[1].lower == "soon" && w[2].lower == "as")
    }

    /// "It was supposed to be a simple migration": what was planned, not
    /// a judgement of the work done.
    fn planned(&self, first: usize) -> bool {
        let t = self.tokens;
        (first.saturating_sub(5)..first)
            .filter(|&i| t[i].clause == t[first].clause)
            .any(|i| PLANNED.contains(&t[i].lower.as_str()))
    }
}
