//! The library screen: the team's reviews at once, drawn from the figures
//! of [`crate::library::stats`] and the summaries' action items.
//!
//! - Reviews by severity per month or quarter, as bars.
//! - The time to resolve, as a histogram with the median and the 90th
//!   percentile marked.
//! - The contributing factors that recur: their areas, and the words found
//!   in two reviews or more.
//! - The open follow-ups (action items) grouped by owner, overdue first.
//!
//! Everything is made once, when the screen opens, from the summaries the
//! library index holds (no review file is read): moving, switching the
//! period and drawing read what is here. Enter on a bar, a bin or a factor
//! lists the reviews behind it to pick from; Enter on an action item opens
//! its review with the item selected.

mod follow_ups;
mod keys;
mod spread;

use std::path::PathBuf;

use chrono::NaiveDate;

pub use follow_ups::{FollowUp, Owner};
pub use keys::key;
pub use spread::Bin;

use super::state::{Cursor, Picker};
use crate::domain::text::visible_line;
use crate::domain::{Area, Severity};
use crate::library::stats::{
    ActionFigures, By, Distribution, Options, Period, PeriodRow, Span, Stats, select,
};
use crate::library::{Filter, ReviewSummary};

/// The parts of the screen, in the order Tab visits them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    Severity,
    Resolve,
    Factors,
    FollowUps,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::Severity,
        Section::Resolve,
        Section::Factors,
        Section::FollowUps,
    ];

    pub fn index(self) -> usize {
        Section::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    pub fn title(self) -> &'static str {
        match self {
            Section::Severity => "Reviews by severity",
            Section::Resolve => "Time to resolve",
            Section::Factors => "Recurring factors",
            Section::FollowUps => "Open follow-ups by owner",
        }
    }

    /// A short name, for the tabs of a small screen.
    pub fn short(self) -> &'static str {
        match self {
            Section::Severity => "Severity",
            Section::Resolve => "Resolve",
            Section::Factors => "Factors",
            Section::FollowUps => "Follow-ups",
        }
    }

    fn next(self) -> Section {
        Section::ALL[(self.index() + 1) % Section::ALL.len()]
    }

    fn prev(self) -> Section {
        Section::ALL[(self.index() + Section::ALL.len() - 1) % Section::ALL.len()]
    }
}

/// A review as the screen names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shelved {
    pub path: PathBuf,
    pub id: String,
    pub title: String,
    pub date: NaiveDate,
    pub severity: Severity,
}

/// What a row of the factors section stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FactorKind {
    Area(Area),
    Word,
}

/// One row of the factors section: an area or a recurring word, with the
/// reviews it is found in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactorLine {
    pub kind: FactorKind,
    pub name: String,
    /// For an area: how many of its factors hurt and helped.
    pub hurt: usize,
    pub helped: usize,
    /// By their place in [`LibraryView::reviews`].
    pub reviews: Vec<usize>,
}

/// The small list of the reviews behind a bar, a bin or a factor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picking {
    /// What the reviews are: "2026-11", "1h–2h to resolve", "alerts".
    pub title: String,
    /// By their place in [`LibraryView::reviews`], newest first.
    pub reviews: Vec<usize>,
    pub cursor: Cursor,
}

/// Which action item to select once its review is open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Landing {
    pub file: PathBuf,
    /// The item number of the action item.
    pub action: u64,
    /// Its place among the review's action items when the library was
    /// read, should the number be gone.
    pub place: usize,
}

/// The state of the library screen.
#[derive(Clone, Debug)]
pub struct LibraryView {
    /// The list of reviews to go back to.
    pub back: Picker,
    /// Every review the figures are over, oldest incident first (the
    /// order the figures name them by).
    pub reviews: Vec<Shelved>,
    /// The files that could not be read, each with why.
    pub problems: Vec<String>,
    pub today: NaiveDate,
    pub by: By,
    pub months: Vec<PeriodRow>,
    pub quarters: Vec<PeriodRow>,
    pub resolve: Distribution,
    /// The histogram of [`LibraryView::resolve`], in the buckets of
    /// [`crate::library::stats::BUCKETS`].
    pub bins: Vec<Bin>,
    pub factors: Vec<FactorLine>,
    /// How many rows of [`LibraryView::factors`] are areas (they come
    /// first).
    pub areas: usize,
    pub actions: ActionFigures,
    pub owners: Vec<Owner>,
    /// Every open action item, owner by owner (see [`Owner::start`]).
    pub follow_ups: Vec<FollowUp>,
    pub section: Section,
    /// The selection of each section: a bar, a bin, a factor, an item.
    pub cursors: [Cursor; Section::ALL.len()],
    pub picking: Option<Picking>,
}

