//! Figures across reviews, for `debrief stats` and the library screen.
//! Pure: it reads summaries already chosen by a [`Filter`], never files.
//!
//! - Reviews by severity per month or quarter, every period between the
//!   first and the last shown, with none left out (a period without
//!   reviews counts zero, so that a gap does not hide a trend).
//! - The time to detect, acknowledge, mitigate and resolve, and to the
//!   first status page update, as a [`Distribution`]: how many reviews
//!   have the figure and how many lack it, the median, the 90th percentile
//!   and the maximum (see [`spread`] for how they are taken), and every
//!   value with its review. Never a mean: durations are skewed, and a mean
//!   says little about a typical incident.
//! - Contributing factors by area, and the words of their texts and the
//!   services that recur, each counted once per review.
//! - Action items: opened, open, in progress, done, won't do, overdue, and
//!   the age of the open ones, counted from the day their review was made
//!   (as `debrief actions` counts it).
//! - The cost of downtime, when the team gives its hourly cost in
//!   [`Team`]: the time to mitigate of each review (else the time to
//!   resolve) times that cost.
//!
//! Every figure that stands for reviews names them by their place in the
//! slice given to [`Stats::of`], so that a screen can open the review
//! behind it.

pub mod period;
pub mod spread;
pub mod words;

use std::collections::HashMap;

use chrono::NaiveDate;

pub use period::{By, Period, periods};
pub use spread::{BUCKETS, Distribution, Sample, Span, median, percentile};

use super::filter::Filter;
use super::summary::{Durations, ReviewSummary};
use super::team::Team;
use crate::domain::{ActionStatus, Area, Effect, Severity};

/// How many severities there are, for [`PeriodRow::by_severity`].
pub const SEVERITIES: usize = Severity::ALL.len();

/// What the figures are taken over, besides the reviews.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    pub by: By,
    /// The first day asked for: the periods start at it even when the
    /// first review is later.
    pub since: Option<NaiveDate>,
    /// The last day asked for: the periods end at it; without it, at the
    /// later of today and the last review.
    pub until: Option<NaiveDate>,
    /// For overdue items and the age of open ones.
    pub today: NaiveDate,
    /// The team's figures, for the cost of downtime.
    pub team: Option<Team>,
}

impl Options {
    /// The options for the reviews `filter` chose: its days bound the
    /// periods.
    pub fn of(filter: &Filter, by: By, today: NaiveDate, team: Option<Team>) -> Options {
        Options {
            by,
            since: filter.since,
            until: filter.until,
            today,
            team,
        }
    }
}

/// The reviews of `all` that `filter` matches, oldest incident first.
pub fn select<'a>(
    all: impl IntoIterator<Item = &'a ReviewSummary>,
    filter: &Filter,
) -> Vec<&'a ReviewSummary> {
    let mut out: Vec<&ReviewSummary> = all.into_iter().filter(|r| filter.matches(r)).collect();
    out.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    out
}

/// Every figure, over a set of reviews.
#[derive(Clone, Debug, PartialEq)]
pub struct Stats {
    /// How many reviews the figures are over.
    pub reviews: usize,
    pub by: By,
    /// Every period from the first to the last, in order.
    pub periods: Vec<PeriodRow>,
    /// One per [`Span::ALL`], in that order.
    pub durations: Vec<Distribution>,
    /// One per [`Area::ALL`], in that order.
    pub areas: Vec<AreaRow>,
    /// The words of factor texts found in two reviews or more, the most
    /// reviews first, then alphabetically.
    pub words: Vec<Recurring>,
    /// Every service named, the most reviews first, then alphabetically.
    pub services: Vec<Recurring>,
    pub actions: ActionFigures,
    /// When the team gave its figures.
    pub cost: Option<Cost>,
}

/// The reviews of one period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodRow {
    pub period: Period,
    /// How many reviews of each severity, in [`Severity::ALL`] order.
    pub by_severity: [usize; SEVERITIES],
    pub total: usize,
    /// The reviews, by their place in the slice.
    pub reviews: Vec<usize>,
}

