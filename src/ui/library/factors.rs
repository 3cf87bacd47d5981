//! The contributing factors that recur: the areas they are in, then the
//! words of their texts found in two reviews or more, each with a bar of
//! the reviews it is found in.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::super::list::{self, fit_line};
use super::super::text::{fit, pad};
use super::super::theme::Theme;
use super::{first_shown, reviews, thousands};
use crate::app::library::{FactorKind, LibraryView, Section};

const NAME: usize = 16;

/// A line of the section: a heading, or a factor by its place.
enum Shown<'a> {
    Heading(&'a str),
    Factor(usize),
}

fn lines(view: &LibraryView) -> Vec<Shown<'_>> {
    let mut out = Vec::with_capacity(view.factors.len() + 2);
    if view.areas > 0 {
        out.push(Shown::Heading("Areas"));
    }
    for i in 0..view.factors.len() {
        if i == view.areas {
            out.push(Shown::Heading("Words that recur in factors"));
        }
        out.push(Shown::Factor(i));
    }
    out
}

pub fn draw(theme: &Theme, view: &LibraryView, focused: bool, area: Rect, buf: &mut Buffer) {
    if view.factors.is_empty() {
        list::empty(
            theme,
            area,
            buf,
            vec![Line::raw("No contributing factors in the reviews yet.")],
        );
        return;
    }
    let shown = lines(view);
    let selected = view.selected(Section::Factors).unwrap_or(0);
    let at = shown
        .iter()
        .position(|s| matches!(s, Shown::Factor(i) if *i == selected))
        .unwrap_or(0);
    let height = usize::from(area.height);
    // The heading above the selection stays in view when it can.
    let first = first_shown(at, shown.len(), height);
    let most = view
        .factors
        .iter()
        .map(|f| f.reviews.len())
        .max()
        .unwrap_or(1)
        .max(1);
    let width = usize::from(area.width);
    let count_width = reviews(most).len();
    let room = width.saturating_sub(2 + NAME + 1 + count_width + 2).min(24);
    for (n, line) in shown[first..].iter().take(height).enumerate() {
        let y = area.y + n as u16;
        let row = Rect::new(area.x, y, area.width, 1);
        match line {
            Shown::Heading(h) => {
                Line::styled(*h, theme.heading).render(row, buf);
            }
            Shown::Factor(i) => {
                let f = &view.factors[*i];
                let count = f.reviews.len();
                let len = (count * room).div_ceil(most);
                let mut spans = vec![
                    Span::raw("  "),
                    Span::raw(pad(&fit(&f.name, NAME), NAME)),
                    Span::raw(" "),
                    Span::styled("█".repeat(len), theme.info),
                    Span::raw(" ".repeat(room - len + 1)),
                    Span::raw(reviews(count)),
                ];
                if matches!(f.kind, FactorKind::Area(_)) {
                    spans.push(Span::styled(
                        format!(
                            "  hurt {} · helped {}",
                            thousands(f.hurt),
                            thousands(f.helped)
                        ),
                        theme.muted,
                    ));
                }
                fit_line(Line::from(spans), width).render(row, buf);
                if *i == selected {
                    list::row(
                        theme,
                        buf,
                        area,
                        y,
                        &[],
                        Vec::new(),
                        list::RowStyle {
                            selected: Some(focused),
                            height: 1,
                            wraps: None,
                        },
                    );
                }
            }
        }
    }
}
