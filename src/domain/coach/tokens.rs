//! Splitting text into the words the coach matches, once per check.
//!
//! A word is a run of letters and digits; an apostrophe or a hyphen between
//! two of them joins them ("should've", "easy-to-read" are one word). Each
//! word remembers its byte range in the input, its lowercase form (with
//! curly apostrophes read as `'`), whether it is capitalised (a possible
//! name) or all in capitals (an acronym), which sentence and clause it is
//! in, whether its sentence is a question, and whether it sits in quoted
//! material: between quotation marks, single quotes or backticks, or on a
//! line that looks like a log message or a shell command. Quoted words are
//! never flagged.

use std::ops::Range;

use super::lexicon::UNKNOWN;

/// One word of the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub lower: String,
    /// Starts with a capital letter, or with a letter that has no case
    /// (as in CJK names).
    pub capital: bool,
    /// All its letters are capitals and there are at least two: "RCA".
    pub upper: bool,
    /// Words match together only within one sentence.
    pub sentence: u32,
    /// Clauses split a sentence at commas, semicolons, colons, dashes and
    /// brackets: a negation reaches only the words of its clause.
    pub clause: u32,
    /// The sentence ends with a question mark.
    pub question: bool,
    /// In quotes, backticks, a log line or a command: never flagged.
    pub quoted: bool,
    /// The word's number in the coach's lexicon, and the classes it is in
    /// (see [`Classes::tokenize`](super::pattern::Classes::tokenize));
    /// unknown and none until then.
    pub id: u32,
    pub classes: u64,
    /// Which of the coach's prefixes and suffixes the word matches.
    pub affixes: u64,
}

/// Reads `’` and its relatives as a plain apostrophe.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Lowercases a word and folds apostrophes; used for phrases and input alike.
pub(crate) fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.chars()
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Splits `text` into words.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let quoted = quoted_ranges(text);
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let (mut sentence, mut clause) = (0u32, 0u32);
    // The first token of the sentence being read.
    let mut sentence_start = 0;
    let mut word_start: Option<usize> = None;
    let mut prev_word_char = false;
    let mut prev: Option<char> = None;
    let mut at = 0;
    while let Some(c) = char_at(text, at) {
        let i = at;
        at += c.len_utf8();
        let after = at;
        // Read only where it matters: most characters are letters.
        let next = || char_at(text, after);
        let before = prev.replace(c);
        if is_word_char(c) {
            word_start.get_or_insert(i);
            prev_word_char = true;
            continue;
        }
        let joins =
            (is_apostrophe(c) || c == '-') && prev_word_char && next().is_some_and(is_word_char);
        if joins {
            continue;
        }
        if let Some(start) = word_start.take() {
            tokens.push(token(text, start..i, (sentence, clause), &quoted));
        }
        prev_word_char = false;
        let ends_sentence = match c {
            '\n' => true,
            '.' | '?' | '!' | ';' | ':' | '。' | '？' | '！' => {
                next().is_none_or(char::is_whitespace)
            }
            _ => false,
        };
        let spaced_dash = c == '-' && before.is_none_or(char::is_whitespace);
        if ends_sentence {
            if matches!(c, '?' | '？') {
                tokens[sentence_start..]
                    .iter_mut()
                    .for_each(|t| t.question = true);
            }
            sentence += 1;
            clause += 1;
            sentence_start = tokens.len();
        } else if matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–') || spaced_dash {
            clause += 1;
        }
    }
    if let Some(start) = word_start {
        tokens.push(token(text, start..text.len(), (sentence, clause), &quoted));
    }
    tokens
}

/// The character at byte `i` of `text` (a character boundary), if any.
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text[i..].chars().next(),
        None => None,
    }
}

fn token(
    text: &str,
    range: Range<usize>,
    (sentence, clause): (u32, u32),
    quoted: &[Range<usize>],
) -> Token {
    let word = &text[range.clone()];
    let (capital, upper) = if word.is_ascii() {
        let b = word.as_bytes();
        let letters = b.iter().filter(|c| c.is_ascii_alphabetic()).count();
        (
            b.first().is_some_and(u8::is_ascii_uppercase),
            letters >= 2 && !b.iter().any(u8::is_ascii_lowercase),
        )
    } else {
        let capital = word
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()));
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        (
            capital,
            letters >= 2 && word.chars().all(|c| !c.is_lowercase()),
        )
    };
    Token {
        start: range.start,
        end: range.end,
        lower: fold(word),
        capital,
        upper,
        sentence,
        clause,
        question: false,
        quoted: quoted
            .iter()
            .any(|q| q.start <= range.start && range.end <= q.end),
        id: UNKNOWN,
        classes: 0,
        affixes: 0,
    }
}

