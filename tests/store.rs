//! Storage: atomic saves with backups, broken files left alone, one writer.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use debrief::domain::{Event, Offset, Review, ReviewKind, Severity, Source, Text};
use debrief::store::{self, ReviewLock, Store, StoreError, backup_path, lock_path};

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn review(id: &str, created: &str) -> Review {
    Review::new(
        id.into(),
        Text::new(format!("Review {id}")),
        Severity::Sev2,
        ReviewKind::Full,
        at(created),
        Offset::UTC,
    )
}

fn store_with(ids: &[&str]) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    for (i, id) in ids.iter().enumerate() {
        store
            .create(&review(id, &format!("2026-11-{:02}T10:00:00Z", 10 + i)))
            .unwrap();
    }
    (dir, store)
}

#[test]
fn a_saved_review_loads_unchanged_and_keeps_the_previous_version() {
    let (_dir, store) = store_with(&["2026-11-10-db-failover-aaaa"]);
    let path = store.path_of("2026-11-10-db-failover-aaaa");
    let before = fs::read(&path).unwrap();

    let (mut r, lock) = store::open_for_writing(&path).unwrap();
    r.add_event(Event::new(
        at("2026-11-10T10:05:00Z"),
        Text::new("paged"),
        Source::Typed,
    ));
    lock.save(&r).unwrap();

    assert_eq!(store::load(&path).unwrap(), r);
    assert_eq!(
        fs::read(backup_path(&path)).unwrap(),
        before,
        "the .bak holds the version before the save"
    );
    let leftovers: Vec<PathBuf> = fs::read_dir(store.reviews_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary files left behind: {leftovers:?}"
    );
}

#[test]
fn a_failed_save_leaves_the_old_file_whole_and_says_why() {
    let (_dir, store) = store_with(&["2026-11-10-x-aaaa"]);
    let path = store.path_of("2026-11-10-x-aaaa");
    let before = fs::read(&path).unwrap();
    // A folder where the backup must go makes the save fail before the
    // rename.
    fs::create_dir_all(backup_path(&path).join("blocker")).unwrap();

    let (mut r, lock) = store::open_for_writing(&path).unwrap();
    r.title = Text::new("changed");
    let err = lock.save(&r).unwrap_err().to_string();

    assert!(err.contains(".ron.bak"), "the error names the file: {err}");
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(
        store::load(&path).unwrap().title,
        "Review 2026-11-10-x-aaaa"
    );
}

#[test]
fn broken_files_are_reported_and_never_touched() {
    let (_dir, store) = store_with(&["2026-11-10-x-aaaa"]);
    let path = store.path_of("2026-11-10-x-aaaa");
    let good = fs::read_to_string(&path).unwrap();
    let broken = good.replace("severity: Sev2", "severity: \"very bad\"");
    fs::write(&path, &broken).unwrap();
    let line = broken.lines().position(|l| l.contains("very bad")).unwrap() + 1;

    let err = store::open_for_writing(&path).unwrap_err().to_string();
    assert!(
        err.starts_with(&format!("{}:{line}:", path.display())),
        "{err}"
    );

    let listed = store.list().unwrap();
    assert_eq!(listed.len(), 1);
    assert!(matches!(&listed[0], Err(StoreError::Decode(_))));

    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        broken,
        "byte for byte unchanged"
    );
    assert!(
        !backup_path(&path).exists(),
        "no backup was made of a file that did not load"
    );
}

