//! The one function that changes the state: `update(app, action, now)`.
//!
//! It never touches the terminal, the disk or the clock: the time comes in
//! with the call, and side effects go out as [`Effect`] values.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;

use super::action::{Action, Effect, Failure, SaveFailure};
use super::commands::CommandId;
use super::editing;
use super::following;
use super::form::Input;
use super::meeting;
use super::mode::Mode;
use super::opening;
use super::overlays;
use super::palette::Palette;
use super::state::{App, Audience, Overlay, Pane, Picker, Screen, ThemeName, Workspace};
use crate::domain::Impact;

/// Applies `action` to `app` at time `now` and returns what the runtime
/// must do next.
pub fn update(app: &mut App, action: Action, now: DateTime<Utc>) -> Vec<Effect> {
    app.now = now;
    let before = app
        .workspace()
        .map(|ws| (ws.review.id.clone(), ws.revision));
    let effects = apply(app, action);
    // Any change to the review is stamped with the time it was made, and
    // what the screen derives from it is made again.
    if let Some(ws) = app.workspace_mut()
        && before.is_some_and(|(id, revision)| id == ws.review.id && revision != ws.revision)
    {
        ws.review.updated = now;
        ws.refresh();
    }
    // A message about the review as it was is no longer true.
    let revision = app.workspace().map(|ws| ws.revision);
    if app
        .message
        .as_ref()
        .is_some_and(|m| m.of_revision.is_some() && m.of_revision != revision)
    {
        app.message = None;
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
            following::moved(app);
            on_key(app, key)
        }
        Action::Reloaded(result) => {
            following::reloaded(app, result.map(|r| *r));
            Vec::new()
        }
        Action::Followed(follow) => {
            following::followed(app, follow);
            Vec::new()
        }
        Action::LockFree => {
            following::lock_free(app);
            Vec::new()
        }
        Action::Left(left) => {
            following::left(app, left);
            Vec::new()
        }
        Action::DraftSaved(result) => {
            if let Some(ws) = app.workspace_mut() {
                ws.draft_error = result.err();
                if let Some(e) = ws.draft_error.clone() {
                    app.error(format!(
                        "What you are typing is not kept safe: {e}. Save the form to keep it"
                    ));
                }
            }
            Vec::new()
        }
        Action::Stop => quit(app),
        Action::ImportRead(result) => super::import::read_done(app, result),
        Action::Related { file, library } => {
            use super::related::RelatedView;
            // Only for the review it was read for: another may be open now.
            if let Some(ws) = app.workspace_mut()
                && ws.file.as_ref() == Some(&file)
            {
                ws.related = match library {
                    Ok(corpus) => RelatedView::found(corpus, &ws.review),
                    Err(why) => RelatedView::Failed(why),
                };
            }
            Vec::new()
        }
        Action::LibraryRead(result) => {
            super::library::read(app, result);
            Vec::new()
        }
        Action::Paste(text) => on_paste(app, &text),
        Action::Mouse(event) => super::mouse::event(app, event),
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
                        ws.save_error = Some(e.to_string());
                        let next = match e {
                            SaveFailure::NoSpace(_) => "free some space and debrief saves them",
                            SaveFailure::Invalid(_) => {
                                "change what is named and debrief saves them"
                            }
                            SaveFailure::Denied(_) | SaveFailure::Io(_) => "debrief keeps trying",
                        };
                        app.error(format!(
                            "Not saved: {e}. Your changes are still here; {next}."
                        ));
                    }
                }
            }
            Vec::new()
        }
        Action::Exported(result) => {
            match result {
                Ok(files) => {
                    let review = app.workspace().map(|ws| &ws.review);
                    app.info(super::quick::exported(review, &files));
                }
                Err(e) => app.error(format!("Export failed: {e}")),
            }
            Vec::new()
        }
        Action::ExportFolderMissing(folder) => {
            editing::ask_to_make(app, &folder);
            Vec::new()
        }
        Action::Opened(result) => {
            if result.is_err() {
                app.landing = None;
            }
            match result {
                Ok(opened) => opening::open(app, *opened),
                Err(e @ Failure::Unreadable(_)) => {
                    app.error(format!("Not opened: {e}. The file is left as it is"))
                }
                Err(e @ Failure::Locked { .. }) => app.warn(format!("Not opened: {e}")),
                Err(e @ Failure::Io(_)) => app.error(format!("Not opened: {e}")),
            }
            Vec::new()
        }
    }
}

