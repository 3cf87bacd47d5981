//! Phrases: a small pattern language over words, compiled once.
//!
//! A phrase is words separated by spaces. Each word is one of:
//!
//! | written      | matches                                                  |
//! |--------------|----------------------------------------------------------|
//! | `word`       | that word, ignoring case (`’` counts as `'`)             |
//! | `a\|b\|c`    | any one of the alternatives (each may be any form below) |
//! | `word*`      | `word` or a word starting with it (`careless*`)          |
//! | `*'s`        | a word ending with `'s`                                  |
//! | `*`          | any one word                                             |
//! | `{class}`    | a word from the named class in the file's `words`        |
//! | `{Name}`     | a capitalised word not in the class `not_name`, and not  |
//! |              | an acronym in capitals ("RCA", "DNS")                    |
//! | `[...]`      | the same, but optional                                   |

use std::collections::{HashMap, HashSet};

use super::lexicon::{Lexicon, UNKNOWN};
use super::tokens::{Token, fold, tokenize};

/// What one word of a phrase accepts, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Word {
    Exact(String),
    Prefix(String),
    Suffix(String),
    Any,
    Class(usize),
    Name,
}

/// One position in a phrase: the alternatives it accepts, possibly
/// optional. A word is accepted when any alternative accepts it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Element {
    /// Exact words, by their number in the lexicon, sorted.
    words: Vec<u32>,
    /// Classes among the first 64, by bit.
    classes: u64,
    /// Classes past the first 64 (a team's file may name that many).
    more_classes: Vec<usize>,
    /// `prefix*` and `*suffix` words among the first 64 of the coach, by
    /// bit (see [`Classes::affixes`]).
    affixes: u64,
    /// `prefix*` and `*suffix` words past those.
    more_affixes: Vec<Word>,
    /// `{Name}`.
    name: bool,
    /// Whether `more_classes` or `more_affixes` has any word.
    more: bool,
    /// `*`.
    any: bool,
    optional: bool,
}

/// The words a phrase can start with (see [`Pattern::starts`]).
#[derive(Debug, Default)]
pub(crate) struct Starts {
    pub words: Vec<u32>,
    pub capital: bool,
    pub affixes: u64,
}

/// A compiled phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Pattern {
    elements: Vec<Element>,
}

/// The words of one class: exact words in a set, prefixes and suffixes
/// in a list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Class {
    exact: HashSet<String>,
    other: Vec<Word>,
    /// The words of `other` among the coach's first 64 affixes, by bit.
    other_bits: u64,
    /// The words of `other` past those.
    other_rest: Vec<Word>,
}

/// The word classes a phrase may name, compiled, and the lexicon of every
/// word a class or phrase names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Classes {
    names: HashMap<String, usize>,
    words: Vec<Class>,
    not_name: Option<usize>,
    lexicon: Lexicon,
    /// The classes (among the first 64) with prefixes or suffixes.
    affixed: Vec<usize>,
    /// The first 64 distinct `prefix*` and `*suffix` words of classes and
    /// phrases: a token records which of them it matches.
    affixes: Vec<Word>,
}

