//! Search across every text of every review, ranked. Pure.

use serde::Serialize;

use super::summary::{Place, TextItem};

/// One item that matched.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Hit<'a> {
    /// The review, by its position in the list searched.
    #[serde(skip)]
    pub review: usize,
    pub place: Place,
    pub item: Option<u64>,
    pub text: &'a str,
    /// The words of the text that matched, each once, as written.
    pub words: Vec<&'a str>,
    pub score: u32,
}

/// The most words a query searches for (the first ones).
pub const MAX_TERMS: usize = 64;

/// The words of a query, lowercased, each once, at most [`MAX_TERMS`].
pub fn terms(query: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for w in query.split_whitespace().map(str::to_lowercase) {
        if !terms.contains(&w) && terms.len() < MAX_TERMS {
            terms.push(w);
        }
    }
    terms
}

/// How much a match in this place counts.
pub(crate) fn weight(place: Place) -> u32 {
    match place {
        Place::Title => 6,
        Place::Incident | Place::Services => 4,
        Place::Summary
        | Place::ProximateCause
        | Place::Resolution
        | Place::CustomerImpact
        | Place::SlaImpact
        | Place::Learning
        | Place::Factor
        | Place::Action => 3,
        Place::Event | Place::Parking | Place::Notes => 2,
    }
}

/// The items of the reviews (`reviews[i]` the texts of review `i`) that
/// hold any of `terms`, in reviews that hold every one of them somewhere;
/// best first: more terms, whole words rather than parts, titles and
/// findings before timeline lines, then in the order of the reviews. The
/// facilitator's notes only when `notes`.
///
/// This reads every text; [`super::words::Words::search`] finds the same
/// from the word index.
pub fn search<'a>(reviews: &[&'a [TextItem]], terms: &[String], notes: bool) -> Vec<Hit<'a>> {
    let mut hits = Vec::new();
    if terms.is_empty() {
        return hits;
    }
    for (i, texts) in reviews.iter().enumerate() {
        let mut found = vec![false; terms.len()];
        let start = hits.len();
        for t in texts.iter().filter(|t| notes || t.place != Place::Notes) {
            if let Some(hit) = matches(i, t.place, t.item, &t.text, terms, &mut found) {
                hits.push(hit);
            }
        }
        if found.iter().any(|f| !f) {
            hits.truncate(start);
        }
    }
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.review.cmp(&b.review)));
    hits
}

/// The hit of one text (of `review`, at `place`, of item `item`), if it
/// holds any term; marks the terms found.
pub(crate) fn matches<'a>(
    review: usize,
    place: Place,
    item: Option<u64>,
    text: &'a str,
    terms: &[String],
    found: &mut [bool],
) -> Option<Hit<'a>> {
    let lower = text.to_lowercase();
    if !terms.iter().any(|term| lower.contains(term.as_str())) {
        return None;
    }
    let mut words: Vec<&str> = Vec::new();
    let mut score = 0;
    for (n, term) in terms.iter().enumerate() {
        let mut matched = false;
        for word in text.split(super::words::splits) {
            let w = word.to_lowercase();
            if w.contains(term.as_str()) {
                matched = true;
                score += if w == *term { 3 } else { 1 };
                if !words.contains(&word) {
                    words.push(word);
                }
            }
        }
        // A term with spaces or punctuation inside, found as written.
        if !matched && lower.contains(term.as_str()) {
            matched = true;
            score += 1;
        }
        if matched {
            found[n] = true;
            score += 10;
        }
    }
    Some(Hit {
        review,
        place,
        item,
        text,
        words,
        score: score * weight(place),
    })
}

/// At most about `around` characters of `text` on one line, around
/// `word` (an ellipsis where it was cut).
pub fn excerpt(text: &str, word: Option<&str>, around: usize) -> String {
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= around {
        return line;
    }
    let at = word
        .and_then(|w| line.find(w))
        .map(|b| line[..b].chars().count())
        .unwrap_or(0);
    let start = at.saturating_sub(around / 3);
    let end = (start + around).min(chars.len());
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(place: Place, text: &str) -> TextItem {
        TextItem {
            place,
            item: Some(1),
            text: text.into(),
        }
    }

    #[test]
    fn whole_words_in_titles_rank_first_and_every_term_is_needed() {
        let a = vec![
            item(Place::Title, "Database failover"),
            item(Place::Event, "the failover script hung"),
        ];
        let b = vec![item(Place::Event, "database failovers were slow")];
        let c = vec![item(Place::Learning, "the database was fine")];
        let reviews = [a.as_slice(), b.as_slice(), c.as_slice()];
        let hits = search(&reviews, &terms("Failover database"), false);
        let order: Vec<(usize, &str)> = hits.iter().map(|h| (h.review, h.text)).collect();
        assert_eq!(
            order,
            [
                (0, "Database failover"),
                (1, "database failovers were slow"),
                (0, "the failover script hung"),
            ],
            "review 2 lacks \"failover\""
        );
        assert_eq!(hits[1].words, ["failovers", "database"]);
    }

    #[test]
    fn notes_are_searched_only_when_asked() {
        let a = vec![item(Place::Notes, "ask gary about the pager")];
        let reviews = [a.as_slice()];
        assert!(search(&reviews, &terms("pager"), false).is_empty());
        assert_eq!(search(&reviews, &terms("pager"), true).len(), 1);
        assert!(search(&reviews, &terms("  "), true).is_empty());
    }
}
