//! Reading a coach file and compiling its phrases.

use std::collections::BTreeMap;

use super::pattern::{Classes, Pattern};
use super::{Category, CategoryId, CoachFile, Compiled};

pub(super) fn parse(text: &str) -> Result<CoachFile, String> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
        .map_err(|e| format!("{}:{}: {}", e.span.start.line, e.span.start.col, e.code))
}

pub(super) fn compile(
    categories: &[Category],
    words: &BTreeMap<String, Vec<String>>,
) -> Result<Compiled, String> {
    let classes = Classes::compile(words)?;
    let mut out = Compiled {
        unless: vec![Vec::new(); CategoryId::ALL.len()],
        ..Compiled::default()
    };
    for category in categories.iter().filter(|c| c.enabled) {
        let id = category.id;
        for phrase in &category.phrases {
            let pattern = Pattern::parse(phrase, &classes)
                .map_err(|e| format!("{id}: phrase \"{phrase}\": {e}"))?;
            let n = out.patterns.len();
            match pattern.first_words(&classes) {
                Some((firsts, capital)) => {
                    if capital {
                        out.on_capitals.push(n);
                    }
                    for w in firsts {
                        let slot = out.by_first_word.entry(w).or_default();
                        if slot.last() != Some(&n) {
                            slot.push(n);
                        }
                    }
                }
                None => out.anywhere.push(n),
            }
            out.patterns.push((id, pattern));
        }
        for phrase in &category.unless {
            let pattern = Pattern::parse(phrase, &classes)
                .map_err(|e| format!("{id}: unless \"{phrase}\": {e}"))?;
            out.unless[id.index()].push(pattern);
        }
    }
    out.classes = classes;
    Ok(out)
}
