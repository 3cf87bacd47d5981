//! Readings of "just", "easily", "easy" and "sure" that hedge, count or
//! hope rather than make work small or state a theory as fact: "just
//! maybe", "with just my text editor", "easily 10-20 deployments a day",
//! "it's easy to think that...", "I'm sure they will find out".

use super::context::Context;

/// Words after "just" that hedge what follows: "just maybe", "just kind
/// of knew".
const HEDGES: &[&str] = &["maybe", "perhaps", "possibly", "probably"];

/// Possessives after "just" that limit a set: "with just my text editor".
const OWNED: &[&str] = &["my", "our", "his", "her", "their", "your", "its"];

/// Number words after "easily": "easily dozens of alerts".
const COUNTS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "ten",
    "twice",
    "double",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "half",
];

/// Verbs of the mind after "easy to": what it is easy to think, a
/// tendency of mind, not small work.
const MIND: &[&str] = &[
    "think", "assume", "believe", "conclude", "forget", "overlook", "dismiss", "imagine",
    "suppose", "panic", "feel",
];

impl Context<'_> {
    /// "just maybe", "just kind of knew", "with just my text editor",
    /// "Easily 10-20 deployments happened", "It's easy to think that...":
    /// a hedge, a set, a count or a tendency of mind, not work made small.
    pub(super) fn hedges_or_counts(&self, first: usize, end: usize) -> bool {
        if end != first + 1 {
            return false;
        }
        let t = self.tokens;
        let after = |k: usize| {
            self.next_in_sentence(first + k)
                .filter(|_| (first + 1..first + k).all(|i| t[i].sentence == t[first].sentence))
                .map_or("", |n| n.lower.as_str())
        };
        match t[first].lower.as_str() {
            "just" => {
                HEDGES.contains(&after(1))
                    || (matches!(after(1), "kind" | "sort") && after(2) == "of")
                    || OWNED.contains(&after(1))
            }
            "easily" => {
                let next = after(1);
                next.starts_with(|c: char| c.is_ascii_digit()) || COUNTS.contains(&next)
            }
            "easy" => after(1) == "to" && MIND.contains(&after(2)),
            _ => false,
        }
    }

    /// "I'm sure they will find out what caused it": sure of what will
    /// come, a hope, not a theory of what happened stated as fact.
    pub(super) fn sure_of_what_comes(&self, first: usize, end: usize) -> bool {
        let t = self.tokens;
        if !t[first..end]
            .iter()
            .any(|w| matches!(w.lower.as_str(), "sure" | "certain" | "confident"))
        {
            return false;
        }
        (end..(end + 5).min(t.len()))
            .take_while(|&i| t[i].sentence == t[first].sentence)
            .any(|i| {
                let w = t[i].lower.as_str();
                matches!(w, "will" | "won't" | "wont" | "going") || w.ends_with("'ll")
            })
    }
}
