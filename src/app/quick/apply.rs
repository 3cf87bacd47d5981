//! Applying a step's text to the review: changed lines change their
//! items, new lines become items, deleted lines remove theirs; each step
//! is one change in the history.

use std::collections::HashSet;

use chrono::{DateTime, Utc};

use super::state::Quick;
use super::{
    ACTIONS, EVENTS, FIRST_MOMENT, IMPACT, IMPROVE, MOMENTS, SUMMARY, Step, WENT_WELL, text_of,
};
use crate::app::action::Effect;
use crate::app::editing;
use crate::app::history::{Edit, Item};
use crate::app::state::{App, Workspace};
use crate::domain::quick::lines::local_date;
use crate::domain::quick::{Checked, Origin, Reading, base_date, read_moment};
use crate::domain::{ActionItem, Coach, Event, ItemId, Learning, LearningKind, Text};

/// The items of a list that no line of `readings` stands for, highest
/// first.
fn unused<T, C>(len: usize, readings: &[&Reading<T, C>], keep: impl Fn(usize) -> bool) -> Vec<usize>
where
    C: Copy + PartialEq + std::fmt::Debug,
{
    let used: HashSet<usize> = readings
        .iter()
        .flat_map(|r| (0..r.len()).filter_map(|row| r.item(row).map(|(i, _)| i)))
        .collect();
    (0..len)
        .rev()
        .filter(|i| !used.contains(i) && !keep(*i))
        .collect()
}

/// A list of items being changed, with the edits that change it.
struct Change<'a, T> {
    list: Vec<T>,
    edits: Vec<Edit>,
    item: &'a dyn Fn(T) -> Item,
    id: &'a dyn Fn(&T) -> ItemId,
}

impl<T: Clone + PartialEq> Change<'_, T> {
    fn remove(&mut self, row: usize) {
        let gone = self.list.remove(row);
        self.edits.push(Edit::Item {
            before: Some((row, (self.item)(gone))),
            after: None,
        });
    }

    fn insert(&mut self, at: usize, new: T) {
        self.list.insert(at, new.clone());
        self.edits.push(Edit::Item {
            before: None,
            after: Some((at, (self.item)(new))),
        });
    }

    /// Puts `new` in the place of the item with its number; `place` gives
    /// where it goes, from the list without the old one and its row.
    fn replace(&mut self, new: T, place: impl Fn(&[T], usize) -> usize) {
        let Some(row) = self
            .list
            .iter()
            .position(|x| (self.id)(x) == (self.id)(&new))
        else {
            return;
        };
        if self.list[row] == new {
            return;
        }
        let old = self.list.remove(row);
        let at = place(&self.list, row);
        self.list.insert(at, new.clone());
        self.edits.push(Edit::Item {
            before: Some((row, (self.item)(old))),
            after: Some((at, (self.item)(new))),
        });
    }

    fn edit(self) -> Option<Edit> {
        (!self.edits.is_empty()).then_some(Edit::Batch(self.edits))
    }
}

/// What the line of `row` stands for once applied, for the next time it
/// is read, when it is kept or cannot be read: its line and its item's
/// number.
fn origin_of<T, C>(
    reading: &Reading<T, C>,
    row: usize,
    id: impl Fn(usize) -> ItemId,
) -> Option<(String, ItemId)>
where
    C: Copy + PartialEq + std::fmt::Debug,
{
    match &reading.checks()[row] {
        Checked::Kept(i) => Some((reading.line(row).to_owned(), id(*i))),
        Checked::Bad(_) => reading.item(row).map(|(i, was)| (was.to_owned(), id(i))),
        _ => None,
    }
}

