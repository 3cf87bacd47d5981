//! What sits at a file's name is not trusted: links, FIFOs, devices, huge
//! files, bytes that are not text, numbers about to wrap, another user's
//! files, leftovers of killed writers and folders that cannot be written.

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use debrief::domain::{Offset, ParkingItem, Review, ReviewKind, Severity, Text};
use debrief::store::{self, ReviewLock, Store, StoreError, Warning, lock_path};

const ID: &str = "2026-11-10-db-failover-aaaa";

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn review(id: &str) -> Review {
    Review::new(
        id.into(),
        Text::new("Database failover"),
        Severity::Sev2,
        ReviewKind::Full,
        at("2026-11-10T10:00:00Z"),
        Offset::UTC,
    )
}

/// A store holding one review; returns its folder, the store and the
/// review's path.
fn one_review() -> (tempfile::TempDir, Store, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let path = store.create(&review(ID)).unwrap();
    (dir, store, path)
}

/// Runs `f` on a thread and fails if it has not returned within a
/// minute: what it does must never hang, whatever the file.
fn returns<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(60))
        .unwrap_or_else(|_| panic!("{what} hangs"))
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

/// The pid of a process that has ended.
fn dead_pid() -> u32 {
    let mut child = Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

#[test]
fn temporary_files_of_killed_writers_are_removed_by_the_next_writer() {
    let (_dir, store, path) = one_review();
    let folder = store.reviews_dir();
    let dead = dead_pid();
    let me = std::process::id();
    let stale = [
        format!(".{ID}.ron.Ab3dE9.tmp"), // the form without a pid
        format!(".{ID}.ron.{dead}.Xy12zQ.tmp"),
        format!(".{ID}.ron.draft.{dead}.qQ7w8e.tmp"),
        format!(".{ID}.ron.journal.{dead}.Zz0aa1.tmp"),
    ];
    let kept = [
        format!(".{ID}.ron.{me}.L1ve00.tmp"), // its writer runs
        format!(".2026-11-11-other-bbbb.ron.{dead}.Ot4er0.tmp"), // not this review
    ];
    for name in stale.iter().chain(&kept) {
        fs::write(folder.join(name), "(partial").unwrap();
    }
    assert_eq!(store.ids().unwrap(), [ID], "never listed as reviews");

    let _lock = ReviewLock::acquire(&path).unwrap();
    for name in &stale {
        assert!(!folder.join(name).exists(), "{name} is left behind");
    }
    for name in &kept {
        assert!(folder.join(name).exists(), "{name} was removed");
    }
}

#[test]
fn a_linked_lock_file_is_refused_and_its_target_left_alone() {
    let (dir, _store, path) = one_review();
    let victim = dir.path().join("precious.txt");
    fs::write(&victim, "keep me").unwrap();
    symlink(&victim, lock_path(&path)).unwrap();

    let err = ReviewLock::acquire(&path).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, StoreError::Symlink { .. }), "{msg}");
    assert!(msg.contains(".ron.lock"), "names the lock: {msg}");
    assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");

    // A dangling link does not create its target.
    let nowhere = dir.path().join("created-by-debrief");
    fs::remove_file(lock_path(&path)).unwrap();
    symlink(&nowhere, lock_path(&path)).unwrap();
    assert!(ReviewLock::acquire(&path).is_err());
    assert!(!nowhere.exists(), "the link's target was created");
}

#[test]
fn a_linked_draft_is_refused_rather_than_read_into_the_review() {
    let (dir, _store, path) = one_review();
    let secret = dir.path().join("secret.txt");
    fs::write(&secret, "the root password").unwrap();
    symlink(&secret, debrief::runtime::draft_path(&path)).unwrap();

    let err = debrief::runtime::open_review(&path)
        .unwrap_err()
        .to_string();
    assert!(err.contains(".ron.draft"), "names the draft: {err}");
    assert!(!err.contains("root password"), "{err}");
}

#[test]
fn a_linked_review_is_read_through_the_link_but_never_written() {
    let (dir, _store, path) = one_review();
    let elsewhere = dir.path().join("elsewhere.ron");
    fs::rename(&path, &elsewhere).unwrap();
    symlink(&elsewhere, &path).unwrap();
    let before = fs::read(&elsewhere).unwrap();

    assert_eq!(store::load(&path).unwrap().id, ID, "readers follow it");
    let err = store::open_for_writing(&path).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, StoreError::Symlink { .. }), "{msg}");
    assert!(msg.contains("elsewhere.ron"), "names the target: {msg}");
    assert!(
        fs::symlink_metadata(&path)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read(&elsewhere).unwrap(), before);
}

