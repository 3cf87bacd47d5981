//! The one function that changes the state: `update(app, action, now)`.
//!
//! It never touches the terminal, the disk or the clock: the time comes in
//! with the call, and side effects go out as [`Effect`] values.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Effect, Opened};
use super::commands::{CommandId, Scope};
use super::editing;
use super::form::{Form, Input};
use super::history::{Edit, Item};
use super::meeting;
use super::palette::Palette;
use super::state::{App, Audience, Overlay, Pane, Picker, Preview, Screen, ThemeName, Workspace};
use crate::domain::{Impact, ParkingItem, Text};

/// Applies `action` to `app` at time `now` and returns what the runtime
/// must do next.
pub fn update(app: &mut App, action: Action, now: DateTime<Utc>) -> Vec<Effect> {
    app.now = now;
    let before = app
        .workspace()
        .map(|ws| (ws.review.id.clone(), ws.revision));
    let effects = apply(app, action);
    // Any change to the review is stamped with the time it was made.
    if let Some(ws) = app.workspace_mut()
        && before.is_some_and(|(id, revision)| id == ws.review.id && revision != ws.revision)
    {
        ws.review.updated = now;
    }
    effects
}

fn apply(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Key(key) => {
            // A message kept until a key is pressed has been read now.
            if app.message.as_ref().is_some_and(|m| m.sticky) {
                app.message = None;
            }
            on_key(app, key)
        }
        Action::Paste(text) => on_paste(app, &text),
        Action::Resize(w, h) => {
            app.size = (w, h);
            Vec::new()
        }
        Action::Tick => Vec::new(),
        Action::Saved { revision, result } => {
            if let Some(ws) = app.workspace_mut() {
                match result {
                    Ok(()) => {
                        ws.saved_revision = ws.saved_revision.max(revision);
                        ws.save_error = None;
                    }
                    Err(e) => {
                        ws.save_error = Some(e.clone());
                        app.error(format!(
                            "Not saved: {e}. Your changes are still here; debrief keeps trying."
                        ));
                    }
                }
            }
            Vec::new()
        }
        Action::Exported(result) => {
            match result {
                Ok(files) => {
                    let names: Vec<String> =
                        files.iter().map(|f| f.display().to_string()).collect();
                    app.info(format!("Exported {}", names.join(" and ")));
                }
                Err(e) => app.error(format!("Export failed: {e}")),
            }
            Vec::new()
        }
        Action::Opened(result) => {
            match result {
                Ok(opened) => open(app, *opened),
                Err(e) => app.error(e),
            }
            Vec::new()
        }
    }
}

fn open(app: &mut App, opened: Opened) {
    let Opened {
        review,
        file,
        access,
        recovered,
    } = opened;
    let mut ws = Workspace::new(review, Some(file), access);
    let read_only = ws.read_only_reason();
    // A clock still running in the file was left so by a debrief that
    // stopped without saying goodbye: it stops at the last change saved,
    // so the time debrief was not running is not counted.
    let meeting = &mut ws.review.meeting;
    if read_only.is_none()
        && let Some(since) = meeting.running_since
        && meeting.pause(since.max(ws.review.updated))
    {
        ws.revision += 1;
    }
    app.overlays.clear();
    match (read_only, recovered) {
        (Some(why), _) => app.warn(why),
        // Private notes go back to the notes, never where others see them.
        (None, Some(text)) if text.starts_with(editing::NOTES_FORM_TITLE) => {
            let typed = text
                .split_once("\nNotes: ")
                .map_or("", |(_, v)| v)
                .trim()
                .to_owned();
            let _ = editing::change_head(&mut ws, |r| {
                if !typed.is_empty() && typed != r.notes.trim() {
                    r.notes = Text::trimmed(format!(
                        "{}\n\nRecovered unsaved notes:\n{typed}",
                        r.notes.trim()
                    ));
                }
                Ok(())
            });
            app.warn("Notes typed before debrief last stopped are back in the notes (6)");
        }
        (None, Some(text)) => {
            let mut item = ParkingItem::new(Text::trimmed(format!(
                "Recovered unsaved text: {}",
                text.trim()
            )));
            item.id = ws.review.take_id();
            let at = ws.review.parking_lot.len();
            editing::commit(
                &mut ws,
                Edit::Item {
                    before: None,
                    after: Some((at, Item::Parking(item))),
                },
            );
            app.warn("Text typed before debrief last stopped is in the parking lot (5)");
        }
        (None, None) => app.info(format!("Opened {}", ws.review.title)),
    }
    app.screen = Screen::Workspace(Box::new(ws));
}

