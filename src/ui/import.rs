//! The import view: first the path of the export (and the channel, for
//! an export of several), then the candidate events as a table of mark,
//! time, actor, kind and text, with what the import would do above it and
//! the people not among the participants below it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::keys;
use super::layout::{backdrop, centered};
use super::list::{self, RowStyle, fit_line};
use super::text::wrap;
use super::theme::Theme;
use crate::app::App;
use crate::app::commands::{CommandId, Scope};
use crate::app::import::{Importing, Listing, Step};
use crate::domain::Review;
use crate::domain::text::visible_line;

/// The lines under the table that show the selected line in full.
const DETAIL: u16 = 2;

pub fn draw(app: &App, imp: &Importing, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.theme);
    match &imp.step {
        Step::Path { area: typed, error } => {
            let popup = ask_frame(app, theme, area, buf, 9);
            let mut y = popup.y;
            let width = usize::from(popup.width);
            let line = |text: &str| Line::styled(text.to_owned(), theme.muted);
            let intro = [
                "The export: a Slack .zip or folder, Discord, PagerDuty or Mattermost JSON,",
                "an irssi or WeeChat log, a shell history, or lines like 16:02 gary: text",
            ];
            for text in intro {
                fit_line(line(text), width).render(
                    Rect {
                        y,
                        height: 1,
                        ..popup
                    },
                    buf,
                );
                y += 1;
            }
            y += 1;
            Line::styled("Path ", theme.field_focused).render(Rect::new(popup.x, y, 5, 1), buf);
            let mut shown = (**typed).clone();
            shown.set_cursor_line_style(theme.text);
            shown.render(
                Rect::new(popup.x + 5, y, popup.width.saturating_sub(5), 1),
                buf,
            );
            y += 2;
            // The whole error: the file, the place and what was expected.
            if let Some(e) = error {
                for text in wrap(&format!("✗ {e}"), width).into_iter().take(4) {
                    fit_line(Line::styled(text, theme.error), width).render(
                        Rect {
                            y,
                            height: 1,
                            ..popup
                        },
                        buf,
                    );
                    y += 1;
                }
            }
        }
        Step::Channel {
            path,
            channels,
            selected,
        } => {
            let rows = channels
                .len()
                .min(usize::from(area.height.saturating_sub(8)));
            let popup = ask_frame(app, theme, area, buf, rows as u16 + 2);
            let head = format!("{} holds several channels: which one?", visible_line(path));
            fit_line(Line::styled(head, theme.muted), usize::from(popup.width))
                .render(Rect { height: 1, ..popup }, buf);
            let cursor = crate::app::state::Cursor {
                selected: *selected,
                offset: 0,
            };
            let w = list::window(cursor, channels.len(), rows);
            for (n, i) in (w.start..w.end).enumerate() {
                let y = popup.y + 2 + n as u16;
                let style = if Some(i) == w.selected {
                    theme.selected
                } else {
                    theme.text
                };
                let mark = if Some(i) == w.selected { "▶ " } else { "  " };
                fit_line(
                    Line::styled(format!("{mark}#{}", channels[i]), style),
                    usize::from(popup.width),
                )
                .render(Rect::new(popup.x, y, popup.width, 1), buf);
            }
        }
        Step::List(l) => {
            listing(app, theme, l, area, buf);
            if let Some(form) = &l.edit {
                super::form::draw(app, form, area, buf);
            }
        }
    }
}

/// The bordered box that asks, `inner` rows high inside its padding;
/// returns where its lines go.
fn ask_frame(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, inner: u16) -> Rect {
    let popup = centered(area, 84.min(area.width.saturating_sub(2)), inner + 4);
    backdrop(theme, area, popup, buf);
    let key = |id| keys::first(&app.keymap, Scope::ImportAsk, id).unwrap_or_default();
    let footer = Line::from(vec![
        Span::raw(" "),
        Span::styled(key(CommandId::ImportRead), theme.key),
        Span::styled(" read · ", theme.muted),
        Span::styled(key(CommandId::Close), theme.key),
        Span::styled(" cancel ", theme.muted),
    ]);
    let block = Block::bordered()
        .style(theme.overlay)
        .border_style(theme.border_focused)
        .title(Line::styled(
            " Import into the timeline ",
            theme.pane_title_focused,
        ))
        .title_bottom(footer);
    let inside = block.inner(popup);
    block.render(popup, buf);
    Rect {
        x: inside.x + 1,
        y: inside.y + 1,
        width: inside.width.saturating_sub(2),
        height: inside.height.saturating_sub(2),
    }
}