#[test]
fn a_fifo_or_a_device_as_a_review_is_refused_without_hanging() {
    let (_dir, store, path) = one_review();
    let fifo = store.path_of("2026-11-11-fifo-bbbb");
    mkfifo(&fifo);
    let zero = store.path_of("2026-11-12-zero-cccc");
    symlink("/dev/zero", &zero).unwrap();

    for special in [fifo.clone(), zero] {
        let shown = special.display().to_string();
        let err = returns("loading a special file", move || {
            store::load(&special).unwrap_err().to_string()
        });
        assert!(err.contains(&shown), "names the file: {err}");
        assert!(err.contains("not a regular file"), "{err}");
    }
    let listed = returns("listing", move || store.list().unwrap());
    assert_eq!(listed.len(), 3);
    assert_eq!(listed.iter().filter(|l| l.is_ok()).count(), 1);
    assert!(path.exists());
}

#[test]
fn reading_is_capped_for_reviews_drafts_and_standard_input() {
    let (_dir, _store, path) = one_review();
    // Sparse: nothing this large is written to the disk.
    let huge = path.with_file_name("2026-11-11-huge-bbbb.ron");
    fs::File::create(&huge)
        .unwrap()
        .set_len(store::read::MAX_REVIEW + 1)
        .unwrap();
    let err = store::load(&huge).unwrap_err();
    assert!(matches!(err, StoreError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("huge-bbbb.ron"), "{err}");

    let draft = debrief::runtime::draft_path(&path);
    fs::File::create(&draft)
        .unwrap()
        .set_len(store::read::MAX_DRAFT + 1)
        .unwrap();
    let err = debrief::runtime::open_review(&path)
        .unwrap_err()
        .to_string();
    assert!(err.contains(".ron.draft"), "{err}");

    let err = store::read::read_capped(std::io::repeat(b'a'), 1 << 20, "standard input")
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("standard input is larger than 1 MB"),
        "{err}"
    );
}

#[test]
fn an_item_with_a_huge_text_is_refused_naming_the_item() {
    let (_dir, _store, path) = one_review();
    let mut r = review(ID);
    let id = r.add_parking(ParkingItem::new(Text::new("x".repeat(2 << 20))));
    fs::write(&path, store::encode(&r)).unwrap();
    let err = store::load(&path).unwrap_err().to_string();
    assert!(err.contains(&format!("parking-lot item {id}")), "{err}");

    let lock = ReviewLock::acquire(&path).unwrap();
    let err = lock.save(&r).unwrap_err().to_string();
    assert!(err.contains(&format!("parking-lot item {id}")), "{err}");
}

#[test]
fn item_numbers_at_the_end_of_u64_are_refused() {
    let (_dir, _store, path) = one_review();
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("next_id: 1,", &format!("next_id: {},", u64::MAX)),
    )
    .unwrap();
    let err = store::load(&path).unwrap_err().to_string();
    assert!(err.contains("next_id"), "{err}");

    let mut r = review(ID);
    r.add_parking(ParkingItem::new(Text::new("later")));
    let text = store::encode(&r).replace("id: 1,", &format!("id: {},", u64::MAX));
    fs::write(&path, text).unwrap();
    let err = store::load(&path).unwrap_err().to_string();
    assert!(
        err.contains("parking-lot item #18446744073709551615"),
        "{err}"
    );
}

#[test]
fn folders_are_created_for_their_owner_only() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("data");
    Store::at(&root).create(&review(ID)).unwrap();
    for folder in [root.clone(), root.join("reviews")] {
        let mode = fs::metadata(&folder).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "{}", folder.display());
    }
}

#[test]
fn a_review_of_another_user_opens_with_a_warning() {
    let (_dir, _store, path) = one_review();
    let me = rustix_uid();
    if me != 0 {
        eprintln!("skipped: only root can give a file to another user");
        return;
    }
    std::os::unix::fs::chown(&path, Some(4242), None).unwrap();
    let opening = store::open(&path).unwrap();
    assert!(
        opening
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::OtherOwner { owner: 4242, .. })),
        "{:?}",
        opening.warnings
    );
    drop(opening);
    std::os::unix::fs::chown(&path, Some(me), None).unwrap();
    let opening = store::open(&path).unwrap();
    assert!(opening.warnings.is_empty(), "{:?}", opening.warnings);
}