impl PeriodRow {
    /// How many reviews of `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        Severity::ALL
            .iter()
            .position(|s| *s == severity)
            .map_or(0, |i| self.by_severity[i])
    }
}

/// The contributing factors of one area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AreaRow {
    pub area: Area,
    pub factors: usize,
    pub hurt: usize,
    pub helped: usize,
    /// The reviews with a factor of this area, by their place.
    pub reviews: Vec<usize>,
}

/// A word or a service, and the reviews it is found in (each once).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recurring {
    /// The word lowercased; the service as first written.
    pub name: String,
    /// By their place in the slice, in order.
    pub reviews: Vec<usize>,
}

impl Recurring {
    /// In how many reviews.
    pub fn count(&self) -> usize {
        self.reviews.len()
    }
}

/// The action items of the reviews.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActionFigures {
    /// Every item, whatever its status.
    pub opened: usize,
    pub open: usize,
    pub in_progress: usize,
    pub done: usize,
    pub wont_do: usize,
    /// Open or in progress, and due before today.
    pub overdue: usize,
    /// The median age in days of the items still open or in progress.
    pub median_open_age: Option<i64>,
    /// The age in days of the oldest item still open or in progress.
    pub oldest_open_age: Option<i64>,
    /// The overdue items: the review by its place, and the item's place
    /// among the review's action items (from 0).
    pub overdue_items: Vec<(usize, usize)>,
}

impl ActionFigures {
    /// Still open or in progress.
    pub fn still_open(&self) -> usize {
        self.open + self.in_progress
    }
}

/// The cost of downtime, from the team's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Cost {
    pub team: Team,
    /// The downtime of every costed review, in seconds: its time to
    /// mitigate, else its time to resolve.
    pub downtime: i64,
    /// The reviews with a downtime.
    pub costed: usize,
    /// The reviews without one (no start or end of impact).
    pub uncosted: usize,
    /// `downtime` in hours times the hourly cost; `None` without one.
    pub cost: Option<f64>,
}

/// A review's downtime, in seconds: its time to mitigate, else to resolve.
pub fn downtime(d: &Durations) -> Option<i64> {
    d.mitigate.or(d.resolve).filter(|s| *s >= 0)
}

impl Stats {
    /// Every figure over `reviews` (already filtered, in any order).
    pub fn of(reviews: &[&ReviewSummary], options: &Options) -> Stats {
        Stats {
            reviews: reviews.len(),
            by: options.by,
            periods: period_rows(reviews, options),
            durations: Span::ALL
                .iter()
                .map(|s| Distribution::of(*s, reviews))
                .collect(),
            areas: area_rows(reviews),
            words: recurring_words(reviews),
            services: services(reviews),
            actions: action_figures(reviews, options.today),
            cost: options.team.clone().map(|team| cost(reviews, team)),
        }
    }

    /// The spread of `span`.
    pub fn duration(&self, span: Span) -> &Distribution {
        let i = Span::ALL.iter().position(|s| *s == span).unwrap_or(0);
        &self.durations[i]
    }
}

fn period_rows(reviews: &[&ReviewSummary], options: &Options) -> Vec<PeriodRow> {
    let first = reviews.iter().map(|r| r.date).min();
    let last = reviews.iter().map(|r| r.date).max();
    let from = match options.since.or(first) {
        Some(d) => d,
        None => return Vec::new(),
    };
    let to = options
        .until
        .unwrap_or_else(|| last.map_or(options.today, |l| l.max(options.today)));
    let mut rows: Vec<PeriodRow> = periods(from, to, options.by)
        .into_iter()
        .map(|period| PeriodRow {
            period,
            by_severity: [0; SEVERITIES],
            total: 0,
            reviews: Vec::new(),
        })
        .collect();
    let Some(start) = rows.first().map(|r| r.period) else {
        return rows;
    };
    for (i, r) in reviews.iter().enumerate() {
        let p = Period::of(r.date, options.by);
        if p < start {
            continue;
        }
        let at = rows.binary_search_by(|row| row.period.cmp(&p));
        if let Ok(at) = at {
            let row = &mut rows[at];
            let sev = Severity::ALL
                .iter()
                .position(|s| *s == r.severity)
                .unwrap_or(0);
            row.by_severity[sev] += 1;
            row.total += 1;
            row.reviews.push(i);
        }
    }
    rows
}

