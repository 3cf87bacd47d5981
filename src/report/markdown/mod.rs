//! Markdown reports: the full internal report for the organisation, and the
//! short public summary for customers.
//!
//! User text always goes through [`escape`]; the structure
//! (headings, lists, tables, emphasis) comes only from this module.

mod bias;
mod digest;
mod internal;
mod public;
mod related;

use crate::domain::{Coach, Review};
use crate::library::Related;
use crate::library::digest::Digest;

use super::escape;

/// The full internal report: metadata, key moments and metrics,
/// participants, summary, timeline, learnings, contributing factors, action
/// items, parking lot and warnings. Internal-only items are included and
/// marked; the facilitator's notes are never included.
pub fn internal(review: &Review) -> String {
    internal::render(review, &Coach::builtin(), None, None)
}

/// The internal report, with the "Language and bias" section counted by
/// `coach` (a team's own patterns, say).
pub fn internal_with_coach(review: &Review, coach: &Coach) -> String {
    internal::render(review, coach, None, None)
}

/// The internal report made at `now`, with a meeting clock that is still
/// running counted up to then.
pub fn internal_at(review: &Review, coach: &Coach, now: chrono::DateTime<chrono::Utc>) -> String {
    internal::render(review, coach, Some(now), None)
}

/// The internal report made at `now`, with a "Related reviews" section
/// listing `related` (the library's reviews that share something with
/// this one, each linked to its `<id>.md`).
pub fn internal_with_related(
    review: &Review,
    coach: &Coach,
    now: chrono::DateTime<chrono::Utc>,
    related: &[Related],
) -> String {
    internal::render(review, coach, Some(now), Some(related))
}

/// The digest of recent reviews for a learning meeting (see
/// [`crate::library::digest`]).
pub fn digest(digest: &Digest) -> String {
    digest::render(digest)
}

/// The public summary for customers, built from [`Review::public_view`]:
/// Summary, Services impacted, Duration, Severity, Customer impact,
/// Proximate cause, Resolution and Countermeasures. It names nobody and
/// holds nothing marked internal.
pub fn public(review: &Review) -> String {
    public::render(review)
}

/// Shown for a field of the summary that is still empty.
const NOT_WRITTEN: &str = "_Not yet written._";

/// Marks an item that stays inside the organisation.
const INTERNAL: &str = "_(internal)_ ";

/// Marks flagged words the facilitator kept as a direct quote.
const QUOTE: &str = "_(direct quote)_ ";

/// The markers in front of an item's text.
fn markers(internal: bool, quote: bool) -> String {
    let mut out = String::new();
    if internal {
        out.push_str(INTERNAL);
    }
    if quote {
        out.push_str(QUOTE);
    }
    out
}

/// The review's title for a heading.
fn title(review: &Review) -> String {
    if review.title.trim().is_empty() {
        "Untitled review".to_owned()
    } else {
        escape::cell(&review.title)
    }
}

/// A field's text as a paragraph, or a note that it is still empty.
fn paragraph_or_placeholder(text: &str) -> String {
    if text.trim().is_empty() {
        NOT_WRITTEN.to_owned()
    } else {
        escape::inline(text)
    }
}

/// The services impacted as a list, or a note that none is named yet.
fn services(doc: &mut Doc, review: &Review) {
    let named: Vec<String> = review
        .summary
        .services
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| escape::inline(s))
        .collect();
    if named.is_empty() {
        doc.paragraph(NOT_WRITTEN);
    } else {
        doc.bullets(named);
    }
}

/// A column of a table: its heading and whether its values line up right.
#[derive(Clone, Copy)]
struct Column {
    title: &'static str,
    right: bool,
}

const fn left(title: &'static str) -> Column {
    Column {
        title,
        right: false,
    }
}

const fn right(title: &'static str) -> Column {
    Column { title, right: true }
}

/// A Markdown document built block by block, with a blank line between
/// blocks. Every string given to it is Markdown already: literal structure
/// from this module, or user text escaped by the caller.
#[derive(Default)]
struct Doc {
    out: String,
}

impl Doc {
    fn block(&mut self) -> &mut String {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        &mut self.out
    }

    fn heading(&mut self, level: usize, text: &str) {
        let out = self.block();
        out.push_str(&"#".repeat(level.clamp(1, 6)));
        out.push(' ');
        out.push_str(text);
        out.push('\n');
    }

    fn paragraph(&mut self, text: &str) {
        let out = self.block();
        out.push_str(text);
        out.push('\n');
    }

    /// A bullet list; the lines of a multi-line item are indented so they
    /// stay inside it.
    fn bullets(&mut self, items: impl IntoIterator<Item = String>) {
        let out = self.block();
        for item in items {
            out.push_str("- ");
            out.push_str(&item.replace('\n', "\n  "));
            out.push('\n');
        }
    }

    /// A table; each row should have one cell per column, escaped with
    /// [`escape::cell`] where it holds user text.
    fn table(&mut self, columns: &[Column], rows: impl IntoIterator<Item = Vec<String>>) {
        let out = self.block();
        table_line(out, columns.iter().map(|c| c.title));
        table_line(
            out,
            columns.iter().map(|c| if c.right { "--:" } else { "---" }),
        );
        for row in rows {
            table_line(out, row.iter().map(String::as_str));
        }
    }

    /// The document; any character a terminal could act on that reached
    /// it unescaped (from a name in a team's coach file, say) is shown.
    fn finish(self) -> String {
        crate::domain::text::visible(&self.out).into_owned()
    }
}

/// `| a | b |`
fn table_line<'a>(out: &mut String, cells: impl IntoIterator<Item = &'a str>) {
    out.push('|');
    for cell in cells {
        out.push(' ');
        out.push_str(cell);
        out.push_str(" |");
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_separated_by_one_blank_line() {
        let mut doc = Doc::default();
        doc.heading(1, "Title");
        doc.paragraph("Text.");
        doc.bullets(["one\\\ntwo".to_owned(), "three".to_owned()]);
        doc.table(
            &[left("A"), right("B")],
            [vec!["a".to_owned(), "1".to_owned()]],
        );
        assert_eq!(
            doc.finish(),
            "# Title\n\nText.\n\n- one\\\n  two\n- three\n\n| A | B |\n| --- | --: |\n| a | 1 |\n"
        );
    }
}
