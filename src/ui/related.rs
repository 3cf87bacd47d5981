//! The details pane's "Related reviews": the library's reviews that share
//! a service, a tag, an incident or a factor's words with the open one.

use ratatui::text::{Line, Span};

use super::text::wrap_line;
use super::theme::Theme;
use crate::app::Workspace;
use crate::app::related::RelatedView;
use crate::domain::text::visible_line;

/// The section, `width` cells wide, in at most `most` lines; nothing for a
/// view that does not look (a watcher's).
pub fn lines(theme: &Theme, ws: &Workspace, width: usize, most: usize) -> Vec<Line<'static>> {
    let heading =
        |rest: Span<'static>| Line::from(vec![Span::styled("Related reviews ", theme.label), rest]);
    let related = match &ws.related {
        RelatedView::Off => return Vec::new(),
        RelatedView::Looking => return vec![heading(Span::styled("looking…", theme.muted))],
        RelatedView::Failed(why) => {
            let line = heading(Span::styled(
                format!("not known: {}", visible_line(why)),
                theme.warning,
            ));
            return wrap_line(&line, width, most.max(1));
        }
        RelatedView::Found { related, .. } => related,
    };
    if related.is_empty() {
        return wrap_line(
            &heading(Span::styled(
                "none: no other review shares a service, a tag, an incident or a factor's words",
                theme.muted,
            )),
            width,
            most.max(1),
        );
    }
    if most < 3 {
        // One line: how many, and the closest.
        let first = &related[0];
        let line = heading(Span::styled(
            format!(
                "{} · {} ({})",
                related.len(),
                visible_line(&first.title),
                visible_line(&first.why())
            ),
            theme.muted,
        ));
        return wrap_line(&line, width, most.max(1));
    }
    let mut out = vec![heading(Span::styled(
        format!("{}", related.len()),
        theme.muted,
    ))];
    for r in related {
        if out.len() + 2 > most {
            break;
        }
        out.extend(wrap_line(
            &Line::from(vec![
                Span::raw(visible_line(&r.title).into_owned()),
                Span::styled(
                    format!(" · {} · {}", r.severity.label(), r.date.format("%-d %b %Y")),
                    theme.muted,
                ),
            ]),
            width,
            1,
        ));
        out.extend(wrap_line(
            &Line::styled(format!("  {}", visible_line(&r.why())), theme.muted),
            width,
            1,
        ));
    }
    out
}
