//! Running the meeting from the workspace: moving between stages, the
//! clock, judging each event's impact on recovery, and walking the checks
//! before publishing.

use super::action::Effect;
use super::commands::CommandId;
use super::editing;
use super::form::{Field, FieldId, Form, Target};
use super::history::{Edit, Item};
use super::state::{App, DetailRow, Pane, Workspace};
use crate::domain::{Check, EventKind, Impact, Metrics, Stage, clock_text};

/// The pane a stage is about.
pub fn stage_pane(stage: Stage) -> Pane {
    match stage {
        Stage::SetTheStage | Stage::KeyMoments | Stage::Summaries => Pane::Details,
        Stage::Timeline | Stage::Impact | Stage::Decisions => Pane::Timeline,
        Stage::Learnings => Pane::Learnings,
        Stage::Factors => Pane::Factors,
        Stage::Actions => Pane::Actions,
    }
}

/// Marks a change to the meeting (not to the review's content, so not
/// undoable) to be saved; in a read-only view the change stays local.
fn touched(ws: &mut Workspace) -> Vec<Effect> {
    if ws.read_only() {
        return Vec::new();
    }
    ws.revision += 1;
    vec![Effect::Save]
}

fn select(ws: &mut Workspace, pane: Pane, row: usize) {
    ws.focus = pane;
    let c = ws.cursor_mut(pane);
    c.selected = row;
}

fn detail_row(ws: &Workspace, row: DetailRow) -> usize {
    ws.detail_rows().iter().position(|r| *r == row).unwrap_or(0)
}

/// The first event from `from` on (wrapping) that is not judged yet.
fn next_unjudged(ws: &Workspace, from: usize) -> Option<usize> {
    let t = &ws.review.timeline;
    (0..t.len())
        .map(|i| (from + i) % t.len())
        .find(|i| t[*i].impact == Impact::Unjudged)
}

/// Goes to `stage`: the time so far counts for the stage being left, the
/// stage's pane takes the focus, and the selection goes where the stage
/// starts.
pub fn go_to(app: &mut App, stage: Stage) -> Vec<Effect> {
    let now = app.now;
    let Some(ws) = app.workspace_mut() else {
        return Vec::new();
    };
    ws.review.meeting.go_to(stage, now);
    let pane = stage_pane(stage);
    let row = match stage {
        Stage::SetTheStage => Some(detail_row(ws, DetailRow::Review)),
        Stage::KeyMoments => Some(detail_row(ws, DetailRow::Moments)),
        Stage::Summaries => Some(detail_row(ws, DetailRow::Summary)),
        Stage::Impact => next_unjudged(ws, 0),
        Stage::Decisions => ws
            .review
            .timeline
            .iter()
            .position(|e| e.kind == EventKind::Decision),
        _ => None,
    };
    ws.focus = pane;
    if let Some(row) = row {
        select(ws, pane, row);
    }
    ws.check = 0;
    ws.prompts_scroll = 0;
    let boxed = ws
        .review
        .meeting
        .timebox(stage, ws.review.severity, ws.review.kind);
    let effects = touched(ws);
    let unjudged = ws
        .review
        .timeline
        .iter()
        .filter(|e| e.impact == Impact::Unjudged)
        .count();
    let extra = match stage {
        Stage::Impact if unjudged > 0 => {
            format!(" · {unjudged} to judge: + towards recovery, - away, = neither")
        }
        Stage::Impact => " · every event is judged".to_owned(),
        Stage::Summaries => " · ! goes to the next thing to check".to_owned(),
        _ => String::new(),
    };
    app.info_while_unchanged(format!(
        "Stage {}/{}: {} ({boxed} min){extra}",
        stage.index() + 1,
        Stage::ALL.len(),
        stage.title()
    ));
    effects
}

/// Starts, pauses or resumes the meeting clock.
pub fn toggle_clock(app: &mut App) -> Vec<Effect> {
    let now = app.now;
    let Some(ws) = app.workspace_mut() else {
        return Vec::new();
    };
    // The clock is the facilitator's: a second view cannot start or stop it.
    if let Some(why) = ws.read_only_reason() {
        app.warn(why);
        return Vec::new();
    }
    let first = ws.review.meeting.started.is_none();
    ws.review.meeting.toggle(now);
    let m = &ws.review.meeting;
    let message = if m.is_running() && first {
        format!(
            "Meeting clock started: {} min planned",
            m.planned(ws.review.severity, ws.review.kind)
        )
    } else if m.is_running() {
        "Meeting clock running again".to_owned()
    } else {
        format!(
            "Meeting clock paused at {} (c resumes)",
            clock_text(m.total(now))
        )
    };
    let effects = touched(ws);
    app.info_while_unchanged(message);
    effects
}

