//! The import view: a chat export, the pager's log or a shell history
//! read into a list of candidate events, which the facilitator keeps,
//! drops, filters and fixes before adding them to the timeline as one
//! step of undo.
//!
//! It first asks for the path (and, for an export of several channels,
//! which one); reading is an [`Effect::ReadImport`] the runtime runs, and
//! the result comes back as [`Action::ImportRead`]. The planning (the
//! window, what is already there, who is who) is
//! [`crate::import::Plan`]'s, shared with `debrief import`.
//!
//! [`Action::ImportRead`]: super::Action::ImportRead

mod add;
mod edit;
mod list;

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use super::action::Effect;
use super::commands::CommandId;
use super::form::{Form, area};
use super::state::{App, Cursor, Overlay, Screen};
use crate::domain::text::visible_line;
use crate::import::{Choice, Import, ImportError, Options, Plan, Window};

pub use list::Filter;

/// The import view's state.
#[derive(Debug)]
pub struct Importing {
    pub step: Step,
}

/// Where the import view is.
#[derive(Debug)]
pub enum Step {
    /// Typing the path of the export; the error of the last try, if any.
    Path {
        area: Box<TextArea<'static>>,
        error: Option<String>,
    },
    /// The export holds several channels: one is chosen.
    Channel {
        path: String,
        channels: Vec<String>,
        selected: usize,
    },
    /// The candidate events, to keep or drop.
    List(Box<Listing>),
}

/// The candidate events of one export, as planned against the review,
/// with what the facilitator chose.
#[derive(Debug)]
pub struct Listing {
    /// The file, as typed.
    pub path: String,
    pub plan: Plan,
    /// Per row of the plan: kept.
    pub keep: Vec<bool>,
    /// Per row: its text, actor or kind was fixed here.
    pub fixed: Vec<bool>,
    /// Per row: where the message came from, as read (a fixed text keeps
    /// its origin, so that a later import still knows it).
    pub origins: Vec<String>,
    pub filter: Filter,
    /// The rows the filters show, in the plan's order: what the cursor
    /// moves through and what is added.
    pub shown: Vec<usize>,
    /// Over `shown`.
    pub cursor: Cursor,
    /// Whether the rows fall on more than one day in the review's
    /// offset: their times are then written with the date.
    pub dated: bool,
    /// The actors of the kept lines shown who are not among the
    /// participants (bots aside), each once.
    pub newcomers: Vec<String>,
    /// Add the newcomers as participants along with the lines.
    pub add_people: bool,
    /// The fix of the selected line, while it is open.
    pub edit: Option<Box<Form>>,
}

impl Listing {
    /// The row of the plan under the cursor.
    pub fn selected_row(&self) -> Option<usize> {
        self.shown
            .get(self.cursor.selected.min(self.shown.len().saturating_sub(1)))
            .copied()
    }

    /// The rows that adding would add: kept, shown, not in the review.
    pub fn to_add(&self) -> impl Iterator<Item = usize> + '_ {
        self.shown
            .iter()
            .copied()
            .filter(|i| self.keep[*i] && !self.plan.rows[*i].already)
    }
}

/// Opens the import view over the workspace, asking for the path.
pub fn open(app: &mut App) -> Vec<Effect> {
    let Some(ws) = app.workspace() else {
        return Vec::new();
    };
    if let Some(why) = ws.read_only_reason() {
        app.warn(why);
        return Vec::new();
    }
    app.overlays.push(Overlay::Import(Box::new(Importing {
        step: Step::Path {
            area: Box::new(area("")),
            error: None,
        },
    })));
    Vec::new()
}

fn top(app: &mut App) -> Option<&mut Importing> {
    match app.overlays.last_mut() {
        Some(Overlay::Import(i)) => Some(i),
        _ => None,
    }
}

