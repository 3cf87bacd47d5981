//! The list of reviews shown when debrief starts without one: what is
//! typed filters it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Effect;
use super::commands::CommandId;
use super::editing;
use super::state::{App, Overlay, Screen};

/// How many reviews a page moves.
const PAGE: usize = 10;

/// A key in the picker: its command, or text for the filter.
pub fn key(app: &mut App, command: Option<CommandId>, key: KeyEvent) -> Vec<Effect> {
    let Screen::Picker(picker) = &mut app.screen else {
        return Vec::new();
    };
    let last = picker.visible().len().saturating_sub(1);
    let c = &mut picker.cursor;
    match command {
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
        }
        Some(CommandId::Library) => return vec![Effect::LoadLibrary],
        Some(CommandId::Help) => super::overlays::help(app),
        Some(CommandId::Close) if !picker.filter.is_empty() => {
            picker.filter.clear();
            picker.cursor = Default::default();
        }
        Some(CommandId::Close | CommandId::Quit) => {
            app.quit = true;
            return vec![Effect::Quit];
        }
        Some(CommandId::Down) => c.selected = (c.selected + 1).min(last),
        Some(CommandId::Up) => c.selected = c.selected.saturating_sub(1),
        Some(CommandId::PageDown) => c.selected = (c.selected + PAGE).min(last),
        Some(CommandId::PageUp) => c.selected = c.selected.saturating_sub(PAGE),
        Some(_) => {}
        // Plain text input: the filter.
        None => match key.code {
            KeyCode::Backspace => {
                picker.filter.pop();
                picker.cursor = Default::default();
            }
            KeyCode::Char(ch) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                picker.filter.push(ch);
                picker.cursor = Default::default();
            }
            _ => {}
        },
    }
    Vec::new()
}

/// The picker over every review of `library`, newest first, with the
/// files that could not be read.
pub fn screen(library: &crate::library::Library) -> Screen {
    use crate::domain::text::visible_line;
    let entries = library
        .rows()
        .map(|(path, r)| super::state::PickerEntry {
            path: path.to_owned(),
            id: r.id.clone(),
            date: r.date.to_string(),
            severity: r.severity,
            status: r.status,
            title: r.title.clone(),
            open_actions: r.open_actions,
        })
        .collect();
    let problems = library
        .problems()
        .map(|(_, why)| visible_line(why).into_owned())
        .collect();
    super::update::picker(entries, problems)
}
