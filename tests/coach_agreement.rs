//! How far two labellers agree on sentences from public reviews, and the
//! coach against each (see the header of `coach_agreement.ron`).
//!
//! Two second labellings:
//! - `coach_agreement.ron`, a sample of the batches 10, 11 and 12 (now the
//!   validation part): every sentence the first labeller flagged and some
//!   they did not. Each unflagged sentence of the sample stands for all
//!   the unflagged sentences of those batches, so it weighs (unflagged in
//!   the batches) / (unflagged in the sample), and the figures are those of
//!   the three batches whole.
//! - `coach_agreement_held_out.ron`, every sentence of the held-out
//!   batches 19, 20 and 21, each of weight 1. Only figures are printed.

use std::collections::{BTreeMap, BTreeSet};

use debrief::domain::{CategoryId, Coach};

// Shared with tests/coach.rs, which uses the scoring this test does not.
#[allow(dead_code)]
mod coach_common;
use coach_common::found;
use coach_common::real::real;

const SECOND: &str = include_str!("coach_agreement.ron");
/// The batches the sample was drawn from.
const BATCHES: [u8; 3] = [10, 11, 12];
const SECOND_HELD_OUT: &str = include_str!("coach_agreement_held_out.ron");
/// The held-out batches labelled a second time, whole.
const HELD_OUT_BATCHES: [u8; 3] = [19, 20, 21];

#[derive(serde::Deserialize)]
struct Second {
    sentences: Vec<Labelled>,
}

#[derive(serde::Deserialize)]
struct Labelled {
    text: String,
    categories: Vec<CategoryId>,
}

type Labels = BTreeSet<CategoryId>;

/// One sentence of the sample: its weight and its labels by the first
/// labeller, the second, and the coach.
struct Sampled {
    weight: f64,
    first: Labels,
    second: Labels,
    coach: Labels,
}

fn sample() -> Vec<Sampled> {
    let second: Second = ron::from_str(SECOND).expect("the second labelling parses");
    let first: BTreeMap<String, Labels> = real()
        .into_iter()
        .filter(|s| BATCHES.contains(&s.batch))
        .map(|s| (s.text, s.categories.into_iter().collect()))
        .collect();
    let texts: BTreeSet<&str> = second.sentences.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts.len(), second.sentences.len(), "no sentence twice");
    for s in &second.sentences {
        assert!(
            first.contains_key(&s.text),
            "not a sentence of batches 10-12: {}",
            s.text
        );
    }
    // Every flagged sentence is in the sample, so recall needs no weight.
    for (text, labels) in &first {
        assert!(
            labels.is_empty() || texts.contains(text.as_str()),
            "a flagged sentence is missing from the sample: {text}"
        );
    }
    let unflagged = |pick: &dyn Fn(&str) -> bool| {
        first
            .iter()
            .filter(|(t, l)| l.is_empty() && pick(t))
            .count()
    };
    let in_batches = unflagged(&|_| true);
    let in_sample = unflagged(&|t| texts.contains(t));
    assert!(in_sample > 0 && in_sample < in_batches);
    let weight = in_batches as f64 / in_sample as f64;
    let coach = Coach::builtin();
    second
        .sentences
        .into_iter()
        .map(|s| {
            let first = first[&s.text].clone();
            Sampled {
                weight: if first.is_empty() { weight } else { 1.0 },
                coach: found(&coach, &s.text),
                second: s.categories.into_iter().collect(),
                first,
            }
        })
        .collect()
}

/// Every sentence of the held-out batches 19, 20 and 21 with both labellings,
/// each of weight 1.
fn held_out() -> Vec<Sampled> {
    let second: Second =
        ron::from_str(SECOND_HELD_OUT).expect("the held-out second labelling parses");
    let mut labels: BTreeMap<String, Labels> = BTreeMap::new();
    for s in second.sentences {
        let text = s.text.clone();
        let twice = labels.insert(s.text, s.categories.into_iter().collect());
        assert!(twice.is_none(), "labelled twice: {text}");
    }
    let coach = Coach::builtin();
    let rows: Vec<Sampled> = real()
        .into_iter()
        .filter(|s| HELD_OUT_BATCHES.contains(&s.batch))
        .map(|s| {
            let second = labels
                .remove(&s.text)
                .unwrap_or_else(|| panic!("not labelled a second time: {}", s.text));
            Sampled {
                weight: 1.0,
                coach: found(&coach, &s.text),
                second,
                first: s.categories.into_iter().collect(),
            }
        })
        .collect();
    assert!(
        labels.is_empty(),
        "{} sentences of the second labelling are not in batches 19, 20 and 21",
        labels.len()
    );
    rows
}

