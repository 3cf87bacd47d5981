//! Fixing a line before it is added: its text, actor or kind, in a form
//! like the workspace's, with the form's keys.

use ratatui::crossterm::event::KeyEvent;

use super::list::newcomers;
use super::{Listing, parts};
use crate::app::action::Effect;
use crate::app::commands::CommandId;
use crate::app::form::{Field, FieldId as F, Form, Input, Target, area};
use crate::app::state::App;
use crate::domain::{EventKind, Review};
use crate::import::plan::participant;

/// Opens the fix of the selected line; a line already in the review is
/// not added, so there is nothing to fix.
pub(super) fn open(app: &mut App) -> Vec<Effect> {
    let Some((review, l)) = parts(app) else {
        return Vec::new();
    };
    let Some(i) = l.selected_row() else {
        return Vec::new();
    };
    let row = &l.plan.rows[i];
    if row.already {
        app.info("This line is in the review already; it is not added again");
        return Vec::new();
    }
    let c = &row.candidate;
    let kinds: Vec<&'static str> = EventKind::ALL.iter().map(|k| k.label()).collect();
    let form = Form::new(
        "Fix the line",
        Target::Event(None),
        vec![
            Field::text(F::WhatHappened, &c.text),
            Field::text(F::Actor, c.actor.as_deref().unwrap_or(""))
                .with_completions(names(review, l)),
            Field::choice(F::EventKind, kinds, c.kind.label()),
        ],
    );
    l.edit = Some(Box::new(form));
    Vec::new()
}

/// The participants, then the other actors of the export.
fn names(review: &Review, l: &Listing) -> Vec<String> {
    let mut out: Vec<String> = review
        .participants
        .iter()
        .map(|p| p.name.to_string())
        .collect();
    for r in &l.plan.rows {
        if let Some(a) = &r.candidate.actor
            && !out.contains(a)
        {
            out.push(a.clone());
        }
    }
    out
}

/// A key in the fix of a line: the form's commands, or text.
pub fn edit_key(app: &mut App, command: Option<CommandId>, key: KeyEvent) -> Vec<Effect> {
    if command == Some(CommandId::Help) {
        crate::app::overlays::help(app);
        return Vec::new();
    }
    let Some((review, l)) = parts(app) else {
        return Vec::new();
    };
    let Some(form) = l.edit.as_mut() else {
        return Vec::new();
    };
    let on_text = matches!(form.focused().map(|f| &f.input), Some(Input::Text { .. }));
    let fields = form.fields.len().max(1);
    match command {
        Some(CommandId::FormCancel) => {
            l.edit = None;
            return vec![Effect::ClearDraft];
        }
        Some(CommandId::FormSubmit | CommandId::FormEnter) => {
            return match submit(review, l) {
                Ok(()) => vec![Effect::ClearDraft],
                Err(e) => {
                    if let Some(form) = l.edit.as_mut() {
                        form.error = Some(e);
                    }
                    Vec::new()
                }
            };
        }
        Some(CommandId::FormNextField) => form.focus = (form.focus + 1) % fields,
        Some(CommandId::FormPrevField) => form.focus = (form.focus + fields - 1) % fields,
        Some(CommandId::FormComplete) if on_text => {
            let completion = form
                .focused()
                .and_then(Field::completion)
                .map(str::to_owned);
            if let Some(Input::Text { area: a, .. }) = form.focused_mut().map(|f| &mut f.input) {
                let (row, col) = (a.cursor().0, a.cursor().1);
                let at_end = col >= a.lines().get(row).map_or(0, |l| l.chars().count());
                match completion {
                    Some(name) if at_end => **a = area(&name),
                    _ => {
                        a.input(key);
                    }
                }
            }
            return vec![Effect::SaveDraft(form.draft())];
        }
        // Plain text input: the focused text, kept in the draft file
        // like any form's until it is saved or cancelled.
        _ if on_text => {
            if let Some(Input::Text { area: a, .. }) = form.focused_mut().map(|f| &mut f.input)
                && a.input(key)
            {
                form.error = None;
                return vec![Effect::SaveDraft(form.draft())];
            }
        }
        Some(CommandId::FormCycleChoice | CommandId::FormComplete) => cycle(form, 1),
        Some(CommandId::FormCycleBack) => cycle(form, -1),
        _ => {}
    }
    Vec::new()
}

fn cycle(form: &mut Form, step: isize) {
    if let Some(Input::Choice { options, selected }) = form.focused_mut().map(|f| &mut f.input) {
        let n = options.len() as isize;
        *selected = ((*selected as isize + step).rem_euclid(n.max(1))) as usize;
    }
}

/// Puts the fix into the line and closes the form; a line needs a text.
fn submit(review: &Review, l: &mut Listing) -> Result<(), String> {
    let (Some(form), Some(i)) = (l.edit.as_ref(), l.selected_row()) else {
        return Ok(());
    };
    let text = form.get(F::WhatHappened).trim().to_owned();
    if text.is_empty() {
        return Err("The text cannot be empty".into());
    }
    let kind: EventKind = form
        .get(F::EventKind)
        .parse()
        .map_err(|e: crate::domain::UnknownValue| e.to_string())?;
    let actor = form.get(F::Actor).trim().to_owned();
    let c = &mut l.plan.rows[i].candidate;
    c.text = text;
    c.kind = kind;
    c.actor = if actor.is_empty() {
        None
    } else {
        // Typed as someone's handle or real name: the participant's name.
        Some(participant(review, &actor, &[]).unwrap_or(actor))
    };
    if c.actor.is_some() {
        c.aliases.clear();
    }
    l.fixed[i] = true;
    l.edit = None;
    newcomers(l, review);
    Ok(())
}
