//! The only place that reads terminal events and runs effects.
//!
//! The loop: draw the state, wait for an event (or a save result, or a
//! signal), turn it into an [`Action`], call [`update`], run the effects.
//! Saves run on a background thread so that typing never waits for the
//! disk: each change is on disk within milliseconds, and what is typed in an
//! open form is kept in a draft file beside the review until it is saved.

mod saver;
pub mod terminal;

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::Utc;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event;
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};

use crate::app::state::PickerEntry;
use crate::app::{Access, Action, App, Effect, Opened, Screen, update};
use crate::config::{Config, Env};
use crate::domain::{ReviewKind, Text};
use crate::follow::{Follow, Publisher};
use crate::store::{self, ReviewLock, Store, StoreError};
use crate::ui;
pub use saver::draft_path;
use saver::{Job, Saver, due};
use terminal::{init_terminal, restore_terminal, stop_on_signals, to_action};

/// How often the screen refreshes when nothing happens.
const TICK: Duration = Duration::from_secs(1);

/// What the interactive program starts on.
pub enum Start {
    /// The list of reviews in the store.
    Picker,
    /// One review, by path.
    Open(PathBuf),
    /// A review just created: a quick one opens on the quick review.
    New(PathBuf),
}

/// How the interactive program looks.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Start in presenter mode, for a shared screen.
    pub present: bool,
}

/// Why the interactive program could not start.
#[derive(Debug, thiserror::Error)]
pub enum RuntimeError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the terminal could not be used: {0}")]
    Terminal(#[from] io::Error),
    #[error("debrief needs a terminal; use the commands in `debrief --help` from scripts")]
    NotATerminal,
}

/// Locks and loads a review, or loads it read-only when another process
/// holds it. A file that fails to load is an error and is left alone.
pub fn open_review(path: &Path) -> Result<(Opened, Option<ReviewLock>), StoreError> {
    let (review, lock, access) = match store::open_for_writing(path) {
        Ok((review, lock)) => (review, Some(lock), Access::ReadWrite),
        Err(StoreError::Locked { holder, .. }) => {
            (store::load(path)?, None, Access::ReadOnly(holder))
        }
        Err(e) => return Err(e),
    };
    let recovered = match lock {
        Some(_) => saver::read_draft(path)?,
        None => None,
    };
    Ok((
        Opened {
            review,
            file: path.to_owned(),
            access,
            recovered,
        },
        lock,
    ))
}

/// Runs the interactive program until the user quits or a signal asks it
/// to stop; what was typed is saved before it returns.
pub fn run(store: &Store, start: Start, options: Options) -> Result<Option<PathBuf>, RuntimeError> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(RuntimeError::NotATerminal);
    }
    // Everything that can fail on disk is tried before the terminal is
    // taken, so an error reads as a plain message.
    let new = matches!(start, Start::New(_));
    let (screen, first) = match start {
        Start::Picker => (picker_screen(store)?, None),
        Start::Open(path) | Start::New(path) => {
            let (opened, lock) = open_review(&path)?;
            (Screen::Picker(Default::default()), Some((opened, lock)))
        }
    };
    let mut app = App::new(screen, Utc::now());
    let env = Env::from_process();
    app.configure(&env, Config::load(&env));
    if options.present {
        crate::app::update::present(&mut app);
    }

    let stop = stop_on_signals()?;
    let saved_at: Arc<Mutex<Option<PathBuf>>> = Arc::default();
    let mut terminal = init_terminal(Arc::clone(&saved_at))?;
    if let Ok(size) = terminal.size() {
        update(
            &mut app,
            Action::Resize(size.width, size.height),
            Utc::now(),
        );
    }
    let mut session = Session::new(store.clone(), saved_at);
    if let Some((opened, lock)) = first {
        session.opened(&mut app, opened, lock);
        if new {
            session.quick_if_quick(&mut app);
        }
    }
    let result = session.run(&mut app, &mut terminal, &stop);
    session.finish(&mut app);
    restore_terminal();
    result?;
    Ok(session.file())
}

fn picker_screen(store: &Store) -> Result<Screen, StoreError> {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for listed in store.list()? {
        match listed {
            Ok((path, r)) => entries.push(PickerEntry {
                path,
                id: r.id.clone(),
                date: r.incident_date().to_string(),
                severity: r.severity,
                status: r.status,
                title: r.title.lines().next().unwrap_or_default().to_owned(),
                open_actions: r.open_actions(),
            }),
            Err(e) => problems.push(Text::new(e.to_string()).into_string()),
        }
    }
    Ok(crate::app::update::picker(entries, problems))
}

