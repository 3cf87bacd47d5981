//! The figures as a table for people, read well at 80 columns.

use std::io::{self, Write};

use super::{Shown, TOP, or_dash, span_of};
use crate::domain::Severity;
use crate::domain::text::visible_line;
use crate::library::stats::{Recurring, Stats};

/// The widest line, so that the table reads at 80 columns.
const WIDTH: usize = 80;

pub(super) fn write(shown: &Shown<'_>, out: &mut impl Write) -> io::Result<()> {
    let s = shown.stats;
    match span_of(shown) {
        Some((from, to)) => writeln!(
            out,
            "{} reviews of incidents from {from} to {to}, by {}",
            s.reviews,
            s.by.label()
        )?,
        None => writeln!(out, "no reviews match")?,
    }
    if s.reviews == 0 && s.periods.is_empty() {
        return Ok(());
    }
    periods(s, out)?;
    durations(s, out)?;
    factors(s, out)?;
    actions(s, out)?;
    cost(s, out)
}

fn periods(s: &Stats, out: &mut impl Write) -> io::Result<()> {
    writeln!(out)?;
    write!(out, "{:8}", "PERIOD")?;
    for sev in Severity::ALL {
        write!(out, " {:>5}", sev.label().to_uppercase())?;
    }
    writeln!(out, " {:>6}", "TOTAL")?;
    // 8 + 5 * 6 + 7 columns, a space, then the bar.
    let room = WIDTH - 8 - Severity::ALL.len() * 6 - 7 - 2;
    let most = s.periods.iter().map(|p| p.total).max().unwrap_or(0).max(1);
    for p in &s.periods {
        write!(out, "{:8}", p.period.label())?;
        for n in p.by_severity {
            write!(out, " {n:>5}")?;
        }
        let bar = (p.total * room).div_ceil(most);
        if bar == 0 {
            writeln!(out, " {:>6}", p.total)?;
        } else {
            writeln!(out, " {:>6}  {}", p.total, "#".repeat(bar))?;
        }
    }
    Ok(())
}

fn durations(s: &Stats, out: &mut impl Write) -> io::Result<()> {
    writeln!(out)?;
    writeln!(
        out,
        "{:27} {:>6} {:>7} {:>8} {:>8} {:>8}",
        "DURATIONS", "COUNT", "LACKING", "MEDIAN", "P90", "MAX"
    )?;
    for d in &s.durations {
        writeln!(
            out,
            "{:27} {:>6} {:>7} {:>8} {:>8} {:>8}",
            d.span.label(),
            d.count,
            d.missing + d.out_of_order,
            or_dash(d.median),
            or_dash(d.p90),
            or_dash(d.max)
        )?;
    }
    for d in s.durations.iter().filter(|d| d.out_of_order > 0) {
        writeln!(
            out,
            "  {} of the lacking {} have their moments out of order",
            d.out_of_order,
            d.span.label()
        )?;
    }
    writeln!(
        out,
        "  P90 by nearest rank. No mean: a few long incidents pull it far from\n  the typical one."
    )
}

fn factors(s: &Stats, out: &mut impl Write) -> io::Result<()> {
    writeln!(out)?;
    writeln!(
        out,
        "{:22} {:>7} {:>6} {:>6} {:>8}",
        "FACTORS BY AREA", "FACTORS", "HURT", "HELPED", "REVIEWS"
    )?;
    for a in &s.areas {
        writeln!(
            out,
            "{:22} {:>7} {:>6} {:>6} {:>8}",
            a.area.label(),
            a.factors,
            a.hurt,
            a.helped,
            a.reviews.len()
        )?;
    }
    listed(out, "Recurring words in factors (reviews)", &s.words)?;
    listed(out, "Services (reviews)", &s.services)
}

/// `heading: word 12, other 9, ...`, wrapped at [`WIDTH`], the first
/// [`TOP`] of `items`.
fn listed(out: &mut impl Write, heading: &str, items: &[Recurring]) -> io::Result<()> {
    writeln!(out)?;
    if items.is_empty() {
        return writeln!(out, "{heading}: none");
    }
    let more = items.len().saturating_sub(TOP);
    let mut line = format!("{heading}:");
    let mut parts: Vec<String> = items
        .iter()
        .take(TOP)
        .map(|w| format!("{} {}", visible_line(&w.name), w.count()))
        .collect();
    if more > 0 {
        parts.push(format!("and {more} more"));
    }
    let last = parts.len() - 1;
    for (i, part) in parts.into_iter().enumerate() {
        let part = if i < last { format!("{part},") } else { part };
        let width = line.chars().count() + 1 + part.chars().count();
        if width > WIDTH && !line.trim().is_empty() {
            writeln!(out, "{line}")?;
            line = format!("  {part}");
        } else {
            line = format!("{line} {part}");
        }
    }
    writeln!(out, "{line}")
}

fn actions(s: &Stats, out: &mut impl Write) -> io::Result<()> {
    let a = &s.actions;
    writeln!(out)?;
    writeln!(out, "ACTION ITEMS")?;
    writeln!(
        out,
        "opened {}  open {}  in progress {}  done {}  won't do {}  overdue {}",
        a.opened, a.open, a.in_progress, a.done, a.wont_do, a.overdue
    )?;
    if let (Some(median), Some(oldest)) = (a.median_open_age, a.oldest_open_age) {
        writeln!(
            out,
            "age of the {} still open: median {median}d, oldest {oldest}d (since the review was made)",
            a.still_open()
        )?;
    }
    Ok(())
}

fn cost(s: &Stats, out: &mut impl Write) -> io::Result<()> {
    let Some(c) = &s.cost else {
        return Ok(());
    };
    writeln!(out)?;
    writeln!(out, "COST OF DOWNTIME (team.ron)")?;
    writeln!(
        out,
        "downtime {} over {} reviews, {} without one (each review's time to",
        super::human(c.downtime),
        c.costed,
        c.uncosted
    )?;
    writeln!(out, "  mitigate, else to resolve)")?;
    let currency = c
        .team
        .currency
        .as_deref()
        .map(|c| format!(" {}", visible_line(c)))
        .unwrap_or_default();
    if let (Some(total), Some(hourly)) = (c.cost, c.team.hourly_cost) {
        writeln!(
            out,
            "cost {}{currency}, at {}{currency} an hour",
            super::money(total),
            super::money(hourly)
        )?;
    }
    let mut context = Vec::new();
    if let Some(d) = c.team.deploys_per_week {
        context.push(format!("{d} deploys a week"));
    }
    if let Some(r) = c.team.change_failure_rate {
        context.push(format!("change failure rate {:.1}%", r * 100.0));
    }
    if !context.is_empty() {
        writeln!(out, "{}", context.join(", "))?;
    }
    Ok(())
}
