//! Load, save and export of a large review, and what a committed change
//! costs until it is durable.
//!
//! Targets on a 2-core machine: load and save (fsync included) each under
//! 60 ms, internal Markdown export under 15 ms, for a review with 10,000
//! timeline events, 500 learnings and 500 action items. A committed
//! change is durable within 50 ms at 10,000 and 100,000 events: the
//! saver's work for it (what changed, appended to the journal and synced)
//! is `commit_to_durable_journal`; saving the whole review instead is
//! `commit_to_durable_full_save`; the UI thread's part, finding what
//! changed against its copy of what the saver has (no copy of the whole
//! review), is `commit_on_ui_thread`; the copy it used to send instead is
//! `whole_copy`.
//!
//! A watcher shows a committed change within 100 ms at 10,000 events:
//! `commit_to_watcher` is the time from the facilitator's commit (its
//! journal append, synced) to the watcher's state holding it (the new
//! records read and applied, the view updated), to which the watcher's
//! poll adds up to 50 ms; `watcher_idle_look` is what a poll costs while
//! nothing changes.

mod support;

use std::fs;

use debrief::app::{Access, App, Audience, Screen, Workspace, update};
use debrief::domain::Text;
use debrief::report;
use debrief::runtime::files::FileWatch;
use debrief::store::journal::{JournalWriter, catch_up, changes};
use debrief::store::{self, Fingerprint, ReviewLock, encode};
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

const EVENTS: usize = 10_000;
const LEARNINGS: usize = 500;
const ACTIONS: usize = 500;

/// A folder on the same disk as the build, so fsync costs what it costs.
fn scratch() -> tempfile::TempDir {
    tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("a scratch folder")
}

/// Also what a watcher takes, besides its poll (every 50 ms), when the
/// review was replaced by something its journal does not continue.
#[divan::bench(args = [10_000, 100_000], sample_count = 10)]
fn load(bencher: Bencher, events: usize) {
    let dir = scratch();
    let path = dir.path().join("large.ron");
    fs::write(
        &path,
        encode(&support::large_review(events, LEARNINGS, ACTIONS)),
    )
    .expect("written");
    bencher.bench(|| store::load(black_box(&path)).expect("loads"));
}

#[divan::bench(sample_count = 30)]
fn save(bencher: Bencher) {
    let dir = scratch();
    let path = dir.path().join("large.ron");
    let review = support::large_review(EVENTS, LEARNINGS, ACTIONS);
    fs::write(&path, encode(&review)).expect("written");
    let lock = ReviewLock::acquire(&path).expect("locked");
    bencher.bench(|| lock.save(black_box(&review)).expect("saved"));
}

#[divan::bench(sample_count = 50)]
fn export_internal_markdown(bencher: Bencher) {
    let review = support::large_review(EVENTS, LEARNINGS, ACTIONS);
    bencher.bench(|| report::markdown::internal(black_box(&review)));
}

#[divan::bench(sample_count = 50)]
fn export_public_markdown(bencher: Bencher) {
    let review = support::large_review(EVENTS, LEARNINGS, ACTIONS);
    bencher.bench(|| report::markdown::public(black_box(&review)));
}

/// One committed change: the text of an event in the middle of the
/// timeline, different on every call.
fn edit(review: &mut debrief::domain::Review, n: usize) {
    let middle = review.timeline.len() / 2;
    review.timeline[middle].text = Text::new(format!("edited {n}"));
}

#[divan::bench(args = [10_000, 100_000], sample_count = 30)]
fn commit_to_durable_journal(bencher: Bencher, events: usize) {
    let dir = scratch();
    let path = dir.path().join("large.ron");
    let mut review = support::large_review(events, LEARNINGS, ACTIONS);
    let text = encode(&review);
    fs::write(&path, &text).expect("written");
    let mut journal = JournalWriter::new(&path, Fingerprint::of(text.as_bytes()));
    let mut before = review.clone();
    let mut n = 0;
    bencher.bench_local(|| {
        n += 1;
        edit(&mut review, n);
        journal
            .append(&changes(&before, &review))
            .expect("journaled");
        edit(&mut before, n);
    });
}

