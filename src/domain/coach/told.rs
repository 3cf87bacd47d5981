//! Readings of what a sentence tells rather than judges (see
//! [`context`](super::context)): an act of someone else told in passing,
//! how something was said, what became plain during the response, the
//! writer's own comparison, and "obviously" of what someone was doing.

use super::context::Context;

/// Remedial work: "Sam simply restarted it" makes the fix small; "he
/// simply sent a message" tells what he did.
const REMEDY: &[&str] = &[
    "restarted",
    "rebooted",
    "reverted",
    "rolled",
    "deleted",
    "removed",
    "fixed",
    "patched",
    "changed",
    "added",
    "ran",
    "reran",
    "re-ran",
    "redeployed",
    "deployed",
    "bumped",
    "restored",
    "reset",
    "flipped",
    "toggled",
    "disabled",
    "enabled",
    "killed",
    "cleared",
    "upgraded",
    "increased",
    "updated",
    "replaced",
    "retried",
    "renamed",
    "edited",
    "forgot",
    "missed",
    "dropped",
    "loaded",
    "shipped",
    "rotated",
    "raised",
    "lowered",
    "scaled",
    "moved",
    "pushed",
    "merged",
    "applied",
];

/// Verbs of saying: "they wrote simply: ...".
const SAYING: &[&str] = &[
    "wrote", "said", "says", "writes", "stated", "replied", "answered", "asked", "put",
];

/// Words that open a moment of the response: "As we began digging into
/// the logs it became obvious", "By 18:48 it was obvious".
const DURING: &[&str] = &["as", "when", "once", "after", "by", "within", "while"];

/// Possessives of people: "on our side", "my router's".
const OURS: &[&str] = &["our", "my", "your", "their"];

/// The writer or the writer's team: "without checking, I ran it" tells
/// what the writer did; "Sam ran it without checking" judges Sam.
const WRITER: &[&str] = &["i", "we", "me", "us", "my", "our", "myself", "ourselves"];

/// Words for a person's frame of mind, kept only with a person beside
/// them: "I naively assumed".
const MIND_OF_A_PERSON: &[&str] = &[
    "naive",
    "naively",
    "naïvely",
    "nonchalantly",
    "overconfident",
    "over-confident",
    "overconfidence",
    "over",
];

/// Words of degree between a copula and "obviously": "is quite obviously".
const DEGREE: &[&str] = &["quite", "very", "so", "pretty", "most"];

