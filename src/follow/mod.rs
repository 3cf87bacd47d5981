//! What the facilitator's screen shows, for `debrief watch` to follow.
//!
//! The facilitator's debrief (only the one holding the review's lock)
//! keeps a small RON file beside the review, `<id>.ron.follow`: the
//! meeting's stage, the focused pane, the selected item of that pane (by
//! its id, which never changes; by row in the details pane, which has no
//! ids) and whether the recovery chart or the spotlight is open. It is
//! written whenever one of those changes, on a thread of its own, and
//! removed when the facilitator's debrief stops. It is a hint, not data:
//! it is replaced atomically but never synced, and moves that come
//! quicker than [`COALESCE`] are written as one, the latest.
//!
//! ```text
//! (stage: Impact, pane: Timeline, selected: Some(Item(4)), overlay: Some(Chart(3)))
//! ```
//!
//! A watcher that finds no follow file, or one it cannot read, simply does
//! not follow.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Sender};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::app::{Access, App, Overlay, Pane, Workspace};
use crate::domain::{ItemId, Stage};
use crate::store::atomic::write_hint;

/// The follow file beside a review: `review.ron` → `review.ron.follow`.
pub fn follow_path(review: &Path) -> PathBuf {
    let mut name = review.file_name().unwrap_or_default().to_os_string();
    name.push(".follow");
    review.with_file_name(name)
}

/// The bytes of the follow file at `path`; `Ok(None)` when there is none.
/// The file is never read through a symbolic link, must be a regular file
/// (a FIFO does not hang the watcher) and is read up to 64 KB; anything
/// else is an error naming it.
pub fn read(path: &Path) -> Result<Option<Vec<u8>>, crate::store::StoreError> {
    use crate::store::read::{Links, MAX_FOLLOW, read_if_present};
    read_if_present(path, Links::Refuse, MAX_FOLLOW)
}

/// What the facilitator shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Follow {
    pub stage: Stage,
    #[serde(with = "pane_name")]
    pub pane: Pane,
    /// The selected row of the focused pane; `None` when the pane is empty.
    #[serde(default)]
    pub selected: Option<Selected>,
    /// The overlay a watcher should show too, if any.
    #[serde(default)]
    pub overlay: Option<Shown>,
}

/// The selected row of a pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Selected {
    /// An item, by its id.
    Item(ItemId),
    /// A row of the details pane, by its position.
    Row(usize),
}

/// An overlay that watchers follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shown {
    /// The recovery chart, with its selected point.
    Chart(usize),
    /// The selected item, filling the screen.
    Spotlight,
}

/// The ids of a pane's items, in the order shown; `None` for the details
/// pane, whose rows have no ids.
/// The selected row of `pane`, as an id where the pane has them.
pub fn selection(ws: &Workspace, pane: Pane) -> Option<Selected> {
    let row = ws.selected(pane)?;
    match pane.list(&ws.review) {
        Some(list) => list.item(row).map(|i| Selected::Item(i.id())),
        None => Some(Selected::Row(row)),
    }
}

/// Selects `selected` in `pane`; an item that is gone leaves the
/// selection where it is.
pub fn select(ws: &mut Workspace, pane: Pane, selected: Selected) {
    let row = match (selected, pane.list(&ws.review)) {
        (Selected::Item(id), Some(list)) => list.row_of(id),
        (Selected::Row(row), None) => Some(row.min(ws.len(pane).saturating_sub(1))),
        _ => None,
    };
    if let Some(row) = row {
        ws.cursor_mut(pane).selected = row;
    }
}

impl Follow {
    /// What `app` shows, if it is the facilitator's: a workspace on a
    /// review this process holds the lock of.
    pub fn of(app: &App) -> Option<Follow> {
        let ws = app.workspace()?;
        if ws.access != Access::ReadWrite {
            return None;
        }
        let overlay = app.overlays.iter().rev().find_map(|o| match o {
            Overlay::Chart { selected } => Some(Shown::Chart(*selected)),
            Overlay::Spotlight => Some(Shown::Spotlight),
            _ => None,
        });
        Some(Follow {
            stage: ws.review.meeting.stage,
            pane: ws.focus,
            selected: selection(ws, ws.focus),
            overlay,
        })
    }

    /// The file's text: one line of RON.
    pub fn encode(&self) -> String {
        let mut text = ron::to_string(self).expect("a follow state always serialises");
        text.push('\n');
        text
    }

    /// Reads a follow file's text; `None` for anything that is not one.
    pub fn decode(text: &str) -> Option<Follow> {
        ron::from_str(text).ok()
    }

