//! Which lines of a text are the review's structure rather than its
//! statements: headings and a template's questions.
//!
//! - A **heading** is a line that opens with `#`, or a line of at most
//!   three words that starts with a capital and does not end a sentence
//!   ("Root cause", "Final Root Cause:", "**Why It Failed**"), or a line
//!   of at most six words in title case ("Why It Wasn't Caught"); a line
//!   that names a person is a sentence ("We Shouldn't Have Paged").
//! - A **template question** is a line that asks about the incident,
//!   not about a person: it starts with "what", "how", "where", "which",
//!   "when" or "why", ends with `?` or `:`, and names no person ("What
//!   could have gone better?", "How the root cause was found, ...:").
//!   "we", "us" and "our" are allowed except in a "why" question, so
//!   "What could we have done better?" is a template question and "Why
//!   didn't we roll back?" is not.
//! - A **template line** is a template's line under a heading that says
//!   what goes there: a plural noun and a relative clause of at most eight
//!   words, with no main verb ("Things that could have gone better.",
//!   "Areas to improve").
//! - A heading is **flagged at most once per review**: the same heading or
//!   template question again later in the text, or in a later field of the
//!   same review (the same words, ignoring case and marks), is not flagged
//!   again, so that a review pasted with a "Human error" section per
//!   incident shows that heading's flag and its reframe once.

use super::tokens::Token;

const QUESTION_WORDS: &[&str] = &["what", "how", "where", "which", "when", "why"];
const THE_ROOM: &[&str] = &["we", "us", "our"];
/// A longer line that ends with `?` or `:` is prose, not a template's.
const MAX_QUESTION_WORDS: usize = 16;

/// What the line of a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Line {
    Statement,
    /// A heading or a template question, first seen in the text.
    Structure,
    /// The same heading or template question as an earlier line.
    Repeat,
}

/// Per token of `text`: the kind of line it is on.
/// `seen` holds the headings of the texts checked before this one (the
/// other fields of one review), and gains this text's.
pub(crate) fn structural_tokens(
    text: &str,
    tokens: &[Token],
    is_person: impl Fn(&Token) -> bool,
    seen: &mut Vec<Vec<String>>,
) -> Vec<Line> {
    let mut out = vec![Line::Statement; tokens.len()];
    let mut start = 0;
    let mut first = 0;
    for line in text.split_inclusive('\n') {
        let range = start..start + line.len();
        start = range.end;
        let from = first;
        while first < tokens.len() && tokens[first].start < range.end {
            first += 1;
        }
        let words = &tokens[from..first];
        if !words.is_empty() && is_structure(line, words, &is_person) {
            let key: Vec<String> = words.iter().map(|w| w.lower.clone()).collect();
            let kind = if seen.contains(&key) {
                Line::Repeat
            } else {
                seen.push(key);
                Line::Structure
            };
            out[from..first].iter_mut().for_each(|s| *s = kind);
        }
    }
    out
}

fn is_structure(line: &str, words: &[Token], is_person: impl Fn(&Token) -> bool) -> bool {
    let trimmed = line.trim();
    let heading_mark = trimmed.starts_with('#');
    let bare = trimmed
        .trim_start_matches('#')
        .trim()
        .trim_matches(|c| c == '*' || c == '_')
        .trim();
    if heading_mark {
        return true;
    }
    if is_template_question(bare, words, &is_person) || is_template_line(words, &is_person) {
        return true;
    }
    let body = bare.strip_suffix(':').unwrap_or(bare);
    // "We Shouldn't Have Paged" is a sentence in title case, not a heading.
    if body.ends_with(['.', '!', '?', ';', '。', '！', '？']) || words.iter().any(&is_person) {
        return false;
    }
    let short = words.len() <= 3 && words[0].capital;
    // "Root cause of the outage", "Timeline of the incident": a title
    // naming a part of the review, with no verb.
    let part_of = words.len() <= 6
        && words[0].capital
        && words.len() >= 4
        && words[words.len() - 3].lower == "of"
        && words[words.len() - 2].lower == "the";
    if part_of {
        return true;
    }
    let title_case = words.len() <= 6
        && bare.chars().any(char::is_lowercase)
        && words
            .iter()
            .all(|w| w.capital || w.lower.chars().count() < 4);
    short || title_case
}