/// The user running the tests, as the owner of a file they create.
fn rustix_uid() -> u32 {
    use std::os::unix::fs::MetadataExt;
    let f = tempfile::NamedTempFile::new().unwrap();
    fs::metadata(f.path()).unwrap().uid()
}

#[test]
fn bytes_that_are_not_utf8_are_placed_by_line_and_column() {
    let (_dir, _store, path) = one_review();
    let mut bytes = b"(\n  schema: 2,\n  id: \"ab".to_vec();
    bytes.push(0xff);
    bytes.extend_from_slice(b"\",\n)\n");
    fs::write(&path, &bytes).unwrap();
    let err = store::load(&path).unwrap_err().to_string();
    assert!(
        err.starts_with(&format!("{}:3:10:", path.display())),
        "{err}"
    );
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let (_dir, _store, path) = one_review();
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, format!("\u{feff}{text}")).unwrap();
    assert_eq!(store::load(&path).unwrap().id, ID);
}

#[test]
fn a_review_whose_id_differs_from_its_name_is_read_with_a_warning() {
    let (_dir, store, path) = one_review();
    let copy = store.path_of("2026-11-10-copy-zzzz");
    fs::copy(&path, &copy).unwrap();
    let before = fs::read(&copy).unwrap();

    let loaded = store::load_checked(&copy).unwrap();
    assert_eq!(loaded.review.id, ID);
    let shown: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::IdMismatch { .. })),
        "{shown:?}"
    );
    assert!(shown[0].contains("2026-11-10-copy-zzzz.ron"), "{shown:?}");
    assert!(store::load_checked(&path).unwrap().warnings.is_empty());
    assert_eq!(fs::read(&copy).unwrap(), before, "not changed silently");
}

/// A folder mounted read-only over itself, unmounted when dropped.
struct ReadOnlyMount(PathBuf);

impl ReadOnlyMount {
    fn over(dir: &Path) -> Option<ReadOnlyMount> {
        let bind = Command::new("mount")
            .args(["--bind"])
            .arg(dir)
            .arg(dir)
            .output()
            .ok()?;
        if !bind.status.success() {
            return None;
        }
        let mount = ReadOnlyMount(dir.to_owned());
        let ro = Command::new("mount")
            .args(["-o", "remount,ro,bind"])
            .arg(dir)
            .output()
            .ok()?;
        ro.status.success().then_some(mount)
    }
}

impl Drop for ReadOnlyMount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_review_on_a_read_only_mount_says_it_can_only_be_read() {
    let (_dir, store, path) = one_review();
    let Some(_mount) = ReadOnlyMount::over(&store.reviews_dir()) else {
        eprintln!("skipped: this user cannot mount a folder read-only");
        return;
    };
    let err = store::open_for_writing(&path).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{msg}");
    assert!(msg.contains("read-only file system"), "{msg}");
    assert!(msg.contains(".ron.lock"), "{msg}");
    assert_eq!(store::load(&path).unwrap().id, ID, "it can still be read");
    // The workspace opens it read-only and says why.
    let (opened, lock) = debrief::runtime::open_review(&path).unwrap();
    assert!(lock.is_none());
    let debrief::app::Access::CannotWrite(why) = &opened.access else {
        panic!("{:?}", opened.access);
    };
    assert!(why.contains("read-only file system"), "{why}");
}

#[test]
fn standard_input_of_add_is_capped() {
    use std::io::Write;
    let (dir, _store, path) = one_review();
    let before = fs::read(&path).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_debrief"))
        .args(["add", ID, "parking", "-"])
        .env("DEBRIEF_DIR", dir.path())
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        // One line, longer than the cap; the writes stop when debrief
        // closes the pipe.
        let chunk = vec![b'x'; 1 << 20];
        for _ in 0..(store::read::MAX_INPUT >> 20) + 2 {
            if stdin.write_all(&chunk).is_err() {
                break;
            }
        }
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("standard input is larger than 64 MB"), "{err}");
    assert_eq!(fs::read(&path).unwrap(), before);
}
