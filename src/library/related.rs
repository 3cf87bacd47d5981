//! Related reviews: the reviews that share a service, a tag, an incident
//! reference or the words of a contributing factor with a review, best
//! first, each with why. Pure: made from the library's summaries, never
//! from the review files.
//!
//! A shared incident reference weighs most (the same incident, seen from
//! another review), then a service, then a tag. Factor words are the words
//! of the contributing factors without the words every text has ("the",
//! "was", "because"…), each weighed by how rare it is in the library: a
//! word that one review in a hundred holds says more than one that half of
//! them hold. A review related by factor words alone needs more than one
//! common word in common.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use super::summary::{ReviewSummary, incidents_of, tags_of};
use crate::domain::{Review, Severity};

/// What one shared incident reference, service and tag count for.
const INCIDENT: f64 = 6.0;
const SERVICE: f64 = 3.0;
const TAG: f64 = 2.0;
/// The least that factor words alone must add up to.
const WORDS_ALONE: f64 = 1.2;
/// How many factor words `why` names.
const WORDS_SHOWN: usize = 5;

/// Words too common to relate two reviews by.
const STOP_WORDS: &[&str] = &[
    "about", "after", "again", "against", "all", "also", "and", "any", "are", "around", "because",
    "been", "before", "being", "between", "both", "but", "can", "could", "did", "does", "doing",
    "down", "during", "each", "even", "ever", "every", "few", "for", "from", "further", "had",
    "has", "have", "having", "her", "here", "hers", "him", "his", "how", "into", "its", "itself",
    "just", "know", "knew", "less", "like", "made", "make", "many", "more", "most", "much", "must",
    "near", "need", "needed", "nor", "not", "now", "off", "once", "one", "only", "other", "our",
    "ours", "out", "over", "own", "same", "she", "should", "since", "some", "such", "than", "that",
    "the", "their", "theirs", "them", "then", "there", "these", "they", "this", "those", "through",
    "too", "two", "under", "until", "upon", "very", "was", "way", "were", "what", "when", "where",
    "which", "while", "who", "whom", "why", "will", "with", "within", "without", "would", "yet",
    "you", "your", "yours", "able", "already", "another", "anyone", "became", "become", "came",
    "come", "due", "else", "enough", "got", "get", "gets", "given", "going", "gone", "let", "lot",
    "may", "might", "nothing", "often", "per", "quite", "rather", "really", "said", "see", "seen",
    "so", "still", "take", "taken", "thing", "things", "took", "used", "uses", "using", "well",
    "went", "whether", "yes", "am", "an", "as", "at", "be", "by", "do", "he", "if", "in", "is",
    "it", "me", "my", "no", "of", "on", "or", "to", "up", "us", "we",
];

/// What relating reads of the review to find others for: cheap to make
/// from the review being edited, and compared to know when to look again.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Subject {
    pub id: String,
    pub services: Vec<String>,
    pub tags: Vec<String>,
    pub incidents: Vec<String>,
    /// The contributing factors' texts.
    pub factors: Vec<String>,
}

impl Subject {
    pub fn of_summary(s: &ReviewSummary) -> Subject {
        Subject {
            id: s.id.clone(),
            services: s.services.clone(),
            tags: s.tags.clone(),
            incidents: s.incidents.clone(),
            factors: s.factors.iter().map(|f| f.text.clone()).collect(),
        }
    }

    /// As [`ReviewSummary::of`] would give it, without the rest of the
    /// summary (nothing here grows with the timeline).
    pub fn of_review(r: &Review) -> Subject {
        Subject {
            id: r.id.clone(),
            services: r.summary.services.iter().map(|s| s.to_string()).collect(),
            tags: tags_of(r),
            incidents: incidents_of(r),
            factors: r.factors.iter().map(|f| f.text.to_string()).collect(),
        }
    }
}

/// One review, as relating reads it.
#[derive(Clone, Debug)]
struct Doc {
    id: String,
    title: String,
    date: NaiveDate,
    severity: Severity,
    /// Lowercased, for matching; `shown` keeps how they were written.
    services: Vec<(String, String)>,
    tags: Vec<String>,
    incidents: Vec<(String, String)>,
    words: BTreeSet<String>,
}

impl Doc {
    fn of(s: &ReviewSummary) -> Doc {
        Doc {
            title: s.title.clone(),
            date: s.date,
            severity: s.severity,
            ..Doc::subject(&Subject::of_summary(s))
        }
    }