    /// Shows the same as the facilitator: the stage, the pane, the
    /// selection and the chart or spotlight. Overlays the watcher opened
    /// itself (help, preview) stay on top.
    pub fn apply(&self, app: &mut App, now: DateTime<Utc>) {
        let Some(ws) = app.workspace_mut() else {
            return;
        };
        // Only on screen: a watcher never saves.
        ws.review.meeting.go_to(self.stage, now);
        ws.focus = self.pane;
        if let Some(selected) = self.selected {
            select(ws, self.pane, selected);
        }
        app.overlays
            .retain(|o| !matches!(o, Overlay::Chart { .. } | Overlay::Spotlight));
        let followed = match self.overlay {
            Some(Shown::Chart(selected)) => Some(Overlay::Chart { selected }),
            Some(Shown::Spotlight) => Some(Overlay::Spotlight),
            None => None,
        };
        if let Some(overlay) = followed {
            app.overlays.insert(0, overlay);
        }
    }
}

/// `Pane` in the file, by name.
mod pane_name {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::app::Pane;

    #[derive(Serialize, Deserialize)]
    enum Name {
        Timeline,
        Learnings,
        Factors,
        Actions,
        Parking,
        Details,
    }

    pub fn serialize<S: Serializer>(pane: &Pane, s: S) -> Result<S::Ok, S::Error> {
        match pane {
            Pane::Timeline => Name::Timeline,
            Pane::Learnings => Name::Learnings,
            Pane::Factors => Name::Factors,
            Pane::Actions => Name::Actions,
            Pane::Parking => Name::Parking,
            Pane::Details => Name::Details,
        }
        .serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Pane, D::Error> {
        Ok(match Name::deserialize(d)? {
            Name::Timeline => Pane::Timeline,
            Name::Learnings => Pane::Learnings,
            Name::Factors => Pane::Factors,
            Name::Actions => Pane::Actions,
            Name::Parking => Pane::Parking,
            Name::Details => Pane::Details,
        })
    }
}

/// The least time between two writes of the follow file: a key held down
/// moves the selection many times a second, and a watcher polls about ten
/// times a second.
pub const COALESCE: Duration = Duration::from_millis(40);

/// Keeps the follow file up to date from the facilitator's debrief. The
/// writes run on a thread of their own, so that moving through a list
/// never waits for the disk; when several changes come within
/// [`COALESCE`], only the latest is written.
pub struct Publisher {
    last: Option<Follow>,
    /// `Some(text)`: write it; `None`: remove the file and stop.
    jobs: Sender<Option<String>>,
    thread: Option<JoinHandle<()>>,
}

/// What the publisher does with the file: write this text (`Some`) or
/// remove it (`None`).
pub type Sink = Box<dyn FnMut(&Path, Option<&str>) + Send>;

/// Writes or removes the follow file; a failure only means watchers do not
/// follow.
fn to_disk(path: &Path, text: Option<&str>) {
    match text {
        Some(text) => drop(write_hint(path, text.as_bytes())),
        None => drop(std::fs::remove_file(path)),
    }
}

impl Publisher {
    /// Starts keeping the follow file of the review at `review`.
    pub fn start(review: &Path) -> Publisher {
        Publisher::start_with(follow_path(review), Box::new(to_disk))
    }

    /// Starts keeping the file at `path` through `sink`.
    pub fn start_with(path: PathBuf, mut sink: Sink) -> Publisher {
        let (jobs, inbox) = mpsc::channel::<Option<String>>();
        let thread = thread::spawn(move || {
            let mut written: Option<Instant> = None;
            while let Ok(mut job) = inbox.recv() {
                // Moves that come soon after a write wait a little, and
                // only the latest of them is written.
                if let (Some(_), Some(at)) = (&job, written) {
                    thread::sleep((at + COALESCE).saturating_duration_since(Instant::now()));
                }
                while let Ok(later) = inbox.try_recv() {
                    job = later;
                }
                sink(&path, job.as_deref());
                if job.is_none() {
                    return;
                }
                written = Some(Instant::now());
            }
        });
        Publisher {
            last: None,
            jobs,
            thread: Some(thread),
        }
    }

    /// Writes `follow` if it differs from what was written last.
    pub fn show(&mut self, follow: Option<Follow>) {
        let Some(follow) = follow else {
            return;
        };
        if self.last.as_ref() == Some(&follow) {
            return;
        }
        let _ = self.jobs.send(Some(follow.encode()));
        self.last = Some(follow);
    }

    /// Removes the follow file and waits for the writes to finish.
    pub fn close(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = self.jobs.send(None);
            let _ = thread.join();
        }
    }
}

impl Drop for Publisher {
    fn drop(&mut self) {
        self.stop();
    }
}

#[cfg(test)]
mod tests;
