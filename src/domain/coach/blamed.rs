//! Blame read in its sentence, before a match becomes a flag (see
//! [`context`](super::context)): mistakes and errors in general, blame
//! reported of others or taken as a topic, and judging words said of a
//! thing rather than of a person.

use super::context::Context;

/// Words before "human error" that make it a kind of event: "any operator
/// error", "handle human error", "prevent human errors".
const GENERAL: &[&str] = &[
    "any",
    "handle",
    "handles",
    "handling",
    "prevent",
    "prevents",
    "tolerate",
    "withstand",
    "against",
    "reduce",
    "minimise",
    "minimize",
    "catch",
    "avoid",
    "eliminate",
    "eliminating",
    "reducing",
    "minimising",
    "minimizing",
    "preventing",
    "avoiding",
    "catching",
];

/// Verbs after "human error" that tell what such errors do in general:
/// "human error does take place", "operator errors will happen".
const HAPPENS: &[&str] = &[
    "does", "do", "can", "will", "happens", "happen", "occurs", "occur",
];

/// Words before "human error" that make it a hazard any work meets:
/// "any manual process is prone to human error".
const PRONE: &[&str] = &["prone", "susceptible", "vulnerable", "exposed"];

/// Words that report what others said or found: "According to the post,
/// the data centers were to blame", "an apology blaming an intern".
const REPORTING: &[&str] = &[
    "according",
    "declare",
    "declared",
    "declares",
    "claimed",
    "claims",
    "alleged",
    "allegedly",
    "announced",
    "apology",
    "statement",
];

/// Things, besides the class `system`, that a judging word may be said
/// of in frustration: "the stupid retry loop".
const THINGS: &[&str] = &[
    "bug",
    "bugs",
    "loop",
    "setting",
    "settings",
    "default",
    "defaults",
    "dashboard",
    "interface",
    "ui",
    "cli",
    "button",
    "flag",
    "flags",
];

/// Words before "blame" that make it the topic: "toward blame".
const TOPIC_PREPOSITIONS: &[&str] = &[
    "toward",
    "towards",
    "about",
    "of",
    "from",
    "against",
    "beyond",
    "into",
    "without",
    "than",
    "as",
    "like",
    "around",
    "on",
    "attributing",
    "assigning",
    "apportioning",
    "attribute",
    "assign",
    "apportion",
];