    fn subject(s: &Subject) -> Doc {
        let keyed = |items: &[String]| -> Vec<(String, String)> {
            let mut out: Vec<(String, String)> = Vec::new();
            for item in items {
                let key = item.trim().to_lowercase();
                if !key.is_empty() && !out.iter().any(|(k, _)| *k == key) {
                    out.push((key, item.trim().to_owned()));
                }
            }
            out
        };
        Doc {
            id: s.id.clone(),
            title: String::new(),
            date: NaiveDate::default(),
            severity: Severity::Sev3,
            services: keyed(&s.services),
            tags: keyed(&s.tags).into_iter().map(|(k, _)| k).collect(),
            incidents: keyed(&s.incidents),
            words: s.factors.iter().flat_map(|f| factor_words(f)).collect(),
        }
    }
}

/// The library, ready to relate any review to the others: each review's
/// services, tags, references and factor words, and how many reviews
/// hold each word.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    docs: Vec<Doc>,
    holding: HashMap<String, usize>,
    /// Each review's file, by id, when made from a library's files.
    files: HashMap<String, PathBuf>,
}

/// A review related to another, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Related {
    pub id: String,
    pub title: String,
    pub date: NaiveDate,
    pub severity: Severity,
    /// How strongly: higher is closer.
    pub score: f64,
    pub shares: Shared,
}

/// What two reviews have in common.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Shared {
    pub incidents: Vec<String>,
    pub services: Vec<String>,
    pub tags: Vec<String>,
    /// The factor words in common, the rarest first.
    pub words: Vec<String>,
}

impl Related {
    /// Why it is related, in one line: `shares service auth-service;
    /// factor words: retry, pool`.
    pub fn why(&self) -> String {
        let s = &self.shares;
        let list = |one: &str, many: &str, items: &[String]| -> Option<String> {
            match items.len() {
                0 => None,
                1 => Some(format!("{one} {}", items[0])),
                _ => Some(format!("{many} {}", items.join(", "))),
            }
        };
        let shared: Vec<String> = [
            list("incident", "incidents", &s.incidents),
            list("service", "services", &s.services),
            list("tag", "tags", &s.tags),
        ]
        .into_iter()
        .flatten()
        .collect();
        let mut parts = Vec::new();
        if !shared.is_empty() {
            parts.push(format!("shares {}", shared.join("; ")));
        }
        if !s.words.is_empty() {
            let shown: Vec<&str> = s
                .words
                .iter()
                .take(WORDS_SHOWN)
                .map(String::as_str)
                .collect();
            let more = s.words.len().saturating_sub(WORDS_SHOWN);
            parts.push(if more > 0 {
                format!("factor words: {} and {more} more", shown.join(", "))
            } else {
                format!("factor words: {}", shown.join(", "))
            });
        }
        parts.join("; ")
    }
}

