//! The report preview: a report exactly as it will be exported, so the room
//! can agree on what customers will read before anything leaves the
//! building.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::text::wrap;
use super::theme::Theme;
use crate::app::App;
use crate::app::state::Preview;

pub fn draw(app: &App, preview: &Preview, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.theme);
    let (title, other) = if preview.internal {
        (" Internal report, as exported ", "public summary")
    } else {
        (
            " Public summary, as customers will read it ",
            "internal report",
        )
    };
    super::scroll::overlay(
        theme,
        area,
        buf,
        title,
        preview.scroll,
        &[("Tab", other)],
        |width| {
            preview
                .text
                .lines()
                .flat_map(|l| {
                    let style = if l.starts_with('#') {
                        theme.heading
                    } else {
                        theme.text
                    };
                    let wrapped = if l.is_empty() {
                        vec![String::new()]
                    } else {
                        wrap(l, width)
                    };
                    wrapped.into_iter().map(move |w| Line::styled(w, style))
                })
                .collect()
        },
    );
}