impl Context<'_> {
    /// "Everyone makes mistakes", "humans make mistakes", "may make the
    /// same mistake": mistakes as the object of "make" are how work goes
    /// in general or what might happen; a mistake that was made ("made a
    /// mistake", "the mistake") is an act of this incident.
    pub(super) fn mistakes_in_general(&self, first: usize, end: usize) -> bool {
        let t = self.tokens;
        if !t[first..end].iter().any(|w| w.lower.starts_with("mistake")) {
            return false;
        }
        // "They did make a silly mistake": one mistake, made here.
        let one = t[first..end].iter().any(|w| w.lower == "mistake");
        // "forgive the occasional mistake", "how a team responds to a
        // mistake": mistakes as a kind of event.
        let kind = (first.saturating_sub(3)..end)
            .filter(|&i| t[i].clause == t[first].clause)
            .any(|i| {
                t[i].lower == "occasional"
                    || (matches!(
                        t[i].lower.as_str(),
                        "respond" | "responds" | "responding" | "react" | "reacts" | "reacting"
                    ) && t.get(i + 1).is_some_and(|w| w.lower == "to")
                        && t.get(i + 2)
                            .is_some_and(|w| matches!(w.lower.as_str(), "a" | "an")))
            });
        if kind {
            return true;
        }
        (first.saturating_sub(3)..end)
            .filter(|&i| t[i].clause == t[end - 1].clause)
            .any(|i| {
                matches!(t[i].lower.as_str(), "make" | "makes" | "making")
                    && !(one && i > 0 && t[i - 1].lower == "did")
            })
    }

    /// "any operator error is a symptom", "robust to handle human error":
    /// human or operator error as a kind of event that systems meet, not
    /// the error of someone here.
    pub(super) fn error_in_general(&self, first: usize, end: usize) -> bool {
        let t = self.tokens;
        if !t[first..end]
            .iter()
            .any(|w| w.lower.starts_with("error") || w.lower.starts_with("failure"))
        {
            return false;
        }
        let general = first
            .checked_sub(1)
            .map(|i| &t[i])
            .filter(|b| b.clause == t[first].clause)
            .is_some_and(|b| GENERAL.contains(&b.lower.as_str()));
        // "prone to human error", "you're going to run into bugs, human
        // error, power outages": a hazard, not someone's act.
        let hazard = (first.saturating_sub(8)..first)
            .filter(|&i| t[i].sentence == t[first].sentence)
            .any(|i| {
                PRONE.contains(&t[i].lower.as_str())
                    || (t[i].lower == "into"
                        && i > 0
                        && t[i - 1].lower.starts_with("run")
                        && t[i - 1].lower.len() <= 7)
            });
        // "human error does take place": what such errors do, in general.
        let happens = t
            .get(end)
            .is_some_and(|w| w.clause == t[end - 1].clause && HAPPENS.contains(&w.lower.as_str()));
        general || hazard || happens
    }

    /// "According to the post, the data centers were to blame", "an
    /// apology blaming an unnamed intern": blame that others laid, told.
    pub(super) fn reported(&self, first: usize) -> bool {
        let t = self.tokens;
        (0..first)
            .rev()
            .take_while(|&i| t[i].sentence == t[first].sentence)
            .any(|i| REPORTING.contains(&t[i].lower.as_str()))
    }

    /// "the stupid retry loop", "a clumsy API": a judging word said of a
    /// thing, in frustration with it, not of a person or an act.
    pub(super) fn judges_a_thing(&self, first: usize, end: usize) -> bool {
        const OF_A_THING: &[&str] = &["stupid", "idiotic", "foolish", "clumsy", "thoughtless"];
        let t = self.tokens;
        end == first + 1
            && OF_A_THING.contains(&t[first].lower.as_str())
            && (end..(end + 3).min(t.len()))
                .take_while(|&i| t[i].clause == t[first].clause)
                .any(|i| self.is(self.system, &t[i]) || THINGS.contains(&t[i].lower.as_str()))
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
        let before = first
            .checked_sub(1)
            .map(|i| &t[i])
            .filter(|b| b.clause == t[first].clause);
        // "slide toward blame", "as blaming people for incidents": the topic.
        if before.is_some_and(|b| TOPIC_PREPOSITIONS.contains(&b.lower.as_str())) {
            return true;
        }
        // "Blaming them for making those mistakes doesn't help": a gerund
        // that is the subject of its clause.
        if t[first].lower == "blaming" && before.is_none() {
            return true;
        }
        // "If you blame it on some engineer", "Who do you blame when ...?":
        // what anyone might do, not what someone here did.
        let opener = t
            .iter()
            .find(|w| w.sentence == t[first].sentence)
            .map(|w| w.lower.as_str());
        if before.is_some_and(|b| b.lower == "you")
            && (t[first].question || matches!(opener, Some("if" | "when" | "whenever")))
        {
            return true;
        }
        let to_before = first > 0 && t[first - 1].lower == "to";
        if !to_before && after(1).is_some_and(|n| matches!(n.lower.as_str(), "is" | "was")) {
            return true;
        }
        // "blamed the problem on a software bug": the object skipped.
        let on_at = (1..4)
            .find(|&k| after(k).is_some_and(|n| matches!(n.lower.as_str(), "on" | "onto" | "at")));
        let object_first = on_at.is_some_and(|k| {
            k > 1 && after(1).is_some_and(|n| matches!(n.lower.as_str(), "the" | "this" | "it"))
        });
        let on = on_at == Some(1) || object_first;
        let k = on_at.unwrap_or(1);
        let target = (k + 1..k + 4)
            .filter_map(after)
            .find(|n| !matches!(n.lower.as_str(), "the" | "a" | "an" | "our" | "its"));
        on && target.is_some_and(|n| self.is(self.system, n))
    }
}