/// Judges the selected event's impact on recovery, then selects the next
/// event not judged yet.
pub fn judge(app: &mut App, impact: Impact) -> Vec<Effect> {
    let Some(ws) = app.workspace_mut() else {
        return Vec::new();
    };
    if let Some(why) = ws.read_only_reason() {
        app.warn(why);
        return Vec::new();
    }
    ws.focus = Pane::Timeline;
    let Some(row) = ws.selected(Pane::Timeline) else {
        app.info("No events to judge yet");
        return Vec::new();
    };
    let before = ws.review.timeline[row].clone();
    if before.impact != impact {
        let mut after = before.clone();
        after.impact = impact;
        editing::commit(
            ws,
            Edit::Item {
                before: Some((row, Item::Event(before))),
                after: Some((row, Item::Event(after))),
            },
        );
    }
    let next = next_unjudged(ws, row + 1);
    let left = ws
        .review
        .timeline
        .iter()
        .filter(|e| e.impact == Impact::Unjudged)
        .count();
    let message = match next {
        Some(n) => {
            select(ws, Pane::Timeline, n);
            format!("Judged {}; {left} still to judge", impact.label())
        }
        None => {
            let last = ws.review.timeline.len().saturating_sub(1);
            select(ws, Pane::Timeline, (row + 1).min(last));
            format!(
                "Judged {}; every event is judged: C shows the recovery chart",
                impact.label()
            )
        }
    };
    app.info(message);
    vec![Effect::Save]
}

/// Where a check sends the facilitator: a pane, a row, and whether to
/// open the form that edits the row or the one that adds an item.
fn place_of(ws: &Workspace, check: Check) -> (Pane, Option<usize>, CommandId) {
    let r = &ws.review;
    match check {
        Check::MomentsOutOfOrder { .. } | Check::NoDuration => (
            Pane::Details,
            Some(detail_row(ws, DetailRow::Moments)),
            CommandId::Edit,
        ),
        Check::ActionWithoutOwner(id) | Check::ActionWithoutPriority(id) => (
            Pane::Actions,
            r.actions.iter().position(|a| a.id == id),
            CommandId::Edit,
        ),
        Check::NoActionItems => (Pane::Actions, None, CommandId::Add),
        Check::NoWentWell => (Pane::Learnings, None, CommandId::Add),
        Check::EmptyPublicField(_) => (
            Pane::Details,
            Some(detail_row(ws, DetailRow::Summary)),
            CommandId::Edit,
        ),
    }
}

/// The checks still open, most pressing first.
pub fn checks(ws: &Workspace) -> Vec<Check> {
    Check::all(&ws.review, &Metrics::compute(&ws.review))
}

/// Opens the form that fixes the next check in turn; each press moves on
/// to the one after.
pub fn fix_check(app: &mut App) -> Vec<Effect> {
    let Some(ws) = app.workspace_mut() else {
        return Vec::new();
    };
    let found = checks(ws);
    if found.is_empty() {
        app.info("Nothing left to check: preview (P) and export (e)");
        return Vec::new();
    }
    let n = ws.check % found.len();
    ws.check = n + 1;
    let check = found[n];
    let (pane, row, command) = place_of(ws, check);
    ws.focus = pane;
    if let Some(row) = row {
        select(ws, pane, row);
    }
    let message = format!(
        "Check {}/{}: {}",
        n + 1,
        found.len(),
        check.message(&ws.review)
    );
    // A read-only view shows where the check points, and opens no form.
    if ws.read_only() {
        app.info_while_unchanged(message);
        return Vec::new();
    }
    let effects = editing::command(app, command);
    if app.message.is_none() || effects.is_empty() {
        app.info_while_unchanged(message);
    }
    effects
}

/// The form that changes the stages' time boxes.
pub fn timebox_form(ws: &Workspace) -> Form {
    let r = &ws.review;
    let fields = Stage::ALL
        .iter()
        .map(|s| {
            Field::text(
                FieldId::Timebox(*s),
                &r.meeting.timebox(*s, r.severity, r.kind).to_string(),
            )
            .with_hint("Minutes. Defaults follow the severity and the kind of review")
        })
        .collect();
    Form::new("Time boxes (minutes)", Target::Timeboxes, fields)
}

/// Applies the time boxes form.
pub fn submit_timeboxes(ws: &mut Workspace, form: &Form) -> Result<(), String> {
    let mut minutes = Vec::new();
    for stage in Stage::ALL {
        let text = form.get(FieldId::Timebox(*stage));
        let m: u32 = text
            .trim()
            .parse()
            .ok()
            .filter(|m| (1..=600).contains(m))
            .ok_or_else(|| {
                format!(
                    "{}: \"{}\" is not a number of minutes from 1 to 600",
                    stage.title(),
                    text.trim()
                )
            })?;
        minutes.push(m);
    }
    let (severity, kind) = (ws.review.severity, ws.review.kind);
    for (stage, m) in Stage::ALL.iter().zip(minutes) {
        ws.review.meeting.set_timebox(*stage, m, severity, kind);
    }
    ws.revision += 1;
    Ok(())
}