fn on_paste(app: &mut App, text: &str) -> Vec<Effect> {
    if let Some(Overlay::Quick(_)) = app.overlays.last() {
        return super::quick::paste(app, text);
    }
    // Several lines into the quick entry: one event a line.
    if let Some(Overlay::Form(form)) = app.overlays.last()
        && form.target == super::form::Target::QuickEvent
        && text.lines().filter(|l| !l.trim().is_empty()).count() > 1
    {
        return match editing::paste_events(app, text) {
            Ok(n) => {
                app.overlays.pop();
                app.info(format!(
                    "{n} events filed in time order, one a line; u undoes them all"
                ));
                vec![Effect::Save, Effect::ClearDraft]
            }
            Err(e) => {
                // Nothing is lost: the paste stays in the line, as one.
                let Some(Overlay::Form(form)) = app.overlays.last_mut() else {
                    return Vec::new();
                };
                if let Some(Input::Text { area, .. }) = form.focused_mut().map(|f| &mut f.input) {
                    let lines: Vec<&str> = text.lines().map(str::trim).collect();
                    area.insert_str(lines.join(" "));
                }
                form.error = Some(e);
                vec![Effect::SaveDraft(form.draft())]
            }
        };
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

/// A key goes to the mode on top, as the command its scopes bind it to;
/// the modes that take text also get the key itself.
fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let mode = app.mode();
    let command = app.keymap.lookup(mode.scopes(), key);
    match mode {
        Mode::Help => overlays::help_key(app, command),
        Mode::Preview => overlays::preview_key(app, command),
        Mode::PreviewItems => overlays::preview_items_key(app, command),
        Mode::Chart => overlays::chart_key(app, command),
        Mode::Spotlight => overlays::spotlight_key(app, command),
        Mode::Palette => super::palette::key(app, command, key),
        Mode::Form => super::form::key(app, command, key),
        Mode::Quick => super::quick::key(app, command, key),
        Mode::Choose => editing::choose_key(app, command, key),
        Mode::Picker => super::picker::key(app, command, key),
        Mode::ImportAsk => super::import::ask_key(app, command, key),
        Mode::Import => super::import::list_key(app, command),
        Mode::ImportEdit => super::import::edit_key(app, command, key),
        Mode::Library | Mode::LibraryPick => super::library::key(app, command),
        Mode::Related => super::related::key(app, command),
        Mode::Workspace(_) | Mode::Watching(_) => command.map_or_else(Vec::new, |id| run(app, id)),
    }
}

/// Leaves: the meeting clock stops with the meeting (a paused clock is
/// saved), and the runtime saves what is pending.
fn quit(app: &mut App) -> Vec<Effect> {
    let now = app.now;
    if let Some(ws) = app.workspace_mut()
        && !ws.read_only()
        && ws.review.meeting.pause(now)
    {
        ws.revision += 1;
    }
    app.quit = true;
    vec![Effect::Quit]
}

/// Runs a command from the table.
pub fn run(app: &mut App, id: CommandId) -> Vec<Effect> {
    match id {
        CommandId::Quit => {
            // Changes that cannot be saved are said before leaving; asking
            // again leaves, and a copy of the review is kept elsewhere.
            if let Some(e) = app
                .workspace()
                .and_then(|ws| ws.unsaved())
                .map(str::to_owned)
                && !app.quit_asked
            {
                app.quit_asked = true;
                app.error(format!(
                    "Not saved: {e}. debrief keeps trying; quit again to leave, with a copy of the review kept elsewhere"
                ));
                return Vec::new();
            }
            return quit(app);
        }
        CommandId::TakeOver => return following::take_over(app),
        CommandId::Export | CommandId::ExportTo if app.audience == Audience::Watcher => {
            app.warn("A watcher writes nothing: export with debrief export REVIEW");
        }
        CommandId::Export if app.demo && !app.demo_warned => {
            app.demo_warned = true;
            app.warn(
                "This is the demo: its folder is deleted on quit. E exports to a folder you keep; e again exports beside the demo anyway",
            );
        }
        CommandId::Help => overlays::help(app),
        CommandId::Preview => overlays::open_preview(app),
        CommandId::Palette => app.overlays.push(Overlay::Palette(Palette::default())),
        CommandId::CycleTheme => {
            app.theme = app.theme.next();
            app.info(format!("Theme: {}", app.theme.label()));
        }
        _ => return workspace_command(app, id),
    }
    Vec::new()
}

fn workspace_command(app: &mut App, id: CommandId) -> Vec<Effect> {
    let page = usize::from(app.size.1.saturating_sub(8)).max(1);
    let prompts_last = crate::ui::prompts_extent(app);
    let demo = app.demo;
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
    // The selection stays within the first `span` rows shown (about half
    // the screen: on most layouts every one of them is on screen, with rows
    // to spare below). Past either edge the list jumps by most of a span
    // rather than a row: a list that scrolls row by row is redrawn in full
    // on every move.
    let span = (page / 2).max(1);
    let moved = |ws: &mut Workspace, to: usize| {
        let c = ws.cursor_mut(focus);
        c.selected = to.min(len.saturating_sub(1));
        if c.selected < c.offset {
            c.offset = (c.selected + 1 + span / 4).saturating_sub(span);
        } else if c.selected >= c.offset + span {
            c.offset = c.selected - span / 4;
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
        CommandId::PromptsDown | CommandId::PromptsUp => {
            ws.prompts_scroll = if id == CommandId::PromptsDown {
                ws.prompts_scroll.saturating_add(3).min(prompts_last)
            } else {
                ws.prompts_scroll.saturating_sub(3)
            };
        }
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
        CommandId::ToggleMouse => return super::mouse::toggle(app),
        CommandId::JudgePositive => return meeting::judge(app, Impact::Positive),
        CommandId::JudgeNegative => return meeting::judge(app, Impact::Negative),
        CommandId::JudgeNeutral => return meeting::judge(app, Impact::Neutral),
        CommandId::Export => return vec![Effect::Export { folder: None }],
        CommandId::QuickReview => return super::quick::open(app),
        CommandId::ImportView => return super::import::open(app),
        CommandId::Related => return super::related::open(app),
        CommandId::ExportTo => {
            let mut form = editing::export_form(ws);
            if demo && let Some(field) = form.fields.first_mut() {
                field.hint =
                    "The demo's folder is deleted on quit: type a folder to keep the reports in";
            }
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