/// The list of candidate events, filling the screen.
fn listing(app: &App, theme: &Theme, l: &Listing, area: Rect, buf: &mut Buffer) {
    let Some(ws) = app.workspace() else {
        return;
    };
    let r = &ws.review;
    Clear.render(area, buf);
    buf.set_style(area, theme.text);
    let hints = keys::for_scopes(&app.keymap, &[Scope::Import]);
    let mut hint_line = keys::line(
        theme,
        &hints,
        keys::first(&app.keymap, Scope::Import, CommandId::Help).as_deref(),
        usize::from(area.width.saturating_sub(6)),
    );
    hint_line.spans.insert(0, Span::raw(" "));
    hint_line.spans.push(Span::raw(" "));
    let title = format!(" Import from {}: {} ", l.plan.format, visible_line(&l.path));
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(fit_line(
            Line::styled(title, theme.pane_title_focused),
            usize::from(area.width.saturating_sub(14)),
        ))
        .title_top(
            Line::styled(
                format!(
                    " {}/{} ",
                    (l.cursor.selected + 1).min(l.shown.len()),
                    l.shown.len()
                ),
                theme.muted,
            )
            .right_aligned(),
        )
        .title_bottom(hint_line);
    let inner = block.inner(area);
    block.render(area, buf);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let line_at = |y: u16, line: Line<'_>, buf: &mut Buffer| {
        fit_line(line, usize::from(inner.width)).render(Rect::new(inner.x, y, inner.width, 1), buf);
    };
    line_at(inner.y, summary(theme, l), buf);
    line_at(inner.y + 1, filters(app, theme, r, l), buf);
    let table = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(2 + DETAIL + 1),
        ..inner
    };
    rows(theme, r, l, table, buf);
    // The selected line in full, for a text the table cuts.
    let bottom = inner.bottom().saturating_sub(1);
    if let Some(i) = l.selected_row() {
        let text = visible_line(&l.plan.rows[i].candidate.text).replace('\n', " ");
        let mut lines = wrap(&text, usize::from(inner.width));
        if lines.len() > usize::from(DETAIL) {
            lines.truncate(usize::from(DETAIL));
            if let Some(last) = lines.last_mut() {
                last.push_str(" …");
            }
        }
        for (n, text) in lines.into_iter().enumerate() {
            let y = bottom.saturating_sub(DETAIL) + n as u16;
            line_at(y, Line::styled(text, theme.muted), buf);
        }
    }
    line_at(bottom, newcomers(app, theme, l), buf);
}

fn summary(theme: &Theme, l: &Listing) -> Line<'static> {
    let kept = l.to_add().count();
    let already = l.plan.rows.iter().filter(|r| r.already).count();
    let mut spans = vec![
        Span::styled(format!("{kept} to add"), theme.heading),
        Span::styled(format!(" of {} lines", l.plan.rows.len()), theme.text),
    ];
    let mut more = Vec::new();
    if already > 0 {
        more.push(format!("{already} in the review already"));
    }
    let hidden = l.plan.rows.len() - l.shown.len();
    if hidden > 0 {
        more.push(format!("{hidden} hidden by the filters"));
    }
    if l.plan.left_out_total() > 0 {
        more.push(format!(
            "{} left out ({})",
            l.plan.left_out_total(),
            l.plan.reasons()
        ));
    }
    if l.plan.masked > 0 {
        more.push(format!("{} secrets masked", l.plan.masked));
    }
    for m in more {
        spans.push(Span::styled(" · ", theme.muted));
        spans.push(Span::styled(m, theme.muted));
    }
    Line::from(spans)
}

fn filters(app: &App, theme: &Theme, r: &Review, l: &Listing) -> Line<'static> {
    if l.filter.is_empty() {
        let key = |id| keys::first(&app.keymap, Scope::Import, id).unwrap_or_default();
        return Line::from(vec![
            Span::styled("Showing every line; ", theme.muted),
            Span::styled(key(CommandId::ImportBots), theme.key),
            Span::styled(" hides bots and alerts, ", theme.muted),
            Span::styled(key(CommandId::ImportPerson), theme.key),
            Span::styled(" one person, ", theme.muted),
            Span::styled(
                format!(
                    "{} {} a time range",
                    key(CommandId::ImportFrom),
                    key(CommandId::ImportTo)
                ),
                theme.key,
            ),
        ]);
    }
    let mut parts = vec!["Showing".to_owned()];
    if let Some(p) = &l.filter.person {
        parts.push(format!("only {}", visible_line(p)));
    }
    if l.filter.no_bots {
        parts.push("no bots or alerts".into());
    }
    if let Some(f) = l.filter.from {
        parts.push(format!("from {}", time(r, l, f)));
    }
    if let Some(t) = l.filter.to {
        parts.push(format!("to {}", time(r, l, t)));
    }
    let key = keys::first(&app.keymap, Scope::Import, CommandId::ImportClear).unwrap_or_default();
    Line::from(vec![
        Span::styled(parts.join(" · "), theme.warning),
        Span::styled(" (", theme.muted),
        Span::styled(key, theme.key),
        Span::styled(" shows every line)", theme.muted),
    ])
}

