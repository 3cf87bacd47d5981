//! The words of a text worth counting across reviews: lowercased, without
//! stop words, numbers or words shorter than three letters. Pure.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Common English words that say nothing about what happened.
const STOP_WORDS: &[&str] = &[
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "and",
    "any",
    "are",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "can",
    "could",
    "did",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "into",
    "its",
    "itself",
    "just",
    "let",
    "like",
    "made",
    "make",
    "many",
    "may",
    "more",
    "most",
    "much",
    "must",
    "not",
    "now",
    "off",
    "once",
    "one",
    "only",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "since",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "too",
    "two",
    "under",
    "until",
    "upon",
    "very",
    "was",
    "way",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "we",
    "us",
    "got",
    "get",
    "gets",
    "went",
    "go",
    "goes",
    "no",
    "nor",
    "so",
    "if",
    "it",
    "is",
    "be",
    "by",
    "on",
    "in",
    "of",
    "or",
    "to",
    "an",
    "as",
    "at",
    "do",
    "he",
    "me",
    "my",
    "up",
    "am",
    "isn't",
    "wasn't",
    "weren't",
    "didn't",
    "doesn't",
    "don't",
    "couldn't",
    "wouldn't",
    "shouldn't",
    "hasn't",
    "haven't",
    "hadn't",
    "won't",
    "can't",
    "it's",
    "we're",
    "they're",
    "there's",
    "that's",
];

/// Whether `word` (lowercased) is a stop word.
pub fn is_stop_word(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOP_WORDS.iter().copied().collect())
        .contains(word)
}

/// The words of `text` worth counting, in order, repeats kept: split at
/// anything but letters, digits, `-`, `_` and `'`; lowercased; a trailing
/// `'s` dropped; stop words, words of fewer than three letters and words
/// without a letter left out.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_' || c == '\'' || c == '’'))
        .filter_map(|raw| {
            let trimmed = raw.trim_matches(|c: char| c == '-' || c == '_' || c == '\'' || c == '’');
            if trimmed.len() < 3 {
                return None;
            }
            let mut w = trimmed.to_lowercase();
            if w.contains('’') {
                w = w.replace('’', "'");
            }
            if w.ends_with("'s") {
                w.truncate(w.len() - 2);
            }
            let keep =
                w.chars().count() >= 3 && w.chars().any(char::is_alphabetic) && !is_stop_word(&w);
            keep.then_some(w)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_leave_out_stop_words_short_words_and_numbers() {
        let got: Vec<String> =
            words("The failover's RUNBOOK was out of date (v2), 2026; re-run it-").collect();
        assert_eq!(got, ["failover", "runbook", "date", "re-run"]);
        let got: Vec<String> = words("Alerts didn’t page: api_gateway 503s").collect();
        assert_eq!(got, ["alerts", "page", "api_gateway", "503s"]);
    }
}