fn on_paste(app: &mut App, text: &str) -> Vec<Effect> {
    if let Some(Overlay::Quick(_)) = app.overlays.last() {
        return super::quick::paste(app, text);
    }
    if let Some(Overlay::Form(form)) = app.overlays.last_mut() {
        let multiline = form.focused().is_some_and(|f| f.is_multiline());
        if let Some(Input::Text { area, .. }) = form.focused_mut().map(|f| &mut f.input) {
            let clean = text.replace("\r\n", "\n").replace('\r', "\n");
            let clean = if multiline {
                clean
            } else {
                clean.replace('\n', " ")
            };
            area.insert_str(clean);
            return vec![Effect::SaveDraft(form.draft())];
        }
    }
    if let Some(Overlay::Palette(p)) = app.overlays.last_mut() {
        p.query.push_str(&text.replace(['\r', '\n'], " "));
        p.selected = 0;
    }
    Vec::new()
}

fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    match app.overlays.last() {
        Some(Overlay::Help { .. }) => return help_key(app, key),
        Some(Overlay::Preview(_)) => return preview_key(app, key),
        Some(Overlay::Chart { .. }) => return chart_key(app, key),
        Some(Overlay::Spotlight) => return spotlight_key(app, key),
        Some(Overlay::Palette(_)) => return palette_key(app, key),
        Some(Overlay::Form(_)) => return form_key(app, key),
        Some(Overlay::Quick(_)) => return super::quick::key(app, key),
        None => {}
    }
    if let Screen::Picker(_) = app.screen {
        return picker_key(app, key);
    }
    let Some(ws) = app.workspace() else {
        return Vec::new();
    };
    let pane_scope = ws.focus.scope();
    match app
        .keymap
        .lookup(&[pane_scope, Scope::List, Scope::Workspace], key)
    {
        Some(id) => run(app, id),
        None => Vec::new(),
    }
}

fn help_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if let Some(Overlay::Help { scroll }) = app.overlays.last_mut() {
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('?') | KeyCode::F(1) => {
                app.overlays.pop();
            }
            KeyCode::Down | KeyCode::Char('j') => *scroll = scroll.saturating_add(1),
            KeyCode::Up | KeyCode::Char('k') => *scroll = scroll.saturating_sub(1),
            KeyCode::PageDown | KeyCode::Char(' ') => *scroll = scroll.saturating_add(10),
            KeyCode::PageUp => *scroll = scroll.saturating_sub(10),
            KeyCode::Home | KeyCode::Char('g') => *scroll = 0,
            _ => {}
        }
    }
    Vec::new()
}

/// The text of a report preview.
fn preview_text(app: &App, internal: bool) -> String {
    match app.workspace() {
        Some(ws) if internal => {
            crate::report::markdown::internal_at(&ws.review, &app.coach, app.now)
        }
        Some(ws) => crate::report::markdown::public(&ws.review),
        None => String::new(),
    }
}

fn preview_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some(Overlay::Preview(p)) = app.overlays.last_mut() else {
        return Vec::new();
    };
    if p.picking.is_some() {
        return preview_pick_key(app, key);
    }
    match key.code {
        KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('P') => {
            app.overlays.pop();
        }
        KeyCode::Tab | KeyCode::BackTab => {
            let internal = !p.internal;
            let text = preview_text(app, internal);
            if let Some(Overlay::Preview(p)) = app.overlays.last_mut() {
                *p = Preview {
                    internal,
                    text,
                    scroll: 0,
                    picking: None,
                };
            }
        }
        KeyCode::Char('i') => p.picking = Some(0),
        KeyCode::Down | KeyCode::Char('j') => p.scroll = p.scroll.saturating_add(1),
        KeyCode::Up | KeyCode::Char('k') => p.scroll = p.scroll.saturating_sub(1),
        KeyCode::PageDown | KeyCode::Char(' ') => p.scroll = p.scroll.saturating_add(10),
        KeyCode::PageUp => p.scroll = p.scroll.saturating_sub(10),
        KeyCode::Home | KeyCode::Char('g') => p.scroll = 0,
        _ => {}
    }
    Vec::new()
}

