//! `debrief actions`: every action item across reviews, for follow-up and
//! for a ticket tracker's import.

use std::io::Write;

use clap::{Args, ValueEnum};

use super::CliError;
use super::list::{day, library, today};
use crate::domain::text::visible_line;
use crate::library::Filter;
use crate::library::actions::{COLUMNS, FollowUp, Wanted, csv_field, follow_ups};
use crate::report::escape;
use crate::report::json::write_pretty;
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ActionsFormat {
    Table,
    Md,
    Csv,
    Json,
}

#[derive(Debug, Args)]
pub struct ActionsArgs {
    /// Only items still open or in progress
    #[arg(long)]
    pub open: bool,
    /// Only open items whose due date has passed
    #[arg(long)]
    pub overdue: bool,
    /// Only items owned by NAME (any case)
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,
    /// Only reviews of incidents on this day or after: 2026-03-01, 2026-03, 30d, 6w, 3m, 1y
    #[arg(long, value_name = "WHEN")]
    pub since: Option<String>,
    /// Only reviews of incidents on this day or before (read like --since)
    #[arg(long, value_name = "WHEN")]
    pub until: Option<String>,
    /// table, md (Markdown), csv (a ticket tracker's import) or json
    #[arg(long, value_enum, default_value = "table")]
    pub format: ActionsFormat,
}

pub fn actions(store: &Store, args: &ActionsArgs, out: &mut impl Write) -> Result<(), CliError> {
    let today = today();
    let filter = Filter {
        since: day("since", args.since.as_deref(), today)?,
        until: day("until", args.until.as_deref(), today)?,
        ..Filter::default()
    };
    let library = library(store)?;
    for (_, why) in library.problems() {
        say!("debrief: skipping a file: {why}");
    }
    let wanted = Wanted {
        open: args.open,
        overdue: args.overdue,
        owner: args.owner.clone(),
    };
    let reviews = library
        .reviews()
        .map(|(_, r)| r)
        .filter(|r| filter.matches(r));
    let items = follow_ups(reviews, &wanted, today);
    match args.format {
        ActionsFormat::Json => json(&items, out),
        ActionsFormat::Csv => {
            let header: Vec<String> = COLUMNS.iter().map(|c| csv_field(c)).collect();
            writeln!(out, "{}", header.join(","))?;
            for item in &items {
                let row: Vec<String> = item
                    .cells()
                    .iter()
                    .map(|c| csv_field(&visible_line(c)))
                    .collect();
                writeln!(out, "{}", row.join(","))?;
            }
            Ok(())
        }
        ActionsFormat::Md => {
            writeln!(
                out,
                "| Review | Item | Action | Owner | Priority | Due | Status | Ticket | Age |"
            )?;
            writeln!(out, "|---|---|---|---|---|---|---|---|---|")?;
            for item in &items {
                let c = item.cells();
                let due = if item.overdue {
                    format!("{} (overdue)", c[4])
                } else {
                    c[4].clone()
                };
                let cells = [
                    &c[8], &c[9], &c[0], &c[2], &c[3], &due, &c[5], &c[7], &c[10],
                ];
                let cells: Vec<String> = cells.iter().map(|s| escape::cell(s)).collect();
                writeln!(out, "| {} |", cells.join(" | "))?;
            }
            Ok(())
        }
        ActionsFormat::Table => table(&items, out),
    }
}

fn json(items: &[FollowUp<'_>], out: &mut impl Write) -> Result<(), CliError> {
    let rows: Vec<serde_json::Value> = items
        .iter()
        .map(|i| {
            let a = i.action;
            serde_json::json!({
                "review": i.review.id,
                "review_title": i.review.title,
                "item": a.id,
                "text": a.text,
                "owner": a.owner,
                "priority": a.priority.map(|p| p.label()),
                "due": a.due.map(|d| d.to_string()),
                "status": a.status.label(),
                "ticket": a.ticket,
                "internal": a.internal,
                "age_days": i.age,
                "overdue": i.overdue,
            })
        })
        .collect();
    write_pretty(out, &rows)?;
    Ok(())
}

fn table(items: &[FollowUp<'_>], out: &mut impl Write) -> Result<(), CliError> {
    if items.is_empty() {
        say!("no action items match");
        return Ok(());
    }
    let rows: Vec<[String; 11]> = items
        .iter()
        .map(|i| i.cells().map(|c| visible_line(&c).into_owned()))
        .collect();
    let width = |n: usize, min: usize| {
        rows.iter()
            .map(|r| r[n].chars().count())
            .max()
            .unwrap_or(0)
            .max(min)
    };
    let (w_review, w_owner, w_status) = (width(8, 6), width(2, 5), width(5, 6));
    writeln!(
        out,
        "{:w_review$}  {:>5}  {:w_owner$}  {:6}  {:10}  {:w_status$}  {:>4}  ACTION",
        "REVIEW", "ITEM", "OWNER", "PRIO", "DUE", "STATUS", "AGE"
    )?;
    for (r, item) in rows.iter().zip(items) {
        let due = if item.overdue {
            format!("{}!", r[4])
        } else {
            r[4].clone()
        };
        let ticket = if r[7].is_empty() {
            String::new()
        } else {
            format!(" [{}]", r[7])
        };
        writeln!(
            out,
            "{:w_review$}  {:>5}  {:w_owner$}  {:6}  {:10}  {:w_status$}  {:>3}d  {}{}",
            r[8], r[9], r[2], r[3], due, r[5], r[10], r[0], ticket
        )?;
    }
    Ok(())
}
