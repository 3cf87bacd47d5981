//! Readings of blame that the writer tells rather than lays: blame laid by
//! someone else ("Bank Blames Human Error For Outage", "NAB is placing
//! blame on human error", "They blamed me for the fault"), and a thing
//! said to be to blame ("I knew which commit was to blame"), and error or
//! a mistake that no one here is said to have made: a kind of error
//! ("the potential for human error"), a question put ("Was it caused by
//! human error?", "Have you ever ... realised there was a mistake?"), a
//! mistake denied ("The mistake wasn't running it once").

use super::context::Context;

/// Verbs that lay blame on someone or something, with "blame" as object:
/// "placing blame on", "pass the blame to", "didn't lay blame on".
const LAYING: &[&str] = &[
    "place",
    "places",
    "placed",
    "placing",
    "pass",
    "passes",
    "passed",
    "passing",
    "lay",
    "lays",
    "laid",
    "laying",
    "put",
    "puts",
    "putting",
    "shift",
    "shifts",
    "shifted",
    "shifting",
    "assign",
    "assigns",
    "assigned",
    "assigning",
    "deflect",
    "deflects",
    "deflected",
    "deflecting",
    "apportion",
    "apportioned",
    "pin",
    "pinned",
    "pins",
    "pinning",
];

/// Forms of the verb "blame" that tell an act of blaming.
const BLAMING: &[&str] = &["blames", "blamed", "blaming"];

/// The writer and the writer's team: "We blamed the intern at first" is
/// the room's own blame, not a report of someone else's.
const WRITER: &[&str] = &[
    "i", "we", "i've", "we've", "i'd", "we'd", "i'm", "we're", "me", "us",
];

/// People in general, on whom "didn't lay blame on anyone" lands nothing.
const ANYONE: &[&str] = &[
    "anyone",
    "anybody",
    "nobody",
    "everyone",
    "everybody",
    "someone",
    "somebody",
];

/// Parties that blame can land on as it lands on people: "has blamed a
/// supplier".
const PARTIES: &[&str] = &[
    "hire",
    "hires",
    "management",
    "manager",
    "managers",
    "leadership",
    "supplier",
    "suppliers",
    "vendor",
    "vendors",
    "provider",
    "providers",
    "partner",
    "partners",
    "staff",
    "workers",
    "worker",
    "employee",
    "employees",
];

/// Words in a subject that make it people: "a mixture of human and
/// process error were to blame".
const HUMAN: &[&str] = &[
    "human",
    "humans",
    "people",
    "operator",
    "operators",
    "staff",
    "user",
    "users",
];

/// Words that make an error a kind of event: "the potential for human
/// error", "the risk of operator error".
const KINDS: &[&str] = &[
    "potential",
    "risk",
    "risks",
    "chance",
    "chances",
    "possibility",
    "likelihood",
];

/// Words that open a question put to the room or the reader: "Was it
/// caused by human error?".
const ASKED: &[&str] = &[
    "was", "were", "is", "are", "could", "can", "did", "does", "do", "have", "has",
];

/// How far before a flag the act of blaming may stand: "NAB is placing
/// blame on human error" reaches "human error" five words on.
const REACH: usize = 8;

/// Words between a subject and "to blame": "the commit was partly to
/// blame", "construction may be to blame".
const TO_BE: &[&str] = &[
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "may",
    "might",
    "could",
    "can",
    "must",
    "also",
    "partly",
    "partially",
    "largely",
    "mostly",
    "entirely",
    "solely",
    "really",
    "equally",
];

/// Words of a subject that are people even though the `person` class does
/// not list them as a head noun.
const WHO: &[&str] = &[
    "who", "whom", "whoever", "i", "we", "you", "he", "she", "they",
];

