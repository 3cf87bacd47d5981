//! The word index: the same hits as reading every text of every review,
//! kept up to date file by file, and made again when broken.

use super::*;

/// A library of `n` reviews with words that recur, differ in case and
/// punctuation, and a few letters whose lowercase splits a word.
fn many(store: &Store, n: usize) -> Vec<PathBuf> {
    use debrief::domain::{Area, Effect, LearningKind, Priority};
    let services = [
        "checkout",
        "Payments",
        "api-gateway",
        "İstanbul-edge",
        "cdn",
    ];
    (0..n)
        .map(|i| {
            let s = services[i % services.len()];
            let r = ReviewBuilder::sev2(&format!("{s} errors after deploy {i}"))
                .with(|r| {
                    r.id = format!("2026-11-{:02}-r{i:04}-test", 1 + i % 28);
                    r.notes = Text::new(format!("private: {s} v1.{i}"));
                    r.summary.summary =
                        Text::new(format!("Requests to {s} failed; v1.{} rolled back", i % 7));
                })
                .event(&format!(
                    "10:0{} ana: {s} error rate {}% (DEPLOY {i})",
                    i % 10,
                    i % 100
                ))
                .learning(
                    LearningKind::Surprise,
                    &format!("the {s} runbook missed a step"),
                )
                .factor(
                    &format!("alerts for {s} went to a quiet channel"),
                    Effect::Hurt,
                    Area::ALL[i % Area::ALL.len()],
                )
                .action(&format!("add a {s} saturation alert"), "mo", Priority::High)
                .build();
            put(store, &r)
        })
        .collect()
}

/// Every hit of the word index, as (review id, place, item, text, words,
/// score).
type Found = Vec<(String, String, Option<u64>, String, Vec<String>, u32)>;

fn by_index(library: &Library, query: &str, notes: bool) -> Found {
    let words = library.words(&mut |_, _| {});
    let terms = debrief::library::search::terms(query);
    words
        .search(&terms, notes)
        .iter()
        .map(|r| {
            let h = words.hit(r, &terms);
            let id = library.row_entries()[h.review]
                .row
                .as_ref()
                .unwrap()
                .id
                .clone();
            let words = h.words.iter().map(|w| (*w).to_owned()).collect();
            (
                id,
                h.place.label().to_owned(),
                h.item,
                h.text.to_owned(),
                words,
                h.score,
            )
        })
        .collect()
}

/// The same by reading every text of every review.
fn by_reading(library: &Library, query: &str, notes: bool) -> Found {
    let texts: Vec<debrief::library::Texts> = library
        .row_entries()
        .iter()
        .map(|e| match &e.row {
            Ok(_) => debrief::library::summary::texts(&debrief::store::load(&e.path).unwrap()),
            Err(_) => Vec::new(),
        })
        .collect();
    let lists: Vec<&[debrief::library::TextItem]> = texts.iter().map(Vec::as_slice).collect();
    let terms = debrief::library::search::terms(query);
    debrief::library::search::search(&lists, &terms, notes)
        .iter()
        .map(|h| {
            let id = library.row_entries()[h.review]
                .row
                .as_ref()
                .unwrap()
                .id
                .clone();
            let words = h.words.iter().map(|w| (*w).to_owned()).collect();
            (
                id,
                h.place.label().to_owned(),
                h.item,
                h.text.to_owned(),
                words,
                h.score,
            )
        })
        .collect()
}

const QUERIES: [&str; 12] = [
    "runbook",
    "Payments alert",
    "e",
    "api-gateway saturation",
    "v1.3",
    "istanbul",
    "i̇stanbul",
    "(deploy",
    "deploy 17",
    "private",
    "...",
    "nothing-here",
];

#[test]
fn search_by_the_word_index_ranks_as_reading_every_text() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let paths = many(&store, 240);
    let library = load(&store);
    for notes in [false, true] {
        for q in QUERIES {
            let found = by_index(&library, q, notes);
            assert_eq!(
                found,
                by_reading(&library, q, notes),
                "{q:?}, notes {notes}"
            );
        }
    }
    assert!(!by_index(&library, "runbook", false).is_empty());
    assert!(
        by_index(&library, "private", false).is_empty(),
        "notes only when asked"
    );
    assert_eq!(by_index(&library, "private", true).len(), 240);
    let top = &by_index(&library, "payments", false)[0];
    assert_eq!(top.1, "title", "a title before the rest: {top:?}");

    // Warm: nothing read again.
    assert_eq!(load(&store).words(&mut |_, _| {}).read, 0);

    // One review edited, one deleted, one broken: only those read again,
    // and the search still ranks as reading every text.
    let edited = &paths[3];
    let mut r = debrief::store::load(edited).unwrap();
    r.learnings[0].text = Text::new("a brand new zebra learning");
    fs::write(edited, encode(&r)).unwrap();
    age(edited);
    fs::remove_file(&paths[5]).unwrap();
    fs::write(&paths[7], "(broken").unwrap();
    age(&paths[7]);
    let library = load(&store);
    assert_eq!(
        library.words(&mut |_, _| {}).read,
        2,
        "the edited and the broken file"
    );
    let zebra = by_index(&library, "zebra", false);
    assert_eq!(zebra.len(), 1);
    assert_eq!(zebra[0].3, "a brand new zebra learning");
    for q in QUERIES {
        let found = by_index(&library, q, false);
        assert_eq!(
            found,
            by_reading(&library, q, false),
            "{q:?} after the changes"
        );
    }
    assert_eq!(load(&store).words(&mut |_, _| {}).read, 0, "kept again");
}

#[test]
fn a_broken_or_foreign_word_index_is_made_again() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    many(&store, 20);
    let library = load(&store);
    let want = by_index(&library, "runbook", false);
    assert_eq!(want.len(), 20);
    let path = store.reviews_dir().join(debrief::library::WORDS_FILE);
    let good = fs::read(&path).unwrap();
    let mut changed_text = good.clone();
    let at = changed_text.len() - 3;
    changed_text[at] ^= 0x20;
    let mut changed_index = good.clone();
    changed_index[40] ^= 1;
    for junk in [
        b"".to_vec(),
        b"{\"format\": 1}".to_vec(),
        good[..good.len() / 2].to_vec(),
        changed_index,
        changed_text,
    ] {
        fs::write(&path, &junk).unwrap();
        let (out, _) = debrief(dir.path(), &["search", "--json", "runbook"]);
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        let texts: Vec<&str> = json
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["text"].as_str().unwrap())
            .collect();
        let expected: Vec<&str> = want.iter().map(|h| h.3.as_str()).collect();
        assert_eq!(texts, expected, "{junk:?}");
        assert_eq!(by_index(&load(&store), "runbook", false), want, "{junk:?}");
    }
    assert_eq!(fs::read(&path).unwrap(), good, "made again as it was");
}