#[test]
fn only_one_writer_at_a_time_and_readers_still_read() {
    let (_dir, store) = store_with(&["2026-11-10-x-aaaa"]);
    let path = store.path_of("2026-11-10-x-aaaa");

    let first = ReviewLock::acquire(&path).unwrap();
    let holder = fs::read_to_string(lock_path(&path)).unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(lock_path(&path)).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "the lock is its owner's only");
    }
    assert_eq!(
        holder,
        format!(
            "pid {} on {}\n",
            std::process::id(),
            store::lock::hostname()
        )
    );

    let err = ReviewLock::acquire(&path).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, StoreError::Locked { .. }));
    assert!(
        msg.contains(&format!("pid {}", std::process::id())),
        "names the holder: {msg}"
    );
    assert!(msg.contains("can be read"), "{msg}");
    assert!(store::load(&path).is_ok(), "a reader is not blocked");

    drop(first);
    assert!(
        !lock_path(&path).exists(),
        "a lock released cleanly leaves no lock file"
    );
    let second = ReviewLock::acquire(&path).expect("the lock is free once released");
    assert!(
        ReviewLock::acquire(&path).is_err(),
        "and taken again, it keeps others out"
    );
    drop(second);
    assert!(!lock_path(&path).exists());
}

#[test]
fn a_writer_that_locked_the_file_its_holder_removed_keeps_nobody_out() {
    let (_dir, store) = store_with(&["2026-11-10-x-aaaa"]);
    let path = store.path_of("2026-11-10-x-aaaa");
    let first = ReviewLock::acquire(&path).unwrap();
    // Another writer has the file open, as it was when its holder left.
    let stale = fs::File::open(lock_path(&path)).unwrap();
    drop(first);
    stale.try_lock().expect("the removed file can be locked");
    // A lock on a file no longer at the name guards nothing: the next
    // writer locks the file at the name, and only one writer holds that.
    let next = ReviewLock::acquire(&path).expect("a new lock file is taken");
    assert!(lock_path(&path).exists());
    assert!(matches!(
        ReviewLock::acquire(&path),
        Err(StoreError::Locked { .. })
    ));
    drop(next);
}

