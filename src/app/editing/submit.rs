//! Saving a form into the review, through the history.

use super::*;
use crate::app::state::Screen;

/// Saves a form into the review. An error leaves the form open with the
/// message, and nothing typed is lost.
pub fn submit(app: &mut App, form: &Form) -> Result<Vec<Effect>, String> {
    let get = |id: F| form.get(id);
    let toggle = |id: F| get(id) == "yes";
    match form.target {
        Target::ExportTo => {
            // What is typed is the folder; nothing typed, beside the review.
            let folder = optional(&get(F::Folder));
            let beside = app.workspace().is_some_and(|ws| ws.file.is_some());
            if folder.is_none() && !beside {
                return Err("Type the folder to write the reports to".into());
            }
            let asked = form
                .error
                .as_deref()
                .is_some_and(|e| e.starts_with(FOLDER_ASK));
            if let Some(folder) = folder.as_ref().filter(|_| asked) {
                return Ok(vec![Effect::ExportMaking {
                    folder: folder.as_str().into(),
                }]);
            }
            return Ok(vec![Effect::Export {
                folder: folder.map(|f| f.as_str().into()),
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
    if form.target == Target::ReviewFields {
        publishing(app, form, &get(F::Review(ReviewField::Status)))?;
    }
    // The coach beside the workspace: what an edit reframed is noted as it
    // is saved.
    let coach = &app.coach;
    let Screen::Workspace(ws) = &mut app.screen else {
        return Ok(Vec::new());
    };
    let r = &ws.review;
    let (date, offset) = (r.incident_date(), r.offset);
    match form.target {
        Target::QuickEvent => {
            let line = get(F::QuickEvent);
            let mut event = quick_event(Some(&ws.review), &line, date, offset)
                .map_err(|e| format!("{e}; type it like: 16:02 gary: saw the login page fail"))?;
            event.id = ws.review.take_id();
            place(ws, coach, Item::Event(event), None);
            // The entry stays open for the next event.
            app.overlays
                .push(Overlay::Form(Box::new(quick_entry_form())));
            app.info("Event filed in time order: type the next one, or Esc to close");
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
            event.links = get(F::Links)
                .split_whitespace()
                .map(Text::trimmed)
                .collect();
            event.starred = toggle(F::Starred);
            event.internal = toggle(F::Internal);
            place(ws, coach, Item::Event(event), id);
        }
        Target::Learning(id) => {
            let mut l = id
                .and_then(|id| ws.review.learnings.iter().find(|l| l.id == id).cloned())
                .unwrap_or_else(|| Learning::new(LearningKind::Surprise, Text::default()));
            l.text = required("The learning", &get(F::Learning))?;
            l.kind = get(F::LearningKind).parse().unwrap_or(l.kind);
            l.events = linked(&ws.review, &get(F::LinkedEvents))?;
            l.internal = toggle(F::Internal);
            if id.is_none() {
                l.id = ws.review.take_id();
            }
            place(ws, coach, Item::Learning(l), id);
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
            place(ws, coach, Item::Factor(f), id);
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
                let today = ws.review.offset.local(now).date_naive();
                Some(parse_due(&due, today).map_err(|e| e.to_string())?)
            };
            a.improves = chosen(&get(F::Improves));
            a.ticket = optional(&get(F::Ticket));
            a.status = get(F::ActionStatus).parse().unwrap_or(a.status);
            a.internal = toggle(F::Internal);
            if id.is_none() {
                a.id = ws.review.take_id();
            }
            let missing = match (a.owner.is_none(), a.priority.is_none()) {
                (true, true) => Some("no owner and no priority"),
                (true, false) => Some("no owner"),
                (false, true) => Some("no priority"),
                (false, false) => None,
            };
            place(ws, coach, Item::Action(a), id);
            if let Some(missing) = missing {
                app.warn(format!(
                    "This action item has {missing}: without both it rarely gets done"
                ));
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
            place(ws, coach, Item::Parking(p), id);
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
                ReviewField::Incidents,
                ReviewField::Tags,
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
        Target::Summary => change_summary(ws, coach, |r| {
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
        Target::Timeboxes => crate::app::meeting::submit_timeboxes(ws, form)?,
        Target::ExportTo | Target::NewReview => {}
    }
    Ok(vec![Effect::Save])
}

/// The events a learning comes from, typed as their times (`16:05`) or
/// numbers (`#12`), separated by commas or spaces.
fn linked(r: &Review, typed: &str) -> Result<Vec<ItemId>, String> {
    let mut ids = Vec::new();
    for word in typed
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        let by_number = word
            .strip_prefix('#')
            .and_then(|n| n.parse().ok())
            .map(ItemId)
            .filter(|id| r.event(*id).is_some());
        let found = by_number.or_else(|| {
            r.timeline
                .iter()
                .find(|e| local_time(r, e.at) == word)
                .map(|e| e.id)
        });
        match found {
            Some(id) if !ids.contains(&id) => ids.push(id),
            Some(_) => {}
            None => {
                return Err(format!(
                    "From events: no event at '{word}' on the timeline; give an event's time, like 16:05"
                ));
            }
        }
    }
    Ok(ids)
}

/// Changes the review's head (everything but the item lists) on a small
/// copy, and commits it only if every field was accepted.
pub(crate) fn change_head(
    ws: &mut Workspace,
    change: impl FnOnce(&mut Review) -> Result<(), String>,
) -> Result<(), String> {
    changing_head(ws, None, change)
}

/// [`change_head`] for a change to the texts of the summary: what their
/// new words reframed is noted too.
pub(crate) fn change_summary(
    ws: &mut Workspace,
    coach: &Coach,
    change: impl FnOnce(&mut Review) -> Result<(), String>,
) -> Result<(), String> {
    changing_head(ws, Some(coach), change)
}

fn changing_head(
    ws: &mut Workspace,
    coach: Option<&Coach>,
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
        let edit = Edit::Head {
            before: Box::new(before),
            after: Box::new(after),
        };
        match coach {
            Some(coach) => commit_words(ws, coach, edit),
            None => commit(ws, edit),
        }
    }
    Ok(())
}

/// The start of the question asked before making a folder to export to.
pub const FOLDER_ASK: &str = "There is no folder";

/// The folder typed to export to does not exist: the form comes back with
/// it and asks whether to make it.
pub fn ask_to_make(app: &mut App, folder: &std::path::Path) {
    let Some(ws) = app.workspace() else { return };
    let mut form = export_form(ws);
    if let Some(Field {
        input: crate::app::form::Input::Text { area, .. },
        ..
    }) = form.fields.first_mut()
    {
        **area = crate::app::form::area(&folder.display().to_string());
    }
    form.error = Some(format!(
        "{FOLDER_ASK} {}: Enter makes it and exports, Esc leaves it",
        folder.display()
    ));
    app.overlays.push(Overlay::Form(Box::new(form)));
}

/// The start of the question asked before publishing a review that is
/// not ready.
pub const PUBLISH_ASK: &str = "Not ready to publish";

/// Before a review becomes published: what should stop it (failing checks,
/// names in public text, flags still open) is listed, and saving the form
/// again publishes anyway.
fn publishing(app: &App, form: &Form, status: &str) -> Result<(), String> {
    let Some(ws) = app.workspace() else {
        return Ok(());
    };
    let to_published = status.parse::<Status>() == Ok(Status::Published);
    let asked = form
        .error
        .as_deref()
        .is_some_and(|e| e.starts_with(PUBLISH_ASK));
    if !to_published || ws.review.status == Status::Published || asked {
        return Ok(());
    }
    let r = &ws.review;
    let blockers =
        crate::domain::checks::blockers(r, &crate::domain::Metrics::compute(r), &app.coach);
    if blockers.is_empty() {
        return Ok(());
    }
    let shown: Vec<String> = blockers
        .iter()
        .take(5)
        .map(|b| b.message(r, &app.coach))
        .collect();
    let more = blockers.len().saturating_sub(shown.len());
    let more = if more > 0 {
        format!("; and {more} more")
    } else {
        String::new()
    };
    Err(format!(
        "{PUBLISH_ASK} ({} to look at): {}{more}. Save again to publish anyway",
        blockers.len(),
        shown.join("; ")
    ))
}
