//! The current step of the quick review, on the right: its guidance, its
//! text areas, the lines that cannot be read and why, and what it will
//! file.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::super::list::render_lines;
use super::super::text::wrap;
use super::super::theme::Theme;
use super::editor;
use crate::app::App;
use crate::app::Workspace;
use crate::app::quick::{Checked, Editor, MAX_ACTIONS, MOMENT_LABELS, Quick, Step};
use crate::domain::text::visible_line;
use crate::domain::{ActionItem, Check, Metrics, Priority, PublicField, Review, format_duration};

/// The width of a key moment's label, its marker included.
const LABEL: usize = 17;
/// The width of a key moment's value: room for `2026-11-23 16:02`.
const VALUE: u16 = 17;

pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Muted guidance wrapped to `width`.
pub(super) fn guidance(theme: &Theme, text: &str, width: usize) -> Vec<Line<'static>> {
    wrap(text, width)
        .into_iter()
        .map(|l| Line::styled(l, theme.muted))
        .collect()
}

/// Takes `height` rows off the top of `area`.
fn take(area: &mut Rect, height: u16) -> Rect {
    let height = height.min(area.height);
    let top = Rect { height, ..*area };
    area.y += height;
    area.height -= height;
    top
}

/// Lines of text in `area`, taking their rows off it.
pub(super) fn put(lines: Vec<Line<'_>>, area: &mut Rect, buf: &mut Buffer) {
    let rect = take(area, lines.len() as u16);
    render_lines(lines, rect, buf);
}

/// A text area without the focus, as plain text (its placeholder as a
/// ghost when empty).
fn resting(theme: &Theme, area: &Editor, rect: Rect, buf: &mut Buffer) {
    let text = area.lines().join("\n");
    let lines: Vec<Line> = if text.trim().is_empty() {
        vec![Line::styled(
            area.placeholder_text().to_owned(),
            theme.ghost,
        )]
    } else {
        wrap(&text, usize::from(rect.width))
            .into_iter()
            .map(|l| Line::styled(l, theme.field))
            .collect()
    };
    render_lines(lines, rect, buf);
}

/// The first flag of the bias coach in the focused text, if any.
fn coach_line(app: &App, theme: &Theme, q: &Quick) -> Option<Line<'static>> {
    let text = q.focused()?.lines().join("\n");
    let flag = super::super::coach::flags(&app.coach, &text)
        .into_iter()
        .next()?;
    Some(super::super::coach::flag_line(app, theme, &flag))
}

/// The line of `area` being typed (changed, with the cursor at its end),
/// so it is not judged yet; none when the text is as it was applied.
fn typing_row(q: &Quick, area: &Editor) -> Option<usize> {
    let (row, col) = (area.cursor().0, area.cursor().1);
    let at_end = area
        .lines()
        .get(row)
        .is_some_and(|l| col >= l.chars().count());
    (at_end && q.typing()).then_some(row)
}

/// The lines that cannot be read (`bad`, their rows), with why, at most
/// `max` of them.
fn errors<T>(
    theme: &Theme,
    q: &Quick,
    checks: &[Checked<T>],
    bad: &[usize],
    area: &Editor,
    max: usize,
) -> Vec<Line<'static>> {
    let typing = typing_row(q, area);
    let shown = bad.iter().filter(|i| typing != Some(**i));
    let more = shown.clone().count().saturating_sub(max);
    let mut lines: Vec<Line> = shown
        .filter_map(|i| match checks.get(*i) {
            Some(Checked::Bad(why)) => Some(Line::styled(
                format!("✗ line {}: {why}", i + 1),
                theme.error,
            )),
            _ => None,
        })
        .take(max)
        .collect();
    if more > 0 {
        lines.push(Line::styled(format!("  … and {more} more"), theme.error));
    }
    lines
}

