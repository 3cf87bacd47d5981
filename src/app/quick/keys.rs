//! The quick review's keys: each as the command its keys are bound to in
//! the quick review's scope (moving between fields and steps, leaving,
//! exporting), and what no command takes typed into the focused text,
//! which is then read again where it changed.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::apply::apply;
use super::state::Quick;
use super::{MAX_ACTIONS, Step};
use crate::app::action::Effect;
use crate::app::commands::CommandId;
use crate::app::editing;
use crate::app::history::{Edit, Item};
use crate::app::state::{App, Overlay, Screen, Workspace};
use crate::domain::{Coach, ParkingItem, Text};

/// The quick review and the workspace under it, borrowed together.
pub(super) fn parts(app: &mut App) -> Option<(&mut Quick, &mut Workspace)> {
    parts_and_coach(app).map(|(q, ws, _)| (q, ws))
}

/// [`parts`], and the coach beside them.
pub(super) fn parts_and_coach(app: &mut App) -> Option<(&mut Quick, &mut Workspace, &Coach)> {
    let App {
        overlays,
        screen,
        coach,
        ..
    } = app;
    let Some(Overlay::Quick(q)) = overlays.last_mut() else {
        return None;
    };
    let Screen::Workspace(ws) = screen else {
        return None;
    };
    Some((q, ws, coach))
}

/// Leaves the current step for `to`, focusing its field `field`.
fn go(app: &mut App, to: Step, field: usize) -> Vec<Effect> {
    let mut effects = apply(app);
    let Some((q, ws)) = parts(app) else {
        return effects;
    };
    q.step = to;
    q.field = field.min(to.fields().saturating_sub(1));
    if to == Step::Moments {
        q.suggest(&ws.review);
    }
    effects.push(q.draft_effect());
    effects
}

/// Closes the flow for the full workspace, applying the current step; the
/// lines that cannot be filed go to the parking lot. With `export`, the
/// reports are written too.
fn close(app: &mut App, export: bool) -> Vec<Effect> {
    let mut effects = apply(app);
    let mut parked = 0;
    if let Some((q, ws)) = parts(app)
        && !ws.read_only()
    {
        let unfiled = q.unfiled();
        parked = unfiled.len();
        let mut edits = Vec::new();
        for (label, line) in unfiled {
            let mut item = ParkingItem::new(Text::trimmed(format!(
                "Not filed from the quick review ({}): {line}",
                label.to_lowercase()
            )));
            item.id = ws.review.take_id();
            let at = ws.review.parking_lot.len() + edits.len();
            edits.push(Edit::Item {
                before: None,
                after: Some((at, Item::Parking(item))),
            });
        }
        if !edits.is_empty() {
            editing::commit(ws, Edit::Batch(edits));
            effects.push(Effect::Save);
        }
    }
    app.overlays.pop();
    effects.dedup();
    effects.push(Effect::ClearDraft);
    if parked > 0 {
        app.warn(format!(
            "{parked} {} the quick review could not read {} in the parking lot (5)",
            if parked == 1 { "line" } else { "lines" },
            if parked == 1 { "is" } else { "are" },
        ));
    } else {
        app.info("Everything entered is in the review. Q opens the quick review again");
    }
    if export {
        effects.push(Effect::Export { folder: None });
    }
    effects
}

