//! The internal report's "Related reviews": the reviews of the library
//! that share a service, a tag, an incident or a factor's words with this
//! one, each linked to its internal report (`<id>.md`, the name it takes
//! beside this one) with why.

use crate::library::Related;
use crate::report::escape::{cell, inline};

use super::Doc;

pub(super) fn section(doc: &mut Doc, related: &[Related]) {
    doc.heading(2, "Related reviews");
    if related.is_empty() {
        doc.paragraph(
            "No other review shares a service, a tag, an incident or a contributing factor's words with this one.",
        );
        return;
    }
    doc.bullets(related.iter().map(|r| {
        let title = if r.title.trim().is_empty() {
            "Untitled review".to_owned()
        } else {
            cell(&r.title)
        };
        // Ids are lowercase letters, digits and dashes: safe in a link.
        format!(
            "[{title}]({}.md) · {} · {} · {}",
            r.id,
            r.severity.label(),
            r.date.format("%-d %b %Y"),
            inline(&r.why())
        )
    }));
}
