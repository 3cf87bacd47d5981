//! The details pane's "Related reviews": the library's reviews that share
//! a service, a tag, an incident or a factor's words with the open one;
//! and the list of them over the workspace, to open one.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::keys;
use super::layout::{backdrop, centered};
use super::list::{self, fit_line};
use super::text::wrap_line;
use super::theme::Theme;
use crate::app::commands::{CommandId, Scope};
use crate::app::related::RelatedView;
use crate::app::state::Cursor;
use crate::app::{App, Workspace};
use crate::domain::text::visible_line;

/// The section, `width` cells wide, in at most `most` lines; nothing for a
/// view that does not look (a watcher's). Once some are found it names
/// the key that lists them to open one.
pub fn lines(app: &App, ws: &Workspace, width: usize, most: usize) -> Vec<Line<'static>> {
    let theme = Theme::of(app.theme);
    let open = keys::first(&app.keymap, Scope::Workspace, CommandId::Related)
        .map(|k| format!(" · {k} opens one"))
        .unwrap_or_default();
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
                "{}{open} · {} ({})",
                related.len(),
                visible_line(&first.title),
                visible_line(&first.why())
            ),
            theme.muted,
        ));
        return wrap_line(&line, width, most.max(1));
    }
    let mut out = vec![heading(Span::styled(
        format!("{}{open}", related.len()),
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

/// The list of related reviews over the workspace: each review's title,
/// severity and date, then its id and why it relates; "looking…" while
/// the library is read.
pub fn draw(app: &App, ws: &Workspace, selected: usize, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.theme);
    let related = ws.related.list().unwrap_or_default();
    let width = area.width.saturating_sub(4).min(100);
    // Two lines a review, the borders and a line of keys.
    let wanted = (related.len().max(1) * 2) as u16 + 3;
    let height = wanted.min(area.height.saturating_sub(2)).max(6);
    let popup = centered(area, width, height);
    backdrop(theme, area, popup, buf);
    let count = match &ws.related {
        RelatedView::Found { related, .. } => format!(" {} ", reviews(related.len())),
        _ => String::new(),
    };
    let key =
        |id| keys::first(&app.keymap, Scope::Related, id).unwrap_or_else(|| "(no key)".into());
    let mut footer = Vec::new();
    if !related.is_empty() {
        footer.extend([
            Span::styled(key(CommandId::OpenItem), theme.key),
            Span::styled(" open · ", theme.muted),
        ]);
    }
    footer.extend([
        Span::styled(key(CommandId::Close), theme.key),
        Span::styled(" close", theme.muted),
    ]);
    if let Some(back) = app.came_from() {
        footer.extend([
            Span::styled(" · ", theme.muted),
            Span::styled(key(CommandId::RelatedBack), theme.key),
            Span::styled(
                format!(" back to {}", visible_line(&back.title)),
                theme.muted,
            ),
        ]);
    }
    let block = Block::bordered()
        .style(theme.overlay)
        .border_style(theme.border_focused)
        .title(Line::styled(" Related reviews ", theme.pane_title_focused))
        .title_top(Line::styled(count, theme.muted).right_aligned());
    let inner = block.inner(popup);
    block.render(popup, buf);
    if inner.height < 2 || inner.width < 10 {
        return;
    }
    // A column of room on the right, as on the left of the marker.
    let body = Rect {
        width: inner.width - 1,
        height: inner.height - 1,
        ..inner
    };
    let keys_row = Rect {
        x: inner.x + 1,
        y: inner.bottom() - 1,
        width: inner.width.saturating_sub(2),
        height: 1,
    };
    fit_line(Line::from(footer), usize::from(keys_row.width)).render(keys_row, buf);
    let said = |text: &str| {
        wrap_line(
            &Line::styled(text.to_owned(), theme.muted),
            usize::from(body.width.saturating_sub(2)),
            usize::from(body.height),
        )
    };
    let text_area = Rect {
        x: body.x + 1,
        width: body.width.saturating_sub(2),
        ..body
    };
    match &ws.related {
        RelatedView::Found { related, .. } if !related.is_empty() => {}
        RelatedView::Found { .. } => {
            return list::render_lines(
                said(
                    "None found: no other review shares a service, a tag, an incident or a factor's words with this one",
                ),
                text_area,
                buf,
            );
        }
        RelatedView::Failed(why) => {
            let text = format!("Not known: {}", visible_line(why));
            return list::render_lines(said(&text), text_area, buf);
        }
        RelatedView::Looking | RelatedView::Off => {
            return list::render_lines(said("looking…"), text_area, buf);
        }
    }
    let cols = list::columns(
        list::past_marker(body),
        &[
            Constraint::Fill(1),
            Constraint::Length(6),
            Constraint::Length(11),
        ],
    );
    let win = list::window(
        Cursor {
            selected,
            offset: 0,
        },
        related.len(),
        usize::from(body.height / 2),
    );
    for (n, r) in related[win.start..win.end].iter().enumerate() {
        let y = body.y + 2 * n as u16;
        // The second line first: the row's bar is laid over both.
        let why = Line::from(vec![
            Span::styled(visible_line(&r.id).into_owned(), theme.muted),
            Span::styled(" · ", theme.muted),
            Span::raw(visible_line(&r.why()).into_owned()),
        ]);
        let second = Rect {
            x: body.x + list::MARKER + 2,
            y: y + 1,
            width: body.width.saturating_sub(list::MARKER + 2),
            height: 1,
        };
        if second.y < body.bottom() {
            fit_line(why, usize::from(second.width)).render(second, buf);
        }
        let cells = vec![
            Line::raw(visible_line(&r.title).into_owned()),
            Line::from(Span::styled(
                format!(" {} ", r.severity.label().to_uppercase()),
                theme.severity(r.severity),
            )),
            Line::styled(r.date.format("%-d %b %Y").to_string(), theme.muted),
        ];
        list::row(
            theme,
            buf,
            Rect {
                height: body.height,
                ..inner
            },
            y,
            &cols,
            cells,
            list::RowStyle {
                selected: (win.selected == Some(win.start + n)).then_some(true),
                height: 2,
                wraps: None,
            },
        );
    }
}

/// "1 review", "3 reviews".
fn reviews(n: usize) -> String {
    if n == 1 {
        "1 review".to_owned()
    } else {
        format!("{n} reviews")
    }
}