/// A key in the quick review, as the command its keys are bound to in
/// the quick review's scope; what no command takes is typed.
///
/// Tab goes to the next field, and from the last one to the next step;
/// Shift-Tab goes back. Ctrl-N and Ctrl-P (or Ctrl-S, like saving a form)
/// move a whole step. Enter starts a new line, goes to the next key moment,
/// or exports in the last step. Esc or F2 leaves for the full workspace.
pub fn key(app: &mut App, command: Option<CommandId>, key: KeyEvent) -> Vec<Effect> {
    let Some((q, _)) = parts(app) else {
        return Vec::new();
    };
    let (step, field) = (q.step, q.field);
    let last_field = step.fields().saturating_sub(1);
    let row = q.focused().map_or(0, |a| a.cursor().0);
    let rows = q.focused().map_or(0, |a| a.lines().len());
    match command {
        Some(CommandId::FormCancel) => close(app, false),
        Some(CommandId::Help) => {
            crate::app::overlays::help(app);
            Vec::new()
        }
        Some(CommandId::NextStep) => go(app, step.next(), 0),
        Some(CommandId::PrevStep) => go(app, step.prev(), 0),
        Some(CommandId::QuickEnter) if step == Step::Export => close(app, true),
        Some(CommandId::FormNextField) if field < last_field => {
            q.field += 1;
            Vec::new()
        }
        Some(CommandId::FormNextField) => go(app, step.next(), 0),
        Some(CommandId::FormPrevField) if field > 0 => {
            q.field -= 1;
            Vec::new()
        }
        Some(CommandId::FormPrevField) => {
            let prev = step.prev();
            go(app, prev, prev.fields().saturating_sub(1))
        }
        Some(CommandId::QuickEnter) if step == Step::Moments && field == last_field => {
            go(app, step.next(), 0)
        }
        Some(CommandId::QuickEnter | CommandId::Down) if step == Step::Moments => {
            q.field = (field + 1).min(last_field);
            Vec::new()
        }
        Some(CommandId::Up) if step == Step::Moments => {
            q.field = field.saturating_sub(1);
            Vec::new()
        }
        Some(CommandId::Down)
            if matches!(step, Step::Learnings | Step::Export) && field == 0 && row + 1 >= rows =>
        {
            q.field = 1;
            Vec::new()
        }
        Some(CommandId::Up)
            if matches!(step, Step::Learnings | Step::Export) && field == 1 && row == 0 =>
        {
            q.field = 0;
            Vec::new()
        }
        Some(CommandId::QuickEnter) if step == Step::Actions && rows >= MAX_ACTIONS => {
            app.info(format!(
                "A quick review keeps to {MAX_ACTIONS} action items, the few that matter; Esc for the full workspace"
            ));
            Vec::new()
        }
        _ => type_key(app, key),
    }
}

/// A key for the focused text.
fn type_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some((q, ws)) = parts(app) else {
        return Vec::new();
    };
    let (step, field) = (q.step, q.field);
    // A key moment is one line: the keys some terminals send for Enter
    // (Ctrl-M, Ctrl-J) type nothing there.
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if step == Step::Moments && ctrl && matches!(key.code, KeyCode::Char('m' | 'j')) {
        return Vec::new();
    }
    let Some(slot) = q.focused_slot() else {
        return Vec::new();
    };
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    if step == Step::Moments && plain && matches!(key.code, KeyCode::Char(_)) {
        q.take_over_offer(field.min(4));
    }
    let Some(window) = q.slot_mut(slot).input(&key) else {
        return Vec::new();
    };
    q.edited(slot, Some(window), &ws.review);
    if step == Step::Moments {
        q.moment_errors[field.min(4)] = None;
    }
    vec![q.draft_effect()]
}

/// Pasted text goes into the focused text; a key moment takes it
/// on one line.
pub fn paste(app: &mut App, text: &str) -> Vec<Effect> {
    let Some((q, ws)) = parts(app) else {
        return Vec::new();
    };
    let clean = text.replace("\r\n", "\n").replace('\r', "\n");
    // A key moment and a field of the summary take it on one line.
    let clean = if matches!(q.step, Step::Moments | Step::Export) {
        clean.replace('\n', " ")
    } else {
        clean
    };
    let (step, field) = (q.step, q.field);
    let Some(slot) = q.focused_slot() else {
        return Vec::new();
    };
    if step == Step::Moments {
        q.take_over_offer(field.min(4));
    }
    let Some(window) = q.slot_mut(slot).insert(&clean) else {
        return Vec::new();
    };
    q.edited(slot, Some(window), &ws.review);
    if step == Step::Moments {
        q.moment_errors[field.min(4)] = None;
    }
    vec![q.draft_effect()]
}