/// Keys in the preview's list of items: move, and mark the selected item
/// internal-only or public again; the report is made again at once.
fn preview_pick_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some((internal, picking, items)) = app.overlays.last().and_then(|o| match o {
        Overlay::Preview(p) => Some((
            p.internal,
            p.picking.unwrap_or(0),
            app.workspace()
                .map(|ws| p.items(&ws.review))
                .unwrap_or_default(),
        )),
        _ => None,
    }) else {
        return Vec::new();
    };
    let last = items.len().saturating_sub(1);
    let mut effects = Vec::new();
    let to = match key.code {
        KeyCode::Esc | KeyCode::Char('q') => None,
        KeyCode::Down | KeyCode::Char('j') => Some((picking + 1).min(last)),
        KeyCode::Up | KeyCode::Char('k') => Some(picking.saturating_sub(1)),
        KeyCode::Home | KeyCode::Char('g') => Some(0),
        KeyCode::End | KeyCode::Char('G') => Some(last),
        KeyCode::Char('i') | KeyCode::Char(' ') | KeyCode::Enter => {
            if let (Some((pane, row)), Some(ws)) = (items.get(picking), app.workspace_mut()) {
                // The toggle works on the selection: select the item, then
                // put the workspace back as it was.
                let kept = (ws.focus, ws.cursor(*pane));
                ws.focus = *pane;
                ws.cursor_mut(*pane).selected = *row;
                effects = editing::command(app, CommandId::ToggleInternal);
                if let Some(ws) = app.workspace_mut() {
                    ws.focus = kept.0;
                    *ws.cursor_mut(*pane) = kept.1;
                }
            }
            Some(picking)
        }
        _ => Some(picking),
    };
    let text = preview_text(app, internal);
    if let Some(Overlay::Preview(p)) = app.overlays.last_mut() {
        p.picking = to;
        p.text = text;
    }
    effects
}

/// Keys in the spotlight: the previous or next item of the pane, or back.
fn spotlight_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let back = app.keymap.lookup(&[Scope::Workspace], key) == Some(CommandId::Spotlight);
    match key.code {
        _ if back => {
            app.overlays.pop();
        }
        KeyCode::Esc | KeyCode::Char('q') => {
            app.overlays.pop();
        }
        KeyCode::Down | KeyCode::Char('j') | KeyCode::Right | KeyCode::Char(' ') => {
            return run(app, CommandId::Down);
        }
        KeyCode::Up | KeyCode::Char('k') | KeyCode::Left => return run(app, CommandId::Up),
        _ => {}
    }
    Vec::new()
}

/// Keys in the recovery chart: move between points, or go to the event.
fn chart_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let len = app.workspace().map_or(0, |ws| ws.review.timeline.len());
    let Some(Overlay::Chart { selected }) = app.overlays.last_mut() else {
        return Vec::new();
    };
    let last = len.saturating_sub(1);
    match key.code {
        KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('C') => {
            app.overlays.pop();
        }
        KeyCode::Right | KeyCode::Char('l') | KeyCode::Down | KeyCode::Char('j') => {
            *selected = (*selected + 1).min(last)
        }
        KeyCode::Left | KeyCode::Char('h') | KeyCode::Up | KeyCode::Char('k') => {
            *selected = selected.saturating_sub(1)
        }
        KeyCode::Home | KeyCode::Char('g') => *selected = 0,
        KeyCode::End | KeyCode::Char('G') => *selected = last,
        KeyCode::Enter => {
            let row = (*selected).min(last);
            app.overlays.pop();
            if let Some(ws) = app.workspace_mut() {
                ws.focus = Pane::Timeline;
                ws.cursor_mut(Pane::Timeline).selected = row;
            }
        }
        _ => {}
    }
    Vec::new()
}

