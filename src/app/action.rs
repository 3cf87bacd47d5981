//! What comes into `update`, and what goes out of it for the runtime.

use std::path::PathBuf;

use ratatui::crossterm::event::KeyEvent;

use super::state::Access;
use crate::domain::{Review, Severity};

/// Something that happened: a key, a paste, a resize, or the result of an
/// effect the runtime ran.
#[derive(Debug)]
pub enum Action {
    Key(KeyEvent),
    Paste(String),
    Resize(u16, u16),
    /// Time passed; nothing else happened.
    Tick,
    /// A save of the review at `revision` finished.
    Saved {
        revision: u64,
        result: Result<(), String>,
    },
    /// An export finished, with the files written.
    Exported(Result<Vec<PathBuf>, String>),
    /// A review was opened (or created and opened) for the workspace.
    Opened(Result<Box<Opened>, Failure>),
    /// The review's file changed on disk and was read again, for a view
    /// that follows another process (a watcher, or a read-only view).
    Reloaded(Result<Box<Review>, String>),
    /// The facilitator's follow file changed, for a watcher.
    Followed(crate::follow::Follow),
    /// The holder of a review shown read-only closed it.
    LockFree,
    /// The text of the open form could not be kept in its draft file
    /// (`Err`), or is kept again (`Ok`).
    DraftSaved(Result<(), String>),
    /// A signal asks debrief to stop: it quits without asking.
    Stop,
    /// The export the import view asked for was read, or could not be.
    ImportRead(Result<Box<crate::import::Import>, crate::import::ImportError>),
}

/// Why the runtime could not do what the app asked, as the app tells the
/// cases apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// Another process holds the review.
    Locked { holder: String },
    /// The file does not read as a review; it is left as it is.
    Unreadable(String),
    /// Anything else: the disk, a folder, a permission.
    Io(String),
}

impl Failure {
    pub fn of(e: &crate::store::StoreError) -> Failure {
        use crate::store::StoreError;
        match e {
            StoreError::Locked { holder, .. } => Failure::Locked {
                holder: holder.clone(),
            },
            StoreError::Decode(_) => Failure::Unreadable(e.to_string()),
            _ => Failure::Io(e.to_string()),
        }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Locked { holder } => write!(f, "{holder} holds this review"),
            Failure::Unreadable(e) | Failure::Io(e) => f.write_str(e),
        }
    }
}

/// A review loaded from disk, ready for the workspace.
#[derive(Debug)]
pub struct Opened {
    pub review: Review,
    pub file: PathBuf,
    pub access: Access,
    /// Text recovered from a form that was open when debrief last stopped.
    pub recovered: Option<String>,
    /// What the user should be told about the file though it opened: a
    /// journal replayed, an id that differs from the file's name, a file of
    /// another user's.
    pub warnings: Vec<String>,
}

/// A side effect for the runtime to run. `update` never touches the disk,
/// the terminal or the clock itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// The review changed: save it soon.
    Save,
    /// Write the internal and public reports to `folder`, or beside the
    /// review when `None`.
    Export {
        folder: Option<PathBuf>,
    },
    Open(PathBuf),
    Create {
        title: String,
        severity: Severity,
    },
    /// Keep the text of the open form safe until it is saved.
    SaveDraft(String),
    ClearDraft,
    /// Save what is pending and leave.
    Quit,
    /// Read an export for the import view; the result comes back as
    /// [`Action::ImportRead`].
    ReadImport {
        path: PathBuf,
        options: crate::import::Options,
    },
}
