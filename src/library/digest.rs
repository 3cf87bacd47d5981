//! The digest of recent reviews: what a team's regular learning meeting
//! reads from. Pure: what goes in, from reviews already read; the Markdown
//! is made by [`crate::report::markdown::digest`].
//!
//! The internal digest holds every learning, contributing factor and open
//! action item, internal-only ones marked. The public one is made from
//! each review's [`Review::public_view`], exactly what its public summary
//! may show: only published reviews, their summary and their open action
//! items not marked internal, without owners; no learnings, no factors, no
//! names, no incident references, never the facilitator's notes.

use chrono::NaiveDate;

use crate::domain::{ActionStatus, Area, Effect, LearningKind, Priority, Review, Severity, Status};

/// What the digest covers, and for whom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// Incidents on this day or after, if given.
    pub since: Option<NaiveDate>,
    /// Incidents on this day or before, if given.
    pub until: Option<NaiveDate>,
    /// The day the digest is made, for what is overdue.
    pub today: NaiveDate,
    pub public: bool,
}

/// The digest, ready to be written out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Digest {
    pub span: Span,
    /// Newest incident first.
    pub reviews: Vec<Entry>,
    /// Reviews in the span left out of a public digest because they are
    /// not published yet.
    pub unpublished: usize,
}

/// One review of the digest, with what it taught.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub title: String,
    pub date: NaiveDate,
    pub severity: Severity,
    pub status: Status,
    pub services: Vec<String>,
    /// The public summary's first field.
    pub summary: String,
    pub learnings: Vec<Learned>,
    pub factors: Vec<Factored>,
    /// The action items still open.
    pub actions: Vec<Todo>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Learned {
    pub kind: LearningKind,
    pub text: String,
    pub internal: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Factored {
    pub area: Area,
    pub effect: Effect,
    pub text: String,
    pub internal: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Todo {
    pub text: String,
    pub owner: Option<String>,
    pub priority: Option<Priority>,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    pub internal: bool,
    pub overdue: bool,
}

impl Entry {
    /// The group the review's items are listed under: its services, or
    /// none named.
    pub fn service_group(&self) -> String {
        if self.services.is_empty() {
            "No service named".to_owned()
        } else {
            self.services.join(", ")
        }
    }
}

/// Whether a review of an incident on `date` falls in `span`.
pub fn covers(span: &Span, date: NaiveDate) -> bool {
    span.since.is_none_or(|d| date >= d) && span.until.is_none_or(|d| date <= d)
}

/// The digest of `reviews` over `span`: those whose incident falls in it,
/// newest first; for a public digest, only the published ones, each
/// through its public view.
pub fn gather<'a>(reviews: impl IntoIterator<Item = &'a Review>, span: Span) -> Digest {
    let mut unpublished = 0;
    let mut entries = Vec::new();
    for review in reviews {
        if !covers(&span, review.incident_date()) {
            continue;
        }
        if span.public && review.status != Status::Published {
            unpublished += 1;
            continue;
        }
        let shown = if span.public {
            review.public_view()
        } else {
            review.clone()
        };
        entries.push(entry(&shown, review.incident_date(), span.today));
    }
    entries.sort_by(|a, b| b.date.cmp(&a.date).then(a.id.cmp(&b.id)));
    Digest {
        span,
        reviews: entries,
        unpublished,
    }
}

fn entry(r: &Review, date: NaiveDate, today: NaiveDate) -> Entry {
    let named = |s: Option<&str>| {
        s.map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    Entry {
        id: r.id.clone(),
        title: r.title.lines().next().unwrap_or_default().to_owned(),
        date,
        severity: r.severity,
        status: r.status,
        services: r
            .summary
            .services
            .iter()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect(),
        summary: r.summary.summary.to_string(),
        learnings: r
            .learnings
            .iter()
            .filter(|l| !l.text.trim().is_empty())
            .map(|l| Learned {
                kind: l.kind,
                text: l.text.to_string(),
                internal: l.internal,
            })
            .collect(),
        factors: r
            .factors
            .iter()
            .filter(|f| !f.text.trim().is_empty())
            .map(|f| Factored {
                area: f.area,
                effect: f.effect,
                text: f.text.to_string(),
                internal: f.internal,
            })
            .collect(),
        actions: r
            .actions
            .iter()
            .filter(|a| a.status.is_open() && !a.text.trim().is_empty())
            .map(|a| Todo {
                text: a.text.to_string(),
                owner: named(a.owner.as_deref()),
                priority: a.priority,
                due: a.due,
                status: a.status,
                internal: a.internal,
                overdue: a.due.is_some_and(|d| d < today),
            })
            .collect(),
    }
}
