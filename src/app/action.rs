//! What comes into `update`, and what goes out of it for the runtime.

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyEvent, MouseEvent};

use super::state::Access;
use crate::domain::{Review, Severity};

/// Something that happened: a key, a paste, a resize, or the result of an
/// effect the runtime ran.
#[derive(Debug)]
pub enum Action {
    Key(KeyEvent),
    /// A click or a turn of the wheel; heard only while the mouse is on
    /// (see [`App::mouse`](super::App::mouse)).
    Mouse(MouseEvent),
    Paste(String),
    Resize(u16, u16),
    /// Time passed; nothing else happened.
    Tick,
    /// A save of the review at `revision` finished.
    Saved {
        revision: u64,
        result: Result<(), SaveFailure>,
    },
    /// An export finished, with the files written.
    Exported(Result<Vec<PathBuf>, ExportFailure>),
    /// The folder typed to export to does not exist: nothing was written
    /// or made.
    ExportFolderMissing(PathBuf),
    /// A review was opened (or created and opened) for the workspace.
    Opened(Result<Box<Opened>, Failure>),
    /// The review's file changed on disk and was read again, for a view
    /// that follows another process (a watcher, or a read-only view).
    Reloaded(Result<Box<Review>, String>),
    /// The facilitator's follow file changed, for a watcher.
    Followed(crate::follow::Follow),
    /// The holder of a review shown read-only closed it.
    LockFree,
    /// The facilitator a watcher follows closed the review (`true`), or
    /// opened it again (`false`).
    Left(bool),
    /// The text of the open form could not be kept in its draft file
    /// (`Err`), or is kept again (`Ok`).
    DraftSaved(Result<(), String>),
    /// A signal asks debrief to stop: it quits without asking.
    Stop,
    /// The export the import view asked for was read, or could not be.
    ImportRead(Result<Box<crate::import::Import>, crate::import::ImportError>),
    /// The library was read for the related reviews of the review in
    /// `file`, or could not be.
    Related {
        file: std::path::PathBuf,
        library: Result<std::sync::Arc<crate::library::Corpus>, String>,
    },
    /// The library screen the list of reviews asked for was made from the
    /// library's index, or the library could not be read (why).
    LibraryRead(Result<Box<super::library::LibraryView>, String>),
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

/// Why a save failed, as the app tells the cases apart; each holds the
/// message naming the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveFailure {
    /// The disk (or the user's quota) is full.
    NoSpace(String),
    /// Writing there is not allowed: permissions, a read-only file system.
    Denied(String),
    /// The review in memory is refused as it is (see `domain::guards`).
    Invalid(String),
    /// Anything else the disk said.
    Io(String),
}

impl SaveFailure {
    pub fn of(e: &crate::store::StoreError) -> SaveFailure {
        use crate::store::StoreError;
        use std::io::ErrorKind;
        let text = e.to_string();
        match e {
            StoreError::Invalid { .. } => SaveFailure::Invalid(text),
            StoreError::Io { source, .. } => match source.kind() {
                ErrorKind::StorageFull | ErrorKind::QuotaExceeded => SaveFailure::NoSpace(text),
                ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
                    SaveFailure::Denied(text)
                }
                _ => SaveFailure::Io(text),
            },
            _ => SaveFailure::Io(text),
        }
    }
}

impl std::fmt::Display for SaveFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveFailure::NoSpace(e)
            | SaveFailure::Denied(e)
            | SaveFailure::Invalid(e)
            | SaveFailure::Io(e) => f.write_str(e),
        }
    }
}

/// A failure known only by its message.
impl From<&str> for SaveFailure {
    fn from(e: &str) -> SaveFailure {
        SaveFailure::Io(e.to_owned())
    }
}

/// Why an export failed, as the app tells the cases apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportFailure {
    /// No review is open.
    NothingOpen,
    /// The review lives in memory only and no folder was given.
    NoFolder,
    /// The folder could not be made, or a report not written there.
    Io(String),
}

impl std::fmt::Display for ExportFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExportFailure::NothingOpen => f.write_str("no review is open"),
            ExportFailure::NoFolder => f.write_str("the review has no folder; give one with E"),
            ExportFailure::Io(e) => f.write_str(e),
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
    /// Make the folder that was missing, as the user answered, and write
    /// the reports into it.
    ExportMaking {
        folder: PathBuf,
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
    /// Take the mouse's events from the terminal (`true`), or give them
    /// back to it for selecting text (`false`).
    MouseCapture(bool),
    /// Read an export for the import view; the result comes back as
    /// [`Action::ImportRead`].
    ReadImport {
        path: PathBuf,
        options: crate::import::Options,
    },
    /// Read the library's index for the library screen; the result comes
    /// back as [`Action::LibraryRead`].
    LoadLibrary,
}
