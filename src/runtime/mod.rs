//! The only place that reads terminal events and files and runs effects.
//!
//! - [`session`]: the one loop, for the workspace and for a watcher: draw
//!   the state, wait for an event (a key, a finished save, a change to a
//!   followed file, a signal), turn it into an [`Action`], call
//!   [`update`], run the effects.
//! - [`saver`]: saves on a background thread, so that typing never waits
//!   for the disk: each committed change is journaled within milliseconds;
//!   what is typed in an open form is kept in a draft file
//!   beside the review until it is saved.
//! - [`files`]: the review and follow files a watcher or a read-only view
//!   follows.
//! - [`terminal`]: taking the terminal and giving it back; signals.

pub mod files;
mod held;
mod related;
mod saver;
mod session;
pub mod terminal;
mod typed;

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::Utc;

use crate::app::action::ExportFailure;
use crate::app::{Access, Action, App, Audience, Opened, Screen, update};
use crate::config::{Config, Env};
use crate::domain::Review;
use crate::store::{self, Replace, ReviewLock, Store, StoreError, write_atomic};
pub use saver::draft_path;
use session::Session;
use terminal::{init_terminal, restore_terminal, stop_on_signals};

/// Who a watcher's read-only view names when an edit is refused.
const HOLDER: &str = "the facilitator";

/// How the interactive program left the review it had open.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Every change is saved in this file.
    Saved(PathBuf),
    /// The review was only read: nothing was to be saved.
    ReadOnly,
    /// No review was open.
    NothingOpen,
    /// The last changes could not be saved in the review's file.
    Unsaved {
        review: PathBuf,
        error: String,
        /// Where a copy of the review as it was in memory is, if one could
        /// be written; else why not.
        copy: Result<PathBuf, String>,
    },
}

impl Outcome {
    /// For changes that could not be saved: what became of them, to say
    /// on screen.
    fn unsaved(&self) -> Option<String> {
        let Outcome::Unsaved {
            review,
            error,
            copy,
        } = self
        else {
            return None;
        };
        let copy = match copy {
            Ok(at) => format!("a copy is at {}", at.display()),
            Err(why) => format!("no copy could be written: {why}"),
        };
        let said = format!(
            "The last changes to {} could not be saved ({error}); {copy}",
            review.display()
        );
        Some(crate::domain::text::visible_line(&said).into_owned())
    }

    /// The changes to `review` could not be saved at `path`: writes a copy
    /// of the review where it can (the state folder, else the temporary
    /// folder), never over anything.
    fn rescue(review: &Review, path: &Path, error: &str) -> Outcome {
        let name = format!(
            "{}.rescued-{}.ron",
            review.id,
            Utc::now().format("%Y%m%dT%H%M%S")
        );
        let folders = directories::ProjectDirs::from("", "", "debrief")
            .and_then(|d| d.state_dir().map(Path::to_path_buf))
            .into_iter()
            .chain([std::env::temp_dir()]);
        let text = store::encode(review);
        let mut why = Vec::new();
        let mut copy = Err(String::new());
        for folder in folders {
            let target = folder.join(&name);
            let written = std::fs::create_dir_all(&folder)
                .map_err(|e| format!("could not create {}: {e}", folder.display()))
                .and_then(|()| {
                    write_atomic(&target, text.as_bytes(), Replace::Never)
                        .map_err(|e| e.to_string())
                });
            match written {
                Ok(()) => {
                    copy = Ok(target);
                    break;
                }
                Err(e) => why.push(e),
            }
        }
        Outcome::Unsaved {
            review: path.to_owned(),
            error: error.to_owned(),
            copy: copy.map_err(|_| why.join("; ")),
        }
    }
}

/// What the interactive program starts on.
pub enum Start {
    /// The list of reviews in the store.
    Picker,
    /// One review, by path.
    Open(PathBuf),
    /// A review just created: a quick one opens on the quick review.
    New(PathBuf),
    /// The library screen, over the list of reviews.
    Library,
}

/// How the interactive program looks.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Start in presenter mode, for a shared screen.
    pub present: bool,
    /// The demo's scratch copy, deleted on quit.
    pub demo: bool,
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
/// holds it or nothing can be written where it is. A file that fails to
/// load is an error and is left alone.
pub fn open_review(path: &Path) -> Result<(Opened, Option<ReviewLock>), StoreError> {
    let read_only = |access: Access| -> Result<_, StoreError> {
        let loaded = store::load_checked(path)?;
        Ok((loaded.review, None, access, loaded.warnings))
    };
    let (review, lock, access, warnings) = match store::open(path) {
        Ok(o) => (o.review, Some(o.lock), Access::ReadWrite, o.warnings),
        Err(StoreError::Locked { holder, .. }) => read_only(Access::ReadOnly(holder))?,
        Err(e @ StoreError::ReadOnly { .. }) => read_only(Access::CannotWrite(e.to_string()))?,
        Err(e) => return Err(e),
    };
    let warnings = warnings.iter().map(ToString::to_string).collect();
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
            warnings,
        },
        lock,
    ))
}

