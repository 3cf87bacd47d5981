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

use crate::domain::Review;
use crate::store::journal::{self, JournalWriter};
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
    Review {
        revision: u64,
        review: Box<crate::domain::Review>,
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
    Review(u64, Result<(), String>),
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
    pub(super) fn start(mut lock: ReviewLock) -> Saver {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (outbox, done) = mpsc::channel();
        let opened = lock.take_opened();
        let thread = thread::spawn(move || Writer::new(lock, opened, outbox).run(&inbox));
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
type FullSave = Receiver<Result<(Fingerprint, Review), String>>;

/// The saving thread's state.
struct Writer {
    lock: Arc<ReviewLock>,
    draft: PathBuf,
    journal: JournalWriter,
    /// The review as the file and its journal have it, and its revision;
    /// `None` until known (then the first change is saved in full).
    journaled: Option<Review>,
    revision: u64,
    /// What the journal on disk continues from when it must be started
    /// again (a failed restart after a full save); else `journaled`.
    restart_from: Option<Review>,
    /// When the oldest and the latest change not yet in a full save came.
    unsaved: Option<(Instant, Instant)>,
    running: Option<FullSave>,
    retry_at: Option<Instant>,
    outbox: Sender<Done>,
}

impl Writer {
    fn new(lock: ReviewLock, opened: Option<(Review, Fingerprint)>, outbox: Sender<Done>) -> Self {
        let path = lock.review_path().to_owned();
        let (journaled, base) = match opened {
            Some((review, fingerprint)) => (Some(review), fingerprint),
            None => match crate::store::load_checked(&path) {
                Ok(l) if l.replayed == 0 => (Some(l.review), l.fingerprint),
                _ => (None, Fingerprint { len: 0, hash: 0 }),
            },
        };
        Writer {
            draft: draft_path(&path),
            journal: JournalWriter::new(&path, base),
            lock: Arc::new(lock),
            journaled,
            revision: 0,
            restart_from: None,
            unsaved: None,
            running: None,
            retry_at: None,
            outbox,
        }
    }

    fn report(&self, revision: u64, result: Result<(), String>) {
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
        let (first, last) = self.unsaved?;
        let due = (last + SETTLE).min(first + MAX_WAIT);
        let due = self.retry_at.map_or(due, |r| due.max(r));
        Some(due.saturating_duration_since(Instant::now()))
    }

    /// Takes `job` and every job already waiting: only the latest review
    /// and the latest draft are written.
    fn take(&mut self, job: Job, inbox: &Receiver<Job>) {
        let mut review = None;
        let mut draft = None;
        for job in std::iter::once(job).chain(inbox.try_iter()) {
            match job {
                Job::Review {
                    revision,
                    review: r,
                } => review = Some((revision, r)),
                Job::Draft(text) => draft = Some(text),
            }
        }
        if let Some((revision, r)) = review {
            self.commit(revision, *r);
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

    /// Makes `review` durable: its changes go to the journal.
    fn commit(&mut self, revision: u64, review: Review) {
        let Some(journaled) = &self.journaled else {
            // Where the journal would start is unknown: save in full.
            let result = self.lock.save(&review).map_err(|e| e.to_string());
            if let Ok(text) = std::fs::read(self.lock.review_path()) {
                self.journal = JournalWriter::new(self.lock.review_path(), Fingerprint::of(&text));
                self.journaled = Some(review);
                self.revision = revision;
            }
            return self.report(revision, result);
        };
        let from = self.restart_from.as_ref().unwrap_or(journaled);
        let changes = journal::changes(from, &review);
        if changes.is_empty() {
            return self.report(revision, Ok(()));
        }
        if let Some(what) = crate::domain::guards::unsound(&review) {
            let e = StoreError::Invalid {
                path: self.lock.review_path().to_owned(),
                what,
            };
            return self.report(revision, Err(e.to_string()));
        }
        match self.journal.append(&changes) {
            Ok(()) => {
                self.journaled = Some(review);
                self.restart_from = None;
                self.revision = revision;
                let now = Instant::now();
                self.unsaved = Some(self.unsaved.map_or((now, now), |(first, _)| (first, now)));
                self.report(revision, Ok(()));
            }
            Err(e) => self.report(revision, Err(e.to_string())),
        }
    }

    fn full_save_due(&self) -> bool {
        self.running.is_none()
            && self.retry_at.is_none_or(|r| Instant::now() >= r)
            && self.unsaved.is_some_and(|(first, last)| due(first, last))
    }

    fn start_full_save(&mut self) {
        let Some(review) = self.journaled.clone() else {
            return;
        };
        let (tell, told) = mpsc::channel();
        let lock = Arc::clone(&self.lock);
        thread::spawn(move || {
            yield_to_journal();
            let result = lock.save_full(&review).map_err(|e| e.to_string());
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
                let Some(journaled) = &self.journaled else {
                    return;
                };
                let after = journal::changes(&saved, journaled);
                if after.is_empty() {
                    self.unsaved = None;
                }
                if let Err(e) = self.journal.rebase(fingerprint, &after) {
                    // The journal on disk still continues the backup; the
                    // next change starts it again from this save.
                    self.restart_from = Some(saved);
                    self.report(self.revision, Err(e.to_string()));
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
        if self.unsaved.is_none() {
            return;
        }
        let Some(review) = &self.journaled else {
            return;
        };
        let result = self
            .lock
            .save_full(review)
            .and_then(|f| self.journal.rebase(f, &[]));
        self.report(self.revision, result.map_err(|e| e.to_string()));
    }
}
