//! Who failed (see [`context`](super::context)): "failed to" and "a
//! failure to" judge a step only when a person failed ("The on-call
//! engineer failed to escalate", "a failure to share critical
//! information"), not a thing ("The pod failed to start", "a failure to
//! automatically recover").

use super::context::Context;

/// Possessives of people: "my own failure to ...".
const POSSESSIVE: &[&str] = &["my", "our", "his", "her", "their", "your"];
/// What only people do, after "a failure to" that names no one: "a
/// failure to share critical information", "failure to report progress";
/// not "a failure to automatically recover", "this failure to promote a
/// primary".
const PEOPLE_ACTS: &[&str] = &[
    "report",
    "share",
    "communicate",
    "notify",
    "inform",
    "escalate",
    "follow",
    "heed",
    "plan",
    "review",
    "block",
    "act",
    "respond",
    "warn",
    "consult",
    "coordinate",
];

/// What befalls someone rather than what they do: "they failed to
/// receive the notices" tells of mail that did not arrive.
const UNDERGONE: &[&str] = &["receive", "recieve", "get", "obtain"];

impl Context<'_> {
    /// The verb after "failed to" or "failure to", past one adverb
    /// ("failure to properly report"), in lower case.
    fn verb_after_to(&self, failed: usize) -> Option<&str> {
        let t = self.tokens;
        (failed + 2..(failed + 4).min(t.len()))
            .take_while(|&i| t[i].sentence == t[failed].sentence)
            .find(|&i| !t[i].lower.ends_with("ly"))
            .map(|i| t[i].lower.as_str())
    }

    /// "failed to receive the notices": the verb after "to" is undergone.
    pub(super) fn undergone(&self, failed: usize) -> bool {
        self.verb_after_to(failed)
            .is_some_and(|v| UNDERGONE.contains(&v))
    }

    /// "a failure to report progress": the noun, with a person's act after
    /// "to".
    pub(super) fn failure_to_act(&self, failure: usize) -> bool {
        self.tokens[failure].lower == "failure"
            && self
                .verb_after_to(failure)
                .is_some_and(|v| PEOPLE_ACTS.contains(&v))
    }

    /// Whether a person is the subject of the verb at `verb` ("failed"):
    /// the word right before it is a person or a name, or a person word
    /// comes before it in the sentence, before any system word. (A name
    /// further back may be the name of a product: "All Survey functionality
    /// broken (surveys failed to load)".)
    pub(super) fn person_did(&self, verb: usize) -> bool {
        let t = self.tokens;
        let Some(before) = verb.checked_sub(1).map(|i| &t[i]) else {
            return false;
        };
        if before.sentence == t[verb].sentence
            && (self.is_person(before) || self.classes.is_name(before))
        {
            return true;
        }
        let sentence = t[verb].sentence;
        for i in (0..verb).rev().take(8) {
            let w = &t[i];
            if w.sentence != sentence {
                break;
            }
            if self.is(self.system, w) {
                return false;
            }
            // "my own failure to", "My first failure was failing to".
            let owned = POSSESSIVE.contains(&w.lower.as_str())
                && matches!(t[verb].lower.as_str(), "failure" | "failing");
            if self.is_person(w) || owned {
                return true;
            }
        }
        false
    }
}
