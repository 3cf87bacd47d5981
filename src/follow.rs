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
mod tests {
    use super::*;
    use crate::app::{Action, Audience};
    use crate::app::{Opened, Screen, update::update};
    use crate::domain::Review;

    fn app_with(review: Review, access: Access) -> App {
        let now = review.created;
        let mut app = App::new(Screen::Picker(Default::default()), now);
        let opened = Opened {
            review,
            file: PathBuf::from("/nowhere/x.ron"),
            access,
            recovered: None,
            warnings: Vec::new(),
        };
        update(&mut app, Action::Opened(Ok(Box::new(opened))), now);
        app
    }

    fn example() -> Review {
        crate::store::decode(crate::store::EXAMPLE, Path::new("example.ron")).unwrap()
    }

    #[test]
    fn the_file_is_read_only_when_it_is_a_regular_file_of_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let path = follow_path(&dir.path().join("r.ron"));
        assert_eq!(read(&path).unwrap(), None, "no file: nothing to follow");
        std::fs::write(&path, "(stage: Impact)\n").unwrap();
        assert_eq!(
            read(&path).unwrap().as_deref(),
            Some(&b"(stage: Impact)\n"[..])
        );
        std::fs::remove_file(&path).unwrap();
        let secret = dir.path().join("secret");
        std::fs::write(&secret, "not for watchers").unwrap();
        std::os::unix::fs::symlink(&secret, &path).unwrap();
        let err = read(&path).unwrap_err().to_string();
        assert!(
            err.contains(".ron.follow") && err.contains("symbolic link"),
            "{err}"
        );
        std::fs::remove_file(&path).unwrap();
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&path)
                .status()
                .unwrap()
                .success()
        );
        let err = read(&path).unwrap_err().to_string();
        assert!(err.contains("a FIFO"), "{err}");
    }

    #[test]
    fn the_file_is_one_short_line_that_reads_back() {
        let f = Follow {
            stage: Stage::Impact,
            pane: Pane::Timeline,
            selected: Some(Selected::Item(ItemId(4))),
            overlay: Some(Shown::Chart(3)),
        };
        let text = f.encode();
        assert_eq!(
            text,
            "(stage:Impact,pane:Timeline,selected:Some(Item(4)),overlay:Some(Chart(3)))\n"
        );
        assert!(text.len() < 200);
        assert_eq!(Follow::decode(&text), Some(f));
    }

    #[test]
    fn anything_else_is_not_followed() {
        for text in [
            "",
            "(stage:Impact",
            "garbage",
            "(stage:Nowhere,pane:Timeline)",
        ] {
            assert_eq!(Follow::decode(text), None, "{text:?}");
        }
        // Fields a later version adds are ignored; missing optional ones
        // are empty.
        assert_eq!(
            Follow::decode("(stage:Timeline,pane:Details,extra:1)"),
            Some(Follow {
                stage: Stage::Timeline,
                pane: Pane::Details,
                selected: None,
                overlay: None,
            })
        );
    }

    #[test]
    fn only_the_lock_holder_is_followed() {
        let app = app_with(example(), Access::ReadOnly("someone".into()));
        assert_eq!(Follow::of(&app), None);
        let app = app_with(example(), Access::ReadWrite);
        let f = Follow::of(&app).expect("the facilitator is followed");
        assert_eq!(f.pane, Pane::Timeline);
        let first = app.workspace().unwrap().review.timeline[0].id;
        assert_eq!(f.selected, Some(Selected::Item(first)));
        assert_eq!(f.overlay, None);
    }

    #[test]
    fn a_watcher_takes_the_stage_pane_item_and_chart_by_id() {
        let review = example();
        let mut facilitator = app_with(review.clone(), Access::ReadWrite);
        let ws = facilitator.workspace_mut().unwrap();
        ws.review.meeting.stage = Stage::Learnings;
        ws.focus = Pane::Learnings;
        ws.cursor_mut(Pane::Learnings).selected = 2;
        facilitator.overlays.push(Overlay::Chart { selected: 5 });
        let f = Follow::of(&facilitator).unwrap();
        let wanted = review.learnings[2].id;
        assert_eq!(f.selected, Some(Selected::Item(wanted)));

        // The watcher's copy lists the learnings in another order: the id
        // finds the same item.
        let mut theirs = review.clone();
        theirs.learnings.rotate_left(1);
        let mut watcher = app_with(theirs, Access::ReadOnly("the facilitator".into()));
        watcher.audience = Audience::Watcher;
        watcher.overlays.push(Overlay::Help { scroll: 0 });
        Follow::decode(&f.encode())
            .unwrap()
            .apply(&mut watcher, review.created);
        let ws = watcher.workspace().unwrap();
        assert_eq!(ws.review.meeting.stage, Stage::Learnings);
        assert_eq!(ws.focus, Pane::Learnings);
        let row = ws.selected(Pane::Learnings).unwrap();
        assert_eq!(ws.review.learnings[row].id, wanted);
        assert!(matches!(
            watcher.overlays.as_slice(),
            [Overlay::Chart { selected: 5 }, Overlay::Help { .. }]
        ));

        // The chart closes when the facilitator closes it.
        let closed = Follow { overlay: None, ..f };
        closed.apply(&mut watcher, review.created);
        assert!(matches!(
            watcher.overlays.as_slice(),
            [Overlay::Help { .. }]
        ));
    }

    #[test]
    fn the_file_is_written_when_it_changes_and_removed_at_the_end() {
        let dir = tempfile::tempdir().unwrap();
        let review = dir.path().join("x.ron");
        let path = follow_path(&review);
        assert_eq!(path, dir.path().join("x.ron.follow"));
        let mut publisher = Publisher::start(&review);
        let f = Follow {
            stage: Stage::Timeline,
            pane: Pane::Details,
            selected: Some(Selected::Row(1)),
            overlay: None,
        };
        publisher.show(Some(f.clone()));
        publisher.show(None);
        // Wait for the thread: closing after a write keeps the order.
        let start = std::time::Instant::now();
        while !path.exists() {
            assert!(start.elapsed().as_secs() < 10, "the follow file appears");
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(Follow::decode(&text), Some(f));
        publisher.close();
        assert!(!path.exists(), "removed when the facilitator stops");
    }

    #[test]
    fn moves_in_quick_succession_are_written_as_one() {
        use std::sync::{Arc, Mutex};
        let seen: Arc<Mutex<Vec<Option<String>>>> = Arc::default();
        let log = Arc::clone(&seen);
        let sink: Sink = Box::new(move |_, text| log.lock().unwrap().push(text.map(str::to_owned)));
        let mut publisher = Publisher::start_with(PathBuf::from("x.ron.follow"), sink);
        let at = |row| Follow {
            stage: Stage::Timeline,
            pane: Pane::Timeline,
            selected: Some(Selected::Item(ItemId(row))),
            overlay: None,
        };
        // Fifty moves down the timeline, as fast as a key repeats.
        for row in 1..=50 {
            publisher.show(Some(at(row)));
        }
        // The latest move reaches the file.
        let last = Some(at(50).encode());
        let start = Instant::now();
        while seen.lock().unwrap().last() != Some(&last) {
            assert!(start.elapsed().as_secs() < 10, "the last move is written");
            thread::sleep(Duration::from_millis(5));
        }
        publisher.close();
        let seen = seen.lock().unwrap();
        let writes: Vec<&String> = seen.iter().flatten().collect();
        assert!(
            (1..10).contains(&writes.len()),
            "50 moves make a few writes, not 50: {}",
            writes.len()
        );
        assert_eq!(
            writes.last().map(|t| Follow::decode(t)),
            Some(Some(at(50))),
            "the last move is the one written last"
        );
        assert_eq!(seen.last(), Some(&None), "then the file is removed");
    }
}
