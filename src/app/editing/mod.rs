//! Changes to the review from the workspace: the forms that add and edit
//! items, and the one-key changes (delete, cycle, star, internal-only).
//! Every change goes through [`History`](super::history::History) so that
//! it can be undone.

use chrono::{DateTime, Utc};

use super::action::Effect;
use super::commands::CommandId;
use super::form::{Field, FieldId as F, Form, Target};
use super::history::{Edit, Head, Item};
use super::state::{App, DetailRow, Overlay, Pane, Workspace};
use crate::domain::{
    ActionItem, ActionStatus, Area, Coach, Effect as FactorEffect, Event, EventKind, Factor,
    Field as ReviewField, Impact, Improves, ItemId, Learning, LearningKind, ParkingItem,
    Participant, Phase, Priority, Review, ReviewKind, Role, Severity, Source, Status, Text,
    parse_due, parse_quick_event, parse_tags, parse_time,
};

mod choose;
mod forms;
mod submit;

pub use choose::{Choice, Choosing, key as choose_key};

pub use forms::{export_form, item_form, new_review_form, quick_entry_form};
pub use submit::{FOLDER_ASK, ask_to_make, submit};
pub(crate) use submit::{change_head, change_summary};

pub(crate) const NONE: &str = "—";

/// The title of the notes form, which also opens a draft of the notes.
pub const NOTES_FORM_TITLE: &str = "Facilitator's notes (private: never in a report)";

fn labels<T: Copy>(all: &[T], label: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|v| label(*v)).collect()
}

