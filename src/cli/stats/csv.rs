//! The figures as CSV, one figure a row (`section,item,measure,value`),
//! for a spreadsheet's pivot table.

use std::io::{self, Write};

use super::Shown;
use crate::domain::Severity;
use crate::domain::text::visible_line;
use crate::library::actions::csv_field;

pub(super) fn write(shown: &Shown<'_>, out: &mut impl Write) -> io::Result<()> {
    let s = shown.stats;
    let mut row = |section: &str, item: &str, measure: &str, value: String| {
        writeln!(
            out,
            "{},{},{},{}",
            csv_field(section),
            csv_field(&visible_line(item)),
            csv_field(measure),
            csv_field(&visible_line(&value))
        )
    };
    row("section", "item", "measure", "value".into())?;
    row("reviews", "", "count", s.reviews.to_string())?;
    for p in &s.periods {
        let label = p.period.label();
        for sev in Severity::ALL {
            row(
                "reviews by severity",
                &label,
                sev.label(),
                p.count(*sev).to_string(),
            )?;
        }
        row("reviews by severity", &label, "total", p.total.to_string())?;
    }
    let opt = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    for d in &s.durations {
        let item = d.span.label();
        row("durations", item, "count", d.count.to_string())?;
        row("durations", item, "missing", d.missing.to_string())?;
        row(
            "durations",
            item,
            "out of order",
            d.out_of_order.to_string(),
        )?;
        row("durations", item, "median seconds", opt(d.median))?;
        row("durations", item, "p90 seconds", opt(d.p90))?;
        row("durations", item, "max seconds", opt(d.max))?;
    }
    for a in &s.areas {
        let item = a.area.label();
        row("factors by area", item, "factors", a.factors.to_string())?;
        row("factors by area", item, "hurt", a.hurt.to_string())?;
        row("factors by area", item, "helped", a.helped.to_string())?;
        row(
            "factors by area",
            item,
            "reviews",
            a.reviews.len().to_string(),
        )?;
    }
    for w in &s.words {
        row("recurring words", &w.name, "reviews", w.count().to_string())?;
    }
    for w in &s.services {
        row("services", &w.name, "reviews", w.count().to_string())?;
    }
    let a = &s.actions;
    for (measure, value) in [
        ("opened", Some(a.opened as i64)),
        ("open", Some(a.open as i64)),
        ("in progress", Some(a.in_progress as i64)),
        ("done", Some(a.done as i64)),
        ("won't do", Some(a.wont_do as i64)),
        ("overdue", Some(a.overdue as i64)),
        ("median open age days", a.median_open_age),
        ("oldest open age days", a.oldest_open_age),
    ] {
        row("action items", "", measure, opt(value))?;
    }
    if let Some(c) = &s.cost {
        let f = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
        row(
            "cost of downtime",
            "",
            "downtime seconds",
            c.downtime.to_string(),
        )?;
        row(
            "cost of downtime",
            "",
            "costed reviews",
            c.costed.to_string(),
        )?;
        row(
            "cost of downtime",
            "",
            "reviews without downtime",
            c.uncosted.to_string(),
        )?;
        row("cost of downtime", "", "hourly cost", f(c.team.hourly_cost))?;
        row(
            "cost of downtime",
            "",
            "currency",
            c.team.currency.clone().unwrap_or_default(),
        )?;
        row("cost of downtime", "", "cost", f(c.cost.map(|c| c.round())))?;
        row(
            "cost of downtime",
            "",
            "deploys per week",
            f(c.team.deploys_per_week),
        )?;
        row(
            "cost of downtime",
            "",
            "change failure rate",
            f(c.team.change_failure_rate),
        )?;
    }
    Ok(())
}
