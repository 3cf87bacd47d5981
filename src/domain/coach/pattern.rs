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

use super::tokens::{Token, fold, tokenize};

/// What one word of a phrase accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Word {
    Exact(String),
    Prefix(String),
    Suffix(String),
    Any,
    Class(usize),
    Name,
}

/// One position in a phrase: alternatives, possibly optional.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Element {
    alternatives: Vec<Word>,
    optional: bool,
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
}

/// The word classes a phrase may name, compiled.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Classes {
    names: HashMap<String, usize>,
    words: Vec<Class>,
    not_name: Option<usize>,
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
            let mut class = Class::default();
            for word in compiled {
                match word {
                    Word::Exact(w) => {
                        class.exact.insert(w);
                    }
                    other => class.other.push(other),
                }
            }
            out.names.insert(name.clone(), out.words.len());
            out.words.push(class);
        }
        out.not_name = out.names.get("not_name").copied();
        Ok(out)
    }

    /// The index of a class by its name in the file.
    pub fn find(&self, name: &str) -> Option<usize> {
        self.names.get(name).copied()
    }

    /// Whether `token` is a word of the class `class`.
    pub fn contains(&self, class: usize, token: &Token) -> bool {
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
    /// Compiles a phrase such as `"{person} messed|screwed up"`.
    pub fn parse(phrase: &str, classes: &Classes) -> Result<Pattern, String> {
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
            elements.push(Element {
                alternatives,
                optional,
            });
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

    /// Where a match can start: the exact words, and whether also any
    /// capitalised word (`{Name}`); `None` when it can start with any of an
    /// open set (a wildcard, a prefix, a suffix).
    pub fn first_words(&self, classes: &Classes) -> Option<(Vec<String>, bool)> {
        let mut firsts = Vec::new();
        let mut capital = false;
        for element in &self.elements {
            for word in &element.alternatives {
                match word {
                    Word::Exact(s) => firsts.push(s.clone()),
                    Word::Name => capital = true,
                    Word::Class(c) => {
                        let class = classes.words.get(*c)?;
                        if !class.other.is_empty() {
                            return None;
                        }
                        firsts.extend(class.exact.iter().cloned());
                    }
                    Word::Prefix(_) | Word::Suffix(_) | Word::Any => return None,
                }
            }
            if !element.optional {
                break;
            }
        }
        Some((firsts, capital))
    }

    /// The end (exclusive token index) of a match starting at `start`, if
    /// any. Every word of a match is unquoted and in the same sentence.
    pub fn match_at(&self, tokens: &[Token], start: usize, classes: &Classes) -> Option<usize> {
        let sentence = tokens.get(start)?.sentence;
        self.match_from(0, tokens, start, sentence, classes)
    }

    fn match_from(
        &self,
        element: usize,
        tokens: &[Token],
        at: usize,
        sentence: u32,
        classes: &Classes,
    ) -> Option<usize> {
        let Some(e) = self.elements.get(element) else {
            return Some(at);
        };
        let here = tokens
            .get(at)
            .filter(|t| !t.quoted && t.sentence == sentence)
            .filter(|t| e.alternatives.iter().any(|w| classes.accepts(w, t)));
        if here.is_some()
            && let Some(end) = self.match_from(element + 1, tokens, at + 1, sentence, classes)
        {
            return Some(end);
        }
        if e.optional {
            return self.match_from(element + 1, tokens, at, sentence, classes);
        }
        None
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
        let c = classes();
        let p = Pattern::parse(phrase, &c).unwrap();
        let t = tokenize(text);
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
        let c = classes();
        for (phrase, wanted) in [
            ("{nope} x", "unknown word class {nope}"),
            ("[x", "closing ]"),
            ("[x]", "at least one word"),
            ("two.words", "not a single word"),
        ] {
            let err = Pattern::parse(phrase, &c).unwrap_err();
            assert!(err.contains(wanted), "{phrase}: {err}");
        }
    }
}