fn happened(theme: &Theme, q: &Quick, mut area: Rect, buf: &mut Buffer) {
    let w = usize::from(area.width);
    let date = q.base_date().format("%Y-%m-%d");
    let mut top = guidance(
        theme,
        "One event a line: the time, who (if anyone), what happened; #alert #triage at the end give its kind and phase.",
        w,
    );
    top.extend(guidance(
        theme,
        &format!("A time alone falls on {date}, or on the date of the line above."),
        w,
    ));
    top.push(Line::raw(""));
    put(top, &mut area, buf);
    let (n, bad) = q.events_read();
    let errs = errors(theme, q, q.event_checks(), bad, &q.events, 3);
    let summary = if n == 0 {
        Line::styled(
            "Enter starts the next line; Tab goes on to the key moments.",
            theme.ghost,
        )
    } else {
        Line::styled(
            format!(
                "✓ {}, filed in time order when you go on",
                plural(n, "event", "events")
            ),
            theme.muted,
        )
    };
    let foot = errs.len() as u16 + 2;
    let height = area.height.saturating_sub(foot).max(1);
    let text = take(&mut area, height);
    editor::render(&q.events, text, buf);
    take(&mut area, 1);
    let mut lines = errs;
    lines.push(summary);
    put(lines, &mut area, buf);
}

fn moments(theme: &Theme, q: &Quick, mut area: Rect, buf: &mut Buffer) {
    let w = usize::from(area.width);
    let mut top = guidance(
        theme,
        "A time for each: 16:02, or 2026-11-23 16:02. Leave out what is not known.",
        w,
    );
    top.push(Line::raw(""));
    put(top, &mut area, buf);
    let errors = q.moment_errors.iter().flatten().count() as u16;
    let gaps = area.height >= 10 + errors;
    for (i, label) in MOMENT_LABELS.iter().enumerate() {
        if area.height == 0 {
            break;
        }
        let focused = i == q.field;
        let row = take(&mut area, 1);
        let label_line = if focused {
            Line::styled(format!("▶ {label}"), theme.field_focused)
        } else {
            Line::styled(format!("  {label}"), theme.label)
        };
        render_lines([label_line], row, buf);
        let value_x = row.x + LABEL as u16;
        let value = Rect::new(
            value_x,
            row.y,
            VALUE.min(row.right().saturating_sub(value_x)),
            1,
        );
        let text = q.moments[i].lines().join(" ");
        if focused {
            editor::render(&q.moments[i], value, buf);
        } else if text.trim().is_empty() {
            let ghost = if i == 2 { "optional" } else { "—" };
            render_lines([Line::styled(ghost, theme.ghost)], value, buf);
        } else {
            render_lines([Line::styled(text.clone(), theme.field)], value, buf);
        }
        let note_x = value.right() + 1;
        let note = Rect::new(note_x, row.y, row.right().saturating_sub(note_x), 1);
        if let Some(from) = q.offered_from(i) {
            render_lines([Line::styled(format!("({from})"), theme.ghost)], note, buf);
        }
        if let Some(why) = &q.moment_errors[i] {
            let row = take(&mut area, 1);
            let line = Line::styled(format!("✗ {why}"), theme.error);
            let rect = Rect {
                x: value_x,
                width: row.right().saturating_sub(value_x),
                ..row
            };
            render_lines([line], rect, buf);
        }
        if gaps {
            take(&mut area, 1);
        }
    }
}

/// Two texts one above the other, each `h` rows under its heading, the
/// focused one being edited.
pub(super) fn two_fields(
    theme: &Theme,
    q: &Quick,
    fields: [(&str, &Editor); 2],
    h: u16,
    area: &mut Rect,
    buf: &mut Buffer,
) {
    for (i, (heading, text)) in fields.into_iter().enumerate() {
        let focused = i == q.field;
        let label = if focused {
            Line::styled(format!("▶ {heading}"), theme.field_focused)
        } else {
            Line::styled(format!("  {heading}"), theme.label)
        };
        put(vec![label], area, buf);
        let rect = take(area, h);
        let rect = Rect {
            x: rect.x + 2,
            width: rect.width.saturating_sub(2),
            ..rect
        };
        if focused {
            editor::render(text, rect, buf);
        } else {
            resting(theme, text, rect, buf);
        }
        take(area, 1);
    }
}

