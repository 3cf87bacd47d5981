//! The public summary in short, in the last step: what people outside
//! the team may read, in a few plain sentences, and how customers were
//! affected.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::super::theme::Theme;
use super::step::{guidance, put, two_fields};
use crate::app::quick::Quick;

/// The two fields of the public summary at the top of `area`, taking
/// their rows off it.
pub(super) fn draw(theme: &Theme, q: &Quick, area: &mut Rect, buf: &mut Buffer) {
    let top = guidance(
        theme,
        "The public summary, for readers outside the team: plain words, no names. Either can wait.",
        usize::from(area.width),
    );
    put(top, area, buf);
    let h = if area.height >= 30 { 2 } else { 1 };
    let fields = [("Summary", &q.summary), ("Customer impact", &q.impact)];
    two_fields(theme, q, fields, h, area, buf);
}