/// A time in the review's offset, with the date when the lines fall on
/// more than one day.
fn time(r: &Review, l: &Listing, at: chrono::DateTime<chrono::Utc>) -> String {
    let local = r.offset.local(at);
    if l.dated {
        local.format("%d %b %H:%M").to_string()
    } else {
        local.format("%H:%M").to_string()
    }
}

fn rows(theme: &Theme, r: &Review, l: &Listing, area: Rect, buf: &mut Buffer) {
    let area = Rect {
        x: area.x.saturating_sub(1),
        width: area.width + 1,
        ..area
    };
    let body = list::past_marker(area);
    let wide = area.width >= 100;
    let cols = list::columns(
        body,
        &[
            Constraint::Length(7),
            Constraint::Length(if l.dated { 12 } else { 5 }),
            Constraint::Length(if wide { 16 } else { 10 }),
            Constraint::Length(12),
            Constraint::Fill(1),
        ],
    );
    list::header(
        theme,
        buf,
        area.y,
        &cols,
        &["Keep", "Time", "Actor", "Kind", "What happened"],
    );
    let height = usize::from(area.height.saturating_sub(1));
    if l.shown.is_empty() {
        let msg = if l.plan.rows.is_empty() {
            "The export holds no event in the time window"
        } else {
            "No line shows with these filters"
        };
        let below = Rect {
            y: body.y + 1,
            height: body.height.saturating_sub(1),
            ..body
        };
        list::render_lines([Line::styled(msg, theme.muted)], below, buf);
        return;
    }
    let w = list::window(l.cursor, l.shown.len(), height);
    for (n, at) in (w.start..w.end).enumerate() {
        let i = l.shown[at];
        let p = &l.plan.rows[i];
        let c = &p.candidate;
        let (mark, style) = if p.already {
            ("= there", theme.muted)
        } else if l.keep[i] {
            ("✓ keep", theme.positive)
        } else {
            ("✗ drop", theme.muted)
        };
        let text_style = if l.keep[i] && !p.already {
            theme.text
        } else {
            theme.muted
        };
        let actor = match &c.actor {
            Some(a) => Span::styled(visible_line(a).into_owned(), text_style),
            None => Span::styled("—", theme.muted),
        };
        let mut text = Vec::new();
        if l.fixed[i] {
            text.push(Span::styled("✎ ", theme.key));
        }
        text.push(Span::styled(
            visible_line(&c.text).replace('\n', " "),
            text_style,
        ));
        let cells = vec![
            Line::styled(mark, style),
            Line::styled(time(r, l, c.at), text_style),
            Line::from(actor),
            Line::styled(c.kind.label(), text_style),
            Line::from(text),
        ];
        let how = RowStyle {
            selected: (Some(at) == w.selected).then_some(true),
            height: 1,
            wraps: None,
        };
        list::row(theme, buf, area, area.y + 1 + n as u16, &cols, cells, how);
    }
}

fn newcomers(app: &App, theme: &Theme, l: &Listing) -> Line<'static> {
    if l.newcomers.is_empty() {
        return Line::styled(
            "Every actor of the lines to add is among the participants",
            theme.muted,
        );
    }
    let names: Vec<String> = l
        .newcomers
        .iter()
        .map(|n| visible_line(n).into_owned())
        .collect();
    let key = keys::first(&app.keymap, Scope::Import, CommandId::ImportPeople).unwrap_or_default();
    let (state, what) = if l.add_people {
        ("added as participants", "keeps them out")
    } else {
        ("not among the participants", "adds them")
    };
    Line::from(vec![
        Span::styled(format!("{}: {state} (", names.join(", ")), theme.text),
        Span::styled(key, theme.key),
        Span::styled(format!(" {what})"), theme.muted),
    ])
}