impl Classes {
    /// Compiles the classes; a class word may be exact, `prefix*` or `*suffix`.
    pub fn compile<'a>(
        classes: impl IntoIterator<Item = (&'a String, &'a Vec<String>)>,
    ) -> Result<Classes, String> {
        let mut out = Classes::default();
        for (name, words) in classes {
            let compiled = words
                .iter()
                .map(|w| match simple_word(w)? {
                    Word::Any => Err(format!("class {{{name}}}: `*` alone is not a word")),
                    word => Ok(word),
                })
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| format!("class {{{name}}}: {e}"))?;
            let index = out.words.len();
            let mut class = Class::default();
            for word in compiled {
                match word {
                    Word::Exact(w) => {
                        out.lexicon.list(&w, index);
                        class.exact.insert(w);
                    }
                    other => {
                        match out.affix_bit(&other) {
                            Some(bit) => class.other_bits |= bit,
                            None => class.other_rest.push(other.clone()),
                        }
                        class.other.push(other);
                    }
                }
            }
            if !class.other.is_empty() && index < 64 {
                out.affixed.push(index);
            }
            out.names.insert(name.clone(), index);
            out.words.push(class);
        }
        out.not_name = out.names.get("not_name").copied();
        Ok(out)
    }

    /// The index of a class by its name in the file.
    pub fn find(&self, name: &str) -> Option<usize> {
        self.names.get(name).copied()
    }

    /// The bit of a prefix or suffix in [`Classes::affixes`], if it is
    /// among the first 64.
    fn affix_bit(&mut self, word: &Word) -> Option<u64> {
        let i = match self.affixes.iter().position(|w| w == word) {
            Some(i) => i,
            None if self.affixes.len() < 64 => {
                self.affixes.push(word.clone());
                self.affixes.len() - 1
            }
            None => return None,
        };
        Some(1 << i)
    }

    /// Splits `text` into words, each with its number in the lexicon and
    /// the classes it is in: the tokens that phrases and classes read.
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        let mut tokens = tokenize(text);
        for t in &mut tokens {
            let entry = self.lexicon.get(&t.lower);
            t.id = entry.map_or(UNKNOWN, |e| e.id);
            t.classes = entry.map_or(0, |e| e.classes);
            for (i, w) in self.affixes.iter().enumerate() {
                if affix_accepts(w, &t.lower) {
                    t.affixes |= 1 << i;
                }
            }
            for &c in &self.affixed {
                let class = &self.words[c];
                if t.affixes & class.other_bits != 0
                    || class.other_rest.iter().any(|w| affix_accepts(w, &t.lower))
                {
                    t.classes |= 1 << c;
                }
            }
        }
        tokens
    }

    /// Whether `token` (from [`Classes::tokenize`]) is a word of the class
    /// `class`.
    pub fn contains(&self, class: usize, token: &Token) -> bool {
        if class < 64 {
            return class < self.words.len() && token.classes & (1 << class) != 0;
        }
        self.words.get(class).is_some_and(|c| {
            c.exact.contains(&token.lower) || c.other.iter().any(|w| self.accepts(w, token))
        })
    }

    /// Whether `word` is written out in the class `class`.
    pub fn lists(&self, class: usize, word: &str) -> bool {
        self.words
            .get(class)
            .is_some_and(|c| c.exact.contains(word))
    }

    /// Whether a word of a class's list or of a phrase, as written,
    /// accepts `token`.
    fn accepts(&self, word: &Word, token: &Token) -> bool {
        match word {
            Word::Exact(w) => token.lower == *w,
            Word::Prefix(p) => token.lower.starts_with(p.as_str()),
            Word::Suffix(s) => token.lower.ends_with(s.as_str()) && token.lower.len() > s.len(),
            Word::Any => true,
            Word::Class(c) => self.contains(*c, token),
            Word::Name => self.is_name(token),
        }
    }
}

impl Classes {
    /// A capitalised word that is not in `not_name` and not an acronym.
    pub fn is_name(&self, token: &Token) -> bool {
        token.capital && !token.upper && !self.not_name.is_some_and(|c| self.contains(c, token))
    }
}

impl Element {
    /// Whether this position accepts `token` (from [`Classes::tokenize`]).
    fn accepts(&self, token: &Token, classes: &Classes) -> bool {
        self.any
            || token.classes & self.classes != 0
            || token.affixes & self.affixes != 0
            || (token.id != UNKNOWN && self.lists(token.id))
            || (self.name && classes.is_name(token))
            || (self.more
                && (self
                    .more_affixes
                    .iter()
                    .any(|w| affix_accepts(w, &token.lower))
                    || self
                        .more_classes
                        .iter()
                        .any(|&c| classes.contains(c, token))))
    }

    /// Whether the word numbered `id` is one of the exact words.
    fn lists(&self, id: u32) -> bool {
        let long = self.words.len() > 8;
        (long && self.words.binary_search(&id).is_ok()) || (!long && self.words.contains(&id))
    }

    /// Every class this position names.
    fn class_indexes(&self) -> impl Iterator<Item = usize> + '_ {
        (0..64)
            .filter(|c| self.classes & (1 << c) != 0)
            .chain(self.more_classes.iter().copied())
    }
}

