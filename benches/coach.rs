//! The bias coach runs on every keystroke.
//!
//! Target on a 2-core machine: checking a 500-character text with the
//! default patterns takes under 50 µs (median).

use debrief::domain::Coach;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

/// About 500 characters of a learning as people type it: a few flags, a
/// quote, a time, a name with an accent.
const TEXT: &str = "At 14:02 the checkout API started returning 502s. Sam said \
“why did the job fail” in the channel, then restarted the primary just after \
14:05. Looking back, it was obvious the disk was filling; we should have seen \
it coming, and honestly the root cause was a missing log rotation. José \
simply rolled back the config and the errors stopped within a minute. We \
should add an alert on disk usage, and the runbook could link the dashboard. \
It must have been the new sidecar writing debug logs, but nobody checked yet.";

#[divan::bench(sample_count = 200, sample_size = 20)]
fn check_500_characters(bencher: Bencher) {
    let coach = Coach::builtin();
    assert!((450..=560).contains(&TEXT.chars().count()));
    bencher.bench(|| coach.check(black_box(TEXT)));
}

#[divan::bench(sample_count = 20)]
fn build_the_builtin_coach() -> Coach {
    Coach::builtin()
}
