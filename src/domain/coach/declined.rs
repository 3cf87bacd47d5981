//! Readings of "could/would have" that tell of an option declined or of a
//! guess at what people would have done, not a judgement of a step:
//! "We could have brought everything up quickly, but we believe it's
//! critical to check every system first", "we probably would have
//! continued stacking machines on it".

use super::context::{Context, Subject};

/// Words that make a "would have" a guess: "we probably would have ...".
const GUESSES: &[&str] = &["probably", "likely", "possibly", "perhaps", "maybe"];

/// Who can give the reason for a choice after "but": "..., but we ...".
const CHOOSERS: &[&str] = &["i", "we", "they", "he", "she", "i'd", "we'd"];

impl Context<'_> {
    /// "I could have paid my host to restore it, but I wasn't compelled
    /// to": an option the people had, told with the reason they took
    /// another ("..., but I didn't." alone is a regret); "we probably would have continued": a guess at what they
    /// would have done. Neither judges a step that was missed.
    pub(super) fn declined_or_guessed(&self, modal: usize) -> bool {
        let t = self.tokens;
        if self.subject_before(modal) != Subject::Person {
            return false;
        }
        let sentence = t[modal].sentence;
        let word = t[modal].lower.as_str();
        let could = matches!(word, "could" | "could've" | "couldve");
        let would = matches!(word, "would" | "would've" | "wouldve");
        let in_sentence = |i: &usize| t[*i].sentence == sentence;
        if could {
            let after: Vec<usize> = (modal + 1..t.len()).take_while(in_sentence).collect();
            // The reason is told after the chooser: "but I didn't." alone
            // is a regret, not a choice explained.
            return after.iter().enumerate().any(|(k, &i)| {
                t[i].lower == "but"
                    && after[k + 1..].iter().take(2).enumerate().any(|(n, &j)| {
                        CHOOSERS.contains(&t[j].lower.as_str()) && after.len() > k + n + 3
                    })
            });
        }
        let near = |i: usize| GUESSES.contains(&t[i].lower.as_str());
        would
            && ((modal > 0 && in_sentence(&(modal - 1)) && near(modal - 1))
                || (modal + 1 < t.len() && in_sentence(&(modal + 1)) && near(modal + 1)))
    }
}