/// Runs the interactive program until the user quits or a signal asks it
/// to stop; what was typed is saved before it returns.
pub fn run(store: &Store, start: Start, options: Options) -> Result<Outcome, RuntimeError> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(RuntimeError::NotATerminal);
    }
    // Everything that can fail on disk is tried before the terminal is
    // taken, so an error reads as a plain message.
    let new = matches!(start, Start::New(_));
    let (screen, first) = match start {
        Start::Picker => (picker_screen(store)?, None),
        Start::Library => {
            let view = library_screen(store, today(&Env::from_process()))?;
            (Screen::Library(Box::new(view)), None)
        }
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
    app.demo = options.demo;

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
    let mut session = Session::new(store.clone(), env, saved_at);
    if let Some((opened, lock)) = first {
        session.opened(&mut app, opened, lock);
        if new {
            session.quick_if_quick(&mut app);
        }
    }
    let result = session.run(&mut app, &mut terminal, &stop);
    let outcome = session.finish(&mut app);
    restore_terminal();
    result?;
    Ok(outcome)
}

/// `debrief watch REVIEW`: a participant's read-only view of a review, in
/// a terminal of its own at its own size, following the facilitator's
/// saves and moves. Keys still move the watcher's own view; the
/// facilitator's next move takes over again. The screen is drawn only when
/// something changed.
pub fn watch(path: &Path) -> Result<(), RuntimeError> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(RuntimeError::NotATerminal);
    }
    // A review that does not load is an error before the terminal is taken.
    let (follow, review) = files::FileWatch::open(path, true)?;
    let mut app = App::new(Screen::Picker(Default::default()), Utc::now());
    let env = Env::from_process();
    app.configure(&env, Config::load(&env));
    app.audience = Audience::Watcher;
    let opened = Opened {
        review,
        file: path.to_owned(),
        access: Access::ReadOnly(HOLDER.into()),
        recovered: None,
        warnings: Vec::new(),
    };
    update(&mut app, Action::Opened(Ok(Box::new(opened))), Utc::now());
    app.info("Watching: the view follows the facilitator; q to quit");
    let stop = stop_on_signals()?;
    // Nothing is saved, so a crash has no file to point at.
    let mut terminal = init_terminal(Arc::default())?;
    if let Ok(size) = terminal.size() {
        update(
            &mut app,
            Action::Resize(size.width, size.height),
            Utc::now(),
        );
    }
    let mut session = Session::new(
        Store::at(path.parent().unwrap_or(path)),
        env,
        Arc::default(),
    );
    session.watching(follow);
    let result = session.run(&mut app, &mut terminal, &stop);
    session.finish(&mut app);
    restore_terminal();
    result?;
    Ok(())
}

/// The library screen over the list of reviews it goes back to, from one
/// reading of the library's index.
pub fn library_screen(
    store: &Store,
    today: chrono::NaiveDate,
) -> Result<crate::app::library::LibraryView, StoreError> {
    let library = crate::library::Library::load(store, &mut |_, _| {})?;
    let problems = library
        .problems()
        .map(|(_, why)| crate::domain::text::visible_line(why).into_owned())
        .collect();
    let back = match crate::app::picker::screen(&library) {
        Screen::Picker(p) => p,
        _ => Default::default(),
    };
    Ok(crate::app::library::LibraryView::build(
        library.reviews(),
        problems,
        today,
        back,
    ))
}

/// Today where debrief runs, for what is overdue.
pub(super) fn today(env: &Env) -> chrono::NaiveDate {
    env.offset.local(Utc::now()).date_naive()
}

fn picker_screen(store: &Store) -> Result<Screen, StoreError> {
    let library = crate::library::Library::load(store, &mut |_, _| {})?;
    Ok(crate::app::picker::screen(&library))
}

/// Writes the reports of the open review to `folder`, or beside the
/// review; returns the files written.
fn export(app: &App, folder: Option<PathBuf>) -> Result<Vec<PathBuf>, ExportFailure> {
    let ws = app.workspace().ok_or(ExportFailure::NothingOpen)?;
    let folder = folder
        .or_else(|| {
            ws.file
                .as_ref()
                .and_then(|f| f.parent().map(Path::to_path_buf))
        })
        .ok_or(ExportFailure::NoFolder)?;
    std::fs::create_dir_all(&folder)
        .map_err(|e| ExportFailure::Io(format!("could not create {}: {e}", folder.display())))?;
    let files =
        crate::report::export_set_with(&ws.review, &app.coach, Utc::now(), ws.related.list());
    store::write_files(
        &folder,
        files.iter().map(|f| (f.name.as_str(), f.text.as_bytes())),
    )
    .map_err(|e| ExportFailure::Io(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_that_cannot_be_saved_are_kept_in_a_copy_that_loads() {
        let review = store::decode(store::EXAMPLE, Path::new("example.ron")).unwrap();
        let outcome = Outcome::rescue(&review, Path::new("/gone/r.ron"), "disk full");
        let Outcome::Unsaved {
            review: path,
            error,
            copy,
        } = outcome
        else {
            panic!("{outcome:?}");
        };
        assert_eq!(
            (path.as_path(), error.as_str()),
            (Path::new("/gone/r.ron"), "disk full")
        );
        let copy = copy.expect("a copy is written in the state or temporary folder");
        assert!(
            copy.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&format!("{}.rescued-", review.id))
        );
        assert_eq!(store::load(&copy).unwrap(), review);
        std::fs::remove_file(copy).unwrap();
    }
}
