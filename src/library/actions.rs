//! Every action item across reviews, for follow-up. Pure.

use chrono::NaiveDate;

use super::summary::{ActionRow, ReviewSummary, same_name};

/// Which action items to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Wanted {
    /// Open or in progress.
    pub open: bool,
    /// Open and due before today.
    pub overdue: bool,
    pub owner: Option<String>,
}

/// An action item with its review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowUp<'a> {
    pub review: &'a ReviewSummary,
    pub action: &'a ActionRow,
    /// Days since the review was created.
    pub age: i64,
    pub overdue: bool,
}

/// The action items of `reviews` that `wanted` asks for, in the order of
/// the reviews and of their items.
pub fn follow_ups<'a>(
    reviews: impl IntoIterator<Item = &'a ReviewSummary>,
    wanted: &Wanted,
    today: NaiveDate,
) -> Vec<FollowUp<'a>> {
    let mut out = Vec::new();
    for review in reviews {
        for action in &review.actions {
            let overdue = action.is_overdue(today);
            let owner_ok = wanted
                .owner
                .as_deref()
                .is_none_or(|w| action.owner.as_deref().is_some_and(|o| same_name(o, w)));
            if (wanted.open && !action.status.is_open())
                || (wanted.overdue && !overdue)
                || !owner_ok
            {
                continue;
            }
            out.push(FollowUp {
                review,
                action,
                age: (today - review.created.date_naive()).num_days().max(0),
                overdue,
            });
        }
    }
    out
}

/// The cells of a table row, in [`COLUMNS`] order.
pub const COLUMNS: [&str; 11] = [
    "Summary",
    "Description",
    "Assignee",
    "Priority",
    "Due Date",
    "Status",
    "Labels",
    "Ticket",
    "Review",
    "Item",
    "Age (days)",
];

impl FollowUp<'_> {
    /// The row, in [`COLUMNS`] order, as plain text.
    pub fn cells(&self) -> [String; 11] {
        let a = self.action;
        let r = self.review;
        let mut labels = vec!["debrief".to_owned()];
        labels.extend(r.services.iter().map(|s| s.replace(' ', "-")));
        [
            a.text.lines().next().unwrap_or_default().to_owned(),
            format!(
                "From the review {} ({}, {} on {}): {}",
                r.id, r.title, r.severity, r.date, a.text
            ),
            a.owner.clone().unwrap_or_default(),
            a.priority.map(|p| p.label().to_owned()).unwrap_or_default(),
            a.due.map(|d| d.to_string()).unwrap_or_default(),
            a.status.label().to_owned(),
            labels.join(" "),
            a.ticket.clone().unwrap_or_default(),
            r.id.clone(),
            a.id.to_string(),
            self.age.to_string(),
        ]
    }
}

/// One CSV field: quoted when it holds a comma, a quote or a line break;
/// a leading `=`, `+`, `-` or `@` is prefixed with `'` so that no
/// spreadsheet reads it as a formula.
pub fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_never_formulas() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(csv_field("-1,2"), "\"'-1,2\"");
    }
}
