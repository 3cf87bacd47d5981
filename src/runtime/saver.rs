//! Saving in the background: the thread that owns the review's lock and
//! writes the review and the draft of the open form, so that typing never
//! waits for the disk.
//!
//! Each committed change is sent here at once. What changed since the
//! last one is appended to the review's journal and synced (see
//! [`crate::store::journal`]): a few milliseconds, whatever the size of
//! the review, after which the change survives a crash. The whole review
//! is saved once typing settles (or has gone on for a while), on a thread
//! of its own so that journaling never waits for it; the journal then
//! starts again from that save. When changes arrive faster than they are
//! written, only the latest is written.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crate::app::action::SaveFailure;
use crate::domain::Review;
use crate::store::journal::{self, Change, JournalWriter};
use crate::store::read::{Links, MAX_DRAFT, read_if_present};
use crate::store::{Fingerprint, Replace, ReviewLock, StoreError, write_atomic};

/// How long after the last change a full save (or a draft) waits for
/// more typing.
const SETTLE: Duration = Duration::from_millis(150);
/// The longest a change waits for its full save (or a draft to be
/// written), however fast the typing.
const MAX_WAIT: Duration = Duration::from_millis(700);
/// How long a failed full save waits before it is tried again.
const RETRY: Duration = Duration::from_secs(2);
/// How often a running full save is looked at.
const CHECK: Duration = Duration::from_millis(10);

/// The draft beside a review: `review.ron` → `review.ron.draft`.
pub fn draft_path(review: &Path) -> PathBuf {
    let mut name = review.file_name().unwrap_or_default().to_os_string();
    name.push(".draft");
    review.with_file_name(name)
}

/// The text of the draft beside `review`, if there is one with text in it.
/// A draft that is a link, not a regular file, or too large is an error
/// naming it.
pub fn read_draft(review: &Path) -> Result<Option<String>, StoreError> {
    let path = draft_path(review);
    let Some(bytes) = read_if_present(&path, Links::Refuse, MAX_DRAFT)? else {
        return Ok(None);
    };
    let text = String::from_utf8_lossy(&bytes).into_owned();
    Ok(Some(text).filter(|t| !t.trim().is_empty()))
}

/// Whether changes first made at `first`, last at `last`, should be
/// written now: typing has settled, or they have waited long enough.
pub(super) fn due(first: Instant, last: Instant) -> bool {
    last.elapsed() >= SETTLE || first.elapsed() >= MAX_WAIT
}

/// Work for the saving thread.
pub(super) enum Job {
    /// What changed in the review up to this revision, since the last
    /// job (see [`journal::catch_up`]): the input thread never copies the
    /// whole review to save it.
    Review {
        revision: u64,
        changes: Vec<Change>,
    },
    Draft(Option<String>),
}

/// Lowers the priority of the calling thread (a full save) so that on a
/// busy machine the journal and the screen get the processor first. Linux
/// keeps a priority per thread; elsewhere this does nothing.
fn yield_to_journal() {
    #[cfg(target_os = "linux")]
    let _ = rustix::process::setpriority_process(Some(rustix::thread::gettid()), 10);
}

/// What the saving thread finished.
pub(super) enum Done {
    /// A save of the review at this revision (journaled, or in full).
    Review(u64, Result<(), SaveFailure>),
    /// A write (or removal) of the draft.
    Draft(Result<(), String>),
}

/// The thread that owns the lock and writes the review and its draft.
pub(super) struct Saver {
    pub(super) jobs: Sender<Job>,
    pub(super) done: Receiver<Done>,
    thread: Option<JoinHandle<()>>,
}

impl Saver {
    /// Starts the thread for the review `base`, as the one opening it has
    /// it: each job then says what changed since the one before.
    pub(super) fn start(mut lock: ReviewLock, base: Review) -> Saver {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (outbox, done) = mpsc::channel();
        let opened = lock.take_opened();
        let thread = thread::spawn(move || Writer::new(lock, base, opened, outbox).run(&inbox));
        Saver {
            jobs,
            done,
            thread: Some(thread),
        }
    }

    /// Finishes every job sent, saves the review in full, and stops the
    /// thread.
    pub(super) fn stop(mut self) -> Vec<Done> {
        drop(self.jobs);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        self.done.try_iter().collect()
    }
}

/// A full save running on its own thread: the revision and its result.
type FullSave = Receiver<Result<(Fingerprint, Review), SaveFailure>>;