/// Byte ranges of quoted material: closed pairs of quotation marks, single
/// quotes or backticks, and whole lines that look like log messages or
/// commands. An unclosed quote quotes nothing (the person may still be
/// typing it).
///
/// A single quote (`'` or `‘ ’`) opens only at the start of a word and
/// closes only at the end of one, on the same line: the apostrophes of
/// "don't" and "engineers' laptops" open nothing.
fn quoted_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut open: Option<(char, usize)> = None;
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let i = at;
        // Other ASCII characters open, close and end nothing.
        if bytes[i].is_ascii() && !matches!(bytes[i], b'"' | b'`' | b'\'' | b'\n') {
            at += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        at += c.len_utf8();
        let next = text[at..].chars().next();
        let prev = text[..i].chars().next_back();
        let single = matches!(c, '\'' | '‘' | '’');
        match open {
            Some((close, start)) if c == close || (close == '\'' && single) => {
                let closes_a_word = !single
                    || (prev.is_some_and(|p| !p.is_whitespace())
                        && !next.is_some_and(is_word_char));
                if closes_a_word {
                    ranges.push(start..i + c.len_utf8());
                    open = None;
                }
            }
            Some(('\'', _)) if c == '\n' => open = None,
            Some(_) => {}
            None => {
                let close = match c {
                    '"' => '"',
                    '`' => '`',
                    '“' => '”',
                    '«' => '»',
                    '„' => '“',
                    '「' => '」',
                    '『' => '』',
                    '\'' | '‘'
                        if !prev.is_some_and(is_word_char) && next.is_some_and(is_word_char) =>
                    {
                        '\''
                    }
                    _ => continue,
                };
                open = Some((close, i));
            }
        }
    }
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        if is_machine_line(line) {
            ranges.push(start..start + line.len());
        }
        start += line.len();
    }
    ranges
}

const LEVELS: &[&str] = &[
    "ERROR", "ERR", "WARN", "WARNING", "INFO", "DEBUG", "TRACE", "FATAL", "CRITICAL", "CRIT",
    "NOTICE", "PANIC",
];

/// A shell command (`$ ...`), a quoted line (`> ...`), or a log message: a
/// log level in capitals (`ERROR`, `[WARN]`) or `level=`, possibly after a
/// timestamp.
fn is_machine_line(line: &str) -> bool {
    let line = line.trim_start();
    if line.starts_with("$ ") || line.starts_with("> ") {
        return true;
    }
    for word in line.split_whitespace().take(4) {
        if word.starts_with("level=") {
            return true;
        }
        let bare = word.trim_matches(|c: char| "[]():|<>".contains(c));
        if LEVELS.contains(&bare) {
            return true;
        }
        let timestamp =
            bare.chars().any(|c| c.is_ascii_digit()) && !bare.chars().any(char::is_lowercase);
        if !timestamp {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, bool)> {
        tokenize(text)
            .into_iter()
            .map(|t| (t.lower, t.quoted))
            .collect()
    }

    #[test]
    fn apostrophes_and_hyphens_join_words() {
        let w: Vec<String> = words("We should’ve used the easy-to-read one-pager.")
            .into_iter()
            .map(|(w, _)| w)
            .collect();
        assert_eq!(
            w,
            [
                "we",
                "should've",
                "used",
                "the",
                "easy-to-read",
                "one-pager"
            ]
        );
    }

    #[test]
    fn offsets_land_on_the_words() {
        let text = "Zoë’s 王芳 🔥 ok";
        for t in tokenize(text) {
            assert_eq!(fold(&text[t.start..t.end]), t.lower);
        }
        assert!(tokenize("王芳 ran it")[0].capital);
    }

    #[test]
    fn quotes_backticks_and_log_lines_are_quoted() {
        assert_eq!(
            words("he said \"why\" then `why` then “why” then why"),
            [
                ("he".into(), false),
                ("said".into(), false),
                ("why".into(), true),
                ("then".into(), false),
                ("why".into(), true),
                ("then".into(), false),
                ("why".into(), true),
                ("then".into(), false),
                ("why".into(), false),
            ]
        );
        assert!(words("2024-01-01T10:00Z ERROR why").iter().all(|(_, q)| *q));
        assert!(words("14:02 sam: why did you").iter().all(|(_, q)| !*q));
        assert!(words("an \"unclosed why").iter().all(|(_, q)| !*q));
    }

    #[test]
    fn single_quotes_quote_words_but_apostrophes_inside_words_do_not() {
        let quoted = |text: &str| -> Vec<String> {
            tokenize(text)
                .into_iter()
                .filter(|t| t.quoted)
                .map(|t| t.lower)
                .collect()
        };
        assert_eq!(
            quoted("he said 'oh, stale cookies' and left"),
            ["oh", "stale", "cookies"]
        );
        assert_eq!(quoted("the ‘live’ flag"), ["live"]);
        assert!(quoted("we don't know; the engineers' laptops; Sam's fix").is_empty());
        assert!(quoted("an 'unclosed quote\nand 'another").is_empty());
        assert_eq!(quoted("the users' data and the 'hammer' role"), ["hammer"]);
    }

    #[test]
    fn clauses_split_at_commas_and_dashes_and_questions_are_marked() {
        let t = tokenize("Sam didn't check, it was careless - sadly. Why?");
        let clauses: Vec<u32> = t.iter().map(|t| t.clause).collect();
        assert_eq!(clauses, [0, 0, 0, 1, 1, 1, 2, 3]);
        let questions: Vec<bool> = t.iter().map(|t| t.question).collect();
        assert_eq!(
            questions,
            [false, false, false, false, false, false, false, true]
        );
        assert!(tokenize("the RCA tool")[1].upper && !tokenize("Sam")[0].upper);
    }

    #[test]
    fn sentences_split_on_end_punctuation_but_not_times() {
        let t = tokenize("At 14:02 it broke. Then: more\nand more");
        let s: Vec<u32> = t.iter().map(|t| t.sentence).collect();
        assert_eq!(s, [0, 0, 0, 0, 0, 1, 2, 3, 3]);
    }
}
