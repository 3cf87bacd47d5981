//! The prompts pane: questions that keep the meeting on learning, for the
//! focused pane. Ask how, not why.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use super::text::wrap;
use super::theme::Theme;
use crate::app::{App, Pane};

fn title(theme: &Theme, pane: Pane) -> Line<'static> {
    Line::from(vec![
        Span::styled(" Ask ", theme.heading),
        Span::styled(format!("· {} ", pane.short().to_lowercase()), theme.muted),
    ])
}

/// The pane's questions starting with the one to ask next.
fn in_turn(app: &App, pane: Pane) -> Vec<&str> {
    let questions = app.prompts.for_pane(pane);
    let next = app.workspace().map_or(0, |ws| ws.asked[pane.index()]) % questions.len().max(1);
    questions[next..]
        .iter()
        .chain(&questions[..next])
        .map(String::as_str)
        .collect()
}

/// The questions in a bordered pane, wrapped, as many as fit.
pub fn draw(app: &App, pane: Pane, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.theme);
    let block = Block::bordered()
        .border_style(theme.border)
        .title(title(theme, pane));
    let inner = block.inner(area);
    block.render(area, buf);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let width = usize::from(inner.width.saturating_sub(2));
    let mut lines = super::coach::guidance(app, theme, width);
    lines.truncate(usize::from(inner.height));
    let typing =
        super::coach::typed(app).is_some_and(|t| !super::coach::flags(&app.coach, &t).is_empty());
    let questions = if typing {
        Vec::new()
    } else {
        in_turn(app, pane)
    };
    for (n, q) in questions.iter().enumerate() {
        let wrapped = wrap(q, width);
        // Only whole questions: stop before one that would be cut off.
        let spacer = usize::from(n > 0);
        if lines.len() + spacer + wrapped.len() > usize::from(inner.height) {
            break;
        }
        if n > 0 {
            lines.push(Line::raw(""));
        }
        // The question to ask next stands out; `.` moves on.
        let style = if n == 0 { theme.heading } else { theme.text };
        for (i, l) in wrapped.into_iter().enumerate() {
            let bullet = if i == 0 { "› " } else { "  " };
            lines.push(Line::from(vec![
                Span::styled(bullet, theme.key),
                Span::styled(l, style),
            ]));
        }
    }
    for (i, line) in lines.into_iter().enumerate() {
        let y = inner.y + i as u16;
        line.render(
            Rect {
                y,
                height: 1,
                ..inner
            },
            buf,
        );
    }
}

/// The narrow layout's strip: a rule with the title, then the first
/// questions, one line each.
pub fn strip(app: &App, pane: Pane, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.theme);
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme.border)
        .title(title(theme, pane));
    let inner = block.inner(area);
    block.render(area, buf);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    // The flags of the text being typed come first, one line each.
    let mut lines: Vec<Line> = match super::coach::typed(app) {
        Some(text) => super::coach::flags(&app.coach, &text)
            .iter()
            .map(|f| super::coach::flag_line(app, theme, f))
            .collect(),
        None => Vec::new(),
    };
    lines.extend(in_turn(app, pane).into_iter().enumerate().map(|(n, q)| {
        let style = if n == 0 { theme.heading } else { theme.text };
        Line::from(vec![Span::styled("› ", theme.key), Span::styled(q, style)])
    }));
    super::list::render_lines(lines, inner, buf);
}