/// The saving thread's state.
struct Writer {
    lock: Arc<ReviewLock>,
    draft: PathBuf,
    journal: JournalWriter,
    /// The review as the last job left it, and its revision.
    review: Review,
    revision: u64,
    /// Whether the file and its journal are known to hold `review` but for
    /// `backlog`; until then the first change is saved in full.
    known: bool,
    /// Changes made to `review` that are not in the journal yet (a write
    /// failed, or the review was not sound).
    backlog: Vec<Change>,
    /// What the journal on disk continues from when it must be started
    /// again (a failed restart after a full save); else the review but for
    /// `backlog`.
    restart_from: Option<Review>,
    /// When the oldest and the latest change not yet in a full save came.
    unsaved: Option<(Instant, Instant)>,
    running: Option<FullSave>,
    retry_at: Option<Instant>,
    outbox: Sender<Done>,
}

impl Writer {
    fn new(
        lock: ReviewLock,
        review: Review,
        opened: Option<(Review, Fingerprint)>,
        outbox: Sender<Done>,
    ) -> Self {
        let path = lock.review_path().to_owned();
        // The journal continues the file only if it holds `review`.
        let base = match opened {
            Some((on_disk, fingerprint)) => (on_disk == review).then_some(fingerprint),
            None => match crate::store::load_checked(&path) {
                Ok(l) if l.replayed == 0 && l.review == review => Some(l.fingerprint),
                _ => None,
            },
        };
        Writer {
            draft: draft_path(&path),
            journal: JournalWriter::new(&path, base.unwrap_or(Fingerprint { len: 0, hash: 0 })),
            lock: Arc::new(lock),
            review,
            revision: 0,
            known: base.is_some(),
            backlog: Vec::new(),
            restart_from: None,
            unsaved: None,
            running: None,
            retry_at: None,
            outbox,
        }
    }

    fn report(&self, revision: u64, result: Result<(), SaveFailure>) {
        let _ = self.outbox.send(Done::Review(revision, result));
    }

    fn run(mut self, inbox: &Receiver<Job>) {
        loop {
            let job = match self.wait() {
                None => inbox.recv().map_err(|_| RecvTimeoutError::Disconnected),
                Some(wait) => inbox.recv_timeout(wait),
            };
            match job {
                Ok(job) => self.take(job, inbox),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => break,
            }
            self.look_at_full_save(false);
            if self.full_save_due() {
                self.start_full_save();
            }
        }
        self.finish();
    }

    /// How long to wait for a job before looking at the full save.
    fn wait(&self) -> Option<Duration> {
        if self.running.is_some() {
            return Some(CHECK);
        }
        if !self.backlog.is_empty() {
            // Nothing to save in full until the journal has it all: the
            // next job tries again.
            return None;
        }
        let (first, last) = self.unsaved?;
        let due = (last + SETTLE).min(first + MAX_WAIT);
        let due = self.retry_at.map_or(due, |r| due.max(r));
        Some(due.saturating_duration_since(Instant::now()))
    }

