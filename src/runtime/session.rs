//! The one event loop, for the facilitator's workspace and for a watcher:
//! draw the state when it changed, wait for a key, a finished save, a
//! change to a followed file or a signal, turn it into an [`Action`], call
//! [`update`], run the effects.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::Utc;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event;
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};

use super::files::{self, FileWatch, POLL};
use super::related::RelatedJob;
use super::saver::{Done, Job, Saver, due};
use super::terminal::to_action;
use super::{Outcome, open_review};
use crate::app::action::Failure;
use crate::app::related::RelatedView;
use crate::app::{Action, App, Audience, Effect, Opened, update};
use crate::config::Env;
use crate::domain::{Review, ReviewKind, Severity, Text};
use crate::follow::{Follow, Publisher};
use crate::store::{ReviewLock, Store, journal};
use crate::ui;

/// How often the screen refreshes when nothing happens.
const TICK: Duration = Duration::from_secs(1);
/// How long after a failed save the next one is tried.
const RETRY: Duration = Duration::from_secs(1);
/// How often a read-only view looks whether the review became free.
const PROBE: Duration = Duration::from_secs(1);

/// The runtime's own state: what is waiting to be saved and where, and
/// what is followed.
pub(super) struct Session {
    store: Store,
    env: Env,
    saver: Option<Saver>,
    /// The review as the saver has it: each save sends what changed since
    /// (see [`crate::store::journal::catch_up`]), never a whole copy.
    sent: Option<Review>,
    /// Keeps the follow file for watchers, while this process holds the
    /// review's lock.
    follow: Option<Publisher>,
    /// The files followed by a watcher or a read-only view, and when they
    /// are looked at next.
    watch: Option<(FileWatch, Instant)>,
    /// A read-only view's review, whose lock is looked at now and then,
    /// and when next.
    probe: Option<(PathBuf, Instant)>,
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
    /// After a failed save, the next try waits until then.
    retry_at: Option<Instant>,
    /// The library being read for the open review's related reviews.
    related: Option<RelatedJob>,
}

impl Session {
    pub(super) fn new(store: Store, env: Env, saved_at: Arc<Mutex<Option<PathBuf>>>) -> Session {
        Session {
            store,
            env,
            saver: None,
            sent: None,
            follow: None,
            watch: None,
            probe: None,
            saved_at,
            pending: None,
            in_flight: false,
            draft: None,
            drop_draft_after_save: false,
            retry_at: None,
            related: None,
        }
    }

    /// Follows the files of a review shown to a watcher.
    pub(super) fn watching(&mut self, watch: FileWatch) {
        self.watch = Some((watch, Instant::now()));
    }

    fn file(&self) -> Option<PathBuf> {
        self.saved_at.lock().ok().and_then(|p| p.clone())
    }

    pub(super) fn opened(&mut self, app: &mut App, opened: Opened, lock: Option<ReviewLock>) {
        if let Some(old) = self.saver.take() {
            old.stop();
        }
        if let Ok(mut p) = self.saved_at.lock() {
            *p = lock.as_ref().map(|_| opened.file.clone());
        }
        let recovered = opened.recovered.is_some();
        // A review someone else holds is shown as they save it, and can be
        // taken over once they close it.
        (self.watch, self.probe) = match &lock {
            Some(_) => (None, None),
            None => (
                Some((FileWatch::new(&opened.file, false), Instant::now())),
                Some((opened.file.clone(), Instant::now() + PROBE)),
            ),
        };
        self.follow = lock.as_ref().map(|l| Publisher::start(l.review_path()));
        // The saver and this loop each keep the review as opened; from then
        // on only what changed goes from one to the other.
        self.sent = lock.as_ref().map(|_| opened.review.clone());
        self.saver = lock.map(|l| Saver::start(l, opened.review.clone()));
        let file = opened.file.clone();
        let effects = update(app, Action::Opened(Ok(Box::new(opened))), Utc::now());
        self.run_effects(app, effects);
        self.find_related(app, file);
        if recovered {
            self.drop_draft_after_save = true;
            self.changed();
        }
    }

    /// Reads the library off the input thread (see [`RelatedJob`]).
    fn find_related(&mut self, app: &mut App, file: PathBuf) {
        if let Some(ws) = app.workspace_mut() {
            ws.related = match RelatedJob::start(&self.store, file) {
                Ok(job) => {
                    self.related = Some(job);
                    RelatedView::Looking
                }
                Err(e) => RelatedView::Failed(e.to_string()),
            };
        }
    }

