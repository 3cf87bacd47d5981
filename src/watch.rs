//! `debrief watch REVIEW`: a participant's read-only view of a review,
//! in a terminal of its own at its own size.
//!
//! It never takes the review's lock and never writes anything beside the
//! review, so any number of watchers can run while the facilitator edits.
//! Every ~100 ms it looks at the review file's metadata (inode, size and
//! times: a save renames a new file over the old one) and reloads it when
//! it changed, and reads the follow file the facilitator's debrief keeps
//! (see [`crate::follow`]) to show the same stage, pane, item and chart.
//! Keys still move the watcher's own view; the facilitator's next move
//! takes over again. The screen is drawn only when something changed.

use std::fs::{self, File};
use std::io::{self, IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::Utc;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};

use crate::app::{Access, Action, App, Audience, Effect, Opened, Screen, update};
use crate::domain::{Review, Stage};
use crate::follow::{self, Follow};
use crate::runtime::{self, RuntimeError};
use crate::store::{self, StoreError};

/// How often the review and the follow file are looked at.
const POLL: Duration = Duration::from_millis(100);

/// Who a watcher's read-only view names when an edit is refused.
const HOLDER: &str = "the facilitator";

/// What identifies one version of a file on disk: a save renames a new
/// file over the old one, so the inode changes even when the size and
/// the modification time (on a coarse clock) do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Version {
    dev: u64,
    ino: u64,
    len: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
}

impl Version {
    #[cfg(unix)]
    fn of(meta: &fs::Metadata) -> Version {
        use std::os::unix::fs::MetadataExt;
        Version {
            dev: meta.dev(),
            ino: meta.ino(),
            len: meta.len(),
            mtime: (meta.mtime(), meta.mtime_nsec()),
            ctime: (meta.ctime(), meta.ctime_nsec()),
        }
    }

    /// Without inodes: the size and the modification time.
    #[cfg(not(unix))]
    fn of(meta: &fs::Metadata) -> Version {
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or((0, 0), |d| {
                (d.as_secs() as i64, i64::from(d.subsec_nanos()))
            });
        Version {
            dev: 0,
            ino: 0,
            len: meta.len(),
            mtime,
            ctime: (0, 0),
        }
    }
}

/// Reads the review at `path` and the version read, from one open file,
/// so the two always agree.
fn read(path: &Path) -> Result<(Review, Version), StoreError> {
    let mut file = File::open(path).map_err(StoreError::io("read", path))?;
    let version = Version::of(&file.metadata().map_err(StoreError::io("read", path))?);
    let mut text = String::new();
    file.read_to_string(&mut text)
        .map_err(StoreError::io("read", path))?;
    Ok((store::decode(&text, path)?, version))
}

/// Runs the watcher until the user quits or a signal asks it to stop.
pub fn run(path: &Path) -> Result<(), RuntimeError> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(RuntimeError::NotATerminal);
    }
    // A review that does not load is an error before the terminal is taken.
    let (review, version) = read(path)?;
    let mut app = App::new(Screen::Picker(Default::default()), Utc::now());
    let env = crate::config::Env::from_process();
    app.configure(&env, crate::config::Config::load(&env));
    app.audience = Audience::Watcher;
    let mut watcher = Watcher::new(path, &review, version);
    let opened = Opened {
        review,
        file: path.to_owned(),
        access: Access::ReadOnly(HOLDER.into()),
        recovered: None,
    };
    update(&mut app, Action::Opened(Ok(Box::new(opened))), Utc::now());
    app.info("Watching: the view follows the facilitator; q to quit");
    watcher.follow(&mut app);

    let stop = runtime::terminal::stop_on_signals()?;
    // Nothing is saved, so a crash has no file to point at.
    let mut terminal = runtime::terminal::init_terminal(Arc::default())?;
    if let Ok(size) = terminal.size() {
        update(
            &mut app,
            Action::Resize(size.width, size.height),
            Utc::now(),
        );
    }
    let result = watcher.run(&mut app, &mut terminal, &stop);
    runtime::terminal::restore_terminal();
    result?;
    Ok(())
}

/// What the watcher knows of the files it watches.
struct Watcher {
    review: PathBuf,
    follow: PathBuf,
    /// The version of the review file last read, loaded or not.
    seen: Option<Version>,
    /// The stage saved in the review file last loaded: the watcher keeps
    /// the stage it shows across reloads unless the saved one moves.
    saved_stage: Stage,
    /// The follow file's content last read; `None` when there was none.
    followed: Option<Vec<u8>>,
    /// A follow whose selected item was not in the review yet (the
    /// facilitator selects a new item before it is saved): applied again
    /// when the review reloads, unless the watcher moves first.
    waiting: Option<Follow>,
}

impl Watcher {
    fn new(path: &Path, review: &Review, version: Version) -> Watcher {
        Watcher {
            review: path.to_owned(),
            follow: follow::follow_path(path),
            seen: Some(version),
            saved_stage: review.meeting.stage,
            followed: None,
            waiting: None,
        }
    }