impl Context<'_> {
    /// "Bank Blames Human Error For Outage", "Facebook blamed a faulty
    /// change", "seems to pass the blame to some other company": an act of
    /// blaming whose subject is not the writer, at or before the flag, in
    /// its sentence. What it tells is that someone else laid blame.
    pub(super) fn laid_by_others(&self, first: usize) -> bool {
        let t = self.tokens;
        let sentence = t[first].sentence;
        let act = (first.saturating_sub(REACH)..=first)
            .rev()
            .filter(|&i| t[i].sentence == sentence)
            .find(|&i| {
                let w = t[i].lower.as_str();
                BLAMING.contains(&w)
                    || (w == "blame"
                        && (i.saturating_sub(2)..i).any(|j| {
                            t[j].sentence == sentence && LAYING.contains(&t[j].lower.as_str())
                        }))
            });
        let Some(act) = act else {
            return false;
        };
        // The act's own start: "placing blame" starts at "placing".
        let start = (act.saturating_sub(2)..act)
            .find(|&j| t[j].sentence == sentence && LAYING.contains(&t[j].lower.as_str()))
            .unwrap_or(act);
        // "We blamed the intern", "I'm not placing blame": the writer's own.
        let writer = (start.saturating_sub(3)..start)
            .filter(|&j| t[j].clause == t[start].clause)
            .any(|j| WRITER.contains(&t[j].lower.as_str()));
        // "People need to be blamed": what the writer says ought to be.
        let ought = start >= 2
            && matches!(t[start - 1].lower.as_str(), "be" | "been")
            && matches!(
                t[start - 2].lower.as_str(),
                "to" | "should" | "must" | "shall" | "will"
            );
        // "The vendor blamed the outage on our engineer": blame that lands
        // on one of us is blame, whoever laid it.
        // A capitalised word after the act is a name ("The CTO blamed
        // Sam"), unless the sentence is a headline in title case.
        let words: Vec<&super::tokens::Token> =
            t.iter().filter(|w| w.sentence == sentence).collect();
        let headline = words.len() >= 5
            && words[1..].iter().filter(|w| w.capital || w.upper).count() * 2 > words.len() - 1;
        let lands_on_a_person = (act + 1..(act + 9).min(t.len()))
            .take_while(|&j| t[j].clause == t[act].clause)
            .any(|j| {
                (self.is_person(&t[j])
                    || PARTIES.contains(&t[j].lower.as_str())
                    || (t[j].capital && !headline && !t[j].upper && !self.is(self.system, &t[j])))
                    && !ANYONE.contains(&t[j].lower.as_str())
                    && !(j > 0 && matches!(t[j - 1].lower.as_str(), "any" | "no" | "every"))
                    && !t.get(j + 1).is_some_and(|n| {
                        matches!(
                            n.lower.as_str(),
                            "error" | "errors" | "failure" | "failures"
                        )
                    })
            });
        !writer && !ought && !lands_on_a_person
    }

    /// "I knew which commit was to blame", "the heavy construction may be
    /// to blame": "to blame" said of a thing, not of a person.
    pub(super) fn a_thing_to_blame(&self, first: usize, end: usize) -> bool {
        let t = self.tokens;
        // "to blame" as one match, or "blame" matched after "to".
        let first = match (end - first, t[first].lower.as_str()) {
            (2, "to") if t[first + 1].lower == "blame" => first,
            (1, "blame") if first > 0 && t[first - 1].lower == "to" => first - 1,
            _ => return false,
        };
        let mut i = first;
        while i > 0
            && t[i - 1].clause == t[first].clause
            && TO_BE.contains(&t[i - 1].lower.as_str())
        {
            i -= 1;
        }
        if i == first || i == 0 || t[i - 1].clause != t[first].clause {
            // No subject and copula before: "Who is to blame?" keeps its flag.
            return false;
        }
        let head = &t[i - 1];
        // A capital word may be a name: "Sam is to blame".
        let name = head.capital && !head.upper && !self.is(self.system, head);
        // "The developer who wrote it was to blame", "Whoever merged that
        // change is to blame": a person named by a relative clause.
        let relative = (i.saturating_sub(7)..i)
            .filter(|&j| t[j].clause == t[first].clause)
            .any(|j| matches!(t[j].lower.as_str(), "who" | "whoever" | "whom"));
        // "The contractors were to blame": people in the plural too.
        let person = self.is_person(head)
            || head
                .lower
                .strip_suffix('s')
                .is_some_and(|one| self.person.is_some_and(|c| self.classes.lists(c, one)));
        let human = (i.saturating_sub(6)..i)
            .filter(|&j| t[j].clause == t[first].clause)
            .any(|j| HUMAN.contains(&t[j].lower.as_str()));
        !person
            && !human
            && !relative
            && !PARTIES.contains(&head.lower.as_str())
            && !WHO.contains(&head.lower.as_str())
            && !name
    }

    /// "the potential for human error", "a single event, such as an
    /// operator error", "Was it caused by human error, or something else?",
    /// "Have you ever sent an email then found a mistake in it?", "The
    /// mistake wasn't running it once": error or a mistake that no one here
    /// is said to have made.
    pub(super) fn no_ones_error(&self, first: usize, end: usize) -> bool {
        let t = self.tokens;
        let words = &t[first..end];
        let error = words.iter().any(|w| {
            matches!(
                w.lower.as_str(),
                "error" | "errors" | "failure" | "failures"
            )
        });
        let mistake = words.iter().any(|w| w.lower.starts_with("mistake"));
        if !error && !mistake {
            return false;
        }
        let sentence = t[first].sentence;
        let word = |i: usize| {
            t.get(i)
                .filter(|w| w.sentence == sentence)
                .map(|w| w.lower.as_str())
        };
        let before = |k: usize| first.checked_sub(k).and_then(word).unwrap_or("");
        // "such as an operator error", "the potential for human error".
        let a_kind = (1..4).any(|k| {
            let (w, v) = (before(k + 1), before(k));
            (w == "such" && v == "as") || (KINDS.contains(&w) && matches!(v, "for" | "of"))
        });
        // "Was it caused by human error, ...?": a question put, not a claim.
        let opener = (0..first)
            .rev()
            .take_while(|&i| t[i].sentence == sentence)
            .last()
            .map(|i| t[i].lower.as_str());
        // "Was it Sam's mistake?" asks whose it was: still blame.
        let owned = (first.saturating_sub(2)..end).any(|i| {
            t[i].sentence == sentence && (t[i].lower.ends_with("'s") || self.is_person(&t[i]))
        });
        let asked = !owned
            && t[first].question
            && (opener.is_some_and(|w| ASKED.contains(&w))
                || (0..first)
                    .rev()
                    .take_while(|&i| t[i].sentence == sentence)
                    .any(|i| t[i].lower == "ever"));
        // "The mistake wasn't running it once": a mistake denied.
        // Not "The mistake wasn't caught": a passive tells what befell it.
        let (negated, next) = match word(end) {
            Some("wasn't" | "isn't" | "wasnt" | "isnt") => (true, end + 1),
            Some("was" | "is") if word(end + 1) == Some("not") => (true, end + 2),
            _ => (false, end),
        };
        let passive = t
            .get(next)
            .is_some_and(|n| n.sentence == sentence && self.is(self.participle, n));
        let denied = mistake && negated && !passive;
        a_kind || asked || denied
    }
}
