//! The team's library: the cache of review summaries beside the reviews,
//! and the commands that read every review at once.

mod common;
// The commands that read the library: search and actions.
#[path = "library/commands.rs"]
mod commands;
// The picker's search as you type.
#[path = "library/picker.rs"]
mod picker;
// Search by the word index, against reading every text.
#[path = "library/words.rs"]
mod words;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use common::ReviewBuilder;
use common::run::run_debrief;
use debrief::domain::{Review, Text};
use debrief::library::{INDEX_FILE, Library, ROWS_FILE};
use debrief::store::{Store, encode};

/// Writes `review` into the store's folder as a person's old file: its
/// modification time an hour back, as after a checkout.
fn put(store: &Store, review: &Review) -> PathBuf {
    let path = store.path_of(&review.id);
    fs::create_dir_all(store.reviews_dir()).unwrap();
    fs::write(&path, encode(review)).unwrap();
    age(&path);
    path
}

fn age(path: &Path) {
    let file = fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - Duration::from_secs(3600))
        .unwrap();
}

fn review(id: &str, title: &str) -> Review {
    ReviewBuilder::sev2(title)
        .with(|r| r.id = id.into())
        .build()
}

fn load(store: &Store) -> Library {
    Library::load(store, &mut |_, _| {}).expect("the folder reads")
}

fn titles(library: &Library) -> Vec<String> {
    library.reviews().map(|(_, r)| r.title.clone()).collect()
}

fn debrief(dir: &Path, args: &[&str]) -> (String, String) {
    let out = run_debrief(args, &[("DEBRIEF_DIR", dir.as_os_str())], None);
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    (text(&out.stdout), text(&out.stderr))
}

#[test]
fn the_index_follows_edits_deletions_renames_and_broken_files() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    put(&store, &review("2026-11-24-alpha-aaaa", "Alpha"));
    let beta = put(&store, &review("2026-11-24-beta-bbbb", "Beta"));
    let gamma = put(&store, &review("2026-11-24-gamma-cccc", "Gamma"));

    let first = load(&store);
    assert_eq!(first.read, 3, "a missing cache is built from every file");
    assert!(store.reviews_dir().join(INDEX_FILE).is_file());
    let warm = load(&store);
    assert_eq!(warm.read, 0, "unchanged files come from the cache");
    assert_eq!(titles(&warm), titles(&first));

    // Edited: read again, and only that one.
    fs::write(
        &beta,
        encode(&review("2026-11-24-beta-bbbb", "Beta, edited")),
    )
    .unwrap();
    age(&beta);
    let edited = load(&store);
    assert_eq!(edited.read, 1);
    assert!(
        titles(&edited).contains(&"Beta, edited".to_owned()),
        "{:?}",
        titles(&edited)
    );

    // Deleted: gone from the listing.
    fs::remove_file(&gamma).unwrap();
    let deleted = load(&store);
    assert_eq!(deleted.read, 0);
    assert!(!titles(&deleted).contains(&"Gamma".to_owned()));
    assert_eq!(deleted.entries().len(), 2);

    // Renamed: listed at its new name.
    let renamed = store.path_of("2026-11-24-beta-renamed-dddd");
    fs::rename(&beta, &renamed).unwrap();
    let after = load(&store);
    assert_eq!(after.read, 1, "a renamed file is a new name to read");
    let paths: Vec<&Path> = after.reviews().map(|(p, _)| p).collect();
    assert!(paths.contains(&renamed.as_path()), "{paths:?}");
    assert!(!paths.contains(&beta.as_path()), "{paths:?}");

    // Broken: listed with its error, never hidden, and the file untouched.
    fs::write(&renamed, "(not a review").unwrap();
    let broken = load(&store);
    let problems: Vec<(&Path, &str)> = broken.problems().collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].0, renamed.as_path());
    assert!(
        problems[0].1.contains(&renamed.display().to_string()),
        "{}",
        problems[0].1
    );
    assert_eq!(fs::read_to_string(&renamed).unwrap(), "(not a review");
    // Still broken from the cache, without reading it again.
    age(&renamed);
    let _ = load(&store);
    let cached = load(&store);
    assert_eq!(cached.read, 0);
    assert_eq!(
        cached.problems().count(),
        1,
        "a cached failure is still listed"
    );

    // Repaired: back in the listing.
    fs::write(
        &renamed,
        encode(&review("2026-11-24-beta-renamed-dddd", "Beta again")),
    )
    .unwrap();
    let repaired = load(&store);
    assert_eq!(repaired.problems().count(), 0);
    assert!(titles(&repaired).contains(&"Beta again".to_owned()));
}

