//! Making the word index: the files that changed read again, the others
//! kept with their texts and words from the index as it was.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::{FORMAT, IRREGULAR, MAGIC, Words, parse, place_code};
use crate::library::codec::{self, Writer};
use crate::library::index::{self, Progress, Read, Stamp};
use crate::library::rows::write_stamp;
use crate::library::summary::{Texts, texts};
use crate::store::{self, Replace};

/// Where search splits a text into words: anything but a letter, a digit,
/// `-` or `_`.
pub fn splits(c: char) -> bool {
    !c.is_alphanumeric() && c != '-' && c != '_'
}

/// The words of a text as search compares them (each lowercased, with
/// how often it is there), and whether lowercasing the whole text splits
/// it otherwise; the words of the whole text lowercased are then added
/// with a count of 0, so that search finds the item and reads it.
fn tokens(text: &str) -> (Vec<(String, u32)>, bool) {
    let mut counts: HashMap<String, u32> = HashMap::new();
    let mut words: Vec<String> = Vec::new();
    for word in text.split(splits).filter(|w| !w.is_empty()) {
        let w = word.to_lowercase();
        *counts.entry(w.clone()).or_default() += 1;
        words.push(w);
    }
    let lower = text.to_lowercase();
    let irregular = !lower
        .split(splits)
        .filter(|w| !w.is_empty())
        .eq(words.iter().map(String::as_str));
    if irregular {
        for w in lower.split(splits).filter(|w| !w.is_empty()) {
            counts.entry(w.to_owned()).or_default();
        }
    }
    (counts.into_iter().collect(), irregular)
}

/// Where a review's texts come from.
enum Source {
    Kept(usize),
    Made(Result<Texts, String>),
}

