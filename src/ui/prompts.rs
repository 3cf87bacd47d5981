//! The prompts pane: what the facilitator needs at the current stage of
//! the meeting. The opening statement at "set the stage", the checks before
//! publishing at "summaries", a warning when the stage runs over its time
//! box, the stage's guidance, then its questions, the next one first. Ask
//! how, not why.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use super::text::wrap;
use super::theme::Theme;
use crate::app::commands::{CommandId, Scope};
use crate::app::{App, Workspace, meeting};
use crate::domain::{Impact, Stage};

fn title(theme: &Theme, stage: Stage) -> Line<'static> {
    Line::from(vec![
        Span::styled(
            format!(" Stage {}/{} ", stage.index() + 1, Stage::ALL.len()),
            theme.heading,
        ),
        Span::styled(format!("· {} ", stage.title()), theme.muted),
    ])
}

/// The stage's questions starting with the one to ask next.
fn in_turn(app: &App, ws: &Workspace) -> Vec<String> {
    let stage = ws.review.meeting.stage;
    let questions = &app.prompts.for_stage(stage).questions;
    let next = ws.asked[stage.index()] % questions.len().max(1);
    questions[next..]
        .iter()
        .chain(&questions[..next])
        .cloned()
        .collect()
}

/// Lines for `width`: `full` wraps everything (the wide pane); otherwise
/// every item takes one line (the narrow strip), except the opening
/// statement, which is there to be read out.
fn lines(app: &App, ws: &Workspace, theme: &Theme, width: usize, full: bool) -> Vec<Line<'static>> {
    let r = &ws.review;
    let stage = r.meeting.stage;
    let mut out: Vec<Line<'static>> = Vec::new();
    let para = |out: &mut Vec<Line<'static>>, text: &str, style, bullet: Option<(&str, _)>| {
        let indent = bullet.map_or(0, |(b, _): (&str, _)| super::text::width(b));
        let wrapped = if full {
            wrap(text, width.saturating_sub(indent))
        } else {
            vec![text.to_owned()]
        };
        for (i, l) in wrapped.into_iter().enumerate() {
            let mut spans = Vec::new();
            if let Some((b, bstyle)) = bullet {
                let b = if i == 0 {
                    b.to_owned()
                } else {
                    " ".repeat(indent)
                };
                spans.push(Span::styled(b, bstyle));
            }
            spans.push(Span::styled(l, style));
            out.push(Line::from(spans));
        }
    };
    if r.meeting.overrun(r.severity, r.kind, app.now) {
        para(
            &mut out,
            "Over time: park open debates in the parking lot (5, then a) and move on (]).",
            theme.warning,
            None,
        );
    }
    // While flagged words are being typed, the flags are all there is.
    if let Some(text) = super::coach::typed(app)
        && !super::coach::flags(&app.coach, &text).is_empty()
    {
        if full {
            out.extend(super::coach::guidance(app, theme, width));
        } else {
            // The strip has room for one line a flag.
            out.extend(
                super::coach::flags(&app.coach, &text)
                    .iter()
                    .map(|f| super::coach::flag_line(app, theme, f)),
            );
        }
        return out;
    }
    let prompts = app.prompts.for_stage(stage);
    match stage {
        Stage::SetTheStage => {
            for l in wrap(&app.prompts.opening, width) {
                out.push(Line::styled(l, theme.heading));
            }
            if full {
                out.push(Line::raw(""));
            }
        }
        Stage::Impact => {
            let left = r
                .timeline
                .iter()
                .filter(|e| e.impact == Impact::Unjudged)
                .count();
            let text = if left == 0 {
                "Every event is judged. C shows the recovery chart.".to_owned()
            } else {
                format!("{left} to judge: + towards recovery · - away from it · = neither")
            };
            para(&mut out, &text, theme.info, None);
        }
        Stage::Summaries => {
            let checks = meeting::checks(ws);
            if checks.is_empty() {
                para(
                    &mut out,
                    "Nothing to check: preview (P), then export (e).",
                    theme.positive,
                    None,
                );
            } else {
                para(
                    &mut out,
                    &format!(
                        "{} to check before publishing; ! opens the next:",
                        checks.len()
                    ),
                    theme.warning,
                    None,
                );
                let next = ws.check % checks.len();
                for (i, c) in checks.iter().enumerate() {
                    let bullet = if i == next { "› " } else { "· " };
                    para(
                        &mut out,
                        &c.message(r),
                        theme.text,
                        Some((bullet, theme.key)),
                    );
                }
            }
            if full {
                out.push(Line::raw(""));
            }
        }
        _ => {}
    }
    // Who has not been heard yet, and whether the timeline starts late.
    if full {
        out.extend(super::coach::guidance(app, theme, width));
    }
    // The wide pane opens with the guidance; the narrow strip, which has
    // room for little, puts the question to ask first.
    if full {
        para(&mut out, &prompts.guidance, theme.muted, None);
    }
    let questions = in_turn(app, ws);
    if !full && let Some(q) = questions.first() {
        para(&mut out, q, theme.heading, Some(("› ", theme.key)));
        para(&mut out, &prompts.guidance, theme.muted, None);
    }
    for (n, q) in questions.iter().enumerate().skip(usize::from(!full)) {
        if full {
            out.push(Line::raw(""));
        }
        // The question to ask next stands out; `.` moves on.
        let style = if n == 0 { theme.heading } else { theme.text };
        para(&mut out, q, style, Some(("› ", theme.key)));
    }
    out
}