/// The runtime's own state: what is waiting to be saved and where.
struct Session {
    store: Store,
    saver: Option<Saver>,
    /// Keeps the follow file for watchers, while this process holds the
    /// review's lock.
    follow: Option<Publisher>,
    saved_at: Arc<Mutex<Option<PathBuf>>>,
    /// When the oldest unsaved change and the latest change happened.
    pending: Option<(Instant, Instant)>,
    in_flight: bool,
    /// The latest text of the open form (`None`: remove the draft), and
    /// when it was first and last changed; written like the review, once
    /// typing settles, rather than once a key.
    draft: Option<(Instant, Instant, Option<String>)>,
    /// A recovered draft is deleted once the review holding it is saved.
    drop_draft_after_save: bool,
}

impl Session {
    fn new(store: Store, saved_at: Arc<Mutex<Option<PathBuf>>>) -> Session {
        Session {
            store,
            saver: None,
            follow: None,
            saved_at,
            pending: None,
            in_flight: false,
            draft: None,
            drop_draft_after_save: false,
        }
    }

    fn file(&self) -> Option<PathBuf> {
        self.saved_at.lock().ok().and_then(|p| p.clone())
    }

    fn opened(&mut self, app: &mut App, opened: Opened, lock: Option<ReviewLock>) {
        if let Some(old) = self.saver.take() {
            old.stop();
        }
        if let Ok(mut p) = self.saved_at.lock() {
            *p = Some(opened.file.clone());
        }
        let recovered = opened.recovered.is_some();
        self.follow = lock.as_ref().map(|l| Publisher::start(l.review_path()));
        self.saver = lock.map(Saver::start);
        let effects = update(app, Action::Opened(Ok(Box::new(opened))), Utc::now());
        self.run_effects(app, effects);
        if recovered {
            self.drop_draft_after_save = true;
            self.changed();
        }
    }

    /// Opens the quick review on a review of the quick kind: a minor
    /// incident written up alone starts there.
    fn quick_if_quick(&mut self, app: &mut App) {
        if app
            .workspace()
            .is_some_and(|ws| ws.review.kind == ReviewKind::Quick)
        {
            let effects = crate::app::quick::open(app);
            self.run_effects(app, effects);
        }
    }

    fn changed(&mut self) {
        let now = Instant::now();
        self.pending = Some(match self.pending {
            Some((first, _)) => (first, now),
            None => (now, now),
        });
    }

    fn run(
        &mut self,
        app: &mut App,
        terminal: &mut DefaultTerminal,
        stop: &AtomicBool,
    ) -> io::Result<()> {
        let mut dirty = true;
        while !app.quit && !stop.load(Ordering::Relaxed) {
            // Before drawing: a change is on its way to the disk before it
            // is on screen.
            self.save_if_due(app);
            if dirty {
                // Watchers follow what changed on screen; written here, not
                // while drawing.
                if let Some(follow) = &mut self.follow {
                    follow.show(Follow::of(app));
                }
                // One synchronized update a frame, where the terminal knows
                // the mode: viewers never see a half-drawn frame.
                execute!(io::stdout(), BeginSynchronizedUpdate)?;
                let drawn = terminal.draw(|frame| ui::render(app, frame)).map(drop);
                execute!(io::stdout(), EndSynchronizedUpdate)?;
                drawn?;
                dirty = false;
            }
            // Wake up often while a save is waiting or running, so that the
            // header says "saved" as soon as it is.
            let wait = if self.pending.is_some() || self.in_flight || self.draft.is_some() {
                Duration::from_millis(50)
            } else {
                TICK
            };
            if event::poll(wait)? {
                if let Some(action) = to_action(event::read()?) {
                    let effects = update(app, action, Utc::now());
                    self.run_effects(app, effects);
                    dirty = true;
                }
            } else {
                // On screen, only the meeting clock depends on the time
                // alone, and it counts whole minutes: an idle screen is
                // redrawn once a minute while the clock runs, else never.
                let now = Utc::now();
                let before = ui::clock_face(app, app.now);
                update(app, Action::Tick, now);
                dirty |= ui::clock_face(app, now) != before;
            }
            if self.collect_saves(app) {
                dirty = true;
            }
        }
        Ok(())
    }

    /// Sends a committed change to the saver, and the draft once typing
    /// has settled or it has waited long enough.
    fn save_if_due(&mut self, app: &mut App) {
        if self
            .draft
            .as_ref()
            .is_some_and(|(first, last, _)| due(*first, *last))
        {
            self.flush_draft();
        }
        // A committed change goes to the saver at once: it is journaled
        // within milliseconds, and the saver coalesces what queues up.
        if self.pending.is_some() {
            self.send_save(app);
        }
    }

