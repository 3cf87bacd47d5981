//! The open action items of every review, grouped by owner: the owners
//! with the most overdue items first, and in each owner's group the
//! overdue items first, the longest overdue at the top. Pure.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::Priority;
use crate::domain::text::visible_line;
use crate::library::ReviewSummary;

/// One open action item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowUp {
    /// Its review, by its place in the screen's reviews.
    pub review: usize,
    /// Its item number within the review.
    pub id: u64,
    /// Its place among the review's action items, from 0.
    pub place: usize,
    /// The first line of its text.
    pub text: String,
    pub priority: Option<Priority>,
    pub due: Option<NaiveDate>,
    pub overdue: bool,
    pub in_progress: bool,
    /// Days since the review was made.
    pub age: i64,
}

/// One owner's items: `len` follow-ups from `start`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Owner {
    /// As first written; `None` for the items nobody owns.
    pub name: Option<String>,
    pub start: usize,
    pub len: usize,
    pub overdue: usize,
}

/// The owners, and every open item of `reviews` owner by owner.
pub(super) fn group(reviews: &[&ReviewSummary], today: NaiveDate) -> (Vec<Owner>, Vec<FollowUp>) {
    // Owners are the same person whatever the case or spaces.
    let mut groups: Vec<(Option<String>, Vec<FollowUp>)> = Vec::new();
    let mut at: HashMap<Option<String>, usize> = HashMap::new();
    for (i, r) in reviews.iter().enumerate() {
        let age = (today - r.created.date_naive()).num_days().max(0);
        for (place, a) in r.actions.iter().enumerate() {
            if !a.status.is_open() {
                continue;
            }
            let owner = a.owner.as_deref().map(str::trim).filter(|o| !o.is_empty());
            let key = owner.map(|o| o.to_lowercase());
            let g = *at.entry(key).or_insert_with(|| {
                groups.push((owner.map(|o| visible_line(o).into_owned()), Vec::new()));
                groups.len() - 1
            });
            groups[g].1.push(FollowUp {
                review: i,
                id: a.id,
                place,
                text: visible_line(a.text.lines().next().unwrap_or_default()).into_owned(),
                priority: a.priority,
                due: a.due,
                overdue: a.is_overdue(today),
                in_progress: a.status == crate::domain::ActionStatus::InProgress,
                age,
            });
        }
    }
    for (_, items) in &mut groups {
        // Overdue first, the longest overdue first; then by due date, the
        // items without one last; then the newest review first.
        items.sort_by(|a, b| {
            b.overdue
                .cmp(&a.overdue)
                .then_with(|| match (a.due, b.due) {
                    (Some(x), Some(y)) => x.cmp(&y),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                })
                .then_with(|| b.review.cmp(&a.review))
                .then_with(|| a.place.cmp(&b.place))
        });
    }
    let overdue = |items: &[FollowUp]| items.iter().filter(|f| f.overdue).count();
    // The most overdue first, then the most open; nobody's items last.
    groups.sort_by(|(an, a), (bn, b)| {
        an.is_none()
            .cmp(&bn.is_none())
            .then_with(|| overdue(b).cmp(&overdue(a)))
            .then_with(|| b.len().cmp(&a.len()))
            .then_with(|| {
                let lower = |n: &Option<String>| n.as_deref().map(str::to_lowercase);
                lower(an).cmp(&lower(bn))
            })
    });
    let mut owners = Vec::with_capacity(groups.len());
    let mut all = Vec::new();
    for (name, items) in groups {
        owners.push(Owner {
            name,
            start: all.len(),
            len: items.len(),
            overdue: overdue(&items),
        });
        all.extend(items);
    }
    (owners, all)
}