/// Applies the timeline lines: changed lines change their events, new
/// events are filed in time order, and the events whose lines were
/// deleted are removed (unless a line cannot be read: it may be one of
/// them being changed). Gives what each line now stands for.
fn apply_events(q: &Quick, ws: &mut Workspace) -> (Option<Edit>, Origin) {
    let reading = &q.read.events;
    let bad = !reading.bad_rows().is_empty();
    let r = &ws.review;
    let mut change = Change {
        list: r.timeline.clone(),
        edits: Vec::new(),
        item: &Item::Event,
        id: &|e: &Event| e.id,
    };
    for row in unused(r.timeline.len(), &[reading], |_| bad) {
        change.remove(row);
    }
    let mut origin = Vec::new();
    for (row, check) in reading.checks().iter().enumerate() {
        let line = reading.line(row).to_owned();
        match check {
            Checked::New(event) => {
                let mut event = (**event).clone();
                event.id = ws.review.take_id();
                origin.push((line, event.id));
                let at = change.list.partition_point(|e| e.at <= event.at);
                change.insert(at, event);
            }
            Checked::Changed(i, event) => {
                let old = ws.review.timeline[*i].at;
                origin.push((line, event.id));
                change.replace((**event).clone(), |list, row| {
                    if event.at == old {
                        row
                    } else {
                        list.partition_point(|e| e.at <= event.at)
                    }
                });
            }
            _ => origin.extend(origin_of(reading, row, |i| ws.review.timeline[i].id)),
        }
    }
    (change.edit(), origin)
}

/// Applies the learnings: changed lines change their learnings' text, new
/// lines are appended, deleted lines removed. Gives what each line of
/// went well and of to improve now stands for.
fn apply_learnings(q: &Quick, ws: &mut Workspace) -> (Option<Edit>, [Origin; 2]) {
    let readings = [&q.read.went_well, &q.read.improve];
    let r = &ws.review;
    let mut change = Change {
        list: r.learnings.clone(),
        edits: Vec::new(),
        item: &Item::Learning,
        id: &|l: &Learning| l.id,
    };
    let other = |i: usize| {
        !matches!(
            r.learnings[i].kind,
            LearningKind::WentWell | LearningKind::NeedsImprovement
        )
    };
    for row in unused(r.learnings.len(), &readings, other) {
        change.remove(row);
    }
    let mut origins: [Origin; 2] = Default::default();
    for (origin, reading) in origins.iter_mut().zip(readings) {
        for (row, check) in reading.checks().iter().enumerate() {
            let line = reading.line(row).to_owned();
            match check {
                Checked::New(learning) => {
                    let mut learning = (**learning).clone();
                    learning.id = ws.review.take_id();
                    origin.push((line, learning.id));
                    change.insert(change.list.len(), learning);
                }
                Checked::Changed(_, learning) => {
                    origin.push((line, learning.id));
                    change.replace((**learning).clone(), |_, row| row);
                }
                _ => origin.extend(origin_of(reading, row, |i| ws.review.learnings[i].id)),
            }
        }
    }
    (change.edit(), origins)
}

/// Applies the action items: changed lines change their items, new lines
/// are appended, deleted lines removed (unless a line cannot be read).
/// Gives what each line now stands for.
fn apply_actions(q: &Quick, ws: &mut Workspace) -> (Option<Edit>, Origin) {
    let reading = &q.read.actions;
    let bad = !reading.bad_rows().is_empty();
    let r = &ws.review;
    let mut change = Change {
        list: r.actions.clone(),
        edits: Vec::new(),
        item: &Item::Action,
        id: &|a: &ActionItem| a.id,
    };
    for row in unused(r.actions.len(), &[reading], |_| bad) {
        change.remove(row);
    }
    let mut origin = Vec::new();
    for (row, check) in reading.checks().iter().enumerate() {
        let line = reading.line(row).to_owned();
        match check {
            Checked::New(action) => {
                let mut action = (**action).clone();
                action.id = ws.review.take_id();
                origin.push((line, action.id));
                change.insert(change.list.len(), action);
            }
            Checked::Changed(_, action) => {
                origin.push((line, action.id));
                change.replace((**action).clone(), |_, row| row);
            }
            _ => origin.extend(origin_of(reading, row, |i| ws.review.actions[i].id)),
        }
    }
    (change.edit(), origin)
}