#[test]
fn a_broken_or_foreign_cache_is_rebuilt_from_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    put(&store, &review("2026-11-24-alpha-aaaa", "Alpha"));
    put(&store, &review("2026-11-24-beta-bbbb", "Beta"));
    let index = store.reviews_dir().join(INDEX_FILE);
    for junk in [
        "{\"format\": 1, \"entr",
        "{\"format\": 999, \"entries\": []}",
        "",
    ] {
        fs::write(&index, junk).unwrap();
        let library = load(&store);
        assert_eq!(library.read, 2, "{junk:?}");
        let mut found = titles(&library);
        found.sort();
        assert_eq!(found, ["Alpha", "Beta"]);
        let rebuilt = fs::read_to_string(&index).unwrap();
        assert!(rebuilt.contains("\"format\":2"), "{junk:?} gave {rebuilt}");
    }
}

#[test]
fn a_cache_that_cannot_be_written_fails_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    put(&store, &review("2026-11-24-alpha-aaaa", "Alpha"));
    // A folder where the cache would go: it can be neither read nor
    // replaced.
    fs::create_dir(store.reviews_dir().join(INDEX_FILE)).unwrap();
    for _ in 0..2 {
        let library = load(&store);
        assert_eq!(library.read, 1);
        assert_eq!(titles(&library), ["Alpha"]);
    }
    let (out, _) = debrief(dir.path(), &["list"]);
    assert!(out.contains("Alpha"), "{out}");
}

#[test]
fn list_shows_an_edit_made_behind_its_back_and_names_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let path = put(&store, &review("2026-11-24-alpha-aaaa", "Alpha"));
    let (out, _) = debrief(dir.path(), &["list"]);
    assert!(out.contains("Alpha"), "{out}");
    let mut edited = review("2026-11-24-alpha-aaaa", "Alpha renamed by hand");
    edited.title = Text::new("Alpha renamed by hand");
    fs::write(&path, encode(&edited)).unwrap();
    let (out, _) = debrief(dir.path(), &["list"]);
    assert!(out.contains("Alpha renamed by hand"), "{out}");
    let broken = store.path_of("2026-11-25-broken-eeee");
    fs::write(&broken, "(id: ").unwrap();
    let (out, err) = debrief(dir.path(), &["list"]);
    assert!(out.contains("Alpha renamed by hand"), "{out}");
    assert!(err.contains(&broken.display().to_string()), "{err}");
}

#[test]
fn a_data_folder_in_git_gets_an_ignore_file_that_keeps_a_team_s_lines() {
    let repo = tempfile::tempdir().unwrap();
    fs::create_dir(repo.path().join(".git")).unwrap();
    let root = repo.path().join("reviews-data");
    let store = Store::at(&root);
    put(&store, &review("2026-11-24-alpha-aaaa", "Alpha"));
    fs::write(root.join(".gitignore"), "exports/\n*.ron.bak\n").unwrap();
    load(&store);
    let ignore = fs::read_to_string(root.join(".gitignore")).unwrap();
    assert!(ignore.starts_with("exports/\n*.ron.bak\n"), "{ignore}");
    for pattern in debrief::store::gitignore::PATTERNS {
        assert_eq!(
            ignore.lines().filter(|l| l == pattern).count(),
            1,
            "{pattern} in {ignore}"
        );
    }
    assert!(ignore.lines().any(|l| l == INDEX_FILE), "{ignore}");

    let plain = tempfile::tempdir().unwrap();
    let store = Store::at(plain.path());
    put(&store, &review("2026-11-24-alpha-aaaa", "Alpha"));
    load(&store);
    assert!(
        !plain.path().join(".gitignore").exists(),
        "no repository, no ignore file"
    );
}