impl Context<'_> {
    /// "he simply sent a message", "Linode simply ramped up the billing":
    /// "just" or "simply" in telling what someone else did, when the act
    /// is not the work of a fix.
    pub(super) fn told_in_passing(&self, at: usize) -> bool {
        let t = self.tokens;
        let Some(verb) = self.next_in_sentence(at + 1) else {
            return false;
        };
        let w = verb.lower.as_str();
        let past = w.ends_with("ed") || matches!(w, "sent" | "went" | "told" | "wrote" | "said");
        let Some(before) = at.checked_sub(1).map(|i| &t[i]) else {
            return false;
        };
        let subject = before.clause == t[at].clause
            && (matches!(before.lower.as_str(), "he" | "she" | "they")
                || (self.classes.is_name(before)
                    && !self.is_person(before)
                    && !self.is(self.system, before)));
        (past && subject && !REMEDY.contains(&w)) || self.past_act(at)
    }

    /// "You just opened a pull request", "most just asked for him to be
    /// forgiven", "the advice simply informed him": "just" or "simply"
    /// before a past act that is not the work of a fix tells what someone
    /// did, whoever did it; "the on-call just restarted it" still makes
    /// the fix small, and "just needed to" what had to be done.
    fn past_act(&self, at: usize) -> bool {
        let t = self.tokens;
        let Some(verb) = self
            .next_in_sentence(at + 1)
            .filter(|v| v.clause == t[at].clause)
        else {
            return false;
        };
        let w = verb.lower.as_str();
        let past = (w.ends_with("ed") && w.len() > 4 && !w.ends_with("eed"))
            || super::narrative::IRREGULAR_PAST.contains(&w)
            || matches!(
                w,
                "sent" | "told" | "said" | "made" | "lost" | "left" | "felt" | "thought"
            );
        let needed = matches!(w, "needed" | "had" | "got")
            && self
                .next_in_sentence(at + 2)
                .is_some_and(|n| n.lower == "to");
        // A subject in the clause: not an order or a bare fragment.
        let subject = at
            .checked_sub(1)
            .is_some_and(|b| t[b].clause == t[at].clause && t[b].lower != "to");
        past && subject && !needed && !REMEDY.contains(&w)
    }

    /// "they wrote simply: ...": how something was said.
    pub(super) fn manner_of_saying(&self, at: usize) -> bool {
        let t = self.tokens;
        at.checked_sub(1)
            .map(|i| &t[i])
            .is_some_and(|b| b.sentence == t[at].sentence && SAYING.contains(&b.lower.as_str()))
    }

    /// "just slower than it should have been", "nowhere as simple as just
    /// copying": "just" in a comparison, of degree, not of work.
    pub(super) fn compared(&self, at: usize) -> bool {
        let t = self.tokens;
        let next = self.next_in_sentence(at + 1);
        let comparative = next.is_some_and(|n| {
            matches!(n.lower.as_str(), "more" | "less")
                || (n.lower.ends_with("er") && n.lower.len() > 4 && !self.is_person(n))
        }) && self
            .next_in_sentence(at + 2)
            .is_some_and(|n| n.lower == "than");
        let in_comparison = at.checked_sub(1).is_some_and(|b| {
            matches!(t[b].lower.as_str(), "as" | "of" | "than")
                && (b.saturating_sub(4)..b)
                    .any(|i| matches!(t[i].lower.as_str(), "simple" | "easy" | "nowhere"))
        });
        comparative || in_comparison
    }

    /// "As we began digging into the logs it became obvious that ...", "By
    /// 18:48 it was obvious that the migration had stalled": what became
    /// plain at a moment of the response, not hindsight.
    pub(super) fn plain_then(&self, first: usize, end: usize) -> bool {
        let t = self.tokens;
        if !t[first..end].iter().any(|w| w.lower == "obvious") {
            return false;
        }
        let sentence = t[first].sentence;
        let Some(open) = (0..first)
            .rev()
            .take_while(|&i| t[i].sentence == sentence)
            .last()
        else {
            return false;
        };
        let timed = (open..first).any(|i| t[i].lower.starts_with(|c: char| c.is_ascii_digit()));
        DURING.contains(&t[open].lower.as_str()) && (timed || self.is_person(&t[open + 1]))
    }

    /// "he was obviously covering his sons ass", "is quite obviously
    /// telling you": "obviously" asserting what someone was doing, certain
    /// of a judgement rather than making work small.
    pub(super) fn obviously_doing(&self, at: usize) -> bool {
        let t = self.tokens;
        if t[at].lower != "obviously" {
            return false;
        }
        let mut b = at;
        while b > 0 && DEGREE.contains(&t[b - 1].lower.as_str()) {
            b -= 1;
        }
        let copula = b > 0
            && matches!(t[b - 1].lower.as_str(), "is" | "was" | "are" | "were")
            && t[b - 1].clause == t[at].clause;
        copula
            && self
                .next_in_sentence(at + 1)
                .is_some_and(|n| n.lower.ends_with("ing"))
    }

    /// "The blame is entirely on our side": blame that lands on people,
    /// not blame as a topic.
    pub(super) fn lands_on_us(&self, first: usize) -> bool {
        let t = self.tokens;
        let near: Vec<&str> = t[first + 1..]
            .iter()
            .take_while(|w| w.clause == t[first].clause)
            .take(5)
            .map(|w| w.lower.as_str())
            .collect();
        near.windows(2).any(|w| {
            matches!(w[0], "on" | "with")
                && (OURS.contains(&w[1]) || matches!(w[1], "us" | "me" | "them"))
        })
    }

    /// "it was my Router's fault", "your process was wildly misguided":
    /// fault or folly said of a thing, not of a person.
    pub(super) fn said_of_a_thing(&self, first: usize, end: usize) -> bool {
        let t = self.tokens;
        let words = &t[first..end];
        // "my router's fault": a thing of mine; "my colleague's fault" blames.
        let owned_thing = words.len() == 2
            && words[1].lower == "fault"
            && words[0].lower.ends_with("'s")
            && first > 0
            && OURS.contains(&t[first - 1].lower.as_str())
            && !self.is_person(&t[first - 1])
            && {
                let stem = words[0].lower.trim_end_matches("'s");
                !self
                    .classes
                    .find("person")
                    .is_some_and(|c| self.classes.lists(c, stem))
            };
        // "your process in this circumstance was wildly misguided".
        let folly = words.len() == 1
            && matches!(words[0].lower.as_str(), "misguided" | "careless" | "sloppy")
            && {
                let mut c = first;
                while c > 0 && t[c - 1].lower.ends_with("ly") {
                    c -= 1;
                }
                c > 0 && matches!(t[c - 1].lower.as_str(), "is" | "was" | "are" | "were") && {
                    let subject =
                        (c.saturating_sub(7)..c - 1).filter(|&i| t[i].clause == t[first].clause);
                    // "Whoever wrote this script was careless": a person.
                    subject.clone().any(|i| self.is(self.system, &t[i]))
                        && !subject.into_iter().any(|i| self.is_person(&t[i]))
                }
            };
        owned_thing || folly
    }

    /// "unpredictable", "unforeseeable": hindsight only when denied.
    pub(super) fn unforeseeable(&self, first: usize) -> bool {
        matches!(
            self.tokens[first].lower.as_str(),
            "unpredictable" | "unforeseeable"
        )
    }

    /// "What makes it worth studying isn't that it was unpredictable": a
    /// negation of the clause before, through "that it was".
    pub(super) fn denied(&self, first: usize) -> bool {
        let t = self.tokens;
        (first.saturating_sub(5)..first)
            .filter(|&i| t[i].sentence == t[first].sentence)
            .any(|i| self.is(self.negation, &t[i]))
    }

    /// Words kept only when said of a person or a name: "An engineer
    /// misdiagnosed", "Knight incorrectly deployed",
    /// "we incorrectly considered", "I had overlooked", "you dumb", "be
    /// lazy", "This was an oversight", "this was my oversight", "an
    /// oversight by the team"; not
    /// "lazy loading", "an oversight in our build procedure".
    pub(super) fn said_of_a_person(&self, first: usize, end: usize) -> bool {
        let t = self.tokens;
        // "So I naively assumed", "Nonchalantly, I ran", "I tended to be
        // over confident"; not "the job naively purged" nor "better than be
        // over confident".
        if MIND_OF_A_PERSON.contains(&t[first].lower.as_str()) {
            let sentence = t[first].sentence;
            return (first.saturating_sub(4)..(end + 2).min(t.len()))
                .filter(|&i| (i < first || i >= end) && t[i].sentence == sentence)
                .any(|i| self.is_person(&t[i]));
        }
        if t[first].lower == "without" {
            return self.done_by_someone_else(first);
        }
        if end != first + 1 {
            return true;
        }
        let before = |k: usize| {
            first
                .checked_sub(k)
                .map(|i| &t[i])
                .filter(|b| b.clause == t[first].clause)
        };
        let word_before = |k: usize| before(k).map_or("", |b| b.lower.as_str());
        let person_before = |skip: &[&str]| {
            let mut k = 1;
            while skip.contains(&word_before(k)) {
                k += 1;
            }
            before(k).is_some_and(|b| {
                self.is_person(b) || (self.classes.is_name(b) && !self.is(self.system, b))
            })
        };
        match t[first].lower.as_str() {
            "oversight" => {
                let after = self.next_in_sentence(end).map_or("", |n| n.lower.as_str());
                let article = |k: usize| matches!(word_before(k), "a" | "an");
                let copula = |k: usize| matches!(word_before(k), "is" | "was" | "were" | "are");
                let owned =
                    |k: usize| matches!(word_before(k), "my" | "our" | "his" | "her" | "their");
                matches!(after, "on" | "by")
                    || (article(1) && copula(2))
                    || (owned(1) && copula(2))
                    || (article(2) && copula(3))
            }
            "dumb" | "lazy" => {
                matches!(word_before(1), "be" | "being") || person_before(&["so", "too", "really"])
            }
            "overlooked" | "incorrectly" | "wrongly" | "erroneously" | "misunderstood"
            | "misread" | "misjudged" | "underestimated" | "overestimated" | "overreacted" => {
                person_before(&[
                    "had", "has", "have", "greatly", "badly", "vastly", "severely",
                ])
            }
            _ => true,
        }
    }

    /// Whether the act before "without checking" is someone else's: the
    /// nearest person or name before it in its sentence (up to twelve words
    /// back), not the writer and not what was acted on, stands there. "Jackal took this list without validating
    /// it", "teams pushing changes without code review"; not "we release
    /// it without testing", "So, without checking with anyone, I fire up".
    fn done_by_someone_else(&self, first: usize) -> bool {
        let t = self.tokens;
        // "Changes were deployed without code review": a capitalised word
        // before a form of "be" is what was acted on, not who acted.
        let acted_on = |i: usize| {
            t.get(i + 1).is_some_and(|n| {
                matches!(
                    n.lower.as_str(),
                    "is" | "was" | "were" | "are" | "been" | "being"
                )
            })
        };
        (first.saturating_sub(12)..first)
            .rev()
            .filter(|&i| t[i].sentence == t[first].sentence)
            .find(|&i| {
                WRITER.contains(&t[i].lower.as_str())
                    || self.is_person(&t[i])
                    || (self.classes.is_name(&t[i]) && !self.is(self.system, &t[i]) && !acted_on(i))
            })
            .is_some_and(|i| !WRITER.contains(&t[i].lower.as_str()))
    }
}