#[test]
fn reviews_are_found_by_path_id_or_unique_prefix() {
    let ids = [
        "2026-11-10-api-down-aaaa",
        "2026-11-12-db-slow-bbbb",
        "2026-11-12-db-full-cccc",
    ];
    let (_dir, store) = store_with(&ids);
    let path = store.path_of(ids[0]);

    assert_eq!(store.resolve(ids[0]).unwrap(), path);
    assert_eq!(store.resolve("2026-11-10").unwrap(), path);
    assert_eq!(store.resolve(path.to_str().unwrap()).unwrap(), path);
    match store.resolve("2026-11-12-db") {
        Err(StoreError::Ambiguous { candidates, .. }) => assert_eq!(candidates, [ids[2], ids[1]]),
        other => panic!("expected an ambiguity, got {other:?}"),
    }
    assert!(matches!(
        store.resolve("2025"),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        store.resolve("/nowhere/x.ron"),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn listing_shows_newest_incidents_first_and_ignores_other_files() {
    let ids = [
        "2026-11-10-a-aaaa",
        "2026-11-11-b-bbbb",
        "2026-11-12-c-cccc",
    ];
    let (_dir, store) = store_with(&ids);
    let (_, lock) = store::open_for_writing(&store.path_of(ids[0])).unwrap();
    let mut old = store::load(&store.path_of(ids[0])).unwrap();
    old.moments.detected = Some(at("2026-12-01T00:00:00Z"));
    lock.save(&old).unwrap(); // leaves a .bak and a .lock beside it

    let order: Vec<String> = store
        .list()
        .unwrap()
        .into_iter()
        .map(|e| e.unwrap().1.id)
        .collect();
    assert_eq!(
        order,
        [ids[0], ids[2], ids[1]],
        "by incident date, newest first"
    );
}

#[test]
fn creating_never_replaces_a_review() {
    let (_dir, store) = store_with(&["2026-11-10-a-aaaa"]);
    let path = store.path_of("2026-11-10-a-aaaa");
    let before = fs::read(&path).unwrap();
    let err = store
        .create(&review("2026-11-10-a-aaaa", "2026-11-20T00:00:00Z"))
        .unwrap_err();
    assert!(matches!(err, StoreError::Exists { .. }), "{err}");
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn the_store_folder_comes_from_the_flag_or_the_platform() {
    let dir = Path::new("/tmp/somewhere");
    assert_eq!(
        Store::locate(Some(dir.into())).unwrap().reviews_dir(),
        dir.join("reviews")
    );
    let default = Store::locate(None).unwrap();
    assert!(
        default.root().ends_with("debrief"),
        "{}",
        default.root().display()
    );
}

mod journal {
    use super::*;
    use debrief::domain::{ActionItem, Learning, LearningKind, ParkingItem};
    use debrief::store::journal::{self, JournalWriter};
    use debrief::store::{Warning, journal_path};

    /// A review with a few items of each kind, opened for writing, and
    /// a journal writer continuing the file as opened.
    fn opened() -> (
        tempfile::TempDir,
        PathBuf,
        Review,
        ReviewLock,
        JournalWriter,
    ) {
        let (dir, store) = store_with(&[]);
        let mut r = review("2026-11-10-x-aaaa", "2026-11-10T10:00:00Z");
        for i in 0..5 {
            r.add_event(Event::new(
                at(&format!("2026-11-10T10:0{i}:00Z")),
                Text::new(format!("event {i}")),
                Source::Typed,
            ));
        }
        r.add_learning(Learning::new(LearningKind::Surprise, Text::new("l")));
        let path = store.create(&r).unwrap();
        let mut lock = store::open(&path).unwrap().lock;
        let (review, fingerprint) = lock.take_opened().unwrap();
        let writer = JournalWriter::new(&path, fingerprint);
        (dir, path, review, lock, writer)
    }

    /// Edits of every kind, applied one after the other.
    fn edits() -> Vec<fn(&mut Review)> {
        vec![
            |r| r.title = Text::new("Renamed"),
            |r| {
                r.add_event(Event::new(
                    at("2026-11-10T10:02:30Z"),
                    Text::new("in the middle"),
                    Source::Typed,
                ));
            },
            |r| r.timeline[1].text = Text::new("edited"),
            |r| {
                r.timeline.remove(3);
            },
            |r| {
                r.timeline[0].at = at("2026-11-10T10:09:00Z");
                r.sort_timeline();
            },
            |r| {
                r.add_action(ActionItem::new(Text::new("add an alert")));
                r.add_parking(ParkingItem::new(Text::new("later")));
            },
            |r| r.learnings.clear(),
            |r| r.notes = Text::new("private\nnotes"),
        ]
    }

    #[test]
    fn a_copy_caught_up_edit_by_edit_and_one_fed_its_changes_stay_the_review() {
        // The loop's copy of what the saver has, and the saver's own.
        let (_dir, _path, mut review, _lock, _writer) = opened();
        let mut sent = review.clone();
        let mut saver = review.clone();
        for edit in edits() {
            edit(&mut review);
            let changes = journal::catch_up(&mut sent, &review);
            assert!(!changes.is_empty());
            journal::apply(&mut saver, changes).expect("the changes fit");
            assert_eq!(sent, review);
            assert_eq!(saver, review);
        }
        assert!(journal::catch_up(&mut sent, &review).is_empty());
    }

    #[test]
    fn changes_replayed_on_the_old_review_give_the_new_one() {
        let (_dir, _path, mut old, _lock, _writer) = opened();
        for edit in edits() {
            let mut new = old.clone();
            edit(&mut new);
            let changes = journal::changes(&old, &new);
            assert!(!changes.is_empty());
            journal::apply(&mut old, changes).unwrap();
            assert_eq!(old, new);
            assert!(journal::changes(&old, &new).is_empty());
        }
    }

    #[test]
    fn a_journal_left_by_a_killed_writer_is_replayed_and_saved_on_open() {
        let (_dir, path, mut r, lock, mut writer) = opened();
        for edit in edits() {
            let before = r.clone();
            edit(&mut r);
            writer.append(&journal::changes(&before, &r)).unwrap();
        }
        // Killed: no full save, the lock goes with the process.
        drop(lock);
        assert_eq!(store::load(&path).unwrap(), r, "readers see the journal");

        let opening = store::open(&path).unwrap();
        assert_eq!(opening.review, r);
        assert!(
            opening
                .warnings
                .iter()
                .any(|w| matches!(w, Warning::Recovered { changes: 8, .. })),
            "{:?}",
            opening.warnings
        );
        assert!(!journal_path(&path).exists(), "saved in full, then removed");
        drop(opening);
        let text = fs::read_to_string(&path).unwrap();
        assert_eq!(store::decode(&text, &path).unwrap(), r);
    }

    #[test]
    fn a_crash_between_a_full_save_and_the_new_journal_loses_nothing() {
        let (_dir, path, mut r, lock, mut writer) = opened();
        let before = r.clone();
        edits()[1](&mut r);
        writer.append(&journal::changes(&before, &r)).unwrap();
        let saved = r.clone();
        // The full save lands; the journal still continues the backup.
        lock.save_full(&saved).unwrap();
        let before = r.clone();
        edits()[2](&mut r);
        writer.append(&journal::changes(&before, &r)).unwrap();
        drop(lock);
        assert_eq!(store::load(&path).unwrap(), r);
    }

    #[test]
    fn a_damaged_end_is_left_out_and_a_foreign_journal_ignored() {
        let (_dir, path, mut r, lock, mut writer) = opened();
        let before = r.clone();
        edits()[0](&mut r);
        writer.append(&journal::changes(&before, &r)).unwrap();
        let mut file = fs::OpenOptions::new()
            .append(true)
            .open(journal_path(&path))
            .unwrap();
        std::io::Write::write_all(&mut file, b"999 0000000000000000\n(cut").unwrap();
        drop(lock);
        assert_eq!(store::load(&path).unwrap(), r, "the whole record is kept");

        // A journal of another version of the file.
        let text = fs::read_to_string(journal_path(&path)).unwrap();
        let other = text.replacen("debrief journal 1 ", "debrief journal 1 1", 1);
        fs::write(journal_path(&path), other).unwrap();
        let loaded = store::load_checked(&path).unwrap();
        assert_eq!(loaded.review.title, "Review 2026-11-10-x-aaaa");
        assert!(
            matches!(&loaded.warnings[..], [Warning::JournalIgnored { .. }]),
            "{:?}",
            loaded.warnings
        );
    }

    #[test]
    fn a_full_save_by_the_lock_removes_the_journal_it_covers() {
        let (_dir, path, mut r, lock, mut writer) = opened();
        let before = r.clone();
        edits()[0](&mut r);
        writer.append(&journal::changes(&before, &r)).unwrap();
        assert!(journal_path(&path).exists());
        lock.save(&r).unwrap();
        assert!(!journal_path(&path).exists());
        assert_eq!(store::load(&path).unwrap(), r);
    }
}

#[test]
fn a_failed_save_is_told_apart_by_its_kind() {
    use debrief::app::action::SaveFailure;
    use std::io::ErrorKind;
    let io = |kind| StoreError::Io {
        action: "write",
        path: "r.ron".into(),
        source: std::io::Error::from(kind),
    };
    let kinds = [
        (io(ErrorKind::StorageFull), "no space"),
        (io(ErrorKind::QuotaExceeded), "no space"),
        (io(ErrorKind::PermissionDenied), "denied"),
        (io(ErrorKind::ReadOnlyFilesystem), "denied"),
        (io(ErrorKind::Interrupted), "io"),
        (
            StoreError::Invalid {
                path: "r.ron".into(),
                what: "event 3 is too long".into(),
            },
            "invalid",
        ),
    ];
    for (e, kind) in kinds {
        let failure = SaveFailure::of(&e);
        let seen = match &failure {
            SaveFailure::NoSpace(_) => "no space",
            SaveFailure::Denied(_) => "denied",
            SaveFailure::Invalid(_) => "invalid",
            SaveFailure::Io(_) => "io",
        };
        assert_eq!(seen, kind, "{e}");
        assert_eq!(
            failure.to_string(),
            e.to_string(),
            "the message names the file"
        );
    }
}
