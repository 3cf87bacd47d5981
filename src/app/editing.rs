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
    ActionItem, ActionStatus, Area, Effect as FactorEffect, Event, EventKind, Factor,
    Field as ReviewField, Impact, Improves, ItemId, Learning, LearningKind, ParkingItem,
    Participant, Phase, Priority, Review, ReviewKind, Role, Severity, Source, Status, Text,
    parse_date, parse_quick_event, parse_time,
};

const NONE: &str = "—";

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

/// The form that adds an item to `pane`, or edits its row `row`.
pub fn item_form(ws: &Workspace, pane: Pane, row: Option<usize>) -> Option<Form> {
    let r = &ws.review;
    let form = match pane {
        Pane::Timeline => {
            let e = row.and_then(|i| r.timeline.get(i));
            let at = e.map(|e| local_time(r, e.at)).unwrap_or_default();
            Form::new(
                if e.is_some() {
                    "Edit event"
                } else {
                    "Add event"
                },
                Target::Event(e.map(|e| e.id)),
                vec![
                    Field::text(F::Time, &at)
                        .with_hint("16:02, or 2026-11-23 16:02, in the review's offset"),
                    Field::text(F::Actor, e.map_or("", |e| opt(&e.actor)))
                        .with_completions(people(r)),
                    Field::multiline(F::WhatHappened, e.map_or("", |e| e.text.as_str())),
                    Field::choice(
                        F::EventKind,
                        labels(EventKind::ALL, EventKind::label),
                        e.map_or("action", |e| e.kind.label()),
                    ),
                    Field::choice(
                        F::Phase,
                        optional_labels(Phase::ALL, Phase::label),
                        e.and_then(|e| e.phase).map_or(NONE, Phase::label),
                    ),
                    Field::choice(
                        F::Impact,
                        labels(Impact::ALL, Impact::label),
                        e.map_or("unjudged", |e| e.impact.label()),
                    )
                    .with_hint("Did this move us towards recovery, away from it, or neither?"),
                    Field::toggle(F::Starred, e.is_some_and(|e| e.starred)),
                    Field::toggle(F::Internal, e.is_some_and(|e| e.internal)),
                ],
            )
        }
        Pane::Learnings => {
            let l = row.and_then(|i| r.learnings.get(i));
            Form::new(
                if l.is_some() {
                    "Edit learning"
                } else {
                    "Add learning"
                },
                Target::Learning(l.map(|l| l.id)),
                vec![
                    Field::multiline(F::Learning, l.map_or("", |l| l.text.as_str())).with_hint(
                        "Anything someone in the room did not know is worth writing down",
                    ),
                    Field::choice(
                        F::LearningKind,
                        labels(LearningKind::ALL, LearningKind::label),
                        l.map_or("surprise", |l| l.kind.label()),
                    ),
                    Field::toggle(F::Internal, l.is_some_and(|l| l.internal)),
                ],
            )
        }
        Pane::Factors => {
            let f = row.and_then(|i| r.factors.get(i));
            Form::new(
                if f.is_some() {
                    "Edit contributing factor"
                } else {
                    "Add contributing factor"
                },
                Target::Factor(f.map(|f| f.id)),
                vec![
                    Field::multiline(F::Factor, f.map_or("", |f| f.text.as_str()))
                        .with_hint("What helped or hurt? Never \"the cause\""),
                    Field::choice(
                        F::FactorEffect,
                        labels(FactorEffect::ALL, FactorEffect::label),
                        f.map_or("hurt", |f| f.effect.label()),
                    ),
                    Field::choice(
                        F::Area,
                        labels(Area::ALL, Area::label),
                        f.map_or("process", |f| f.area.label()),
                    ),
                    Field::toggle(F::Internal, f.is_some_and(|f| f.internal)),
                ],
            )
        }
        Pane::Actions => {
            let a = row.and_then(|i| r.actions.get(i));
            Form::new(
                if a.is_some() {
                    "Edit action item"
                } else {
                    "Add action item"
                },
                Target::Action(a.map(|a| a.id)),
                vec![
                    Field::multiline(F::Action, a.map_or("", |a| a.text.as_str())),
                    Field::text(F::Owner, a.map_or("", |a| opt(&a.owner)))
                        .with_completions(people(r))
                        .with_hint("A task without an owner never gets done"),
                    Field::choice(
                        F::Priority,
                        optional_labels(Priority::ALL, Priority::label),
                        a.and_then(|a| a.priority).map_or(NONE, Priority::label),
                    ),
                    Field::text(
                        F::Due,
                        &a.and_then(|a| a.due)
                            .map(|d| d.to_string())
                            .unwrap_or_default(),
                    )
                    .with_hint("2026-12-01"),
                    Field::choice(
                        F::Improves,
                        optional_labels(Improves::ALL, Improves::label),
                        a.and_then(|a| a.improves).map_or(NONE, Improves::label),
                    ),
                    Field::text(F::Ticket, a.map_or("", |a| opt(&a.ticket))),
                    Field::choice(
                        F::ActionStatus,
                        labels(ActionStatus::ALL, ActionStatus::label),
                        a.map_or("open", |a| a.status.label()),
                    ),
                    Field::toggle(F::Internal, a.is_some_and(|a| a.internal)),
                ],
            )
        }
        Pane::Parking => {
            let p = row.and_then(|i| r.parking_lot.get(i));
            Form::new(
                if p.is_some() {
                    "Edit parking lot item"
                } else {
                    "Park an idea"
                },
                Target::Parking(p.map(|p| p.id)),
                vec![Field::multiline(F::Idea, p.map_or("", |p| p.text.as_str()))],
            )
        }
        Pane::Details => return detail_form(ws, row),
    };
    Some(form)
}

