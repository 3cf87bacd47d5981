//! Load, save and export of a large review.
//!
//! Targets on a 2-core machine: load and save (fsync included) each under
//! 60 ms, internal Markdown export under 15 ms, for a review with 10,000
//! timeline events, 500 learnings and 500 action items.

mod support;

use std::fs;

use debrief::report;
use debrief::store::{self, ReviewLock, encode};
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

#[divan::bench(sample_count = 30)]
fn load(bencher: Bencher) {
    let dir = scratch();
    let path = dir.path().join("large.ron");
    fs::write(
        &path,
        encode(&support::large_review(EVENTS, LEARNINGS, ACTIONS)),
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
