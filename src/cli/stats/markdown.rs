//! The figures as Markdown (GFM tables), for a wiki page or a meeting's
//! notes.

use std::io::{self, Write};

use super::{Shown, TOP, human, money, or_dash, span_of};
use crate::domain::Severity;
use crate::library::stats::Recurring;
use crate::report::escape;

pub(super) fn write(shown: &Shown<'_>, out: &mut impl Write) -> io::Result<()> {
    let s = shown.stats;
    writeln!(out, "# Trends across reviews")?;
    writeln!(out)?;
    match span_of(shown) {
        Some((from, to)) => writeln!(
            out,
            "{} reviews of incidents from {from} to {to}, by {}.",
            s.reviews,
            s.by.label()
        )?,
        None => writeln!(out, "No reviews match.")?,
    }
    if s.reviews == 0 && s.periods.is_empty() {
        return Ok(());
    }

    writeln!(out)?;
    writeln!(out, "## Reviews by severity")?;
    writeln!(out)?;
    let sevs: Vec<&str> = Severity::ALL.iter().map(|s| s.label()).collect();
    writeln!(out, "| Period | {} | Total |", sevs.join(" | "))?;
    writeln!(out, "|---|{}---:|", "---:|".repeat(sevs.len()))?;
    for p in &s.periods {
        let counts: Vec<String> = p.by_severity.iter().map(|n| n.to_string()).collect();
        writeln!(
            out,
            "| {} | {} | {} |",
            p.period.label(),
            counts.join(" | "),
            p.total
        )?;
    }

    writeln!(out)?;
    writeln!(out, "## Durations")?;
    writeln!(out)?;
    writeln!(
        out,
        "| Span | Count | Lacking | Median | 90th percentile | Maximum |"
    )?;
    writeln!(out, "|---|---:|---:|---:|---:|---:|")?;
    for d in &s.durations {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            d.span.label(),
            d.count,
            d.missing + d.out_of_order,
            or_dash(d.median),
            or_dash(d.p90),
            or_dash(d.max)
        )?;
    }
    writeln!(out)?;
    let mut notes = vec![
        "The 90th percentile is by nearest rank. There is no mean: a few long incidents pull it far from the typical one."
            .to_owned(),
    ];
    for d in s.durations.iter().filter(|d| d.out_of_order > 0) {
        notes.push(format!(
            "{} of the reviews lacking the {} have their moments out of order.",
            d.out_of_order,
            d.span.label()
        ));
    }
    writeln!(out, "{}", notes.join(" "))?;

    writeln!(out)?;
    writeln!(out, "## Contributing factors")?;
    writeln!(out)?;
    writeln!(out, "| Area | Factors | Hurt | Helped | Reviews |")?;
    writeln!(out, "|---|---:|---:|---:|---:|")?;
    for a in &s.areas {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            a.area.label(),
            a.factors,
            a.hurt,
            a.helped,
            a.reviews.len()
        )?;
    }
    named(out, "Recurring words in factors", "Word", &s.words)?;
    named(out, "Services", "Service", &s.services)?;

    let a = &s.actions;
    writeln!(out)?;
    writeln!(out, "## Action items")?;
    writeln!(out)?;
    writeln!(
        out,
        "| Opened | Open | In progress | Done | Won't do | Overdue | Median age of open | Oldest open |"
    )?;
    writeln!(out, "|---:|---:|---:|---:|---:|---:|---:|---:|")?;
    let days = |d: Option<i64>| d.map_or_else(|| "-".to_owned(), |d| format!("{d}d"));
    writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} | {} | {} |",
        a.opened,
        a.open,
        a.in_progress,
        a.done,
        a.wont_do,
        a.overdue,
        days(a.median_open_age),
        days(a.oldest_open_age)
    )?;
    writeln!(out)?;
    writeln!(out, "Ages count from the day the item's review was made.")?;

    if let Some(c) = &s.cost {
        writeln!(out)?;
        writeln!(out, "## Cost of downtime")?;
        writeln!(out)?;
        let currency = c
            .team
            .currency
            .as_deref()
            .map(|c| format!(" {}", escape::cell(c)))
            .unwrap_or_default();
        writeln!(out, "| Figure | Value |")?;
        writeln!(out, "|---|---:|")?;
        writeln!(out, "| Downtime | {} |", human(c.downtime))?;
        writeln!(out, "| Reviews with a downtime | {} |", c.costed)?;
        writeln!(out, "| Reviews without one | {} |", c.uncosted)?;
        if let Some(h) = c.team.hourly_cost {
            writeln!(out, "| Hourly cost | {}{currency} |", money(h))?;
        }
        if let Some(total) = c.cost {
            writeln!(out, "| Cost | {}{currency} |", money(total))?;
        }
        if let Some(d) = c.team.deploys_per_week {
            writeln!(out, "| Deploys a week | {d} |")?;
        }
        if let Some(r) = c.team.change_failure_rate {
            writeln!(out, "| Change failure rate | {:.1}% |", r * 100.0)?;
        }
        writeln!(out)?;
        writeln!(
            out,
            "Downtime is each review's time to mitigate, else its time to resolve; the figures are the team's, from team.ron."
        )?;
    }
    Ok(())
}

fn named(out: &mut impl Write, heading: &str, what: &str, items: &[Recurring]) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "### {heading}")?;
    writeln!(out)?;
    if items.is_empty() {
        return writeln!(out, "None.");
    }
    writeln!(out, "| {what} | Reviews |")?;
    writeln!(out, "|---|---:|")?;
    for w in items.iter().take(TOP) {
        writeln!(out, "| {} | {} |", escape::cell(&w.name), w.count())?;
    }
    if items.len() > TOP {
        writeln!(out)?;
        writeln!(out, "And {} more.", items.len() - TOP)?;
    }
    Ok(())
}
