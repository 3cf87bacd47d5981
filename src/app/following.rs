//! Views that follow another process: a watcher (`debrief watch`), which
//! follows the facilitator's saves and moves, and a read-only view of a
//! review someone else holds, which follows their saves and can take the
//! review over once they close it. The runtime reads the files; what they
//! hold arrives here as actions.

use super::action::Effect;
use super::commands::{CommandId, Scope};
use super::state::{Access, App, Audience};
use crate::domain::{Review, Stage};
use crate::follow::{self, Follow};

/// The start of the warning shown while the review does not reload.
pub const NOT_RELOADED: &str = "Could not reload the review";

/// What a following view keeps between two reloads.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Following {
    /// The stage saved in the review last loaded: the view keeps the stage
    /// it shows across reloads unless the saved one moves.
    saved_stage: Option<Stage>,
    /// A follow whose selected item was not in the review yet (the
    /// facilitator selects a new item before it is saved): applied again
    /// when the review reloads, unless the watcher moves first.
    waiting: Option<Follow>,
    /// The lock of a review shown read-only is free: it can be taken over.
    pub free: bool,
}

/// A key was pressed: the watcher's own move wins over a waiting follow.
pub fn moved(app: &mut App) {
    app.following.waiting = None;
}

/// The review file was read again.
pub fn reloaded(app: &mut App, result: Result<Review, String>) {
    match result {
        Ok(review) => {
            replace(app, review);
            if let Some(follow) = app.following.waiting.take() {
                followed(app, follow);
            }
            if app
                .message
                .as_ref()
                .is_some_and(|m| m.text.starts_with(NOT_RELOADED))
            {
                app.info("The review is up to date again");
            }
        }
        Err(e) => app.warn(format!(
            "{NOT_RELOADED}: {e}; showing the last version that loaded"
        )),
    }
}

/// Puts a newly loaded review on screen, keeping what the view looks at:
/// the pane, the selected item (by id), the stage.
fn replace(app: &mut App, review: Review) {
    let now = app.now;
    let saved_stage = review.meeting.stage;
    let previous = app.following.saved_stage.replace(saved_stage);
    let Some(ws) = app.workspace_mut() else {
        return;
    };
    if !ws.read_only() {
        return;
    }
    let focus = ws.focus;
    let selected = follow::selection(ws, focus);
    let shown_stage = ws.review.meeting.stage;
    let first = previous.is_none();
    let previous = previous.unwrap_or(shown_stage);
    ws.review = review;
    ws.refresh();
    if saved_stage == previous && !first {
        ws.review.meeting.go_to(shown_stage, now);
    }
    if let Some(selected) = selected {
        follow::select(ws, focus, selected);
    }
}

/// The facilitator moved: show the same; if the selected item is not in
/// this copy of the review yet, wait for the next reload.
pub fn followed(app: &mut App, follow: Follow) {
    if app.audience != Audience::Watcher {
        return;
    }
    follow.apply(app, app.now);
    let missing = app
        .workspace()
        .is_some_and(|ws| follow::selection(ws, follow.pane) != follow.selected);
    app.following.waiting = missing.then_some(follow);
}

/// The holder of a review shown read-only closed it.
pub fn lock_free(app: &mut App) {
    let Some(ws) = app.workspace() else {
        return;
    };
    if ws.access == Access::ReadWrite || app.audience == Audience::Watcher || app.following.free {
        return;
    }
    app.following.free = true;
    let key = app
        .keymap
        .keys(Scope::Workspace, CommandId::TakeOver)
        .first()
        .map_or_else(
            || "the palette's \"take over\"".to_owned(),
            ToString::to_string,
        );
    app.warn_until_key(format!(
        "The review is free now: {key} takes it over, to change it here"
    ));
}

/// The facilitator a watcher follows closed the review (`left`), or came
/// back to it.
pub fn left(app: &mut App, left: bool) {
    if app.audience != Audience::Watcher {
        return;
    }
    if left {
        app.warn("The facilitator has left: this is the review as last saved; q quits");
    } else {
        app.info("The facilitator is back: the view follows them again");
    }
}

/// Takes over a review shown read-only, once its lock is free.
pub fn take_over(app: &mut App) -> Vec<Effect> {
    let Some(ws) = app.workspace() else {
        return Vec::new();
    };
    match (&ws.access, &ws.file) {
        (Access::ReadWrite, _) => {
            app.info("This review is already yours to change");
            Vec::new()
        }
        _ if app.audience == Audience::Watcher => {
            app.warn("A watcher changes nothing: open the review with debrief open");
            Vec::new()
        }
        (Access::ReadOnly(_) | Access::CannotWrite(_), Some(file)) => {
            vec![Effect::Open(file.clone())]
        }
        (_, None) => Vec::new(),
    }
}