fn palette_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some(Overlay::Palette(p)) = app.overlays.last_mut() else {
        return Vec::new();
    };
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Esc => {
            app.overlays.pop();
        }
        KeyCode::Enter => {
            let chosen = p.matches().get(p.selected).map(|c| c.id);
            app.overlays.pop();
            if let Some(id) = chosen {
                return run(app, id);
            }
        }
        KeyCode::Down => p.selected = (p.selected + 1).min(p.matches().len().saturating_sub(1)),
        KeyCode::Char('n') if ctrl => {
            p.selected = (p.selected + 1).min(p.matches().len().saturating_sub(1))
        }
        KeyCode::Up => p.selected = p.selected.saturating_sub(1),
        KeyCode::Char('p') if ctrl => p.selected = p.selected.saturating_sub(1),
        KeyCode::Backspace => {
            p.query.pop();
            p.selected = 0;
        }
        KeyCode::Char(c) if !ctrl => {
            p.query.push(c);
            p.selected = 0;
        }
        _ => {}
    }
    Vec::new()
}

fn picker_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let id = app.keymap.lookup(&[Scope::Picker], key);
    let Screen::Picker(picker) = &mut app.screen else {
        return Vec::new();
    };
    match id {
        Some(CommandId::PickerOpen) => {
            let path = picker
                .visible()
                .get(picker.cursor.selected)
                .map(|e| e.path.clone());
            return path.map(Effect::Open).into_iter().collect();
        }
        Some(CommandId::PickerNew) => {
            app.overlays
                .push(Overlay::Form(Box::new(editing::new_review_form())));
            return Vec::new();
        }
        Some(CommandId::Quit) if !picker.filter.is_empty() && key.code == KeyCode::Esc => {
            picker.filter.clear();
            picker.cursor = Default::default();
            return Vec::new();
        }
        Some(CommandId::Quit) => {
            app.quit = true;
            return vec![Effect::Quit];
        }
        _ => {}
    }
    let len = picker.visible().len();
    let c = &mut picker.cursor;
    match key.code {
        KeyCode::Down => c.selected = (c.selected + 1).min(len.saturating_sub(1)),
        KeyCode::Up => c.selected = c.selected.saturating_sub(1),
        KeyCode::PageDown => c.selected = (c.selected + 10).min(len.saturating_sub(1)),
        KeyCode::PageUp => c.selected = c.selected.saturating_sub(10),
        KeyCode::Backspace => {
            picker.filter.pop();
            picker.cursor = Default::default();
        }
        KeyCode::Char(ch) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
            picker.filter.push(ch);
            picker.cursor = Default::default();
        }
        _ => {}
    }
    Vec::new()
}

fn form_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let command = app.keymap.lookup(&[Scope::Form], key);
    let Some(Overlay::Form(form)) = app.overlays.last_mut() else {
        return Vec::new();
    };
    let on_text = matches!(form.focused().map(|f| &f.input), Some(Input::Text { .. }));
    let multiline = form.focused().is_some_and(|f| f.is_multiline());
    match (command, key.code) {
        (Some(CommandId::FormCancel), _) => {
            app.overlays.pop();
            return vec![Effect::ClearDraft];
        }
        (Some(CommandId::FormSubmit), _) => return submit(app),
        (_, KeyCode::Enter) if !multiline => return submit(app),
        (Some(CommandId::FormNextField), _) => {
            form.focus = (form.focus + 1) % form.fields.len().max(1);
        }
        (Some(CommandId::FormPrevField), _) => {
            form.focus = (form.focus + form.fields.len().max(1) - 1) % form.fields.len().max(1);
        }
        _ if on_text => return text_key(form, key),
        (Some(CommandId::FormCycleChoice), _) | (_, KeyCode::Right) => cycle_field(form, 1),
        (_, KeyCode::Left) => cycle_field(form, -1),
        _ => {}
    }
    Vec::new()
}

fn cycle_field(form: &mut Form, step: isize) {
    match form.focused_mut().map(|f| &mut f.input) {
        Some(Input::Choice { options, selected }) => {
            let n = options.len() as isize;
            *selected = ((*selected as isize + step).rem_euclid(n.max(1))) as usize;
        }
        Some(Input::Toggle(on)) => *on = !*on,
        _ => {}
    }
}