fn detail_form(ws: &Workspace, row: Option<usize>) -> Option<Form> {
    let r = &ws.review;
    let Some(row) = row else {
        return Some(participant_form(r, None));
    };
    let moment = |at: Option<DateTime<Utc>>| at.map(|at| local_time(r, at)).unwrap_or_default();
    let form = match ws.detail_rows().get(row)? {
        DetailRow::Review => Form::new(
            "Review",
            Target::ReviewFields,
            vec![
                Field::text(F::Review(ReviewField::Title), &r.title),
                Field::text(F::Review(ReviewField::Incident), opt(&r.incident))
                    .with_hint("The incident's ticket or number"),
                Field::choice(
                    F::Review(ReviewField::Severity),
                    labels(Severity::ALL, Severity::label),
                    r.severity.label(),
                ),
                Field::choice(
                    F::Review(ReviewField::Status),
                    labels(Status::ALL, Status::label),
                    r.status.label(),
                ),
                Field::choice(
                    F::Review(ReviewField::Kind),
                    labels(ReviewKind::ALL, ReviewKind::label),
                    r.kind.label(),
                ),
                Field::text(F::Review(ReviewField::Offset), &r.offset.to_string())
                    .with_hint("+01:00: times are read and shown in it"),
            ],
        ),
        DetailRow::Moments => Form::new(
            "Key moments",
            Target::Moments,
            vec![
                Field::text(F::Review(ReviewField::Started), &moment(r.moments.started))
                    .with_hint("16:02, or 2026-11-23 16:02; empty to clear"),
                Field::text(
                    F::Review(ReviewField::Detected),
                    &moment(r.moments.detected),
                ),
                Field::text(
                    F::Review(ReviewField::Acknowledged),
                    &moment(r.moments.acknowledged),
                ),
                Field::text(
                    F::Review(ReviewField::Mitigated),
                    &moment(r.moments.mitigated),
                ),
                Field::text(
                    F::Review(ReviewField::Resolved),
                    &moment(r.moments.resolved),
                ),
                Field::text(
                    F::Review(ReviewField::DetectedBy),
                    opt(&r.people.detected_by),
                )
                .with_completions(people(r)),
                Field::text(
                    F::Review(ReviewField::AlertedFirst),
                    opt(&r.people.alerted_first),
                )
                .with_completions(people(r)),
                Field::text(F::Review(ReviewField::Commander), opt(&r.people.commander))
                    .with_completions(people(r)),
                Field::text(
                    F::Review(ReviewField::Facilitator),
                    opt(&r.people.facilitator),
                )
                .with_completions(people(r)),
            ],
        ),
        DetailRow::Summary => {
            let s = &r.summary;
            let services: Vec<&str> = s.services.iter().map(|t| t.as_str()).collect();
            Form::new(
                "Summary",
                Target::Summary,
                vec![
                    Field::multiline(F::Review(ReviewField::Summary), &s.summary),
                    Field::text(F::Review(ReviewField::Services), &services.join(", "))
                        .with_hint("Separated by commas"),
                    Field::multiline(F::Review(ReviewField::CustomerImpact), &s.customer_impact)
                        .with_hint("Support tickets, social media, status page updates"),
                    Field::multiline(F::Review(ReviewField::SlaImpact), &s.sla_impact),
                    Field::multiline(F::Review(ReviewField::ProximateCause), &s.proximate_cause),
                    Field::multiline(F::Review(ReviewField::Resolution), &s.resolution),
                ],
            )
        }
        DetailRow::Participant(i) => participant_form(r, Some(*i)),
        DetailRow::Notes => Form::new(
            NOTES_FORM_TITLE,
            Target::Notes,
            vec![Field::multiline(F::Review(ReviewField::Notes), &r.notes)],
        ),
    };
    Some(form)
}