/// Whether a `prefix*` or `*suffix` word accepts the word `lower`.
fn affix_accepts(word: &Word, lower: &str) -> bool {
    let l = lower.as_bytes();
    // The first (or last) byte alone turns most words away.
    match word {
        Word::Prefix(p) => l.first() == p.as_bytes().first() && l.starts_with(p.as_bytes()),
        Word::Suffix(s) => {
            l.len() > s.len() && l.last() == s.as_bytes().last() && l.ends_with(s.as_bytes())
        }
        _ => false,
    }
}

/// Parses a word without classes or alternatives: `word`, `word*`, `*word`, `*`.
fn simple_word(raw: &str) -> Result<Word, String> {
    if raw == "*" {
        return Ok(Word::Any);
    }
    let (body, make): (&str, fn(String) -> Word) = if let Some(b) = raw.strip_suffix('*') {
        (b, Word::Prefix)
    } else if let Some(b) = raw.strip_prefix('*') {
        (b, Word::Suffix)
    } else {
        (raw, Word::Exact)
    };
    let folded = fold(body);
    // A suffix such as `'s` or `'ve` may start with an apostrophe.
    let checked = folded.trim_start_matches('\'');
    let is_one_word = matches!(tokenize(checked).as_slice(), [t] if t.lower == checked);
    if body.is_empty() || !is_one_word {
        return Err(format!("`{raw}` is not a single word"));
    }
    Ok(make(folded))
}

impl Pattern {
    /// Compiles a phrase such as `"{person} messed|screwed up"`; its words
    /// join the lexicon.
    pub fn parse(phrase: &str, classes: &mut Classes) -> Result<Pattern, String> {
        let mut elements = Vec::new();
        for piece in phrase.split_whitespace() {
            let (inner, optional) = match piece.strip_prefix('[') {
                Some(rest) => match rest.strip_suffix(']') {
                    Some(inner) => (inner, true),
                    None => return Err(format!("`{piece}`: an optional word needs a closing ]")),
                },
                None => (piece, false),
            };
            let alternatives = inner
                .split('|')
                .map(
                    |alt| match alt.strip_prefix('{').and_then(|a| a.strip_suffix('}')) {
                        Some("Name") => Ok(Word::Name),
                        Some(class) => classes
                            .names
                            .get(class)
                            .map(|&c| Word::Class(c))
                            .ok_or_else(|| format!("unknown word class {{{class}}}")),
                        None => simple_word(alt),
                    },
                )
                .collect::<Result<Vec<_>, _>>()?;
            let mut element = Element {
                optional,
                ..Element::default()
            };
            for word in alternatives {
                match word {
                    Word::Exact(w) => element.words.push(classes.lexicon.intern(&w)),
                    Word::Class(c) if c < 64 => element.classes |= 1 << c,
                    Word::Class(c) => element.more_classes.push(c),
                    Word::Name => element.name = true,
                    Word::Any => element.any = true,
                    affix @ (Word::Prefix(_) | Word::Suffix(_)) => {
                        match classes.affix_bit(&affix) {
                            Some(bit) => element.affixes |= bit,
                            None => element.more_affixes.push(affix),
                        }
                    }
                }
            }
            element.words.sort_unstable();
            element.words.dedup();
            element.more = !element.more_classes.is_empty() || !element.more_affixes.is_empty();
            elements.push(element);
        }
        if elements.iter().all(|e| e.optional) {
            return Err("a phrase needs at least one word that is not optional".into());
        }
        Ok(Pattern { elements })
    }

    /// The most words a match can span.
    pub fn max_len(&self) -> usize {
        self.elements.len()
    }

