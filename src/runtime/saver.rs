//! Saving in the background: the thread that owns the review's lock and
//! writes the review and the draft of the open form, so that typing never
//! waits for the disk.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crate::store::{Replace, ReviewLock, write_atomic};

/// How long after the last change a save waits for more typing.
const SETTLE: Duration = Duration::from_millis(150);
/// The longest a change waits before it is saved, however fast the typing.
const MAX_WAIT: Duration = Duration::from_millis(700);

/// The draft beside a review: `review.ron` → `review.ron.draft`.
pub fn draft_path(review: &Path) -> PathBuf {
    let mut name = review.file_name().unwrap_or_default().to_os_string();
    name.push(".draft");
    review.with_file_name(name)
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

/// What the saving thread finished.
pub(super) enum Done {
    /// A save of the review at this revision.
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
    pub(super) fn start(lock: ReviewLock) -> Saver {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (outbox, done) = mpsc::channel();
        let thread = thread::spawn(move || {
            let draft = draft_path(lock.review_path());
            for job in inbox {
                match job {
                    Job::Review { revision, review } => {
                        let result = lock.save(&review).map_err(|e| e.to_string());
                        if outbox.send(Done::Review(revision, result)).is_err() {
                            break;
                        }
                    }
                    Job::Draft(Some(text)) => {
                        let result = write_atomic(&draft, text.as_bytes(), Replace::Overwrite)
                            .map_err(|e| e.to_string());
                        if outbox.send(Done::Draft(result)).is_err() {
                            break;
                        }
                    }
                    Job::Draft(None) => {
                        let result = match std::fs::remove_file(&draft) {
                            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                                Err(format!("could not remove {}: {e}", draft.display()))
                            }
                            _ => Ok(()),
                        };
                        if outbox.send(Done::Draft(result)).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        Saver {
            jobs,
            done,
            thread: Some(thread),
        }
    }

    /// Finishes every job sent and stops the thread.
    pub(super) fn stop(mut self) -> Vec<Done> {
        drop(self.jobs);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        self.done.try_iter().collect()
    }
}