/// Weighted true and false positives and false negatives.
#[derive(Default, Clone, Copy)]
struct Weighed {
    tp: f64,
    fp: f64,
    fn_: f64,
}

impl Weighed {
    fn precision(self) -> f64 {
        if self.tp + self.fp == 0.0 {
            1.0
        } else {
            self.tp / (self.tp + self.fp)
        }
    }
    fn recall(self) -> f64 {
        if self.tp + self.fn_ == 0.0 {
            1.0
        } else {
            self.tp / (self.tp + self.fn_)
        }
    }
}

/// `guess` scored against `truth`, per category and over all.
fn against(
    rows: &[Sampled],
    truth: impl Fn(&Sampled) -> Labels,
    guess: impl Fn(&Sampled) -> Labels,
) -> ([Weighed; 7], Weighed) {
    let mut per = [Weighed::default(); 7];
    for r in rows {
        let (t, g) = (truth(r), guess(r));
        for (i, id) in CategoryId::ALL.iter().enumerate() {
            match (t.contains(id), g.contains(id)) {
                (true, true) => per[i].tp += r.weight,
                (false, true) => per[i].fp += r.weight,
                (true, false) => per[i].fn_ += r.weight,
                (false, false) => {}
            }
        }
    }
    let all = per.iter().fold(Weighed::default(), |a, c| Weighed {
        tp: a.tp + c.tp,
        fp: a.fp + c.fp,
        fn_: a.fn_ + c.fn_,
    });
    (per, all)
}

fn print(title: &str, (per, all): ([Weighed; 7], Weighed)) {
    println!("{title}");
    for (id, c) in CategoryId::ALL.iter().zip(per) {
        println!(
            "  {:<16} examples {:>5.0}  precision {:.2}  recall {:.2}",
            id.to_string(),
            c.tp + c.fn_,
            c.precision(),
            c.recall()
        );
    }
    println!(
        "  {:<16} examples {:>5.0}  precision {:.3}  recall {:.3}",
        "all",
        all.tp + all.fn_,
        all.precision(),
        all.recall()
    );
}

/// Cohen's kappa of one category over the sample, unweighted.
fn kappa(rows: &[Sampled], id: CategoryId) -> f64 {
    let n = rows.len() as f64;
    let a = rows.iter().filter(|r| r.first.contains(&id)).count() as f64 / n;
    let b = rows.iter().filter(|r| r.second.contains(&id)).count() as f64 / n;
    let agree = rows
        .iter()
        .filter(|r| r.first.contains(&id) == r.second.contains(&id))
        .count() as f64
        / n;
    let chance = a * b + (1.0 - a) * (1.0 - b);
    if chance >= 1.0 {
        1.0
    } else {
        (agree - chance) / (1.0 - chance)
    }
}

/// Prints the two labellers against each other and the coach against
/// each and against what both flagged, and checks that the second
/// labelling is one: it differs from the first somewhere and finds most of
/// the same flags.
fn compare(what: &str, rows: &[Sampled]) {
    let first = |r: &Sampled| r.first.clone();
    let second = |r: &Sampled| r.second.clone();
    let coach = |r: &Sampled| r.coach.clone();
    let both = |r: &Sampled| &r.first & &r.second;
    println!("{what} ({} sentences)", rows.len());
    let humans = against(rows, first, second);
    print("second labeller against the first", humans);
    print(
        "coach against the first labeller",
        against(rows, first, coach),
    );
    print(
        "coach against the second labeller",
        against(rows, second, coach),
    );
    print(
        "coach against what both labellers flagged",
        against(rows, both, coach),
    );
    println!("kappa of the two labellers, per category:");
    for id in CategoryId::ALL {
        println!("  {:<16} {:.2}", id.to_string(), kappa(rows, id));
    }
    let (_, all) = humans;
    assert!(all.fp > 0.0 && all.fn_ > 0.0, "the two labellings differ");
    assert!(all.tp > all.fn_, "the two labellings mostly agree");
}

#[test]
fn two_labellers_and_the_coach_are_compared_on_one_sample() {
    let rows = sample();
    assert!(rows.len() >= 300, "{} sentences", rows.len());
    compare("a sample of batches 10 to 12", &rows);
}

#[test]
fn two_labellers_and_the_coach_are_compared_on_the_held_out_batches() {
    let rows = held_out();
    assert!(rows.len() >= 600, "{} sentences", rows.len());
    compare("held-out batches 19 to 21, whole", &rows);
}