/// A template's line under a heading, saying what goes there: "Things
/// that could have gone better.", "Areas to improve", "Lessons we
/// learned": a plural noun and a relative clause, with no main verb.
fn is_template_line(words: &[Token], is_person: impl Fn(&Token) -> bool) -> bool {
    const WHAT_GOES_THERE: &[&str] = &["things", "areas", "lessons", "places", "items"];
    const RELATIVE: &[&str] = &["that", "which", "to", "we", "where"];
    words.len() >= 3
        && words.len() <= 8
        && WHAT_GOES_THERE.contains(&words[0].lower.as_str())
        && RELATIVE.contains(&words[1].lower.as_str())
        && words.iter().all(|w| w.sentence == words[0].sentence)
        && words.iter().enumerate().all(|(i, w)| {
            let name = i > 0 && w.capital && !w.upper;
            THE_ROOM.contains(&w.lower.as_str()) || !(is_person(w) || name)
        })
}

fn is_template_question(bare: &str, words: &[Token], is_person: impl Fn(&Token) -> bool) -> bool {
    let first = words[0].lower.as_str();
    if !QUESTION_WORDS.contains(&first)
        || !bare.ends_with(['?', ':', '？'])
        || words.len() > MAX_QUESTION_WORDS
        || words.iter().any(|w| w.sentence != words[0].sentence)
    {
        return false;
    }
    let why = first == "why";
    words.iter().enumerate().all(|(i, w)| {
        let room = !why && THE_ROOM.contains(&w.lower.as_str());
        let name = i > 0 && w.capital && !w.upper;
        room || !(is_person(w) || name)
    })
}

/// The byte range of each line of `text`, without its line break.
#[cfg(test)]
fn lines(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        out.push(start..start + line.trim_end_matches('\n').len());
        start += line.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn structural(text: &str) -> Vec<bool> {
        let tokens = tokenize(text);
        let marks = structural_tokens(
            text,
            &tokens,
            |t| ["you", "we", "they", "sam", "team"].contains(&t.lower.as_str()),
            &mut Vec::new(),
        );
        lines(text)
            .into_iter()
            .map(|r| {
                tokens
                    .iter()
                    .zip(&marks)
                    .filter(|(t, _)| r.start <= t.start && t.end <= r.end)
                    .all(|(_, m)| *m != Line::Statement)
            })
            .collect()
    }

    #[test]
    fn headings_are_short_capitalised_or_marked_lines() {
        assert_eq!(
            structural(
                "Root cause\n## Root cause and what we learned\n**Why It Failed**\nFinal Root Cause:\nWhy It Wasn't Caught"
            ),
            [true, true, true, true, true]
        );
        assert_eq!(
            structural(
                "Root cause: expired TLS certificate.\nthe root cause was dns\nWHY DID YOU FORCE PUSH\nRoot cause identified: the rate limiter sees one address\nWe Shouldn't Have Paged"
            ),
            [false, false, false, false, false]
        );
    }

    #[test]
    fn a_title_naming_a_part_of_the_review_is_a_heading() {
        assert_eq!(
            structural(
                "Root cause of the outage\nTimeline of the incident\nSame root cause as the last one"
            ),
            [true, true, false]
        );
    }

    #[test]
    fn a_repeated_heading_is_marked_as_a_repeat() {
        let text = "Human error\nThe deploy failed.\n## human error\nHuman error";
        let tokens = tokenize(text);
        let lines = structural_tokens(text, &tokens, |_| false, &mut Vec::new());
        let first_of = |word_index: usize| lines[word_index];
        assert_eq!(first_of(0), Line::Structure);
        assert_eq!(first_of(2), Line::Statement);
        assert_eq!(first_of(5), Line::Repeat);
        assert_eq!(first_of(7), Line::Repeat);
    }

    #[test]
    fn template_questions_ask_about_the_incident_not_a_person() {
        assert_eq!(
            structural(
                "What could have gone better?\nWhat could we have done better?\nHow the root cause was found:\nWhy was this hard to detect?"
            ),
            [true, true, true, true]
        );
        assert_eq!(
            structural(
                "Why didn't we roll back?\nWhy did Sam skip the canary?\nWhat did you know then?\nWhy did the job fail? The logs show an OOM kill."
            ),
            [false, false, false, false]
        );
    }
}