fn learnings(app: &App, theme: &Theme, q: &Quick, mut area: Rect, buf: &mut Buffer) {
    let mut top = guidance(
        theme,
        "One learning a line. Anything you did not know before is worth writing down.",
        usize::from(area.width),
    );
    top.push(Line::raw(""));
    put(top, &mut area, buf);
    let h = (area.height.saturating_sub(5) / 2).clamp(1, 8);
    let fields = [
        ("What went well", &q.went_well),
        ("What to improve", &q.improve),
    ];
    two_fields(theme, q, fields, h, &mut area, buf);
    if let Some(line) = coach_line(app, theme, q) {
        put(vec![line], &mut area, buf);
    }
}

/// An action item as the review will hold it.
fn action_row(theme: &Theme, a: &ActionItem) -> Line<'static> {
    let priority = a.priority.unwrap_or(Priority::Medium);
    let priority = match a.due {
        Some(due) => format!("{priority}, due {}", due.format("%a %Y-%m-%d")),
        None => priority.to_string(),
    };
    match a.owner.as_ref().filter(|o| !o.trim().is_empty()) {
        Some(owner) => Line::from(vec![
            Span::styled("✓ ", theme.positive),
            Span::styled(format!("{owner} · {priority}: "), theme.muted),
            Span::raw(a.text.to_string()),
        ]),
        None => Line::from(vec![
            Span::styled("! no owner", theme.warning),
            Span::styled(format!(" · {priority}: "), theme.muted),
            Span::raw(a.text.to_string()),
        ]),
    }
}

fn actions(theme: &Theme, q: &Quick, r: &Review, mut area: Rect, buf: &mut Buffer) {
    let w = usize::from(area.width);
    let mut top = guidance(
        theme,
        "One to three, one a line: what to do, then @owner. Priority is medium; add !high or !low to change it, and due:fri or due:+3d for a due date.",
        w,
    );
    top.push(Line::raw(""));
    put(top, &mut area, buf);
    // Counted in usize: a paste can hold more lines than a u16 counts.
    let rows = (q.actions.lines().len().saturating_add(1)).clamp(MAX_ACTIONS, 6) as u16;
    let height = rows.min(area.height.saturating_sub(2)).max(1);
    let text = take(&mut area, height);
    editor::render(&q.actions, text, buf);
    take(&mut area, 1);
    let checks = q.action_checks();
    let (good, bad) = q.actions_read();
    let mut lines: Vec<Line> = checks
        .iter()
        .filter_map(|c| match c {
            Checked::Kept(i) => r.actions.get(*i).map(|a| action_row(theme, a)),
            Checked::Changed(_, a) | Checked::New(a) => Some(action_row(theme, a)),
            _ => None,
        })
        // Only so many rows are drawn.
        .take(usize::from(area.height))
        .collect();
    lines.extend(errors(theme, q, checks, bad, &q.actions, 3));
    if good > MAX_ACTIONS {
        lines.push(Line::styled(
            "! A quick review keeps to the few items that matter",
            theme.warning,
        ));
    }
    put(lines, &mut area, buf);
}