fn participant_form(r: &Review, index: Option<usize>) -> Form {
    let p = index.and_then(|i| r.participants.get(i));
    Form::new(
        if p.is_some() {
            "Edit participant"
        } else {
            "Add participant"
        },
        Target::Participant(index),
        vec![
            Field::text(F::Name, p.map_or("", |p| p.name.as_str())),
            Field::choice(
                F::Role,
                labels(Role::ALL, Role::label),
                p.map_or("other", |p| p.role.label()),
            ),
        ],
    )
}

pub fn quick_entry_form() -> Form {
    Form::new(
        "Quick entry",
        Target::QuickEvent,
        vec![
            Field::text(F::QuickEvent, "")
                .with_hint("16:02 gary: saw the login page fail   (Enter files it in time order)"),
        ],
    )
}

pub fn export_form(ws: &Workspace) -> Form {
    let beside = ws
        .file
        .as_ref()
        .and_then(|f| f.parent())
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    Form::new(
        "Export reports",
        Target::ExportTo,
        vec![
            Field::text(F::Folder, &beside)
                .with_hint("The internal and public reports are written there"),
        ],
    )
}

pub fn new_review_form() -> Form {
    Form::new(
        "New review",
        Target::NewReview,
        vec![
            Field::text(F::NewTitle, ""),
            Field::choice(
                F::NewSeverity,
                labels(Severity::ALL, Severity::label),
                "Sev3",
            )
            .with_hint(
                "Sev1 complete outage … Sev5 false alarm; Sev3 and below suit a quick review",
            ),
        ],
    )
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
        (CommandId::CyclePhase, Item::Event(e)) => {
            e.phase = match e.phase {
                None => Some(Phase::ALL[0]),
                Some(p) if p == *Phase::ALL.last().unwrap_or(&p) => None,
                Some(p) => Some(p.cycle()),
            };
            "Phase changed"
        }
        (CommandId::ToggleStar, Item::Event(e)) => {
            e.starred = !e.starred;
            if e.starred {
                "Starred: kept in long reports"
            } else {
                "Star removed"
            }
        }
        (CommandId::CycleLearningKind, Item::Learning(l)) => {
            l.kind = l.kind.cycle();
            "Kind changed"
        }
        (CommandId::CycleEffect, Item::Factor(f)) => {
            f.effect = f.effect.cycle();
            "Effect changed"
        }
        (CommandId::CycleArea, Item::Factor(f)) => {
            f.area = f.area.cycle();
            "Area changed"
        }
        (CommandId::CycleActionStatus, Item::Action(a)) => {
            a.status = a.status.cycle();
            "Status changed"
        }
        (CommandId::CyclePriority, Item::Action(a)) => {
            a.priority = match a.priority {
                None => Some(Priority::High),
                Some(Priority::Low) => None,
                Some(p) => Some(p.cycle()),
            };
            "Priority changed"
        }
        (CommandId::ParkingToAction, Item::Parking(p)) => {
            let mut action = ActionItem::new(p.text.clone());
            action.id = ws.review.take_id();
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

fn row_of(ids: impl Iterator<Item = ItemId>, id: ItemId) -> Option<usize> {
    ids.into_iter().position(|i| i == id)
}

/// Puts `item` in its list: replacing the item with the same id, or added
/// at the end (events: in time order). Selects it.
fn place(ws: &mut Workspace, item: Item, existing: Option<ItemId>) {
    let r = &ws.review;
    let before = existing.and_then(|id| {
        let row = match &item {
            Item::Event(_) => row_of(r.timeline.iter().map(|e| e.id), id),
            Item::Learning(_) => row_of(r.learnings.iter().map(|l| l.id), id),
            Item::Factor(_) => row_of(r.factors.iter().map(|f| f.id), id),
            Item::Action(_) => row_of(r.actions.iter().map(|a| a.id), id),
            Item::Parking(_) => row_of(r.parking_lot.iter().map(|p| p.id), id),
        }?;
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
    commit(
        ws,
        Edit::Item {
            before,
            after: Some((at, item)),
        },
    );
    ws.focus = pane;
    ws.cursor_mut(pane).selected = at;
}

/// Saves a form into the review. An error leaves the form open with the
/// message, and nothing typed is lost.
pub fn submit(app: &mut App, form: &Form) -> Result<Vec<Effect>, String> {
    let get = |id: F| form.get(id);
    let toggle = |id: F| get(id) == "yes";
    match form.target {
        Target::ExportTo => {
            let folder = required("The folder", &get(F::Folder))?;
            return Ok(vec![Effect::Export {
                folder: Some(folder.as_str().into()),
            }]);
        }
        Target::NewReview => {
            let title = required("The title", &get(F::NewTitle))?;
            let severity = get(F::NewSeverity)
                .parse()
                .map_err(|e: crate::domain::UnknownValue| e.to_string())?;
            return Ok(vec![Effect::Create {
                title: title.into_string(),
                severity,
            }]);
        }
        _ => {}
    }
    let (user, now) = (app.user.clone(), app.now);
    let Some(ws) = app.workspace_mut() else {
        return Ok(Vec::new());
    };
    let r = &ws.review;
    let (date, offset) = (r.incident_date(), r.offset);
    match form.target {
        Target::QuickEvent => {
            let line = get(F::QuickEvent);
            let q = parse_quick_event(&line, date, offset)
                .map_err(|e| format!("{e}; type it like: 16:02 gary: saw the login page fail"))?;
            let mut event = Event::new(q.at, required("The text", q.text)?, Source::Typed);
            event.actor = q.actor.and_then(optional);
            event.id = ws.review.take_id();
            place(ws, Item::Event(event), None);
            app.info("Event filed in time order. n for another.");
        }
        Target::Event(id) => {
            let at = parse_time(&get(F::Time), date, offset).map_err(|e| e.to_string())?;
            let mut event = match id.and_then(|id| ws.review.event(id)) {
                Some(e) => e.clone(),
                None => {
                    let mut e = Event::new(at, Text::default(), Source::Typed);
                    e.id = ws.review.take_id();
                    e
                }
            };
            event.at = at;
            event.text = required("What happened", &get(F::WhatHappened))?;
            event.actor = optional(&get(F::Actor));
            event.kind = get(F::EventKind).parse().unwrap_or(event.kind);
            event.phase = chosen(&get(F::Phase));
            event.impact = get(F::Impact).parse().unwrap_or(event.impact);
            event.starred = toggle(F::Starred);
            event.internal = toggle(F::Internal);
            place(ws, Item::Event(event), id);
        }
        Target::Learning(id) => {
            let mut l = id
                .and_then(|id| ws.review.learnings.iter().find(|l| l.id == id).cloned())
                .unwrap_or_else(|| Learning::new(LearningKind::Surprise, Text::default()));
            l.text = required("The learning", &get(F::Learning))?;
            l.kind = get(F::LearningKind).parse().unwrap_or(l.kind);
            l.internal = toggle(F::Internal);
            if id.is_none() {
                l.id = ws.review.take_id();
            }
            place(ws, Item::Learning(l), id);
        }
        Target::Factor(id) => {
            let mut f = id
                .and_then(|id| ws.review.factors.iter().find(|f| f.id == id).cloned())
                .unwrap_or_else(|| Factor::new(Text::default(), FactorEffect::Hurt, Area::Process));
            f.text = required("The factor", &get(F::Factor))?;
            f.effect = get(F::FactorEffect).parse().unwrap_or(f.effect);
            f.area = get(F::Area).parse().unwrap_or(f.area);
            f.internal = toggle(F::Internal);
            if id.is_none() {
                f.id = ws.review.take_id();
            }
            place(ws, Item::Factor(f), id);
        }
        Target::Action(id) => {
            let mut a = id
                .and_then(|id| ws.review.actions.iter().find(|a| a.id == id).cloned())
                .unwrap_or_else(|| ActionItem::new(Text::default()));
            a.text = required("The action", &get(F::Action))?;
            a.owner = optional(&get(F::Owner));
            a.priority = chosen(&get(F::Priority));
            let due = get(F::Due);
            a.due = if due.trim().is_empty() {
                None
            } else {
                Some(parse_date(&due).map_err(|e| e.to_string())?)
            };
            a.improves = chosen(&get(F::Improves));
            a.ticket = optional(&get(F::Ticket));
            a.status = get(F::ActionStatus).parse().unwrap_or(a.status);
            a.internal = toggle(F::Internal);
            if id.is_none() {
                a.id = ws.review.take_id();
            }
            place(ws, Item::Action(a), id);
            if ws
                .review
                .actions
                .iter()
                .any(|a| a.owner.is_none() || a.priority.is_none())
            {
                app.warn("An action item without an owner and a priority rarely gets done");
            }
        }
        Target::Parking(id) => {
            let mut p = id
                .and_then(|id| ws.review.parking_lot.iter().find(|p| p.id == id).cloned())
                .unwrap_or_else(|| ParkingItem::new(Text::default()));
            p.text = required("The idea", &get(F::Idea))?;
            if id.is_none() {
                p.id = ws.review.take_id();
            }
            place(ws, Item::Parking(p), id);
        }
        Target::Participant(index) => {
            let name = required("The name", &get(F::Name))?;
            let role: Role = get(F::Role).parse().unwrap_or(Role::Other);
            change_head(ws, |r| {
                let p = Participant { name, role };
                match index.filter(|i| *i < r.participants.len()) {
                    Some(i) => r.participants[i] = p,
                    None => r.participants.push(p),
                }
                Ok(())
            })?;
        }
        Target::ReviewFields => change_head(ws, |r| {
            let before = r.status;
            for field in [
                ReviewField::Title,
                ReviewField::Incident,
                ReviewField::Severity,
                ReviewField::Status,
                ReviewField::Kind,
                ReviewField::Offset,
            ] {
                let id = F::Review(field);
                r.set_field(field, &get(id))
                    .map_err(|e| format!("{}: {e}", id.label()))?;
            }
            r.note_status_change(before, &user, now);
            Ok(())
        })?,
        Target::Moments => change_head(ws, |r| {
            // People first, then moments from the earliest, so that a time
            // without a date takes the incident's date.
            for field in [
                ReviewField::DetectedBy,
                ReviewField::AlertedFirst,
                ReviewField::Commander,
                ReviewField::Facilitator,
                ReviewField::Started,
                ReviewField::Detected,
                ReviewField::Acknowledged,
                ReviewField::Mitigated,
                ReviewField::Resolved,
            ] {
                let id = F::Review(field);
                r.set_field(field, &get(id))
                    .map_err(|e| format!("{}: {e}", id.label()))?;
            }
            Ok(())
        })?,
        Target::Summary => change_head(ws, |r| {
            for field in [
                ReviewField::Summary,
                ReviewField::Services,
                ReviewField::CustomerImpact,
                ReviewField::SlaImpact,
                ReviewField::ProximateCause,
                ReviewField::Resolution,
            ] {
                let id = F::Review(field);
                r.set_field(field, &get(id))
                    .map_err(|e| format!("{}: {e}", id.label()))?;
            }
            Ok(())
        })?,
        Target::Notes => change_head(ws, |r| {
            r.notes = Text::trimmed(get(F::Review(ReviewField::Notes)));
            Ok(())
        })?,
        Target::Timeboxes => super::meeting::submit_timeboxes(ws, form)?,
        Target::ExportTo | Target::NewReview => {}
    }
    Ok(vec![Effect::Save])
}

/// Changes the review's head (everything but the item lists) on a small
/// copy, and commits it only if every field was accepted.
pub(super) fn change_head(
    ws: &mut Workspace,
    change: impl FnOnce(&mut Review) -> Result<(), String>,
) -> Result<(), String> {
    let before = Head::of(&ws.review);
    let mut scratch = Review::new(
        ws.review.id.clone(),
        before.title.clone(),
        before.severity,
        before.kind,
        ws.review.created,
        before.offset,
    );
    Edit::Head {
        before: Box::new(before.clone()),
        after: Box::new(before.clone()),
    }
    .apply(&mut scratch);
    change(&mut scratch)?;
    let after = Head::of(&scratch);
    if after != before {
        commit(
            ws,
            Edit::Head {
                before: Box::new(before),
                after: Box::new(after),
            },
        );
    }
    Ok(())
}