/// The review and the listing on top, borrowed together.
fn parts(app: &mut App) -> Option<(&crate::domain::Review, &mut Listing)> {
    let Screen::Workspace(ws) = &app.screen else {
        return None;
    };
    let Some(Overlay::Import(imp)) = app.overlays.last_mut() else {
        return None;
    };
    let Step::List(l) = &mut imp.step else {
        return None;
    };
    Some((&ws.review, l))
}

/// How to read the export for the open review.
fn options(app: &App, channel: Option<String>) -> Option<Options> {
    let r = &app.workspace()?.review;
    let mut options = Options::new(r.incident_date(), r.offset);
    options.channel = channel;
    Some(options)
}

/// A key while the view asks for the path or the channel.
pub fn ask_key(app: &mut App, command: Option<CommandId>, key: KeyEvent) -> Vec<Effect> {
    let Some(imp) = top(app) else {
        return Vec::new();
    };
    match (command, &mut imp.step) {
        (Some(CommandId::Close), _) => {
            app.overlays.pop();
            app.info("Nothing imported");
        }
        (Some(CommandId::Help), _) => super::overlays::help(app),
        (Some(CommandId::ImportRead), Step::Path { area, error }) => {
            let path = area.lines().join("").trim().to_owned();
            if path.is_empty() {
                *error = Some("Type the path of the export to read".into());
                return Vec::new();
            }
            return read(app, path, None);
        }
        (
            Some(CommandId::ImportRead),
            Step::Channel {
                path,
                channels,
                selected,
            },
        ) => {
            let (path, channel) = (path.clone(), channels.get(*selected).cloned());
            return read(app, path, channel);
        }
        (
            Some(CommandId::Down),
            Step::Channel {
                channels, selected, ..
            },
        ) => *selected = (*selected + 1).min(channels.len().saturating_sub(1)),
        (Some(CommandId::Up), Step::Channel { selected, .. }) => {
            *selected = selected.saturating_sub(1)
        }
        // Plain text input: the path, on one line.
        (None, Step::Path { area, error })
            if !matches!(key.code, KeyCode::Tab | KeyCode::BackTab | KeyCode::Enter) =>
        {
            let typed = area.input(key);
            if typed {
                *error = None;
            }
        }
        _ => {}
    }
    Vec::new()
}

fn read(app: &mut App, path: String, channel: Option<String>) -> Vec<Effect> {
    let Some(options) = options(app, channel) else {
        return Vec::new();
    };
    vec![Effect::ReadImport {
        path: path.into(),
        options,
    }]
}

/// The export asked for was read: its lines are listed; or it could not
/// be: the view asks again, saying where the file is wrong, or which
/// channel to read.
pub fn read_done(app: &mut App, result: Result<Box<Import>, ImportError>) -> Vec<Effect> {
    let Some(Overlay::Import(imp)) = app.overlays.last() else {
        return Vec::new();
    };
    let typed = match &imp.step {
        Step::Path { area, .. } => area.lines().join("").trim().to_owned(),
        Step::Channel { path, .. } => path.clone(),
        Step::List(l) => l.path.clone(),
    };
    let step = match result {
        Ok(import) => {
            let Some(ws) = app.workspace() else {
                return Vec::new();
            };
            let choice = Choice {
                window: Window::around(&ws.review),
                ..Choice::default()
            };
            let plan = Plan::new(&ws.review, *import, &choice);
            Step::List(Box::new(list::listing(app, typed, plan)))
        }
        Err(e) if !e.channels.is_empty() => Step::Channel {
            path: typed,
            channels: e
                .channels
                .iter()
                .map(|c| visible_line(c).into_owned())
                .collect(),
            selected: 0,
        },
        Err(e) => Step::Path {
            area: Box::new(area(&typed)),
            error: Some(format!(
                "{}; nothing was added",
                visible_line(&e.to_string())
            )),
        },
    };
    if let Some(imp) = top(app) {
        imp.step = step;
    }
    Vec::new()
}

pub use add::add;
pub use edit::edit_key;
pub use list::list_key;