    /// Where a match can start: the numbers of the exact words, whether
    /// also any capitalised word (`{Name}`), and the prefixes and suffixes
    /// (by bit); `None` when it can start with any word (a wildcard) or
    /// with one of affixes past the first 64.
    pub fn starts(&self, classes: &Classes) -> Option<Starts> {
        let mut starts = Starts::default();
        for element in &self.elements {
            if element.any || !element.more_affixes.is_empty() {
                return None;
            }
            starts.words.extend(&element.words);
            starts.capital |= element.name;
            starts.affixes |= element.affixes;
            for c in element.class_indexes() {
                let class = classes.words.get(c)?;
                if !class.other_rest.is_empty() {
                    return None;
                }
                starts.affixes |= class.other_bits;
                starts.words.extend(
                    class
                        .exact
                        .iter()
                        .filter_map(|w| classes.lexicon.get(w))
                        .map(|e| e.id),
                );
            }
            if !element.optional {
                break;
            }
        }
        Some(starts)
    }

    /// The end (exclusive token index) of a match starting at `start`, if
    /// any. Every word of a match is unquoted and in the same sentence.
    /// The tokens are those of [`Classes::tokenize`].
    pub fn match_at(&self, tokens: &[Token], start: usize, classes: &Classes) -> Option<usize> {
        let sentence = tokens.get(start)?.sentence;
        self.match_from(0, tokens, start, sentence, classes)
    }

    /// The first match of elements `element..` from token `at`: an
    /// optional element takes its word if the rest then matches, and is
    /// skipped otherwise.
    fn match_from(
        &self,
        mut element: usize,
        tokens: &[Token],
        mut at: usize,
        sentence: u32,
        classes: &Classes,
    ) -> Option<usize> {
        while let Some(e) = self.elements.get(element) {
            let here = tokens
                .get(at)
                .is_some_and(|t| !t.quoted && t.sentence == sentence && e.accepts(t, classes));
            if !e.optional {
                if !here {
                    return None;
                }
                at += 1;
            } else if here
                && let Some(end) = self.match_from(element + 1, tokens, at + 1, sentence, classes)
            {
                return Some(end);
            }
            element += 1;
        }
        Some(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes() -> Classes {
        let words = [
            ("who".to_owned(), vec!["we".to_owned(), "sam".to_owned()]),
            ("not_name".to_owned(), vec!["the".to_owned()]),
        ];
        Classes::compile(words.iter().map(|(a, b)| (a, b))).unwrap()
    }

    fn matches(phrase: &str, text: &str) -> Option<String> {
        let mut c = classes();
        let p = Pattern::parse(phrase, &mut c).unwrap();
        let t = c.tokenize(text);
        (0..t.len()).find_map(|i| {
            p.match_at(&t, i, &c)
                .map(|end| text[t[i].start..t[end - 1].end].to_owned())
        })
    }

    #[test]
    fn the_syntax_matches_what_it_says() {
        assert_eq!(
            matches("should have", "We SHOULD HAVE"),
            Some("SHOULD HAVE".into())
        );
        assert_eq!(
            matches("should've", "we should’ve"),
            Some("should’ve".into())
        );
        assert_eq!(matches("a|b c", "x b c"), Some("b c".into()));
        assert_eq!(
            matches("careless*", "carelessness"),
            Some("carelessness".into())
        );
        assert_eq!(matches("careless*", "careless"), Some("careless".into()));
        assert_eq!(
            matches("*'s fault", "Ana's fault"),
            Some("Ana's fault".into())
        );
        assert_eq!(matches("{who} did", "so we did"), Some("we did".into()));
        assert_eq!(matches("{Name} did", "The team did"), None);
        assert_eq!(
            matches("{Name} did", "then Zoë did"),
            Some("Zoë did".into())
        );
        assert_eq!(matches("if [we] had", "if had"), Some("if had".into()));
        assert_eq!(
            matches("if [we] had", "if we had"),
            Some("if we had".into())
        );
        assert_eq!(matches("* up", "messed up"), Some("messed up".into()));
        assert_eq!(matches("should have", "should. Have"), None);
        assert_eq!(matches("just", "justify"), None);
    }

    #[test]
    fn mistakes_in_a_phrase_are_named() {
        let mut c = classes();
        for (phrase, wanted) in [
            ("{nope} x", "unknown word class {nope}"),
            ("[x", "closing ]"),
            ("[x]", "at least one word"),
            ("two.words", "not a single word"),
        ] {
            let err = Pattern::parse(phrase, &mut c).unwrap_err();
            assert!(err.contains(wanted), "{phrase}: {err}");
        }
    }
}