    /// The library's reviews, once read; true when the state changed.
    fn collect_related(&mut self, app: &mut App) -> bool {
        let Some(action) = self.related.as_ref().and_then(RelatedJob::finished) else {
            return false;
        };
        self.related = None;
        let effects = update(app, action, Utc::now());
        self.run_effects(app, effects);
        true
    }

    /// Opens the quick review on a review of the quick kind: a minor
    /// incident written up alone starts there.
    pub(super) fn quick_if_quick(&mut self, app: &mut App) {
        if app
            .workspace()
            .is_some_and(|ws| ws.review.kind == ReviewKind::Quick && !ws.read_only())
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

    /// Runs until the user quits or a signal asks to stop.
    pub(super) fn run(
        &mut self,
        app: &mut App,
        terminal: &mut DefaultTerminal,
        stop: &AtomicBool,
    ) -> io::Result<()> {
        let mut dirty = true;
        // The mouse, if the setting turns it on from the start.
        if app.mouse {
            self.run_effects(app, vec![Effect::MouseCapture(true)]);
        }
        while !app.quit {
            if stop.load(Ordering::Relaxed) {
                let effects = update(app, Action::Stop, Utc::now());
                self.run_effects(app, effects);
                break;
            }
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
            if event::poll(self.wait())? {
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
            dirty |= self.look(app);
            dirty |= self.collect_saves(app);
            dirty |= self.collect_related(app);
        }
        Ok(())
    }

    /// How long to wait for an event: briefly while a save is waiting or
    /// running, so that the header says "saved" as soon as it is; often
    /// while files are followed; else a tick.
    fn wait(&self) -> Duration {
        if self.pending.is_some()
            || self.in_flight
            || self.draft.is_some()
            || self.related.is_some()
        {
            Duration::from_millis(50)
        } else if let Some((_, next)) = &self.watch {
            next.saturating_duration_since(Instant::now())
        } else {
            TICK
        }
    }

    /// Looks at the followed files and the lock of a read-only review when
    /// it is time; true when the state changed.
    fn look(&mut self, app: &mut App) -> bool {
        let now = Instant::now();
        let mut actions = Vec::new();
        if let Some((watch, next)) = &mut self.watch
            && now >= *next
        {
            *next = now + POLL;
            actions = watch.look();
        }
        if let Some((path, next)) = &mut self.probe
            && now >= *next
        {
            *next = now + PROBE;
            if files::lock_is_free(path) {
                actions.push(Action::LockFree);
            }
        }
        let changed = !actions.is_empty();
        for action in actions {
            let effects = update(app, action, Utc::now());
            self.run_effects(app, effects);
        }
        changed
    }

    /// Sends a committed change to the saver at once (it is journaled
    /// within milliseconds, and the saver keeps only the latest of what
    /// queues up), and the draft once typing has settled or it has waited
    /// long enough.
    fn save_if_due(&mut self, app: &mut App) {
        if self
            .draft
            .as_ref()
            .is_some_and(|(first, last, _)| due(*first, *last))
        {
            self.flush_draft();
        }
        let waiting = self.retry_at.is_some_and(|at| Instant::now() < at);
        if self.pending.is_some() && !waiting {
            self.send_save(app);
        }
    }

    fn send_save(&mut self, app: &App) {
        let (Some(saver), Some(sent), Some(ws)) = (&self.saver, &mut self.sent, app.workspace())
        else {
            self.pending = None;
            return;
        };
        let job = Job::Review {
            revision: ws.revision,
            changes: journal::catch_up(sent, &ws.review),
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
        let results: Vec<Done> = saver.done.try_iter().collect();
        let any = !results.is_empty();
        for done in results {
            self.finished(app, done);
        }
        any
    }

    fn finished(&mut self, app: &mut App, done: Done) {
        match done {
            Done::Review(revision, result) => {
                self.in_flight = false;
                let failed = result.is_err();
                if !failed {
                    self.retry_at = None;
                }
                update(app, Action::Saved { revision, result }, Utc::now());
                if failed {
                    // Try again in a second; the review in memory is intact.
                    self.retry_at = Some(Instant::now() + RETRY);
                    self.changed();
                } else if self.drop_draft_after_save {
                    self.drop_draft_after_save = false;
                    if let Some(s) = &self.saver {
                        let _ = s.jobs.send(Job::Draft(None));
                    }
                }
            }
            Done::Draft(result) => {
                update(app, Action::DraftSaved(result), Utc::now());
            }
        }
    }

    fn run_effects(&mut self, app: &mut App, effects: Vec<Effect>) {
        for effect in effects {
            match super::typed::paths(effect) {
                Effect::Save => self.changed(),
                Effect::SaveDraft(text) => self.note_draft(Some(text)),
                Effect::ClearDraft => self.note_draft(None),
                Effect::Export {
                    folder: Some(folder),
                } if !folder.is_dir() => {
                    update(app, Action::ExportFolderMissing(folder), Utc::now());
                }
                Effect::Export { folder } => {
                    let result = super::export(app, folder);
                    update(app, Action::Exported(result), Utc::now());
                }
                Effect::ExportMaking { folder } => {
                    let result = super::export(app, Some(folder));
                    update(app, Action::Exported(result), Utc::now());
                }
                Effect::Open(path) => self.open_path(app, &path),
                Effect::Create { title, severity } => self.create(app, &title, severity),
                Effect::Quit => app.quit = true,
                Effect::MouseCapture(on) => {
                    if let Err(e) = super::terminal::capture_mouse(on) {
                        app.warn(format!("The terminal did not take the mouse setting: {e}"));
                    }
                }
                Effect::LoadLibrary => {
                    let read = super::library_screen(&self.store, super::today(&self.env))
                        .map(Box::new)
                        .map_err(|e| e.to_string());
                    let effects = update(app, Action::LibraryRead(read), Utc::now());
                    self.run_effects(app, effects);
                }
                Effect::ReadImport { path, options } => {
                    let read = crate::import::read(&path, &options).map(Box::new);
                    let effects = update(app, Action::ImportRead(read), Utc::now());
                    self.run_effects(app, effects);
                }
            }
        }
    }

    fn create(&mut self, app: &mut App, title: &str, severity: Severity) {
        let kind = if severity >= Severity::Sev3 {
            ReviewKind::Quick
        } else {
            ReviewKind::Full
        };
        let created = self.store.create_new(
            Text::trimmed(title),
            severity,
            kind,
            None,
            self.env.offset,
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

    fn note_draft(&mut self, text: Option<String>) {
        if self.saver.is_none() {
            return;
        }
        let now = Instant::now();
        let first = self.draft.as_ref().map_or(now, |(first, _, _)| *first);
        self.draft = Some((first, now, text));
    }

    fn flush_draft(&mut self) {
        if let (Some(saver), Some((_, _, text))) = (&self.saver, self.draft.take()) {
            let _ = saver.jobs.send(Job::Draft(text));
        }
    }

    /// Opens the review at `path` in the workspace. The review to open is
    /// read first: if it cannot be, the one open stays open and saved as
    /// it changes; else the one open is saved, then left.
    fn open_path(&mut self, app: &mut App, path: &Path) {
        match open_review(path) {
            Ok((opened, lock)) => {
                let left = self.finish(app);
                self.opened(app, opened, lock);
                if let Some(said) = left.unsaved() {
                    app.warn_until_key(said);
                }
            }
            Err(e) => {
                update(app, Action::Opened(Err(Failure::of(&e))), Utc::now());
            }
        }
    }

    /// Saves what is pending, waits for every save to finish, and says how
    /// the review was left.
    pub(super) fn finish(&mut self, app: &mut App) -> Outcome {
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
            for done in saver.stop() {
                self.finished(app, done);
            }
        }
        self.in_flight = false;
        self.pending = None;
        // A recovered draft not yet dropped stays for next time; the next
        // review opened here has drafts of its own.
        self.drop_draft_after_save = false;
        let outcome = match (app.workspace(), self.file()) {
            (None, _) => Outcome::NothingOpen,
            (Some(ws), _) if app.audience == Audience::Watcher || ws.read_only() => {
                Outcome::ReadOnly
            }
            (Some(ws), Some(path)) => match ws.unsaved() {
                None => Outcome::Saved(path),
                Some(e) => Outcome::rescue(&ws.review, &path, e),
            },
            (Some(_), None) => Outcome::NothingOpen,
        };
        if let Ok(mut p) = self.saved_at.lock() {
            *p = None;
        }
        outcome
    }
}
