//! `debrief stats`: trends across reviews, as a table for people, Markdown,
//! CSV for a spreadsheet, or JSON. The figures are
//! [`library::stats`](crate::library::stats)'s; this file reads the
//! options, the library and `team.ron`, and writes them out.

mod csv;
mod markdown;
mod table;

use std::io::Write;

use clap::{Args, ValueEnum};

use super::CliError;
use super::list::{day, library, today};
use crate::domain::Severity;
use crate::library::stats::{By, Options, Stats, select};
use crate::library::{Filter, ReviewSummary, Team};
use crate::report::json::write_pretty;
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    Table,
    Md,
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ByArg {
    Month,
    Quarter,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Only incidents on this day or after: 2026-03-01, 2026-03, or back from today: 30d, 6w, 3m, 1y
    #[arg(long, value_name = "WHEN")]
    pub since: Option<String>,
    /// Only incidents on this day or before (read like --since)
    #[arg(long, value_name = "WHEN")]
    pub until: Option<String>,
    /// Count reviews per month or per quarter
    #[arg(long, value_enum, default_value = "month")]
    pub by: ByArg,
    /// Only these severities: --sev 1,2 (or --sev 1 --sev 2)
    #[arg(long, value_delimiter = ',', value_name = "SEV")]
    pub sev: Vec<Severity>,
    /// Only reviews that name one of these services
    #[arg(long, value_delimiter = ',', value_name = "NAME")]
    pub service: Vec<String>,
    /// Print JSON for other tools (the same as --format json)
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// table, md (Markdown), csv (one figure a row) or json
    #[arg(long, value_enum, default_value = "table")]
    pub format: StatsFormat,
}

/// What a format needs besides the figures.
pub(super) struct Shown<'a> {
    pub stats: &'a Stats,
    /// The reviews the figures are over, in the order their places name.
    pub reviews: &'a [&'a ReviewSummary],
    pub filter: &'a Filter,
}

/// How many recurring words and services the table and Markdown show.
pub(super) const TOP: usize = 15;

pub fn stats(store: &Store, args: &StatsArgs, out: &mut impl Write) -> Result<(), CliError> {
    let today = today();
    let filter = Filter {
        severities: args.sev.clone(),
        services: args.service.clone(),
        since: day("since", args.since.as_deref(), today)?,
        until: day("until", args.until.as_deref(), today)?,
        ..Filter::default()
    };
    if let (Some(since), Some(until)) = (filter.since, filter.until)
        && since > until
    {
        return Err(CliError::Input(format!(
            "--since {since} is after --until {until}: nothing could match"
        )));
    }
    let team = Team::load(store.root()).map_err(|e| CliError::Input(e.to_string()))?;
    let library = library(store)?;
    for (_, why) in library.problems() {
        say!("debrief: skipping a file: {why}");
    }
    let reviews = select(library.reviews().map(|(_, r)| r), &filter);
    let by = match args.by {
        ByArg::Month => By::Month,
        ByArg::Quarter => By::Quarter,
    };
    let stats = Stats::of(&reviews, &Options::of(&filter, by, today, team));
    let shown = Shown {
        stats: &stats,
        reviews: &reviews,
        filter: &filter,
    };
    let format = if args.json {
        StatsFormat::Json
    } else {
        args.format
    };
    match format {
        StatsFormat::Json => write_pretty(out, &json(&shown))?,
        StatsFormat::Csv => csv::write(&shown, out)?,
        StatsFormat::Md => markdown::write(&shown, out)?,
        StatsFormat::Table => table::write(&shown, out)?,
    }
    Ok(())
}

/// A span of time for people: `45s`, `12m`, `3h 05m`, `2d 04h`, rounded
/// down.
pub(super) fn human(seconds: i64) -> String {
    let s = seconds.max(0);
    match s {
        0..60 => format!("{s}s"),
        60..3600 => format!("{}m", s / 60),
        3600..86_400 => format!("{}h {:02}m", s / 3600, s % 3600 / 60),
        _ => format!("{}d {:02}h", s / 86_400, s % 86_400 / 3600),
    }
}

/// `human` of a figure, or `-` without one.
pub(super) fn or_dash(seconds: Option<i64>) -> String {
    seconds.map_or_else(|| "-".to_owned(), human)
}