/// The index for `files`, with what `old` holds of the files that did not
/// change and the others read again; written to `path` (a failure to
/// write fails nothing: the next search makes it again).
pub(super) fn refresh(
    dir: &Path,
    path: &Path,
    files: &[(&Path, Stamp)],
    old: Option<(Words, i128)>,
    progress: Progress,
) -> Words {
    let mut named: Vec<(String, &Path, Stamp)> = files
        .iter()
        .map(|(p, s)| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            (name.unwrap_or_default(), *p, *s)
        })
        .collect();
    named.sort_by(|a, b| a.0.cmp(&b.0));
    named.dedup_by(|a, b| a.0 == b.0);
    let by_name = old.as_ref().map(|(w, _)| w.by_name()).unwrap_or_default();
    let written = old.as_ref().map_or(0, |(_, at)| *at);
    let mut sources: Vec<Option<Source>> = Vec::with_capacity(named.len());
    let mut todo: Vec<(String, PathBuf, Option<Stamp>)> = Vec::new();
    for (name, p, stamp) in &named {
        let kept = by_name.get(name.as_str()).copied().filter(|&slot| {
            old.as_ref().is_some_and(|(w, _)| {
                let s = &w.slots[slot];
                s.stamp == *stamp
                    && index::settled(stamp, written)
                    && (s.error.is_some() || w.blocks[slot].get_or_init(|| w.block(slot)).is_some())
            })
        });
        match kept {
            Some(slot) => sources.push(Some(Source::Kept(slot))),
            None => {
                sources.push(None);
                todo.push((name.clone(), p.to_path_buf(), Some(*stamp)));
            }
        }
    }
    drop(by_name);
    let empty = Read {
        values: HashMap::new(),
        written: 0,
    };
    let (made, read, _) = index::refresh(todo, empty, progress, |p| {
        store::load(p).map(|r| texts(&r)).map_err(|e| e.to_string())
    });
    let mut made = made.into_iter();
    for source in sources.iter_mut().filter(|s| s.is_none()) {
        *source = made.next().map(|(_, _, value)| Source::Made(value));
    }

    let old = old.map(|(w, _)| w);
    let mut w = Writer::new();
    let mut texts_out = Writer::new();
    let mut block = Writer::new();
    let mut flags: Vec<u8> = Vec::new();
    let mut postings: HashMap<String, Vec<(u32, u32)>> = HashMap::new();
    let mut renumbered: Vec<u32> = vec![u32::MAX; old.as_ref().map_or(0, |o| o.flags.len())];
    w.len(named.len());
    for ((name, _, stamp), source) in named.iter().zip(sources) {
        w.str(name);
        write_stamp(&mut w, stamp);
        block.clear();
        let first = flags.len();
        match source {
            Some(Source::Kept(slot)) => {
                let old = old.as_ref().expect("kept from an index");
                let s = &old.slots[slot];
                if let Some(why) = &s.error {
                    w.u8(0);
                    w.str(old.str(why));
                    continue;
                }
                let kept = old.blocks[slot]
                    .get()
                    .and_then(Option::as_ref)
                    .expect("read above");
                block.raw(&kept.bytes);
                for i in s.items.clone() {
                    renumbered[i] = flags.len() as u32;
                    flags.push(old.body()[old.flags.start + i]);
                }
            }
            Some(Source::Made(Ok(texts))) => {
                for t in &texts {
                    let (words, irregular) = tokens(&t.text);
                    let item = flags.len() as u32;
                    for (word, count) in words {
                        postings.entry(word).or_default().push((item, count));
                    }
                    flags.push(place_code(t.place) | if irregular { IRREGULAR } else { 0 });
                }
                write_block(&mut block, &texts);
            }
            Some(Source::Made(Err(why))) => {
                w.u8(0);
                w.str(&why);
                continue;
            }
            None => {
                w.u8(0);
                w.str("it could not be read");
                continue;
            }
        }
        w.u8(1);
        w.len(flags.len() - first);
        w.u64(texts_out.written().len() as u64);
        w.len(block.written().len());
        w.u64(codec::hash(block.written()));
        texts_out.raw(block.written());
    }
    w.len(flags.len());
    w.raw(&flags);
    if let Some(old) = &old {
        for word in &old.words {
            let text = old.str(&word.word);
            let mut kept = old
                .postings(word)
                .filter_map(|(i, count)| {
                    let to = *renumbered.get(i)?;
                    (to != u32::MAX).then_some((to, count))
                })
                .peekable();
            if kept.peek().is_none() {
                continue;
            }
            match postings.get_mut(text) {
                Some(list) => list.extend(kept),
                None => {
                    postings.insert(text.to_owned(), kept.collect());
                }
            }
        }
    }
    let mut words: Vec<(String, Vec<(u32, u32)>)> = postings.into_iter().collect();
    words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    w.len(words.len());
    let mut buf = Writer::new();
    for (word, mut list) in words {
        list.sort_unstable_by_key(|p| p.0);
        buf.clear();
        let mut at = 0;
        for (i, count) in list {
            buf.varint(u64::from(i - at));
            buf.varint(u64::from(count));
            at = i;
        }
        w.str(&word);
        w.bytes(buf.written());
    }
    drop(old);
    let index = w.finish(MAGIC, FORMAT);
    let texts = texts_out.written().to_vec();
    let mut file = Vec::with_capacity(index.len() + texts.len());
    file.extend_from_slice(&index);
    file.extend_from_slice(&texts);
    if store::write_atomic(path, &file, Replace::Overwrite).is_ok() {
        // The texts were kept as JSON before this index.
        let before = dir.join(".index-text.json");
        if std::fs::symlink_metadata(&before).is_ok_and(|m| m.is_file()) {
            let _ = std::fs::remove_file(before);
        }
    }
    drop(file);
    let len = texts.len() as u64;
    let mut words = parse(index, super::Texts::Memory(texts), len).unwrap_or_else(Words::empty);
    words.order = words.order_for(files);
    words.read = read;
    words.dir = dir.to_owned();
    words.written = i128::MAX;
    words
}

/// The block of texts of a review: each item's number and text.
pub(super) fn write_block(block: &mut Writer, texts: &Texts) {
    for t in texts {
        match t.item {
            Some(n) => {
                block.u8(1);
                block.u64(n);
            }
            None => block.u8(0),
        }
        block.str(&t.text);
    }
}