fn area_rows(reviews: &[&ReviewSummary]) -> Vec<AreaRow> {
    Area::ALL
        .iter()
        .map(|&area| {
            let mut row = AreaRow {
                area,
                factors: 0,
                hurt: 0,
                helped: 0,
                reviews: Vec::new(),
            };
            for (i, r) in reviews.iter().enumerate() {
                let mut any = false;
                for f in r.factors.iter().filter(|f| f.area == area) {
                    any = true;
                    row.factors += 1;
                    match f.effect {
                        Effect::Hurt => row.hurt += 1,
                        Effect::Helped => row.helped += 1,
                    }
                }
                if any {
                    row.reviews.push(i);
                }
            }
            row
        })
        .collect()
}

/// Most reviews first, then by name.
fn ranked(map: HashMap<String, (String, Vec<usize>)>, at_least: usize) -> Vec<Recurring> {
    let mut out: Vec<Recurring> = map
        .into_values()
        .filter(|(_, reviews)| reviews.len() >= at_least)
        .map(|(name, reviews)| Recurring { name, reviews })
        .collect();
    out.sort_by(|a, b| {
        b.count()
            .cmp(&a.count())
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

/// Adds review `i` to `key`'s reviews, once; `name` is kept from the
/// first time `key` is seen.
fn note(map: &mut HashMap<String, (String, Vec<usize>)>, key: &str, name: &str, i: usize) {
    match map.get_mut(key) {
        Some(entry) => {
            if entry.1.last() != Some(&i) {
                entry.1.push(i);
            }
        }
        None => {
            map.insert(key.to_owned(), (name.to_owned(), vec![i]));
        }
    }
}

fn recurring_words(reviews: &[&ReviewSummary]) -> Vec<Recurring> {
    let mut map = HashMap::new();
    for (i, r) in reviews.iter().enumerate() {
        for f in &r.factors {
            for w in words::words(&f.text) {
                note(&mut map, &w, &w, i);
            }
        }
    }
    ranked(map, 2)
}

fn services(reviews: &[&ReviewSummary]) -> Vec<Recurring> {
    let mut map = HashMap::new();
    for (i, r) in reviews.iter().enumerate() {
        for s in &r.services {
            let name = s.trim();
            if !name.is_empty() {
                note(&mut map, &name.to_lowercase(), name, i);
            }
        }
    }
    ranked(map, 1)
}

fn action_figures(reviews: &[&ReviewSummary], today: NaiveDate) -> ActionFigures {
    let mut f = ActionFigures::default();
    let mut ages = Vec::new();
    for (i, r) in reviews.iter().enumerate() {
        let age = (today - r.created.date_naive()).num_days().max(0);
        for (n, a) in r.actions.iter().enumerate() {
            f.opened += 1;
            match a.status {
                ActionStatus::Open => f.open += 1,
                ActionStatus::InProgress => f.in_progress += 1,
                ActionStatus::Done => f.done += 1,
                ActionStatus::WontDo => f.wont_do += 1,
            }
            if a.status.is_open() {
                ages.push(age);
            }
            if a.is_overdue(today) {
                f.overdue += 1;
                f.overdue_items.push((i, n));
            }
        }
    }
    ages.sort_unstable();
    f.median_open_age = median(&ages);
    f.oldest_open_age = ages.last().copied();
    f
}

fn cost(reviews: &[&ReviewSummary], team: Team) -> Cost {
    let (mut downtime_total, mut costed) = (0i64, 0);
    for r in reviews {
        if let Some(s) = downtime(&r.durations) {
            downtime_total = downtime_total.saturating_add(s);
            costed += 1;
        }
    }
    let cost = team
        .hourly_cost
        .map(|per_hour| downtime_total as f64 / 3600.0 * per_hour);
    Cost {
        team,
        downtime: downtime_total,
        costed,
        uncosted: reviews.len() - costed,
        cost,
    }
}

#[cfg(test)]
mod tests;
