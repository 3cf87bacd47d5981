//! The bias coach runs on every keystroke.
//!
//! Target on a 2-core machine: checking a 500-character text with the
//! default patterns, and the rules that read the sentence around a match,
//! takes under 50 µs (median).

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

/// About 500 characters pasted from a written review: headings, a
/// template question, single quotes, negations and modal perfects, which
/// the rules around a match read.
const REVIEW: &str = "## Root cause\n\
The root cause was not a single change; it could also have been a networking \
issue.\n\
What could have gone better?\n\
- Downstream jobs should have been corrected automatically.\n\
- Sam said 'oh, must have been stale cookies' and it's not about being careless.\n\
- Usage stayed just under 1 GB, and the notice was easily missed.\n\
- The pod failed to start; the on-call engineer failed to escalate.\n\
- This was a mistake: we forgot to check the flag and simply restarted it.\n\
Why didn't we roll back sooner? It could have been a lot worse.";

#[divan::bench(sample_count = 200, sample_size = 20)]
fn check_500_characters_of_a_written_review(bencher: Bencher) {
    let coach = Coach::builtin();
    assert!((450..=560).contains(&REVIEW.chars().count()));
    bencher.bench(|| coach.check(black_box(REVIEW)));
}

/// About 500 characters of the readings that are no judgement: what was
/// avoided or estimated, how a moment felt, blame as a topic, "just" and
/// "easy" of a thing, and self-criticism.
const READINGS: &str = "Unless logged in before the outage, content would have \
been served from the old host. Had we not been monitoring, the restarted node \
would have advanced the chain. External users would have experienced errors, \
and flags would have had delays. Malicious third parties could have done the \
same. That must have been pretty hairy. Blame is an easy distraction, and it \
is odd to put the blame on the deployment. It just reshaped the table back. \
Today we botched the deploy; I was so dumb to skip the dry run, an easy fix.";

#[divan::bench(sample_count = 200, sample_size = 20)]
fn check_500_characters_of_readings(bencher: Bencher) {
    let coach = Coach::builtin();
    assert!((450..=560).contains(&READINGS.chars().count()));
    bencher.bench(|| coach.check(black_box(READINGS)));
}

#[divan::bench(sample_count = 20)]
fn build_the_builtin_coach() -> Coach {
    Coach::builtin()
}
