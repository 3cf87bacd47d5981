//! The files an export writes, by name and content: the one definition
//! used by the workspace's `e` and by `debrief export --to`.

use chrono::{DateTime, Utc};

use crate::domain::{Coach, Review};
use crate::library::Related;

/// One file of an export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportFile {
    /// The file's name, without a folder: `<id>.md`.
    pub name: String,
    pub text: String,
}

/// The internal report (`<id>.md`), the public summary (`<id>.public.md`)
/// and, when the timeline has events, the recovery chart the internal
/// report links to. Made at `now`: a meeting clock still running is
/// counted up to then.
pub fn export_set(review: &Review, coach: &Coach, now: DateTime<Utc>) -> Vec<ReportFile> {
    export_set_with(review, coach, now, None)
}

/// [`export_set`], the internal report with its "Related reviews" when
/// `related` is known.
pub fn export_set_with(
    review: &Review,
    coach: &Coach,
    now: DateTime<Utc>,
    related: Option<&[Related]>,
) -> Vec<ReportFile> {
    let id = &review.id;
    let internal = match related {
        Some(related) => super::markdown::internal_with_related(review, coach, now, related),
        None => super::markdown::internal_at(review, coach, now),
    };
    let mut files = vec![
        ReportFile {
            name: format!("{id}.md"),
            text: internal,
        },
        ReportFile {
            name: format!("{id}.public.md"),
            text: super::markdown::public(review),
        },
    ];
    if let Some(chart) = chart(review) {
        files.push(chart);
    }
    files
}

/// The recovery chart the internal report links to, when it has points.
pub fn chart(review: &Review) -> Option<ReportFile> {
    (!review.timeline.is_empty()).then(|| ReportFile {
        name: super::svg::chart_file_name(review),
        text: super::svg::recovery_chart_svg(review),
    })
}
