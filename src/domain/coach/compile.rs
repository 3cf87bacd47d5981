//! Reading a coach file and compiling its phrases.

use std::collections::BTreeMap;

use super::pattern::{Classes, Pattern};
use super::{Category, CategoryId, CoachFile, Compiled, Unless};

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
    let mut classes = Classes::compile(words)?;
    let mut out = Compiled {
        unless: vec![Unless::default(); CategoryId::ALL.len()],
        ..Compiled::default()
    };
    for category in categories.iter().filter(|c| c.enabled) {
        let id = category.id;
        for phrase in &category.phrases {
            let pattern = Pattern::parse(phrase, &mut classes)
                .map_err(|e| format!("{id}: phrase \"{phrase}\": {e}"))?;
            out.index.add(out.patterns.len(), &pattern, &classes);
            out.patterns.push((id, pattern));
        }
        for phrase in &category.unless {
            let pattern = Pattern::parse(phrase, &mut classes)
                .map_err(|e| format!("{id}: unless \"{phrase}\": {e}"))?;
            let unless = &mut out.unless[id.index()];
            unless.index.add(unless.patterns.len(), &pattern, &classes);
            unless.longest = unless.longest.max(pattern.max_len());
            unless.patterns.push(pattern);
        }
    }
    out.classes = classes;
    Ok(out)
}