impl LibraryView {
    /// The screen over `reviews` (each with its file), the files that
    /// could not be read, on `today`, going back to `back`.
    pub fn build<'a>(
        reviews: impl IntoIterator<Item = (&'a std::path::Path, &'a ReviewSummary)>,
        problems: Vec<String>,
        today: NaiveDate,
        back: Picker,
    ) -> LibraryView {
        let all: Vec<(&std::path::Path, &ReviewSummary)> = reviews.into_iter().collect();
        let chosen = select(all.iter().map(|(_, r)| *r), &Filter::default());
        // The figures name reviews by their place in `chosen`; the files
        // are found by id (ids are unique in a folder: the file's name).
        let mut by_id: std::collections::HashMap<&str, &std::path::Path> =
            all.iter().map(|(p, r)| (r.id.as_str(), *p)).collect();
        let shelved: Vec<Shelved> = chosen
            .iter()
            .map(|r| Shelved {
                path: by_id
                    .remove(r.id.as_str())
                    .map(std::path::Path::to_path_buf)
                    .unwrap_or_default(),
                id: visible_line(&r.id).into_owned(),
                title: visible_line(&r.title).into_owned(),
                date: r.date,
                severity: r.severity,
            })
            .collect();
        let options = |by| Options {
            by,
            today,
            ..Options::default()
        };
        let stats = Stats::of(&chosen, &options(By::Month));
        let quarters = quarters_of(&stats.periods);
        let resolve = stats.duration(Span::Resolve).clone();
        let bins = spread::bins(&resolve);
        let mut factors: Vec<FactorLine> = stats
            .areas
            .iter()
            .filter(|a| !a.reviews.is_empty())
            .map(|a| FactorLine {
                kind: FactorKind::Area(a.area),
                name: a.area.label().to_owned(),
                hurt: a.hurt,
                helped: a.helped,
                reviews: a.reviews.clone(),
            })
            .collect();
        factors.sort_by_key(|f| std::cmp::Reverse(f.reviews.len()));
        let areas = factors.len();
        factors.extend(stats.words.iter().map(|w| FactorLine {
            kind: FactorKind::Word,
            name: visible_line(&w.name).into_owned(),
            hurt: 0,
            helped: 0,
            reviews: w.reviews.clone(),
        }));
        let (owners, follow_ups) = follow_ups::group(&chosen, today);
        let mut cursors = [Cursor::default(); Section::ALL.len()];
        // The latest period first: what a team asks about.
        cursors[Section::Severity.index()].selected = stats.periods.len().saturating_sub(1);
        LibraryView {
            back,
            reviews: shelved,
            problems,
            today,
            by: By::Month,
            months: stats.periods,
            quarters,
            resolve,
            bins,
            factors,
            areas,
            actions: stats.actions,
            owners,
            follow_ups,
            section: Section::Severity,
            cursors,
            picking: None,
        }
    }

    /// The periods shown now.
    pub fn periods(&self) -> &[PeriodRow] {
        match self.by {
            By::Month => &self.months,
            By::Quarter => &self.quarters,
        }
    }

    pub fn cursor(&self, section: Section) -> Cursor {
        self.cursors[section.index()]
    }

    /// How many things a section selects among.
    pub fn len(&self, section: Section) -> usize {
        match section {
            Section::Severity => self.periods().len(),
            Section::Resolve => self.bins.len(),
            Section::Factors => self.factors.len(),
            Section::FollowUps => self.follow_ups.len(),
        }
    }

    /// The selection of a section, within what it holds.
    pub fn selected(&self, section: Section) -> Option<usize> {
        let len = self.len(section);
        (len > 0).then(|| self.cursor(section).selected.min(len - 1))
    }

    /// The owner of follow-up `i`, by its place in [`LibraryView::owners`].
    pub fn owner_of(&self, i: usize) -> usize {
        self.owners
            .partition_point(|o| o.start <= i)
            .saturating_sub(1)
    }
}

/// The rows of the quarters, from the rows of their months (every month
/// from the first to the last, as [`Stats::of`] makes them): the same
/// figures as `Stats::of` by quarter, without taking every figure of the
/// library a second time.
fn quarters_of(months: &[PeriodRow]) -> Vec<PeriodRow> {
    let mut out: Vec<PeriodRow> = Vec::new();
    for m in months {
        let q = Period::of(m.period.first_day(), By::Quarter);
        match out.last_mut() {
            Some(row) if row.period == q => {
                for (sum, n) in row.by_severity.iter_mut().zip(m.by_severity) {
                    *sum += n;
                }
                row.total += m.total;
                row.reviews.extend_from_slice(&m.reviews);
            }
            _ => out.push(PeriodRow {
                period: q,
                ..m.clone()
            }),
        }
    }
    out
}

/// The library screen the list of reviews asked for, read: it replaces
/// the list, which it keeps to go back to. A library that could not be
/// read is said, and the list stays.
pub fn read(app: &mut super::App, result: Result<Box<LibraryView>, String>) {
    use super::state::Screen;
    match result {
        Ok(mut view) => {
            let back = match std::mem::replace(&mut app.screen, Screen::Picker(Picker::default())) {
                Screen::Picker(p) => p,
                Screen::Library(old) => old.back,
                other => {
                    // A review was opened meanwhile: it stays.
                    app.screen = other;
                    return;
                }
            };
            view.back = back;
            app.overlays.clear();
            app.screen = Screen::Library(view);
        }
        Err(e) => app.error(format!("The library could not be read: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Offset, Review, ReviewKind, Text};
    use chrono::{TimeDelta, Utc};

    #[test]
    fn quarters_made_from_months_are_the_quarters_stats_makes() {
        let start: chrono::DateTime<Utc> = "2025-11-20T12:00:00Z".parse().unwrap();
        let reviews: Vec<ReviewSummary> = (0..40)
            .filter(|i| i % 7 != 3)
            .map(|i| {
                let at = start + TimeDelta::days(i * 11);
                let mut r = Review::new(
                    format!("r{i}"),
                    Text::new("an incident"),
                    Severity::ALL[i as usize % 5],
                    ReviewKind::Full,
                    at,
                    Offset::default(),
                );
                r.moments.started = Some(at);
                ReviewSummary::of(&r)
            })
            .collect();
        let chosen = select(reviews.iter(), &Filter::default());
        let today = NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
        for today in [today, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()] {
            let options = |by| Options {
                by,
                today,
                ..Options::default()
            };
            let months = Stats::of(&chosen, &options(By::Month)).periods;
            let quarters = Stats::of(&chosen, &options(By::Quarter)).periods;
            assert!(quarters.len() > 4);
            assert_eq!(quarters_of(&months), quarters);
        }
    }
}
