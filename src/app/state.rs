//! Everything the program knows at one moment. Rendering reads it;
//! only `update` changes it.

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use super::form::Form;
use super::history::History;
use super::keymap::Keymap;
use super::palette::Palette;
use super::prompts::Prompts;
use crate::domain::{Coach, Review, Severity, Stage, Status};

pub use super::pane::{DetailRow, Pane};
pub use super::shown::{Audience, Flagged, ThemeName};

/// The selection and scroll position of one list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    /// The first row shown; rendering keeps the selection in view.
    pub offset: usize,
}

/// Whether this process may change the review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Access {
    ReadWrite,
    /// Another process holds the lock; the message names it.
    ReadOnly(String),
    /// Nothing can be written where the review is (a read-only mount, a
    /// folder of another user's); the message says why.
    CannotWrite(String),
}

/// What the header says about saving.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    /// Changes are waiting for the next save.
    Pending,
    Failed(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Info,
    Warning,
    Error,
}

/// A line for the status bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub level: Level,
    /// Stays until a key is pressed, whatever else is said meanwhile: a
    /// configuration file that could not be read.
    pub sticky: bool,
    /// For a message that describes the review as it is ("Check 1/5: the
    /// summary is empty"): the revision it describes. It goes once the
    /// review changes.
    pub of_revision: Option<u64>,
}

/// The review being worked on.
#[derive(Debug)]
pub struct Workspace {
    pub review: Review,
    /// Where it is saved; `None` for a review that lives only in memory.
    pub file: Option<PathBuf>,
    pub access: Access,
    pub focus: Pane,
    pub cursors: [Cursor; Pane::ALL.len()],
    /// Per stage, the question of the prompts pane to ask next.
    pub asked: [usize; Stage::ALL.len()],
    /// Which of the checks before publishing `!` opens next.
    pub check: usize,
    /// Lines of the prompts pane scrolled off its top; back to 0 at each
    /// stage.
    pub prompts_scroll: u16,
    pub history: History,
    /// Counts changes; compared with `saved_revision` to know what is on disk.
    pub revision: u64,
    pub saved_revision: u64,
    pub save_error: Option<String>,
    /// Why the text of the open form could not be kept in its draft file.
    pub draft_error: Option<String>,
    /// The participants not heard yet, by name: derived from the review
    /// when it changes (see [`Workspace::refresh`]), not on every frame.
    pub unheard: Vec<String>,
    /// The library's reviews related to this one.
    pub related: super::related::RelatedView,
}

impl Workspace {
    pub fn new(review: Review, file: Option<PathBuf>, access: Access) -> Workspace {
        let mut ws = Workspace {
            review,
            file,
            access,
            focus: Pane::Timeline,
            cursors: [Cursor::default(); Pane::ALL.len()],
            asked: [0; Stage::ALL.len()],
            check: 0,
            prompts_scroll: 0,
            history: History::default(),
            revision: 0,
            saved_revision: 0,
            save_error: None,
            draft_error: None,
            unheard: Vec::new(),
            related: Default::default(),
        };
        ws.refresh();
        ws
    }

    /// Derives again what the screen shows from the review; called by
    /// `update` whenever the review changed.
    pub fn refresh(&mut self) {
        self.unheard = crate::domain::guards::unheard(&self.review)
            .iter()
            .map(|p| p.name.to_string())
            .collect();
        self.related.refresh(&self.review);
    }

    pub fn cursor(&self, pane: Pane) -> Cursor {
        self.cursors[pane.index()]
    }

    pub fn cursor_mut(&mut self, pane: Pane) -> &mut Cursor {
        &mut self.cursors[pane.index()]
    }

    pub fn read_only(&self) -> bool {
        matches!(self.access, Access::ReadOnly(_) | Access::CannotWrite(_))
    }

    /// Why changes are refused, for the status bar.
    pub fn read_only_reason(&self) -> Option<String> {
        match &self.access {
            Access::ReadOnly(who) => Some(format!("Read-only: {who} holds this review")),
            Access::CannotWrite(why) => Some(format!("Read-only: {why}")),
            Access::ReadWrite => None,
        }
    }

    /// Whether changes are in memory only: not saved, and the last save
    /// failed.
    pub fn unsaved(&self) -> Option<&str> {
        self.save_error
            .as_deref()
            .filter(|_| self.revision != self.saved_revision)
    }

