//! The panes of the workspace, and the one mapping from a pane to the
//! review's list it shows.

use crate::domain::{ItemList, Review};

/// The panes of the workspace, in tab order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pane {
    Timeline,
    Learnings,
    Factors,
    Actions,
    Parking,
    /// Key moments, metrics, participants and summary fields.
    Details,
}

impl Pane {
    pub const ALL: [Pane; 6] = [
        Pane::Timeline,
        Pane::Learnings,
        Pane::Factors,
        Pane::Actions,
        Pane::Parking,
        Pane::Details,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Timeline => "Timeline",
            Pane::Learnings => "Learnings",
            Pane::Factors => "Contributing factors",
            Pane::Actions => "Action items",
            Pane::Parking => "Parking lot",
            Pane::Details => "Details",
        }
    }

    /// A short title for tabs on a narrow screen.
    pub fn short(self) -> &'static str {
        match self {
            Pane::Timeline => "Timeline",
            Pane::Learnings => "Learnings",
            Pane::Factors => "Factors",
            Pane::Actions => "Actions",
            Pane::Parking => "Parking",
            Pane::Details => "Details",
        }
    }

    /// The scope of the commands that apply to this pane only.
    pub fn scope(self) -> super::commands::Scope {
        use super::commands::Scope;
        match self {
            Pane::Timeline => Scope::Timeline,
            Pane::Learnings => Scope::Learnings,
            Pane::Factors => Scope::Factors,
            Pane::Actions => Scope::Actions,
            Pane::Parking => Scope::Parking,
            Pane::Details => Scope::List,
        }
    }

    pub fn index(self) -> usize {
        Pane::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    /// The review's list this pane shows; none for the details pane,
    /// whose rows are not items. The one place a pane is mapped to a list.
    pub fn list(self, review: &Review) -> Option<&dyn ItemList> {
        Some(match self {
            Pane::Timeline => &review.timeline,
            Pane::Learnings => &review.learnings,
            Pane::Factors => &review.factors,
            Pane::Actions => &review.actions,
            Pane::Parking => &review.parking_lot,
            Pane::Details => return None,
        })
    }

    pub fn next(self) -> Pane {
        Pane::ALL[(self.index() + 1) % Pane::ALL.len()]
    }

    pub fn prev(self) -> Pane {
        Pane::ALL[(self.index() + Pane::ALL.len() - 1) % Pane::ALL.len()]
    }
}

/// The rows of the details pane, each editable with Enter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailRow {
    /// Title, incident reference, severity, status, kind, offset.
    Review,
    /// The five key moments and the people at them.
    Moments,
    /// The public summary's fields.
    Summary,
    /// One participant, by index.
    Participant(usize),
    /// The facilitator's private notes.
    Notes,
}
