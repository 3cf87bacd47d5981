//! The list of reviews shown when debrief starts without one: what is
//! typed searches every text of every review, as `debrief search` does.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Effect;
use super::commands::CommandId;
use super::editing;
use super::pane::{DetailRow, Pane};
use super::state::{App, Overlay, Picker, Screen, Workspace};
use crate::domain::ItemId;
use crate::library::search::{excerpt, terms};
use crate::library::words::Ranked;
use crate::library::{Library, Place, Stamp, Words};

/// How many reviews a page moves.
const PAGE: usize = 10;

/// A key in the picker: its command, or text for the search.
pub fn key(app: &mut App, command: Option<CommandId>, key: KeyEvent) -> Vec<Effect> {
    let Screen::Picker(picker) = &mut app.screen else {
        return Vec::new();
    };
    let last = picker.visible().len().saturating_sub(1);
    let c = &mut picker.cursor;
    match command {
        Some(CommandId::PickerOpen) => {
            let Some(at) = picker
                .visible()
                .get(picker.cursor.selected)
                .map(|e| e.path.clone())
            else {
                return Vec::new();
            };
            picker.search.opening = picker
                .search
                .shown(picker.cursor.selected)
                .map(|hit| (at.clone(), hit.place, hit.item));
            return vec![Effect::Open(at)];
        }
        Some(CommandId::PickerNew) => {
            app.overlays
                .push(Overlay::Form(Box::new(editing::new_review_form())));
        }
        Some(CommandId::Library) => return vec![Effect::LoadLibrary],
        Some(CommandId::Help) => super::overlays::help(app),
        Some(CommandId::Close) if !picker.filter.is_empty() => {
            picker.filter.clear();
            search(picker);
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
        // Plain text input: the search.
        None => match key.code {
            KeyCode::Backspace => {
                picker.filter.pop();
                search(picker);
            }
            KeyCode::Char(ch) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                picker.filter.push(ch);
                search(picker);
            }
            _ => {}
        },
    }
    Vec::new()
}

/// Searches again for what is typed, from the first review.
fn search(picker: &mut Picker) {
    picker.cursor = Default::default();
    let terms = terms(&picker.filter);
    if terms.is_empty() {
        picker.search.found = None;
        picker.search.terms.clear();
        return;
    }
    let mut found: Vec<Found> = Vec::new();
    let mut seen = vec![false; picker.entries.len()];
    if let Some(source) = &picker.search.source {
        let words = source.words();
        for r in words.search_reviews(&terms, false) {
            if let Some(entry) = source.entry_of.get(r.review).copied().flatten() {
                seen[entry] = true;
                found.push(Found {
                    entry,
                    ranked: Some(r),
                });
            }
        }
    }
    // A review whose id or severity (or title, when there is no index to
    // search) holds every word.
    for (entry, e) in picker.entries.iter().enumerate() {
        let hay = format!("{} {} {}", e.id, e.title, e.severity).to_lowercase();
        if !seen[entry] && terms.iter().all(|w| hay.contains(w.as_str())) {
            found.push(Found {
                entry,
                ranked: None,
            });
        }
    }
    picker.search.terms = terms;
    picker.search.found = Some(found);
}

/// After a review opened from a search: the pane of the item found, at
/// that item.
pub(super) fn focus(picker: &Picker, ws: &mut Workspace) {
    let Some((path, place, item)) = &picker.search.opening else {
        return;
    };
    if ws.file.as_ref() != Some(path) {
        return;
    }
    let pane = match place {
        Place::Event => Pane::Timeline,
        Place::Learning => Pane::Learnings,
        Place::Factor => Pane::Factors,
        Place::Action => Pane::Actions,
        Place::Parking => Pane::Parking,
        _ => Pane::Details,
    };
    let row = match (pane.list(&ws.review), item) {
        (Some(list), Some(n)) => list.row_of(ItemId(*n)),
        // The details pane: the review's own row for its title and
        // incident, the summary's for the summary fields.
        (None, _) => {
            let at = if matches!(place, Place::Title | Place::Incident) {
                DetailRow::Review
            } else {
                DetailRow::Summary
            };
            ws.detail_rows().iter().position(|r| *r == at)
        }
        _ => None,
    };
    ws.focus = pane;
    if let Some(row) = row {
        ws.cursor_mut(pane).selected = row;
    }
}

/// What the picker searches: the word index of the library, read at the
/// first search and kept.
#[derive(Clone, Default)]
pub struct Search {
    source: Option<Arc<Source>>,
    terms: Vec<String>,
    /// The reviews found, best first; `None` when nothing is typed.
    found: Option<Vec<Found>>,
    /// The review being opened, and the item to show in it.
    pub opening: Option<(PathBuf, Place, Option<u64>)>,
}

/// A review found: its entry, and its best item when a text matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Found {
    entry: usize,
    ranked: Option<Ranked>,
}

/// The item of a review found, as the picker shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    pub place: Place,
    pub item: Option<u64>,
    /// The text around the first word matched, on one line.
    pub excerpt: String,
    /// The words of the text that matched, as written.
    pub words: Vec<String>,
}

struct Source {
    dir: PathBuf,
    /// Every file of the library, in the order of its entries.
    files: Vec<(PathBuf, Stamp)>,
    /// The picker's entry of each file (`None` for one that could not be
    /// read).
    entry_of: Vec<Option<usize>>,
    words: OnceLock<Words>,
}

impl Source {
    fn words(&self) -> &Words {
        self.words.get_or_init(|| {
            let files: Vec<(&std::path::Path, Stamp)> =
                self.files.iter().map(|(p, s)| (p.as_path(), *s)).collect();
            Words::load(&self.dir, &files, &mut |_, _| {})
        })
    }
}

impl Search {
    /// The entries found, best first, or `None` when nothing is typed.
    pub fn found(&self) -> Option<impl Iterator<Item = usize> + '_> {
        self.found.as_ref().map(|f| f.iter().map(|f| f.entry))
    }

    /// The item found of the `n`th review shown, read from the index.
    pub fn shown(&self, n: usize) -> Option<Shown> {
        let ranked = self.found.as_ref()?.get(n)?.ranked?;
        let hit = self.source.as_ref()?.words.get()?.hit(&ranked, &self.terms);
        Some(Shown {
            place: hit.place,
            item: hit.item,
            excerpt: excerpt(hit.text, hit.words.first().copied(), 160),
            words: hit.words.iter().map(|w| (*w).to_owned()).collect(),
        })
    }
}

impl std::fmt::Debug for Search {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Search")
            .field("terms", &self.terms)
            .field("found", &self.found)
            .field("opening", &self.opening)
            .finish_non_exhaustive()
    }
}

impl PartialEq for Search {
    fn eq(&self, other: &Search) -> bool {
        let same = match (&self.source, &other.source) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        };
        same && self.terms == other.terms
            && self.found == other.found
            && self.opening == other.opening
    }
}

impl Eq for Search {}

/// The picker over every review of `library`, newest first, with the
/// files that could not be read; what is typed searches their texts.
pub fn screen(library: &Library) -> Screen {
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
    let mut next = 0;
    let all = library.row_entries();
    let source = Source {
        dir: library.dir(),
        files: all.iter().map(|e| (e.path.clone(), e.stamp)).collect(),
        entry_of: all
            .iter()
            .map(|e| {
                e.row.is_ok().then(|| {
                    next += 1;
                    next - 1
                })
            })
            .collect(),
        words: OnceLock::new(),
    };
    let mut screen = super::update::picker(entries, problems);
    if let Screen::Picker(picker) = &mut screen {
        picker.search.source = Some(Arc::new(source));
    }
    screen
}