    pub fn save_state(&self) -> SaveState {
        if let Some(e) = &self.draft_error {
            return SaveState::Failed(format!("the text being typed is not kept: {e}"));
        }
        match &self.save_error {
            Some(e) if self.revision != self.saved_revision => SaveState::Failed(e.clone()),
            _ if self.revision != self.saved_revision => SaveState::Pending,
            _ => SaveState::Saved,
        }
    }

    /// How many rows the pane lists.
    pub fn len(&self, pane: Pane) -> usize {
        match pane.list(&self.review) {
            Some(list) => list.len(),
            None => self.detail_rows().len(),
        }
    }

    /// The rows of the details pane.
    pub fn detail_rows(&self) -> Vec<DetailRow> {
        let mut rows = vec![DetailRow::Review, DetailRow::Moments, DetailRow::Summary];
        rows.extend((0..self.review.participants.len()).map(DetailRow::Participant));
        rows.push(DetailRow::Notes);
        rows
    }

    /// The selected row of the focused pane, clamped to what exists.
    pub fn selected(&self, pane: Pane) -> Option<usize> {
        let len = self.len(pane);
        (len > 0).then(|| self.cursor(pane).selected.min(len - 1))
    }
}

/// One review in the picker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PickerEntry {
    pub path: PathBuf,
    pub id: String,
    pub date: String,
    pub severity: Severity,
    pub status: Status,
    pub title: String,
    pub open_actions: usize,
}

/// The list of reviews shown when debrief starts without a review.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Picker {
    pub entries: Vec<PickerEntry>,
    /// Files that failed to load, with why.
    pub problems: Vec<String>,
    /// What is typed: the words searched for.
    pub filter: String,
    pub cursor: Cursor,
    pub search: super::picker::Search,
}

impl Picker {
    /// The entries shown: every one, or those the search found, best
    /// first.
    pub fn visible(&self) -> Vec<&PickerEntry> {
        match self.search.found() {
            Some(found) => found.filter_map(|i| self.entries.get(i)).collect(),
            None => self.entries.iter().collect(),
        }
    }
}

/// What fills the screen under the overlays.
#[derive(Debug)]
pub enum Screen {
    Picker(Picker),
    Workspace(Box<Workspace>),
    /// The team's library: trends, time to resolve, recurring factors
    /// and follow-ups across reviews.
    Library(Box<super::library::LibraryView>),
}

/// A layer over the screen; the top one sees keys first.
#[derive(Debug)]
pub enum Overlay {
    Help {
        scroll: u16,
    },
    Palette(Palette),
    Form(Box<Form>),
    /// A report exactly as it will be exported, made when opened (the
    /// review cannot change under an overlay).
    Preview(Preview),
    /// The recovery chart, with the selected point.
    Chart {
        selected: usize,
    },
    /// The selected item of the focused pane, filling the screen.
    Spotlight,
    /// The quick review of a minor incident, step by step.
    Quick(Box<super::quick::Quick>),
    /// A value being picked for the selected item, by a digit or an
    /// initial.
    Choose(super::editing::Choice),
    /// The import view: a file read into events to keep or drop.
    Import(Box<super::import::Importing>),
    /// The reviews related to the open one, with the selected row.
    Related {
        selected: usize,
    },
}

/// The report preview: the public summary or the internal report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    pub internal: bool,
    pub text: String,
    pub scroll: u16,
    /// While the list of items that can be marked internal-only is open:
    /// the selected row of [`Preview::items`].
    pub picking: Option<usize>,
}

impl Preview {
    /// The items this preview can mark internal-only or public: the action
    /// items for the public summary (the only items it shows), every item
    /// for the internal report.
    pub fn items(&self, review: &Review) -> Vec<(Pane, usize)> {
        let panes: &[Pane] = if self.internal {
            &[
                Pane::Timeline,
                Pane::Learnings,
                Pane::Factors,
                Pane::Actions,
            ]
        } else {
            &[Pane::Actions]
        };
        panes
            .iter()
            .flat_map(|p| {
                let n = p.list(review).map_or(0, |l| l.len());
                (0..n).map(move |i| (*p, i))
            })
            .collect()
    }
}