#[divan::bench(args = [10_000, 100_000], sample_count = 10)]
fn commit_to_durable_full_save(bencher: Bencher, events: usize) {
    let dir = scratch();
    let path = dir.path().join("large.ron");
    let mut review = support::large_review(events, LEARNINGS, ACTIONS);
    fs::write(&path, encode(&review)).expect("written");
    let lock = ReviewLock::acquire(&path).expect("locked");
    let mut n = 0;
    bencher.bench_local(|| {
        n += 1;
        edit(&mut review, n);
        lock.save_full(&review).expect("saved");
    });
}

#[divan::bench(args = [10_000, 100_000], sample_count = 30)]
fn commit_on_ui_thread(bencher: Bencher, events: usize) {
    let mut review = support::large_review(events, LEARNINGS, ACTIONS);
    let mut sent = review.clone();
    let mut n = 0;
    bencher.bench_local(|| {
        n += 1;
        edit(&mut review, n);
        black_box(catch_up(&mut sent, &review))
    });
}

#[divan::bench(args = [10_000, 100_000], sample_count = 30)]
fn whole_copy(bencher: Bencher, events: usize) {
    let review = support::large_review(events, LEARNINGS, ACTIONS);
    bencher.bench(|| Box::new(black_box(&review).clone()));
}

/// A watcher's view of `path`, as `debrief watch` starts it.
fn watcher(path: &std::path::Path) -> (FileWatch, App) {
    let (watch, review) = FileWatch::open(path, true).expect("opens");
    let now = chrono::Utc::now();
    let mut app = App::new(
        Screen::Workspace(Box::new(Workspace::new(
            review,
            Some(path.to_owned()),
            Access::ReadOnly("the facilitator".into()),
        ))),
        now,
    );
    app.audience = Audience::Watcher;
    (watch, app)
}

#[divan::bench(args = [10_000, 100_000], sample_count = 20)]
fn commit_to_watcher(bencher: Bencher, events: usize) {
    let dir = scratch();
    let path = dir.path().join("large.ron");
    let mut review = support::large_review(events, LEARNINGS, ACTIONS);
    let text = encode(&review);
    fs::write(&path, &text).expect("written");
    let mut journal = JournalWriter::new(&path, Fingerprint::of(text.as_bytes()));
    let (mut watch, mut app) = watcher(&path);
    let mut before = review.clone();
    let mut n = 0;
    bencher.bench_local(|| {
        n += 1;
        edit(&mut review, n);
        journal
            .append(&changes(&before, &review))
            .expect("journaled");
        edit(&mut before, n);
        let actions = watch.look();
        assert!(!actions.is_empty(), "the change is shown");
        for action in actions {
            update(&mut app, action, chrono::Utc::now());
        }
    });
    assert_eq!(watch.full_reads(), 1, "every change came from the journal");
    let shown = &app.workspace().expect("a review").review;
    assert_eq!(shown.timeline, review.timeline);
}

#[divan::bench(args = [10_000, 100_000], sample_count = 50)]
fn watcher_idle_look(bencher: Bencher, events: usize) {
    let dir = scratch();
    let path = dir.path().join("large.ron");
    let mut review = support::large_review(events, LEARNINGS, ACTIONS);
    let text = encode(&review);
    fs::write(&path, &text).expect("written");
    // A journal with a change in it, as while a meeting goes on.
    let mut journal = JournalWriter::new(&path, Fingerprint::of(text.as_bytes()));
    let before = review.clone();
    edit(&mut review, 1);
    journal
        .append(&changes(&before, &review))
        .expect("journaled");
    let (mut watch, _app) = watcher(&path);
    bencher.bench_local(|| assert!(watch.look().is_empty()));
}