/// A key for the focused text field: Right at the end of the line takes
/// the completion; everything else goes to the text area.
fn text_key(form: &mut Form, key: KeyEvent) -> Vec<Effect> {
    let completion = form
        .focused()
        .and_then(|f| f.completion())
        .map(str::to_owned);
    let Some(Input::Text { area, .. }) = form.focused_mut().map(|f| &mut f.input) else {
        return Vec::new();
    };
    let at_end = area.cursor().1
        >= area
            .lines()
            .get(area.cursor().0)
            .map_or(0, |l| l.chars().count());
    if let (KeyCode::Right, Some(name), true) = (key.code, completion, at_end) {
        **area = super::form::area(&name);
        return vec![Effect::SaveDraft(form.draft())];
    }
    if area.input(key) {
        form.error = None;
        vec![Effect::SaveDraft(form.draft())]
    } else {
        Vec::new()
    }
}

fn submit(app: &mut App) -> Vec<Effect> {
    let Some(Overlay::Form(form)) = app.overlays.pop() else {
        return Vec::new();
    };
    match editing::submit(app, &form) {
        Ok(mut effects) => {
            effects.push(Effect::ClearDraft);
            effects
        }
        Err(e) => {
            let mut form = form;
            form.error = Some(e);
            app.overlays.push(Overlay::Form(form));
            Vec::new()
        }
    }
}

/// Runs a command from the table.
pub fn run(app: &mut App, id: CommandId) -> Vec<Effect> {
    match id {
        CommandId::Quit => {
            let now = app.now;
            // The clock stops with the meeting; a paused clock is saved.
            if let Some(ws) = app.workspace_mut()
                && !ws.read_only()
                && ws.review.meeting.pause(now)
            {
                ws.revision += 1;
            }
            app.quit = true;
            return vec![Effect::Quit];
        }
        CommandId::Help => app.overlays.push(Overlay::Help { scroll: 0 }),
        CommandId::Preview => {
            if app.workspace().is_some() {
                let text = preview_text(app, false);
                app.overlays.push(Overlay::Preview(Preview {
                    internal: false,
                    text,
                    scroll: 0,
                    picking: None,
                }));
            }
        }
        CommandId::Palette => app.overlays.push(Overlay::Palette(Palette::default())),
        CommandId::CycleTheme => {
            app.theme = app.theme.next();
            app.info(format!("Theme: {}", app.theme.label()));
        }
        CommandId::PickerOpen | CommandId::PickerNew => {}
        CommandId::FormSubmit
        | CommandId::FormCancel
        | CommandId::FormNextField
        | CommandId::FormPrevField
        | CommandId::FormCycleChoice => {}
        _ => return workspace_command(app, id),
    }
    Vec::new()
}

