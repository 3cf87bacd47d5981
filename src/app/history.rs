//! Undo and redo, as reversible edits rather than copies of the review,
//! so that a long history of a large review costs little memory.

use super::state::Pane;
use crate::domain::reframe::{note, note_summary};
use crate::domain::{
    ActionItem, Coach, Event, Factor, KeyMoments, KeyPeople, Learning, Offset, ParkingItem,
    Participant, Publication, Review, ReviewKind, Severity, Status, Summary, Text,
};

/// How many edits undo can go back.
pub const DEPTH: usize = 200;

/// Everything in a review but its item lists: small enough to copy whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head {
    pub title: Text,
    pub incident: Option<Text>,
    pub incidents: Vec<Text>,
    pub tags: Vec<Text>,
    pub severity: Severity,
    pub status: Status,
    pub kind: ReviewKind,
    pub offset: Offset,
    pub moments: KeyMoments,
    pub people: KeyPeople,
    pub summary: Summary,
    pub participants: Vec<Participant>,
    pub notes: Text,
    pub published: Option<Publication>,
}

impl Head {
    pub fn of(r: &Review) -> Head {
        Head {
            title: r.title.clone(),
            incident: r.incident.clone(),
            incidents: r.incidents.clone(),
            tags: r.tags.clone(),
            severity: r.severity,
            status: r.status,
            kind: r.kind,
            offset: r.offset,
            moments: r.moments.clone(),
            people: r.people.clone(),
            summary: r.summary.clone(),
            participants: r.participants.clone(),
            notes: r.notes.clone(),
            published: r.published.clone(),
        }
    }

    fn put(self, r: &mut Review) {
        r.title = self.title;
        r.incident = self.incident;
        r.incidents = self.incidents;
        r.tags = self.tags;
        r.severity = self.severity;
        r.status = self.status;
        r.kind = self.kind;
        r.offset = self.offset;
        r.moments = self.moments;
        r.people = self.people;
        r.summary = self.summary;
        r.participants = self.participants;
        r.notes = self.notes;
        r.published = self.published;
    }
}

/// One item of any list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    Event(Event),
    Learning(Learning),
    Factor(Factor),
    Action(ActionItem),
    Parking(ParkingItem),
}

impl Item {
    /// The pane that lists this kind of item.
    pub fn pane(&self) -> Pane {
        match self {
            Item::Event(_) => Pane::Timeline,
            Item::Learning(_) => Pane::Learnings,
            Item::Factor(_) => Pane::Factors,
            Item::Action(_) => Pane::Actions,
            Item::Parking(_) => Pane::Parking,
        }
    }
}

/// A reversible change. An item edit names the item's place before and
/// after, so an insertion (no before), a deletion (no after) and a change
/// that moves an event in time all undo exactly.
#[derive(Clone, Debug, PartialEq, Eq)]
#[allow(
    clippy::large_enum_variant,
    reason = "an item edit holds two items inline; boxing them would cost an allocation per edit"
)]
pub enum Edit {
    Head {
        before: Box<Head>,
        after: Box<Head>,
    },
    Item {
        before: Option<(usize, Item)>,
        after: Option<(usize, Item)>,
    },
    /// Several edits as one step, applied in order and undone in reverse.
    Batch(Vec<Edit>),
}

fn remove(r: &mut Review, at: usize, like: &Item) {
    match like {
        Item::Event(_) => drop(r.timeline.remove(at)),
        Item::Learning(_) => drop(r.learnings.remove(at)),
        Item::Factor(_) => drop(r.factors.remove(at)),
        Item::Action(_) => drop(r.actions.remove(at)),
        Item::Parking(_) => drop(r.parking_lot.remove(at)),
    }
}

fn insert(r: &mut Review, at: usize, item: Item) {
    match item {
        Item::Event(x) => r.timeline.insert(at, x),
        Item::Learning(x) => r.learnings.insert(at, x),
        Item::Factor(x) => r.factors.insert(at, x),
        Item::Action(x) => r.actions.insert(at, x),
        Item::Parking(x) => r.parking_lot.insert(at, x),
    }
}

impl Edit {
    /// Applies the edit forwards.
    pub fn apply(&self, r: &mut Review) {
        match self {
            Edit::Head { after, .. } => (**after).clone().put(r),
            Edit::Item { before, after } => {
                if let Some((at, item)) = before {
                    remove(r, *at, item);
                }
                if let Some((at, item)) = after {
                    insert(r, *at, item.clone());
                }
            }
            Edit::Batch(edits) => edits.iter().for_each(|e| e.apply(r)),
        }
    }

    /// Applies the edit backwards.
    pub fn revert(&self, r: &mut Review) {
        match self {
            Edit::Head { before, .. } => (**before).clone().put(r),
            Edit::Item { before, after } => {
                if let Some((at, item)) = after {
                    remove(r, *at, item);
                }
                if let Some((at, item)) = before {
                    insert(r, *at, item.clone());
                }
            }
            Edit::Batch(edits) => edits.iter().rev().for_each(|e| e.revert(r)),
        }
    }

    /// Records, in each item and summary text the edit changes, the
    /// categories the new words no longer carry (see
    /// [`crate::domain::reframe`]). Call it before the edit is applied.
    pub fn note_reframes(&mut self, coach: &Coach) {
        match self {
            Edit::Head { before, after } => {
                note_summary(coach, &before.summary, &mut after.summary)
            }
            Edit::Item {
                before: Some((_, old)),
                after: Some((_, new)),
            } => match (old, new) {
                (Item::Event(a), Item::Event(b)) => note(coach, a, b),
                (Item::Learning(a), Item::Learning(b)) => note(coach, a, b),
                (Item::Factor(a), Item::Factor(b)) => note(coach, a, b),
                (Item::Action(a), Item::Action(b)) => note(coach, a, b),
                (Item::Parking(a), Item::Parking(b)) => note(coach, a, b),
                _ => {}
            },
            Edit::Item { .. } => {}
            Edit::Batch(edits) => edits.iter_mut().for_each(|e| e.note_reframes(coach)),
        }
    }

    /// The pane and row of the item the edit touched, for the selection.
    pub fn landing(&self) -> Option<(Pane, usize)> {
        match self {
            Edit::Item {
                after: Some((at, item)),
                ..
            }
            | Edit::Item {
                before: Some((at, item)),
                after: None,
            } => Some((item.pane(), *at)),
            Edit::Batch(edits) => edits.last().and_then(Edit::landing),
            Edit::Head { .. }
            | Edit::Item {
                before: None,
                after: None,
            } => None,
        }
    }
}

/// The edits that can be undone and redone.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

impl History {
    /// Records an edit already applied; it clears what could be redone.
    pub fn record(&mut self, edit: Edit) {
        if self.undo.len() == DEPTH {
            self.undo.remove(0);
        }
        self.undo.push(edit);
        self.redo.clear();
    }

    /// Reverts the last edit; returns it so the caller can move the
    /// selection to where it was.
    pub fn undo(&mut self, r: &mut Review) -> Option<&Edit> {
        let edit = self.undo.pop()?;
        edit.revert(r);
        self.redo.push(edit);
        self.redo.last()
    }

    pub fn redo(&mut self, r: &mut Review) -> Option<&Edit> {
        let edit = self.redo.pop()?;
        edit.apply(r);
        self.undo.push(edit);
        self.undo.last()
    }

    pub fn can_undo(&self) -> usize {
        self.undo.len()
    }

    pub fn can_redo(&self) -> usize {
        self.redo.len()
    }
}