fn export(theme: &Theme, q: &Quick, ws: &Workspace, mut area: Rect, buf: &mut Buffer) {
    let r = &ws.review;
    let w = usize::from(area.width);
    super::summary::draw(theme, q, &mut area, buf);
    let metrics = Metrics::compute(r);
    let moments = r.moments.set_moments().count();
    let held = format!(
        "The review holds {}, {}, {} and {}.",
        plural(r.timeline.len(), "event", "events"),
        plural(moments, "key moment", "key moments"),
        plural(r.learnings.len(), "learning", "learnings"),
        plural(r.actions.len(), "action item", "action items"),
    );
    let spans: Vec<String> = metrics
        .spans
        .iter()
        .map(|s| {
            let value = s.value.map_or("—".to_owned(), format_duration);
            format!("{} {value}", s.short)
        })
        .collect();
    let mut lines = vec![Line::styled("Ready to export", theme.heading)];
    lines.extend(wrap(&held, w).into_iter().map(Line::raw));
    lines.push(Line::styled(spans.join(" · "), theme.muted));
    lines.push(Line::raw(""));
    let unfiled = q.unfiled();
    if !unfiled.is_empty() {
        let text = format!(
            "! {} not read yet will go to the parking lot; Shift-Tab to fix {}.",
            plural(unfiled.len(), "line", "lines"),
            if unfiled.len() == 1 { "it" } else { "them" }
        );
        lines.extend(
            wrap(&text, w)
                .into_iter()
                .map(|l| Line::styled(l, theme.warning)),
        );
        lines.push(Line::raw(""));
    }
    let bottom = 3;
    let mut notes: Vec<String> = Vec::new();
    let mut empty: Vec<&str> = Vec::new();
    for c in Check::all(r, &metrics) {
        match c {
            // What is typed above is not missing, though not filed yet.
            Check::EmptyPublicField(PublicField::Summary) if !q.summary.is_empty() => {}
            Check::EmptyPublicField(PublicField::CustomerImpact) if !q.impact.is_empty() => {}
            Check::EmptyPublicField(f) => empty.push(f.label()),
            other => notes.push(other.message(r)),
        }
    }
    if !empty.is_empty() {
        notes.push(format!(
            "the public summary has nothing under: {}",
            empty.join(", ")
        ));
    }
    if !notes.is_empty() {
        lines.push(Line::styled(
            "Before publishing (! in the workspace fixes them):",
            theme.label,
        ));
        let mut room = usize::from(area.height).saturating_sub(lines.len() + bottom + 1);
        for (i, note) in notes.iter().enumerate() {
            let wrapped = wrap(&format!("· {note}"), w);
            let left = notes.len() - i;
            if wrapped.len() > room || (left > 1 && wrapped.len() == room) {
                lines.push(Line::styled(format!("  … and {left} more"), theme.muted));
                break;
            }
            room -= wrapped.len();
            lines.extend(wrapped.into_iter().enumerate().map(|(n, l)| {
                let l = if n == 0 { l } else { format!("  {l}") };
                Line::styled(l, theme.muted)
            }));
        }
        lines.push(Line::raw(""));
    }
    let folder = ws
        .file
        .as_ref()
        .and_then(|f| f.parent())
        .map(|f| visible_line(&f.display().to_string()).into_owned());
    let into = match folder {
        Some(f) => format!("export {}.md and {}.public.md into {f}", r.id, r.id),
        None => "export the reports beside the review".to_owned(),
    };
    let mut first = true;
    for l in wrap(&into, w.saturating_sub(2)) {
        let key = if first { "⏎ " } else { "  " };
        first = false;
        lines.push(Line::from(vec![Span::styled(key, theme.key), Span::raw(l)]));
    }
    lines.extend(guidance(
        theme,
        "Then share the .public.md with those affected, and follow the action items up in the workspace.",
        w,
    ));
    lines.push(Line::from(vec![
        Span::styled("Esc ", theme.key),
        Span::raw("the full workspace; everything entered is kept"),
    ]));
    let lines: Vec<Line> = lines.into_iter().take(usize::from(area.height)).collect();
    put(lines, &mut area, buf);
}

/// The current step, in a bordered box on the right.
pub(super) fn step(
    app: &App,
    theme: &Theme,
    q: &Quick,
    ws: &Workspace,
    area: Rect,
    buf: &mut Buffer,
) {
    let title = format!(
        " Step {} of {} · {} ",
        q.step.number(),
        Step::ALL.len(),
        q.step.title()
    );
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Line::styled(title, theme.pane_title_focused));
    let inner = block.inner(area);
    block.render(area, buf);
    let content = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let r = &ws.review;
    match q.step {
        Step::Happened => happened(theme, q, content, buf),
        Step::Moments => moments(theme, q, content, buf),
        Step::Learnings => learnings(app, theme, q, content, buf),
        Step::Actions => actions(theme, q, r, content, buf),
        Step::Export => export(theme, q, ws, content, buf),
    }
}
