//! The form overlay: labelled fields, the focused one live (a text area
//! with its cursor), the others shown as plain text; a ghost completion
//! after what was typed; the field's hint under it; the error that kept
//! the form from saving; and the keys that save and cancel.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::keys;
use super::layout::{backdrop, centered};
use super::list::fit_line;
use super::text::{width, wrap};
use super::theme::Theme;
use crate::app::App;
use crate::app::commands::{CommandId, Scope};
use crate::app::form::{Field, FieldId, Form, Input, Target};
use crate::domain::PublicField;
use crate::domain::checks::{NameInPublic, PublicPlace};

/// The most lines a text of several lines gets.
const MULTILINE_MAX: u16 = 5;

/// How the fields are stacked in the space there is.
struct Plan {
    /// The height of each field's input.
    heights: Vec<u16>,
    /// A blank line between fields when there is room.
    gaps: bool,
    /// The height inside the border.
    inner: u16,
}

fn hint_of(field: &Field, ghost: Option<&str>) -> String {
    let mut hint = field.hint.to_owned();
    if hint.is_empty() && matches!(field.input, Input::Choice { .. } | Input::Toggle(_)) {
        hint = "Space or ← → changes it".to_owned();
    }
    if let Some(name) = ghost {
        let take = format!("→ takes “{name}”");
        hint = if hint.is_empty() {
            take
        } else {
            format!("{take} · {hint}")
        };
    }
    hint
}

fn plan(form: &Form, max_inner: u16) -> Plan {
    let multis = form.fields.iter().filter(|f| f.is_multiline()).count() as u16;
    let singles = form.fields.len() as u16 - multis;
    // Padding above and below, the hint, and the error if any.
    let extra = 2 + 1 + u16::from(form.error.is_some());
    let mut lines = 1;
    for m in (1..=MULTILINE_MAX).rev() {
        if singles + multis * m + extra <= max_inner {
            lines = m;
            break;
        }
    }
    let heights: Vec<u16> = form
        .fields
        .iter()
        .map(|f| if f.is_multiline() { lines } else { 1 })
        .collect();
    let total = heights.iter().sum::<u16>() + extra;
    let gap_lines = form.fields.len().saturating_sub(1) as u16;
    let gaps = total + gap_lines <= max_inner;
    Plan {
        heights,
        gaps,
        inner: (total + if gaps { gap_lines } else { 0 }).min(max_inner),
    }
}

/// The part of the completion not typed yet, when the cursor is at the
/// end of a one-line text.
fn ghost(field: &Field) -> Option<String> {
    let Input::Text { area, .. } = &field.input else {
        return None;
    };
    let typed = area.lines().first()?;
    let at_end = area.lines().len() == 1 && area.cursor() == (0, typed.chars().count());
    let name = field.completion().filter(|_| at_end)?;
    Some(name.chars().skip(typed.chars().count()).collect())
}

/// A field's value as plain text, for a field without the focus.
fn value_lines(theme: &Theme, field: &Field, width: usize, height: u16) -> Vec<Line<'static>> {
    match &field.input {
        Input::Text { area, .. } => {
            let text = area.lines().join("\n");
            if text.trim().is_empty() {
                return vec![Line::styled("(empty)", theme.muted)];
            }
            let mut lines = wrap(&text, width);
            let limit = usize::from(height);
            if lines.len() > limit {
                lines.truncate(limit);
                if let Some(last) = lines.last_mut() {
                    last.push_str(" …");
                }
            }
            lines
                .into_iter()
                .map(|l| Line::styled(l, theme.field))
                .collect()
        }
        Input::Choice { options, selected } => {
            let value = options.get(*selected).copied().unwrap_or_default();
            vec![Line::from(vec![
                Span::styled("‹ ", theme.muted),
                Span::styled(value, theme.field),
                Span::styled(" ›", theme.muted),
            ])]
        }
        Input::Toggle(on) => vec![Line::styled(
            if *on { "[x] yes" } else { "[ ] no" },
            theme.field,
        )],
    }
}

/// The focused field, live.
fn draw_focused(theme: &Theme, field: &Field, rect: Rect, buf: &mut Buffer) {
    match &field.input {
        Input::Text { area, .. } => {
            // The line being typed is not underlined: the field is one.
            let mut shown = (**area).clone();
            shown.set_cursor_line_style(theme.text);
            shown.render(rect, buf);
            let Some(rest) = ghost(field) else { return };
            let typed = area.lines().first().map_or(0, |t| width(t)) as u16;
            if typed as usize + width(&rest) >= usize::from(rect.width) {
                return;
            }
            let x = rect.x + typed;
            buf.set_string(x, rect.y, &rest, theme.ghost);
            if let Some(cell) = buf.cell_mut((x, rect.y)) {
                cell.set_style(area.cursor_style());
            }
        }
        Input::Choice { options, selected } => {
            let value = options.get(*selected).copied().unwrap_or_default();
            let line = Line::from(vec![
                Span::styled("‹ ", theme.key),
                Span::styled(value, theme.selected),
                Span::styled(" ›", theme.key),
                Span::styled(format!("  {}/{}", selected + 1, options.len()), theme.muted),
            ]);
            line.render(rect, buf);
        }
        Input::Toggle(on) => {
            let text = if *on { "[x] yes" } else { "[ ] no" };
            Line::styled(text, theme.selected).render(
                Rect {
                    width: 7.min(rect.width),
                    ..rect
                },
                buf,
            );
        }
    }
}

