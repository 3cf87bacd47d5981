//! The quick review on one screen: the header, the five steps down the
//! left (the current one marked "▶", each with what it holds so far), the
//! current step on the right with its text areas, what cannot be read
//! and why, and the keys in the status bar.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

mod editor;
mod step;
mod summary;

use step::plural;

use super::keys::{self, Hint};
use super::list::render_lines;
use super::text::{width, wrap};
use super::theme::Theme;
use crate::app::App;
use crate::app::commands::{CommandId, Scope};
use crate::app::quick::{Editor, MAX_ACTIONS, Quick, Step};

/// The widest the flow is drawn, steps and step together.
const WIDEST: u16 = 124;

/// A short name for the list of steps.
fn short(step: Step) -> &'static str {
    match step {
        Step::Learnings => "Went well / improve",
        Step::Export => "Summary · Export",
        other => other.title(),
    }
}

/// How many lines of a short text are not blank.
fn lines_of(area: &Editor) -> usize {
    area.lines().iter().filter(|l| !l.trim().is_empty()).count()
}

/// What a step holds so far, in a few words, and whether something in it
/// cannot be read.
fn status(q: &Quick, step: Step) -> (String, bool) {
    let [_, went_well, improve, _] = q.filled();
    match step {
        Step::Happened => {
            let (n, bad) = q.events_read();
            let b = bad.len();
            let mut s = if n == 0 && b == 0 {
                "no events yet".to_owned()
            } else {
                plural(n, "event", "events")
            };
            if b > 0 {
                s.push_str(&format!(", {b} not read"));
            }
            (s, b > 0)
        }
        Step::Moments => {
            // A time only offered is not in the review yet: it is told
            // apart from the times set.
            let offered = (0..q.moments.len()).filter(|i| q.offered(*i)).count();
            let set = (0..q.moments.len())
                .filter(|i| lines_of(&q.moments[*i]) > 0 && !q.offered(*i))
                .count();
            let errors = q.moment_errors.iter().flatten().count();
            let s = if errors > 0 {
                format!("{set} set, {errors} not read")
            } else if offered > 0 {
                format!("{set} set, {offered} offered")
            } else {
                format!("{set} of {} set", q.moments.len())
            };
            (s, errors > 0)
        }
        Step::Learnings => (format!("{went_well} well · {improve} improve"), false),
        Step::Actions => {
            let (n, bad) = q.actions_read();
            let b = bad.len();
            let mut s = format!("{n} of {MAX_ACTIONS}");
            if b > 0 {
                s.push_str(&format!(", {b} not read"));
            }
            (s, b > 0)
        }
        Step::Export => {
            let n = lines_of(&q.summary).min(1) + lines_of(&q.impact).min(1);
            if n == 0 {
                ("writes the reports".to_owned(), false)
            } else {
                (format!("summary {n} of 2"), false)
            }
        }
    }
}

/// Whether a step holds anything yet.
fn filled(q: &Quick, step: Step) -> bool {
    let [events, went_well, improve, actions] = q.filled();
    match step {
        Step::Happened => events > 0,
        Step::Moments => q.moments.iter().any(|m| lines_of(m) > 0),
        Step::Learnings => went_well + improve > 0,
        Step::Actions => actions > 0,
        Step::Export => false,
    }
}

/// `text` padded with spaces to `cells` cells, so a highlight spans the
/// whole row.
fn padded(text: String, cells: usize) -> String {
    let w = width(&text);
    if w >= cells {
        text
    } else {
        format!("{text}{}", " ".repeat(cells - w))
    }
}

/// The list of steps down the left.
fn steps(theme: &Theme, q: &Quick, area: Rect, buf: &mut Buffer) {
    let inner = usize::from(area.width.saturating_sub(2));
    let mut lines = vec![
        Line::raw(""),
        Line::styled(" Quick review", theme.heading),
        Line::raw(""),
    ];
    for step in Step::ALL {
        let current = step == q.step;
        let (what, wrong) = status(q, step);
        let mark = if current {
            "▶"
        } else if wrong {
            "✗"
        } else if filled(q, step) {
            "✓"
        } else {
            " "
        };
        let text = padded(format!("{mark} {} {}", step.number(), short(step)), inner);
        let style = if current { theme.selected } else { theme.text };
        lines.push(Line::from(vec![Span::raw(" "), Span::styled(text, style)]));
        let what_style = if wrong { theme.warning } else { theme.muted };
        lines.push(Line::styled(format!("     {what}"), what_style));
    }
    lines.push(Line::raw(""));
    for l in wrap(
        "Every step can be skipped; Esc keeps everything and opens the full workspace.",
        inner.saturating_sub(1),
    ) {
        lines.push(Line::styled(format!(" {l}"), theme.muted));
    }
    render_lines(lines, area, buf);
}

/// Draws the quick review over the whole screen.
pub fn draw(app: &App, q: &Quick, area: Rect, buf: &mut Buffer) {
    let Some(ws) = app.workspace() else {
        return;
    };
    let theme = Theme::of(app.theme);
    Clear.render(area, buf);
    buf.set_style(area, theme.text);
    if area.height < 3 {
        return;
    }
    super::header::draw(app, ws, Rect { height: 1, ..area }, buf);
    super::status::draw(
        app,
        Rect {
            y: area.bottom() - 1,
            height: 1,
            ..area
        },
        buf,
    );
    // On a wide screen the flow keeps to a readable width, centred.
    let wide = area.width.min(WIDEST);
    let body = Rect {
        x: area.x + (area.width - wide) / 2,
        y: area.y + 1,
        width: wide,
        height: area.height - 2,
    };
    let left = if body.width >= 120 { 32 } else { 25 }.min(body.width / 3);
    steps(
        theme,
        q,
        Rect {
            width: left,
            ..body
        },
        buf,
    );
    let right = Rect {
        x: body.x + left,
        width: body.width - left,
        ..body
    };
    step::step(app, theme, q, ws, right, buf);
}

/// The keys of the current step, most useful first, each read from the
/// quick review's commands, with what it does at this step.
pub fn hints(app: &App, q: &Quick) -> Vec<Hint> {
    let key = |id: CommandId| keys::first(&app.keymap, Scope::Quick, id);
    let mut out = Vec::new();
    let mut hint = |id: CommandId, name: &str| {
        if let Some(key) = key(id) {
            out.push(Hint {
                key,
                name: name.to_owned(),
            });
        }
    };
    match q.step {
        Step::Happened | Step::Actions => {
            hint(CommandId::QuickEnter, "new line");
            hint(CommandId::FormNextField, "next step");
        }
        Step::Moments => hint(CommandId::FormNextField, "next moment"),
        Step::Learnings => hint(CommandId::FormNextField, "next"),
        Step::Export => {
            hint(CommandId::QuickEnter, "export");
            hint(CommandId::FormPrevField, "back");
        }
    }
    hint(CommandId::FormCancel, "full workspace");
    if q.step != Step::Export {
        hint(CommandId::NextStep, "skip step");
    }
    hint(CommandId::PrevStep, "step back");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padding_fills_the_row() {
        assert_eq!(padded("▶ 1 x".into(), 7), "▶ 1 x  ");
        assert_eq!(padded("long text".into(), 4), "long text");
    }
}