/// A sum of money, whole units with thousands separated: `1,476,000`.
pub(super) fn money(amount: f64) -> String {
    let whole = format!("{:.0}", amount.max(0.0));
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The days the figures are over, for a heading: `2026-01-01 to
/// 2026-12-31`, from the options or else the periods.
pub(super) fn span_of(shown: &Shown<'_>) -> Option<(String, String)> {
    let periods = &shown.stats.periods;
    let from = shown
        .filter
        .since
        .or_else(|| periods.first().map(|p| p.period.first_day()))?;
    let to = shown
        .filter
        .until
        .or_else(|| periods.last().map(|p| p.period.last_day()))?;
    Some((from.to_string(), to.to_string()))
}

fn json(shown: &Shown<'_>) -> serde_json::Value {
    use serde_json::json;
    let s = shown.stats;
    let periods: Vec<_> = s
        .periods
        .iter()
        .map(|p| {
            let by_severity: serde_json::Map<String, serde_json::Value> = Severity::ALL
                .iter()
                .map(|sev| (sev.label().to_owned(), json!(p.count(*sev))))
                .collect();
            json!({
                "period": p.period.label(),
                "first_day": p.period.first_day().to_string(),
                "last_day": p.period.last_day().to_string(),
                "total": p.total,
                "by_severity": by_severity,
            })
        })
        .collect();
    let durations: Vec<_> = s
        .durations
        .iter()
        .map(|d| {
            json!({
                "span": d.span.key(),
                "label": d.span.label(),
                "measured": d.span.meaning(),
                "count": d.count,
                "missing": d.missing,
                "out_of_order": d.out_of_order,
                "median_seconds": d.median,
                "p90_seconds": d.p90,
                "max_seconds": d.max,
            })
        })
        .collect();
    let areas: Vec<_> = s
        .areas
        .iter()
        .map(|a| {
            json!({
                "area": a.area.label(),
                "factors": a.factors,
                "hurt": a.hurt,
                "helped": a.helped,
                "reviews": a.reviews.len(),
            })
        })
        .collect();
    let named = |list: &[crate::library::stats::Recurring], key: &str| -> Vec<serde_json::Value> {
        list.iter()
            .map(|w| json!({ key: w.name, "reviews": w.count() }))
            .collect()
    };
    let a = &s.actions;
    let overdue: Vec<_> = a
        .overdue_items
        .iter()
        .filter_map(|&(r, n)| {
            let review = shown.reviews.get(r)?;
            let item = review.actions.get(n)?;
            Some(json!({ "review": review.id, "item": item.id, "due": item.due.map(|d| d.to_string()) }))
        })
        .collect();
    let cost = s.cost.as_ref().map(|c| {
        json!({
            "hourly_cost": c.team.hourly_cost,
            "currency": c.team.currency,
            "deploys_per_week": c.team.deploys_per_week,
            "change_failure_rate": c.team.change_failure_rate,
            "downtime_seconds": c.downtime,
            "costed_reviews": c.costed,
            "reviews_without_downtime": c.uncosted,
            "cost": c.cost,
        })
    });
    let (from, to) = span_of(shown).unzip();
    json!({
        "reviews": s.reviews,
        "from": from,
        "to": to,
        "by": s.by.label(),
        "periods": periods,
        "percentiles": "nearest rank; the median of an even count is the mean of the two middle values, rounded down",
        "durations": durations,
        "factors": { "areas": areas, "recurring_words": named(&s.words, "word") },
        "services": named(&s.services, "service"),
        "actions": {
            "opened": a.opened,
            "open": a.open,
            "in_progress": a.in_progress,
            "done": a.done,
            "wont_do": a.wont_do,
            "overdue": a.overdue,
            "median_open_age_days": a.median_open_age,
            "oldest_open_age_days": a.oldest_open_age,
            "overdue_items": overdue,
        },
        "cost_of_downtime": cost,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_and_sums_read_as_people_write_them() {
        assert_eq!(human(45), "45s");
        assert_eq!(human(12 * 60 + 59), "12m");
        assert_eq!(human(3 * 3600 + 5 * 60), "3h 05m");
        assert_eq!(human(2 * 86_400 + 4 * 3600 + 59), "2d 04h");
        assert_eq!(or_dash(None), "-");
        assert_eq!(money(1_476_000.4), "1,476,000");
        assert_eq!(money(999.7), "1,000");
        assert_eq!(money(12.0), "12");
    }
}
