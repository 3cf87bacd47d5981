//! `debrief list`.

use std::io::Write;

use super::CliError;
use crate::domain::text::visible_line;
use crate::report::json::write_pretty;
use crate::store::Store;

pub(super) fn list(store: &Store, json: bool, out: &mut impl Write) -> Result<(), CliError> {
    let mut rows = Vec::new();
    for entry in store.list()? {
        match entry {
            Ok(row) => rows.push(row),
            Err(e) => say!("debrief: skipping a file: {e}"),
        }
    }
    if json {
        let items: Vec<serde_json::Value> = rows
            .iter()
            .map(|(path, r)| {
                serde_json::json!({
                    "id": r.id,
                    "path": path,
                    "date": r.incident_date().to_string(),
                    "severity": r.severity.label(),
                    "status": r.status.label(),
                    "kind": r.kind.label(),
                    "title": r.title.as_str(),
                    "open_actions": r.open_actions(),
                    "updated": r.updated.to_rfc3339(),
                })
            })
            .collect();
        write_pretty(out, &items)?;
        return Ok(());
    }
    if rows.is_empty() {
        say!(
            "no reviews in {}; create one with: debrief new TITLE",
            store.reviews_dir().display()
        );
        return Ok(());
    }
    // A hand-edited file may hold anything in its id or title.
    let ids: Vec<String> = rows
        .iter()
        .map(|(_, r)| visible_line(&r.id).into_owned())
        .collect();
    let id_width = ids
        .iter()
        .map(|id| id.chars().count())
        .max()
        .unwrap_or(2)
        .max(2);
    let status_width = rows
        .iter()
        .map(|(_, r)| r.status.label().len())
        .max()
        .unwrap_or(6)
        .max(6);
    writeln!(
        out,
        "{:id_width$}  {:10}  {:4}  {:status_width$}  {:>4}  TITLE",
        "ID", "DATE", "SEV", "STATUS", "OPEN"
    )?;
    for ((_, r), id) in rows.iter().zip(&ids) {
        writeln!(
            out,
            "{:id_width$}  {}  {:4}  {:status_width$}  {:>4}  {}",
            id,
            r.incident_date(),
            r.severity,
            r.status,
            r.open_actions(),
            visible_line(r.title.lines().next().unwrap_or_default())
        )?;
    }
    Ok(())
}
