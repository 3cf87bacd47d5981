//! The sense of a word in its sentence, read before a match becomes a
//! flag (see [`context`](super::context)): how a moment felt, emphasis
//! that names no cause, "just", "simply" and "easy" of a thing rather than
//! of work, and blame as a topic.

use super::context::Context;
use super::readings::{CAUSE_WORDS, CLAIMED, COPULAS, EMPHASIS_SUBJECTS, FEELING, WORK};
use super::tokens::Token;

impl Context<'_> {
    /// "must have been pretty hairy": how a moment felt, not a theory.
    pub(super) fn felt(&self, end: usize) -> bool {
        self.tokens[end - 1].lower == "been"
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
        let mut lower = t[first..end].iter().map(|w| w.lower.as_str());
        let words: [&str; 3] = std::array::from_fn(|_| lower.next().unwrap_or(""));
        let n = end - first;
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
        if end != first + 1 {
            return true;
        }
        let next = self.next_in_sentence(end);
        let word = t[first].lower.as_str();
        let before = first.checked_sub(1).map(|i| &t[i]);
        let same_clause = |b: &&Token| b.clause == t[first].clause;
        match word {
            "just" if next.is_some_and(|n| n.lower.starts_with(|c: char| c.is_ascii_digit())) => {
                false
            }
            "just" | "simply" => !before
                .filter(same_clause)
                .is_some_and(|b| b.lower == "it" || self.is(self.system, b)),
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

    /// "blame is an easy distraction", "put the blame on deployment": the
    /// word names the topic, or lands on a thing, not on a person.
    pub(super) fn blame_as_topic(&self, first: usize, end: usize) -> bool {
        let t = self.tokens;
        if end != first + 1 || !t[first].lower.starts_with("blam") {
            return false;
        }
        let after = |k: usize| {
            self.next_in_sentence(first + k)
                .filter(|_| (first + 1..first + k).all(|i| t[i].sentence == t[first].sentence))
        };
        let to_before = first > 0 && t[first - 1].lower == "to";
        if !to_before && after(1).is_some_and(|n| matches!(n.lower.as_str(), "is" | "was")) {
            return true;
        }
        let on = after(1).is_some_and(|n| matches!(n.lower.as_str(), "on" | "onto" | "at"));
        let target = (2..4)
            .filter_map(after)
            .find(|n| !matches!(n.lower.as_str(), "the" | "a" | "an" | "our" | "its"));
        on && target.is_some_and(|n| self.is(self.system, n))
    }
}