/// The stage's prompts in a bordered pane, as many lines as fit.
pub fn draw(app: &App, ws: &Workspace, area: Rect, buf: &mut Buffer) {
    render(app, ws, Borders::ALL, area, buf);
}

/// The narrow layout's strip: a rule with the title, then one line for
/// each thing to say, as many as fit.
pub fn strip(app: &App, ws: &Workspace, area: Rect, buf: &mut Buffer) {
    render(app, ws, Borders::TOP, area, buf);
}

/// The prompts inside `borders`, with the stage as the title; a full
/// border is the wide pane, whose lines wrap.
fn render(app: &App, ws: &Workspace, borders: Borders, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.theme);
    let block = Block::new()
        .borders(borders)
        .border_style(theme.border)
        .title(title(theme, ws.review.meeting.stage));
    let inner = block.inner(area);
    block.render(area, buf);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let full = borders == Borders::ALL;
    let mut lines = lines(app, ws, theme, usize::from(inner.width), full);
    if !full {
        super::list::render_lines(lines, inner, buf);
        return;
    }
    // The wide pane scrolls: what is above or below is said on the border.
    let height = usize::from(inner.height);
    let last = lines.len().saturating_sub(height);
    let top = usize::from(ws.prompts_scroll).min(last);
    let below = lines.len() > top + height;
    let keys = |id| super::keys::first(&app.keymap, Scope::Workspace, id).unwrap_or_default();
    let mark = match (top > 0, below) {
        (false, false) => None,
        (false, true) => Some(format!(" {} more ↓ ", keys(CommandId::PromptsDown))),
        (true, true) => Some(format!(
            " {} ↑ · {} more ↓ ",
            keys(CommandId::PromptsUp),
            keys(CommandId::PromptsDown)
        )),
        (true, false) => Some(format!(" {} ↑ ", keys(CommandId::PromptsUp))),
    };
    if let Some(mark) = mark {
        let w = super::text::width(&mark) as u16;
        let x = area.right().saturating_sub(w + 1).max(area.x);
        buf.set_string(x, area.bottom().saturating_sub(1), mark, theme.muted);
    }
    lines.drain(..top);
    super::list::render_lines(lines, inner, buf);
}

/// How many lines the wide prompts pane can scroll: its lines beyond its
/// height, at the app's size.
pub fn extent(app: &App, ws: &Workspace) -> u16 {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    if super::layout::Mode::of(area) != super::layout::Mode::Wide {
        return 0;
    }
    let areas = super::layout::workspace(area, ws.focus, strip_height(ws));
    let inner = areas.prompts.inner(ratatui::layout::Margin::new(2, 1));
    let theme = Theme::of(app.theme);
    let lines = lines(app, ws, theme, usize::from(inner.width), true);
    u16::try_from(lines.len().saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX)
}

/// The height the narrow strip needs at the workspace's stage.
pub fn strip_height(ws: &Workspace) -> u16 {
    match ws.review.meeting.stage {
        Stage::SetTheStage | Stage::Summaries => super::layout::TALL_STRIP,
        _ => super::layout::PROMPT_STRIP,
    }
}