    /// Takes `job` and every job already waiting: their changes are
    /// journaled together, and only the latest draft is written.
    fn take(&mut self, job: Job, inbox: &Receiver<Job>) {
        let mut review = None;
        let mut draft = None;
        for job in std::iter::once(job).chain(inbox.try_iter()) {
            match job {
                Job::Review { revision, changes } => {
                    let r = review.get_or_insert((revision, Ok(())));
                    r.0 = revision;
                    if r.1.is_ok() {
                        r.1 = self.follow(changes);
                    }
                }
                Job::Draft(text) => draft = Some(text),
            }
        }
        if let Some((revision, followed)) = review {
            match followed {
                Ok(()) => self.commit(revision),
                Err(e) => self.report(revision, Err(e)),
            }
        }
        let written = match draft {
            Some(Some(text)) => Some(
                write_atomic(&self.draft, text.as_bytes(), Replace::Overwrite)
                    .map_err(|e| e.to_string()),
            ),
            Some(None) => Some(match std::fs::remove_file(&self.draft) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    Err(format!("could not remove {}: {e}", self.draft.display()))
                }
                _ => Ok(()),
            }),
            None => None,
        };
        if let Some(result) = written {
            let _ = self.outbox.send(Done::Draft(result));
        }
    }

    /// Applies a job's changes to the review kept here.
    fn follow(&mut self, changes: Vec<Change>) -> Result<(), SaveFailure> {
        if changes.is_empty() {
            return Ok(());
        }
        journal::apply(&mut self.review, changes.clone()).map_err(|what| {
            SaveFailure::of(&StoreError::Invalid {
                path: self.lock.review_path().to_owned(),
                what,
            })
        })?;
        self.backlog.extend(changes);
        Ok(())
    }

    /// Makes the review durable: its changes go to the journal.
    fn commit(&mut self, revision: u64) {
        if !self.known {
            // Where the journal would start is unknown: save in full.
            let result = self
                .lock
                .save(&self.review)
                .map_err(|e| SaveFailure::of(&e));
            if let Ok(text) = std::fs::read(self.lock.review_path()) {
                self.journal = JournalWriter::new(self.lock.review_path(), Fingerprint::of(&text));
                self.known = true;
                self.backlog.clear();
                self.restart_from = None;
                self.revision = revision;
            }
            return self.report(revision, result);
        }
        let changes = match &self.restart_from {
            Some(from) => journal::changes(from, &self.review),
            None => std::mem::take(&mut self.backlog),
        };
        if changes.is_empty() {
            self.backlog.clear();
            return self.report(revision, Ok(()));
        }
        if let Some(what) = crate::domain::guards::unsound(&self.review) {
            let e = StoreError::Invalid {
                path: self.lock.review_path().to_owned(),
                what,
            };
            self.keep_back(changes);
            return self.report(revision, Err(SaveFailure::of(&e)));
        }
        match self.journal.append(&changes) {
            Ok(()) => {
                self.backlog.clear();
                self.restart_from = None;
                self.revision = revision;
                let now = Instant::now();
                self.unsaved = Some(self.unsaved.map_or((now, now), |(first, _)| (first, now)));
                self.report(revision, Ok(()));
            }
            Err(e) => {
                self.keep_back(changes);
                self.report(revision, Err(SaveFailure::of(&e)));
            }
        }
    }

    /// Changes that could not be journaled wait for the next job.
    fn keep_back(&mut self, changes: Vec<Change>) {
        if self.restart_from.is_none() {
            self.backlog = changes;
        }
    }

    fn full_save_due(&self) -> bool {
        self.running.is_none()
            && self.backlog.is_empty()
            && self.retry_at.is_none_or(|r| Instant::now() >= r)
            && self.unsaved.is_some_and(|(first, last)| due(first, last))
    }

    fn start_full_save(&mut self) {
        let review = self.review.clone();
        let (tell, told) = mpsc::channel();
        let lock = Arc::clone(&self.lock);
        thread::spawn(move || {
            yield_to_journal();
            let result = lock.save_full(&review).map_err(|e| SaveFailure::of(&e));
            let _ = tell.send(result.map(|f| (f, review)));
        });
        self.running = Some(told);
    }

    /// When the running full save has finished (or, with `wait`, once it
    /// has), starts the journal again from it.
    fn look_at_full_save(&mut self, wait: bool) {
        let Some(told) = &self.running else {
            return;
        };
        let result = if wait {
            told.recv().ok()
        } else {
            match told.try_recv() {
                Ok(result) => Some(result),
                Err(mpsc::TryRecvError::Empty) => return,
                Err(mpsc::TryRecvError::Disconnected) => None,
            }
        };
        self.running = None;
        match result {
            Some(Ok((fingerprint, saved))) => {
                self.retry_at = None;
                if !self.backlog.is_empty() {
                    // Changes after the save are not all journaled: the
                    // journal on disk still continues the backup, and the
                    // next job starts it again from this save.
                    self.journal.restart(fingerprint);
                    self.restart_from = Some(saved);
                    self.backlog.clear();
                    return;
                }
                let after = journal::changes(&saved, &self.review);
                if after.is_empty() {
                    self.unsaved = None;
                }
                match self.journal.rebase(fingerprint, &after) {
                    Ok(()) => self.restart_from = None,
                    Err(e) => {
                        // The journal on disk still continues the backup;
                        // the next change starts it again from this save.
                        self.restart_from = Some(saved);
                        self.report(self.revision, Err(SaveFailure::of(&e)));
                    }
                }
            }
            Some(Err(e)) => {
                self.retry_at = Some(Instant::now() + RETRY);
                self.report(self.revision, Err(e));
            }
            None => self.retry_at = Some(Instant::now() + RETRY),
        }
    }

    /// Saves in full what is not yet, so that no journal is left.
    fn finish(mut self) {
        self.look_at_full_save(true);
        if self.unsaved.is_none() && self.backlog.is_empty() && self.restart_from.is_none() {
            return;
        }
        let result = self
            .lock
            .save_full(&self.review)
            .and_then(|f| self.journal.rebase(f, &[]));
        self.report(self.revision, result.map_err(|e| SaveFailure::of(&e)));
    }
}