/// Applies the key moments whose text was changed (or offered); a time
/// that cannot be read leaves its moment as it was and is kept with its
/// error. A time alone falls on the date of the moment before (the first:
/// [`base_date`]).
fn apply_moments(q: &mut Quick, ws: &mut Workspace) -> bool {
    let texts: [String; 5] = std::array::from_fn(|i| text_of(&q.moments[i]));
    let unchanged: [bool; 5] = std::array::from_fn(|i| {
        q.moments[i].lines() == q.applied[FIRST_MOMENT + i].as_slice()
            && q.moment_errors[i].is_none()
    });
    let offered: [Option<DateTime<Utc>>; 5] = std::array::from_fn(|i| {
        q.offers[i].filter(|_| q.suggested[i].as_deref() == Some(texts[i].as_str()))
    });
    let mut errors: [Option<String>; 5] = Default::default();
    let date = base_date(&ws.review);
    let revision = ws.revision;
    let _ = editing::change_head(ws, |r| {
        let mut date = date;
        for (i, moment) in MOMENTS.iter().enumerate() {
            let text = texts[i].trim();
            if unchanged[i] {
                if let Some(at) = r.moments.get(*moment) {
                    date = local_date(r, at);
                }
                continue;
            }
            if let Some(at) = offered[i] {
                r.moments.set(*moment, Some(at));
                date = local_date(r, at);
                continue;
            }
            if text.is_empty() {
                r.moments.set(*moment, None);
                continue;
            }
            match read_moment(text, date, r.offset) {
                Ok(at) => {
                    r.moments.set(*moment, Some(at));
                    date = local_date(r, at);
                }
                Err(why) => {
                    if let Some(at) = r.moments.get(*moment) {
                        date = local_date(r, at);
                    }
                    errors[i] = Some(why);
                }
            }
        }
        Ok(())
    });
    q.moment_errors = errors;
    ws.revision != revision
}

/// Applies the public summary's texts that were changed; whether the
/// review changed.
fn apply_summary(q: &Quick, ws: &mut Workspace, coach: &Coach) -> bool {
    let changed = [SUMMARY, IMPACT].map(|slot| q.changed(slot));
    if !changed.contains(&true) {
        return false;
    }
    let [summary, impact] = [&q.summary, &q.impact].map(|e| Text::trimmed(text_of(e)));
    let revision = ws.revision;
    let _ = editing::change_summary(ws, coach, |r| {
        if changed[0] {
            r.summary.summary = summary;
        }
        if changed[1] {
            r.summary.customer_impact = impact;
        }
        Ok(())
    });
    ws.revision != revision
}

/// Applies the step being left to the review; says how it went.
pub(super) fn apply(app: &mut App) -> Vec<Effect> {
    let Some((q, ws, coach)) = super::keys::parts_and_coach(app) else {
        return Vec::new();
    };
    if ws.read_only() {
        return Vec::new();
    }
    let step = q.step;
    let edit = match step {
        Step::Happened => {
            let (edit, origin) = apply_events(q, ws);
            q.origin[EVENTS] = origin;
            edit
        }
        Step::Learnings => {
            let (edit, [well, improve]) = apply_learnings(q, ws);
            q.origin[WENT_WELL] = well;
            q.origin[IMPROVE] = improve;
            edit
        }
        Step::Actions => {
            let (edit, origin) = apply_actions(q, ws);
            q.origin[ACTIONS] = origin;
            edit
        }
        Step::Moments | Step::Export => None,
    };
    let changed = match edit {
        Some(edit) => {
            editing::commit_words(ws, coach, edit);
            true
        }
        None if step == Step::Export => apply_summary(q, ws, coach),
        None => step == Step::Moments && apply_moments(q, ws),
    };
    if step == Step::Moments {
        for (i, m) in MOMENTS.iter().enumerate() {
            // An offer cleared was declined; a moment once in the review
            // and cleared stays cleared.
            let declined = q.suggested[i].is_some() && text_of(&q.moments[i]).trim().is_empty();
            // An offer taken is a time set like any other.
            let set = ws.review.moments.get(*m).is_some();
            if declined || set {
                q.suggested[i] = None;
                q.offers[i] = None;
            }
            q.settled[i] |= declined || set;
        }
    }
    for slot in step.slots() {
        q.applied[slot] = q.slot(slot).lines().to_vec();
        q.resync(slot);
    }
    q.refresh(&ws.review);
    super::messages::say_unread(app, step);
    if changed {
        vec![Effect::Save]
    } else {
        Vec::new()
    }
}