impl Corpus {
    pub fn new<'a>(summaries: impl IntoIterator<Item = &'a ReviewSummary>) -> Corpus {
        let docs: Vec<Doc> = summaries.into_iter().map(Doc::of).collect();
        let mut holding: HashMap<String, usize> = HashMap::new();
        for doc in &docs {
            for word in &doc.words {
                *holding.entry(word.clone()).or_default() += 1;
            }
        }
        Corpus {
            docs,
            holding,
            files: HashMap::new(),
        }
    }

    /// As [`Corpus::new`], keeping each review's file, so that a related
    /// review can be opened ([`Corpus::file_of`]).
    pub fn of_files<'a>(
        reviews: impl IntoIterator<Item = (&'a Path, &'a ReviewSummary)>,
    ) -> Corpus {
        let mut files = HashMap::new();
        let mut summaries = Vec::new();
        for (path, s) in reviews {
            files.insert(s.id.clone(), path.to_path_buf());
            summaries.push(s);
        }
        Corpus {
            files,
            ..Corpus::new(summaries)
        }
    }

    /// The file of the review `id`, when the corpus was made from files.
    pub fn file_of(&self, id: &str) -> Option<&Path> {
        self.files.get(id).map(PathBuf::as_path)
    }

    /// How many reviews it holds.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// How much sharing `word` says: more the fewer reviews hold it.
    fn weight(&self, word: &str) -> f64 {
        // The review being related may not be in the library yet (a new
        // one): it holds the word too.
        let held = self.holding.get(word).copied().unwrap_or(0).max(1) as f64;
        (1.0 + (self.docs.len() as f64 + 1.0) / held).ln()
    }

    /// The reviews related to `of`, best first (then the newest incident),
    /// at most `limit`; never `of` itself.
    pub fn related(&self, of: &ReviewSummary, limit: usize) -> Vec<Related> {
        self.related_to(&Subject::of_summary(of), limit)
    }

    /// [`Corpus::related`], for what relating reads of a review.
    pub fn related_to(&self, of: &Subject, limit: usize) -> Vec<Related> {
        let me = Doc::subject(of);
        // Scored first without building anything; only the best are then
        // made into results.
        let mut scored: Vec<(f64, &Doc)> = self
            .docs
            .iter()
            .filter(|d| d.id != me.id)
            .filter_map(|d| self.score(&me, d).map(|s| (s, d)))
            .collect();
        scored.sort_by(|(a, x), (b, y)| {
            b.total_cmp(a)
                .then(y.date.cmp(&x.date))
                .then(x.id.cmp(&y.id))
        });
        scored
            .into_iter()
            .take(limit)
            .filter_map(|(_, d)| self.relate(&me, d))
            .collect()
    }

    /// How strongly `other` is related to `me`, if at all.
    fn score(&self, me: &Doc, other: &Doc) -> Option<f64> {
        let count = |mine: &[(String, String)], theirs: &[(String, String)]| {
            mine.iter()
                .filter(|(k, _)| theirs.iter().any(|(t, _)| t == k))
                .count() as f64
        };
        let from_fields = INCIDENT * count(&me.incidents, &other.incidents)
            + SERVICE * count(&me.services, &other.services)
            + TAG * me.tags.iter().filter(|t| other.tags.contains(t)).count() as f64;
        let from_words: f64 = me
            .words
            .intersection(&other.words)
            .map(|w| self.weight(w))
            .sum();
        (from_fields > 0.0 || from_words >= WORDS_ALONE).then_some(from_fields + from_words)
    }

    fn relate(&self, me: &Doc, other: &Doc) -> Option<Related> {
        let common = |mine: &[(String, String)], theirs: &[(String, String)]| -> Vec<String> {
            mine.iter()
                .filter(|(k, _)| theirs.iter().any(|(t, _)| t == k))
                .map(|(_, shown)| shown.clone())
                .collect()
        };
        let incidents = common(&me.incidents, &other.incidents);
        let services = common(&me.services, &other.services);
        let tags: Vec<String> = me
            .tags
            .iter()
            .filter(|t| other.tags.contains(t))
            .cloned()
            .collect();
        let mut words: Vec<(f64, &String)> = me
            .words
            .intersection(&other.words)
            .map(|w| (self.weight(w), w))
            .collect();
        words.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        let from_words: f64 = words.iter().map(|(w, _)| w).sum();
        let from_fields = INCIDENT * incidents.len() as f64
            + SERVICE * services.len() as f64
            + TAG * tags.len() as f64;
        if from_fields == 0.0 && from_words < WORDS_ALONE {
            return None;
        }
        Some(Related {
            id: other.id.clone(),
            title: other.title.clone(),
            date: other.date,
            severity: other.severity,
            score: from_fields + from_words,
            shares: Shared {
                incidents,
                services,
                tags,
                words: words.into_iter().map(|(_, w)| w.clone()).collect(),
            },
        })
    }
}

/// The words of a factor that can relate two reviews: lowercased runs of
/// letters and digits (a `-` or `_` inside a word keeps it whole:
/// `auth-service`), at least two characters (`db`), not a number nor a stop
/// word, plurals read as their singular (`retries` → `retry`).
pub fn factor_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for raw in text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_')) {
        let word = raw.trim_matches(['-', '_']).to_lowercase();
        if word.chars().count() < 2
            || word.chars().all(|c| c.is_ascii_digit())
            || STOP_WORDS.contains(&word.as_str())
        {
            continue;
        }
        let word = singular(&word);
        if !STOP_WORDS.contains(&word.as_str()) && !out.contains(&word) {
            out.push(word);
        }
    }
    out
}

/// A plural's singular, for the common English endings; other words as
/// they are.
fn singular(word: &str) -> String {
    let n = word.chars().count();
    if n > 4 && word.ends_with("ies") {
        return format!("{}y", &word[..word.len() - 3]);
    }
    if n > 4 && word.ends_with('s') && !["ss", "us", "is", "os"].iter().any(|e| word.ends_with(e)) {
        return word[..word.len() - 1].to_owned();
    }
    word.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factor_words_leave_out_stop_words_numbers_and_plurals() {
        assert_eq!(
            factor_words(
                "The retries exhausted the DB pools, because of 500 errors on auth-service"
            ),
            ["retry", "exhausted", "db", "pool", "error", "auth-service"]
        );
        assert_eq!(factor_words("status of the bus"), ["status", "bus"]);
    }
}