fn optional_labels<T: Copy>(all: &[T], label: fn(T) -> &'static str) -> Vec<&'static str> {
    std::iter::once(NONE)
        .chain(all.iter().map(|v| label(*v)))
        .collect()
}

/// Reads back a label chosen in a form.
fn chosen<T: std::str::FromStr>(value: &str) -> Option<T> {
    if value == NONE {
        None
    } else {
        value.parse().ok()
    }
}

/// The names a person may mean: participants and people already named.
fn people(r: &Review) -> Vec<String> {
    let mut names: Vec<String> = r.participants.iter().map(|p| p.name.to_string()).collect();
    for name in r
        .timeline
        .iter()
        .filter_map(|e| e.actor.as_ref())
        .chain(r.actions.iter().filter_map(|a| a.owner.as_ref()))
    {
        if !names.iter().any(|n| n == name.as_str()) {
            names.push(name.to_string());
        }
    }
    names
}

fn local_time(r: &Review, at: DateTime<Utc>) -> String {
    let local = r.offset.local(at);
    if local.date_naive() == r.incident_date() {
        local.format("%H:%M").to_string()
    } else {
        local.format("%Y-%m-%d %H:%M").to_string()
    }
}

fn opt(t: &Option<Text>) -> &str {
    t.as_deref().unwrap_or_default()
}

/// A one-key command on the focused pane.
pub fn command(app: &mut App, id: CommandId) -> Vec<Effect> {
    let Some(ws) = app.workspace() else {
        return Vec::new();
    };
    let focus = ws.focus;
    let row = ws.selected(focus);
    if let Some(why) = ws.read_only_reason() {
        app.warn(why);
        return Vec::new();
    }
    let form = match id {
        CommandId::Add => item_form(ws, focus, None),
        CommandId::Edit => row.and_then(|row| item_form(ws, focus, Some(row))),
        CommandId::QuickEntry => Some(quick_entry_form()),
        _ => None,
    };
    if let Some(form) = form {
        if form.target == Target::Notes && !app.audience.sees_notes() {
            app.warn("The notes are private: leave presenter mode (F5) to edit them");
            return Vec::new();
        }
        app.overlays.push(Overlay::Form(Box::new(form)));
        return Vec::new();
    }
    let choosing = match (id, focus) {
        (CommandId::CyclePhase, Pane::Timeline) => Some(Choosing::Phase),
        (CommandId::PickEventKind, Pane::Timeline) => Some(Choosing::EventKind),
        (CommandId::SetMoment, Pane::Timeline) => Some(Choosing::Moment),
        (CommandId::CycleLearningKind, Pane::Learnings) => Some(Choosing::LearningKind),
        (CommandId::CycleArea, Pane::Factors) => Some(Choosing::Area),
        (CommandId::CycleActionStatus, Pane::Actions) => Some(Choosing::ActionStatus),
        (CommandId::CyclePriority, Pane::Actions) => Some(Choosing::Priority),
        _ => None,
    };
    if let Some(what) = choosing {
        return choose::open(app, what);
    }
    let Some(row) = row else { return Vec::new() };
    // Whether the coach hears anything in the item, asked before the
    // review is borrowed for changing.
    let flagged = app
        .workspace()
        .and_then(|ws| item_at(&ws.review, focus, row))
        .and_then(|mut item| quote_flag(&mut item).map(|(text, _)| text))
        .is_some_and(|text| !app.coach.check(&text).is_empty());
    let Some(ws) = app.workspace_mut() else {
        return Vec::new();
    };
    let Some(before) = item_at(&ws.review, focus, row) else {
        if id == CommandId::Delete && focus == Pane::Details {
            return delete_participant(app, row);
        }
        return Vec::new();
    };
    let mut after = before.clone();
    let message = match (id, &mut after) {
        (CommandId::Delete, _) => {
            commit(
                ws,
                Edit::Item {
                    before: Some((row, before)),
                    after: None,
                },
            );
            let len = ws.len(focus);
            ws.cursor_mut(focus).selected = row.min(len.saturating_sub(1));
            app.info("Deleted. Press u to undo.");
            return vec![Effect::Save];
        }
        (CommandId::ToggleInternal, item) => {
            let flag = internal_flag(item);
            match flag {
                Some(flag) => {
                    *flag = !*flag;
                    if *flag {
                        "Internal only: left out of the public summary"
                    } else {
                        "Public again"
                    }
                }
                None => return Vec::new(),
            }
        }
        (CommandId::KeepQuote, item) => {
            let Some((_, quote)) = quote_flag(item) else {
                return Vec::new();
            };
            if !*quote && !flagged {
                app.info("The coach flags nothing in this item");
                return Vec::new();
            }
            *quote = !*quote;
            if *quote {
                "Kept as a direct quote: marked in the internal report, no longer open"
            } else {
                "Flagged again: reframe it when you can"
            }
        }
        (CommandId::CycleImpact, Item::Event(e)) => {
            e.impact = e.impact.cycle();
            "Impact on recovery changed"
        }
        (CommandId::ToggleStar, Item::Event(e)) => {
            e.starred = !e.starred;
            if e.starred {
                "Starred: kept in long reports"
            } else {
                "Star removed"
            }
        }
        (CommandId::CycleEffect, Item::Factor(f)) => {
            f.effect = f.effect.cycle();
            "Effect changed"
        }
        (CommandId::ParkingToAction, Item::Parking(p)) => {
            let mut action = ActionItem::new(p.text.clone());
            action.id = ws.review.take_id();
            // The same words: what the room reframed in them goes along.
            action.reframed = p.reframed.clone();
            let at = ws.review.actions.len();
            commit(
                ws,
                Edit::Batch(vec![
                    Edit::Item {
                        before: Some((row, before)),
                        after: None,
                    },
                    Edit::Item {
                        before: None,
                        after: Some((at, Item::Action(action))),
                    },
                ]),
            );
            ws.focus = Pane::Actions;
            ws.cursor_mut(Pane::Actions).selected = at;
            app.info("Moved to the action items: give it an owner and a priority (Enter)");
            return vec![Effect::Save];
        }
        _ => {
            // A command for another pane, run from the palette.
            let c = super::commands::command(id);
            app.info(format!(
                "'{}' works in the {} pane",
                c.name,
                c.scope.label().to_lowercase()
            ));
            return Vec::new();
        }
    };
    commit(
        ws,
        Edit::Item {
            before: Some((row, before)),
            after: Some((row, after)),
        },
    );
    app.info(message);
    vec![Effect::Save]
}

fn delete_participant(app: &mut App, row: usize) -> Vec<Effect> {
    let Some(ws) = app.workspace_mut() else {
        return Vec::new();
    };
    let Some(DetailRow::Participant(i)) = ws.detail_rows().get(row).copied() else {
        return Vec::new();
    };
    let before = Head::of(&ws.review);
    let mut after = before.clone();
    after.participants.remove(i);
    commit(
        ws,
        Edit::Head {
            before: Box::new(before),
            after: Box::new(after),
        },
    );
    app.info("Participant removed. Press u to undo.");
    vec![Effect::Save]
}

/// The item's text and its kept-as-quote flag.
fn quote_flag(item: &mut Item) -> Option<(String, &mut bool)> {
    match item {
        Item::Event(e) => Some((e.text.to_string(), &mut e.quote)),
        Item::Learning(l) => Some((l.text.to_string(), &mut l.quote)),
        Item::Factor(f) => Some((f.text.to_string(), &mut f.quote)),
        Item::Action(a) => Some((a.text.to_string(), &mut a.quote)),
        Item::Parking(_) => None,
    }
}

fn internal_flag(item: &mut Item) -> Option<&mut bool> {
    match item {
        Item::Event(e) => Some(&mut e.internal),
        Item::Learning(l) => Some(&mut l.internal),
        Item::Factor(f) => Some(&mut f.internal),
        Item::Action(a) => Some(&mut a.internal),
        Item::Parking(_) => None,
    }
}

fn item_at(r: &Review, pane: Pane, row: usize) -> Option<Item> {
    Some(match pane {
        Pane::Timeline => Item::Event(r.timeline.get(row)?.clone()),
        Pane::Learnings => Item::Learning(r.learnings.get(row)?.clone()),
        Pane::Factors => Item::Factor(r.factors.get(row)?.clone()),
        Pane::Actions => Item::Action(r.actions.get(row)?.clone()),
        Pane::Parking => Item::Parking(r.parking_lot.get(row)?.clone()),
        Pane::Details => return None,
    })
}

/// Applies and records an edit, and marks the review as changed.
pub(super) fn commit(ws: &mut Workspace, edit: Edit) {
    edit.apply(&mut ws.review);
    ws.history.record(edit);
    ws.revision += 1;
}

/// Commits an edit that may change the words of items or of the summary,
/// recording what the room reframed in them first.
pub(super) fn commit_words(ws: &mut Workspace, coach: &Coach, mut edit: Edit) {
    edit.note_reframes(coach);
    commit(ws, edit);
}

fn required(label: &str, value: &str) -> Result<Text, String> {
    let t = Text::trimmed(value);
    if t.is_empty() {
        Err(format!("{label} cannot be empty"))
    } else {
        Ok(t)
    }
}

fn optional(value: &str) -> Option<Text> {
    let t = Text::trimmed(value);
    (!t.is_empty()).then_some(t)
}

/// Puts `item` in its list: replacing the item with the same id, or added
/// at the end (events: in time order), and noting what its new words
/// reframed. Selects it.
fn place(ws: &mut Workspace, coach: &Coach, item: Item, existing: Option<ItemId>) {
    let r = &ws.review;
    let before = existing.and_then(|id| {
        let row = item.pane().list(r)?.row_of(id)?;
        item_at(r, item.pane(), row).map(|old| (row, old))
    });
    let pane = item.pane();
    let len_without = ws.len(pane) - usize::from(before.is_some());
    let at = match &item {
        Item::Event(e) => {
            // The place in time order once the old version is taken out.
            let mut at = ws.review.timeline.partition_point(|x| x.at <= e.at);
            if let Some((row, _)) = &before
                && *row < at
            {
                at -= 1;
            }
            at
        }
        _ => before.as_ref().map_or(len_without, |(row, _)| *row),
    };
    commit_words(
        ws,
        coach,
        Edit::Item {
            before,
            after: Some((at, item)),
        },
    );
    ws.focus = pane;
    ws.cursor_mut(pane).selected = at;
}

/// An event read from a line of the quick entry: time, actor, text, and
/// the kind and phase its tags give. Without a phase tag it takes the
/// phase of the event before it in `r`, if given.
fn quick_event(
    r: Option<&Review>,
    line: &str,
    date: chrono::NaiveDate,
    offset: crate::domain::Offset,
) -> Result<Event, String> {
    let q = parse_quick_event(line, date, offset).map_err(|e| e.to_string())?;
    let tagged = parse_tags(q.text)?;
    let mut event = Event::new(q.at, required("The text", tagged.text)?, Source::Typed);
    event.actor = q.actor.and_then(optional);
    if let Some(kind) = tagged.kind {
        event.kind = kind;
    }
    event.phase = tagged
        .phase
        .or_else(|| r.and_then(|r| phase_before(r, q.at)));
    Ok(event)
}

/// The phase of the last event at or before `at`.
fn phase_before(r: &Review, at: DateTime<Utc>) -> Option<Phase> {
    let i = r.timeline.partition_point(|x| x.at <= at);
    i.checked_sub(1).and_then(|i| r.timeline[i].phase)
}

/// Several lines pasted into the quick entry: one event a line, filed in
/// time order, as one step of undo. If a line does not read, nothing is
/// added and the error names the line.
pub fn paste_events(app: &mut App, text: &str) -> Result<usize, String> {
    let Some(ws) = app.workspace_mut() else {
        return Ok(0);
    };
    let (date, offset) = (ws.review.incident_date(), ws.review.offset);
    let mut events = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let event = quick_event(None, line, date, offset)
            .map_err(|e| format!("line {} of the paste: {e}; nothing was added", n + 1))?;
        events.push(event);
    }
    let mut edits = Vec::new();
    let mut last = 0;
    for mut event in events {
        event.id = ws.review.take_id();
        if event.phase.is_none() {
            event.phase = phase_before(&ws.review, event.at);
        }
        let at = ws.review.timeline.partition_point(|x| x.at <= event.at);
        let edit = Edit::Item {
            before: None,
            after: Some((at, Item::Event(event))),
        };
        edit.apply(&mut ws.review);
        edits.push(edit);
        last = at;
    }
    let added = edits.len();
    if added > 0 {
        ws.history.record(Edit::Batch(edits));
        ws.revision += 1;
        ws.focus = Pane::Timeline;
        ws.cursor_mut(Pane::Timeline).selected = last;
    }
    Ok(added)
}