/// "Tab next field · Ctrl-S save · Esc cancel · Ctrl-U clear field", from
/// the keymap.
fn footer(app: &App, theme: &Theme) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    let parts = [
        (CommandId::FormNextField, "next field"),
        (CommandId::FormSubmit, "save"),
        (CommandId::FormCancel, "cancel"),
        (CommandId::FormClear, "clear field"),
    ];
    for (i, (id, what)) in parts.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.muted));
        }
        let key = keys::first(&app.keymap, Scope::Form, id).unwrap_or_else(|| "(no key)".into());
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(format!(" {what}"), theme.muted));
    }
    spans.push(Span::raw(" "));
    Line::from(spans)
}

pub fn draw(app: &App, form: &Form, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.theme);
    let max_inner = area.height.saturating_sub(4).min(40);
    let plan = plan(form, max_inner);
    let popup = centered(area, 84.min(area.width.saturating_sub(2)), plan.inner + 2);
    backdrop(theme, area, popup, buf);
    let block = Block::bordered()
        .style(theme.overlay)
        .border_style(theme.border_focused)
        .title(Line::styled(
            format!(" {} ", form.title),
            theme.pane_title_focused,
        ))
        .title_bottom(footer(app, theme));
    let inner = block.inner(popup);
    block.render(popup, buf);
    let label_width = form
        .fields
        .iter()
        .map(|f| width(f.label))
        .max()
        .unwrap_or(0) as u16
        + 3;
    let input_x = inner.x + 1 + label_width;
    let input_width = inner.right().saturating_sub(input_x + 1);
    let mut y = inner.y + 1;
    for (i, (field, height)) in form.fields.iter().zip(&plan.heights).enumerate() {
        let height = (*height).min(inner.bottom().saturating_sub(y + 1));
        if height == 0 {
            break;
        }
        let focused = i == form.focus;
        let label = if focused {
            Line::styled(format!("▶ {}", field.label), theme.field_focused)
        } else {
            Line::styled(format!("  {}", field.label), theme.label)
        };
        label.render(Rect::new(inner.x + 1, y, label_width, 1), buf);
        let rect = Rect::new(input_x, y, input_width, height);
        if focused {
            draw_focused(theme, field, rect, buf);
        } else {
            let lines = value_lines(theme, field, usize::from(input_width), height);
            for (n, line) in lines.into_iter().enumerate() {
                let row = Rect::new(input_x, y + n as u16, input_width, 1);
                fit_line(line, usize::from(input_width)).render(row, buf);
            }
        }
        y += height;
        if focused {
            // The coach's first flag takes the hint's place while the text
            // carries flagged language; the prompts pane says more.
            let text = field.value();
            let flag = matches!(field.input, Input::Text { .. })
                .then(|| super::coach::flags(&app.coach, &text).into_iter().next())
                .flatten();
            let named = public_place(form, field.id).and_then(|place| {
                let ws = app.workspace()?;
                NameInPublic::in_text(&ws.review, place, &text)
                    .into_iter()
                    .next()
            });
            let line = match (named, flag) {
                (Some(n), _) => Some(Line::from(vec![
                    Span::styled(
                        format!("{}Name in public text: ", super::coach::MARK),
                        theme.warning,
                    ),
                    Span::styled(n.name.clone(), theme.flagged),
                    Span::styled(format!(" → write \"{}\"", n.instead()), theme.muted),
                ])),
                (None, Some(flag)) => Some(super::coach::flag_line(app, theme, &flag)),
                (None, None) => {
                    let hint = hint_of(field, ghost(field).and(field.completion()));
                    (!hint.is_empty()).then(|| Line::styled(hint, theme.ghost))
                }
            };
            if let Some(line) = line.filter(|_| y < inner.bottom()) {
                fit_line(line, usize::from(input_width))
                    .render(Rect::new(input_x, y, input_width, 1), buf);
            }
            y += 1;
        }
        if plan.gaps {
            y += 1;
        }
    }
    if let Some(err) = &form.error {
        let row = Rect::new(
            inner.x + 1,
            inner.bottom().saturating_sub(1),
            inner.width.saturating_sub(2),
            1,
        );
        fit_line(
            Line::styled(format!("✗ {err}"), theme.error),
            usize::from(row.width),
        )
        .render(row, buf);
    }
}

/// Where the text of field `id` goes in the public summary, if it does:
/// a public field of the summary, or the text of an action item not
/// marked internal.
fn public_place(form: &Form, id: FieldId) -> Option<PublicPlace> {
    use crate::domain::Field as R;
    let field = match (form.target, id) {
        (Target::Summary, FieldId::Review(R::Summary)) => PublicField::Summary,
        (Target::Summary, FieldId::Review(R::Services)) => PublicField::Services,
        (Target::Summary, FieldId::Review(R::CustomerImpact)) => PublicField::CustomerImpact,
        (Target::Summary, FieldId::Review(R::ProximateCause)) => PublicField::ProximateCause,
        (Target::Summary, FieldId::Review(R::Resolution)) => PublicField::Resolution,
        (Target::Action(item), FieldId::Action) if form.get(FieldId::Internal) != "yes" => {
            return Some(PublicPlace::Action(item.unwrap_or_default()));
        }
        _ => return None,
    };
    Some(PublicPlace::Field(field))
}
