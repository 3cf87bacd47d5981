//! Scoring the coach on a labelled corpus: counts per category over
//! (sentence, category) pairs, and a table of them.

pub mod real;

use std::collections::BTreeSet;

use debrief::domain::{CategoryId, Coach};

/// A sentence and the categories a careful facilitator would flag in it.
pub type Row = (String, BTreeSet<CategoryId>);

/// True and false positives and false negatives of one category.
#[derive(Default, Clone, Copy, Debug)]
pub struct Counts {
    pub tp: u32,
    pub fp: u32,
    pub fn_: u32,
}

impl Counts {
    pub fn precision(self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// Sentences labelled with the category.
    pub fn examples(self) -> u32 {
        self.tp + self.fn_
    }
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: u32, b: u32) -> f64 {
    if b == 0 {
        1.0
    } else {
        f64::from(a) / f64::from(b)
    }
}

/// The categories the coach flags in `text`.
pub fn found(coach: &Coach, text: &str) -> BTreeSet<CategoryId> {
    coach.check(text).into_iter().map(|f| f.category).collect()
}

/// A scored corpus: per category (in [`CategoryId::ALL`] order), the
/// micro-averaged total, and the mistakes as readable lines.
pub struct Score {
    pub per: [Counts; 7],
    pub all: Counts,
    pub mistakes: Vec<String>,
}

pub fn score(coach: &Coach, rows: &[Row]) -> Score {
    let mut per = [Counts::default(); CategoryId::ALL.len()];
    let mut mistakes = Vec::new();
    for (text, wanted) in rows {
        let got = found(coach, text);
        for (i, id) in CategoryId::ALL.iter().enumerate() {
            match (wanted.contains(id), got.contains(id)) {
                (true, true) => per[i].tp += 1,
                (false, true) => {
                    per[i].fp += 1;
                    mistakes.push(format!("false {id}: {text}"));
                }
                (true, false) => {
                    per[i].fn_ += 1;
                    mistakes.push(format!("missed {id}: {text}"));
                }
                (false, false) => {}
            }
        }
    }
    let mut all = Counts::default();
    for c in per {
        all.add(c);
    }
    Score { per, all, mistakes }
}

/// Prints the table of a scored corpus, with its mistakes if asked.
pub fn print_table(title: &str, rows: usize, s: &Score, with_mistakes: bool) {
    println!("\n{title} ({rows} sentences)");
    println!(
        "{:<16} {:>8} {:>4} {:>4} {:>4} {:>9} {:>7}",
        "category", "examples", "tp", "fp", "fn", "precision", "recall"
    );
    let line = |name: &str, c: Counts| {
        println!(
            "{:<16} {:>8} {:>4} {:>4} {:>4} {:>9.3} {:>7.3}",
            name,
            c.examples(),
            c.tp,
            c.fp,
            c.fn_,
            c.precision(),
            c.recall()
        );
    };
    for (id, c) in CategoryId::ALL.iter().zip(s.per) {
        line(id.as_str(), c);
    }
    line("overall (micro)", s.all);
    if with_mistakes {
        for m in &s.mistakes {
            println!("  {m}");
        }
    }
}

/// Fails unless precision and recall are at least `floor` overall and for
/// every category with at least `min_examples` examples.
pub fn assert_at_least(title: &str, s: &Score, floor: f64, min_examples: u32) {
    for (id, c) in CategoryId::ALL.iter().zip(s.per) {
        if c.examples() < min_examples {
            continue;
        }
        assert!(
            c.precision() >= floor,
            "{title}: {id} precision {:.3}",
            c.precision()
        );
        assert!(
            c.recall() >= floor,
            "{title}: {id} recall {:.3}",
            c.recall()
        );
    }
    assert!(
        s.all.precision() >= floor,
        "{title}: overall precision {:.3}",
        s.all.precision()
    );
    assert!(
        s.all.recall() >= floor,
        "{title}: overall recall {:.3}",
        s.all.recall()
    );
}