fn workspace_command(app: &mut App, id: CommandId) -> Vec<Effect> {
    let page = usize::from(app.size.1.saturating_sub(8)).max(1);
    let questions = app.workspace().map_or(0, |ws| {
        app.prompts
            .for_stage(ws.review.meeting.stage)
            .questions
            .len()
    });
    let Some(ws) = app.workspace_mut() else {
        return Vec::new();
    };
    let focus = ws.focus;
    let len = ws.len(focus);
    let moved = |ws: &mut Workspace, to: usize| {
        let c = ws.cursor_mut(focus);
        c.selected = to.min(len.saturating_sub(1));
        if c.selected < c.offset {
            c.offset = c.selected;
        } else if c.selected >= c.offset + page {
            c.offset = c.selected + 1 - page;
        }
    };
    let sel = ws.cursor(focus).selected.min(len.saturating_sub(1));
    match id {
        CommandId::NextPane => ws.focus = focus.next(),
        CommandId::PrevPane => ws.focus = focus.prev(),
        CommandId::FocusTimeline => ws.focus = Pane::Timeline,
        CommandId::FocusLearnings => ws.focus = Pane::Learnings,
        CommandId::FocusFactors => ws.focus = Pane::Factors,
        CommandId::FocusActions => ws.focus = Pane::Actions,
        CommandId::FocusParking => ws.focus = Pane::Parking,
        CommandId::FocusDetails => ws.focus = Pane::Details,
        CommandId::Down => moved(ws, sel + 1),
        CommandId::Up => moved(ws, sel.saturating_sub(1)),
        CommandId::Top => moved(ws, 0),
        CommandId::Bottom => moved(ws, len.saturating_sub(1)),
        CommandId::PageDown => moved(ws, sel + page),
        CommandId::PageUp => moved(ws, sel.saturating_sub(page)),
        CommandId::NextQuestion => {
            let asked = &mut ws.asked[ws.review.meeting.stage.index()];
            *asked = (*asked + 1) % questions.max(1);
        }
        CommandId::NextStage => {
            let next = ws.review.meeting.stage.next();
            if next == ws.review.meeting.stage {
                app.info("This is the last stage: preview (P) and export (e)");
                return Vec::new();
            }
            return meeting::go_to(app, next);
        }
        CommandId::PrevStage => {
            let prev = ws.review.meeting.stage.prev();
            return meeting::go_to(app, prev);
        }
        CommandId::ToggleClock => return meeting::toggle_clock(app),
        CommandId::Timeboxes => {
            if let Some(why) = ws.read_only_reason() {
                app.warn(why);
                return Vec::new();
            }
            let form = meeting::timebox_form(ws);
            app.overlays.push(Overlay::Form(Box::new(form)));
        }
        CommandId::Chart => {
            let selected = if focus == Pane::Timeline { sel } else { 0 };
            app.overlays.push(Overlay::Chart { selected });
        }
        CommandId::FixCheck => return meeting::fix_check(app),
        CommandId::Spotlight => app.overlays.push(Overlay::Spotlight),
        CommandId::Present => present(app),
        CommandId::JudgePositive => return meeting::judge(app, Impact::Positive),
        CommandId::JudgeNegative => return meeting::judge(app, Impact::Negative),
        CommandId::JudgeNeutral => return meeting::judge(app, Impact::Neutral),
        CommandId::Export => return vec![Effect::Export { folder: None }],
        CommandId::QuickReview => return super::quick::open(app),
        CommandId::ExportTo => {
            let form = editing::export_form(ws);
            app.overlays.push(Overlay::Form(Box::new(form)));
        }
        CommandId::Undo | CommandId::Redo => return undo_redo(app, id == CommandId::Undo),
        _ => return editing::command(app, id),
    }
    Vec::new()
}

/// Turns presenter mode on or off: the high-contrast theme, the stage and
/// the focused pane larger, no private notes, no key hints.
pub fn present(app: &mut App) {
    match app.audience {
        Audience::Facilitator => {
            app.audience = Audience::Presenter;
            app.theme_before = Some(app.theme);
            // Monochrome (NO_COLOR, or chosen) stays without colour.
            if app.theme != ThemeName::Mono {
                app.theme = ThemeName::Contrast;
            }
            app.info("Presenter mode: F5 again to leave it");
        }
        Audience::Presenter => {
            app.audience = Audience::Facilitator;
            app.theme = app.theme_before.take().unwrap_or_default();
            app.info("Presenter mode off");
        }
        Audience::Watcher => {}
    }
}

fn undo_redo(app: &mut App, undo: bool) -> Vec<Effect> {
    let Some(ws) = app.workspace_mut() else {
        return Vec::new();
    };
    if let Some(why) = ws.read_only_reason() {
        app.warn(why);
        return Vec::new();
    }
    let landing = if undo {
        ws.history.undo(&mut ws.review).map(|e| e.landing())
    } else {
        ws.history.redo(&mut ws.review).map(|e| e.landing())
    };
    let Some(landing) = landing else {
        let what = if undo { "undo" } else { "redo" };
        app.info(format!("Nothing to {what}"));
        return Vec::new();
    };
    if let Some((pane, at)) = landing {
        ws.focus = pane;
        ws.cursor_mut(pane).selected = at;
    }
    ws.revision += 1;
    let left = if undo {
        ws.history.can_undo()
    } else {
        ws.history.can_redo()
    };
    app.info(format!(
        "{} ({left} more)",
        if undo { "Undone" } else { "Redone" }
    ));
    vec![Effect::Save]
}

/// A picker over `entries`, for the screen shown at start.
pub fn picker(entries: Vec<super::state::PickerEntry>, problems: Vec<String>) -> Screen {
    Screen::Picker(Picker {
        entries,
        problems,
        ..Picker::default()
    })
}
