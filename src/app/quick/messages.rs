//! What the quick review says in the status bar about its own state, and
//! what an export says. A message that describes a state ("1 time not
//! read") goes once the state it describes has changed: it is said again
//! with the new count, or taken away once nothing is left unread.

use std::path::{Path, PathBuf};

use super::{Quick, Step};
use crate::app::state::{App, Overlay};
use crate::domain::Review;

/// What `step` leaves unread or unfiled, as the status bar says it; `None`
/// when everything in it reads.
pub(super) fn unread(q: &Quick, step: Step) -> Option<String> {
    let n = match step {
        Step::Happened => q.events_read().1.len(),
        Step::Actions => q.actions_read().1.len(),
        Step::Moments => q.moment_errors.iter().flatten().count(),
        Step::Learnings | Step::Export => 0,
    };
    let what = match (step, n) {
        (_, 0) => return None,
        (Step::Moments, 1) => "1 time not read".to_owned(),
        (Step::Moments, n) => format!("{n} times not read"),
        (_, 1) => "1 line not filed".to_owned(),
        (_, n) => format!("{n} lines not filed"),
    };
    Some(format!("{what} (step {})", step.number()))
}

/// Says what `step` leaves unread, if anything, and remembers it was said
/// so that it can be taken back.
pub(super) fn say_unread(app: &mut App, step: Step) {
    let Some(Overlay::Quick(q)) = app.overlays.last_mut() else {
        return;
    };
    let Some(text) = unread(q, step) else {
        return;
    };
    q.said = Some((step, text.clone()));
    app.warn(text);
}

/// After a key: a message about what a step left unread is said again if
/// the count changed, and goes once nothing is left unread. A message
/// said since by something else is left alone.
pub(super) fn restate(app: &mut App) {
    let Some(Overlay::Quick(q)) = app.overlays.last_mut() else {
        return;
    };
    let Some((step, said)) = q.said.take() else {
        return;
    };
    if app.message.as_ref().is_none_or(|m| m.text != said) {
        return;
    }
    match unread(q, step) {
        None => app.message = None,
        Some(now) if now == said => q.said = Some((step, said)),
        Some(now) => {
            q.said = Some((step, now.clone()));
            app.warn(now);
        }
    }
}

/// What an export says: where the reports are (the internal report, the
/// public summary and the chart, in one folder), which one is to share,
/// and what comes next for `review`.
pub fn exported(review: Option<&Review>, files: &[PathBuf]) -> String {
    let folder = files.first().and_then(|f| f.parent());
    let together = folder.is_some_and(|d| files.iter().all(|f| f.parent() == Some(d)));
    let public = files
        .iter()
        .any(|f| f.to_string_lossy().ends_with(".public.md"));
    let (Some(folder), true, true) = (folder, together, public) else {
        let names: Vec<String> = files.iter().map(|f| shown(f)).collect();
        return format!("Exported {}", names.join(" and "));
    };
    let open = review.map_or(0, |r| {
        r.actions.iter().filter(|a| a.status.is_open()).count()
    });
    let next = match open {
        0 => String::new(),
        1 => "; next, follow up the open action item (4)".to_owned(),
        n => format!("; next, follow up the {n} open action items (4)"),
    };
    format!(
        "Exported to {}: the .md for the team, the .public.md to share{next}",
        shown(folder)
    )
}

/// A path as the status bar shows it, on one line, nothing in it taken
/// for a control; the current folder is ".".
fn shown(path: &Path) -> String {
    let text = path.display().to_string();
    if text.is_empty() {
        ".".into()
    } else {
        crate::domain::text::visible_line(&text).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_says_where_and_what_next() {
        let files: Vec<PathBuf> = vec![
            "/r/a.md".into(),
            "/r/a.public.md".into(),
            "/r/a.recovery.svg".into(),
        ];
        assert_eq!(
            exported(None, &files),
            "Exported to /r: the .md for the team, the .public.md to share"
        );
        let apart: Vec<PathBuf> = vec!["/r/a.md".into(), "/s/a.public.md".into()];
        assert_eq!(
            exported(None, &apart),
            "Exported /r/a.md and /s/a.public.md"
        );
        let here: Vec<PathBuf> = vec!["a.md".into(), "a.public.md".into()];
        assert!(exported(None, &here).starts_with("Exported to .: "));
        let odd: Vec<PathBuf> = vec!["/r\x1b[2J/a.md".into(), "/r\x1b[2J/a.public.md".into()];
        assert!(
            !exported(None, &odd).contains('\x1b'),
            "{}",
            exported(None, &odd)
        );
    }
}
