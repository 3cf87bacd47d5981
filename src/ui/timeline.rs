//! Pane 1: the timeline, as a table of time, actor, phase, impact on
//! recovery, star and text.

use chrono::{DateTime, NaiveDate, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};

use super::keys;
use super::list::{self, List};
use super::text::{one_line, wrap};
use super::theme::Theme;
use crate::app::commands::{CommandId, Scope};
use crate::app::{App, Pane, Workspace};
use crate::domain::{Event, Impact, Offset, Phase, Review, Source};

/// Below this inner width, phases are abbreviated and actors narrower.
const ROOMY: u16 = 96;

/// How a time is written: "14:02" on the incident's day, "18 Nov 09:30"
/// on another.
pub fn time(offset: Offset, day: NaiveDate, at: DateTime<Utc>) -> String {
    let local = offset.local(at);
    if local.date_naive() == day {
        local.format("%H:%M").to_string()
    } else {
        local.format("%d %b %H:%M").to_string()
    }
}

/// Whether every event falls on the incident's day; the timeline is in
/// time order, so the first and last event tell.
fn all_on(r: &Review, day: NaiveDate) -> bool {
    let on = |e: Option<&Event>| e.is_none_or(|e| r.offset.local(e.at).date_naive() == day);
    on(r.timeline.first()) && on(r.timeline.last())
}

/// A phase in at most nine cells, for narrow tables.
fn phase_short(p: Phase) -> &'static str {
    match p {
        Phase::Detection => "detect",
        Phase::Triage => "triage",
        Phase::Investigation => "investig.",
        Phase::Identification => "identify",
        Phase::Remediation => "remediate",
    }
}

/// "+ positive": the impact as a symbol and a word, never colour alone.
pub fn impact(theme: &Theme, i: Impact) -> Span<'static> {
    Span::styled(format!("{} {}", i.symbol(), i.label()), theme.impact(i))
}

pub fn draw(app: &App, ws: &Workspace, area: Rect, buf: &mut Buffer, focused: bool) {
    let (spec, cells, detail) = spec(app, ws, area, focused);
    list::draw(Theme::of(app.theme), area, buf, spec, cells, detail);
}

/// Where the rows go in the pane at `area`, as [`draw`] draws them.
pub fn place(app: &App, ws: &Workspace, area: Rect, focused: bool) -> list::Placement {
    let (spec, cells, detail) = spec(app, ws, area, focused);
    list::place(area, &spec, &cells, &detail).0
}

/// The list as drawn at `area`: its columns and rows, each row's cells
/// and the preview of the selected item.
fn spec<'a>(
    app: &'a App,
    ws: &'a Workspace,
    area: Rect,
    focused: bool,
) -> (List<'a>, list::Cells<'a>, list::Detail<'a>) {
    let theme = Theme::of(app.theme);
    let r = &ws.review;
    let day = r.incident_date();
    let roomy = area.width.saturating_sub(2 + list::MARKER) >= ROOMY;
    let time_width = if all_on(r, day) { 5 } else { 12 };
    let columns = vec![
        ("Time", Constraint::Length(time_width)),
        ("Actor", Constraint::Length(if roomy { 16 } else { 11 })),
        ("Phase", Constraint::Length(if roomy { 14 } else { 9 })),
        ("Impact", Constraint::Length(10)),
        ("★", Constraint::Length(1)),
        ("What happened", Constraint::Fill(1)),
    ];
    let key = |id| keys::first(&app.keymap, Scope::Timeline, id).unwrap_or_default();
    let add = keys::first(&app.keymap, Scope::List, CommandId::Add).unwrap_or_default();
    let empty = vec![
        Line::raw("No events yet. When did we first know?"),
        Line::raw(""),
        Line::from(vec![
            Span::styled(key(CommandId::QuickEntry), theme.key),
            Span::raw(" types one in a line: 16:02 gary: saw the login page fail"),
        ]),
        Line::from(vec![
            Span::styled(add, theme.key),
            Span::raw(" adds one with every field"),
        ]),
    ];
    let spec = List {
        pane: Pane::Timeline,
        focused,
        len: r.timeline.len(),
        cursor: ws.cursor(Pane::Timeline),
        columns,
        empty,
        wraps: Some(5),
    };
    let cells = move |i: usize| {
        let Some(e) = r.timeline.get(i) else {
            return Vec::new();
        };
        let phase = match e.phase {
            Some(p) if roomy => Span::raw(p.label()),
            Some(p) => Span::raw(phase_short(p)),
            None => Span::styled("—", theme.muted),
        };
        let actor = match &e.actor {
            Some(a) => Span::raw(a.as_str()),
            None => Span::styled("—", theme.muted),
        };
        let star = if e.starred {
            Span::styled("★", theme.star)
        } else {
            Span::raw(" ")
        };
        let mut text: Vec<Span> = super::coach::markers(app, theme, e.internal, e.quote, &e.text);
        text.push(Span::raw(one_line(&e.text)));
        vec![
            Line::raw(time(r.offset, day, e.at)),
            Line::from(actor),
            Line::from(phase),
            Line::from(impact(theme, e.impact)),
            Line::from(star),
            Line::from(text),
        ]
    };
    let preview = move |i, width| detail(app, theme, r, i, width);
    (spec, Box::new(cells), Box::new(preview))
}

/// Event `i` in full, its text wrapped to `width`: what is known about
/// it on the first line, then its whole text and its links. Shown under
/// the list and in the spotlight.
pub(super) fn detail(
    app: &App,
    theme: &Theme,
    r: &Review,
    i: usize,
    width: usize,
) -> Vec<Line<'static>> {
    let Some(e) = r.timeline.get(i) else {
        return Vec::new();
    };
    let day = r.incident_date();
    let dot = || Span::styled(" · ", theme.muted);
    let mut meta = vec![
        Span::styled(time(r.offset, day, e.at), theme.heading),
        dot(),
        Span::raw(
            e.actor
                .as_ref()
                .map_or("nobody named".into(), |a| a.to_string()),
        ),
        dot(),
        Span::raw(e.kind.label()),
        dot(),
        Span::raw(e.phase.map_or("no phase", Phase::label)),
        dot(),
        impact(theme, e.impact),
    ];
    if e.starred {
        meta.extend([dot(), Span::styled("★ starred", theme.star)]);
    }
    if e.internal {
        meta.extend([dot(), Span::styled("internal only", theme.internal)]);
    }
    if e.source == Source::Imported {
        // The origin names its source first: `slack:C0INCIDENT:…`.
        let from = e
            .origin
            .as_ref()
            .and_then(|o| o.as_str().split(':').next())
            .filter(|s| !s.is_empty());
        let label = from.map_or("imported".into(), |f| format!("imported from {f}"));
        meta.extend([dot(), Span::styled(label, theme.muted)]);
    }
    let mut lines = vec![Line::from(meta)];
    lines.extend(wrap(&e.text, width).into_iter().map(Line::raw));
    lines.extend(
        e.links
            .iter()
            .map(|l| Line::styled(format!("link: {l}"), theme.muted)),
    );
    lines.extend(super::coach::item_flags(app, theme, &e.text, e.quote));
    lines.extend(super::coach::reframed(app, theme, &e.text, &e.reframed));
    lines
}