    fn send_save(&mut self, app: &App) {
        let (Some(saver), Some(ws)) = (&self.saver, app.workspace()) else {
            self.pending = None;
            return;
        };
        let job = Job::Review {
            revision: ws.revision,
            review: Box::new(ws.review.clone()),
        };
        if saver.jobs.send(job).is_ok() {
            self.in_flight = true;
            self.pending = None;
        }
    }

    /// Feeds finished saves back into the state; true if any.
    fn collect_saves(&mut self, app: &mut App) -> bool {
        let Some(saver) = &self.saver else {
            return false;
        };
        let results: Vec<_> = saver.done.try_iter().collect();
        let any = !results.is_empty();
        for (revision, result) in results {
            self.in_flight = false;
            let failed = result.is_err();
            update(app, Action::Saved { revision, result }, Utc::now());
            if failed {
                // Try again soon; the review in memory is intact.
                self.changed();
            } else if self.drop_draft_after_save {
                self.drop_draft_after_save = false;
                if let Some(s) = &self.saver {
                    let _ = s.jobs.send(Job::Draft(None));
                }
            }
        }
        any
    }

    fn run_effects(&mut self, app: &mut App, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::Save => self.changed(),
                Effect::SaveDraft(text) => self.note_draft(Some(text)),
                Effect::ClearDraft => self.note_draft(None),
                Effect::Export { folder } => {
                    let result = export(app, folder);
                    update(app, Action::Exported(result), Utc::now());
                }
                Effect::Open(path) => self.open_path(app, &path),
                Effect::Create { title, severity } => {
                    let kind = if severity >= crate::domain::Severity::Sev3 {
                        ReviewKind::Quick
                    } else {
                        ReviewKind::Full
                    };
                    let created = self.store.create_new(
                        Text::trimmed(&title),
                        severity,
                        kind,
                        None,
                        Env::from_process().offset,
                        Utc::now(),
                    );
                    match created {
                        Ok((path, _)) => {
                            self.open_path(app, &path);
                            self.quick_if_quick(app);
                        }
                        Err(e) => app.error(e.to_string()),
                    }
                }
                Effect::Quit => app.quit = true,
            }
        }
    }

    fn note_draft(&mut self, text: Option<String>) {
        let now = Instant::now();
        let first = self.draft.as_ref().map_or(now, |(first, _, _)| *first);
        self.draft = Some((first, now, text));
    }

    fn flush_draft(&mut self) {
        if let (Some(saver), Some((_, _, text))) = (&self.saver, self.draft.take()) {
            let _ = saver.jobs.send(Job::Draft(text));
        }
    }

    fn open_path(&mut self, app: &mut App, path: &Path) {
        self.finish(app);
        match open_review(path) {
            Ok((opened, lock)) => self.opened(app, opened, lock),
            Err(e) => {
                update(app, Action::Opened(Err(e.to_string())), Utc::now());
            }
        }
    }

    /// Saves what is pending and waits for every save to finish.
    fn finish(&mut self, app: &mut App) {
        self.flush_draft();
        // However debrief stops, the meeting clock stops with it.
        if let Some(ws) = app.workspace_mut()
            && !ws.read_only()
            && ws.review.meeting.pause(Utc::now())
        {
            ws.revision += 1;
        }
        if let Some(ws) = app.workspace()
            && ws.revision != ws.saved_revision
            && self.saver.is_some()
        {
            self.send_save(app);
        }
        if let Some(follow) = self.follow.take() {
            follow.close();
        }
        if let Some(saver) = self.saver.take() {
            for (revision, result) in saver.stop() {
                update(app, Action::Saved { revision, result }, Utc::now());
            }
        }
        self.in_flight = false;
        self.pending = None;
    }
}

/// Writes the reports of the open review to `folder`, or beside the
/// review; returns the files written.
fn export(app: &App, folder: Option<PathBuf>) -> Result<Vec<PathBuf>, String> {
    let ws = app.workspace().ok_or("no review is open")?;
    let folder = folder
        .or_else(|| {
            ws.file
                .as_ref()
                .and_then(|f| f.parent().map(Path::to_path_buf))
        })
        .ok_or("the review has no folder; give one with E")?;
    std::fs::create_dir_all(&folder)
        .map_err(|e| format!("could not create {}: {e}", folder.display()))?;
    let files = crate::report::export_set(&ws.review, &app.coach, Utc::now());
    store::write_files(
        &folder,
        files.iter().map(|f| (f.name.as_str(), f.text.as_bytes())),
    )
    .map_err(|e| e.to_string())
}