    fn run(
        &mut self,
        app: &mut App,
        terminal: &mut DefaultTerminal,
        stop: &AtomicBool,
    ) -> io::Result<()> {
        let mut dirty = true;
        let mut next_look = Instant::now() + POLL;
        while !app.quit && !stop.load(Ordering::Relaxed) {
            if dirty {
                execute!(io::stdout(), BeginSynchronizedUpdate)?;
                let drawn = terminal
                    .draw(|frame| crate::ui::render(app, frame))
                    .map(drop);
                execute!(io::stdout(), EndSynchronizedUpdate)?;
                drawn?;
                dirty = false;
            }
            let wait = next_look.saturating_duration_since(Instant::now());
            if event::poll(wait)? {
                let event = event::read()?;
                if matches!(event, Event::Key(_)) {
                    // The watcher's own move wins over a waiting follow.
                    self.waiting = None;
                }
                dirty |= on_event(app, event);
            }
            if Instant::now() >= next_look {
                next_look = Instant::now() + POLL;
                dirty |= self.reload(app);
                dirty |= self.follow(app);
                // The meeting clock, in whole minutes, is all that moves
                // with the time alone.
                let now = Utc::now();
                let before = crate::ui::clock_face(app, app.now);
                app.now = now;
                dirty |= crate::ui::clock_face(app, now) != before;
            }
        }
        Ok(())
    }

    /// Reloads the review when its file changed; true when the screen
    /// changed. A file that does not load leaves the last good review on
    /// screen, with a warning.
    fn reload(&mut self, app: &mut App) -> bool {
        let now = fs::metadata(&self.review).ok().map(|m| Version::of(&m));
        if now == self.seen {
            return false;
        }
        match read(&self.review) {
            Ok((review, version)) => {
                self.seen = Some(version);
                self.replace(app, review);
                if let Some(follow) = self.waiting.take() {
                    self.apply(app, follow);
                }
                if app
                    .message
                    .as_ref()
                    .is_some_and(|m| m.text.starts_with(NOT_RELOADED))
                {
                    app.info("Watching: the review is up to date again");
                }
            }
            Err(e) => {
                self.seen = now;
                app.warn(format!(
                    "{NOT_RELOADED}: {e}; showing the last version that loaded"
                ));
            }
        }
        app.now = Utc::now();
        true
    }

    /// Puts a newly loaded review on screen, keeping what the watcher
    /// looks at: the pane, the selected item (by id), the stage.
    fn replace(&mut self, app: &mut App, review: Review) {
        let saved_stage = review.meeting.stage;
        let Some(ws) = app.workspace_mut() else {
            return;
        };
        let focus = ws.focus;
        let selected = follow::selection(ws, focus);
        let shown_stage = ws.review.meeting.stage;
        ws.review = review;
        if saved_stage == self.saved_stage {
            ws.review.meeting.go_to(shown_stage, Utc::now());
        }
        self.saved_stage = saved_stage;
        if let Some(selected) = selected {
            follow::select(ws, focus, selected);
        }
    }

    /// Follows the facilitator when the follow file changed; true when
    /// the screen changed. No file, or one that does not read, is not
    /// followed.
    fn follow(&mut self, app: &mut App) -> bool {
        let content = fs::read(&self.follow).ok();
        if content == self.followed {
            return false;
        }
        self.followed = content;
        let Some(follow) = self
            .followed
            .as_deref()
            .and_then(|b| std::str::from_utf8(b).ok())
            .and_then(Follow::decode)
        else {
            return false;
        };
        self.apply(app, follow);
        true
    }

    /// Shows what the facilitator shows; if the selected item is not in
    /// this copy of the review yet, waits for the next reload.
    fn apply(&mut self, app: &mut App, follow: Follow) {
        app.now = Utc::now();
        follow.apply(app, app.now);
        let missing = app
            .workspace()
            .is_some_and(|ws| follow::selection(ws, follow.pane) != follow.selected);
        self.waiting = missing.then_some(follow);
    }
}

/// The start of the warning shown while the review does not reload.
const NOT_RELOADED: &str = "Could not reload the review";

/// Runs a terminal event; true when the screen may have changed.
fn on_event(app: &mut App, event: Event) -> bool {
    let action = match event {
        Event::Key(key) if key.kind == KeyEventKind::Release => return false,
        Event::Key(key) => {
            let ctrl_c =
                key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
            if ctrl_c || (key.code == KeyCode::Esc && app.overlays.is_empty()) {
                app.quit = true;
                return false;
            }
            Action::Key(key)
        }
        Event::Resize(w, h) => Action::Resize(w, h),
        // Nothing to paste into: a watcher edits nothing.
        _ => return false,
    };
    for effect in update(app, action, Utc::now()) {
        match effect {
            Effect::Quit => app.quit = true,
            Effect::Export { .. } => {
                app.warn("A watcher writes nothing: export with debrief export REVIEW");
            }
            // Edits are refused in a read-only view; nothing else is run.
            _ => {}
        }
    }
    true
}