#[test]
fn list_filters_by_severity_status_service_dates_owner_and_tag() {
    use debrief::domain::{Priority, Severity, Status};
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let dated = |id: &str, title: &str, day: &str| {
        let at: chrono::DateTime<chrono::Utc> = format!("{day}T10:00:00Z").parse().unwrap();
        ReviewBuilder::sev2(title).with(move |r| {
            r.id = id.into();
            r.created = at;
            r.moments.started = Some(at);
        })
    };
    put(
        &store,
        &dated("2026-03-02-db-aaaa", "Database failover #db", "2026-03-02")
            .action("Add a replica alert", "Ana", Priority::High)
            .with(|r| r.summary.services = vec![Text::new("Payments")])
            .build(),
    );
    put(
        &store,
        &dated("2026-06-10-cdn-bbbb", "CDN purge stuck", "2026-06-10")
            .action("Script the purge", "mo", Priority::Low)
            .with(|r| {
                r.severity = Severity::Sev4;
                r.status = Status::Published;
                r.summary.services = vec![Text::new("cdn")];
                r.summary.summary = Text::new("A #network problem, again");
            })
            .build(),
    );
    put(
        &store,
        &dated("2026-09-20-login-cccc", "Login errors", "2026-09-20")
            .with(|r| r.severity = Severity::Sev1)
            .build(),
    );
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["list", "--json"];
        all.extend_from_slice(args);
        let (out, _) = debrief(dir.path(), &all);
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        json.as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let (a, b, c) = (
        "2026-03-02-db-aaaa",
        "2026-06-10-cdn-bbbb",
        "2026-09-20-login-cccc",
    );
    assert_eq!(ids(&[]), [c, b, a]);
    assert_eq!(ids(&["--sev", "1,2"]), [c, a]);
    assert_eq!(ids(&["--sev", "4", "--sev", "sev-1"]), [c, b]);
    assert_eq!(ids(&["--status", "published"]), [b]);
    assert_eq!(ids(&["--service", "payments"]), [a]);
    assert_eq!(ids(&["--service", "CDN,payments"]), [b, a]);
    assert_eq!(ids(&["--since", "2026-06-10"]), [c, b]);
    assert_eq!(ids(&["--until", "2026-06"]), [a]);
    assert_eq!(ids(&["--since", "2026-04", "--until", "2026-06-30"]), [b]);
    assert_eq!(ids(&["--owner", "ana"]), [a]);
    assert_eq!(ids(&["--owner", "nobody"]), Vec::<String>::new());
    assert_eq!(ids(&["--tag", "#DB"]), [a]);
    assert_eq!(ids(&["--tag", "network", "--sev", "4"]), [b]);

    let bad = run_debrief(
        &["list", "--since", "last tuesday"],
        &[("DEBRIEF_DIR", dir.path().as_os_str())],
        None,
    );
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("--since") && err.contains("last tuesday"),
        "{err}"
    );
    let bad = run_debrief(
        &["list", "--sev", "7"],
        &[("DEBRIEF_DIR", dir.path().as_os_str())],
        None,
    );
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--sev"));
}

#[test]
fn the_rows_agree_with_the_summaries_and_a_broken_rows_file_is_remade() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    put(&store, &review("2026-11-24-alpha-aaaa", "Alpha"));
    put(&store, &review("2026-11-25-beta-bbbb", "Beta"));
    assert_eq!(load(&store).read, 2);
    let rows_path = store.reviews_dir().join(ROWS_FILE);
    assert!(rows_path.is_file());
    let warm = load(&store);
    assert_eq!(warm.read, 0);
    let rows: Vec<(PathBuf, String, usize)> = warm
        .rows()
        .map(|(p, r)| (p.to_owned(), r.title.clone(), r.open_actions))
        .collect();
    let full: Vec<(PathBuf, String, usize)> = warm
        .reviews()
        .map(|(p, s)| (p.to_owned(), s.title.clone(), s.counts.open_actions))
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows, full, "the same reviews in the same order");

    fs::write(&rows_path, "{\"format\": 1, \"ro").unwrap();
    let again = load(&store);
    let titles: Vec<&str> = again.rows().map(|(_, r)| r.title.as_str()).collect();
    let before: Vec<&str> = rows.iter().map(|(_, t, _)| t.as_str()).collect();
    assert_eq!(titles, before);
    let remade = fs::read(&rows_path).unwrap();
    assert!(
        remade.starts_with(b"DBRROWS\n"),
        "the rows file is written again: {remade:?}"
    );
    // A rows file of another folder, or one changed by a byte, is not
    // trusted either.
    let mut changed = remade.clone();
    let last = changed.len() - 1;
    changed[last] ^= 1;
    fs::write(&rows_path, &changed).unwrap();
    let again = load(&store);
    let titles: Vec<&str> = again.rows().map(|(_, r)| r.title.as_str()).collect();
    assert_eq!(titles, before);
    assert_eq!(fs::read(&rows_path).unwrap(), remade);
}
