//! The forms that add and edit items and the review's fields, filled
//! with what the review holds.

use super::*;

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
                    Field::text(
                        F::Links,
                        &e.map(|e| {
                            e.links
                                .iter()
                                .map(|l| l.as_str())
                                .collect::<Vec<_>>()
                                .join(" ")
                        })
                        .unwrap_or_default(),
                    )
                    .with_hint("Dashboards, logs, chat messages: separated by spaces"),
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
                    Field::text(
                        F::LinkedEvents,
                        &l.map(|l| linked_events(r, &l.events)).unwrap_or_default(),
                    )
                    .with_completions(event_times(r))
                    .with_hint("The times of the events it comes from: 16:05, 16:12"),
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
                    .with_hint("2026-12-01, today, tomorrow, fri, +3d or +2w"),
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

/// The events a learning comes from, as their times (or numbers, for
/// two events at the same minute).
fn linked_events(r: &Review, ids: &[ItemId]) -> String {
    let times: Vec<String> = ids
        .iter()
        .filter_map(|id| r.event(*id))
        .map(|e| {
            let time = local_time(r, e.at);
            let same = r
                .timeline
                .iter()
                .filter(|x| local_time(r, x.at) == time)
                .count();
            if same > 1 { e.id.to_string() } else { time }
        })
        .collect();
    times.join(", ")
}

/// The times of the timeline's events, as forms offer them.
pub(super) fn event_times(r: &Review) -> Vec<String> {
    let mut times: Vec<String> = r.timeline.iter().map(|e| local_time(r, e.at)).collect();
    times.dedup();
    times
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
                Field::text(
                    F::Review(ReviewField::Incidents),
                    &crate::domain::lists::join_list(&r.incidents),
                )
                .with_hint("More incident numbers or alerts of this review: INC-7, PD-12"),
                Field::text(
                    F::Review(ReviewField::Tags),
                    &crate::domain::lists::join_list(&r.tags),
                )
                .with_hint("Words to find it by, and related reviews: db, dns"),
            ],
        ),
        DetailRow::Moments => Form::new(
            "Key moments",
            Target::Moments,
            vec![
                Field::text(F::Review(ReviewField::Started), &moment(r.moments.started))
                    .with_offers(event_times(r))
                    .with_hint("16:02, or 2026-11-23 16:02; → again: the next event's time"),
                Field::text(
                    F::Review(ReviewField::Detected),
                    &moment(r.moments.detected),
                )
                .with_offers(event_times(r))
                .with_hint("→ takes an event's time, → again the next"),
                Field::text(
                    F::Review(ReviewField::Acknowledged),
                    &moment(r.moments.acknowledged),
                )
                .with_offers(event_times(r))
                .with_hint("→ takes an event's time, → again the next"),
                Field::text(
                    F::Review(ReviewField::Mitigated),
                    &moment(r.moments.mitigated),
                )
                .with_offers(event_times(r))
                .with_hint("→ takes an event's time, → again the next"),
                Field::text(
                    F::Review(ReviewField::Resolved),
                    &moment(r.moments.resolved),
                )
                .with_offers(event_times(r))
                .with_hint("→ takes an event's time, → again the next"),
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
            Field::text(F::QuickEvent, "").with_hint(
                "16:02 gary: saw the login page fail #alert #triage · #kind #phase, a start will do (#al #tri) · Enter files it, Esc closes",
            ),
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
        vec![Field::text(F::Folder, "").with_hint(if beside.is_empty() {
            "The folder the internal and public reports are written to"
        } else {
            "Empty: beside the review. Or the folder the reports are written to"
        })],
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