/// The whole program state.
#[derive(Debug)]
pub struct App {
    pub screen: Screen,
    pub overlays: Vec<Overlay>,
    pub keymap: Keymap,
    pub prompts: Prompts,
    /// Hears biased language in what is typed.
    pub coach: Coach,
    /// Which item texts `coach` flags, remembered between frames.
    pub flagged: Flagged,
    pub theme: ThemeName,
    /// Who the screen is for.
    pub audience: Audience,
    /// The theme to go back to when presenter mode ends.
    pub theme_before: Option<ThemeName>,
    pub message: Option<Message>,
    /// The terminal's size, from the last resize.
    pub size: (u16, u16),
    /// The time of the last action, for messages such as "saved 3 s ago".
    pub now: DateTime<Utc>,
    /// Who is running debrief, for "published by".
    pub user: String,
    /// What a view that follows another process keeps between reloads.
    pub following: super::following::Following,
    /// Quit was asked for while changes could not be saved; asking again
    /// quits (and the runtime keeps a copy of the review elsewhere).
    pub quit_asked: bool,
    pub quit: bool,
    /// The review is the demo's scratch copy, whose folder is deleted on
    /// quit; `demo_warned` once that has been said before an export.
    pub demo: bool,
    pub demo_warned: bool,
    /// Clicks and the wheel are heard (off by default, so that the
    /// terminal and tmux keep selecting text).
    pub mouse: bool,
    /// The action item to select in the review being opened from the
    /// library screen.
    pub landing: Option<super::library::Landing>,
    /// The review the one being opened is opened from, by its related
    /// reviews (see [`App::came_from`]).
    pub came_from: Option<super::related::CameFrom>,
}

impl App {
    pub fn new(screen: Screen, now: DateTime<Utc>) -> App {
        App {
            screen,
            overlays: Vec::new(),
            keymap: Keymap::defaults(),
            prompts: Prompts::builtin(),
            coach: Coach::builtin(),
            flagged: Flagged::default(),
            theme: ThemeName::default(),
            audience: Audience::default(),
            theme_before: None,
            message: None,
            size: (80, 24),
            now,
            user: "unknown".to_owned(),
            following: Default::default(),
            quit_asked: false,
            demo: false,
            demo_warned: false,
            quit: false,
            mouse: false,
            landing: None,
            came_from: None,
        }
    }

    pub fn workspace(&self) -> Option<&Workspace> {
        match &self.screen {
            Screen::Workspace(w) => Some(w),
            Screen::Picker(_) | Screen::Library(_) => None,
        }
    }

    pub fn workspace_mut(&mut self) -> Option<&mut Workspace> {
        match &mut self.screen {
            Screen::Workspace(w) => Some(w),
            Screen::Picker(_) | Screen::Library(_) => None,
        }
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.say(text.into(), Level::Info, false);
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.say(text.into(), Level::Warning, false);
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.say(text.into(), Level::Error, false);
    }

    /// A warning that stays on screen until the next key.
    pub fn warn_until_key(&mut self, text: impl Into<String>) {
        self.say(text.into(), Level::Warning, true);
    }

    fn say(&mut self, text: String, level: Level, sticky: bool) {
        if self.message.as_ref().is_some_and(|m| m.sticky) && !sticky {
            return;
        }
        self.message = Some(Message {
            text,
            level,
            sticky,
            of_revision: None,
        });
    }

    /// A message that says how the review is now; it goes when the review
    /// changes.
    pub fn info_while_unchanged(&mut self, text: impl Into<String>) {
        self.info(text);
        let revision = self.workspace().map(|ws| ws.revision);
        if let Some(m) = &mut self.message
            && !m.sticky
        {
            m.of_revision = revision;
        }
    }

    /// Takes the environment and the user's configuration: who is
    /// running debrief, colour, keys, prompts and coach. Each file that
    /// could not be read is said until a key is pressed.
    pub fn configure(&mut self, env: &crate::config::Env, config: crate::config::Config) {
        self.user = env.user.clone();
        self.mouse = env.mouse;
        if env.no_color {
            self.theme = ThemeName::Mono;
        }
        self.keymap = config.keymap;
        self.prompts = config.prompts;
        self.coach = config.coach;
        self.flagged = Flagged::default();
        let problems: Vec<String> = config
            .problems
            .iter()
            .map(|p| crate::domain::text::visible_line(&p.to_string()).into_owned())
            .collect();
        if !problems.is_empty() {
            self.warn_until_key(problems.join(" · "));
        }
    }
}
