//! A review opened for the workspace: the clock left running stopped,
//! text typed before debrief last stopped put back, and what the opening
//! found shown until a key is read.

use super::action::Opened;
use super::editing;
use super::history::{Edit, Item};
use super::state::{App, Screen, Workspace};
use crate::domain::{ParkingItem, Text};

pub(super) fn open(app: &mut App, opened: Opened) {
    let Opened {
        review,
        file,
        access,
        recovered,
        warnings,
    } = opened;
    let landing = app.landing.take().filter(|l| l.file == file);
    let mut ws = Workspace::new(review, Some(file), access);
    // Opened from the library at an action item: the actions pane, with
    // the item selected (by its number; by its place if it is gone).
    if let Some(l) = landing {
        let actions = &ws.review.actions;
        let at = actions
            .iter()
            .position(|a| a.id.0 == l.action)
            .unwrap_or(l.place.min(actions.len().saturating_sub(1)));
        ws.focus = super::Pane::Actions;
        ws.cursor_mut(super::Pane::Actions).selected = at;
    }
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
    // What the file's opening found stays on screen until a key is read.
    if !warnings.is_empty() {
        let shown: Vec<String> = warnings
            .iter()
            .map(|w| crate::domain::text::visible_line(w).into_owned())
            .collect();
        app.warn_until_key(shown.join(" · "));
    }
    // Opened from the picker's search: at the item found.
    if let Screen::Picker(picker) = &app.screen {
        super::picker::focus(picker, &mut ws);
    }
    app.screen = Screen::Workspace(Box::new(ws));
}
