//! Related reviews over a library of 1,000 and 10,000 review summaries:
//! making the corpus (once, off the input thread, when a review opens) and
//! relating one review to it (again after each edit that changes its
//! services, tags, incidents or factors, on the input thread).

#[path = "../tests/library/year.rs"]
#[allow(dead_code)]
mod year;

use chrono::NaiveDate;
use debrief::library::{Corpus, ReviewSummary, Subject};
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

fn summaries(n: usize) -> Vec<ReviewSummary> {
    let first = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    year::year(first, n).iter().map(ReviewSummary::of).collect()
}

#[divan::bench(args = [1_000, 10_000], sample_count = 20)]
fn corpus_of_the_library(bencher: Bencher, n: usize) {
    let all = summaries(n);
    bencher.bench_local(|| black_box(Corpus::new(&all)));
}

#[divan::bench(args = [1_000, 10_000], sample_count = 50)]
fn related_after_an_edit(bencher: Bencher, n: usize) {
    let all = summaries(n);
    let corpus = Corpus::new(&all);
    let me = Subject::of_summary(&all[n / 2]);
    bencher.bench_local(|| black_box(corpus.related_to(&me, 10)));
}
